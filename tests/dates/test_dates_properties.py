"""Property-based checks of the dates (issue 13): generated text of numbers, units, times and
date words never raises, and every value is a well-formed TIMEX3 value (one validator:
:func:`extract.validate.timex3_problem`) on the span it was read from. Bounded to stay quick."""
from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extract.timex import normalize, scan  # noqa: E402
from extract.validate import timex3_problem  # noqa: E402
from dates_fixtures import model  # noqa: F401,E402  (the fixture)

REF = "2018-11-01"

_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10 ** 7).map(str),
    st.integers(min_value=1000, max_value=10 ** 9).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10 ** 5, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.integers(min_value=300, max_value=700).map(lambda k: "9" * k),      # numbers past any float
    st.sampled_from(["a", "an", "one", "two", "twenty-five", "several", "a few", "half an", "a quarter of an"]),
)
_UNITS = st.sampled_from([
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries",
    "metres", "miles", "cubic metres", "barrels", "%", "people", "m", "bn",
])
_WORDS = st.sampled_from([
    "ago", "later", "earlier", "from now", "per", "every", "each", "a", "last", "next", "this", "the",
    "the year", "in", "on", "since", "until", "early", "late", "mid-", "about", "more than", "Monday",
    "Friday", "March", "May", "Oct.", "Christmas", "spring", "summer", "the 1990s", "the '80s", "Q3",
    "the third quarter", "2018", "1999", "10000", "yesterday", "tonight", "noon", "p.m.", "a.m.", "GMT",
    "o'clock", "-", ",", ".", ";", "'s", "and", "or", "to", "race", "marathon", "final", "won in",
])
_TIMES = st.one_of(
    st.tuples(st.integers(0, 30), st.integers(0, 69)).map(lambda t: f"{t[0]}:{t[1]:02d}"),
    st.tuples(st.integers(0, 12), st.integers(0, 59), st.integers(0, 69)).map(lambda t: f"{t[0]}:{t[1]:02d}:{t[2]:02d}"),
    st.tuples(st.integers(0, 20), st.integers(0, 59), st.integers(0, 99)).map(lambda t: f"{t[0]}:{t[1]:02d}.{t[2]:02d}"),
    st.sampled_from(["10 p.m.", "7:15pm", "10.30am", "1/2/2003", "2016-10-07", "3-2", "2-0"]),
)
_PIECE = st.one_of(_NUMBERS, _UNITS, _WORDS, _TIMES)
_TEXT = st.lists(_PIECE, min_size=1, max_size=12).map(" ".join)

_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(value: str) -> None:
    assert value == "" or timex3_problem(value) is None, value


@_SETTINGS
@given(text=_TEXT, ref=st.sampled_from([REF, None, "1999-12-31", "2024-02-29"]))
def test_scan_and_normalize_give_well_formed_values(text, ref):
    for f in scan(text, ref):
        assert 0 <= f.start < f.end <= len(text)
        _check(f.timex.value)
        # the span read alone gives a well-formed value too (or none)
        t = normalize(text[f.start:f.end], ref)
        if t is not None:
            _check(t.value)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(_TEXT, min_size=1, max_size=3))
def test_the_finder_gives_well_formed_records_on_their_spans(model, pieces):
    from extract.dates import find_dates

    text = ". ".join(pieces) + "."
    for r in find_dates(model(text), REF):
        assert text[r["start_char"]:r["end_char"]] == r["text"]
        assert r["start_char"] < r["end_char"]
        _check(r["normalized"])
        assert r["type"] in ("DATE", "TIME", "DURATION", "SET")
