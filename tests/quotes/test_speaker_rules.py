"""Speaker rules of helper H10 (issue 17): people the NER labels as organisations or works,
plural roles in -men, ages, indefinite pronouns naming people ("another said"), and names of
publications after "the" that the NER missed. Sentences written for these tests."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from extract import schema
from extract.quotes import load_lexicon, resolve_mention
from extract.quotes.phrases import in_name, is_cue_verb
from extract.quotes.speakers import People, looks_like_person, person_words, speaker_noun_kind
from extract.text import clean


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str) -> list[dict]:
        return nlp(clean(text).text)._.get(schema.QUOTE.extension)

    return _run


@pytest.mark.parametrize("words, expected", [
    (["Brett", "Lowell"], True),                         # a first name and a surname
    (["Fox", "News’", "Sean", "Lowell"], True),          # after a possessive
    (["Chris", "Van", "Hollen"], True),
    (["Daily", "Post"], False),                          # no first name
    (["Brett"], False),                                  # a first name alone
    (["Sean", "Lowell", "Media", "Group", "Inc"], False),  # too long for a name
    (["Brett", "industries"], False),                    # not capitalised
])
def test_looks_like_person(words, expected):
    assert looks_like_person(words, load_lexicon()) is expected


def test_person_words_drops_the_owner():
    assert person_words(["Fox", "News’", "Sean", "Lowell"]) == ["Sean", "Lowell"]
    assert person_words(["Commentary’s", "Noah", "Ruth"]) == ["Noah", "Ruth"]
    assert person_words(["Noah", "Ruth"]) == ["Noah", "Ruth"]


def _blank_doc(text: str, ents: list[tuple[int, int, str]]):
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


@pytest.mark.parametrize("label", ["ORG", "WORK_OF_ART"])
def test_person_name_under_another_label_is_a_person(label):
    # "Brett Lowell" tagged as an organisation or a work: a first name and a surname are a person,
    # and a later "Lowell" maps to the full name; a pronoun resolves to the person
    doc = _blank_doc("Brett Lowell ran the campaign. Later Lowell spoke. He left.", [(0, 2, label)])
    people = People(doc, load_lexicon(), doc.text)
    assert people.full.get("lowell") == "Brett Lowell"
    assert people.resolve_pronoun("He", doc.text.index("He left")) == "Brett Lowell"


def test_organisation_without_a_first_name_stays_an_organisation():
    doc = _blank_doc("Daily Post ran the story. It said so.", [(0, 2, "ORG")])
    people = People(doc, load_lexicon(), doc.text)
    assert "post" not in people.full
    assert people.resolve("It", doc.text.index("It said")) == ("Daily Post", "org")


def test_work_of_art_that_is_no_name_is_no_mention():
    doc = _blank_doc("Gone Fishing was a hit. He said so.", [(0, 2, "WORK_OF_ART")])
    people = People(doc, load_lexicon(), doc.text)
    assert people.resolve_pronoun("He", doc.text.index("He said")) is None


@pytest.mark.parametrize("word, kind", [
    ("chairmen", "group"), ("congressmen", "group"), ("businessmen", "group"),
    ("neurosurgeon", "role"), ("user", "role"), ("users", "group"),
    ("another", "role"), ("someone", "role"), ("others", "group"), ("several", "group"),
    ("women", "group"), ("publication", "org"), ("outlets", "org"), ("child", "role"),
    ("respondents", "group"), ("counsel", "role"),
    ("amen", None), ("omen", None), ("specimen", None), ("anything", None), ("something", None),
])
def test_more_speaker_nouns(word, kind):
    assert speaker_noun_kind(word, load_lexicon()) == kind


def test_age_is_a_role(nlp):
    doc = nlp("The 46-year-old spoke to the press on Monday.")
    assert resolve_mention(doc, 0, len("The 46-year-old")) == "The 46-year-old"


def test_another_is_a_speaker(run):
    recs = run("Voters lined up outside the hall. “We came for the music,” one woman said. "
               "“I came for the food,” another said.")
    assert [(r["speaker"], r["speaker_kind"]) for r in recs] == [("one woman", "role"), ("another", "role")]


def test_the_and_a_capitalised_name_is_an_organisation(run):
    r = run("“The count was never finished,” The Lantern reported on its front page.")[0]
    assert (r["speaker"], r["speaker_kind"]) == ("The Lantern", "org")


@pytest.mark.parametrize("text", [
    "“The plan will fail within a year,” the report said.",
    "“We expect a hard winter,” the Senator's letter read.",
])
def test_things_after_the_stay_unknown(run, text):
    r = run(text)[0]
    assert (r["speaker"], r["speaker_kind"]) == (None, "unknown")


def test_a_verb_inside_a_name_is_no_cue():
    # "Post" in "the Washington Post" is a word of a name, not the reporting verb "post"
    doc = _blank_doc("He read the Washington Post and said no.", [(3, 5, "ORG")])
    post = doc[4]
    assert in_name(post)
    assert not is_cue_verb(post, load_lexicon())
    assert not in_name(doc[3])          # the first word of a name
    assert not in_name(doc[6])          # "said": no entity
