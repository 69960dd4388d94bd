"""extract.dates: the finder on parsed text, the component, the seed article, the TimeML reader."""
from __future__ import annotations

import pytest

from extract import schema
from extract.validate import timex3_problem
from dates_fixtures import model  # noqa: F401,E402  (the fixture)

REF = "2018-11-01"  # a Thursday


# ------------------------------------------------------------------ finder on parsed text

def _dates(model, text, ref=REF):
    from extract.dates import find_dates
    return [(r["text"], r["normalized"], r["type"]) for r in find_dates(model(text), ref)]


@pytest.mark.parametrize("text, expected", [
    ("Says May Tan-Mullins, who studies there.", []),
    ("Theresa May spoke in London.", []),
    ("Protesters march on the capital.", []),
    ("They may march to the square.", []),
    ("The shop is on Spring Street.", []),
    ("A 2000-strong crowd gathered.", []),
    ("The council approved quarterly earnings reports.", []),
    ("The plan was announced in March.", [("March", "2018-03", "DATE")]),
    ("Krein moved there in 2016 and the campus opened in 2017.",
     [("2016", "2016", "DATE"), ("2017", "2017", "DATE")]),
    ("Between 2013 and 2017 the number doubled.", [("2013", "2013", "DATE"), ("2017", "2017", "DATE")]),
    ("The minister resigned on Friday.", [("Friday", "2018-10-26", "DATE")]),
    ("The minister will resign on Friday.", [("Friday", "2018-11-02", "DATE")]),
    ("Busloads of tourists arrive every weekend.", [("every weekend", "XXXX-WXX-WE", "SET")]),
    ("The airline adds 700 seats a week.", [("a week", "P1W", "SET")]),
    ("Victory could come within a week.", [("a week", "P1W", "DURATION")]),
    ("It is a 20-minute ride away.", [("20-minute", "PT20M", "DURATION")]),
    ("The 30-day review ended.", [("30-day", "P30D", "DURATION")]),
    ("He was in his 30s then.", []),
    ("Third-quarter profit rose to $5 million from $4 million a year earlier.",
     [("Third-quarter", "2018-Q3", "DATE"), ("a year earlier", "2017-Q3", "DATE")]),
    ("Sales fell in the year-ago quarter.", [("the year-ago quarter", "2017-Q3", "DATE")]),
    ("The pact was signed on May 22, 1995, and the following year he left.",
     [("May 22, 1995", "1995-05-22", "DATE"), ("the following year", "1996", "DATE")]),
    ("The offer was extended to Nov. 20.", [("Nov. 20", "2018-11-20", "DATE")]),
    ("Atlanta, nineteen ninety-six.", [("nineteen ninety-six", "1996", "DATE")]),
    ("The trial is expected to last five months.", [("five months", "P5M", "DURATION")]),
    ("Shoppers flocked to stores on Black Friday.", []),
    ("The Summer Olympics open in Athens.", []),
    ("The meeting starts at 10:30 on Friday.", [("10:30 on Friday", "2018-11-02T10:30", "TIME")]),
    # tense: an arrangement "is to" lies ahead; a plan in the past perfect has been overtaken
    ("Trading is to resume in Paris Tuesday.", [("Tuesday", "2018-11-06", "DATE")]),
    ("The offer had been due to expire Friday evening.", [("Friday evening", "2018-10-26TEV", "TIME")]),
    ("The bonds were priced above Wednesday's close.", [("Wednesday", "2018-10-31", "DATE")]),
    ("The father could arrive as early as Friday.", [("Friday", "2018-11-02", "DATE")]),
    # a plan reported in the past may lie ahead; "until" is a deadline unless in the past perfect
    ("Protesters planned a large demonstration on Saturday.", [("Saturday", "2018-11-03", "DATE")]),
    ("Protesters held a large demonstration on Saturday.", [("Saturday", "2018-10-27", "DATE")]),
    ("The vote was postponed until Tuesday.", [("Tuesday", "2018-11-06", "DATE")]),
    ("Until Tuesday, police had not named a suspect.", [("Tuesday", "2018-10-30", "DATE")]),
    ("He told CBS's 60 Minutes he was innocent.", []),
    ("The party daily Granma printed the speech.", []),
    ("The paper is printed daily.", [("daily", "P1D", "SET")]),
    ("Voters go to the polls on Election Day.", [("Election Day", "", "DATE")]),
    # a second day of the same month is a date too; a closing year belongs to both
    ("The summit will be held on April 24 and 25.", [("April 24", "2019-04-24", "DATE"), ("25", "2019-04-25", "DATE")]),
    ("Talks ran from March 3-5 in Geneva.", [("March 3", "2018-03-03", "DATE"), ("5", "2018-03-05", "DATE")]),
    ("The fair runs Nov. 20 to 22, 2019.", [("Nov. 20", "2019-11-20", "DATE"), ("22, 2019", "2019-11-22", "DATE")]),
    ("On May 3 and 12 people died.", [("May 3", "2018-05-03", "DATE")]),
    ("He met them on June 2 and 3 times later.", [("June 2", "2018-06-02", "DATE")]),
    # "the year" after for/of/in, ending the phrase, is the year reported on
    ("For the year, volume was flat.", [("the year", "2018", "DATE")]),
    ("Sales rose in the first nine months of the year.",
     [("the first nine months", "P9M", "DURATION"), ("the year", "2018", "DATE")]),
    ("It was the year of the flood.", []),
    ("She was named director of the year.", []),
    ("Prices will stay high for the rest of the year.", [("the year", "2018", "DATE")]),
    ("The year was hard.", []),
    ("He left the year before.", []),
    # a time of day told in the past is on the last day the text named, even across years
    ("He was shot on Oct. 23. His car was seen in 1994 and 1997. He was shot at 10 p.m. at home.",
     [("Oct. 23", "2018-10-23", "DATE"), ("1994", "1994", "DATE"), ("1997", "1997", "DATE"),
      ("10 p.m.", "2018-10-23T22:00", "TIME")]),
    # a possessive determiner is outside the expression
    ("The company said its fourth quarter was weak.", [("fourth quarter", "2018-Q4", "DATE")]),
    # "over" as the preposition "during" is outside; after a verb that measures time it is a bound
    ("The money can be used over three years.", [("three years", "P3Y", "DURATION")]),
    ("The system has evolved over several years.", [("several years", "PXY", "DURATION")]),
    ("He spent over three years in prison.", [("over three years", "P3Y", "DURATION")]),
    ("The tour is likely to last over a week.", [("over a week", "P1W", "DURATION")]),
    # "the 1988 quarter": the quarter the text speaks of, in that year
    ("Profit rose in the third quarter of 1989, against a loss in the 1988 quarter.",
     [("the third quarter of 1989", "1989-Q3", "DATE"), ("the 1988 quarter", "1988-Q3", "DATE")]),
    ("Results for the 1988 period were restated.", [("the 1988 period", "1988", "DATE")]),
    ("Profit fell below the year-earlier $4.5 million.", [("year-earlier", "2017-Q3", "DATE")]),
    # a reporting period stands for the quarter the report is about (named most often)
    ("Third-quarter profit rose. Sales in the third quarter fell, after a flat second quarter. "
     "The latest period had no charges; the same period last year had two.",
     [("Third-quarter", "2018-Q3", "DATE"), ("the third quarter", "2018-Q3", "DATE"),
      ("second quarter", "2018-Q2", "DATE"), ("The latest period", "2018-Q3", "DATE"),
      ("the same period last year", "2017-Q3", "DATE")]),
    ("The latest period is not comparable.", []),
    # a bare season after a preposition; "spring" and "fall" only with early/mid/late
    ("Orders rose from the low levels of the early summer.", [("the early summer", "2018-SU", "DATE")]),
    ("The plant closed in late spring.", [("late spring", "2018-SP", "DATE")]),
    ("Investors spring into action in a fall market.", []),
    ("The band will play a number of summer stadium gigs.", []),
    # a past reached through a noun: a bare month may be one of the next two
    ("News of a cutback in December sent prices up.", [("December", "2018-12", "DATE")]),
    ("News of a cutback in June sent prices up.", [("June", "2018-06", "DATE")]),
    ("The company reported a loss in December.", [("December", "2017-12", "DATE")]),
    ("Net rose in the second quarter of 2017. In that quarter, sales fell.",
     [("the second quarter of 2017", "2017-Q2", "DATE"), ("that quarter", "2017-Q2", "DATE")]),
])
def test_find_dates(model, text, expected):
    assert _dates(model, text) == expected


