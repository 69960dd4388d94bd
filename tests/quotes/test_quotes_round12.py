"""Round 12 (issue 17, speaker accuracy): the fixed halves of bench/quotes.py and the speaker rules."""
from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench_quotes():
    spec = importlib.util.spec_from_file_location("bench_quotes_round12", ROOT / "bench" / "quotes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_doc_half_is_the_parity_of_the_first_sha1_byte(bench_quotes):
    for doc_id in ["a", "b", "politics_0001", "nyt-2016-11-08-xyz", "ünïcode"]:
        first = hashlib.sha1(doc_id.encode("utf-8")).digest()[0]
        assert bench_quotes.doc_half(doc_id) == ("A" if first % 2 == 0 else "B")


def test_doc_half_is_fixed_and_splits_ids_into_two_halves(bench_quotes):
    ids = [f"doc{i}" for i in range(200)]
    halves = [bench_quotes.doc_half(i) for i in ids]
    assert halves == [bench_quotes.doc_half(i) for i in ids]
    assert set(halves) == {"A", "B"}
    assert 60 < halves.count("A") < 140


def test_run_rejects_an_unknown_half(bench_quotes):
    with pytest.raises(ValueError, match="half must be one of"):
        bench_quotes.run("dev", half="C")


def test_the_command_line_offers_only_the_two_halves(bench_quotes):
    with pytest.raises(SystemExit):
        bench_quotes.main(["--docs-hash-half", "C"])


# --- a copula's "it" says nothing: a participle speaks for the nearest clause that can speak ---

@pytest.mark.parametrize("text, quote, speaker", [
    ('It was a long night for the party, as Ann Lee conceded the race, saying the voters '
     '"wanted a change of direction."', "wanted a change of direction", "Ann Lee"),
    ('It was a tense meeting, as the mayor rejected the plan, calling it "a waste of money."',
     "a waste of money", "the mayor"),
    ('It was a bad day for the firm after Tom Hale quit, adding that the board had "lost its way."',
     "lost its way", "Tom Hale"),
    ('In an interview with the paper, Gore insisted it was "premature" to back her while adding on '
     'climate matters, "I have no doubt that her heart is in the right place."',
     "I have no doubt that her heart is in the right place", "Gore"),
])
def test_participle_passes_a_copulas_it(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # the main clause's subject still speaks when it can
    ('Lee said it was too early to decide, adding, "We need more data before we act."',
     "We need more data before we act", "Lee"),
    # "it" of another verb is no copula's placeholder: nothing changes
    ('It rained all day, forcing the council to cancel the parade, calling it "a sad loss."', "a sad loss", None),
])
def test_participle_keeps_other_subjects(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


def test_dummy_it_on_a_hand_built_parse():
    import spacy
    from spacy.tokens import Doc
    from extract.quotes.subjects import dummy_it
    nlp = spacy.blank("en")
    words = ["It", "was", "a", "long", "night"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 4, 4, 1], deps=["nsubj", "ROOT", "det", "amod", "attr"],
              lemmas=["it", "be", "a", "long", "night"])
    assert dummy_it(doc[0])
    doc = Doc(nlp.vocab, words=["It", "said", "no"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"],
              lemmas=["it", "say", "no"])
    assert not dummy_it(doc[0])
    doc = Doc(nlp.vocab, words=["It", "is", "here"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "advmod"],
              lemmas=["it", "be", "here"])
    assert not dummy_it(doc[0])   # no complement: "it" may be a thing somebody named


# --- a person's name the NER missed at the end of a role after the cue -------------------------

@pytest.mark.parametrize("text, speaker", [
    ('"The budget is a disgrace," said Oversight ranking Democrat Elijah Cummings.', "Elijah Cummings"),
    ('"We will not back down," said acting Police Chief Maria Gomez.', "Maria Gomez"),
    ('"The roads are closed," said outgoing county commissioner Tom Vardy.', "Tom Vardy"),
])
def test_name_at_the_end_of_a_role_after_the_cue(quote_speakers, text, speaker):
    assert list(quote_speakers(text).values()) == [speaker]


def test_first_and_surname_on_hand_set_tags():
    import spacy
    from spacy.tokens import Doc
    from extract.quotes.lexicon import load_lexicon
    from extract.quotes.phrases import _first_and_surname
    lex = load_lexicon()
    nlp = spacy.blank("en")
    words = ["said", "ranking", "Democrat", "Elijah", "Cummings", "."]
    doc = Doc(nlp.vocab, words=words, pos=["VERB", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"])
    assert _first_and_surname(doc, 3, 5, lex)
    assert not _first_and_surname(doc, 2, 5, lex)            # "Democrat" is no first name
    words = ["said", "the", "Elijah", "Cummings", "Center", "."]
    doc = Doc(nlp.vocab, words=words, pos=["VERB", "DET", "PROPN", "PROPN", "PROPN", "PUNCT"])
    assert not _first_and_surname(doc, 2, 5, lex)            # a capitalised word follows: a name of a place
    words = ["said", "chief", "Elijah", "cummings", "."]
    doc = Doc(nlp.vocab, words=words, pos=["VERB", "NOUN", "PROPN", "NOUN", "PUNCT"])
    assert not _first_and_surname(doc, 2, 4, lex)


# --- "X, a top aide said, “...”": the parenthetical's subject speaks, not the phrase before ------

@pytest.mark.parametrize("text, speaker", [
    ('Clinton, a top aide said, "is very confident in the contrast" between her and Trump.', "a top aide"),
    ('The mayor, one aide said, "has no intention of resigning."', "one aide"),
    # an apposition closed by its comma is the person at its head
    ('Clinton, a top aide, said, "We are very confident in the contrast."', "Clinton"),
    # no comma after the verb: not a parenthetical
    ('Ulrich Bez, Aston\'s chief executive said "the cars are selling well."', "Ulrich Bez"),
])
def test_parenthetical_cue_after_a_topic(quote_speakers, text, speaker):
    assert list(quote_speakers(text).values()) == [speaker]


# --- a share that is the subject of a reporting verb is the share of the people asked ----------

@pytest.mark.parametrize("text, speakers", [
    ('The survey asked voters about the plan, to which 21 percent said “not too likely” and 14 percent '
     'said “not at all likely.”', ["21 percent", "14 percent"]),
    ('In the poll, 21 percent of voters said the plan was "too costly."', ["21 percent of voters"]),
])
def test_share_of_people_speaks(quote_records, text, speakers):
    rows = quote_records(text)
    assert [r["speaker"] for r in rows] == speakers
    assert {r["speaker_kind"] for r in rows} == {"group"}


def test_share_that_is_no_speaker(quote_speakers):
    # a share that does not report (the subject of "voted") names no speaker of the quoted option
    text = 'Only 23 percent of those who chose someone who "cares about people like me" voted for Lee.'
    assert quote_speakers(text).get("cares about people like me") is None


def test_share_of_people_on_hand_set_labels():
    import spacy
    from spacy.tokens import Doc
    from extract.quotes.lexicon import load_lexicon
    from extract.quotes.phrases import share_of_people
    lex = load_lexicon()
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["21", "percent", "said", "no"], heads=[1, 2, 2, 2],
              deps=["nummod", "nsubj", "ROOT", "dobj"], tags=["CD", "NN", "VBD", "DT"],
              ents=["B-PERCENT", "I-PERCENT", "O", "O"])
    assert share_of_people(doc[1], doc[2], lex)
    doc = Doc(nlp.vocab, words=["21", "percent", "voted", "no"], heads=[1, 2, 2, 2],
              deps=["nummod", "nsubj", "ROOT", "dobj"], tags=["CD", "NN", "VBD", "DT"],
              ents=["B-PERCENT", "I-PERCENT", "O", "O"])
    assert not share_of_people(doc[1], doc[2], lex)    # "voted" reports nothing
    doc = Doc(nlp.vocab, words=["Prices", "rose", "21", "percent"], heads=[1, 1, 3, 1],
              deps=["nsubj", "ROOT", "nummod", "npadvmod"], tags=["NNS", "VBD", "CD", "NN"],
              ents=["O", "O", "B-PERCENT", "I-PERCENT"])
    assert not share_of_people(doc[3], doc[1], lex)


# --- "Of Carson, Levine, who ..., said": a fronted preposition is no subject ----------------------

def test_fronted_preposition_is_no_speaker(quote_records):
    text = ("“He is funny,” New York attorney Eric Levine said of Trump. Of Carson, Levine, who has given "
            "money to Marco Rubio, said, “He is flat-out scary. I think he is a wonderful man.”")
    rows = quote_records(text)
    assert [r["speaker"] for r in rows] == ["Eric Levine", "Eric Levine"]
    assert rows[1]["speaker_mention"] == "Levine"


def test_object_of_fronted_preposition_on_a_hand_built_parse():
    import spacy
    from spacy.tokens import Doc
    from extract.quotes.subjects import _object_of_fronted_preposition
    nlp = spacy.blank("en")
    words = ["Of", "Carson", ",", "Levine", "said", ","]
    doc = Doc(nlp.vocab, words=words, heads=[4, 3, 3, 0, 4, 4], deps=["nsubj", "nmod", "punct", "pobj", "ROOT", "punct"],
              pos=["ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"], ents=["O", "B-PERSON", "O", "B-PERSON", "O", "O"])
    assert _object_of_fronted_preposition(doc[0]).text == "Levine"
    words = ["Of", "the", "plan", "said", ","]
    doc = Doc(nlp.vocab, words=words, heads=[3, 2, 0, 3, 3], deps=["nsubj", "det", "pobj", "ROOT", "punct"],
              pos=["ADP", "DET", "NOUN", "VERB", "PUNCT"])
    assert _object_of_fronted_preposition(doc[0]) is None   # no person after a comma: no subject


# --- a thing that says nothing, like a copula's "it", passes the participle on ------------------

@pytest.mark.parametrize("text, quote, speaker", [
    ('The first incident came during a speech at the college, when protesters interrupted her speech, '
     'shouting "she wins, we lose!"', "she wins, we lose", "protesters"),
    ('The trouble started after the band left the stage, when fans rushed the barrier, chanting '
     '"one more song!"', "one more song", "fans"),
])
def test_participle_passes_a_thing(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


def test_participle_after_a_thing_with_no_clause_that_speaks(quote_speakers):
    text = 'The storm hit the coast on Monday, leaving residents "in total shock."'
    assert quote_speakers(text)["in total shock"] is None
