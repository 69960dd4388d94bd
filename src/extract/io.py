"""The tables' types on disk and in pandas, and :func:`read_tables`.

Every table's columns and their types come from :mod:`extract.schema`; this module turns
them into the types of each format, so every format holds the same columns with the same
types and :func:`read_tables` gives the same DataFrames whichever format a run wrote::

    schema   pandas     Arrow (Parquet)   JSON Lines        xlsx
    "str"    string     string            string or null    text cell (never a formula)
    "int"    Int64      int64             integer or null   number cell
    "float"  float64    float64           number or null    number cell

An empty cell is ``<NA>`` in a ``string`` or ``Int64`` column and ``NaN`` in a ``float64``
one. CSV has no types: :func:`read_tables` reads every cell as text and converts it by the
schema, so ``"007"`` stays ``"007"`` in a text column.

Formats (``extract run --format``): ``csv`` (exact, for pandas and scripts), ``csv-excel``
(UTF-8 with a byte-order mark, text cells that start with ``= + - @``, tab or CR prefixed
with ``'`` so a spreadsheet shows them as text; :func:`read_tables` takes the prefix off
again), ``parquet``, ``jsonl`` (one object per row) and ``xlsx`` (one workbook
``tables.xlsx``, a sheet per table).
"""
from __future__ import annotations

import json
import math
import re
from io import StringIO
from pathlib import Path
from typing import Any, Iterable

from . import schema
from .errors import Errors, ExtractError
from .manifest import check_manifest, read_manifest

__all__ = ["FORMATS", "EXTENSIONS", "WORKBOOK", "PANDAS_DTYPES", "BOM", "GUARD_CHARS",
           "arrow_schema", "typed_value", "typed_frame", "table_format",
           "read_table", "read_tables", "guard_cell", "unguard_cell"]

#: every format ``extract run --format`` writes
FORMATS = ("csv", "csv-excel", "parquet", "jsonl", "xlsx")
#: file name ending of a table in each format (xlsx: every table is a sheet of WORKBOOK)
EXTENSIONS = {"csv": ".csv", "csv-excel": ".csv", "parquet": ".parquet", "jsonl": ".jsonl", "xlsx": ".xlsx"}
WORKBOOK = "tables.xlsx"
PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "float64"}
BOM = "\ufeff"
#: control characters as the xlsx file stores them ("_x0001_"); text cells read back get them again
_XML_ESCAPE = re.compile(r"_x(00(?:0[0-8BCEF]|1[0-9A-F]|0D))_")
#: a text cell starting with one of these is read as a formula by spreadsheets (OWASP CSV injection)
GUARD_CHARS = ("=", "+", "-", "@", "\t", "\r")


