"""The per-document stream: articles in, rows out.

:func:`process_articles` turns a stream of :class:`~extract.documents.ArticleInput`
into a stream of :class:`ArticleResult` (the article's rows for every table), in
input order, holding only the batch in flight: one ``nlp.pipe`` call serves the
whole stream, so worker processes load the model once. The engines
(:mod:`extract.pool`, :mod:`extract.dask_engine`) run it on partitions of articles
(:func:`partitions`); :mod:`extract.runner` writes the results as tables.

What happens to one article never stops the others:

* it cannot be read, is longer than ``Limits.max_chars``, or takes more than
  ``Limits.doc_timeout`` seconds of work (cleaning, tokenizing, the extractors):
  status ``error``, with a message naming it;
* an extractor raises on it: that extractor's rows of this article are left out, the
  other tables keep theirs, status ``partial`` and ``error`` names the extractor.
  (spaCy's error handler, ``Language.set_error_handler``, would drop the whole Doc
  from ``nlp.pipe``; the extractors are therefore run here, one by one, after the
  model's components.)

A long article is processed in pieces of at most ``Limits.piece_chars`` characters
cut at paragraph or sentence ends, each piece's rows taken as soon as it is done, so
the memory held grows with the piece, not the article; offsets still count into the
whole raw text.
"""
from __future__ import annotations

import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import schema
from .documents import ArticleInput
from .errors import Errors, Warnings
from .pipeline import model_name
from .tables import Piece, article_rows, document_row, n_sentences
from .text import CleanedText, clean

#: Measured on BBC news with 2 processes (see bench/throughput.py): small batches
#: keep both workers busy and memory flat; 256 (spaCy's default) gives one worker
#: a whole small corpus.
DEFAULT_BATCH_SIZE = 16
#: Pieces in the first batch: the first rows come out after these, not after a whole batch.
FIRST_BATCH = 2
#: Characters per piece of a long article; its pieces go through the model one at a time,
#: so memory is bounded by the piece, not the article (see bench/bigdocs.py).
PIECE_CHARS = 20_000
#: Longer articles are refused by name, not attempted (``--max-chars``).
DEFAULT_MAX_CHARS = 5_000_000
#: Seconds of work an article may take per piece (``PIECE_CHARS`` characters or less) before
#: it is stopped and failed (``--doc-timeout``): a news article (one piece) takes about a
#: second, the whole budget only goes to pathological text.
DEFAULT_DOC_TIMEOUT = 120.0


@dataclass(frozen=True)
class Limits:
    """What one article may cost: characters (``None``: no limit), seconds of work per
    piece (``None``: no limit), and the size of the pieces a long article is cut into."""

    max_chars: int | None = DEFAULT_MAX_CHARS
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT
    piece_chars: int = PIECE_CHARS


@dataclass
class ArticleResult:
    doc_id: str
    document: dict
    rows: dict[str, list[dict]] = field(default_factory=dict)
    n_words: int = 0

    @property
    def status(self) -> str:
        return self.document.get("status", "")

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def failed(self) -> bool:
        """No rows at all for this article (a ``partial`` one has some)."""
        return self.status == "error"


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
    expected: int = 0      # pieces sent to the model
    received: int = 0      # pieces back and turned into rows
    rows: dict[str, list[dict]] = field(default_factory=dict)
    n_tokens: int = 0
    n_sentences: int = 0
    n_words: int = 0
    spent: float = 0.0     # seconds of work so far (see _Clock)
    allowed: float = 0.0   # seconds of work it may take: the budget per piece times its pieces
    error: str | None = None
    problems: list[str] = field(default_factory=list)   # extractors that failed on it

    @property
    def done(self) -> bool:
        return self.error is not None or self.item.error is not None or self.received == self.expected

    def add_piece(self, doc: Doc, offset: int) -> None:
        """Take a processed piece's rows and counts; the Doc is not kept."""
        assert self.cleaned is not None
        piece = Piece(doc, offset)
        for table, rows in article_rows(self.item.doc_id, [piece], self.cleaned).items():
            if self.n_sentences:  # sentences are numbered within the article
                for row in rows:
                    if isinstance(row.get("sentence_id"), int):
                        row["sentence_id"] += self.n_sentences
            self.rows.setdefault(table, []).extend(rows)
        self.n_tokens += len(doc)
        self.n_sentences += n_sentences([piece])
        self.n_words += sum(1 for t in doc if not (t.is_punct or t.is_space))
        self.received += 1


