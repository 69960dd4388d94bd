"""Direct quotations on PolNeAR: quote P/R/F1 (overlap match) and speaker accuracy.

Gold: ``extract.readers.polnear`` cuts the quoted parts out of PolNeAR's Content spans (see its
docstring): every quoted part of an attribution, short phrases included (called the plan
"collateral damage"). Predictions are the rows whose ``quote_type`` is ``full`` or ``partial``
(someone's words); ``scare`` quotes and ``title``s are nobody's words and PolNeAR has none.
The row ``all gold`` scores against every gold part (the figure to quote); the row
``convention`` keeps the project's earlier rule that gold parts of fewer than ``MIN_WORDS``
words are *don't care* (missing one is no error, a prediction overlapping one neither a hit
nor a false hit), for comparison with earlier figures.

Speaker accuracy is over matched quotes whose gold has a Source span: correct when the predicted
speaker mention overlaps the gold Source span, or the predicted speaker (full name) names the
same person (its last word is a word of the gold Source text); an empty speaker is wrong,
even where its mention is the gold Source ("the report said": PolNeAR's Sources include
documents, which by the project's rules name no speaker).
``speaker_accuracy`` is over the pairs of ``convention``, ``speaker_accuracy_all_gold`` over
those of ``all gold``. A secondary, lenient figure also counts as correct a gold Source that is
a pronoun ("he") which our own resolver (``extract.quotes.resolve_mention``) maps to the
predicted speaker; it depends on that resolver, so the strict figure is the one to quote.
``speaker_mention_accuracy`` counts a pair as right when the speaker mention is the gold
Source even where the speaker column is empty (the figure reported before quote types).
``share_speaker_not_person_org_group_role``: of the scored rows that name a speaker, the share
whose ``speaker_kind`` is none of person, org, group, role (the target is 0).

``--docs-hash-half A|B`` scores only half of the split's articles: those whose doc id's
``doc_half`` (the first byte of its SHA-1, even -> A, odd -> B) is the one given. The halves are
fixed, so that rules can be written from one half's errors and checked on the other. A run on a
half never writes bench/results.

    python bench/quotes.py [--split dev] [--polnear PATH] [--docs-hash-half A|B] [--errors FILE] [--model M]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from extract import schema
from extract.pipeline import EXTRACTORS, build_pipeline
from extract.quotes import resolve_mention
from extract.readers.polnear import read_split
from extract.scoring import PRF, Span, match_spans, prf_table
from extract.text import clean

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = ROOT.parent / "shared" / "data" / "quotes" / "polnear"
RESULTS = ROOT / "bench" / "results" / "quotes.json"
MIN_WORDS = 2
#: the quote types that are someone's words (scare quotes and titles are not scored)
QUOTATION_TYPES = schema.QUOTATION_TYPES
#: speaker kinds that name a speaker
SPEAKER_KINDS = tuple(k for k in schema.SPEAKER_KINDS if k != "unknown")
_PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "their", "it", "its", "who", "we", "i"}


HALVES = ("A", "B")


def doc_half(doc_id: str) -> str:
    """The fixed half ("A" or "B") of an article: the parity of the first byte of its id's SHA-1."""
    return HALVES[hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2]


def _pipeline(model: str | None = None):
    """The project's pipeline with every extractor (quotes run last, on the corrected entities)."""
    return build_pipeline(model), list(EXTRACTORS)


def _same_person(speaker: str | None, source: str | None) -> bool:
    if not speaker or not source:
        return False
    last = re.sub(r"[’']s$", "", speaker.split()[-1]).lower()
    return last in {re.sub(r"[’']s$", "", w).lower() for w in re.findall(r"[\w’'\-]+", source)}


