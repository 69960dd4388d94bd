"""Finding and reading input articles, and their metadata.

Reading never raises for one bad file in a batch: :func:`iter_inputs` yields an
:class:`ArticleInput` whose ``error`` says what is wrong (missing, empty, binary),
and the caller records it and goes on. Problems that are not one article's (an
unreadable folder, a dangling symbolic link, a bad row of ``metadata.csv``, file names
shared by several folders) are reported once through the ``warn`` callback, and the
rest is used.

What "raw text" means (the text every offset of the tables counts into) is decided
here, by :func:`decode`, and :func:`read_raw` gives it to users:

* the file's bytes decoded; a UTF-8 byte order mark is dropped; UTF-16 and UTF-32
  files are read when they start with their byte order mark;
* invalid UTF-8: each bad byte becomes one U+FFFD character and a warning gives the
  byte offsets; a file with no valid multi-byte UTF-8 sequence at all is an 8-bit
  legacy file and is read as cp1252 (else latin-1), with a warning;
* nothing else is changed: line endings stay as they are (``\\r\\n``, ``\\r`` or
  ``\\n``), so offsets count every character, ``\\r`` included. In Python,
  ``open(path, encoding="utf-8-sig", newline="").read()`` gives the same string for a
  valid UTF-8 file; ``extract.read_raw(path)`` gives it for every file.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import logging
import os
import threading
import warnings as _warnings
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import ConfigError, Errors, InputError, Warnings

METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("doc_id", "title", "published", "source")
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
#: byte order marks of the wide encodings, longest first (UTF-32-LE starts with UTF-16-LE's)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: at most this many bad byte offsets are named in a warning
MAX_OFFSETS = 5
_BINARY_SNIFF = 8192

log = logging.getLogger("extract")
Warn = Callable[[str], None]


def _log_warning(message: str) -> None:
    log.warning(message)


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


# --- decoding ---------------------------------------------------------------------------

_BAD = threading.local()


def _record_bad_utf8(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Decoding error handler: replace like ``errors="replace"``, noting where."""
    _BAD.spans.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("extract.replace", _record_bad_utf8)


def _decode_replacing(data: bytes) -> tuple[str, list[tuple[int, int]]]:
    """UTF-8 with each invalid sequence replaced by U+FFFD; the byte spans replaced."""
    _BAD.spans = []
    try:
        return data.decode("utf-8", errors="extract.replace"), _BAD.spans
    finally:
        _BAD.spans = []


def _decode_text(data: bytes, path: str) -> tuple[str, list[str]]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as exc:
                raise InputError(Errors.E003.format(path=path, reason=f"not valid {encoding} ({exc.reason})")) from None
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(Errors.E003.format(path=path, reason="it contains NUL bytes"))
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first = exc.start + skip
    text, bad = _decode_replacing(data[skip:])
    n_non_ascii = len(data.translate(None, bytes(range(128))))
    if n_non_ascii > sum(end - start for start, end in bad):  # some valid multi-byte UTF-8
        shown = ", ".join(str(start + skip) for start, _ in bad[:MAX_OFFSETS])
        if len(bad) > MAX_OFFSETS:
            shown += f" and {len(bad) - MAX_OFFSETS} more"
        return text, [Warnings.W500.format(path=path, positions=shown)]
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [Warnings.W001.format(path=path, position=first, encoding=encoding)]
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, list[str]]:
    """Decode article bytes into the raw text (see the module docstring for the rule);
    return it with the warnings. Raise InputError for binary or empty data."""
    text, warnings = _decode_text(data, path)
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
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E513.format(path=p, reason=exc.strerror or exc)) from None
    return decode(data, str(p))


def read_raw(path: str | Path) -> str:
    """The raw text of an article file, exactly as ``extract run`` reads it: the string
    that ``start_char``/``end_char`` count into. Decoding problems are reported with
    ``warnings.warn``; an unusable file raises :class:`~extract.errors.InputError`."""
    text, problems = read_article(path)
    for message in problems:
        _warnings.warn(message, stacklevel=2)
    return text


# --- finding files ----------------------------------------------------------------------

