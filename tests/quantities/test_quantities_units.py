"""The units tables: units.json read through the one resource loader, checked with coded errors."""
from __future__ import annotations

import pytest

from extract import quantities as q
from extract.errors import Errors, ResourceError
from extract.resources import read_json


def test_units_resource_loads():
    t = q.load_tables()
    assert t.unit_forms["hectares"] == ("hectare", "QUANTITY")
    assert t.currency_prefix["US$"] == "USD"


@pytest.mark.parametrize("patch, code, message", [
    ({"colours": {}}, "E202", "unknown key 'colours'"),
    ({"units": {"metre": {"label": "LENGTH", "names": ["metre"]}}}, "E205", "units.metre.label: 'LENGTH' is not allowed"),
    ({"units": {"metre": {"names": "metre"}}}, "E204", "units.metre.names: expected a list of strings, got a string"),
    ({"number_words": {"one": "1"}}, "E204", "number_words.one: expected a number, got a string"),
    ({"modifiers": {"about": "roughly"}}, "E205", "modifiers.about: 'roughly' is not allowed"),
    ({"powers": {"square": "2"}}, "E204", "powers.square: expected a list of strings"),
    ({"suffix_modifiers": {"-odd": "vague"}}, "E205", "suffix_modifiers.-odd: 'vague' is not allowed"),
    ({"currencies": {"USD": {"symbol": ["$"]}}}, "E202", "currencies.USD: unknown key 'symbol'"),
])
def test_units_validator_names_file_and_key(patch, code, message):
    """Every problem is a coded message from errors.py naming the file and the place."""
    data = read_json(q.RESOURCE)
    data.update(patch)
    with pytest.raises(ResourceError) as exc:
        q.build_tables(data)
    expected = getattr(Errors, code).split("{")[0]
    assert str(exc.value).startswith(expected) and "units.json" in str(exc.value)
    assert message in str(exc.value)


def test_component_reads_its_units_file_from_config():
    import spacy

    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("extract_quantities")
    assert pipe.units_file == q.RESOURCE and nlp.config["components"]["extract_quantities"]["units_file"] == q.RESOURCE
    with pytest.raises(ResourceError):
        spacy.blank("en").add_pipe("extract_quantities", config={"units_file": "no-such-units.json"})


@pytest.mark.parametrize("edit, code, where", [
    (lambda d: d["minor_units"].update({"kopek": {"factor": 100, "default": "RUB"}}), "E410", "minor_units.kopek"),
    (lambda d: d["minor_units"]["cent"].update({"default": "XXX"}), "E411", "minor_units.cent.default"),
    (lambda d: d["minor_units"]["cent"].update({"factor": 0}), "E412", "minor_units.cent.factor"),
    (lambda d: d["currencies"]["EUR"].update({"minor": "centime"}), "E413", "currencies.EUR.minor"),
])
def test_minor_units_are_checked(edit, code, where):
    """Checks a shape cannot state are coded too (E207 naming the place, with an E41x problem)."""
    data = read_json(q.RESOURCE)
    edit(data)
    with pytest.raises(ResourceError) as exc:
        q.build_tables(data)
    assert str(exc.value).startswith(f"Resource units.json: {where}: ")
    assert getattr(Errors, code).split("{")[0] in str(exc.value)
