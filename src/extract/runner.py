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

import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from .documents import ArticleInput, iter_inputs
from .errors import Warnings
from .tables import CsvTableWriter, Piece, article_rows, document_row, n_sentences
from .text import CleanedText, clean

#: Measured on BBC news with 2 processes (see bench/throughput.py): small batches
#: keep both workers busy and memory flat; 256 (spaCy's default) gives one worker
#: a whole small corpus.
DEFAULT_BATCH_SIZE = 16


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
        stream = nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process)
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
) -> RunSummary:
    """Extract every article under ``paths`` and write the tables to ``out_dir``."""
    from .pipeline import DEFAULT_MODEL, build_pipeline

    if nlp is None:
        nlp = build_pipeline(model or DEFAULT_MODEL)
    summary = RunSummary()
    started = time.perf_counter()
    items = iter_inputs(paths, reference_date=reference_date)
    with CsvTableWriter(out_dir) as writer:
        for result in process_articles(nlp, items, batch_size=batch_size, n_process=n_process):
            summary.n_documents += 1
            summary.n_words += result.n_words
            writer.write("documents", [result.document])
            for table, rows in result.rows.items():
                writer.write(table, rows)
            if result.document.get("warnings"):
                summary.warnings.extend(result.document["warnings"].split(" | "))
            if not result.ok:
                summary.n_failed += 1
                summary.failures.append(result.document["error"])
            elif not result.document.get("reference_date"):
                summary.warnings.append(Warnings.W002.format(doc_id=result.doc_id))
            if progress is not None:
                progress(result, summary)
        summary.seconds = time.perf_counter() - started
        summary.tables = {name: Path(out_dir) / f"{name}.csv" for name in writer.columns}
    return summary
