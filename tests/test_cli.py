"""The `extract run` command: exit codes, messages for bad input, tables written."""
from __future__ import annotations

import csv
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import _EchoHandler, main
from extract.errors import Warnings
from extract.schema import contract_columns

CONTRACT = contract_columns()

GOOD = ("Krein moved there from the United States in 2016. “We are not a satellite organization,” "
        "explains Philip Krein. The campus covers 80 hectares.\n")


@pytest.fixture(autouse=True)
def _library_logging_as_before():
    """The CLI hands the library's log to its stderr handler; undo that after each test."""
    log = logging.getLogger("extract")
    yield
    for handler in [h for h in log.handlers if isinstance(h, _EchoHandler)]:
        log.removeHandler(handler)
    log.propagate = True
    log.setLevel(logging.NOTSET)


def read_table(out: Path, name: str) -> list[dict]:
    with (out / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    """A folder with good and broken articles, run once through the CLI."""
    folder = tmp_path_factory.mktemp("batch")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "latin1.txt").write_bytes("A £5 coffee in Zürich, said Anna Roe.\n".encode("cp1252"))
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["run", str(folder), str(folder / "missing.txt"), "--out", str(out),
                                       "--reference-date", "2018-11-01", "--quiet"])
    return folder, out, result


def test_bad_inputs_are_reported_and_the_rest_extracted(bad_batch):
    folder, out, result = bad_batch
    assert result.exit_code == 1, result.output
    err = result.stderr
    assert f"extract: error: {folder / 'empty.txt'}: the file is empty" in err
    assert f"extract: error: {folder / 'binary.txt'}: looks like a binary file (it contains NUL bytes)" in err
    assert f"extract: error: {folder / 'missing.txt'}: no such file or directory" in err
    assert f"extract: warning: {folder / 'latin1.txt'}: not valid UTF-8 (byte 2); decoded as cp1252 instead" in err
    docs = {r["doc_id"]: r for r in read_table(out, "documents")}
    assert {k: v["status"] for k, v in docs.items()} == {
        "binary": "error", "empty": "error", "good": "ok", "latin1": "ok", "missing": "error"}
    assert "no such file" in docs["missing"]["error"]
    assert int(docs["good"]["n_tokens"]) > 10 and int(docs["good"]["n_sentences"]) >= 3
    ents = read_table(out, "entities")
    assert {r["doc_id"] for r in ents} == {"good", "latin1"}


def test_every_row_points_into_the_raw_text(bad_batch):
    folder, out, _ = bad_batch
    raw = {"good": GOOD, "latin1": (folder / "latin1.txt").read_bytes().decode("cp1252")}
    n = 0
    for table in ("entities", "quantities", "dates", "quotes"):
        rows = read_table(out, table)
        assert list(rows[0].keys())[: len(CONTRACT[table])] == list(CONTRACT[table]) if rows else True
        for r in rows:
            assert raw[r["doc_id"]][int(r["start_char"]):int(r["end_char"])] == r["text"]
            n += 1
    assert n >= 5


def test_all_good_exits_zero_and_writes_five_tables(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    # .extract/ holds the run state (parts and manifest) for incremental reruns
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.suffix == ".csv") == [
        "dates.csv", "documents.csv", "entities.csv", "quantities.csv", "quotes.csv"]
    # no reference date anywhere: one note for the run with the count, and one in the document's row
    assert result.stderr.count("no reference date") == 1
    assert "1 of 1 documents had no reference date" in result.stderr
    assert read_table(tmp_path / "out", "documents")[0]["warnings"] == Warnings.W801


def test_bad_reference_date_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--reference-date", "1/11/2018"])
    assert result.exit_code == 2
    assert "Invalid reference date '1/11/2018': expected YYYY-MM-DD" in result.output


def test_unknown_model_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o"),
                                       "--model", "no_such_model", "--quiet"])
    assert result.exit_code == 2
    assert "Cannot load the spaCy model 'no_such_model'" in result.stderr


