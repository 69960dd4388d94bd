"""Round-3 company cues (extract.entities.consistency): a GPE label on a name the place gazetteer
does not know loses to a company's words ("X's subsidiary", "X shares", "makers include X"),
at every mention; a known place or a country's short name keeps its GPE label.

Docs come from spacy.blank("en") with entities set by hand; every sentence is made up.
"""
from __future__ import annotations

import pytest

from extract.entities import gazetteer

pytestmark = pytest.mark.skipif(not gazetteer.available(), reason="the place gazetteer is not installed")

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
CASES = [
    ("Zorvexa cut jobs. Zorvexa's subsidiary makes fridges.", [("Zorvexa", "GPE"), ("Zorvexa", "GPE")],
     [("Zorvexa", "ORG")], [("Zorvexa", "GPE")]),
    ("Quillmora shares fell on Monday. Quillmora said profits rose.",
     [("Quillmora", "GPE"), ("Quillmora", "GPE")], [("Quillmora", "ORG")], [("Quillmora", "GPE")]),
    # negative: "investment in X" does not overrule a place the gazetteer misses (a province)
    ("Investment in Quillmora grew. Quillmora is a coastal province.",
     [("Quillmora", "GPE"), ("Quillmora", "GPE")], [("Quillmora", "GPE")], [("Quillmora", "ORG")]),
    ("The report said rival makers include Tarvello and Brisquin.", [("Tarvello", "GPE"), ("Brisquin", "GPE")],
     [("Tarvello", "ORG"), ("Brisquin", "ORG")], [("Tarvello", "GPE")]),
    # negative: a known town, a country and its short name keep their GPE label
    ("Factories in Sheffield closed. Sheffield's shares of the market fell.",
     [("Sheffield", "GPE"), ("Sheffield", "GPE")], [("Sheffield", "GPE")], [("Sheffield", "ORG")]),
    ("He sold US shares. France's board of trade met.", [("US", "GPE"), ("France", "GPE")],
     [("US", "GPE"), ("France", "GPE")], [("US", "ORG"), ("France", "ORG")]),
    # negative: an unknown GPE with no company words stays a GPE
    ("They flew to Varnholt and stayed in Varnholt for a week.", [("Varnholt", "GPE"), ("Varnholt", "GPE")],
     [("Varnholt", "GPE")], [("Varnholt", "ORG")]),
]


@pytest.mark.parametrize("text, ents, wanted, unwanted", CASES)
def test_company_cues_overrule_unknown_places(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)
