"""The rules: one regular expression per kind of expression, built from the word lists, with
the words that trigger it (so only windows of text around them are searched)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .amounts import (_h_age, _h_ago, _h_bare_plural, _h_duration, _h_elapsed, _h_fiscal_year, _h_fraction,
                      _h_long, _h_set, _h_vague)
from .handlers import (Handler, _h_century, _h_date_mdy, _h_dayrel, _h_decade_any, _h_half, _h_holiday,
                       _h_month, _h_month_year, _h_numeric, _h_period, _h_qcode, _h_quarter, _h_rel,
                       _h_season_bare, _h_season_year, _h_spoken_year, _h_time, _h_weekday, _h_year,
                       _h_year_ago_period, _h_year_period, _h_year_quarter, _h_yearend)
from .words import Words as _Words
from .words import _alt


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern      # compiled for lower-cased text
    handler: Handler
    words: frozenset         # trigger words: every match contains one of them ...
    digits: bool             # ... or a digit


Pattern = tuple[str, str, Handler]   # (rule name, regex source, handler)

#: the end of an expression: no word character follows; a possessive 's may ("this year's results")
_END = r"(?!\w|['’](?!s\b))"
#: a year's end: no %, decimal, unit or hyphenated word follows ("2000%", "2000.5", "2000-strong")
_YEAR_END = r"(?![\w%]|[.,:/]\d|\s*(?:%|percent\b|per\s+cent\b)|-[a-z])"
#: no five-digit "year" follows ("January 10000" has no TIMEX3 value; it is not this January)
_NO_LONG_YEAR = r"(?!(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\d{5})"
_Q_ORD = r"first|second|third|fourth|1st|2nd|3rd|4th|final|last"


def _calendar_patterns(w: _Words) -> list[Pattern]:
    """Holidays, times, dates, months, decades, centuries, quarters, halves."""
    P, MON, WD, YEAR, DAY = w.PRE, w.MON, w.WD, w.YEAR, w.DAY
    end, q_ord = _END, _Q_ORD
    return [
        ("holiday", rf"{P}(?:(?P<holrel>this|last|next)\s+)?(?P<hol>{_alt(w.data['holidays'])}){end}"
                    rf"(?:,?\s+(?P<holy>{YEAR})\b)?", _h_holiday),
        ("time", rf"{P}(?:(?P<noon>noon|midday|midnight)|(?<![\d:.,])(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?"
                 rf"(?:\s*(?P<ampm>[ap]\.m\.|[ap]\.m{end}|[ap]m{end})|(?=\s*(?:{w.TZ}){end})|(?P<oclock>\s+o'clock)"
                 rf"|(?<=\d:\d\d)(?![:\d]|[.,]\d))"
                 rf"(?:\s+(?P<tz>{w.TZ}){end})?)"
                 rf"(?:,?\s+(?:on\s+)?(?P<tday>{WD}(?:,?\s+{MON}\s+{DAY})?|today|yesterday|tomorrow|"
                 rf"{MON}\s+{DAY}){end})?", _h_time),
        ("date_mdy", rf"{P}(?:(?P<mdrel>last|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd2>{WD}),?\s+)?(?P<mon>{MON})\s+(?P<day>{DAY})(?!\d|:\d)(?!\s*(?:%|percent))"
                     rf"{end}(?:,?\s+(?P<year>{YEAR})\b)?{_NO_LONG_YEAR}", _h_date_mdy),
        ("date_dmy", rf"{P}(?:(?P<wd2>{WD}),?\s+)?(?:the\s+)?(?<![\d,.])(?P<day>{DAY})(?:\s+of)?\s+"
                     rf"(?P<mon>{MON})(?:,?\s+(?P<year>{YEAR})\b)?{end}{_NO_LONG_YEAR}", _h_date_mdy),
        ("month_year", rf"{P}(?P<mon>{MON})\s*,?\s+(?:of\s+)?(?:(?P<year>{YEAR})(?!\d|,\d)|"
                       rf"(?P<myrel>this|last|next)\s+year|(?P<spy>(?:nineteen|twenty)[\s-]+(?:{w.NUMW}))){end}",
         _h_month_year),
        ("month", rf"{P}(?P<mon>{w.MON_BARE}){end}{_NO_LONG_YEAR}", _h_month),
        ("numeric", r"(?<![\w/.-])(?:(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-3]\d)|"
                    r"(?P<um>[01]?\d)/(?P<ud>[0-3]?\d)/(?P<uy>(?:19|20)\d\d|\d\d))(?![\w/.-]|\.\d)", _h_numeric),
        ("decade", rf"{P}(?:the\s+)?(?:(?:(?P<cent>1[0-9]|20)|['’])(?P<dec>\d)0['’]?s{end}|"
                   rf"(?<![\w$£€])(?P<dec2>\d)0s{end}|(?P<decw>{_alt(w.data['decade_words'])}){end})", _h_decade_any),
        ("century", rf"{P}(?:the\s+)?(?P<cord>{w.ORD})[\s-]+century{end}", _h_century),
        ("quarter", rf"{P}(?P<the>(?:the|its|their)\s+)?(?:(?P<qyrel2>this|last|next)\s+year['’]s\s+)?"
                    rf"(?:(?P<qrel>this|that|last|next|current|latest|previous|past|"
                    rf"coming|same|{YEAR})(?:'s|’s)?\s+)?(?:(?:fiscal|financial)[\s-]+)?"
                    rf"(?:(?P<qord>{q_ord})[\s-]+)?(?:fiscal[\s-]+)?quarter(?!-\w){end}"
                    rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<qyear>{YEAR})\b|(?P<qyrel>(?:this|last|next)\s+year){end}))?",
         _h_quarter),
        ("qcode", rf"\bq(?P<qn>[1-4])(?:\s+(?P<qy>{YEAR}))?{end}", _h_qcode),
        ("half", rf"{P}(?:the\s+)?(?:(?P<hord>first|second|1st|2nd|latter|last)\s+half|(?P<hq>first|last)\s+two\s+quarters)"
                 rf"\s+of\s+(?:(?P<hyear>{YEAR})\b|"
                 rf"(?P<hyrel>(?:the|this|last|next)\s+year){end})", _h_half),
    ]


def _period_patterns(w: _Words) -> list[Pattern]:
    """Fiscal years, year-ago periods, year ends, seasons, days and relative expressions, weekdays."""
    P, WD, YEAR = w.PRE, w.WD, w.YEAR
    end, q_ord = _END, _Q_ORD
    rel_det = (r"(?:the\s+)?(?:this\s+(?:past|coming)|this|last|next|past|coming|previous|preceding|"
               r"following|current|present|same|upcoming)|that(?:\s+same)?|the")
    rel_what = (rf"fiscal\s+year|year|month|week|weekend|quarter|decade|century|day|{w.SEASON}|"
                rf"{w.MON_BARE}|{WD}")
    return [
        ("fiscal_year", rf"{P}(?P<fy>the\s+(?:fiscal\s+|financial\s+)?year)(?=\s+(?:ended|ending|to)\s)", _h_fiscal_year),
        ("year_ago_period", rf"(?:the\s+|its\s+)?(?:comparable\s+|same\s+|corresponding\s+)?year[-\s](?:ago|earlier)"
                            rf"(?:\s+(?:(?P<yqord>{q_ord})[\s-]+)?(?:fiscal\s+)?(?:quarter|period)(?!-\w))?{end}",
         _h_year_ago_period),
        ("year_period", rf"{P}(?:the|this|its|their)\s+(?P<yp>full|current|latest|entire|whole|past)?\s*"
                        rf"(?P<ypk>fiscal|financial|calendar)?\s*year(?![-\w])", _h_year_period),
        ("yearend", rf"{P}(?:the\s+)?(?:(?P<yerel>this|last|next)\s+)?(?P<ye>year|month)(?:['’]s\s+|-|\s+)end{end}",
         _h_yearend),
        ("season_year", rf"{P}(?:the\s+)?(?P<season>{w.SEASON})\s+(?:of\s+)?(?:(?P<year>{YEAR})\b|"
                        rf"(?P<spy>(?:nineteen|twenty)[\s-]+(?:{w.NUMW})){end})", _h_season_year),
        ("season", rf"{P}(?P<season>{w.SEASON}){end}", _h_season_bare),
        ("dayrel", rf"{P}(?P<dr>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|last\s+night|tonight|overnight|"
                   rf"this\s+(?:morning|afternoon|evening)|(?:yesterday|today|tomorrow)(?:\s+(?:morning|afternoon|"
                   rf"evening|night))?|(?:{w.POD})\s+(?:yesterday|today|tomorrow)){end}", _h_dayrel),
        ("rel", rf"{P}(?P<det>{rel_det})\s+(?P<what>{rel_what}){end}(?:\s+(?P<rpod>{w.POD}){end})?"
                rf"(?P<rso>\s+or\s+so{end})?", _h_rel),
        ("weekday", rf"{P}(?P<wd>{WD}){end}(?:\s+(?P<pod>{w.POD}){end})?", _h_weekday),
    ]


def _amount_patterns(w: _Words) -> list[Pattern]:
    """Amounts of time ("three years ago", "every week", "a 15-year"), ages, vague references,
    spoken and written years, reporting periods."""
    P, WD, QTY, UNIT = w.PRE, w.WD, w.QTY, w.UNIT
    end, year_end = _END, _YEAR_END
    return [
        ("ago", rf"{P}(?P<qty>{QTY})\s+(?:more\s+)?(?P<unit>{UNIT})s?(?P<agoso>\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)"
                rf"{end}", _h_ago),
        ("set", rf"{P}(?:(?P<every>every|each|per)\s+(?:other\s+|single\s+)?(?:(?P<sqty>{QTY})\s+)?"
                rf"(?P<swhat>{UNIT}|{WD}s?|{w.MON_BARE}|weekends?|{w.POD}|{w.SEASON}){end}"
                rf"|(?P<freq>once|twice|thrice|(?:\d+|{w.NUMW})\s+times)\s+(?:a|an|per|each|every)\s+(?P<funit>{UNIT}){end}"
                rf"|(?P<wdp>{w.WD_PLURAL})(?:\s+(?P<wdpod>{w.POD})s)?{end}"
                rf"|(?P<wdp2>{WD})\s+(?P<wdpod2>{w.POD})s{end}"
                rf"|{_alt([s for s in w.data['sets'] if ' ' not in s])}{end}"
                rf"|(?:per|a|an)\s+(?P<perunit>year|month|week|day|hour|minute|quarter){end})", _h_set),
        ("duration", rf"{P}(?:(?:the\s+)?(?:past|last|next|first|coming|previous|following|final|latest|remaining|"
                     rf"initial|ensuing|subsequent|entire|whole|full|preceding|prior|same|recent)\s+|another\s+|"
                     rf"an?\s+additional\s+|an?\s+extra\s+|an?\s+further\s+|the\s+)?"
                     rf"(?P<qty>{QTY})(?:\s+|-)(?:(?:more|additional|further|straight|consecutive|full|trading|"
                     rf"business|working|calendar|long)\s+)?(?P<unit>{UNIT})s?{end}(?P<half>\s+and\s+a\s+half{end})?"
                     rf"(?:(?:\s+|-)old{end})?(?P<post>\s+or\s+so{end}|\s+or\s+more{end})?", _h_duration),
        ("age", rf"(?:aged|(?:the\s+)?age\s+of)\s+(?P<agen>\d{{1,3}}|{w.NUMW}){end}", _h_age),
        ("long", rf"(?:(?P<lmulti>multi|several|many)-)?(?P<lunit>days?|weeks?|months?|years?|decades?|hours?|"
                 rf"centuries|century)-(?:long|old){end}", _h_long),
        ("bare_plural", rf"{P}(?:(?P<bdet>(?:the\s+)?(?:past|last|next|coming|previous|following|recent)|recent|coming|future)"
                        rf"\s+)?(?P<bunit>years|months|weeks|days|decades|centuries|hours|minutes|quarters){end}", _h_bare_plural),
        ("vague", rf"(?P<vague>{_alt(w.data['vague_refs'])}){end}", _h_vague),
        ("spoken_year", rf"{P}(?:the\s+year\s+)?(?:(?P<sy1>nineteen|twenty)[\s-]+(?P<sy2>{w.NUMW}|hundred)"
                        rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<sy3>{w.NUMW}))?){end}", _h_spoken_year),
        ("year", rf"{P}(?:(?:the\s+)?(?:fiscal|financial)(?:\s+year)?\s+|the\s+year\s+|fy\s?)?"
                 rf"(?<![\w$£€#/.,])(?P<year>1[5-9]\d\d|20\d\d){year_end}"
                 rf"(?P<ypost>\s+(?:or|and)\s+(?:later|after|beyond|earlier|before)(?=\s*(?:[.,;:)!?]|$)))?", _h_year),
        ("period", rf"(?:the|that)\s+(?:(?P<platest>latest|most\s+recent)\s+period(?![-\w])|(?:same|corresponding|comparable)"
                   rf"\s+period\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)){end})", _h_period),
        ("year_quarter", rf"(?:the|its|their)\s+(?:comparable\s+|same\s+|corresponding\s+)?(?P<yqy>1[5-9]\d\d|20\d\d)"
                         rf"\s+(?:fiscal\s+)?(?:quarter|period)(?![-\w])", _h_year_quarter),
        ("elapsed", r"(?<![\w:.,])(?:(?P<eh>\d{1,2}):(?P<em>[0-5]\d):(?P<es>[0-5]\d(?:\.\d{1,3})?)"
                    r"|(?P<em2>\d{1,2}):(?P<es2>[0-5]\d\.\d{1,3}))(?![\d:]|[.,]\d)", _h_elapsed),
        ("fraction", rf"(?P<fq>a|one|three)[\s-]+quarters?\s+of\s+an?\s+(?P<fu>hour|minute|day|week|year|century){end}",
         _h_fraction),
    ]


def _triggers(w: _Words) -> dict[str, tuple[set, bool]]:
    """Per rule, the words every match contains (or True: a digit)."""
    months = set(w.months)
    wds = set(w.weekdays)
    seasons = set(w.seasons)
    pods = set(w.pod)
    units = set(w.units) | set(w.unit_plurals) | {u + "s" for u in w.units}
    vague = {v.split()[-1] for v in w.data["vague_refs"]}
    return {
        "holiday": ({h.split()[0] for h in w.data["holidays"]}, False),
        "time": ({"noon", "midday", "midnight", "o'clock"}, True),
        "date_mdy": (months, False), "date_dmy": (months, False), "month_year": (months, False),
        "month": (months, False), "numeric": (set(), True), "decade": (set(w.data["decade_words"]), True),
        "century": ({"century"}, False), "quarter": ({"quarter"}, False), "qcode": (set(), True),
        "half": ({"half", "quarters"}, False), "yearend": ({"end", "year-end", "month-end"}, False),
        "season_year": (seasons, False), "season": (seasons, False),
        "dayrel": ({"today", "yesterday", "tomorrow", "tonight", "overnight", "night", "morning",
                    "afternoon", "evening"}, False),
        "rel": ({"year", "month", "week", "weekend", "quarter", "decade", "century", "day"} | seasons | months | wds, False),
        "weekday": (wds, False),
        "ago": ({"ago", "earlier", "later", "now", "hence", "back"}, False),
        "set": ({"every", "each", "per", "once", "twice", "thrice", "times", "weekends"}
                | {x.split()[-1] for x in w.data["sets"]} | {d + "s" for d in wds} | units | pods, False),
        "duration": (units, False), "long": ({"long", "old"}, False), "age": ({"aged", "age"}, False),
        "spoken_year": ({"nineteen", "twenty", "thousand"}, False), "fiscal_year": ({"year"}, False),
        "year_ago_period": ({"year", "year-ago", "year-earlier"}, False), "year_period": ({"year"}, False),
        "bare_plural": (units, False), "vague": (vague, False), "year": (set(), True), "year_quarter": ({"quarter", "period"}, False),
        "period": ({"period"}, False),
        "elapsed": (set(), True), "fraction": ({"quarter", "quarters"}, False),
    }


def _build_rules(w: _Words) -> list[Rule]:
    """The rules in the order they are tried: patterns compiled for lower-cased text."""
    B = r"\b"
    src = _calendar_patterns(w) + _period_patterns(w) + _amount_patterns(w)
    triggers = _triggers(w)
    rules = []
    for name, pattern, handler in src:
        # word boundary at the start unless the pattern begins with a lookbehind
        rx = re.compile(("" if pattern.startswith("(?<") else B) + pattern)
        words, digits = triggers[name]
        rules.append(Rule(name, rx, handler, frozenset(x.rstrip(".") for x in words), digits))
    return rules


_TOKEN = re.compile(r"[a-z][a-z'’.-]*[a-z]|[a-z]|\d+")


def _lower(text: str) -> str:
    """Lower-case ``text`` keeping every character at its offset."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class _NextSpace:
    """The first whitespace at or after a position, for positions asked in rising order:
    one pass over the text in all (walking from each token to the next space was quadratic
    on text without spaces, such as "1,1,1,...")."""

    _SPACE = re.compile(r"\s")

    def __init__(self, text: str) -> None:
        self.text, self.found = text, -1

    def at_or_after(self, i: int) -> int:
        if i > self.found:   # the last answer lies before i: search on from i
            m = self._SPACE.search(self.text, i)
            self.found = m.start() if m else len(self.text)
        return self.found


def _windows(low: str, rules: list[Rule], margin: int = 80) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged stretches of text around its trigger words (and digits)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    word_rules: dict[str, list[str]] = {}
    for r in rules:
        for word in r.words:
            word_rules.setdefault(word, []).append(r.name)
    digit_rules = [r.name for r in rules if r.digits]
    n = len(low)
    space = _NextSpace(low)
    for m in _TOKEN.finditer(low):
        tok = m.group()
        if tok[0].isdigit():
            names = digit_rules
        else:
            tok = tok.rstrip(".")
            if tok.endswith(("'s", "’s")):
                tok = tok[:-2]        # "Sunday's", "this year's"
            names = word_rules.get(tok)
            if names is None and "-" in tok:
                names = [x for part in tok.split("-") for x in word_rules.get(part, ())]
            if not names:
                continue
        a = max(0, m.start() - margin)
        b = space.at_or_after(min(n, m.end() + margin))   # never cut a word at the window's end
        for name in names:
            spans = hits.setdefault(name, [])
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], b))
            else:
                spans.append((a, b))
    return hits

