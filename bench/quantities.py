"""Quantities benchmark: value F1 and value+unit F1 on the shared quantity sets, and the
component's speed on BBC News articles.

    python bench/quantities.py [--shared ../shared] [--articles 200] [--split dev|heldout|all] [--errors]

Sets (``../shared/data/quantities``): quantulum3's English test cases and the Microsoft
Recognizers-Text sets (age, currency, dimension, temperature) as formatted by CQE.

Matching, per sentence, one to one: a prediction and a gold quantity pair when their
values agree (relative tolerance 1%, so "one-third" = 0.33); a predicted range pairs with
a gold value equal to its low end, high end or midpoint (quantulum3 writes a range as its
midpoint) or with the same gold range. value+unit counts a pair only when the units agree
too, through ``extract.readers.quantity_sets.UNIT_NAMES`` (our unit -> the data sets'
names); a plain count (unit "") agrees with the data sets' dimensionless names ("-",
"count", "dimensionless") or with a counted-noun unit whose last word is our
``unit_noun`` ("fighter jets" ~ "fighter jet"). Pairs are chosen value-and-unit first.

quantulum3 is also scored in two halves, ``quantulum3/dev`` (even 0-based index in the
file) and ``quantulum3/heldout`` (odd index): rules are developed by reading the errors of
the dev half only (``--split dev --errors``); the held-out half is the figure to trust.
``--split`` chooses which quantulum3 rows are printed and whose errors ``--errors`` lists.

``bbc-heldout``: hand-annotated sentences of BBC sport and business articles that no rule was
written from (``gold/heldout/sentences/quantities-bbc.jsonl``, standoff; the articles are read
from ``../shared/data/bbc-news``). Each whole article goes through the pipeline as ``extract run``
does (cleaned text, offsets mapped back to the raw text); a sentence's predictions are the
records inside its span. Units are compared exactly (both sides use our canonical units, ""
for counts); ordinals are scored.

Two rows per set:
* ``quantities``: exactly what the pipeline writes to ``quantities.csv``;
* ``+dates-owned``: also the numbers the pipeline hands to the dates component (years,
  durations, ages: our convention, see docs/ARCHITECTURE.md), valued by the same finder
  (``find_quantities(doc, include_dates=True)`` restricted to the date records' spans).
  The data sets count "three days", "five years old" and "1979" as quantities; we do not.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from extract import schema

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "quantities.json"
PUBLISHED = {"CQE (NewsQuant) value+unit F1": 85.6, "quantulum3 (NewsQuant) value+unit F1": 47.2}


def _pipeline():
    from extract.pipeline import EXTRACTORS, build_pipeline

    return build_pipeline(), list(EXTRACTORS)


def _singular(word: str) -> str:
    w = word.lower().strip()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _names(unit: str) -> set[str]:
    from extract.readers.quantity_sets import UNIT_NAMES

    names = {n.lower() for n in UNIT_NAMES.get(unit, ())}
    names.add(unit.lower())
    return names


def unit_agrees(pred: dict, gold_unit: str) -> bool:
    g = gold_unit.lower().strip()
    u = pred["unit"]
    if u == "":
        if g in _names(""):
            return True
        noun = pred.get("unit_noun") or ""
        return bool(noun) and _singular(g.split()[-1]) == _singular(noun)
    if " per " in u:
        num, den = u.split(" per ", 1)
        if " per " in g:
            gnum, gden = g.split(" per ", 1)
            return gnum in _names(num) and (_singular(gden) == _singular(den) or gden in _names(den))
        return False
    if " of age" in u:
        return g == u.lower()
    return g in _names(u)


def value_agrees(pred: dict, gold) -> bool:
    def close(a, b):
        return abs(a - b) <= max(1e-9, 0.01 * max(abs(a), abs(b)))

    lo, hi = pred["value"], pred.get("value_max")
    if lo is None:  # left empty: the text allows two readings (see the note column)
        return False
    if gold.value_max is not None:
        return hi is not None and close(lo, gold.value) and close(hi, gold.value_max)
    if hi is None:
        return close(lo, gold.value)
    return close(lo, gold.value) or close(hi, gold.value) or close((lo + hi) / 2, gold.value)


def score_sentence(preds: list[dict], gold: list, exact_units: bool = False) -> tuple[int, int]:
    """(value matches, value+unit matches), one to one, value-and-unit pairs first.
    ``exact_units``: the gold uses our canonical unit names; compare them as they are."""
    used_p, used_g = set(), set()
    vu = 0
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if pi not in used_p and value_agrees(p, g) and (p["unit"] == g.unit if exact_units else unit_agrees(p, g.unit)):
                used_p.add(pi), used_g.add(gi)
                vu += 1
                break
    v = vu
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for pi, p in enumerate(preds):
            if pi not in used_p and value_agrees(p, g):
                used_p.add(pi), used_g.add(gi)
                v += 1
                break
    return v, vu


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _dates_owned(doc, quantities: list[dict]) -> list[dict]:
    from extract.quantities import find_quantities

    recs = doc._.get(schema.DATE.extension)
    spans = ([(r["start_char"], r["end_char"]) for r in recs] if recs is not None
             else [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")])
    if not spans:
        return []
    taken = [(q["start_char"], q["end_char"]) for q in quantities]
    out = []
    for r in find_quantities(doc, include_dates=True):
        s, e = r["start_char"], r["end_char"]
        # amounts of time only (durations, ages): a year is not an amount
        if r["label"] == "DATE" and r["unit"] and any(a < e and s < b for a, b in spans) \
                and not any(a < e and s < b for a, b in taken):
            out.append(r)
    return out


#: the data sets write money in minor units ("50 cents": 50 cent); we write ISO major units
#: (0.5 USD, surface_unit "cents"): their value is divided by the factor and the unit named
#: as the major currency (US news: cents are USD)
MINOR_UNITS = {"cent": (100, "dollar"), "penny": (100, "pound sterling"), "pence": (100, "pound sterling"),
               "dime": (10, "dollar"), "satoshi": (100_000_000, "bitcoin")}


def in_major_units(gold):
    """A gold quantity in a minor unit of money, given in its major unit."""
    first, sep, rest = gold.unit.partition(" per ")
    if first not in MINOR_UNITS:
        return gold
    factor, major = MINOR_UNITS[first]
    vmax = None if gold.value_max is None else gold.value_max / factor
    return type(gold)(gold.value / factor, major + sep + rest, vmax, gold.surface)


def score_set(nlp, sentences) -> dict:
    rows = {"quantities": [0, 0, 0, 0], "+dates-owned": [0, 0, 0, 0]}  # v, vu, n_pred, n_gold
    misses = []
    docs = nlp.pipe([s.text for s in sentences])
    for sent, doc in zip(sentences, docs):
        # neither data set annotates ordinals ("the second Lagrangian point")
        q = [r for r in (doc._.get(schema.QUANTITY.extension) or []) if r["label"] != "ORDINAL"]
        gold = [in_major_units(g) for g in sent.gold]
        for name, preds in (("quantities", q), ("+dates-owned", q + _dates_owned(doc, q))):
            v, vu = score_sentence(preds, gold)
            row = rows[name]
            row[0] += v
            row[1] += vu
            row[2] += len(preds)
            row[3] += len(sent.gold)
            if vu < len(sent.gold) or vu < len(preds):
                misses.append({
                    "row": name,
                    "text": sent.text,
                    "gold": [(g.value if g.value_max is None else f"{g.value}-{g.value_max}", g.unit) for g in sent.gold],
                    "pred": [(p["text"], p["value"], p["value_max"], p["unit"], p["unit_noun"]) for p in preds],
                })
    out = {}
    for name, (v, vu, n_pred, n_gold) in rows.items():
        out[name] = {
            "n_sentences": len(sentences), "n_gold": n_gold, "n_pred": n_pred,
            "value": _prf(v, n_pred, n_gold), "value_unit": _prf(vu, n_pred, n_gold),
        }
    out["errors"] = misses
    return out


def speed(nlp, shared: Path, n_articles: int) -> dict:
    """Seconds for the model alone and for this component alone over ``n_articles`` BBC
    articles (every 11th file, read in place)."""
    from extract.quantities import find_quantities

    files = sorted((shared / "data" / "bbc-news").glob("*/*.txt"))[::11][:n_articles]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    base = [name for name in nlp.pipe_names if not name.startswith("extract_")]
    with nlp.select_pipes(enable=base):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t_model = time.perf_counter() - t0
    for doc in docs:  # what the dates component would leave: fall back to model DATE/TIME
        doc._.set(schema.DATE.extension, None)
    t0 = time.perf_counter()
    n = 0
    for doc in docs:
        n += len(find_quantities(doc))
    t_comp = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    return {
        "articles": len(texts), "tokens": words, "model_seconds": round(t_model, 3),
        "quantities_seconds": round(t_comp, 3),
        "quantities_share_of_model": round(t_comp / t_model, 4) if t_model else None,
        "quantities_found": n,
    }


def score_heldout(nlp, sentences, corpus: Path) -> dict:
    """Value and value+unit P/R/F1 on the hand-annotated BBC sentences (exact unit names)."""
    from extract.text import clean

    by_doc: dict[str, list] = {}
    for sent in sentences:
        by_doc.setdefault(sent.doc, []).append(sent)
    v = vu = n_pred = n_gold = 0
    misses = []
    for doc_path, sents in by_doc.items():
        cleaned = clean((corpus / doc_path).read_text(encoding="utf-8"))
        doc = nlp(cleaned.text)
        recs = []
        for r in doc._.get(schema.QUANTITY.extension) or []:
            s, e = cleaned.to_raw(r["start_char"], r["end_char"])
            recs.append({**r, "start_char": s, "end_char": e})
        for sent in sents:
            preds = [r for r in recs if sent.start_char <= r["start_char"] and r["end_char"] <= sent.end_char]
            sv, svu = score_sentence(preds, sent.gold, exact_units=True)
            v, vu, n_pred, n_gold = v + sv, vu + svu, n_pred + len(preds), n_gold + len(sent.gold)
            if svu < len(sent.gold) or svu < len(preds):
                misses.append({
                    "row": "quantities", "text": f"{sent.doc}:{sent.start_char}-{sent.end_char}",
                    "gold": [(g.value if g.value_max is None else f"{g.value}-{g.value_max}", g.unit) for g in sent.gold],
                    "pred": [(p["start_char"], p["value"], p["value_max"], p["unit"], p["unit_noun"]) for p in preds],
                })
    row = {"n_sentences": len(sentences), "n_gold": n_gold, "n_pred": n_pred,
           "value": _prf(v, n_pred, n_gold), "value_unit": _prf(vu, n_pred, n_gold)}
    return {"quantities": row, "errors": misses}


SPLITS = ("dev", "heldout", "all")


def split(sentences: list, half: str) -> list:
    """The development half (even 0-based index), the held-out half (odd index) or all."""
    if half not in SPLITS:
        raise ValueError(f"split {half!r}; allowed: {', '.join(SPLITS)}")
    return sentences if half == "all" else sentences[(0 if half == "dev" else 1)::2]


def run(shared: str | Path = ROOT.parent / "shared", n_articles: int = 200) -> dict:
    """Scores of every set, quantulum3 also by half (``quantulum3/dev``, ``quantulum3/heldout``),
    and the hand-annotated BBC sentences (``bbc-heldout``)."""
    from extract.readers.quantity_sets import HELDOUT_SENTENCES, read_all, read_heldout_sentences

    shared = Path(shared)
    nlp, extractors = _pipeline()
    sets = read_all(shared / "data" / "quantities")
    results = {"pipeline": nlp.pipe_names, "extractors": extractors, "sets": {}, "published": PUBLISHED}
    for name, sentences in sets.items():
        results["sets"][name] = score_set(nlp, sentences)
        if name == "quantulum3":
            for half in ("dev", "heldout"):
                results["sets"][f"{name}/{half}"] = score_set(nlp, split(sentences, half))
    bbc = shared / "data" / "bbc-news"
    results["sets"]["bbc-heldout"] = score_heldout(
        nlp, read_heldout_sentences(ROOT / "gold" / "heldout" / HELDOUT_SENTENCES, bbc), bbc)
    if n_articles:
        results["speed"] = speed(nlp, shared, n_articles)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (default ../shared)")
    ap.add_argument("--articles", type=int, default=200, help="BBC articles for the speed figure (0: skip)")
    ap.add_argument("--errors", action="store_true",
                    help="print every sentence with a miss or a false hit (not the held-out BBC sentences: "
                         "they are for measuring; use --heldout-errors to read them once a rule is final)")
    ap.add_argument("--heldout-errors", action="store_true", help="print the held-out BBC sentences' errors (offsets, values, units)")
    ap.add_argument("--split", choices=SPLITS, default="all",
                    help="quantulum3 rows to print and list errors of: dev (even index), heldout (odd) or all")
    args = ap.parse_args(argv)
    res = run(args.shared, args.articles)
    shown = {"quantulum3": "quantulum3" if args.split == "all" else f"quantulum3/{args.split}"}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"pipeline: {' '.join(res['pipeline'])}")
    print(f"{'set':<20}{'row':<14}{'gold':>6}{'pred':>6}{'value F1':>10}{'v+unit P':>10}{'v+unit R':>10}{'v+unit F1':>10}")
    for name, r in res["sets"].items():
        if name.startswith("quantulum3") and args.split != "all" and name != shown["quantulum3"]:
            continue
        for row in ("quantities", "+dates-owned"):
            if row not in r:
                continue
            x = r[row]
            print(f"{name:<20}{row:<14}{x['n_gold']:>6}{x['n_pred']:>6}{x['value']['f1']:>10.3f}"
                  f"{x['value_unit']['precision']:>10.3f}{x['value_unit']['recall']:>10.3f}{x['value_unit']['f1']:>10.3f}")
    for k, v in PUBLISHED.items():
        print(f"published: {k} = {v}")
    if "speed" in res:
        s = res["speed"]
        print(f"speed: {s['articles']} BBC articles, {s['tokens']} tokens: model {s['model_seconds']}s, "
              f"quantities component {s['quantities_seconds']}s ({100 * s['quantities_share_of_model']:.1f}% of the model)")
    if args.errors or args.heldout_errors:
        for name, r in res["sets"].items():
            if name.startswith("quantulum3") and name != shown["quantulum3"]:
                continue
            if not (args.heldout_errors if name == "bbc-heldout" else args.errors):
                continue
            for e in r["errors"]:
                print(f"[{name}|{e['row']}] {e['text']}\n   gold {e['gold']}\n   pred {e['pred']}")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
