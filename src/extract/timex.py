"""TIMEX3 normalization of English date and time expressions: pure functions, no spaCy.

:func:`normalize` turns one expression ("early 2018", "last Friday", "a 15-year") into a
:class:`Timex` (TIMEX3 ``value``, ``type``, ``granularity``, ``mod``) against a reference date.
The same rules find expressions in running text (:func:`scan`), which ``extract.dates``
uses together with the statistical NER.

Each rule is a regular expression built from the word lists in ``resources/dates.json``
plus a handler that computes the value. Values follow TimeML:
``"2016"``, ``"2007-06"``, ``"2016-10-07"``, ``"2016-W41"``, ``"2016-W41-WE"``, ``"197"``
(the 1970s), ``"19"`` (the 20th century), ``"2018-Q1"``, ``"2018-SU"``,
``"2016-10-07TMO"``, ``"2016-10-07T14:30"``, ``"P15Y"``, ``"PT20M"``, ``"PXY"``,
``"XXXX-WXX-WE"``, ``"PAST_REF"`` / ``"PRESENT_REF"`` / ``"FUTURE_REF"``.

Relative expressions are resolved against ``reference_date``; without one they keep their
type and granularity and an empty value (nothing is ever guessed from today's date).
``tense`` ("PAST", "PRESENT", "FUTURE" or None) chooses among readings of an expression
that does not say which way to go ("Friday", "in March"), as TimeML annotators do.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterator

from . import schema
from .errors import Errors, ResourceError
from .resources import read_json

RESOURCE = "dates.json"
TENSES = ("PAST", "PRESENT", "FUTURE")   # plus "past": a past tense the finder reached indirectly

#: top-level key -> (container type, value type) of resources/dates.json
_SCHEMA: dict[str, tuple[type, tuple[type, ...]]] = {
    "months": (dict, (int,)), "weekdays": (dict, (int,)), "seasons": (dict, (str,)),
    "parts_of_day": (dict, (str,)), "numbers": (dict, (int,)), "vague_numbers": (list, (str,)),
    "ordinals": (dict, (int,)), "units": (dict, (str,)), "unit_plurals": (dict, (str,)),
    "decade_words": (dict, (int,)), "mods": (dict, (str,)), "vague_refs": (dict, (str,)),
    "sets": (dict, (str,)), "holidays": (dict, (str,)), "time_zones": (list, (str,)),
    "named_day_words": (list, (str,)),
}
MOD_VALUES = schema.MOD_VALUES
REF_VALUES = schema.REF_VALUES


def _bad(key: str, problem: str) -> ResourceError:
    return ResourceError(Errors.E008.format(name=RESOURCE, problem=f"key {key!r}: {problem}"))


def load_words(data: dict | None = None) -> dict:
    """Read and validate ``resources/dates.json`` (or ``data``); errors name file and key."""
    data = read_json(RESOURCE) if data is None else data
    if not isinstance(data, dict):
        raise ResourceError(Errors.E008.format(name=RESOURCE, problem="top level must be an object"))
    for key in data:
        if not key.startswith("_") and key not in _SCHEMA:
            raise _bad(key, "unknown key; allowed: " + ", ".join(_SCHEMA))
    for key, (container, value_types) in _SCHEMA.items():
        if key not in data:
            raise _bad(key, "missing")
        value = data[key]
        if not isinstance(value, container):
            raise _bad(key, f"must be a JSON {'object' if container is dict else 'array'}")
        items = value.items() if container is dict else ((v, v) for v in value)
        for word, v in items:
            if not isinstance(word, str) or word != word.lower() or not word.strip():
                raise _bad(f"{key}.{word}", "words must be non-empty lower-case strings")
            if not isinstance(v, value_types) or isinstance(v, bool):
                raise _bad(f"{key}.{word}", f"value must be {value_types[0].__name__}")
    for word, mod in data["mods"].items():
        if mod not in MOD_VALUES:
            raise _bad(f"mods.{word}", f"unknown mod {mod!r}; allowed: {', '.join(MOD_VALUES)}")
    for word, ref in data["vague_refs"].items():
        if ref not in REF_VALUES:
            raise _bad(f"vague_refs.{word}", f"unknown value {ref!r}; allowed: {', '.join(REF_VALUES)}")
    return data


@dataclass(frozen=True)
class Timex:
    """One normalized expression. ``value`` is "" when a reference date was needed but missing."""

    value: str
    type: str                 # DATE, TIME, DURATION, SET
    granularity: str          # year, month, day, week, decade, century, quarter, half, season, ...
    mod: str = ""
    relative: bool = False    # resolved against the reference date
    check: str = ""           # context check the finder must make ("bare_month", "year", ...)

    @property
    def label(self) -> str:
        """OntoNotes label: TIME for times of day and for spans shorter than a day."""
        if self.type == "TIME":
            return "TIME"
        if self.type in ("DURATION", "SET") and self.value.startswith("PT"):
            return "TIME"
        return "DATE"


# ---------------------------------------------------------------- calendar helpers

def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(m: int) -> int:
    return (m - 1) // 3 + 1


def _easter(year: int) -> dt.date:
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(weekday - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    y, m = _add_months(year, month, 1)
    d = dt.date(y, m, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.isoweekday() - weekday) % 7)


def _pick_year(month: int, day: int | None, ref: dt.date, tense: str | None, strict: bool = False) -> int:
    """Year of a month (and day) written without one.

    A bare month in a past-tense clause is the most recent one ("announced in March"), in a
    future clause the next one; a past reached through a noun ("WEAK_PAST": "a cutback in
    September") lets one of the next two months be meant. A date with a day follows the tense too, unless the other
    reading lies within a month of the reference date ("the offer was extended to Nov. 20",
    written on Nov. 2). Without a tense: the occurrence nearest the reference date.
    """
    if tense == "WEAK_PAST" and day is None:
        # a past reached through a noun ("a cutback in September", said in August): the
        # most recent month, unless the month is one of the next two (a plan being reported)
        if 1 <= (month - ref.month) % 12 <= 2:
            return ref.year if month > ref.month else ref.year + 1
        tense = "PAST"
    r = ref if day else dt.date(ref.year, ref.month, 15)
    cands = [dt.date(y, month, min(day or 15, 28)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if strict and day:   # "last Oct. 23" / "next Oct. 23": strictly before / after the reference
        return (max(c for c in cands if c < r) if tense == "PAST" else min(c for c in cands if c > r)).year
    past = max(c for c in cands if c <= r) if day else None
    future = min(c for c in cands if c >= r) if day else None
    if tense == "FUTURE":
        if day is None:
            return ref.year if month >= ref.month else ref.year + 1
        return past.year if (r - past).days <= 31 and (r - past) < (future - r) else future.year
    if tense == "PAST":
        if day is None:
            return ref.year if month <= ref.month else ref.year - 1
        return future.year if (future - r).days <= 31 and (future - r) < (r - past) else past.year
    return min(cands, key=lambda c: (abs((c - r).days), c > r)).year


def _pick_weekday(wd: int, ref: dt.date, tense: str | None, rel: str = "") -> dt.date:
    delta = wd - ref.isoweekday()   # -6..6
    if rel == "last":
        back = (ref.isoweekday() - wd) % 7 or 7
        return ref - dt.timedelta(days=back)
    if rel == "next":
        fwd = (wd - ref.isoweekday()) % 7 or 7
        return ref + dt.timedelta(days=fwd)
    if rel == "this":  # the one in the current week (Monday to Sunday)
        return ref + dt.timedelta(days=delta)
    back = (ref.isoweekday() - wd) % 7
    fwd = (wd - ref.isoweekday()) % 7
    if tense in ("PAST", None):
        # without a tense ("Friday's close", "by the Tuesday deadline") news speaks of the
        # week behind it: the most recent such day, as TimeML annotators resolve it
        return ref - dt.timedelta(days=back)
    if tense == "FUTURE":
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back) if back <= fwd else ref + dt.timedelta(days=fwd)


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    for code, (a, b) in _SEASON_MONTHS.items():
        if code != "WI" and a <= m <= b:
            return d.year, code
    return (d.year if m == 12 else d.year - 1), "WI"


def _season_year(code: str, ref: dt.date, rel: str, tense: str | None) -> int:
    cy, cur = _season_of(ref)
    order = ["WI", "SP", "SU", "FA"]
    idx = {c: i for i, c in enumerate(order)}
    # winter Y (Dec Y - Feb Y+1) sits before spring Y+1: compare on a (year, index) scale
    cur_key = (cy + (1 if cur == "WI" else 0), idx[cur])
    same_year_key = (cur_key[0], idx[code])     # the occurrence in the current cycle
    year = same_year_key[0] - (1 if code == "WI" else 0)
    if rel == "last" or (rel in ("", "this") and tense == "PAST" and same_year_key > cur_key):
        if same_year_key >= cur_key:
            year -= 1
    elif rel == "next" or (rel in ("", "this") and tense == "FUTURE" and same_year_key < cur_key):
        if same_year_key <= cur_key:
            year += 1
    return year


# ---------------------------------------------------------------- numbers and durations

def _alt(words) -> str:
    """Regex alternation of words, longest first, spaces matching any whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in parts)


