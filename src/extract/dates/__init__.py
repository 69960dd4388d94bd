"""Dates and times: find them in a Doc and normalize them to TIMEX3 values.

Candidates come from two sources:

* the rules of :mod:`extract.timex` (years, dates, weekdays, relative expressions, decades,
  quarters, seasons, durations and ages, sets, vague references, times of day), run over
  ``doc.text`` and checked against the parse where a word is ambiguous ("May" the name,
  "March" the verb, "2000 people");
* the statistical NER's DATE and TIME spans, kept where no rule matched; their value comes
  from :func:`extract.timex.normalize` or, failing that, from dateparser (on the span only).

Overlapping candidates are resolved longest first. Each record carries the TIMEX3 value
resolved against the document's reference date (``doc._.extract_reference_date``), which the
``anchor`` column names; without a reference date relative expressions keep an empty value.
"""
from __future__ import annotations
from __future__ import annotations

from .component import COLUMNS, DateFinder, make_date_finder
from .finder import find_dates

__all__ = ["COLUMNS", "DateFinder", "find_dates", "make_date_finder"]
