"""Round 13 (false hits): spans of the final entity list that should not stand as they are
(:mod:`extract.entities.falsehits`).

* "X and Y" read as one organisation or thing, where X and Y are each a person's name in the
  article, is two PERSONs (:func:`extract.entities.falsehits.split_people`);
* "the Government" alone and a day or holiday ("by Easter") read as a name are no entity
  (:func:`extract.entities.falsehits.generic_words`).

Sentences written for these tests; the rule on ``spacy.blank("en")`` with hand-set entities
(directly and through the whole fixer), one end to end with the installed model.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from extract.entities.falsehits import falsehit_words, generic_words, split_people, validate_falsehit_words


def _doc(text: str, ents: list[tuple[str, str]]):
    nlp = spacy.blank("en")
    doc = nlp(text)
    spans, at = [], 0
    for surface, label in ents:
        start = text.index(surface, at)
        at = start + len(surface)
        sp = doc.char_span(start, at, label=label)
        assert sp is not None, surface
        spans.append(sp)
    doc.ents = spans
    return doc


def _split(text, ents):
    doc = _doc(text, ents)
    return [(sp.text, sp.label_) for sp in split_people(doc, list(doc.ents))]


SPLIT = [
    # two players named in full earlier, joined into one ORG by the model
    ("Tom Varley and Ian Brosk started. Later Varley and Brosk combined to score.",
     [("Tom Varley", "PERSON"), ("Ian Brosk", "PERSON"), ("Varley and Brosk", "ORG")],
     [("Varley", "PERSON"), ("Brosk", "PERSON")], [("Varley and Brosk", "ORG")]),
    # surnames that are PERSON spans of their own, read as a place
    ("Kelloway scored twice. Then Drummond and Kelloway were booked. Drummond left.",
     [("Kelloway", "PERSON"), ("Drummond and Kelloway", "GPE"), ("Drummond", "PERSON")],
     [("Drummond", "PERSON"), ("Kelloway", "PERSON")], [("Drummond and Kelloway", "GPE")]),
    # "or" as the joiner
    ("Either Anna Pell or Ruth Marsh will lead. It is good for Pell or Marsh to try.",
     [("Anna Pell", "PERSON"), ("Ruth Marsh", "PERSON"), ("Pell or Marsh", "NORP")],
     [("Pell", "PERSON"), ("Marsh", "PERSON")], [("Pell or Marsh", "NORP")]),
]

KEPT = [
    # only one side is a person in the article
    ("Jo Tarr spoke. Tarr and Quillon signed a deal.",
     [("Jo Tarr", "PERSON"), ("Tarr and Quillon", "ORG")], [("Tarr and Quillon", "ORG")], [("Tarr", "PERSON")]),
    # "&" joins the words of one name (a firm, a duo)
    ("Ben Marks and Al Spenlow met. Marks & Spenlow opened a shop.",
     [("Ben Marks", "PERSON"), ("Al Spenlow", "PERSON"), ("Marks & Spenlow", "ORG")],
     [("Marks & Spenlow", "ORG")], []),
    # a title of a work keeps its words together
    ("Tarvo Lund and Bessin Ray acted. They starred in Lund and Ray last year.",
     [("Tarvo Lund", "PERSON"), ("Bessin Ray", "PERSON"), ("Lund and Ray", "WORK_OF_ART")],
     [("Lund and Ray", "WORK_OF_ART")], [("Lund", "PERSON")]),
    # more than one word on a side: a body's name, not two people
    ("Anne Trade spoke. The Department of Trade and Industry agreed.",
     [("Anne Trade", "PERSON"), ("Department of Trade and Industry", "ORG")],
     [("Department of Trade and Industry", "ORG")], []),
    # no person in the article at all
    ("Carderville and Darkmoor were closed.", [("Carderville and Darkmoor", "ORG")],
     [("Carderville and Darkmoor", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", SPLIT + KEPT)
def test_two_people_joined_into_one_span_are_split(text, ents, expected, absent):
    found = _split(text, ents)
    for item in expected:
        assert item in found, f"{item} not in {found}"
    for item in absent:
        assert item not in found, f"{item} in {found}"


@pytest.mark.parametrize("text, ents, expected, absent", SPLIT[:2] + KEPT[:2])
def test_through_the_whole_fixer(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


GENERIC = [
    # a body named by its common noun after "the"
    ("Critics attacked the Government's plans for Tarnby.", [("Government", "ORG"), ("Tarnby", "GPE")],
     [("Tarnby", "GPE")], [("Government", "ORG")]),
    ("The unions put the Government under pressure.", [("Government", "ORG")], [], [("Government", "ORG")]),
    # holidays and days read as names
    ("Sales were weak until Easter, said Mr Quell.", [("Easter", "PERSON"), ("Quell", "PERSON")],
     [("Quell", "PERSON")], [("Easter", "PERSON")]),
    ("MPs return after the Christmas recess.", [("Christmas", "FAC")], [], [("Christmas", "FAC")]),
    ("Voting closes on Thursday in Brenmouth.", [("Thursday", "ORG"), ("Brenmouth", "GPE")],
     [("Brenmouth", "GPE")], [("Thursday", "ORG")]),
]

GENERIC_KEPT = [
    # a government named by its country is a longer span, and stays
    ("The Tarnish Government said no.", [("Tarnish Government", "ORG")], [("Tarnish Government", "ORG")], []),
    # "Government" without "the" before it (a heading, a name's part) is left alone
    ("Government to cut jobs in Brenmouth", [("Government", "ORG"), ("Brenmouth", "GPE")],
     [("Government", "ORG")], []),
    # a holiday inside a longer name stays
    ("The Easter Rising began in 1916.", [("Easter Rising", "EVENT")], [("Easter Rising", "EVENT")], []),
    # a date span is no entity row and is left to the dates component
    ("He left on Monday.", [("Monday", "DATE")], [("Monday", "DATE")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", GENERIC + GENERIC_KEPT)
def test_generic_words_and_days_are_no_entity(text, ents, expected, absent):
    doc = _doc(text, ents)
    found = [(sp.text, sp.label_) for sp in generic_words(doc, list(doc.ents))]
    for item in expected:
        assert item in found, f"{item} not in {found}"
    for item in absent:
        assert item not in found, f"{item} in {found}"


@pytest.mark.parametrize("text, ents, expected, absent", GENERIC[:1] + GENERIC[2:3])
def test_generic_words_through_the_whole_fixer(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_the_lists_are_package_data():
    words = falsehit_words()
    assert "and" in words.name_joiners and "&" not in words.name_joiners
    assert "ORG" in words.split_labels and "PERSON" not in words.split_labels


def test_an_upper_case_joiner_is_an_error_naming_it():
    with pytest.raises(Exception, match="AND"):
        validate_falsehit_words({"name_joiners": ["AND"], "split_labels": ["ORG"], "generic_bodies": [], "time_names": []})
    with pytest.raises(Exception, match="split_labels"):
        validate_falsehit_words({"name_joiners": ["and"], "generic_bodies": [], "time_names": []})
    with pytest.raises(Exception, match="easter"):
        validate_falsehit_words({"name_joiners": ["and"], "split_labels": [], "generic_bodies": [],
                                 "time_names": ["easter"]})


@pytest.fixture(scope="module")
def ent_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def test_with_the_model(ent_nlp):
    doc = ent_nlp("Striker Callum Bryce and winger Dean Harlow both started for Tarnby Rovers. "
                  "Bryce and Harlow combined for the opening goal after ten minutes.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert not any(text == "Bryce and Harlow" for text, _ in found), found
    doc = ent_nlp("Shoppers stayed away until Easter, and critics attacked the Government's plans.")
    found = [(e.text, e.label_) for e in doc.ents if e.label_ not in {"DATE", "TIME", "CARDINAL"}]
    assert not any(text in {"Easter", "Government"} for text, _ in found), found
