"""Running the pipeline over many articles as a stream.

:func:`process_articles` turns a stream of :class:`~extract.documents.ArticleInput`
into a stream of :class:`ArticleResult` (the article's rows for every table), in
input order, holding only the batch in flight: one ``nlp.pipe`` call serves the
whole stream, so worker processes load the model once. An article that cannot be
read, or whose processing raises, becomes a result with status ``error``; the
others go on.

:func:`run` writes the results as tidy tables; the library never prints, progress
is reported through a callback.
"""
from __future__ import annotations

import hashlib
import time
from functools import lru_cache
from collections import deque
from itertools import chain, islice
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from spacy.language import Language

from .documents import ArticleInput, iter_inputs
from .errors import Warnings
from .schema import table_columns
from .tables import Piece, article_rows, document_row, n_sentences
from .text import CleanedText, clean

#: Measured on BBC news with 2 processes (see bench/throughput.py): small batches
#: keep both workers busy and memory flat; 256 (spaCy's default) gives one worker
#: a whole small corpus.
DEFAULT_BATCH_SIZE = 16
#: Pieces in the first batch: the first rows come out after these, not after a whole batch.
FIRST_BATCH = 2


@dataclass
class ArticleResult:
    doc_id: str
    document: dict
    rows: dict[str, list[dict]] = field(default_factory=dict)
    n_words: int = 0

    @property
    def ok(self) -> bool:
        return self.document.get("status") == "ok"


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