def test_non_terminal_progress_is_line_based(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "extract: 1/1 documents" in result.stderr
    assert "1 of 1 documents extracted, 0 failed" in result.stdout


def test_text_longer_than_max_length_is_processed_in_pieces(nlp, tmp_path):
    from extract.runner import run

    paragraph = "Philip Krein moved to Haining in 2016. He says it is 80 hectares.\n\n"
    raw = paragraph * 40
    (tmp_path / "long.txt").write_text(raw)
    old = nlp.max_length
    nlp.max_length = 500
    try:
        summary = run([tmp_path / "long.txt"], tmp_path / "out", nlp=nlp)
    finally:
        nlp.max_length = old
    assert summary.n_failed == 0
    assert any("processed in" in w for w in summary.warnings)
    ents = [r for r in read_table(tmp_path / "out", "entities") if r["label"] == "PERSON"]
    assert len(ents) == 40
    for r in ents:
        assert raw[int(r["start_char"]):int(r["end_char"])] == "Philip Krein"


# ---------------------------------------------------------------- more ways in (issue 15)

def test_python_dash_m_extract_help():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "extract", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Usage: extract ")
    assert "run" in out.stdout and "evaluate" in out.stdout


def test_dash_reads_one_article_from_stdin(tmp_path):
    result = CliRunner().invoke(main, ["run", "-", "--doc-id", "krein", "--out", str(tmp_path / "o"),
                                       "--reference-date", "2018-11-01", "--quiet"], input=GOOD.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    docs = read_table(tmp_path / "o", "documents")
    assert [(d["doc_id"], d["status"], d["reference_date"]) for d in docs] == [("krein", "ok", "2018-11-01")]
    quotes = read_table(tmp_path / "o", "quotes")
    assert [(q["doc_id"], q["speaker"]) for q in quotes] == [("krein", "Philip Krein")]
    for q in quotes:
        assert GOOD[int(q["start_char"]):int(q["end_char"])] == q["text"]


def test_stdin_doc_id_defaults_to_stdin_and_mixes_with_files(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "-", "--out", str(tmp_path / "o"), "-q"],
                                input="Anna Roe paid £5 on Monday.\n")
    assert result.exit_code == 0, result.stderr
    assert sorted(d["doc_id"] for d in read_table(tmp_path / "o", "documents")) == ["a", "stdin"]


@pytest.mark.parametrize("args, stdin, message", [
    (["-", "-"], "text", "given 2 times"),
    (["-"], "  \n", "Standard input is empty"),
    (["-", "--doc-id", "../x"], "text", "Unknown --doc-id '../x'"),
])
def test_bad_stdin_use_is_a_usage_error(tmp_path, args, stdin, message):
    result = CliRunner().invoke(main, ["run", *args, "--out", str(tmp_path / "o"), "-q"], input=stdin)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "o" / "documents.csv").exists()


def test_extractors_option_writes_only_the_chosen_tables(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "-q",
                                       "--extractors", "quantities"])
    assert result.exit_code == 0, result.stderr
    assert [r["text"] for r in read_table(tmp_path / "o", "quantities")] == ["80 hectares"]
    for table in ("entities", "dates", "quotes"):
        assert read_table(tmp_path / "o", table) == []


def test_unknown_extractor_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--extractors", "dates,names"])
    assert result.exit_code == 2
    assert "Unknown extractor 'names'; allowed: entities, dates, quantities, quotes" in result.stderr


@pytest.mark.parametrize("flags, info_shown, summary_shown", [
    ([], False, True), (["-v"], True, True), (["-q"], False, False), (["-q", "-v"], False, False),
])
def test_verbosity(tmp_path, flags, info_shown, summary_shown):
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o"),
                                       "--reference-date", "2018-11-01", *flags])
    assert result.exit_code == 0, result.stderr
    assert ("extract: info: model " in result.stderr) == info_shown
    assert ("1 of 1 documents extracted" in result.stdout) == summary_shown
