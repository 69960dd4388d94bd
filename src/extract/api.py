"""The Python API for notebooks and scripts.

>>> import extract
>>> tables = extract.extract_text("Philip Krein moved to Haining in 2016.", reference_date="2018-11-01")
>>> tables["entities"][["text", "label"]]

Pipelines are built once per model and reused.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

from spacy.language import Language

from .documents import ArticleInput, decode, iter_inputs, parse_date
from .pipeline import DEFAULT_MODEL, build_pipeline as _build
from .runner import DEFAULT_BATCH_SIZE, process_articles
from .tables import TABLES, to_frames


@lru_cache(maxsize=4)
def _cached_pipeline(model: str) -> Language:
    return _build(model)


def build_pipeline(model: str = DEFAULT_MODEL, **kwargs) -> Language:
    """The spaCy ``Language`` with every extraction component (see extract.pipeline)."""
    return _build(model, **kwargs)


def _collect(results) -> dict:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        rows["documents"].append(result.document)
        for table, table_rows in result.rows.items():
            rows[table].extend(table_rows)
    return to_frames(rows)


def extract_text(
    text: str,
    *,
    doc_id: str = "text",
    reference_date: str | None = None,
    nlp: Language | None = None,
) -> dict:
    """Extract from one text; return the five tables as pandas DataFrames.

    Offsets are into ``text`` as given. ``reference_date`` (YYYY-MM-DD) resolves
    relative dates; without it they are left unresolved.
    """
    if reference_date is not None:
        reference_date = parse_date(reference_date)
    item = ArticleInput(doc_id=doc_id, path="<text>", text=text, reference_date=reference_date)
    if not text.strip():
        item.error = f"{doc_id}: the text is empty"
    return _collect(process_articles(nlp or _cached_pipeline(DEFAULT_MODEL), [item]))


def extract_files(
    paths: Iterable[str | Path],
    *,
    reference_date: str | None = None,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> dict:
    """Extract from files and folders of .txt files; return the five tables as DataFrames."""
    if reference_date is not None:
        reference_date = parse_date(reference_date)
    items = iter_inputs(paths, reference_date=reference_date)
    return _collect(process_articles(nlp or _cached_pipeline(DEFAULT_MODEL), items, batch_size=batch_size))


__all__ = ["build_pipeline", "extract_text", "extract_files", "decode"]
