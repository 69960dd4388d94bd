"""A span that straddles a caption the cleaner moved covers extra raw text: it is counted and flagged."""
from __future__ import annotations

import logging

import pytest
import spacy

from extract.tables import Piece, article_rows
from extract.text import clean
from extract import schema

RAW = ("The plan, set out in a 15-year science \n\n"
       "Visitors watch a robot at the Expo in Yiwu.\n"
       " and technology plan in 2006, is to grow.\n\nNext paragraph.")
CAPTION = "Visitors watch a robot at the Expo in Yiwu.\n"


def test_extra_raw_counts_the_moved_block_inside_a_straddling_span():
    c = clean(RAW)
    i = c.text.index("science and technology")
    a, b = c.to_raw(i, i + len("science and technology"))
    assert CAPTION in RAW[a:b]                        # the raw span encloses the caption
    # the caption's characters, and the paragraph break the cleaner put after it
    assert len(CAPTION.strip()) <= c.extra_raw(i, i + len("science and technology")) <= len(CAPTION) + 2
    j = c.text.index("technology plan")
    assert c.extra_raw(j, j + len("technology plan")) == 0
    k = c.text.index("Visitors")
    assert c.extra_raw(k, k + len("Visitors watch")) == 0


def test_nothing_moved_nothing_extra():
    c = clean("Zhejiang Uni-\nversity is big")
    assert not c.moved and c.extra_raw(0, 10) == 0


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_straddling_row_is_flagged_with_document_and_span(blank, caplog):
    c = clean(RAW)
    doc = blank(c.text)
    i = c.text.index("science and technology")
    rec = {"start_char": i, "end_char": i + len("science and technology"), "text": "science and technology",
           "label": "ORG", "sentence_id": 0, "source": "model"}
    ok = dict(rec, start_char=c.text.index("Next"), end_char=c.text.index("Next") + 4, text="Next")
    doc._.set(schema.ENTITY.extension, [rec, ok])
    with caplog.at_level(logging.WARNING, logger="extract"):
        rows = article_rows("d1", [Piece(doc, 0)], c)["entities"]
    flagged = [r.getMessage() for r in caplog.records if "straddles" in r.getMessage()]
    assert len(rows) == 2 and len(flagged) == 1
    a, b = rows[0]["start_char"], rows[0]["end_char"]
    assert f"d1: entities span {a}:{b} straddles" in flagged[0]
