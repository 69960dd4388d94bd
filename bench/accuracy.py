"""Every accuracy benchmark in one table: our figures beside the published ones.

Runs ``bench/quantities.py``, ``bench/dates.py`` and ``bench/quotes.py`` (their ``run()``;
one that is missing or fails is skipped with a note) and the evaluation of the pipeline
on the hand-annotated seed gold (``gold/``), then writes

* ``bench/results/accuracy.md``  - the table for the README,
* ``bench/results/accuracy.csv`` - the same rows, one per metric,
* ``bench/results/accuracy.json``,
* ``bench/results/seed-evaluation/``, ``heldout-evaluation/``, ``fresh-evaluation/``,
  ``fresh2-evaluation/`` to ``fresh14-evaluation/`` - metrics.csv and errors.csv of the gold
  evaluations (the held-out BBC articles need ../shared/data/bbc-news; ``gold/heldout-fresh`` to
  ``heldout-fresh14`` annotate entities only, so only entities are scored on them;
  ``heldout-fresh`` to ``heldout-fresh10`` became development sets when their errors were read for
  the entity rules (the ninth and tenth for round 14); the eleventh to fifteenth are held out),
* ``bench/results/entities.md`` / ``entities.csv`` - entity P/R/F1 per label, strict and
  overlap, on each gold set, the spaCy model alone beside the model with our entity rules, and
  the held-out sets pooled (counts summed, so the larger sets weigh more),
* the figures between ``<!-- accuracy:figures:start -->`` and ``<!-- accuracy:figures:end -->``
  in README.md and gold/README.md (one generated block, so the two cannot disagree).

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
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
GOLD = ROOT / "gold"
CORPUS = ROOT / "corpus"
BBC = ROOT.parent / "shared" / "data" / "bbc-news"
ALL_KINDS = ("entity", "quantity", "date", "quote")
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
    """The pipeline with every extractor; no names of missing ones (all are in the package)."""
    from extract.pipeline import build_pipeline

    return build_pipeline(), []


def gold_evaluation(gold: Path | list[dict], corpus_dir: Path, out_dir: Path, data: str,
                    kinds: tuple[str, ...] = ALL_KINDS) -> tuple[list[dict], str]:
    """Run the pipeline on ``corpus_dir`` and score it against ``gold`` (only ``kinds``: a
    gold set that annotates some kinds only is scored on those); rows for the table."""
    from extract.evaluate import evaluate
    from extract.runner import run

    try:
        nlp, missing = _seed_pipeline()
        with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            run([corpus_dir], tmp, nlp=nlp)
            seconds = time.perf_counter() - t0
            result = evaluate(gold, tmp, out_dir, corpus_dir=corpus_dir, kinds=kinds)
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
        if kind not in kinds:
            continue
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


@dataclass(frozen=True)
class GoldSet:
    """A hand-annotated gold set: its folder or file, where its texts are, and what it annotates."""

    name: str
    gold: Path
    data: str
    out: str
    kinds: tuple[str, ...] = ALL_KINDS
    bbc: bool = True  # texts from ../shared/data/bbc-news by gold/<set>/metadata.csv, else corpus/
    files: str = "bbc-*.jsonl"  # the gold files of the set in its folder (other files there are not its)

    def records(self) -> list[dict]:
        from extract.gold import read_gold

        return [r for path in sorted(self.gold.glob(self.files)) for r in read_gold(path)]


#: the entity gold sets that are held out now (no rule was written from their errors); the figures
#: block shows them pooled (their tp, gold and predicted counts summed) as HELD_OUT_FRESH
HELD_OUT_SETS = ("eleventh fresh held-out gold", "twelfth fresh held-out gold", "thirteenth fresh held-out gold",
                 "fourteenth fresh held-out gold", "fifteenth fresh held-out gold")
HELD_OUT_FRESH = "fresh held-out gold, eleventh to fifteenth pooled"


def _development(ordinal: str, n: str) -> GoldSet:
    """A fresh entity set (gold/heldout-fresh<n>) whose errors were read: a development set."""
    name = f"{ordinal} fresh gold".strip()
    return GoldSet(f"{name} (development)", GOLD / f"heldout-fresh{n}",
                   f"{name}, used for development since its errors were read (BBC News, entities only)",
                   f"fresh{n}-evaluation", kinds=("entity",))


GOLD_SETS = (
    GoldSet("held-out gold", GOLD / "heldout", "held-out gold (BBC News)", "heldout-evaluation"),
    # each fresh set was scored once, then its errors (or error classes) were read for the next
    # round of entity rules: fresh for round 2, fresh2 (commit 7f1996c), fresh3, fresh4 (first
    # scored 0.789) for round 3, fresh5 (0.753) for round 4, fresh6 (0.789; its peers' titles then
    # corrected to the guideline) for round 5, fresh7 (0.825) for round 6, fresh8 (0.857) for round 7;
    # the ninth (0.804) and tenth (0.863), held out through rounds 8 to 13, for round 14
    _development("", ""),
    *(_development(ordinal, str(n)) for n, ordinal in
      enumerate(("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), start=2)),
    # annotated by two annotators on 1-2 December 2026 before any run on it; scored once
    GoldSet("eleventh fresh held-out gold", GOLD / "heldout-fresh11",
            "eleventh fresh held-out gold (BBC News, entities only)", "fresh11-evaluation", kinds=("entity",)),
    # annotated by two annotators on 2 December 2026 before any run on it
    GoldSet("twelfth fresh held-out gold", GOLD / "heldout-fresh12",
            "twelfth fresh held-out gold (BBC News, entities only)", "fresh12-evaluation", kinds=("entity",)),
    GoldSet("thirteenth fresh held-out gold", GOLD / "heldout-fresh13",
            "thirteenth fresh held-out gold (BBC News, entities only)", "fresh13-evaluation", kinds=("entity",)),
    # annotated by two annotators on 2 December 2026 before any run on it; scored before round 13
    GoldSet("fourteenth fresh held-out gold", GOLD / "heldout-fresh14",
            "fourteenth fresh held-out gold (BBC News, entities only)", "fresh14-evaluation", kinds=("entity",)),
    # annotated by two annotators on 2 December 2026 before any run on it, for round 14
    GoldSet("fifteenth fresh held-out gold", GOLD / "heldout-fresh15",
            "fifteenth fresh held-out gold (BBC News, entities only)", "fresh15-evaluation", kinds=("entity",)),
    GoldSet("seed gold", GOLD, "seed gold (developed on it)", "seed-evaluation", bbc=False,
            files="zhejiang-open-for-science-business.jsonl"),
)


@contextmanager
def texts_of(gold_set: GoldSet):
    """A folder holding the set's articles as <doc_id>.txt (and its metadata.csv)."""
    if not gold_set.bbc:
        yield CORPUS
        return
    if not BBC.is_dir():
        raise FileNotFoundError(f"{BBC} not found")
    meta = gold_set.gold / "metadata.csv"
    with tempfile.TemporaryDirectory() as tmp, meta.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            (Path(tmp) / f"{row['doc_id']}.txt").write_bytes((BBC / row["path"]).read_bytes())
        (Path(tmp) / "metadata.csv").write_bytes(meta.read_bytes())
        yield Path(tmp)


