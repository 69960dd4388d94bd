"""The table of kinds (extract.schema) and the resource loader (extract.resources)."""
from __future__ import annotations

import pytest

from extract import schema
from extract.errors import ResourceError
from extract.resources import AnyOf, Choice, ListOf, MapOf, Record, check


def test_every_table_starts_with_its_contract_columns():
    for table, contract in schema.contract_columns().items():
        assert schema.table_columns()[table][: len(contract)] == contract


def test_item_tables_carry_the_record_columns_typed():
    for kind in schema.KINDS:
        for name, dtype in (("doc_id", "str"), ("start_char", "int"), ("end_char", "int"), ("text", "str")):
            col = kind.column(name)
            assert col.dtype == dtype and not col.nullable and col.contract
        assert len(set(kind.column_names)) == len(kind.column_names)


def test_labels_and_vocabularies_are_the_ones_the_columns_allow():
    assert schema.ENTITY.column("label").choices == schema.ENTITY_LABELS
    assert schema.QUANTITY.column("bound").choices == schema.BOUNDS
    assert schema.DATE.column("mod").choices == schema.MOD_VALUES
    assert schema.choices()["type"] == schema.DATE_TYPES


def test_unknown_dtype_and_table_are_refused():
    with pytest.raises(ValueError, match="unknown dtype 'decimal'; allowed: str, int, float"):
        schema.Column("x", "decimal")
    with pytest.raises(KeyError, match="Unknown table 'people'"):
        schema.typed_columns("people")


def test_components_and_consumers_read_the_same_facts():
    from extract import evaluate, gold, tables
    from extract.extensions import DOC_EXTENSIONS
    from extract.pipeline import EXTRACTORS

    assert tables.TABLES == schema.TABLES
    assert gold.KINDS == tuple(evaluate.ATTRIBUTES) == schema.KIND_NAMES
    assert list(EXTRACTORS) == ["entities", "dates", "quantities", "quotes"]
    assert {k.extension for k in schema.KINDS} <= set(DOC_EXTENSIONS)


SHAPE = Record({"verbs": MapOf(ListOf(str)), "gender": MapOf(Choice("m", "f")),
                "n": AnyOf(int, None)}, optional={"n"})


@pytest.mark.parametrize("data, message", [
    ({"verbs": {"say": ["said", 3]}, "gender": {}}, r"E?verbs.say\[1\]: expected a string, got an integer"),
    ({"verbs": {}, "gender": {}, "extra": 1}, "top level: unknown key 'extra'; allowed: verbs, gender, n"),
    ({"verbs": {}}, "top level: missing key 'gender'"),
    ({"verbs": {}, "gender": {"he": "x"}}, "gender.he: 'x' is not allowed; allowed: m, f"),
    ({"verbs": {}, "gender": {}, "n": "2"}, "n: expected an integer or null, got a string"),
    ([], "top level: expected an object with keys verbs, gender, n, got a list"),
])
def test_the_loader_names_file_place_and_what_was_allowed(data, message):
    with pytest.raises(ResourceError, match=f"Resource t.json: .*{message}"):
        check(data, SHAPE, name="t.json")


def test_the_loader_accepts_good_data_and_comment_keys():
    data = {"_comment": "ignored", "verbs": {"say": ["said"]}, "gender": {"he": "m"}, "n": None}
    assert check(data, SHAPE, name="t.json") is data
