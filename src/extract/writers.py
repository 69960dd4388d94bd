"""Part files and final tables, in every format of :mod:`extract.io`.

A big run writes its rows as *parts*: every few hundred documents, one file per table
in a folder of its own, written under a temporary name and renamed into place when the
part is whole. :func:`merge_parts` builds the final tables from a list of parts, again
under temporary names, and publishes them by renaming, so a reader never sees half a table.

Every row passes :func:`extract.tables.check_row` before it is written: it is checked
against the schema (offsets inside the article, ``start < end``, finite numbers, known
units, well-formed TIMEX3 values, closed vocabularies) and typed by it. A row with a
problem is left out and logged (W302) with its document and the rule that made it;
:attr:`PartWriter.n_rejected` counts them.

Every format has the same columns in the same order, typed by the schema
(``str``/``int``/``float``, see :mod:`extract.io`): CSV (exact; an empty cell is an empty
value), CSV for spreadsheets (``csv-excel``: byte-order mark, formula-like text cells
prefixed with ``'``), Parquet (one explicit Arrow schema per table, so every run's files
concatenate), JSON Lines (one object per row, ``null`` for empty) and one xlsx workbook
with a sheet per table whose text cells are stored as text, never as formulas.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from . import schema
from .errors import ConfigError, Errors
from .io import EXTENSIONS, FORMATS, WORKBOOK, BOM, arrow_schema, guard_cell
from .tables import check_row

__all__ = ["FORMATS", "PART_FORMAT", "PartWriter", "merge_parts", "publish", "write_table_files",
           "XLSX_MAX_ROWS"]

#: the format each final format's parts are written in (exact and typed)
PART_FORMAT = {"csv": "csv", "csv-excel": "csv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "jsonl"}
#: rows of one worksheet, header included (Excel's limit); a longer table goes on in "name (2)"
XLSX_MAX_ROWS = 1_048_576


def _dtypes(table: str, columns: Sequence[str]) -> dict[str, str]:
    try:
        known = {c.name: c.dtype for c in schema.typed_columns(table)}
    except KeyError:
        known = {}
    return {c: known.get(c, "str") for c in columns}


def _fsync_close(fh) -> None:
    fh.flush()
    os.fsync(fh.fileno())
    fh.close()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _csv_cell(value: Any) -> Any:
    """A typed value as CSV text: empty for None, a whole float without ".0" (``5000000``;
    the schema types it as a float again when read)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _json_line(row: Mapping[str, Any], columns: Sequence[str]) -> str:
    return json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, allow_nan=False) + "\n"


