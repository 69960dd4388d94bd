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
