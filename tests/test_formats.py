"""Typed tables in every format: what is written is what read_tables gives back."""
from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from extract import schema
from extract.io import FORMATS, WORKBOOK, arrow_schema, guard_cell, read_table, read_tables, typed_frame, unguard_cell
from extract.errors import ExtractError
from extract.writers import PartWriter, merge_parts, write_table_files

# ---------------------------------------------------------------- random rows that pass the validator

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                min_size=1, max_size=12)
_MAYBE_TEXT = st.none() | _TEXT
# Excel holds numbers up to 9.99e307 (and 16 significant digits); news quantities stay far below
_FLOAT = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False, allow_infinity=False, width=64)
N_CHARS = 1000


@st.composite
def _quantity(draw, doc_id):
    start = draw(st.integers(0, N_CHARS - 2))
    end = draw(st.integers(start + 1, N_CHARS))
    return {"doc_id": doc_id, "start_char": start, "end_char": end, "text": draw(_TEXT),
            "label": draw(st.sampled_from(schema.QUANTITY_LABELS)), "value": draw(st.none() | _FLOAT),
            "unit": draw(st.sampled_from([None, "USD", "kilogram", "percent", "USD per share"])),
            "value_max": draw(st.none() | _FLOAT), "bound": draw(st.sampled_from((None,) + schema.BOUNDS)),
            "unit_noun": draw(_MAYBE_TEXT), "surface_unit": draw(_MAYBE_TEXT)}


@st.composite
def _quote(draw, doc_id):
    start = draw(st.integers(0, N_CHARS - 2))
    end = draw(st.integers(start + 1, N_CHARS))
    has_speaker = draw(st.booleans())
    s0 = draw(st.integers(0, N_CHARS - 1)) if has_speaker else None
    return {"doc_id": doc_id, "start_char": start, "end_char": end, "text": draw(_TEXT),
            "speaker": draw(_MAYBE_TEXT), "speaker_start_char": s0,
            "speaker_end_char": (s0 + 1) if has_speaker else None, "cue": draw(_MAYBE_TEXT),
            "label": draw(st.sampled_from([None, schema.QUOTE_LABEL])), "method": draw(_MAYBE_TEXT),
            "chain": draw(st.none() | st.integers(-(2 ** 40), 2 ** 40)),
            "n_words": draw(st.none() | st.integers(0, 2 ** 40))}


@st.composite
def _entity(draw, doc_id):
    start = draw(st.integers(0, N_CHARS - 2))
    return {"doc_id": doc_id, "start_char": start, "end_char": draw(st.integers(start + 1, N_CHARS)),
            "text": draw(_TEXT), "label": draw(st.sampled_from(schema.ENTITY_LABELS)),
            "sentence_id": draw(st.integers(0, 10 ** 6)), "source": draw(_MAYBE_TEXT)}


@st.composite
def _date(draw, doc_id):
    start = draw(st.integers(0, N_CHARS - 2))
    return {"doc_id": doc_id, "start_char": start, "end_char": draw(st.integers(start + 1, N_CHARS)),
            "text": draw(_TEXT), "label": draw(st.sampled_from(schema.DATE_LABELS)),
            "normalized": draw(st.sampled_from([None, "2016", "2024-02-29", "PT7.58S", "XXXX-WXX-WE", "PAST_REF"])),
            "type": draw(st.sampled_from((None,) + schema.DATE_TYPES)),
            "mod": draw(st.sampled_from((None,) + schema.MOD_VALUES)), "anchor": draw(_MAYBE_TEXT),
            "granularity": draw(_MAYBE_TEXT), "source": draw(_MAYBE_TEXT)}


@st.composite
def _tables(draw):
    doc_ids = draw(st.lists(_TEXT, min_size=1, max_size=3, unique=True))
    docs = [{"doc_id": d, "path": draw(_MAYBE_TEXT), "title": draw(_MAYBE_TEXT), "n_chars": N_CHARS,
             "n_tokens": draw(st.integers(0, 10 ** 6)), "status": draw(st.sampled_from(schema.STATUSES)),
             "warnings": draw(_MAYBE_TEXT)} for d in doc_ids]
    rows = {"documents": docs, "entities": [], "dates": [], "quantities": [], "quotes": []}
    for d in doc_ids:
        rows["entities"] += draw(st.lists(_entity(d), max_size=2))
        rows["dates"] += draw(st.lists(_date(d), max_size=2))
        rows["quantities"] += draw(st.lists(_quantity(d), max_size=3))
        rows["quotes"] += draw(st.lists(_quote(d), max_size=3))
    return rows


