"""Speakers found in the second round of issue 17 (from PolNeAR train errors, tested on
sentences written for these tests): "who" refers back to the person of the noun phrase its
clause hangs from, even where the parse hangs the clause from a noun inside that phrase ("one
aide familiar with the talks, who added"); a thing is never the antecedent of "who". A clause
whose subject is a thing that can say nothing ("the turmoil shows") goes to the reporting verb
above it; one whose subject is a document ("the report warned") stays the document's. The "by"
phrase of a passive label verb speaks where the parse hangs it from the label ("was branded
“a coward” by X"), when it names someone who can speak. "They" after a sentence whose main
subject is one person refers to the last group that is the subject of a clause there. A phrase
between a subject and its verb ("has in the past described") is stepped over. A capitalised word
shaped like "D’Souza" is a name even where the tagger saw a common noun."""
from __future__ import annotations

import json

import pytest

from extract.errors import ResourceError
from extract.quotes import RESOURCE, build_lexicon, load_lexicon
from extract.resources import read_text

# text, quote (without marks and end punctuation), expected speaker (None: left empty)
CASES = [
    # "who" after a noun phrase whose last noun is no speaker: the person it describes
    pytest.param("“The vote was close,” said one aide familiar with the negotiations, who added "
                 "that the mayor seemed “tired and distracted” by the dispute.", "tired and distracted",
                 "one aide", id="who-after-familiar-with"),
    pytest.param("The plan was opposed by a farmer from the valley, who called it “a land grab.”",
                 "a land grab", "a farmer", id="who-after-from-phrase"),
    # the nearest noun is kept when it can speak
    pytest.param("The plan was praised by Mayor Ann Lee, who called it “a fair deal for the town.”",
                 "a fair deal for the town", "Ann Lee", id="who-after-a-name"),
    pytest.param("Reporters found the brother of the senator, who called the verdict “a disgrace.”",
                 "a disgrace", "the senator", id="who-nearest-speaker"),
    # "leadership" names a group of people
    pytest.param("The criticism came from the party's leadership, who, on a call Friday, called the "
                 "rebels “wreckers of the budget.”", "wreckers of the budget", "the party's leadership",
                 id="who-leadership"),
    # "which" and "that" refer to things: no climbing to a person
    pytest.param("The mayor's office issued a statement on the vote, which called the plan “a fair deal "
                 "for everyone.”", "a fair deal for everyone", None, id="which-is-no-person"),
    # a reported clause about a mute thing: the reporting verb above it speaks
    pytest.param("Senator Ann Lee spoke in Dover, warning that the turmoil of the week shows a need for "
                 "“calm and steady leadership.”", "calm and steady leadership", "Ann Lee",
                 id="participle-over-mute-subject"),
    pytest.param("A source said the parts of the network that were hacked suggested the thieves wanted "
                 "“trade secrets.”", "trade secrets", "A source", id="said-over-mute-subject"),
    # a document or someone's speech says something of its own: left to it
    pytest.param("Tom Hale said the report warned that renters were “struggling to keep up.”",
                 "struggling to keep up", None, id="document-subject-kept"),
    # a passive label verb whose "by" phrase the parse hangs from the label
    pytest.param("The mayor was branded “a coward” by Tom Hale on Monday.", "a coward", "Tom Hale",
                 id="branded-by"),
    pytest.param("The plan was described as “a disaster” by residents of the town.", "a disaster",
                 "residents", id="described-as-by"),
    pytest.param("The mayor was branded “a coward” by the standards of the town.", "a coward", None,
                 id="branded-by-a-thing"),
    # "they" after a sentence whose main subject is one person: the group that is the subject
    # of a clause joined to it; never a document
    pytest.param("Mayor Ann Lee praised the plan, but the unions who met her on Monday say the deal is "
                 "unfair. They asked the council to “start again from scratch.”", "start again from scratch",
                 "the unions", id="they-group-after-one-person"),
    pytest.param("Mayor Ann Lee praised the plan, but her aides say the deal is unfair. They asked the "
                 "council to “start again from scratch.”", "start again from scratch", "her aides",
                 id="they-role-plural-after-one-person"),
    pytest.param("Mayor Ann Lee praised the plan, but the report says the deal is unfair. They asked the "
                 "council to “start again from scratch.”", "start again from scratch", None,
                 id="they-no-group"),
    pytest.param("The unions praised the plan, but the mayor says the deal is unfair. They asked the "
                 "council to “start again from scratch.”", "start again from scratch", "The unions",
                 id="they-main-subject-group"),
    # a phrase between the subject and the verb ("has in the past described"): the subject is
    # left of it, not the noun after the preposition
    pytest.param("Tom Beck has in the past described Trump as “a pathological liar” and worse.",
                 "a pathological liar", "Tom Beck", id="subject-over-adverbial-phrase"),
    pytest.param("The roads in the valley described as “impassable” were closed on Monday.",
                 "impassable", None, id="adverbial-no-person-left"),
    # a document speaks for the author its phrase names (round 7: "a statement from X")
    pytest.param("The statement from the union in the morning described the deal as “a betrayal.”",
                 "a betrayal", "the union", id="adverbial-document-left"),
    pytest.param("The statement in the morning described the deal as “a betrayal.”",
                 "a betrayal", None, id="adverbial-bare-document-left"),
    # a surname the tagger takes for a common noun, by its shape
    pytest.param("When the host asked who would win the race, D’Souza replied, “I would bet on the "
                 "mayor.”", "I would bet on the mayor", "D’Souza", id="surname-shape"),
    pytest.param("Critics pointed to the lawsuit, which called the law “a violation of free speech.”",
                 "a violation of free speech", None, id="which-after-document"),
]


@pytest.mark.parametrize("text, quote, speaker", CASES)
def test_speaker(quote_speakers, text, quote, speaker):
    got = quote_speakers(text)
    assert quote in got, got
    assert got[quote] == speaker


def test_document_nouns_are_checked():
    data = json.loads(read_text(RESOURCE))
    data["document_nouns"] = "report"
    with pytest.raises(ResourceError, match=r"quotes.json: document_nouns: expected a list"):
        build_lexicon(data)
    assert "report" in load_lexicon().document_nouns


def test_surname_shape_does_not_make_a_firm_a_person(quote_records):
    recs = quote_records("The cosmetics group L’Oreal replied on Monday, “We will review the claims.”")
    assert recs and recs[0]["speaker_kind"] != "person"
