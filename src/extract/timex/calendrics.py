"""Calendar arithmetic: months, ISO weeks, quarters, seasons, Easter, and which year or
weekday a date written without one stands for."""
from __future__ import annotations

import datetime as dt


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

