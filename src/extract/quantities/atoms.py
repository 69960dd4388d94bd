"""Text atoms: every number in a text with its scale, unit or currency, rate, sign and
written bound, read with the compiled :class:`~.units.Tables`. Pure: no spaCy.

:func:`read_atoms` is the whole pure finder (atoms, then ranges); the Doc finder
(:mod:`.finder`) filters its atoms with the Doc's evidence.
"""
from __future__ import annotations

import re

from .grammar import (
    AGE_AFTER, ARTICLE_FRACTION, SENTENCE_END, BARE_SCALE, CLOCK_VALUE, CODE_AFTER, CODE_BEFORE, DENOMINATORS,
    FEW_BEFORE, FRACTION_CONTEXT, INCH_OK, MILLION_NEXT, OF_A_SCALE, OF_PLURAL, PLURAL_SCALE,
    SCALE_AFTER, SENTENCE_START, SPACED_MINUS, SUFFIX, TITLE_WORD_AFTER,
)
from .numbers import Atom, parse_digits, parse_words

WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")
OF_UNIT = re.compile(r"\s+of\s+")
YEAR_BEFORE = frozenset("in of since from to until till by the and or mid late early class summer winter "
                        "spring autumn".split())
MINOR_AFTER = re.compile(r"[ ]([A-Za-z]+)\b")
#: what the ``note`` column says when the text allows two readings
NOTES = {
    "metres_or_millions": "'m' after the number: metres or millions (a count or money word is near, no length "
                          "word); value left empty",
    "pounds_as_mass": "'pounds' read as mass: no word of money or weight nearby",
    "minor_default": "'{unit}': no amount in the sentence names the currency; {code} assumed",
}
PREV_WORD = re.compile(r"([A-Za-z][A-Za-z'’]*)\s+$")
from .units import DURATION, Tables, compact


# ----------------------------------------------------------------- number candidates

def _number_matches(text: str, t: Tables):
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


def _digit_atom(m: re.Match, text: str, t: Tables) -> Atom | None:
    """A number written in digits: an ordinal ("21st"), a fraction ("2 1/2", "3/4") or a
    plain number with its sign."""
    s, e = m.start(), m.end()
    raw = m.group("dig")
    if m.group("ord"):
        if s > 0 and text[s - 1].isalnum():
            return None
        v = parse_digits(raw[: -2], t)
        return None if v is None else Atom(s, e, v, "ordinal", label="ORDINAL", num_end=e)
    if m.group("mixed"):
        whole, fr = raw.split()
        a, b = fr.split("/")
        if int(b) == 0 or int(a) >= int(b):
            return None
        v = int(whole) + int(a) / int(b)
    elif m.group("frac"):
        a, b = raw.split("/")
        # "9/11", "5/12": a fraction has a numerator of 1 or a common denominator
        if int(b) == 0 or int(a) >= int(b) or int(b) < 2 or (int(a) != 1 and int(b) not in DENOMINATORS):
            return None
        v = int(a) / int(b)
    else:
        v = parse_digits(raw, t)
        if v is None:
            return None
    if m.group("sign") in ("-", "−"):  # a plus sign stays in the span and keeps the value
        v = -v
    return Atom(s, e, v, "digit", num_end=e)


def _word_atoms(m: re.Match, text: str, t: Tables) -> list[Atom]:
    """The numbers in a run of number words; "a third bid" is an ordinal, "hundred" alone
    is none."""
    out = []
    for a in parse_words(m.group("word"), m.start("word"), t):
        if a.kind == "word":
            a.num_end = a.end
            fa = ARTICLE_FRACTION.match(text, a.start, a.end)
            if fa and fa.end() == a.end and not FRACTION_CONTEXT.match(text, a.end):
                # "a third bid", "a third-person game": an ordinal, not 1/3
                w = fa.group("w").lower()
                if w in t.ordinal_words:
                    out.append(Atom(fa.start("w"), a.end, t.ordinal_words[w], "ordinal",
                                    label="ORDINAL", num_end=a.end))
                    continue
                a.weak = True  # "a half turn" keeps a unit; "a half-hour" is the dates'
            if BARE_SCALE.match(text, a.start) and not FEW_BEFORE.search(text, max(0, a.start - 12), a.start):
                continue  # "hundred" alone is a number only as "several hundred", "a few hundred"
        out.append(a)
    return out


