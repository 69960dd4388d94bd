"""Finding and normalizing: every rule over a text (:func:`scan`) or one whole expression
(:func:`normalize`), with the grammar built from one word-list file (:func:`grammar`)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterator

from ..errors import ConfigError, Errors
from .grammar import Rule, _build_rules, _lower, _windows
from .handlers import _Match
from .values import Timex
from .words import REF_VALUES, RESOURCE, TENSES, Words, load_words

#: the reference date handlers compute with when none is given (relative values are then emptied)
_DUMMY_REF = dt.date(2000, 6, 15)

#: bounds on an amount of time become bounds on a point in time
_POINT_MODS = {"EQUAL_OR_MORE": "ON_OR_AFTER", "EQUAL_OR_LESS": "ON_OR_BEFORE",
               "MORE_THAN": "AFTER", "LESS_THAN": "BEFORE"}


def as_date(reference_date) -> dt.date | None:
    """A reference date from an ISO string, a date or a datetime; None for none."""
    if reference_date is None or reference_date == "":
        return None
    if isinstance(reference_date, dt.datetime):
        return reference_date.date()
    if isinstance(reference_date, dt.date):
        return reference_date
    try:
        return dt.date.fromisoformat(str(reference_date)[:10])
    except ValueError as exc:
        raise ConfigError(Errors.E005.format(value=reference_date)) from exc


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    rule: str
    timex: Timex


class Grammar:
    """The rules built from one word-list file, and the two ways of using them."""

    def __init__(self, words_file: str = RESOURCE) -> None:
        self.words_file = words_file
        self.words = Words(load_words(name=words_file), resolve=self._resolve)
        self.rules: list[Rule] = _build_rules(self.words)
        self._normalize = lru_cache(maxsize=4096)(self._normalize_uncached)

    def _resolve(self, text: str, ref: dt.date, tense: str | None) -> Timex | None:
        return self.normalize(text, ref, tense=tense)

    def _apply(self, rule: Rule, m: _Match, ref: dt.date | None, tense: str | None) -> Timex | None:
        if tense == "past":   # a weak past: months and weekdays follow it, dates with a day do not
            tense = None if rule.name in ("date_mdy", "date_dmy") else "WEAK_PAST" if rule.name == "month" else "PAST"
        t = rule.handler(m, ref or _DUMMY_REF, tense, self.words)
        if t is None:
            return None
        if t.type in ("DATE", "TIME") and t.mod in _POINT_MODS and rule.name != "ago":
            t = replace(t, mod=_POINT_MODS[t.mod])   # "at least Thursday": ON_OR_AFTER
        if t.relative and ref is None and t.value not in REF_VALUES:
            t = replace(t, value="")
        return t

    def scan(self, text: str, reference_date=None, *,
             tense_at: Callable[[int, int], str | None] | None = None) -> Iterator[Found]:
        """Every rule match in ``text`` (overlapping; the caller chooses among them).

        ``tense_at(start, end)`` gives the tense of the clause around a match.
        """
        ref = as_date(reference_date)
        low = _lower(text)
        windows = _windows(low, self.rules)
        for rule in self.rules:
            seen: set[tuple[int, int]] = set()
            for a, b in windows.get(rule.name, ()):
                for m in rule.pattern.finditer(low, a, b):
                    if m.end() == m.start() or (m.start(), m.end()) in seen:
                        continue
                    seen.add((m.start(), m.end()))
                    tense = tense_at(m.start(), m.end()) if tense_at else None
                    t = self._apply(rule, _Match(m, text), ref, tense)
                    if t is not None:
                        yield Found(m.start(), m.end(), rule.name, t)

    def normalize(self, text: str, reference_date=None, *, tense: str | None = None) -> Timex | None:
        """Normalize one whole expression; None when no rule reads all of it."""
        if tense is not None and tense not in TENSES and tense != "past":
            raise ConfigError(Errors.E007.format(what="tense", value=tense, allowed=", ".join(TENSES)))
        return self._normalize(text, as_date(reference_date), tense)

    def _normalize_uncached(self, text: str, ref: dt.date | None, tense: str | None) -> Timex | None:
        s = re.sub(r"\s+", " ", text.strip())
        low = _lower(s)
        for rule in self.rules:
            m = rule.pattern.fullmatch(low)
            if m:
                t = self._apply(rule, _Match(m, s), ref, tense)
                if t is not None:
                    return t
        return None


@lru_cache(maxsize=8)
def grammar(words_file: str = RESOURCE) -> Grammar:
    """The grammar of ``words_file`` (a file in ``extract/resources``), built once."""
    return Grammar(words_file)


def rule_names() -> tuple[str, ...]:
    """Names of the rules, in the order they are tried."""
    return tuple(r.name for r in grammar().rules)


def scan(text: str, reference_date=None, *, tense_at: Callable[[int, int], str | None] | None = None,
         words_file: str = RESOURCE) -> Iterator[Found]:
    """Every rule match in ``text`` (overlapping; the caller chooses among them).

    ``tense_at(start, end)`` gives the tense of the clause around a match.
    """
    return grammar(words_file).scan(text, reference_date, tense_at=tense_at)


def normalize(text: str, reference_date=None, *, tense: str | None = None,
              words_file: str = RESOURCE) -> Timex | None:
    """Normalize one whole expression; None when no rule reads all of it.

    >>> normalize("early 2018").value, normalize("early 2018").mod
    ('2018', 'START')
    >>> normalize("last year", "2018-11-01").value
    '2017'
    """
    return grammar(words_file).normalize(text, reference_date, tense=tense)