def _expected(rows):
    return {t: typed_frame(t, rows.get(t, [])) for t in schema.TABLES}


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_tables())
def test_random_rows_round_trip(tmp_path_factory, fmt, rows):
    out = tmp_path_factory.mktemp(fmt)
    write_table_files(rows, out, fmt)
    got = read_tables(out)
    want = _expected(rows)
    for table in schema.TABLES:
        # xlsx stores numbers as Excel does, to 16 significant digits
        pd.testing.assert_frame_equal(got[table], want[table], check_exact=fmt != "xlsx", rtol=1e-15)


# ---------------------------------------------------------------- types on disk


def _one_quantity(**over):
    row = {"doc_id": "a", "start_char": 0, "end_char": 4, "text": "6.43", "label": "CARDINAL", "value": 6.43}
    row.update(over)
    return row


def _docs(*ids):
    return [{"doc_id": d, "n_chars": 100, "status": "ok"} for d in ids]


def test_parquet_types_do_not_depend_on_the_data(tmp_path):
    """A whole-number value in one run and 6.43 in another: both files are float64 and concatenate."""
    a, b = tmp_path / "a", tmp_path / "b"
    write_table_files({"documents": _docs("a"), "quantities": [_one_quantity(value=6, text="6")]}, a, "parquet")
    write_table_files({"documents": _docs("a"), "quantities": [_one_quantity()]}, b, "parquet")
    for d in (a, b):
        for table in schema.TABLES:
            assert pq.read_schema(d / f"{table}.parquet").equals(arrow_schema(table), check_metadata=False)
    both = pd.concat([pd.read_parquet(a / "quantities.parquet"), pd.read_parquet(b / "quantities.parquet")])
    assert both["value"].tolist() == [6.0, 6.43]


def test_dtypes_of_read_tables(tmp_path):
    write_table_files({"documents": _docs("a"), "quantities": [_one_quantity()]}, tmp_path, "csv")
    tables = read_tables(tmp_path)
    assert set(tables) == set(schema.TABLES)
    for table, frame in tables.items():
        want = {c.name: {"str": "string", "int": "Int64", "float": "float64"}[c.dtype]
                for c in schema.typed_columns(table)}
        assert {c: str(t) for c, t in frame.dtypes.items()} == want


def test_text_that_looks_like_a_number_stays_text(tmp_path):
    write_table_files({"documents": _docs("007"), "quantities": [_one_quantity(doc_id="007", text="1e5")]},
                      tmp_path, "csv")
    q = read_tables(tmp_path)["quantities"]
    assert q["doc_id"].tolist() == ["007"] and q["text"].tolist() == ["1e5"]


# ---------------------------------------------------------------- spreadsheets

NASTY = ["=1+2", "@SUM(1+1)", "+44 20", "-3", "\tx", "\rx", "=HYPERLINK(\"http://example.com\")", "'quoted", "plain"]


@pytest.mark.parametrize("value", NASTY)
def test_guard_is_undone_exactly(value):
    guarded = guard_cell(value)
    assert unguard_cell(guarded) == value
    assert guarded[0] not in "=+-@\t\r" or guarded == value


def test_csv_excel_has_bom_and_guards_text_cells_only(tmp_path):
    rows = {"documents": [{"doc_id": v, "title": v, "n_chars": 100, "status": "ok"} for v in NASTY[:4]],
            "quantities": [_one_quantity(doc_id="=1+2", text="-3", value=-3)]}
    write_table_files(rows, tmp_path, "csv-excel")
    raw = (tmp_path / "quantities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rec = next(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rec["doc_id"] == "'=1+2" and rec["text"] == "'-3"
    assert rec["value"] == "-3"                       # a number cell is a number, not text
    docs = list(csv.DictReader((tmp_path / "documents.csv").read_text("utf-8-sig").splitlines()))
    assert all(not d["title"] or d["title"][0] not in "=+-@\t\r" for d in docs)
    assert sorted(read_tables(tmp_path)["documents"]["title"]) == sorted(NASTY[:4])


def test_default_csv_stays_exact(tmp_path):
    write_table_files({"documents": [{"doc_id": "=1+2", "n_chars": 10, "status": "ok"}]}, tmp_path, "csv")
    raw = (tmp_path / "documents.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\n=1+2," in raw


def test_xlsx_text_cells_are_never_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    rows = {"documents": [{"doc_id": v, "title": v, "n_chars": 100, "status": "ok"} for v in NASTY],
            "quantities": [_one_quantity()]}
    write_table_files(rows, tmp_path, "xlsx")
    book = openpyxl.load_workbook(tmp_path / WORKBOOK)
    assert book.sheetnames == list(schema.TABLES)
    cells = [c for row in book["documents"].iter_rows(min_row=2) for c in row if c.value is not None]
    assert cells and all(c.data_type in ("s", "n") for c in cells)
    assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))
    assert book["quantities"].cell(2, 6).data_type == "n"
    assert sorted(read_tables(tmp_path)["documents"]["doc_id"]) == sorted(NASTY)


