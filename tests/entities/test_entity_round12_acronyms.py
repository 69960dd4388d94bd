"""Round 12 (issue 14): an all-capitals word of four letters or more that the model read as a
person, in running text, is an organisation's acronym: a context cue for ORG in the vote, so its
other mentions follow ("TTIP" ORG in one sentence and PERSON in the next becomes ORG at both).
Three capitals may be a person's initials ("JFK"), and a heading written in capitals is no
running text (:func:`extract.entities.labelcues.cue_label`). Sentences written for these tests, on
``spacy.blank("en")`` with hand-set entities, and the issue's example with the installed model."""
from __future__ import annotations

import pytest

CASES = [
    ("Prices rose, QRMS added.", [("QRMS", "PERSON")], [("QRMS", "ORG")], [("QRMS", "PERSON")]),
    ("The TQIP deal stalled. Tom Hale said TQIP would help.",
     [("TQIP", "ORG"), ("Tom Hale", "PERSON"), ("TQIP", "PERSON")],
     [("TQIP", "ORG"), ("Tom Hale", "PERSON")], [("TQIP", "PERSON")]),
    ("Analysts at Halden said BRAMCO was cheap.", [("Halden", "ORG"), ("BRAMCO", "PERSON")],
     [("BRAMCO", "ORG")], [("BRAMCO", "PERSON")]),
    # three capitals may be initials; a capitals heading is no running text
    ("JFK said the plan would work.", [("JFK", "PERSON")], [("JFK", "PERSON")], [("JFK", "ORG")]),
    ("QUARM WINS AGAIN\n\nTom Hale won on Monday.", [("QUARM", "PERSON"), ("Tom Hale", "PERSON")],
     [("QUARM", "PERSON")], [("QUARM", "ORG")]),
    # a name with lower-case letters is no acronym
    ("Prices rose, Quarm added.", [("Quarm", "PERSON")], [("Quarm", "PERSON")], [("Quarm", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CASES)
def test_an_all_capitals_word_is_no_persons_name(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_issue_example_with_the_model():
    from extract.pipeline import build_pipeline

    doc = build_pipeline(extractors=["entities"])(
        "Critics say the TTIP deal would hurt farmers. Edward Alden said TTIP was needed.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("TTIP", "PERSON") not in found, found
    assert ("TTIP", "ORG") in found, found
    assert ("Edward Alden", "PERSON") in found, found
