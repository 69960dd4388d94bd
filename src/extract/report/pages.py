"""The page models of the report: pure functions from table rows to what each page shows.

* :func:`index_rows`: one row per article (title, date, status, counts per table);
* :func:`article_view`: the marks laid over one article and its side panel, by table;
* :func:`evaluation_view`: gold and predictions of one article paired by the matcher of
  ``extract evaluate`` (:func:`extract.evaluate.match_kind`), hits, misses and false hits
  as marks, attribute mismatches flagged;
* :func:`summary_rows` and :func:`bar_chart`: the metrics table and the P/R/F1 chart.

Nothing here reads files or writes HTML; :mod:`extract.report.render` does.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from spacy.displacy.render import DEFAULT_LABEL_COLORS

from .. import schema
from ..errors import Warnings
from ..evaluate import ALL, compare_attribute, match_kind, readable
from .layout import Mark, Token, layout, usable

#: kinds in the order pages show them
KIND_ORDER: tuple[str, ...] = tuple(schema.BY_NAME)
#: columns every item table has; the rest are the item's attributes
_BASE = {"doc_id", "start_char", "end_char", "text", "label"}
_OFFSETS = {"speaker_start_char", "speaker_end_char", "cue_start_char", "cue_end_char"}
#: the attributes shown for an item of each kind, in table order
DETAILS: dict[str, tuple[str, ...]] = {
    k.name: tuple(c for c in k.column_names if c not in _BASE and c not in _OFFSETS)
    for k in schema.KINDS}
#: columns holding a number (shown with thousands separators); an int column such as a year-like
#: ``sentence_id`` and text columns such as ``normalized`` ("2001") are shown as written
NUMBERS = {c.name for k in schema.KINDS for c in k.columns if c.dtype == "float"}
#: kind -> letter of its mark ids
_LETTER = {"entity": "e", "quantity": "q", "date": "d", "quote": "t"}
QUOTE = schema.QUOTE.name


def color(label: str) -> str:
    """displaCy's colour for an OntoNotes label ('' for others)."""
    return DEFAULT_LABEL_COLORS.get(label, "")


