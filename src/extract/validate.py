"""One validator for every row the package writes and every TIMEX3 value it reads.

Pure, on the ground floor: it imports only :mod:`extract.schema` and :mod:`extract.errors`.

* :func:`timex3_problem` says what is wrong with a TIMEX3 ``value`` (``None`` when it is
  well formed), after the TimeML 1.2.1 / TIDES 2005 value grammar: calendar dates
  (``2024``, ``2024-03``, ``2024-03-05``), decades and centuries by truncation (``199``,
  ``19``), weeks (``2024-W05``, ``2024-W05-3``, ``2024-W05-WE``), seasons (``2024-SU``),
  quarters and halves (``2024-Q1``, ``2024-H2``), unknown digits as ``X``
  (``XXXX-WXX-1``, ``XXXX-XX-XXTMO``), BC years (``BC0300``), times (``T10:30``,
  ``2024-03-05T10:30:15``, parts of day ``TMO TMI TAF TEV TNI TDT``), durations
  (``P3Y6M``, ``PT1H30M``, ``PT7.58S``, ``PXY``, ``P2DE``) and the references
  ``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``.
* :func:`row_problems` checks one row against its table in :mod:`extract.schema`:
  types, required cells, closed vocabularies, offsets inside the text with
  ``start < end``, finite numbers, units from the unit table (the caller passes the set,
  so this module needs no component) and ``normalized`` through :func:`timex3_problem`.

A row with a problem is a bug in whatever made it; the writers refuse it and log it with
the document and the rule that made it (see :func:`row_origin`).
"""
from __future__ import annotations

import calendar
import math
import numbers
import re
from typing import Any, Collection, Mapping

from . import schema

__all__ = ["timex3_problem", "row_problems", "row_origin", "is_empty", "offset_pairs"]

# ---------------------------------------------------------------- TIMEX3 values

_PART_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
_SEASONS = ("SP", "SU", "FA", "WI")
_D = r"[\dX]"
_YEAR = re.compile(rf"(?P<bc>BC)?(?P<year>{_D}{{4}}|{_D}{{3}}|{_D}{{2}})")
_DATE_TAIL = re.compile(
    rf"-(?:(?P<month>{_D}{{2}})(?:-(?P<day>{_D}{{2}}))?"
    rf"|W(?P<week>{_D}{{2}})(?:-(?P<wday>[1-7X]|WE))?"
    rf"|(?P<season>{'|'.join(_SEASONS)})"
    rf"|Q(?P<quarter>[1-4X])"
    rf"|H(?P<half>[12X]))"
)
_TIME = re.compile(
    rf"T(?:(?P<pod>{'|'.join(_PART_OF_DAY)})"
    rf"|(?P<hour>{_D}{{2}})(?::(?P<minute>{_D}{{2}})(?::(?P<second>{_D}{{2}}(?:\.\d+)?))?)?"
    rf"(?P<tz>Z|[+-]\d{{2}}(?::?\d{{2}})?)?)"
)
_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = re.compile(
    rf"P(?:(?P<date>(?:{_NUM}ML)?(?:{_NUM}CE)?(?:{_NUM}DE)?(?:{_NUM}Y)?(?:{_NUM}Q)?(?:{_NUM}M)?"
    rf"(?:{_NUM}W)?(?:{_NUM}D)?)"
    rf"(?:T(?P<time>(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?))?)"
)


def _range_problem(what: str, text: str | None, low: int, high: int) -> str | None:
    if text is None or "X" in text:
        return None
    n = int(float(text))
    if not low <= n <= high:
        return f"{what} {text} is outside {low:02d}..{high:02d}"
    return None


def _date_problem(m: re.Match, year: str, bc: bool) -> str | None:
    checks = (
        _range_problem("month", m["month"], 1, 12),
        _range_problem("day", m["day"], 1, 31),
        _range_problem("week", m["week"], 1, 53),
    )
    for problem in checks:
        if problem:
            return problem
    if m["month"] and m["day"] and len(year) == 4 and not bc and "X" not in year + m["month"] + m["day"]:
        days = calendar.monthrange(int(year), int(m["month"]))[1]
        if int(m["day"]) > days:
            return f"day {m['day']} does not exist in {year}-{m['month']}"
    if (m["month"] or m["week"] or m["season"] or m["quarter"] or m["half"]) and len(year) != 4:
        return f"a month, week, season, quarter or half needs a four-digit year, got {year!r}"
    return None


def _time_problem(m: re.Match) -> str | None:
    for problem in (_range_problem("hour", m["hour"], 0, 24), _range_problem("minute", m["minute"], 0, 59)):
        if problem:
            return problem
    sec = m["second"]
    if sec and "X" not in sec and not 0 <= float(sec) < 61:
        return f"second {sec} is outside 00..60"
    if m["hour"] == "24" and (m["minute"] or "00") != "00":
        return "T24 allows no minutes"
    return None


def _time_only_problem(value: str) -> str | None:
    t = _TIME.fullmatch(value)
    if not t:
        return f"{value!r} is not a TIMEX3 time (THH, THH:MM, THH:MM:SS or a part of day)"
    return _time_problem(t)


def _point_problem(value: str) -> str | None:
    if value.startswith("T"):
        return _time_only_problem(value)
    y = _YEAR.match(value)
    if not y:
        return "not a TIMEX3 date, time, duration or reference"
    rest = value[y.end():]
    tail = _DATE_TAIL.match(rest)
    if tail:
        problem = _date_problem(tail, y["year"], bool(y["bc"]))
        if problem:
            return problem
        rest = rest[tail.end():]
    elif rest.startswith("-"):
        return f"{rest!r} after the year is not a month, week, season, quarter or half"
    if not rest:
        return None
    if rest[0].isdigit():
        return "a year has at most four digits (a decade three, a century two)"
    if not rest.startswith("T"):
        return f"{rest!r} after the date is not a time"
    if not (tail and (tail["day"] or tail["wday"])):
        return "a time of day needs a full date (YYYY-MM-DD or YYYY-Www-D)"
    return _time_only_problem(rest)


