"""The TIMEX3 value of one expression (:class:`Timex`) and durations written as TIMEX3 values."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal


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



_UNITS_SMALL = {"S": ("T", "S"), "TM": ("T", "M"), "H": ("T", "H")}
_GRAN = {"S": "second", "TM": "minute", "H": "hour", "D": "day", "W": "week", "M": "month",
         "Q": "quarter", "Y": "year"}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration for ``n`` units (unit code from the resource: "Y", "10Y", "TM", ...).

    ``None`` for a vague amount gives an X ("PXY"); fractions go to the next smaller unit
    ("P2Y6M", "PT1H30M"), and fractions of a second stay decimal ("PT7.58S").
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
    if isinstance(n, int) or float(n).is_integer():
        n = int(n)
        if unit in _UNITS_SMALL:
            return f"PT{n}{_UNITS_SMALL[unit][1]}"
        return f"P{n}{unit}"
    if unit == "S":   # TIMEX3 writes a fraction of the smallest unit as a decimal
        return f"PT{_decimal(n)}S"
    # a fraction goes to the next smaller unit: 2.5 years -> P2Y6M, 1.5 hours -> PT1H30M
    whole = int(n)
    sub_n, sub_unit = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"),
                       "H": (60, "TM"), "TM": (60, "S")}[unit]
    rest = round((n - whole) * sub_n)
    if rest == sub_n:   # 1.999 hours: two hours, not one hour and sixty minutes
        whole, rest = whole + 1, 0
    if not whole and not rest:   # 0.06 weeks: less than one of the next unit, so a decimal
        if unit in _UNITS_SMALL:
            return f"PT{_decimal(n)}{_UNITS_SMALL[unit][1]}"
        return f"P{_decimal(n)}{unit}"

    def part(k: int, u: str) -> str:
        return f"{k}{_UNITS_SMALL[u][1] if u in _UNITS_SMALL else u}" if k else ""

    date_part = "".join(part(k, u) for k, u in ((whole, unit), (rest, sub_unit)) if u not in _UNITS_SMALL)
    time_part = "".join(part(k, u) for k, u in ((whole, unit), (rest, sub_unit)) if u in _UNITS_SMALL)
    return "P" + date_part + ("T" + time_part if time_part else "")


def _decimal(x: float) -> str:
    """A float as a plain decimal ("7.58", "0.00001"), never in exponent notation."""
    return format(Decimal(repr(x)), "f")


def year_value(year: int) -> str:
    """A year as a TIMEX3 value: "2016", "BC0483" (483 BC, astronomical year -482); "" when it
    has no four-digit TIMEX3 form (before 9999 BC or after AD 9999)."""
    if 1 <= year <= 9999:
        return f"{year:04d}"
    if year <= 0 and 1 - year <= 9999:
        return f"BC{1 - year:04d}"
    return ""
