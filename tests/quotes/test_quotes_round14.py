"""Round 14 (speaker accuracy, PolNeAR train half A): speaker rules written from half A's errors,
and the joining words of shared attributions moved to the package data."""
from __future__ import annotations

import json

import pytest

from extract.errors import ResourceError
from extract.quotes import RESOURCE, build_lexicon, load_lexicon
from extract.resources import read_text


# --- clause_joiners: package data, checked by the loader ---

def test_clause_joiners_are_package_data():
    joiners = load_lexicon().clause_joiners
    assert {"and", "against", "the"} <= joiners
    assert "said" not in joiners


def test_clause_joiners_are_required_and_checked():
    data = json.loads(read_text(RESOURCE))
    data["clause_joiners"] = ["And", "Against"]
    assert build_lexicon(data).clause_joiners == frozenset({"and", "against"})   # read in lower case
    data["clause_joiners"] = "and"
    with pytest.raises(ResourceError, match="clause_joiners"):
        build_lexicon(data)
    del data["clause_joiners"]
    with pytest.raises(ResourceError, match="clause_joiners"):
        build_lexicon(data)


def _case(rule: str, text: str, quote: str, speaker: str | None):
    return pytest.param(text, quote, speaker, id=rule)


#: (text, quote without marks and end punctuation, speaker) for each rule of the round, with the
#: sentences each rule must leave as they were
SPEAKERS = [
    # --- clause_joiners (data): only joining words between two quotes, one voice
    _case("joined", 'Several aides said they expected trouble when Tom Hale, who chairs the panel, warned of '
          '"a long winter" for "every family in the valley."', "every family in the valley", "Tom Hale"),
    _case("joined", 'Ann Lee, who runs the depot, called the plan "a disaster" and "a sham."', "a sham", "Ann Lee"),
    # --- a verb between the two quotes: its own cue
    _case("verb-between", 'Ann Lee called the plan “a sham,” but Tom Hale called it “a fine piece of work.”',
          "a fine piece of work", "Tom Hale"),
    # --- a listener verb right after the quote, no subject of its own: the phrase after it asks
    _case("inverted", 'The last question came from the floor. “How big is that wall?” asked the boy, '
          'who was wearing a red hat, as the audience laughed.', "How big is that wall", "the boy"),
    _case("inverted", '“Why now?” asked a reporter at the back of the room.', "Why now", "a reporter"),
    _case("inverted", '“Stop right there,” warned the officer.', "Stop right there", "the officer"),
    # --- must not change: whom it addressed, or a subject before the quote
    # the phrase after the verb is whom it urged ("to ..."), not who spoke
    _case("listener", 'Ann Lee called the plan “a disgrace,” urged voters to reject it and left.',
          "a disgrace", "Ann Lee"),
    # a subject of its own before the quote
    _case("listener", '“Why now?” Tom Hale asked the mayor.', "Why now", "Tom Hale"),
    # --- "put it", "shot back": the second word is no speaker; "As X ... put it" with "as" read as a preposition
    _case("two-word-cue", "As Akhil Amar, professor of constitutional law at Yale and author of ''America's Unwritten "
          "Constitution,'' put it, ''Senate Republicans should remember that a compromise candidate today may "
          "be far better for them.''", "Senate Republicans should remember that a compromise candidate today may "
          "be far better for them", "Akhil Amar"),
    _case("two-word-cue", '"We will win this," shot back Ann Lee, the mayor.', "We will win this", "Ann Lee"),
    # the parse took "As" for a preposition and the name for its object
    _case("two-word-cue", 'As Akhil Amar, professor of constitutional law at Yale, put it, "Senate '
          'Republicans should remember that a compromise candidate today may be far better for them."',
          "Senate Republicans should remember that a compromise candidate today may be far better for them",
          "Akhil Amar"),
    # --- must not change
    _case("ordinary", '"We will win this," Ann Lee shot back.', "We will win this", "Ann Lee"),
    _case("ordinary", '"We will win this," said Ann Lee, the mayor.', "We will win this", "Ann Lee"),
    _case("ordinary", 'As a senator, Ann Lee said, "We will win this."', "We will win this", "Ann Lee"),
    # --- "it"/"they" inside a clause on an organisation or a group
    _case("clause-on-noun", 'They spent $332,000 on payments to a company called Cambridge Analytica, '
          'which specializes in building what it calls “psychographic” profiles of voters.',
          "psychographic", "a company"),
    _case("clause-on-noun", 'Landlords bought locks from Brightlock Inc., which sells what it calls '
          '"smart locks" to landlords.', "smart locks", "Brightlock Inc."),
    _case("clause-on-noun", 'The money went to a firm in Ohio that builds what it calls "voter profiles" '
          'for campaigns.', "voter profiles", "a firm"),
    _case("clause-on-noun", "A week later, so will an army of Bernie Sanders supporters planning protests "
          "against what they call ''fraudulent'' rules.", "fraudulent", "Bernie Sanders supporters"),
    _case("clause-on-noun", 'Thousands of nurses marched through the city, joined by farmers demanding what '
          'they call "a fair price."', "a fair price", "farmers"),
    # --- must not change: a thing or a plural antecedent of "it" names nobody
    _case("clause-on-thing", 'Ann Lee defended the measures, which it says are "a fair deal."', "a fair deal", None),
    _case("clause-on-thing", 'The law, which took effect in May, is what it calls "a fair deal."', "a fair deal", None),
    _case("clause-on-thing", 'Ann Lee defended the measures, which they say are "a fair deal."', "a fair deal", None),
]


@pytest.mark.parametrize("text, quote, speaker", SPEAKERS)
def test_speaker(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


# --- a speaker mention stays in its cue's paragraph ---

def test_mention_does_not_run_over_a_paragraph_break(quote_records):
    text = ('Ann Lee tweeted about it.\n\n<tweet tweet-id="677669901075656708"><tweet/>.\n\n'
            'D’Souza told Beck that he is making a movie that chronicles the “secret history” of the party.')
    rec = next(r for r in quote_records(text) if "secret history" in r["text"])
    assert rec["speaker_mention"] == "D’Souza"
    assert rec["speaker"] == "D’Souza"


def test_mention_in_one_paragraph_unchanged(quote_records):
    text = 'Ann Lee, the mayor of Springfield, called the plan “a disgrace” on Monday.'
    rec = next(r for r in quote_records(text) if "disgrace" in r["text"])
    assert rec["speaker"] == "Ann Lee"
