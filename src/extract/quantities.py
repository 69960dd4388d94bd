"""Quantities: every number in the text with a value, a canonical unit and a bound.

The finder works on the text with compiled regular expressions built from
``resources/units.json``; the Doc's tokens and entities are read only as evidence
(the counted noun, numbers inside names). Steps:

1. *atoms*: a number (digits, number words, fractions, "eightfold", ordinals) with its
   scale ("1.1 million", "$4bn", "25-million") and its unit or currency, before
   ("US$", "EUR") or after ("acres", "km2", "-square-kilometre", "%"), and a rate
   ("$5 a share", "km/h", "m/s2", "m s-1"); powers of ten ("3 x 10^8", "9.83e-3"); a
   fraction of a scale ("half a million"); a sign in words or spaced ("minus 20 degrees",
   "- 20 degrees", "5 degrees below zero"); a bound written after it ("30-odd", "1,200-plus");
2. *ranges*: two atoms joined by "to", "-", "–" or "between ... and" become one record
   (value = low end, value_max = high end, bound "range"); a missing unit or scale on the
   low end is taken from the high end ("between 5 and 10 km", "20 to 30 million");
3. *modifiers* before the number stay inside the span, as in OntoNotes ("about 10%",
   "more than 200") and set ``bound`` (exact / approximate / lower / upper / range);
4. *filters*: numbers inside a date record (years, durations, ages: the dates component
   owns them), clock times, phone numbers, references ("page 12", "No. 5"), and numbers
   that are part of a name ("G20", "Group of 20", "1000 Talents", "One Belt, One Road").

``find_quantities(doc)`` returns plain dicts; the ``extract_quantities`` component
stores them on ``doc._.quantities``.

Conventions (gold/GUIDELINES.md section 3):

* labels CARDINAL, ORDINAL, MONEY, PERCENT, QUANTITY; ``value`` a number with scale words
  resolved ("US$25-million" -> 25000000, "1.1m Muslims" -> 1100000, "eightfold" -> 8 "times");
* the modifier is inside the span ("about 10%", "more than 200", "between 5 and 10 km") and
  gives ``bound``; focus words ("only", "just") stay outside;
* a range is one record: value = low end, value_max = high end, bound "range"; "rose from 5%
  to 10%" is a change, two records (a word of change earlier in the clause, listed in
  units.json, makes "from X to Y" a change; without one it is a range); "3-1" (a score) is
  two numbers;
* ``unit``: ISO 4217 codes for money ("$" is USD; "C$", "HK$", "A$" their own), one singular
  name per measure ("hectare", "km2", "degree Celsius"), "percent", "times"; "" for counts,
  with the counted noun in ``unit_noun`` ("20,000 researchers" -> "researchers");
* a rate keeps its denominator in the unit: "$2 a share" -> "USD per share"; powers are
  named: "km/s2" -> "kilometre per square second", "kg m-3" -> "kilogram per cubic metre",
  "0.3 s-1" -> "inverse second";
* years, dates, times, durations and ages are the dates component's: a number inside one of
  its records is dropped; "20-minute", "5-year", "3 years old" are never quantities here,
  nor "two" in "two or three years" (the time unit is shared).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from . import schema
from .errors import Errors, ResourceError
from .resources import read_json

RESOURCE = "units.json"

#: Table columns in order: the contract columns first, then this component's own.
COLUMNS = list(schema.QUANTITY.column_names)
LABELS = schema.QUANTITY_LABELS
BOUNDS = schema.BOUNDS
DURATION = "DURATION"  # label of time units in units.json; such numbers belong to dates

_RESOURCE_KEYS = {
    "currencies": dict, "units": dict, "per_words": dict, "per_units": dict,
    "number_words": dict, "scale_words": dict, "suffix_scales": dict, "fraction_words": dict,
    "ordinal_words": dict, "multiplier_words": dict, "modifiers": dict, "vulgar_fractions": dict,
    "context_words": dict, "powers": dict, "suffix_modifiers": dict,
}
_CURRENCY_KEYS = {"symbols", "codes", "names", "minor", "plurals", "names_after_scale"}
_UNIT_KEYS = {"label", "symbols", "names", "plurals"}
_UNIT_LABELS = {"QUANTITY", "PERCENT", "CARDINAL", DURATION}


# --------------------------------------------------------------------------- resources

def _bad(problem: str) -> ResourceError:
    return ResourceError(Errors.E008.format(name=RESOURCE, problem=problem))


def _plurals(name: str) -> list[str]:
    """Regular English plurals of a unit name; irregular ones are listed in the file."""
    last = name.split()[-1]
    if last.endswith(("s", "x", "ch", "sh")):
        return [name + "es"]
    if last.endswith("y") and not last.endswith(("ay", "ey", "oy")):
        return [name[:-1] + "ies"]
    return [name + "s"]


def _alternation(forms: Iterable[str]) -> str:
    """Regex alternation, longest first, with flexible inner whitespace."""
    out = []
    for f in sorted(set(forms), key=len, reverse=True):
        out.append(r"\s*".join(re.escape(p) for p in f.split(" ")) if " " in f else re.escape(f))
    return "|".join(out)


@dataclass(frozen=True)
class _Tables:
    prefix_re: re.Pattern          # currency before a number, anchored at the end of a window
    unit_re: re.Pattern            # unit / currency after a number, anchored (match at pos)
    per_re: re.Pattern             # "per kg", "a share", "/hour", "/s2", " s-1" after a unit
    inverse_re: re.Pattern         # "s-1" right after a number: an inverse unit
    number_re: re.Pattern          # every number candidate in a text
    modifier_re: re.Pattern        # modifier right before a span, anchored at the end
    unit_forms: dict[str, tuple[str, str]]   # lower-cased form -> (canonical, label)
    symbol_forms: dict[str, tuple[str, str]]  # case-sensitive symbol -> (canonical, label)
    currency_prefix: dict[str, str]          # symbol/code as written -> ISO code
    number_words: dict[str, int]
    scale_words: dict[str, int]
    suffix_scales: dict[str, int]
    fraction_words: dict[str, int]
    ordinal_words: dict[str, int]
    multiplier_words: dict[str, int]
    modifiers: dict[str, str]
    vulgar: dict[str, float]
    per_units: dict[str, str]
    powers: dict[str, str]                   # exponent as written -> "square", "inverse", ...
    change_re: re.Pattern          # a word of change right before "X to Y"
    change_from_re: re.Pattern     # a word of change earlier in the clause than "from X to Y"
    temperature_units: frozenset[str]
    scaled_currency_re: re.Pattern | None   # "1.2 trillion won"
    scaled_currency: dict[str, str]
    minus_re: re.Pattern           # "minus" right before a number
    below_zero_re: re.Pattern      # "below zero" right after a temperature
    suffix_mod_re: re.Pattern      # "-odd", "-plus" right after a number
    suffix_modifiers: dict[str, str]
    identifier_before: frozenset[str]
    money_cues: frozenset[str]
    article_re: re.Pattern         # "a mile", "an acre", "a penny": one of the unit
    trigger_re: re.Pattern         # cheap scan for places where a number may start
    trigger_words: frozenset[str]  # lower-cased words that may start a number


def _check_list(where: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(f"{where} must be a list of strings")
    return value


def _check_numbers(key: str, table: dict) -> dict:
    out = {}
    for word, value in table.items():
        if word.startswith("_"):
            continue
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise _bad(f"{key}[{word!r}] must be a number, got {value!r}")
        out[word] = value
    return out


def unit_forms_singular(form: str, unit_forms: dict) -> str:
    """``form`` if it is not a derived plural of another form of the same unit."""
    for p_end, s_end in (("ies", "y"), ("es", ""), ("s", "")):
        if form.endswith(p_end) and form[: -len(p_end)] + s_end in unit_forms \
                and unit_forms[form[: -len(p_end)] + s_end] == unit_forms[form]:
            return form[: -len(p_end)] + s_end
    return form


def _check_entry(where: str, entry, allowed) -> None:
    """An entry of units.json is an object whose keys are all in ``allowed``."""
    if not isinstance(entry, dict):
        raise _bad(f"{where} must be an object")
    for k in entry:
        if k not in allowed:
            raise _bad(f"{where}: unknown key {k!r}; allowed: {', '.join(sorted(allowed))}")


@lru_cache(maxsize=1)
def load_tables() -> _Tables:
    """Read and check ``resources/units.json``; errors name the file and the bad key."""
    data = read_json(RESOURCE)
    if not isinstance(data, dict):
        raise _bad("expected a JSON object")
    for key in data:
        if key.startswith("_"):
            continue
        if key not in _RESOURCE_KEYS:
            raise _bad(f"unknown key {key!r}; allowed: {', '.join(_RESOURCE_KEYS)}")
    for key, kind in _RESOURCE_KEYS.items():
        if not isinstance(data.get(key), kind):
            raise _bad(f"key {key!r} is missing or not a {kind.__name__}")

    unit_forms: dict[str, tuple[str, str]] = {}
    symbol_forms: dict[str, tuple[str, str]] = {}
    currency_prefix: dict[str, str] = {}
    scaled_currency: dict[str, str] = {}  # "won": a currency only after a scale word
    name_forms: list[str] = []
    for code, entry in data["currencies"].items():
        _check_entry(f"currencies[{code!r}]", entry, _CURRENCY_KEYS)
        for s in _check_list(f"currencies[{code!r}].symbols", entry.get("symbols", [])):
            currency_prefix[s] = code
            symbol_forms[s] = (code, "MONEY")
        for c in _check_list(f"currencies[{code!r}].codes", entry.get("codes", [])):
            currency_prefix[c] = code
            symbol_forms[c] = (code, "MONEY")
            if len(c) == 3 and c.isupper():  # "30 MUSD": millions of USD
                symbol_forms["M" + c] = (code, "MONEY_M")
        for n in _check_list(f"currencies[{code!r}].names_after_scale", entry.get("names_after_scale", [])):
            scaled_currency[n.lower()] = code
        names = _check_list(f"currencies[{code!r}].names", entry.get("names", []))
        plurals = _check_list(f"currencies[{code!r}].plurals", entry.get("plurals", []))
        for n in names + plurals + [p for n in names for p in _plurals(n)]:
            unit_forms[n.lower()] = (code, "MONEY")
            name_forms.append(n.lower())
    for name, entry in data["units"].items():
        _check_entry(f"units[{name!r}]", entry, _UNIT_KEYS)
        label = entry.get("label", "QUANTITY")
        if label not in _UNIT_LABELS:
            raise _bad(f"units[{name!r}].label {label!r}; allowed: {', '.join(sorted(_UNIT_LABELS))}")
        for s in _check_list(f"units[{name!r}].symbols", entry.get("symbols", [])):
            symbol_forms.setdefault(s, (name, label))
        names = _check_list(f"units[{name!r}].names", entry.get("names", []))
        plurals = _check_list(f"units[{name!r}].plurals", entry.get("plurals", []))
        for n in names + plurals + [p for n in names for p in _plurals(n)]:
            unit_forms.setdefault(n.lower(), (name, label))
            name_forms.append(n.lower())

    per_words = {k: v for k, v in data["per_words"].items() if not k.startswith("_")}
    per_units = {k: v for k, v in data["per_units"].items() if not k.startswith("_")}
    for k, v in list(per_units.items()):
        if not isinstance(v, str):
            raise _bad(f"per_units[{k!r}] must be a string")
        for p in _plurals(k):
            per_units.setdefault(p, v)
    ctx = data["context_words"]
    for key in ("identifier_before", "money_cues", "no_article_units", "change_words", "temperature_units", "minus_words", "negative_after"):
        _check_list(f"context_words.{key}", ctx.get(key))
    powers: dict[str, str] = {}
    for name, forms in data["powers"].items():
        if name.startswith("_"):
            continue
        for f in _check_list(f"powers[{name!r}]", forms):
            powers[f] = name
    modifiers = {k: v for k, v in data["modifiers"].items() if not k.startswith("_")}
    for k, v in modifiers.items():
        if v not in BOUNDS:
            raise _bad(f"modifiers[{k!r}] = {v!r}; allowed: {', '.join(BOUNDS)}")

    number_words = _check_numbers("number_words", data["number_words"])
    scale_words = _check_numbers("scale_words", data["scale_words"])
    suffix_scales = _check_numbers("suffix_scales", data["suffix_scales"])
    fraction_words = _check_numbers("fraction_words", data["fraction_words"])
    ordinal_words = _check_numbers("ordinal_words", data["ordinal_words"])
    multiplier_words = _check_numbers("multiplier_words", data["multiplier_words"])
    vulgar = _check_numbers("vulgar_fractions", data["vulgar_fractions"])

    # --- regexes -------------------------------------------------------------------
    vulg = "".join(vulgar)
    digits = (
        r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"
        r"|\d{1,3}(?:,[ ]\d{3})+(?![\d,])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d/.,])|\d+)"
        r"(?:\.\d+)?"
    )
    # "9.83e-3", "3 x 10^8", "2.48×10−5", "3×10⁸", "8x2^10": a power of ten, or of another
    # base with a caret ("1920x1080" is no power)
    sci = r"(?:[eE][-−+]?\d+|\s?[x×·]\s?(?:10\^?[-−]\d+|10\^\d+|10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}\^[-−]?\d+))"
    digit_number = (
        rf"(?P<dig>(?P<mixed>\d{{1,3}}\s\d{{1,2}}/\d{{1,3}}(?![\d/]))"
        rf"|(?P<frac>\d{{1,3}}/\d{{1,3}}(?![\d/]))"
        rf"|(?P<plain>{digits}(?:[{vulg}])?{sci}?(?P<ord>st|nd|rd|th)?)"
        rf"|(?P<vulg>[{vulg}]))"
    )
    word_atoms = sorted(
        set(number_words) | set(scale_words) | {"dozen", "dozens", "hundreds", "thousands", "millions",
                                               "billions", "trillions", "tens"}
        | {w + s for w in fraction_words for s in ("", "s")} | {"halves"},
        key=len, reverse=True,
    )
    w = "|".join(re.escape(x) for x in word_atoms)
    word_number = (
        rf"(?P<word>(?:\b(?:an?|one)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen|half|quarter|third)\b))?"
        rf"\b(?:{w})\b(?:(?:\s*-\s*|\s+|\s*,\s+|\s+and\s+(?:a\s+)?|\s*&\s*)(?:{w})\b)*)"
    )
    ordinal = "|".join(re.escape(x) for x in sorted(ordinal_words, key=len, reverse=True))
    mult = "|".join(re.escape(x) for x in sorted(multiplier_words, key=len, reverse=True))
    number_re = re.compile(
        rf"(?P<sign>(?<![\w)])[-−+](?=\d))?{digit_number}"
        rf"|(?P<mult>\b(?:{mult})\b)"
        rf"|{word_number}"
        rf"|(?P<ordw>\b(?:{ordinal})\b)",
        re.IGNORECASE,
    )
    # units after a number: names (case-insensitive) and symbols (case-sensitive)
    names_alt = _alternation(name_forms)
    syms_alt = _alternation(symbol_forms)
    unit_re = re.compile(
        rf"(?P<sep>\s?-\s?|(?P<open>\s*[(\[{{<]\s*)|\s*)"
        rf"(?:(?P<name>(?i:{names_alt}))(?![\w])|(?P<sym>{syms_alt})(?![\w\d]|\^))"
        rf"(?(open)\s*[)\]}}>])"
    )
    prefix_alt = _alternation(currency_prefix)
    prefix_re = re.compile(rf"(?:^|(?<=[^\w$]))(?P<pre>{prefix_alt})\s?$|(?P<mult>(?<![A-Za-z])M)(?P<pre2>{prefix_alt})\s?$")
    per_alt = _alternation(per_units)
    pos_pow = _alternation(f for f, n in powers.items() if not n.startswith("inverse"))
    neg_pow = _alternation(f for f, n in powers.items() if n.startswith("inverse"))
    # "/s2": a denominator with a power; "m s-1", "kg·m-3": a denominator written as an inverse
    per_re = re.compile(
        rf"(?:(?:\s*/\s*|\s*-?\s*\bper\s+|\s*-\s*an?\s*-\s*|\s+an?\s+|-an?-)(?P<per>(?i:{per_alt}))(?P<pow>{pos_pow})?"
        rf"|(?:[ ·⋅])(?P<iper>{per_alt})(?P<ipow>{neg_pow}))(?![\w])"
        rf"(?!\s+(?i:earlier|ago|later|before|after)\b)",
    )
    # after a bare number only a symbol ("0.3 s-1"), not a word ("day-1": a name or a date)
    inverse_re = re.compile(rf"[ ]?(?P<iper>{_alternation(k for k in per_units if len(k) <= 3)})(?P<ipow>{neg_pow})(?![\w])")
    change_alt = "|".join(re.escape(w) for w in sorted(ctx["change_words"], key=len, reverse=True))
    change_re = re.compile(rf"\b(?:{change_alt})\s+(?:from\s+)?$|\bby\s+$", re.IGNORECASE)
    # a word of change anywhere in the clause before "from" (the clause ends at . ! ? ; or a line break)
    change_from_re = re.compile(rf"\b(?:{change_alt})\b[^.!?;\n]{{0,150}}?\bfrom\s+$", re.IGNORECASE)
    suffix_mods = {k.lower(): v for k, v in data["suffix_modifiers"].items() if not k.startswith("_")}
    for k, v in suffix_mods.items():
        if v not in BOUNDS:
            raise _bad(f"suffix_modifiers[{k!r}] = {v!r}; allowed: {', '.join(BOUNDS)}")
    suffix_mod_re = re.compile(rf"(?P<smod>(?i:{_alternation(suffix_mods)}))(?![\w-])")
    minus_alt = _alternation(ctx["minus_words"])
    minus_re = re.compile(rf"(?<!\bplus or )(?<!\bplus/)(?:^|(?<=\W))(?P<minus>(?i:{minus_alt}))\s+$")
    mod_alt = _alternation(modifiers)
    modifier_re = re.compile(rf"(?:^|(?<=\W))(?P<mod>(?i:{mod_alt}))\s+$")

    trigger_words = frozenset(
        {w.lower() for w in word_atoms} | {w.lower() for w in ordinal_words}
        | {w.lower().split("-")[0] for w in multiplier_words} | {"a", "an"})
    trigger_re = re.compile(rf"[-−+]?[\d{vulg}]|[A-Za-z]+")
    no_article = {w.lower() for w in ctx["no_article_units"]}
    article_names = [f for f in name_forms if unit_forms[f][0] not in no_article and f.split()[0] not in no_article
                     and unit_forms[f][1] in ("QUANTITY", "MONEY") and f == unit_forms_singular(f, unit_forms)]
    article_re = re.compile(rf"\b(?:[Aa]n?)\s+(?P<name>(?i:{_alternation(article_names)}))(?![\w-])")
    return _Tables(
        inverse_re=inverse_re, powers=powers, change_re=change_re, change_from_re=change_from_re,
        temperature_units=frozenset(ctx["temperature_units"]), minus_re=minus_re,
        scaled_currency=scaled_currency,
        scaled_currency_re=(re.compile(rf"\s+(?P<n>(?i:{_alternation(scaled_currency)}))(?![\w-])")
                            if scaled_currency else None),
        suffix_mod_re=suffix_mod_re, suffix_modifiers=suffix_mods,
        below_zero_re=re.compile(rf"\s+(?:{_alternation(ctx['negative_after'])})\b", re.IGNORECASE),
        trigger_re=trigger_re, trigger_words=trigger_words, article_re=article_re,
        prefix_re=prefix_re, unit_re=unit_re, per_re=per_re, number_re=number_re,
        modifier_re=modifier_re, unit_forms=unit_forms, symbol_forms=symbol_forms,
        currency_prefix=currency_prefix, number_words=number_words, scale_words=scale_words,
        suffix_scales=suffix_scales, fraction_words=fraction_words, ordinal_words=ordinal_words,
        multiplier_words=multiplier_words, modifiers={k.lower(): v for k, v in modifiers.items()},
        vulgar=vulgar, per_units={k.lower(): v for k, v in per_units.items()},
        identifier_before=frozenset(w.lower() for w in ctx["identifier_before"]),
        money_cues=frozenset(w.lower() for w in ctx["money_cues"]),
    )


# --------------------------------------------------------------------------- patterns

_SCALE_AFTER = re.compile(
    r"(?P<sep>\s?-\s?|\s+)(?P<scale>(?i:hundred|thousand|million|billion|trillion|lakh|crore|bn|mn|mln|tn|trn))(?![\w])"
)
_SUFFIX = re.compile(r"(?P<sfx>bn|mn|tn|trn|k|K|M|m|b|B|T)(?![A-Za-z0-9])")
_PLURAL_SCALE = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 1_000_000,
                 "billions": 1_000_000_000, "trillions": 1_000_000_000_000}
_OF_PLURAL = re.compile(r"\s+of\s+(?P<w>thousands|millions|billions|trillions)\b", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[ap]\.m\b)")
_CLOCK_VALUE = re.compile(r"^(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?$")
_PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"
    r"|\+\d{1,3}[\s.-]?\d{2,5}[\s.-]\d{3,4}[\s.-]?\d{3,4}"
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\b\d{3}-\d{4}\b|\b0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4}\b"
    r"|\b\d{2,}(?:-\d{2,}){2,}\b"
)
_CONNECTOR = re.compile(r"^\s*(?:-|–|—|[-–]?\s*to|through|and)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:^|(?<=\W))(?P<w>between|from)\s+$", re.IGNORECASE)
_BARE_NUMBER = re.compile(
    r"^(?:[\d.,\s]+|(?:a|an|and|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|half|quarter|third|[\s-])+)$",
    re.IGNORECASE,
)
_OR_GAP = re.compile(r"\s*,?\s*or\s+", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s*$", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"(?<![\w$])[A-Za-z][\w]*$|(?<![\w$])\w*[A-Za-z]\w*$")
_CODE_AFTER = re.compile(r"\s?[A-Za-z]{1,3}-?\d")
_ARTICLE_FRACTION = re.compile(r"(?i:an?)\s+(?P<w>(?i:half|quarter|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))")
_FRACTION_CONTEXT = re.compile(
    r"\s+of\b|\s*-?\s*(?i:hundred|thousand|million|billion|trillion|dozen|mile|kilometre|kilometer|"
    r"metre|meter|litre|liter|pound|kilo|kilogram|ton|tonne|inch|foot|acre|hectare|percent|per cent|point)", re.IGNORECASE)
_MILLION_NEXT = re.compile(
    r"\s+(?:of\b|(?:[A-Za-z]+\s+)?(?!hurdles\b)(?:[A-Za-z]+[^s\W]s|people|children|men|women)\b)")
_MONTH_AFTER = re.compile(
    r"\s+(?i:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b")
_CLOSE_AFTER = re.compile(r"\s?\)")
_YEAR = re.compile(r"1\d{3}|20\d{2}")
_OF_A_SCALE = re.compile(
    r"\s+(?:of\s+)?(?:an?|one)\s+(?P<scale>hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)
_SPACED_MINUS = re.compile(r"(?:^|(?<![\w-])(?P<w>[A-Za-z]+)\s|[(\[:]\s?)(?P<minus>[-−])\s$")
_POWER = re.compile(r"^([\d,.\s\u00a0\u202f]+?)\s?[x×·]\s?(10|\d{1,3}(?=\^))\^?(-?\d+)$")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 1000})
_TOLERANCE = re.compile(r"^\s*(?:±|\+/-|\+/−|\+-)\s*$")
_TITLE_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*|[\"“‘'(]\s*)$")
_BARE_SCALE = re.compile(r"(?i:hundred|thousand|million|billion|trillion|lakh|crore)\b")
_FEW_BEFORE = re.compile(r"\b(?i:several|few|many)\s+$")
_RANGING = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere)\s+from\s+$", re.IGNORECASE)
_ONE_IN = re.compile(r"\s+in\s+(?:\d|(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred|a thousand|a million)\b)")
_CENTS_GAP = re.compile(r"^\s+(?:and\s+)?$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+(?!more\b|less\b|cents?\b|pence\b)[A-Za-z]{2,}")
_AGE_AFTER = re.compile(r"\s+(?:old|of\s+age)\b", re.IGNORECASE)
_INCH_OK = re.compile(r"\s*(?:[.,;:)]|$|\s(?:thick|long|wide|tall|high|deep|diameter|across)\b)")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_PREV_WORD = re.compile(r"([#\w][\w.’']*)\W*$")
_DETERMINERS_BEFORE_ONE = frozenset(
    "the this no any every each another a an some someone no-one such last next".split())
_AFTER_ONE = frozenset("another anothers's ’s 's self".split())
_NAME_ENTS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PERSON"})
_OPEN_ENTS = frozenset({"NORP", "GPE", "LOC", "LANGUAGE"})
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    kind: str                 # "digit", "word", "ordinal", "mult"
    unit: str = ""
    label: str = "CARDINAL"
    surface_unit: str = ""
    scaled: bool = False
    bound: str = "exact"
    value_max: float | None = None
    approx_plural: bool = False   # "millions", "dozens": lower bound
    weak: bool = False            # "half" alone: kept only with a unit or scale
    age: bool = False
    num_end: int = 0              # end of the number itself (before scale/unit)
    scale: float = 1.0            # the scale factor applied ("million" -> 1e6)
    before_suffix: int = 0        # end before a suffix modifier ("30" of "30-odd"), if any


def _num(v: float) -> int | float:
    # 15 significant digits (what a float holds), not a fixed number of decimals:
    # "6.6e-34" stays 6.6e-34; 0.1 + 0.2 is 0.3
    v = float(f"{float(v):.15g}")
    if v.is_integer() and abs(v) < 1e18:
        return int(v)
    return v


def _parse_digits(s: str, t: _Tables) -> float | None:
    s = s.replace("−", "-")
    vf = 0.0
    if s and s[-1] in t.vulgar:
        vf = t.vulgar[s[-1]]
        s = s[:-1]
        if not s:
            return vf
    m = _POWER.match(s.translate(_SUPERSCRIPTS))
    if m:
        try:
            return float(m.group(1).replace(",", "").replace(" ", "")) * float(m.group(2)) ** int(m.group(3))
        except OverflowError:
            return math.inf
    clean = re.sub(r"[,\s\u00a0\u202f]", "", s)
    try:
        return float(clean) + vf
    except ValueError:
        return None


def _tokens_of_run(run: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(0).lower(), offset + m.start(), offset + m.end())
            for m in re.finditer(r"[A-Za-z]+|&|,", run)]


def _parse_words(run: str, offset: int, t: _Tables) -> list[_Atom]:
    """Split a run of number words into numbers: 'a hundred and two' -> 102;
    'two and a half' -> 2.5; 'two thirds' -> 0.667; 'one' 'two' (no joint) -> two numbers."""
    toks = _tokens_of_run(run, offset)
    out: list[_Atom] = []
    i, n = 0, len(toks)
    nw, sw, fw = t.number_words, t.scale_words, t.fraction_words
    while i < n:
        w, s, _ = toks[i]
        if w in ("and", "&", ","):
            i += 1
            continue
        if w in _PLURAL_SCALE:
            val = _PLURAL_SCALE[w]
            end = toks[i][2]
            out.append(_Atom(s, end, val, "word", approx_plural=True, num_end=end))
            i += 1
            continue
        total, cur, last, j, has, frac = 0.0, 0.0, None, i, False, False
        prev_last = None
        end = s
        while j < n:
            w, ws, we = toks[j]
            nxt = toks[j + 1][0] if j + 1 < n else None
            if w in ("a", "an"):
                if last not in (None, "and"):
                    break
                cur, last = (cur + 1 if last is None else cur), ("a" if last is None else "and_a")
            elif w in nw:
                v = nw[w]
                if last is None:
                    cur = v
                elif last == "tens" and v < 10 and cur % 10 == 0:
                    cur += v
                elif last in ("hundred", "and", "scale", "comma") and cur % 100 == 0:
                    if last == "and" and prev_last not in ("hundred", "scale"):
                        break
                    cur += v
                else:
                    break
                last = "tens" if v >= 20 else "unit"
                has, end = True, we
            elif w in ("hundred",):
                if last not in (None, "unit", "tens", "a"):
                    break
                cur = (cur or 1) * 100
                last, has, end = "hundred", True, we
            elif w in sw and w != "hundred":
                if last not in (None, "unit", "tens", "hundred", "a", "frac"):
                    break
                total = total + (cur or 1) * sw[w] if not (total and sw[w] > 1000 and total < sw[w]) \
                    else (total + (cur or 0)) * sw[w]
                cur = 0
                last, has, end = "scale", True, we
            elif w in ("dozen",):
                if last not in ("unit", "tens", "a"):
                    break
                cur = (cur or 1) * 12
                last, has, end = "unit", True, we
            elif w in fw or (w.endswith("s") and w[:-1] in fw) or w == "halves":
                base = "half" if w in ("halves", "half") else (w if w in fw else w[:-1])
                den = fw[base]
                if last == "and_a":
                    cur = cur + 1 / den
                    last, has, end, frac = "frac", True, we, True
                elif last in ("unit", "tens", "a") and not frac and not (w == base and base not in ("half", "quarter") and cur > 1):
                    if last == "a":
                        cur = 1 / den
                    else:
                        cur = cur / den
                    last, has, end, frac = "frac", True, we, True
                elif last is None and nxt in sw and base in ("half", "quarter"):
                    cur = 1 / den
                    last, has, end, frac = "frac", True, we, True
                elif last is None:
                    if base in t.ordinal_words and base == w:
                        out.append(_Atom(ws, we, t.ordinal_words[base], "ordinal", label="ORDINAL", num_end=we))
                        j += 1
                        i = j
                        last = "done"
                        break
                    if base in ("half", "quarter") and w == base:
                        out.append(_Atom(ws, we, 1 / den, "word", weak=True, num_end=we))
                        j += 1
                        i = j
                        last = "done"
                        break
                    break
                else:
                    break
            elif w in ("and", "&"):
                if last not in ("hundred", "scale", "unit", "tens") or nxt is None:
                    break
                if nxt in ("a", "an") or nxt in nw:
                    if nxt in nw and last in ("unit", "tens"):
                        break
                    prev_last, last = last, "and"
                else:
                    break
            elif w == ",":
                if last != "scale" or nxt is None or (nxt not in nw and nxt != "hundred"):
                    break
                prev_last, last = last, "comma"
            else:
                break
            j += 1
        if last == "done":
            continue
        if not has:
            i = max(j, i + 1)
            continue
        val = total + cur
        out.append(_Atom(s, end, val, "word", num_end=end))
        # continue after the last consumed token of this number
        k = i
        while k < n and toks[k][2] <= end:
            k += 1
        i = k
    return out


def _unit_after(text: str, pos: int, atom: _Atom, t: _Tables) -> re.Match | None:
    """The unit written right after a number, or None; checks the readings that
    need context (single letters, 'in', '"', am/pm)."""
    m = t.unit_re.match(text, pos)
    if not m:
        return None
    sep = m.group("sep")
    sym = m.group("sym")
    if sym is not None:
        attached = sep == ""
        if "-" in sep and len(sym) <= 2:
            return None
        if atom.kind != "digit" and len(sym) <= 2 and sym not in ("%",):
            return None
        if sym == "in":
            # "6in" is inches; "2 in" only before punctuation or a dimension word ("2 in thick")
            if atom.kind != "digit" or not (attached or _INCH_OK.match(text, m.end())):
                return None
        elif sym == '"':
            if text.count('"', 0, pos) % 2 or not (attached or _INCH_OK.match(text, m.end())):
                return None
        elif sym in ("am", "pm"):
            if _CLOCK_VALUE.match(text[atom.start:atom.num_end].lstrip("+-−")):
                return None
        elif len(sym) == 1 and sym.isalpha():
            # a lone letter is a unit only when written against the number, or before
            # punctuation / a lower-case word ("30 C outside", not "23456 F Block")
            if not attached:
                rest = text[m.end():m.end() + 3]
                if rest[:1] == "." and rest[1:2].isalnum():
                    return None
                nxt = re.match(r"\s*(\S)", text[m.end():m.end() + 4])
                if nxt and nxt.group(1).isupper():
                    return None  # "23456 F Block"
                if t.symbol_forms[sym][1] == "MONEY":
                    return None  # pence are written "50p"; "page 5 p 12" is none
            if text[m.end():m.end() + 1] in ("-", "−") and text[m.end() + 1:m.end() + 2].isdigit():
                return None
    return m


def _money_context(text: str, start: int, end: int, t: _Tables) -> bool:
    window = text[max(0, start - 120):end + 60].lower()
    return any(w in t.money_cues for w in re.findall(r"[a-z£]+", window)) or "£" in window


def _number_matches(text: str, t: _Tables):
    """``number_re`` matches, tried only where a digit or a number word starts (the full
    pattern at every position of the text would cost more than the rest of the finder)."""
    last = 0
    match = t.number_re.match
    words = t.trigger_words
    for h in t.trigger_re.finditer(text):
        pos = h.start()
        if pos < last:
            continue
        g = h.group()
        if g[0].isalpha():
            if g.lower() not in words or (pos and text[pos - 1].isalpha()):
                continue
        m = match(text, pos)
        if m is None and g[0] in "-−+":
            m = match(text, pos + 1)
        if m is not None and m.end() > m.start():
            last = m.end()
            yield m


def _build_atoms(text: str, t: _Tables) -> list[_Atom]:
    atoms: list[_Atom] = []
    n = len(text)
    for m in _number_matches(text, t):
        if m.group("dig") is not None:
            s, e = m.start(), m.end()
            raw = m.group("dig")
            if m.group("ord"):
                if s > 0 and text[s - 1].isalnum():
                    continue
                v = _parse_digits(raw[: -2], t)
                if v is None:
                    continue
                atoms.append(_Atom(s, e, v, "ordinal", label="ORDINAL", num_end=e))
                continue
            if m.group("mixed"):
                whole, fr = raw.split()
                a, b = fr.split("/")
                if int(b) == 0 or int(a) >= int(b):
                    continue
                v = int(whole) + int(a) / int(b)
            elif m.group("frac"):
                a, b = raw.split("/")
                # "9/11", "5/12": a fraction has a numerator of 1 or a common denominator
                if int(b) == 0 or int(a) >= int(b) or int(b) < 2 or (int(a) != 1 and int(b) not in _DENOMINATORS):
                    continue
                v = int(a) / int(b)
            else:
                v = _parse_digits(raw, t)
                if v is None:
                    continue
            if m.group("sign"):
                v = -v
            atoms.append(_Atom(s, e, v, "digit", num_end=e))
        elif m.group("mult") is not None:
            w = m.group("mult").lower()
            atoms.append(_Atom(m.start(), m.end(), t.multiplier_words[w], "mult", unit="times",
                               surface_unit=m.group("mult"), num_end=m.end()))
        elif m.group("word") is not None:
            for a in _parse_words(m.group("word"), m.start("word"), t):
                if a.kind == "word":
                    a.num_end = a.end
                    fa = _ARTICLE_FRACTION.match(text, a.start, a.end)
                    if fa and fa.end() == a.end and not _FRACTION_CONTEXT.match(text, a.end):
                        # "a third bid", "a third-person game": an ordinal, not 1/3
                        w = fa.group("w").lower()
                        if w in t.ordinal_words:
                            atoms.append(_Atom(fa.start("w"), a.end, t.ordinal_words[w], "ordinal",
                                               label="ORDINAL", num_end=a.end))
                            continue
                        a.weak = True  # "a half turn" keeps a unit; "a half-hour" is the dates'
                    if _BARE_SCALE.match(text, a.start) and not _FEW_BEFORE.search(text, max(0, a.start - 12), a.start):
                        continue  # "hundred" alone is a number only as "several hundred", "a few hundred"

                atoms.append(a)
        elif m.group("ordw") is not None:
            w = m.group("ordw").lower()
            atoms.append(_Atom(m.start(), m.end(), t.ordinal_words[w], "ordinal", label="ORDINAL",
                               num_end=m.end()))
    if "a " in text or "A " in text or "an " in text or "An " in text:
        for m in t.article_re.finditer(text):
            canon, label = t.unit_forms[re.sub(r"\s+", " ", m.group("name").lower())]
            atoms.append(_Atom(m.start(), m.end(), 1, "article", unit=canon, label=label,
                               surface_unit=m.group("name"), num_end=m.start("name")))
        atoms.sort(key=lambda a: a.start)
    out: list[_Atom] = []
    for a in atoms:
        if out and a.start < out[-1].end:
            continue  # already read as part of the previous number ("1.1 million")
        if a.kind in ("ordinal", "mult", "article"):
            out.append(a)
            continue
        if a.kind == "digit":
            # identifiers: letters glued before ("G20", "i7") unless a currency code ("USD115")
            if a.start > 0 and (text[a.start - 1].isalpha() or text[a.start - 1] in "_/.") \
                    and not t.prefix_re.search(text, max(0, a.start - 8), a.start):
                if not (text[a.start - 1] == "." and a.start > 1 and not text[a.start - 2].isalnum()):
                    continue
            if a.start > 1 and text[a.start - 1] in ",.:" and text[a.start - 2].isdigit():
                continue
            # "COVID-19", "F-16", "OAO-1", "fb−1": letters, a hyphen, digits
            if a.start > 1 and text[a.start - 1] in "-−" and _CODE_BEFORE.search(text, max(0, a.start - 20), a.start - 1):
                continue
            cm = _CODE_AFTER.match(text, a.end)
            if cm and not t.inverse_re.match(text, a.end):
                um = t.unit_re.match(text, a.end)
                if not um or um.end() < cm.end() or (um.end() < n and text[um.end()].isalnum()):
                    continue
            if a.start > 1 and text[a.start - 1] in "+^" and text[a.start - 2].isalnum():
                continue
            if a.start > 0 and text[a.start - 1] == "#" and text[a.start - 2:a.start - 1] == "&":
                continue  # an HTML character reference "&#244;"
            if text[a.end:a.end + 2][:1] in (":",) and text[a.end + 1:a.end + 2].isdigit():
                continue
            if text[a.end:a.end + 1] == "." and text[a.end + 1:a.end + 2].isdigit():
                continue
        pos = a.end
        # plural scale word after "tens of thousands"
        if a.approx_plural:
            mo = _OF_PLURAL.match(text, pos)
            if mo:
                a.value *= _PLURAL_SCALE[mo.group("w").lower()]
                a.end = pos = mo.end()
            a.bound = "lower"
        if a.kind == "word" and 0 < a.value < 1:
            mo = _OF_A_SCALE.match(text, pos)
            if mo:  # "a quarter of a million", "half a dozen": a fraction of a scale
                f = t.scale_words.get(mo.group("scale").lower(), _PLURAL_SCALE["dozens"])
                a.value, a.scale, a.scaled, a.weak = a.value * f, a.scale * f, True, False
                a.end = pos = mo.end()
        prefix = t.prefix_re.search(text, max(0, a.start - 10), a.start) if a.kind == "digit" else None
        if prefix and out and prefix.start() < out[-1].end:
            prefix = None
        code = None
        if prefix:
            p = prefix.group("pre") or prefix.group("pre2")
            code = t.currency_prefix[p]
            if prefix.group("mult"):
                a.value *= 1_000_000
                a.scale *= 1_000_000
                a.scaled = True
            a.start = prefix.start()
            a.surface_unit = p
        # a scale written against the digits: "20k", "$4bn", "€10M"
        if a.kind == "digit":
            ms = _SUFFIX.match(text, pos)
            if ms:
                sfx = ms.group("sfx")
                money_next = t.unit_re.match(text, ms.end())
                is_money_next = bool(money_next and (money_next.group("name") or money_next.group("sym"))
                                     and t.unit_forms.get((money_next.group("name") or "").lower(),
                                                          t.symbol_forms.get(money_next.group("sym") or "", ("", "")))[1] == "MONEY")
                if sfx in ("m", "b", "T") and not (code or is_money_next):
                    # "1.6m Muslims", "1.1m of them": millions; "800m", "a 100m sprint": metres
                    if not (sfx == "m" and _MILLION_NEXT.match(text, ms.end())):
                        ms = None
                if ms:
                    a.value *= t.suffix_scales[sfx]
                    a.scale *= t.suffix_scales[sfx]
                    a.scaled = True
                    a.end = pos = ms.end()
            elif pos < n and text[pos].isalpha():
                # glued letters: a unit symbol, else an identifier ("24703L202", "11a")
                um = _unit_after(text, pos, a, t)
                if not um or (um.end() < n and text[um.end()].isalnum()):
                    continue
        # a scale word: "1.1 million", "25-million"
        if a.kind == "digit" and not a.scaled:
            ms = _SCALE_AFTER.match(text, pos)
            if ms:
                a.value *= t.scale_words[ms.group("scale").lower()]
                a.scale *= t.scale_words[ms.group("scale").lower()]
                a.scaled = True
                a.end = pos = ms.end()
        # "30-odd", "1,200-plus": a bound written after the number
        if a.kind in ("digit", "word"):
            mb = t.suffix_mod_re.match(text, pos)
            if mb:
                a.bound = t.suffix_modifiers[mb.group("smod").lower()]
                a.before_suffix, a.end = pos, mb.end()
                pos = a.end
        # "1.2 trillion won": a currency name read as one only after a scale word
        if a.scaled and not code and t.scaled_currency_re is not None:
            mc = t.scaled_currency_re.match(text, pos)
            if mc:
                a.unit, a.label, a.surface_unit = t.scaled_currency[mc.group("n").lower()], "MONEY", mc.group("n")
                a.end = pos = mc.end()
        # unit / currency after
        um = _unit_after(text, pos, a, t) if not a.unit else None
        if um:
            form = um.group("name")
            if form is not None:
                canon, label = t.unit_forms[re.sub(r"\s+", " ", form.lower())]
                if form[:1].isupper() and canon == canon.lower() and _TITLE_WORD_AFTER.match(text, um.end()) \
                        and a.start > 0 \
                        and not _SENTENCE_START.search(text, max(0, a.start - 3), a.start):
                    continue  # "21 Grams actress": a capitalised unit inside a title
            else:
                canon, label = t.symbol_forms[um.group("sym")]
            if canon == "pound":
                if a.scaled or _money_context(text, a.start, um.end(), t):
                    canon, label = "GBP", "MONEY"
            if label == "MONEY_M":
                a.value *= 1_000_000
                a.scale *= 1_000_000
                a.scaled = True
                label = "MONEY"
            if code and (label != "MONEY" or um.group("sym") is not None or canon != code):
                um = None
            else:
                a.unit, a.label = canon, label
                a.surface_unit = (a.surface_unit + " " if a.surface_unit else "") + (form or um.group("sym"))
                a.end = pos = um.end()
        if code and not a.unit:
            a.unit, a.label = code, "MONEY"
        if not a.unit and a.kind == "digit":
            mi = t.inverse_re.match(text, pos)
            if mi:  # "a rate of 0.3 s-1"
                a.unit, a.label, a.surface_unit = _inverse_unit(mi, t), "QUANTITY", mi.group().strip()
                a.end = pos = mi.end()
        # "75 USD million"
        if a.label == "MONEY" and not a.scaled and a.kind == "digit":
            ms = _SCALE_AFTER.match(text, pos)
            if ms:
                a.value *= t.scale_words[ms.group("scale").lower()]
                a.scale *= t.scale_words[ms.group("scale").lower()]
                a.scaled = True
                a.end = pos = ms.end()
        # a rate: "$5 a share", "km/h", "15% per annum"
        if a.unit and a.unit != "times" or a.label == "MONEY":
            mp = t.per_re.match(text, pos)
            if mp:
                per = _denominator(mp, t)
                if a.label != DURATION:
                    a.unit = f"{a.unit} per {per}"
                    a.end = pos = mp.end()
        if a.label == DURATION and _AGE_AFTER.match(text, pos):
            a.age = True
        if a.value > 0 and a.kind in ("digit", "word") and not code:
            mm = t.minus_re.search(text, max(0, a.start - 20), a.start)
            if mm:  # "minus 20 degrees", "growth of minus 0.5%"; not "plus or minus 2 mm"
                a.value, a.start = -a.value, mm.start("minus")
            elif a.unit in t.temperature_units and a.kind == "digit":
                ms = _SPACED_MINUS.search(text, max(0, a.start - 30), a.start)
                if ms and (ms.group("w") is None or (ms.group("w").islower() and ms.group("w") not in t.unit_forms)):
                    a.value, a.start = -a.value, ms.start("minus")  # "fell to - 20 degrees"
        if a.unit in t.temperature_units and a.value > 0:
            mz = t.below_zero_re.match(text, pos)
            if mz:  # "5 degrees below zero"
                a.value, a.end = -a.value, mz.end()
        if a.weak and not (a.unit or a.scaled):
            ms = _SCALE_AFTER.match(text, pos)
            if not ms:
                continue
        out.append(a)
    return out


def _denominator(m: re.Match, t: _Tables) -> str:
    """The denominator of a rate as a unit name: '/h' -> 'hour', '/s2' -> 'square second',
    ' s-1' -> 'second', ' m-3' -> 'cubic metre'."""
    word, power = (m.group("per"), m.group("pow")) if m.group("per") is not None else (m.group("iper"), m.group("ipow"))
    per = t.per_units[re.sub(r"\s+", " ", word.lower())]
    name = t.powers.get(power or "", "").removeprefix("inverse").strip()
    return f"{name} {per}" if name else per


def _inverse_unit(m: re.Match, t: _Tables) -> str:
    """'s-1' -> 'inverse second', 'm-2' -> 'inverse square metre'."""
    per = t.per_units[m.group("iper").lower()]
    return f"{t.powers[m.group('ipow')]} {per}"


def _merge_ranges(text: str, atoms: list[_Atom], t: _Tables) -> list[_Atom]:
    atoms = sorted(atoms, key=lambda a: a.start)
    for k in range(len(atoms) - 2, -1, -1):
        a, b = atoms[k], atoms[k + 1]
        if (not a.unit and a.kind == "digit" and b.unit and b.label in ("QUANTITY", "PERCENT")
                and _LIST_GAP.match(text, a.end, b.start) and not _BETWEEN.search(text, max(0, a.start - 40), a.start)):
            a.unit, a.label = b.unit, b.label
        elif (not a.unit and a.kind in ("digit", "word") and b.label == DURATION
              and _OR_GAP.fullmatch(text, a.end, b.start)):
            a.unit, a.label = b.unit, b.label  # "two or three years": both are durations (dates')
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end:b.start]
            # "75 -300mm": a minus right after a number is a dash
            if (gap.strip() == "" and b.kind == "digit" and b.value < 0 and a.kind == "digit"
                    and text[b.start:b.start + 1] in "-−" and not a.unit):
                b.value = -b.value
                gap = gap + "-"
            # "2,000.45 ± 0.01 pounds", "9.83 +/- 0.01 km": a tolerance; the unit is the value's
            if _TOLERANCE.match(gap) and not a.unit and a.kind == "digit" and b.kind == "digit":
                a.unit, a.label, a.surface_unit, a.end = b.unit, b.label, b.surface_unit, b.end
                out.append(a)
                i += 2
                continue
            # "3 dollars 50 cents", "thirteen dollars and forty-five", "15 USD 50"
            if (a.label == "MONEY" and a.unit not in ("cent", "penny") and not a.scaled and a.value_max is None
                    and _CENTS_GAP.match(gap) and b.unit in ("", "cent", "penny") and not b.scaled
                    and float(b.value).is_integer() and 0 < b.value < 100
                    and not _WORD_AFTER.match(text, b.end)):
                a.value = a.value + b.value / 100
                a.end = b.end
                out.append(a)
                i += 2
                continue
            ok = (
                a.kind not in ("ordinal", "mult") and b.kind not in ("ordinal", "mult")
                and not a.approx_plural and not b.approx_plural
                and _CONNECTOR.match(gap)
                and (not a.unit or not b.unit or a.unit == b.unit or b.unit.startswith(a.unit + " per "))
            )
            if ok:
                word = gap.strip().lower()
                before = text[max(0, a.start - 40):a.start]
                between = _BETWEEN.search(before)
                if word == "and" and not (between and between.group("w").lower() == "between"):
                    ok = False
                elif word.endswith(("to", "through")) and t.change_re.search(before):
                    ok = False
                elif (word.endswith("to") and between and between.group("w").lower() == "from"
                      and not _RANGING.search(text, max(0, a.start - 40), a.start)
                      and t.change_from_re.search(text, max(0, a.start - 160), a.start)):
                    # "revised from 157,000 to 133,000", "cut last year from 5% to 3%": a change;
                    # "zones from 7 to 10", "ranging from 5 to 10": a range
                    ok = False
                elif not (a.unit or b.unit) and not b.value > a.value:
                    ok = False  # "won 3-1", "an eight to one majority": a score or a ratio
                elif a.value < 0 and word == "-" and not gap.strip() == gap:
                    pass
            if ok:
                lo, hi = a.value, b.value
                if b.scale > 1 and a.scale == 1 and a.kind == "digit" and a.value <= b.value / b.scale:
                    lo = a.value * b.scale
                merged = _Atom(a.start, b.end, min(lo, hi), a.kind, unit=b.unit or a.unit,
                               label=b.label if b.unit else a.label,
                               surface_unit=b.surface_unit or a.surface_unit, scaled=a.scaled or b.scaled,
                               bound="range", value_max=max(lo, hi), age=b.age, num_end=b.num_end)
                if between and between.group("w").lower() == "between":
                    merged.start = between.start() + max(0, a.start - 40)
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _counted_noun(tok) -> str:
    """The noun a number counts: '20,000 researchers', 'millions of sensors', '1 of 15 parks'."""
    head = tok.head
    seen = 0
    while head.i != tok.i and head.pos_ == "NUM" and seen < 3 and head.i > tok.i:
        head, seen = head.head, seen + 1
    if head.i > tok.i and head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod"):
        return head.text.lower()
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    if pobj.lower_ in ("number", "total", "lot", "group", "handful", "couple"):
                        for c2 in pobj.children:
                            if c2.dep_ == "prep" and c2.lower_ == "of":
                                for p2 in c2.children:
                                    if p2.dep_ == "pobj":
                                        return p2.text.lower()
                    return pobj.text.lower()
    return ""


def find_quantities(
    doc: Doc,
    *,
    date_spans: Iterable[tuple[int, int]] | None = None,
    include_dates: bool = False,
) -> list[dict]:
    """Every quantity in ``doc`` as a record (offsets into ``doc.text``).

    ``date_spans``: (start, end) of the date records; numbers overlapping one are left to
    the dates component. ``None`` reads ``doc._.dates`` (falling back to the model's
    DATE/TIME entities when the dates component has not run).
    ``include_dates``: keep durations, ages and years too (for benchmarks that count
    them as quantities); the pipeline never sets it.
    """
    t = load_tables()
    text = doc_text(doc)
    if date_spans is None:
        recs = doc._.dates if Doc.has_extension("dates") else None
        if recs is not None:
            # a record the dates component could not normalise whose text is only a
            # number ("The answer is 42") is the model's DATE guess, not a date
            date_spans = [(r["start_char"], r["end_char"]) for r in recs
                          if r.get("normalized") or not _BARE_NUMBER.match(r.get("text", ""))]
            soft = {(r["start_char"], r["end_char"]) for r in recs if not r.get("normalized")}
        else:
            date_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
            soft = set()
    else:
        soft = set()
    dates = [] if include_dates else sorted(date_spans)
    atoms = _merge_ranges(text, _build_atoms(text, t), t)
    if not atoms:
        return []
    has_parse = bool(len(doc) and doc[0].dep)  # has_annotation() walks every token
    records = []
    last_count: tuple[int, str] | None = None  # (sentence start, unit_noun) of the last count
    for a in atoms:
        if not (math.isfinite(a.value) and (a.value_max is None or math.isfinite(a.value_max))):
            continue  # "1e999", a run of 400 digits: no number a reader can use
        # A number inside a date record belongs to dates. Not inside: a number that runs
        # past the record ("[a quarter] million dollars"), a record in the unit part
        # ("200 km [per hour]"), and a record the dates component could not normalise when
        # the number has a unit that is not time ("200lbs").
        ns, ne = a.start, a.end
        if any(s <= ns and a.num_end <= e
               and not ((s, e) in soft and a.unit and a.label != DURATION) for s, e in dates):
            continue
        # "2013-14": the second half of a date range
        if a.start > 1 and text[a.start - 1] in "-–" and any(e == a.start - 1 for _, e in dates):
            continue
        if a.kind == "digit" and _in_phone_number(text, a):
            continue
        numtext = text[a.start:a.num_end]
        if a.label == DURATION and not include_dates:
            continue
        # clock times: "2 pm", "at 2.13 am"
        if a.kind == "digit" and not a.unit and _CLOCK_AFTER.match(text, a.end) \
                and _CLOCK_VALUE.match(numtext.lstrip("+-−")):
            continue
        # years: a bare four-digit integer, or a span of them ("2001-2003")
        if (not include_dates and a.kind == "digit" and not a.unit and a.bound == "range"
                and all(_YEAR.fullmatch(x) for x in re.findall(r"\d+", text[a.start:a.end]))):
            continue
        if (not include_dates and a.kind == "digit" and not a.unit and a.bound != "range"
                and _YEAR.fullmatch(numtext)):
            nsp = doc.char_span(a.start, a.end, alignment_mode="expand")
            nt = doc[nsp.end] if nsp is not None and nsp.end < len(doc) else None
            if not (nt is not None and nt.tag_ == "NNS"):
                continue
        # "1 ) explains ...; 2 ) cautions": list markers
        if (a.kind == "digit" and not a.unit and _CLOSE_AFTER.match(text, a.end)
                and "(" not in text[max(0, a.start - 40):a.start]):
            continue
        prev = _prev_word(text, a.start)
        if prev in t.identifier_before and a.kind != "ordinal" and not a.unit:
            continue
        if (a.kind == "digit" and not a.unit and float(a.value).is_integer() and 1 <= a.value <= 31
                and (a.value_max is None or a.value_max <= 31) and _MONTH_AFTER.match(text, a.end)):
            continue
        # "oct. 13", "may 19": a day of a month the dates component did not take
        if (a.kind == "digit" and not a.unit and prev.rstrip(".") in _MONTHS and a.value_max is None
                and float(a.value).is_integer() and 1 <= a.value <= 31):
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        first_tok = span[0] if span is not None and len(span) else None
        last_tok = span[-1] if span is not None and len(span) else None
        word0 = text[a.start:a.num_end]
        if a.kind == "word" and word0.lower() == "one":
            nxt = _WORD.match(text, _next_nonspace(text, a.end))
            if prev in _DETERMINERS_BEFORE_ONE or (nxt and nxt.group(0).lower() in _AFTER_ONE) \
                    or text[a.end:a.end + 2] in ("'s", "’s"):
                continue
        if first_tok is not None and last_tok is not None and _inside_name(doc, a, first_tok, last_tok, text):
            continue
        unit_noun = ""
        if not a.unit and a.label in ("CARDINAL", "ORDINAL") and has_parse and last_tok is not None:
            noun_tok = last_tok
            if a.before_suffix:  # "30-odd people": the noun counts the number, not "odd"
                ns = doc.char_span(a.start, a.before_suffix, alignment_mode="expand")
                noun_tok = ns[-1] if ns is not None and len(ns) else last_tok
            unit_noun = _counted_noun(noun_tok)
        if a.kind == "word" and word0.lower() == "one" and not (a.unit or a.scaled or unit_noun):
            # the pronoun "one" ("projects such as one at the Centre") is no number unless
            # the model counts it or "of" follows ("one of the computers")
            nxt = _WORD.match(text, _next_nonspace(text, a.end))
            if not ((nxt and nxt.group(0).lower() == "of")
                    or _ONE_IN.match(text, a.end)
                    or (first_tok is not None and first_tok.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY"))):
                continue
        if (has_parse and a.kind != "ordinal" and not a.unit and last_tok is not None
                and a.label == "CARDINAL"):
            sent_start = last_tok.sent.start
            nxt = doc[last_tok.i + 1] if last_tok.i + 1 < len(doc) else None
            if unit_noun:
                last_count = (sent_start, unit_noun)
            elif (last_count and last_count[0] == sent_start
                  and not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"))):
                # "staff from over 50 countries and students from more than 70"
                unit_noun = last_count[1]
        label = a.label
        unit = a.unit
        if label == DURATION:
            label = "DATE"
            if a.age:
                unit = f"{unit} of age"
        if label not in LABELS and label != "DATE":
            label = "QUANTITY"
        bound = a.bound
        start = a.start
        mm = t.modifier_re.search(text, max(0, start - 25), start)
        if mm:
            start = mm.start("mod")
            if bound == "exact":
                bound = t.modifiers[re.sub(r"\s+", " ", mm.group("mod").lower())]
        records.append({
            "start_char": start,
            "end_char": a.end,
            "text": text[start:a.end],
            "label": label,
            "value": _num(a.value),
            "unit": unit,
            "value_max": None if a.value_max is None else _num(a.value_max),
            "bound": bound,
            "unit_noun": unit_noun,
            "surface_unit": a.surface_unit,
        })
    return records


TEXT_KEY = "extract.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` (spaCy rebuilds it from every token on each
    access, which costs more than this whole component's regexes)."""
    text = doc.user_data.get(TEXT_KEY)
    n = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if not isinstance(text, str) or len(text) != n:  # absent, or copied from another Doc
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def _in_phone_number(text: str, a: _Atom) -> bool:
    """Whether the number is part of a phone number (searched around it only: cheap)."""
    lo = max(0, a.start - 24)
    for m in _PHONE.finditer(text, lo, min(len(text), a.end + 24)):
        if m.start() < a.end and a.start < m.end():
            return True
    return False


