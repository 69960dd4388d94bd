"""Lay items over a text: a boundary sweep that turns overlapping spans into nested markup.

Items may nest (a quantity inside an entity) or cross (a quotation that starts inside a
name). HTML elements can only nest, so :func:`layout` sweeps the text from boundary to
boundary keeping a stack of open marks, outermost first. A mark that must close while
marks opened after it are still open closes them, closes itself and reopens them: a
crossing mark becomes several fragments, each an element of its own, and every fragment
carries the mark's id so that a reader (or a test) can put it back together. The first
fragment carries the anchor the side panel links to; the last one the label tag.

Pure: no I/O, no HTML. The templates turn the tokens into elements.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, NamedTuple


@dataclass(frozen=True)
class Mark:
    """One highlighted span of the text and what the page shows about it."""

    start: int
    end: int
    id: str                       # unique on the page; the first fragment's anchor
    kind: str                     # entity, quantity, date, quote, speaker, cue
    label: str = ""
    classes: str = ""             # CSS classes beyond the kind's
    title: str = ""               # hover text
    color: str = ""               # background colour (displaCy's, by label)
    tag: str = ""                 # small label shown at the end ("ORG")
    after: str = ""               # text shown after the end (a quotation's speaker)
    attrs: dict = field(default_factory=dict, compare=False, hash=False)


class Token(NamedTuple):
    """``("text", text, None, ...)``, ``("open", "", mark, first)`` or ``("close", "", mark, last)``."""

    op: str
    text: str
    mark: Mark | None = None
    edge: bool = False            # open: first fragment; close: last fragment


def usable(marks: Iterable[Mark], n_chars: int) -> tuple[list[Mark], list[Mark]]:
    """Split marks into those that lie inside a text of ``n_chars`` and those that do not."""
    good, bad = [], []
    for m in marks:
        (good if 0 <= m.start < m.end <= n_chars else bad).append(m)
    return good, bad


def _openings(marks: list[Mark]) -> dict[int, list[Mark]]:
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    return starts


def _close_at(pos: int, stack: list[Mark], out: list[Token]) -> list[Mark]:
    """Close the marks ending at ``pos`` (and those above them); return the ones to reopen."""
    ending = [i for i, m in enumerate(stack) if m.end == pos]
    if not ending:
        return []
    lowest = ending[0]
    popped = stack[lowest:]
    del stack[lowest:]
    for m in reversed(popped):
        out.append(Token("close", "", m, m.end == pos))
    return [m for m in popped if m.end != pos]


def layout(text: str, marks: Iterable[Mark]) -> list[Token]:
    """Tokens that render ``text`` with every mark in place, nested where marks overlap.

    Marks must lie inside the text with ``start < end`` (see :func:`usable`). At one
    position the longer mark opens first (it is the outer one); marks reopened after a
    crossing keep their order before marks that start there.
    """
    marks = sorted(marks, key=lambda m: (m.start, -m.end))
    starts = _openings(marks)
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    stack: list[Mark] = []
    out: list[Token] = []
    for i, pos in enumerate(bounds):
        reopen = _close_at(pos, stack, out)
        opening = [(m, False) for m in reopen] + [(m, True) for m in starts.get(pos, [])]
        opening.sort(key=lambda mf: -mf[0].end)   # stable: reopened marks first on ties
        for m, first in opening:
            out.append(Token("open", "", m, first))
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(Token("text", text[pos:bounds[i + 1]]))
    return out


def fragments(tokens: Iterable[Token]) -> dict[str, list[tuple[int, int]]]:
    """Mark id -> the (start, end) text offsets of each of its fragments, from the tokens."""
    pos = 0
    open_at: dict[str, int] = {}
    out: dict[str, list[tuple[int, int]]] = {}
    for t in tokens:
        if t.op == "text":
            pos += len(t.text)
        elif t.op == "open":
            open_at[t.mark.id] = pos
        else:
            out.setdefault(t.mark.id, []).append((open_at.pop(t.mark.id), pos))
    return out
