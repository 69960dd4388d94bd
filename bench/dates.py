"""Dates benchmark: TimeML (TimeBank + AQUAINT, TempEval-3 training data) scored like TempEval-3.

For every document the pipeline runs on the plain text with the document creation time as
the reference date. Figures, as the TempEval-3 scorer reports them:

* relaxed P/R/F1: a predicted expression overlapping a gold TIMEX3 (one to one);
* strict P/R/F1: the exact same extent;
* type accuracy: share of relaxed matches with the gold type (DATE/TIME/DURATION/SET);
* value P/R/F1: relaxed matches with the gold value counted as hits.

Run: ``python bench/dates.py [--data ../shared/data/timeml] [--subset TimeBank|AQUAINT] [--limit N]``.
Figures are given for all documents and per subset (TimeBank is the development half,
AQUAINT the held-out half).
Writes ``bench/results/dates.json``.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from extract import schema

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "timeml"
RESULTS = ROOT / "bench" / "results" / "dates.json"
PUBLISHED = {  # TempEval-3 test set (UzZaman et al. 2013)
    "HeidelTime": {"relaxed_f1": 0.903, "strict_f1": 0.813, "value_f1": 0.776},
    "SUTime": {"relaxed_f1": 0.903, "strict_f1": 0.796, "value_f1": 0.674},
}


def _load_pipeline():
    from extract.pipeline import build_pipeline
    try:
        return build_pipeline(), "full"
    except Exception:  # other components not importable yet: dates alone after ner
        return build_pipeline(extractors=["dates"]), "dates-only"


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _score(docs, sdocs, errors: bool, drop_sources: tuple[str, ...] = ()) -> dict:
    from extract import schema
    from extract.scoring import Span, match_spans

    n_gold = n_pred = 0
    relaxed_tp = strict_tp = type_ok = value_ok = 0
    by_source: collections.Counter = collections.Counter()
    misses: list[dict] = []
    for d, sdoc in zip(docs, sdocs):
        gold = [Span(t.start, t.end, "", t) for t in d.timexes]
        pred = [Span(r["start_char"], r["end_char"], "", r) for r in (sdoc._.get(schema.DATE.extension) or [])
                if r["source"] not in drop_sources]
        n_gold += len(gold)
        n_pred += len(pred)
        strict_tp += len(match_spans(gold, pred, "strict", labels=False).pairs)
        relaxed = match_spans(gold, pred, "overlap", labels=False)
        relaxed_tp += len(relaxed.pairs)
        for g, p in relaxed.pairs:
            type_ok += g.data.type == p.data["type"]
            hit = g.data.value == p.data["normalized"]
            value_ok += hit
            by_source[(p.data["source"], "value_ok" if hit else "value_bad")] += 1
            if errors and not hit:
                misses.append({"doc": d.doc_id, "subset": Path(d.path).parent.name, "kind": "value", "gold": g.data.text, "gold_value": g.data.value,
                               "gold_type": g.data.type, "pred": p.data["text"], "pred_value": p.data["normalized"],
                               "pred_type": p.data["type"], "source": p.data["source"], "dct": d.dct})
        for p in relaxed.false_positives:
            by_source[(p.data["source"], "fp")] += 1
            if errors:
                misses.append({"doc": d.doc_id, "subset": Path(d.path).parent.name, "kind": "fp", "pred": p.data["text"], "source": p.data["source"],
                               "context": d.text[max(0, p.start - 40):p.end + 40]})
        if errors:
            for g in relaxed.false_negatives:
                misses.append({"doc": d.doc_id, "subset": Path(d.path).parent.name, "kind": "fn", "gold": g.data.text, "gold_value": g.data.value,
                               "context": d.text[max(0, g.start - 40):g.end + 40]})
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "relaxed": _prf(relaxed_tp, n_pred, n_gold),
        "strict": _prf(strict_tp, n_pred, n_gold),
        "type_accuracy": round(type_ok / relaxed_tp, 4) if relaxed_tp else 0.0,
        "value": _prf(value_ok, n_pred, n_gold),
        "by_source": {f"{s}/{k}": v for (s, k), v in sorted(by_source.items())},
        "errors": misses,
    }


SUBSETS = ("TimeBank", "AQUAINT")


def _brief(s: dict) -> dict:
    return {"gold": s["gold"], "predicted": s["predicted"], "relaxed": s["relaxed"], "strict": s["strict"],
            "type_accuracy": s["type_accuracy"], "value": s["value"]}


def run(data: str | Path = DEFAULT_DATA, limit: int | None = None, errors: bool = False,
        subset: str | None = None) -> dict:
    """Score the pipeline's dates on the TimeML documents under ``data`` (one ``subset`` or all).

    ``result["subsets"]`` holds the figures of each subset scored.
    """
    from extract.readers.timeml import iter_timeml

    if subset is not None and subset not in SUBSETS:
        raise ValueError(f"unknown subset {subset!r}; allowed: {', '.join(SUBSETS)}")
    subsets = (subset,) if subset else SUBSETS
    docs = [(name, d) for name in subsets for d in list(iter_timeml(data, (name,)))[:limit]]
    names = [name for name, _ in docs]
    docs = [d for _, d in docs]
    nlp, mode = _load_pipeline()
    t0 = time.perf_counter()
    sdocs = []
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.set(schema.REFERENCE_DATE_EXTENSION, d.dct)
        doc._.set(schema.DOC_ID_EXTENSION, d.doc_id)
        sdocs.append(doc)
    sdocs = list(nlp.pipe(sdocs, batch_size=32))
    seconds = time.perf_counter() - t0
    scores = _score(docs, sdocs, errors)
    without_ages = _score(docs, sdocs, False, drop_sources=("rule:age",))
    n_tokens = sum(len(s) for s in sdocs)
    misses = scores.pop("errors")
    without_ages.pop("errors")
    without_ages.pop("by_source")
    per_subset = {}
    for name in subsets:
        idx = [i for i, n in enumerate(names) if n == name]
        per_subset[name] = {"documents": len(idx),
                            **_brief(_score([docs[i] for i in idx], [sdocs[i] for i in idx], False))}
    result = {
        "data": str(data),
        "subset": subset or "all",
        "documents": len(docs),
        "pipeline": mode,
        **scores,
        # TimeML leaves ages ("a 6-year-old") unannotated; our convention records them
        "without_ages": without_ages,
        "subsets": per_subset,
        "seconds": round(seconds, 2),
        "tokens": n_tokens,
        "published": PUBLISHED,
    }
    if errors:
        result["errors"] = misses
    return result


def speed(data: str | Path = ROOT.parent / "shared" / "data" / "bbc-news", n_docs: int = 200) -> dict:
    """Throughput on BBC articles: bare model, full pipeline, and the dates component alone.

    Times are this process's CPU time (``time.process_time``), so other work on the machine
    does not distort the comparison.
    """
    import spacy

    from extract.dates import find_dates
    from extract.pipeline import DEFAULT_MODEL

    paths = sorted(Path(data).glob("*/*.txt"))
    step = max(1, len(paths) // n_docs)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths[::step][:n_docs]]
    bare = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    full, mode = _load_pipeline()
    list(bare.pipe(texts[:5]))
    list(full.pipe(texts[:5]))
    t0 = time.process_time()
    list(bare.pipe(texts))
    t_bare = time.process_time() - t0
    docs = []
    for text in texts:
        doc = full.make_doc(text)
        doc._.set(schema.REFERENCE_DATE_EXTENSION, "2005-01-01")
        docs.append(doc)
    t0 = time.process_time()
    docs = list(full.pipe(docs))
    t_full = time.process_time() - t0
    t0 = time.process_time()
    for doc in docs:
        find_dates(doc, "2005-01-01")
    t_dates = time.process_time() - t0
    words = sum(len(d) for d in docs)
    return {
        "documents": len(texts), "tokens": words, "pipeline": mode,
        "bare_model_seconds": round(t_bare, 2), "full_pipeline_seconds": round(t_full, 2),
        "dates_component_seconds": round(t_dates, 3),
        "full_vs_bare_throughput": round(t_bare / t_full, 3),
        "dates_share_of_bare": round(t_dates / t_bare, 4),
        "dates_ms_per_doc": round(1000 * t_dates / len(texts), 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="folder with TimeBank/ and AQUAINT/")
    ap.add_argument("--subset", choices=SUBSETS, default=None, help="score one subset only (default: both)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents of each subset")
    ap.add_argument("--errors", default=None, help="also write every miss to this JSONL file")
    ap.add_argument("--no-speed", action="store_true", help="skip the BBC throughput measurement")
    args = ap.parse_args(argv)
    if not Path(args.data).is_dir():
        print(f"no TimeML data at {args.data}", file=sys.stderr)
        return 2
    res = run(args.data, args.limit, errors=bool(args.errors), subset=args.subset)
    bbc = ROOT.parent / "shared" / "data" / "bbc-news"
    if bbc.is_dir() and not args.no_speed:
        res["speed_bbc"] = speed(bbc)
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in res.pop("errors"):
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"TimeML dates: {res['documents']} documents, {res['gold']} gold TIMEX3, "
          f"{res['predicted']} predicted ({res['pipeline']} pipeline, {res['seconds']} s)")
    print(f"{'system':<12} {'relaxed P':>9} {'R':>6} {'F1':>6} {'strict F1':>10} {'type acc':>9} {'value F1':>9}")
    print(f"{'extract':<12} {res['relaxed']['precision']:>9.3f} {res['relaxed']['recall']:>6.3f} "
          f"{res['relaxed']['f1']:>6.3f} {res['strict']['f1']:>10.3f} {res['type_accuracy']:>9.3f} "
          f"{res['value']['f1']:>9.3f}")
    wa = res["without_ages"]
    print(f"{'(no ages)':<12} {wa['relaxed']['precision']:>9.3f} {wa['relaxed']['recall']:>6.3f} "
          f"{wa['relaxed']['f1']:>6.3f} {wa['strict']['f1']:>10.3f} {wa['type_accuracy']:>9.3f} "
          f"{wa['value']['f1']:>9.3f}")
    for name, sub in res["subsets"].items():
        print(f"{name:<12} {sub['relaxed']['precision']:>9.3f} {sub['relaxed']['recall']:>6.3f} "
              f"{sub['relaxed']['f1']:>6.3f} {sub['strict']['f1']:>10.3f} {sub['type_accuracy']:>9.3f} "
              f"{sub['value']['f1']:>9.3f}")
    for name, pub in PUBLISHED.items():
        print(f"{name:<12} {'':>9} {'':>6} {pub['relaxed_f1']:>6.3f} {pub['strict_f1']:>10.3f} {'':>9} "
              f"{pub['value_f1']:>9.3f}")
    if "speed_bbc" in res:
        sp = res["speed_bbc"]
        print(f"speed on {sp['documents']} BBC articles ({sp['tokens']} tokens): bare model {sp['bare_model_seconds']} s, "
              f"full pipeline {sp['full_pipeline_seconds']} s ({sp['full_vs_bare_throughput']}x bare throughput), "
              f"dates component {sp['dates_component_seconds']} s ({sp['dates_ms_per_doc']} ms/doc, "
              f"{100 * sp['dates_share_of_bare']:.1f}% of the bare model's time)")
    out = RESULTS if not args.subset and not args.limit else RESULTS.with_name(
        f"dates-{args.subset or 'all'}{'-limit' if args.limit else ''}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
