"""extract.timex on hostile input (issue 11): the rules' windows are found in linear time.

``'1,' * 30000`` (60 KB, no space) took 53 s in ``timex._windows`` when each window walked to
the next space. The cases run in one subprocess with a timeout, so they can never hang CI.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: (repeated piece, times): 60 KB each without spaces, and 50 KB / 200 KB of "1,"
CASES = [("1,", 30_000), ("1:", 30_000), ("1/", 30_000), ("May ", 15_000), ("years ", 10_000),
         ("1,", 25_000), ("1,", 100_000)]

_SCRIPT = """
import json, sys, time
from extract.timex import scan
scan("warm up", None)
out = []
for unit, times in json.loads(sys.argv[1]):
    t = time.perf_counter()
    sum(1 for _ in scan(unit * times, "2018-11-01"))
    out.append(time.perf_counter() - t)
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def seconds() -> dict[tuple[str, int], float]:
    done = subprocess.run([sys.executable, "-c", _SCRIPT, json.dumps(CASES)], capture_output=True,
                          text=True, timeout=180, check=True)
    return dict(zip(CASES, json.loads(done.stdout.strip().splitlines()[-1])))


@pytest.mark.parametrize("case", CASES[:5], ids=lambda c: repr(c[0]))
def test_60_kb_without_spaces_is_quick(seconds, case):
    assert seconds[case] < 8.0


def test_time_grows_linearly(seconds):
    small, big = seconds[("1,", 25_000)], seconds[("1,", 100_000)]   # 50 KB and 200 KB
    assert big < 8.0
    assert big < 10 * max(small, 0.05)    # four times the text: not sixteen times the time