def _walk(root: Path, warn: Warn) -> list[Path]:
    """The .txt files under ``root``, following symbolic links to folders once each;
    unreadable folders, dangling and looping links are warned about and skipped."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = list(os.scandir(folder))
        except OSError as exc:
            warn(Warnings.W504.format(path=folder, reason=exc.strerror or exc))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
                if entry.is_symlink():
                    os.stat(entry.path)  # raises for a dangling or looping link
            except OSError as exc:
                warn(Warnings.W505.format(path=path, reason=exc.strerror or exc))
                continue
            if is_dir:
                stack.append(path)
            elif is_file and entry.name.endswith(".txt"):
                found.append(path)
    return sorted(found)


def find_files(paths: Iterable[str | Path], warn: Warn | None = None) -> Iterator[Path]:
    """Expand files and folders into .txt files, in a stable order.

    A missing path or a folder without .txt files is yielded as is, so that reading
    it reports the problem against its name. Unreadable folders and broken links are
    reported to ``warn`` (default: the ``extract`` logger) and skipped.
    """
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = _walk(p, warn or _log_warning)
            if not files:
                yield p
            yield from files
        else:
            yield p


def name_documents(files: list[Path], warn: Warn) -> list[str]:
    """The doc_id of each file: its name without ``.txt``; when several files of the run
    share a name, each of them is named by as many of its folders as tell them apart
    (``business/001`` and ``sport/001``)."""
    by_stem: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(files):
        by_stem[f.stem].append(i)
    ids = [f.stem for f in files]
    clashes = [group for group in by_stem.values() if len({files[i].resolve() for i in group}) > 1]
    for group in clashes:
        parts = [files[i].resolve().with_suffix("").parts for i in group]
        depth = 1
        while depth < max(len(p) for p in parts) and len({p[-depth:] for p in parts}) < len(parts):
            depth += 1
        for i, p in zip(group, parts):
            ids[i] = "/".join(p[-depth:])
    if clashes:
        first = clashes[0]
        warn(Warnings.W507.format(n=len(clashes), name=files[first[0]].name, example=ids[first[0]]))
    return ids


# --- metadata -----------------------------------------------------------------------------

def _metadata_text(path: Path, warn: Warn) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        warn(Warnings.W506.format(path=path, reason=exc.strerror or exc))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warn(Warnings.W503.format(path=path, encoding="cp1252" if _cp1252(data) else "latin-1"))
        return data.decode("cp1252" if _cp1252(data) else "latin-1")


def _cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


def _metadata_rows(path: Path, text: str, warn: Warn) -> dict[str, dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = [(f or "").strip() for f in reader.fieldnames or []]
    reader.fieldnames = fields
    missing = [c for c in ("doc_id", "published") if c not in fields]
    if missing:
        warn(Warnings.W506.format(path=path, reason=f"missing column(s) {', '.join(missing)}"))
        return {}
    rows: dict[str, dict[str, str]] = {}
    lines: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        doc_id = (row.get("doc_id") or "").strip()
        published = (row.get("published") or "").strip()
        if not doc_id:
            warn(Warnings.W501.format(path=path, line=line, problem="no doc_id"))
            continue
        if published:
            try:
                published = parse_date(published)
            except ConfigError:
                warn(Warnings.W501.format(path=path, line=line,
                                          problem=f"published {published!r} is not a YYYY-MM-DD date"))
                continue
        if doc_id.lower().endswith(".txt"):
            warn(Warnings.W508.format(path=path, line=line, doc_id=doc_id, stem=doc_id[:-4]))
            doc_id = doc_id[:-4]
        if doc_id in rows:
            warn(Warnings.W502.format(path=path, line=line, doc_id=doc_id, other=lines[doc_id]))
            continue
        rows[doc_id] = {k: (v or "") for k, v in row.items() if k is not None} | {"doc_id": doc_id,
                                                                                   "published": published}
        lines[doc_id] = line
    return rows


@lru_cache(maxsize=256)
def _load_metadata(folder: str) -> tuple[dict[str, dict[str, str]], tuple[str, ...]]:
    problems: list[str] = []
    path = Path(folder) / METADATA_FILE
    if not path.is_file():
        return {}, ()
    text = _metadata_text(path, problems.append)
    rows = {} if text is None else _metadata_rows(path, text, problems.append)
    return rows, tuple(problems)


def load_metadata(folder: str, warn: Warn | None = None) -> dict[str, dict[str, str]]:
    """Rows of ``metadata.csv`` in ``folder`` keyed by doc_id ({} if there is none).

    A bad row (no doc_id, a published date that is not YYYY-MM-DD, a doc_id given twice)
    is skipped with a warning naming the file and line; the other rows are used. A
    doc_id written with ``.txt`` is read without it. UTF-8 with or without a byte order
    mark is read; other files as cp1252 or latin-1, with a warning.
    """
    rows, problems = _load_metadata(folder)
    for message in problems:
        (warn or _log_warning)(message)
    return rows


load_metadata.cache_clear = _load_metadata.cache_clear  # type: ignore[attr-defined]


# --- the inputs of a run --------------------------------------------------------------------

def iter_inputs(paths: Iterable[str | Path], reference_date: str | None = None,
                warn: Warn | None = None, doc_ids: dict[str, str] | None = None) -> Iterator[ArticleInput]:
    """One ArticleInput per file: its text, metadata and reference date, or its error.

    Problems that are not one article's go to ``warn`` (default: the ``extract`` logger).
    ``doc_ids`` (path -> doc_id) names files again as an earlier pass named them.
    """
    warn = warn or _log_warning
    files = list(find_files(paths, warn))
    if doc_ids is None:
        ids = name_documents(files, warn)
    else:
        ids = [doc_ids.get(str(f), f.stem) for f in files]
    warned: set[str] = set()

    def warn_once(message: str) -> None:
        if message not in warned:
            warned.add(message)
            warn(message)

    for p, doc_id in zip(files, ids):
        item = ArticleInput(doc_id=doc_id, path=str(p))
        meta = load_metadata(str(p.parent), warn_once).get(p.stem, {})
        item.title = (meta.get("title") or "").strip()
        item.published = meta.get("published") or ""
        item.reference_date = reference_date or item.published or None
        try:
            item.text, warns = read_article(p)
            item.warnings.extend(warns)
        except InputError as exc:
            item.error = str(exc)
        except OSError as exc:
            item.error = Errors.E513.format(path=p, reason=exc.strerror or exc)
        yield item
