"""Speakers of the seventh round of issue 17 (from PolNeAR train errors, tested on sentences
written for these tests): a document or a statement speaks for its author when its phrase names
one: its owner ("NASA's report", "her letter"), a person's or organisation's name inside it
("a Pentagon report") or a "by"/"from" phrase on it ("a report by Human Rights Watch", "a paper
from the Brookings Institution"); the speaker mention is the document's phrase, the author in
it. A bare document ("the report said"), a place ("a report from Baghdad") and a document that
is no subject of the cue ("X said his tweet meant that “...”") name no one."""
from __future__ import annotations

import json

import pytest
import spacy

from extract.errors import ResourceError
from extract.quotes import RESOURCE, build_lexicon, load_lexicon
from extract.quotes.speakers import document_author
from extract.resources import read_text

# text, quote (without marks and end punctuation), speaker, speaker kind, speaker mention
CASES = [
    pytest.param("“The dam will not hold another winter,” a Pentagon report said on Tuesday.",
                 "The dam will not hold another winter", "Pentagon", "org", "a Pentagon report",
                 id="name-inside"),
    pytest.param("A report by Human Rights Watch said the camps were “overcrowded and unsafe.”",
                 "overcrowded and unsafe", "Human Rights Watch", "org", "A report by Human Rights Watch",
                 id="by-phrase"),
    pytest.param("NASA's report concluded that the tiles had been “damaged on launch.”",
                 "damaged on launch", "NASA", "org", "NASA's report", id="owner"),
    pytest.param("The White House's statement read: “The president has full confidence in the director.”",
                 "The president has full confidence in the director", "White House", "org",
                 "The White House's statement", id="owner-colon"),
    pytest.param("Ann Lee sent a letter to the board. “We cannot accept this,” her letter said.",
                 "We cannot accept this", "Ann Lee", "person", "her letter", id="owner-pronoun"),
    pytest.param("A letter to the mayor from the union said the plan was “unfair to every worker.”",
                 "unfair to every worker", "the union", "org", "A letter to the mayor from the union",
                 id="from-phrase-not-next"),
    pytest.param("A projection by the consulting firm Oxford Economics predicted that the rule would "
                 "“cost jobs in every state.”", "cost jobs in every state", "Oxford Economics", "org",
                 "A projection by the consulting firm Oxford Economics", id="by-apposition"),
    pytest.param("A report released in May by the ministry said the roads were “in a terrible state.”",
                 "in a terrible state", "the ministry", "org", "A report released in May by the ministry",
                 id="released-by"),
    pytest.param("An email obtained by the ministry said the roads were “in a terrible state.”",
                 "in a terrible state", None, "unknown", "An email", id="obtained-by-is-no-author"),
    # no author in the phrase: the document alone is no speaker
    pytest.param("“The dam will not hold another winter,” the report said on Tuesday.",
                 "The dam will not hold another winter", None, "unknown", "the report", id="bare-report"),
    pytest.param("A report from Baghdad said the camps were “overcrowded and unsafe.”",
                 "overcrowded and unsafe", None, "unknown", "A report", id="from-a-place"),
    pytest.param("The newspaper's editorial told him to leave his “playground for the rich and famous” "
                 "and visit the town.", "playground for the rich and famous", "The newspaper", "org",
                 "The newspaper's editorial", id="owner-listener-verb"),
    # the document is no subject of the cue: the reporting person speaks
    pytest.param("Tom Hale said his tweet meant that “the town deserves better.”",
                 "the town deserves better", "Tom Hale", "person", "Tom Hale", id="not-the-cue-subject"),
    pytest.param("His comments come as the party chairman, Tom Hale, on Saturday called the mayor “a "
                 "disappointment of historic proportions”.", "a disappointment of historic proportions",
                 "Tom Hale", "person", "Tom Hale", id="clause-of-its-own"),
    # a passive subject does not speak, nor does a document that quotes someone else's words
    pytest.param("Ann Lee spoke on Monday. Her claims were denied by Tom Hale, who accused the council of "
                 "“running scared” of the debate.", "running scared", None, "unknown", "Her claims",
                 id="passive-subject"),
    pytest.param("Ann Lee wrote to the board. Her letter to the board quotes from a council handbook about "
                 "“identifying target voters”.", "identifying target voters", None, "unknown", "Her letter",
                 id="quoting-verb"),
]


