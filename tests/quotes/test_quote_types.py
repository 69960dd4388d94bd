"""Issue 17: every quoted phrase kept with its kind, and speakers that are speakers.

Each class is a table of sentences written for these tests: the quote types (full, partial,
scare, title), mentions that name no speaker, apposition heads, chains, split quotations,
a closing mark missing, and a dash attribution.
"""
from __future__ import annotations

import pytest

from extract import schema
from extract.quotes import load_lexicon
from extract.quotes.speakers import speaker_noun_kind
from extract.text import clean


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str) -> list[dict]:
        return nlp(clean(text).text)._.get(schema.QUOTE.extension)

    return _run


def test_quote_type_and_speaker_kind_are_schema_vocabularies(run):
    recs = run("“We will open the new school in May,” said Mayor Ann Lee, who called it “a promise kept.” "
               "The so-called “experts” disagreed, and the paper ran “The Long Road Home” on Sunday.")
    assert recs
    for r in recs:
        assert r["quote_type"] in schema.QUOTE_TYPES
        assert r["speaker_kind"] in schema.SPEAKER_KINDS
    assert schema.QUOTE.column_names[-1] == "quote_type"
    assert "quote_type" in schema.QUOTE.optional_attributes


# text -> [(quote text, quote_type)] for every quoted phrase, in order
TYPES = [
    pytest.param("“We will rebuild the bridge before the winter,” the mayor said.",
                 [("“We will rebuild the bridge before the winter,”", "full")], id="full-cue-after"),
    pytest.param("The mayor said: “We will rebuild the bridge.”",
                 [("“We will rebuild the bridge.”", "full")], id="full-after-colon"),
    pytest.param("Tom Reyes left early. “Nobody asked me about the budget.”",
                 [("“Nobody asked me about the budget.”", "full")], id="full-own-sentence"),
    pytest.param("The senator called the tax plan “collateral damage” during a rally in Ohio.",
                 [("“collateral damage”", "partial")], id="partial-called"),
    pytest.param("Critics described the new judges as “rubber stamps” for the government.",
                 [("“rubber stamps”", "partial")], id="partial-described-as"),
    pytest.param("The fire chief said the blaze was “horrifying.”",
                 [("“horrifying.”", "partial")], id="partial-said-it-was"),
    pytest.param("Senator Tom Brown said the proposal would leave farmers “worse off than before” next year.",
                 [("“worse off than before”", "partial")], id="partial-long-phrase"),
    pytest.param("Governor Ann Lee compared the new tax to a “slow leak” on Monday.",
                 [("“slow leak”", "partial")], id="partial-a-persons-phrase-without-reporting-verb"),
    pytest.param("The so-called “experts” were wrong again about the weather.",
                 [("“experts”", "scare")], id="scare-so-called"),
    pytest.param("The shop sells “organic” apples at twice the price.",
                 [("“organic”", "scare")], id="scare-term"),
    pytest.param("She watched “The Long Road Home” twice last week.",
                 [("“The Long Road Home”", "title")], id="title-film"),
    pytest.param("Fans chanted the slogan ‘Keep The Park Green’ outside the town hall.",
                 [("‘Keep The Park Green’", "title")], id="title-slogan"),
]


@pytest.mark.parametrize("text, expected", TYPES)
def test_every_quoted_phrase_has_a_type(run, text, expected):
    assert [(r["text"], r["quote_type"]) for r in run(text)] == expected


def test_scare_quotes_and_titles_have_no_speaker(run):
    recs = run("The “experts” at the club had read “The Long Road Home” twice.")
    assert [r["quote_type"] for r in recs] == ["scare", "title"]
    for r in recs:
        assert r["speaker"] is None and r["speaker_mention"] is None and r["speaker_kind"] == "unknown"


# text -> (speaker, speaker_kind, speaker_mention) of the first quotation; a mention that names
# no speaker stays as the attribution's mention, with the speaker empty
SPEAKERS = [
    pytest.param("“This is a dark day for the city,” a low voice said from the back of the hall.",
                 (None, "unknown", "a low voice"), id="a-manner-is-no-speaker"),
    pytest.param("“The plan will fail within a year,” Trump's comments read on Monday.",
                 (None, "unknown", "Trump's comments"), id="a-things-owner-is-no-speaker"),
    pytest.param("“We expect a hard winter,” most regions reported in their weekly letters.",
                 (None, "unknown", "most regions"), id="places-are-no-speaker"),
    pytest.param("“We will appeal the ruling,” the spokesman said.",
                 ("the spokesman", "role", "the spokesman"), id="role"),
    pytest.param("“Nobody listened to us,” residents said after the meeting.",
                 ("residents", "group", "residents"), id="plural-role-is-a-group"),
    pytest.param("“We will review the decision carefully,” the ministry said in a statement.",
                 ("the ministry", "org", "the ministry"), id="organisation-noun"),
    pytest.param("“We will not close the factory,” said Aston's chief executive Ulrich Bez.",
                 ("Ulrich Bez", "person", "Ulrich Bez"), id="apposition-head-after-possessive"),
    pytest.param("“I am proud of this team,” said the club's manager Ann Lee.",
                 ("Ann Lee", "person", "Ann Lee"), id="apposition-head-after-title"),
    pytest.param("“Prices will fall,” said the bank's chief economist, adding that rates were too high.",
                 ("the bank's chief economist", "role", "the bank's chief economist"), id="role-of-an-org"),
    pytest.param("“I never agreed to that,” she said.", (None, "unknown", "she"), id="unresolved-pronoun"),
    pytest.param("Cheryl Mills left early. “We never saw the files,” Mills said.",
                 ("Cheryl Mills", "person", "Mills"), id="known-surname"),
    pytest.param("“I do not trust this plan at all.” ― Karen Bobadilla.\n\n“Nor do I.” ― Luis Ortega.",
                 ("Karen Bobadilla", "person", "Karen Bobadilla"), id="dash-attribution"),
    # indefinite words and plural roles that name people (helper H10)
    pytest.param("“The vote was rigged from the start,” one user wrote under the video.",
                 ("one user", "role", "one user"), id="one-user"),
    pytest.param("Voters lined up outside the hall. “We came for the music,” one woman said. "
                 "“I came for the food,” another said.",
                 ("one woman", "role", "one woman"), id="one-woman"),
    pytest.param("“We want answers on the budget,” the committee chairmen wrote to the mayor.",
                 ("the committee chairmen", "group", "the committee chairmen"), id="plural-in-men"),
    pytest.param("“Nobody warned us about the flood,” others said as the water rose.",
                 ("others", "group", "others"), id="others"),
]


