"""Score a run of the pipeline (its output tables) against a gold file.

``evaluate(gold, pred_dir)`` reads the gold records (``extract.gold``) and the
tables ``entities.csv``, ``quantities.csv``, ``dates.csv`` and ``quotes.csv`` in
``pred_dir`` (offsets into the RAW text, as ``extract run`` writes them), and for
each document and overall, each kind and each label, under both matching schemes
of :func:`extract.scoring.match_spans`:

* ``strict``: same start, same end, same label;
* ``overlap``: overlapping spans with the same label, paired one to one.

it counts tp / fp / fn with precision, recall and F1, and on matched pairs the
accuracy of the attributes (quantity value, unit, value_max, bound; date
normalized, type, mod; quote speaker and speaker mention). Quotes are scored under
the single label ``QUOTE``. Only the documents that appear in the gold are scored;
predictions for other documents are ignored.

Outputs (written atomically when ``out_dir`` is given):

* ``metrics.csv``: tidy, one row per doc_id x kind x label x scheme, with the rows
  ``doc_id == "ALL"`` and ``label == "ALL"`` for the totals;
* ``errors.csv``: every false positive, false negative and wrong attribute, with
  its text, what it was confused with and its sentence, for reading in a spreadsheet.

Why our own matcher and not a library: nervaluate (SemEval-2013 9.1 schemes) takes
token-tag lists or span lists per instance, treats ends as inclusive, counts partial
matches as half and, in its overlap strategies, can let one prediction serve several
gold items; spaCy's ``Scorer.score_spans`` needs ``Example`` objects with token-aligned
spans on one tokenisation and only does exact matching. Our gold is at character
offsets into the raw text (spans may hold a line-break hyphen) and we need the
matched pairs themselves to score attributes and list errors, so
``extract.scoring.match_spans`` implements the two schemes we report (nervaluate's
"strict" and, made one to one, its "ent_type" overlap scheme) over character
spans in ~60 lines; ``PRF`` follows spaCy's ``PRFScore``. The library never prints.
"""
from __future__ import annotations

import math
import os
import re
import tempfile
import warnings
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pandas as pd

from .documents import decode
from .errors import Errors, ExtractError, GoldError, Warnings
from . import schema
from .gold import KINDS, QUOTE_LABEL, load_corpus, read_gold, validate_records
from .scoring import PRF, SCHEMES, MatchResult, Span, match_spans
from .writers import publish

#: kind -> output table file name in the prediction directory
TABLES = {k.name: f"{k.table}.csv" for k in schema.BY_NAME.values()}

#: kind -> attributes compared on matched pairs. The first group is always scored;
#: the optional ones only when the prediction table has the column.
ATTRIBUTES = {k.name: k.attributes for k in schema.BY_NAME.values()}
OPTIONAL_ATTRIBUTES = {k.name: k.optional_attributes for k in schema.BY_NAME.values()}
ALL_ATTRIBUTES = tuple(dict.fromkeys(a for kind in schema.BY_NAME.values()
                                     for a in kind.attributes + kind.optional_attributes))

ALL = "ALL"

METRIC_COLUMNS = (["doc_id", "kind", "label", "scheme", "n_gold", "n_pred", "tp", "fp", "fn",
                   "precision", "recall", "f1", "matched"]
                  + [c for a in ALL_ATTRIBUTES for c in (f"{a}_correct", f"{a}_accuracy")])
ERROR_COLUMNS = ["doc_id", "kind", "scheme", "error", "label", "start_char", "end_char", "text",
                 "detail", "sentence"]


# ---------------------------------------------------------------- reading predictions

