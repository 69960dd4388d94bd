"""From processed Docs to tidy rows and DataFrames (files are written by extract.writers).

One row per item; every offset column is mapped from the cleaned text the model
read back to the RAW input text, so that ``raw[start_char:end_char]`` is the item.
The contract columns come first in each table (see ``docs/ARCHITECTURE.md``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from spacy.tokens import Doc

from .text import CleanedText

DOCUMENT_COLUMNS = (
    "doc_id", "path", "title", "published", "n_chars", "n_tokens", "n_sentences", "status", "error",
    "reference_date", "text_sha1", "warnings",
)
ENTITY_LABELS = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
)
CONTRACT = {
    "documents": ("doc_id", "path", "title", "published", "n_chars", "n_tokens", "n_sentences", "status", "error"),
    "entities": ("doc_id", "start_char", "end_char", "text", "label", "sentence_id"),
    "quantities": ("doc_id", "start_char", "end_char", "text", "label", "value", "unit"),
    "dates": ("doc_id", "start_char", "end_char", "text", "label", "normalized", "type"),
    "quotes": ("doc_id", "start_char", "end_char", "text", "speaker", "speaker_start_char",
               "speaker_end_char", "cue"),
}
#: table name -> the Doc extension its records live on (entities come from doc.ents)
RECORD_EXTENSIONS = {"quantities": "quantities", "dates": "dates", "quotes": "quotes"}
TABLES = tuple(CONTRACT)


def table_columns() -> dict[str, tuple[str, ...]]:
    """Each table's columns in order: the contract columns, then the extractor's own."""
    from . import dates, entities, quantities, quotes

    cols = {"documents": DOCUMENT_COLUMNS}
    for name, module in (("entities", entities), ("quantities", quantities), ("dates", dates), ("quotes", quotes)):
        own = tuple(getattr(module, "COLUMNS", ()))
        cols[name] = CONTRACT[name] + tuple(c for c in own if c not in CONTRACT[name])
    return cols


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
    rows: dict[str, list[dict]] = {name: [] for name in TABLES if name != "documents"}
    sentence_base = 0
    for piece in pieces:
        doc = piece.doc
        sent_of = _sentence_index(doc)
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            rec = {"start_char": ent.start_char, "end_char": ent.end_char, "text": ent.text,
                   "label": ent.label_, "sentence_id": sentence_base + sent_of[ent.start],
                   "source": ent.id_ or "model"}  # which rule made or changed the span
            rows["entities"].append({"doc_id": doc_id, **_map_offsets(rec, cleaned, piece.offset)})
        for table, ext in RECORD_EXTENSIONS.items():
            for rec in getattr(doc._, ext) or []:
                rows[table].append({"doc_id": doc_id, **_map_offsets(rec, cleaned, piece.offset)})
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
