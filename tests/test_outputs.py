"""The committed outputs/ tables are what the code produces now."""
from __future__ import annotations

from pathlib import Path

import pytest

# not ``from conftest import ROOT``: the name ``conftest`` is whichever test folder's conftest.py
# was imported last (tests/quotes has one too)
ROOT = Path(__file__).resolve().parents[1]

TABLES = ("documents", "entities", "quantities", "dates", "quotes")


def test_outputs_are_up_to_date(nlp, tmp_path):
    from extract.runner import run

    committed = ROOT / "outputs"
    if not (committed / "documents.csv").exists():
        pytest.fail("outputs/ has no tables: run `extract run` and commit outputs/")
    summary = run([ROOT / "corpus"], tmp_path, nlp=nlp)
    assert summary.n_failed == 0
    for name in TABLES:
        fresh = (tmp_path / f"{name}.csv").read_text(encoding="utf-8")
        old = (committed / f"{name}.csv").read_text(encoding="utf-8")
        if name == "documents":  # the path column depends on where the run was started
            fresh = fresh.replace(str(ROOT / "corpus"), "corpus")
        assert fresh == old, f"outputs/{name}.csv is stale: run `extract run` and commit outputs/"
