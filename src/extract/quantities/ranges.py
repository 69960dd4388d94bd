"""Joining neighbouring atoms: ranges ("5 to 10 km", "between 5 and 10"), tolerances
("9.83 +/- 0.01 km"), money with its cents ("3 dollars 50 cents"), and units shared
across a list ("5, 10 and 15%"). Pure: no spaCy."""
from __future__ import annotations

import re

from .grammar import BETWEEN, CENTS_GAP, CONNECTOR, LIST_GAP, OR_GAP, RANGING, TOLERANCE, WORD_AFTER
from .numbers import Atom
from .units import DURATION, Tables

SCORE_GAP = re.compile(r"^\s?[-–—]\s?$")
CLAUSE_BEFORE = re.compile(r"[^.;!?\n]*$")
CLAUSE_AFTER = re.compile(r"[^.;!?\n]*")
WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _share_units(text: str, atoms: list[Atom]) -> None:
    """"5, 10 and 15%": the last unit of a list is every member's; "two or three years":
    both are durations (the dates')."""
    for k in range(len(atoms) - 2, -1, -1):
        a, b = atoms[k], atoms[k + 1]
        if (not a.unit and a.kind == "digit" and b.unit and b.label in ("QUANTITY", "PERCENT")
                and LIST_GAP.match(text, a.end, b.start) and not BETWEEN.search(text, max(0, a.start - 40), a.start)
                and text[max(0, a.start - 1):a.start] not in ("-", "–")):  # "aged 30-39 and 14%": no list
            a.unit, a.label = b.unit, b.label
        elif (not a.unit and a.kind in ("digit", "word") and b.label == DURATION
              and OR_GAP.fullmatch(text, a.end, b.start)):
            a.unit, a.label = b.unit, b.label


def _tolerance_or_cents(text: str, a: Atom, b: Atom, gap: str) -> bool:
    """Join ``b`` into ``a`` when it is a tolerance ("2,000.45 ± 0.01 pounds": the unit is the
    value's) or the cents of an amount ("3 dollars 50 cents", "15 USD 50")."""
    if TOLERANCE.match(gap) and not a.unit and a.kind == "digit" and b.kind == "digit":
        a.unit, a.label, a.surface_unit, a.end = b.unit, b.label, b.surface_unit, b.end
        return True
    if (a.label == "MONEY" and a.unit not in ("cent", "penny") and not a.scaled and a.value_max is None
            and CENTS_GAP.match(gap) and b.unit in ("", "cent", "penny") and not b.scaled
            and float(b.value).is_integer() and 0 < b.value < 100
            and not WORD_AFTER.match(text, b.end)):
        a.value = a.value + b.value / 100
        a.end = b.end
        return True
    return False


def _is_score(text: str, a: Atom, b: Atom, gap: str, t: Tables) -> bool:
    """"won 3-2", "a 17-6 lead", "6-4 6-3": two whole numbers joined by a dash, no unit, is a
    score (or a ratio: "a 2-1 majority") when the second is not larger or a word of a game
    is near; neither a range nor two quantities."""
    if not (a.kind == b.kind == "digit" and not (a.unit or b.unit or a.scaled or b.scaled)
            and SCORE_GAP.match(gap) and a.value_max is None and b.value_max is None
            and all(float(v).is_integer() and 0 <= v < 1000 for v in (a.value, b.value))):
        return False
    if b.value <= a.value:
        return True
    before = CLAUSE_BEFORE.search(text, max(0, a.start - 60), a.start).group()
    after = CLAUSE_AFTER.match(text, b.end, min(len(text), b.end + 30)).group()
    words = {w.lower() for w in WORDS.findall(before + " " + after)}
    return bool(words & t.score_words)


def _is_range(text: str, a: Atom, b: Atom, gap: str, t: Tables) -> bool:
    """Whether "a <gap> b" is one range: not a change ("rose from 5% to 10%"), a score
    ("won 3-1") or a list ("5 and 10" without "between")."""
    if gap.strip() in ("-", "–", "—") and a.kind != b.kind:
        return False  # "nearly two thirds - 65%": an apposition, not a range
    if not (a.kind not in ("ordinal", "mult") and b.kind not in ("ordinal", "mult")
            and not a.approx_plural and not b.approx_plural
            and CONNECTOR.match(gap)
            and (not a.unit or not b.unit or a.unit == b.unit or b.unit.startswith(a.unit + " per "))):
        return False
    word = gap.strip().lower()
    before = text[max(0, a.start - 40):a.start]
    between = BETWEEN.search(before)
    if word == "and" and not (between and between.group("w").lower() == "between"):
        return False
    if word.endswith(("to", "through")) and t.change_re.search(before):
        return False
    if (word.endswith("to") and between and between.group("w").lower() == "from"
            and not RANGING.search(text, max(0, a.start - 40), a.start)
            and t.change_from_re.search(text, max(0, a.start - 160), a.start)):
        # "revised from 157,000 to 133,000", "cut last year from 5% to 3%": a change;
        # "zones from 7 to 10", "ranging from 5 to 10": a range
        return False
    # "won 3-1", "an eight to one majority": a score or a ratio
    return bool(a.unit or b.unit) or b.value > a.value


def _range(text: str, a: Atom, b: Atom) -> Atom:
    """The one record of the range "a to b"; a missing scale on the low end is the high
    end's ("20 to 30 million"), and "between" is inside the span."""
    lo, hi = a.value, b.value
    if b.scale > 1 and a.scale == 1 and a.kind == "digit" and a.value <= b.value / b.scale:
        lo = a.value * b.scale
    merged = Atom(a.start, b.end, min(lo, hi), a.kind, unit=b.unit or a.unit,
                  label=b.label if b.unit else a.label,
                  surface_unit=b.surface_unit or a.surface_unit, scaled=a.scaled or b.scaled,
                  bound="range", value_max=max(lo, hi), age=b.age, num_end=b.num_end)
    between = BETWEEN.search(text[max(0, a.start - 40):a.start])
    if between and between.group("w").lower() == "between":
        merged.start = between.start() + max(0, a.start - 40)
    return merged


def merge_ranges(text: str, atoms: list[Atom], t: Tables) -> list[Atom]:
    """``atoms`` with neighbours joined into ranges, tolerances and amounts with cents."""
    atoms = sorted(atoms, key=lambda a: a.start)
    _share_units(text, atoms)
    out: list[Atom] = []
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
            if _tolerance_or_cents(text, a, b, gap):
                out.append(a)
                i += 2
                continue
            if _is_score(text, a, b, gap, t):
                i += 2  # a score is no quantity
                continue
            if _is_range(text, a, b, gap, t):
                out.append(_range(text, a, b))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
