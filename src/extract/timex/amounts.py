"""Handlers for amounts of time: durations, ages, "three years ago", sets ("every week"),
vague references ("recently")."""
from __future__ import annotations

import datetime as dt
import re

from .calendrics import _add_months, _week
from .handlers import _cap, _g, _low
from .values import _GRAN, Timex, duration_value


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



def _h_fiscal_year(m, ref, tense, w):
    """"(for) the year ended Sept. 30": a twelve-month period."""
    return Timex("P1Y", "DURATION", "year", "", False)