def shown(value, number: bool = False) -> str:
    """A cell as the page shows it: blanks empty, and with ``number`` thousands separators."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    if number and re.fullmatch(r"-?\d+(\.\d+)?(e[+-]?\d+)?", text):
        number = float(text)
        if math.isfinite(number) and number.is_integer() and abs(number) < 1e15:
            return f"{int(number):,}"
        return f"{number:,.6g}"
    return text


def _attributes(kind: str, row: dict) -> list[tuple[str, str]]:
    pairs = [("label", row.get("label", ""))] if kind != QUOTE else []
    pairs += [(c, shown(row.get(c), c in NUMBERS)) for c in DETAILS[kind]]
    return [(k, v) for k, v in pairs if v != ""]


def _title(kind: str, row: dict) -> str:
    return " · ".join(f"{k} {v}" for k, v in _attributes(kind, row))


# ---------------------------------------------------------------- index

@dataclass
class IndexRow:
    doc_id: str
    title: str
    published: str
    status: str
    error: str
    warnings: str
    n_chars: str
    counts: dict[str, int]
    page: str = ""                # article page, relative to the index ('' when none)
    eval_page: str = ""


def index_rows(tables: dict[str, list[dict]]) -> list[IndexRow]:
    """One row per article of the documents table (and per doc_id only items mention)."""
    counts: dict[str, dict[str, int]] = {}
    for kind in schema.KINDS:
        for row in tables.get(kind.table, []):
            per = counts.setdefault(row.get("doc_id", ""), {})
            per[kind.table] = per.get(kind.table, 0) + 1
    rows, seen = [], set()
    for doc in tables.get(schema.DOCUMENTS_TABLE, []):
        doc_id = doc.get("doc_id", "")
        if doc_id in seen:
            continue
        seen.add(doc_id)
        rows.append(IndexRow(doc_id, doc.get("title", ""), doc.get("published", ""),
                             doc.get("status", ""), doc.get("error", ""), doc.get("warnings", ""),
                             doc.get("n_chars", ""), counts.get(doc_id, {})))
    for doc_id in sorted(set(counts) - seen):
        rows.append(IndexRow(doc_id, "", "", "", "", "", "", counts[doc_id]))
    return rows


# ---------------------------------------------------------------- article view

@dataclass
class PanelItem:
    anchor: str                   # the mark's id ('' when the item could not be marked)
    text: str
    label: str
    attributes: list[tuple[str, str]]
    status: str = ""              # evaluation: hit, fn, fp
    note: str = ""                # evaluation: the attribute mismatches
    start: int = 0


@dataclass
class View:
    """What an article page shows: the tokens of the text, the side panel and problems."""

    tokens: list[Token]
    panel: dict[str, list[PanelItem]]
    n_marks: int
    problems: list[str] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def _item_mark(kind: str, row: dict, mark_id: str, classes: str = "", title: str = "",
               after: str = "") -> Mark:
    label = row.get("label", "") or ""
    return Mark(int(row["start_char"]), int(row["end_char"]), mark_id, kind, label,
                classes=classes, title=title or _title(kind, row), color=color(label),
                tag="" if kind == QUOTE else label, after=after)


def _speaker_marks(rows: Sequence[dict], prefix: str) -> list[Mark]:
    """One mark per distinct speaker mention and per distinct cue of the quotations."""
    out: dict[tuple, Mark] = {}
    for i, row in enumerate(rows):
        who = row.get("speaker") or "unknown speaker"
        for part, s, e, what in (("speaker", "speaker_start_char", "speaker_end_char",
                                  f"speaker mention of {who}"),
                                 ("cue", "cue_start_char", "cue_end_char", "reporting cue")):
            if row.get(s) is None or row.get(e) is None:
                continue
            key = (part, row[s], row[e])
            if key not in out:
                out[key] = Mark(int(row[s]), int(row[e]), f"{prefix}{part[0]}{len(out)}", part,
                                title=f"{what} (quotation {i + 1})")
    return list(out.values())


def _item_text(row: dict, text: str) -> str:
    """The item as it stands in the raw text (standoff gold has no text column), on one line."""
    s, e = row.get("start_char"), row.get("end_char")
    if text and isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
        return readable(text[s:e])
    return readable(str(row.get("text", "")))


def _quote_after(row: dict) -> str:
    return "— " + (row.get("speaker") or "speaker unknown")


def article_view(text: str, rows_by_kind: dict[str, list[dict]], *, doc_id: str = "",
                 prefix: str = "") -> View:
    """Marks of every row of every kind over ``text``, and the side panel that links to them."""
    marks: list[Mark] = []
    panel: dict[str, list[PanelItem]] = {}
    for kind in KIND_ORDER:
        rows = sorted(rows_by_kind.get(kind, []),
                      key=lambda r: (r.get("start_char") or 0, r.get("end_char") or 0))
        items = []
        for i, row in enumerate(rows):
            mark_id = f"{prefix}{_LETTER[kind]}{i}"
            if row.get("start_char") is not None and row.get("end_char") is not None:
                marks.append(_item_mark(kind, row, mark_id,
                                        after=_quote_after(row) if kind == QUOTE else ""))
            items.append(PanelItem(mark_id, _item_text(row, text), row.get("label", ""),
                                   _attributes(kind, row)))
        panel[kind] = items
        if kind == QUOTE:
            marks.extend(_speaker_marks(rows, prefix))
    return _laid_out(text, marks, panel, doc_id)


def _laid_out(text: str, marks: list[Mark], panel: dict[str, list[PanelItem]],
              doc_id: str) -> View:
    good, _ = usable(marks, len(text))
    marked = {m.id for m in good}
    problems = []
    for kind, items in panel.items():
        n = 0
        for item in items:
            if item.anchor not in marked:
                item.anchor, n = "", n + 1
        if n:
            problems.append(Warnings.W903.format(doc_id=doc_id, n=n, table=kind))
    return View(layout(text, good), panel, len(good), problems)


# ---------------------------------------------------------------- evaluation view

def _mismatch(attr: str, gold: dict, pred: dict) -> str:
    def side(rec: dict) -> str:
        if attr == "speaker_span":
            s, e = rec.get("speaker_start_char"), rec.get("speaker_end_char")
            return "" if s is None or (isinstance(s, float) and math.isnan(s)) else f"{s}:{e}"
        return shown(rec.get(attr), attr in NUMBERS)
    return f"{attr}: gold {side(gold)!r}, predicted {side(pred)!r}"


def _eval_kind(kind: str, gold: list[dict], pred: list[dict], scheme: str,
               text: str) -> tuple[list[Mark], list[PanelItem], dict[str, int]]:
    result, attrs = match_kind(gold, pred, kind, scheme)
    letter = _LETTER[kind]
    marks: list[Mark] = []
    items: list[PanelItem] = []

    def add(span, status: str, n: int, note: str = "", classes: str = "") -> None:
        mark_id = f"{letter}{status}{n}"
        row = span.data
        title = f"{status.upper()} · " + _title(kind, row) + (f" · {note}" if note else "")
        after = _quote_after(row) if kind == QUOTE and status != "fp" else ""
        mark = _item_mark(kind, row, mark_id, classes or status, title, after)
        if note:   # an attribute differs: the tag (or the speaker) says so
            mark = replace(mark, tag=mark.tag and mark.tag + " ⚠", after=mark.after and mark.after + " ⚠")
        marks.append(mark)
        items.append(PanelItem(mark_id, _item_text(row, text), span.label,
                               _attributes(kind, row), status, note, span.start))

    n_wrong = 0
    for n, (g, p) in enumerate(result.pairs):
        wrong = [_mismatch(a, g.data, p.data) for a in attrs
                 if not compare_attribute(a, g.data, p.data)]
        n_wrong += bool(wrong)
        add(g, "hit", n, "; ".join(wrong), "hit mismatch" if wrong else "hit")
        if (g.start, g.end) != (p.start, p.end):
            marks.append(_item_mark(kind, p.data, f"{letter}hp{n}", "hit pred-span",
                                    "HIT (predicted span) · " + _title(kind, p.data)))
    for n, g in enumerate(result.false_negatives):
        add(g, "fn", n)
    for n, p in enumerate(result.false_positives):
        add(p, "fp", n)
    counts = {"tp": len(result.pairs), "fp": len(result.false_positives),
              "fn": len(result.false_negatives), "mismatched": n_wrong,
              "n_gold": len(gold), "n_pred": len(pred)}
    return marks, items, counts


def evaluation_view(text: str, gold_by_kind: dict[str, list[dict]],
                    pred_by_kind: dict[str, list[dict]], *, scheme: str = "strict",
                    doc_id: str = "") -> View:
    """Gold and predictions of one article paired as ``extract evaluate`` pairs them."""
    marks: list[Mark] = []
    panel: dict[str, list[PanelItem]] = {}
    counts: dict[str, dict[str, int]] = {}
    for kind in KIND_ORDER:
        m, items, c = _eval_kind(kind, gold_by_kind.get(kind, []), pred_by_kind.get(kind, []),
                                 scheme, text)
        order = {"fn": 0, "fp": 1, "hit": 2}
        items.sort(key=lambda it: (order[it.status] if not it.note else -1, it.start))
        marks += m
        panel[kind] = items
        counts[kind] = c
    view = _laid_out(text, marks, panel, doc_id)
    view.counts = counts
    return view


# ---------------------------------------------------------------- summary

def summary_rows(metrics: Iterable[dict]) -> list[dict]:
    """The overall rows of an evaluation's metrics (doc_id ALL), with attribute accuracies
    gathered into one readable cell."""
    out = []
    for r in metrics:
        if r.get("doc_id") != ALL:
            continue
        accs = []
        for key, value in r.items():
            if key.endswith("_accuracy") and value is not None and not (
                    isinstance(value, float) and math.isnan(value)):
                attr = key[: -len("_accuracy")]
                accs.append(f"{attr} {float(value):.2f} ({int(r[attr + '_correct'])}/{r['matched']})")
        out.append({**r, "attributes": ", ".join(accs)})
    return out


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    measure: str
    value: float
    kind: str


def bar_chart(rows: Iterable[dict], *, scheme: str = "strict", height: float = 200,
              bar: float = 32, gap: float = 30) -> dict:
    """Bars of precision, recall and F1 per kind (label ALL) under ``scheme``, in SVG units."""
    rows = [r for r in rows if r.get("label") == ALL and r.get("scheme") == scheme
            and r.get("doc_id", ALL) == ALL]
    rows.sort(key=lambda r: KIND_ORDER.index(r["kind"]) if r["kind"] in KIND_ORDER else 99)
    left, top = 40.0, 18.0
    bars, groups = [], []
    x = left + gap / 2
    for r in rows:
        groups.append({"kind": r["kind"], "x": x + 1.5 * bar})
        for measure in ("precision", "recall", "f1"):
            value = float(r.get(measure) or 0.0)
            h = max(0.0, min(1.0, value)) * height
            bars.append(Bar(x, top + height - h, bar, h, measure, value, r["kind"]))
            x += bar
        x += gap
    ticks = [{"y": top + height - t * height, "label": f"{t:.2f}"} for t in (0, 0.25, 0.5, 0.75, 1)]
    return {"bars": bars, "groups": groups, "ticks": ticks, "width": max(x, 200.0),
            "height": top + height + 40, "base": top + height, "left": left}
