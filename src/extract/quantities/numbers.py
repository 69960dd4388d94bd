"""Numbers as written: the :class:`Atom` record, digits ("1,200.5", "3 x 10^8", "2½") and
runs of number words ("a hundred and two", "two and a half", "two thirds"). Pure: no spaCy."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .grammar import PLURAL_SCALE, POWER, SUPERSCRIPTS
from .units import Tables


@dataclass
class Atom:
    """One number found in the text, with what was read around it so far."""

    start: int
    end: int
    value: float
    kind: str                 # "digit", "word", "ordinal", "mult", "article"
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
    #: the text allows two readings: the value and unit are left empty, ``note`` says why;
    #: or ``note`` names the reading chosen by convention ("cents: USD assumed")
    unknown: bool = False
    note: str = ""

    def rescale(self, factor: float) -> None:
        """Multiply by a scale read next to the number ("million", "bn", "MUSD")."""
        self.value *= factor
        self.scale *= factor
        self.scaled = True


def num(v: float) -> int | float:
    """A value for a record: 15 significant digits (what a float holds), not a fixed number
    of decimals ("6.6e-34" stays 6.6e-34; 0.1 + 0.2 is 0.3); whole numbers as int."""
    v = float(f"{float(v):.15g}")
    if v.is_integer() and abs(v) < 1e18:
        return int(v)
    return v


def parse_digits(s: str, t: Tables) -> float | None:
    """The value of a number written in digits, or None when it is none."""
    s = s.replace("−", "-")
    vf = 0.0
    if s and s[-1] in t.vulgar:
        vf = t.vulgar[s[-1]]
        s = s[:-1]
        if not s:
            return vf
    m = POWER.match(s.translate(SUPERSCRIPTS))
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


@dataclass
class _Reading:
    """The state of reading one number from a run of words."""

    total: float = 0.0
    cur: float = 0.0
    last: str | None = None       # what the last word was: unit, tens, hundred, scale, a, and, frac...
    prev_last: str | None = None  # ``last`` before an "and" or a comma
    has: bool = False             # a number word was read
    frac: bool = False            # a fraction was read
    end: int = 0
    done: Atom | None = None      # a lone ordinal or fraction word, read as its own atom


def _fraction_word(r: _Reading, w: str, ws: int, we: int, nxt: str | None, t: Tables) -> bool:
    """Read a fraction word ("half", "thirds") into ``r``; False when the number ends before it."""
    fw, sw = t.fraction_words, t.scale_words
    base = "half" if w in ("halves", "half") else (w if w in fw else w[:-1])
    den = fw[base]
    if r.last == "and_a":
        r.cur = r.cur + 1 / den
    elif r.last in ("unit", "tens", "a") and not r.frac and not (w == base and base not in ("half", "quarter") and r.cur > 1):
        r.cur = 1 / den if r.last == "a" else r.cur / den
    elif r.last is None and nxt in sw and base in ("half", "quarter"):
        r.cur = 1 / den
    elif r.last is None:
        if base in t.ordinal_words and base == w:
            r.done = Atom(ws, we, t.ordinal_words[base], "ordinal", label="ORDINAL", num_end=we)
        elif base in ("half", "quarter") and w == base:
            r.done = Atom(ws, we, 1 / den, "word", weak=True, num_end=we)
        return False
    else:
        return False
    r.last, r.has, r.end, r.frac = "frac", True, we, True
    return True


def _number_word(r: _Reading, v: int, we: int) -> bool:
    """Read a number word ("two", "forty") into ``r``; False when the number ends before it."""
    if r.last is None:
        r.cur = v
    elif r.last == "tens" and v < 10 and r.cur % 10 == 0:
        r.cur += v
    elif r.last in ("hundred", "and", "scale", "comma") and r.cur % 100 == 0:
        if r.last == "and" and r.prev_last not in ("hundred", "scale"):
            return False
        r.cur += v
    else:
        return False
    r.last = "tens" if v >= 20 else "unit"
    r.has, r.end = True, we
    return True


def _word(r: _Reading, w: str, ws: int, we: int, nxt: str | None, t: Tables) -> bool:
    """Read one token of a run into ``r``; False when the number ends before it."""
    nw, sw, fw = t.number_words, t.scale_words, t.fraction_words
    if w in ("a", "an"):
        if r.last not in (None, "and"):
            return False
        r.cur, r.last = (r.cur + 1 if r.last is None else r.cur), ("a" if r.last is None else "and_a")
    elif w in nw:
        return _number_word(r, nw[w], we)
    elif w == "hundred":
        if r.last not in (None, "unit", "tens", "a"):
            return False
        r.cur = (r.cur or 1) * 100
        r.last, r.has, r.end = "hundred", True, we
    elif w in sw:
        if r.last not in (None, "unit", "tens", "hundred", "a", "frac"):
            return False
        r.total = r.total + (r.cur or 1) * sw[w] if not (r.total and sw[w] > 1000 and r.total < sw[w]) \
            else (r.total + (r.cur or 0)) * sw[w]
        r.cur = 0
        r.last, r.has, r.end = "scale", True, we
    elif w == "dozen":
        if r.last not in ("unit", "tens", "a"):
            return False
        r.cur = (r.cur or 1) * 12
        r.last, r.has, r.end = "unit", True, we
    elif w in fw or (w.endswith("s") and w[:-1] in fw) or w == "halves":
        return _fraction_word(r, w, ws, we, nxt, t)
    elif w in ("and", "&"):
        if r.last not in ("hundred", "scale", "unit", "tens") or nxt is None:
            return False
        if not (nxt in ("a", "an") or nxt in nw) or (nxt in nw and r.last in ("unit", "tens")):
            return False
        r.prev_last, r.last = r.last, "and"
    elif w == ",":
        if r.last != "scale" or nxt is None or (nxt not in nw and nxt != "hundred"):
            return False
        r.prev_last, r.last = r.last, "comma"
    else:
        return False
    return True


def parse_words(run: str, offset: int, t: Tables) -> list[Atom]:
    """Split a run of number words into numbers: 'a hundred and two' -> 102;
    'two and a half' -> 2.5; 'two thirds' -> 0.667; 'one' 'two' (no joint) -> two numbers."""
    toks = _tokens_of_run(run, offset)
    out: list[Atom] = []
    i, n = 0, len(toks)
    while i < n:
        w, s, _ = toks[i]
        if w in ("and", "&", ","):
            i += 1
            continue
        if w in PLURAL_SCALE:
            end = toks[i][2]
            out.append(Atom(s, end, PLURAL_SCALE[w], "word", approx_plural=True, num_end=end))
            i += 1
            continue
        r = _Reading(end=s)
        j = i
        while j < n and _word(r, toks[j][0], toks[j][1], toks[j][2], toks[j + 1][0] if j + 1 < n else None, t):
            j += 1
        if r.done is not None:
            out.append(r.done)
            i = j + 1
            continue
        if not r.has:
            i = max(j, i + 1)
            continue
        out.append(Atom(s, r.end, r.total + r.cur, "word", num_end=r.end))
        # continue after the last consumed token of this number
        k = i
        while k < n and toks[k][2] <= r.end:
            k += 1
        i = k
    return out