def _finish(entry: _Entry, model: str = "") -> ArticleResult:
    item = entry.item
    error = item.error or entry.error
    common = dict(doc_id=item.doc_id, path=item.path, published=item.published, model=model,
                  reference_date=item.reference_date or "", warnings=" | ".join(item.warnings))
    if error:
        return ArticleResult(item.doc_id, document_row(
            **common, title=item.title, n_chars=len(item.text) if item.text else 0,
            n_tokens=0, n_sentences=0, status="error", error=error,
            text_sha1=item.text_hash if item.text else ""))
    assert entry.cleaned is not None
    for table in entry.rows.values():
        table.sort(key=lambda r: (r["start_char"], r["end_char"]))
    doc = document_row(**common, title=_title(item, entry.cleaned), n_chars=len(item.text or ""),
                       n_tokens=entry.n_tokens, n_sentences=entry.n_sentences,
                       status="partial" if entry.problems else "ok", error=" | ".join(entry.problems),
                       text_sha1=item.text_hash)
    return ArticleResult(item.doc_id, doc, entry.rows, entry.n_words)


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


def failed_partition(chunk: Iterable[ArticleInput], message: str, **values: Any) -> list[ArticleResult]:
    """Error results for the articles of a partition whose worker task failed; ``message``
    (from :class:`~extract.errors.Errors`) is formatted with each one's ``path`` and ``values``."""
    return [_finish(_Entry(item, 0, error=message.format(path=item.path, **values))) for item in chunk]


# --- the time budget of one article ----------------------------------------------------------

class DocTimeout(BaseException):
    """An article used up its time budget. A BaseException, so that no ``except Exception``
    in a component swallows it."""


class _Clock:
    """Counts each article's seconds of work and stops it when its budget is spent.

    In the main thread a SIGALRM timer interrupts the work (Python code stops at once);
    in another thread (a Dask worker's) the budget is checked after each step only. A
    timer someone else had set (e.g. pytest-timeout's) is put back afterwards.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.hard = bool(seconds) and hasattr(signal, "setitimer") and (
            threading.current_thread() is threading.main_thread())
        self.armed = False
        self._saved: Any = None

    def _ring(self, signum, frame) -> None:
        if self.armed:
            self.armed = False
            raise DocTimeout()

    def __enter__(self) -> "_Clock":
        if self.hard:
            self._saved = (signal.signal(signal.SIGALRM, self._ring),
                           signal.getitimer(signal.ITIMER_REAL), time.monotonic())
        return self

    def __exit__(self, *exc) -> None:
        if self._saved is None:
            return
        handler, (delay, interval), since = self._saved
        self._saved = None
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, handler)
        if delay:
            signal.setitimer(signal.ITIMER_REAL, max(delay - (time.monotonic() - since), 1e-3), interval)

    @contextmanager
    def budget(self, entry: _Entry) -> Iterator[None]:
        """Run a step of ``entry``'s work within what is left of its budget."""
        if not self.seconds:
            yield
            return
        allowed = entry.allowed or self.seconds
        if entry.spent >= allowed:
            raise DocTimeout()
        start = time.perf_counter()
        if self.hard:
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, allowed - entry.spent)
        try:
            yield
        finally:
            self.armed = False
            if self.hard:
                signal.setitimer(signal.ITIMER_REAL, 0)
            entry.spent += time.perf_counter() - start
        if entry.spent > allowed:
            raise DocTimeout()


# --- the extractors, each guarded -------------------------------------------------------------

