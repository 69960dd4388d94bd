"""Names that end in an owner's 's ("McDonald's") keep it; possessives do not (entities/owned.py)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from extract.entities.owned import keep_owned_s


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _spans(nlp, text: str, names: list[tuple[str, str]]):
    """A blank Doc with every occurrence of each (name, label) set as a span."""
    doc = nlp(text)
    spans = []
    for name, label in names:
        start = 0
        while (k := text.find(name, start)) >= 0:
            sp = doc.char_span(k, k + len(name), label=label)
            assert sp is not None, name
            spans.append(sp)
            start = k + len(name)
    return doc, sorted(spans, key=lambda s: s.start)


@pytest.mark.parametrize("text, name, label, expect", [
    # the 's cannot be a possessive somewhere (a comma, a full stop, a line end): the name keeps it
    ("Harvey's, the tool chain, opened a store. Harvey's sales rose.", "Harvey", "ORG", ["Harvey's", "Harvey's"]),
    ("Shares fell at Dobbin's. Analysts said Dobbin's profits were weak.", "Dobbin", "ORG", ["Dobbin's", "Dobbin's"]),
    ("Dinner at Quill's; the restaurant is full.", "Quill", "FAC", ["Quill's"]),
    # a line break, an opening bracket or a capitalised word after the 's is no evidence
    ("Lunch at Quill's\nThe restaurant is full.", "Quill", "FAC", ["Quill"]),
    ("Listed on the Dobbin Exchange's (DX) market.", "Dobbin Exchange", "ORG", ["Dobbin Exchange"]),
    ("The auction at Maybury's, in London, raised £2m.", "Maybury", "ORG", ["Maybury's"]),
    # the name also appears without 's: the 's is a possessive
    ("Harvey's, the tool chain, opened. Harvey said sales rose.", "Harvey", "ORG", ["Harvey", "Harvey"]),
    # never seen where a possessive cannot be: nothing to go on
    ("Dobbin's profits fell. Dobbin's chief executive quit.", "Dobbin", "ORG", ["Dobbin", "Dobbin"]),
    # people and places are never owners' names
    ("The decision was Blair's. Blair's aides agreed.", "Blair", "PERSON", ["Blair", "Blair"]),
    ("Growth was strongest in the UK's.", "UK", "GPE", ["UK"]),
])
def test_keep_owned_s(blank, text, name, label, expect):
    doc, spans = _spans(blank, text, [(name, label)])
    got = keep_owned_s(doc, spans)
    assert [sp.text for sp in got] == expect
    assert all(sp.label_ == label for sp in got)


def test_keeps_s_after_a_verb_when_tagged():
    """With a tagger, "X's has"/"X's to" show the 's is part of the name."""
    nlp = spacy.blank("en")
    doc = nlp("Dobbin's has cut prices. Dobbin's profits fell.")
    for tok in doc:
        tok.tag_ = "VBZ" if tok.text == "has" else "NN"
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 6, 7, label="ORG")]
    got = keep_owned_s(doc, list(doc.ents))
    assert [sp.text for sp in got] == ["Dobbin's", "Dobbin's"]
    assert all(sp.id_ == "fix:owned_s" for sp in got)


@pytest.mark.parametrize("text", [
    "Dobbin's shares fell and Dobbin's chief quit.",
    "Dobbin's leading analyst quit and Dobbin's chief quit.",   # a gerund: still a possessive
])
def test_possessive_before_a_noun_when_tagged(text):
    nlp = spacy.blank("en")
    doc = nlp(text)
    for tok in doc:
        tok.tag_ = {"leading": "VBG", "and": "CC", "fell": "VBD", "quit": "VBD"}.get(tok.text, "NN")
    spans = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text == "Dobbin"]
    assert [sp.text for sp in keep_owned_s(doc, spans)] == ["Dobbin", "Dobbin"]
