"""Dates and times: find them in a Doc and normalize them to TIMEX3 values.

Candidates come from two sources:

* the rules of :mod:`extract.timex` (years, dates, weekdays, relative expressions, decades,
  quarters, seasons, durations and ages, sets, vague references, times of day), run over
  ``doc.text`` and checked against the parse where a word is ambiguous ("May" the name,
  "March" the verb, "2000 people");
* the statistical NER's DATE and TIME spans, kept where no rule matched; their value comes
  from :func:`extract.timex.normalize` or, failing that, from dateparser (on the span only).

Overlapping candidates are resolved longest first. Each record carries the TIMEX3 value
resolved against the document's reference date (``doc._.reference_date``), which the
``anchor`` column names; without a reference date relative expressions keep an empty value.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import extensions as _extensions  # noqa: F401  (registers doc._.dates)
from . import schema
from .timex import Timex, _as_date, load_words, normalize, scan

#: dates.csv columns, in order; the first seven are the contract.
COLUMNS = list(schema.DATE.column_names)

_NER_LABELS = ("DATE", "TIME")
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
_PAST_AUX = {"was", "were", "had", "did", "'d"}
_PERFECT_AUX = {"has", "have", "'ve", "’ve", "had"}
_PLURAL_YEAR_NOUNS = {"levels", "prices", "figures", "rates", "elections", "games", "olympics",
                      "standards", "accounts", "results", "earnings", "sales", "profits", "terms",
                      "dollars", "values", "highs", "lows", "totals", "budgets", "finals", "models"}
_SEASON_PREPS = {"in", "during", "over", "through", "throughout", "since", "until", "till", "by",
                 "before", "after", "of", "last", "this", "next", "early", "late", "mid", "for"}


@lru_cache(maxsize=1)
def _named_day_words() -> frozenset:
    return frozenset(w.split()[-1] for w in load_words()["named_day_words"])


#: verbs and adjectives whose infinitive complement lies ahead ("planned to leave Friday")
_LOOKING_AHEAD = {"plan", "plans", "planned", "planning", "set", "schedule", "scheduled", "due", "expect",
                  "expects", "expected", "intend", "intends", "intended", "hope", "hopes", "hoped", "aim",
                  "aims", "aimed", "going", "propose", "proposed", "agree", "agreed", "want", "wants",
                  "wanted", "prepare", "prepared", "ready", "likely", "promise", "promised", "vow", "vowed",
                  "threaten", "threatened", "decide", "decided", "try", "tried", "seek", "sought", "about"}
#: verbs whose object or complement is a plan: its time may lie ahead of a past-tense report
_PLANNING = {"plan", "planned", "schedule", "scheduled", "slate", "slated", "intend", "intended",
             "propose", "proposed", "arrange", "arranged", "reschedule", "rescheduled"}
#: nouns that take "of the year" as the year reported on ("the first nine months of the year")
_PARTS_OF_A_YEAR = {"months", "month", "weeks", "week", "days", "quarter", "quarters", "half", "part", "rest",
                    "end", "start", "beginning", "middle", "remainder", "balance", "course"}
_PLURAL_PREPS = {"for", "in", "over", "within", "after", "before", "took", "take", "takes", "spent"}
_RATE_WORDS = {"million", "billion", "thousand", "trillion", "%", "percent", "times", "once", "twice",
               "hundred", "m", "bn", "k"}
_PREP_TRIM = {"in", "on", "at", "by", "since", "until", "till", "from", "to", "for", "during",
              "of", "as", "through", "throughout", "within", "after", "before", "between", "and",
              "or", "-", "–", "—", ",", "(", ")"}


def _tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the clause a character span sits in: PAST, PRESENT, FUTURE or None.

    "past" (lower case) is a past tense reached through a noun or adjective, which
    dates with a day do not follow ("declared a dividend payable Dec. 7").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if span.end < len(doc) and doc[span.end].tag_ == "POS":
        return None     # "Wednesday's ruling": the clause's tense says nothing about the day
    if span.start > 0 and doc[span.start - 1].lower_ == "since":
        return "PAST"   # "since Jan. 13"
    until = span.start > 0 and doc[span.start - 1].lower_ in ("until", "till")
    tok = span.root
    indirect = False   # the verb is reached through a noun or adjective ("payable Dec. 7")
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            break
        if tok.head is tok:
            return None
        if tok.i not in range(span.start, span.end) and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            indirect = True
        tok = tok.head
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None if not until else "FUTURE"
    if until:   # a deadline ("postponed until Tuesday morning"), unless told in the past perfect
        return "PAST" if _has_aux(tok, "had") else "FUTURE"   # "Until Thursday, they had not ..."
    tense = _verb_tense(tok)
    if tense == "PAST" and (tok.lower_ in _PLANNING or tok.lemma_ in _PLANNING):
        return "PRESENT"   # "planned a rally on Saturday", "was scheduled for March": it may lie ahead
    return "past" if tense == "PAST" and indirect else tense


def _verb_tense(tok) -> str | None:
    for _ in range(3):
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX or ("going" in auxes and "to" in auxes):
            return "FUTURE"
        if auxes & _PAST_AUX or tok.tag_ == "VBD":
            return "PAST"
        if tok.tag_ == "VBN" and (auxes & _PERFECT_AUX or not auxes):
            return "PAST"   # "has announced", and "announced in March" as a modifier
        if tok.tag_ in ("VBZ", "VBP"):
            if tok.lower_ in ("will", "'ll"):
                return "FUTURE"
            return "PRESENT"
        if tok.tag_ == "MD":
            return "FUTURE" if tok.lower_ in _FUTURE_AUX else "PRESENT"
        if tok.tag_ == "VB" and "to" in auxes and (tok.head.lower_ in _LOOKING_AHEAD
                                                   or tok.head.lemma_ in _LOOKING_AHEAD):
            if _has_aux(tok.head, "had"):
                return None   # "had been due to expire Friday": a plan that has been overtaken
            return "FUTURE"   # "set to resume Monday", "planned to leave on Thursday"
        if tok.tag_ == "VB" and "to" in auxes and tok.head.lower_ in ("is", "are", "am", "'s", "'re"):
            return "FUTURE"   # "is to resume trading Tuesday": an arrangement ahead
        if auxes & {"is", "are", "am", "'s", "'re"}:
            return "PRESENT"
        if auxes & {"would", "could", "might", "may", "should", "must", "can"}:
            return "PRESENT"   # a modal speaks of what may happen: the nearest day, either way
        # an infinitive or participle takes the tense of the verb it depends on
        if tok.head is tok or tok.head.pos_ not in ("VERB", "AUX"):
            return None
        tok = tok.head
    return None


def _has_aux(tok, word: str) -> bool:
    """Whether ``word`` is an auxiliary of ``tok`` or of the verb ``tok`` complements ("had been due")."""
    for t in (tok, tok.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == word for c in t.children):
            return True
        if t.lower_ == "been" and t is not tok and any(c.lower_ == word for c in t.children):
            return True
    return False


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _context_ok(doc: Doc, text: str, start: int, end: int, t: Timex) -> bool:
    """Checks that need the parse: names, verbs and counts that look like dates."""
    if "\n\n" in text[start:end]:
        return False
    span = _tokens(doc, start, end)
    if span is None:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if t.check == "year":
        if re.match(r"[-‐–][^\W\d]", text[end:end + 2]):
            return False   # "a 2000-strong crowd"
        if after is not None and after.tag_ in ("NNS", "NNPS") and after.lower_ not in _PLURAL_YEAR_NOUNS:
            return False
        if after is not None and after.lower_ in ("%", "percent", "per"):
            return False
        if any(tk.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for tk in span):
            return False
        if before is not None and before.text in ("$", "£", "€", "#", "No.", "no.", "No", "number"):
            return False
    elif t.check == "bare_month":
        month = next((tk for tk in span if tk.text[:1].isupper() and tk.is_alpha
                      and tk.lower_ not in ("the", "early", "late", "mid", "end", "middle")), span[-1])
        if month.pos_ in ("VERB", "AUX") or month.tag_ == "MD":
            return False
        if month.ent_type_ in ("PERSON", "ORG", "FAC", "GPE", "WORK_OF_ART", "PRODUCT"):
            return False
        nxt = doc[month.i + 1] if month.i + 1 < len(doc) else None
        prv = doc[month.i - 1] if month.i > 0 else None
        if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
            return False
        if prv is not None and prv.is_title and prv.pos_ == "PROPN" and not prv.is_sent_start:
            return False
        if month.lower_ == "may" and (nxt is None or nxt.pos_ in ("VERB", "AUX", "PRON", "ADV")):
            return False
    elif t.check == "bare_season":
        if before is None or before.lower_ not in _SEASON_PREPS:
            return False
        if span[-1].dep_ == "compound" and after is not None and after.pos_ in ("NOUN", "PROPN"):
            return False   # "a number of summer stadium gigs": a season that classifies a noun
        if after is not None and after.is_title:
            return False
    elif t.check == "per_unit":
        first = span[0].lower_
        if first != "per":
            if before is None:
                return False
            window = doc[max(0, span.start - 3):span.start]
            if not any(tk.like_num or tk.lower_ in _RATE_WORDS or tk.ent_type_ in ("MONEY", "PERCENT", "CARDINAL")
                       or tk.is_currency for tk in window):
                return False   # a rate needs an amount: "$20 million a year", "700 seats a week"
            if before.pos_ in ("VERB", "AUX", "ADP"):
                return False   # "within a week", "waited a year"
    elif t.check == "weekday":
        if before is not None and before.is_title and before.lower_ in _named_day_words():
            return False   # a named day: "Black Friday", "Super Tuesday", "Bloody Sunday"
    elif t.check == "decade":
        if before is not None and before.lower_ in ("his", "her", "their", "my", "your", "our", "its", "early", "late", "mid"):
            return False   # "in his 30s" is an age
    elif t.check == "set_word":
        # "daily", "quarterly" as adjectives ("quarterly earnings", "a daily paper") and nouns
        # ("the party daily Granma", "its initial quarterly") are no sets
        if len(span) == 1 and span[0].tag_ in ("JJ", "NN", "NNP"):
            return False
        if len(span) == 1 and after is not None and after.tag_ == "NNP" and after.is_title:
            return False   # "the party daily Granma": a newspaper
    elif t.check == "the_year":
        # "for the year,", "the first nine months of the year.": the year reported on; not
        # "the year ended June 30" (a fiscal year), "the year before" or "the year of the flood"
        if before is None or before.lower_ not in ("for", "of", "in", "during", "through", "throughout"):
            return False
        if after is not None and not after.is_punct:
            return False
        if before.lower_ == "of" and (before.i == 0 or doc[before.i - 1].lower_ not in _PARTS_OF_A_YEAR):
            return False   # "director of the year", "game of the year": an award
    elif t.check == "bare_plural":
        if before is None or before.lower_ not in _PLURAL_PREPS:
            return False
        if after is not None and after.lower_ in ("old", "of"):
            return False
    if t.type == "DURATION" and span[-1].lower_ in ("quarter", "quarters") and after is not None \
            and after.lower_ == "of":
        return False   # "more than a quarter of the market" is a fraction
    return True


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
    if not _DATEPARSER_WORTHY.search(text):
        return None
    data = _dateparser(reference).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
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


_TEMPORAL_WORDS = frozenset(
    "year years month months week weeks day days decade decades century centuries quarter quarters "
    "hour hours minute minutes second seconds weekend weekends morning afternoon evening night "
    "tonight today yesterday tomorrow spring summer autumn fall winter season seasons period "
    "fiscal half moment time times era age ages ago annual".split())
_UNIT_WORDS = frozenset("seconds minute minutes hour hours month months year years decade decades".split())
_BARE_UNITS = frozenset("year month week day night morning evening afternoon time".split())


def _temporal(span: Span) -> bool:
    """Whether a NER DATE/TIME span looks like a time expression at all.

    Keeps spans with a year-like number or a time word; drops bare counts (ages such as
    "44"), adjectives ("annual") and a lone unit with at most a determiner ("the day").
    """
    words = [t.lower_ for t in span if not t.is_punct]
    if any(re.fullmatch(r"(1[0-9]|20)\d\d|'?\d0s|\d{1,2}:\d\d", w) for w in words):
        return True
    if all(t.like_num for t in span if not t.is_punct):
        return False
    content = [w for w in words if w not in ("the", "a", "an", "that", "this", "his", "her", "its", "their", "all")]
    if len(content) == 1 and content[0] in _BARE_UNITS:
        return False
    parts = {p for w in words for p in w.split("-")}
    if "half" in parts and len(parts & _TEMPORAL_WORDS - {"second"}) == 0:
        return False   # "the second half", "second-half": a part of a match, not a time
    if parts & _TEMPORAL_WORDS:
        return "annual" not in parts or len(content) > 1
    return any(t.ent_type_ in ("DATE", "TIME") and t.text[:1].isupper() and t.is_alpha for t in span) and \
        normalize(span.text) is not None


def _trim(doc: Doc, span: Span) -> Span | None:
    """A NER span without leading or trailing prepositions and punctuation."""
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _PREP_TRIM or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in _PREP_TRIM or doc[end - 1].is_punct
                           or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end] if end > start else None


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


def _over_as_preposition(doc: Doc, text: str, f, ref, tense_at):
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
    sub = normalize(text[start:f.end], ref, tense=tense_at(start, f.end))
    if sub is None:
        return None
    return replace(f, start=start, timex=sub)


def find_dates(doc: Doc, reference_date=None, *, use_ner: bool = True, use_dateparser: bool = True,
               keep_unparsed: bool = True) -> list[dict]:
    """Date and time records of ``doc`` (offsets into ``doc.text``), in text order.

    ``reference_date`` (ISO string or date) defaults to ``doc._.reference_date``.
    """
    if reference_date is None and Doc.has_extension("reference_date"):
        reference_date = doc._.reference_date
    ref = _as_date(reference_date)
    tense_cache: dict[tuple[int, int], str | None] = {}

    def tense_at(start: int, end: int) -> str | None:
        key = (start, end)
        if key not in tense_cache:
            tense_cache[key] = _tense(doc, start, end)
        return tense_cache[key]

    text = doc.text
    found = [f for f in scan(text, ref, tense_at=tense_at)
             if _context_ok(doc, text, f.start, f.end, f.timex)]
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[tuple[int, int]] = []
    records: list[dict] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for f in found:
        first = _tokens(doc, f.start, f.start + 1)
        if first is not None and len(first) and first[0].tag_ in ("VB", "VBD", "VBP", "VBZ") and first[0].idx == f.start:
            # "expected to last five months": the verb is not part of the expression
            rest = text.find(" ", f.start, f.end)
            if rest < 0:
                continue
            sub = normalize(text[rest + 1:f.end], ref, tense=tense_at(f.start, f.end))
            if sub is None:
                continue
            f = replace(f, start=rest + 1, timex=sub)
        if f.rule in ("duration", "quarter", "year_ago_period"):
            m = _ATTRIBUTIVE.match(text, f.start, f.end)
            if m and m.end() == f.end:   # "the 30-day period": the determiner belongs to the noun
                f = replace(f, start=m.start(1))
        m = _POSSESSIVE.match(text, f.start, f.end)
        if m and m.end() < f.end:   # "its fourth quarter": a possessive is outside, as in TimeBank
            f = replace(f, start=m.end())
        if f.timex.type == "DURATION" and _OVER.match(text, f.start, f.end):
            f = _over_as_preposition(doc, text, f, ref, tense_at)
            if f is None:
                continue
        if free(f.start, f.end):
            taken.append((f.start, f.end))
            rule = "age" if f.rule in ("duration", "long") and text[f.end - 3:f.end].lower() == "old" else f.rule
            records.append(_record(text, f.start, f.end, f.timex, ref, "rule:" + rule))
    if use_ner:
        for ent in doc.ents:
            if ent.label_ not in _NER_LABELS:
                continue
            span = _trim(doc, ent)
            if span is None or not free(span.start_char, span.end_char):
                continue
            span_text = span.text
            if not _temporal(span):
                continue
            t = normalize(span_text, ref, tense=tense_at(span.start_char, span.end_char))
            if t is not None and not _context_ok(doc, text, span.start_char, span.end_char, t):
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
            taken.append((span.start_char, span.end_char))
            records.append(_record(text, span.start_char, span.end_char, t, ref, source))
    records = _second_days(text, records, free)
    records.sort(key=lambda r: (r["start_char"], r["end_char"]))
    if ref is not None and doc.has_annotation("SENT_START"):
        _year_ago_in_quarter_context(doc, text, records, ref)
    if ref is not None:
        _anchor_to_narrative(records, tense_at)
        _quarter_in_focus(records)
    # a reporting period with no quarter to stand for is not a date
    records = [r for r in records if r["source"] != "rule:period" or r["normalized"]]
    return records


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


def _anchor_to_narrative(records: list[dict], tense_at) -> None:
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
                t = normalize(r["text"], last[0], tense=None)
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


def _year_ago_in_quarter_context(doc: Doc, text: str, records: list[dict], ref: dt.date) -> None:
    """"a year ago" compared with a quarter's results is that quarter a year before.

    In a sentence that talks about a quarter ("profit rose in the third quarter from
    $1.2 million a year ago") the comparison point is the same quarter a year earlier:
    the quarter of the nearest quarter record in the sentence, else of the latest one mentioned
    before it, else the latest completed quarter.
    """
    changed: set[int] = set()
    for r in records:
        last_year = r["source"] == "rule:rel" and r["text"].lower() == "last year"
        if not ((r["source"] == "rule:ago" and _YEAR_AGO.fullmatch(r["text"])) or last_year
                or (r["source"] == "rule:year_ago_period" and not re.search(r"first|second|third|fourth|final|last",
                                                                            r["text"], re.IGNORECASE))):
            continue
        span = doc.char_span(r["start_char"], r["end_char"], alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        quarters = [q for q in records if re.fullmatch(r"\d{4}-Q[1-4]", q["normalized"])
                    and sent.start_char <= q["start_char"] < sent.end_char and q["source"] not in _FOLLOWERS
                    and id(q) not in changed]
        if last_year and not quarters and "quarter" not in sent.text.lower():
            continue   # "last year" is a quarter only beside a quarter's figures
        if last_year and sent[0].lower_ == "last":
            continue   # "Last year, the company ..." speaks of the year
        if not quarters:   # else the quarter the report is about: the one named most often before
            before = [q["normalized"] for q in records if re.fullmatch(r"\d{4}-Q[1-4]", q["normalized"])
                      and q["end_char"] <= r["start_char"] and q["source"] not in _FOLLOWERS
                      and id(q) not in changed]
            topic = max(before, key=before.count) if before else None   # the first on a tie
            quarters = [q for q in records if q["normalized"] == topic and q["end_char"] <= r["start_char"]][:1]
        if not quarters and "quarter" not in sent.text.lower():
            continue
        if quarters:
            q = min(quarters, key=lambda q: abs(q["start_char"] - r["start_char"]))
            year, n = q["normalized"].split("-Q")
        else:
            k = ref.year * 12 + ref.month - 1 - 3
            year, n = str(k // 12), str((k % 12) // 3 + 1)
        r["normalized"] = f"{int(year) - 1:04d}-Q{n}"
        changed.add(id(r))
        r["granularity"] = "quarter"


class DateFinder:
    """Pipeline component: ``doc._.dates = find_dates(doc)``."""

    def __init__(self, nlp: Language, name: str, *, use_ner: bool, use_dateparser: bool,
                 keep_unparsed: bool):
        self.name = name
        self.use_ner = use_ner
        self.use_dateparser = use_dateparser
        self.keep_unparsed = keep_unparsed

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc, use_ner=self.use_ner, use_dateparser=self.use_dateparser,
                                 keep_unparsed=self.keep_unparsed)
        return doc


@Language.factory(
    "extract_dates",
    assigns=["doc._.dates"],
    requires=["doc.ents", "token.dep", "token.tag"],
    default_config={"use_ner": True, "use_dateparser": True, "keep_unparsed": True},
)
def make_date_finder(nlp: Language, name: str, use_ner: bool, use_dateparser: bool,
                     keep_unparsed: bool) -> DateFinder:
    return DateFinder(nlp, name, use_ner=use_ner, use_dateparser=use_dateparser,
                      keep_unparsed=keep_unparsed)
