"""Part files and final tables, in CSV or Parquet.

A big run writes its rows as *parts*: every few hundred documents, one file per table
in a folder of its own, written under a temporary name and renamed into place when the
part is whole. :func:`merge_parts` builds the final ``<table>.csv`` / ``<table>.parquet``
from a list of parts, again under temporary names, and publishes them by renaming, so a
reader never sees half a table.

Both formats have the same columns in the same order (``extract.schema.table_columns``)
and the same rows; a cell holding a list is written as ``"a; b"`` in both, ``None`` as an
empty CSV cell or a Parquet null.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence


FORMATS = ("csv", "parquet")


def cell(value: Any) -> Any:
    """A value as stored in either format: lists joined with '; ', dicts as JSON."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _csv_cell(value: Any) -> Any:
    value = cell(value)
    return "" if value is None else value


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


class PartWriter:
    """Writes one part: a folder with one file per table, published by renaming the folder.

    CSV rows go to the files as they come; Parquet rows are held for the part (a part is
    a few hundred documents) and written as one table at :meth:`commit`.
    """

    def __init__(self, parts_dir: Path, name: str, columns: Mapping[str, Sequence[str]], fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"Unknown format {fmt!r}; allowed: {', '.join(FORMATS)}")
        self.parts_dir = Path(parts_dir)
        self.name = name
        self.fmt = fmt
        self.columns = {t: list(c) for t, c in columns.items()}
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=self.parts_dir))
        self.n_rows = {t: 0 for t in self.columns}
        self._csv: dict[str, tuple[Any, csv.DictWriter]] = {}
        self._rows: dict[str, list[dict]] = {t: [] for t in self.columns}
        if fmt == "csv":
            for table, cols in self.columns.items():
                fh = open(self.tmp / f"{table}.csv", "w", encoding="utf-8", newline="")
                writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
                writer.writeheader()
                self._csv[table] = (fh, writer)

    def write(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        if self.fmt == "csv":
            writer = self._csv[table][1]
            for row in rows:
                writer.writerow({k: _csv_cell(v) for k, v in row.items()})
                self.n_rows[table] += 1
        else:
            cols = self.columns[table]
            for row in rows:
                self._rows[table].append({c: cell(row.get(c)) for c in cols})
                self.n_rows[table] += 1

    def commit(self) -> Path:
        """Close the files and rename the part's folder into place; return its path."""
        if self.fmt == "csv":
            for fh, _ in self._csv.values():
                _fsync_close(fh)
            self._csv = {}
        else:
            for table, rows in self._rows.items():
                write_parquet_rows(self.tmp / f"{table}.parquet", rows, self.columns[table])
            self._rows = {}
        final = self.parts_dir / self.name
        if final.exists():  # a leftover from an interrupted run that never reached the state
            shutil.rmtree(final)
        os.replace(self.tmp, final)
        _fsync_dir(self.parts_dir)
        return final

    def abort(self) -> None:
        for fh, _ in self._csv.values():
            fh.close()
        self._csv = {}
        self._rows = {}
        shutil.rmtree(self.tmp, ignore_errors=True)


# --- Parquet ---------------------------------------------------------------------------

def _arrow_column(values: list) -> Any:
    import pyarrow as pa

    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types (e.g. 3 and "3"): keep as text
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())


def write_parquet_rows(path: Path, rows: list[dict], columns: Sequence[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = [_arrow_column([r.get(c) for r in rows]) for c in columns]
    table = pa.Table.from_arrays(arrays, names=list(columns))
    pq.write_table(table, path)


def _unify_types(types: list) -> Any:
    """One Arrow type for a column whose parts were typed separately."""
    import pyarrow as pa

    kinds = {t for t in types if not pa.types.is_null(t)}
    if not kinds:
        return pa.string()
    if len(kinds) == 1:
        return kinds.pop()
    if all(pa.types.is_integer(t) or pa.types.is_floating(t) for t in kinds):
        return pa.float64()
    if all(pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t) for t in kinds):
        return pa.float64()
    return pa.string()


def _cast_column(array, target):
    import pyarrow as pa
    import pyarrow.compute as pc

    if array.type == target:
        return array
    if pa.types.is_null(array.type):
        return pa.nulls(len(array), type=target)
    if pa.types.is_string(target) and not pa.types.is_string(array.type):
        return pa.array([None if v is None else str(v) for v in array.to_pylist()], type=pa.string())
    return pc.cast(array, target)


def _merge_parquet(sources: list[Path], dest: Path, columns: Sequence[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types: dict[str, list] = {c: [] for c in columns}
    for src in sources:
        schema = pq.read_schema(src)
        for c in columns:
            if c in schema.names:
                types[c].append(schema.field(c).type)
    schema = pa.schema([(c, _unify_types(types[c])) for c in columns])
    with pq.ParquetWriter(dest, schema) as writer:
        for src in sources:
            table = pq.read_table(src)
            arrays = []
            for field in schema:
                if field.name in table.column_names:
                    arrays.append(_cast_column(table.column(field.name).combine_chunks(), field.type))
                else:
                    arrays.append(pa.nulls(table.num_rows, type=field.type))
            if table.num_rows:
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))


# --- CSV -------------------------------------------------------------------------------

def _merge_csv(sources: list[tuple[Path, bool]], dest: Path, columns: Sequence[str]) -> None:
    """Concatenate CSV parts; a part whose header differs, or that must drop its error rows,
    is re-read row by row."""
    header = list(columns)
    with open(dest, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        out.flush()
        for src, drop_errors in sources:
            with open(src, encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                part_header = next(reader, None)
                if part_header == header and not drop_errors:
                    out.flush()
                    # fast path: copy the rest of the file as it is
                    fh.seek(0)
                    fh.readline()
                    shutil.copyfileobj(fh, out, 1 << 20)
                    continue
                if part_header is None:
                    continue
                for values in reader:
                    row = dict(zip(part_header, values))
                    if drop_errors and row.get("status") == "error":
                        continue
                    writer.writerow(row)
        _fsync_close(out)


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
    were retried in this run).
    """
    out_dir = Path(out_dir)
    drop = {Path(p) for p in drop_errors}
    tmp_files: dict[str, Path] = {}
    try:
        for table, cols in columns.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{table}.", suffix=".tmp", dir=out_dir)
            os.close(fd)
            tmp_files[table] = Path(tmp)
            if fmt == "csv":
                sources = [(Path(p) / f"{table}.csv", table == "documents" and Path(p) in drop) for p in parts]
                _merge_csv(sources, Path(tmp), cols)
            else:
                sources = [Path(p) / f"{table}.parquet" for p in parts]
                if table == "documents" and drop:
                    sources = [_without_errors(s, out_dir) if s.parent in drop else s for s in sources]
                if sources:
                    _merge_parquet(sources, Path(tmp), cols)
                else:
                    write_parquet_rows(Path(tmp), [], cols)
        final = {}
        for table, tmp in tmp_files.items():
            dest = out_dir / f"{table}.{fmt}"
            publish(tmp, dest)
            final[table] = dest
        _fsync_dir(out_dir)
        return final
    finally:
        for tmp in tmp_files.values():
            if tmp.exists():
                tmp.unlink()
        for leftover in out_dir.glob(".noerr.*.parquet"):
            leftover.unlink()


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
