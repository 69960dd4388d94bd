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

import hashlib
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
from .io import read_table, table_format
from .scoring import PRF, SCHEMES, MatchResult, Span, match_spans
from .writers import publish

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

#: columns a prediction table must have to be scored against gold of its kind
def required_columns(kind: str) -> tuple[str, ...]:
    k = schema.BY_NAME[kind]
    need = ["doc_id", "start_char", "end_char"] + ([] if k.default_label else ["label"])
    for attr in k.attributes:
        need += ["speaker_start_char", "speaker_end_char"] if attr == "speaker_span" else [attr]
    return tuple(need)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Plain Python records of a typed frame: None for an empty cell, int and float numbers."""
    out = []
    for rec in frame.astype(object).where(frame.notna(), None).to_dict("records"):
        out.append({k: (int(v) if hasattr(v, "dtype") and v.dtype.kind in "iu" else
                        float(v) if hasattr(v, "dtype") and v.dtype.kind == "f" else v)
                    for k, v in rec.items()})
    return out


def read_predictions(pred_dir: str | Path, kinds: Sequence[str] = KINDS, *,
                     strict: bool = False) -> dict[str, list[dict]]:
    """kind -> records of the prediction tables in ``pred_dir``, in any format ``extract run``
    writes (read by :func:`extract.io.read_table`, typed by the schema; only the columns the
    file has). A folder with none of the tables raises; a missing table warns (W301) and gives
    [], or raises with ``strict``, as does a table without a column the gold needs (E316).
    Quote rows whose ``quote_type`` is not one of ``schema.QUOTATION_TYPES`` (scare quotes,
    titles) are left out: the gold annotates quotations only."""
    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise ExtractError(Errors.E317.format(path=pred_dir))
    names = [schema.BY_NAME[k].table for k in kinds]
    if not any(table_format(pred_dir, t) for t in list(names) + [schema.DOCUMENTS_TABLE]):
        raise ExtractError(Errors.E322.format(path=pred_dir, tables=", ".join(names)))
    out: dict[str, list[dict]] = {}
    for kind in kinds:
        table = schema.BY_NAME[kind].table
        if table_format(pred_dir, table) is None:
            if strict:
                raise ExtractError(Errors.E321.format(path=pred_dir, table=table))
            warnings.warn(Warnings.W301.format(path=pred_dir / f"{table}.csv", kind=kind))
            out[kind] = []
            continue
        frame = read_table(pred_dir, table, required=required_columns(kind), present_only=True)
        records = _records(frame)
        if kind == schema.QUOTE.name:   # scare quotes and titles are not quotations: not scored
            records = [r for r in records if r.get("quote_type") in (None, "") + schema.QUOTATION_TYPES]
        label = schema.BY_NAME[kind].default_label
        if label:
            for r in records:
                r["label"] = label
        out[kind] = records
    return out


def predicted_doc_ids(pred_dir: str | Path, predictions: Mapping[str, list[dict]]) -> set[str]:
    """The documents the run behind ``pred_dir`` processed: those of its documents table
    (status ok or partial), else every doc_id in the item tables."""
    if table_format(pred_dir, schema.DOCUMENTS_TABLE) is not None:
        docs = read_table(pred_dir, schema.DOCUMENTS_TABLE, required=("doc_id",))
        if "status" in docs.columns:
            docs = docs[docs["status"].fillna("ok") != "error"]
        return {d for d in docs["doc_id"].dropna()}
    return {r.get("doc_id") for recs in predictions.values() for r in recs}


def _vouched_text(path: str, sha1: str | None, pred_dir: Path) -> str | None:
    """The article at ``path`` (a documents-table cell) if it is the very text the run read:
    a .txt file whose decoded text has the run's ``text_sha1``. Anything else is not read."""
    if not path or not sha1 or not path.lower().endswith(".txt"):
        return None
    p = Path(path)
    for candidate in ([p] if p.is_absolute() else [p, pred_dir.parent / p]):
        try:
            if not candidate.is_file() or candidate.stat().st_size > MAX_TEXT_BYTES:
                continue
            text = decode(candidate.read_bytes(), str(candidate))[0]
        except (ExtractError, OSError):
            continue
        if hashlib.sha1(text.encode("utf-8")).hexdigest() == sha1:
            return text
    return None


