"""Names of speakers, with no parse: a name's words, its first name's gender, relatives, and
whether a token lies inside a quotation (someone's words, where no antecedent of the writer's
pronouns is).

Part of :mod:`extract.quotes.speakers` (see there for how the parts fit).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Protocol

from .lexicon import Lexicon, census_genders

#: the speaker kind of an entity label
_LABEL_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "group", "ROLE": "role"}
#: the mention label of a speaker kind (a role is a candidate for "he"/"she" with no gender)
_KIND_LABELS = {"person": "PERSON", "org": "ORG", "group": "NORP", "role": "ROLE"}


def first_name_gender(word: str, lex: Lexicon) -> str | None:
    """The gender a first name tells, curated list first, then the census lists; else None."""
    w = word.lower()
    return lex.first_names.get(w) or census_genders().get(w)


def strip_name(words: list[str], lex: Lexicon) -> list[str]:
    while words and words[0].lower() in lex.titles:
        words = words[1:]
    if words and re.search(r"[’']s$", words[-1]):
        words[-1] = words[-1][:-2]
    return [w for w in words if w]


def person_words(words: list[str]) -> list[str]:
    """The words after the last possessive ("Fox News’ Sean Hannity" -> Sean Hannity)."""
    for i in range(len(words) - 1, -1, -1):
        if re.search(r"[’']s?$", words[i]) and i < len(words) - 1:
            return words[i + 1:]
    return words


def looks_like_person(words: list[str], lex: Lexicon) -> bool:
    """Two or three capitalised words (after any possessive) led by a known first name."""
    words = person_words(words)
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
        and words[0].lower() in lex.first_names


def other_first_name(words: list[str], full: str) -> bool:
    """``words`` ("Ivanka Trump") name another person than ``full`` ("Donald Trump") with the
    same last word: both have a first name and the first names differ."""
    first = full.split()
    return len(words) > 1 and len(first) > 1 and words[-1].lower() == first[-1].lower() \
        and words[0].lower() != first[0].lower() and not words[0].endswith(".")


#: double quotation marks (single ones are also apostrophes, so they are not counted)
_DOUBLE_MARKS = re.compile(r"[“”\"]|''|``")


def _inside_quotes(tok, text: str) -> bool:
    """``tok`` lies inside a quotation: an odd number of double quotation marks lies between
    the start of its paragraph and it (a quotation over several paragraphs, its closing mark
    left out, counts as open in each), however long the paragraph (a live blog's text may run
    on for pages with no line break). ``text`` is ``doc.text`` (which spaCy rebuilds on every
    access: pass the same string for the marks to be found once)."""
    marks, breaks = _marks_of(text)
    start = breaks[bisect.bisect_left(breaks, tok.idx) - 1] + 1   # after the last line break before
    return (bisect.bisect_left(marks, tok.idx) - bisect.bisect_left(marks, start)) % 2 == 1


@lru_cache(maxsize=8)
def _marks_of(text: str) -> tuple[list[int], list[int]]:
    """The offsets of the double quotation marks of ``text`` and of its line breaks (led by -1)."""
    return [m.start() for m in _DOUBLE_MARKS.finditer(text)], [-1] + [m.start() for m in re.finditer("\n", text)]


__all__ = ["first_name_gender", "strip_name", "person_words", "looks_like_person", "other_first_name"]


class PeopleView(Protocol):
    """What the rules of :mod:`.documents` and :mod:`.pronouns` use of a document's people
    (:class:`extract.quotes.speakers.People`). They are typed by this protocol, not by the class,
    because the class is built on them: resolving a pronoun may ask for a document's author, and
    naming that author names a speaker (:meth:`name_mention`), one recursion without an import
    circle."""

    lex: Lexicon
    text: str

    def resolve(self, pron: str, at: int) -> tuple[str, str] | None: ...

    def person_of(self, tok) -> tuple[str, str | None] | None: ...

    def nearest(self, want: str, at: int, labels=...) -> tuple[str, str] | None: ...

    def name_mention(self, q) -> None: ...
