"""The span matcher and ``evaluate`` on hand-made cases."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from extract.evaluate import evaluate, format_summary, readable
from extract.scoring import Span, match_spans

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- match_spans

def S(start, end, label="X"):
    return Span(start, end, label)


def counts(result):
    p = result.prf
    return p.tp, p.fp, p.fn


@pytest.mark.parametrize("scheme", ["strict", "overlap"])
def test_exact_match_counts_under_both_schemes(scheme):
    r = match_spans([S(0, 5)], [S(0, 5)], scheme)
    assert counts(r) == (1, 0, 0)
    assert r.prf.precision == r.prf.recall == r.prf.f1 == 1.0


def test_partial_match_only_counts_under_overlap():
    gold, pred = [S(0, 10)], [S(4, 10)]
    assert counts(match_spans(gold, pred, "strict")) == (0, 1, 1)
    assert counts(match_spans(gold, pred, "overlap")) == (1, 0, 0)


def test_touching_spans_do_not_overlap():
    assert counts(match_spans([S(0, 5)], [S(5, 9)], "overlap")) == (0, 1, 1)


@pytest.mark.parametrize("scheme", ["strict", "overlap"])
def test_label_mismatch_is_a_false_positive_and_a_false_negative(scheme):
    r = match_spans([S(0, 5, "GPE")], [S(0, 5, "ORG")], scheme)
    assert counts(r) == (0, 1, 1)
    assert counts(match_spans([S(0, 5, "GPE")], [S(0, 5, "ORG")], scheme, labels=False)) == (1, 0, 0)


def test_one_to_one_with_two_gold_candidates_takes_the_larger_overlap():
    gold = [S(0, 10), S(8, 20)]
    pred = [S(5, 20)]            # overlaps the first by 5, the second by 12
    r = match_spans(gold, pred, "overlap")
    assert counts(r) == (1, 0, 1)
    assert r.pairs == [(S(8, 20), S(5, 20))]
    assert r.false_negatives == [S(0, 10)]


def test_one_to_one_with_two_predicted_candidates():
    gold = [S(0, 10)]
    pred = [S(0, 4), S(3, 10)]   # the second overlaps more; the first is left over
    r = match_spans(gold, pred, "overlap")
    assert counts(r) == (1, 1, 0)
    assert r.pairs == [(S(0, 10), S(3, 10))]
    assert r.false_positives == [S(0, 4)]


def test_one_prediction_spanning_two_gold_counts_once():
    r = match_spans([S(0, 5), S(6, 10)], [S(0, 10)], "overlap")
    assert counts(r) == (1, 0, 1)


@pytest.mark.parametrize("scheme", ["strict", "overlap"])
def test_empty_predictions(scheme):
    r = match_spans([S(0, 5), S(7, 9)], [], scheme)
    assert counts(r) == (0, 0, 2)
    assert r.prf.precision == 0.0 and r.prf.recall == 0.0 and r.prf.f1 == 0.0


@pytest.mark.parametrize("scheme", ["strict", "overlap"])
def test_empty_gold(scheme):
    assert counts(match_spans([], [S(0, 5)], scheme)) == (0, 1, 0)
    assert counts(match_spans([], [], scheme)) == (0, 0, 0)


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="allowed: strict, overlap"):
        match_spans([], [], "fuzzy")


# ---------------------------------------------------------------- evaluate

RAW = "Krein said “We’re not a satellite,” in Zhejiang Uni-\nversity in 2016. It cost $5 million."
DOC = "d1"


def _gold():
    def rec(kind, start, end, **kw):
        return {"kind": kind, "doc_id": DOC, "start_char": start, "end_char": end,
                "text": RAW[start:end], **kw}
    return [
        rec("entity", 0, 5, label="PERSON"),
        rec("entity", 39, 60, label="ORG"),                       # Zhejiang University
        rec("date", 64, 68, label="DATE", normalized="2016", type="DATE"),
        rec("quantity", 78, 88, label="MONEY", value=5000000, unit="USD"),
        rec("quote", 11, 35, speaker="Philip Krein", speaker_start_char=0, speaker_end_char=5,
            speaker_text="Krein", cue="said"),
    ]


def _write(path: Path, columns, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        w.writerows(rows)


@pytest.fixture
def pred_dir(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    _write(d / "entities.csv", ["doc_id", "start_char", "end_char", "text", "label", "sentence_id"], [
        [DOC, 0, 5, "Krein", "PERSON", 0],
        [DOC, 39, 47, "Zhejiang", "GPE", 0],             # wrong label and boundary
        ["other", 0, 3, "Foo", "ORG", 0],                # a document not in gold: ignored
    ])
    _write(d / "dates.csv", ["doc_id", "start_char", "end_char", "text", "label", "normalized", "type"], [
        [DOC, 61, 68, "in 2016", "DATE", "2016", "DATE"],  # overlap only; right value
    ])
    _write(d / "quantities.csv", ["doc_id", "start_char", "end_char", "text", "label", "value", "unit"], [
        [DOC, 78, 88, "$5 million", "MONEY", "5", "USD"],  # right span, wrong value
    ])
    _write(d / "quotes.csv", ["doc_id", "start_char", "end_char", "text", "speaker",
                              "speaker_start_char", "speaker_end_char", "cue"], [
        [DOC, 11, 35, "“We’re not a satellite,”", "Krein", 0, 5, "said"],
    ])
    return d


def test_evaluate_counts_per_kind_and_scheme(pred_dir):
    r = evaluate(_gold(), pred_dir, raw_texts={DOC: RAW})
    ent_strict = r.score("entity", "strict")
    assert (ent_strict["tp"], ent_strict["fp"], ent_strict["fn"]) == (1, 1, 1)
    assert r.score("entity", "overlap")["tp"] == 1     # GPE vs ORG still differs
    assert r.score("entity", "strict", label="PERSON")["f1"] == 1.0
    assert r.score("date", "strict")["tp"] == 0
    date = r.score("date", "overlap")
    assert date["tp"] == 1 and date["normalized_accuracy"] == 1.0 and date["type_accuracy"] == 1.0
    qty = r.score("quantity", "strict")
    assert qty["tp"] == 1 and qty["value_accuracy"] == 0.0 and qty["unit_accuracy"] == 1.0
    quote = r.score("quote", "strict")
    assert quote["tp"] == 1 and quote["speaker_accuracy"] == 0.0   # "Krein" != "Philip Krein"
    assert quote["speaker_span_accuracy"] == 1.0
    assert r.score("entity", "strict", doc_id=DOC)["tp"] == 1
    assert r.doc_ids == [DOC]


def test_metrics_are_tidy_one_row_per_doc_kind_label_scheme(pred_dir):
    m = evaluate(_gold(), pred_dir, raw_texts={DOC: RAW}).metrics
    assert not m.duplicated(["doc_id", "kind", "label", "scheme"]).any()
    assert set(m.scheme) == {"strict", "overlap"}
    assert {"ALL", DOC} == set(m.doc_id)
    assert set(m[m.kind == "entity"].label) == {"ALL", "GPE", "ORG", "PERSON"}


def test_errors_list_every_miss_and_false_hit_with_sentence(pred_dir):
    e = evaluate(_gold(), pred_dir, raw_texts={DOC: RAW}).errors
    strict_ent = e[(e.kind == "entity") & (e.scheme == "strict")]
    fn = strict_ent[strict_ent.error == "false_negative"].iloc[0]
    assert fn.text == "Zhejiang University"          # line-break hyphen joined for reading
    assert "predicted GPE 'Zhejiang' [39:47]" in fn.detail
    assert fn.sentence.startswith("Krein said") and fn.sentence.endswith("in 2016.")
    fp = strict_ent[strict_ent.error == "false_positive"].iloc[0]
    assert fp.label == "GPE" and "gold ORG 'Zhejiang University'" in fp.detail
    wrong = e[(e.error == "wrong_value") & (e.scheme == "strict")].iloc[0]
    assert "gold '5000000', predicted '5'" in wrong.detail


def test_outputs_written_atomically_and_readable(pred_dir, tmp_path):
    out = tmp_path / "eval"
    r = evaluate(_gold(), pred_dir, out, raw_texts={DOC: RAW})
    assert sorted(p.name for p in out.iterdir()) == ["errors.csv", "metrics.csv"]
    m = pd.read_csv(out / "metrics.csv")
    assert len(m) == len(r.metrics)
    assert len(pd.read_csv(out / "errors.csv")) == len(r.errors)


def test_missing_table_warns_and_counts_misses(pred_dir):
    (pred_dir / "quotes.csv").unlink()
    with pytest.warns(UserWarning, match="no quote table"):
        r = evaluate(_gold(), pred_dir, raw_texts={DOC: RAW})
    assert r.score("quote", "strict")["fn"] == 1


def test_empty_prediction_tables(tmp_path):
    d = tmp_path / "empty"
    d.mkdir()
    for name, cols in [("entities.csv", "doc_id,start_char,end_char,text,label"),
                       ("quantities.csv", "doc_id,start_char,end_char,text,label,value,unit"),
                       ("dates.csv", "doc_id,start_char,end_char,text,label,normalized,type"),
                       ("quotes.csv", "doc_id,start_char,end_char,text,speaker,"
                                      "speaker_start_char,speaker_end_char,cue")]:
        (d / name).write_text(cols + "\n", encoding="utf-8")
    r = evaluate(_gold(), d, raw_texts={DOC: RAW})
    assert r.score("entity", "strict")["fn"] == 2
    assert r.score("entity", "strict")["f1"] == 0.0
    assert set(r.errors.error) == {"false_negative"}


def test_summary_is_a_short_table(pred_dir):
    text = format_summary(evaluate(_gold(), pred_dir, raw_texts={DOC: RAW}))
    lines = text.splitlines()
    assert lines[0] == "1 document(s): d1"
    assert len(lines) == 3 + 4 * 2
    assert any(line.startswith("quantity") and "value 0.00 (0/1)" in line for line in lines)


def test_seed_gold_against_itself_is_perfect(tmp_path):
    """Writing the gold as prediction tables must score 1.0 everywhere (round trip)."""
    from extract.gold import read_gold

    gold = read_gold(ROOT / "gold")
    d = tmp_path / "pred"
    d.mkdir()
    for kind, name in [("entity", "entities.csv"), ("quantity", "quantities.csv"),
                       ("date", "dates.csv"), ("quote", "quotes.csv")]:
        rows = [{k: v for k, v in r.items() if not k.startswith("_") and k != "kind"}
                for r in gold if r["kind"] == kind]
        pd.DataFrame(rows).to_csv(d / name, index=False)
    r = evaluate(gold, d, corpus_dir=ROOT / "corpus")
    overall = r.metrics[(r.metrics.doc_id == "ALL") & (r.metrics.label == "ALL")]
    assert (overall.f1 == 1.0).all(), overall
    acc = [c for c in overall.columns if c.endswith("_accuracy")]
    assert (overall[acc].fillna(1.0) == 1.0).all().all()
    assert r.errors.empty


def test_readable_joins_line_break_hyphens():
    assert readable("Interna-\ntional  Campus\n") == "International Campus"


def test_cli_evaluate_prints_summary_and_writes_files(pred_dir, tmp_path):
    import json

    from click.testing import CliRunner

    from extract.cli import main

    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _gold()) + "\n",
                    encoding="utf-8")
    out = tmp_path / "ev"
    res = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--pred", str(pred_dir),
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("1 document(s): d1")
    assert (out / "metrics.csv").exists() and (out / "errors.csv").exists()


def test_evaluate_refuses_invalid_gold_naming_file_and_line(pred_dir, tmp_path):
    from extract.errors import GoldError

    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"kind": "entity", "doc_id": "d1", "start_char": 0, "end_char": 5, '
                    '"text": "Krein", "label": "PER"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad.jsonl: line 1: unknown entity label 'PER'"):
        evaluate(gold, pred_dir)


@pytest.mark.parametrize("scheme", ["strict", "overlap"])
def test_a_span_predicted_twice_counts_once(scheme):
    assert counts(match_spans([S(0, 5)], [S(0, 5), S(0, 5)], scheme)) == (1, 1, 0)


def test_zero_width_spans_match_at_the_same_offset():
    assert counts(match_spans([S(3, 3)], [S(3, 3)], "overlap")) == (1, 0, 0)
