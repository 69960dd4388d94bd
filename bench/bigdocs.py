"""Time and peak memory of ``extract run`` against the size of one article.

Each article is the bundled corpus article repeated until it has the size asked for,
either as it is (paragraphs) or with every line break made a space (one line, the worst
case for the cleaner and the cutter). Every size runs in a fresh process that loads the
full pipeline and runs :func:`extract.runner.run` on a folder holding that one article
(no --max-chars, no --doc-timeout); the seconds are the run's own (model loading left
out) and the peak RSS is the process's (``wait4``), model included. A row with 1 KB gives
the baseline of the model alone.

Cap the memory of the whole measurement, the machine is shared::

    prlimit --as=12000000000 -- python bench/bigdocs.py            # writes bench/results/bigdocs.md
    python bench/bigdocs.py --sizes 1k,100k,1m --shapes paragraphs   # a quick look
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "zhejiang-open-for-science-business.txt"
RESULTS = ROOT / "bench" / "results" / "bigdocs.md"
UNITS = {"k": 1_000, "m": 1_000_000}

CHILD = textwrap.dedent("""
    import json, sys, time
    from extract.pipeline import build_pipeline
    from extract.runner import run
    from extract.stream import Limits
    nlp = build_pipeline()
    started = time.perf_counter()
    summary = run([sys.argv[1]], sys.argv[2], nlp=nlp, limits=Limits(max_chars=None, doc_timeout=None))
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "failed": summary.n_failed, "warnings": summary.warnings[:3],
                      "failures": summary.failures[:3]}))
""")


def parse_size(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * UNITS[text[-1]]) if text[-1] in UNITS else int(text)


def make_article(n_chars: int, shape: str) -> str:
    seed = SEED.read_text(encoding="utf-8")
    if shape == "oneline":
        seed = " ".join(seed.split())
    parts, size = [], 0
    while size < n_chars:
        parts.append(seed)
        size += len(seed) + 2
    text = ("\n\n" if shape == "paragraphs" else " ").join(parts)
    return text[:n_chars]


def measure(n_chars: int, shape: str, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="bigdocs.") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "big.txt").write_text(make_article(n_chars, shape), encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(Path(tmp) / "out")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started = time.monotonic()
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return {"chars": n_chars, "shape": shape, "error": f"over {timeout:.0f} s"}
        # communicate() has reaped the child; its peak RSS is in the children's usage
        import resource

        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        wall = time.monotonic() - started
    if proc.returncode != 0:
        return {"chars": n_chars, "shape": shape, "error": (err.strip().splitlines() or ["?"])[-1],
                "returncode": proc.returncode}
    result = json.loads(out.strip().splitlines()[-1])
    return {"chars": n_chars, "shape": shape, "seconds": result["seconds"], "wall": wall,
            "peak_mb": peak_kb / 1024, "failed": result["failed"], "failures": result["failures"]}


def run_one(n_chars: int, shape: str, timeout: float) -> dict:
    """Each size in a process of its own, so that RUSAGE_CHILDREN's maximum is that size's."""
    code = ("import json, sys; sys.path.insert(0, %r); import bigdocs; "
            "print(json.dumps(bigdocs.measure(%d, %r, %r)))" % (str(Path(__file__).parent), n_chars, shape, timeout))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout + 120)
    if proc.returncode != 0:
        return {"chars": n_chars, "shape": shape, "error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(rows: list[dict], limit: str) -> str:
    lines = ["| article | shape | run seconds | seconds per MB | peak RSS (MB) | result |",
             "|---:|---|---:|---:|---:|---|"]
    for r in rows:
        size = f"{r['chars'] / 1e6:g} M" if r["chars"] >= 1e6 else f"{r['chars'] / 1e3:g} K"
        if "error" in r:
            lines.append(f"| {size} chars | {r['shape']} | | | | {r['error']} |")
            continue
        per_mb = r["seconds"] / (r["chars"] / 1e6)
        state = "ok" if not r["failed"] else "failed: " + "; ".join(r["failures"])
        lines.append(f"| {size} chars | {r['shape']} | {r['seconds']:.1f} | {per_mb:.0f} | {r['peak_mb']:.0f} | {state} |")
    return "\n".join(lines) + f"\n\nMemory cap for the whole measurement: {limit}.\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,100k,1m,5m,20m")
    parser.add_argument("--shapes", default="paragraphs,oneline")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    limit = "none (run it under prlimit --as=...)" if soft == resource.RLIM_INFINITY else f"{soft / 1e9:.1f} GB address space"
    rows = []
    command = "python bench/bigdocs.py " + " ".join(argv if argv is not None else sys.argv[1:])
    for shape, size in [(shape, size) for shape in args.shapes.split(",") for size in args.sizes.split(",")]:
        row = run_one(parse_size(size), shape, args.timeout)
        rows.append(row)
        print(json.dumps(row), flush=True)
        if args.out:   # after every size: a long measurement stopped half-way keeps its rows
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(f"# Time and peak memory against article size\n\n`{command.strip()}` "
                                f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, shared machine)\n\n"
                                + table(rows, limit), encoding="utf-8")
    print(table(rows, limit))


if __name__ == "__main__":
    main()
