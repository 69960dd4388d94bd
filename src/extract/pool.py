"""Running the pipeline in a pool of worker processes on this machine (``--processes N``).

Each worker is forked from the process that built the pipeline, so it starts with the model
already loaded (shared copy-on-write, never loaded again), and runs the whole of
:func:`extract.stream.process_articles` on a partition of articles: cleaning, the model,
the extractors and the rows. Only the articles (text) go to a worker and only their rows
come back, so the parent process does little besides reading files and writing tables;
spaCy's own ``n_process`` would instead tokenize in the parent and send every Doc both
ways. Results come back in input order; a bounded number of partitions is in flight.

Faults (see docs/SCALE.md):

* a worker dies (killed, out of memory): ``concurrent.futures`` reports the pool broken;
  the partitions in flight are done again, one article per task in a new pool, so an
  article that kills its worker again is recorded as failed (E510) and the others are
  redone;
* a worker hangs where the per-article timer cannot reach (inside C code): the parent
  waits at most ``PARTITION_SLACK`` times the partition's budget, then ends the pool's
  processes and treats it as a death;
* the parent dies (even by ``kill -9``): each worker gets SIGKILL from the kernel
  (``PR_SET_PDEATHSIG`` on Linux; elsewhere a worker checks its parent at each task);
* the parent is interrupted (Ctrl-C, SIGTERM): the workers are ended, not waited for.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from spacy.language import Language

from .documents import ArticleInput
from .errors import Errors
from .stream import DEFAULT_BATCH_SIZE, ArticleResult, Limits, failed_partition, partitions, process_articles

#: Partitions in flight per worker process.
IN_FLIGHT_PER_WORKER = 3
#: The first partition is small so that the first rows come out quickly.
FIRST_PARTITION = 2
#: The parent gives up on a partition after this many times its articles' budgets (plus a minute).
PARTITION_SLACK = 2.0
_PR_SET_PDEATHSIG = 1

_NLP: Language | None = None   # the pipeline, set in the parent before the workers are forked
_PARENT: int | None = None     # the parent's process id, checked by the workers


def _die_with_parent(parent: int) -> None:
    """Worker initializer: exit when the parent process dies; leave Ctrl-C to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # the parent ends the workers itself
    signal.signal(signal.SIGTERM, signal.SIG_DFL)     # not the parent's handler, inherited by fork
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except OSError:  # pragma: no cover - no libc: the per-task check below remains
            pass
    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(1)


def _task(items: list[ArticleInput], batch_size: int, limits: Limits) -> list[ArticleResult]:
    assert _NLP is not None, "the pool's worker was not forked from a process holding the pipeline"
    if _PARENT is not None and os.getppid() != _PARENT:
        os._exit(1)
    return list(process_articles(_NLP, items, batch_size=batch_size, limits=limits))


class PoolEngine:
    """A source of :class:`ArticleResult` computed by ``n_workers`` forked processes."""

    def __init__(self, nlp: Language, n_workers: int, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 partition_size: int | None = None, limits: Limits | None = None) -> None:
        self.nlp = nlp
        self.n_workers = n_workers
        self.batch_size = batch_size
        self.partition_size = partition_size or batch_size
        self.limits = limits or Limits()
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        global _NLP, _PARENT
        if self.executor is None:
            _NLP, _PARENT = self.nlp, os.getpid()
            self.executor = ProcessPoolExecutor(self.n_workers, mp_context=mp.get_context("fork"),
                                                initializer=_die_with_parent, initargs=(os.getpid(),))
        return self.executor

    def results(self, items: Iterable[ArticleInput]) -> Iterator[ArticleResult]:
        window: deque = deque()
        finished = False
        try:
            for chunk in partitions(items, self.partition_size, first=FIRST_PARTITION):
                window.append((self._submit(chunk), chunk))
                while len(window) >= IN_FLIGHT_PER_WORKER * self.n_workers:
                    yield from self._collect(*window.popleft())
            while window:
                yield from self._collect(*window.popleft())
            finished = True
        finally:
            for future, _ in window:
                future.cancel()
            self.close(wait=finished)

    def _submit(self, chunk: list[ArticleInput]):
        try:
            return self._start().submit(_task, chunk, self.batch_size, self.limits)
        except BrokenProcessPool:  # a worker died earlier: start a new pool
            self.close(wait=False)
            return self._start().submit(_task, chunk, self.batch_size, self.limits)

    def _deadline(self, chunk: list[ArticleInput]) -> float | None:
        if not self.limits.doc_timeout:
            return None
        return PARTITION_SLACK * self.limits.doc_timeout * len(chunk) + 60.0

    def _wait(self, future, chunk: list[ArticleInput]) -> list[ArticleResult]:
        try:
            return future.result(timeout=self._deadline(chunk))
        except FutureTimeout:  # stuck where the worker's own timer cannot reach: end the pool
            self.close(wait=False)
            raise BrokenProcessPool("a worker did not answer in time") from None

    def _collect(self, future, chunk: list[ArticleInput]) -> Iterator[ArticleResult]:
        try:
            yield from self._wait(future, chunk)
        except (BrokenProcessPool, CancelledError):
            # a worker died: which article killed it is not known; each is redone alone
            self.close(wait=False)
            for item in chunk:
                yield from self._alone(item)

    def _alone(self, item: ArticleInput) -> list[ArticleResult]:
        """One article in a task of its own; failed by name if its worker dies again."""
        try:
            return self._wait(self._submit([item]), [item])
        except (BrokenProcessPool, CancelledError) as exc:
            self.close(wait=False)
            return failed_partition([item], Errors.E510, reason=str(exc) or "killed")

    def close(self, wait: bool = True) -> None:
        """Shut the pool down; without ``wait`` (an error, an interrupt) its processes are
        ended at once, not waited for."""
        global _NLP, _PARENT
        executor, self.executor = self.executor, None
        if executor is not None:
            processes = list(getattr(executor, "_processes", {}).values())  # no public handle
            if not wait:
                for process in processes:
                    if process.is_alive():
                        process.kill()
            executor.shutdown(wait=True, cancel_futures=True)
        _NLP = _PARENT = None