def set_evaluation(gold_set: GoldSet) -> tuple[list[dict], str]:
    try:
        with texts_of(gold_set) as corpus_dir:
            return gold_evaluation(gold_set.records(), corpus_dir, RESULTS / gold_set.out, gold_set.data,
                                   gold_set.kinds)
    except FileNotFoundError as exc:
        return [], f"skipped: {exc}"


# ---------------------------------------------------------------- entities: the model alone and with rules

def _entity_pipeline(rules: bool, model: str | None = None):
    """The model with our entity component, or (``rules=False``) with a pass-through in its
    place that writes the model's own entity spans as records. ``model``: any installed English
    spaCy pipeline or its folder (default: the pipeline's default model)."""
    from spacy.language import Language

    from extract import schema
    from extract.entities import find_entities
    from extract.pipeline import build_pipeline

    nlp = build_pipeline(model, extractors=["entities"])
    if rules:
        return nlp
    if not Language.has_factory("bench_model_entities"):
        @Language.component("bench_model_entities")
        def model_entities(doc):
            doc._.set(schema.ENTITY.extension, find_entities(doc))
            return doc
    nlp.replace_pipe(schema.ENTITY.factory, "bench_model_entities")
    return nlp


ENTITY_COLUMNS = ["set", "system", "label", "scheme", "n_gold", "n_pred", "tp", "precision", "recall", "f1"]
SYSTEMS = (("model alone", False), ("with rules", True))


