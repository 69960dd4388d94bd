"""Reading and checking hand-annotated gold files (see ``gold/GUIDELINES.md``).

A gold file is JSONL (one record per line) or CSV (one record per row) with the
columns of the output tables plus ``kind`` (entity, quantity, date, quote) and
``doc_id``. Offsets are into the RAW article text: ``raw[start_char:end_char] == text``.

* :func:`read_gold` returns the records as plain dicts (each with ``_path`` and
  ``_line`` for messages) and raises :class:`~extract.errors.GoldError` on a line
  it cannot parse at all.
* :func:`validate_gold` returns every problem it finds as :class:`GoldProblem`
  (file, line, message, severity) and never raises for content problems; overlaps
  within a kind are warnings, everything else is an error.
"""
from __future__ import annotations

import csv
import json
import math
from io import StringIO
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from . import schema
from .documents import decode, name_documents
from .errors import Errors, GoldError, InputError, Warnings
from .validate import timex3_problem

KINDS = schema.KIND_NAMES
ENTITY_LABELS = schema.ENTITY_LABELS
QUANTITY_LABELS = schema.QUANTITY_LABELS
DATE_LABELS = schema.DATE_LABELS
#: Quotes have no label column; they are scored under this one label.
QUOTE_LABEL = schema.QUOTE_LABEL

LABELS: dict[str, tuple[str, ...]] = {k.name: k.labels for k in schema.BY_NAME.values()}

#: Columns every record of a kind must have (beyond kind, doc_id, start_char, end_char, text).
REQUIRED: dict[str, tuple[str, ...]] = {k.name: k.gold_required for k in schema.BY_NAME.values()}
BASE_COLUMNS = ("kind", "doc_id", "start_char", "end_char", "text")
#: ``text`` may be left out (standoff gold for articles whose text we may not ship, such as
#: the held-out BBC articles): it is then read from ``raw[start_char:end_char]``.
REQUIRED_BASE = ("kind", "doc_id", "start_char", "end_char")

GOLD_SUFFIXES = (".jsonl", ".csv")


@dataclass(frozen=True)
class GoldProblem:
    path: str
    line: int
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        text = Errors.E006.format(path=self.path, line=self.line, problem=self.message)
        return text if self.severity == "error" else f"{text} (warning)"


def gold_files(path: str | Path) -> list[Path]:
    """The gold files at ``path``: the file itself, or every .jsonl/.csv in a folder."""
    path = Path(path)
    if path.is_dir():
        # a folder may also hold e.g. metadata.csv or another set's sentences: only CSVs with a
        # "kind" column and JSONL files whose first record has a "kind" are gold
        return sorted(p for p in path.iterdir()
                      if (p.suffix == ".jsonl" and _first_record_has_kind(p))
                      or (p.suffix == ".csv" and _has_kind_column(p)))
    if not path.exists():
        raise GoldError(Errors.E300.format(path=path))
    if path.suffix not in GOLD_SUFFIXES:
        raise GoldError(Errors.E315.format(path=path))
    return [path]


def _has_kind_column(path: Path) -> bool:
    text, _ = _read_text(path)
    header = next(csv.reader(StringIO(text, newline="")), []) if text else []
    return "kind" in header


def _first_record_has_kind(path: Path) -> bool:
    """Whether a JSONL file's first record names its kind (an unreadable file counts as gold,
    so that reading it reports the problem)."""
    text, problem = _read_text(path)
    if problem is not None:
        return True
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            rec = json.loads(stripped)
        except json.JSONDecodeError:
            return True
        return not isinstance(rec, dict) or "kind" in rec
    return True


def _read_text(path: Path) -> tuple[str, str | None]:
    """A gold file's text (UTF-8, a byte-order mark allowed), or "" and why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return "", Errors.E326.format(problem=exc.strerror or exc)
    if b"\x00" in data:
        return "", Errors.E326.format(problem="it holds NUL bytes: a binary file, not JSONL or CSV")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return "", Errors.E326.format(problem=f"not valid UTF-8 at byte {exc.start} "
                                                        "(gold files are UTF-8; re-save it as UTF-8)")


def _raw_lines(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record or None, parse problem or None) for every record line; a file
    that cannot be read at all gives one problem at line 0."""
    text, problem = _read_text(path)
    if problem is not None:
        yield 0, None, problem
        return
    if path.suffix == ".csv":
        reader = csv.DictReader(StringIO(text, newline=""))
        for row in reader:
            # line_num is the physical line where the row ended (rows may span lines)
            yield reader.line_num, dict(row), None
        return
    for n, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            rec = json.loads(stripped)
        except json.JSONDecodeError as e:
            yield n, None, Errors.E309.format(reason=e.msg)
            continue
        if not isinstance(rec, dict):
            yield n, None, Errors.E309.format(reason="expected a JSON object")
            continue
        yield n, rec, None


