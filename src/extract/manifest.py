"""The manifest of an output folder: which run each table belongs to.

The tables of a run are published one by one (one rename each), so a reader could meet
some tables of a new run beside others of an older one (a run killed between two
renames). After its tables are in place, ``extract run`` writes ``manifest.json`` beside
them, itself by one rename::

    {"run": "3f1c...", "format": "csv",
     "tables": {"documents": {"file": "documents.csv", "rows": 12, "sha256": "..."}, ...}}

``run`` is a digest of the tables' digests: the same tables give the same manifest. A
reader calls :func:`check_manifest` before reading: every table it names must still
have its digest, else the folder holds a mix (or a table was edited) and
:class:`ManifestError` says which table. A folder without a manifest (tables written
before manifests existed, or by hand) gives ``None``: nothing to check.

Pure: the standard library and :mod:`extract.errors` only (pyarrow to count the rows
of a Parquet table).
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

from .errors import Errors, ExtractError

MANIFEST_FILE = "manifest.json"
_CHUNK = 1 << 20


class ManifestError(ExtractError):
    """The tables of a folder are not those its manifest names."""


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def count_rows(path: str | Path) -> int | None:
    """Rows of a CSV (records, not lines: a quoted cell may hold a line break; with or without
    a byte-order mark), JSON Lines or Parquet table; None for the xlsx workbook, which holds
    every table."""
    path = Path(path)
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq  # third-party, only for Parquet tables

        return pq.read_metadata(path).num_rows
    if path.suffix == ".xlsx":
        return None
    if path.suffix == ".jsonl":
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return max(sum(1 for _ in csv.reader(fh)) - 1, 0)


def describe(tables: Mapping[str, str | Path]) -> dict:
    """The manifest of ``tables`` (table name -> path), not yet written."""
    entries = {}
    for name, path in sorted(tables.items()):
        path = Path(path)
        entries[name] = {"file": path.name, "rows": count_rows(path), "sha256": file_digest(path)}
    run = hashlib.sha256("".join(e["sha256"] for e in entries.values()).encode("ascii")).hexdigest()[:16]
    formats = sorted({Path(p).suffix.lstrip(".") for p in tables.values()})
    return {"run": run, "format": ",".join(formats), "tables": entries}


def write_manifest(out_dir: str | Path, tables: Mapping[str, str | Path]) -> dict:
    """Describe the published ``tables`` of ``out_dir`` in its manifest (one rename); return it."""
    out_dir = Path(out_dir)
    manifest = describe(tables)
    fd, tmp = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, indent=2, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, out_dir / MANIFEST_FILE)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return manifest


def read_manifest(out_dir: str | Path) -> dict | None:
    """The manifest of ``out_dir``, or None when there is none."""
    path = Path(out_dir) / MANIFEST_FILE
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["tables"].items()
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise ManifestError(Errors.E514.format(path=out_dir, problem=f"{MANIFEST_FILE} is not readable ({exc})")) from None
    return manifest


def check_manifest(out_dir: str | Path, tables: Iterable[str] | None = None) -> dict | None:
    """Check that the tables of ``out_dir`` (all those in its manifest, or the ``tables``
    named) are the ones its manifest describes; return the manifest (None if there is none).

    Raise :class:`ManifestError` naming the first table that is missing or differs."""
    manifest = read_manifest(out_dir)
    if manifest is None:
        return None
    entries = manifest["tables"]
    for name in (sorted(entries) if tables is None else tables):
        entry = entries.get(name)
        if entry is None:
            raise ManifestError(Errors.E514.format(path=out_dir, problem=f"{MANIFEST_FILE} names no table {name!r}"))
        path = Path(out_dir) / entry["file"]
        if not path.is_file():
            raise ManifestError(Errors.E514.format(path=out_dir, problem=f"{entry['file']} is missing"))
        if file_digest(path) != entry["sha256"]:
            raise ManifestError(Errors.E514.format(
                path=out_dir, problem=f"{entry['file']} is not the one of run {manifest.get('run')} "
                                      "(a run stopped while publishing, or the file was edited); run extract again"))
    return manifest
