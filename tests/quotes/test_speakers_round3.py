"""Speakers of the third round of issue 17 (from PolNeAR train errors, tested on sentences
written for these tests). "He says he respects her and calls her “...”": the attribution is the
outer reporting verb's, so the speaker mention is its subject, the first "he"; both pronouns
name one person, so the speaker stays. The outer subject must be the same pronoun, in the same
stretch of text (no quotation mark, no paragraph break between)."""
from __future__ import annotations

import pytest

# text, quote (without marks and end punctuation), expected speaker, which occurrence of the
# mention text is the mention (0: the first)
CASES = [
    pytest.param("Mayor Tom Hale spoke on Monday. He says he respects the council and calls its plan "
                 "“a fair deal for the town.”", "a fair deal for the town", "Tom Hale", "he", 0,
                 id="says-he-conj-calls"),
    pytest.param("Ann Lee met the farmers in Dover. She told reporters that she has “serious doubts” "
                 "about the deal.", "serious doubts", "Ann Lee", "she", 0, id="told-that-she"),
    pytest.param("Tom Hale met the farmers. He did say he found the plan “very fair” on the whole.",
                 "very fair", "Tom Hale", "he", 0, id="did-say-he-found"),
    # a different pronoun outside that reports nothing: the inner one stays the mention
    pytest.param("Ann Lee met Tom Hale in Dover. She was glad that he called the plan “a fair deal for "
                 "the town.”", "a fair deal for the town", "Tom Hale", "he", 0, id="other-pronoun-outside"),
    # a different pronoun that reports a clause whose verb says the quote: that verb's subject
    pytest.param("Ann Lee met Tom Hale in Dover. She says he called the plan “a fair deal for the town.”",
                 "a fair deal for the town", "Tom Hale", "he", 0, id="other-pronoun-inner-says"),
    # a paragraph break between: the parse may join them, the mention stays
    pytest.param("Tom Hale spoke on Monday. He said the plan was fine.\n\n“We will build it,” he added.",
                 "We will build it", "Tom Hale", "he", 1, id="paragraph-between"),
]


@pytest.mark.parametrize("text, quote, speaker, mention, nth", CASES)
def test_outer_pronoun_mention(quote_records, text, quote, speaker, mention, nth):
    recs = {r["text"].strip("“”\"',.?! "): r for r in quote_records(text)}
    assert quote in recs, recs
    rec = recs[quote]
    assert rec["speaker"] == speaker
    starts = [i for i in range(len(text)) if text[i:i + len(mention)].lower() == mention
              and not text[i - 1:i].isalpha() and not text[i + len(mention):i + len(mention) + 1].isalpha()]
    assert rec["speaker_start_char"] == starts[nth], (rec["speaker_mention"], rec["speaker_start_char"], starts)


# A clause reported by a person, whose verb does not say the quote itself: the words are the
# reporter's ("Lee said the farmers were calling “every hour”" -> Lee); a verb that says the quote
# ("called it “...”", "described it as “...”") keeps its subject; a document that reports changes
# nothing
REPORTED = [
    pytest.param("At one point, Ann Lee said the farmers were calling “every single hour.”",
                 "every single hour", "Ann Lee", id="person-reports-clause"),
    pytest.param("Tom Hale met them on Monday. He said the mayor had told the farmers that he would "
                 "end the policy of “no new roads” in the valley.", "no new roads", "Tom Hale",
                 id="pronoun-reports-clause"),
    # the inner verb says the quote itself: its subject speaks
    pytest.param("Tom Hale met them on Monday. He said the mayor described the plan as “a fair deal.”",
                 "a fair deal", "the mayor", id="inner-verb-says-it"),
    pytest.param("The report said the farmers were calling the plan “a land grab.”",
                 "a land grab", "the farmers", id="document-reports-clause"),
    pytest.param("The farmers were calling the plan “a land grab” on Monday.",
                 "a land grab", "The farmers", id="no-outer-verb"),
]


@pytest.mark.parametrize("text, quote, speaker", REPORTED)
def test_reported_clause(quote_speakers, text, quote, speaker):
    got = quote_speakers(text)
    assert quote in got, got
    assert got[quote] == speaker
