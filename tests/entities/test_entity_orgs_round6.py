"""Round 6 of the organisation cues (issue 14): an all-capitals acronym that a document writes
at least twice before a lower-case noun for a technology ("QXR tags", "the VLT network") and
never as a name (a subject, a possessive, a bare "the X") is a standard or format, which the
guidelines leave unannotated (gold/GUIDELINES.md section 2); a firm used the same way but also
named ("the BBC", "IBM's") keeps its ORG.

Every Doc comes from spacy.blank("en") with entities set by hand (conftest.labels_hold), so no
parse: the subject cue is tested on a hand-set dependency; every sentence is made up.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from extract.entities import gazetteer
from extract.entities.standards import standard_acronyms
from extract.entities.gazetteer import validate_org_words
from extract.errors import ResourceError

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
STANDARDS = [
    ("Shops fit QXR tags to boxes. QXR chips are cheap, and QXR readers cost more.",
     [("QXR", "ORG"), ("QXR", "ORG"), ("QXR", "ORG")], [], [("QXR", "ORG")]),
    ("The VLT network is slow. Phones on VLT networks drop calls, and people talk about VLT.",
     [("VLT", "ORG"), ("VLT", "ORG"), ("VLT", "ORG")], [], [("VLT", "ORG")]),
    # another name in the same text stays
    ("Zorbex sells QXR tags. QXR technology is spreading.",
     [("Zorbex", "ORG"), ("QXR", "ORG"), ("QXR", "ORG")], [("Zorbex", "ORG")], [("QXR", "ORG")]),
    # negatives: once only, a possessive, a bare "the X", not before a technology noun, not capitals
    ("Shops fit QXR tags to boxes.", [("QXR", "ORG")], [("QXR", "ORG")], []),
    ("The BKX network grew. BKX's profits rose and BKX technology sold well.",
     [("BKX", "ORG"), ("BKX", "ORG"), ("BKX", "ORG")], [("BKX", "ORG")], []),
    ("He told the BKX that BKX chips and BKX readers were safe.",
     [("BKX", "ORG"), ("BKX", "ORG"), ("BKX", "ORG")], [("BKX", "ORG")], []),
    ("The BKX website and the BKX archive grew.", [("BKX", "ORG"), ("BKX", "ORG")], [("BKX", "ORG")], []),
    ("Zorbex tags and Zorbex chips sold.", [("Zorbex", "ORG"), ("Zorbex", "ORG")], [("Zorbex", "ORG")], []),
]


@pytest.mark.parametrize("text,ents,wanted,unwanted", STANDARDS)
def test_standards_are_no_names(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


def test_an_acronym_as_a_subject_keeps_its_org():
    doc = spacy.blank("en")("QXR tags and QXR chips : QXR said so .")
    doc[6].dep_ = "nsubj"  # the third "QXR", subject of "said"
    spans = [Span(doc, i, i + 1, label="ORG") for i in (0, 3, 6)]
    assert [sp.text for sp in standard_acronyms(doc, spans)] == ["QXR"] * 3
    doc[6].dep_ = "dep"
    assert standard_acronyms(doc, spans) == []


def test_technology_nouns_are_checked():
    data = {k: [] for k in gazetteer.ORG_WORD_LISTS}
    data["technology_nouns"] = ["Tags"]
    with pytest.raises(ResourceError, match=r"technology_nouns\[0\]"):
        validate_org_words(data)


def test_technology_nouns_are_optional():
    data = {k: [] for k in gazetteer.ORG_WORD_LISTS if k not in gazetteer.OPTIONAL_ORG_WORD_LISTS}
    assert validate_org_words(data).technology_nouns == frozenset()
