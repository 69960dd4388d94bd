"""Running the pipeline in a pool of worker processes on this machine (``--processes N``).

Each worker is forked from the process that built the pipeline, so it starts with the model
already loaded (shared copy-on-write, never loaded again), and runs the whole of
:func:`extract.stream.process_articles` on a partition of articles: cleaning, the model,
the extractors and the rows. Only the articles (text) go to a worker and only their rows
come back, so the parent process does little besides reading files and writing tables;
spaCy's own ``n_process`` would instead tokenize in the parent and send every Doc both
ways. Results come back in input order; a bounded number of partitions is in flight.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from spacy.language import Language

from .documents import ArticleInput
from .stream import DEFAULT_BATCH_SIZE, ArticleResult, failed_partition, partitions, process_articles

#: Partitions in flight per worker process.
IN_FLIGHT_PER_WORKER = 3
#: The first partition is small so that the first rows come out quickly.
FIRST_PARTITION = 2

_NLP: Language | None = None   # the pipeline, set in the parent before the workers are forked


def _task(items: list[ArticleInput], batch_size: int) -> list[ArticleResult]:
    assert _NLP is not None, "the pool's worker was not forked from a process holding the pipeline"
    return list(process_articles(_NLP, items, batch_size=batch_size))


class PoolEngine:
    """A source of :class:`ArticleResult` computed by ``n_workers`` forked processes."""

    def __init__(self, nlp: Language, n_workers: int, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 partition_size: int | None = None) -> None:
        self.nlp = nlp
        self.n_workers = n_workers
        self.batch_size = batch_size
        self.partition_size = partition_size or batch_size
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        global _NLP
        if self.executor is None:
            _NLP = self.nlp
            self.executor = ProcessPoolExecutor(self.n_workers, mp_context=mp.get_context("fork"))
        return self.executor

    def results(self, items: Iterable[ArticleInput]) -> Iterator[ArticleResult]:
        window: deque = deque()
        try:
            for chunk in partitions(items, self.partition_size, first=FIRST_PARTITION):
                window.append((self._submit(chunk), chunk))
                while len(window) >= IN_FLIGHT_PER_WORKER * self.n_workers:
                    yield from self._collect(*window.popleft())
            while window:
                yield from self._collect(*window.popleft())
        finally:
            for future, _ in window:
                future.cancel()
            self.close()

    def _submit(self, chunk: list[ArticleInput]):
        try:
            return self._start().submit(_task, chunk, self.batch_size)
        except BrokenProcessPool:  # a worker died earlier: start a new pool
            self.close()
            return self._start().submit(_task, chunk, self.batch_size)

    def _collect(self, future, chunk: list[ArticleInput]) -> Iterator[ArticleResult]:
        try:
            results = future.result()
        except Exception as exc:  # the worker died (e.g. out of memory): this partition fails
            results = failed_partition(chunk, "in a worker process", exc)
        yield from results

    def close(self) -> None:
        global _NLP
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
        _NLP = None