@pytest.mark.parametrize("text, quote, speaker, kind, mention", CASES)
def test_document_author_speaks(quote_records, text, quote, speaker, kind, mention):
    recs = {r["text"].strip("“”\"',.?! "): r for r in quote_records(text)}
    assert quote in recs, recs
    rec = recs[quote]
    assert (rec["speaker"], rec["speaker_kind"], rec["speaker_mention"]) == (speaker, kind, mention)


def test_speech_with_no_cue_names_no_one(quote_records):
    """"The mayor's comments drew “widespread anger”": no cue, so no speaker."""
    recs = quote_records("The mayor's comments drew “widespread anger” from residents.")
    assert all(r["speaker"] is None for r in recs), recs


def _doc(words, heads, deps, pos, ents=()):
    nlp = spacy.blank("en")
    doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [spacy.tokens.Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


@pytest.mark.parametrize("words, heads, deps, pos, ents, expected", [
    # "a Pentagon report": the organisation's name inside the phrase
    (["a", "Pentagon", "report"], [2, 2, 2], ["det", "compound", "ROOT"], ["DET", "PROPN", "NOUN"],
     [(1, 2, "ORG")], (1, 2)),
    # "a Texas report": a place is no author
    (["a", "Texas", "report"], [2, 2, 2], ["det", "compound", "ROOT"], ["DET", "PROPN", "NOUN"],
     [(1, 2, "GPE")], None),
    # "the campaign's statement": a noun naming an organisation owns it
    (["the", "campaign", "'s", "statement"], [1, 3, 1, 3], ["det", "poss", "case", "ROOT"],
     ["DET", "NOUN", "PART", "NOUN"], [], (0, 2)),
    # "the plan's cost": no document, no author
    (["the", "plan", "'s", "cost"], [1, 3, 1, 3], ["det", "poss", "case", "ROOT"],
     ["DET", "NOUN", "PART", "NOUN"], [], None),
    # "a letter from the Legion"
    (["a", "letter", "from", "the", "Legion"], [1, 1, 1, 4, 2], ["det", "ROOT", "prep", "det", "pobj"],
     ["DET", "NOUN", "ADP", "DET", "PROPN"], [(4, 5, "ORG")], (4, 5)),
    # "a letter from Baghdad"
    (["a", "letter", "from", "Baghdad"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
     ["DET", "NOUN", "ADP", "PROPN"], [(3, 4, "GPE")], None),
    # "his report": the owner pronoun
    (["his", "report"], [1, 1], ["poss", "ROOT"], ["PRON", "NOUN"], [], (0, 1)),
])
def test_document_author(words, heads, deps, pos, ents, expected):
    doc = _doc(words, heads, deps, pos, ents)
    assert document_author(doc[:], load_lexicon()) == expected


def test_quoting_verbs_are_checked():
    """The optional list quoting_verbs holds lemmas of reporting_verbs, checked by the loader."""
    assert "quoted" in load_lexicon().quoting_forms
    data = json.loads(read_text(RESOURCE))
    del data["quoting_verbs"]
    assert build_lexicon(data).quoting_forms == frozenset()
    data["quoting_verbs"] = ["recite"]
    with pytest.raises(ResourceError, match="recite"):
        build_lexicon(data)


@pytest.mark.parametrize("text, speaker, kind", [
    # "who" after a role in apposition to a person: the person at the apposition's head
    pytest.param("The council heard from Tom Hale, a farmer who said the plan was “a disgrace to the whole "
                 "valley.”", "Tom Hale", "person", id="who-after-apposition"),
    # no person at the head: the role itself
    pytest.param("The council heard from a farmer who said the plan was “a disgrace to the whole valley.”",
                 "a farmer", "role", id="who-after-role"),
])
def test_who_in_apposition(quote_records, text, speaker, kind):
    (rec,) = quote_records(text)
    assert (rec["speaker"], rec["speaker_kind"], rec["speaker_mention"]) == (speaker, kind, "who")


@pytest.mark.parametrize("text, speaker, kind", [
    # a person's name that only says whose campaign, aide or supporters: the head noun speaks
    pytest.param("“We will win this state,” a Clinton campaign spokesman said on Monday.",
                 "a Clinton campaign spokesman", "role", id="name-before-role"),
    pytest.param("“We will win this state,” the Sanders campaign said in a statement.",
                 "the Sanders campaign", "org", id="name-before-organisation"),
    pytest.param("“We want the wall,” Trump supporters told reporters outside the hall.",
                 "Trump supporters", "group", id="name-before-group"),
    # a name followed by its title with no comma, and a name alone, stay the person
    pytest.param("“HD support is mandatory,” Dr Mark Tuffy games systems director at Acme told the BBC.",
                 "Mark Tuffy", "person", id="name-then-title"),
    pytest.param("“We will win this state,” Clinton said on Monday.", "Clinton", "person", id="name-alone"),
])
def test_name_modifying_a_speaker_noun(quote_records, text, speaker, kind):
    (rec,) = quote_records(text)
    assert (rec["speaker"], rec["speaker_kind"]) == (speaker, kind)


# text, quote, which occurrence of "he" is the mention (0: the first)
OUTER_HE = [
    # a title in marks between the two pronouns, in one sentence: the outer "he" still
    pytest.param("Tom Hale met the farmers. But he told ABC’s “Good Morning America” that he agrees the "
                 "plan is a “total disaster” for the valley.", "total disaster", 0, id="title-between"),
    # marks of quotes in two sentences between: each quote keeps its own "he"
    pytest.param("Tom Hale met the farmers. “We will build it,” he said. “It will be a fine road,” he "
                 "added.", "It will be a fine road", 1, id="quote-between"),
]


@pytest.mark.parametrize("text, quote, nth", OUTER_HE)
def test_outer_pronoun_over_a_title(quote_records, text, quote, nth):
    recs = {r["text"].strip("“”\"',.?! "): r for r in quote_records(text)}
    rec = recs[quote]
    starts = [i for i in range(len(text)) if text[i:i + 4] == " he "]
    assert (rec["speaker"], rec["speaker_start_char"]) == ("Tom Hale", starts[nth] + 1)


@pytest.mark.parametrize("text, speaker, kind", [
    # a bare "the statement" is the one its nearest earlier mention says someone issued
    pytest.param("The ministry issued a statement on Monday. “We are deeply saddened by his death,” the "
                 "statement said.", "The ministry", "org", id="issued-before"),
    pytest.param("In a statement, the club said it would talk to the bidder. “Any board must consider a "
                 "fair offer,” the statement said.", "the club", "org", id="said-in-a-statement"),
    pytest.param("A letter from the staff union reached the board on Monday. “The plan is unfair to every "
                 "worker,” the staff letter said.", "the staff union", "org", id="author-named-before"),
    pytest.param("An email was sent from the ministry on Monday. “We are sorry for the delay,” the email "
                 "said.", "the ministry", "org", id="was-sent-from"),
    # the nearest earlier mention is another document, or nobody is said to have made it
    pytest.param("The ministry issued a statement on Monday. A report came out on Tuesday. “The building "
                 "is unsafe,” the report said.", None, "unknown", id="another-document"),
    pytest.param("Critics read the statement closely on Monday. “We are deeply saddened by his death,” the "
                 "statement said.", None, "unknown", id="read-not-issued"),
    pytest.param("“We are deeply saddened by his death,” the statement said.", None, "unknown",
                 id="no-earlier-mention"),
])
def test_bare_document_issued_earlier(quote_records, text, speaker, kind):
    (rec,) = quote_records(text)
    assert (rec["speaker"], rec["speaker_kind"]) == (speaker, kind)
    assert rec["speaker_mention"] in {"the statement", "the report", "the staff letter", "the email"}


def test_issuing_verbs_are_checked():
    """The optional map issuing_verbs (lemma -> forms) is checked by the loader."""
    assert "issued" in load_lexicon().issuing_forms
    data = json.loads(read_text(RESOURCE))
    del data["issuing_verbs"]
    assert build_lexicon(data).issuing_forms == frozenset()
    data["issuing_verbs"] = {"issue": "issued"}
    with pytest.raises(ResourceError, match="issuing_verbs"):
        build_lexicon(data)


@pytest.mark.parametrize("text, speaker", [
    # "it" after a document whose author its phrase names: the author
    pytest.param("A memo from the council warned of long delays. “The bridge must close for a year,” it said.",
                 "the council", id="it-document-with-author"),
    # a document acted on (a passive subject) or with no author: no one
    pytest.param("Ann Lee's report will be published next week. “The bridge must close for a year,” it said.",
                 None, id="it-passive-document"),
    pytest.param("The report warned of long delays. “The bridge must close for a year,” it said.",
                 None, id="it-bare-document"),
])
def test_it_after_a_document(quote_records, text, speaker):
    (rec,) = quote_records(text)
    assert (rec["speaker"], rec["speaker_mention"]) == (speaker, "it")
