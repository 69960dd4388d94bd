"""The gold reader and validator: messages name file, line and problem."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.errors import GoldError
from extract.gold import KINDS, LABELS, load_corpus, read_gold, validate_gold

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "gold" / "zhejiang-open-for-science-business.jsonl"

RAW = {"d1": "Krein said “We’re not a satellite,” in Zhejiang Uni-\nversity in 2016."}


def ent(start, end, label="PERSON", doc_id="d1", **kw):
    rec = {"kind": "entity", "doc_id": doc_id, "start_char": start, "end_char": end,
           "text": RAW.get(doc_id, "")[start:end], "label": label}
    rec.update(kw)
    return rec


def write_jsonl(tmp_path: Path, records, name="g.jsonl") -> Path:
    path = tmp_path / name
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def messages(path, raw=RAW):
    return [str(p) for p in validate_gold(path, raw)]


def test_committed_seed_gold_validates():
    raw = load_corpus(ROOT / "corpus")
    problems = validate_gold(SEED_GOLD, raw)
    assert [str(p) for p in problems] == []
    records = read_gold(SEED_GOLD)
    assert {r["kind"] for r in records} == set(KINDS)
    for r in records:
        assert raw[r["doc_id"]][r["start_char"]:r["end_char"]] == r["text"]


def test_seed_gold_spans_may_hold_line_break_hyphen():
    texts = {r["text"] for r in read_gold(SEED_GOLD)}
    assert "Zhejiang Uni-\nversity" in texts


def test_valid_file_has_no_problems(tmp_path):
    path = write_jsonl(tmp_path, [
        ent(0, 5),
        {"kind": "date", "doc_id": "d1", "start_char": 64, "end_char": 68, "text": "2016",
         "label": "DATE", "normalized": "2016", "type": "DATE", "mod": ""},
        {"kind": "quote", "doc_id": "d1", "start_char": 11, "end_char": 35,
         "text": RAW["d1"][11:35], "speaker": "Philip Krein", "speaker_start_char": 0,
         "speaker_end_char": 5, "speaker_text": "Krein", "cue": "said"},
    ])
    assert messages(path) == []


def test_text_mismatch_names_file_line_and_both_texts(tmp_path):
    path = write_jsonl(tmp_path, [ent(0, 5), ent(39, 47, label="GPE", text="Zhejaing")])
    (msg,) = messages(path)
    assert msg == (f"{path}: line 2: text 'Zhejaing' does not match "
                   "raw[39:47] = 'Zhejiang'")


def test_unknown_label_and_kind(tmp_path):
    path = write_jsonl(tmp_path, [ent(0, 5, label="PER"), {**ent(0, 5), "kind": "thing"}])
    msgs = messages(path)
    assert any("line 1: unknown entity label 'PER'; allowed: PERSON" in m for m in msgs)
    assert any("line 2: unknown kind 'thing'" in m for m in msgs)


def test_duplicate_is_an_error_naming_the_first_line(tmp_path):
    path = write_jsonl(tmp_path, [ent(0, 5), ent(39, 47, "GPE"), ent(0, 5)])
    (p,) = validate_gold(path, RAW)
    assert (p.line, p.severity, p.message) == (3, "error", "duplicate of line 1")


def test_overlap_within_a_kind_is_a_warning(tmp_path):
    path = write_jsonl(tmp_path, [ent(39, 47, "GPE"), ent(39, 60, "ORG")])
    (p,) = validate_gold(path, RAW)
    assert p.severity == "warning" and p.line == 2
    assert "overlaps line 1 (39:47)" in p.message
    assert str(p).endswith("(warning)")


def test_overlap_across_kinds_is_fine(tmp_path):
    path = write_jsonl(tmp_path, [
        ent(39, 60, "ORG"),
        {"kind": "date", "doc_id": "d1", "start_char": 39, "end_char": 47, "text": "Zhejiang",
         "label": "DATE", "normalized": "XXXX", "type": "DATE"},
    ])
    assert messages(path) == []


@pytest.mark.parametrize("record, expected", [
    ({"start_char": "a"}, "start_char must be an integer, got 'a'"),
    ({"start_char": 5, "end_char": 5}, "start_char 5 must be smaller than end_char 5"),
    ({"end_char": 500}, "span 0:500 lies outside the text of 'd1'"),
    ({"doc_id": "nope"}, "no raw text for doc_id 'nope'"),
])
def test_offset_problems(tmp_path, record, expected):
    path = write_jsonl(tmp_path, [{**ent(0, 5), **record}])
    assert any(expected in m for m in messages(path)), messages(path)


def test_missing_columns_and_bad_values(tmp_path):
    path = write_jsonl(tmp_path, [
        {"kind": "quantity", "doc_id": "d1", "start_char": 64, "end_char": 68, "text": "2016",
         "label": "CARDINAL", "value": "lots", "bound": "roughly"},
        {"kind": "date", "doc_id": "d1", "start_char": 64, "end_char": 68, "text": "2016",
         "label": "DATE", "normalized": "2016", "type": "YEAR"},
    ])
    msgs = messages(path)
    assert any("line 1: missing column 'unit' (required for kind 'quantity')" in m for m in msgs)
    assert any("line 1: value must be a number, got 'lots'" in m for m in msgs)
    assert any("line 1: unknown bound 'roughly'" in m for m in msgs)
    assert any("line 2: unknown type 'YEAR'" in m for m in msgs)


def test_speaker_mention_is_checked(tmp_path):
    path = write_jsonl(tmp_path, [
        {"kind": "quote", "doc_id": "d1", "start_char": 11, "end_char": 35,
         "text": RAW["d1"][11:35], "speaker": "Philip Krein", "speaker_start_char": 0,
         "speaker_end_char": 5, "speaker_text": "he", "cue": "said"},
    ])
    (msg,) = messages(path)
    assert "speaker_text 'he' does not match raw[0:5] = 'Krein'" in msg


def test_bad_json_line_is_reported_and_others_still_checked(tmp_path):
    path = write_jsonl(tmp_path, ['{"kind": "entity",', ent(0, 5, label="PER")])
    msgs = messages(path)
    assert msgs[0].startswith(f"{path}: line 1: not valid JSON")
    assert "line 2: unknown entity label" in msgs[1]
    with pytest.raises(GoldError, match="line 1: not valid JSON"):
        read_gold(path)


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "e.jsonl"
    empty.write_text("\n// only a comment\n", encoding="utf-8")
    assert messages(empty) == [f"{empty}: line 0: the file contains no gold records"]
    with pytest.raises(GoldError, match="no such gold file"):
        validate_gold(tmp_path / "missing.jsonl", RAW)


def test_csv_gold_reads_like_jsonl(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("kind,doc_id,start_char,end_char,text,label\n"
                    "entity,d1,0,5,Krein,PERSON\n"
                    "entity,d1,39,47,Zhejiang,GPX\n", encoding="utf-8")
    (msg,) = messages(path)
    assert msg.startswith(f"{path}: line 3: unknown entity label 'GPX'")
    (rec, _) = read_gold(path)
    assert rec["start_char"] == 0 and rec["_line"] == 2


def test_without_raw_texts_only_structure_is_checked(tmp_path):
    path = write_jsonl(tmp_path, [ent(0, 5, text="whatever")])
    assert validate_gold(path) == []


def test_quote_records_get_the_quote_label(tmp_path):
    path = write_jsonl(tmp_path, [{"kind": "quote", "doc_id": "d1", "start_char": 11,
                                   "end_char": 36, "text": RAW["d1"][11:35], "speaker": "K"}])
    (rec,) = read_gold(path)
    assert rec["label"] in LABELS["quote"]


# ---------------------------------------------------------------- CLI

def test_cli_validate_gold_exit_codes(tmp_path):
    from click.testing import CliRunner

    from extract.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "d1.txt").write_text(RAW["d1"], encoding="utf-8")
    good = write_jsonl(tmp_path, [ent(0, 5)], "good.jsonl")
    bad = write_jsonl(tmp_path, [ent(0, 5), ent(0, 5)], "bad.jsonl")
    runner = CliRunner()
    ok = runner.invoke(main, ["validate-gold", str(good), "--corpus", str(corpus)])
    assert ok.exit_code == 0 and ok.output.strip().endswith("0 errors, 0 warnings")
    res = runner.invoke(main, ["validate-gold", str(bad), "--corpus", str(corpus)])
    assert res.exit_code == 1
    assert f"{bad}: line 2: duplicate of line 1" in res.output
    missing = runner.invoke(main, ["validate-gold", str(good), "--corpus", str(tmp_path / "no")])
    assert missing.exit_code == 2


def test_cli_validate_committed_gold():
    from click.testing import CliRunner

    from extract.cli import main

    res = CliRunner().invoke(main, ["validate-gold", str(SEED_GOLD), "--corpus", str(ROOT / "corpus")])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("category", ["business", "politics", "sport", "tech"])
def test_heldout_gold_validates_against_shared_bbc(shared_data, category):
    bbc = shared_data / "bbc-news" / category
    problems = validate_gold(ROOT / "gold" / "heldout" / f"bbc-{category}.jsonl", load_corpus(bbc))
    assert [str(p) for p in problems] == []


def test_heldout_doc_ids_are_unique_and_have_metadata():
    import csv

    with (ROOT / "gold" / "heldout" / "metadata.csv").open(encoding="utf-8", newline="") as f:
        meta = {row["doc_id"]: row for row in csv.DictReader(f)}
    records = read_gold(ROOT / "gold" / "heldout")
    assert {r["doc_id"] for r in records} == set(meta)
    for r in records:
        assert Path(r["_path"]).stem == "bbc-" + meta[r["doc_id"]]["path"].split("/")[0]


def test_folder_skips_csv_files_without_a_kind_column(tmp_path):
    write_jsonl(tmp_path, [ent(0, 5)])
    (tmp_path / "metadata.csv").write_text("doc_id,published\nd1,2018-11-01\n", encoding="utf-8")
    assert messages(tmp_path) == []
    assert len(read_gold(tmp_path)) == 1


def test_standoff_records_without_text_validate():
    """Gold for texts we may not ship leaves `text` out; offsets are still checked."""
    from extract.gold import validate_records

    raw = {"d": "Hu moved to Hangzhou."}
    ok = {"kind": "entity", "doc_id": "d", "start_char": 12, "end_char": 20, "label": "GPE"}
    bad = {"kind": "entity", "doc_id": "d", "start_char": 12, "end_char": 99, "label": "GPE"}
    assert validate_records([("g.jsonl", 1, ok)], raw) == []
    [problem] = validate_records([("g.jsonl", 2, bad)], raw)
    assert "g.jsonl: line 2" in str(problem)


# ---------------------------------------------------------------- gold that must be refused (issue 12)

@pytest.mark.parametrize("record, expected", [
    ({"start_char": -8, "end_char": -1}, "start_char -8 is negative"),
    ({"start_char": -3, "end_char": 5}, "start_char -3 is negative"),
    ({"kind": "quantity", "label": "CARDINAL", "unit": "", "value": float("nan")}, "value must be a finite number"),
    ({"kind": "quantity", "label": "CARDINAL", "unit": "", "value": 1, "value_max": float("inf")},
     "value_max must be a finite number"),
    ({"kind": "date", "label": "DATE", "type": "DURATION", "normalized": "PT7S1S"}, "not a well-formed TIMEX3"),
    ({"kind": "date", "label": "DATE", "type": "DATE", "normalized": "-298982"}, "not a well-formed TIMEX3"),
])
def test_values_and_offsets_that_cannot_be_scored(tmp_path, record, expected):
    path = write_jsonl(tmp_path, [{**ent(0, 5), **record}])
    msgs = messages(path)
    assert any(expected in m for m in msgs), msgs
    assert not any("raw[-" in m for m in msgs)


def test_1e400_written_in_json_is_refused(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"kind": "quantity", "doc_id": "d1", "start_char": 0, "end_char": 5, "text": "Krein", '
                    '"label": "CARDINAL", "value": 1e400, "unit": ""}\n', encoding="utf-8")
    assert any("value must be a finite number, got inf" in m for m in messages(path))


@pytest.mark.parametrize("content, expected", [
    ("caf\u00e9".encode("latin-1") + b"\n", "not valid UTF-8 at byte 3"),
    (b'{"kind": "entity"}\x00\x00\n', "binary"),
])
def test_unreadable_gold_files_get_a_message(tmp_path, content, expected):
    path = tmp_path / "g.jsonl"
    path.write_bytes(content)
    msgs = messages(path)
    assert len(msgs) == 1 and expected in msgs[0] and msgs[0].startswith(f"{path}: line 0:")
    with pytest.raises(GoldError, match=expected):
        read_gold(path)


def test_empty_gold_file_and_folder(tmp_path):
    empty = tmp_path / "g.jsonl"
    empty.write_text("", encoding="utf-8")
    assert any("no gold records" in m for m in messages(empty))
    folder = tmp_path / "none"
    folder.mkdir()
    assert any("no gold files here" in m for m in messages(folder))


def test_a_folder_skips_jsonl_of_another_shape(tmp_path):
    write_jsonl(tmp_path, [ent(0, 5)], name="a.jsonl")
    (tmp_path / "sentences.jsonl").write_text('{"doc": "x.txt", "quantities": []}\n', encoding="utf-8")
    assert [r["doc_id"] for r in read_gold(tmp_path)] == ["d1"]


def test_utf8_bom_gold_is_read(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(ent(0, 5)).encode("utf-8") + b"\n")
    assert messages(path) == []
