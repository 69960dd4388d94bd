"""From processed Docs to tidy rows and DataFrames (files are written by extract.writers).

One row per item; every offset column is mapped from the cleaned text the model
read back to the RAW input text, so that ``raw[start_char:end_char]`` is the item.
The contract columns come first in each table (see ``docs/ARCHITECTURE.md``).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from spacy.tokens import Doc

from . import schema
from .errors import Warnings
from .io import typed_frame, typed_value
from .quantities.units import RESOURCE as UNITS_RESOURCE, SHAPE as UNITS_SHAPE
from .resources import load
from .text import CleanedText
from .validate import row_origin, row_problems

log = logging.getLogger("extract")

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


def _map_offsets(record: Mapping[str, Any], cleaned: CleanedText, offset: int,
                 doc_id: str = "", table: str = "") -> dict[str, Any]:
    """Copy ``record`` with every ``*start_char``/``*end_char`` pair mapped to raw offsets.

    A span that straddles a block the cleaner moved (a caption) covers that block's raw
    text too: such a span is logged (W303) with its document and offsets."""
    row = {k: _tidy(v) for k, v in record.items()}
    for key in record:
        if not key.endswith("start_char"):
            continue
        end_key = key[: -len("start_char")] + "end_char"
        start, end = record.get(key), record.get(end_key)
        if isinstance(start, int) and isinstance(end, int):
            row[key], row[end_key] = cleaned.to_raw(start + offset, end + offset)
            extra = cleaned.extra_raw(start + offset, end + offset)
            if extra:
                log.warning(Warnings.W303.format(doc_id=doc_id, table=table, start=row[key], end=row[end_key],
                                                 n_extra=extra))
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
                rows[kind.table].append({"doc_id": doc_id, **_map_offsets(rec, cleaned, piece.offset, doc_id, kind.table)})
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


# ---------------------------------------------------------------- checking rows before they are written

@lru_cache(maxsize=1)
def _unit_vocabulary() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(units a quantity may have alone, denominators of a rate, power words) from units.json."""
    data = load(UNITS_RESOURCE, UNITS_SHAPE)

    def keys(section: str) -> list[str]:
        return [k for k in data.get(section, {}) if not k.startswith("_")]

    per = frozenset(v for k, v in data.get("per_units", {}).items() if not k.startswith("_") and isinstance(v, str))
    powers = tuple(keys("powers"))
    alone = frozenset(keys("currencies")) | frozenset(keys("units")) | per | {"times"}
    return alone, per, powers


def known_unit(unit: str) -> bool:
    """Whether ``unit`` is a unit the unit table (resources/units.json) can give a quantity:
    a currency code, a unit name, ``times``, a power of a denominator ("inverse second") or a
    rate of them ("USD per share", "kilometre per square second")."""
    alone, per, powers = _unit_vocabulary()

    def powered(name: str, allowed: Iterable[str]) -> bool:
        for p in allowed:
            if name.startswith(p + " ") and name[len(p) + 1:] in per:
                return True
        return False

    if unit in alone or powered(unit, powers):
        return True
    head, sep, tail = unit.rpartition(" per ")
    if not sep:
        return False
    plain = [p for p in powers if not p.startswith("inverse")]
    return (head in alone or powered(head, powers)) and (tail in per or powered(tail, plain))


class _Units:
    """``unit in UNITS`` asks :func:`known_unit` (row_problems takes a collection of units)."""

    def __contains__(self, unit: object) -> bool:
        return isinstance(unit, str) and known_unit(unit)


UNITS = _Units()


def check_row(table: str, row: Mapping[str, Any], n_raw_chars: int | None = None) -> dict | None:
    """``row`` typed by the schema (see :func:`extract.io.typed_value`), or ``None`` when it
    has a problem: then it is logged (W302) with its document and the rule that made it.

    Every row goes through here before it is written or returned: a rejected row is a bug.
    """
    problems = row_problems(table, row, n_raw_chars=n_raw_chars, units=UNITS)
    if problems:
        log.warning(Warnings.W302.format(doc_id=row.get("doc_id"), table=table, origin=row_origin(row),
                                         problems="; ".join(problems)))
        return None
    return {c.name: typed_value(row.get(c.name), c.dtype) for c in schema.typed_columns(table)}


def checked_rows(rows: Mapping[str, list[dict]]) -> tuple[dict[str, list[dict]], int]:
    """Every table's rows through :func:`check_row` (offsets checked against the documents
    table's ``n_chars``); returns the accepted rows and the number rejected."""
    n_chars = {d.get("doc_id"): d.get("n_chars") for d in rows.get(schema.DOCUMENTS_TABLE, [])}
    out: dict[str, list[dict]] = {}
    rejected = 0
    for table, table_rows in rows.items():
        kept = []
        for row in table_rows:
            n = n_chars.get(row.get("doc_id")) if table != schema.DOCUMENTS_TABLE else None
            typed = check_row(table, row, n if isinstance(n, int) else None)
            if typed is None:
                rejected += 1
            else:
                kept.append(typed)
        out[table] = kept
    return out, rejected


def to_frames(rows: Mapping[str, list[dict]], columns: Mapping[str, Sequence[str]] | None = None):
    """DataFrames of every table with the schema's columns and dtypes, even when a table is
    empty; every row is checked first (:func:`checked_rows`) and a row with a problem is
    left out. ``columns`` picks the tables (default: all five)."""
    columns = columns or table_columns()
    good, _ = checked_rows({name: list(rows.get(name, [])) for name in columns})
    return {name: typed_frame(name, good[name]) for name in columns}
