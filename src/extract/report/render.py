"""Write the report: Jinja2 templates (package data) over the page models of :mod:`.pages`.

Every page is one self-contained HTML file (inline CSS and a few lines of inline script,
no network). Text is escaped by Jinja2's autoescaping, so an article that contains
``<script>`` shows it as text. Each file is written to a temporary name and renamed.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import jinja2

from .. import schema
from ..errors import Errors, ExtractError
from ..evaluate import evaluate, read_predictions
from ..gold import read_gold
from ..scoring import SCHEMES
from ..writers import publish
from .inputs import read_run, read_texts
from .pages import (DETAILS, KIND_ORDER, article_view, bar_chart, color, evaluation_view,
                    index_rows, summary_rows)

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("extract.report", "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
#: kind -> the heading of its table in the side panel and the index
TABLE_OF = {k.name: k.table for k in schema.KINDS}
_FAILED = ("failed", "error")


@dataclass
class ReportResult:
    out_dir: Path
    index: Path
    summary: Path | None = None
    articles: dict[str, Path] = field(default_factory=dict)
    evaluations: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def page_names(doc_ids: Iterable[str]) -> dict[str, str]:
    """doc_id -> a file name safe on every system, unique even ignoring case."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in doc_ids:
        if doc_id in names:
            continue
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", doc_id).strip("-")[:60] or "article"
        name, n = stem, 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.lower())
        names[doc_id] = f"{name}.html"
    return names


def write_page(path: Path, template: str, **context) -> Path:
    """Render ``template`` with ``context`` into ``path`` (temporary file, then rename)."""
    html = ENV.get_template(template).render(**context)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html)
        publish(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def _by_doc(rows: Iterable[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row.get("doc_id", ""), []).append(row)
    return out


def _common(**extra) -> dict:
    return {"kinds": KIND_ORDER, "tables": TABLE_OF, "details": DETAILS, "color": color, **extra}


def _article_pages(out: Path, tables, texts, rows, names) -> dict[str, Path]:
    per_kind = {k.name: _by_doc(tables.get(k.table, [])) for k in schema.KINDS}
    (out / "articles").mkdir(parents=True, exist_ok=True)
    written = {}
    for row in rows:
        if row.status in _FAILED:
            continue
        text = texts.get(row.doc_id)
        items = {kind: per_kind[kind].get(row.doc_id, []) for kind in KIND_ORDER}
        view = article_view(text or "", items, doc_id=row.doc_id)
        path = out / "articles" / names[row.doc_id]
        row.page = f"articles/{names[row.doc_id]}"
        written[row.doc_id] = write_page(path, "article.html", **_common(
            doc=row, view=view, has_text=text is not None, evaluation=False,
            eval_page=f"../evaluation/{names[row.doc_id]}" if row.eval_page else ""))
    return written


def _gold_by_doc(gold_path) -> dict[str, dict[str, list[dict]]]:
    out: dict[str, dict[str, list[dict]]] = {}
    for rec in read_gold(gold_path):
        kind = schema.BY_NAME.get(rec.get("kind", ""))
        if kind is None:
            continue
        if kind.default_label and not rec.get("label"):
            rec["label"] = kind.default_label
        out.setdefault(rec["doc_id"], {}).setdefault(kind.name, []).append(rec)
    return out


def _evaluation_pages(out: Path, gold, pred_dir, texts, rows, names, scheme) -> tuple[dict, Path, list]:
    result = evaluate(gold, pred_dir, raw_texts=texts)
    gold_docs = _gold_by_doc(gold)
    preds = {kind: _by_doc(recs) for kind, recs in read_predictions(pred_dir).items()}
    names = {**page_names(list(names) + result.doc_ids), **names}
    (out / "evaluation").mkdir(parents=True, exist_ok=True)
    by_id = {r.doc_id: r for r in rows}
    written, docs = {}, []
    for doc_id in result.doc_ids:
        text = texts.get(doc_id)
        view = evaluation_view(text or "", gold_docs.get(doc_id, {}),
                               {k: preds.get(k, {}).get(doc_id, []) for k in KIND_ORDER},
                               scheme=scheme, doc_id=doc_id)
        row = by_id.get(doc_id)
        if row is not None:
            row.eval_page = f"evaluation/{names[doc_id]}"
        docs.append({"doc_id": doc_id, "page": names[doc_id], "counts": view.counts,
                     "title": row.title if row else ""})
        written[doc_id] = write_page(out / "evaluation" / names[doc_id], "article.html", **_common(
            doc=row or {"doc_id": doc_id, "title": "", "published": "", "n_chars": ""},
            view=view, has_text=text is not None, evaluation=True, scheme=scheme,
            eval_page="", article_page=f"../articles/{names[doc_id]}" if row else ""))
    metrics = result.metrics.astype(object).where(result.metrics.notna(), None).to_dict("records")
    charts = {s: bar_chart(metrics, scheme=s) for s in SCHEMES}
    summary = write_page(out / "evaluation" / "index.html", "summary.html", **_common(
        rows=summary_rows(metrics), charts=charts, docs=docs, scheme=scheme,
        gold=str(gold), pred=str(pred_dir), notes=result.notes))
    return written, summary, result.notes


def build_report(pred_dir: str | Path, out_dir: str | Path | None = None, *,
                 gold: str | Path | None = None, texts_dir: str | Path | None = None,
                 scheme: str = "strict") -> ReportResult:
    """Write the HTML report of the tables in ``pred_dir`` into ``out_dir`` (default
    ``<pred_dir>/report``): ``index.html``, ``articles/<doc>.html`` and, with ``gold``,
    ``evaluation/index.html`` and ``evaluation/<doc>.html`` (matched as ``extract evaluate``)."""
    pred_dir = Path(pred_dir)
    out = Path(out_dir) if out_dir is not None else pred_dir / "report"
    if out.exists() and not out.is_dir():
        raise ExtractError(Errors.E903.format(path=out))
    tables, notes = read_run(pred_dir)
    rows = index_rows(tables)
    texts, more = read_texts(tables.get(schema.DOCUMENTS_TABLE, []), pred_dir, texts_dir)
    notes += more
    out.mkdir(parents=True, exist_ok=True)
    names = page_names(r.doc_id for r in rows)
    result = ReportResult(out, out / "index.html", notes=notes)
    if gold is not None:
        result.evaluations, result.summary, eval_notes = _evaluation_pages(
            out, gold, pred_dir, texts, rows, names, scheme)
        notes += eval_notes
    result.articles = _article_pages(out, tables, texts, rows, names)
    write_page(result.index, "index.html", **_common(
        rows=rows, pred=str(pred_dir), summary="evaluation/index.html" if gold else "",
        notes=notes))
    return result


__all__ = ["build_report", "ReportResult", "page_names", "write_page"]