#: an article bigger than this is not read back for the errors table
MAX_TEXT_BYTES = 50_000_000


def raw_texts_for(pred_dir: str | Path, doc_ids: Iterable[str],
                  texts_dir: str | Path | None = None) -> dict[str, str]:
    """doc_id -> raw text of the documents asked for, from ``texts_dir`` (the articles' folder,
    named as ``extract run`` names them), else from the run's own inputs: the ``path`` of the
    documents table, read only when it is a .txt file whose text has the run's ``text_sha1``
    (a predictions folder cannot make evaluate read an arbitrary file)."""
    wanted = set(doc_ids)
    texts: dict[str, str] = {}
    if texts_dir is not None:
        if not Path(texts_dir).is_dir():
            raise ExtractError(Errors.E004.format(path=texts_dir))
        texts.update(load_corpus(texts_dir, wanted))
    pred_dir = Path(pred_dir)
    missing = wanted - set(texts)
    if missing and table_format(pred_dir, schema.DOCUMENTS_TABLE) is not None:
        docs = _records(read_table(pred_dir, schema.DOCUMENTS_TABLE, required=("doc_id",)))
        for d in docs:
            if d.get("doc_id") in missing and d["doc_id"] not in texts:
                text = _vouched_text(d.get("path") or "", d.get("text_sha1"), pred_dir)
                if text is not None:
                    texts[d["doc_id"]] = text
    return texts