class PartWriter:
    """Writes one part: a folder with one file per table, published by renaming the folder.

    CSV and JSON Lines rows go to the files as they come; Parquet rows are held for the
    part (a part is a few hundred documents) and written as one table at :meth:`commit`.
    The documents row of an article must come before its item rows: its ``n_chars`` is the
    length the item rows' offsets are checked against.
    """

    def __init__(self, parts_dir: Path, name: str, columns: Mapping[str, Sequence[str]], fmt: str) -> None:
        if fmt not in FORMATS:
            raise ConfigError(Errors.E009.format(value=fmt, allowed=", ".join(FORMATS)))
        self.parts_dir = Path(parts_dir)
        self.name = name
        self.fmt = fmt
        self.part_fmt = PART_FORMAT[fmt]
        self.columns = {t: list(c) for t, c in columns.items()}
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=self.parts_dir))
        self.n_rows = {t: 0 for t in self.columns}
        self.n_rejected = {t: 0 for t in self.columns}
        self._n_chars: dict[str, int] = {}
        self._files: dict[str, tuple[Any, Any]] = {}
        self._rows: dict[str, list[dict]] = {t: [] for t in self.columns}
        if self.part_fmt in ("csv", "jsonl"):
            for table, cols in self.columns.items():
                fh = open(self.tmp / f"{table}.{self.part_fmt}", "w", encoding="utf-8", newline="")
                writer = None
                if self.part_fmt == "csv":
                    writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
                    writer.writeheader()
                self._files[table] = (fh, writer)

    def _accept(self, table: str, row: Mapping[str, Any]) -> dict | None:
        if table == schema.DOCUMENTS_TABLE:
            n = row.get("n_chars")
            if isinstance(n, int):
                self._n_chars[str(row.get("doc_id"))] = n
            n_raw = None
        else:
            n_raw = self._n_chars.get(str(row.get("doc_id")))
        if table not in schema.TABLES:   # a table the schema does not describe: written as text
            return {c: None if row.get(c) in (None, "") else str(row.get(c)) for c in self.columns[table]}
        return check_row(table, row, n_raw)

    def write(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        cols = self.columns[table]
        for row in rows:
            typed = self._accept(table, row)
            if typed is None:
                self.n_rejected[table] += 1
                continue
            self.n_rows[table] += 1
            if self.part_fmt == "csv":
                self._files[table][1].writerow({c: _csv_cell(typed.get(c)) for c in cols})
            elif self.part_fmt == "jsonl":
                self._files[table][0].write(_json_line(typed, cols))
            else:
                self._rows[table].append(typed)

    def commit(self) -> Path:
        """Close the files and rename the part's folder into place; return its path."""
        for fh, _ in self._files.values():
            _fsync_close(fh)
        self._files = {}
        if self.part_fmt == "parquet":
            for table, rows in self._rows.items():
                write_parquet_rows(self.tmp / f"{table}.parquet", rows, self.columns[table], table)
        self._rows = {}
        final = self.parts_dir / self.name
        if final.exists():  # a leftover from an interrupted run that never reached the state
            shutil.rmtree(final)
        os.replace(self.tmp, final)
        _fsync_dir(self.parts_dir)
        return final

    def abort(self) -> None:
        for fh, _ in self._files.values():
            fh.close()
        self._files = {}
        self._rows = {}
        shutil.rmtree(self.tmp, ignore_errors=True)


# --- Parquet ---------------------------------------------------------------------------

def _table_schema(table: str, columns: Sequence[str]):
    import pyarrow as pa

    if table in schema.TABLES and list(columns) == list(schema.table_columns()[table]):
        return arrow_schema(table)
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([(c, types[t]) for c, t in _dtypes(table, columns).items()])


def write_parquet_rows(path: Path, rows: list[dict], columns: Sequence[str], table: str = "") -> None:
    """Write typed rows with the table's explicit Arrow schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = _table_schema(table, columns)
    data = {c: [r.get(c) for r in rows] for c in columns}
    pq.write_table(pa.Table.from_pydict(data, schema=arrow), path)


def _merge_parquet(sources: list[Path], dest: Path, columns: Sequence[str], table: str) -> None:
    import pyarrow.parquet as pq

    arrow = _table_schema(table, columns)
    with pq.ParquetWriter(dest, arrow) as writer:
        for src in sources:
            part = pq.read_table(src)
            if part.num_rows:
                writer.write_table(part.select(list(columns)).cast(arrow))


# --- CSV and JSON Lines ------------------------------------------------------------------

def _merge_csv(sources: list[tuple[Path, bool]], dest: Path, columns: Sequence[str], table: str,
               excel: bool = False) -> None:
    """Concatenate CSV parts; a part whose header differs, that must drop its error rows, or
    that is written for spreadsheets, is re-read row by row."""
    header = list(columns)
    text_cols = {c for c, t in _dtypes(table, columns).items() if t == "str"}
    with open(dest, "w", encoding="utf-8", newline="") as out:
        if excel:
            out.write(BOM)
        writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
        writer.writerow({c: guard_cell(c) if excel else c for c in header})
        out.flush()
        for src, drop_errors in sources:
            with open(src, encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                part_header = next(reader, None)
                if part_header == header and not drop_errors and not excel:
                    out.flush()
                    fh.seek(0)
                    fh.readline()
                    shutil.copyfileobj(fh, out, 1 << 20)   # fast path: the rest of the file as it is
                    continue
                if part_header is None:
                    continue
                for values in reader:
                    row = dict(zip(part_header, values))
                    if drop_errors and row.get("status") == "error":
                        continue
                    if excel:
                        row = {k: guard_cell(v) if k in text_cols else v for k, v in row.items()}
                    writer.writerow(row)
        _fsync_close(out)


def _jsonl_rows(src: Path, drop_errors: bool = False) -> Iterable[dict]:
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if drop_errors and row.get("status") == "error":
                    continue
                yield row


def _merge_jsonl(sources: list[tuple[Path, bool]], dest: Path, columns: Sequence[str]) -> None:
    with open(dest, "w", encoding="utf-8", newline="") as out:
        for src, drop_errors in sources:
            if not src.exists():
                continue
            if not drop_errors:
                with open(src, encoding="utf-8", newline="") as fh:
                    shutil.copyfileobj(fh, out, 1 << 20)
                continue
            for row in _jsonl_rows(src, drop_errors):
                out.write(_json_line(row, columns))
        _fsync_close(out)


# --- xlsx --------------------------------------------------------------------------------

def _write_sheet(book, name: str, table: str, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """One table as worksheets of ``book`` (XlsxWriter): text with write_string, so a cell
    starting with '=' is text and never a formula; numbers with write_number."""
    dtypes = _dtypes(table, columns)
    sheet, n_sheet, r = None, 0, XLSX_MAX_ROWS

    def new_sheet():
        nonlocal sheet, n_sheet, r
        n_sheet += 1
        sheet = book.add_worksheet(name if n_sheet == 1 else f"{name} ({n_sheet})")
        for j, c in enumerate(columns):
            sheet.write_string(0, j, c)
        r = 1

    new_sheet()
    for row in rows:
        if r >= XLSX_MAX_ROWS:
            new_sheet()
        for j, c in enumerate(columns):
            v = row.get(c)
            if v is None:
                continue
            if dtypes[c] == "str":
                sheet.write_string(r, j, str(v))
            else:
                sheet.write_number(r, j, v)
        r += 1


def _write_workbook(dest: Path, tables: Mapping[str, tuple[Sequence[str], Iterable[Mapping[str, Any]]]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(dest), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False, "nan_inf_to_errors": False})
    try:
        for table, (columns, rows) in tables.items():
            _write_sheet(book, table, table, columns, rows)
    finally:
        book.close()


# --- publishing --------------------------------------------------------------------------

def _part_sources(parts: Sequence[Path], table: str, part_fmt: str, drop: set[Path]) -> list[tuple[Path, bool]]:
    return [(Path(p) / f"{table}.{part_fmt}", table == schema.DOCUMENTS_TABLE and Path(p) in drop)
            for p in parts]


def _merge_table(parts, table: str, cols, fmt: str, tmp: Path, out_dir: Path, drop: set[Path]) -> None:
    part_fmt = PART_FORMAT[fmt]
    sources = _part_sources(parts, table, part_fmt, drop)
    if part_fmt == "csv":
        _merge_csv(sources, tmp, cols, table, excel=fmt == "csv-excel")
    elif part_fmt == "jsonl":
        _merge_jsonl(sources, tmp, cols)
    else:
        files = [_without_errors(s, out_dir) if d else s for s, d in sources]
        _merge_parquet(files, tmp, cols, table)


def _mkstemp(out_dir: Path, name: str) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
    os.close(fd)
    return Path(tmp)


def merge_parts(
    parts: Sequence[Path],
    out_dir: Path,
    columns: Mapping[str, Sequence[str]],
    fmt: str,
    *,
    drop_errors: Iterable[Path] = (),
) -> dict[str, Path]:
    """Write every table from ``parts`` (in order) and publish them; return their paths.

    ``drop_errors``: parts whose documents rows with status ``error`` are left out (they
    were retried in this run). For ``xlsx`` every table is a sheet of ``tables.xlsx``.
    """
    if fmt not in FORMATS:
        raise ConfigError(Errors.E009.format(value=fmt, allowed=", ".join(FORMATS)))
    out_dir = Path(out_dir)
    drop = {Path(p) for p in drop_errors}
    tmp_files: dict[str, Path] = {}
    try:
        if fmt == "xlsx":
            tmp = tmp_files[WORKBOOK] = _mkstemp(out_dir, WORKBOOK)
            _write_workbook(tmp, {
                table: (cols, (r for src, d in _part_sources(parts, table, "jsonl", drop) if src.exists()
                               for r in _jsonl_rows(src, d)))
                for table, cols in columns.items()})
        else:
            for table, cols in columns.items():
                tmp = tmp_files[table] = _mkstemp(out_dir, table)
                _merge_table(parts, table, cols, fmt, tmp, out_dir, drop)
        final = {}
        for name, tmp in tmp_files.items():
            dest = out_dir / (WORKBOOK if fmt == "xlsx" else f"{name}{EXTENSIONS[fmt]}")
            publish(tmp, dest)
            final[name] = dest
        if fmt == "xlsx":
            final = {table: out_dir / WORKBOOK for table in columns}
        _fsync_dir(out_dir)
        return final
    finally:
        for tmp in tmp_files.values():
            if tmp.exists():
                tmp.unlink()
        for leftover in out_dir.glob(".noerr.*.parquet"):
            leftover.unlink()


def write_table_files(rows: Mapping[str, list[dict]], out_dir: str | Path, fmt: str,
                      columns: Mapping[str, Sequence[str]] | None = None) -> dict[str, Path]:
    """Write already typed rows (e.g. from :func:`extract.tables.checked_rows`) as final
    tables in ``fmt``: one part, merged and published like a run's."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    columns = columns or schema.table_columns()
    parts_dir = Path(tempfile.mkdtemp(prefix=".parts.", dir=out_dir))
    try:
        writer = PartWriter(parts_dir, "part", columns, fmt)
        for table in columns:
            writer.write(table, rows.get(table, []))
        part = writer.commit()
        return merge_parts([part], out_dir, columns, fmt)
    finally:
        shutil.rmtree(parts_dir, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def publish(tmp: str | Path, dest: str | Path) -> None:
    """Give a finished temporary file ordinary permissions and rename it into place.

    ``tempfile.mkstemp`` creates files readable by their owner only; output tables are
    ordinary files, readable as the umask allows."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, dest)


def _without_errors(src: Path, tmp_dir: Path) -> Path:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(src)
    if "status" in table.column_names:
        table = table.filter(pc.fill_null(pc.not_equal(table.column("status"), "error"), True))
    fd, tmp = tempfile.mkstemp(prefix=".noerr.", suffix=".parquet", dir=tmp_dir)
    os.close(fd)
    pq.write_table(table, tmp)
    return Path(tmp)

