"""The units tables: ``resources/units.json`` read through the one resource loader, checked,
and compiled into the lookups and regular expressions the text atoms use.

Pure (no spaCy). :func:`load_tables` reads and caches a resource by name;
:func:`build_tables` compiles already-read data (tests give it edited copies).
Every problem in the file raises a coded :class:`~extract.errors.ResourceError`
naming the file and the place in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable

from .. import schema
from ..errors import Errors
from ..resources import AnyOf, Choice, ListOf, MapOf, Record, bad, load

RESOURCE = "units.json"
BOUNDS = schema.BOUNDS
DURATION = "DURATION"  # label of time units in units.json; such numbers belong to dates
UNIT_LABELS = ("QUANTITY", "PERCENT", "CARDINAL", DURATION)

_NAMES = ListOf(str)
CURRENCY = Record(
    {"symbols": _NAMES, "codes": _NAMES, "names": _NAMES, "minor": AnyOf(str, None),
     "plurals": _NAMES, "names_after_scale": _NAMES},
    optional=("symbols", "codes", "names", "minor", "plurals", "names_after_scale"),
)
UNIT = Record(
    {"label": Choice(*UNIT_LABELS), "symbols": _NAMES, "names": _NAMES, "plurals": _NAMES},
    optional=("label", "symbols", "names", "plurals"),
)
CONTEXT_KEYS = ("identifier_before", "money_cues", "no_article_units", "change_words",
                "temperature_units", "minus_words", "negative_after", "metre_event_words",
                "length_cues", "count_cues", "idioms", "mass_cues", "score_words")
MINOR_UNIT = Record({"factor": float, "default": str})
#: the declared shape of units.json
SHAPE = Record({
    "currencies": MapOf(CURRENCY), "units": MapOf(UNIT), "per_words": MapOf(str),
    "per_units": MapOf(str), "number_words": MapOf(float), "scale_words": MapOf(float),
    "suffix_scales": MapOf(float), "fraction_words": MapOf(float), "ordinal_words": MapOf(float),
    "multiplier_words": MapOf(float), "modifiers": MapOf(Choice(*BOUNDS)),
    "vulgar_fractions": MapOf(float), "context_words": Record({k: _NAMES for k in CONTEXT_KEYS}),
    "powers": MapOf(_NAMES), "suffix_modifiers": MapOf(Choice(*BOUNDS)), "minor_units": MapOf(MINOR_UNIT),
})

# one number in digits: thousands separators (1,000 / 1,00,000 / 1, 000 / 1 000), decimals
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"
    r"|\d{1,3}(?:,[ ]\d{3})+(?![\d,])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d/.,])|\d+)"
    r"(?:\.\d+)?"
)
# "9.83e-3", "3 x 10^8", "2.48×10−5", "3×10⁸", "8x2^10": a power of ten, or of another
# base with a caret ("1920x1080" is no power)
SCIENTIFIC = r"(?:[eE][-−+]?\d+|\s?[x×·]\s?(?:10\^?[-−]\d+|10\^\d+|10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}\^[-−]?\d+))"
#: words that read as plural scales ("tens of thousands", "dozens")
PLURAL_SCALE_WORDS = ("dozen", "dozens", "hundreds", "thousands", "millions", "billions", "trillions", "tens")


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


def _entries(table: dict) -> dict:
    """A table without its comment keys (``_about``)."""
    return {k: v for k, v in table.items() if not k.startswith("_")}


def unit_forms_singular(form: str, unit_forms: dict) -> str:
    """``form`` if it is not a derived plural of another form of the same unit."""
    for p_end, s_end in (("ies", "y"), ("es", ""), ("s", "")):
        if form.endswith(p_end) and form[: -len(p_end)] + s_end in unit_forms \
                and unit_forms[form[: -len(p_end)] + s_end] == unit_forms[form]:
            return form[: -len(p_end)] + s_end
    return form


#: the tables :meth:`Tables.find` looks written forms up in; symbols and currency prefixes
#: keep their case ("M" is not "m"), the others are case-folded
LOOKUPS = ("unit_forms", "symbol_forms", "currency_prefix", "per_units", "modifiers",
           "scaled_currency", "suffix_modifiers", "powers")
_CASED = frozenset({"symbol_forms", "currency_prefix", "powers"})


def compact(form: str, fold: bool = True) -> str:
    """The lookup key of a written form: no whitespace ("sq ft", "sqft" and "sq  ft" are
    one key), lower-cased unless ``fold`` is false."""
    key = "".join(form.split())
    return key.lower() if fold else key


def _compact_tables(tables: dict[str, dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name, table in tables.items():
        fold = name not in _CASED
        keyed: dict = {}
        for form, value in table.items():
            keyed.setdefault(compact(form, fold), value)
        out[name] = keyed
    return out


@dataclass(frozen=True)
class Tables:
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
    minor_units: dict[str, tuple[float, str]]  # "cent" -> (100, "USD"): factor, default currency
    currency_minor: dict[str, str]           # ISO code -> its minor unit ("EUR" -> "cent")
    metre_events: frozenset[str]   # "heats", "final": "800m heats" is metres
    length_cues: frozenset[str]    # "tall", "ran", "ft": "30m" is metres
    count_cues: frozenset[str]     # "seen", "viewers", "sold": "14m" may be millions
    mass_cues: frozenset[str]      # "weighed": "3 pounds" is mass
    idiom_re: re.Pattern           # "at one point": a number that is no quantity
    score_words: frozenset[str]    # "won", "lead": "3-2" is a score
    #: the tables of :data:`LOOKUPS` keyed by :func:`compact` forms, for :meth:`find`
    compacted: dict[str, dict] = field(default_factory=dict)

    def find(self, table: str, form: str | None) -> Any:
        """The entry of ``form`` as written in the text (any spacing, any case where the
        table is case-folded) in ``table`` (a name in :data:`LOOKUPS`), or None: a lookup
        that cannot raise, whatever a pattern matched."""
        if form is None:
            return None
        return self.compacted[table].get(compact(form, table not in _CASED))


@dataclass
class _Forms:
    """Every written form of the currencies and units, before compiling."""

    unit_forms: dict[str, tuple[str, str]]
    symbol_forms: dict[str, tuple[str, str]]
    currency_prefix: dict[str, str]
    scaled_currency: dict[str, str]   # "won": a currency only after a scale word
    name_forms: list[str]


def _read_forms(data: dict) -> _Forms:
    forms = _Forms({}, {}, {}, {}, [])
    for code, entry in _entries(data["currencies"]).items():
        for s in entry.get("symbols", []):
            forms.currency_prefix[s] = code
            forms.symbol_forms[s] = (code, "MONEY")
        for c in entry.get("codes", []):
            forms.currency_prefix[c] = code
            forms.symbol_forms[c] = (code, "MONEY")
            if len(c) == 3 and c.isupper():  # "30 MUSD": millions of USD
                forms.symbol_forms["M" + c] = (code, "MONEY_M")
        for n in entry.get("names_after_scale", []):
            forms.scaled_currency[n.lower()] = code
        names, plurals = entry.get("names", []), entry.get("plurals", [])
        for n in names + plurals + [p for n in names for p in _plurals(n)]:
            forms.unit_forms[n.lower()] = (code, "MONEY")
            forms.name_forms.append(n.lower())
    for name, entry in _entries(data["units"]).items():
        label = entry.get("label", "QUANTITY")
        for s in entry.get("symbols", []):
            forms.symbol_forms.setdefault(s, (name, label))
        names, plurals = entry.get("names", []), entry.get("plurals", [])
        for n in names + plurals + [p for n in names for p in _plurals(n)]:
            forms.unit_forms.setdefault(n.lower(), (name, label))
            forms.name_forms.append(n.lower())
    return forms


def _number_re(numbers: dict[str, dict], vulg: str) -> tuple[re.Pattern, list[str]]:
    """Every number candidate: digits (with a sign, a vulgar fraction, a power of ten, an
    ordinal suffix), multipliers ("eightfold"), runs of number words, ordinal words."""
    digit_number = (
        rf"(?P<dig>(?P<mixed>\d{{1,3}}\s\d{{1,2}}/\d{{1,3}}(?![\d/]))"
        rf"|(?P<frac>\d{{1,3}}/\d{{1,3}}(?![\d/]))"
        rf"|(?P<plain>{DIGITS}(?:[{vulg}])?{SCIENTIFIC}?(?:(?P<ord>st|nd|rd|th)(?![A-Za-z]))?)"
        rf"|(?P<vulg>[{vulg}]))"
    )
    word_atoms = sorted(
        set(numbers["number_words"]) | set(numbers["scale_words"]) | set(PLURAL_SCALE_WORDS)
        | {w + s for w in numbers["fraction_words"] for s in ("", "s")} | {"halves"},
        key=len, reverse=True,
    )
    w = "|".join(re.escape(x) for x in word_atoms)
    word_number = (
        rf"(?P<word>(?:\b(?:an?|one)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen|half|quarter|third)\b))?"
        rf"\b(?:{w})\b(?:(?:-and-(?:an?-)?|\s*-\s*|\s+|\s*,\s+|\s+and\s+(?:a\s+)?|\s*&\s*)(?:{w})\b)*)"
    )
    ordinal = "|".join(re.escape(x) for x in sorted(numbers["ordinal_words"], key=len, reverse=True))
    mult = "|".join(re.escape(x) for x in sorted(numbers["multiplier_words"], key=len, reverse=True))
    number_re = re.compile(
        rf"(?P<sign>(?<![\w)])[-−+](?=\d))?{digit_number}"
        rf"|(?P<mult>\b(?:{mult})\b)"
        rf"|{word_number}"
        rf"|(?P<ordw>\b(?:{ordinal})\b)",
        re.IGNORECASE,
    )
    return number_re, word_atoms


def _unit_re(forms: _Forms) -> re.Pattern:
    """Units after a number: names (case-insensitive) and symbols (case-sensitive)."""
    names_alt = _alternation(forms.name_forms)
    syms_alt = _alternation(forms.symbol_forms)
    return re.compile(
        rf"(?P<sep>\s?-\s?|(?P<open>\s*[(\[{{<]\s*)|\s*)"
        rf"(?:(?P<name>(?i:{names_alt}))(?![\w])|(?P<sym>{syms_alt})(?![\w\d]|\^))"
        rf"(?(open)\s*[)\]}}>])"
    )


def _rate_res(per_units: dict[str, str], powers: dict[str, str]) -> tuple[re.Pattern, re.Pattern]:
    """A rate's denominator after a unit ("/s2", "per kg", "m s-1"), and an inverse unit
    right after a bare number ("0.3 s-1")."""
    per_alt = _alternation(per_units)
    pos_pow = _alternation(f for f, n in powers.items() if not n.startswith("inverse"))
    neg_pow = _alternation(f for f, n in powers.items() if n.startswith("inverse"))
    per_re = re.compile(
        rf"(?:(?:\s*/\s*|\s*-?\s*\bper\s+|\s*-\s*an?\s*-\s*|\s+an?\s+|-an?-)(?P<per>(?i:{per_alt}))(?P<pow>{pos_pow})?"
        rf"|(?:[ ·⋅])(?P<iper>{per_alt})(?P<ipow>{neg_pow}))(?![\w])"
        rf"(?!\s+(?i:earlier|ago|later|before|after)\b)",
    )
    # after a bare number only a symbol ("0.3 s-1"), not a word ("day-1": a name or a date)
    inverse_re = re.compile(rf"[ ]?(?P<iper>{_alternation(k for k in per_units if len(k) <= 3)})(?P<ipow>{neg_pow})(?![\w])")
    return per_re, inverse_re


def _change_res(ctx: dict) -> tuple[re.Pattern, re.Pattern]:
    change_alt = "|".join(re.escape(w) for w in sorted(ctx["change_words"], key=len, reverse=True))
    change_re = re.compile(rf"\b(?:{change_alt})\s+(?:from\s+)?$|\bby\s+$", re.IGNORECASE)
    # a word of change anywhere in the clause before "from" (the clause ends at . ! ? ; or a line break)
    change_from_re = re.compile(rf"\b(?:{change_alt})\b[^.!?;\n]{{0,150}}?\bfrom\s+$", re.IGNORECASE)
    return change_re, change_from_re


def _article_re(forms: _Forms, ctx: dict) -> re.Pattern:
    """"a mile", "an acre": one of a unit (not "a cup of tea", "a point")."""
    no_article = {w.lower() for w in ctx["no_article_units"]}
    uf = forms.unit_forms
    article_names = [f for f in forms.name_forms if uf[f][0] not in no_article and f.split()[0] not in no_article
                     and uf[f][1] in ("QUANTITY", "MONEY") and f == unit_forms_singular(f, uf)]
    return re.compile(rf"\b(?:[Aa]n?)\s+(?P<name>(?i:{_alternation(article_names)}))(?![\w-])")


def _read_powers(data: dict) -> dict[str, str]:
    return {f: name for name, fs in _entries(data["powers"]).items() for f in fs}


def _read_per_units(data: dict) -> dict[str, str]:
    per_units = _entries(data["per_units"])
    for k, v in list(per_units.items()):
        for p in _plurals(k):
            per_units.setdefault(p, v)
    return per_units


def _read_minor_units(data: dict, name: str) -> dict[str, tuple[float, str]]:
    """Minor units of money ("cent") with their factor and default currency; every minor unit
    named by a currency is listed, and every one listed is a currency entry of its own."""
    currencies = _entries(data["currencies"])
    minor = {k: (float(v["factor"]), v["default"]) for k, v in _entries(data["minor_units"]).items()}
    for unit, (factor, default) in minor.items():
        if unit not in currencies:
            raise bad(name, f"minor_units.{unit}", Errors.E410.format(unit=unit))
        if default not in currencies:
            raise bad(name, f"minor_units.{unit}.default", Errors.E411.format(code=default))
        if factor <= 0:
            raise bad(name, f"minor_units.{unit}.factor", Errors.E412.format(factor=factor))
    for code, entry in currencies.items():
        if entry.get("minor") and entry["minor"] not in minor:
            raise bad(name, f"currencies.{code}.minor", Errors.E413.format(unit=entry["minor"],
                                                                           allowed=", ".join(minor)))
    return minor


_NUMBER_TABLES = ("number_words", "scale_words", "suffix_scales", "fraction_words", "ordinal_words",
                  "multiplier_words", "vulgar_fractions")


def build_tables(data: Any, name: str = RESOURCE) -> Tables:
    """Check ``data`` (the content of units.json) against :data:`SHAPE` and compile it."""
    load(name, SHAPE, data=data)
    forms = _read_forms(data)
    numbers = {k: _entries(data[k]) for k in _NUMBER_TABLES}
    per_units = _read_per_units(data)
    powers = _read_powers(data)
    ctx = data["context_words"]
    modifiers = _entries(data["modifiers"])
    suffix_mods = {k.lower(): v for k, v in _entries(data["suffix_modifiers"]).items()}
    vulgar = numbers["vulgar_fractions"]

    number_re, word_atoms = _number_re(numbers, "".join(vulgar))
    per_re, inverse_re = _rate_res(per_units, powers)
    change_re, change_from_re = _change_res(ctx)
    prefix_alt = _alternation(forms.currency_prefix)
    prefix_re = re.compile(rf"(?:^|(?<=[^\w$]))(?P<pre>{prefix_alt})\s?$|(?P<mult>(?<![A-Za-z])M)(?P<pre2>{prefix_alt})\s?$")
    minus_re = re.compile(rf"(?<!\bplus or )(?<!\bplus/)(?:^|(?<=\W))(?P<minus>(?i:{_alternation(ctx['minus_words'])}))\s+$")
    trigger_words = frozenset(
        {w.lower() for w in word_atoms} | {w.lower() for w in numbers["ordinal_words"]}
        | {w.lower().split("-")[0] for w in numbers["multiplier_words"]} | {"a", "an"})
    scaled = forms.scaled_currency
    return _with_lookups(Tables(
        inverse_re=inverse_re, powers=powers, change_re=change_re, change_from_re=change_from_re,
        temperature_units=frozenset(ctx["temperature_units"]), minus_re=minus_re,
        scaled_currency=scaled,
        scaled_currency_re=(re.compile(rf"\s+(?P<n>(?i:{_alternation(scaled)}))(?![\w-])") if scaled else None),
        suffix_mod_re=re.compile(rf"(?P<smod>(?i:{_alternation(suffix_mods)}))(?![\w-])"),
        suffix_modifiers=suffix_mods,
        below_zero_re=re.compile(rf"\s+(?:{_alternation(ctx['negative_after'])})\b", re.IGNORECASE),
        trigger_re=re.compile(rf"[-−+]?[\d{''.join(vulgar)}]|[A-Za-z]+"), trigger_words=trigger_words,
        article_re=_article_re(forms, ctx),
        prefix_re=prefix_re, unit_re=_unit_re(forms), per_re=per_re, number_re=number_re,
        modifier_re=re.compile(rf"(?:^|(?<=\W))(?P<mod>(?i:{_alternation(modifiers)}))\s+$"),
        unit_forms=forms.unit_forms, symbol_forms=forms.symbol_forms,
        currency_prefix=forms.currency_prefix, number_words=numbers["number_words"],
        scale_words=numbers["scale_words"], suffix_scales=numbers["suffix_scales"],
        fraction_words=numbers["fraction_words"], ordinal_words=numbers["ordinal_words"],
        multiplier_words=numbers["multiplier_words"], modifiers={k.lower(): v for k, v in modifiers.items()},
        vulgar=vulgar, per_units={k.lower(): v for k, v in per_units.items()},
        identifier_before=frozenset(w.lower() for w in ctx["identifier_before"]),
        money_cues=frozenset(w.lower() for w in ctx["money_cues"]),
        minor_units=_read_minor_units(data, name),
        currency_minor={code: e["minor"] for code, e in _entries(data["currencies"]).items() if e.get("minor")},
        metre_events=frozenset(w.lower() for w in ctx["metre_event_words"]),
        length_cues=frozenset(w.lower() for w in ctx["length_cues"]),
        count_cues=frozenset(w.lower() for w in ctx["count_cues"]),
        mass_cues=frozenset(w.lower() for w in ctx["mass_cues"]),
        idiom_re=re.compile(rf"\b(?:{_alternation(ctx['idioms'])})\b", re.IGNORECASE),
        score_words=frozenset(w.lower() for w in ctx["score_words"]),
    ))


def _with_lookups(t: Tables) -> Tables:
    return replace(t, compacted=_compact_tables({name: getattr(t, name) for name in LOOKUPS}))


@lru_cache(maxsize=4)
def load_tables(name: str = RESOURCE) -> Tables:
    """Read, check and compile the package resource ``name`` (default ``units.json``)."""
    return build_tables(load(name, SHAPE), name)


__all__ = ["RESOURCE", "SHAPE", "DURATION", "UNIT_LABELS", "LOOKUPS", "Tables",
           "build_tables", "compact", "load_tables", "unit_forms_singular"]
