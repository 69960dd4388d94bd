"""Finding and reading input articles, and their metadata.

Reading never raises for one bad file in a batch: :func:`iter_inputs` yields an
:class:`ArticleInput` whose ``error`` says what is wrong (missing, empty, binary),
and the caller records it and goes on. Text that is not UTF-8 is decoded with a
fallback encoding and a warning is attached.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ConfigError, Errors, InputError, Warnings

METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("doc_id", "title", "published", "source")
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_BINARY_SNIFF = 8192


@dataclass
class ArticleInput:
    doc_id: str
    path: str
    text: str | None = None
    title: str = ""
    published: str = ""          # ISO date from metadata, "" if unknown
    reference_date: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def text_hash(self) -> str:
        return hashlib.sha1((self.text or "").encode("utf-8")).hexdigest()


def parse_date(value: str) -> str:
    """Validate an ISO date (YYYY-MM-DD) and return it; raise ConfigError otherwise."""
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except (ValueError, AttributeError):
        raise ConfigError(Errors.E005.format(value=value)) from None


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (a BOM is dropped), else a fallback with a warning."""
    sniff = data[:_BINARY_SNIFF]
    if b"\x00" in sniff:
        raise InputError(Errors.E003.format(path=path, reason="it contains NUL bytes"))
    try:
        text = data.decode("utf-8-sig")
        warnings: list[str] = []
    except UnicodeDecodeError as exc:
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            warnings = [Warnings.W001.format(path=path, position=exc.start, encoding=encoding)]
            break
    controls = sum(1 for ch in text[:_BINARY_SNIFF] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:_BINARY_SNIFF]) // 100):
        raise InputError(Errors.E003.format(path=path, reason=f"{controls} control characters"))
    if not text.strip():
        raise InputError(Errors.E002.format(path=path))
    return text, warnings


def read_article(path: str | Path) -> tuple[str, list[str]]:
    """Read one article file; raise InputError naming the file if it cannot be used."""
    p = Path(path)
    if not p.exists():
        raise InputError(Errors.E001.format(path=p))
    if p.is_dir():
        raise InputError(Errors.E004.format(path=p))
    return decode(p.read_bytes(), str(p))


def find_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders into .txt files, in a stable order.

    A missing path or a folder without .txt files is yielded as is, so that reading
    it reports the problem against its name.
    """
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*.txt") if f.is_file())
            if not files:
                yield p
            yield from files
        else:
            yield p


@lru_cache(maxsize=256)
def load_metadata(folder: str) -> dict[str, dict[str, str]]:
    """Rows of ``metadata.csv`` in ``folder`` keyed by doc_id ({} if there is none)."""
    path = Path(folder) / METADATA_FILE
    if not path.is_file():
        return {}
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("doc_id", "published") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(Errors.E006.format(path=path, line=1, problem=f"missing column(s) {', '.join(missing)}"))
        for i, row in enumerate(reader, 2):
            published = (row.get("published") or "").strip()
            if published:
                try:
                    row["published"] = parse_date(published)
                except ConfigError:
                    raise InputError(Errors.E006.format(
                        path=path, line=i, problem=f"published {published!r} is not a YYYY-MM-DD date")) from None
            rows[row["doc_id"]] = row
    return rows


def iter_inputs(paths: Iterable[str | Path], reference_date: str | None = None) -> Iterator[ArticleInput]:
    """One ArticleInput per file: its text, metadata and reference date, or its error."""
    for p in find_files(paths):
        item = ArticleInput(doc_id=p.stem, path=str(p))
        try:
            meta = load_metadata(str(p.parent)).get(p.stem, {})
        except InputError as exc:
            meta = {}
            item.warnings.append(str(exc))
        item.title = (meta.get("title") or "").strip()
        item.published = meta.get("published") or ""
        item.reference_date = reference_date or item.published or None
        try:
            item.text, warns = read_article(p)
            item.warnings.extend(warns)
        except InputError as exc:
            item.error = str(exc)
        except OSError as exc:
            item.error = f"{p}: cannot be read ({exc.strerror or exc})"
        yield item
