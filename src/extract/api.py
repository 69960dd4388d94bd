"""The Python API for notebooks and scripts.

>>> import extract
>>> tables = extract.extract_text("Philip Krein moved to Haining in 2016.", reference_date="2018-11-01")
>>> tables["entities"][["text", "label"]]
>>> tables = extract.extract_texts(["First article ...", "Second article ..."])
>>> tables = extract.extract_frame(df, text="body", id="url", date="published")

Every function returns the five tables (documents, entities, quantities, dates, quotes)
as pandas DataFrames, with offsets into the texts as given. ``extract_texts`` and
``extract_frame`` key the rows by the caller's ids: ``doc_id`` holds the id given for
each text (the list position, the Series' index, or the DataFrame's ``id`` column or
index), so the tables join back onto the caller's data.

``extractors=["dates", "quantities"]`` runs only those (see :mod:`extract.pipeline`);
``model=`` names any installed English spaCy pipeline. Pipelines are built once per
model and choice of extractors, and reused.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from spacy.language import Language

from .documents import ArticleInput, decode, iter_inputs, parse_date
from .errors import ConfigError, Errors
from .pipeline import build_pipeline as _build, parse_extractors, resolve_model
from .stream import DEFAULT_BATCH_SIZE, process_articles
from .tables import TABLES, to_frames

Extractors = str | Sequence[str] | None


@lru_cache(maxsize=4)
def _cached_pipeline(model: str, extractors: tuple[str, ...] | None) -> Language:
    return _build(model, extractors=extractors)


def _pipeline(nlp: Language | None, model: str | None, extractors: Extractors) -> Language:
    if nlp is not None:
        return nlp
    chosen = parse_extractors(extractors)
    return _cached_pipeline(resolve_model(model), None if chosen is None else tuple(chosen))


def build_pipeline(model: str | None = None, **kwargs) -> Language:
    """The spaCy ``Language`` with the extraction components (see extract.pipeline)."""
    return _build(model, **kwargs)


def _collect(results) -> dict:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        rows["documents"].append(result.document)
        for table, table_rows in result.rows.items():
            rows[table].extend(table_rows)
    return to_frames(rows)


def _iso(value: Any) -> str | None:
    """A reference date from a string, date, datetime or pandas Timestamp; None if empty."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return None if value != value else value.date().isoformat()  # NaT != NaT
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text or text.lower() in {"nat", "nan", "none", "<na>"}:
        return None
    return parse_date(text[:10])


def _item(doc_id: str, text: Any, date: str | None, where: str) -> ArticleInput:
    item = ArticleInput(doc_id=doc_id, path=where, text=text if isinstance(text, str) else None,
                        published=date or "", reference_date=date)
    if not isinstance(text, str) or not text.strip():
        item.error = Errors.E810.format(doc_id=doc_id)
    return item


def _run(items: list[ArticleInput], ids: list[Any], nlp: Language, batch_size: int) -> dict:
    keys = [item.doc_id for item in items]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    dup = next((k for k, n in seen.items() if n > 1), None)
    if dup is not None:
        raise ConfigError(Errors.E806.format(doc_id=dup, n=seen[dup]))
    tables = _collect(process_articles(nlp, items, batch_size=batch_size))
    if ids and not all(isinstance(i, str) for i in ids):  # give back the caller's own id values
        back = dict(zip(keys, ids))
        for df in tables.values():
            df["doc_id"] = df["doc_id"].map(back).astype(object)
    return tables


def extract_text(
    text: str,
    *,
    doc_id: str = "text",
    reference_date: str | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    extractors: Extractors = None,
) -> dict:
    """Extract from one text; return the five tables as pandas DataFrames.

    Offsets are into ``text`` as given. ``reference_date`` (YYYY-MM-DD) resolves
    relative dates; without it they are left unresolved.
    """
    date = _iso(reference_date)
    item = _item(doc_id, text, date, "<text>")
    return _run([item], [], _pipeline(nlp, model, extractors), DEFAULT_BATCH_SIZE)


def extract_texts(
    texts: Any,
    *,
    ids: Iterable[Any] | None = None,
    reference_date: Any = None,
    nlp: Language | None = None,
    model: str | None = None,
    extractors: Extractors = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> dict:
    """Extract from several texts: a string, a list of strings, or a pandas Series.

    ``ids`` name the texts (default: the list positions, or the Series' index) and fill
    ``doc_id``; they must be unique. ``reference_date`` is one date for all, or one per
    text (a list or Series of dates; empty for unknown).
    """
    import pandas as pd

    if isinstance(texts, pd.DataFrame):
        raise ConfigError(Errors.E808.format(type="a DataFrame (use extract_frame(df, text=...))"))
    if isinstance(texts, str):
        texts = [texts]
    if isinstance(texts, pd.Series):
        ids = list(texts.index) if ids is None else list(ids)
        texts = texts.tolist()
    elif isinstance(texts, (list, tuple)):
        texts = list(texts)
    else:
        raise ConfigError(Errors.E808.format(type=type(texts).__name__))
    ids = list(range(len(texts))) if ids is None else list(ids)
    if len(ids) != len(texts):
        raise ConfigError(Errors.E809.format(n=len(texts), n_ids=len(ids)))
    if isinstance(reference_date, (list, tuple, pd.Series)):
        dates = [_iso(d) for d in list(reference_date)]
        if len(dates) != len(texts):
            raise ConfigError(Errors.E809.format(n=len(texts), n_ids=len(dates)))
    else:
        dates = [_iso(reference_date)] * len(texts)
    items = [_item(str(i), t, d, "<texts>") for i, t, d in zip(ids, texts, dates)]
    return _run(items, ids, _pipeline(nlp, model, extractors), batch_size)


def extract_frame(
    df,
    *,
    text: str = "text",
    id: str | None = None,
    date: str | None = None,
    reference_date: Any = None,
    nlp: Language | None = None,
    model: str | None = None,
    extractors: Extractors = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> dict:
    """Extract from a DataFrame with one article per row.

    ``text`` is the column of the articles, ``id`` the column of their ids (default: the
    index), ``date`` a column of publication dates (strings, dates or timestamps; empty for
    unknown) that resolve each article's relative dates and fill ``documents.published``.
    ``reference_date`` (one date for all) wins over ``date``.
    """
    for what, column in (("text", text), ("id", id), ("date", date)):
        if column is not None and column not in df.columns:
            raise ConfigError(Errors.E805.format(column=column, what=what,
                                                 columns=", ".join(map(str, df.columns))))
    ids = list(df.index) if id is None else df[id].tolist()
    if reference_date is None and date is not None:
        reference_date = df[date].tolist()
    return extract_texts(df[text].tolist(), ids=ids, reference_date=reference_date, nlp=nlp, model=model,
                         extractors=extractors, batch_size=batch_size)


def extract_files(
    paths: Iterable[str | Path],
    *,
    reference_date: str | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    extractors: Extractors = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> dict:
    """Extract from files and folders of .txt files; return the five tables as DataFrames."""
    if reference_date is not None:
        reference_date = parse_date(reference_date)
    items = iter_inputs(paths, reference_date=reference_date)
    return _collect(process_articles(_pipeline(nlp, model, extractors), items, batch_size=batch_size))


__all__ = ["build_pipeline", "extract_text", "extract_texts", "extract_frame", "extract_files", "decode"]
