"""extract.timex: the TIMEX3 normalizer (pure, no spaCy)."""
from __future__ import annotations

import pytest

from extract.errors import ConfigError
from extract.timex import duration_value, normalize

REF = "2018-11-01"  # a Thursday

# expression, reference date, tense, value, type, mod
NORMALIZE = [
    ("2016", REF, None, "2016", "DATE", ""),
    ("June 2007", REF, None, "2007-06", "DATE", ""),
    ("early 2018", REF, None, "2018", "DATE", "START"),
    ("mid-2017", REF, None, "2017", "DATE", "MID"),
    ("the end of 1990", REF, None, "1990", "DATE", "END"),
    ("Oct. 7, 2016", REF, None, "2016-10-07", "DATE", ""),
    ("7 October 2016", REF, None, "2016-10-07", "DATE", ""),
    ("Friday, Oct. 7, 2016", REF, None, "2016-10-07", "DATE", ""),
    ("2016-10-07", REF, None, "2016-10-07", "DATE", ""),
    ("March", REF, "PAST", "2018-03", "DATE", ""),
    ("March", REF, "FUTURE", "2019-03", "DATE", ""),
    ("late November", REF, "PAST", "2018-11", "DATE", "END"),
    ("Dec. 7", REF, None, "2018-12-07", "DATE", ""),
    ("last year", REF, None, "2017", "DATE", ""),
    ("Last year", REF, None, "2017", "DATE", ""),
    ("next year", REF, None, "2019", "DATE", ""),
    ("this year", REF, None, "2018", "DATE", ""),
    ("the past year", REF, None, "2017", "DATE", ""),
    ("earlier this year", REF, None, "2018", "DATE", "START"),
    ("last month", REF, None, "2018-10", "DATE", ""),
    ("this week", REF, None, "2018-W44", "DATE", ""),
    ("last week", REF, None, "2018-W43", "DATE", ""),
    ("the weekend", REF, "FUTURE", "2018-W44-WE", "DATE", ""),
    ("Friday", REF, "PAST", "2018-10-26", "DATE", ""),
    ("Friday", REF, "FUTURE", "2018-11-02", "DATE", ""),
    ("last Friday", REF, None, "2018-10-26", "DATE", ""),
    ("next Monday", REF, None, "2018-11-05", "DATE", ""),
    ("Thursday afternoon", REF, "PAST", "2018-11-01TAF", "TIME", ""),
    ("yesterday", REF, None, "2018-10-31", "DATE", ""),
    ("tomorrow", REF, None, "2018-11-02", "DATE", ""),
    ("this morning", REF, None, "2018-11-01TMO", "TIME", ""),
    ("10 p.m. Wednesday", REF, "PAST", "2018-10-31T22:00", "TIME", ""),
    ("around 7:15 p.m.", REF, None, "2018-11-01T19:15", "TIME", "APPROX"),
    ("A decade ago", REF, None, "2008", "DATE", ""),
    ("Fifteen years ago", REF, None, "2003", "DATE", ""),
    ("two weeks ago", REF, None, "2018-W42", "DATE", ""),
    ("three days ago", REF, None, "2018-10-29", "DATE", ""),
    ("several years ago", REF, None, "PAST_REF", "DATE", ""),
    ("the 1990s", REF, None, "199", "DATE", ""),
    ("the 1970s", REF, None, "197", "DATE", ""),
    ("the early 1980s", REF, None, "198", "DATE", "START"),
    ("the '80s", REF, None, "198", "DATE", ""),
    ("the nineties", REF, None, "199", "DATE", ""),
    ("the 20th century", REF, None, "19", "DATE", ""),
    ("the third quarter", REF, None, "2018-Q3", "DATE", ""),
    ("third-quarter", REF, None, "2018-Q3", "DATE", ""),
    ("the fourth quarter of 1989", REF, None, "1989-Q4", "DATE", ""),
    ("the first half of 2018", REF, None, "2018-H1", "DATE", ""),
    ("this summer", REF, None, "2018-SU", "DATE", ""),
    ("last winter", REF, None, "2017-WI", "DATE", ""),
    ("the summer of 1998", REF, None, "1998-SU", "DATE", ""),
    ("year-end", REF, None, "2018", "DATE", "END"),
    ("Christmas", REF, "FUTURE", "2018-12-25", "DATE", ""),
    ("Thanksgiving", REF, "FUTURE", "2018-11-22", "DATE", ""),
    ("Easter 2019", REF, None, "2019-04-21", "DATE", ""),
    ("20-minute", REF, None, "PT20M", "DURATION", ""),
    ("5-year", REF, None, "P5Y", "DURATION", ""),
    ("15-year", REF, None, "P15Y", "DURATION", ""),
    ("3 years old", REF, None, "P3Y", "DURATION", ""),
    ("40-year-old", REF, None, "P40Y", "DURATION", ""),
    ("aged 35", REF, None, "P35Y", "DURATION", ""),
    ("the age of 87", REF, None, "P87Y", "DURATION", ""),
    ("at least two years", REF, None, "P2Y", "DURATION", "EQUAL_OR_MORE"),
    ("about three years", REF, None, "P3Y", "DURATION", "APPROX"),
    ("more than four hours", REF, None, "PT4H", "DURATION", "MORE_THAN"),
    ("nearly two months", REF, None, "P2M", "DURATION", "LESS_THAN"),
    ("the past three months", REF, None, "P3M", "DURATION", ""),
    ("the first nine months", REF, None, "P9M", "DURATION", ""),
    ("2 1/2 years", REF, None, "P2Y6M", "DURATION", ""),
    ("a minute and a half", REF, None, "PT1M30S", "DURATION", ""),
    ("a decade", REF, None, "P10Y", "DURATION", ""),
    ("several years", REF, None, "PXY", "DURATION", ""),
    ("recent years", REF, None, "PAST_REF", "DATE", ""),
    ("the coming months", REF, None, "FUTURE_REF", "DATE", ""),
    ("the past few weeks", REF, None, "PXW", "DURATION", ""),
    ("decades-long", REF, None, "PXY", "DURATION", ""),
    ("Every weekend", REF, None, "XXXX-WXX-WE", "SET", ""),
    ("each year", REF, None, "P1Y", "SET", ""),
    ("every day", REF, None, "P1D", "SET", ""),
    ("every other week", REF, None, "P2W", "SET", ""),
    ("twice a year", REF, None, "P1Y", "SET", ""),
    ("each Thursday", REF, None, "XXXX-WXX-4", "SET", ""),
    ("Tuesday nights", REF, None, "XXXX-WXX-2TNI", "SET", ""),
    ("annually", REF, None, "P1Y", "SET", ""),
    ("Now", REF, None, "PRESENT_REF", "DATE", ""),
    ("currently", REF, None, "PRESENT_REF", "DATE", ""),
    ("recently", REF, None, "PAST_REF", "DATE", ""),
    ("the near future", REF, None, "FUTURE_REF", "DATE", ""),
    # a weekday without a tense is the most recent one (news looks back)
    ("Friday", REF, None, "2018-10-26", "DATE", ""),
    ("Thursday", REF, None, "2018-11-01", "DATE", ""),
    ("Wednesday", REF, "PRESENT", "2018-10-31", "DATE", ""),
    # halves written as "last half" or as two quarters
    ("the last half of 2017", REF, None, "2017-H2", "DATE", ""),
    ("the first two quarters of 2019", REF, None, "2019-H1", "DATE", ""),
    ("the last two quarters of 2016", REF, None, "2016-H2", "DATE", ""),
    # a year with an open end is one expression
    ("2020 or later", REF, None, "2020", "DATE", "ON_OR_AFTER"),
    ("2025 and beyond", REF, None, "2025", "DATE", "ON_OR_AFTER"),
    ("2010 or earlier", REF, None, "2010", "DATE", "ON_OR_BEFORE"),
    # a part of the day before its day word
    ("mid-afternoon yesterday", REF, None, "2018-10-31TAF", "TIME", "MID"),
    ("evening tomorrow", REF, None, "2018-11-02TEV", "TIME", ""),
    # "or so" makes a relative expression approximate
    ("a week or so ago", REF, None, "2018-W43", "DATE", "APPROX"),
    ("the next year or so", REF, None, "2019", "DATE", "APPROX"),
    ("the early summer", REF, "PAST", "2018-SU", "DATE", "START"),
    ("midday", REF, None, "2018-11-01T12:00", "TIME", ""),
    ("last Oct. 23", REF, None, "2018-10-23", "DATE", ""),
    ("last Nov. 5", REF, None, "2017-11-05", "DATE", ""),
    ("next March 3", REF, None, "2019-03-03", "DATE", ""),
    ("mid-winter", REF, "PAST", "2017-WI", "DATE", "MID"),
]


