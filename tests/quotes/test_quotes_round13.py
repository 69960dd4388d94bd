"""Round 13 (speaker accuracy, PolNeAR train half A): speaker rules written from half A's errors."""
from __future__ import annotations

import pytest


# --- a partial quote after another in its sentence goes on in the earlier quote's voice ---

@pytest.mark.parametrize("text, quote, speaker", [
    # only joining words between the two quotes: one clause, one cue
    ('Union leaders said they were worried after Maria Ortiz, who had lost the vote, called for '
     '"a general strike" against "the bosses and their banks."', "the bosses and their banks", "Maria Ortiz"),
    ('Several aides said they expected trouble when Tom Hale, who chairs the panel, warned of '
     '"a long winter" for "every family in the valley."', "every family in the valley", "Tom Hale"),
    # "and that" opens another clause of the same report: its subject said nothing
    ('Ortiz said it was “simply true” that the firm’s new, untested software was open to criminal gangs '
     'abroad, and that Tom Vardy faced a “serious” loss of trust – whatever his aides claim.', "serious", "Ortiz"),
    ('Gorka said it was “absolutely clear” that the minister’s private, insecure phone was open to foreign '
     'spies, and that Vardy faced a “slam-dunk” inquiry on at least twenty “serious charges” – absent a deal, '
     'of course.', "slam-dunk", "Gorka"),
])
def test_partial_quote_goes_on_in_the_voice_before_it(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a cue of its own, nearer than the earlier quote's, wins
    ('Ann Lee called the plan “a sham,” but Tom Hale called it “a fine piece of work.”',
     "a fine piece of work", "Tom Hale"),
    ('Residents said the road was “a disgrace” and the mayor promised “a quick repair.”',
     "a quick repair", "the mayor"),
])
def test_a_nearer_cue_keeps_its_quote(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


def test_the_earlier_quote_keeps_its_own_speaker(quote_speakers):
    found = quote_speakers('Union leaders said they were worried after Maria Ortiz, who had lost the vote, '
                           'called for "a general strike" against "the bosses and their banks."')
    assert found["a general strike"] == "Maria Ortiz"


# --- an attribution that closes the sentence ("..., she said.") covers its earlier partial quotes ---

@pytest.mark.parametrize("text, quote, speaker", [
    ('Ann Lee coaches the team. Hale was "flat for most of the spring" while fans waited for a '
     '"clear signal" on the new coach, she said.', "flat for most of the spring", "Ann Lee"),
    ('Ann Lee coaches the team. Hale was "flat for most of the spring" while fans waited for a '
     '"clear signal" on the new coach, she said on Monday.', "flat for most of the spring", "Ann Lee"),
    ('Tom Hale runs the depot. Those who spend an hour "listening to certain radio shows" and reading the '
     'theories found on "certain fringes of the internet," he said, end up in a debate that is '
     '"divorced from reality."', "listening to certain radio shows", "Tom Hale"),
])
def test_closing_attribution_covers_the_sentence(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # the attribution runs on into a clause of its own: it is not set off
    ('Ann Lee coaches the team. Hale was "flat for most of the spring" while fans waited for a '
     '"clear signal" on the new coach, she said in a letter that praised the staff.',
     "flat for most of the spring", "Hale"),
    # another sentence
    ('Ann Lee coaches the team. Hale was "flat for most of the spring and most of the summer." '
     'The "clear signal" came late, she said.', "flat for most of the spring and most of the summer", "Hale"),
])
def test_closing_attribution_stays_in_its_clause(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


def test_a_cue_before_the_quote_keeps_it(quote_speakers):
    found = quote_speakers('Ann Lee called the plan "a sham" while the ferry waited for a "fresh start," '
                           'the paper reported.')
    assert found["a sham"] == "Ann Lee"


# --- “...,” said Skelly: a surname of a person named before, whatever its tag ---

@pytest.mark.parametrize("text, quote, speaker", [
    ('But Bill Skelly, a longtime party data operative, vouched for both men.\n\n“Having access to the file '
     'and two people who understand it is valuable,” said Skelly, explaining he worked more closely with one.',
     "Having access to the file and two people who understand it is valuable", "Bill Skelly"),
    ('Ray Skelly runs the depot in the town.\n\n“We have never seen a winter like this one,” said Skelly, '
     'shaking his head.', "We have never seen a winter like this one", "Ray Skelly"),
    ('Sam Brantly runs the depot in the town.\n\n“We have never seen a winter like this one,” said Brantly, '
     'shaking his head.', "We have never seen a winter like this one", "Sam Brantly"),
])
def test_known_surname_after_the_cue(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


def test_unknown_adverb_after_the_cue_is_no_speaker(quote_speakers):
    # "Early" names nobody in the text: the apposition's role speaks
    found = quote_speakers('The storm passed quickly.\n\n“It was a very long night for all of us,” said Early, '
                           'the harbour master.')
    assert found["It was a very long night for all of us"] == "the harbour master"


# --- a document's owner that the tagger read as a plural noun ("Sanders’ email") ---

@pytest.mark.parametrize("text, quote, speaker", [
    ('Bernie Sanders backed eight candidates on Tuesday. Sanders’ email to his supporters notes that Jane Kim '
     '“is a civil rights attorney who has fought for fair wages.”',
     "is a civil rights attorney who has fought for fair wages", "Bernie Sanders"),
    ('Ann Hughes backed the strike on Friday. Hughes’ letter to the members says the offer is '
     '“an insult to every nurse in the country.”', "an insult to every nurse in the country", "Ann Hughes"),
    ('Tom Rivers spoke at the rally. Rivers’ statement to the press argues that the plan '
     '“will cost every family a fortune.”', "will cost every family a fortune", "Tom Rivers"),
])
def test_known_surname_owns_the_document(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


def test_owner_word_that_names_nobody_is_no_author(quote_speakers):
    # "Rivers" ends no person's name in the text: the letter names no author
    found = quote_speakers('Ann Hughes spoke on Friday. Rivers’ letter to the members says the offer is '
                           '“an insult to every nurse in the country.”')
    assert found["an insult to every nurse in the country"] is None


# --- "in the words of X," right before the quote names its source ---

@pytest.mark.parametrize("text, quote, speaker", [
    ('Word emerged that he would build his library in Chicago, and that Ann Lee was, in the words of a '
     'senior adviser, "the torchbearer" of his legacy.', "the torchbearer", "a senior adviser"),
    ('The plan was, in the words of the mayor, "a waste of everyone\'s time and money."',
     "a waste of everyone's time and money", "the mayor"),
    # a cue of its own, after the inset, wins
    ('The night was, in the words of the old song, long, and Tom Hale called it "a disaster."',
     "a disaster", "Tom Hale"),
])
def test_words_of_inset_before_the_quote(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker
