"""Cleaning PDF-extracted article text, keeping a map back to the raw offsets.

``clean(raw)`` returns a :class:`CleanedText` whose ``text`` is what the spaCy
pipeline reads and whose ``to_raw(start, end)`` turns any span of it back into
offsets of ``raw``. What it undoes, each a general artifact of PDF extraction:

* line-break hyphenation: ``"Interna-\\ntional"`` -> ``"International"``, while a
  real hyphen that happens to fall at a line end stays (``"flag-\\nbearing"`` ->
  ``"flag-bearing"``). Evidence, in order: a digit or capital after the hyphen
  keeps it; the same word elsewhere in the document, joined or hyphenated; then
  English word frequencies (wordfreq): join when the joined word is more common
  than the two parts read as separate words.
* line breaks inside a paragraph become one space; runs of spaces become one;
  a blank line (paragraph break) becomes exactly ``"\\n\\n"``.
* letter-spaced runs (``"B Y  S A R A H  O ’ M E A R A"``) are read as words
  (``"BY SARAH O’MEARA"``): one space inside a word, two or more between words.
* short all-capitals lines (section headings such as ``"BIG PICTURE"``) become
  paragraphs of their own instead of being run into the next sentence.
* a block dropped into the middle of a sentence (a photo caption between a
  paragraph that stops mid-sentence and a line that continues it in lower case)
  is moved after the paragraph it interrupted, so the sentence reads whole.

* a run of more than ``MAX_RUN`` (100) characters without a space (no word is that
  long: thousands of quote marks, ``1,1,1,...``) gets a space every 100 characters, so
  that the tokenizer's time stays linear in its length.
* a line ends at ``\n``, ``\r\n`` or a lone ``\r`` (old Mac files).

Characters are never rewritten, only dropped or moved (and whitespace collapsed, and
the spaces cutting long runs added, each mapped to the raw character before it), so
every character of ``text`` maps to one character of ``raw``. When a block has
been moved, a span that straddles the seam maps to the raw range enclosing both
sides (``CleanedText.moved`` says whether that can happen).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .errors import Errors
from .resources import read_word_list

__all__ = ["CleanedText", "clean"]

HYPHENS = "-\u00ad\u2010"  # hyphen-minus, soft hyphen, hyphen
_TERMINAL = ".!?\"”’)■"
_LETTER_CHAR = r"(?:[^\W_]|[’'&.\-])"
# single characters separated by 1..3 spaces, at least four of them
_LETTER_SPACED = re.compile(
    rf"(?<!\S){_LETTER_CHAR}(?: {{1,3}}{_LETTER_CHAR}){{3,}}(?!\S)"
)
_WORD_GAP = re.compile(r" {2,}")
_HEADING = re.compile(r"^[^\w]*[A-Z][A-Z0-9&’'.,:\- ]*[A-Z0-9][^\w]*$")
_WORDS = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_LINE_END = re.compile(r"\r*\n|\r")
#: runs of characters without a space longer than this are cut (see _cut_long_runs)
MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


@dataclass
class CleanedText:
    """Cleaned text and, for each of its characters, the offset in the raw text."""

    text: str
    offsets: list[int]
    raw_length: int
    moved: bool = False

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean span ``[start, end)`` to a raw span ``[raw_start, raw_end)``."""
        n = len(self.text)
        if not (0 <= start <= end <= n):
            raise ValueError(Errors.E502.format(start=start, end=end, n=n))
        if start == end:
            r = self.offsets[start] if start < n else self.raw_length
            return r, r
        if self.moved:
            piece = self.offsets[start:end]
            return min(piece), max(piece) + 1
        return self.offsets[start], self.offsets[end - 1] + 1

    def extra_raw(self, start: int, end: int) -> int:
        """How many characters of the raw span ``to_raw(start, end)`` hold text from outside the
        clean span: a span that straddles the seam of a moved block (a caption taken out of the
        sentence it interrupted) encloses that block in the raw text. 0 when nothing was moved."""
        if not self.moved or start >= end:
            return 0
        lo, hi = self.to_raw(start, end)
        inside = bisect_left(self._sorted_offsets, hi) - bisect_left(self._sorted_offsets, lo)
        return inside - (end - start)   # every character of the span itself maps inside [lo, hi)

    @cached_property
    def _sorted_offsets(self) -> list[int]:
        return sorted(self.offsets)

    def to_clean(self, raw_offset: int) -> int:
        """The first clean offset whose raw offset is >= ``raw_offset`` (monotonic maps)."""
        if self.moved:
            for i, r in enumerate(self.offsets):
                if r >= raw_offset:
                    return i
            return len(self.text)
        return bisect_left(self.offsets, raw_offset)


class _Builder:
    """Text under construction with its offset map."""

    __slots__ = ("chars", "offsets")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, raw_start: int) -> None:
        self.chars.append(text)
        self.offsets.extend(range(raw_start, raw_start + len(text)))

    def add_mapped(self, text: str, offsets: list[int]) -> None:
        self.chars.append(text)
        self.offsets.extend(offsets)

    def text(self) -> str:
        return "".join(self.chars)


@dataclass
class _Line:
    text: str            # the line with letter-spacing undone, spaces collapsed, stripped
    offsets: list[int]   # raw offset of each character of text
    raw_text: str        # the raw line (without its newline)

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(raw: str) -> list[_Line]:
    """The raw text's lines; a line ends at ``\n``, ``\r\n`` or a lone ``\r``."""
    out: list[_Line] = []
    pos = 0
    for m in _LINE_END.finditer(raw):
        out.append(_line(raw[pos : m.start()], pos))
        pos = m.end()
    out.append(_line(raw[pos:], pos))
    return out


def _cut_long_runs(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Cut every run of more than MAX_RUN characters without a space by a space every
    MAX_RUN characters (mapped to the raw offset of the character before it).

    No word is that long; such runs (thousands of quote marks, ``1,1,1,...``) make the
    tokenizer's prefix and suffix splitting quadratic in the run's length."""
    if not _LONG_RUN.search(text):
        return text, offsets
    chars: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        chars.append(text[pos : m.start()])
        new_offsets.extend(offsets[pos : m.start()])
        for a in range(m.start(), m.end(), MAX_RUN):
            b = min(a + MAX_RUN, m.end())
            if a > m.start():
                chars.append(" ")
                new_offsets.append(offsets[a - 1])
            chars.append(text[a:b])
            new_offsets.extend(offsets[a:b])
        pos = m.end()
    chars.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(chars), new_offsets


def _line(line: str, start: int) -> _Line:
    """Undo letter-spacing, collapse spaces and strip one raw line."""
    chars: list[str] = []
    offsets: list[int] = []
    i = 0
    for m in _LETTER_SPACED.finditer(line):
        if not _is_letter_spaced(m.group()):
            continue
        _append_plain(line, i, m.start(), start, chars, offsets)
        pos = m.start()
        for k, word in enumerate(_WORD_GAP.split(m.group())):
            if k:
                chars.append(" ")
                offsets.append(start + pos)
                pos = line.index(word[0], pos)
            for ch in word:
                if ch == " ":
                    pos += 1
                    continue
                chars.append(ch)
                offsets.append(start + pos)
                pos += 1
        i = m.end()
    _append_plain(line, i, len(line), start, chars, offsets)
    # strip
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    k = 0
    while k < len(chars) and chars[k] == " ":
        k += 1
    return _Line("".join(chars[k:]), offsets[k:], line)


def _append_plain(line: str, a: int, b: int, base: int, chars: list[str], offsets: list[int]) -> None:
    prev_space = bool(chars) and chars[-1] == " "
    for j in range(a, b):
        ch = line[j]
        if ch in " \t\u00a0":
            if prev_space:
                continue
            ch = " "
            prev_space = True
        else:
            prev_space = False
        chars.append(ch)
        offsets.append(base + j)


def _is_letter_spaced(run: str) -> bool:
    tokens = run.split()
    if sum(t.isalnum() for t in tokens) < 4:
        return False
    words = [w.replace(" ", "") for w in _WORD_GAP.split(run)]
    return len(words) >= 2 or len(words[0]) >= 5


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    """Group lines into paragraphs: split at blank lines, around headings, and where
    an indented line follows a line that ends a sentence (a new block in PDF text)."""
    paras: list[list[_Line]] = []
    current: list[_Line] = []

    def close() -> None:
        nonlocal current
        if current:
            paras.append(current)
            current = []

    for line in lines:
        if line.blank:
            close()
            continue
        heading = _is_heading(line.text)
        indented = line.raw_text[:1] in (" ", "\t")
        if heading or (indented and current and current[-1].text[-1] in _TERMINAL):
            close()
        current.append(line)
        if heading:
            close()
    close()
    return paras


def _is_heading(text: str) -> bool:
    return (
        len(text) <= 60
        and len(text.split()) <= 8
        and sum(c.isalpha() for c in text) >= 3
        and bool(_HEADING.match(text))
    )


def _ends_mid_sentence(para: list[_Line]) -> bool:
    last = para[-1].text
    return bool(last) and last[-1] not in _TERMINAL and last[-1] not in ":;" and not _is_heading(last)


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return read_word_list("function_words.txt")


def _continues(para: list[_Line], nxt: list[_Line]) -> bool:
    """Whether paragraph ``nxt`` continues the sentence that ``para`` leaves open."""
    if not _ends_mid_sentence(para) or _is_heading(nxt[0].text):
        return False
    if _starts_lower(nxt[0].text):
        return True
    words = para[-1].text.split()
    return bool(words) and words[-1] in _function_words()


def _complete_block(para: list[_Line]) -> bool:
    return para[-1].text[-1] in _TERMINAL and not _starts_lower(para[0].text)


def _move_interruptions(paras: list[list[_Line]]) -> tuple[list[list[_Line]], bool]:
    """Rejoin sentences that a page/column break or an inserted block interrupts.

    * P ends mid-sentence and the next paragraph continues it (starts in lower case,
      or P ends on a function word such as "in"): the two are one paragraph.
    * P ends mid-sentence, then one complete block (a caption), then a paragraph
      that continues P: P and the continuation are joined and the block follows.
    * The same inside a paragraph: its leading lines up to one ending a sentence,
      followed by a line in lower case, are the inserted block.
    """
    queue = list(paras)
    moved = False
    i = 0
    while i + 1 < len(queue):
        para, nxt = queue[i], queue[i + 1]
        if _ends_mid_sentence(para):
            if i + 2 < len(queue) and _complete_block(nxt) and _starts_lower(queue[i + 2][0].text):
                queue[i : i + 3] = [para + queue[i + 2], nxt]
                moved = True
            elif _continues(para, nxt):
                queue[i : i + 2] = [para + nxt]
                continue  # the joined paragraph may continue further still
            elif (split := _interruption_end(nxt)) is not None:
                queue[i : i + 2] = [para + nxt[split:], nxt[:split]]
                moved = True
        i += 1
    return queue, moved


def _interruption_end(para: list[_Line]) -> int | None:
    for k in range(len(para) - 1):
        if para[k].text[-1] in _TERMINAL and _starts_lower(para[k + 1].text):
            return k + 1
    return None


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _keep_hyphen(left: str, right: str, vocabulary: set[str]) -> bool:
    """Whether ``left-`` at a line end and ``right`` on the next line keep their hyphen."""
    if not left or not right or not left[-1].isalpha() or not right[0].isalpha():
        return True
    if right[0].isupper():
        return True
    lw = _WORDS.findall(left)
    rw = _WORDS.findall(right)
    if not lw or not rw:
        return True
    a, b = lw[-1].lower(), rw[0].lower()
    if f"{a}-{b}" in vocabulary:
        return True
    if a + b in vocabulary:
        return False
    return _zipf(f"{a} {b}") > _zipf(a + b)


def clean(raw: str) -> CleanedText:
    """Clean PDF-extracted ``raw`` text; see the module docstring for what is undone."""
    lines = _lines(raw)
    paras = _paragraphs(lines)
    paras, moved = _move_interruptions(paras)
    vocabulary: set[str] | None = None
    out = _Builder()
    for p_index, para in enumerate(paras):
        if p_index:
            # paragraph break mapped to the raw newline that ends the previous paragraph
            last = paras[p_index - 1][-1]
            nl = last.offsets[-1] + 1 if last.offsets else 0
            out.add_mapped("\n\n", [nl, nl])
        for l_index, line in enumerate(para):
            if l_index:
                prev = para[l_index - 1].text
                if len(prev) > 1 and prev[-1] in HYPHENS and prev[-2].isalnum():
                    if vocabulary is None:
                        vocabulary = {w.lower() for w in _WORDS.findall(raw.replace("-\n", "\n"))}
                    if not _keep_hyphen(prev[:-1], line.text, vocabulary):
                        _drop_last_char(out)
                    # either way the line break itself is dropped
                else:
                    out.add(" ", para[l_index - 1].offsets[-1] + 1)
            out.add_mapped(line.text, line.offsets)
    text, offsets = _cut_long_runs(out.text(), out.offsets)
    assert len(text) == len(offsets)
    return CleanedText(text=text, offsets=offsets, raw_length=len(raw), moved=moved)


def _drop_last_char(out: _Builder) -> None:
    last = out.chars[-1]
    out.chars[-1] = last[:-1]
    out.offsets.pop()
