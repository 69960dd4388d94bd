"""Running the pipeline over many articles into tables: run orchestration.

:func:`run` reads the inputs, skips what an earlier run into the same folder has done
(:mod:`extract.state`), sends the rest through an *engine* (the stream of
:mod:`extract.stream` in this process, a pool of forked processes, or Dask workers),
writes the results as part files and publishes the final tables (:mod:`extract.writers`).
The library never prints; progress is reported through a callback.
"""
from __future__ import annotations

import hashlib
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
from .errors import ConfigError, Errors, Warnings
from .pipeline import build_pipeline, resolve_model
from .pool import PoolEngine
from .schema import table_columns
from .state import RunState, doc_key
from .stream import DEFAULT_BATCH_SIZE, ArticleResult, process_articles
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


ProgressCallback = Callable[[ArticleResult, RunSummary], None]

#: Documents per part file; a run killed without warning loses at most the part in flight.
DEFAULT_PART_SIZE = 256
#: ... or this many seconds of work, whichever comes first.
PART_SECONDS = 60.0
#: At most this many warning and failure messages are kept in a RunSummary; the rest are counted.
MAX_MESSAGES = 200


class LocalEngine:
    """The stream of :mod:`extract.stream` in this process."""

    def __init__(self, nlp: Language, *, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    def results(self, items: Iterable) -> Iterable[ArticleResult]:
        return process_articles(self.nlp, items, batch_size=self.batch_size)

    def close(self) -> None:
        pass


def _local(*, nlp: Language, batch_size: int, n_process: int, **_) -> LocalEngine | PoolEngine:
    if n_process > 1:  # forked workers that each run the whole article: see extract.pool
        return PoolEngine(nlp, n_process, batch_size=batch_size)
    return LocalEngine(nlp, batch_size=batch_size)


def _dask(*, model: str, extractors, scheduler: str | None, n_workers: int | None, batch_size: int,
          **_) -> DaskEngine:
    return DaskEngine(model=model, extractors=extractors, scheduler=scheduler,
                      n_workers=n_workers or 2, batch_size=batch_size)


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
    if not result.ok:
        summary.n_failed += 1
        _keep(summary.failures, result.document["error"], summary, "failure")


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
        self.docs.append((key, "ok" if result.ok else "error", serial))
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
    """
    if fmt not in FORMATS:
        raise ConfigError(Errors.E007.format(what="format", value=fmt, allowed=", ".join(FORMATS)))
    given_engine = not isinstance(engine, str)
    if not given_engine and engine not in ENGINES:
        raise ConfigError(Errors.E007.format(what="engine", value=engine, allowed=", ".join(ENGINES)))
    if engine == "dask" and nlp is not None:
        raise ConfigError(Errors.E500)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model = resolve_model(model)
    summary = RunSummary()
    started = time.perf_counter()
    if given_engine:  # a ready engine (e.g. a DaskEngine kept for several runs); not closed here
        started_engine = None
        model = getattr(engine, "model", model)
        extractors = getattr(engine, "extractors", extractors)
    else:
        if engine == "local" and nlp is None:
            nlp = build_pipeline(model, extractors=extractors)
        started_engine = engine = ENGINES[engine](
            nlp=nlp, model=model, extractors=extractors, batch_size=batch_size, n_process=n_process,
            scheduler=scheduler, n_workers=n_workers)
    results = engine.results
    columns = table_columns()
    state = RunState(out_dir, _fingerprint(nlp, model, extractors, reference_date, fmt, columns),
                     fresh=not resume)
    if state.reset_reason:
        _keep(summary.warnings, f"{out_dir}: earlier results not reused: {state.reset_reason}", summary, "warning")
    parts = _Parts(state, columns, fmt, part_size, PART_SECONDS)
    serials = iter(range(1 << 62))
    keys: deque[tuple[str, int]] = deque()   # key and serial of each document sent, in order

    def todo(items, redo: bool = False):
        for item in items:
            serial = next(serials)
            if item.error:
                keys.append((f"error\t{item.path}", serial))
                yield item
                continue
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
        try:
            process(iter_inputs(paths, reference_date=reference_date))
            redo = state.to_redo()
            if redo:
                summary.n_reused -= len(redo)
                process(iter_inputs(redo, reference_date=reference_date), redo=True)
        except BaseException:
            # keep every finished document: the part in flight holds only whole documents
            try:
                parts.abort() if parts.dirty else parts.commit()
            except Exception:  # pragma: no cover - e.g. the disk is full
                parts.abort()
            raise
        parts.commit()
        plan = state.plan()
        summary.tables = merge_parts(plan.parts, out_dir, columns, fmt, drop_errors=plan.drop_errors)
        state.finish(plan)
    finally:
        state.close()
        if started_engine is not None:
            started_engine.close()
    summary.seconds = time.perf_counter() - started
    if summary.n_no_reference_date:
        summary.warnings.insert(0, Warnings.W800.format(n=summary.n_no_reference_date, total=summary.n_documents))
    if parts.first_row_at is not None:
        summary.first_row_seconds = parts.first_row_at - started
    return summary
