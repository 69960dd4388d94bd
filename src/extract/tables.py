"""From processed Docs to tidy rows and DataFrames (files are written by extract.writers).

One row per item; every offset column is mapped from the cleaned text the model
read back to the RAW input text, so that ``raw[start_char:end_char]`` is the item.
The contract columns come first in each table (see ``docs/ARCHITECTURE.md``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from spacy.tokens import Doc

from . import schema
from .text import CleanedText

#: re-exported from the table of kinds (extract.schema), where they are defined
DOCUMENT_COLUMNS = schema.DOCUMENT_COLUMNS
TABLES = schema.TABLES
table_columns = schema.table_columns


@dataclass
class Piece:
    """A processed Doc and where its text starts in the article's cleaned text."""

    doc: Doc
    offset: int


def _sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token (0 for all when the doc has no sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    out = []
    n = -1
    for tok in doc:
        if tok.is_sent_start or n < 0:
            n += 1
        out.append(n)
    return out


def _tidy(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _map_offsets(record: Mapping[str, Any], cleaned: CleanedText, offset: int) -> dict[str, Any]:
    """Copy ``record`` with every ``*start_char``/``*end_char`` pair mapped to raw offsets."""
    row = {k: _tidy(v) for k, v in record.items()}
    for key in record:
        if not key.endswith("start_char"):
            continue
        end_key = key[: -len("start_char")] + "end_char"
        start, end = record.get(key), record.get(end_key)
        if isinstance(start, int) and isinstance(end, int):
            row[key], row[end_key] = cleaned.to_raw(start + offset, end + offset)
    return row


def article_rows(doc_id: str, pieces: Sequence[Piece], cleaned: CleanedText) -> dict[str, list[dict]]:
    """Rows of the four item tables for one article processed as one or more pieces."""
    rows: dict[str, list[dict]] = {name: [] for name in schema.BY_TABLE}
    sentence_base = 0
    for piece in pieces:
        doc = piece.doc
        sent_of = _sentence_index(doc)
        for kind in schema.BY_TABLE.values():
            for rec in getattr(doc._, kind.extension) or []:
                if "sentence_id" in rec:  # numbered within the piece; the table numbers the article
                    rec = {**rec, "sentence_id": sentence_base + rec["sentence_id"]}
                rows[kind.table].append({"doc_id": doc_id, **_map_offsets(rec, cleaned, piece.offset)})
        sentence_base += (sent_of[-1] + 1) if sent_of else 0
    for table in rows.values():
        table.sort(key=lambda r: (r["start_char"], r["end_char"]))
    return rows


def document_row(**values: Any) -> dict[str, Any]:
    return {c: values.get(c, "") for c in DOCUMENT_COLUMNS}


def n_sentences(pieces: Iterable[Piece]) -> int:
    total = 0
    for p in pieces:
        idx = _sentence_index(p.doc)
        total += (idx[-1] + 1) if idx else 0
    return total


def to_frames(rows: Mapping[str, list[dict]], columns: Mapping[str, Sequence[str]] | None = None):
    """DataFrames with every table's columns in order, even when a table is empty."""
    import pandas as pd

    columns = columns or table_columns()
    return {name: pd.DataFrame(rows.get(name, []), columns=list(cols)) for name, cols in columns.items()}