def split_for_model(text: str, max_length: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``max_length`` characters.

    Cuts fall at paragraph breaks where possible, else at the last sentence end or
    space before the limit. Returns ``(offset, piece)`` pairs covering the text.
    """
    if len(text) <= max_length:
        return [(0, text)]
    pieces = []
    start = 0
    while len(text) - start > max_length:
        window = text[start : start + max_length]
        cut = window.rfind("\n\n")
        if cut <= 0:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut > 0 else window.rfind(" ")
        if cut <= 0:
            cut = max_length
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def _title(item: ArticleInput, cleaned: CleanedText) -> str:
    if item.title:
        return item.title
    first = cleaned.text.split("\n\n", 1)[0].strip()
    return first if 0 < len(first) <= 150 and not first.endswith(".") else ""


@dataclass
class _Entry:
    item: ArticleInput
    serial: int
    cleaned: CleanedText | None = None
    expected: int = 0
    pieces: list[Piece] = field(default_factory=list)
    error: str | None = None

    @property
    def done(self) -> bool:
        return self.error is not None or self.item.error is not None or len(self.pieces) == self.expected


def _finish(entry: _Entry) -> ArticleResult:
    item = entry.item
    error = item.error or entry.error
    common = dict(doc_id=item.doc_id, path=item.path, published=item.published,
                  reference_date=item.reference_date or "", warnings=" | ".join(item.warnings))
    if error:
        return ArticleResult(item.doc_id, document_row(
            **common, title=item.title, n_chars=len(item.text) if item.text else 0,
            n_tokens=0, n_sentences=0, status="error", error=error,
            text_sha1=item.text_hash if item.text else ""))
    assert entry.cleaned is not None
    n_tokens = sum(len(p.doc) for p in entry.pieces)
    rows = article_rows(item.doc_id, entry.pieces, entry.cleaned)
    doc = document_row(**common, title=_title(item, entry.cleaned), n_chars=len(item.text or ""),
                       n_tokens=n_tokens, n_sentences=n_sentences(entry.pieces),
                       status="ok", error="", text_sha1=item.text_hash)
    n_words = sum(1 for p in entry.pieces for t in p.doc if not (t.is_punct or t.is_space))
    return ArticleResult(item.doc_id, doc, rows, n_words)


def partitions(items: Iterable[ArticleInput], size: int, *, first: int | None = None) -> Iterator[list[ArticleInput]]:
    """Cut a stream of articles into lists of ``size`` (the first of ``first``, if given),
    as the worker engines send them out."""
    chunk: list[ArticleInput] = []
    limit = first or size
    for item in items:
        chunk.append(item)
        if len(chunk) >= limit:
            yield chunk
            chunk, limit = [], size
    if chunk:
        yield chunk


def failed_partition(chunk: Iterable[ArticleInput], where: str, exc: BaseException) -> list[ArticleResult]:
    """Error results for every article of a partition whose worker task failed."""
    return [_finish(_Entry(item, 0, error=f"{item.path}: failed {where}: {exc!r}")) for item in chunk]


def process_articles(
    nlp: Language,
    items: Iterable[ArticleInput],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[ArticleResult]:
    """Process articles as a stream; yield one result per input, in input order."""
    pending: deque[_Entry] = deque()
    expected: deque[tuple[int, int]] = deque()   # (entry serial, piece index) sent to the model
    entries: dict[int, _Entry] = {}
    failures: dict[str, str] = {}
    counter = 0

    def on_error(proc_name, proc, docs, exc):  # spaCy error handler: record, go on
        for d in docs or []:
            if d is not None and d._.doc_id:
                failures[d._.doc_id] = f"{d._.doc_id}: processing failed in {proc_name}: {exc!r}"

    def docs():
        nonlocal counter
        for item in items:
            serial = counter
            counter += 1
            entry = _Entry(item, serial)
            pending.append(entry)
            if item.error:
                continue
            entry.cleaned = clean(item.text or "")
            chunks = split_for_model(entry.cleaned.text, nlp.max_length)
            if len(chunks) > 1:
                msg = Warnings.W003.format(path=item.path, n_chars=len(entry.cleaned.text), n_pieces=len(chunks))
                item.warnings.append(msg)
            entry.expected = len(chunks)
            entries[serial] = entry
            for k, (offset, chunk) in enumerate(chunks):
                try:
                    doc = nlp.make_doc(chunk)
                except Exception as exc:  # tokenizer failure: this article only
                    entry.error = f"{item.path}: tokenization failed: {exc!r}"
                    break
                doc._.doc_id = item.doc_id
                doc._.reference_date = item.reference_date
                expected.append((serial, k))
                yield doc, (serial, k, offset)

    # Our components have no error handler of their own, so spaCy uses this one for them
    # (and for a failed batch in a worker process). Language.set_error_handler would also
    # try to set it on the parser, which has no such attribute in spaCy 3.8.
    previous_handler = nlp.default_error_handler
    nlp.default_error_handler = on_error
    try:
        source = docs()
        # a small first batch, in this process, so that the first rows come out quickly
        head = list(islice(source, FIRST_BATCH)) if batch_size > FIRST_BATCH else []
        stream = chain(nlp.pipe(head, as_tuples=True, batch_size=FIRST_BATCH),
                       nlp.pipe(source, as_tuples=True, batch_size=batch_size, n_process=n_process))
        for doc, (serial, k, offset) in stream:
            # whatever was sent before this piece and has not come back was dropped by a failure
            while expected and expected[0] != (serial, k):
                lost_serial, _ = expected.popleft()
                lost = entries[lost_serial]
                lost.error = lost.error or failures.get(lost.item.doc_id) or (
                    f"{lost.item.path}: processing failed in a pipeline component")
            if expected:
                expected.popleft()
            entries[serial].pieces.append(Piece(doc, offset))
            while pending and pending[0].done:
                entry = pending.popleft()
                entries.pop(entry.serial, None)
                yield _finish(entry)
        for serial, _ in expected:
            lost = entries[serial]
            lost.error = lost.error or failures.get(lost.item.doc_id) or (
                f"{lost.item.path}: processing failed in a pipeline component")
        while pending:
            yield _finish(pending.popleft())
    finally:
        nlp.default_error_handler = previous_handler


ProgressCallback = Callable[[ArticleResult, RunSummary], None]

#: Documents per part file; a run killed without warning loses at most the part in flight.
DEFAULT_PART_SIZE = 256
#: ... or this many seconds of work, whichever comes first.
PART_SECONDS = 60.0
#: At most this many warning and failure messages are kept in a RunSummary; the rest are counted.
MAX_MESSAGES = 200
ENGINES = ("local", "dask")


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
            _keep(summary.warnings, message, summary, "warning")
    if not result.ok:
        summary.n_failed += 1
        _keep(summary.failures, result.document["error"], summary, "failure")
    elif not result.document.get("reference_date"):
        _keep(summary.warnings, Warnings.W002.format(doc_id=result.doc_id), summary, "warning")


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
    from . import __version__

    if nlp is not None:
        spec = {"model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}", "pipes": list(nlp.pipe_names)}
    else:
        spec = {"model": model, "extractors": None if extractors is None else sorted(extractors)}
    return {"extract": __version__, "code": _code_digest(), **spec, "reference_date": reference_date, "format": fmt,
            "columns": {k: list(v) for k, v in columns.items()}}


class _Parts:
    """Writes results into part files and enters each finished part in the run state."""

    def __init__(self, state, columns, fmt: str, part_size: int, part_seconds: float) -> None:
        from .writers import PartWriter

        self._PartWriter = PartWriter
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
            self.writer = self._PartWriter(self.state.parts_dir, self.state.new_part_name(), self.columns, self.fmt)
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
    from .errors import ConfigError, Errors
    from .pipeline import DEFAULT_MODEL, build_pipeline
    from .state import RunState, doc_key
    from .writers import FORMATS, merge_parts

    if fmt not in FORMATS:
        raise ConfigError(Errors.E007.format(what="format", value=fmt, allowed=", ".join(FORMATS)))
    given_engine = not isinstance(engine, str)
    if not given_engine and engine not in ENGINES:
        raise ConfigError(Errors.E007.format(what="engine", value=engine, allowed=", ".join(ENGINES)))
    if engine == "dask" and nlp is not None:
        raise ConfigError("The dask engine builds the pipeline on each worker: give model= and "
                          "extractors=, not nlp=")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model = model or DEFAULT_MODEL
    summary = RunSummary()
    started = time.perf_counter()
    dask_engine = None
    if engine == "local":
        if nlp is None:
            nlp = build_pipeline(model, extractors=extractors)
        pipeline = nlp
        if n_process > 1:  # forked workers that each run the whole article: see extract.pool
            from .pool import PoolEngine

            results = PoolEngine(pipeline, n_process, batch_size=batch_size).results
        else:
            def results(items):
                return process_articles(pipeline, items, batch_size=batch_size)
    elif given_engine:  # a ready engine (e.g. a DaskEngine kept for several runs); not closed here
        results = engine.results
        model = getattr(engine, "model", model)
        extractors = getattr(engine, "extractors", extractors)
    else:
        from .dask_engine import DaskEngine

        dask_engine = DaskEngine(model=model, extractors=extractors, scheduler=scheduler,
                                 n_workers=n_workers or 2, batch_size=batch_size)
        results = dask_engine.results
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
        if dask_engine is not None:
            dask_engine.close()
    summary.seconds = time.perf_counter() - started
    if parts.first_row_at is not None:
        summary.first_row_seconds = parts.first_row_at - started
    return summary
