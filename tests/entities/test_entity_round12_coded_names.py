"""Round 12 (issue 14): a model's name the model read as a person ("Martin DB9" in "the Aston
Martin DB9") is no person's full name, so its words are no evidence that another name is a
person's: the maker in a list with a firm ("Ryanair and Aston Martin") and before a possessive
and a code ("Aston Martin's DB9") is ORG also when the article names the model in full
(:func:`extract.entities.works.codes.coded_name`, read by the vote and by
:func:`extract.entities.firms.maker_cue`). Sentences written for these tests, on
``spacy.blank("en")`` with hand-set entities, and the issue's example with the installed model."""
from __future__ import annotations

import pytest

CASES = [
    # the list with a firm, and the model's misread product name elsewhere
    ("Ryanair and Quellor Tarn reported profits. The Quellor Tarn QT7 sold well.",
     [("Ryanair", "ORG"), ("Quellor Tarn", "PERSON"), ("Tarn QT7", "PERSON")],
     [("Quellor Tarn", "ORG"), ("Quellor Tarn QT7", "PRODUCT")], [("Quellor Tarn", "PERSON")]),
    # the possessive owner of a code, and the misread product name elsewhere
    ("The Quellor Tarn QT7 sold well. Quellor Tarn's QT7 costs more.",
     [("Tarn QT7", "PERSON"), ("Quellor Tarn", "PERSON")],
     [("Quellor Tarn", "ORG"), ("QT7", "PRODUCT")], [("Quellor Tarn", "PERSON")]),
    # a real person's full name still blocks the list evidence: "Tom Hale" makes "Hale" a person's
    ("Tom Hale spoke on Monday. Ryanair and Hale reported profits.",
     [("Tom Hale", "PERSON"), ("Ryanair", "ORG"), ("Hale", "PERSON")],
     [("Hale", "PERSON")], [("Hale", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CASES)
def test_a_misread_model_name_is_no_persons_name(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_issue_example_with_the_model():
    from extract.pipeline import build_pipeline

    doc = build_pipeline(extractors=["entities"])(
        "Ryanair and Aston Martin reported profits. The Aston Martin DB9 sold well. "
        "Aston Martin's DB9 costs more than an Xbox.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert found.count(("Aston Martin", "ORG")) == 2, found
    assert ("Aston Martin", "PERSON") not in found, found
    assert ("Aston Martin DB9", "PRODUCT") in found, found