@pytest.mark.parametrize("text, expected", SPEAKERS)
def test_speakers_are_speakers(run, text, expected):
    r = run(text)[0]
    assert (r["speaker"], r["speaker_kind"], r["speaker_mention"]) == expected


def test_person_after_an_organisations_possessive(run):
    r = run("“The vote is lost,” Microsoft's Ann Lee wrote in a memo.")[0]
    assert (r["speaker"], r["speaker_kind"]) == ("Ann Lee", "person")


def test_pronoun_after_apposition_names_the_person(run):
    recs = run("“We will not close the factory,” said Aston's chief executive Ulrich Bez. "
               "“The plant stays open,” he added.")
    assert [(r["speaker"], r["speaker_kind"]) for r in recs] == [("Ulrich Bez", "person")] * 2


def test_dash_attributions_each_name_their_own_speaker(run):
    recs = run("“I do not trust this plan at all.” ― Karen Bobadilla.\n\n“Nor do I, frankly.” ― Luis Ortega.\n"
               "“We all lose when the town splits in two.” ― Ana Maria de la Cruz\n")
    assert [(r["speaker"], r["speaker_kind"]) for r in recs] == [
        ("Karen Bobadilla", "person"), ("Luis Ortega", "person"), ("Ana Maria de la Cruz", "person")]


def test_dash_without_a_closing_name_is_no_attribution(run):
    recs = run("Ann Lee spoke first. “We will not sell the land.” — and then the meeting ended.")
    assert recs[0]["speaker"] == "Ann Lee" and recs[0]["method"] != "after"


@pytest.mark.parametrize("word, kind", [
    ("spokesman", "role"), ("Spokeswoman", "role"), ("officials", "group"), ("people", "group"),
    ("ministry", "org"), ("agencies", "org"), ("46-year-old", "role"),
    ("voice", None), ("comments", None), ("regions", None), ("news", None),
])
def test_speaker_nouns(word, kind):
    assert speaker_noun_kind(word, load_lexicon()) == kind


def test_chain_parts_share_the_named_speaker(run):
    text = ("The researchers met in the lab on Monday, the team reported.\n\n"
            "“The first part of the answer runs on for a while here.\n\n"
            "“The second part of the answer ends it now,” said Dr Maria Gomez.")
    recs = run(text)
    assert len(recs) == 2 and len({r["chain"] for r in recs}) == 1
    assert [r["speaker"] for r in recs] == ["Maria Gomez", "Maria Gomez"]


def test_chain_part_with_its_own_cue_keeps_it(run):
    text = ("“The first part of the answer runs on for a while,” said Dr Maria Gomez.\n\n"
            "“The second part is another voice,” said Tom Reyes.")
    assert [r["speaker"] for r in run(text)] == ["Maria Gomez", "Tom Reyes"]


def test_three_part_quotation(run):
    text = ("Ann Lee took the stage. “The first part is here,” she said, “the second part follows it,” "
            "and added, “the third part ends it.”")
    recs = run(text)
    assert [r["text"] for r in recs] == ["“The first part is here,”", "“the second part follows it,”",
                                         "“the third part ends it.”"]
    assert [r["quote_type"] for r in recs] == ["full"] * 3
    assert {r["speaker"] for r in recs} == {"Ann Lee"}


def test_missing_closing_mark_runs_to_the_end_of_the_paragraph(run):
    text = ("The minister spoke to the crowd for an hour.\n\n"
            "“We will build the new bridge before the winter comes back again\n\n"
            "The crowd cheered loudly.")
    recs = run(text)
    assert [(r["text"], r["quote_type"]) for r in recs] == [
        ("“We will build the new bridge before the winter comes back again", "full")]


def test_stray_mark_before_a_short_phrase_is_no_quotation(run):
    assert [r for r in run("He bought 3 “cheap\n\nThen he left.") if r["quote_type"] in ("full", "partial")] == []
