"""Round 12 (issue 14): a name written right before a plural noun for an organisation's members
("X researchers", "X engineers", "X staff") is an organisation when the model read it as a person
(``org_member_nouns`` in entity_words.json, read by :mod:`extract.entities.labelcues`). Any other
label stays: a place, a building, a nationality ("Paris workers", "Buckingham Palace staff",
"Chinese scientists"); a possessive is no member noun ("Tom Hale's staff"). Sentences written for these tests; the rule on
``spacy.blank("en")`` with hand-set entities, and the issue's example with the installed model."""
from __future__ import annotations

import pytest

CASES = [
    ("Brenwick Tarn researchers agreed with the findings.", [("Brenwick Tarn", "PERSON")],
     [("Brenwick Tarn", "ORG")], [("Brenwick Tarn", "PERSON")]),
    ("Quellor engineers built the new handset.", [("Quellor", "PERSON")],
     [("Quellor", "ORG")], [("Quellor", "PERSON")]),
    ("Harvane staff went on strike on Monday.", [("Harvane", "PERSON")],
     [("Harvane", "ORG")], [("Harvane", "PERSON")]),
    ("Dunmore Foods employees were told on Friday.", [("Dunmore Foods", "PERSON")],
     [("Dunmore Foods", "ORG")], [("Dunmore Foods", "PERSON")]),
    ("Tarvo scientists said the drug works.", [("Tarvo", "PERSON")],
     [("Tarvo", "ORG")], [("Tarvo", "PERSON")]),
    # a known place and a nationality keep their labels; a person not before a member noun too
    ("Paris workers marched on Monday.", [("Paris", "GPE")], [("Paris", "GPE")], [("Paris", "ORG")]),
    ("Chinese scientists said the drug works.", [("Chinese", "NORP")], [("Chinese", "NORP")],
     [("Chinese", "ORG")]),
    ("Buckingham Palace staff were angry.", [("Buckingham Palace", "FAC")], [("Buckingham Palace", "FAC")],
     [("Buckingham Palace", "ORG")]),
    ("Tom Hale's staff were angry.", [("Tom Hale", "PERSON")], [("Tom Hale", "PERSON")], [("Tom Hale", "ORG")]),
    ("Tom Hale met researchers in May.", [("Tom Hale", "PERSON")], [("Tom Hale", "PERSON")],
     [("Tom Hale", "ORG")]),
    ("Tom Hale, researchers said, was right.", [("Tom Hale", "PERSON")], [("Tom Hale", "PERSON")],
     [("Tom Hale", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CASES)
def test_a_name_before_a_member_noun_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_issue_example_with_the_model():
    from extract.pipeline import build_pipeline

    doc = build_pipeline(extractors=["entities"])("JK Rowling wrote about it. ETH Zurich researchers agreed.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("ETH Zurich", "ORG") in found, found
    assert ("JK Rowling", "PERSON") in found, found