def _candidates(text: str, t: Tables) -> list[Atom]:
    """Every number candidate, in text order, before its surroundings are read."""
    atoms: list[Atom] = []
    for m in _number_matches(text, t):
        if m.group("dig") is not None:
            a = _digit_atom(m, text, t)
            if a is not None:
                atoms.append(a)
        elif m.group("mult") is not None:
            w = m.group("mult").lower()
            atoms.append(Atom(m.start(), m.end(), t.multiplier_words[w], "mult", unit="times",
                              surface_unit=m.group("mult"), num_end=m.end()))
        elif m.group("word") is not None:
            atoms.extend(_word_atoms(m, text, t))
        elif m.group("ordw") is not None:
            atoms.append(Atom(m.start(), m.end(), t.ordinal_words[m.group("ordw").lower()], "ordinal",
                              label="ORDINAL", num_end=m.end()))
    if "a " in text or "A " in text or "an " in text or "An " in text:
        for m in t.article_re.finditer(text):
            canon, label = t.find("unit_forms", m.group("name")) or ("", "")
            if not canon:
                continue
            atoms.append(Atom(m.start(), m.end(), 1, "article", unit=canon, label=label,
                              surface_unit=m.group("name"), num_end=m.start("name")))
        atoms.sort(key=lambda a: a.start)
    return atoms


def _is_identifier(text: str, a: Atom, t: Tables) -> bool:
    """Digits that are part of a code or a reference: "G20", "COVID-19", "1.2.3", "12:30",
    "&#244;" (a currency code before the digits, "USD115", is no code)."""
    n = len(text)
    if a.start > 0 and (text[a.start - 1].isalpha() or text[a.start - 1] in "_/.") \
            and not t.prefix_re.search(text, max(0, a.start - 8), a.start):
        if not (text[a.start - 1] == "." and a.start > 1 and not text[a.start - 2].isalnum()):
            return True
    if a.start > 1 and text[a.start - 1] in ",.:" and text[a.start - 2].isdigit():
        return True
    if a.start > 0 and text[a.start - 1] in "'’" and a.end - a.start == 2 and not text[a.start - 2:a.start - 1].isalnum():
        # "in '94", "the '80s": a year or a decade, the dates' (not a headline's "'12 hurt'")
        before = PREV_WORD.search(text, max(0, a.start - 20), a.start - 1)
        if text[a.end:a.end + 1] in ",.;:)!?s-–" or (before and before.group(1).lower() in YEAR_BEFORE):
            return True
    # "COVID-19", "F-16", "OAO-1", "fb−1": letters, a hyphen, digits
    if a.start > 1 and text[a.start - 1] in "-−" and CODE_BEFORE.search(text, max(0, a.start - 20), a.start - 1):
        return True
    cm = CODE_AFTER.match(text, a.end)
    if cm and not t.inverse_re.match(text, a.end):
        um = t.unit_re.match(text, a.end)
        if not um or um.end() < cm.end() or (um.end() < n and text[um.end()].isalnum()):
            return True
    if a.start > 1 and text[a.start - 1] in "+^" and text[a.start - 2].isalnum():
        return True
    if a.start > 0 and text[a.start - 1] == "#" and text[a.start - 2:a.start - 1] == "&":
        return True  # an HTML character reference "&#244;"
    if text[a.end:a.end + 2][:1] in (":",) and text[a.end + 1:a.end + 2].isdigit():
        return True
    return text[a.end:a.end + 1] == "." and text[a.end + 1:a.end + 2].isdigit()


# ----------------------------------------------------------------- what surrounds a number

