"""What a report reads: a run's tables (CSV or Parquet) and the raw texts they point into.

Tables are read as text and their offset columns turned into integers; a missing item
table gives no rows and a warning, a folder without any table is an error. Raw texts are
read with the run's own decoding (:func:`extract.documents.decode`), from ``texts_dir``
when given, else from the ``path`` of each row of ``documents``; a text whose SHA-1 differs
from the row's ``text_sha1`` is not used, because the offsets would not point into it, and
a path that is not a ``.txt`` file is only read when the row has a ``text_sha1`` to check.
"""
from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import Iterable

import pandas as pd

from .. import schema
from ..documents import decode
from ..errors import Errors, ExtractError, Warnings

#: table columns that hold character offsets
OFFSET_COLUMNS = ("start_char", "end_char", "speaker_start_char", "speaker_end_char",
                  "cue_start_char", "cue_end_char")


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _offset(v: str) -> int | None:
    try:
        return int(float(v)) if v.strip() else None
    except ValueError:
        return None


def _read_table(path: Path) -> list[dict]:
    if path.suffix == ".parquet":
        df = pd.read_parquet(path)
    else:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = []
    for rec in df.to_dict("records"):
        row = {k: _cell(v) for k, v in rec.items()}
        for col in OFFSET_COLUMNS:
            if col in row:
                row[col] = _offset(row[col])
        rows.append(row)
    return rows


def read_tables(pred_dir: str | Path) -> tuple[dict[str, list[dict]], list[str]]:
    """Table name -> rows (dicts of text, offsets as int or None), and warnings.

    Reads ``<table>.csv``, else ``<table>.parquet``, for the documents table and each item
    table of :mod:`extract.schema`.
    """
    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise ExtractError(Errors.E900.format(path=pred_dir))
    tables: dict[str, list[dict]] = {}
    notes: list[str] = []
    for name in schema.TABLES:
        found = [pred_dir / f"{name}.{ext}" for ext in ("csv", "parquet")
                 if (pred_dir / f"{name}.{ext}").is_file()]
        if not found:
            tables[name] = []
            notes.append(Warnings.W900.format(path=pred_dir, table=name))
            continue
        try:
            tables[name] = _read_table(found[0])
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            raise ExtractError(Errors.E901.format(path=found[0], reason=exc)) from None
    if len(notes) == len(schema.TABLES):
        raise ExtractError(Errors.E902.format(path=pred_dir))
    return tables, notes


def _candidates(path: str, pred_dir: Path) -> list[Path]:
    p = Path(path)
    if p.is_absolute():
        return [p]
    return [p, pred_dir.parent / p, pred_dir / p]


def _read_checked(path: Path, sha1: str) -> tuple[str | None, str | None]:
    """The decoded text of ``path`` and None, or None and why it cannot be used."""
    try:
        text, _ = decode(path.read_bytes(), str(path))
    except (ExtractError, OSError) as exc:
        return None, str(exc)
    if sha1 and hashlib.sha1(text.encode("utf-8")).hexdigest() != sha1:
        return None, Warnings.W902.format(path=path)
    return text, None


def read_texts(documents: Iterable[dict], pred_dir: str | Path,
               texts_dir: str | Path | None = None) -> tuple[dict[str, str], list[str]]:
    """doc_id -> raw text for the documents whose text can be found, and warnings."""
    pred_dir = Path(pred_dir)
    texts: dict[str, str] = {}
    notes: list[str] = []
    for doc in documents:
        doc_id = doc.get("doc_id", "")
        if doc_id in texts or doc.get("status", "ok") not in ("ok", ""):
            continue
        path = doc.get("path", "")
        if texts_dir is not None:
            places = [Path(texts_dir) / f"{doc_id}.txt"]
        elif path.endswith(".txt") or (path and doc.get("text_sha1")):
            places = _candidates(path, pred_dir)   # any other file only when its hash vouches for it
        else:
            places = []
        problem = Warnings.W901.format(doc_id=doc_id)
        for place in places:
            if place.is_file():
                text, problem = _read_checked(place, doc.get("text_sha1", ""))
                if text is not None:
                    texts[doc_id] = text
                break
        if problem:
            notes.append(problem)
    return texts, notes