def entity_comparison(model: str | None = None) -> tuple[list[dict], list[str]]:
    """Entity P/R/F1 per label and scheme on every gold set, the model alone and with rules."""
    from extract.evaluate import ALL, evaluate
    from extract.runner import run

    rows, notes = [], []
    from extract.pipeline import model_name

    pipelines = {system: _entity_pipeline(rules, model) for system, rules in SYSTEMS}
    notes.append(f"entities: model {model_name(pipelines['with rules'])}")
    for gold_set in GOLD_SETS:
        try:
            with texts_of(gold_set) as corpus_dir, warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for system, _ in SYSTEMS:
                    with tempfile.TemporaryDirectory() as tmp:
                        run([corpus_dir], tmp, nlp=pipelines[system])
                        result = evaluate(gold_set.records(), tmp, corpus_dir=corpus_dir, kinds=("entity",))
                    m = result.metrics
                    m = m[(m.doc_id == ALL) & (m.kind == "entity")]
                    for r in m.to_dict("records"):
                        rows.append({"set": gold_set.name, "system": system, "label": r["label"],
                                     "scheme": r["scheme"], "n_gold": int(r["n_gold"]),
                                     "n_pred": int(r["n_pred"]), "tp": int(r["tp"]),
                                     "precision": round(float(r["precision"]), 4),
                                     "recall": round(float(r["recall"]), 4), "f1": round(float(r["f1"]), 4)})
        except FileNotFoundError as exc:
            notes.append(f"{gold_set.name}: skipped ({exc})")
    return rows + pooled_rows(rows, HELD_OUT_SETS, HELD_OUT_FRESH), notes


def pooled_rows(rows: list[dict], sets: tuple[str, ...], name: str) -> list[dict]:
    """Rows for ``name``: the counts of ``sets`` summed per system, label and scheme, and P/R/F1
    recomputed from the sums (a micro average; none when a set is missing from ``rows``)."""
    if not set(sets) <= {r["set"] for r in rows}:
        return []
    sums: dict[tuple, list[int]] = {}
    for r in rows:
        if r["set"] in sets:
            acc = sums.setdefault((r["system"], r["label"], r["scheme"]), [0, 0, 0])
            for i, k in enumerate(("n_gold", "n_pred", "tp")):
                acc[i] += int(r[k])
    out = []
    for (system, label, scheme), (n_gold, n_pred, tp) in sums.items():
        p = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0
        out.append({"set": name, "system": system, "label": label, "scheme": scheme, "n_gold": n_gold,
                    "n_pred": n_pred, "tp": tp, "precision": round(p, 4), "recall": round(rec, 4),
                    "f1": round(f1, 4)})
    return out


def _entity_score(rows: list[dict], set_name: str, system: str, scheme: str, label: str = "ALL") -> dict:
    for r in rows:
        if (r["set"], r["system"], r["scheme"], r["label"]) == (set_name, system, scheme, label):
            return r
    return {}


