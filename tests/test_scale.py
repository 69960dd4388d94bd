"""Scale features of ``extract run``: streaming, resumable runs, Parquet, Dask, progress.

Fast: a pipeline with the model's own NER only (no extractor components) over small
synthetic articles; nothing from ../shared.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TABLES = ("documents", "entities", "quantities", "dates", "quotes")
NAMES = ["Angela Merkel", "Tony Blair", "Gordon Brown", "Jacques Chirac", "Kofi Annan"]
PLACES = ["Berlin", "London", "Paris", "New York", "Madrid"]


def article(i: int) -> str:
    who, where = NAMES[i % 5], PLACES[(i // 5) % 5]
    return (f"Talks number {i} in {where}\n\n{who} met officials of Microsoft in {where} on Monday. "
            f"The talks lasted {i + 2} hours, {who} said.\n")


def make_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:03d}.txt").write_text(article(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def small_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def read_rows(out: Path, table: str, fmt: str = "csv") -> list[tuple]:
    """A table's rows as sorted tuples of strings ('' for missing), the same for both formats."""
    import pandas as pd

    path = out / f"{table}.{fmt}"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False) if fmt == "csv" else pd.read_parquet(path)
    rows = []
    for rec in frame.itertuples(index=False):
        rows.append(tuple("" if v is None or (isinstance(v, float) and v != v) else str(v) for v in rec))
    return sorted(rows)


def all_rows(out: Path, fmt: str = "csv") -> dict[str, list[tuple]]:
    return {t: read_rows(out, t, fmt) for t in TABLES}


def no_leftovers(out: Path) -> None:
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


# --- streaming -------------------------------------------------------------------------

def test_process_articles_holds_only_the_batches_in_flight(small_nlp):
    from extract.documents import ArticleInput
    from extract.runner import process_articles

    consumed = 0

    def items():
        nonlocal consumed
        for i in range(200):
            consumed += 1
            yield ArticleInput(doc_id=f"d{i}", path=f"d{i}", text=article(i))

    stream = process_articles(small_nlp, items(), batch_size=4)
    first = next(stream)
    assert first.doc_id == "d0"
    assert consumed <= 8            # one batch read ahead at most, not the corpus
    assert sum(1 for _ in stream) == 199


# --- resumable runs --------------------------------------------------------------------

def test_interrupted_run_keeps_finished_documents_and_rerun_completes(small_nlp, tmp_path):
    from extract.runner import run

    corpus = make_corpus(tmp_path / "in", 12)
    out = tmp_path / "out"

    def stop_after_five(result, summary):
        if summary.n_documents == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([corpus], out, nlp=small_nlp, part_size=2, progress=stop_after_five)
    assert not (out / "documents.csv").exists()      # no table until a run is complete
    no_leftovers(out)

    summary = run([corpus], out, nlp=small_nlp, part_size=2)
    assert summary.n_reused == 5                      # the part in flight was kept too
    assert summary.n_documents == 7
    fresh = run([corpus], tmp_path / "fresh", nlp=small_nlp)
    assert all_rows(out) == all_rows(tmp_path / "fresh")
    docs = read_rows(out, "documents")
    assert len(docs) == 12 and len({d[0] for d in docs}) == 12
    assert fresh.n_documents == 12
    no_leftovers(out)


KILLER = textwrap.dedent("""
    import os, signal, sys
    from extract.pipeline import build_pipeline
    from extract.runner import run

    def kill_after(result, summary):
        if summary.n_documents == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)   # no clean-up at all

    run([sys.argv[1]], sys.argv[2], nlp=build_pipeline(extractors=["entities"]), part_size=3, progress=kill_after)
""")


