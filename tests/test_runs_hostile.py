"""Hostile input through the whole pipeline (issue 11): each article either finishes or is
stopped by its time budget; none stops the run. In a subprocess with a timeout, so that a
regression can never hang the suite."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import pytest

from extract.stream import PIECE_CHARS

HOSTILE = {
    "commas": "1," * 30000,                 # a 60 KB number list: once 53 s in timex
    "quotes": '"' * 20000,                  # once 55 s in the tokenizer
    "quoted_x": '" x "' * 3500,             # once 51 s in the quote attribution
    "unbalanced": "“word " * 10000,         # 10,000 opening marks, none closed
    "normal": "Angela Merkel said on Monday that 5,000 jobs would go by 2020.",
}
BUDGET = 30.0

SCRIPT = textwrap.dedent("""
    import csv, json, sys, time
    from extract.runner import run
    from extract.stream import Limits
    started = time.perf_counter()
    summary = run([sys.argv[1]], sys.argv[2], limits=Limits(doc_timeout=float(sys.argv[3])))
    with open(sys.argv[2] + "/documents.csv", encoding="utf-8", newline="") as fh:
        docs = {r["doc_id"]: (r["status"], r["error"]) for r in csv.DictReader(fh)}
    print(json.dumps({"seconds": time.perf_counter() - started, "docs": docs}))
""")


@pytest.mark.slow
def test_hostile_articles_finish_within_their_budget(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in HOSTILE.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "s.py").write_text(SCRIPT)
    pieces = sum(-(-len(text) // PIECE_CHARS) for text in HOSTILE.values())
    limit = BUDGET * pieces + 120     # every article at most its budget, plus loading the model
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, str(tmp_path / "s.py"), str(folder), str(tmp_path / "out"), str(BUDGET)],
                          capture_output=True, text=True, timeout=limit)
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert time.perf_counter() - started < limit
    assert set(result["docs"]) == set(HOSTILE)
    for doc_id, (status, error) in result["docs"].items():
        assert status in ("ok", "partial") or "not finished within its time budget" in error, (doc_id, error)
    assert result["docs"]["normal"][0] == "ok"
