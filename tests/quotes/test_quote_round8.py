"""Round 8 of the speaker rules (issue 17), on sentences written for the tests: "it" after a
document that someone is said, in a passive, to have sent ("The email was sent by X"), and
"it" passing a sentence whose subject is plural, which "it" cannot name."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, speaker", [
    # a document sent by someone (a passive of an issuing verb with its "by" phrase): the sender
    pytest.param("The email was sent on Monday by the council. “The plant will close in May,” it said.",
                 "the council", id="passive-sent-by"),
    # ... also across a sentence whose subject is plural ("it" cannot be "two workers")
    pytest.param("The email was sent on Monday by the council. Two workers were hurt at the site. "
                 "“The plant will close in May,” it said.", "the council", id="past-a-plural-subject"),
    # not past a plural subject whose verb has a singular object "it" may name (the motion)
    pytest.param("The email was sent on Monday by the council. The unions tabled a motion against it. "
                 "“The plant will close in May,” it said.", None, id="plural-subject-with-object"),
    # a document someone obtained (no verb that makes one) or with no "by" phrase: no one
    pytest.param("The email was obtained on Monday by the council. “The plant will close in May,” it said.",
                 None, id="passive-obtained-by"),
    pytest.param("The email was sent on Monday. Two workers were hurt at the site. "
                 "“The plant will close in May,” it said.", None, id="passive-no-agent"),
])
def test_it_after_a_document_sent_by_someone(quote_records, text, speaker):
    rec = quote_records(text)[-1]
    assert (rec["speaker"], rec["speaker_mention"]) == (speaker, "it")


@pytest.mark.parametrize("text, speaker", [
    # "that"/"which" after a document someone made (the object of a verb that makes one) or
    # whose phrase names its author: the author
    pytest.param("Ann Lee released a video that said, “We will win the seat back.”", "Ann Lee",
                 id="released-a-video-that-said"),
    pytest.param("The unions have sent a letter that warned of “a winter of strikes across the region”.",
                 "The unions", id="sent-a-letter-that-warned"),
    pytest.param("Residents read a report by the council, which warned of “a winter of floods in the valley”.",
                 "the council", id="report-by-which-warned"),
    # a document nobody is said to have made: no one (not the person who watched or read it)
    pytest.param("Ann Lee watched a video that said, “We will win the seat back.”", None,
                 id="watched-a-video-that-said"),
    pytest.param("The unions want a platform that calls for “a winter of strikes across the region”.",
                 None, id="want-a-platform-that-calls"),
])
def test_relative_after_a_document(quote_records, text, speaker):
    (rec,) = quote_records(text)
    assert rec["speaker"] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a role, its field and then the person's name before the cue: the person (GUIDELINES
    # section 5: in an apposition the speaker is the person at its head)
    pytest.param("The minister for rural affairs Margaret Beckett said: “Farmers will be paid on time this year.”",
                 "Margaret Beckett", id="minister-for-field-name"),
    pytest.param("Shadow spokesman for health Peter Lansley said: “The wards should stay open all winter.”",
                 "Peter Lansley", id="spokesman-for-field-name"),
    # no field between the role and the name, or more than a field: the role speaks
    pytest.param("A spokesman for Margaret Beckett said: “Farmers will be paid on time this year.”",
                 "A spokesman", id="spokesman-for-name"),
    pytest.param("A lawyer for the family of Jonny Wilkinson said: “He will be fit for the match.”",
                 "A lawyer", id="lawyer-for-the-family-of-name"),
])
def test_role_field_then_name(quote_records, text, speaker):
    (rec,) = quote_records(text)
    assert rec["speaker"] == speaker


_ROLE_WORDS = ["the", "minister", "for", "civil", "aviation", "Tom", "Vardy", "said"]
_ROLE_HEADS = [1, 7, 1, 4, 6, 6, 2, 7]
_ROLE_DEPS = ["det", "nsubj", "prep", "amod", "compound", "compound", "pobj", "ROOT"]
_ROLE_POS = ["DET", "NOUN", "ADP", "ADJ", "NOUN", "PROPN", "PROPN", "VERB"]


@pytest.mark.parametrize("field, field_pos, expected", [
    (["civil", "aviation"], ["ADJ", "NOUN"], (5, 7)),       # a field: the person
    (["of", "rugby"], ["ADP", "PROPN"], None),               # more than a field
    (["youth", "rugby"], ["NOUN", "PROPN"], (5, 7)),         # a lower-case word the tagger took for a name
    (["rugby", "captain"], ["NOUN", "NOUN"], None),          # a role in the field ("rugby captain X")
    (["Civil", "aviation"], ["PROPN", "NOUN"], None),        # a capitalised word: maybe a name, not a field
])
def test_name_after_domain(field, field_pos, expected):
    import spacy
    from extract.quotes import load_lexicon
    from extract.quotes.speakers import _name_after_domain
    words = _ROLE_WORDS[:3] + field + _ROLE_WORDS[5:]
    pos = _ROLE_POS[:3] + field_pos + _ROLE_POS[5:]
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words, heads=_ROLE_HEADS, deps=_ROLE_DEPS, pos=pos)
    doc.ents = [spacy.tokens.Span(doc, 5, 7, label="PERSON")]
    found = _name_after_domain(doc[0:2], load_lexicon())
    assert (None if found is None else (found.start, found.end)) == expected