def _plural_and_fraction_scale(a: Atom, text: str, t: Tables) -> None:
    """Vague magnitudes: "hundreds" is 100 to 999, "tens of thousands" 10,000 to 99,999,
    "millions" 1,000,000 to 9,999,999 (a range up to ten times the word, less one); "a
    quarter of a million", "half a dozen": a fraction of a scale."""
    if a.approx_plural:
        mo = OF_PLURAL.match(text, a.end)
        if mo:
            a.value *= PLURAL_SCALE[mo.group("w").lower()]
            a.end = mo.end()
        a.bound, a.value_max = "range", a.value * 10 - 1
        a.scaled = a.value >= 1000  # "millions of pounds" is money, as "5m pounds" is
    if a.kind == "word" and 0 < a.value < 1:
        mo = OF_A_SCALE.match(text, a.end)
        if mo:  # a fraction of a scale
            f = t.scale_words.get(mo.group("scale").lower(), PLURAL_SCALE["dozens"])
            a.value, a.scale, a.scaled, a.weak = a.value * f, a.scale * f, True, False
            a.end = mo.end()


def _unit_of_plural(a: Atom, text: str, t: Tables) -> None:
    """"millions of dollars", "hundreds of miles": the unit named after a vague magnitude
    is its unit (not time: "thousands of years" is the dates')."""
    mo = OF_UNIT.match(text, a.end)
    um = t.unit_re.match(text, mo.end()) if mo else None
    if not (um and um.group("name") and um.group("sep") == ""):
        return
    end = a.end
    a.end = mo.end()
    if not (_unit_after_number(a, text, t, None) and a.unit) or a.label == DURATION:
        a.end, a.unit, a.label, a.surface_unit = end, "", "CARDINAL", ""


def _currency_before(a: Atom, text: str, t: Tables, previous: Atom | None) -> str | None:
    """A currency written before the digits ("$", "US$", "RMB ", "M$" millions): its code."""
    prefix = t.prefix_re.search(text, max(0, a.start - 10), a.start) if a.kind == "digit" else None
    if not prefix or (previous is not None and prefix.start() < previous.end):
        return None
    p = prefix.group("pre") or prefix.group("pre2")
    if prefix.group("mult") and t.find("currency_prefix", p) is not None:
        a.rescale(1_000_000)
    code = t.find("currency_prefix", p)
    if code is None:
        return None
    a.start = prefix.start()
    a.surface_unit = p
    return code


def _is_money(t: Tables, m: re.Match | None) -> bool:
    """Whether a unit match names a currency."""
    if not (m and (m.group("name") or m.group("sym"))):
        return False
    entry = t.find("unit_forms", m.group("name")) if m.group("name") else t.find("symbol_forms", m.group("sym"))
    return bool(entry) and entry[1] == "MONEY"


def _scale_suffix(a: Atom, text: str, t: Tables, code: str | None) -> bool:
    """A scale written against the digits ("20k", "$4bn", "€10M"); False when letters glued
    to the digits make them an identifier ("24703L202", "11a")."""
    ms = SUFFIX.match(text, a.end)
    if ms:
        sfx = ms.group("sfx")
        if sfx in ("m", "b", "T") and not (code or _is_money(t, t.unit_re.match(text, ms.end()))):
            # "1.6m Muslims", "1.1m of them": millions; "800m", "a 100m sprint", "800m heats": metres
            if not (sfx == "m" and MILLION_NEXT.match(text, ms.end()) and not _event_around(text, a.start, ms.end(), t)):
                words = _sentence_words(text, a.start, ms.end()) if sfx == "m" else set()
                if words & t.count_cues and not words & t.length_cues \
                        and not _event_around(text, a.start, ms.end(), t):
                    a.unknown, a.note = True, NOTES["metres_or_millions"]  # "seen by 14m"
                return True
        a.rescale(t.suffix_scales[sfx])
        a.end = ms.end()
    elif a.end < len(text) and text[a.end].isalpha():
        um = unit_after(text, a.end, a, t)
        if not um or (um.end() < len(text) and text[um.end()].isalnum()):
            return False
    return True


def _sentence_words(text: str, start: int, end: int) -> set[str]:
    """The lower-cased words of the sentence around ``text[start:end]``, the span left out."""
    lo = max(0, start - 300)
    ends = list(SENTENCE_END.finditer(text, lo, start))
    lo = ends[-1].end() if ends else lo
    m = SENTENCE_END.search(text, end, min(len(text), end + 300))
    hi = m.start() if m else min(len(text), end + 300)
    return {w.lower() for w in WORDS.findall(text[lo:start] + " " + text[end:hi]) if len(w) > 1}