def _next_nonspace(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _inside_name(doc: Doc, a: _Atom, first, last, text: str) -> bool:
    """A number that is part of a name: inside a name entity ('Group of 20', 'G20'),
    right after a capitalised word that is not a sentence start ('Voyager 2'), or
    before a capitalised word that no entity claims ('1000 Talents', 'One Belt')."""
    if a.kind == "word" and last.i + 1 < len(doc):
        # "Million Dollar Baby", "One Belt": capitalised number words inside a title
        # (at a sentence start only when a later word of it is capitalised too)
        words = [w for w in doc[first.i:last.i + 1] if w.is_alpha]
        nxt = doc[last.i + 1]
        if (all(w.text[:1].isupper() for w in words) and nxt.is_title and nxt.is_alpha
                and (not first.is_sent_start or len(words) > 1)):
            return True
    if a.unit and a.label != "CARDINAL":
        return False
    ent = first.ent_type_
    if ent in _NAME_ENTS:
        # lower-case words opening the name ('the first Group of 20') are not part of it
        ent_span = next((e for e in doc.ents if e.start <= first.i < e.end), None)
        if ent_span is not None:
            lead = first.i == ent_span.start or (first.i == ent_span.start + 1 and doc[ent_span.start].lower_ in ("the", "a", "an"))
            if not (lead and first.text.islower()):
                return True
    if a.kind == "ordinal" or a.unit:
        return False
    if first.i > 0 and (a.kind == "digit" or (a.kind == "word" and first.is_title)):
        p = doc[first.i - 1]
        if (p.text[:1].isupper() and p.is_alpha and not p.is_sent_start and p.lower_ not in _MONTHS
                and p.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY")):
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if nxt is None or not (nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")):
                return True
    if last.i + 1 < len(doc):
        nxt = doc[last.i + 1]
        if (nxt.is_title and nxt.is_alpha and nxt.ent_type_ not in _OPEN_ENTS and nxt.lower_ not in _MONTHS
                and not nxt.is_sent_start and (a.kind == "digit" or not first.is_sent_start)):
            if a.kind == "digit" or first.text[:1].isupper():
                return True
    return False


def find_quantities_in_text(text: str, nlp: Language | None = None, **kwargs: Any) -> list[dict]:
    """Convenience for plain text: runs ``nlp`` (default: a blank English tokenizer,
    so no entity or parse evidence) and returns ``find_quantities`` of the Doc."""
    if nlp is None:
        nlp = _blank()
    return find_quantities(nlp(text), **kwargs)


@lru_cache(maxsize=1)
def _blank() -> Language:
    import spacy
    return spacy.blank("en")


# --------------------------------------------------------------------------- component

@Language.factory(
    "extract_quantities",
    assigns=["doc._.quantities"],
    requires=["doc.ents"],
    default_config={},
)
def make_quantities(nlp: Language, name: str) -> "QuantityFinder":
    return QuantityFinder(nlp, name)


class QuantityFinder:
    """Thin component: find, then write ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str = "extract_quantities") -> None:
        self.name = name
        load_tables()  # fail early on a malformed resource

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        return doc
