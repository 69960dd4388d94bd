"""The one row validator and the TIMEX3 value checker (extract.validate)."""
from __future__ import annotations

import logging
import math
from pathlib import Path

import pytest

from extract import schema
from extract.validate import row_origin, row_problems, timex3_problem

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("value", [
    "2024", "199", "19", "2024-03", "2024-03-05", "2024-02-29", "XXXX", "XXXX-12", "199X",
    "2024-W05", "2024-W05-3", "2024-W05-WE", "XXXX-WXX-1", "XXXX-WXX-WE", "XXXX-WXX-1TEV",
    "2024-SU", "XXXX-WI", "2024-Q1", "2024-QX", "2024-H2", "BC0300", "BC03",
    "T10", "T10:30", "T10:30:15", "2024-03-05T10:30:15.25", "2024-03-05T24:00", "2024-03-05T10:30Z",
    "2024-03-05T10:30+01:00", "XXXX-XX-XXTMO", "2024-03-05TNI", "TAF",
    "P3Y6M", "P1W", "P10D", "PT1H30M", "PT7.58S", "P1DT12H", "PXY", "PTXH", "PXD", "P2DE", "P1CE", "P0.5Y",
    "PAST_REF", "PRESENT_REF", "FUTURE_REF",
])
def test_well_formed_timex3(value):
    assert timex3_problem(value) is None


@pytest.mark.parametrize("value, says", [
    ("PT7S1S", "duration"),
    ("P1Y2Y", "duration"),
    ("P1H", "duration"),
    ("P", "duration"),
    ("PT", "duration"),
    ("P1.5", "duration"),
    ("PAST", "duration"),
    ("-298982", "not a TIMEX3"),
    ("1", "not a TIMEX3"),
    ("10000", "four digits"),
    ("2024-3", "not a month"),
    ("2024-13", "month 13"),
    ("2024-00", "month 00"),
    ("2023-02-29", "does not exist"),
    ("2024-04-31", "does not exist"),
    ("2024-W54", "week 54"),
    ("2024-Q5", "not a month"),
    ("2024TMO", "full date"),
    ("2024-03T10:00", "full date"),
    ("T25:00", "hour 25"),
    ("2024-03-05T10:61", "minute 61"),
    ("2024-03-05T24:30", "T24"),
    ("2024-03-05 10:00", "not a time"),
    ("19-03", "four-digit year"),
    (" 2024", "whitespace"),
    ("", "empty"),
    ("now", "not a TIMEX3"),
    ("present_ref", "not a TIMEX3"),
])
def test_malformed_timex3(value, says):
    problem = timex3_problem(value)
    assert problem is not None and says in problem


def test_timex3_non_string():
    assert "string" in timex3_problem(2024)


def _date_row(**over):
    row = {"doc_id": "a", "start_char": 3, "end_char": 7, "text": "2024", "label": "DATE",
           "normalized": "2024", "type": "DATE", "mod": None, "anchor": "", "granularity": "year",
           "source": "rule:year"}
    row.update(over)
    return row


def _quantity_row(**over):
    row = {"doc_id": "a", "start_char": 0, "end_char": 5, "text": "5 kg", "label": "QUANTITY",
           "value": 5, "unit": "kilogram", "value_max": None, "bound": "exact", "unit_noun": "",
           "surface_unit": "kg"}
    row.update(over)
    return row


def test_good_rows_have_no_problems():
    assert row_problems("dates", _date_row(), n_raw_chars=10) == []
    assert row_problems("quantities", _quantity_row(), n_raw_chars=10, units={"kilogram"}) == []
    doc = {"doc_id": "a", "status": "ok", "n_chars": 10, "warnings": ["x", "y"]}
    assert row_problems("documents", doc) == []