def _event_around(text: str, start: int, pos: int, t: Tables) -> bool:
    """Whether the word after the number names a race or a mark ("800m heats", "400m
    hurdles", "the 200m world record"), or the word before it ("the women's 1500m AAAs
    title"): the "m" is metres."""
    m = WORDS.match(text, pos + len(text[pos:pos + 3]) - len(text[pos:pos + 3].lstrip()))
    if m and m.group().lower() in t.metre_events:
        return True
    before = PREV_WORD.search(text, max(0, start - 20), start)
    return bool(before) and before.group(1).lower() in t.metre_events


def _scale_word(a: Atom, text: str, t: Tables) -> None:
    """A scale word after the digits: "1.1 million", "25-million", "75 USD million"."""
    ms = SCALE_AFTER.match(text, a.end)
    if ms:
        a.rescale(t.scale_words[ms.group("scale").lower()])
        a.end = ms.end()


def _suffix_bound(a: Atom, text: str, t: Tables) -> None:
    """"30-odd", "1,200-plus": a bound written after the number."""
    mb = t.suffix_mod_re.match(text, a.end)
    if mb:
        a.bound = t.find("suffix_modifiers", mb.group("smod")) or a.bound
        a.before_suffix, a.end = a.end, mb.end()


def _scaled_currency(a: Atom, text: str, t: Tables) -> None:
    """"1.2 trillion won": a currency name read as one only after a scale word."""
    mc = t.scaled_currency_re.match(text, a.end) if t.scaled_currency_re is not None else None
    if mc and t.find("scaled_currency", mc.group("n")):
        a.unit, a.label, a.surface_unit = t.find("scaled_currency", mc.group("n")), "MONEY", mc.group("n")
        a.end = mc.end()


def _unit_after_number(a: Atom, text: str, t: Tables, code: str | None) -> bool:
    """The unit or currency written after the number; False when the number is part of a
    title ("21 Grams actress")."""
    um = unit_after(text, a.end, a, t)
    if not um:
        return True
    form = um.group("name")
    entry = t.find("unit_forms", form) if form is not None else t.find("symbol_forms", um.group("sym"))
    if entry is None:
        return True
    canon, label = entry
    if form is not None:
        if form[:1].isupper() and canon == canon.lower() and TITLE_WORD_AFTER.match(text, um.end()) \
                and a.start > 0 \
                and not SENTENCE_START.search(text, max(0, a.start - 3), a.start):
            return False
    if canon == "pound" and form is not None and (
            a.scaled or (money_context(text, a.start, um.end(), t) and not _mass_before(text, a.start, t))):
        canon, label = "GBP", "MONEY"  # "lb", "lbs" are always mass
    elif canon == "pound" and form is not None and not _mass_before(text, a.start, t):
        a.note = NOTES["pounds_as_mass"]
    if label == "MONEY_M":
        a.rescale(1_000_000)
        label = "MONEY"
    if not (code and (label != "MONEY" or um.group("sym") is not None or canon != code)):
        a.unit, a.label = canon, label
        a.surface_unit = (a.surface_unit + " " if a.surface_unit else "") + (form or um.group("sym"))
        a.end = um.end()
        if label == "MONEY" and canon in t.currency_minor:
            _minor_after_major(a, text, t)
    return True


def _minor_after_major(a: Atom, text: str, t: Tables) -> None:
    """"55 euro cents", "30 US cents": a currency's name before its minor unit gives the
    amount in the minor unit, in the named currency (0.55 EUR)."""
    minor = t.currency_minor[a.unit]
    m = MINOR_AFTER.match(text, a.end)
    entry = t.find("unit_forms", m.group(1)) if m else None
    if entry and entry[0] == minor and minor in t.minor_units:
        a.value /= t.minor_units[minor][0]
        a.surface_unit = f"{a.surface_unit} {m.group(1)}"
        a.end = m.end()


