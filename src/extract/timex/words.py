"""The word lists of ``resources/dates.json``, validated and compiled into regex fragments."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from .. import schema
from ..resources import Choice, ListOf, MapOf, Record, bad, load

#: the word lists' file in ``extract/resources`` (the component's ``words_file`` default)
RESOURCE = "dates.json"
TENSES = ("PAST", "PRESENT", "FUTURE")   # plus "past": a past tense the finder reached indirectly
MOD_VALUES = schema.MOD_VALUES
REF_VALUES = schema.REF_VALUES

#: the declared shape of resources/dates.json
SHAPE = Record({
    "months": MapOf(int), "weekdays": MapOf(int), "seasons": MapOf(str),
    "parts_of_day": MapOf(str), "numbers": MapOf(int), "vague_numbers": ListOf(str),
    "ordinals": MapOf(int), "units": MapOf(str), "unit_plurals": MapOf(str),
    "decade_words": MapOf(int), "mods": MapOf(Choice(*MOD_VALUES)),
    "vague_refs": MapOf(Choice(*REF_VALUES)), "sets": MapOf(str), "holidays": MapOf(str),
    "time_zones": ListOf(str), "named_day_words": ListOf(str), "measure_units": ListOf(str),
    "race_words": ListOf(str),
})


def load_words(data: dict | None = None, name: str = RESOURCE) -> dict:
    """Read and check the word lists ``name`` (or ``data`` given in its place).

    Errors are coded (:mod:`extract.errors`) and name the file, the key and what was allowed.
    """
    data = load(name, SHAPE, data)
    for key in SHAPE.fields:
        words = data[key] if isinstance(data[key], list) else [w for w in data[key] if not w.startswith("_")]
        for word in words:
            if word != word.lower() or not word.strip():
                raise bad(name, f"{key}: {word!r}", "words must be non-empty lower-case strings")
    return data


def _alt(words) -> str:
    """Regex alternation of words, longest first, spaces matching any whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in parts)


#: longest number read (digits): longer ones are no amount of time, and this keeps every
#: number an exact int or a finite float
MAX_DIGITS = 300


def _digits(s: str, half: float = 0.0) -> int | float | None:
    """"1200" -> 1200 (an exact int however long), "7.58" -> 7.58; None past MAX_DIGITS or
    when a decimal's whole part is too large for a float to keep exactly."""
    whole, _, frac = s.partition(".")
    if len(whole) + len(frac) > MAX_DIGITS:
        return None
    if not frac.strip("0"):
        return int(whole) + half if half else int(whole)
    if int(whole) >= 2 ** 53:
        return None
    return float(s) + half


