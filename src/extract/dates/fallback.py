"""The last resort for a NER span no rule reads: dateparser, on the span only."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..timex import Timex


@lru_cache(maxsize=64)
def _dateparser(reference: dt.date | None):
    from dateparser.date import DateDataParser
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": []}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime(reference.year, reference.month, reference.day)
    return DateDataParser(languages=["en"], settings=settings)


_DP_GRAN = {"year": ("%Y", "year"), "month": ("%Y-%m", "month"), "week": (None, "week"),
            "day": ("%Y-%m-%d", "day"), "time": ("%Y-%m-%dT%H:%M", "minute")}


_DATEPARSER_WORTHY = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)(?:day)?)\b"
    r"|(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _parse_with_dateparser(text: str, reference: dt.date | None) -> Timex | None:
    """Fallback for a candidate span no rule reads; relative results need a reference.

    Only for spans that name a month or weekday or hold a year or a numeric date: on
    anything else ("the 11th minute", "15+ hours") dateparser invents a date.
    """
    if not _DATEPARSER_WORTHY.search(text) or re.search(r"\d{5}", text):
        return None   # five digits in a row are no year TIMEX3 can write ("the year 10000")
    data = _dateparser(reference).get_date_data(text)
    if data is None or data.date_obj is None or not 1000 <= data.date_obj.year <= 9999:
        return None   # strftime writes year 1 as "1", not a TIMEX3 year
    fmt, gran = _DP_GRAN.get(data.period or "day", ("%Y-%m-%d", "day"))
    d = data.date_obj
    if fmt is None:
        y, w, _ = d.isocalendar()
        value = f"{y}-W{w:02d}"
    else:
        value = d.strftime(fmt)
    absolute = bool(re.search(r"\b\d{4}\b", text))
    if reference is None and not absolute:
        value = ""
    return Timex(value, "TIME" if gran == "minute" else "DATE", gran, "", not absolute)


