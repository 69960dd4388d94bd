"""Running the pipeline on a Dask distributed cluster.

The process that runs :func:`extract.runner.run` (the *client*) reads the articles, skips
the ones already done, and sends the rest in partitions of ``partition_size`` documents
to the workers; each worker builds the pipeline once (a ``WorkerPlugin`` does it
when the worker joins, a module-level cache keeps it) and returns the rows of its
partition. The client writes them as part files, exactly as the local engine does, so
workers need the ``extract`` package and its model installed but no access to the input
or output folders.

Without a scheduler address a :class:`~distributed.LocalCluster` of ``n_workers``
single-threaded processes is started and stopped with the run.
"""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from .documents import ArticleInput
from .errors import ConfigError, Errors
from .pipeline import build_pipeline
from .stream import DEFAULT_BATCH_SIZE, ArticleResult, Limits, failed_partition, partitions, process_articles

#: Documents per task sent to a worker.
DEFAULT_PARTITION_SIZE = 16
#: Partitions in flight per worker thread: enough to keep workers busy, few enough to
#: bound the client's memory.
IN_FLIGHT_PER_THREAD = 2

_PIPELINES: dict = {}


def get_pipeline(model: str, extractors: tuple[str, ...] | None):
    """The pipeline for (model, extractors), built once per process."""
    key = (model, None if extractors is None else tuple(extractors))
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(model, extractors=extractors)
    return _PIPELINES[key]


def process_partition(model: str, extractors, items: list[ArticleInput], batch_size: int,
                      limits: Limits | None = None) -> list[ArticleResult]:
    """Worker task: the results of one partition, in order. (Dask runs tasks in a worker
    thread, so the per-article budget is checked between steps, not by a timer.)"""
    nlp = get_pipeline(model, extractors)
    return list(process_articles(nlp, items, batch_size=batch_size, limits=limits))


def _distributed():
    """The optional third-party ``distributed`` package, imported only when a Dask run starts
    (importing it takes seconds); a ConfigError says how to install it."""
    try:
        import distributed
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError as exc:  # pragma: no cover - dask is an optional extra
        raise ConfigError(Errors.E501) from exc
    return distributed, WorkerPlugin


def pipeline_plugin(model: str, extractors):
    """A WorkerPlugin that loads the pipeline on every worker as it joins the cluster."""
    _, WorkerPlugin = _distributed()

    class PipelinePlugin(WorkerPlugin):
        name = "extract-pipeline"

        def __init__(self) -> None:
            self.model = model
            self.extractors = None if extractors is None else tuple(extractors)

        def setup(self, worker) -> None:
            get_pipeline(self.model, self.extractors)

    return PipelinePlugin()


class DaskEngine:
    """A source of :class:`ArticleResult` computed on Dask workers, in input order."""

    def __init__(self, *, model: str, extractors=None, scheduler: str | None = None, n_workers: int = 2,
                 batch_size: int = DEFAULT_BATCH_SIZE, partition_size: int | None = None,
                 limits: Limits | None = None) -> None:
        distributed, _ = _distributed()
        self.model = model
        self.extractors = None if extractors is None else tuple(extractors)
        self.batch_size = batch_size
        self.limits = limits
        self.partition_size = partition_size or DEFAULT_PARTITION_SIZE
        self.cluster = None
        if scheduler:
            self.client = distributed.Client(scheduler)
        else:
            self.cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = distributed.Client(self.cluster)
        try:
            self.client.register_plugin(pipeline_plugin(self.model, self.extractors))
        except Exception:
            self.close()
            raise

    def _threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def results(self, items: Iterable[ArticleInput]) -> Iterator[ArticleResult]:
        window: deque = deque()
        for chunk in partitions(items, self.partition_size):
            future = self.client.submit(process_partition, self.model, self.extractors, chunk,
                                        self.batch_size, self.limits, pure=False)
            window.append((future, chunk))
            while len(window) >= IN_FLIGHT_PER_THREAD * self._threads():
                yield from self._collect(*window.popleft())
        while window:
            yield from self._collect(*window.popleft())

    def _collect(self, future, chunk: list[ArticleInput]) -> Iterator[ArticleResult]:
        try:
            results = future.result()
        except Exception as exc:  # the task itself failed (e.g. a worker died): its documents fail
            results = failed_partition(chunk, Errors.E511, where="a Dask worker", exc=repr(exc))
        finally:
            future.release()
        yield from results

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()