def run(split: str = "dev", polnear: str | Path = DEFAULT_POLNEAR, *, errors: bool = False,
        half: str | None = None, model: str | None = None) -> dict:
    if half is not None and half not in HALVES:
        raise ValueError(f"half must be one of {HALVES} or None, got {half!r}")
    nlp, names = _pipeline(model)
    docs = read_split(polnear, split)
    if half is not None:
        docs = [d for d in docs if doc_half(d.doc_id) == half]
    totals = {"convention": PRF(), "all gold": PRF()}
    # correct, n, correct (gold pronoun resolved), correct mention (the speaker may be empty)
    spk = {"convention": [0, 0, 0, 0], "all gold": [0, 0, 0, 0]}
    types: Counter = Counter()
    kinds: Counter = Counter()
    named = not_speakers = 0   # scored rows that name a speaker; of them, not a person/org/group/role
    n_chars = 0
    err_rows: list[dict] = []
    t0 = time.perf_counter()
    for d in docs:
        n_chars += len(d.text)
        ct = clean(d.text)
        doc = nlp(ct.text)
        preds = []
        for r in doc._.get(schema.QUOTE.extension) or []:
            types[r["quote_type"]] += 1
            if r["quote_type"] not in QUOTATION_TYPES:
                continue   # scare quotes and titles are nobody's words: PolNeAR has none
            kinds[r["speaker_kind"]] += 1
            named += bool(r["speaker"])
            not_speakers += bool(r["speaker"]) and r["speaker_kind"] not in SPEAKER_KINDS
            s, e = ct.to_raw(r["start_char"], r["end_char"])
            ss = se = None
            if r["speaker_start_char"] is not None:
                ss, se = ct.to_raw(r["speaker_start_char"], r["speaker_end_char"])
            preds.append(Span(s, e, "QUOTE", data=(r, ss, se)))
        gold_all = [Span(g.start, g.end, "QUOTE", data=g) for g in d.quotes]
        gold = [g for g in gold_all if g.data.n_words >= MIN_WORDS]
        dont_care = [g for g in gold_all if g.data.n_words < MIN_WORDS]
        scored_preds = [p for p in preds
                        if not any(min(p.end, g.end) > max(p.start, g.start) for g in dont_care)
                        or any(min(p.end, g.end) > max(p.start, g.start) for g in gold)]
        results = {"convention": match_spans(gold, scored_preds, "overlap"),
                   "all gold": match_spans(gold_all, preds, "overlap")}
        for scheme, res in results.items():
            totals[scheme] += res.prf
            for g, p in res.pairs:
                if g.data.source_start is None:
                    continue
                ok, ok_resolved, ok_mention = _speaker_ok(doc, ct, g.data, *p.data)
                spk[scheme][0] += ok
                spk[scheme][1] += 1
                spk[scheme][2] += ok_resolved
                spk[scheme][3] += ok_mention
                if errors and scheme == "all gold" and not ok:
                    r = p.data[0]
                    err_rows.append({"doc": d.doc_id, "kind": "speaker", "quote": g.data.text[:80],
                                     "gold": g.data.source_text, "pred": r["speaker"],
                                     "mention": r["speaker_mention"], "cue": r["cue"], "method": r["method"],
                                     "speaker_kind": r["speaker_kind"]})
        if errors:
            res = results["all gold"]
            for g in res.false_negatives:
                ctx = d.text[max(0, g.start - 60):g.end + 60].replace("\n", " ")
                err_rows.append({"doc": d.doc_id, "kind": "fn", "quote": g.data.text[:100], "ctx": ctx})
            for p in res.false_positives:
                ctx = d.text[max(0, p.start - 60):p.end + 60].replace("\n", " ")
                err_rows.append({"doc": d.doc_id, "kind": "fp", "quote": p.data[0]["text"][:100], "ctx": ctx,
                                 "method": p.data[0]["method"], "quote_type": p.data[0]["quote_type"]})
    seconds = time.perf_counter() - t0
    out = {
        "split": split,
        "half": half,
        "documents": len(docs),
        "extractors": names,
        "min_words": MIN_WORDS,
        "scored_types": list(QUOTATION_TYPES),
        "quotes": prf_table(list(totals.items())),
        "speaker_accuracy": _ratio(*spk["convention"][:2]),
        "speaker_n": spk["convention"][1],
        "speaker_accuracy_gold_pronouns_resolved": _ratio(spk["convention"][2], spk["convention"][1]),
        "speaker_mention_accuracy": _ratio(spk["convention"][3], spk["convention"][1]),
        "speaker_accuracy_all_gold": _ratio(*spk["all gold"][:2]),
        "speaker_n_all_gold": spk["all gold"][1],
        "rows_by_quote_type": dict(sorted(types.items())),
        "rows_by_speaker_kind": dict(sorted(kinds.items())),
        "share_speaker_not_person_org_group_role": _ratio(not_speakers, named),
        "seconds": round(seconds, 2),
        "chars_per_second": round(n_chars / seconds) if seconds else None,
        "published": {"Gender Gap Tracker (spaCy lg, Canadian news)": {
            "precision": 0.846, "recall": 0.827, "f1": 0.837, "speaker_accuracy": 0.865}},
    }
    if errors:
        out["errors"] = err_rows
    return out


