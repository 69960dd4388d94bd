"""Checks that need the parse: names, verbs and counts that look like dates, and NER spans that
are no time expression at all."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..timex import Grammar, Timex, Words

_PLURAL_YEAR_NOUNS = {"levels", "prices", "figures", "rates", "elections", "games", "olympics",
                      "standards", "accounts", "results", "earnings", "sales", "profits", "terms",
                      "dollars", "values", "highs", "lows", "totals", "budgets", "finals", "models"}
_SEASON_PREPS = {"in", "during", "over", "through", "throughout", "since", "until", "till", "by",
                 "before", "after", "of", "last", "this", "next", "early", "late", "mid", "for"}
#: nouns that take "of the year" as the year reported on ("the first nine months of the year")
_PARTS_OF_A_YEAR = {"months", "month", "weeks", "week", "days", "quarter", "quarters", "half", "part", "rest",
                    "end", "start", "beginning", "middle", "remainder", "balance", "course"}
_PLURAL_PREPS = {"for", "in", "over", "within", "after", "before", "took", "take", "takes", "spent"}
_RATE_WORDS = {"million", "billion", "thousand", "trillion", "%", "percent", "times", "once", "twice",
               "hundred", "m", "bn", "k"}
_PREP_TRIM = {"in", "on", "at", "by", "since", "until", "till", "from", "to", "for", "during",
              "of", "as", "through", "throughout", "within", "after", "before", "between", "and",
              "or", "-", "–", "—", ",", "(", ")"}


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


class _Around:
    """A candidate's tokens and its neighbours, for the checks below."""

    __slots__ = ("doc", "text", "start", "end", "span", "before", "after", "words")

    def __init__(self, doc: Doc, text: str, start: int, end: int, span: Span, words: Words):
        self.doc, self.text, self.start, self.end, self.span = doc, text, start, end, span
        self.after = doc[span.end] if span.end < len(doc) else None
        self.before = doc[span.start - 1] if span.start > 0 else None
        self.words = words


def _year_ok(c: _Around) -> bool:
    after, before = c.after, c.before
    if re.match(r"[-‐–][^\W\d]", c.text[c.end:c.end + 2]):
        return False   # "a 2000-strong crowd"
    if after is not None and after.tag_ in ("NNS", "NNPS") and after.lower_ not in _PLURAL_YEAR_NOUNS:
        return False
    if after is not None and after.lower_ in ("%", "percent", "per"):
        return False
    if any(tk.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for tk in c.span):
        return False
    if before is not None and before.text in ("$", "£", "€", "#", "No.", "no.", "No", "number"):
        return False
    return True


def _bare_month_ok(c: _Around) -> bool:
    doc, span = c.doc, c.span
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
    return True


def _bare_season_ok(c: _Around) -> bool:
    after, before = c.after, c.before
    if before is None or before.lower_ not in _SEASON_PREPS:
        return False
    if c.span[-1].dep_ == "compound" and after is not None and after.pos_ in ("NOUN", "PROPN"):
        return False   # "a number of summer stadium gigs": a season that classifies a noun
    if after is not None and after.is_title:
        return False
    return True


def _per_unit_ok(c: _Around) -> bool:
    before, span = c.before, c.span
    if span[0].lower_ == "per":
        return True
    if before is None:
        return False
    window = c.doc[max(0, span.start - 3):span.start]
    if not any(tk.like_num or tk.lower_ in _RATE_WORDS or tk.ent_type_ in ("MONEY", "PERCENT", "CARDINAL")
               or tk.is_currency for tk in window):
        return False   # a rate needs an amount: "$20 million a year", "700 seats a week"
    if before.pos_ in ("VERB", "AUX", "ADP"):
        return False   # "within a week", "waited a year"
    return True


def _weekday_ok(c: _Around) -> bool:
    before = c.before
    if before is not None and before.is_title and before.lower_ in c.words.named_days:
        return False   # a named day: "Black Friday", "Super Tuesday", "Bloody Sunday"
    return True


