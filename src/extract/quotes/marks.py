"""Quotation marks: which characters open and close a quotation, paired per paragraph.

Pure text, no spaCy. Marks are read from the characters around them, so curly and straight
marks both work and apostrophes are told apart from single quotes (``it’s``, ``Krein’s``,
``’90s`` are not marks; ``‘...’`` British-style quotes are). Marks are paired within a
paragraph (the text between newlines); a mark that cannot be paired is skipped without giving
up on the rest of the text. A quotation that runs over several paragraphs (opening mark
repeated at the start of each paragraph, closing mark only at the end) gives one
:class:`Quote` per paragraph part; the parts share a ``chain``. A quotation inside another
(nested marks) is part of the outer one.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_DQ_OPEN, _DQ_CLOSE = "“„«", "”»"
#: double marks; two apostrophes ('') or backticks (``) stand for a double mark in some sources
_DQ_RE = re.compile(r"''|``|[“„«”»\"″]")
_SQ_RE = re.compile(r"(?<!['`])[‘‹’›'](?!['`])")
_SQ_OPEN, _SQ_CLOSE = "‘‹", "’›"
_OPENERS_BEFORE = set("([{—–-/“‘\"'«‹")
#: a word: letters and digits, joined by inner apostrophes, hyphens or dots
WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")
#: every character that can be a quotation mark
MARKS = "“„«”»\"″‘‹’›'`"
#: a quotation may run over at most this many paragraphs
MAX_PARAGRAPHS = 8


@dataclass
class Quote:
    start: int
    end: int
    kind: str                 # "double" | "single"
    closed: bool = True       # False: a paragraph part of a quote that goes on
    chain: int = -1
    continued: bool = False   # True: not the first part of its chain
    stray: bool = False       # an opening mark never closed (its paragraph part is kept)
    governed: bool = False    # the cue before the quote governs it in the parse
    title: bool = False       # reads as a title or name (“Meet the Press,”)
    # filled by attribution
    cue: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    method: str = "none"
    adjacent: bool = False    # cue directly after or before the marks
    speaker: str | None = None
    speaker_kind: str | None = None
    byline: bool = False      # attributed by a dash and a name after it (“...” ― Karen Lee)


def mark_role(text: str, i: int, kind: str, j: int | None = None) -> str | None:
    """'open', 'close', 'ambi' or None (not a quotation mark) for the mark text[i:j]."""
    j = i + 1 if j is None else j
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[j] if j < len(text) else " "
    if kind == "double":
        if ch in _DQ_OPEN:
            return "close" if (not prev.isspace() and prev not in _OPENERS_BEFORE and nxt.isspace()) else "open"
        if ch in _DQ_CLOSE:
            return "open" if (prev.isspace() and nxt.isalnum()) else "close"
        left = prev.isspace() or prev in _OPENERS_BEFORE
        right = nxt.isspace() or (not nxt.isalnum() and nxt not in _OPENERS_BEFORE)
        if left and not right:
            return "open"
        if right and not left:
            return "close"
        return "ambi"
    # single marks: apostrophes must not count
    if ch in _SQ_OPEN:
        return None if prev.isalnum() else "open"
    if ch in _SQ_CLOSE:
        if prev.isspace() or nxt.isalnum():
            return None               # ’90s, it’s
        return "close"
    if prev.isalnum() and nxt.isalnum():
        return None                   # it's
    if (prev.isspace() or prev in _OPENERS_BEFORE) and nxt.isalpha():
        return "open"
    if not prev.isspace() and not nxt.isalnum():
        return "close"
    return None


def paragraph_index(text: str):
    """The paragraphs of ``text`` and a function giving the paragraph number of an offset."""
    paras = paragraphs(text)
    starts = [p[0] for p in paras]

    def para_of(i: int) -> int:
        return max(bisect.bisect_right(starts, i) - 1, 0)

    return paras, para_of


def _possessive(text: str, i: int, j: int, pattern: re.Pattern, *, para_end: int) -> bool:
    """A ’ after an -s followed by a lower-case word ("the students’ union") is a plural
    possessive when a later mark in the paragraph can close the quote instead."""
    if i == 0 or text[i - 1] not in "sS" or not re.match(r" [a-z]", text[j:j + 2]):
        return False
    for m in pattern.finditer(text, j, para_end):
        k = m.start()
        if mark_role(text, k, "single", m.end()) == "close":
            return True
    return False


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in re.finditer(r"\n", text):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < len(text):
        out.append((s, len(text)))
    return out


def _pair(text: str, kind: str, paras: list[tuple[int, int]], para_of, skip) -> list[Quote]:
    """Pair the marks of one kind. A quotation whose paragraph ends before its closing mark goes
    on into the next paragraphs (one part each) when the next mark is an opening mark at the
    start of a later paragraph (the usual style) or a closing mark in a later paragraph (opening
    marks not repeated); otherwise the opening mark is kept as an unclosed part of its paragraph
    and the filter decides on it."""
    pattern = _DQ_RE if kind == "double" else _SQ_RE
    out: list[Quote] = []
    open_at: int | None = None
    chain: list[Quote] = []   # earlier parts of the multi-paragraph quote in progress

    def carry(p_from: int, p_to: int) -> None:
        """The open quote runs from open_at to the end of p_from, then over p_from+1..p_to-1."""
        chain.append(Quote(open_at, paras[p_from][1], kind, closed=False, continued=bool(chain)))
        for p in range(p_from + 1, p_to):
            chain.append(Quote(paras[p][0], paras[p][1], kind, closed=False, continued=True))

    def flush(last: Quote | None = None) -> None:
        parts = chain + ([last] if last is not None else [])
        if parts:
            for q in parts:
                q.chain = parts[0].start
            out.extend(parts)
        chain.clear()

    for m in pattern.finditer(text):
        i, j = m.start(), m.end()
        if skip(i):
            continue
        role = "open" if text[i] == "`" else mark_role(text, i, kind, j)
        if role is None:
            continue
        if role == "ambi":
            role = "close" if open_at is not None else "open"
        if role == "close" and kind == "single" and open_at is not None \
                and _possessive(text, i, j, pattern, para_end=paras[para_of(i)][1]):
            continue
        if role == "open":
            if open_at is not None:
                p_open, p_new = para_of(open_at), para_of(i)
                starts_para = not text[paras[p_new][0]:i].strip()
                if p_new > p_open and starts_para and p_new - p_open <= MAX_PARAGRAPHS:
                    carry(p_open, p_new)       # opening mark repeated: the quote goes on
                elif p_new > p_open:
                    carry(p_open, p_open + 1)  # never closed: keep its paragraph part
                    chain[-1].stray = True
                    flush()
                else:
                    flush()                    # a second opening mark in the paragraph
            open_at = i
        else:
            if open_at is None:
                continue                       # stray closing mark (or apostrophe)
            p_open, p_close = para_of(open_at), para_of(i)
            if p_close == p_open:
                flush(Quote(open_at, j, kind, continued=bool(chain)))
            elif p_close - p_open <= MAX_PARAGRAPHS:
                carry(p_open, p_close)         # opening marks not repeated
                flush(Quote(paras[p_close][0], j, kind, continued=True))
            else:
                flush()
            open_at = None
    if open_at is not None:
        carry(para_of(open_at), para_of(open_at) + 1)
        chain[-1].stray = True
        flush()
    return out


def quote_spans(text: str) -> list[Quote]:
    """Paired quotation spans of ``text`` (marks included), outermost only, in order."""
    paras, para_of = paragraph_index(text)

    doubles = _pair(text, "double", paras, para_of, lambda i: False)
    inside = [(q.start, q.end) for q in doubles]

    def in_double(i: int) -> bool:
        return any(s < i < e - 1 for s, e in inside)

    singles = _pair(text, "single", paras, para_of, in_double)
    spans = sorted(doubles + singles, key=lambda q: (q.start, -q.end))
    out: list[Quote] = []
    for q in spans:   # drop a span inside another (nested quote)
        if out and q.start >= out[-1].start and q.end <= out[-1].end:
            continue
        if out and q.start < out[-1].end:   # crossing spans: keep the first
            continue
        out.append(q)
    for n, q in enumerate(out):
        if q.chain == -1:
            q.chain = q.start
    return out


__all__ = ["Quote", "quote_spans", "mark_role", "paragraphs", "paragraph_index", "WORD_RE", "MARKS",
           "MAX_PARAGRAPHS"]