_UNITS_SMALL = {"S": ("T", "S"), "TM": ("T", "M"), "H": ("T", "H")}
_GRAN = {"S": "second", "TM": "minute", "H": "hour", "D": "day", "W": "week", "M": "month",
         "Q": "quarter", "Y": "year"}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration for ``n`` units (unit code from the resource: "Y", "10Y", "TM", ...).

    ``None`` for a vague amount gives an X ("PXY"); fractions go to the next smaller unit.
    """
    mult = 1
    m = re.fullmatch(r"(\d+)(\w+)", unit)
    if m:
        mult, unit = int(m.group(1)), m.group(2)
    if n is None:
        if unit in _UNITS_SMALL:
            return "PTX" + _UNITS_SMALL[unit][1]
        return "PX" + unit   # vague decades and centuries are counted in years: PXY
    n = n * mult
    if unit == "Q":
        n, unit = n * 3, "M"
    if float(n).is_integer():
        n = int(n)
        if unit in _UNITS_SMALL:
            return f"PT{n}{_UNITS_SMALL[unit][1]}"
        return f"P{n}{unit}"
    # a fraction goes to the next smaller unit: 2.5 years -> P2Y6M, 1.5 hours -> PT1H30M
    whole = int(n)
    sub_n, sub_unit = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"),
                       "H": (60, "TM"), "TM": (60, "S"), "S": (1, "S")}[unit]
    rest = round((n - whole) * sub_n)

    def part(k: int, u: str) -> str:
        return f"{k}{_UNITS_SMALL[u][1] if u in _UNITS_SMALL else u}" if k else ""

    date_part = "".join(part(k, u) for k, u in ((whole, unit), (rest, sub_unit)) if u not in _UNITS_SMALL)
    time_part = "".join(part(k, u) for k, u in ((whole, unit), (rest, sub_unit)) if u in _UNITS_SMALL)
    return "P" + date_part + ("T" + time_part if time_part else "")


class _Words:
    """Compiled word lists and regex fragments."""

    def __init__(self, data: dict):
        self.data = data
        self.months = data["months"]
        self.weekdays = data["weekdays"]
        self.seasons = data["seasons"]
        self.pod = data["parts_of_day"]
        self.numbers = data["numbers"]
        self.ordinals = data["ordinals"]
        self.units = data["units"]
        self.unit_plurals = data["unit_plurals"]
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
            v = float(s.replace(",", ""))
            return (int(v) if v.is_integer() else v) + half
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


# ---------------------------------------------------------------- rules

Handler = Callable[[re.Match, "dt.date", "str | None", _Words], "Timex | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern      # compiled for lower-cased text
    handler: Handler
    words: frozenset         # trigger words: every match contains one of them ...
    digits: bool             # ... or a digit


class _Match:
    """A match on the lower-cased text that reads its groups from the original text."""

    __slots__ = ("m", "s")

    def __init__(self, m: re.Match, original: str):
        self.m, self.s = m, original

    def group(self, key=0) -> str | None:
        a, b = self.m.span(key)
        return self.s[a:b] if a >= 0 else None

    __getitem__ = group

    def get(self, key: str) -> str:
        if key not in self.m.re.groupindex:
            return ""
        return self.group(key) or ""

    def start(self) -> int:
        return self.m.start()


def _g(m: _Match, name: str) -> str:
    return m.get(name)


def _low(m: re.Match, name: str) -> str:
    return re.sub(r"\s+", " ", _g(m, name).lower()).strip()


def _cap(s: str) -> bool:
    return bool(s) and s[0].isupper()


def _h_date_mdy(m, ref, tense, w):
    if not _cap(_g(m, "mon")):
        return None
    month = w.months[_low(m, "mon").rstrip(".")]
    day = int(re.match(r"\d+", _g(m, "day")).group())
    if _g(m, "wd2") and not _cap(_g(m, "wd2")):
        return None
    year = _g(m, "year")
    rel = not year
    mdrel = _low(m, "mdrel")
    if rel and mdrel:   # "last Oct. 23": the most recent one; "next March 3": the coming one
        year = _pick_year(month, day, ref, "PAST" if mdrel in ("last", "this past") else "FUTURE", strict=True)
    elif rel:
        year = _pick_year(month, day, ref, tense)
    try:
        d = dt.date(int(year), month, day)
    except ValueError:
        return None
    return Timex(d.isoformat(), "DATE", "day", w.mod(_g(m, "pre")), rel)


def _h_month_year(m, ref, tense, w):
    if not _cap(_g(m, "mon")):
        return None
    month = w.months[_low(m, "mon").rstrip(".")]
    rel = _low(m, "myrel")
    if rel:
        year = ref.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif _g(m, "spy"):
        year = _spoken_year(_low(m, "spy"), w)
        if year is None:
            return None
    else:
        year = int(_g(m, "year"))
    return Timex(f"{year:04d}-{month:02d}", "DATE", "month", w.mod(_g(m, "pre")), bool(rel))


def _spoken_year(s: str, w: _Words) -> int | None:
    """"nineteen ninety-four" -> 1994."""
    head, _, rest = s.partition(" ") if " " in s else s.partition("-")
    n = w.number(rest)
    if head not in ("nineteen", "twenty") or n is None or not 10 <= n <= 99 or rest in ("a", "an"):
        return None
    return (19 if head == "nineteen" else 20) * 100 + int(n)


def _h_month(m, ref, tense, w):
    if not _cap(_g(m, "mon")):
        return None
    month = w.months[_low(m, "mon").rstrip(".")]
    year = _pick_year(month, None, ref, tense)
    return Timex(f"{year:04d}-{month:02d}", "DATE", "month", w.mod(_g(m, "pre")), True, "bare_month")


def _h_numeric(m, ref, tense, w):
    if _g(m, "iy"):
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        mo, d, y = int(m["um"]), int(m["ud"]), int(m["uy"])
        if y < 100:
            y += 1900 if y > 50 else 2000
        if mo > 12 and d <= 12:
            mo, d = d, mo
    try:
        v = dt.date(y, mo, d)
    except ValueError:
        return None
    return Timex(v.isoformat(), "DATE", "day", "", False)


def _h_year(m, ref, tense, w):
    mod = w.mod(_g(m, "pre"))
    post = _low(m, "ypost").split()
    if post:   # "1994 or later", "1990 and beyond": an open end
        mod = "ON_OR_BEFORE" if post[-1] in ("earlier", "before") else "ON_OR_AFTER"
    return Timex(_g(m, "year"), "DATE", "year", mod, False, "year")


def _h_period(m, ref, tense, w):
    """"the latest period", "the same period last year": a reporting period, the quarter the
    text speaks of (``extract.dates`` fills it in, and drops the expression when there is none)."""
    return Timex("", "DATE", "quarter", "", True)


def _h_year_quarter(m, ref, tense, w):
    """"the 1988 quarter", "the 1989 period": that year's quarter the text speaks of.

    The quarter comes from the context (``extract.dates`` fills it in); alone it is the year.
    """
    return Timex(_g(m, "yqy"), "DATE", "year", "", False)


def _h_decade(m, ref, tense, w):
    mod = w.mod(_g(m, "pre"))
    if _g(m, "decw"):
        d = w.data["decade_words"][_low(m, "decw")]
        century = ref.year // 100 - (1 if d * 10 > ref.year % 100 else 0)
        return Timex(f"{century:02d}{d}", "DATE", "decade", mod, True)
    cent = _g(m, "cent")
    rel = not cent
    if rel:
        d = int(m["dec"])
        cent = str(ref.year // 100 - (1 if d * 10 > ref.year % 100 else 0))
    return Timex(f"{cent}{m['dec']}", "DATE", "decade", mod, rel)


def _h_century(m, ref, tense, w):
    n = w.ordinals.get(_low(m, "cord"))
    if not n:
        return None
    return Timex(f"{n - 1:02d}", "DATE", "century", w.mod(_g(m, "pre")), False)


_REL_SHIFT = {"this": 0, "current": 0, "present": 0, "same": 0, "that": 0, "the": 0,
              "last": -1, "past": -1, "previous": -1, "the past": -1, "the last": -1,
              "the previous": -1, "next": 1, "coming": 1, "following": 1, "the next": 1,
              "the coming": 1, "the following": 1, "upcoming": 1, "the upcoming": 1,
              "this past": -1, "this coming": 1, "the current": 0, "the same": 0, "this current": 0,
              "preceding": -1, "the preceding": -1, "that same": 0}


def _shift_word(det: str) -> tuple[int, str]:
    det = det.lower()
    det = re.sub(r"\s+", " ", det).strip()
    shift = _REL_SHIFT.get(det)
    if shift is None:
        shift = _REL_SHIFT.get(det.replace("the ", ""), 0)
    kind = "last" if shift < 0 else "next" if shift > 0 else ("this" if det not in ("the", "that") else "")
    return shift, kind


def _h_rel(m, ref, tense, w):
    det = _low(m, "det")
    what = _low(m, "what")
    pre = _g(m, "pre")
    mod = w.mod(pre) or ("APPROX" if _g(m, "rso") else "")
    shift, kind = _shift_word(det)
    if what in ("year", "month", "week", "weekend", "quarter", "decade", "century") and _cap(_g(m, "what")):
        return None   # a title: ABC's "This Week"
    if det in ("the", "that") and not pre and what not in ("weekend",):
        if what in w.seasons:
            pass
        elif det == "the" and what == "year" and not _g(m, "rso"):
            # "For the year, volume was flat": the year reported on; the finder checks the context
            return Timex(f"{ref.year:04d}", "DATE", "year", "", True, "the_year")
        else:
            return None          # "the week", "that month" alone are too vague to annotate
    if what in ("year", "fiscal year"):
        return Timex(f"{ref.year + shift:04d}", "DATE", "year", mod, True)
    if what == "day":
        if det.split()[-1] not in ("that", "following", "previous", "same", "next", "preceding"):
            return None   # "this day", "the day": too vague
        return Timex((ref + dt.timedelta(days=shift)).isoformat(), "DATE", "day", mod, True)
    if what == "month":
        y, mo = _add_months(ref.year, ref.month, shift)
        return Timex(f"{y:04d}-{mo:02d}", "DATE", "month", mod, True)
    if what == "week":
        return Timex(_week(ref + dt.timedelta(weeks=shift)), "DATE", "week", mod, True)
    if what == "weekend":
        base = ref + dt.timedelta(weeks=shift)
        if kind == "" and tense == "PAST" and ref.isoweekday() < 5:
            base = ref - dt.timedelta(weeks=1)
        return Timex(_week(base) + "-WE", "DATE", "weekend", mod, True)
    if what == "quarter":
        y, mo = _add_months(ref.year, ref.month, 3 * shift)
        return Timex(f"{y:04d}-Q{_quarter(mo)}", "DATE", "quarter", mod, True)
    if what == "decade":
        return Timex(f"{(ref.year // 10 + shift):03d}", "DATE", "decade", mod, True)
    if what in ("century",):
        return Timex(f"{(ref.year // 100 + shift):02d}", "DATE", "century", mod, True)
    if what in w.seasons:
        if what == "fall" and det in ("the", "that", ""):
            return None
        if _cap(_g(m, "what")):
            return None   # "the Summer Olympics"
        code = w.seasons[what]
        return Timex(f"{_season_year(code, ref, kind, tense):04d}-{code}", "DATE", "season", mod, True)
    word = what.rstrip(".")
    if word in w.weekdays:
        if not _cap(_g(m, "what")):
            return None
        d = _pick_weekday(w.weekdays[word], ref, tense, kind)
        pod = _low(m, "rpod")
        if pod:
            return Timex(d.isoformat() + "T" + w.pod[pod], "TIME", "part_of_day", mod, True)
        return Timex(d.isoformat(), "DATE", "day", mod, True)
    if word in w.months:
        if not _cap(_g(m, "what")):
            return None
        month = w.months[word]
        if kind == "last":
            year = ref.year if month < ref.month else ref.year - 1
        elif kind == "next":
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return Timex(f"{year:04d}-{month:02d}", "DATE", "month", mod, True)
    return None


def _h_season_year(m, ref, tense, w):
    code = w.seasons[_low(m, "season")]
    year = _g(m, "year") or _spoken_year(_low(m, "spy"), w)
    if not year:
        return None
    return Timex(f"{year}-{code}", "DATE", "season", w.mod(_g(m, "pre")), False)


def _h_season_bare(m, ref, tense, w):
    what = _low(m, "season")
    if (what in ("fall", "spring") and not _g(m, "pre")) or not _g(m, "season").islower():
        return None   # "fall" and "spring" alone are verbs and nouns more often than seasons
    code = w.seasons[what]
    return Timex(f"{_season_year(code, ref, '', tense):04d}-{code}", "DATE", "season",
                 w.mod(_g(m, "pre")), True, "bare_season")


def _h_quarter(m, ref, tense, w):
    ordw = _low(m, "qord")
    n = {"final": 4, "last": 4}.get(ordw) or w.ordinals.get(ordw)
    qrel = _low(m, "qrel")
    year = _g(m, "qyear") or _g(m, "qyear2")
    rel = False
    if n and n > 4:
        return None
    if not year:
        if qrel and re.fullmatch(r"\d{4}", qrel):
            year = qrel
        elif _low(m, "qyrel") or _low(m, "qyrel2"):
            word = (_low(m, "qyrel") or _low(m, "qyrel2")).split()[0]
            year = str(ref.year + {"this": 0, "last": -1, "next": 1}[word])
            rel = True
        else:
            rel = True
            if n is None:
                if not qrel and not _g(m, "the"):
                    return None
                shift = {"last": -1, "previous": -1, "past": -1, "latest": None, "next": 1,
                         "coming": 1, "this": 0, "current": 0, "same": 0}.get(qrel, None)
                if shift is None:  # "the quarter", "the latest quarter": the one reported on
                    shift = -1 if tense == "PAST" or qrel == "latest" else 0
                y, mo = _add_months(ref.year, ref.month, 3 * shift)
                return Timex(f"{y:04d}-Q{_quarter(mo)}", "DATE", "quarter", w.mod(_g(m, "pre")), True)
            y = ref.year
            if qrel in ("last", "previous", "past"):
                y -= 1
            elif qrel == "next":
                y += 1
            elif tense == "PAST" and n > _quarter(ref.month):
                y -= 1
            year = str(y)
    if n is None:
        return None
    return Timex(f"{year}-Q{n}", "DATE", "quarter", w.mod(_g(m, "pre")), rel)


def _h_qcode(m, ref, tense, w):
    year = _g(m, "qy")
    n = int(m["qn"])
    if year:
        return Timex(f"{year}-Q{n}", "DATE", "quarter", "", False)
    return Timex(f"{ref.year}-Q{n}", "DATE", "quarter", "", True)


def _h_half(m, ref, tense, w):
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2, "last": 2}[_low(m, "hord") or _low(m, "hq")]
    year = _g(m, "hyear")
    rel = not year
    if rel:
        hy = _low(m, "hyrel")
        year = str(ref.year + {"this": 0, "the": 0, "last": -1, "next": 1}.get(hy.split()[0] if hy else "the", 0))
    return Timex(f"{year}-H{n}", "DATE", "half", w.mod(_g(m, "pre")), rel)


def _h_yearend(m, ref, tense, w):
    what = _low(m, "ye")
    rel = _low(m, "yerel")
    shift = {"this": 0, "last": -1, "next": 1, "": 0}.get(rel, 0)
    if what == "month":
        y, mo = _add_months(ref.year, ref.month, shift)
        return Timex(f"{y:04d}-{mo:02d}", "DATE", "month", "END", True)
    return Timex(f"{ref.year + shift:04d}", "DATE", "year", "END", True)


def _h_dayrel(m, ref, tense, w):
    word = _low(m, "dr")
    mod = w.mod(_g(m, "pre"))
    pod = ""
    shift = 0
    if word.startswith("the day before"):
        shift = -2
    elif word.startswith("the day after"):
        shift = 2
    elif word.startswith("yesterday"):
        shift = -1
    elif word.startswith("tomorrow"):
        shift = 1
    elif word in ("last night",):
        shift, pod = -1, "NI"
    elif word == "tonight":
        pod = "NI"
    elif word == "overnight":
        pod = "NI"
    if word.startswith("this "):
        pod = w.pod[word.split()[1]]
    parts = word.split()
    if len(parts) == 2 and parts[0] in ("yesterday", "tomorrow", "today") and parts[1] in w.pod:
        pod = w.pod[parts[1]]
    day_word = parts[-1] if parts else ""
    if len(parts) >= 2 and day_word in ("yesterday", "tomorrow", "today") and " ".join(parts[:-1]) in w.pod:
        pod = w.pod[" ".join(parts[:-1])]   # "mid-afternoon yesterday"
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[day_word]
    d = (ref + dt.timedelta(days=shift)).isoformat()
    if pod:
        return Timex(f"{d}T{pod}", "TIME", "part_of_day", mod, True)
    return Timex(d, "DATE", "day", mod, True)


def _h_weekday(m, ref, tense, w):
    wd = _g(m, "wd")
    if not _cap(wd):
        return None
    word = wd.lower().rstrip(".")
    d = _pick_weekday(w.weekdays[word], ref, tense, "")
    pod = _low(m, "pod")
    mod = w.mod(_g(m, "pre"))
    if pod:
        return Timex(d.isoformat() + "T" + w.pod[pod], "TIME", "part_of_day", mod, True, "weekday")
    return Timex(d.isoformat(), "DATE", "day", mod, True, "weekday")


def _h_time(m, ref, tense, w):
    mod = w.mod(_g(m, "pre"))
    if _g(m, "noon"):
        hh, mm = (12, 0) if _low(m, "noon") in ("noon", "midday") else (24, 0)
    else:
        hh = int(m["h"])
        mm = int(_g(m, "mi") or 0)
        ap = _low(m, "ampm").replace(".", "")
        if ap:
            if hh > 12 or hh == 0:
                return None
            if ap.startswith("p") and hh != 12:
                hh += 12
            if ap.startswith("a") and hh == 12:
                hh = 0
        elif not _g(m, "tz") and not _g(m, "oclock") and not (":" in m.group(0) and hh <= 23):
            return None   # a bare number is no time; "10:30" is
    tday = _g(m, "tday")
    rel = True
    if tday:
        sub = normalize(tday, ref, tense=tense)
        if sub is None or not sub.value or sub.granularity != "day":
            return None
        day = sub.value
        rel = sub.relative
    else:
        day = ref.isoformat()
    if hh == 24:
        value = f"{day}T24:00"
    else:
        value = f"{day}T{hh:02d}:{mm:02d}"
    return Timex(value, "TIME", "minute", mod, rel)


def _h_ago(m, ref, tense, w):
    n = w.number(_g(m, "qty"))
    unit = w.unit(_low(m, "unit"))
    direction = _low(m, "dir")
    sign = -1 if direction in ("ago", "earlier", "back", "before", "previously") else 1
    mod = w.mod(_g(m, "pre")) or ("APPROX" if _g(m, "agoso") else "")
    if n is None:
        return Timex("PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", "ref", mod, True)
    mult = 1
    mm = re.fullmatch(r"(\d+)(\w+)", unit)
    if mm:
        mult, unit = int(mm.group(1)), mm.group(2)
    n = n * mult
    if unit == "Q":
        n, unit = n * 3, "M"
    whole = int(n)
    if unit == "Y":
        if n != whole:
            y, mo = _add_months(ref.year, ref.month, sign * round(n * 12))
            return Timex(f"{y:04d}-{mo:02d}", "DATE", "month", mod, True)
        return Timex(f"{ref.year + sign * whole:04d}", "DATE", "year", mod, True)
    if unit == "M":
        y, mo = _add_months(ref.year, ref.month, sign * round(n))
        return Timex(f"{y:04d}-{mo:02d}", "DATE", "month", mod, True)
    if unit == "W":
        return Timex(_week(ref + dt.timedelta(weeks=sign * n)), "DATE", "week", mod, True)
    if unit == "D":
        return Timex((ref + dt.timedelta(days=sign * n)).isoformat(), "DATE", "day", mod, True)
    return Timex(ref.isoformat(), "DATE", "day", mod, True)   # hours, minutes: the same day


def _h_duration(m, ref, tense, w):
    qty = _g(m, "qty")
    unit_word = _low(m, "unit")
    if _cap(_g(m, "unit")) and not _cap(qty) and not _g(m, "pre"):
        return None   # a title: CBS's "60 Minutes"
    if unit_word.startswith("sec") and re.fullmatch(r"an?", qty.strip().lower()):
        return None   # "a second" is the ordinal far more often
    if unit_word == "quarters" and re.search(r"\w-quarters$", m.group(0).lower()):
        return None   # "three-quarters of its food" is a fraction
    if re.fullmatch(r"(1[5-9]|20)\d\d", qty.strip()) and unit_word.startswith(("quarter", "period", "month", "week")):
        return None   # "the 1988 quarter" is a year, not 1988 quarters
    n = w.number(qty)
    if n is not None and _g(m, "half"):
        n += 0.5
    unit = w.unit(unit_word)
    if n is None and not re.search(r"\d", qty) and qty.strip().lower() not in w.data["vague_numbers"] \
            and not qty.lower().startswith("half"):
        return None
    value = duration_value(n, unit)
    mod = w.mod(_g(m, "pre")) or w.mod(_g(m, "post"))
    gran = _GRAN.get(re.sub(r"^\d+", "", unit), "year")
    if unit == "10Y":
        gran = "decade"
    elif unit == "100Y":
        gran = "century"
    return Timex(value, "DURATION", gran, mod, False)


def _h_age(m, ref, tense, w):
    """"aged 35", "the age of 87": an age is a duration in years."""
    n = w.number(_g(m, "agen"))
    if n is None or n != int(n) or not 0 < n < 130 or _low(m, "agen") in ("a", "an"):
        return None
    return Timex(f"P{int(n)}Y", "DURATION", "year", "", False)


def _h_long(m, ref, tense, w):
    unit = w.unit(_low(m, "lunit"))
    vague = _low(m, "lunit").endswith("s") or _g(m, "lmulti")
    return Timex(duration_value(None if vague else 1, unit), "DURATION", _GRAN.get(unit, "year"), "", False)


def _h_bare_plural(m, ref, tense, w):
    unit = w.unit(_low(m, "bunit"))
    det = _low(m, "bdet")
    if det in ("recent", "past", "the past", "the recent"):
        return Timex("PAST_REF", "DATE", "ref", w.mod(_g(m, "pre")), False)   # "in recent years"
    if det in ("coming", "the coming", "future"):
        return Timex("FUTURE_REF", "DATE", "ref", w.mod(_g(m, "pre")), False)
    return Timex(duration_value(None, unit), "DURATION", _GRAN.get(re.sub(r"^\d+", "", unit), "year"),
                 w.mod(_g(m, "pre")), False, "" if det else "bare_plural")


def _h_set(m, ref, tense, w):
    text = re.sub(r"\s+", " ", m.group(0).lower()).strip()
    if _g(m, "pre"):
        text = text[len(re.sub(r"\s+", " ", _g(m, "pre").lower())):].strip()
    sets = w.data["sets"]
    if text in sets:
        if text in ("daily", "weekly", "monthly", "nightly") and not m.group(0)[0].islower() \
                and m.start() > 0:
            return None
        return Timex(sets[text], "SET", "set", "", False, "set_word" if " " not in text else "")
    what = _low(m, "swhat")
    qty = _g(m, "sqty")
    if what:
        every_other = "other" in text.split()
        w_ = what.rstrip(".")
        if w_.endswith("s") and w_[:-1] in w.weekdays:
            w_ = w_[:-1]
        if w_ in w.weekdays:
            return Timex(f"XXXX-WXX-{w.weekdays[w_]}", "SET", "set", "", False)
        if w_ in w.months:
            return Timex(f"XXXX-{w.months[w_]:02d}", "SET", "set", "", False)
        if w_ in ("weekend", "weekends"):
            return Timex("XXXX-WXX-WE", "SET", "set", "", False)
        if w_.rstrip("s") in w.pod:
            return Timex(f"XXXX-XX-XXT{w.pod[w_.rstrip('s')]}", "SET", "set", "", False)
        if w_.rstrip("s") in w.seasons:
            return Timex(f"XXXX-{w.seasons[w_.rstrip('s')]}", "SET", "set", "", False)
        n = w.number(qty) if qty else 1
        n = (n or 1) * (2 if every_other else 1)
        return Timex(duration_value(n, w.unit(w_)), "SET", "set", "", False)
    if _g(m, "freq"):
        return Timex(duration_value(1, w.unit(_low(m, "funit"))), "SET", "set", "", False)
    if _g(m, "wdp") or _g(m, "wdp2"):
        raw = _g(m, "wdp") or _g(m, "wdp2")
        wd = raw.lower().rstrip(".")
        wd = wd[:-1] if _g(m, "wdp") else wd
        if not _cap(raw):
            return None
        pod = _low(m, "wdpod") or _low(m, "wdpod2")
        tail = "T" + w.pod[pod.rstrip("s")] if pod else ""
        return Timex(f"XXXX-WXX-{w.weekdays[wd]}{tail}", "SET", "set", "", False)
    if _g(m, "perunit"):
        return Timex(duration_value(1, w.unit(_low(m, "perunit"))), "SET", "set", "", False, "per_unit")
    return None


def _h_vague(m, ref, tense, w):
    return Timex(w.data["vague_refs"][_low(m, "vague")], "DATE", "ref", "", False)


def _h_holiday(m, ref, tense, w):
    name = _g(m, "hol")
    if not _cap(name):
        return None
    spec = w.data["holidays"][_low(m, "hol")]
    year = _g(m, "holy")
    rel = _low(m, "holrel")
    relative = not year

    def on(y: int) -> dt.date | str:
        if spec.startswith("EASTER"):
            e = _easter(y)
            if spec == "EASTER-W":
                return _week(e)
            return e + dt.timedelta(days=int(spec[6:]))
        mo, rest = spec.split("-")
        if rest.isdigit():
            return dt.date(y, int(mo), int(rest))
        wd = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}[rest[:2]]
        k = -1 if rest[2] == "L" else int(rest[2])
        return _nth_weekday(y, int(mo), wd, k)

    if year:
        y = int(year)
    else:
        y = ref.year
        first = on(y)
        key = first if isinstance(first, dt.date) else ref
        if rel == "last" or (not rel and tense == "PAST" and isinstance(key, dt.date) and key > ref):
            y -= 1 if key >= ref else 0
        elif rel == "next" or (not rel and tense == "FUTURE" and isinstance(key, dt.date) and key < ref):
            y += 1 if key <= ref else 0
    d = on(y)
    if isinstance(d, str):
        return Timex(d, "DATE", "week", w.mod(_g(m, "pre")), relative)
    return Timex(d.isoformat(), "DATE", "day", w.mod(_g(m, "pre")), relative)


def _build_rules(w: _Words) -> list[Rule]:
    P, MON, WD, YEAR, DAY, QTY, UNIT = w.PRE, w.MON, w.WD, w.YEAR, w.DAY, w.QTY, w.UNIT
    B = r"\b"
    end = r"(?!\w|['’](?!s\b))"   # a possessive 's may follow ("this year's results")
    year_end = r"(?![\w%]|[.,:/]\d|\s*(?:%|percent\b|per\s+cent\b)|-[a-z])"
    q_ord = r"first|second|third|fourth|1st|2nd|3rd|4th|final|last"
    rel_det = (r"(?:the\s+)?(?:this\s+(?:past|coming)|this|last|next|past|coming|previous|preceding|"
               r"following|current|present|same|upcoming)|that(?:\s+same)?|the")
    rel_what = (rf"fiscal\s+year|year|month|week|weekend|quarter|decade|century|day|{w.SEASON}|"
                rf"{w.MON_BARE}|{WD}")
    src: list[tuple[str, str, Handler]] = [
        ("holiday", rf"{P}(?:(?P<holrel>this|last|next)\s+)?(?P<hol>{_alt(w.data['holidays'])}){end}"
                    rf"(?:,?\s+(?P<holy>{YEAR})\b)?", _h_holiday),
        ("time", rf"{P}(?:(?P<noon>noon|midday|midnight)|(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?"
                 rf"(?:\s*(?P<ampm>[ap]\.m\.|[ap]\.m{end}|[ap]m{end})|(?=\s*(?:{w.TZ}){end})|(?P<oclock>\s+o'clock)"
                 rf"|(?<=\d:\d\d)(?![:\d]))"
                 rf"(?:\s+(?P<tz>{w.TZ}){end})?)"
                 rf"(?:,?\s+(?:on\s+)?(?P<tday>{WD}(?:,?\s+{MON}\s+{DAY})?|today|yesterday|tomorrow|"
                 rf"{MON}\s+{DAY}){end})?", _h_time),
        ("date_mdy", rf"{P}(?:(?P<mdrel>last|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd2>{WD}),?\s+)?(?P<mon>{MON})\s+(?P<day>{DAY})(?!\d|:\d)(?!\s*(?:%|percent))"
                     rf"{end}(?:,?\s+(?P<year>{YEAR})\b)?", _h_date_mdy),
        ("date_dmy", rf"{P}(?:(?P<wd2>{WD}),?\s+)?(?:the\s+)?(?<![\d,.])(?P<day>{DAY})(?:\s+of)?\s+"
                     rf"(?P<mon>{MON})(?:,?\s+(?P<year>{YEAR})\b)?{end}", _h_date_mdy),
        ("month_year", rf"{P}(?P<mon>{MON})\s*,?\s+(?:of\s+)?(?:(?P<year>{YEAR})(?!\d|,\d)|"
                       rf"(?P<myrel>this|last|next)\s+year|(?P<spy>(?:nineteen|twenty)[\s-]+(?:{w.NUMW}))){end}",
         _h_month_year),
        ("month", rf"{P}(?P<mon>{w.MON_BARE}){end}", _h_month),
        ("numeric", r"(?<![\w/.-])(?:(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-3]\d)|"
                    r"(?P<um>[01]?\d)/(?P<ud>[0-3]?\d)/(?P<uy>(?:19|20)\d\d|\d\d))(?![\w/.-]|\.\d)", _h_numeric),
        ("decade", rf"{P}(?:the\s+)?(?:(?:(?P<cent>1[0-9]|20)|['’])(?P<dec>\d)0['’]?s{end}|"
                   rf"(?<![\w$£€])(?P<dec2>\d)0s{end}|(?P<decw>{_alt(w.data['decade_words'])}){end})", _h_decade_any),
        ("century", rf"{P}(?:the\s+)?(?P<cord>{w.ORD})[\s-]+century{end}", _h_century),
        ("quarter", rf"{P}(?P<the>(?:the|its|their)\s+)?(?:(?P<qyrel2>this|last|next)\s+year['’]s\s+)?"
                    rf"(?:(?P<qrel>this|that|last|next|current|latest|previous|past|"
                    rf"coming|same|{YEAR})(?:'s|’s)?\s+)?(?:(?:fiscal|financial)[\s-]+)?"
                    rf"(?:(?P<qord>{q_ord})[\s-]+)?(?:fiscal[\s-]+)?quarter(?!-\w){end}"
                    rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<qyear>{YEAR})\b|(?P<qyrel>(?:this|last|next)\s+year){end}))?",
         _h_quarter),
        ("qcode", rf"\bq(?P<qn>[1-4])(?:\s+(?P<qy>{YEAR}))?{end}", _h_qcode),
        ("half", rf"{P}(?:the\s+)?(?:(?P<hord>first|second|1st|2nd|latter|last)\s+half|(?P<hq>first|last)\s+two\s+quarters)"
                 rf"\s+of\s+(?:(?P<hyear>{YEAR})\b|"
                 rf"(?P<hyrel>(?:the|this|last|next)\s+year){end})", _h_half),
        ("fiscal_year", rf"{P}(?P<fy>the\s+(?:fiscal\s+|financial\s+)?year)(?=\s+(?:ended|ending|to)\s)", _h_fiscal_year),
        ("year_ago_period", rf"(?:the\s+|its\s+)?(?:comparable\s+|same\s+|corresponding\s+)?year[-\s](?:ago|earlier)"
                            rf"(?:\s+(?:(?P<yqord>{q_ord})[\s-]+)?(?:fiscal\s+)?(?:quarter|period)(?!-\w))?{end}",
         _h_year_ago_period),
        ("year_period", rf"{P}(?:the|this|its|their)\s+(?P<yp>full|current|latest|entire|whole|past)?\s*"
                        rf"(?P<ypk>fiscal|financial|calendar)?\s*year(?![-\w])", _h_year_period),
        ("yearend", rf"{P}(?:the\s+)?(?:(?P<yerel>this|last|next)\s+)?(?P<ye>year|month)(?:['’]s\s+|-|\s+)end{end}",
         _h_yearend),
        ("season_year", rf"{P}(?:the\s+)?(?P<season>{w.SEASON})\s+(?:of\s+)?(?:(?P<year>{YEAR})\b|"
                        rf"(?P<spy>(?:nineteen|twenty)[\s-]+(?:{w.NUMW})){end})", _h_season_year),
        ("season", rf"{P}(?P<season>{w.SEASON}){end}", _h_season_bare),
        ("dayrel", rf"{P}(?P<dr>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|last\s+night|tonight|overnight|"
                   rf"this\s+(?:morning|afternoon|evening)|(?:yesterday|today|tomorrow)(?:\s+(?:morning|afternoon|"
                   rf"evening|night))?|(?:{w.POD})\s+(?:yesterday|today|tomorrow)){end}", _h_dayrel),
        ("rel", rf"{P}(?P<det>{rel_det})\s+(?P<what>{rel_what}){end}(?:\s+(?P<rpod>{w.POD}){end})?"
                rf"(?P<rso>\s+or\s+so{end})?", _h_rel),
        ("weekday", rf"{P}(?P<wd>{WD}){end}(?:\s+(?P<pod>{w.POD}){end})?", _h_weekday),
        ("ago", rf"{P}(?P<qty>{QTY})\s+(?:more\s+)?(?P<unit>{UNIT})s?(?P<agoso>\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)"
                rf"{end}", _h_ago),
        ("set", rf"{P}(?:(?P<every>every|each|per)\s+(?:other\s+|single\s+)?(?:(?P<sqty>{QTY})\s+)?"
                rf"(?P<swhat>{UNIT}|{WD}s?|{w.MON_BARE}|weekends?|{w.POD}|{w.SEASON}){end}"
                rf"|(?P<freq>once|twice|thrice|(?:\d+|{w.NUMW})\s+times)\s+(?:a|an|per|each|every)\s+(?P<funit>{UNIT}){end}"
                rf"|(?P<wdp>{w.WD_PLURAL})(?:\s+(?P<wdpod>{w.POD})s)?{end}"
                rf"|(?P<wdp2>{WD})\s+(?P<wdpod2>{w.POD})s{end}"
                rf"|{_alt([s for s in w.data['sets'] if ' ' not in s])}{end}"
                rf"|(?:per|a|an)\s+(?P<perunit>year|month|week|day|hour|minute|quarter){end})", _h_set),
        ("duration", rf"{P}(?:(?:the\s+)?(?:past|last|next|first|coming|previous|following|final|latest|remaining|"
                     rf"initial|ensuing|subsequent|entire|whole|full|preceding|prior|same|recent)\s+|another\s+|"
                     rf"an?\s+additional\s+|an?\s+extra\s+|an?\s+further\s+|the\s+)?"
                     rf"(?P<qty>{QTY})(?:\s+|-)(?:(?:more|additional|further|straight|consecutive|full|trading|"
                     rf"business|working|calendar|long)\s+)?(?P<unit>{UNIT})s?{end}(?P<half>\s+and\s+a\s+half{end})?"
                     rf"(?:(?:\s+|-)old{end})?(?P<post>\s+or\s+so{end}|\s+or\s+more{end})?", _h_duration),
        ("age", rf"(?:aged|(?:the\s+)?age\s+of)\s+(?P<agen>\d{{1,3}}|{w.NUMW}){end}", _h_age),
        ("long", rf"(?:(?P<lmulti>multi|several|many)-)?(?P<lunit>days?|weeks?|months?|years?|decades?|hours?|"
                 rf"centuries|century)-(?:long|old){end}", _h_long),
        ("bare_plural", rf"{P}(?:(?P<bdet>(?:the\s+)?(?:past|last|next|coming|previous|following|recent)|recent|coming|future)"
                        rf"\s+)?(?P<bunit>years|months|weeks|days|decades|centuries|hours|minutes|quarters){end}", _h_bare_plural),
        ("vague", rf"(?P<vague>{_alt(w.data['vague_refs'])}){end}", _h_vague),
        ("spoken_year", rf"{P}(?:the\s+year\s+)?(?:(?P<sy1>nineteen|twenty)[\s-]+(?P<sy2>{w.NUMW}|hundred)"
                        rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<sy3>{w.NUMW}))?){end}", _h_spoken_year),
        ("year", rf"{P}(?:(?:the\s+)?(?:fiscal|financial)(?:\s+year)?\s+|the\s+year\s+|fy\s?)?"
                 rf"(?<![\w$£€#/.,])(?P<year>1[5-9]\d\d|20\d\d){year_end}"
                 rf"(?P<ypost>\s+(?:or|and)\s+(?:later|after|beyond|earlier|before)(?=\s*(?:[.,;:)!?]|$)))?", _h_year),
        ("period", rf"(?:the|that)\s+(?:(?P<platest>latest|most\s+recent)\s+period(?![-\w])|(?:same|corresponding|comparable)"
                   rf"\s+period\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)){end})", _h_period),
        ("year_quarter", rf"(?:the|its|their)\s+(?:comparable\s+|same\s+|corresponding\s+)?(?P<yqy>1[5-9]\d\d|20\d\d)"
                         rf"\s+(?:fiscal\s+)?(?:quarter|period)(?![-\w])", _h_year_quarter),
    ]
    months = set(w.months)
    wds = set(w.weekdays)
    seasons = set(w.seasons)
    pods = set(w.pod)
    units = set(w.units) | set(w.unit_plurals) | {u + "s" for u in w.units}
    vague = {v.split()[-1] for v in w.data["vague_refs"]}
    triggers: dict[str, tuple[set, bool]] = {
        "holiday": ({h.split()[0] for h in w.data["holidays"]}, False),
        "time": ({"noon", "midday", "midnight", "o'clock"}, True),
        "date_mdy": (months, False), "date_dmy": (months, False), "month_year": (months, False),
        "month": (months, False), "numeric": (set(), True), "decade": (set(w.data["decade_words"]), True),
        "century": ({"century"}, False), "quarter": ({"quarter"}, False), "qcode": (set(), True),
        "half": ({"half", "quarters"}, False), "yearend": ({"end", "year-end", "month-end"}, False),
        "season_year": (seasons, False), "season": (seasons, False),
        "dayrel": ({"today", "yesterday", "tomorrow", "tonight", "overnight", "night", "morning",
                    "afternoon", "evening"}, False),
        "rel": ({"year", "month", "week", "weekend", "quarter", "decade", "century", "day"} | seasons | months | wds, False),
        "weekday": (wds, False),
        "ago": ({"ago", "earlier", "later", "now", "hence", "back"}, False),
        "set": ({"every", "each", "per", "once", "twice", "thrice", "times", "weekends"}
                | {x.split()[-1] for x in w.data["sets"]} | {d + "s" for d in wds} | units | pods, False),
        "duration": (units, False), "long": ({"long", "old"}, False), "age": ({"aged", "age"}, False),
        "spoken_year": ({"nineteen", "twenty", "thousand"}, False), "fiscal_year": ({"year"}, False),
        "year_ago_period": ({"year", "year-ago", "year-earlier"}, False), "year_period": ({"year"}, False),
        "bare_plural": (units, False), "vague": (vague, False), "year": (set(), True), "year_quarter": ({"quarter", "period"}, False),
        "period": ({"period"}, False),
    }
    rules = []
    for name, pattern, handler in src:
        # word boundary at the start unless the pattern begins with a lookbehind
        rx = re.compile(("" if pattern.startswith("(?<") else B) + pattern)
        words, digits = triggers[name]
        rules.append(Rule(name, rx, handler, frozenset(x.rstrip(".") for x in words), digits))
    return rules


_TOKEN = re.compile(r"[a-z][a-z'’.-]*[a-z]|[a-z]|\d+")


def _lower(text: str) -> str:
    """Lower-case ``text`` keeping every character at its offset."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _windows(low: str, rules: list[Rule], margin: int = 80) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged stretches of text around its trigger words (and digits)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    word_rules: dict[str, list[str]] = {}
    for r in rules:
        for word in r.words:
            word_rules.setdefault(word, []).append(r.name)
    digit_rules = [r.name for r in rules if r.digits]
    n = len(low)
    for m in _TOKEN.finditer(low):
        tok = m.group()
        if tok[0].isdigit():
            names = digit_rules
        else:
            tok = tok.rstrip(".")
            if tok.endswith(("'s", "’s")):
                tok = tok[:-2]        # "Sunday's", "this year's"
            names = word_rules.get(tok)
            if names is None and "-" in tok:
                names = [x for part in tok.split("-") for x in word_rules.get(part, ())]
            if not names:
                continue
        a, b = max(0, m.start() - margin), min(n, m.end() + margin)
        while b < n and not low[b].isspace():   # never cut a word at the window's end
            b += 1
        for name in names:
            spans = hits.setdefault(name, [])
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], b))
            else:
                spans.append((a, b))
    return hits


