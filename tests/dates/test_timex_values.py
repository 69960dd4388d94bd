"""extract.timex: values that are right on unseen news (issue 13), checked by the one validator.

Each class has several sentences, with the other reading where there is one.
"""
from __future__ import annotations

import pytest

from extract.timex import duration_value, normalize, scan
from extract.validate import timex3_problem

REF = "2018-11-01"


def _found(text: str, ref: str = REF) -> list[tuple[str, str, str]]:
    """The longest reading at each place, as the finder would choose (text, value, type)."""
    out, taken = [], []
    for f in sorted(scan(text, ref), key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= a or f.start >= b for a, b in taken):
            taken.append((f.start, f.end))
            out.append((text[f.start:f.end], f.timex.value, f.timex.type))
    return sorted(out)


# ------------------------------------------------------------------ fractional seconds

@pytest.mark.parametrize("text, value", [
    ("7.58 seconds", "PT7.58S"),
    ("21.01 seconds", "PT21.01S"),
    ("9.58 seconds", "PT9.58S"),
    ("1.5 seconds", "PT1.5S"),
    ("0.001 seconds", "PT0.001S"),
    ("12 seconds", "PT12S"),
    ("2.5 minutes", "PT2M30S"),       # a fraction of a larger unit still goes to the next one
    ("1.5 hours", "PT1H30M"),
    ("2.5 years", "P2Y6M"),
])
def test_fractional_seconds_stay_decimal(text, value):
    t = normalize(text, REF)
    assert t is not None and t.value == value and t.type == "DURATION"
    assert timex3_problem(t.value) is None


@pytest.mark.parametrize("n, unit, value", [
    (1.999, "H", "PT2H"),    # rounds up to the whole unit, never PT1H60M
    (0.25, "H", "PT15M"),
    (0.5, "D", "PT12H"),
])
def test_duration_fraction_carries(n, unit, value):
    assert duration_value(n, unit) == value


# ------------------------------------------------------------------ far past and future

@pytest.mark.parametrize("text, value", [
    ("301,000 years ago", ""),             # no four-digit TIMEX3 year: left empty
    ("a million years ago", None),         # not read at all (no rule)
    ("2,500 years ago", "BC0483"),         # 2018 - 2500 = -482, i.e. 483 BC
    ("2,018 years ago", "BC0001"),         # there is no year 0
    ("2,017 years ago", "0001"),
    ("10,000 years ago", "BC7983"),
    ("20,000 years from now", ""),
    ("five years ago", "2013"),
    ("4,000,000 days ago", ""),            # before 1 AD: no date, no OverflowError
])
def test_far_past_is_a_correct_value_or_none(text, value):
    t = normalize(text, REF)
    if value is None:
        assert t is None or t.value == ""
        return
    assert t is not None and t.value == value
    if value:
        assert timex3_problem(value) is None


@pytest.mark.parametrize("text", [
    "The year 10000 will come.",
    "By January 10000 robots will rule.",
    "On March 1, 10000, robots.",
    "on 1 March 10000",
])
def test_five_digit_years_are_no_dates(text):
    for f in scan(text, REF):
        assert f.timex.value == "" or timex3_problem(f.timex.value) is None
        assert f.timex.granularity != "month" and f.timex.granularity != "day", (text, f)


@pytest.mark.parametrize("digits", [309, 400, 5000])
@pytest.mark.parametrize("tail", [" years", " years ago", " days ago", ".5 years", " hours later", " seconds"])
def test_huge_numbers_never_overflow(digits, tail):
    text = "It lasted " + "1" * digits + tail + "."
    for f in scan(text, REF):   # no OverflowError, no ValueError from int-to-str limits
        assert f.timex.value == "" or timex3_problem(f.timex.value) is None
    t = normalize("1" * digits + tail, REF)
    assert t is None or t.value == "" or timex3_problem(t.value) is None


def test_a_long_but_readable_number_keeps_its_digits():
    t = normalize("1" + "0" * 40 + " years", REF)
    assert t is not None and t.value == "P1" + "0" * 40 + "Y"


# ------------------------------------------------------------------ race times

@pytest.mark.parametrize("text, expected", [
    ("He won the heat in 9:05.00.", [("9:05.00", "PT9M5S", "DURATION")]),
    ("She clocked 1:50.87 in the final.", [("1:50.87", "PT1M50.87S", "DURATION")]),
    ("The marathon was won in 2:08:35.", [("2:08:35", "PT2H8M35S", "DURATION")]),
    ("He finished in 2:00:05.", [("2:00:05", "PT2H5S", "DURATION")]),
    ("They met at 10:30 p.m. on Friday.", [("10:30 p.m. on Friday", "2018-10-26T22:30", "TIME")]),
    ("The train left at 9:05.", [("9:05", "2018-11-01T09:05", "TIME")]),
])
def test_race_times_are_durations_never_clock_times(text, expected):
    assert _found(text) == sorted(expected)


@pytest.mark.parametrize("text", ["9:05.00", "1:50.87", "2:08:35", "1:02:03.5"])
def test_race_times_never_read_as_time_of_day(text):
    for f in scan(f"in {text} flat", REF):
        assert f.timex.type != "TIME", f


# ------------------------------------------------------------------ amounts that are no dates

@pytest.mark.parametrize("text, value, type_", [
    ("eight minutes later", "PT8M", "DURATION"),
    ("three hours ago", "PT3H", "DURATION"),
    ("90 seconds later", "PT90S", "DURATION"),
    ("1.5 hours later", "PT1H30M", "DURATION"),
    ("30 seconds earlier", "PT30S", "DURATION"),
    ("three days later", "2018-11-04", "DATE"),      # a day or more is still a calendar date
    ("two weeks ago", "2018-W42", "DATE"),
])
def test_less_than_a_day_later_is_no_calendar_date(text, value, type_):
    t = normalize(text, REF)
    assert t is not None and (t.value, t.type) == (value, type_)


@pytest.mark.parametrize("text, expected", [
    ("Water flowed at 42 cubic metres per second.", []),
    ("The car reached 70 miles an hour.", []),
    ("It pumps 2m barrels per day.", []),
    ("Data moves at 10 gigabits per second.", []),
    ("She is paid $20 per hour.", [("per hour", "PT1H", "SET")]),     # a wage: a SET as before
    ("They meet once per week.", [("once per week", "P1W", "SET")]),
])
def test_per_unit_after_a_measure_is_no_set(text, expected):
    assert _found(text) == sorted(expected)


@pytest.mark.parametrize("text, value", [
    ("a quarter of an hour", "PT15M"),
    ("three quarters of an hour", "PT45M"),
    ("three-quarters of an hour", "PT45M"),
    ("a quarter of a century", "P25Y"),
    ("a quarter of a year", "P3M"),
])
def test_a_quarter_of_an_hour(text, value):
    t = normalize(text, REF)
    assert t is not None and t.value == value and t.type == "DURATION"


def test_a_quarter_of_an_hour_in_text_is_one_duration():
    assert _found("It took a quarter of an hour.") == [("a quarter of an hour", "PT15M", "DURATION")]
