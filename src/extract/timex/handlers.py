"""Handlers: from a rule's match to a :class:`Timex` (points in time: dates, months, years,
relative expressions, quarters, seasons, holidays, times of day)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from .calendrics import (_add_months, _easter, _nth_weekday, _pick_weekday, _pick_year, _quarter,
                         _season_year, _week)
from .values import Timex
from .words import Words as _Words

Handler = Callable[[re.Match, "dt.date", "str | None", _Words], "Timex | None"]


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

    def word_before(self) -> str:
        """The word just before the match in the text it was found in (lower case), or ""."""
        w = re.search(r"([^\W\d_]+)\W{0,3}$", self.s[max(0, self.m.start() - 40):self.m.start()])
        return w.group(1).lower() if w else ""


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
    if hh > 24 or mm > 59 or (hh == 24 and mm):
        return None   # "25:00 GMT", "30 o'clock", "10:75 GMT" are past the day or the hour: no clock time (24:00 is midnight)
    tday = _g(m, "tday")
    rel = True
    if tday:
        sub = w.resolve(tday, ref, tense)
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


def _h_decade_any(m, ref, tense, w):
    if _g(m, "dec2") and not _g(m, "dec"):
        d = int(m["dec2"])
        century = ref.year // 100 - (1 if d * 10 > ref.year % 100 else 0)
        return Timex(f"{century:02d}{d}", "DATE", "decade", w.mod(_g(m, "pre")), True, "decade")
    return _h_decade(m, ref, tense, w)


