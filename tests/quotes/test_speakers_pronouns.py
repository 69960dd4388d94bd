"""Pronoun resolution of speakers (extract.quotes.speakers): clause subjects, mentions inside
quotations, relatives sharing a surname, role-speakers, and "it"/"they" only for an organisation
or a group that is the subject of a recent sentence. Sentences written for these tests."""
from __future__ import annotations

import pytest

from extract import schema
from extract.quotes import load_lexicon
from extract.quotes.speakers import People, first_name_gender, other_first_name
from extract.text import clean


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str) -> list[dict]:
        return [r for r in nlp(clean(text).text)._.get(schema.QUOTE.extension)
                if r["quote_type"] in schema.QUOTATION_TYPES]

    return _run


def _resolve(nlp, text: str, pron: str, occurrence: int = 1):
    doc = nlp(text)
    at = -1
    for _ in range(occurrence):
        at = text.index(pron, at + 1)
    return People(doc, load_lexicon(), doc.text).resolve(pron, at)


# text, pronoun, which occurrence, expected speaker (None: unsure, left empty)
PRONOUNS = [
    pytest.param("Marco Rubio spoke in Miami on Tuesday. Rubio said that this week he had begun to "
                 "expose Donald Trump, whom he called a fraud.", "he", 2, "Marco Rubio",
                 id="clause-subject-over-nearer-name"),
    pytest.param("Ivanka Trump spoke at the convention. Donald Trump watched from the wings. Then "
                 "she spoke again.", "she", 1, "Ivanka Trump", id="relative-with-another-first-name"),
    pytest.param("Sarah Lennox runs the clinic. “Doctors like Helen Baker cannot do it all,” "
                 "she said.", "she", 1, "Sarah Lennox", id="name-inside-quote-is-no-antecedent"),
    pytest.param("The Harbour Trust said the dock would close. It added that jobs would go.",
                 "It", 1, "Harbour Trust", id="it-org-subject"),
    pytest.param("The letter from the board was read aloud. It said the dock would close.",
                 "It", 1, None, id="it-document-is-no-speaker"),
    pytest.param("The weather was awful all week. It said nothing good about the harvest.",
                 "It", 1, None, id="it-thing-is-no-speaker"),
    pytest.param("Local farmers met in the hall on Monday. They said the new rules were unfair.",
                 "They", 1, "Local farmers", id="they-group-subject"),
    pytest.param("The new rules came into force on Monday. They said nothing about water.",
                 "They", 1, None, id="they-thing-is-no-speaker"),
    pytest.param("Paul Renner chairs the panel. We said nothing.", "We", 1, None, id="we-is-the-writer"),
    pytest.param("Paul Renner chairs the panel. I said nothing.", "I", 1, None, id="i-is-the-writer"),
    pytest.param("Karen Holt chairs the panel. He said nothing.", "He", 1, None, id="gender-conflict-unsure"),
]


@pytest.mark.parametrize("text, pron, occurrence, expected", PRONOUNS)
def test_resolve(nlp, text, pron, occurrence, expected):
    found = _resolve(nlp, text, pron, occurrence)
    assert (found[0] if found is not None else None) == expected


# quotations: text -> [(speaker, speaker_kind)] of the quotes in order
QUOTES = [
    pytest.param("“We will reopen the bridge in May,” the spokesman said. “The repairs are on "
                 "schedule,” he added.",
                 [("the spokesman", "role"), ("the spokesman", "role")], id="he-refers-to-role-speaker"),
    pytest.param("Anna Berg met Tom Hale at the plant. Berg said Hale had worked hard. “The "
                 "staff did well this year,” she said.",
                 [("Anna Berg", "person")], id="she-skips-a-man-named-after"),
    pytest.param("The Lakeside Company wrote in a statement that the plant was safe. “Nobody was "
                 "hurt,” it said.",
                 [("Lakeside Company", "org")], id="it-company-same-sentence"),
    pytest.param("The memo was sent on Friday. “Nobody was hurt,” it said.",
                 [(None, "unknown")], id="it-memo-left-empty"),
]


@pytest.mark.parametrize("text, expected", QUOTES)
def test_quote_speakers(run, text, expected):
    rows = run(text)
    assert [(r["speaker"], r["speaker_kind"]) for r in rows] == expected


@pytest.mark.parametrize("words, full, expected", [
    (["Ivanka", "Trump"], "Donald Trump", True),
    (["Donald", "Trump"], "Donald Trump", False),       # the same person
    (["Trump"], "Donald Trump", False),                 # a surname alone
    (["Trump"], "Trump", False),
    (["Sen.", "Trump"], "Donald Trump", False),         # an abbreviated title, not a first name
    (["Bill", "Lowe"], "Donald Trump", False),          # another surname
])
def test_other_first_name(words, full, expected):
    assert other_first_name(words, full) is expected


def test_it_chain_resolves_through_earlier_it(nlp):
    text = "The Harbour Trust met on Monday. It said the dock would close. It added that jobs would go."
    found = _resolve(nlp, text, "It", 2)
    assert found == ("Harbour Trust", "org")


def test_long_pronoun_chain_stays_bounded(nlp):
    # hundreds of "It said" in a row: resolution is bounded (no recursion error) and, past the
    # bound, unsure rather than wrong
    text = "The Harbour Trust met on Monday. " + "It said no. " * 400 + "“We close,” it said."
    found = _resolve(nlp, text, "it said", 1)
    assert found is None or found == ("Harbour Trust", "org")


@pytest.mark.parametrize("word, expected", [
    ("Gladys", "female"), ("Solomon", "male"), ("gladys", "female"),
    ("Leslie", None),      # in both census lists, neither clearly: unsure
    ("Xq", None),          # no name
])
def test_first_name_gender_from_census_lists(word, expected):
    assert first_name_gender(word, load_lexicon()) == expected


def test_census_gender_skips_a_man_for_she(nlp):
    text = "Gladys Kemp hired Solomon Reyes last year. Reyes runs the depot now. Then she left."
    assert _resolve(nlp, text, "she")[0] == "Gladys Kemp"
