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
    _write(d / "documents.csv", ["doc_id", "status"], [[DOC, "ok"], ["other", "ok"]])
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


def test_missing_table_is_refused_unless_its_kind_is_left_out(pred_dir):
    from extract.errors import ExtractError

    (pred_dir / "quotes.csv").unlink()
    with pytest.raises(ExtractError, match="no quotes table"):
        evaluate(_gold(), pred_dir, raw_texts={DOC: RAW})
    r = evaluate(_gold(), pred_dir, raw_texts={DOC: RAW}, kinds=["entity", "date", "quantity"])
    assert set(r.metrics.kind) == {"entity", "date", "quantity"}


def test_empty_prediction_tables(tmp_path):
    d = tmp_path / "empty"
    d.mkdir()
    for name, cols in [("entities.csv", "doc_id,start_char,end_char,text,label"),
                       ("quantities.csv", "doc_id,start_char,end_char,text,label,value,unit"),
                       ("dates.csv", "doc_id,start_char,end_char,text,label,normalized,type"),
                       ("quotes.csv", "doc_id,start_char,end_char,text,speaker,"
                                      "speaker_start_char,speaker_end_char,cue"),
                       ("documents.csv", "doc_id,status\nd1,ok")]:
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
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / f"{DOC}.txt").write_text(RAW, encoding="utf-8")
    res = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--pred", str(pred_dir),
                                    "--out", str(out), "--texts", str(texts)])
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


# ---------------------------------------------------------------- an evaluation an evaluator can trust (issue 12)

import hashlib  # noqa: E402
import json  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from extract.cli import main  # noqa: E402
from extract.errors import ExtractError, GoldError  # noqa: E402
from extract.io import FORMATS, read_tables  # noqa: E402
from extract.writers import write_table_files  # noqa: E402


def _gold_file(tmp_path, records=None, name="gold.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (records or _gold())),
                    encoding="utf-8")
    return path


def _cli(*args):
    return CliRunner().invoke(main, ["evaluate", *map(str, args)])


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_every_format_scores_like_csv(pred_dir, tmp_path, fmt):
    tables = read_tables(pred_dir, ["documents", "entities", "quantities", "dates", "quotes"])
    rows = {t: f.astype(object).where(f.notna(), None).to_dict("records") for t, f in tables.items()}
    for d in rows["documents"]:
        d["n_chars"] = len(RAW)
    out = tmp_path / fmt
    write_table_files(rows, out, fmt)
    want = evaluate(_gold(), pred_dir, raw_texts={DOC: RAW}, kinds=["entity", "date", "quantity", "quote"])
    got = evaluate(_gold(), out, raw_texts={DOC: RAW})
    keep = ["doc_id", "kind", "label", "scheme", "tp", "fp", "fn"]
    pd.testing.assert_frame_equal(got.metrics[keep], want.metrics[keep])


def test_a_folder_without_tables_is_refused(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    with pytest.raises(ExtractError, match="no tables found"):
        evaluate(_gold(), empty, raw_texts={DOC: RAW})
    res = _cli("--gold", _gold_file(tmp_path), "--pred", empty, "--out", tmp_path / "ev")
    assert res.exit_code == 2 and "no tables found" in res.output


def test_a_table_without_a_column_the_gold_needs_is_refused(pred_dir):
    _write(pred_dir / "dates.csv", ["doc_id", "start_char", "end_char", "text", "label", "type"],
           [[DOC, 64, 68, "2016", "DATE", "DATE"]])
    with pytest.raises(ExtractError, match=r"dates.csv: missing column 'normalized'"):
        evaluate(_gold(), pred_dir, raw_texts={DOC: RAW})


def test_a_gold_document_without_predictions_is_named(pred_dir):
    extra = {"kind": "entity", "doc_id": "d2", "start_char": 0, "end_char": 5, "text": "Krein", "label": "PERSON"}
    with pytest.raises(ExtractError, match=r"no predictions for 1 gold document\(s\): d2"):
        evaluate(_gold() + [extra], pred_dir, raw_texts={DOC: RAW, "d2": RAW})


@pytest.mark.parametrize("change, says", [
    ({"start_char": 80, "end_char": 500}, "lies outside the text"),
    ({"start_char": -8, "end_char": -1}, "start_char -8 is negative"),
    ({"text": "Kreinx"}, r"does not match raw\[0:5\]"),
])
def test_invalid_gold_is_refused(pred_dir, change, says):
    gold = _gold()
    gold[0] = {**gold[0], **change}
    with pytest.raises(GoldError, match=says):
        evaluate(gold, pred_dir, raw_texts={DOC: RAW})


@pytest.mark.parametrize("value", ["NaN", "1e400", "-Infinity"])
def test_gold_values_that_are_not_finite_are_refused(pred_dir, tmp_path, value):
    lines = [json.dumps(r, ensure_ascii=False) for r in _gold()]
    lines[3] = lines[3].replace('"value": 5000000', f'"value": {value}')
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="value must be a finite number"):
        evaluate(path, pred_dir, raw_texts={DOC: RAW})