def extractor_components(nlp: Language) -> list[tuple[str, Any, schema.Kind | None]]:
    """The components from the first extractor on, with the kind each fills (if any).
    They run here, guarded one by one, after ``nlp.pipe`` has run the model's components."""
    kinds = {kind.factory: kind for kind in schema.KINDS}
    names = list(nlp.pipe_names)
    factories = [nlp.get_pipe_meta(name).factory for name in names]
    first = next((i for i, f in enumerate(factories) if f in kinds), len(names))
    return [(name, nlp.get_pipe(name), kinds.get(f)) for name, f in zip(names[first:], factories[first:])]


def _run_extractors(components, doc: Doc, entry: _Entry) -> Doc:
    for name, proc, kind in components:
        try:
            doc = proc(doc)
        except Exception as exc:  # this extractor's rows of this article are lost, nothing else
            entry.problems.append(Warnings.W509.format(path=entry.item.path, extractor=name, exc=repr(exc)))
            if kind is not None:
                doc._.set(kind.extension, [])
    return doc


# --- the stream ----------------------------------------------------------------------------------

class _Stream:
    """The articles in flight between the input and the results, in input order."""

    def __init__(self, nlp: Language, limits: Limits, clock: _Clock) -> None:
        self.nlp = nlp
        self.limits = limits
        self.clock = clock
        self.extractors = extractor_components(nlp)
        self.model_only = [name for name, _, _ in self.extractors]   # nlp.pipe runs the others
        self.pending: deque[_Entry] = deque()
        self.sent: deque[tuple[int, int]] = deque()   # (entry serial, piece index) sent to the model
        self.entries: dict[int, _Entry] = {}
        self.failures: dict[str, str] = {}
        self.counter = 0
        self.piece_chars = min(nlp.max_length, limits.piece_chars)

    def on_error(self, proc_name, proc, docs, exc) -> None:
        """spaCy's error handler for the model's components: note which article, go on."""
        for d in docs or []:
            doc_id = d._.get(schema.DOC_ID_EXTENSION) if d is not None else None
            if doc_id:
                self.failures[doc_id] = Errors.E511.format(path=doc_id, where=proc_name, exc=repr(exc))

    def _start(self, entry: _Entry) -> list[tuple[int, str]]:
        """Clean the article and cut it into pieces; [] when it fails."""
        item = entry.item
        if item.error:
            return []
        if self.limits.max_chars and len(item.text or "") > self.limits.max_chars:
            entry.error = Errors.E508.format(path=item.path, n_chars=len(item.text or ""),
                                             max_chars=self.limits.max_chars)
            return []
        if not item.reference_date:
            item.warnings.append(Warnings.W801)
        if self.limits.doc_timeout:
            entry.allowed = self.limits.doc_timeout * max(1, -(-len(item.text or "") // self.piece_chars))
        try:
            with self.clock.budget(entry):
                entry.cleaned = clean(item.text or "")
                chunks = split_for_model(entry.cleaned.text, self.piece_chars)
        except DocTimeout:
            entry.error = self._timed_out(entry)
            return []
        if len(chunks) > 1:
            item.warnings.append(Warnings.W003.format(path=item.path, n_chars=len(entry.cleaned.text),
                                                      n_pieces=len(chunks)))
        return chunks

    def _timed_out(self, entry: _Entry) -> str:
        return Errors.E509.format(path=entry.item.path, seconds=entry.allowed, per=self.limits.doc_timeout,
                                  piece_chars=self.piece_chars)

    def _make_doc(self, entry: _Entry, chunk: str) -> Doc | None:
        """Tokenize one piece within the article's budget; None (and the error noted) if it fails."""
        try:
            with self.clock.budget(entry):
                doc = self.nlp.make_doc(chunk)
        except DocTimeout:
            entry.error = self._timed_out(entry)
            return None
        except Exception as exc:  # tokenizer failure: this article only
            entry.error = Errors.E512.format(path=entry.item.path, exc=repr(exc))
            return None
        doc._.set(schema.DOC_ID_EXTENSION, entry.item.doc_id)
        doc._.set(schema.REFERENCE_DATE_EXTENSION, entry.item.reference_date)
        return doc

    def _extract(self, entry: _Entry, doc: Doc, offset: int) -> None:
        """Run the extractors on a piece back from the model and keep its rows."""
        if entry.error is not None:
            return
        try:
            with self.clock.budget(entry):
                doc = _run_extractors(self.extractors, doc, entry)
                entry.add_piece(doc, offset)
        except DocTimeout:
            entry.error = self._timed_out(entry)

    def _alone(self, entry: _Entry, chunks: list[tuple[int, str]]) -> None:
        """A long article: its pieces through the model one at a time, so that no more than
        one piece is in memory (a batch of them would hold the whole article)."""
        def pieces():
            for offset, chunk in chunks:
                doc = self._make_doc(entry, chunk)
                if doc is None:
                    return
                yield doc, offset

        for doc, offset in self.nlp.pipe(pieces(), as_tuples=True, batch_size=1, disable=self.model_only):
            self._extract(entry, doc, offset)
            if entry.error is not None:
                break
        if entry.error is None and entry.received < entry.expected:   # a piece was dropped by a failure
            self._lost(entry.serial)

    def docs(self, items: Iterable[ArticleInput]) -> Iterator[tuple[Doc, tuple[int, int, int]]]:
        """The articles as Docs for ``nlp.pipe``, with (serial, piece, offset); a long
        article is done here, piece by piece, and sends nothing."""
        for item in items:
            entry = _Entry(item, self.counter)
            self.counter += 1
            self.pending.append(entry)
            chunks = self._start(entry)
            entry.expected = len(chunks)
            self.entries[entry.serial] = entry
            if len(chunks) > 1:
                self._alone(entry, chunks)
                continue
            for k, (offset, chunk) in enumerate(chunks):
                doc = self._make_doc(entry, chunk)
                if doc is None:
                    break
                self.sent.append((entry.serial, k))
                yield doc, (entry.serial, k, offset)

    def _lost(self, serial: int) -> None:
        lost = self.entries.get(serial)
        if lost is not None and lost.error is None:
            lost.error = self.failures.get(lost.item.doc_id) or Errors.E511.format(
                path=lost.item.path, where="a model component", exc="the piece did not come back")

    def take(self, doc: Doc, serial: int, k: int, offset: int) -> None:
        """A piece back from ``nlp.pipe``: run the extractors on it and keep its rows."""
        while self.sent and self.sent[0] != (serial, k):   # sent before it and dropped by a failure
            self._lost(self.sent.popleft()[0])
        if self.sent:
            self.sent.popleft()
        entry = self.entries.get(serial)
        if entry is not None:
            self._extract(entry, doc, offset)

    def finished(self, model: str, *, flush: bool = False) -> Iterator[ArticleResult]:
        if flush:
            for serial, _ in self.sent:
                self._lost(serial)
            self.sent.clear()
        while self.pending and (flush or self.pending[0].done):
            entry = self.pending.popleft()
            self.entries.pop(entry.serial, None)
            yield _finish(entry, model)


def process_articles(
    nlp: Language,
    items: Iterable[ArticleInput],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    limits: Limits | None = None,
) -> Iterator[ArticleResult]:
    """Process articles as a stream; yield one result per input, in input order."""
    limits = limits or Limits()
    model = model_name(nlp)
    with _Clock(limits.doc_timeout) as clock:
        stream = _Stream(nlp, limits, clock)
        # Language.set_error_handler would also try to set it on the parser, which has no
        # such attribute in spaCy 3.8: set the default the components without one use.
        previous_handler = nlp.default_error_handler
        nlp.default_error_handler = stream.on_error
        try:
            source = stream.docs(items)
            # a small first batch, in this process, so that the first rows come out quickly
            head = list(islice(source, FIRST_BATCH)) if batch_size > FIRST_BATCH else []
            docs = chain(nlp.pipe(head, as_tuples=True, batch_size=FIRST_BATCH, disable=stream.model_only),
                         nlp.pipe(source, as_tuples=True, batch_size=batch_size, n_process=n_process,
                                  disable=stream.model_only))
            for doc, (serial, k, offset) in docs:
                stream.take(doc, serial, k, offset)
                yield from stream.finished(model)
            yield from stream.finished(model, flush=True)
        finally:
            nlp.default_error_handler = previous_handler