def entities_markdown(rows: list[dict], notes: list[str]) -> str:
    lines = ["Entity figures (`python bench/accuracy.py`): strict match (same span and label) and "
             "overlap match (overlapping spans, same label, one to one), the spaCy model alone "
             "(`doc.ents` as the model gives them) beside the model with our entity rules "
             "(`extract_entities`).", ""]
    sets = list(dict.fromkeys(r["set"] for r in rows))
    for set_name in sets:
        total = _entity_score(rows, set_name, "with rules", "strict")
        lines += [f"### {set_name} (n={total.get('n_gold', '?')})", "",
                  "| label | n | model strict F1 | rules strict P | rules strict R | rules strict F1 "
                  "| model overlap F1 | rules overlap F1 |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        labels = sorted({r["label"] for r in rows if r["set"] == set_name},
                        key=lambda lab: (lab != "ALL", -_entity_score(rows, set_name, "with rules", "strict",
                                                                      lab).get("n_gold", 0), lab))
        for lab in labels:
            ms, rs = (_entity_score(rows, set_name, s, "strict", lab) for s in ("model alone", "with rules"))
            mo, ro = (_entity_score(rows, set_name, s, "overlap", lab) for s in ("model alone", "with rules"))
            n = rs.get("n_gold", ms.get("n_gold", 0))
            lines.append(f"| {lab} | {n} | {_fmt(ms.get('f1'))} | {_fmt(rs.get('precision'))} | "
                         f"{_fmt(rs.get('recall'))} | {_fmt(rs.get('f1'))} | {_fmt(mo.get('f1'))} | "
                         f"{_fmt(ro.get('f1'))} |")
        lines.append("")
    lines += [f"- {n}" for n in notes]
    return "\n".join(lines).rstrip() + "\n"


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
    entity_rows: list[dict] = []
    if seed:
        for gold_set in GOLD_SETS:
            gold_rows, note = set_evaluation(gold_set)
            rows.extend(gold_rows)
            notes.append(f"{gold_set.name}: {note}")
        entity_rows, entity_notes = entity_comparison()
        notes.extend(entity_notes)
    for area in ("entities",):
        if not any(r["area"] == area for r in rows):
            rows.append({"area": area, "metric": "F1", "ours": None, "our_data": "",
                         "published": "; ".join(f"{s} {v:.3f}" for _, s, _, v in PUBLISHED[area]),
                         "published_data": "OntoNotes 5.0", "note": "no entity benchmark"})
    order = {"entities": 0, "quantities": 1, "dates": 2, "quotes": 3}
    rows.sort(key=lambda r: order.get(r["area"], 9))
    return {"rows": rows, "notes": notes, "benchmarks": benches, "entities": entity_rows}


FIGURE_FILES = (ROOT / "README.md", GOLD / "README.md")
MARK_START, MARK_END = "<!-- accuracy:figures:start -->", "<!-- accuracy:figures:end -->"


def _gold_row(rows: list[dict], area: str, data: str, metric: str) -> dict:
    for r in rows:
        if r["area"] == area and r["metric"] == metric and str(r["our_data"]).startswith(data):
            return r
    return {}


def _n(row: dict) -> str:
    m = re.search(r"n=(\d+)", str(row.get("our_data", "")))
    return m.group(1) if m else "?"


def figures_block(out: dict, when: str) -> str:
    """The figures README.md and gold/README.md show, from this run's rows (one source)."""
    rows, ents = out["rows"], out.get("entities") or []
    lines = [f"Generated by `python bench/accuracy.py` ({when}); edit that script, not this block.", "",
             f"| kind | held-out strict F1 | held-out overlap F1 | {HELD_OUT_FRESH} strict F1 (overlap) "
             "| seed strict F1 | attributes (held-out, matched pairs) |",
             "|---|---:|---:|---:|---:|---|"]
    for area in ("entities", "quantities", "dates", "quotes"):
        strict_m, overlap_m = (("strict F1", "relaxed F1") if area == "dates"
                               else ("F1 (strict match)", "F1 (overlap match)"))
        hs, ho = (_gold_row(rows, area, "held-out gold", m) for m in (strict_m, overlap_m))
        fs, fo = ({"ours": _entity_score(ents, HELD_OUT_FRESH, "with rules", sc).get("f1"),
                   "our_data": f"n={_entity_score(ents, HELD_OUT_FRESH, 'with rules', sc).get('n_gold')}"}
                  if area == "entities" and _entity_score(ents, HELD_OUT_FRESH, "with rules", sc) else {}
                  for sc in ("strict", "overlap"))
        ss = _gold_row(rows, area, "seed gold", strict_m)
        attrs = ", ".join(f"{r['metric'].split(' (')[0].replace(' accuracy', '')} {_fmt(r['ours'])}"
                          for r in rows if r["area"] == area and "(matched pairs)" in r["metric"]
                          and str(r["our_data"]).startswith("held-out gold"))
        held = f"{_fmt(hs.get('ours'))} ({hs.get('note', '')}, n={_n(hs)})" if hs else "n/a"
        fresh = f"{_fmt(fs.get('ours'))} ({_fmt(fo.get('ours'))}), n={_n(fs)}" if fs else "-"
        lines.append(f"| {area} | {held} | {_fmt(ho.get('ours')) or 'n/a'} | {fresh} "
                     f"| {_fmt(ss.get('ours')) or 'n/a'} | {attrs or '-'} |")
    if ents:
        lines += ["", "Entities, the spaCy model alone and with our entity rules (per label: "
                  "[bench/results/entities.md](bench/results/entities.md)):", "",
                  "| gold set | n | model alone strict F1 | with rules strict F1 (P, R) "
                  "| model alone overlap F1 | with rules overlap F1 |",
                  "|---|---:|---:|---:|---:|---:|"]
        for set_name in dict.fromkeys(r["set"] for r in ents):
            ms, rs, mo, ro = (_entity_score(ents, set_name, sy, sc) for sc in ("strict", "overlap")
                              for sy in ("model alone", "with rules"))
            lines.append(f"| {set_name} | {rs.get('n_gold', '?')} | {_fmt(ms.get('f1'))} | "
                         f"{_fmt(rs.get('f1'))} (P {_fmt(rs.get('precision'))}, R {_fmt(rs.get('recall'))}) | "
                         f"{_fmt(mo.get('f1'))} | {_fmt(ro.get('f1'))} |")
    return "\n".join(lines) + "\n"