@pytest.mark.parametrize("text, ref, tense, value, type_, mod", NORMALIZE)
def test_normalize(text, ref, tense, value, type_, mod):
    t = normalize(text, ref, tense=tense)
    assert t is not None, text
    assert (t.value, t.type, t.mod) == (value, type_, mod)


@pytest.mark.parametrize("text", [
    "may", "march", "Spring Street", "a 2000-strong crowd", "the", "week-old bread", "Mayday",
    "annual", "the day", "a second",
    "2020 or later years", "60 Minutes", "the last half", "spring", "fall", "Summer",
    "25:00 GMT", "30 o'clock", "24:30 GMT", "10:75 GMT",   # past the day or the hour: no clock time
])
def test_normalize_negatives(text):
    t = normalize(text, REF)
    assert t is None, (text, t)


@pytest.mark.parametrize("text, value, type_, granularity", [
    ("last year", "", "DATE", "year"),
    ("Friday", "", "DATE", "day"),
    ("March", "", "DATE", "month"),
    ("a decade ago", "", "DATE", "year"),
    ("2016", "2016", "DATE", "year"),           # absolute values need no reference
    ("15-year", "P15Y", "DURATION", "year"),
])
def test_no_reference_date_leaves_relative_values_empty(text, value, type_, granularity):
    t = normalize(text)
    assert (t.value, t.type, t.granularity) == (value, type_, granularity)


def test_point_bounds():
    assert normalize("at least Thursday", REF, tense="FUTURE").mod == "ON_OR_AFTER"
    assert normalize("at least two years", REF).mod == "EQUAL_OR_MORE"


def test_labels():
    assert normalize("20-minute").label == "TIME"
    assert normalize("5-year").label == "DATE"
    assert normalize("this morning", REF).label == "TIME"


@pytest.mark.parametrize("n, unit, value", [
    (15, "Y", "P15Y"), (20, "TM", "PT20M"), (2.5, "Y", "P2Y6M"), (1.5, "H", "PT1H30M"),
    (None, "Y", "PXY"), (None, "H", "PTXH"), (2, "10Y", "P20Y"), (3, "Q", "P9M"),
])
def test_duration_value(n, unit, value):
    assert duration_value(n, unit) == value


def test_bad_tense_and_reference_are_refused():
    with pytest.raises(ConfigError):
        normalize("Friday", REF, tense="SOON")
    with pytest.raises(ConfigError):
        normalize("Friday", "1st of November")