def _rate(a: Atom, text: str, t: Tables) -> None:
    """A rate: "$5 a share", "km/h", "15% per annum"; and an inverse unit after a bare
    number: "a rate of 0.3 s-1"."""
    if not a.unit and a.kind == "digit":
        mi = t.inverse_re.match(text, a.end)
        if mi:
            a.unit, a.label, a.surface_unit = _inverse_unit(mi, t), "QUANTITY", mi.group().strip()
            a.end = mi.end()
    if a.label == "MONEY" and not a.scaled and a.kind == "digit":
        _scale_word(a, text, t)
    if a.unit and a.unit != "times" or a.label == "MONEY":
        mp = t.per_re.match(text, a.end)
        if mp and a.label != DURATION:
            a.unit = f"{a.unit} per {_denominator(mp, t)}"
            a.end = mp.end()


def _sign(a: Atom, text: str, t: Tables, code: str | None) -> None:
    """A sign in words or spaced: "minus 20 degrees", "fell to - 20 degrees", "5 degrees
    below zero"; not "plus or minus 2 mm"."""
    if a.value > 0 and a.kind in ("digit", "word") and not code:
        mm = t.minus_re.search(text, max(0, a.start - 20), a.start)
        if mm:
            a.value, a.start = -a.value, mm.start("minus")
        elif a.unit in t.temperature_units and a.kind == "digit":
            ms = SPACED_MINUS.search(text, max(0, a.start - 30), a.start)
            if ms and (ms.group("w") is None or (ms.group("w").islower() and ms.group("w") not in t.unit_forms)):
                a.value, a.start = -a.value, ms.start("minus")
    if a.unit in t.temperature_units and a.value > 0:
        mz = t.below_zero_re.match(text, a.end)
        if mz:
            a.value, a.end = -a.value, mz.end()


def _read_around(a: Atom, text: str, t: Tables, previous: Atom | None) -> bool:
    """Read what surrounds a number into ``a``, step by step; False when it is no quantity."""
    _plural_and_fraction_scale(a, text, t)
    if a.approx_plural:
        _unit_of_plural(a, text, t)
    code = _currency_before(a, text, t, previous)
    if a.kind == "digit" and not _scale_suffix(a, text, t, code):
        return False
    if a.kind == "digit" and not a.scaled:
        _scale_word(a, text, t)
    if a.kind in ("digit", "word"):
        _suffix_bound(a, text, t)
    if a.scaled and not code:
        _scaled_currency(a, text, t)
    if not a.unit and not _unit_after_number(a, text, t, code):
        return False
    if code and not a.unit:
        a.unit, a.label = code, "MONEY"
    _rate(a, text, t)
    if a.label == DURATION and AGE_AFTER.match(text, a.end):
        a.age = True
    _sign(a, text, t, code)
    return not (a.weak and not (a.unit or a.scaled) and not SCALE_AFTER.match(text, a.end))


def _in_idiom(text: str, a: Atom, t: Tables) -> bool:
    """A number inside a set phrase ("at one point", "a one-off"), or a fraction word after
    an ordinal ("the fourth quarter points to", "the second half"): no quantity."""
    for m in t.idiom_re.finditer(text, max(0, a.start - 20), min(len(text), a.end + 20)):
        if m.start() <= a.start and a.num_end <= m.end():
            return True
    if a.weak or (a.kind == "word" and 0 < a.value < 1):
        before = PREV_WORD.search(text, max(0, a.start - 20), a.start)
        return bool(before) and before.group(1).lower() in t.ordinal_words
    return False


def build_atoms(text: str, t: Tables) -> list[Atom]:
    """Every number in ``text`` with its scale, unit, rate, sign and written bound."""
    out: list[Atom] = []
    for a in _candidates(text, t):
        if out and a.start < out[-1].end:
            continue  # already read as part of the previous number ("1.1 million")
        if a.kind in ("ordinal", "mult", "article"):
            out.append(a)
            continue
        if a.kind == "digit" and _is_identifier(text, a, t):
            continue
        if _read_around(a, text, t, out[-1] if out else None) and not _in_idiom(text, a, t):
            out.append(a)
    return out


# ----------------------------------------------------------------- units after a number

