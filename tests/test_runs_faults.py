"""Runs that never hang, lose, merge or mix (issue 11): one test per class of fault.

Faults are injected: a worker killed, the parent killed, an article that is too slow or
too long, an extractor that raises, a second run on the same folder, a kill between two
table renames, a folder that cannot be written, a full disk. Everything that could hang
runs in a subprocess with a timeout.
"""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from spacy.language import Language

from extract.errors import ConfigError, ExtractError, InputError
from extract.manifest import ManifestError, check_manifest, read_manifest
from extract.runner import run
from extract.state import OutLock
from extract.stream import Limits

TABLES = ("documents", "entities", "quantities", "dates", "quotes")
SRC = str(Path(__file__).resolve().parents[1] / "src")


def article(i: int, extra: str = "") -> str:
    return f"Talks number {i}\n\nAngela Merkel met officials of Microsoft in Berlin on Monday. {extra}\n"


def make_corpus(folder: Path, n: int, extra: dict[int, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:02d}.txt").write_text(article(i, (extra or {}).get(i, "")), encoding="utf-8")
    return folder


def documents(out: Path) -> dict[str, dict]:
    import csv

    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        return {row["doc_id"]: row for row in csv.DictReader(fh)}


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


# A component for fault injection: it raises, sleeps, spins or kills its process when the
# text asks for it. Registered once; added to pipelines built by the tests only.
@Language.component("h1_fault")
def h1_fault(doc):
    text = doc.text
    if "RAISE" in text:
        raise RuntimeError("injected failure")
    if "SPIN" in text:
        while True:  # pure Python: the per-article timer stops it
            pass
    if "SLEEP" in text:
        time.sleep(3600)
    if "KILLME" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "NAP" in text:
        time.sleep(1.5)
    return doc


@pytest.fixture(scope="module")
def fault_nlp():
    from extract.pipeline import build_pipeline

    nlp = build_pipeline(extractors=["entities"])
    nlp.add_pipe("h1_fault", last=True)
    return nlp


# --- an article that fails does not take anything else with it ------------------------------

def test_extractor_raising_keeps_the_other_tables_and_marks_the_document(fault_nlp, tmp_path):
    corpus = make_corpus(tmp_path / "in", 3, {1: "RAISE"})
    summary = run([corpus], tmp_path / "out", nlp=fault_nlp)
    docs = documents(tmp_path / "out")
    assert docs["doc01"]["status"] == "partial"
    assert "h1_fault" in docs["doc01"]["error"] and "injected failure" in docs["doc01"]["error"]
    assert docs["doc00"]["status"] == docs["doc02"]["status"] == "ok"
    entities = (tmp_path / "out" / "entities.csv").read_text(encoding="utf-8")
    assert "doc01,Angela Merkel" in entities or "doc01" in entities   # its entity rows are kept
    assert (summary.n_partial, summary.n_failed) == (1, 0)
    assert any("h1_fault" in m for m in summary.failures)


def test_cli_exit_code_says_an_extractor_failed(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        import test_runs_faults as T
        from extract import cli, pipeline
        real = pipeline.build_pipeline
        def build(*a, **k):
            nlp = real(extractors=["entities"])
            nlp.add_pipe("h1_fault", last=True)
            return nlp
        import extract.runner
        extract.runner.build_pipeline = build
        sys.argv = ["extract", "run", sys.argv[1], "--out", sys.argv[2], "-q"]
        cli.main()
    """)
    corpus = make_corpus(tmp_path / "in", 2, {0: "RAISE"})
    (tmp_path / "s.py").write_text(script)
    proc = subprocess.run([sys.executable, str(tmp_path / "s.py"), str(corpus), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "h1_fault" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("marker", ["SPIN", "SLEEP"])
def test_article_over_its_time_budget_fails_by_name_and_the_run_goes_on(fault_nlp, tmp_path, marker):
    corpus = make_corpus(tmp_path / "in", 3, {1: marker})
    started = time.perf_counter()
    summary = run([corpus], tmp_path / "out", nlp=fault_nlp, limits=Limits(doc_timeout=1.0))
    assert time.perf_counter() - started < 60
    docs = documents(tmp_path / "out")
    assert docs["doc01"]["status"] == "error"
    assert "doc01.txt: not finished within its time budget of 1s (--doc-timeout 1s" in docs["doc01"]["error"]
    assert docs["doc00"]["status"] == docs["doc02"]["status"] == "ok"
    assert summary.n_failed == 1


def test_article_over_max_chars_is_refused_by_name(fault_nlp, tmp_path):
    corpus = make_corpus(tmp_path / "in", 2)
    (corpus / "big.txt").write_text("Word " * 2000, encoding="utf-8")
    run([corpus], tmp_path / "out", nlp=fault_nlp, limits=Limits(max_chars=5000))
    docs = documents(tmp_path / "out")
    assert docs["big"]["status"] == "error"
    assert "big.txt: 10000 characters is more than --max-chars 5000; not processed" in docs["big"]["error"]
    assert docs["doc00"]["status"] == "ok"


def test_long_article_in_pieces_keeps_offsets_into_the_raw_text(fault_nlp, tmp_path):
    paragraph = "Angela Merkel met officials of Microsoft in Berlin on Monday. " * 20
    raw = "\n\n".join(paragraph for _ in range(30))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text(raw, encoding="utf-8")
    summary = run([tmp_path / "in"], tmp_path / "out", nlp=fault_nlp, limits=Limits(piece_chars=5000))
    assert summary.n_failed == 0
    assert any("pieces" in w for w in summary.warnings)
    import csv

    with open(tmp_path / "out" / "entities.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 30 * 20 * 2
    for row in rows:
        assert raw[int(row["start_char"]):int(row["end_char"])] == row["text"]
    assert max(int(r["sentence_id"]) for r in rows) >= 30 * 20 - 1   # numbered across pieces


# --- worker processes ---------------------------------------------------------------------------

POOL_RUN = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {tests!r})
    import test_runs_faults   # registers h1_fault
    from extract.pipeline import build_pipeline
    from extract.runner import run
    nlp = build_pipeline(extractors=["entities"])
    nlp.add_pipe("h1_fault", last=True)
    def progress(result, summary):
        print("DONE", result.doc_id, flush=True)
    s = run([sys.argv[1]], sys.argv[2], nlp=nlp, n_process=2, batch_size=2, progress=progress)
    print("SUMMARY", s.n_documents, s.n_failed, flush=True)
""").format(tests=os.path.dirname(__file__))


def _children(pid: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    try:
        return [c.pid for c in psutil.Process(pid).children()]
    except psutil.NoSuchProcess:
        return []


def _alive(pid: int) -> bool:
    psutil = pytest.importorskip("psutil")
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _start_with_workers(script: Path, corpus: Path, out: Path) -> tuple[subprocess.Popen, list[int]]:
    """Start a run with two worker processes in a subprocess; return it once both workers are up."""
    proc = subprocess.Popen([sys.executable, str(script), str(corpus), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 240
    while time.time() < deadline and len(_children(proc.pid)) < 2 and proc.poll() is None:
        time.sleep(0.2)
    return proc, _children(proc.pid)


@pytest.mark.slow
def test_article_that_kills_its_worker_fails_by_name_and_the_others_are_redone(tmp_path):
    corpus = make_corpus(tmp_path / "in", 8, {3: "KILLME"})
    (tmp_path / "s.py").write_text(POOL_RUN)
    proc = subprocess.run([sys.executable, str(tmp_path / "s.py"), str(corpus), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert "SUMMARY 8 1" in proc.stdout, proc.stderr[-3000:]
    docs = documents(tmp_path / "out")
    assert docs["doc03"]["status"] == "error"
    assert "doc03.txt: the worker process died while processing it" in docs["doc03"]["error"]
    assert all(docs[f"doc{i:02d}"]["status"] == "ok" for i in range(8) if i != 3)


@pytest.mark.slow
def test_worker_killed_from_outside_the_run_finishes_with_every_document(tmp_path):
    corpus = make_corpus(tmp_path / "in", 12, {i: "NAP" for i in range(0, 12, 2)})
    (tmp_path / "s.py").write_text(POOL_RUN)
    proc, workers = _start_with_workers(tmp_path / "s.py", corpus, tmp_path / "out")
    try:
        assert workers, "no worker started"
        os.kill(workers[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=300)
    finally:
        proc.kill()
    assert proc.returncode == 0, err[-3000:]
    assert "SUMMARY 12 0" in out
    assert len(documents(tmp_path / "out")) == 12


PARENT_HANGS = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    import test_runs_faults
    from extract.pipeline import build_pipeline
    from extract.runner import run
    from extract.stream import Limits
    nlp = build_pipeline(extractors=["entities"])
    nlp.add_pipe("h1_fault", last=True)
    run([sys.argv[1]], sys.argv[2], nlp=nlp, n_process=2, batch_size=1, limits=Limits(doc_timeout=None))
""").format(tests=os.path.dirname(__file__))


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_parent_dies_or_is_stopped(tmp_path, how):
    corpus = make_corpus(tmp_path / "in", 4, {i: "SLEEP" for i in range(4)})
    (tmp_path / "s.py").write_text(PARENT_HANGS)
    if how == signal.SIGTERM:   # through the CLI, which turns SIGTERM into an orderly stop
        (tmp_path / "s.py").write_text(PARENT_HANGS.replace(
            "run([sys.argv[1]]", "import signal\n"
            "from extract.cli import _on_sigterm\nsignal.signal(signal.SIGTERM, _on_sigterm)\nrun([sys.argv[1]]"))
    proc, workers = _start_with_workers(tmp_path / "s.py", corpus, tmp_path / "out")
    try:
        assert len(workers) >= 2, "the workers did not start"
        time.sleep(1.0)   # both are inside an article now
        os.kill(proc.pid, how)
        proc.wait(timeout=60)
        deadline = time.time() + 30
        while time.time() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "orphaned workers"
    finally:
        proc.kill()
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)


# --- one folder, one run at a time; never a mix ----------------------------------------------------

def test_second_run_on_the_same_folder_stops_at_once_naming_the_other(tmp_path):
    corpus = make_corpus(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    with OutLock(out):
        started = time.perf_counter()
        with pytest.raises(ExtractError) as info:
            run([corpus], out, model="no-such-model-is-loaded-first")
        assert time.perf_counter() - started < 5
    message = str(info.value)
    assert str(out) in message and f"process {os.getpid()}" in message


def test_lock_is_released_when_its_holder_is_killed(tmp_path, fault_nlp):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {SRC!r})
        from extract.state import OutLock
        with OutLock({str(out)!r}):
            print("HELD", flush=True)
            time.sleep(600)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HELD"
        with pytest.raises(ExtractError, match=f"process {holder.pid}"):
            run([make_corpus(tmp_path / "in", 1)], out, nlp=fault_nlp)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert run([tmp_path / "in"], out, nlp=fault_nlp).n_documents == 1


def test_kill_between_table_renames_is_detected_and_the_next_run_repairs_it(fault_nlp, tmp_path, monkeypatch):
    import extract.writers as writers

    corpus = make_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    run([corpus], out, nlp=fault_nlp)
    first = read_manifest(out)
    assert check_manifest(out) == first
    assert set(first["tables"]) == set(TABLES)
    assert first["tables"]["documents"]["rows"] == 3

    make_corpus(corpus, 5)   # two more documents
    real_publish = writers.publish
    calls = []

    def publish_then_die(tmp, dest):
        calls.append(dest)
        if len(calls) == 3:
            raise KeyboardInterrupt   # killed between the second and the third rename
        real_publish(tmp, dest)

    monkeypatch.setattr(writers, "publish", publish_then_die)
    with pytest.raises(KeyboardInterrupt):
        run([corpus], out, nlp=fault_nlp)
    monkeypatch.setattr(writers, "publish", real_publish)
    with pytest.raises(ManifestError, match="not the one of run"):
        check_manifest(out)

    (out / ".entities.leftover.tmp").write_text("half a table")   # as a kill -9 would leave it
    summary = run([corpus], out, nlp=fault_nlp)
    assert any("leftover temporary" in w for w in summary.warnings)
    assert not list(out.glob(".*.tmp"))
    manifest = check_manifest(out)
    assert manifest["tables"]["documents"]["rows"] == 5 and manifest["run"] != first["run"]


# --- nothing replaced by a run that read nothing; checks before the work ---------------------------

def test_run_that_reads_no_document_leaves_the_tables_alone(fault_nlp, tmp_path):
    out = tmp_path / "out"
    run([make_corpus(tmp_path / "in", 2)], out, nlp=fault_nlp)
    before = snapshot(out)
    with pytest.raises(InputError, match="no document could be read"):
        run([tmp_path / "notthere"], out, nlp=fault_nlp)
    assert snapshot(out) == before


def test_cli_paths_given_without_out_do_not_write_outputs(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from extract.cli import DEFAULT_OUT_FOR_PATHS, main

    monkeypatch.chdir(tmp_path)
    Path("outputs").mkdir()
    Path("outputs/documents.csv").write_text("committed\n")
    result = CliRunner().invoke(main, ["run", "notthere", "-q"])
    assert result.exit_code == 1
    assert Path("outputs/documents.csv").read_text() == "committed\n"
    assert not Path(DEFAULT_OUT_FOR_PATHS, "documents.csv").exists()
    assert "no document could be read" in result.output


def test_out_that_is_a_file_is_refused_before_any_work(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("x")
    with pytest.raises(ConfigError, match="out.csv: --out is a file, not a folder"):
        run([tmp_path], target, model="no-such-model-is-loaded-first")


def test_out_that_cannot_be_written_is_refused_before_any_work(tmp_path, monkeypatch):
    import extract.runner as runner

    out = tmp_path / "out"
    out.mkdir()
    if os.geteuid() == 0:   # root writes anywhere: make the folder refuse the way a read-only one does
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(out))

        monkeypatch.setattr(runner.tempfile, "mkstemp", refuse)
    else:
        out.chmod(0o555)
    with pytest.raises(ExtractError, match=r"out: cannot write the tables here \(Permission denied\)"):
        run([tmp_path], out, model="no-such-model-is-loaded-first")
    out.chmod(0o755)


def test_full_disk_is_one_line_naming_the_path_and_the_cause(fault_nlp, tmp_path, monkeypatch):
    import extract.runner as runner

    class FullDisk:
        def __init__(self, parts_dir, name, *a, **k):
            self.path = Path(parts_dir) / name

        def write(self, *a, **k):
            raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

        def abort(self):
            pass

    monkeypatch.setattr(runner, "PartWriter", FullDisk)
    out = tmp_path / "out"
    with pytest.raises(ExtractError) as info:
        run([make_corpus(tmp_path / "in", 2)], out, nlp=fault_nlp)
    message = str(info.value)
    assert "\n" not in message and "No space left on device" in message and ".extract" in message
    assert info.value.__suppress_context__
    assert not (out / "documents.csv").exists()
