"""Running the pipeline over many articles into tables: run orchestration.

:func:`run` reads the inputs, skips what an earlier run into the same folder has done
(:mod:`extract.state`), sends the rest through an *engine* (the stream of
:mod:`extract.stream` in this process, a pool of forked processes, or Dask workers),
writes the results as part files and publishes the final tables (:mod:`extract.writers`).
The library never prints; progress is reported through a callback.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Callable, Iterable

from spacy.language import Language

from .dask_engine import DaskEngine
from .documents import iter_inputs
from .errors import ConfigError, Errors, ExtractError, InputError, Warnings
from .manifest import write_manifest
from .pipeline import build_pipeline, resolve_model
from .pool import PoolEngine
from .schema import table_columns
from .state import OutLock, RunState, doc_key
from .stream import DEFAULT_BATCH_SIZE, ArticleResult, Limits, process_articles
from .writers import FORMATS, PartWriter, merge_parts

__all__ = ["run", "RunSummary", "ArticleResult", "process_articles", "DEFAULT_BATCH_SIZE", "ENGINES"]


@dataclass
class RunSummary:
    n_documents: int = 0
    n_failed: int = 0
    n_words: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tables: dict[str, Path] = field(default_factory=dict)
    n_reused: int = 0             # documents done by an earlier run and not processed again
    n_duplicates: int = 0         # inputs given twice (same doc_id, text and metadata)
    n_warnings_omitted: int = 0   # warnings beyond MAX_MESSAGES, counted only
    n_failures_omitted: int = 0
    first_row_seconds: float | None = None
    n_no_reference_date: int = 0  # documents whose relative dates stayed unresolved (W801)
    n_partial: int = 0            # documents an extractor failed on: the other tables have their rows


ProgressCallback = Callable[[ArticleResult, RunSummary], None]

#: Documents per part file; a run killed without warning loses at most the part in flight.
DEFAULT_PART_SIZE = 256
#: ... or this many seconds of work, whichever comes first.
PART_SECONDS = 60.0
#: At most this many warning and failure messages are kept in a RunSummary; the rest are counted.
MAX_MESSAGES = 200


class LocalEngine:
    """The stream of :mod:`extract.stream` in this process."""

    def __init__(self, nlp: Language, *, batch_size: int = DEFAULT_BATCH_SIZE, limits: Limits | None = None) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.limits = limits

    def results(self, items: Iterable) -> Iterable[ArticleResult]:
        return process_articles(self.nlp, items, batch_size=self.batch_size, limits=self.limits)

    def close(self) -> None:
        pass


def _local(*, nlp: Language, batch_size: int, n_process: int, limits: Limits, **_) -> LocalEngine | PoolEngine:
    if n_process > 1:  # forked workers that each run the whole article: see extract.pool
        return PoolEngine(nlp, n_process, batch_size=batch_size, limits=limits)
    return LocalEngine(nlp, batch_size=batch_size, limits=limits)


def _dask(*, model: str, extractors, scheduler: str | None, n_workers: int | None, batch_size: int,
          limits: Limits, **_) -> DaskEngine:
    return DaskEngine(model=model, extractors=extractors, scheduler=scheduler,
                      n_workers=n_workers or 2, batch_size=batch_size, limits=limits)


#: engine name -> how to start it; an engine has ``results(items)`` and ``close()``
ENGINES: dict[str, Callable[..., Any]] = {"local": _local, "dask": _dask}


def _keep(messages: list[str], message: str, summary: RunSummary, kind: str) -> None:
    if len(messages) < MAX_MESSAGES:
        messages.append(message)
    elif kind == "warning":
        summary.n_warnings_omitted += 1
    else:
        summary.n_failures_omitted += 1


def _note(result: ArticleResult, summary: RunSummary) -> None:
    summary.n_documents += 1
    summary.n_words += result.n_words
    if result.document.get("warnings"):
        for message in result.document["warnings"].split(" | "):
            if message == Warnings.W801:  # one note per run (W800), with the count
                summary.n_no_reference_date += 1
                continue
            _keep(summary.warnings, message, summary, "warning")
    if result.failed:
        summary.n_failed += 1
    elif not result.ok:
        summary.n_partial += 1
    if not result.ok:
        for message in result.document["error"].split(" | "):
            _keep(summary.failures, message, summary, "failure")


def _version() -> str:
    try:
        return version("extract")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """SHA-1 of the package's code and data files: rules change between releases too."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".jsonl", ".txt", ".csv"}:
            digest.update(str(path.relative_to(root)).encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _fingerprint(nlp: Language | None, model: str, extractors, reference_date, fmt, columns) -> dict:
    """What the rows depend on besides the text: a rerun with other settings or other
    code (a new version, a changed rule or word list) starts afresh."""
    if nlp is not None:
        spec = {"model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}", "pipes": list(nlp.pipe_names)}
    else:
        spec = {"model": model, "extractors": None if extractors is None else sorted(extractors)}
    return {"extract": _version(), "code": _code_digest(), **spec, "reference_date": reference_date, "format": fmt,
            "columns": {k: list(v) for k, v in columns.items()}}


class _Parts:
    """Writes results into part files and enters each finished part in the run state."""

    def __init__(self, state, columns, fmt: str, part_size: int, part_seconds: float) -> None:
        self.state = state
        self.columns = columns
        self.fmt = fmt
        self.part_size = part_size
        self.part_seconds = part_seconds
        self.writer = None
        self.docs: list[tuple[str, str, int]] = []
        self.opened = 0.0
        self.first_row_at: float | None = None
        self.dirty = False   # True while a document's rows are half written

    def add(self, result: ArticleResult, key: str, serial: int) -> None:
        if self.writer is None:
            self.writer = PartWriter(self.state.parts_dir, self.state.new_part_name(), self.columns, self.fmt)
            self.opened = time.perf_counter()
        self.dirty = True
        self.writer.write("documents", [result.document])
        for table, rows in result.rows.items():
            if table in self.columns:
                self.writer.write(table, rows)
        if self.first_row_at is None:
            self.first_row_at = time.perf_counter()
        self.docs.append((key, "error" if result.failed else "ok", serial))
        self.dirty = False
        if len(self.docs) >= self.part_size or time.perf_counter() - self.opened >= self.part_seconds:
            self.commit()

    def commit(self) -> None:
        if self.writer is None:
            return
        writer, docs = self.writer, self.docs
        self.writer, self.docs = None, []
        writer.commit()
        self.state.add_part(writer.name, self.fmt, docs)

    def abort(self) -> None:
        if self.writer is not None:
            self.writer.abort()
        self.writer, self.docs = None, []


def run(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    nlp: Language | None = None,
    model: str | None = None,
    reference_date: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    progress: ProgressCallback | None = None,
    fmt: str = "csv",
    engine: str | Any = "local",
    scheduler: str | None = None,
    n_workers: int | None = None,
    resume: bool = True,
    extractors: list[str] | tuple[str, ...] | None = None,
    part_size: int = DEFAULT_PART_SIZE,
    limits: Limits | None = None,
) -> RunSummary:
    """Extract every article under ``paths`` and write the tables to ``out_dir``.

    Rows are written as the documents come back, into part files under
    ``out_dir/.extract/``; the final tables (``<table>.csv`` or ``<table>.parquet``) are
    merged from the parts and published at the end, each whole or not at all. With
    ``resume`` (the default), documents done by an earlier run into the same folder (same
    doc_id, text and metadata) are not processed again; see :mod:`extract.state`.

    ``engine="dask"`` runs the pipeline on Dask workers (a LocalCluster of ``n_workers``
    processes, or the cluster whose scheduler is at ``scheduler``); see docs/SCALE.md.
    ``engine`` may also be a started :class:`extract.dask_engine.DaskEngine`, which is
    then reused and left open.

    ``limits`` (:class:`extract.stream.Limits`): the longest article accepted and the
    seconds of work one article may take; over either, it fails by name and the run goes on.

    Before any work: ``out_dir`` must be a folder that can be written, and no other run
    may be writing to it (a lock, see :class:`extract.state.OutLock`). A run in which no
    document could be read leaves the tables of ``out_dir`` as they were and raises
    :class:`~extract.errors.InputError`. Writing problems (a full disk, a folder made
    read-only) raise :class:`~extract.errors.ExtractError` naming the path and the cause.
    """
    if fmt not in FORMATS:
        raise ConfigError(Errors.E007.format(what="format", value=fmt, allowed=", ".join(FORMATS)))
    given_engine = not isinstance(engine, str)
    if not given_engine and engine not in ENGINES:
        raise ConfigError(Errors.E007.format(what="engine", value=engine, allowed=", ".join(ENGINES)))
    if engine == "dask" and nlp is not None:
        raise ConfigError(Errors.E500)
    paths = list(paths)
    out_dir = Path(out_dir)
    limits = limits or Limits()
    summary = RunSummary()
    started = time.perf_counter()
    _check_out_dir(out_dir)
    with OutLock(out_dir):
        removed = _remove_leftovers(out_dir)
        if removed:
            _keep(summary.warnings, Warnings.W510.format(path=out_dir, n=removed), summary, "warning")
        try:
            _run(paths, out_dir, summary, nlp=nlp, model=model, reference_date=reference_date,
                 batch_size=batch_size, n_process=n_process, progress=progress, fmt=fmt, engine=engine,
                 scheduler=scheduler, n_workers=n_workers, resume=resume, extractors=extractors,
                 part_size=part_size, limits=limits)
        except OSError as exc:
            raise ExtractError(Errors.E506.format(path=exc.filename or out_dir, reason=exc.strerror or exc)) from None
        except sqlite3.Error as exc:
            raise ExtractError(Errors.E506.format(path=out_dir / ".extract", reason=exc)) from None
    summary.seconds = time.perf_counter() - started
    if summary.n_no_reference_date:
        summary.warnings.insert(0, Warnings.W800.format(n=summary.n_no_reference_date, total=summary.n_documents))
    return summary


def _check_out_dir(out_dir: Path) -> None:
    """What can be checked before the work: ``out_dir`` is (or can be made) a folder we can write in."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(Errors.E504.format(path=out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".probe.", suffix=".tmp", dir=out_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise ExtractError(Errors.E505.format(path=out_dir, reason=exc.strerror or exc)) from None


#: temporary files an interrupted run may leave in the output folder (tables being merged,
#: the manifest, Parquet parts without their error rows)
LEFTOVERS = (".*.tmp", ".noerr.*.parquet")


def _remove_leftovers(out_dir: Path) -> int:
    """Delete what an interrupted run left behind; called with the folder's lock held."""
    n = 0
    for pattern in LEFTOVERS:
        for path in out_dir.glob(pattern):
            if path.is_file():
                path.unlink()
                n += 1
    return n


def _start_engine(nlp, model, extractors, engine, **settings):
    """The engine and the (model, extractors, nlp) it runs; ``None`` as the engine to close
    when ``engine`` was given ready (e.g. a DaskEngine kept for several runs)."""
    if not isinstance(engine, str):
        return engine, None, getattr(engine, "model", model), getattr(engine, "extractors", extractors), nlp
    if engine == "local" and nlp is None:
        nlp = build_pipeline(model, extractors=extractors)
    started = ENGINES[engine](nlp=nlp, model=model, extractors=extractors, **settings)
    return started, started, model, extractors, nlp


def _run(paths, out_dir: Path, summary: RunSummary, *, nlp, model, reference_date, batch_size, n_process,
         progress, fmt, engine, scheduler, n_workers, resume, extractors, part_size, limits) -> None:
    model = resolve_model(model)
    engine, started_engine, model, extractors, nlp = _start_engine(
        nlp, model, extractors, engine, batch_size=batch_size, n_process=n_process, scheduler=scheduler,
        n_workers=n_workers, limits=limits)
    started = time.perf_counter()
    columns = table_columns()
    state = None
    try:
        state = RunState(out_dir, _fingerprint(nlp, model, extractors, reference_date, fmt, columns),
                         fresh=not resume)
        if state.reset_reason:
            _keep(summary.warnings, f"{out_dir}: earlier results not reused: {state.reset_reason}", summary, "warning")
        parts = _Parts(state, columns, fmt, part_size, PART_SECONDS)
        n_read = _process(paths, state, parts, engine.results, summary, progress, reference_date)
        if n_read == 0:
            shown = ", ".join(str(p) for p in paths[:3]) + (" ..." if len(paths) > 3 else "")
            raise InputError(Errors.E507.format(paths=shown or "no path", out=out_dir))
        plan = state.plan()
        summary.tables = merge_parts(plan.parts, out_dir, columns, fmt, drop_errors=plan.drop_errors)
        write_manifest(out_dir, summary.tables)
        state.finish(plan)
        if parts.first_row_at is not None:
            summary.first_row_seconds = parts.first_row_at - started
    finally:
        if state is not None:
            state.close()
        if started_engine is not None:
            started_engine.close()


def _process(paths, state: RunState, parts: _Parts, results, summary: RunSummary, progress,
             reference_date) -> int:
    """Send the documents not done yet through the engine and write their rows as parts;
    return how many input documents could be read (processed now or earlier)."""
    serials = iter(range(1 << 62))
    keys: deque[tuple[str, int]] = deque()   # key and serial of each document sent, in order
    n_read = 0

    def warn(message: str) -> None:
        _keep(summary.warnings, message, summary, "warning")

    def todo(items, redo: bool = False):
        nonlocal n_read
        for item in items:
            serial = next(serials)
            if item.error:
                keys.append((f"error\t{item.path}", serial))
                yield item
                continue
            n_read += 1
            key = doc_key(item)
            if redo:
                state.retry(key, serial, item.path)
            else:
                verdict = state.claim(key, serial, item.path)
                if verdict != "process":
                    summary.n_reused += verdict == "done"
                    summary.n_duplicates += verdict == "duplicate"
                    continue
            keys.append((key, serial))
            yield item

    def process(items, redo: bool = False) -> None:
        for result in results(todo(items, redo)):
            key, serial = keys.popleft()
            _note(result, summary)
            parts.add(result, key, serial)
            if progress is not None:
                progress(result, summary)

    try:
        process(iter_inputs(paths, reference_date=reference_date, warn=warn))
        redo = state.to_redo()
        if redo:
            summary.n_reused -= len(redo)
            process(iter_inputs([p for p, _ in redo], reference_date=reference_date, warn=warn,
                                doc_ids=dict(redo)), redo=True)
    except BaseException:
        # keep every finished document: the part in flight holds only whole documents
        try:
            parts.abort() if parts.dirty else parts.commit()
        except Exception:  # e.g. the disk is full: the part in flight is lost, the others are kept
            parts.abort()
        raise
    parts.commit()
    return n_read