# ---------------------------------------------------------------- rows that fail the validator


def test_rejected_rows_are_left_out_counted_and_logged(tmp_path, caplog):
    writer = PartWriter(tmp_path, "p", schema.table_columns(), "csv")
    writer.write("documents", _docs("a"))
    good = {"doc_id": "a", "start_char": 0, "end_char": 4, "text": "2024", "label": "DATE", "normalized": "2024",
            "type": "DATE", "source": "rule:year"}
    bad = dict(good, normalized="PT7S1S", source="rule:duration")
    outside = dict(good, start_char=98, end_char=104)
    with caplog.at_level(logging.WARNING, logger="extract"):
        writer.write("dates", [good, bad, outside])
    assert writer.n_rows["dates"] == 1 and writer.n_rejected["dates"] == 2
    messages = [r.getMessage() for r in caplog.records]
    assert any("a: dates row rejected (source=rule:duration)" in m and "PT7S1S" in m for m in messages)
    assert any("outside the text (100 characters)" in m for m in messages)
    part = writer.commit()
    merge_parts([part], tmp_path, schema.table_columns(), "csv")
    assert read_tables(tmp_path)["dates"]["normalized"].tolist() == ["2024"]


# ---------------------------------------------------------------- reading what is not a table folder


def test_read_tables_errors(tmp_path):
    with pytest.raises(ExtractError, match="no tables found"):
        read_tables(tmp_path)
    with pytest.raises(ExtractError, match="is not a directory"):
        read_tables(tmp_path / "nope")
    (tmp_path / "entities.csv").write_text("doc_id,start_char\n", encoding="utf-8")
    with pytest.raises(ExtractError, match="no documents table"):
        read_tables(tmp_path)
    with pytest.raises(ExtractError, match="missing column 'end_char'"):
        read_table(tmp_path, "entities", required=["doc_id", "end_char"])


@pytest.mark.parametrize("name, content, says", [
    ("entities.csv", b"doc_id,text\n\x00\x01\x02", "binary"),
    ("entities.csv", "doc_id,text\na,caf\xe9\n".encode("latin-1"), "not valid UTF-8"),
    ("entities.csv", b"", "empty"),
    ("entities.jsonl", b"{not json\n", "not JSON"),
    ("entities.jsonl", b"[1, 2]\n", "not a JSON object"),
    ("entities.parquet", b"PAR1 not really", "not a Parquet file"),
    ("entities.csv", b"doc_id,start_char,end_char\na,x,3\n", "start_char"),
])
def test_unreadable_tables_get_a_message(tmp_path, name, content, says):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ExtractError, match=says):
        read_table(tmp_path, "entities")


def test_jsonl_is_one_object_per_row(tmp_path):
    write_table_files({"documents": _docs("a"), "quantities": [_one_quantity(), _one_quantity(start_char=5, end_char=9)]},
                      tmp_path, "jsonl")
    lines = (tmp_path / "quantities.jsonl").read_text("utf-8").splitlines()
    assert [list(json.loads(x)) for x in lines] == [list(schema.QUANTITY.column_names)] * 2
    assert json.loads(lines[0])["value"] == 6.43 and json.loads(lines[0])["unit"] is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_tables_checks_the_manifest_of_a_run(tmp_path, fmt):
    from extract.manifest import ManifestError, write_manifest

    paths = write_table_files({"documents": _docs("a"), "quantities": [_one_quantity()]}, tmp_path, fmt)
    write_manifest(tmp_path, paths)
    assert len(read_tables(tmp_path)["quantities"]) == 1
    victim = paths["quantities"]
    victim.write_bytes(victim.read_bytes() + b"\n")
    with pytest.raises(ManifestError, match=victim.name):
        read_tables(tmp_path)


