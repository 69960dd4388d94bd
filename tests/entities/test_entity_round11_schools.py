"""Round 11 (issue 14): a name the model missed after an organisation's cue phrase
(``org_cue_phrases``: "the school of", "pupils at") is ORG also when the phrase opens the
sentence ("Pupils at X") and when the name is a common English word on wordfreq's scale that the
document writes as a name only: in mid-sentence and never in lower case
(:func:`extract.entities.missed._cue_phrases`, :func:`extract.entities.missed._named_common_word`).
Sentences written for these tests; the rule on ``spacy.blank("en")`` with hand-set entities, the
issue's example end to end with the installed model."""
from __future__ import annotations

import pytest

CUED = [
    # the cue phrase opens the sentence
    ("Pupils at Quarrowmere learn magic.", [], [("Quarrowmere", "ORG")], []),
    ("Teachers at Brenwick went on strike on Monday.", [], [("Brenwick", "ORG")], []),
    # a common word written only as a name
    ("Tom Hale joined the school of Hogwarts in May.", [("Tom Hale", "PERSON")], [("Hogwarts", "ORG")], []),
    ("Anna Lee teaches pupils at Hogwarts and in Tarn.", [("Anna Lee", "PERSON"), ("Tarn", "GPE")],
     [("Hogwarts", "ORG"), ("Tarn", "GPE")], []),
]

NOT_CUED = [
    # a common word the document also writes in lower case
    ("Students at Harvest enjoy the harvest each year.", [], [], [("Harvest", "ORG")]),
    # a common word with a one-word cue only, or no cue; a common word at a sentence start
    ("Tom Hale wrote about Magic in May.", [("Tom Hale", "PERSON")], [], [("Magic", "ORG")]),
    ("Budget airlines grew fast.", [], [], [("Budget", "ORG")]),
    # a capitalised phrase ending in "of" at a sentence start reads as one name (a title)
    ("School of Magic was voted best film.", [], [], [("Magic", "ORG")]),
    # a capitalised opener with no cue phrase after it
    ("Pupils said Brenwick was cold.", [], [], [("Brenwick", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CUED + NOT_CUED)
def test_a_missed_name_after_a_school_cue_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.fixture(scope="module")
def ent_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def test_issue_example_with_the_model(ent_nlp):
    doc = ent_nlp("Pupils at Hogwarts learn magic. JK Rowling created the school of Hogwarts.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert found.count(("Hogwarts", "ORG")) == 2, found
    assert ("JK Rowling", "PERSON") in found, found


@pytest.mark.parametrize("text, ents, expected, absent", [
    # a sentence-initial cue phrase relabels the name the model found, and its other mentions follow
    ("Pupils at Quarrowmere learn magic. Tom Hale wrote about Quarrowmere.",
     [("Quarrowmere", "PERSON"), ("Tom Hale", "PERSON"), ("Quarrowmere", "PERSON")],
     [("Quarrowmere", "ORG"), ("Tom Hale", "PERSON")], [("Quarrowmere", "PERSON")]),
    ("Teachers at Brenwick went on strike.", [("Brenwick", "PERSON")], [("Brenwick", "ORG")], [("Brenwick", "PERSON")]),
    # not after a capitalised phrase ending in "of" (a title), nor a capitalised word with no cue phrase
    ("School of Brenwick was voted best film.", [("Brenwick", "PERSON")], [], [("Brenwick", "ORG")]),
    ("Pupils said Brenwick was cold.", [("Brenwick", "PERSON")], [("Brenwick", "PERSON")], [("Brenwick", "ORG")]),
])
def test_a_sentence_initial_cue_relabels_a_found_name(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_issue_example_mentions_with_the_model(ent_nlp):
    doc = ent_nlp("Pupils at Hogwarts learn magic. JK Rowling wrote about Hogwarts.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert found.count(("Hogwarts", "ORG")) == 2, found
