"""Round-3 word-list labels (extract.entities.known): named awards are WORK_OF_ART, groups of
states ORG, rivers and seas LOC, "County X" GPE.

Docs come from spacy.blank("en") with entities set by hand; every sentence is made up.
"""
from __future__ import annotations

import pytest

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
CASES = [
    # awards: every mention, plural, in a compound word, where the model missed it
    ("The Oscars are in March and she hopes for an Oscar.", [("Oscars", "PRODUCT"), ("Oscar", "PERSON")],
     [("Oscars", "WORK_OF_ART"), ("Oscar", "WORK_OF_ART")], [("Oscars", "PRODUCT"), ("Oscar", "PERSON")]),
    ("The Oscar-winning actor met two Bafta judges.", [("Bafta", "GPE")],
     [("Oscar", "WORK_OF_ART"), ("Bafta", "WORK_OF_ART")], [("Bafta", "GPE")]),
    ("Her album won three Grammys and a Golden Globe last year.",
     [("Grammys", "PRODUCT"), ("Golden Globe", "FAC")],
     [("Grammys", "WORK_OF_ART"), ("Golden Globe", "WORK_OF_ART")], [("Golden Globe", "FAC")]),
    # negative: an award word that is part of a person's name in the document stays a PERSON
    ("Oscar Tellwin spoke first. Later Oscar smiled.", [("Oscar Tellwin", "PERSON"), ("Oscar", "PERSON")],
     [("Oscar Tellwin", "PERSON"), ("Oscar", "PERSON")], [("Oscar", "WORK_OF_ART")]),
    # negative: a longer name holding an award word keeps its label
    ("She sang at the Golden Globe Arena in town.", [("Golden Globe Arena", "FAC")],
     [("Golden Globe Arena", "FAC")], [("Golden Globe", "WORK_OF_ART")]),
    # groups of states
    ("The G7 meeting ended and G20 nations met later.", [("G7", "PRODUCT")],
     [("G7", "ORG"), ("G20", "ORG")], [("G7", "PRODUCT")]),
    ("He said the G8 was split.", [("G8", "NORP")], [("G8", "ORG")], [("G8", "NORP")]),
    # negative: a model number that is no group
    ("The new G6 phone sold well.", [("G6", "PRODUCT")], [("G6", "PRODUCT")], [("G6", "ORG")]),
    # rivers, lakes and seas are LOC
    ("They marched along the River Tarn to the Caspian Sea.", [("River Tarn", "FAC"), ("Caspian Sea", "GPE")],
     [("River Tarn", "LOC"), ("Caspian Sea", "LOC")], [("River Tarn", "FAC")]),
    ("Boats sailed down the Ossel River.", [("Ossel River", "FAC")], [("Ossel River", "LOC")], []),
    # negative: a company or a channel with a water word keeps its label
    ("He spoke on Canal Nord and joined Sea Freight Lines.", [("Canal Nord", "ORG"), ("Sea Freight Lines", "ORG")],
     [("Canal Nord", "ORG"), ("Sea Freight Lines", "ORG")], [("Sea Freight Lines", "LOC")]),
    ("The plant at River Court closed.", [("River Court", "ORG")], [("River Court", "ORG")], []),
    # "County X" is a GPE
    ("The firm has two sites in County Brenn.", [("County Brenn", "FAC")],
     [("County Brenn", "GPE")], [("County Brenn", "FAC")]),
    # a multi-word title is a WORK_OF_ART at the other mentions the model labelled otherwise
    ("The drama Silver Kettle Road won. Critics said Silver Kettle Road was slow.",
     [("Silver Kettle Road", "WORK_OF_ART"), ("Silver Kettle Road", "FAC")],
     [("Silver Kettle Road", "WORK_OF_ART")], [("Silver Kettle Road", "FAC")]),
    # negative: an EVENT keeps its label; a one-word title does not spread
    ("She read Harbour Open aloud. The Harbour Open starts today.",
     [("Harbour Open", "WORK_OF_ART"), ("Harbour Open", "EVENT")], [("Harbour Open", "EVENT")], []),
    ("The novel Brask sold well. Brask is a town.", [("Brask", "WORK_OF_ART"), ("Brask", "GPE")],
     [("Brask", "GPE")], []),
    # negative: a county ground stays a FAC when it is not "County X"
    ("They played at the Brenn County Ground.", [("Brenn County Ground", "FAC")],
     [("Brenn County Ground", "FAC")], []),
]


@pytest.mark.parametrize("text, ents, wanted, unwanted", CASES)
def test_known_labels(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)