def _decade_ok(c: _Around) -> bool:
    before = c.before
    if before is not None and before.lower_ in ("his", "her", "their", "my", "your", "our", "its", "early", "late", "mid"):
        return False   # "in his 30s" is an age
    return True


def _set_word_ok(c: _Around) -> bool:
    # "daily", "quarterly" as adjectives ("quarterly earnings", "a daily paper") and nouns
    # ("the party daily Granma", "its initial quarterly") are no sets
    span, after = c.span, c.after
    if len(span) == 1 and span[0].tag_ in ("JJ", "NN", "NNP"):
        return False
    if len(span) == 1 and after is not None and after.tag_ == "NNP" and after.is_title:
        return False   # "the party daily Granma": a newspaper
    return True


def _the_year_ok(c: _Around) -> bool:
    # "for the year,", "the first nine months of the year.": the year reported on; not
    # "the year ended June 30" (a fiscal year), "the year before" or "the year of the flood"
    before, after = c.before, c.after
    if before is None or before.lower_ not in ("for", "of", "in", "during", "through", "throughout"):
        return False
    if after is not None and not after.is_punct:
        return False
    if before.lower_ == "of" and (before.i == 0 or c.doc[before.i - 1].lower_ not in _PARTS_OF_A_YEAR):
        return False   # "director of the year", "game of the year": an award
    return True


def _bare_plural_ok(c: _Around) -> bool:
    before, after = c.before, c.after
    if before is None or before.lower_ not in _PLURAL_PREPS:
        return False
    if after is not None and after.lower_ in ("old", "of"):
        return False
    return True


def _elapsed_ok(c: _Around) -> bool:
    """"2:08:35" is a race time only near a word of a race or result ("finished in 2:08:35")."""
    near = c.doc[max(0, c.span.start - 20):c.span.end + 20]
    return any(tk.lower_ in c.words.race_words for tk in near)


#: Timex.check -> the check a candidate of that kind must pass
_CHECKS = {"year": _year_ok, "bare_month": _bare_month_ok, "bare_season": _bare_season_ok,
           "per_unit": _per_unit_ok, "weekday": _weekday_ok, "decade": _decade_ok,
           "set_word": _set_word_ok, "the_year": _the_year_ok, "bare_plural": _bare_plural_ok,
           "elapsed": _elapsed_ok}


def _context_ok(doc: Doc, text: str, start: int, end: int, t: Timex, words: Words) -> bool:
    """Checks that need the parse: names, verbs and counts that look like dates.

    ``words`` are the grammar's word lists (named days such as "Black Friday", race words).
    """
    if "\n\n" in text[start:end]:
        return False
    span = _tokens(doc, start, end)
    if span is None:
        return False
    c = _Around(doc, text, start, end, span, words)
    check = _CHECKS.get(t.check)
    if check is not None and not check(c):
        return False
    if t.type == "DURATION" and span[-1].lower_ in ("quarter", "quarters") and c.after is not None \
            and c.after.lower_ == "of":
        return False   # "more than a quarter of the market" is a fraction
    return True


_TEMPORAL_WORDS = frozenset(
    "year years month months week weeks day days decade decades century centuries quarter quarters "
    "hour hours minute minutes second seconds weekend weekends morning afternoon evening night "
    "tonight today yesterday tomorrow spring summer autumn fall winter season seasons period "
    "fiscal half moment time times era age ages ago annual".split())
_UNIT_WORDS = frozenset("seconds minute minutes hour hours month months year years decade decades".split())
_BARE_UNITS = frozenset("year month week day night morning evening afternoon time".split())


def _temporal(span: Span, g: Grammar) -> bool:
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
        g.normalize(span.text) is not None


def _trim(doc: Doc, span: Span) -> Span | None:
    """A NER span without leading or trailing prepositions and punctuation."""
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _PREP_TRIM or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in _PREP_TRIM or doc[end - 1].is_punct
                           or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end] if end > start else None