def _to_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _to_number(value) -> float | int | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else f


def _normalise(rec: dict, path: Path, line: int) -> dict:
    """Types a record the same way whether it came from JSONL or CSV."""
    out = dict(rec)
    for col in ("start_char", "end_char", "speaker_start_char", "speaker_end_char"):
        if col in out and out[col] not in (None, ""):
            v = _to_int(out[col])
            out[col] = v if v is not None else out[col]
    for col in ("value", "value_max"):
        if col in out:
            v = _to_number(out[col])
            out[col] = v if v is not None else (None if out[col] in ("", None) else out[col])
    if out.get("kind") == "quote" and not out.get("label"):
        out["label"] = QUOTE_LABEL
    out["_path"] = str(path)
    out["_line"] = line
    return out


def read_gold(path: str | Path) -> list[dict]:
    """All records of the gold file(s) at ``path`` (a file or a folder of them).

    Raises GoldError when a file is missing or a line is not a JSON object; use
    :func:`validate_gold` to find every problem at once.
    """
    records: list[dict] = []
    for file in gold_files(path):
        for line, rec, problem in _raw_lines(file):
            if problem is not None:
                raise GoldError(Errors.E006.format(path=file, line=line, problem=problem))
            records.append(_normalise(rec, file, line))
    return records


def load_corpus(corpus_dir: str | Path, doc_ids: Iterable[str] | None = None) -> dict[str, str]:
    """doc_id -> raw text for every .txt under ``corpus_dir`` (or only the ``doc_ids`` asked for).

    Files are named as ``extract run`` names them (the file stem; files of the same name in
    different folders by their folders, ``business/001``) and decoded as it decodes them, so
    gold offsets and pipeline offsets point into the same string. Unreadable files are left out.
    """
    files = sorted(Path(corpus_dir).rglob("*.txt"))
    wanted = set(doc_ids) if doc_ids is not None else None
    texts = {}
    for p, doc_id in zip(files, name_documents(files, lambda message: None)):
        if wanted is not None and doc_id not in wanted:
            continue
        try:
            texts[doc_id] = decode(p.read_bytes(), str(p))[0]
        except (InputError, OSError):
            continue
    return texts


def _offset_problems(rec: dict) -> Iterator[str]:
    """Problems of the item's own offsets, before any text is looked at."""
    start, end = rec.get("start_char"), rec.get("end_char")
    for col, v in (("start_char", start), ("end_char", end)):
        if col in rec and not isinstance(v, int):
            yield Errors.E303.format(column=col, value=v)
    if not (isinstance(start, int) and isinstance(end, int)):
        return
    for col, v in (("start_char", start), ("end_char", end)):
        if v < 0:
            yield Errors.E328.format(column=col, value=v)
            return
    if start >= end:
        yield Errors.E313.format(start=start, end=end)


def _value_problems(rec: dict, kind: str) -> Iterator[str]:
    """Labels, closed vocabularies, numbers and TIMEX3 values."""
    label = rec.get("label")
    if label is not None and label not in LABELS[kind]:
        yield Errors.E306.format(kind=kind, value=label, allowed=", ".join(LABELS[kind]))
    for column in schema.BY_NAME[kind].columns:
        if column.choices is None or column.name == "label":
            continue
        allowed = ("",) + column.choices if column.nullable else column.choices
        value = rec.get(column.name)
        if value is not None and value not in allowed:
            yield Errors.E311.format(column=column.name, value=value,
                                     allowed=", ".join(a or '""' for a in allowed))
    if kind == "quantity":
        for col in ("value", "value_max"):
            v = rec.get(col)
            if v is not None and (not isinstance(v, (int, float)) or isinstance(v, bool)):
                yield Errors.E310.format(column=col, value=v)
            elif isinstance(v, float) and not math.isfinite(v):
                yield Errors.E327.format(value=col, raw=v)
    if kind == "date" and rec.get("normalized") not in (None, ""):
        problem = timex3_problem(rec["normalized"])
        if problem:
            yield Errors.E331.format(value=rec["normalized"], problem=problem)


def _speaker_problems(rec: dict, raw: str | None) -> Iterator[str]:
    """A quote's speaker mention: offsets, and its text against the raw text."""
    ss, se = rec.get("speaker_start_char"), rec.get("speaker_end_char")
    if ss in (None, "") and se in (None, ""):
        return
    for col, v in (("speaker_start_char", ss), ("speaker_end_char", se)):
        if not isinstance(v, int):
            yield Errors.E303.format(column=col, value=v)
    if not (isinstance(ss, int) and isinstance(se, int)):
        return
    if ss < 0:
        yield Errors.E328.format(column="speaker_start_char", value=ss)
    elif ss >= se:
        yield Errors.E313.format(start=ss, end=se)
    elif raw is not None and se > len(raw):
        yield Errors.E304.format(start=ss, end=se, doc_id=rec["doc_id"], n_chars=len(raw))
    elif raw is not None and rec.get("speaker_text") not in (None, "") and rec["speaker_text"] != raw[ss:se]:
        yield Errors.E312.format(text=rec["speaker_text"], start=ss, end=se, raw=raw[ss:se])


