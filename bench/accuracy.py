"""Every accuracy benchmark in one table: our figures beside the published ones.

Runs ``bench/quantities.py``, ``bench/dates.py`` and ``bench/quotes.py`` (their ``run()``;
one that is missing or fails is skipped with a note) and the evaluation of the pipeline
on the hand-annotated seed gold (``gold/``), then writes

* ``bench/results/accuracy.md``  - the table for the README,
* ``bench/results/accuracy.csv`` - the same rows, one per metric,
* ``bench/results/accuracy.json``,
* ``bench/results/seed-evaluation/`` and ``heldout-evaluation/`` - metrics.csv and errors.csv of
  the two gold evaluations (the held-out BBC articles need ../shared/data/bbc-news).

    python bench/accuracy.py            # runs every benchmark (needs ../shared/data)
    python bench/accuracy.py --cached   # reuses bench/results/<name>.json where present

Published figures are from ``../shared/README.md``; they were measured on other data
(TempEval-3 test, NewsQuant, Canadian news, PARC3, OntoNotes), so they are a yardstick,
not a like-for-like comparison. The seed gold is one article: its figures are a check,
not an estimate of accuracy in general.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import re
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
GOLD = ROOT / "gold"
CORPUS = ROOT / "corpus"
BENCHMARKS = ("quantities", "dates", "quotes")

#: area -> (our metric name, published system, data, value) as listed in ../shared/README.md
PUBLISHED = {
    "dates": [
        ("relaxed F1", "HeidelTime", "TempEval-3 test", 0.903),
        ("relaxed F1", "SUTime", "TempEval-3 test", 0.903),
        ("strict F1", "HeidelTime", "TempEval-3 test", 0.813),
        ("strict F1", "SUTime", "TempEval-3 test", 0.796),
        ("value F1", "HeidelTime", "TempEval-3 test", 0.776),
        ("value F1", "SUTime", "TempEval-3 test", 0.674),
    ],
    "quantities": [
        ("value+unit F1", "CQE", "NewsQuant", 0.856),
        ("value+unit F1", "quantulum3", "NewsQuant", 0.472),
    ],
    "quotes": [
        ("precision", "Gender Gap Tracker (spaCy lg)", "Canadian news", 0.846),
        ("recall", "Gender Gap Tracker (spaCy lg)", "Canadian news", 0.827),
        ("F1", "Gender Gap Tracker (spaCy lg)", "Canadian news", 0.837),
        ("F1", "citron (content overlap)", "PARC3", 0.833),
        ("speaker accuracy", "Gender Gap Tracker (spaCy lg)", "Canadian news", 0.865),
    ],
    "entities": [
        ("F1", "spaCy en_core_web_sm", "OntoNotes 5.0", 0.846),
        ("F1", "spaCy en_core_web_trf", "OntoNotes 5.0", 0.902),
    ],
}

COLUMNS = ["area", "metric", "ours", "our_data", "published", "published_data", "note"]


# ---------------------------------------------------------------- running the benchmarks

def _load_bench(name: str):
    path = ROOT / "bench" / f"{name}.py"
    if not path.exists():
        raise FileNotFoundError(f"bench/{name}.py does not exist yet")
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_benchmark(name: str, cached: bool) -> tuple[dict | None, str]:
    """(result dict or None, note). ``cached`` reads bench/results/<name>.json when present."""
    cache = RESULTS / f"{name}.json"
    if cached and cache.exists():
        return json.loads(cache.read_text(encoding="utf-8")), f"from {cache.relative_to(ROOT)}"
    try:
        module = _load_bench(name)
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = module.run()
        return result, f"ran bench/{name}.py in {time.perf_counter() - t0:.0f}s"
    except Exception as exc:  # a broken benchmark must not hide the others
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        if cache.exists():
            return json.loads(cache.read_text(encoding="utf-8")), \
                f"run() failed ({last}); figures from {cache.relative_to(ROOT)}"
        return None, f"skipped: {last}"


def flatten(obj, prefix: str = "") -> dict[str, float]:
    """Numeric leaves of nested dicts/lists as {"a.b.0.c": value}."""
    out: dict[str, float] = {}
    if isinstance(obj, dict):
        items = obj.items()
    elif isinstance(obj, list):
        # lists of rows named by "name"/"set"/"dataset" keep that name in the path
        items = []
        for i, v in enumerate(obj):
            key = str(i)
            if isinstance(v, dict):
                key = str(v.get("name") or v.get("set") or v.get("dataset") or i)
            items.append((key, v))
    else:
        return out
    for k, v in items:
        key = f"{prefix}.{k}" if prefix else str(k)
        if str(k).startswith("published") or k in ("errors",):
            continue
        if isinstance(v, bool):
            continue
        if isinstance(v, (int, float)):
            out[key] = v
        else:
            out.update(flatten(v, key))
    return out


def _find(flat: dict[str, float], *patterns: str, avoid: str | None = None) -> list[tuple[str, float]]:
    hits = []
    for key, value in flat.items():
        k = key.lower()
        if avoid and re.search(avoid, k):
            continue
        if all(re.search(p, k) for p in patterns):
            hits.append((key, value))
    return hits


def _first(flat, *patterns, avoid=None):
    hits = _find(flat, *patterns, avoid=avoid)
    return hits[0] if hits else (None, None)


def rows_for_benchmark(name: str, result: dict | None, note: str) -> list[dict]:
    """Our figures of one benchmark, each beside the published figures of the same metric."""
    def row(metric, ours, data, key=None, extra=""):
        published = [p for p in PUBLISHED.get(name, []) if p[0] == metric]
        pub = "; ".join(f"{system} {value:.3f}" for _, system, _, value in published)
        pub_data = "; ".join(sorted({d for _, _, d, _ in published}))
        n = note + (f"; key {key}" if key else "") + (f"; {extra}" if extra else "")
        return {"area": name, "metric": metric, "ours": None if ours is None else round(float(ours), 4),
                "our_data": data, "published": pub, "published_data": pub_data, "note": n}

    if result is None:
        return [row(m, None, "", extra="") for m in dict.fromkeys(p[0] for p in PUBLISHED[name])]
    flat = flatten(result)
    if name == "quotes":
        data = f"PolNeAR {result.get('split', 'dev')} ({result.get('documents', '?')} articles)"
        rows = []
        for metric, field in (("precision", "precision"), ("recall", "recall"), ("F1", "f1")):
            key, value = _first(flat, r"^quotes\.convention\.", rf"\.{field}$")
            if key is None:
                key, value = _first(flat, rf"(^|\.){field}$", avoid="speaker")
            rows.append(row(metric, value, data, key))
        key, value = _first(flat, r"speaker_acc")
        rows.append(row("speaker accuracy", value, data, key))
        return rows
    if name == "dates":
        data = f"TimeML TBAQ ({result.get('documents', '?')} documents, TempEval-3 training)"
        rows = []
        for metric, pats in (("relaxed F1", (r"relaxed", r"f1")), ("strict F1", (r"strict", r"f1")),
                             ("value F1", (r"value", r"f1")), ("type accuracy", (r"type", r"acc"))):
            key, value = _first(flat, *pats)
            rows.append(row(metric, value, data, key))
        return rows
    if name == "quantities":
        rows = []
        for set_name, views in (result.get("sets") or {}).items():
            main = views.get("quantities") if isinstance(views, dict) else None
            if not isinstance(main, dict):
                continue
            data = f"{set_name} ({main.get('n_sentences', '?')} sentences, {main.get('n_gold', '?')} quantities)"
            extra = views.get("+dates-owned") or {}
            for metric, field in (("value+unit F1", "value_unit"), ("value F1", "value")):
                ours = (main.get(field) or {}).get("f1")
                also = (extra.get(field) or {}).get("f1")
                rows.append(row(metric, ours, data, f"sets.{set_name}.quantities.{field}.f1",
                                f"with the durations/ages the dates component owns: {also:.3f}"
                                if also is not None else ""))
        if rows:
            return rows
        hits = _find(flat, r"unit", r"f1")
        return [row("value+unit F1", v, k.rsplit(".", 1)[0], k) for k, v in hits] or \
            [row("value+unit F1", None, "", extra="no F1 found in the result")]
    return []


# ---------------------------------------------------------------- the seed gold evaluation

def _seed_pipeline():
    """The pipeline with every extractor that imports; names of the ones missing."""
    import importlib

    from spacy.language import Language

    from extract.pipeline import EXTRACTORS, build_pipeline

    names, missing = [], []
    for name, (factory, module) in EXTRACTORS.items():
        try:
            importlib.import_module(module)
            ok = Language.has_factory(factory)
        except Exception:
            ok = False
        (names if ok else missing).append(name)
    return build_pipeline(extractors=names), missing


def gold_evaluation(gold: Path, corpus_dir: Path, out_dir: Path, data: str) -> tuple[list[dict], str]:
    """Run the pipeline on ``corpus_dir`` and score it against ``gold``; rows for the table."""
    from extract.evaluate import evaluate
    from extract.runner import run

    try:
        nlp, missing = _seed_pipeline()
        with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            run([corpus_dir], tmp, nlp=nlp)
            seconds = time.perf_counter() - t0
            result = evaluate(gold, tmp, out_dir, corpus_dir=corpus_dir)
    except Exception as exc:
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return [], f"skipped: {last}"
    note = f"pipeline run {seconds:.1f}s; errors in {out_dir.relative_to(ROOT)}/errors.csv"
    if missing:
        note += f"; extractors missing: {', '.join(missing)}"
    n_docs = len(result.doc_ids)
    data = f"{data}, {n_docs} article{'s' if n_docs > 1 else ''}"
    rows = []
    for kind, area in (("entity", "entities"), ("quantity", "quantities"),
                       ("date", "dates"), ("quote", "quotes")):
        for scheme in ("strict", "overlap"):
            s = result.score(kind, scheme)
            if not s:
                continue
            if area == "dates":
                metric = {"strict": "strict F1", "overlap": "relaxed F1"}[scheme]
            else:
                metric = f"F1 ({scheme} match)"
            published = [p for p in PUBLISHED.get(area, []) if p[0] == metric.split(" (")[0]]
            if area == "entities" and scheme == "overlap":
                published = []
            rows.append({
                "area": area, "metric": metric,
                "ours": s["f1"], "our_data": f"{data}, n={s['n_gold']}",
                "published": "; ".join(f"{sy} {v:.3f}" for _, sy, _, v in published),
                "published_data": "; ".join(sorted({d for _, _, d, _ in published})),
                "note": f"P {s['precision']:.3f} R {s['recall']:.3f}"})
        s = result.score(kind, "overlap")
        for attr, label in (("value", "value accuracy"), ("unit", "unit accuracy"),
                            ("normalized", "normalized value accuracy"), ("type", "type accuracy"),
                            ("speaker", "speaker accuracy")):
            acc = s.get(f"{attr}_accuracy") if s else None
            if acc is None or acc != acc:  # None or NaN
                continue
            published = [p for p in PUBLISHED.get(area, []) if p[0] == label]
            rows.append({"area": area, "metric": f"{label} (matched pairs)", "ours": acc,
                         "our_data": f"{data}, n={s['matched']}",
                         "published": "; ".join(f"{sy} {v:.3f}" for _, sy, _, v in published),
                         "published_data": "; ".join(sorted({d for _, _, d, _ in published})),
                         "note": ""})
    return rows, note


def seed_evaluation() -> tuple[list[dict], str]:
    return gold_evaluation(GOLD, CORPUS, RESULTS / "seed-evaluation",
                           "seed gold (developed on it)")


def heldout_evaluation() -> tuple[list[dict], str]:
    """The held-out BBC articles (texts from ../shared, reference dates from gold/heldout)."""
    bbc = ROOT.parent / "shared" / "data" / "bbc-news"
    meta = GOLD / "heldout" / "metadata.csv"
    if not bbc.is_dir():
        return [], f"skipped: {bbc} not found"
    with tempfile.TemporaryDirectory() as tmp:
        with meta.open(encoding="utf-8", newline="") as f:
            paths = {row["doc_id"]: row["path"] for row in csv.DictReader(f)}
        for doc_id, rel in paths.items():
            (Path(tmp) / f"{doc_id}.txt").write_bytes((bbc / rel).read_bytes())
        (Path(tmp) / "metadata.csv").write_bytes(meta.read_bytes())
        return gold_evaluation(GOLD / "heldout", Path(tmp), RESULTS / "heldout-evaluation",
                               "held-out gold (BBC News)")


# ---------------------------------------------------------------- output

def _fmt(v) -> str:
    return "" if v is None else f"{v:.3f}"


def to_markdown(rows: list[dict], notes: list[str]) -> str:
    lines = ["Our figures beside published ones (`python bench/accuracy.py`). *Held-out gold*: BBC "
             "articles annotated by hand that no component was developed on (`gold/heldout/`), "
             "the figures to quote; *seed gold*: the bundled article the components were developed "
             "on, a check of documented behaviour. Strict match: same span and label; overlap: "
             "overlapping spans, same label, one to one.", "",
             "| area | metric | ours | our data | published | published data | note |",
             "|---|---|---:|---|---|---|---|"]
    for r in rows:
        note = re.sub(r"(^|; )(from bench/results/[^\s;]+|ran bench/[^\s;]+ in \d+s|key [^\s;]+)", "", r["note"])
        note = note.strip("; ")
        lines.append(f"| {r['area']} | {r['metric']} | {_fmt(r['ours']) or 'n/a'} | {r['our_data']} "
                     f"| {r['published']} | {r['published_data']} | {note} |")
    lines.append("")
    lines.append("Notes:")
    lines.extend(f"- {n}" for n in notes)
    lines.append("")
    lines.append("Published figures come from other data sets (see the data columns): a yardstick, "
                 "not a like-for-like comparison. The seed gold is one article.")
    return "\n".join(lines) + "\n"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def run(cached: bool = False, seed: bool = True) -> dict:
    rows: list[dict] = []
    notes: list[str] = []
    benches = {}
    for name in BENCHMARKS:
        result, note = run_benchmark(name, cached)
        benches[name] = note
        notes.append(f"{name}: {note}")
        rows.extend(rows_for_benchmark(name, result, note))
    if seed:
        for name, fn in (("held-out gold", heldout_evaluation), ("seed gold", seed_evaluation)):
            gold_rows, note = fn()
            rows.extend(gold_rows)
            notes.append(f"{name}: {note}")
    for area in ("entities",):
        if not any(r["area"] == area for r in rows):
            rows.append({"area": area, "metric": "F1", "ours": None, "our_data": "",
                         "published": "; ".join(f"{s} {v:.3f}" for _, s, _, v in PUBLISHED[area]),
                         "published_data": "OntoNotes 5.0", "note": "no entity benchmark"})
    order = {"entities": 0, "quantities": 1, "dates": 2, "quotes": 3}
    rows.sort(key=lambda r: order.get(r["area"], 9))
    return {"rows": rows, "notes": notes, "benchmarks": benches}


def write(out: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    _write_atomic(RESULTS / "accuracy.md", to_markdown(out["rows"], out["notes"]))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS)
    w.writeheader()
    w.writerows(out["rows"])
    _write_atomic(RESULTS / "accuracy.csv", buf.getvalue())
    _write_atomic(RESULTS / "accuracy.json", json.dumps(out, indent=2, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cached", action="store_true",
                    help="reuse bench/results/<name>.json instead of running that benchmark")
    ap.add_argument("--no-gold", dest="no_seed", action="store_true",
                    help="skip the seed and held-out gold evaluations")
    args = ap.parse_args(argv)
    out = run(cached=args.cached, seed=not args.no_seed)
    write(out)
    print(to_markdown(out["rows"], out["notes"]))
    print(f"wrote {RESULTS.relative_to(ROOT)}/accuracy.md, accuracy.csv, accuracy.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
