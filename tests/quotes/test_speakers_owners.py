"""Speakers from the sentence around a quote (issue 17): the owner of a speech noun ("her
claim that “...”"), a role or group that is the subject of the sentence, a reporting verb
above the quote over a quoted word, and no speaker carried into a later paragraph's sentence
of the writer's own. Sentences written for these tests."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from extract.errors import ResourceError
from extract.quotes import RESOURCE, build_lexicon, load_lexicon
from extract.resources import read_text
from extract.quotes.attribution import reporting_ancestor

# text, quote (without marks and end punctuation), expected speaker (None: left empty)
CASES = [
    # the owner of a speech noun joined to the quote by "that", a colon, "was that"
    pytest.param("Senator Mary Quinn spoke in Dover on Friday. Her claim that “the budget is balanced” "
                 "drew laughter from the crowd.", "the budget is balanced", "Mary Quinn",
                 id="possessive-pronoun-claim-that"),
    pytest.param("Paul Grant's answer was that “the bridge will open in May,” and the council agreed.",
                 "the bridge will open in May", "Paul Grant", id="possessive-name-answer-was-that"),
    pytest.param("The debate turned on Paul Grant's accusation that the minister was playing "
                 "“a double game” with the farmers.", "a double game", "Paul Grant",
                 id="speech-noun-above-the-quote"),
    pytest.param("Rita Moss heard him out. Critics called Paul Grant's comments “shameful and cheap.”",
                 "shameful and cheap", "Critics", id="quote-about-the-comments-is-not-them"),
    pytest.param("Rita Moss chairs the board. Paul Grant's account “Harbour Days” sold well.",
                 "Harbour Days", None, id="no-speech-noun"),
    # a role or a group that is the subject of the writer's sentence
    pytest.param("“We will rebuild,” said Mayor Ann Holt.\n\nThe city secretary also praised the "
                 "“careful spending of the works department.”", "careful spending of the works department",
                 "The city secretary", id="role-subject-of-the-sentence"),
    # verbs that put a label on someone or something in the speaker's words
    pytest.param("Critics have dubbed the bridge “the road to nowhere.”", "the road to nowhere", "Critics",
                 id="dubbed"),
    pytest.param("Residents slammed the plan as “a reckless gamble with public money.”",
                 "a reckless gamble with public money", "Residents", id="slammed-as"),
    # a name right after the reporting verb that ends the sentence ("..., reported X."), not
    # one that opens a clause; the person before the asides
    pytest.param("The tax was “central” to the party's message for the first time, reported the Daily Star.",
                 "central", "the Daily Star", id="reported-x-ends-the-sentence"),
    pytest.param("Tom Reyes, whose firm, Holt Data, sells maps to farmers, said Mayor Ann Lee was “a fine "
                 "leader for the town.”", "a fine leader for the town", "Tom Reyes", id="person-before-asides"),
    # "According to X," or "In the words of X," opening the sentence: X's account
    pytest.param("According to some on Twitter, Tom Hale was “hiding from the press all week.”",
                 "hiding from the press all week", "some", id="according-to-a-group"),
    pytest.param("In the words of Lena Park, the new bridge is “a monument to waste.”",
                 "a monument to waste", "Lena Park", id="in-the-words-of"),
    # the name before the asides between it and the reporting verb
    pytest.param("Senator Paul Sanders spoke on Monday. Sanders, meanwhile, who sits at zero such "
                 "endorsements, said the plan was “a bad joke for the town.”", "a bad joke for the town",
                 "Paul Sanders", id="name-before-asides"),
    pytest.param("“We will rebuild,” said Mayor Ann Holt.\n\nThe annual report also praised the "
                 "“careful spending of the works department.”", "careful spending of the works department",
                 None, id="document-subject-no-inherited-speaker"),
]


# a quote with no cue: the speaker of the quote before it carries over to a paragraph that
# opens with a quote, not to a sentence of the writer's own in a later paragraph
CARRY = [
    pytest.param("“We will win the vote,” said Tom Reyes.\n\n“The roads froze, but we kept going "
                 "from door to door.”", "The roads froze, but we kept going from door to door",
                 "Tom Reyes", id="next-paragraph-opens-with-the-quote"),
    pytest.param("“We will win the vote,” said Tom Reyes.\n\nThe roads froze early that year, and "
                 "farmers spoke of the “longest winter anyone here can remember.”",
                 "longest winter anyone here can remember", None, id="writer-sentence-next-paragraph"),
    pytest.param("Economist Rita Moss spoke in Leeds on Monday.\n\nPrices will keep rising for a year, she "
                 "said. Shoppers can still find bargains, but only when “the shelves are restocked on Mondays.”",
                 "the shelves are restocked on Mondays", "Rita Moss", id="said-in-the-sentence-before"),
    pytest.param("Economist Rita Moss spoke in Leeds on Monday.\n\nPrices will keep rising for a year. "
                 "Shoppers can still find bargains, but only when “the shelves are restocked on Mondays.”",
                 "the shelves are restocked on Mondays", None, id="no-cue-in-the-sentence-before"),
    pytest.param("“We will win the vote,” said Tom Reyes. He spoke of the “longest winter anyone "
                 "here can remember.”", "longest winter anyone here can remember", "Tom Reyes",
                 id="same-paragraph"),
]


def _parsed(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A Doc from (word, tag, pos, dep, head index) rows: a parse fixed by hand."""
    words, tags, pos, deps, heads = zip(*rows)
    return Doc(spacy.blank("en").vocab, words=list(words), tags=list(tags), pos=list(pos), deps=list(deps),
               heads=list(heads), sent_starts=[True] + [False] * (len(rows) - 1))