def _check_record(rec: dict, raw_texts: Mapping[str, str] | None) -> Iterator[tuple[str, str]]:
    """(severity, message) for every problem of one record on its own."""
    kind = rec.get("kind")
    if kind not in KINDS:
        yield "error", Errors.E301.format(value=kind, allowed=", ".join(KINDS))
        return
    for col in REQUIRED_BASE + REQUIRED[kind]:
        if col not in rec or rec[col] is None:
            yield "error", Errors.E302.format(column=col, kind=kind)
    offset_problems = list(_offset_problems(rec))
    problems = offset_problems + list(_value_problems(rec, kind))
    raw = None
    if raw_texts is not None and "doc_id" in rec:
        raw = raw_texts.get(rec["doc_id"])
        if raw is None:
            problems.append(Errors.E308.format(doc_id=rec["doc_id"]))
    start, end = rec.get("start_char"), rec.get("end_char")
    if raw is not None and not offset_problems and isinstance(start, int) and isinstance(end, int):
        if end > len(raw):
            problems.append(Errors.E304.format(start=start, end=end, doc_id=rec["doc_id"], n_chars=len(raw)))
        elif "text" in rec and rec["text"] != raw[start:end]:
            problems.append(Errors.E305.format(text=rec["text"], start=start, end=end, raw=raw[start:end]))
    if kind == "quote":
        problems += list(_speaker_problems(rec, raw))
    for message in problems:
        yield "error", message


def _span_key(rec: dict):
    return rec.get("doc_id"), rec.get("kind"), rec.get("start_char"), rec.get("end_char")


def validate_records(records: Iterable[tuple[str, int, dict]],
                     raw_texts: Mapping[str, str] | None = None) -> list[GoldProblem]:
    """Problems of ``(path, line, record)`` triples; see :func:`validate_gold`."""
    problems: list[GoldProblem] = []
    seen: dict[tuple, int] = {}
    by_doc_kind: dict[tuple, list[tuple[int, int, int, str]]] = {}
    for path, line, rec in records:
        for severity, message in _check_record(rec, raw_texts):
            problems.append(GoldProblem(path, line, message, severity))
        key = _span_key(rec)
        if key in seen:
            problems.append(GoldProblem(path, line, Errors.E307.format(other=seen[key])))
            continue
        seen[key] = line
        start, end = rec.get("start_char"), rec.get("end_char")
        if isinstance(start, int) and isinstance(end, int) and start < end:
            by_doc_kind.setdefault(key[:2], []).append((start, end, line, path))
    for (doc_id, kind), spans in by_doc_kind.items():
        spans.sort()
        # sweep: compare each span with the open spans that started before it
        open_spans: list[tuple[int, int, int, str]] = []
        for span in spans:
            start, end, line, path = span
            open_spans = [o for o in open_spans if o[1] > start]
            for o_start, o_end, o_line, _ in open_spans:
                problems.append(GoldProblem(path, line, Warnings.W300.format(
                    kind=kind, start=start, end=end, other=o_line,
                    other_start=o_start, other_end=o_end), "warning"))
            open_spans.append(span)
    problems.sort(key=lambda p: (p.path, p.line, p.severity))
    return problems


def validate_gold(path: str | Path, raw_texts: Mapping[str, str] | None = None) -> list[GoldProblem]:
    """Every problem in the gold file(s) at ``path``, checked against ``raw_texts``.

    ``raw_texts`` maps doc_id -> raw article text (see :func:`load_corpus`); without
    it the span texts cannot be checked. Checks: the line parses, ``kind`` is known,
    required columns are present, offsets are integers with start < end inside the
    text, ``text == raw[start_char:end_char]`` (and the quote's speaker mention),
    labels and closed attributes (type, bound, mod) are known, no record repeats the
    span of another of its kind (error), and spans of one kind do not overlap (warning).
    An empty file is an error. A missing file raises GoldError.
    """
    triples: list[tuple[str, int, dict]] = []
    problems: list[GoldProblem] = []
    files = gold_files(path)
    for file in files:
        n = 0
        for line, rec, problem in _raw_lines(file):
            n += 1
            if problem is not None:
                problems.append(GoldProblem(str(file), line, problem))
                continue
            triples.append((str(file), line, _normalise(rec, file, line)))
        if n == 0:
            problems.append(GoldProblem(str(file), 0, Errors.E314))
    if not files:
        problems.append(GoldProblem(str(path), 0, Errors.E324))
    problems.extend(validate_records(triples, raw_texts))
    return problems