@pytest.mark.parametrize("text, expected", [
    # race times: a duration in a race or result context, else nothing; never a time of day
    ("She won the marathon in 2:08:35, a course record.", [("2:08:35", "PT2H8M35S", "DURATION")]),
    ("He clocked 1:50.87 in the 800m final.", [("1:50.87", "PT1M50.87S", "DURATION")]),
    ("The steeplechase winner ran 9:05.00.", [("9:05.00", "PT9M5S", "DURATION")]),
    ("The backup started at 2:08:35 on the server.", []),
    ("The meeting began at 9:05 on Tuesday.", [("9:05 on Tuesday", "2018-10-30T09:05", "TIME")]),
    # fractional seconds
    ("Bolt ran the 100m in 9.58 seconds.", [("9.58 seconds", "PT9.58S", "DURATION")]),
    ("Her 200m took 21.01 seconds.", [("21.01 seconds", "PT21.01S", "DURATION")]),
    # sub-day amounts later/earlier are no calendar dates; rates of a measure are no SETs
    ("Eight minutes later, he scored again.", [("Eight minutes later", "PT8M", "DURATION")]),
    ("Water flowed at 42 cubic metres per second.", []),
    ("The storm moved at 20 miles an hour.", []),
    ("Workers earn $9 per hour.", [("per hour", "PT1H", "SET")]),
    ("The talk lasted a quarter of an hour.", [("a quarter of an hour", "PT15M", "DURATION")]),
    # far past: a correct value or none
    ("Humans left Africa 301,000 years ago.", [("301,000 years ago", "", "DATE")]),
    ("The temple was built 2,500 years ago.", [("2,500 years ago", "BC0483", "DATE")]),
])
def test_find_dates_values_on_unseen_news(model, text, expected):
    assert _dates(model, text) == expected


