"""Handlers for amounts of time: durations, ages, "three years ago", sets ("every week"),
vague references ("recently")."""
from __future__ import annotations

import datetime as dt
import re

from .calendrics import _add_months, _week
from .handlers import _cap, _g, _low
from .values import _GRAN, Timex, duration_value, year_value


def _h_ago(m, ref, tense, w):
    """"three years ago", "two days later": a point that far from the reference date.

    Less than a day ("eight minutes later") gives no calendar date: the amount is a DURATION,
    as TimeML annotates "a minute and a half later". A point before 9999 BC or after AD 9999
    has no TIMEX3 value and is left empty.
    """
    qty = _g(m, "qty")
    n = w.number(qty)
    unit = w.unit(_low(m, "unit"))
    direction = _low(m, "dir")
    sign = -1 if direction in ("ago", "earlier", "back", "before", "previously") else 1
    mod = w.mod(_g(m, "pre")) or ("APPROX" if _g(m, "agoso") else "")
    if n is None:
        if re.search(r"\d", qty):
            return None   # digits past what a number may have
        return Timex("PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", "ref", mod, True)
    mult = 1
    mm = re.fullmatch(r"(\d+)(\w+)", unit)
    if mm:
        mult, unit = int(mm.group(1)), mm.group(2)
    n = n * mult
    if unit == "Q":
        n, unit = n * 3, "M"
    if unit in ("H", "TM", "S"):
        return Timex(duration_value(n, unit), "DURATION", _GRAN[unit], mod, False)
    value, gran = _shifted(ref, sign, n, unit)
    return Timex(value, "DATE", gran, mod, True)


def _shifted(ref: dt.date, sign: int, n: float, unit: str) -> tuple[str, str]:
    """The value and granularity of the year, month, week or day ``n`` units from ``ref``;
    an empty value when that lies outside what TIMEX3 can write."""
    whole = int(n)
    if unit == "Y" and n == whole:
        return year_value(ref.year + sign * whole), "year"
    if unit in ("Y", "M"):
        y, mo = _add_months(ref.year, ref.month, sign * round(n * 12 if unit == "Y" else n))
        return (f"{y:04d}-{mo:02d}" if 1 <= y <= 9999 else ""), "month"
    days = n * (7 if unit == "W" else 1)
    try:
        d = ref + dt.timedelta(days=sign * days)
    except OverflowError:   # before 1 AD or after 9999 AD
        return "", ("week" if unit == "W" else "day")
    return (_week(d), "week") if unit == "W" else (d.isoformat(), "day")


def _h_duration(m, ref, tense, w):
    qty = _g(m, "qty")
    unit_word = _low(m, "unit")
    if _cap(_g(m, "unit")) and not _cap(qty) and not _g(m, "pre"):
        return None   # a title: CBS's "60 Minutes"
    if unit_word.startswith("sec") and re.fullmatch(r"an?", qty.strip().lower()):
        return None   # "a second" is the ordinal far more often
    if re.fullmatch(r"an?", qty.strip().lower()) and m.word_before() in w.measure_units:
        return None   # "70 miles an hour": a rate unit, no amount of time
    if unit_word == "quarters" and re.search(r"\w-quarters$", m.group(0).lower()):
        return None   # "three-quarters of its food" is a fraction
    if re.fullmatch(r"(1[5-9]|20)\d\d", qty.strip()) and unit_word.startswith(("quarter", "period", "month", "week")):
        return None   # "the 1988 quarter" is a year, not 1988 quarters
    n = w.number(qty)
    if n is not None and _g(m, "half"):
        n += 0.5
    unit = w.unit(unit_word)
    if n is None and re.search(r"\d", qty):
        return None   # digits past what a number may have
    if n is None and qty.strip().lower() not in w.data["vague_numbers"] and not qty.lower().startswith("half"):
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
    if (_low(m, "every") == "per" or _g(m, "perunit")) and m.word_before() in w.measure_units:
        return None   # "42 cubic metres per second", "70 miles an hour": a unit of measure
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



def _h_fiscal_year(m, ref, tense, w):
    """"(for) the year ended Sept. 30": a twelve-month period."""
    return Timex("P1Y", "DURATION", "year", "", False)




def _h_elapsed(m, ref, tense, w):
    """A race time: "1:50.87" (m:ss.ff), "2:08:35" (h:mm:ss) is an amount of time, never a
    time of day. The finder keeps h:mm:ss only in a race or result context (check "elapsed")."""
    if _g(m, "eh"):
        parts = ((_g(m, "eh"), "H"), (_g(m, "em"), "M"), (_seconds(_g(m, "es")), "S"))
        check = "elapsed"
    else:
        parts = ((_g(m, "em2"), "M"), (_seconds(_g(m, "es2")), "S"))
        check = ""
    written = "".join(f"{int(k) if '.' not in k else k}{u}" for k, u in parts if float(k))
    return Timex("PT" + (written or "0S"), "DURATION", "second", "", False, check)


def _seconds(s: str) -> str:
    """Seconds as TIMEX3 writes them: "05.00" -> "5", "50.87" -> "50.87"."""
    whole, _, frac = s.partition(".")
    return str(int(whole)) + ("." + frac if frac.strip("0") else "")


def _h_fraction(m, ref, tense, w):
    """"a quarter of an hour" -> PT15M, "three quarters of an hour" -> PT45M."""
    n = 0.75 if _low(m, "fq") == "three" else 0.25
    unit = w.unit(_low(m, "fu"))
    return Timex(duration_value(n, unit), "DURATION", _GRAN.get(unit, "year"), "", False)
