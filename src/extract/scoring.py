"""Span matching and precision/recall/F1: the one matcher every scorer uses.

A span is anything with ``start``, ``end`` and ``label`` (see :class:`Span`).
Two schemes, as in the issue that asked for them:

* ``strict``: same start, same end, same label;
* ``overlap``: overlapping character ranges and the same label, paired one to one.
  Among several candidates the pair with the largest overlap is taken first
  (greedy by overlap size, ties broken by position), so one prediction never
  counts for two gold spans.

Pass ``labels=False`` to ignore labels (e.g. "any overlap" for TempEval's relaxed F1).

Why not a library. nervaluate (SemEval-2013 task 9.1 schemes) was read: its "strict" scheme is
our ``strict`` and its "ent_type" scheme is our ``overlap``, but it works on per-instance lists
with inclusive ends, scores "partial" matches as half, and in its overlap strategies one
prediction can be credited to several gold items. spaCy's ``Scorer.score_spans`` compares
``(label, start_token, end_token)`` sets on ``Example`` objects, so it needs both sides on one
tokenisation and only does exact matching. Our gold sits at character offsets into the raw text
(a span can hold a line-break hyphen), and the evaluation needs the matched pairs themselves to
score attributes (value, unit, normalized, speaker) and list every error, so this small matcher
over character spans is kept; :class:`PRF` follows spaCy's ``PRFScore``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .errors import ConfigError, Errors

SCHEMES = ("strict", "overlap")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str = ""
    data: Any = field(default=None, compare=False, hash=False)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class MatchResult:
    pairs: list[tuple[Span, Span]]   # (gold, pred)
    false_negatives: list[Span]      # gold with no partner
    false_positives: list[Span]      # predictions with no partner

    @property
    def prf(self) -> PRF:
        return PRF(len(self.pairs), len(self.false_positives), len(self.false_negatives))


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_spans(
    gold: Iterable[Span],
    pred: Iterable[Span],
    scheme: str = "strict",
    *,
    labels: bool = True,
) -> MatchResult:
    """Pair gold and predicted spans one to one under ``scheme``."""
    if scheme not in SCHEMES:
        raise ConfigError(Errors.E010.format(value=scheme, allowed=", ".join(SCHEMES)))
    gold = list(gold)
    pred = list(pred)
    candidates: list[tuple[int, int, int, int]] = []  # (-overlap, gold_idx, pred_idx)
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if labels and g.label != p.label:
                continue
            if scheme == "strict":
                if g.start == p.start and g.end == p.end:
                    candidates.append((-(g.end - g.start), gi, pi, 0))
            else:
                ov = _overlap(g, p)
                # zero-length spans overlap when they sit at the same offset
                if ov > 0 or (ov == 0 and g.start == p.start):
                    candidates.append((-ov, abs(g.start - p.start) + abs(g.end - p.end), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[Span, Span]] = []
    for cand in candidates:
        gi, pi = (cand[1], cand[2]) if scheme == "strict" else (cand[2], cand[3])
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    pairs.sort(key=lambda gp: (gp[0].start, gp[0].end))
    return MatchResult(
        pairs=pairs,
        false_negatives=[g for i, g in enumerate(gold) if i not in used_g],
        false_positives=[p for i, p in enumerate(pred) if i not in used_p],
    )


def prf_table(results: Sequence[tuple[str, PRF]]) -> list[dict]:
    """Rows of name, tp, fp, fn, precision, recall, f1 for printing or CSV."""
    return [
        {"name": n, "tp": s.tp, "fp": s.fp, "fn": s.fn,
         "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
        for n, s in results
    ]