def test_huge_number_before_year_does_not_raise(model):
    from extract.dates import find_dates
    text = "It lasted " + "9" * 400 + " years and " + "1" * 5000 + " days ago."
    for r in find_dates(model(text), REF):
        assert r["normalized"] == "" or timex3_problem(r["normalized"]) is None


def test_find_dates_without_reference_date(model):
    from extract.dates import find_dates
    recs = find_dates(model("Last year the province opened a zone; it was founded in 2012."))
    assert [(r["text"], r["normalized"], r["anchor"], r["granularity"]) for r in recs] == [
        ("Last year", "", "", "year"), ("2012", "2012", "", "year")]


def test_columns_start_with_the_contract():
    from extract.dates import COLUMNS
    assert COLUMNS[:7] == ["doc_id", "start_char", "end_char", "text", "label", "normalized", "type"]
    assert {"mod", "anchor", "granularity"} <= set(COLUMNS)


# ------------------------------------------------------------------ the seed article

SEED_DATES = [
    ("Every weekend", "XXXX-WXX-WE", "SET"), ("20-minute", "PT20M", "DURATION"),
    ("2016", "2016", "DATE"), ("2017", "2017", "DATE"), ("2016", "2016", "DATE"),
    ("15-year", "P15Y", "DURATION"), ("2015", "2015", "DATE"), ("2006", "2006", "DATE"),
    ("2049", "2049", "DATE"), ("2013", "2013", "DATE"), ("2018", "2018", "DATE"),
    ("A decade ago", "2008", "DATE"), ("1978", "1978", "DATE"), ("June 2007", "2007-06", "DATE"),
    ("at least two years", "P2Y", "DURATION"), ("3 years old", "P3Y", "DURATION"),
    ("5-year", "P5Y", "DURATION"), ("2012", "2012", "DATE"), ("March", "2018-03", "DATE"),
    ("Last year", "2017", "DATE"), ("last year", "2017", "DATE"), ("2022", "2022", "DATE"),
    ("each year", "P1Y", "SET"), ("early 2018", "2018", "DATE"), ("2013", "2013", "DATE"),
    ("2017", "2017", "DATE"), ("Fifteen years ago", "2003", "DATE"), ("Now", "PRESENT_REF", "DATE"),
]