def _h_spoken_year(m, ref, tense, w):
    """"nineteen ninety-six" -> 1996, "two thousand (and) one" -> 2001 (transcribed speech)."""
    if _g(m, "sy1"):
        second = _low(m, "sy2")
        if second == "hundred":
            n = 0
        else:
            n = w.number(second)
            if n is None or not (10 <= n <= 99) or second in ("a", "an"):
                return None
        year = (19 if _low(m, "sy1") == "nineteen" else 20) * 100 + int(n)
    else:
        extra = _low(m, "sy3")
        n = w.number(extra) if extra else 0
        if n is None or n >= 100 or extra in ("a", "an"):
            return None
        year = 2000 + int(n)
    return Timex(f"{year}", "DATE", "year", w.mod(_g(m, "pre")), False)


def _h_year_ago_period(m, ref, tense, w):
    """"the year-ago quarter": the same quarter a year before (the finder refines which one)."""
    n = w.ordinals.get(_low(m, "yqord"))
    k = ref.year * 12 + ref.month - 1 - 3          # the latest completed quarter
    year, q = k // 12, (k % 12) // 3 + 1
    if n and n <= 4:
        year, q = (ref.year if n <= _quarter(ref.month) else ref.year - 1), n
    return Timex(f"{year - 1:04d}-Q{q}", "DATE", "quarter", "", True)