def test_killed_process_loses_no_finished_part_and_rerun_has_no_duplicates(small_nlp, tmp_path):
    from extract.runner import run

    corpus = make_corpus(tmp_path / "in", 14)
    out = tmp_path / "out"
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    proc = subprocess.run([sys.executable, str(script), str(corpus), str(out), "8"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert not (out / "documents.csv").exists()

    summary = run([corpus], out, nlp=small_nlp, part_size=3)
    assert summary.n_reused == 6                      # two whole parts of 3 survived the kill
    assert summary.n_documents == 8
    run([corpus], tmp_path / "fresh", nlp=small_nlp)
    assert all_rows(out) == all_rows(tmp_path / "fresh")
    assert not list((out / ".extract" / "parts").glob(".*"))   # the half-written part is gone


def test_rerun_processes_only_new_changed_and_failed_documents(small_nlp, tmp_path):
    from extract.runner import run

    corpus = make_corpus(tmp_path / "in", 10)
    (corpus / "bad.txt").write_bytes(b"")            # fails: empty
    out = tmp_path / "out"
    first = run([corpus], out, nlp=small_nlp, part_size=4)
    assert (first.n_documents, first.n_failed) == (11, 1)

    again = run([corpus], out, nlp=small_nlp, part_size=4)
    assert (again.n_reused, again.n_documents) == (10, 1)    # only the failure is tried again

    (corpus / "doc003.txt").write_text(article(3) + "Kofi Annan agreed.\n", encoding="utf-8")
    (corpus / "doc007.txt").unlink()
    (corpus / "new.txt").write_text(article(42), encoding="utf-8")
    (corpus / "bad.txt").write_text(article(43), encoding="utf-8")
    third = run([corpus], out, nlp=small_nlp, part_size=4)
    # changed, new and fixed, plus the other documents of the two parts that held doc003/doc007
    assert third.n_failed == 0
    assert third.n_reused + third.n_documents == 11
    assert third.n_reused >= 2

    run([corpus], tmp_path / "fresh", nlp=small_nlp)
    assert all_rows(out) == all_rows(tmp_path / "fresh")
    docs = read_rows(out, "documents")
    assert sorted(d[0] for d in docs) == sorted(["bad", "new"] + [f"doc{i:03d}" for i in range(10) if i != 7])


def test_other_settings_start_afresh(small_nlp, tmp_path):
    from extract.runner import run

    corpus = make_corpus(tmp_path / "in", 4)
    run([corpus], tmp_path / "out", nlp=small_nlp)
    other = run([corpus], tmp_path / "out", nlp=small_nlp, reference_date="2005-01-01")
    assert (other.n_reused, other.n_documents) == (0, 4)
    fresh = run([corpus], tmp_path / "out", nlp=small_nlp, reference_date="2005-01-01", resume=False)
    assert (fresh.n_reused, fresh.n_documents) == (0, 4)


def test_changed_code_starts_afresh(small_nlp, tmp_path, monkeypatch):
    """A rule or word list changed since the last run: finished documents are redone."""
    import extract.runner as runner
    from extract.runner import run

    corpus = make_corpus(tmp_path / "in", 3)
    run([corpus], tmp_path / "out", nlp=small_nlp)
    again = run([corpus], tmp_path / "out", nlp=small_nlp)
    assert again.n_reused == 3
    monkeypatch.setattr(runner, "_code_digest", lambda: "another version of the rules")
    changed = run([corpus], tmp_path / "out", nlp=small_nlp)
    assert (changed.n_reused, changed.n_documents) == (0, 3)


# --- formats ---------------------------------------------------------------------------

def test_parquet_and_csv_have_the_same_columns_and_rows(small_nlp, tmp_path):
    import pyarrow.parquet as pq

    from extract.runner import run
    from extract.schema import table_columns

    corpus = make_corpus(tmp_path / "in", 9)
    (corpus / "bad.txt").write_bytes(b"\x00\x01binary")
    run([corpus], tmp_path / "csv", nlp=small_nlp, part_size=4)
    summary = run([corpus], tmp_path / "pq", nlp=small_nlp, part_size=4, fmt="parquet")
    assert set(summary.tables) == set(TABLES)
    columns = table_columns()
    for table in TABLES:
        assert pq.read_schema(tmp_path / "pq" / f"{table}.parquet").names == list(columns[table])
        header = (tmp_path / "csv" / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(columns[table])
    assert all_rows(tmp_path / "csv") == all_rows(tmp_path / "pq", "parquet")
    assert len(read_rows(tmp_path / "pq", "entities", "parquet")) > 9


# --- dask ------------------------------------------------------------------------------

def test_dask_engine_on_a_local_cluster_of_two_workers(small_nlp, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import extract.dask_engine as dask_engine
    from extract.runner import run

    monkeypatch.setattr(dask_engine, "DEFAULT_PARTITION_SIZE", 3)
    corpus = make_corpus(tmp_path / "in", 10)
    summary = run([corpus], tmp_path / "dask", engine="dask", n_workers=2, extractors=["entities"], part_size=4)
    assert (summary.n_documents, summary.n_failed) == (10, 0)
    run([corpus], tmp_path / "local", nlp=small_nlp)
    assert all_rows(tmp_path / "dask") == all_rows(tmp_path / "local")
    # a rerun with the dask engine reuses everything and starts no work
    again = run([corpus], tmp_path / "dask", engine="dask", n_workers=2, extractors=["entities"])
    assert (again.n_reused, again.n_documents) == (10, 0)


# --- progress --------------------------------------------------------------------------

def test_progress_lines_when_not_a_terminal():
    from extract.cli import _Progress
    from extract.runner import RunSummary

    stream = io.StringIO()
    progress = _Progress(total=3, quiet=False, every=0.0, stream=stream, tty=False)
    summary = RunSummary()
    for i in range(3):
        summary.n_documents += 1
        summary.n_words += 100
        summary.n_failed += i == 2
        progress(None, summary)
    progress.close(summary)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("extract: 1/3 documents, 100 words, ")
    assert lines[-1].startswith("extract: 3/3 documents, 300 words, ")
    assert " words/s, 1 failed, " in lines[-1] and "ETA 0s" in lines[-1]
    assert "\r" not in stream.getvalue()           # no bar redrawing in logs


def test_progress_is_quiet_and_a_bar_on_a_terminal():
    from extract.cli import _Progress
    from extract.runner import RunSummary

    summary = RunSummary(n_documents=1, n_words=50)
    quiet = io.StringIO()
    p = _Progress(total=1, quiet=True, stream=quiet, tty=True)
    p(None, summary)
    p.close(summary)
    assert quiet.getvalue() == ""
    bar = io.StringIO()
    p = _Progress(total=2, quiet=False, stream=bar, tty=True)
    p(None, summary)
    p.close(summary)
    assert "1/2" in bar.getvalue() and "doc" in bar.getvalue()


def test_cli_rerun_reports_reused_documents(tmp_path):
    from click.testing import CliRunner

    from extract.cli import main

    corpus = make_corpus(tmp_path / "in", 3)
    args = ["run", str(corpus), "--out", str(tmp_path / "out"), "--reference-date", "2005-03-01"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "extract: 3/3 documents" in first.stderr
    second = CliRunner().invoke(main, args + ["--format", "csv"])
    assert second.exit_code == 0, second.output
    assert "extract: 3/3 documents (3 reused)" in second.stderr
    assert "0 of 0 documents extracted, 0 failed, 3 reused from an earlier run" in second.stdout
    third = CliRunner().invoke(main, args + ["--fresh", "--quiet"])
    assert third.exit_code == 0 and third.stdout == "" and "documents" not in third.stderr


def test_two_worker_processes_give_the_same_rows(small_nlp, tmp_path):
    from extract.runner import run

    corpus = make_corpus(tmp_path / "in", 9)
    (corpus / "empty.txt").write_bytes(b"")
    two = run([corpus], tmp_path / "two", nlp=small_nlp, n_process=2, batch_size=2, part_size=4)
    assert (two.n_documents, two.n_failed) == (10, 1)
    run([corpus], tmp_path / "one", nlp=small_nlp)
    assert all_rows(tmp_path / "two") == all_rows(tmp_path / "one")