def test_reporting_verb_above_a_quoted_word():
    """Ortiz said it was “clear” that Hale faced “a challenge”: the parse climbs from the second
    quote over the quoted "clear" to "said", so the words are Ortiz's, not Hale's."""
    doc = _parsed([("Ortiz", "NNP", "PROPN", "nsubj", 1), ("said", "VBD", "VERB", "ROOT", 1),
                   ("it", "PRP", "PRON", "nsubj", 3), ("was", "VBD", "AUX", "ccomp", 1),
                   ("“", "``", "PUNCT", "punct", 5), ("clear", "JJ", "ADJ", "acomp", 3),
                   ("”", "''", "PUNCT", "punct", 5), ("that", "IN", "SCONJ", "mark", 9),
                   ("Hale", "NNP", "PROPN", "nsubj", 9), ("faced", "VBD", "VERB", "ccomp", 5),
                   ("“", "``", "PUNCT", "punct", 12), ("a", "DT", "DET", "det", 12),
                   ("challenge", "NN", "NOUN", "dobj", 9), ("”", "''", "PUNCT", "punct", 12),
                   (".", ".", "PUNCT", "punct", 1)])
    quoted = [4 <= i <= 6 or 10 <= i <= 13 for i in range(len(doc))]
    assert reporting_ancestor(doc, 10, 14, quoted, load_lexicon()) == (1, (0, 1))


@pytest.mark.parametrize("change, message", [
    ({"possessive_pronouns": {"his": "him"}},
     r"quotes.json: possessive_pronouns.his: 'him' is not a key of pronouns"),
    ({"speech_nouns": "claim"}, r"quotes.json: speech_nouns: expected a list"),
])
def test_owner_word_lists_are_checked(change, message):
    data = json.loads(read_text(RESOURCE))
    data.update(change)
    with pytest.raises(ResourceError, match=message):
        build_lexicon(data)


def test_owner_word_lists_load():
    lex = load_lexicon()
    assert lex.possessives["her"] == "she" and {"claim", "remarks", "words"} <= lex.speech_nouns


# cues after the quote: more reporting verbs, and a byline opening the next paragraph
AFTER = [
    pytest.param("“Nobody saw the flood coming,” remembered Ruth Ames, a retired nurse who has lived "
                 "by the river for forty years.",
                 "Nobody saw the flood coming", "Ruth Ames", id="remembered"),
    pytest.param("Tom Lacey waited at the gate. “Sit down and listen!” barked Coach Mara Vint at the "
                 "players on the bench before the second half began.",
                 "Sit down and listen", "Mara Vint", id="barked"),
    # a title-cased headline's first person before the colon is its subject
    pytest.param("Governor Ann Holt Praises Her Aide Tom Hale: ‘A Very Good Worker’\n\nGovernor Ann Holt "
                 "praised her aide on Monday.", "‘A Very Good Worker’", "Ann Holt", id="headline-subject-colon"),
    # any verb in a short clause after a comma-ended quote only with someone who can speak
    pytest.param("Mayor Ann Holt says nobody on the council is “on pace to win a majority,” the number "
                 "needed to pass the budget.", "on pace to win a majority", "Ann Holt", id="no-speaker-after"),
    pytest.param("“Never again,” an angry Hollande retaliated.", "Never again", "Hollande",
                 id="any-verb-after-a-name"),
    pytest.param("The candidates met in Leeds.\n\n“We will cut taxes for every family in the county.”\n\n"
                 "- Gloria Tenney, at the town hall.\n\nThe claim was checked.",
                 "We will cut taxes for every family in the county", "Gloria Tenney", id="byline-next-paragraph"),
    pytest.param("The council met in Leeds.\n\n“Our plan for the county has three parts.”\n\n"
                 "- Lower Council Taxes\n\n- Better Roads", "Our plan for the county has three parts", None,
                 id="list-after-the-quote-is-no-byline"),
]


@pytest.mark.parametrize("text, quote, expected", CASES + CARRY + AFTER)
def test_speaker(quote_speakers, text, quote, expected):
    speakers = quote_speakers(text)
    assert quote in speakers, speakers
    assert speakers[quote] == expected


def test_sentence_opening_word_is_no_speaker(quote_records):
    """A capitalised "And" opening the sentence is no name, even when the tagger misreads the
    name after it."""
    recs = quote_records("And Skelly called the mayor “a real smart guy who knows the data.”")
    assert [r["speaker_mention"] for r in recs] != ["And"]
    assert all(r["speaker_mention"] in (None, "Skelly") for r in recs), recs