def arrow_schema(table: str):
    """The Arrow schema of ``table``: the same columns, types and nullability in every Parquet file."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([pa.field(c.name, types[c.dtype], nullable=c.nullable)
                      for c in schema.typed_columns(table)])


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(value != value)   # pandas.NA, numpy.nan
    except (TypeError, ValueError):
        return False


def typed_value(value: Any, dtype: str) -> Any:
    """``value`` as a cell of a column of ``dtype``: ``str``, ``int``, ``float`` or ``None``.

    Lists are joined with ``"; "`` and dicts written as JSON in text columns; an empty
    string is ``None`` (an empty cell) in every column, as CSV cannot tell them apart. Raises ValueError for a value of another type.
    """
    if _is_missing(value) or (isinstance(value, str) and value == ""):
        return None
    if dtype == "str":
        if isinstance(value, (list, tuple)):
            return "; ".join(str(v) for v in value)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return value if isinstance(value, str) else str(value)
    if isinstance(value, str):
        if not value.strip():
            return None
        value = float(value) if dtype == "float" else _int_text(value)
    if isinstance(value, bool):
        raise ValueError(Errors.E014.format(value=value))
    if dtype == "int":
        f = float(value)
        if not f.is_integer():
            raise ValueError(Errors.E015.format(value=value))
        return int(value)
    return float(value)


def _int_text(text: str) -> int:
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        f = float(text)           # "12.0" as written by a float column elsewhere
        if not f.is_integer():
            raise ValueError(Errors.E015.format(value=text)) from None
        return int(f)


def typed_frame(table: str, frame_or_rows, *, source: str = "") -> Any:
    """A DataFrame of ``table`` with the schema's columns, in order, and pandas dtypes.

    Takes a DataFrame or an iterable of row dicts; columns the schema does not know are
    dropped, columns it knows but the input lacks are empty. ``source`` names the input
    in error messages.
    """
    import pandas as pd

    if isinstance(frame_or_rows, pd.DataFrame):
        records = frame_or_rows.to_dict("records")
    else:
        records = list(frame_or_rows)
    data = {}
    for col in schema.typed_columns(table):
        values = []
        for i, rec in enumerate(records):
            try:
                values.append(typed_value(rec.get(col.name), col.dtype))
            except (TypeError, ValueError) as exc:
                raise ExtractError(Errors.E319.format(path=source or table, row=i + 1,
                                                      column=col.name, problem=exc)) from None
        data[col.name] = pd.Series(values, dtype=PANDAS_DTYPES[col.dtype])
    return pd.DataFrame(data)


# ---------------------------------------------------------------- spreadsheet guard

def guard_cell(text: str) -> str:
    """A text cell made safe for spreadsheets: a leading ``'`` when it starts like a formula
    (or with ``'`` itself, so that :func:`unguard_cell` can undo it exactly)."""
    if text and (text[0] in GUARD_CHARS or text[0] == "'"):
        return "'" + text
    return text


def unguard_cell(text: str) -> str:
    if text and text[0] == "'" and len(text) > 1 and (text[1] in GUARD_CHARS or text[1] == "'"):
        return text[1:]
    return text


# ---------------------------------------------------------------- reading

_BY_SUFFIX = {".parquet": "parquet", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}


def table_format(directory: str | Path, table: str) -> tuple[str, Path] | None:
    """(format, path) of ``table`` in ``directory``, or None when it is not there.

    The file the folder's manifest names, when ``extract run`` wrote one; else, when a
    folder holds a table in several formats, Parquet, JSON Lines, CSV, then the workbook.
    """
    directory = Path(directory)
    try:
        entry = (read_manifest(directory) or {}).get("tables", {}).get(table)
    except ExtractError:
        entry = None   # an unreadable manifest is reported by check_manifest when the table is read
    if isinstance(entry, dict) and Path(str(entry.get("file"))).suffix in _BY_SUFFIX:
        path = directory / Path(str(entry["file"])).name
        if path.is_file():
            return _BY_SUFFIX[path.suffix], path
    for fmt, name in (("parquet", f"{table}.parquet"), ("jsonl", f"{table}.jsonl"), ("csv", f"{table}.csv")):
        if (directory / name).is_file():
            return fmt, directory / name
    if (directory / WORKBOOK).is_file():
        return "xlsx", directory / WORKBOOK
    return None


def _read_csv_records(path: Path) -> list[dict]:
    import csv

    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise ExtractError(Errors.E320.format(path=path, problem="it holds NUL bytes: a binary file, not CSV"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractError(Errors.E320.format(
            path=path, problem=f"not valid UTF-8 (byte {exc.start}); tables are written as UTF-8")) from None
    excel = text.startswith(BOM)
    if excel:
        text = text[1:]
    if not text.strip():
        raise ExtractError(Errors.E320.format(path=path, problem="the file is empty (not even a header)"))
    rows = list(csv.DictReader(StringIO(text, newline="")))
    if excel:
        rows = [{k: unguard_cell(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows]
    return rows


def _read_jsonl_records(path: Path) -> list[dict]:
    records = []
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ExtractError(Errors.E320.format(path=path, problem=f"line {n}: not JSON ({exc.msg})")) from None
                if not isinstance(rec, dict):
                    raise ExtractError(Errors.E320.format(path=path, problem=f"line {n}: not a JSON object"))
                records.append(rec)
    except UnicodeDecodeError as exc:
        raise ExtractError(Errors.E320.format(path=path, problem=f"not valid UTF-8 (byte {exc.start})")) from None
    return records


def _read_parquet(path: Path, table: str):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        arrow = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise ExtractError(Errors.E320.format(path=path, problem=f"not a Parquet file ({exc})")) from None
    return arrow.to_pandas()


def _read_sheet(path: Path, table: str):
    import pandas as pd

    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=object, keep_default_na=False, na_values=[])
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise ExtractError(Errors.E320.format(path=path, problem=f"not a readable workbook ({exc})")) from None
    parts = [df for name, df in sheets.items() if name == table or name.startswith(f"{table} (")]
    if not parts:
        return None
    frame = pd.concat(parts, ignore_index=True)
    return frame.map(lambda v: _XML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), v) if isinstance(v, str) else v)


def read_table(directory: str | Path, table: str, *, required: Iterable[str] = (), present_only: bool = False):
    """One table of a run's folder as a typed DataFrame (see :func:`typed_frame`).

    Raises ExtractError when the table is not there, cannot be read, or lacks a column
    named in ``required`` (E316), and ManifestError when the folder's ``manifest.json`` says
    the file is not the one its run wrote (see :mod:`extract.manifest`). ``present_only``: leave out the schema's columns the file
    does not have (instead of giving them empty).
    """
    import pandas as pd

    found = table_format(directory, table)
    if found is None:
        raise ExtractError(Errors.E321.format(path=directory, table=table))
    check_manifest(directory, [table])   # a folder written by extract run: not a mix of two runs
    fmt, path = found
    if fmt == "csv":
        frame = pd.DataFrame(_read_csv_records(path))
        if frame.empty:
            frame = pd.DataFrame(columns=_csv_header(path))
    elif fmt == "jsonl":
        frame = pd.DataFrame(_read_jsonl_records(path))
    elif fmt == "parquet":
        frame = _read_parquet(path, table)
    else:
        frame = _read_sheet(path, table)
        if frame is None:
            raise ExtractError(Errors.E321.format(path=directory, table=table))
    if fmt != "jsonl" or len(frame):  # an empty JSON Lines table has no columns to check
        for col in required:
            if col not in frame.columns:
                raise ExtractError(Errors.E316.format(path=path, column=col))
    typed = typed_frame(table, frame, source=str(path))
    if present_only and (fmt != "jsonl" or len(frame)):
        typed = typed[[c for c in typed.columns if c in frame.columns]]
    return typed


def _csv_header(path: Path) -> list[str]:
    import csv

    text = path.read_text(encoding="utf-8").lstrip(BOM)
    return next(csv.reader(StringIO(text, newline="")), [])


def read_tables(directory: str | Path, tables: Iterable[str] | None = None) -> dict:
    """The tables of a run's folder as DataFrames with the schema's columns and dtypes.

    Reads whichever format the run wrote (CSV of either flavour, Parquet, JSON Lines or the
    workbook). ``tables`` picks some (default: the five); a table that is missing raises
    ExtractError, as does a folder with none of them.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise ExtractError(Errors.E317.format(path=directory))
    names = list(tables) if tables is not None else list(schema.TABLES)
    if not any(table_format(directory, t) for t in names):
        raise ExtractError(Errors.E322.format(path=directory, tables=", ".join(names)))
    return {t: read_table(directory, t) for t in names}
