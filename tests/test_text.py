"""Cleaning PDF artifacts while keeping a map back to raw offsets."""
from __future__ import annotations

import re

import pytest

from extract.text import clean


def roundtrip_ok(raw: str) -> None:
    """Every word of the cleaned text maps back to the same word in the raw text."""
    c = clean(raw)
    assert len(c.offsets) == len(c.text)
    for m in re.finditer(r"\S+", c.text):
        a, b = c.to_raw(m.start(), m.end())
        segment = raw[a:b]
        as_is = re.sub(r"\s+", "", segment)                        # hyphen kept
        joined = re.sub(r"[-\u00ad]\s*\n\s*|\s+", "", segment)     # line-break hyphen dropped
        assert m.group().replace(" ", "") in (as_is, joined), (m.group(), segment)


@pytest.mark.parametrize("raw, expected", [
    # line-break hyphenation joined
    ("the newly opened Interna-\ntional Campus", "the newly opened International Campus"),
    ("home to the cam-\npus’s parent", "home to the campus’s parent"),
    ("an evolutionary geneticist who fre-\nquently visits", "an evolutionary geneticist who frequently visits"),
    # real hyphens at a line end stay
    ("the flag-\nbearing tour guides", "the flag-bearing tour guides"),
    ("both in state-\nfunded labs", "both in state-funded labs"),
    ("says May Tan-\nMullins", "says May Tan-Mullins"),
    ("a US$25-\nmillion investment", "a US$25-million investment"),
    ("a 2015-\n2016 season", "a 2015-2016 season"),
    # real hyphens inside a line are never touched
    ("high-tech and Tan-Mullins", "high-tech and Tan-Mullins"),
    # the same word elsewhere in the document decides
    ("a cross-discipline team and a cross-\ndiscipline plan", "a cross-discipline team and a cross-discipline plan"),
    # line breaks inside a paragraph are spaces; paragraph breaks stay
    ("one line\nand the next\n\nNew paragraph.", "one line and the next\n\nNew paragraph."),
    ("trailing space \nbefore the break", "trailing space before the break"),
    ("Windows\r\nline ends\r\n\r\nHere.", "Windows line ends\n\nHere."),
    # runs of spaces collapse
    ("two  spaces   and a\ttab", "two spaces and a tab"),
    # letter-spaced runs are read as words
    ("B Y  S A R A H  O ’ M E A R A", "BY SARAH O’MEARA"),
    ("Intro.\n\nB Y  J O H N  S M I T H\n\nBody.", "Intro.\n\nBY JOHN SMITH\n\nBody."),
    # ...but ordinary text with single letters is not
    ("I am a fan of x = y + z", "I am a fan of x = y + z"),
    ("Plan A or B is fine", "Plan A or B is fine"),
    # headings become their own paragraph
    ("done.\n\nBIG PICTURE\nKrein says so.", "done.\n\nBIG PICTURE\n\nKrein says so."),
    # a column break in mid-sentence is joined
    ("he moved there in 2016 and\n\nwas not used to it.", "he moved there in 2016 and was not used to it."),
    ("opened a campus in\n\nHaining City. It is new.", "opened a campus in Haining City. It is new."),
    # a title is not run into the text that follows it
    ("Zhejiang is open for business\n\nIn the global race", "Zhejiang is open for business\n\nIn the global race"),
    # curly quotes and apostrophes are kept as they are
    ("“It’s fine,” she says.", "“It’s fine,” she says."),
])
def test_clean(raw, expected):
    assert clean(raw).text == expected
    roundtrip_ok(raw)


def test_caption_inside_sentence_is_moved_after_it():
    raw = ("The plan, set out in a 15-year science \n\n"
           "Visitors watch a robot at the Expo in Yiwu.\n"
           " and technology plan in 2006, is to grow.\n\nNext paragraph.")
    c = clean(raw)
    assert c.text == ("The plan, set out in a 15-year science and technology plan in 2006, is to grow.\n\n"
                      "Visitors watch a robot at the Expo in Yiwu.\n\nNext paragraph.")
    assert c.moved
    i = c.text.index("Visitors")
    a, b = c.to_raw(i, i + len("Visitors watch a robot"))
    assert raw[a:b] == "Visitors watch a robot"
    i = c.text.index("technology plan")
    a, b = c.to_raw(i, i + len("technology plan"))
    assert raw[a:b] == "technology plan"


@pytest.mark.parametrize("raw, word, raw_form", [
    ("the Interna-\ntional Campus", "International", "Interna-\ntional"),
    ("B Y  S A R A H", "SARAH", "S A R A H"),
    ("Zhejiang Uni-\nversity is big", "Zhejiang University", "Zhejiang Uni-\nversity"),
    ("University of \nNottingham", "University of Nottingham", "University of \nNottingham"),
])
def test_offsets_map_back_to_raw(raw, word, raw_form):
    c = clean(raw)
    i = c.text.index(word)
    a, b = c.to_raw(i, i + len(word))
    assert raw[a:b] == raw_form


def test_empty_and_edge_spans():
    c = clean("abc")
    assert c.to_raw(0, 0) == (0, 0)
    assert c.to_raw(3, 3) == (3, 3)
    with pytest.raises(ValueError, match="outside the cleaned text"):
        c.to_raw(2, 9)
    assert clean("").text == ""
    assert clean("\n\n  \n").text == ""


def test_to_clean_inverts_to_raw():
    raw = "the Interna-\ntional Campus"
    c = clean(raw)
    assert c.to_clean(raw.index("Campus")) == c.text.index("Campus")


def test_seed_article(seed_text):
    c = clean(seed_text)
    for phrase in ["International Campus Zhejiang University in Haining City",
                   "BY SARAH O’MEARA", "Zhejiang University", "flag-bearing", "state-funded",
                   "May Tan-Mullins", "University of Nottingham Ningbo China",
                   "a 15-year science and technology plan in 2006"]:
        assert phrase in c.text, phrase
    for artifact in ["Interna-", "Uni-", "cam-", "\n "]:
        assert artifact not in c.text, artifact
    roundtrip_ok(seed_text)


@pytest.mark.parametrize("raw", [
    '"' * 20000,                      # thousands of quote marks
    "1," * 30000,                     # a number list without spaces
    "See " + "x" * 250 + " there.",   # one very long token among words
])
def test_long_runs_without_spaces_are_cut_and_map_back(raw):
    import time

    started = time.perf_counter()
    c = clean(raw)
    assert time.perf_counter() - started < 5
    assert max(len(run) for run in c.text.split()) <= 100
    assert c.text.replace(" ", "") == raw.replace(" ", "")
    for i, ch in enumerate(c.text):
        if ch != " ":
            assert raw[c.offsets[i]] == ch
    assert c.offsets == sorted(c.offsets)
    roundtrip_ok(raw)


def test_a_run_of_100_characters_is_left_whole():
    raw = "a" * 100 + " b"
    assert clean(raw).text == raw


@pytest.mark.parametrize("raw", [
    "First paragraph ends here.\r\rSecond one starts here.",
    "First paragraph ends here.\r\n\r\nSecond one starts here.",
    "First paragraph ends here.\n\nSecond one starts here.",
])
def test_every_line_ending_gives_the_same_paragraphs(raw):
    c = clean(raw)
    assert c.text == "First paragraph ends here.\n\nSecond one starts here."
    start = c.text.index("Second")
    a, b = c.to_raw(start, start + len("Second"))
    assert raw[a:b] == "Second"
