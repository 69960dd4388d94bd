"""Round 9 of the speaker rules (issue 17), on sentences written for the tests: a bare "the
statement" (email, letter ...) refers back past earlier bare mentions of the same document to
the one someone is said to have issued, also as the first noun of the object ("sent out an
email appeal")."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, speakers", [
    # the nearest earlier mention is a bare "the statement": the search goes on before it
    pytest.param("The ministry issued a statement on Friday. “The gallery will reopen in May,” the statement said. "
                 "“Tickets will be free for children,” the statement added.", ["The ministry", "The ministry"],
                 id="past-a-bare-mention"),
    pytest.param("An email was sent by the club secretary on Monday. The email said, “We will close the bar in May.” "
                 "The email added, “Nobody will lose their job.”", ["the club secretary", "the club secretary"],
                 id="past-a-bare-mention-passive"),
    # the document is the first noun of the object of a verb that makes one
    pytest.param("The charity sent out an email appeal on Tuesday. “We need your help this winter,” the email said.",
                 ["The charity"], id="email-appeal"),
    pytest.param("The union posted a video message on Tuesday. “We will strike in March,” the message said.",
                 ["The union"], id="video-message"),
    # a document nobody is said to have made, before or after a bare mention: no one
    pytest.param("Critics read a statement on Friday. “The gallery will reopen in May,” the statement said. "
                 "“Tickets will be free for children,” the statement added.", [None, None], id="read-a-statement"),
    pytest.param("The council read out an email appeal on Tuesday. “We need your help this winter,” the email said.",
                 [None], id="read-an-email-appeal"),
])
def test_bare_document_refers_back(quote_records, text, speakers):
    assert [r["speaker"] for r in quote_records(text)] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a first "the statement" / "the release" (no earlier mention): the subject of the reporting
    # verb in the writer's sentence before it
    pytest.param("The ministry confirmed on Monday that the plant would close. “The site will shut in May,” "
                 "the statement said.", ["The ministry"], id="confirmed-then-statement"),
    pytest.param("On Thursday the county council announced that the fair was cancelled. "
                 "“The field is under water,” the release said. “It will reopen in June,” the release added.",
                 ["the county council", "the county council"], id="announced-then-release-twice"),
    pytest.param("The union responded that its members would strike. ¶ According to the statement, "
                 "the strike will last “for as long as it takes”.".replace(" ¶ ", "\n\n"), ["The union"],
                 id="responded-then-according-to-the-statement"),
    # no reporting verb in the sentence before, a report (not something announced), or the
    # sentence before is someone's words: no one
    pytest.param("The plant closed on Monday. “The site will shut in May,” the statement said.", [None],
                 id="no-reporting-verb"),
    pytest.param("The ministry confirmed on Monday that the plant would close. “The site will shut in May,” "
                 "the report said.", [None], id="a-report"),
])
def test_first_statement_announced_before(quote_records, text, speakers):
    assert [r["speaker"] for r in quote_records(text)] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a first "the lawsuit" / "the complaint": the subject of "sued" in the sentence before
    pytest.param("The union sued the firm on Friday. The complaint, which was filed in London, alleged that the firm "
                 "had “broken every promise it made”.", ["The union"], id="sued-then-complaint"),
    pytest.param("The union will sue the council over the closures. The lawsuit says the council “ignored the law”.",
                 ["The union"], id="will-sue-then-lawsuit"),
    # "the suit" refers back to an earlier "lawsuit" (a longer document noun ending in it)
    pytest.param("A lawsuit was filed by the union on Friday. The suit says the council “ignored the law”.",
                 ["the union"], id="suit-after-lawsuit"),
    # nobody sued in the sentence before: no one
    pytest.param("The union met the firm on Friday. The complaint alleged that the firm had “broken every promise”.",
                 [None], id="no-suing-verb"),
])
def test_first_lawsuit_made_before(quote_records, text, speakers):
    assert [r["speaker"] for r in quote_records(text)] == speakers


def _long_paragraph(words: int) -> str:
    """One paragraph: a quotation of ``words`` words, then the writer's words."""
    return "“" + "More words. " * words + "” Then he left, and “we will see” was all he said."


@pytest.mark.parametrize("words", [10, 400, 1000])
def test_inside_quotes_in_a_long_paragraph(words):
    # the quotation marks are counted from the paragraph's start however long it is (a live
    # blog's text may run on for pages with no line break): "he" after the long quote is the
    # writer's, "we" is inside the short one
    import spacy

    from extract.quotes.names import _inside_quotes

    doc = spacy.blank("en")(_long_paragraph(words))
    text = doc.text
    he = next(t for t in doc if t.text == "he")
    we = next(t for t in doc if t.text == "we")
    more = doc[1]
    assert (_inside_quotes(more, text), _inside_quotes(he, text), _inside_quotes(we, text)) == (True, False, True)


def test_he_after_a_quoted_name_in_a_long_paragraph(quote_records):
    # a name inside a quotation is no antecedent of "he" outside it, in a long paragraph too
    text = ("Tom Vardy spoke first: “" + "The crowd waited in the rain. " * 120
            + "” “Jack wants to be a tough guy tonight,” Vardy shot back. “Quiet,” he demanded.")
    assert quote_records(text)[-1]["speaker"] == "Tom Vardy"


def _title_span(label: str):
    """"the Herald reported" on a blank pipeline, "Herald" a proper noun with ``label``."""
    import spacy
    from spacy.tokens import Doc

    words = ["the", "Herald", "reported"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=["DET", "PROPN", "VERB"],
              ents=["O", f"B-{label}" if label else "O", "O"])
    return doc[0:2]


@pytest.mark.parametrize("label, expected", [
    ("", True), ("WORK_OF_ART", True),
    ("PRODUCT", True),            # the model took the newspaper's name for a product
    ("GPE", False), ("PERSON", False),
])
def test_title_name_labels(label, expected):
    from extract.quotes.lexicon import load_lexicon
    from extract.quotes.roles import _unlabelled_title_name

    assert _unlabelled_title_name(_title_span(label), load_lexicon()) is expected


@pytest.mark.parametrize("words, expected", [
    # "VP" (vice president) names a role, as "president" does, also after its owner
    (["Lee", "’s", "potential", "VP"], ("Lee’s potential VP", "role")),
    (["the", "VP"], ("the VP", "role")),
    (["the", "VIP"], (None, "unknown")),
])
def test_vp_is_a_role(words, expected):
    import spacy
    from spacy.tokens import Doc

    from extract.quotes.lexicon import load_lexicon
    from extract.quotes.roles import _common_noun_speaker

    pos = {"Lee": "PROPN", "’s": "PART", "potential": "ADJ", "the": "DET"}
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[w != "Lee" for w in words],
              pos=[pos.get(w, "NOUN") for w in words])
    assert _common_noun_speaker(doc[:], load_lexicon()) == expected