def _blank(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v == ""


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


#: ``kinds``/``labels`` value: score only what the gold annotates (partial gold)
ANNOTATED = "annotated"


def scope(gold_records: Sequence[dict], kinds: str | Sequence[str] | None = None,
          labels: str | Mapping[str, Sequence[str]] | Sequence[str] | None = None
          ) -> tuple[tuple[str, ...], dict[str, frozenset[str] | None]]:
    """The kinds scored and, per kind, the labels scored (None: all of them).

    ``kinds``: None for every kind, ``"annotated"`` for the kinds the gold has records of
    (a gold with quotes only does not turn every predicted entity into a false positive),
    or kind names. ``labels``: None for all, ``"annotated"`` for the labels the gold uses
    in each kind, a list of labels, or kind -> labels.
    """
    if kinds is None:
        chosen = tuple(KINDS)
    elif kinds == ANNOTATED:
        present = {r.get("kind") for r in gold_records}
        chosen = tuple(k for k in KINDS if k in present)
    else:
        chosen = tuple(kinds)
        for k in chosen:
            if k not in KINDS:
                raise ExtractError(Errors.E330.format(what="kind", value=k, allowed=", ".join(KINDS)))
    out: dict[str, frozenset[str] | None] = {}
    for k in chosen:
        if labels is None:
            out[k] = None
        elif labels == ANNOTATED:
            out[k] = frozenset(r.get("label") for r in gold_records if r.get("kind") == k)
        elif isinstance(labels, Mapping):
            out[k] = frozenset(labels[k]) if k in labels else None
        else:
            known = set(schema.BY_NAME[k].labels)
            out[k] = frozenset(lab for lab in labels if lab in known) or None
    if labels not in (None, ANNOTATED):
        every = {lab for kind in schema.BY_NAME.values() for lab in kind.labels}
        asked = [lab for v in (labels.values() if isinstance(labels, Mapping) else [labels]) for lab in v]
        for lab in asked:
            if lab not in every:
                raise ExtractError(Errors.E330.format(what="label", value=lab, allowed=", ".join(sorted(every))))
    return chosen, out


def _load_gold(gold: str | Path | Sequence[dict]) -> list[dict]:
    records = read_gold(gold) if isinstance(gold, (str, Path)) else [dict(r) for r in gold]
    if not records:
        raise GoldError(Errors.E324 if isinstance(gold, (str, Path)) and Path(gold).is_dir()
                        else Errors.E314)
    for r in records:
        if r.get("kind") == "quote" and not r.get("label"):
            r["label"] = QUOTE_LABEL
    return records


def check_gold(records: Sequence[dict], raw_texts: Mapping[str, str]) -> None:
    """Refuse gold that cannot be scored: the checks of ``extract validate-gold`` (spans inside
    and equal to the raw text, offsets, labels, vocabularies, finite values, TIMEX3 values)."""
    problems = [p for p in validate_records(
        ((r.get("_path", "<gold>"), r.get("_line", i + 1), r) for i, r in enumerate(records)), raw_texts)
        if p.severity == "error"]
    if problems:
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise GoldError(Errors.E325.format(n=len(problems), problems=shown + more))


def _with_notes(call):
    """Run ``call``; return its result and the warnings it gave, as notes (and warn them again)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    for w in caught:
        warnings.warn(w.message)
    return result, [str(w.message) for w in caught]


class _Scorer:
    """Counts and error rows of one evaluation, document by document."""

    def __init__(self, schemes: Sequence[str]) -> None:
        self.schemes = schemes
        self.counts: dict[tuple[str, str, str, str], _Counts] = {}
        self.error_rows: list[dict] = []

    def bucket(self, doc_id, kind, label, scheme) -> _Counts:
        return self.counts.setdefault((doc_id, kind, label, scheme), _Counts())

    def document(self, doc_id: str, kind: str, g_spans: list[Span], p_spans: list[Span],
                 raw: str, sent: "_Sentences | None") -> None:
        attrs = compared_attributes(kind, g_spans, p_spans)
        labels = sorted({s.label for s in g_spans} | {s.label for s in p_spans})

        def text_of(span: Span) -> str:
            if raw and span.end <= len(raw):
                return raw[span.start:span.end]
            return str(span.data.get("text") or "")

        for scheme in self.schemes:
            for label in labels:
                c = self.bucket(doc_id, kind, label, scheme)
                c.n_gold += sum(s.label == label for s in g_spans)
                c.n_pred += sum(s.label == label for s in p_spans)
            if not labels:
                self.bucket(doc_id, kind, ALL, scheme)  # keeps an all-zero row per kind
            result = match_spans(g_spans, p_spans, scheme)

            def row(error: str, span: Span, detail: str) -> dict:
                return {"doc_id": doc_id, "kind": kind, "scheme": scheme, "error": error,
                        "label": span.label, "start_char": span.start, "end_char": span.end,
                        "text": readable(text_of(span)), "detail": detail,
                        "sentence": sent.around(span.start, span.end) if sent else ""}

            for g, p in result.pairs:
                c = self.bucket(doc_id, kind, g.label, scheme)
                c.prf.tp += 1
                for attr in attrs:
                    ok = compare_attribute(attr, g.data, p.data)
                    c.attr_correct[attr] = c.attr_correct.get(attr, 0) + ok
                    if not ok:
                        detail = (f"{attr}: gold {_attr_display(attr, g.data)!r}, "
                                  f"predicted {_attr_display(attr, p.data)!r}")
                        if (g.start, g.end) != (p.start, p.end):
                            detail += f"; predicted span {readable(text_of(p))!r}"
                        self.error_rows.append(row(f"wrong_{attr}", g, detail))
            for error, spans, others, side, nothing in (
                    ("false_negative", result.false_negatives, p_spans, "predicted", "not found"),
                    ("false_positive", result.false_positives, g_spans, "gold", "no gold item here")):
                for span in spans:
                    c = self.bucket(doc_id, kind, span.label, scheme).prf
                    if error == "false_negative":
                        c.fn += 1
                    else:
                        c.fp += 1
                    near = [o for o in others if o.start < span.end and span.start < o.end]
                    detail = (f"{side} " + "; ".join(_describe(o, text_of(o)) for o in near)
                              if near else nothing)
                    self.error_rows.append(row(error, span, detail))


def _metrics_frame(counts: Mapping[tuple[str, str, str, str], _Counts], doc_ids: list[str]) -> pd.DataFrame:
    """Tidy metrics: per doc over labels, over docs per label, and over both."""
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
    return metrics.sort_values(
        ["doc_id", "kind", "label", "scheme"],
        key=lambda s: (s.map(doc_order) if s.name == "doc_id" else s.map(kind_order)
                       if s.name == "kind" else s.map(lambda v: "" if v == ALL else "~" + v)
                       if s.name == "label" else s.map(scheme_order)
                       if s.name == "scheme" else s)).reset_index(drop=True)


def _errors_frame(error_rows: list[dict]) -> pd.DataFrame:
    errors = pd.DataFrame(error_rows, columns=ERROR_COLUMNS)
    if len(errors):
        kind_order = {k: i for i, k in enumerate(KINDS)}
        errors = errors.sort_values(["doc_id", "kind", "scheme", "start_char", "error"],
                                    key=lambda s: s.map(kind_order) if s.name == "kind" else s,
                                    kind="stable").reset_index(drop=True)
    return errors


def _some(names: Sequence[str], n: int = 10) -> str:
    return ", ".join(names[:n]) + (f" and {len(names) - n} more" if len(names) > n else "")


def evaluate(
    gold: str | Path | Sequence[dict],
    pred_dir: str | Path,
    out_dir: str | Path | None = None,
    *,
    raw_texts: Mapping[str, str] | None = None,
    texts_dir: str | Path | None = None,
    corpus_dir: str | Path | None = None,
    kinds: str | Sequence[str] | None = None,
    labels: str | Mapping[str, Sequence[str]] | Sequence[str] | None = None,
    schemes: Sequence[str] = SCHEMES,
) -> EvalResult:
    """Score the tables in ``pred_dir`` (any format ``extract run`` writes) against ``gold``
    (a gold file, folder or records).

    The gold is checked first, against the raw texts, with the checks of ``extract
    validate-gold``, and refused (GoldError) when it has errors. The raw texts are
    ``raw_texts`` (doc_id -> text), else read from ``texts_dir`` (``corpus_dir`` is the
    older name) and then from the run's own inputs (see :func:`raw_texts_for`).

    ``kinds`` and ``labels`` choose what is scored (see :func:`scope`; ``"annotated"``: what
    the gold annotates). Raises ExtractError when the folder has no tables, a scored table is
    missing or lacks a column the gold needs, or a gold document has no predictions at all.
    With ``out_dir``, writes ``metrics.csv`` and ``errors.csv`` there (atomically).
    """
    all_gold = _load_gold(gold)
    kinds, label_scope = scope(all_gold, kinds, labels)
    gold_records = [r for r in all_gold if r.get("kind") in label_scope
                    and (label_scope[r["kind"]] is None or r.get("label") in label_scope[r["kind"]])]
    doc_ids = sorted({str(r.get("doc_id")) for r in all_gold})
    check_gold(all_gold, None)   # what the records show on their own, before looking for texts
    predictions, notes = _with_notes(lambda: read_predictions(pred_dir, kinds, strict=True))
    missing = sorted(set(doc_ids) - predicted_doc_ids(pred_dir, predictions))
    if missing:
        raise ExtractError(Errors.E323.format(path=pred_dir, n=len(missing), doc_ids=_some(missing)))
    if raw_texts is None:
        raw_texts = raw_texts_for(pred_dir, doc_ids, texts_dir if texts_dir is not None else corpus_dir)
    no_text = [d for d in doc_ids if d not in raw_texts]
    if no_text:
        raise GoldError(Errors.E329.format(n=len(no_text), doc_ids=_some(no_text)))
    check_gold(all_gold, raw_texts)
    scorer = _Scorer(schemes)
    for doc_id in doc_ids:
        raw = raw_texts.get(doc_id, "")
        sent = _Sentences(raw) if raw else None
        for kind in kinds:
            allowed = label_scope[kind]
            g_spans = _spans(r for r in gold_records if r["doc_id"] == doc_id and r["kind"] == kind)
            p_spans = _spans(r for r in predictions.get(kind, []) if r.get("doc_id") == doc_id
                             and (allowed is None or r.get("label") in allowed))
            scorer.document(doc_id, kind, g_spans, p_spans, raw, sent)
    result = EvalResult(metrics=_metrics_frame(scorer.counts, doc_ids), errors=_errors_frame(scorer.error_rows),
                        doc_ids=doc_ids, notes=notes)
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        for name, df in (("metrics.csv", result.metrics), ("errors.csv", result.errors)):
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
