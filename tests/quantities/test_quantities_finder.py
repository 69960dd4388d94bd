"""Quantities: values, units, bounds and spans of extract.quantities on sentences written
for them, negatives (years, phone and page numbers, names) and the seed article's figures.

Texts are given as the cleaner leaves them (single spaces, no line-break hyphens).
"""
from __future__ import annotations

import json

import pytest

from extract import quantities as q, schema


def found(nlp, text):
    return [(r["text"], r["value"], r["unit"]) for r in nlp(text)._.get(schema.QUANTITY.extension)]


def record(nlp, text, surface):
    recs = [r for r in nlp(text)._.get(schema.QUANTITY.extension) if r["text"] == surface]
    assert recs, f"{surface!r} not found in {[r['text'] for r in nlp(text)._.get(schema.QUANTITY.extension)]}"
    return recs[0]


# text -> every quantity found, as (span text, value, unit)
CASES = [
    # digits, separators, decimals, scale words and suffixes
    ("The survey reached 11,462 firms.", [("11,462", 11462, "")]),
    ("Some 1.1 million people left.", [("Some 1.1 million", 1100000, "")]),
    ("The firm raised $4bn last week.", [("$4bn", 4000000000, "USD")]),
    ("It was a US$25-million investment.", [("US$25-million", 25000000, "USD")]),
    ("The club sold 20k tickets.", [("20k", 20000, "")]),
    ("They paid £3.5m for the house.", [("£3.5m", 3500000, "GBP")]),
    ("The bill came to €10M.", [("€10M", 10000000, "EUR")]),
    ("A grant of 100 million yuan was approved.", [("100 million yuan", 100000000, "CNY")]),
    ("Indonesia owes 59.2 trillion rupiah.", [("59.2 trillion rupiah", 59200000000000, "IDR")]),
    ("It costs RMB 500 to enter.", [("RMB 500", 500, "CNY")]),
    ("The budget is USD 22.5 million.", [("USD 22.5 million", 22500000, "USD")]),
    ("The fund holds 30 MUSD in bonds.", [("30 MUSD", 30000000, "USD")]),
    # number words, fractions, multipliers
    ("Three people were hurt.", [("Three", 3, "")]),
    ("There were twenty-six entries.", [("twenty-six", 26, "")]),
    ("She bought a dozen eggs.", [("a dozen", 12, "")]),
    ("I want a hundred and two of those.", [("a hundred and two", 102, "")]),
    ("The firm sold a one-third interest.", [("one-third", 0.333333333, "")]),
    ("It is two and a half miles away.", [("two and a half miles", 2.5, "mile")]),
    ("It costs half million dollars.", [("half million dollars", 500000, "USD")]),
    ("Exports increased eightfold.", [("eightfold", 8, "times")]),
    ("Sales rose 10-fold in a decade.", [("10-fold", 10, "times")]),
    # percentages
    ("Turnout was 12 percent.", [("12 percent", 12, "percent")]),
    ("Turnout was 12 per cent.", [("12 per cent", 12, "percent")]),
    ("Inflation hit 3.2%.", [("3.2%", 3.2, "percent")]),
    # measures and hyphenated adjectival forms
    ("The 80-hectare plot is large.", [("80-hectare", 80, "hectare")]),
    ("They opened a 113-square-kilometre zone.", [("113-square-kilometre", 113, "km2")]),
    ("The campus covers 144 acres of land.", [("144 acres", 144, "acre")]),
    ("The lake is 4 km2 in area.", [("4 km2", 4, "km2")]),
    ("It weighs 10kg (25lbs).", [("10kg", 10, "kilogram"), ("25lbs", 25, "pound")]),
    ("Highs reached 45 degrees Celsius on Monday.", [("45 degrees Celsius", 45, "degree Celsius")]),
    ("The water was at -5°C.", [("-5°C", -5, "degree Celsius")]),
    ("He ran 5,000 metres.", [("5,000 metres", 5000, "metre")]),
    ("The car reached 200 km/h.", [("200 km/h", 200, "kilometre per hour")]),
    ("Shares were priced at $2 a share.", [("$2 a share", 2, "USD per share")]),
    ("A 3-inch screen.", [("3-inch", 3, "inch")]),
    ("The 6ft 6in lock.", [("6ft", 6, "foot"), ("6in", 6, "inch")]),
    ("The door is 2 in thick.", [("2 in", 2, "inch")]),
    ("Two in five voters agreed.", [("Two", 2, ""), ("five", 5, "")]),
    # pounds: money with a money word, mass without
    ("He was fined 500 pounds for speeding.", [("500 pounds", 500, "GBP")]),
    ("The baby is over two pounds.", [("over two pounds", 2, "pound")]),
    # cents after a currency
    ("It only cost 3 dollars 50 cents.", [("3 dollars 50 cents", 3.5, "USD")]),
    # "a"/"an" + a unit is one of it; a unit shared by a list; two currencies side by side
    ("The shop is a mile away.", [("a mile", 1, "mile")]),
    ("They were given 45 and 50 mg of it.", [("45", 45, "milligram"), ("50 mg", 50, "milligram")]),
    ("Prices: rmb 10, usd 20.", [("rmb 10", 10, "CNY"), ("usd 20", 20, "USD")]),
    ("They paid $10 (£5.3) for it.", [("$10", 10, "USD"), ("£5.3", 5.3, "GBP")]),
    ("It sank 7.5bn yen ($71.5m).", [("7.5bn yen", 7500000000, "JPY"), ("$71.5m", 71500000, "USD")]),
    ("Two-thirds of voters agreed.", [("Two-thirds", 0.666666667, "")]),
    ("Some 2/3 of voters agreed.", [("Some 2/3", 0.666666667, "")]),
    # "m" after digits: millions before a plural noun or "of", else metres
    ("The UK's 1.6m Muslims voted.", [("1.6m", 1600000, "")]),
    ("He won the 800m in Erfurt.", [("800m", 800, "metre")]),
    ("She ran the 100m hurdles.", [("100m", 100, "metre")]),
    ("It shipped 1.5m tonnes.", [("1.5m tonnes", 1500000, "tonne")]),
    # powers after a unit symbol: a squared denominator, an inverse written "-1", an inverse unit
    ("The car accelerates at 3.5 m/s2 from rest.", [("3.5 m/s2", 3.5, "metre per square second")]),
    ("Objects fall at 9.8 m/s^2 near the ground.", [("9.8 m/s^2", 9.8, "metre per square second")]),
    ("Wind speed was 12 m s-1 at noon.", [("12 m s-1", 12, "metre per second")]),
    ("Density is 1.2 kg m-3 here.", [("1.2 kg m-3", 1.2, "kilogram per cubic metre")]),
    ("Rain fell at 5 mm day-1 in July.", [("5 mm day-1", 5, "millimetre per day")]),
    ("The decay rate is 0.02 s-1 in air.", [("0.02 s-1", 0.02, "inverse second")]),
    ("The detector collected 36 fb−1 of data.", [("36 fb−1", 36, "inverse femtobarn")]),
    ("Planck's constant is 6.6e-34 J s.", [("6.6e-34 J s", 6.6e-34, "joule second")]),
    # powers of a number: of ten with or without a caret, of another base with one
    ("Light travels at 3×10⁸ m/s.", [("3×10⁸ m/s", 3e8, "metre per second")]),
    ("Light travels at 3 x 10^8 m/s.", [("3 x 10^8 m/s", 3e8, "metre per second")]),
    ("Its rate was 2.48×10−5, low.", [("2.48×10−5", 2.48e-5, "")]),
    ("A kibibyte is 8x2^10 bits.", [("A kibibyte", 1, "kibibyte"), ("8x2^10 bits", 8192, "bit")]),
    # a minus written with a space before a temperature
    ("It was - 20 degrees outside.", [("- 20 degrees", -20, "degree")]),
    ("Lows (- 12 °F) froze pipes.", [("- 12 °F", -12, "degree Fahrenheit")]),
    # "minus" before a number and "below zero" after a temperature
    ("It was minus 20 degrees outside.", [("minus 20 degrees", -20, "degree")]),
    ("Growth was minus 0.5% in March.", [("minus 0.5%", -0.5, "percent")]),
    ("It was 5 degrees below zero.", [("5 degrees below zero", -5, "degree")]),
    ("The tolerance is plus or minus 2 mm.", [("2 mm", 2, "millimetre")]),
    # a fraction of a scale word
    ("He left a quarter million dollars.", [("a quarter million dollars", 250000, "USD")]),
    ("The house sold for a quarter of a million pounds.", [("a quarter of a million pounds", 250000, "GBP")]),
    ("Half a million people came.", [("Half a million", 500000, "")]),
    ("Half a dozen eggs were broken.", [("Half a dozen", 6, "")]),
    # "tpd" spells "tons per day"; metric tonnes are written out or "t/d"
    ("The plant handles 4,500 tpd of waste.", [("4,500 tpd", 4500, "ton per day")]),
    ("The mill makes 300 t/d.", [("300 t/d", 300, "tonne per day")]),
    # more units of news and science text
    ("The bike has a 250cc engine.", [("250cc", 250, "cubic centimetre")]),
    ("The phone has a 3,000mAh battery.", [("3,000mAh", 3000, "milliampere hour")]),
    ("CO2 reached 410 ppm last May.", [("410 ppm", 410, "part per million")]),
    ("The link runs at 10 Gbps now.", [("10 Gbps", 10, "gigabit per second")]),
    ("Tyres need 32 psi of pressure.", [("32 psi", 32, "pound per square inch")]),
    ("Pressure fell to 950 hPa in the storm.", [("950 hPa", 950, "hectopascal")]),
    ("The car does 45 mpg on the motorway.", [("45 mpg", 45, "mile per gallon")]),
    ("Emissions hit 37 Gt of CO2.", [("37 Gt", 37, "gigatonne")]),
    ("The motor gives 300 Nm of torque.", [("300 Nm", 300, "newton metre")]),
    ("Salinity is 35 ‰ here.", [("35 ‰", 35, "per mille")]),
    ("The farm covers 20 sq miles of land.", [("20 sq miles", 20, "sq mi")]),
    ("The star is 10 parsecs away.", [("10 parsecs", 10, "parsec")]),
    ("A pint now costs 50p more.", [("50p", 0.5, "GBP")]),
    ("The wall is 3 m 5 cm high.", [("3 m", 3, "metre"), ("5 cm", 5, "centimetre")]),
    ("Sales were 1.2 trillion won last year.", [("1.2 trillion won", 1.2e12, "KRW")]),
    ("Power costs 5 cents per kilowatt-hour.", [("5 cents per kilowatt-hour", 0.05, "USD per kilowatt hour")]),
    ("Schools get £500 per pupil.", [("£500 per pupil", 500, "GBP per pupil")]),
    ("Prices saw a 5pc rise.", [("5pc", 5, "percent")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_values_and_units(nlp, text, expected):
    got = found(nlp, text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    for (_, gv, _), (_, ev, _) in zip(got, expected):
        assert gv == pytest.approx(ev, rel=1e-6)


# text -> surface, value, value_max, bound, label
BOUNDS = [
    ("About 10% of students come from overseas.", "About 10%", 10, None, "approximate", "PERCENT"),
    ("More than 200 people came.", "More than 200", 200, None, "lower", "CARDINAL"),
    ("Staff come from over 50 countries.", "over 50", 50, None, "lower", "CARDINAL"),
    ("It holds up to 4,000 litres.", "up to 4,000 litres", 4000, None, "upper", "QUANTITY"),
    ("Fewer than 30 remained.", "Fewer than 30", 30, None, "upper", "CARDINAL"),
    ("The province invests $20 million to $30 million in it.",
     "$20 million to $30 million", 20000000, 30000000, "range", "MONEY"),
    ("It invests $20 million to $30 million a year.",
     "$20 million to $30 million a year", 20000000, 30000000, "range", "MONEY"),
    ("Trees grow between 5 and 10 km from the coast.", "between 5 and 10 km", 5, 10, "range", "QUANTITY"),
    ("Tickets cost 20 to 30 million yuan.", "20 to 30 million yuan", 20000000, 30000000, "range", "MONEY"),
    ("Walls were eight to 10 feet tall.", "eight to 10 feet", 8, 10, "range", "QUANTITY"),
    ("Google holds 10-15 exabytes of data.", "10-15 exabytes", 10, 15, "range", "QUANTITY"),
    ("It uses millions of sensors.", "millions", 1000000, 9999999, "range", "CARDINAL"),
    ("Tens of thousands of people marched.", "Tens of thousands", 10000, 99999, "range", "CARDINAL"),
    ("Temperatures ranged from -18 °C to -34 °C.", "-18 °C to -34 °C", -34, -18, "range", "QUANTITY"),
    ("Fewer than one in 10,000 consoles failed.", "Fewer than one", 1, None, "upper", "CARDINAL"),
    # "from X to Y" without a word of change is a range
    ("Hardiness zones are high, from 7 to 10, as shown.", "7 to 10", 7, 10, "range", "CARDINAL"),
    ("Prices from $5 to $10 are common.", "$5 to $10", 5, 10, "range", "MONEY"),
    ("Highs of 5 degrees - 20 degrees are rare.", "5 degrees - 20 degrees", 5, 20, "range", "QUANTITY"),
    # a bound written after the number
    ("The firm employs 1,200-plus staff.", "1,200-plus", 1200, None, "lower", "CARDINAL"),
    ("Some 30-odd fans watched.", "Some 30-odd", 30, None, "approximate", "CARDINAL"),
]


@pytest.mark.parametrize("text, surface, value, value_max, bound, label", BOUNDS)
def test_bounds_and_ranges(nlp, text, surface, value, value_max, bound, label):
    r = record(nlp, text, surface)
    assert (r["value"], r["value_max"], r["bound"], r["label"]) == (value, value_max, bound, label)


@pytest.mark.parametrize("text, expected", [
    ("Profits rose from 5% to 10% last year.", [("5%", 5), ("10%", 10)]),
    ("The budget will rise by $19bn to $419.3bn.", [("$19bn", 19000000000), ("$419.3bn", 419300000000)]),
    ("The estimate was revised from 157,000 to 133,000.", [("157,000", 157000), ("133,000", 133000)]),
    ("The rate was cut last year from 5% to 3%.", [("5%", 5), ("3%", 3)]),
    ("The plan will increase the number of colleges from 350 to 400.", [("350", 350), ("400", 400)]),
    ("It would double its hotspots - places with wi-fi - globally from 12,300 to 20,000.",
     [("12,300", 12300), ("20,000", 20000)]),
])
def test_change_is_not_a_range(nlp, text, expected):
    got = found(nlp, text)
    assert [(t, v) for t, v, _ in got] == expected


@pytest.mark.parametrize("text, surface, value", [
    ("He finished first in the race.", "first", 1),
    ("It is the 21st edition.", "21st", 21),
    ("She came third.", "third", 3),
])
def test_ordinals(nlp, text, surface, value):
    r = record(nlp, text, surface)
    assert (r["label"], r["value"], r["unit"]) == ("ORDINAL", value, "")


@pytest.mark.parametrize("text, noun", [
    ("The site will have 20,000 researchers.", "researchers"),
    ("Some 1.1 million Chinese people left.", "people"),
    ("It is 1 of 15 similar science parks.", "parks"),
    ("Dozens of homes were destroyed.", "homes"),
    ("The firm employs 1,200-plus staff.", "staff"),
])
def test_counted_noun(nlp, text, noun):
    recs = nlp(text)._.get(schema.QUANTITY.extension)
    assert recs and recs[0]["unit_noun"] == noun


def test_counted_noun_carries_over_an_ellipsis(nlp):
    recs = nlp("We have staff from over 50 countries and students from more than 70, she says.")._.get(schema.QUANTITY.extension)
    assert [(r["text"], r["unit_noun"]) for r in recs] == [("over 50", "countries"), ("more than 70", "countries")]


# text -> surfaces that must NOT be a quantity
NEGATIVES = [
    ("Krein moved there in 2016.", ["2016"]),
    ("The plan was set out in 2006 and revised in 2013-14.", ["2006", "2013", "14"]),
    ("Call 555-1234 or (020) 7946 0958 for details.", ["555", "1234", "020", "7946", "0958"]),
    ("The figures are on page 12 of the report.", ["12"]),
    ("See No. 5 in the list.", ["5"]),
    ("It is part of its ‘One Belt, One Road’ foreign-policy programme.", ["One"]),
    ("Hangzhou hosted the first Group of 20 (G20) meeting.", ["20", "G20"]),
    ("They joined a programme called 1000 Talents.", ["1000"]),
    ("The COVID-19 rules and the F-16 jets.", ["19", "16"]),
    ("At 2 pm everybody will be gone.", ["2", "2 pm"]),
    ("It was a 20-minute train ride.", ["20", "20-minute"]),
    ("It was a 5-year investment.", ["5", "5-year"]),
    ("Hu's lab is just 3 years old.", ["3", "3 years"]),
    ("Projects such as one at the research centre.", ["one"]),
    ("No one came.", ["one"]),
    ("Voyager 2 passed the planet.", ["2"]),
    ("Million Dollar Baby won the award.", ["Million Dollar", "Million"]),
    ("It came after the 9/11 attacks.", ["9/11"]),
    ("The lords ruled by an eight to one majority.", ["eight to one"]),
    ("Chelsea won 3-1 at home.", ["3-1"]),
    ("A back-tax claim for the 2001-2003 period.", ["2001-2003", "2001", "2003"]),
    ("Between 2013 and 2017, the number doubled.", ["Between 2013 and 2017", "2013", "2017"]),
    ("Shares fell on oct. 13 in New York.", ["13"]),
    ("The part numbers are 24703 L-202 and scp-173.", ["24703", "173"]),
    ("F&#244;n was released.", ["244"]),
    ("A Boeing 737-800 landed.", ["737", "800", "737-800"]),
    ("Call 0800 028 9276 now.", ["0800", "028", "9276"]),
    ("He smashed the record twice.", ["twice"]),
    ("Shares closed at 235 pence on 12 May.", ["12"]),
    ("The poll ran on 16-18 December.", ["16-18", "16"]),
    ("The Guildford Four were freed.", ["Four"]),
    ("He won a triple somersault contest.", ["triple"]),
    ("They made a third bid.", ["a third"]),
    ("The 21 Grams actress Naomi Watts won.", ["21 Grams", "21"]),
    ("London - 20 people were hurt.", ["- 20"]),
    ("It was the 2 day-1 session.", ["2 day-1"]),
    ("The ban may take two or three years.", ["two", "three years"]),
    ("It was built up over 20 or 30 years.", ["over 20", "20"]),
    ("See page 5 p 12 of the report.", ["5 p"]),
    ("The school bought 5 PCs.", ["5 PCs"]),
    ("Played 10, 5 won, 3 lost.", ["5 won"]),
    ("Moscow - 20 degrees tonight.", ["- 20 degrees"]),
    ("The screen is 1920x1080 pixels.", ["1920x1080", "1920"]),
    ("Half a loaf is better than none.", ["Half", "Half a"]),
]


@pytest.mark.parametrize("text, bad", NEGATIVES)
def test_not_quantities(nlp, text, bad):
    surfaces = {r["text"] for r in nlp(text)._.get(schema.QUANTITY.extension)}
    for s in bad:
        assert s not in surfaces


# the figures of the seed article (issue 4): surface -> (label, value, value_max, unit, bound)
SEED = {
    "80-hectare": ("QUANTITY", 80, None, "hectare", "exact"),
    "1.1 million": ("CARDINAL", 1100000, None, "", "exact"),
    "275,000": ("CARDINAL", 275000, None, "", "exact"),
    "US$25-million": ("MONEY", 25000000, None, "USD", "exact"),
    "113-square-kilometre": ("QUANTITY", 113, None, "km2", "exact"),
    "20,000": ("CARDINAL", 20000, None, "", "exact"),
    "around $20 million to $30 million": ("MONEY", 20000000, 30000000, "USD", "range"),
    "11,462": ("CARDINAL", 11462, None, "", "exact"),
    "eightfold": ("CARDINAL", 8, None, "times", "exact"),
    "40,440": ("CARDINAL", 40440, None, "", "exact"),
    "over 50": ("CARDINAL", 50, None, "", "lower"),
    "more than 70": ("CARDINAL", 70, None, "", "lower"),
    "about 10%": ("PERCENT", 10, None, "percent", "approximate"),
    "90%": ("PERCENT", 90, None, "percent", "exact"),
    "144 acres": ("QUANTITY", 144, None, "acre", "exact"),
    "first": ("ORDINAL", 1, None, "", "exact"),
    "three": ("CARDINAL", 3, None, "", "exact"),
    "millions": ("CARDINAL", 1000000, 9999999, "", "range"),
}


@pytest.fixture(scope="module")
def seed_quantities(nlp, seed_text):
    from extract.text import clean

    doc = nlp(clean(seed_text).text)
    return doc._.get(schema.QUANTITY.extension)


def test_seed_figures(seed_quantities):
    by_text = {" ".join(r["text"].split()): r for r in seed_quantities}
    for surface, (label, value, value_max, unit, bound) in SEED.items():
        assert surface in by_text, surface
        r = by_text[surface]
        assert (r["label"], r["value"], r["value_max"], r["unit"], r["bound"]) == (label, value, value_max, unit, bound), surface


def test_seed_has_no_years_durations_or_names(seed_quantities):
    texts = {r["text"] for r in seed_quantities}
    for bad in ("2016", "2049", "20-minute", "15-year", "5-year", "1000", "One", "20", "3 years"):
        assert bad not in texts


def test_records_are_json_and_follow_columns(seed_quantities):
    json.dumps(seed_quantities)
    for r in seed_quantities:
        assert set(r) == set(q.COLUMNS) - {"doc_id"}
        assert r["label"] in q.LABELS and r["bound"] in q.BOUNDS


def test_columns_start_with_contract():
    assert q.COLUMNS[:7] == ["doc_id", "start_char", "end_char", "text", "label", "value", "unit"]


def test_dates_are_left_to_the_dates_component():
    """Without the dates component, explicit date spans still take their numbers."""
    import spacy

    doc = spacy.blank("en")("In 2016 they spent $5 million over 3 years.")
    recs = q.find_quantities(doc, date_spans=[(3, 7), (35, 42)])
    assert [r["text"] for r in recs] == ["$5 million"]


@pytest.mark.parametrize("text", ["", "$", "½", "1/0 and 0/0", "9" * 400, "1e999 km", "one one one", "1.2.3"])
def test_odd_input_gives_finite_json_records(text):
    recs = q.find_quantities_in_text(text, date_spans=[])
    json.dumps(recs, allow_nan=False)


def test_plain_text_helper():
    recs = q.find_quantities_in_text("It covers 144 acres and cost £2,000.", date_spans=[])
    assert [(r["value"], r["unit"]) for r in recs] == [(144, "acre"), (2000, "GBP")]