def _duration_problem(value: str) -> str | None:
    m = _DURATION.fullmatch(value)
    if not m or not (m["date"] or m["time"]):
        return ("not a TIMEX3 duration: expected P then amounts with units in the order "
                "Y M W D, then T and H M S (e.g. P3Y6M, PT1H30M, PT7.58S, PXY)")
    if m["time"] is not None and not m["time"]:
        return "a duration's T must be followed by an amount of H, M or S"
    return None


def timex3_problem(value: str) -> str | None:
    """What is wrong with the TIMEX3 ``value`` (``None`` when it is well formed)."""
    if not isinstance(value, str):
        return f"expected a string, got {type(value).__name__}"
    if not value:
        return "empty value"
    if value != value.strip():
        return "leading or trailing whitespace"
    if value in schema.REF_VALUES:
        return None
    if value.startswith("P"):
        return _duration_problem(value)
    return _point_problem(value)


# ---------------------------------------------------------------- rows

def is_empty(value: Any) -> bool:
    """An empty cell: ``None``, ``""``, NaN or a pandas missing value."""
    if value is None:
        return True
    if isinstance(value, str):
        return value == ""
    if isinstance(value, float):
        return math.isnan(value)
    try:  # pandas.NA, numpy.nan and the like, without importing pandas here
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def _type_problem(col: schema.Column, value: Any) -> str | None:
    if col.dtype == "str":
        if isinstance(value, str):
            return None
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return None
        return f"{col.name}: expected text, got {type(value).__name__} {value!r}"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return f"{col.name}: expected a number, got {type(value).__name__} {value!r}"
    if not math.isfinite(float(value)):
        return f"{col.name}: {value!r} is not a finite number"
    if col.dtype == "int" and not (isinstance(value, numbers.Integral) or float(value).is_integer()):
        return f"{col.name}: expected a whole number, got {value!r}"
    return None


def offset_pairs(columns: Collection[str]) -> list[tuple[str, str]]:
    """The ``(x_start_char, x_end_char)`` column pairs of a table."""
    names = set(columns)
    return [(c, c[: -len("start_char")] + "end_char") for c in columns
            if c.endswith("start_char") and c[: -len("start_char")] + "end_char" in names]


def _offset_problems(row: Mapping[str, Any], pairs: list[tuple[str, str]], n_raw_chars: int | None) -> list[str]:
    out = []
    for s_col, e_col in pairs:
        s, e = row.get(s_col), row.get(e_col)
        if is_empty(s) and is_empty(e):
            continue
        if is_empty(s) or is_empty(e):
            out.append(f"{s_col}/{e_col}: one is empty and the other is not ({s!r}, {e!r})")
            continue
        if not (isinstance(s, numbers.Real) and isinstance(e, numbers.Real)):
            continue  # reported by the type check
        if s < 0:
            out.append(f"{s_col} {s} is negative")
        if not s < e:
            out.append(f"{s_col} {s} must be smaller than {e_col} {e}")
        if n_raw_chars is not None and e > n_raw_chars:
            out.append(f"{s_col}:{e_col} {s}:{e} lies outside the text ({n_raw_chars} characters)")
    return out


def _columns_of(table: str) -> tuple[schema.Column, ...]:
    return schema.typed_columns(table)


def row_problems(table: str, row: Mapping[str, Any], n_raw_chars: int | None = None,
                 units: Collection[str] | None = None) -> list[str]:
    """Everything wrong with ``row`` as a row of ``table`` (an empty list when it is fine).

    ``n_raw_chars``: length of the article's raw text, to check offsets against (skipped
    when ``None``). ``units``: the unit table's canonical units and currency codes, to
    check ``unit`` against (skipped when ``None``).
    """
    try:
        columns = _columns_of(table)
    except KeyError as err:
        return [str(err.args[0])]
    problems = []
    for col in columns:
        value = row.get(col.name)
        if is_empty(value):
            if not col.nullable:
                problems.append(f"{col.name}: required, but empty")
            continue
        problem = _type_problem(col, value)
        if problem:
            problems.append(problem)
            continue
        if col.choices is not None and value not in col.choices:
            problems.append(f"{col.name}: {value!r} is not allowed; allowed: {', '.join(col.choices)}")
    names = [c.name for c in columns]
    problems += _offset_problems(row, offset_pairs(names), n_raw_chars)
    problems += _kind_problems(table, row, units)
    return problems


def _kind_problems(table: str, row: Mapping[str, Any], units: Collection[str] | None) -> list[str]:
    out = []
    if table == schema.DATE.table:
        value = row.get("normalized")
        if not is_empty(value) and isinstance(value, str):
            problem = timex3_problem(value)
            if problem:
                out.append(f"normalized: {value!r} is not a TIMEX3 value: {problem}")
    if table == schema.QUANTITY.table and units is not None:
        unit = row.get("unit")
        if not is_empty(unit) and isinstance(unit, str) and unit not in units:
            out.append(f"unit: {unit!r} is not in the unit table")
    return out


def row_origin(row: Mapping[str, Any]) -> str:
    """The rule or method that made ``row`` (its ``source`` or ``method`` cell), for messages."""
    for key in ("source", "method"):
        value = row.get(key)
        if not is_empty(value):
            return f"{key}={value}"
    return "source unknown"