def _h_year_period(m, ref, tense, w):
    """"the full year", "the current fiscal year": the reference year ("latest": the one before)."""
    if not _g(m, "yp") and not _g(m, "ypk"):
        return None                       # "the year" alone is handled (or not) elsewhere
    kind = _low(m, "yp")
    if kind == "past" and not _g(m, "ypk"):
        return None                       # "the past year" is a relative year (rule rel)
    shift = -1 if kind in ("latest", "past") else 0
    return Timex(f"{ref.year + shift:04d}", "DATE", "year", w.mod(_g(m, "pre")), True)


def _h_fiscal_year(m, ref, tense, w):
    """"(for) the year ended Sept. 30": a twelve-month period."""
    return Timex("P1Y", "DURATION", "year", "", False)


def _h_decade_any(m, ref, tense, w):
    if _g(m, "dec2") and not _g(m, "dec"):
        d = int(m["dec2"])
        century = ref.year // 100 - (1 if d * 10 > ref.year % 100 else 0)
        return Timex(f"{century:02d}{d}", "DATE", "decade", w.mod(_g(m, "pre")), True, "decade")
    return _h_decade(m, ref, tense, w)


@lru_cache(maxsize=1)
def _grammar() -> tuple[_Words, list[Rule]]:
    w = _Words(load_words())
    return w, _build_rules(w)