def unit_after(text: str, pos: int, atom: Atom, t: Tables) -> re.Match | None:
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
            if atom.kind != "digit" or not (attached or INCH_OK.match(text, m.end())):
                return None
        elif sym == '"':
            if text.count('"', 0, pos) % 2 or not (attached or INCH_OK.match(text, m.end())):
                return None
        elif sym in ("am", "pm"):
            if CLOCK_VALUE.match(text[atom.start:atom.num_end].lstrip("+-−")):
                return None
        elif len(sym) == 1 and sym.isascii() and sym.isalpha():
            # a lone letter is a unit only when written against the number, or before
            # punctuation / a lower-case word ("30 C outside", not "23456 F Block")
            if not attached:
                rest = text[m.end():m.end() + 3]
                if rest[:1] == "." and rest[1:2].isalnum():
                    return None
                nxt = re.match(r"\s*(\S)", text[m.end():m.end() + 4])
                if nxt and nxt.group(1).isupper():
                    return None  # "23456 F Block"
                if (t.find("symbol_forms", sym) or ("", ""))[1] == "MONEY":
                    return None  # pence are written "50p"; "page 5 p 12" is none
            if text[m.end():m.end() + 1] in ("-", "−") and text[m.end() + 1:m.end() + 2].isdigit():
                return None
    return m


def _mass_before(text: str, start: int, t: Tables) -> bool:
    """A word of weight shortly before the number ("weighed 3 pounds")."""
    return any(w.lower() in t.mass_cues for w in WORDS.findall(text, max(0, start - 60), start))


def money_context(text: str, start: int, end: int, t: Tables) -> bool:
    """Whether words around a span make "pounds" money."""
    window = text[max(0, start - 120):end + 60].lower()
    return any(w in t.money_cues for w in re.findall(r"[a-z£]+", window)) or "£" in window


def _denominator(m: re.Match, t: Tables) -> str:
    """The denominator of a rate as a unit name: '/h' -> 'hour', '/s2' -> 'square second',
    ' s-1' -> 'second', ' m-3' -> 'cubic metre'."""
    word, power = (m.group("per"), m.group("pow")) if m.group("per") is not None else (m.group("iper"), m.group("ipow"))
    per = t.find("per_units", word) or compact(word)
    name = (t.find("powers", power or "") or "").removeprefix("inverse").strip()
    return f"{name} {per}" if name else per


def _inverse_unit(m: re.Match, t: Tables) -> str:
    """'s-1' -> 'inverse second', 'm-2' -> 'inverse square metre'."""
    per = t.find("per_units", m.group("iper")) or compact(m.group("iper"))
    return f"{t.find('powers', m.group('ipow')) or 'inverse'} {per}"


# ----------------------------------------------------------------- minor units of money

def _major_currency(text: str, atoms: list[Atom], k: int, minor: str, t: Tables) -> str | None:
    """The currency of the nearest amount in major units in the same sentence as
    ``atoms[k]`` whose minor unit is ``minor``: before it first, then after it."""
    a = atoms[k]
    for j in list(range(k - 1, -1, -1)) + list(range(k + 1, len(atoms))):
        b = atoms[j]
        lo, hi = (b.end, a.start) if j < k else (a.end, b.start)
        if SENTENCE_END.search(text, lo, hi):
            if j < k:
                continue  # look after it
            break
        code = b.unit.partition(" per ")[0]
        if b.label == "MONEY" and t.currency_minor.get(code) == minor:
            return code
    return None


def minor_to_major(text: str, atoms: list[Atom], t: Tables) -> None:
    """Money written in a minor unit in its ISO 4217 major unit: "5 cents" -> 0.05 USD,
    "62 cents a share" -> 0.62 "USD per share", "40p" -> 0.4 GBP. The currency is that of
    the nearest amount in the same sentence whose minor unit this is ("up 30 cents to 1.20
    euros" -> EUR), else the unit's default; ``surface_unit`` keeps the written unit."""
    for k, a in enumerate(atoms):
        base, sep, per = a.unit.partition(" per ")
        minor = t.minor_units.get(base) if a.label == "MONEY" else None
        if minor is None:
            continue
        factor, default = minor
        code = _major_currency(text, atoms, k, base, t)
        if code is None:
            code = default
            if list(t.currency_minor.values()).count(base) > 1:  # cents: USD, EUR, CAD...
                a.note = NOTES["minor_default"].format(unit=a.surface_unit, code=default)
        a.value /= factor
        if a.value_max is not None:
            a.value_max /= factor
        a.unit = code + sep + per