def _blank(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v == ""


def read_predictions(pred_dir: str | Path, kinds: Sequence[str] = KINDS) -> dict[str, list[dict]]:
    """kind -> records of the output tables in ``pred_dir`` (a missing table warns, gives [])."""
    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise ExtractError(Errors.E317.format(path=pred_dir))
    out: dict[str, list[dict]] = {}
    for kind in kinds:
        path = pred_dir / TABLES[kind]
        if not path.exists():
            warnings.warn(Warnings.W301.format(path=path, kind=kind))
            out[kind] = []
            continue
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        need = ["doc_id", "start_char", "end_char"] + ([] if kind == "quote" else ["label"])
        for col in need:
            if col not in df.columns:
                raise ExtractError(Errors.E316.format(path=path, column=col))
        records = []
        for i, row in enumerate(df.to_dict("records")):
            for col in ("start_char", "end_char", "speaker_start_char", "speaker_end_char"):
                if col not in row:
                    continue
                v = row[col].strip()
                if v == "" and col.startswith("speaker"):
                    row[col] = None
                    continue
                try:
                    row[col] = int(float(v))
                except ValueError:
                    raise ExtractError(Errors.E318.format(path=path, line=i + 2, column=col,
                                                          value=v)) from None
            for col in ("value", "value_max"):
                if col in row:
                    try:
                        row[col] = float(row[col]) if row[col].strip() else None
                    except ValueError:
                        pass  # kept as text; it will not equal the gold number
            if kind == "quote":
                row["label"] = QUOTE_LABEL
            records.append(row)
        out[kind] = records
    return out


def raw_texts_for(pred_dir: str | Path, doc_ids: Iterable[str],
                  corpus_dir: str | Path | None = None) -> dict[str, str]:
    """doc_id -> raw text, from ``corpus_dir`` or else the paths in ``documents.csv``."""
    texts: dict[str, str] = {}
    if corpus_dir is not None and Path(corpus_dir).is_dir():
        texts.update(load_corpus(corpus_dir))
    docs = Path(pred_dir) / "documents.csv"
    wanted = set(doc_ids) - set(texts)
    if wanted and docs.exists():
        df = pd.read_csv(docs, dtype=str, keep_default_na=False)
        if {"doc_id", "path"} <= set(df.columns):
            for doc_id, path in zip(df["doc_id"], df["path"]):
                p = Path(path)
                candidates = [p] if p.is_absolute() else [p, Path(pred_dir).parent / p]
                for c in candidates:
                    if doc_id in wanted and c.is_file():
                        try:
                            texts[doc_id] = decode(c.read_bytes(), str(c))[0]
                        except ExtractError:
                            pass
                        break
    return texts


# ---------------------------------------------------------------- text helpers

_HYPHEN_BREAK = re.compile(r"(?<=\w)-\n\s*(?=\w)")
_SPACE = re.compile(r"\s+")
_SENT_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")


def readable(text: str) -> str:
    """One-line form of a raw span: line-break hyphens joined, whitespace collapsed."""
    return _SPACE.sub(" ", _HYPHEN_BREAK.sub("", text or "")).strip()


class _Sentences:
    """Approximate sentence boundaries of a raw text (for the errors table only)."""

    def __init__(self, raw: str):
        self.raw = raw
        self.starts = [0] + [m.end() for m in _SENT_END.finditer(raw)]

    def around(self, start: int, end: int) -> str:
        i = bisect_right(self.starts, start) - 1
        j = bisect_right(self.starts, max(start, end - 1))
        stop = self.starts[j] if j < len(self.starts) else len(self.raw)
        return readable(self.raw[self.starts[max(i, 0)]:stop])


# ---------------------------------------------------------------- attribute comparison

def _norm_str(v) -> str:
    return "" if _blank(v) else readable(str(v))


def _same_number(a, b) -> bool:
    if _blank(a) and _blank(b):
        return True
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _overlaps(a0, a1, b0, b1) -> bool:
    if any(_blank(x) for x in (a0, a1, b0, b1)):
        return False
    return min(int(a1), int(b1)) > max(int(a0), int(b0))


def compare_attribute(attr: str, gold: dict, pred: dict) -> bool:
    """Whether the predicted ``attr`` agrees with the gold one on a matched pair."""
    if attr in ("value", "value_max"):
        return _same_number(gold.get(attr), pred.get(attr))
    if attr == "speaker_span":
        return _overlaps(gold.get("speaker_start_char"), gold.get("speaker_end_char"),
                         pred.get("speaker_start_char"), pred.get("speaker_end_char"))
    if attr in ("unit", "speaker", "cue"):
        return _norm_str(gold.get(attr)).casefold() == _norm_str(pred.get(attr)).casefold()
    return _norm_str(gold.get(attr)) == _norm_str(pred.get(attr))


def _attr_display(attr: str, rec: dict) -> str:
    if attr == "speaker_span":
        s, e = rec.get("speaker_start_char"), rec.get("speaker_end_char")
        return "" if _blank(s) else f"{s}:{e}"
    v = rec.get(attr)
    if isinstance(v, float) and not _blank(v) and v.is_integer():
        v = int(v)
    return _norm_str(v)


# ---------------------------------------------------------------- the result

@dataclass
class EvalResult:
    metrics: pd.DataFrame
    errors: pd.DataFrame
    doc_ids: list[str]
    notes: list[str] = field(default_factory=list)
    written: dict[str, Path] = field(default_factory=dict)

    def score(self, kind: str, scheme: str = "strict", label: str = ALL,
              doc_id: str = ALL) -> dict:
        """The metrics row of one doc x kind x label x scheme as a dict ({} if absent)."""
        m = self.metrics
        rows = m[(m.doc_id == doc_id) & (m.kind == kind) & (m.label == label) & (m.scheme == scheme)]
        return rows.iloc[0].to_dict() if len(rows) else {}


@dataclass
class _Counts:
    prf: PRF = field(default_factory=PRF)
    n_gold: int = 0
    n_pred: int = 0
    attr_correct: dict = field(default_factory=dict)

    def add(self, other: "_Counts") -> None:
        self.prf = self.prf + other.prf
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        for k, v in other.attr_correct.items():
            self.attr_correct[k] = self.attr_correct.get(k, 0) + v


def _spans(records: Iterable[dict]) -> list[Span]:
    return [Span(int(r["start_char"]), int(r["end_char"]), str(r.get("label") or ""), r)
            for r in records]


def _describe(span: Span, text: str) -> str:
    return f"{span.label} {readable(text)!r} [{span.start}:{span.end}]"


def compared_attributes(kind: str, gold: Sequence[Span], pred: Sequence[Span]) -> tuple[str, ...]:
    """Attributes compared on matched pairs of ``kind``: its own, and the optional ones both
    sides carry."""
    return ATTRIBUTES[kind] + tuple(
        a for a in OPTIONAL_ATTRIBUTES[kind]
        if any(a in p.data for p in pred) and any(a in g.data for g in gold))


def match_kind(gold_records: Iterable[dict], pred_records: Iterable[dict], kind: str,
               scheme: str = "strict") -> tuple[MatchResult, tuple[str, ...]]:
    """Pair one document's gold and predicted records of ``kind`` as :func:`evaluate` does
    (same spans, same matcher); also the attributes it compares on the pairs. The report uses it."""
    g_spans, p_spans = _spans(gold_records), _spans(pred_records)
    return match_spans(g_spans, p_spans, scheme), compared_attributes(kind, g_spans, p_spans)


def evaluate(
    gold: str | Path | Sequence[dict],
    pred_dir: str | Path,
    out_dir: str | Path | None = None,
    *,
    raw_texts: Mapping[str, str] | None = None,
    corpus_dir: str | Path | None = None,
    kinds: Sequence[str] = KINDS,
    schemes: Sequence[str] = SCHEMES,
) -> EvalResult:
    """Score the tables in ``pred_dir`` against ``gold`` (a gold file, folder or records).

    ``raw_texts`` (doc_id -> raw text) is only used to show each error's sentence; without
    it the texts come from ``corpus_dir`` or the paths in ``pred_dir/documents.csv``.
    With ``out_dir``, writes ``metrics.csv`` and ``errors.csv`` there (atomically).
    """
    gold_records = read_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    problems = [p for p in validate_records(
        ((r.get("_path", "<gold>"), r.get("_line", i + 1), r) for i, r in enumerate(gold_records)))
        if p.severity == "error"]
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise GoldError("; ".join(str(p) for p in problems[:5]) + more)
    for r in gold_records:
        if r.get("kind") == "quote" and not r.get("label"):
            r["label"] = QUOTE_LABEL
    doc_ids = sorted({r["doc_id"] for r in gold_records})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        predictions = read_predictions(pred_dir, kinds)
    notes = [str(w.message) for w in caught]
    for w in caught:
        warnings.warn(w.message)
    if raw_texts is None:
        raw_texts = raw_texts_for(pred_dir, doc_ids, corpus_dir)
    sentences = {d: _Sentences(t) for d, t in raw_texts.items()}

    counts: dict[tuple[str, str, str, str], _Counts] = {}
    error_rows: list[dict] = []

    def bucket(doc_id, kind, label, scheme) -> _Counts:
        return counts.setdefault((doc_id, kind, label, scheme), _Counts())

    for doc_id in doc_ids:
        raw = raw_texts.get(doc_id, "")
        sent = sentences.get(doc_id)
        for kind in kinds:
            g_spans = _spans(r for r in gold_records if r["doc_id"] == doc_id and r["kind"] == kind)
            p_spans = _spans(r for r in predictions.get(kind, []) if r.get("doc_id") == doc_id)
            attrs = compared_attributes(kind, g_spans, p_spans)
            labels = sorted({s.label for s in g_spans} | {s.label for s in p_spans})
            for scheme in schemes:
                for label in labels:
                    c = bucket(doc_id, kind, label, scheme)
                    c.n_gold += sum(s.label == label for s in g_spans)
                    c.n_pred += sum(s.label == label for s in p_spans)
                if not labels:
                    bucket(doc_id, kind, ALL, scheme)  # keeps an all-zero row per kind
                result = match_spans(g_spans, p_spans, scheme)

                def text_of(span: Span) -> str:
                    if raw and span.end <= len(raw):
                        return raw[span.start:span.end]
                    return str(span.data.get("text", ""))

                def row(error: str, span: Span, detail: str) -> dict:
                    return {"doc_id": doc_id, "kind": kind, "scheme": scheme, "error": error,
                            "label": span.label, "start_char": span.start, "end_char": span.end,
                            "text": readable(text_of(span)), "detail": detail,
                            "sentence": sent.around(span.start, span.end) if sent else ""}

                for g, p in result.pairs:
                    c = bucket(doc_id, kind, g.label, scheme)
                    c.prf.tp += 1
                    for attr in attrs:
                        ok = compare_attribute(attr, g.data, p.data)
                        c.attr_correct[attr] = c.attr_correct.get(attr, 0) + ok
                        if not ok:
                            detail = (f"{attr}: gold {_attr_display(attr, g.data)!r}, "
                                      f"predicted {_attr_display(attr, p.data)!r}")
                            if (g.start, g.end) != (p.start, p.end):
                                detail += f"; predicted span {readable(text_of(p))!r}"
                            error_rows.append(row(f"wrong_{attr}", g, detail))
                for g in result.false_negatives:
                    bucket(doc_id, kind, g.label, scheme).prf.fn += 1
                    near = [p for p in p_spans if p.start < g.end and g.start < p.end]
                    detail = ("predicted " + "; ".join(_describe(p, text_of(p)) for p in near)
                              if near else "not found")
                    error_rows.append(row("false_negative", g, detail))
                for p in result.false_positives:
                    bucket(doc_id, kind, p.label, scheme).prf.fp += 1
                    near = [g for g in g_spans if g.start < p.end and p.start < g.end]
                    detail = ("gold " + "; ".join(_describe(g, text_of(g)) for g in near)
                              if near else "no gold item here")
                    error_rows.append(row("false_positive", p, detail))

    # totals: per doc over labels, over docs per label, and over both
    totals: dict[tuple[str, str, str, str], _Counts] = {}
    for (doc_id, kind, label, scheme), c in counts.items():
        for key in {(doc_id, kind, label, scheme), (doc_id, kind, ALL, scheme),
                    (ALL, kind, label, scheme), (ALL, kind, ALL, scheme)}:
            if label == ALL and key[2] != ALL:
                continue
            totals.setdefault(key, _Counts()).add(c)

    rows = []
    for (doc_id, kind, label, scheme), c in totals.items():
        r = {"doc_id": doc_id, "kind": kind, "label": label, "scheme": scheme,
             "n_gold": c.n_gold, "n_pred": c.n_pred, "tp": c.prf.tp, "fp": c.prf.fp,
             "fn": c.prf.fn, "precision": round(c.prf.precision, 4),
             "recall": round(c.prf.recall, 4), "f1": round(c.prf.f1, 4), "matched": c.prf.tp}
        for attr in ALL_ATTRIBUTES:
            if attr in c.attr_correct:
                r[f"{attr}_correct"] = c.attr_correct[attr]
                r[f"{attr}_accuracy"] = (round(c.attr_correct[attr] / c.prf.tp, 4)
                                         if c.prf.tp else None)
        rows.append(r)
    metrics = pd.DataFrame(rows, columns=METRIC_COLUMNS)
    doc_order = {d: i for i, d in enumerate([ALL] + doc_ids)}
    kind_order = {k: i for i, k in enumerate(KINDS)}
    scheme_order = {s: i for i, s in enumerate(SCHEMES)}
    metrics = metrics.sort_values(
        ["doc_id", "kind", "label", "scheme"],
        key=lambda s: (s.map(doc_order) if s.name == "doc_id" else s.map(kind_order)
                       if s.name == "kind" else s.map(lambda v: "" if v == ALL else "~" + v)
                       if s.name == "label" else s.map(scheme_order)
                       if s.name == "scheme" else s)).reset_index(drop=True)
    errors = pd.DataFrame(error_rows, columns=ERROR_COLUMNS)
    if len(errors):
        errors = errors.sort_values(["doc_id", "kind", "scheme", "start_char", "error"],
                                    key=lambda s: s.map(kind_order) if s.name == "kind" else s,
                                    kind="stable").reset_index(drop=True)
    result = EvalResult(metrics=metrics, errors=errors, doc_ids=doc_ids, notes=notes)
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        for name, df in (("metrics.csv", metrics), ("errors.csv", errors)):
            write_csv_atomic(df, out / name)
            result.written[name] = out / name
    return result


def write_csv_atomic(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` as UTF-8 CSV to a temporary file beside ``path``, then rename it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            df.to_csv(f, index=False)
        publish(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def format_summary(result: EvalResult, *, labels: bool = False) -> str:
    """A short fixed-width table of the overall figures (and per label with ``labels``)."""
    m = result.metrics[result.metrics.doc_id == ALL]
    if not labels:
        m = m[m.label == ALL]
    head = f"{'kind':<9} {'label':<12} {'scheme':<8} {'gold':>5} {'pred':>5} {'tp':>4} {'fp':>4} " \
           f"{'fn':>4} {'P':>6} {'R':>6} {'F1':>6}  attributes on matched pairs"
    lines = [f"{len(result.doc_ids)} document(s): {', '.join(result.doc_ids)}", head,
             "-" * len(head)]
    for r in m.to_dict("records"):
        attrs = []
        for attr in ALL_ATTRIBUTES:
            acc = r.get(f"{attr}_accuracy")
            if acc is not None and not _blank(acc):
                attrs.append(f"{attr} {acc:.2f} ({int(r[f'{attr}_correct'])}/{r['matched']})")
        lines.append(f"{r['kind']:<9} {r['label']:<12} {r['scheme']:<8} {r['n_gold']:>5} "
                     f"{r['n_pred']:>5} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4} "
                     f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}  "
                     + ", ".join(attrs))
    lines.extend(f"note: {n}" for n in result.notes)
    return "\n".join(lines)
