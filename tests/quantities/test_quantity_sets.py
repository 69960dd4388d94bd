"""The shared quantity sets' reader and the benchmark's matching."""
from __future__ import annotations

import json

import pytest

from extract.errors import GoldError
from extract.readers.quantity_sets import read_ms_recognizers, read_quantulum

# --------------------------------------------------------------------------- readers


def test_reader_formats(tmp_path):
    qf = tmp_path / "q.json"
    qf.write_text(json.dumps([{"req": "3 to 4 L", "res": [{"value": 3.5, "unit": "litre", "surface": "3 to 4 L"}]}]))
    mf = tmp_path / "m.json"
    mf.write_text(json.dumps([{"text": "40 - 50 years old", "quantities": [{"value": "40-50", "normalized_unit": "year of age"}]}]))
    (s1,) = read_quantulum(qf)
    assert (s1.gold[0].value, s1.gold[0].unit) == (3.5, "litre")
    (s2,) = read_ms_recognizers(mf)
    assert (s2.gold[0].value, s2.gold[0].value_max, s2.gold[0].unit) == (40, 50, "year of age")


def test_reader_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"text": "x", "quantities": []}, {"text": "y"}]))
    with pytest.raises(GoldError, match=r"bad\.json: line 2"):
        read_ms_recognizers(bad)


def test_shared_sets_read(shared_data):
    from extract.readers.quantity_sets import read_all

    sets = read_all(shared_data / "quantities")
    assert len(sets["quantulum3"]) == 101
    assert sum(len(s.gold) for s in sets["quantulum3"]) == 148
    assert set(sets) == {"quantulum3", "ms-age", "ms-currency", "ms-dimension", "ms-temperature"}


# --------------------------------------------------------------------------- benchmark matching


@pytest.fixture(scope="module")
def bench():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "quantities.py"
    spec = importlib.util.spec_from_file_location("bench_quantities", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_matching(bench):
    from extract.readers.quantity_sets import GoldQuantity as G

    rng = {"value": 3, "value_max": 4, "unit": "litre", "unit_noun": ""}
    assert bench.value_agrees(rng, G(3.5, "litre"))          # quantulum3 writes the midpoint
    assert bench.value_agrees(rng, G(3, "litre", 4))         # the same range
    assert not bench.value_agrees(rng, G(5, "litre"))
    count = {"value": 126, "value_max": None, "unit": "", "unit_noun": "jets"}
    assert bench.unit_agrees(count, "fighter jet") and bench.unit_agrees(count, "-")
    assert bench.unit_agrees({"unit": "USD per share"}, "dollar per share")
    assert bench.unit_agrees({"unit": "GBP"}, "pound sterling") and not bench.unit_agrees({"unit": "GBP"}, "pound-mass")
    preds = [{"value": 2, "value_max": None, "unit": "metre", "unit_noun": ""},
             {"value": 2, "value_max": None, "unit": "", "unit_noun": ""}]
    assert bench.score_sentence(preds, [G(2, "dimensionless"), G(2, "metre")]) == (2, 2)


def test_heldout_sentences_reader(tmp_path):
    from extract.readers.quantity_sets import read_heldout_sentences

    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "1.txt").write_text("Title\n\nHe ran 800m. They won 3-1.\n", encoding="utf-8")
    gold = tmp_path / "g.jsonl"
    gold.write_text("// comment\n" + json.dumps({"doc": "sport/1.txt", "start_char": 7, "end_char": 19, "quantities": [
        {"start_char": 14, "end_char": 18, "label": "QUANTITY", "value": 800, "unit": "metre"}]}) + "\n"
        + json.dumps({"doc": "sport/1.txt", "start_char": 20, "end_char": 33, "quantities": []}) + "\n")
    s1, s2 = read_heldout_sentences(gold, tmp_path)
    assert (s1.text, s1.gold[0].surface, s1.gold[0].unit) == ("He ran 800m.", "800m", "metre")
    assert s2.gold == [] and s2.text == "They won 3-1."
    gold.write_text(json.dumps({"doc": "sport/2.txt", "start_char": 0, "end_char": 1, "quantities": []}) + "\n")
    with pytest.raises(GoldError, match=r"g\.jsonl: line 1"):
        read_heldout_sentences(gold, tmp_path)


def test_heldout_sentences_spans_read(shared_data):
    """The committed held-out file reads against the BBC articles: every span inside its sentence."""
    from pathlib import Path

    from extract.readers.quantity_sets import HELDOUT_SENTENCES, read_heldout_sentences

    path = Path(__file__).resolve().parents[2] / "gold" / "heldout" / HELDOUT_SENTENCES
    sents = read_heldout_sentences(path, shared_data / "bbc-news")
    assert len(sents) >= 30 and all(g.surface for s in sents for g in s.gold)
    assert all(g.surface in s.text for s in sents for g in s.gold)
