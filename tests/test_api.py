"""The Python API and the table schema."""
from __future__ import annotations

import pandas as pd

import extract
from extract.schema import contract_columns, table_columns

CONTRACT = contract_columns()


def test_schema_starts_with_the_contract_columns():
    cols = table_columns()
    assert set(cols) == set(CONTRACT)
    for name, contract in CONTRACT.items():
        assert cols[name][: len(contract)] == contract, name
        assert len(set(cols[name])) == len(cols[name]), f"{name}: duplicate column"


def test_extract_text_returns_dataframes(nlp):
    text = "Philip Krein moved to Haining in 2016.\n“It is big,” he says."
    tables = extract.extract_text(text, reference_date="2018-11-01", nlp=nlp)
    assert set(tables) == set(CONTRACT)
    for name, df in tables.items():
        assert isinstance(df, pd.DataFrame)
        assert list(df.columns) == list(table_columns()[name])
    ents = tables["entities"]
    assert ("Philip Krein", "PERSON") in set(zip(ents.text, ents.label))
    for df in (tables["entities"], tables["dates"], tables["quotes"]):
        for r in df.itertuples():
            assert text[r.start_char:r.end_char] == r.text
    assert tables["documents"].status.tolist() == ["ok"]


def test_extract_text_empty_is_an_error_row(nlp):
    tables = extract.extract_text("   ", nlp=nlp)
    assert tables["documents"].status.tolist() == ["error"]
    assert tables["entities"].empty


def test_build_pipeline_orders_components():
    nlp = extract.build_pipeline()
    names = nlp.pipe_names
    assert "lemmatizer" not in names
    assert names[-4:] == ["extract_entities", "extract_dates", "extract_quantities", "extract_quotes"]