class Words:
    """Compiled word lists and regex fragments.

    ``resolve(text, ref, tense)`` normalizes a part of a match as a whole expression (the day
    in "10 p.m. Wednesday"); the grammar that owns these words provides it.
    """

    def __init__(self, data: dict, resolve: Callable[[str, dt.date, str | None], Any] | None = None):
        self.data = data
        self.resolve = resolve
        self.months = data["months"]
        self.weekdays = data["weekdays"]
        self.seasons = data["seasons"]
        self.pod = data["parts_of_day"]
        self.numbers = data["numbers"]
        self.ordinals = data["ordinals"]
        self.units = data["units"]
        self.unit_plurals = data["unit_plurals"]
        self.measure_units = frozenset(data["measure_units"])
        self.named_days = frozenset(w.split()[-1] for w in data["named_day_words"])
        self.race_words = frozenset(data["race_words"])
        full_months = [w for w in self.months if len(w) > 4 or w in ("may", "june", "july")]
        abbr_months = [w for w in self.months if w not in full_months]
        self.MON = rf"(?:{_alt(full_months)}|(?:{_alt(abbr_months)})\.?)"
        self.MON_BARE = rf"(?:{_alt(full_months)}|(?:{_alt(abbr_months)})\.)"
        full_wd = [w for w in self.weekdays if len(w) > 4 or w.endswith("day")]
        abbr_wd = [w for w in self.weekdays if w not in full_wd]
        self.WD = rf"(?:{_alt(full_wd)}|(?:{_alt(abbr_wd)})\.)"
        self.WD_PLURAL = rf"(?:{_alt(full_wd)})s"
        self.SEASON = _alt(self.seasons)
        self.POD = _alt(self.pod)
        unit_words = list(self.units) + list(self.unit_plurals)
        self.UNIT = rf"(?:{_alt(unit_words)})"
        num_words = list(self.numbers) + list(data["vague_numbers"])
        tens = _alt(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
        ones = _alt(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
        self.NUMW = rf"(?:(?:{tens})[\s-](?:{ones})|{_alt(num_words)})"
        self.NUMD = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2|½)?)"
        self.QTY = rf"(?:{self.NUMD}|{self.NUMW}|half\s+an?|a\s+half)(?:\s+and\s+a\s+half)?"
        self.ORD = _alt(self.ordinals)
        self.TZ = _alt(data["time_zones"])
        self.YEAR = r"(?:1[0-9]\d\d|20\d\d)"
        self.DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
        mods = data["mods"]
        position = [w for w in mods if mods[w] in ("START", "MID", "END")]
        bounds = [w for w in mods if w not in position and w not in ("or so", "or more", "over", "under")]
        qty_ahead = rf"(?=\d|(?:{self.NUMW})\b)"
        pos_words = [w for w in position if w not in ("early", "late", "mid", "earlier", "later",
                                                      "the mid", "the mid-", "the late", "the early")]
        self.PRE = (rf"(?P<pre>(?:the\s+)?(?:very\s+)?(?:early|late|mid)(?:\s+|-)"
                    rf"|(?:{_alt(pos_words)})\s+(?:the\s+)?"
                    rf"|(?:earlier|later)\s+(?:in\s+)?"
                    rf"|(?:{_alt(bounds)})\s+"
                    rf"|(?:over|under)\s+{qty_ahead})?")

    def number(self, s: str) -> float | None:
        """Parse a quantity ("3", "2 1/2", "twenty-five", "a couple of"); None for vague ones."""
        s = re.sub(r"\s+", " ", s.lower().strip())
        half = 0.0
        if s.endswith(" and a half"):
            s, half = s[: -len(" and a half")], 0.5
        if s in ("half a", "half an", "a half"):
            return 0.5
        m = re.fullmatch(r"(\d+)(?: 1/2|½)", s)
        if m:
            return int(m.group(1)) + 0.5 + half
        if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
            return _digits(s.replace(",", ""), half)
        if s in self.numbers:
            return self.numbers[s] + half
        m = re.fullmatch(r"(\w+)[ -](\w+)", s)
        if m and m.group(1) in self.numbers and m.group(2) in self.numbers:
            return self.numbers[m.group(1)] + self.numbers[m.group(2)] + half
        return None

    def unit(self, s: str) -> str:
        s = s.lower()
        if s in self.unit_plurals:
            s = self.unit_plurals[s]
        if s not in self.units and s.endswith("s"):
            s = s[:-1]
        return self.units[s]

    def mod(self, pre: str | None) -> str:
        if not pre:
            return ""
        p = re.sub(r"\s+", " ", pre.lower()).strip(" -")
        p = re.sub(r"^(the |very )+", "", p)
        p = re.sub(r" (in|the|of the)$", "", p)
        for word in ("early", "earlier", "beginning", "start", "dawn", "first part"):
            if p.startswith(word):
                return "START"
        if p.startswith("mid") or p.startswith("middle"):
            return "MID"
        for word in ("late", "end", "close", "latter", "last part"):
            if p.startswith(word):
                return "END"
        return self.data["mods"].get(p, self.data["mods"].get(p + " of", ""))