def write_figures(block: str, paths=FIGURE_FILES) -> list[str]:
    """Put ``block`` between the markers of each file; the files without markers are named."""
    missing = []
    for path in paths:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if MARK_START not in text or MARK_END not in text:
            missing.append(str(path.relative_to(ROOT)))
            continue
        head, rest = text.split(MARK_START, 1)
        _, tail = rest.split(MARK_END, 1)
        body = block
        if path.parent != ROOT:  # links in the block are relative to the repository root
            body = block.replace("](bench/", "](../bench/")
        _write_atomic(path, f"{head}{MARK_START}\n{body}{MARK_END}{tail}")
    return missing


def _csv_text(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns)
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write(out: dict, figures: bool = True) -> list[str]:
    """Write bench/results (and, with ``figures``, the README blocks); the files left alone."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    _write_atomic(RESULTS / "accuracy.md", to_markdown(out["rows"], out["notes"]))
    _write_atomic(RESULTS / "accuracy.csv", _csv_text(out["rows"], COLUMNS))
    _write_atomic(RESULTS / "accuracy.json", json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    if out.get("entities"):
        _write_atomic(RESULTS / "entities.md", entities_markdown(out["entities"], []))
        _write_atomic(RESULTS / "entities.csv", _csv_text(out["entities"], ENTITY_COLUMNS))
    if not figures:
        return []
    when = datetime.now(timezone.utc).strftime("%d %b %Y, %H:%M UTC")
    return write_figures(figures_block(out, when))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cached", action="store_true",
                    help="reuse bench/results/<name>.json instead of running that benchmark")
    ap.add_argument("--no-gold", dest="no_seed", action="store_true",
                    help="skip the seed and held-out gold evaluations")
    ap.add_argument("--entities", action="store_true",
                    help="only the entity comparison (model alone / with rules on every gold set); "
                         "prints it and writes nothing")
    ap.add_argument("--model", default=None,
                    help="with --entities: the spaCy pipeline to compare (an installed package's name "
                         "or a model folder; default: the pipeline's default model)")
    args = ap.parse_args(argv)
    if args.model and not args.entities:
        ap.error("--model goes with --entities (the figures in the README are the default model's)")
    if args.entities:
        rows, notes = entity_comparison(args.model)
        print(entities_markdown(rows, notes))
        return 0
    out = run(cached=args.cached, seed=not args.no_seed)
    missing = write(out, figures=not args.no_seed)
    print(to_markdown(out["rows"], out["notes"]))
    print(f"wrote {RESULTS.relative_to(ROOT)}/accuracy.md, accuracy.csv, accuracy.json, entities.md, entities.csv")
    for path in missing:
        print(f"no {MARK_START} ... {MARK_END} markers in {path}: its figures were not updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
