"""Property-based checks of the quantities (issue 13): generated text of numbers, units,
signs, currency symbols, times and quote marks never raises, every value is finite, every
span is the text it claims, and every record passes the one row validator
(:func:`extract.validate.row_problems`) with the units the writers accept
(:data:`extract.tables.UNITS`), so no row is ever rejected. Bounded to stay quick."""
from __future__ import annotations

import math

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extract import quantities as q  # noqa: E402
from extract import schema  # noqa: E402
from extract.resources import read_json  # noqa: E402
from extract.tables import UNITS  # noqa: E402
from extract.validate import row_problems  # noqa: E402

_DATA = read_json(q.RESOURCE)
_FORMS = sorted({f for table in ("currencies", "units") for k, e in _DATA[table].items() if not k.startswith("_")
                 for key in ("names", "plurals", "symbols", "codes") for f in e.get(key, [])})

_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10 ** 7).map(str),
    st.integers(min_value=1000, max_value=10 ** 12).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10 ** 6, places=3, allow_nan=False, allow_infinity=False).map(str),
    st.integers(min_value=300, max_value=700).map(lambda k: "9" * k),      # past any float
    st.integers(min_value=1, max_value=400).map(lambda k: f"1e{k}"),
    st.sampled_from(["3 x 10^8", "2.48×10−5", "½", "2 1/2", "3/4", "1/0", "0 x 10^999", "1st", "21st",
                     "a", "one", "two", "twenty-five", "a hundred and two", "two and a half", "tens",
                     "hundreds", "thousands", "millions", "dozens", "half", "eightfold"]),
)
_SIGNS = st.sampled_from(["", "", "+", "-", "−", "minus ", "±", "+/-"])
_UNITS = st.one_of(st.sampled_from(_FORMS), st.sampled_from(_FORMS).map(lambda f: "".join(f.split())))
_SCALES = st.sampled_from(["", "", "m", "bn", "k", " million", " billion", "-million", " trillion", "M"])
_SYMBOLS = st.sampled_from(["", "$", "£", "€", "¥", "US$", "HK$", "A$", "C$", "NZ$", "S$", "RMB ", "USD ", "M$"])
_WORDS = st.sampled_from([
    "of", "per", "a", "an", "to", "and", "or", "between", "from", "about", "more than", "up to", "-odd",
    "-plus", "a share", "a day", "/h", "per cent", "people", "homes", "new", "heats", "final", "won",
    "lost", "defeat", "weighed", "cost", "below zero", "O'Connor,", "Smith ,", ",", ".", ";", "(", ")",
    '"', "“", "”", "‘", "’", "'", "-", "–", "—", "3-2", "6-4 6-3", "9:05.00", "2:08:35", "10 p.m.",
    "1998", "2001-2003", "page", "No.", "G20", "\n", "\n\n",
])
_AMOUNT = st.tuples(_SIGNS, _SYMBOLS, _NUMBERS, _SCALES, st.sampled_from(["", " ", "-"]), _UNITS).map("".join)
_PIECE = st.one_of(_AMOUNT, _NUMBERS, _UNITS, _WORDS)
_TEXT = st.lists(_PIECE, min_size=1, max_size=10).map(" ".join)

def _check(text: str, recs: list[dict]) -> None:
    for r in recs:
        assert text[r["start_char"]:r["end_char"]] == r["text"]
        for key in ("value", "value_max"):
            assert r[key] is None or math.isfinite(r[key]), r
        if r["value_max"] is not None:
            assert r["value_max"] >= r["value"], r
        problems = row_problems(schema.QUANTITY.table, {**r, "doc_id": "d"}, len(text), UNITS)
        assert not problems, (r, problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
def test_pure_finder_never_raises_and_stays_finite(text):
    atoms = q.read_atoms(text)
    for a in atoms:
        assert 0 <= a.start < a.end <= len(text)
    _check(text, q.find_quantities_in_text(text, date_spans=[]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=_TEXT)
def test_pipeline_records_are_valid_rows(nlp, text):
    doc = nlp(text)
    _check(text, doc._.get(schema.QUANTITY.extension) or [])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=_TEXT)
def test_api_rows_point_into_the_raw_text(nlp, text):
    """Through the API (cleaning, offsets mapped back to the raw text, typed tables): every
    quantity row's span is inside the raw text and holds the row's text (up to the
    whitespace and line-break hyphens the cleaner removes)."""
    import re

    from extract.api import extract_text

    rows = extract_text(text, nlp=nlp)["quantities"]
    for r in rows.to_dict("records"):
        s, e = int(r["start_char"]), int(r["end_char"])
        assert 0 <= s < e <= len(text)
        assert re.sub(r"[\W_]", "", text[s:e]) == re.sub(r"[\W_]", "", r["text"]), (text[s:e], r["text"])
        for key in ("value", "value_max"):
            assert r[key] is None or r[key] != r[key] or math.isfinite(r[key])  # NaN is an empty cell
