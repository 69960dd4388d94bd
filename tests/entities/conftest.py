"""A Doc from spacy.blank("en") with hand-set entities: the rules must not need the model."""
from __future__ import annotations

import re

import pytest
import spacy

from extract.entities import ENTITY_LABELS, fix_entities


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")


def _doc_with_ents(nlp, text: str, ents: list[tuple[str, str]]):
    """``ents``: (surface, label) in document order; each is found after the previous one."""
    doc = nlp.make_doc(text)
    spans, pos = [], 0
    for surface, label in ents:
        m = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)").search(text, pos)
        assert m, f"{surface!r} not in the text after {pos}"
        span = doc.char_span(m.start(), m.end(), label=label)
        assert span is not None, f"{surface!r} is not on token boundaries"
        spans.append(span)
        pos = m.end()
    doc.ents = spans
    return doc


@pytest.fixture
def fixed(blank):
    """text, hand-set (surface, label) -> the (text, label) of the fixed entity spans."""
    def run(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
        doc = _doc_with_ents(blank, text, ents)
        return [(s.text, s.label_) for s in fix_entities(doc) if s.label_ in ENTITY_LABELS]
    return run


@pytest.fixture
def labels_hold(fixed):
    """text, hand-set (surface, label), expected, absent -> asserts that every (text, label) of
    ``expected`` is among the fixed spans and none of ``absent`` is; returns the fixed spans."""
    def run(text: str, ents: list[tuple[str, str]], expected, absent=()) -> list[tuple[str, str]]:
        found = fixed(text, ents)
        for item in expected:
            assert item in found, f"{item} not in {found}"
        for item in absent:
            assert item not in found, f"{item} in {found}"
        return found
    return run
