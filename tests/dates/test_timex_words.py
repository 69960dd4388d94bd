"""extract.timex.words: dates.json read through the one resource loader, with coded errors."""
from __future__ import annotations

import pytest

from extract.errors import ResourceError
from extract.timex import load_words


def test_resource_validator_names_the_key():
    data = load_words()
    bad = dict(data, mods=dict(data["mods"], roughly="SORT_OF"))
    with pytest.raises(ResourceError, match="dates.json.*mods.roughly"):
        load_words(bad)
    with pytest.raises(ResourceError, match="unknown key"):
        load_words(dict(data, colours={}))
    with pytest.raises(ResourceError, match="missing key 'months'"):
        load_words({k: v for k, v in data.items() if k != "months"})




@pytest.mark.parametrize("change, message", [
    (lambda d: dict(d, months=dict(d["months"], March=3)), r"dates.json: months: 'March': words must be .*lower-case"),
    (lambda d: dict(d, months=dict(d["months"], january="1")), r"dates.json: months.january: expected an integer, got a string"),
    (lambda d: dict(d, time_zones="utc"), r"dates.json: time_zones: expected a list of strings"),
    (lambda d: dict(d, vague_refs=dict(d["vague_refs"], lately="RECENT_REF")), r"vague_refs.lately: 'RECENT_REF' is not allowed"),
    (lambda d: dict(d, vague_numbers=d["vague_numbers"] + [" "]), r"vague_numbers: ' ': words must be non-empty"),
])
def test_bad_word_lists_get_coded_errors(change, message):
    with pytest.raises(ResourceError, match=message):
        load_words(change(load_words()))


def test_a_good_file_passes_unchanged():
    data = load_words()
    assert load_words(data) is data and data["months"]["june"] == 6