@pytest.mark.parametrize("table, row, says", [
    ("dates", _date_row(normalized="PT7S1S"), "normalized"),
    ("dates", _date_row(normalized="-298982"), "normalized"),
    ("dates", _date_row(start_char=7, end_char=7), "smaller than"),
    ("dates", _date_row(start_char=-1), "negative"),
    ("dates", _date_row(end_char=11), "outside the text"),
    ("dates", _date_row(label="YEAR"), "not allowed"),
    ("dates", _date_row(type="INSTANT"), "not allowed"),
    ("dates", _date_row(text=""), "required"),
    ("dates", _date_row(doc_id=None), "required"),
    ("dates", _date_row(start_char="3"), "expected a number"),
    ("dates", _date_row(start_char=3.5), "whole number"),
    ("dates", _date_row(start_char=True), "expected a number"),
    ("dates", _date_row(text=2024), "expected text"),
    ("quantities", _quantity_row(value=math.inf), "finite"),
    ("quantities", _quantity_row(value=-math.inf), "finite"),
    ("quantities", _quantity_row(value="5"), "expected a number"),
    ("quantities", _quantity_row(unit="furlongs"), "unit table"),
    ("quantities", _quantity_row(bound="roughly"), "not allowed"),
    ("quotes", {"doc_id": "a", "start_char": 0, "end_char": 4, "text": "\u201chi\u201d",
                "speaker_start_char": 5, "speaker_end_char": None}, "one is empty"),
    ("documents", {"doc_id": "a", "status": "done"}, "not allowed"),
    ("nonsense", {}, "Unknown table"),
])
def test_bad_rows(table, row, says):
    problems = row_problems(table, row, n_raw_chars=10, units={"kilogram"})
    assert any(says in p for p in problems), problems


def test_nan_is_empty_and_unit_check_optional():
    assert row_problems("quantities", _quantity_row(value=math.nan, unit="furlongs")) == []


def test_every_table_is_known():
    for table in schema.TABLES:
        assert not any("Unknown table" in p for p in row_problems(table, {}))


def test_row_origin():
    assert row_origin({"source": "rule:year"}) == "source=rule:year"
    assert row_origin({"method": "colon"}) == "method=colon"
    assert row_origin({}) == "source unknown"


# ---------------------------------------------------------------- the pipeline writes no row the validator rejects

SENTENCES = [
    "The species appeared 301,000 years ago, long before the year 10000 was imagined.",
    "Bolt ran the 100m in 9.58 seconds and the relay in 37.04 seconds on Saturday.",
    "He won in 2 hours 7 minutes 58 seconds in Berlin last Sunday.",
    "Shares rose 5% to $12.50 on Tuesday, giving it a value of £3.2bn, up from 1.5 billion euros in 2019.",
    "The temperature fell to minus 20 degrees Celsius at 3 a.m. on 12 January 2021.",
    "\u201cWe will not give up,\u201d said the minister, who has served for 12 years since the 1990s.",
    "In the first quarter of 2020 sales were 40 per cent lower than in Q4 2019, the 21st century's worst.",
    "The car reached 300 km/h, about 186 mph, during a 24-hour race in spring 2018.",
    "Every Monday morning for three decades, some 2,500 people queued from 6:30 until noon.",
    "The 1,200-year-old manuscript, dated to AD 800 or 300 BC, sold for 1.2m dollars in the 1800s.",
]


@pytest.fixture(scope="module")
def pipeline_rows():
    import extract

    tables = {}
    for i, s in enumerate(SENTENCES):
        out = extract.extract_text(s, reference_date="2021-06-01", doc_id=f"s{i}")
        for name, frame in out.items():
            tables.setdefault(name, []).append(frame)
    return tables


def test_the_pipeline_writes_no_row_the_validator_rejects(caplog):
    import extract

    with caplog.at_level(logging.WARNING, logger="extract"):
        for i, s in enumerate(SENTENCES):
            extract.extract_text(s, reference_date="2021-06-01", doc_id=f"s{i}")
        extract.extract_files([ROOT / "corpus"])
    rejected = [r.getMessage() for r in caplog.records if "row rejected" in r.getMessage()]
    assert rejected == []


def test_every_row_of_the_api_passes_the_validator(pipeline_rows):
    from extract.tables import UNITS

    n = 0
    for name, frames in pipeline_rows.items():
        for frame in frames:
            for row in frame.astype(object).where(frame.notna(), None).to_dict("records"):
                n += 1
                assert row_problems(name, row, units=UNITS) == [], (name, row)
    assert n > len(SENTENCES)


@pytest.mark.parametrize("unit, known", [
    ("USD", True), ("GBP", True), ("percent", True), ("times", True), ("hectare", True),
    ("kilometre per hour", True), ("USD per share", True), ("USD per barrel", True),
    ("inverse second", True), ("metre per square second", True),
    ("furlong", False), ("USD per furlong", False), ("per share", False), ("", False), ("usd", False),
])
def test_units_come_from_the_unit_table(unit, known):
    from extract.tables import UNITS, known_unit

    assert known_unit(unit) is known
    assert (unit in UNITS) is known
