"""Round 8 (issue 14): a school named in "the school of X", "pupils at X", "headmaster of X" is an
ORG (OntoNotes: schools are organisations), through the cue phrases of ``org_cue_phrases`` in
``entity_words.json``; a known place the model read as a place keeps its label. Sentences written
for these tests; the rules run on ``spacy.blank("en")`` with hand-set entities."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, ents, expected, absent", [
    # the example, with an invented school: a fictional school the model read as a person
    ("Anna Vell has written the final book. The school of Quarrowmere is closed.",
     [("Anna Vell", "PERSON"), ("Quarrowmere", "PERSON")], [("Quarrowmere", "ORG")], [("Quarrowmere", "PERSON")]),
    # the cue reaches the other mentions
    ("The school of Quarrowmere is closed. Quarrowmere will reopen in May.",
     [("Quarrowmere", "PERSON"), ("Quarrowmere", "PERSON")], [("Quarrowmere", "ORG")], [("Quarrowmere", "PERSON")]),
    # pupils, a head teacher; a name the model missed
    ("Fees for pupils at Tarnbridge rose.", [("Tarnbridge", "PERSON")], [("Tarnbridge", "ORG")], []),
    ("He was headmaster of Brenwick for ten years.", [("Brenwick", "PERSON")], [("Brenwick", "ORG")], []),
    ("Fees for pupils at Tarnbridge Grange rose.", [], [("Tarnbridge Grange", "ORG")], []),
    # negatives: a known place read as a place stays one; a lower-case school of thought is no name
    ("Students at Oxford protested.", [("Oxford", "GPE")], [("Oxford", "GPE")], [("Oxford", "ORG")]),
    ("She taught the Chicago school of economics.", [("Chicago", "GPE")], [("Chicago", "GPE")], [("Chicago", "ORG")]),
    ("The school of thought is old.", [], [], [("thought", "ORG")]),
])
def test_a_school_by_its_pupils_or_head_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)
