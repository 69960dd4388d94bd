"""Passes over a document's date records that need the other records: second days of a
range, anchors in the narrative, the quarter a report speaks of, "a year ago" in a quarter's
figures."""
from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc

from ..timex import Grammar

_SECOND_DAY = re.compile(r"\s*(?:and|or|to|through|-|–)\s*((?:3[01]|[12]\d|0?[1-9]))(?:st|nd|rd|th)?\b"
                         r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
                         r"(?=\s*(?:[.,;:)!?'\"”’]|$|(?:in|at|on|for|and|to|when|with|by|from|after|before|until)\b))")


def _second_days(text: str, records: list[dict], free) -> list[dict]:
    """"April 24 and 25", "March 3-5": the second day of the month is a date too.

    Returns ``records`` with the second days added (and a closing year taken into them).
    """
    out = []
    years = {r["start_char"]: r for r in records if r["source"] == "rule:year"}
    dropped: set[int] = set()
    for r in records:
        if r["source"] != "rule:date_mdy" or not re.fullmatch(r"\d{4}-\d\d-\d\d", r["normalized"]):
            continue
        if re.search(r"\d{4}$", r["text"]):
            continue   # "May 3, 2001 and 5": the year closes the expression
        m = _SECOND_DAY.match(text, r["end_char"])
        if not m or not free(m.start(1), m.end(1)):
            continue
        year_rec = years.get(m.start("y")) if m.group("y") else None
        if m.group("y") and (year_rec is None or year_rec["end_char"] != m.end("y")):
            continue
        day = int(m.group(1))
        first = int(r["normalized"][8:])
        if day <= first:
            continue
        value = r["normalized"][:8] + f"{day:02d}"
        if m.group("y"):   # "Nov. 20 to 22, 2019": the year closes both
            value = m.group("y") + value[4:]
            r["normalized"] = m.group("y") + r["normalized"][4:]
            r["anchor"] = ""
            dropped.add(id(year_rec))
        out.append({**r, "start_char": m.start(1), "end_char": m.end(0), "text": text[m.start(1):m.end(0)],
                    "normalized": value, "mod": "", "source": "rule:date_mdy+day",
                    "anchor": r["anchor"]})
    return [r for r in records if id(r) not in dropped] + out


_FOLLOWERS = ("rule:ago", "rule:year_ago_period")
#: expressions whose point of reference is the time the text last spoke of, not the publication
_NARRATIVE = re.compile(
    r"(?:(?:earlier|later)\s+(?:in\s+)?)?(?:the\s+)?(?:following|previous|preceding|that|that\s+same)\s+\w+"
    r"|.*\b(?:earlier|later|before|after)", re.IGNORECASE)