def rule_names() -> tuple[str, ...]:
    """Names of the rules, in the order they are tried."""
    return tuple(r.name for r in _grammar()[1])


# ---------------------------------------------------------------- public API

_DUMMY_REF = dt.date(2000, 6, 15)


def _as_date(reference_date) -> dt.date | None:
    if reference_date is None or reference_date == "":
        return None
    if isinstance(reference_date, dt.datetime):
        return reference_date.date()
    if isinstance(reference_date, dt.date):
        return reference_date
    try:
        return dt.date.fromisoformat(str(reference_date)[:10])
    except ValueError as exc:
        from .errors import ConfigError
        raise ConfigError(Errors.E005.format(value=reference_date)) from exc


def _apply(rule: Rule, m: re.Match, ref: dt.date | None, tense: str | None) -> Timex | None:
    w, _ = _grammar()
    if tense == "past":   # a weak past: months and weekdays follow it, dates with a day do not
        tense = None if rule.name in ("date_mdy", "date_dmy") else "WEAK_PAST" if rule.name == "month" else "PAST"
    t = rule.handler(m, ref or _DUMMY_REF, tense, w)
    if t is None:
        return None
    if t.type in ("DATE", "TIME") and t.mod in _POINT_MODS and rule.name != "ago":
        t = replace(t, mod=_POINT_MODS[t.mod])   # "at least Thursday": ON_OR_AFTER
    if t.relative and ref is None and t.value not in REF_VALUES:
        t = replace(t, value="")
    return t


