"""What a report reads: a run's tables (any format) and the raw texts they point into.

Tables are read by :func:`extract.io.read_tables` (which checks the folder's manifest),
then shown as text with their offset columns as integers; a missing table gives no rows
and a warning, a folder without any table is an error. Raw texts are read as the run read
them (:func:`extract.read_raw`), from ``texts_dir`` when given, else from the ``path`` of
each row of ``documents``; a text whose SHA-1 differs from the row's ``text_sha1`` is not
used, because the offsets would not point into it, and a path that is not a ``.txt`` file
is only read when the row has a ``text_sha1`` to check.
"""
from __future__ import annotations

import hashlib
import math
import warnings
from pathlib import Path
from typing import Iterable

import pandas as pd

from .. import schema
from ..documents import read_raw
from ..errors import Errors, ExtractError, Warnings
from ..io import read_tables, table_format

#: table columns that hold character offsets (every ``*_char`` column of the schema)
OFFSET_COLUMNS = tuple(dict.fromkeys(c.name for kind in schema.KINDS for c in kind.columns
                                     if c.name.endswith("_char")))


def _cell(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows of a typed table as dicts of text, offsets as int or None."""
    rows = []
    for rec in frame.to_dict("records"):
        row = {k: _cell(v) for k, v in rec.items()}
        for col in OFFSET_COLUMNS:
            if col in row:
                row[col] = int(row[col]) if row[col] else None
        rows.append(row)
    return rows


def read_run(pred_dir: str | Path) -> tuple[dict[str, list[dict]], list[str]]:
    """Table name -> rows (dicts of text, offsets as int or None), and warnings.

    Reads the tables through :func:`extract.io.read_tables` (any format ``extract run``
    writes); a missing table gives no rows and a warning, a folder with none is an error.
    """
    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise ExtractError(Errors.E900.format(path=pred_dir))
    present = [name for name in schema.TABLES if table_format(pred_dir, name) is not None]
    if not present:
        raise ExtractError(Errors.E902.format(path=pred_dir))
    notes = [Warnings.W900.format(path=pred_dir, table=name)
             for name in schema.TABLES if name not in present]
    frames = read_tables(pred_dir, present)
    tables = {name: _records(frames[name]) if name in frames else [] for name in schema.TABLES}
    return tables, notes


def _candidates(path: str, pred_dir: Path) -> list[Path]:
    p = Path(path)
    if p.is_absolute():
        return [p]
    return [p, pred_dir.parent / p, pred_dir / p]


def _read_checked(path: Path, sha1: str) -> tuple[str | None, str | None]:
    """The decoded text of ``path`` and None, or None and why it cannot be used."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # a fallback decoding is in the run's warnings column
            text = read_raw(path)
    except ExtractError as exc:
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