def test_seed_article(model, seed_text):
    from extract.dates import find_dates
    from extract.text import clean

    cleaned = clean(seed_text)
    recs = find_dates(model(cleaned.text), "2018-11-01")
    got = [(r["text"], r["normalized"], r["type"]) for r in recs]
    assert sorted(got) == sorted(SEED_DATES)   # cleaning moves the photo caption (2015)


def test_component_sets_doc_dates(model):
    import extract.dates  # noqa: F401  (registers the factory)
    nlp = model
    if "extract_dates" not in nlp.pipe_names:
        nlp.add_pipe("extract_dates")
    try:
        doc = nlp.make_doc("Prices rose last year.")
        doc._.set(schema.REFERENCE_DATE_EXTENSION, REF)
        doc = nlp(doc)
        assert [(r["text"], r["normalized"], r["anchor"]) for r in doc._.get(schema.DATE.extension)] == [("last year", "2017", REF)]
    finally:
        nlp.remove_pipe("extract_dates")


def test_timeml_reader(shared_data):
    from extract.readers.timeml import read_timeml

    path = sorted((shared_data / "timeml" / "TimeBank").glob("*.tml"))[0]
    doc = read_timeml(path)
    assert doc.dct and len(doc.dct) == 10
    assert doc.timexes
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


def test_find_dates_without_parser_or_ner():
    spacy = pytest.importorskip("spacy")
    from extract.dates import find_dates

    recs = find_dates(spacy.blank("en")("Profit rose a year ago, and again last Friday."), REF)
    assert [(r["text"], r["normalized"]) for r in recs] == [("a year ago", "2017"), ("last Friday", "2018-10-26")]


def test_taken_spans_agree_with_a_scan_of_all():
    import random

    from extract.dates.finder import _Taken

    rng = random.Random(7)
    taken, spans = _Taken(), []
    for _ in range(3000):
        a = rng.randrange(0, 2000)
        b = a + rng.randrange(1, 30)
        expected = all(b <= x or a >= y for x, y in spans)
        assert taken.free(a, b) == expected
        if expected:
            taken.take(a, b)
            spans.append((a, b))


def test_many_dates_take_linear_time():
    import time

    spacy = pytest.importorskip("spacy")
    from extract.dates import find_dates

    nlp = spacy.blank("en")
    seconds = []
    for n in (1000, 4000):
        doc = nlp("In 2018, " * n)
        t = time.perf_counter()
        assert len(find_dates(doc, REF)) == n
        seconds.append(time.perf_counter() - t)
    assert seconds[1] < 10 * max(seconds[0], 0.05)   # four times the dates: not sixteen times the time


def test_year_ago_beside_quarters_takes_linear_time():
    import time

    spacy = pytest.importorskip("spacy")
    from extract.dates import find_dates

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    seconds = []
    for n in (500, 2000):
        doc = nlp("Profit rose from a year ago in the third quarter. " * n)
        t = time.perf_counter()
        recs = find_dates(doc, REF)
        seconds.append(time.perf_counter() - t)
        assert {r["normalized"] for r in recs if r["text"] == "a year ago"} == {"2017-Q3"}
    assert seconds[1] < 10 * max(seconds[0], 0.05)   # four times the text: not sixteen times the time