#: bounds on an amount of time become bounds on a point in time
_POINT_MODS = {"EQUAL_OR_MORE": "ON_OR_AFTER", "EQUAL_OR_LESS": "ON_OR_BEFORE",
               "MORE_THAN": "AFTER", "LESS_THAN": "BEFORE"}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    rule: str
    timex: Timex


def scan(text: str, reference_date=None, *, tense_at: Callable[[int, int], str | None] | None = None
         ) -> Iterator[Found]:
    """Every rule match in ``text`` (overlapping; the caller chooses among them).

    ``tense_at(start, end)`` gives the tense of the clause around a match.
    """
    ref = _as_date(reference_date)
    _, rules = _grammar()
    low = _lower(text)
    windows = _windows(low, rules)
    for rule in rules:
        seen: set[tuple[int, int]] = set()
        for a, b in windows.get(rule.name, ()):
            for m in rule.pattern.finditer(low, a, b):
                if m.end() == m.start() or (m.start(), m.end()) in seen:
                    continue
                seen.add((m.start(), m.end()))
                tense = tense_at(m.start(), m.end()) if tense_at else None
                t = _apply(rule, _Match(m, text), ref, tense)
                if t is not None:
                    yield Found(m.start(), m.end(), rule.name, t)


@lru_cache(maxsize=4096)
def _normalize_cached(text: str, ref: dt.date | None, tense: str | None) -> Timex | None:
    _, rules = _grammar()
    s = re.sub(r"\s+", " ", text.strip())
    low = _lower(s)
    for rule in rules:
        m = rule.pattern.fullmatch(low)
        if m:
            t = _apply(rule, _Match(m, s), ref, tense)
            if t is not None:
                return t
    return None


def normalize(text: str, reference_date=None, *, tense: str | None = None) -> Timex | None:
    """Normalize one whole expression; None when no rule reads all of it.

    >>> normalize("early 2018").value, normalize("early 2018").mod
    ('2018', 'START')
    >>> normalize("last year", "2018-11-01").value
    '2017'
    """
    if tense is not None and tense not in TENSES and tense != "past":
        from .errors import ConfigError
        raise ConfigError(Errors.E007.format(what="tense", value=tense, allowed=", ".join(TENSES)))
    return _normalize_cached(text, _as_date(reference_date), tense)