def test_a_run_in_every_format_reads_back_the_same_tables(nlp, tmp_path):
    """extract run --format X, then read_tables: the same typed tables whatever X."""
    from extract.runner import run

    root = Path(__file__).resolve().parents[1]
    base = None
    for fmt in FORMATS:
        run([root / "corpus"], tmp_path / fmt, nlp=nlp, fmt=fmt, resume=False)
        tables = read_tables(tmp_path / fmt)
        if base is None:
            base = tables
            assert len(tables["entities"]) > 50
            continue
        for name in schema.TABLES:
            pd.testing.assert_frame_equal(tables[name], base[name], check_exact=fmt != "xlsx", rtol=1e-15)


def test_formula_like_names_and_titles_are_guarded_end_to_end(nlp, tmp_path):
    """doc_ids from file names such as '=1+2.txt' and titles such as =HYPERLINK(...) from
    metadata.csv start no formula in csv-excel or xlsx, and stay exact in the default CSV."""
    from extract.runner import run

    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("=1+2", "@SUM(1+1)"):
        (corpus / f"{name}.txt").write_text("Ann Lee met Bob Day in Paris on 3 May 2020.\n", encoding="utf-8")
    (corpus / "metadata.csv").write_text(
        'doc_id,title,published,source\n=1+2,"=HYPERLINK(""http://example.com"",""x"")",2020-05-04,\n',
        encoding="utf-8")
    for fmt in ("csv", "csv-excel", "xlsx"):
        run([corpus], tmp_path / fmt, nlp=nlp, fmt=fmt, resume=False)
    exact = (tmp_path / "csv" / "documents.csv").read_text(encoding="utf-8")
    assert "\n=1+2," in exact and "\n@SUM(1+1)," in exact
    guarded = list(csv.DictReader((tmp_path / "csv-excel" / "documents.csv").read_text("utf-8-sig").splitlines()))
    cells = [v for row in guarded for v in row.values() if v]
    assert cells and not any(v[0] in "=+-@\t\r" for v in cells)
    assert {r["doc_id"] for r in guarded} == {"'=1+2", "'@SUM(1+1)"}
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(tmp_path / "xlsx" / WORKBOOK)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", (sheet.title, c.coordinate, c.value)
    for fmt in ("csv", "csv-excel", "xlsx"):
        docs = read_tables(tmp_path / fmt)["documents"]
        assert set(docs["doc_id"]) == {"=1+2", "@SUM(1+1)"}
        assert '=HYPERLINK("http://example.com","x")' in set(docs["title"].dropna())


def test_the_manifest_says_which_file_is_the_table(tmp_path):
    """A folder that holds an older run's Parquet beside this run's CSV reads the CSV its manifest names."""
    from extract.manifest import write_manifest

    write_table_files({"documents": _docs("old"), "quantities": [_one_quantity(doc_id="old")]}, tmp_path, "parquet")
    paths = write_table_files({"documents": _docs("new"), "quantities": [_one_quantity(doc_id="new")]}, tmp_path, "csv")
    assert read_tables(tmp_path)["documents"]["doc_id"].tolist() == ["old"]     # no manifest: Parquet first
    write_manifest(tmp_path, paths)
    assert read_tables(tmp_path)["documents"]["doc_id"].tolist() == ["new"]


def test_a_table_longer_than_a_sheet_goes_on_in_the_next(tmp_path, monkeypatch):
    import extract.writers as writers

    monkeypatch.setattr(writers, "XLSX_MAX_ROWS", 3)             # a header and two rows per sheet
    rows = [_one_quantity(start_char=i, end_char=i + 1) for i in range(5)]
    write_table_files({"documents": _docs("a"), "quantities": rows}, tmp_path, "xlsx")
    openpyxl = pytest.importorskip("openpyxl")
    names = openpyxl.load_workbook(tmp_path / WORKBOOK).sheetnames
    assert [n for n in names if n.startswith("quantities")] == ["quantities", "quantities (2)", "quantities (3)"]
    assert read_tables(tmp_path)["quantities"]["start_char"].tolist() == [0, 1, 2, 3, 4]