def _ratio(a: int, n: int) -> float:
    return round(a / n, 4) if n else 0.0


def _speaker_ok(doc, ct, gq, r: dict, ss: int | None, se: int | None) -> tuple[bool, bool, bool]:
    """Is the predicted speaker the gold Source (strict); is it when a gold pronoun source is
    resolved by our own resolver (lenient); is the speaker mention the gold Source or the
    speaker its person, the speaker column possibly empty (the figure before issue 17)?"""
    mention = (ss is not None and any(min(se, b) > max(ss, a) for a, b in gq.source_spans)) \
        or _same_person(r["speaker"], gq.source_text)
    ok = bool(r["speaker"]) and mention
    if not ok and gq.source_text and gq.source_text.lower() in _PRONOUNS and r["speaker"]:
        # the gold source is a pronoun: does it refer to the person we name?
        cs, ce = ct.to_clean(gq.source_start), ct.to_clean(gq.source_end)
        return ok, _same_person(resolve_mention(doc, cs, ce), r["speaker"]), mention
    return ok, ok, mention


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--errors", help="write every miss, false hit and wrong speaker to this JSONL file")
    ap.add_argument("--docs-hash-half", choices=HALVES, default=None,
                    help="score only the articles of this fixed half (see doc_half); never writes bench/results")
    ap.add_argument("--model", default=None,
                    help="the spaCy pipeline to run (an installed package's name or a model folder; default: "
                         "the pipeline's default model); never writes bench/results")
    args = ap.parse_args(argv)
    if not Path(args.polnear).is_dir():
        print(f"PolNeAR not found at {args.polnear}", file=sys.stderr)
        return 2
    out = run(args.split, args.polnear, errors=bool(args.errors), half=args.docs_hash_half, model=args.model)
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for row in out.pop("errors"):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    half = f" half {out['half']}" if out["half"] else ""
    print(f"PolNeAR {out['split']}{half}: {out['documents']} documents, overlap match, rows of type "
          f"{'/'.join(QUOTATION_TYPES)} (gold parts under {MIN_WORDS} words don't care in 'convention')")
    print(f"{'scheme':<12} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>7} {'R':>7} {'F1':>7}")
    for row in out["quotes"]:
        print(f"{row['name']:<12} {row['tp']:>5} {row['fp']:>5} {row['fn']:>5} "
              f"{row['precision']:>7.3f} {row['recall']:>7.3f} {row['f1']:>7.3f}")
    print(f"speaker accuracy {out['speaker_accuracy']:.3f} on {out['speaker_n']} matched quotes with a source "
          f"({out['speaker_accuracy_gold_pronouns_resolved']:.3f} when a gold pronoun source is resolved "
          "by our own resolver: a secondary, lenient figure)")
    print(f"speaker accuracy, all gold: {out['speaker_accuracy_all_gold']:.3f} on {out['speaker_n_all_gold']}; "
          f"speaker mention accuracy (the speaker may be empty, as measured before issue 17): "
          f"{out['speaker_mention_accuracy']:.3f}")
    print(f"rows by quote_type {out['rows_by_quote_type']}; scored rows by speaker_kind "
          f"{out['rows_by_speaker_kind']}; speakers not person/org/group/role: "
          f"{out['share_speaker_not_person_org_group_role']:.3f}")
    print("published: Gender Gap Tracker P/R/F 0.846/0.827/0.837, speaker accuracy 0.865 (Canadian news)")
    if args.split == "dev" and out["half"] is None and args.model is None:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
