"""The per-document stream: articles in, rows out.

:func:`process_articles` turns a stream of :class:`~extract.documents.ArticleInput`
into a stream of :class:`ArticleResult` (the article's rows for every table), in
input order, holding only the batch in flight: one ``nlp.pipe`` call serves the
whole stream, so worker processes load the model once. An article that cannot be
read, or whose processing raises, becomes a result with status ``error``; the
others go on.

The engines (:mod:`extract.pool`, :mod:`extract.dask_engine`) run this on
partitions of articles (:func:`partitions`); :mod:`extract.runner` writes the
results as tables.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Iterable, Iterator

from spacy.language import Language

from .documents import ArticleInput
from .errors import Errors, Warnings
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
    return [_finish(_Entry(item, 0, error=Errors.E511.format(path=item.path, where=where, exc=repr(exc)))) for item in chunk]


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
                failures[d._.doc_id] = Errors.E511.format(path=d._.doc_id, where=proc_name, exc=repr(exc))

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
                    entry.error = Errors.E512.format(path=item.path, exc=repr(exc))
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