_NAMES_A_DAY = re.compile(
    r"day|today|tonight|yesterday|tomorrow|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
_ANCHOR_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_NEEDS = {"year": 0, "season": 1, "quarter": 1, "month": 1, "week": 2, "weekend": 2, "day": 2,
          "part_of_day": 2, "minute": 2}


_LATEST = re.compile(r"latest|most\s+recent", re.IGNORECASE)
_BARE_QUARTER = re.compile(r"(?:the|that|its)\s+(?:same\s+)?quarter", re.IGNORECASE)


def _quarter_in_focus(records: list[dict]) -> None:
    """Quarters the text speaks of without naming them.

    "the quarter" is the quarter the text last named ("the third quarter ... in the quarter").
    "the latest period", "the same period last year" and "the 1988 quarter" stand for the
    quarter the report is about: the one named most often so far (the first on a tie), since
    a report names its own quarter again and again and others in passing.
    """
    named = None
    counts: dict[str, int] = {}
    for r in records:
        topic = max(counts, key=lambda q: counts[q]) if counts else None   # dicts keep first-seen order
        if r["source"] == "rule:quarter" and _BARE_QUARTER.fullmatch(r["text"]):
            if named is not None:
                r["normalized"], r["anchor"] = named, named
        elif r["source"] == "rule:period":
            if topic is not None:   # "the latest period", "the same period last year"
                year = int(topic[:4]) - (0 if _LATEST.search(r["text"]) else 1)
                r["normalized"], r["anchor"] = f"{year:04d}-Q{topic[-1]}", topic
        elif r["source"] == "rule:year_quarter":
            if topic is not None:   # "the 1988 quarter": that year's quarter the text speaks of
                r["normalized"] = f"{r['normalized'][:4]}-Q{topic[-1]}"
                r["granularity"], r["anchor"] = "quarter", topic
        elif r["source"] in ("rule:quarter", "rule:qcode") and re.fullmatch(r"\d{4}-Q[1-4]", r["normalized"]):
            named = r["normalized"]
            counts[named] = counts.get(named, 0) + 1


def _anchor_to_narrative(records: list[dict], tense_at, g: Grammar) -> None:
    """Resolve "the following year", "that day", "three days later" against the last date
    the text mentioned before them (TimeML's anchor), when that date is precise enough."""
    last: tuple[dt.date, int, str] | None = None   # (date, precision 0=year 1=month 2=day, value)
    last_day: tuple[dt.date, int, str] | None = None   # the last date with a day
    for r in records:
        value = r["normalized"]
        if (r["source"].startswith("rule:") and r["type"] == "DATE" and r["anchor"]
                and _NARRATIVE.fullmatch(r["text"]) and last is not None
                and r["source"] not in ("rule:year_ago_period",) and not re.fullmatch(r"\d{4}-Q\d", value)):
            need = _NEEDS.get(r["granularity"], 3)
            if last[1] >= need:
                t = g.normalize(r["text"], last[0], tense=None)
                if t is not None and t.value:
                    r["normalized"] = t.value
                    r["granularity"] = t.granularity
                    r["anchor"] = last[2]
                    value = t.value
        day = last if last is not None and last[1] == 2 else None
        if day is None and last_day is not None and tense_at(r["start_char"], r["end_char"]) == "PAST":
            day = last_day   # "shot last Oct. 23 ... in 1994 and 1997 ... was shot at 10 p.m."
        if (r["source"] == "rule:time" and r["anchor"] and day is not None
                and not _NAMES_A_DAY.search(r["text"]) and "T" in value):
            # "at 10 p.m." without a day: the day the text last spoke of
            value = day[0].isoformat() + value[value.index("T"):]
            r["normalized"], r["anchor"] = value, day[2]
        m = _ANCHOR_VALUE.fullmatch(value) if r["type"] == "DATE" else None
        if m:
            y, mo, d = int(m.group(1)), m.group(2), m.group(3)
            last = (dt.date(y, int(mo or 7), int(d or (15 if mo else 1))), 2 if d else 1 if mo else 0, value)
            if d:
                last_day = last
_YEAR_AGO = re.compile(r"(?:a|one)\s+year\s+(?:ago|earlier)", re.IGNORECASE)


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")


def _compares_with_a_year_before(r: dict) -> bool:
    """"a year ago", "last year", "the year-ago period": a comparison a quarter may stand for."""
    return ((r["source"] == "rule:ago" and bool(_YEAR_AGO.fullmatch(r["text"])))
            or (r["source"] == "rule:rel" and r["text"].lower() == "last year")
            or (r["source"] == "rule:year_ago_period"
                and not re.search(r"first|second|third|fourth|final|last", r["text"], re.IGNORECASE)))


class _Quarters:
    """The quarters a document names, for look-ups in (amortised) constant or log time.

    ``named`` are the records with a quarter value that do not follow another ("a year ago"
    records are changed by the pass, never named); ``by_value`` holds every record's index
    by value, kept up to date as the pass changes values.
    """

    def __init__(self, records: list[dict]) -> None:
        self.records = records
        self.named = [i for i, q in enumerate(records)
                      if _QUARTER_VALUE.fullmatch(q["normalized"]) and q["source"] not in _FOLLOWERS]
        self.starts = [records[i]["start_char"] for i in self.named]
        self.by_end = sorted(self.named, key=lambda i: records[i]["end_char"])
        self.by_value: dict[str, list[int]] = {}
        for i, q in enumerate(records):
            self.by_value.setdefault(q["normalized"], []).append(i)
        self.added = 0                           # named quarters ending before the current point
        self.count: dict[str, int] = {}
        self.first: dict[str, int] = {}
        self.topic: str | None = None

    def in_span(self, start: int, end: int) -> list[dict]:
        """Named quarters starting inside [start, end)."""
        a, b = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [self.records[i] for i in self.named[a:b]]

    def topic_before(self, point: int) -> str | None:
        """The quarter named most often among those ending by ``point`` (the first named on a tie);
        ``point`` never decreases from one call to the next."""
        while self.added < len(self.by_end) and self.records[self.by_end[self.added]]["end_char"] <= point:
            i = self.by_end[self.added]
            v = self.records[i]["normalized"]
            self.count[v] = self.count.get(v, 0) + 1
            self.first[v] = min(self.first.get(v, i), i)
            t = self.topic
            if t is None or (self.count[v], -self.first[v]) > (self.count[t], -self.first[t]):
                self.topic = v
            self.added += 1
        return self.topic

    def first_with(self, value: str, point: int) -> list[dict]:
        """The first record (in text order) with ``value`` that ends by ``point``, as a list."""
        for i in self.by_value.get(value, ()):
            if self.records[i]["end_char"] <= point:
                return [self.records[i]]
        return []

    def set_value(self, i: int, value: str) -> None:
        old = self.by_value[self.records[i]["normalized"]]
        old.remove(i)
        bisect.insort(self.by_value.setdefault(value, []), i)
        self.records[i]["normalized"] = value


def _year_ago_in_quarter_context(doc: Doc, text: str, records: list[dict], ref: dt.date) -> None:
    """"a year ago" compared with a quarter's results is that quarter a year before.

    In a sentence that talks about a quarter ("profit rose in the third quarter from
    $1.2 million a year ago") the comparison point is the same quarter a year earlier:
    the quarter of the nearest quarter record in the sentence, else of the latest one mentioned
    before it, else the latest completed quarter.
    """
    index = _Quarters(records)
    for i, r in enumerate(records):
        if not _compares_with_a_year_before(r):
            continue
        last_year = r["source"] == "rule:rel"
        span = doc.char_span(r["start_char"], r["end_char"], alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        quarters = index.in_span(sent.start_char, sent.end_char)
        if last_year and not quarters and "quarter" not in sent.text.lower():
            continue   # "last year" is a quarter only beside a quarter's figures
        if last_year and sent[0].lower_ == "last":
            continue   # "Last year, the company ..." speaks of the year
        if not quarters:   # else the quarter the report is about: the one named most often before
            topic = index.topic_before(r["start_char"])
            quarters = index.first_with(topic, r["start_char"]) if topic is not None else []
        if not quarters and "quarter" not in sent.text.lower():
            continue
        if quarters:
            q = min(quarters, key=lambda q: abs(q["start_char"] - r["start_char"]))
            year, n = q["normalized"].split("-Q")
        else:
            k = ref.year * 12 + ref.month - 1 - 3
            year, n = str(k // 12), str((k % 12) // 3 + 1)
        index.set_value(i, f"{int(year) - 1:04d}-Q{n}")
        r["granularity"] = "quarter"

