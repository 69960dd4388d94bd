"""Round 12 (issue 17, speaker accuracy): the fixed halves of bench/quotes.py and the speaker rules."""
from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench_quotes():
    spec = importlib.util.spec_from_file_location("bench_quotes_round12", ROOT / "bench" / "quotes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_doc_half_is_the_parity_of_the_first_sha1_byte(bench_quotes):
    for doc_id in ["a", "b", "politics_0001", "nyt-2016-11-08-xyz", "ünïcode"]:
        first = hashlib.sha1(doc_id.encode("utf-8")).digest()[0]
        assert bench_quotes.doc_half(doc_id) == ("A" if first % 2 == 0 else "B")


def test_doc_half_is_fixed_and_splits_ids_into_two_halves(bench_quotes):
    ids = [f"doc{i}" for i in range(200)]
    halves = [bench_quotes.doc_half(i) for i in ids]
    assert halves == [bench_quotes.doc_half(i) for i in ids]
    assert set(halves) == {"A", "B"}
    assert 60 < halves.count("A") < 140


def test_run_rejects_an_unknown_half(bench_quotes):
    with pytest.raises(ValueError, match="half must be one of"):
        bench_quotes.run("dev", half="C")


def test_the_command_line_offers_only_the_two_halves(bench_quotes):
    with pytest.raises(SystemExit):
        bench_quotes.main(["--docs-hash-half", "C"])
