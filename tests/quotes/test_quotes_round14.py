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


@pytest.mark.parametrize("text, quote, speaker", [
    # joining words only (from the data file): the earlier quote's voice goes on
    ('Several aides said they expected trouble when Tom Hale, who chairs the panel, warned of '
     '"a long winter" for "every family in the valley."', "every family in the valley", "Tom Hale"),
    ('Ann Lee, who runs the depot, called the plan "a disaster" and "a sham."', "a sham", "Ann Lee"),
])
def test_joined_partial_quote_shares_the_attribution(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a verb between the two quotes: not joined, its own cue
    ('Ann Lee called the plan “a sham,” but Tom Hale called it “a fine piece of work.”',
     "a fine piece of work", "Tom Hale"),
])
def test_a_verb_between_keeps_its_own_cue(quote_speakers, text, quote, speaker):
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


# --- a listener verb right after the quote, before its subject (inverted): who asks speaks ---

@pytest.mark.parametrize("text, quote, speaker", [
    ('The last question came from the floor. “How big is that wall?” asked the boy, who was wearing a '
     'red hat, as the audience laughed.', "How big is that wall", "the boy"),
    ('“Why now?” asked a reporter at the back of the room.', "Why now", "a reporter"),
    ('“Stop right there,” warned the officer.', "Stop right there", "the officer"),
])
def test_inverted_listener_verb_names_who_asks(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # the phrase after the verb is whom it urged ("to ..."), not who spoke
    ('Ann Lee called the plan “a disgrace,” urged voters to reject it and left.', "a disgrace", "Ann Lee"),
    # a subject of its own before the quote
    ('“Why now?” Tom Hale asked the mayor.', "Why now", "Tom Hale"),
])
def test_listener_verb_keeps_its_listener(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


# --- "put it", "shot back": the second word of a two-word cue is no speaker ---

@pytest.mark.parametrize("text, quote, speaker", [
    ("As Akhil Amar, professor of constitutional law at Yale and author of ''America's Unwritten "
     "Constitution,'' put it, ''Senate Republicans should remember that a compromise candidate today may "
     "be far better for them.''", "Senate Republicans should remember that a compromise candidate today may "
     "be far better for them", "Akhil Amar"),
    ('"We will win this," shot back Ann Lee, the mayor.', "We will win this", "Ann Lee"),
    # the parse took "As" for a preposition and the name for its object
    ('As Akhil Amar, professor of constitutional law at Yale, put it, "Senate Republicans should remember '
     'that a compromise candidate today may be far better for them."', "Senate Republicans should remember "
     "that a compromise candidate today may be far better for them", "Akhil Amar"),
])
def test_two_word_cue_and_as_clause_subject(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    ('"We will win this," Ann Lee shot back.', "We will win this", "Ann Lee"),
    ('"We will win this," said Ann Lee, the mayor.', "We will win this", "Ann Lee"),
    ('As a senator, Ann Lee said, "We will win this."', "We will win this", "Ann Lee"),
])
def test_ordinary_cues_unchanged(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


# --- "it"/"they" inside a clause on an organisation or group ("a company ..., which ... what it
# calls", "supporters planning protests against what they call") ---

@pytest.mark.parametrize("text, quote, speaker", [
    ('They spent $332,000 on payments to a company called Cambridge Analytica, which specializes in '
     'building what it calls “psychographic” profiles of voters.', "psychographic", "a company"),
    ('Landlords bought locks from Brightlock Inc., which sells what it calls "smart locks" to landlords.',
     "smart locks", "Brightlock Inc."),
    ('The money went to a firm in Ohio that builds what it calls "voter profiles" for campaigns.',
     "voter profiles", "a firm"),
    ("A week later, so will an army of Bernie Sanders supporters planning protests against what they call "
     "''fraudulent'' rules.", "fraudulent", "Bernie Sanders supporters"),
    ('Thousands of nurses marched through the city, joined by farmers demanding what they call "a fair '
     'price."', "a fair price", "farmers"),
])
def test_it_in_relative_clause_names_the_organisation(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote", [
    # plural antecedent, or a thing: "it" stays unnamed
    ('Ann Lee defended the measures, which it says are "a fair deal."', "a fair deal"),
    ('The law, which took effect in May, is what it calls "a fair deal."', "a fair deal"),
    ('Ann Lee defended the measures, which they say are "a fair deal."', "a fair deal"),
])
def test_it_in_relative_clause_on_a_thing_names_nobody(quote_speakers, text, quote):
    assert quote_speakers(text)[quote] is None