def test_empty_gold_file_folder_and_records_are_refused(pred_dir, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    folder = tmp_path / "golds"
    folder.mkdir()
    for gold, says in ((empty, "no gold records"), (folder, "no gold files"), ([], "no gold records")):
        with pytest.raises(GoldError, match=says):
            evaluate(gold, pred_dir, raw_texts={DOC: RAW})


@pytest.mark.parametrize("target, content, says", [
    ("gold", "caf\u00e9".encode("latin-1"), "not valid UTF-8"),
    ("gold", b"\x00\x01\x02\x03", "binary"),
    ("gold", b"", "no gold records"),
    ("pred", "doc_id,start_char,end_char,label\nd1,0,5,caf\u00e9\n".encode("latin-1"), "not valid UTF-8"),
    ("pred", b"\x00\x01\x02", "binary"),
    ("pred", b"", "empty"),
])
def test_unreadable_files_get_a_message_not_a_traceback(pred_dir, tmp_path, target, content, says):
    gold = _gold_file(tmp_path)
    if target == "gold":
        gold.write_bytes(content)
    else:
        (pred_dir / "entities.csv").write_bytes(content)
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / f"{DOC}.txt").write_text(RAW, encoding="utf-8")
    res = _cli("--gold", gold, "--pred", pred_dir, "--out", tmp_path / "ev", "--texts", texts)
    assert res.exit_code == 2, res.output
    assert "error:" in res.output and says in res.output
    assert "Traceback" not in res.output and res.exception is None or isinstance(res.exception, SystemExit)


def _documents_with_path(pred_dir, path, text_of_sha1):
    sha1 = hashlib.sha1(text_of_sha1.encode("utf-8")).hexdigest()
    _write(pred_dir / "documents.csv", ["doc_id", "path", "status", "text_sha1"], [[DOC, str(path), "ok", sha1]])


def test_texts_are_never_read_from_an_arbitrary_path(pred_dir, tmp_path):
    secret = tmp_path / "secret.cfg"
    secret.write_text("password=hunter2\n" + RAW, encoding="utf-8")
    _documents_with_path(pred_dir, secret, secret.read_text(encoding="utf-8"))
    with pytest.raises(GoldError, match="no raw text for 1 gold document"):
        evaluate(_gold(), pred_dir)
    res = _cli("--gold", _gold_file(tmp_path), "--pred", pred_dir, "--out", tmp_path / "ev")
    assert res.exit_code == 2 and "--texts" in res.output
    assert not (tmp_path / "ev" / "errors.csv").exists()


def test_a_txt_path_is_read_only_when_it_is_the_text_the_run_read(pred_dir, tmp_path):
    article = tmp_path / "in" / f"{DOC}.txt"
    article.parent.mkdir()
    article.write_text(RAW, encoding="utf-8")
    _documents_with_path(pred_dir, article, "some other text")
    with pytest.raises(GoldError, match="no raw text"):
        evaluate(_gold(), pred_dir)
    _documents_with_path(pred_dir, article, RAW)
    r = evaluate(_gold(), pred_dir)
    assert r.errors["sentence"].str.startswith("Krein said").any()


# ---------------------------------------------------------------- partial gold


def test_partial_gold_scores_only_the_kinds_it_annotates(pred_dir):
    quotes_only = [r for r in _gold() if r["kind"] == "quote"]
    every = evaluate(quotes_only, pred_dir, raw_texts={DOC: RAW})
    assert every.score("entity", "strict")["fp"] == 2            # without the option: false hits
    r = evaluate(quotes_only, pred_dir, raw_texts={DOC: RAW}, kinds="annotated")
    assert set(r.metrics.kind) == {"quote"} and r.score("quote", "strict")["tp"] == 1


def test_partial_gold_can_score_only_its_labels(pred_dir):
    persons = [r for r in _gold() if r.get("label") == "PERSON"]
    r = evaluate(persons, pred_dir, raw_texts={DOC: RAW}, kinds="annotated", labels="annotated")
    assert set(r.metrics.label) == {"ALL", "PERSON"}
    assert (r.score("entity", "strict")["tp"], r.score("entity", "strict")["fp"]) == (1, 0)
    r = evaluate(_gold(), pred_dir, raw_texts={DOC: RAW}, kinds=["entity"], labels={"entity": ["ORG"]})
    assert r.score("entity", "strict")["fn"] == 1 and r.score("entity", "strict")["fp"] == 0


def test_partial_gold_from_the_cli(pred_dir, tmp_path):
    gold = _gold_file(tmp_path, [r for r in _gold() if r["kind"] == "quote"])
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / f"{DOC}.txt").write_text(RAW, encoding="utf-8")
    res = _cli("--gold", gold, "--pred", pred_dir, "--out", tmp_path / "ev", "--texts", texts, "--annotated")
    assert res.exit_code == 0, res.output
    assert "entity" not in res.output and "quote" in res.output


@pytest.mark.parametrize("kwargs, says", [
    ({"kinds": ["entities"]}, "Unknown kind 'entities'"),
    ({"labels": ["PER"]}, "Unknown label 'PER'"),
])
def test_unknown_kinds_and_labels_are_refused(pred_dir, kwargs, says):
    with pytest.raises(ExtractError, match=says):
        evaluate(_gold(), pred_dir, raw_texts={DOC: RAW}, **kwargs)


def test_scare_quotes_and_titles_are_not_scored(pred_dir):
    _write(pred_dir / "quotes.csv", ["doc_id", "start_char", "end_char", "text", "speaker",
                                     "speaker_start_char", "speaker_end_char", "cue", "quote_type"], [
        [DOC, 11, 35, "“We’re not a satellite,”", "Krein", 0, 5, "said", "full"],
        [DOC, 39, 47, "Zhejiang", "", "", "", "", "scare"],
    ])
    q = evaluate(_gold(), pred_dir, raw_texts={DOC: RAW}).score("quote", "strict")
    assert (q["tp"], q["fp"], q["n_pred"]) == (1, 0, 1)
