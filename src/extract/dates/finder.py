"""The finder: rule matches and NER spans of a Doc to date records (offsets into ``doc.text``)."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc

from .. import schema
from ..timex import RESOURCE, Found, Grammar, Timex, as_date, grammar
from .context import _UNIT_WORDS, _context_ok, _temporal, _tokens, _trim
from .discourse import _anchor_to_narrative, _quarter_in_focus, _second_days, _year_ago_in_quarter_context
from .fallback import _parse_with_dateparser
from .tense import _tense

_NER_LABELS = ("DATE", "TIME")


def _record(text: str, start: int, end: int, t: Timex, ref: dt.date | None, source: str) -> dict:
    return {
        "start_char": start,
        "end_char": end,
        "text": text[start:end],
        "label": t.label,
        "normalized": t.value,
        "type": t.type,
        "mod": t.mod,
        "anchor": ref.isoformat() if (t.relative and ref is not None and t.value) else "",
        "granularity": t.granularity,
        "source": source,
    }


_ATTRIBUTIVE = re.compile(r"(?:the|its|their|his|her|our|an?)\s+(\S+-\S+)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:its|their|his|her|our|my|your)\s+", re.IGNORECASE)
_OVER = re.compile(r"over\s+", re.IGNORECASE)
#: verbs that measure out an amount of time: after them "over a week" is "more than a week"
_MEASURE_VERBS = {"last", "lasts", "lasted", "lasting", "take", "takes", "took", "taking", "taken", "spend",
                  "spends", "spent", "spending", "need", "needs", "needed", "require", "requires", "required",
                  "wait", "waited", "waiting", "run", "ran", "runs", "serve", "served", "span", "spanned"}


def _over_as_preposition(doc: Doc, text: str, f: Found, g: Grammar, ref, tense_at) -> Found | None:
    """"used over three years": "over" is the preposition "during", outside the duration.

    After a verb that measures time ("to last over a week") or a noun ("over 30 years old")
    it is a bound ("more than") and stays inside.
    """
    span = _tokens(doc, f.start, f.start + 4)
    if span is None or not len(span):
        return f
    over = span[0]
    if over.dep_ != "prep" or over.head.pos_ not in ("VERB", "AUX") or over.head.lower_ in _MEASURE_VERBS:
        return f
    start = f.start + len(_OVER.match(text, f.start).group())
    sub = g.normalize(text[start:f.end], ref, tense=tense_at(start, f.end))
    if sub is None:
        return None
    return replace(f, start=start, timex=sub)


class _Taken:
    """The character spans already given to a record: a later candidate must not overlap one.

    The spans never overlap, so kept in order of start a candidate is checked against its two
    neighbours only (a scan of all spans made documents with many dates quadratic).
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return False
        return not (i < len(self.starts) and self.starts[i] < end)

    def take(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _trimmed(doc: Doc, text: str, f: Found, g: Grammar, ref, tense_at) -> Found | None:
    """A rule match without a leading verb, determiner of an attributive or possessive."""
    first = _tokens(doc, f.start, f.start + 1)
    if first is not None and len(first) and first[0].tag_ in ("VB", "VBD", "VBP", "VBZ") and first[0].idx == f.start:
        # "expected to last five months": the verb is not part of the expression
        rest = text.find(" ", f.start, f.end)
        if rest < 0:
            return None
        sub = g.normalize(text[rest + 1:f.end], ref, tense=tense_at(f.start, f.end))
        if sub is None:
            return None
        f = replace(f, start=rest + 1, timex=sub)
    if f.rule in ("duration", "quarter", "year_ago_period"):
        m = _ATTRIBUTIVE.match(text, f.start, f.end)
        if m and m.end() == f.end:   # "the 30-day period": the determiner belongs to the noun
            f = replace(f, start=m.start(1))
    m = _POSSESSIVE.match(text, f.start, f.end)
    if m and m.end() < f.end:   # "its fourth quarter": a possessive is outside, as in TimeBank
        f = replace(f, start=m.end())
    if f.timex.type == "DURATION" and _OVER.match(text, f.start, f.end):
        return _over_as_preposition(doc, text, f, g, ref, tense_at)
    return f


def _rule_records(doc: Doc, g: Grammar, ref, tense_at, taken: _Taken) -> list[dict]:
    """Records of the rule matches that pass their context checks, longest first."""
    text = doc.text
    found = [f for f in g.scan(text, ref, tense_at=tense_at)
             if _context_ok(doc, text, f.start, f.end, f.timex, g.words)]
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    records = []
    for f in found:
        f = _trimmed(doc, text, f, g, ref, tense_at)
        if f is not None and taken.free(f.start, f.end):
            taken.take(f.start, f.end)
            rule = "age" if f.rule in ("duration", "long") and text[f.end - 3:f.end].lower() == "old" else f.rule
            records.append(_record(text, f.start, f.end, f.timex, ref, "rule:" + rule))
    return records


def _ner_records(doc: Doc, g: Grammar, ref, tense_at, taken: _Taken, *, use_dateparser: bool,
                 keep_unparsed: bool) -> list[dict]:
    """Records of the NER's DATE and TIME spans where no rule matched."""
    text = doc.text
    records = []
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        span = _trim(doc, ent)
        if span is None or not taken.free(span.start_char, span.end_char):
            continue
        span_text = span.text
        if not _temporal(span, g):
            continue
        t = g.normalize(span_text, ref, tense=tense_at(span.start_char, span.end_char))
        if t is not None and not _context_ok(doc, text, span.start_char, span.end_char, t, g.words):
            continue
        source = "ner"
        if t is None and any(tk.is_title and not tk.is_sent_start and tk.lower_ in _UNIT_WORDS for tk in span):
            continue   # a title: CBS's "60 Minutes"
        if t is None and use_dateparser:
            t = _parse_with_dateparser(span_text, ref)
            source = "ner+dateparser"
        if t is None:
            if not keep_unparsed:
                continue
            t = Timex("", "DATE" if ent.label_ == "DATE" else "TIME", "", "", False)
            source = "ner:unparsed"
        taken.take(span.start_char, span.end_char)
        records.append(_record(text, span.start_char, span.end_char, t, ref, source))
    return records


def find_dates(doc: Doc, reference_date=None, *, use_ner: bool = True, use_dateparser: bool = True,
               keep_unparsed: bool = True, words_file: str = RESOURCE) -> list[dict]:
    """Date and time records of ``doc`` (offsets into ``doc.text``), in text order.

    ``reference_date`` (ISO string or date) defaults to ``doc._.extract_reference_date``;
    ``words_file`` is the word-list file of the rules (in ``extract/resources``).
    """
    if reference_date is None and Doc.has_extension(schema.REFERENCE_DATE_EXTENSION):
        reference_date = doc._.get(schema.REFERENCE_DATE_EXTENSION)
    ref = as_date(reference_date)
    g = grammar(words_file)
    tense_cache: dict[tuple[int, int], str | None] = {}

    def tense_at(start: int, end: int) -> str | None:
        key = (start, end)
        if key not in tense_cache:
            tense_cache[key] = _tense(doc, start, end)
        return tense_cache[key]

    text = doc.text
    taken = _Taken()
    records = _rule_records(doc, g, ref, tense_at, taken)
    if use_ner:
        records += _ner_records(doc, g, ref, tense_at, taken, use_dateparser=use_dateparser,
                                keep_unparsed=keep_unparsed)
    records = _second_days(text, records, taken.free)
    records.sort(key=lambda r: (r["start_char"], r["end_char"]))
    if ref is not None and doc.has_annotation("SENT_START"):
        _year_ago_in_quarter_context(doc, text, records, ref)
    if ref is not None:
        _anchor_to_narrative(records, tense_at, g)
        _quarter_in_focus(records)
    # a reporting period with no quarter to stand for is not a date
    return [r for r in records if r["source"] != "rule:period" or r["normalized"]]
