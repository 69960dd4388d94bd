"""Values that are right on news text (issue 13): signs, metres vs millions, pounds of mass
vs GBP, money in minor units, glued units, scores, ages in apposition, news units, counted
nouns after adjectives, vague magnitudes. Several sentences per class, both readings where
there are two. Sentences written for these tests."""
from __future__ import annotations

import pytest

from extract import quantities as q, schema
from extract.resources import read_json


def records(nlp, text):
    return [(r["text"], r["value"], r["unit"]) for r in nlp(text)._.get(schema.QUANTITY.extension)]


def one(nlp, text, surface):
    recs = [r for r in nlp(text)._.get(schema.QUANTITY.extension) if r["text"] == surface]
    assert recs, f"{surface!r} not in {[r['text'] for r in nlp(text)._.get(schema.QUANTITY.extension)]}"
    return recs[0]


@pytest.mark.parametrize("text, surface, value, unit", [
    # a plus sign keeps the value; a minus makes it negative
    ("Shares closed +12% higher on the day.", "+12%", 12, "percent"),
    ("The index ended the week +3.5 points up.", "+3.5 points", 3.5, "point"),
    ("Overnight it fell to -5C in the glens.", "-5C", -5, "degree Celsius"),
    ("Growth was revised to -0.3% for the quarter.", "-0.3%", -0.3, "percent"),
    ("Exports grew by +8 percent.", "+8 percent", 8, "percent"),
])
def test_signs(nlp, text, surface, value, unit):
    r = one(nlp, text, surface)
    assert (r["value"], r["unit"]) == (value, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    # metres: a race, an event word after, a mark, a sport word before
    ("She reached the 800m heats in Madrid.", "800m", 800, "metre"),
    ("He won the 1500m final by a stride.", "1500m", 1500, "metre"),
    ("The 400m hurdles will be run on Sunday.", "400m", 400, "metre"),
    ("He has run the 200m faster than anyone this year.", "200m", 200, "metre"),
    ("She took the women's 5000m trophies home.", "5000m", 5000, "metre"),
    ("The kick came from the 22m line.", "22m", 22, "metre"),
    # millions: currency, a counted plural, "of"
    ("The striker joined for £40m last summer.", "£40m", 40000000, "GBP"),
    ("The game sold 3.2m copies in its first week.", "3.2m", 3200000, ""),
    ("About 1.6m voters stayed at home.", "About 1.6m", 1600000, ""),
    ("The firm lost 40m euros last year.", "40m euros", 40000000, "EUR"),
    ("Some 2m of them were never paid.", "Some 2m", 2000000, ""),
])
def test_metres_or_millions(nlp, text, surface, value, unit):
    r = one(nlp, text, surface)
    assert (r["value"], r["unit"]) == (value, unit)


@pytest.mark.parametrize("text, surface, unit", [
    ("The newborn weighed 3.5 lbs.", "3.5 lbs", "pound"),
    ("The fish was 12 lb when it was caught and sold.", "12 lb", "pound"),
    ("He weighed 180 pounds before the fight.", "180 pounds", "pound"),
    ("The fine was 50 pounds.", "50 pounds", "GBP"),
    ("The club paid 5m pounds for him.", "5m pounds", "GBP"),
    ("Fans spent millions of pounds on tickets.", "millions of pounds", "GBP"),
])
def test_pounds_of_mass_or_money(nlp, text, surface, unit):
    assert one(nlp, text, surface)["unit"] == unit


@pytest.mark.parametrize("text, surface, value, unit, surface_unit", [
    ("A first-class stamp now costs 5 cents more.", "5 cents", 0.05, "USD", "cents"),
    ("The firm earned 62 cents a share.", "62 cents a share", 0.62, "USD per share", "cents"),
    ("A pint of milk costs 40p.", "40p", 0.4, "GBP", "p"),
    ("The levy is 50 pence.", "50 pence", 0.5, "GBP", "pence"),
    ("Shares closed at 548p.", "548p", 5.48, "GBP", "p"),
    ("The euro fell to 1.28 euros, or 2 cents, on Friday.", "2 cents", 0.02, "EUR", "cents"),
    ("Stamps rose 3 cents to $0.40.", "3 cents", 0.03, "USD", "cents"),
    ("Fuel duty rose by 1.92p per litre.", "1.92p per litre", 0.0192, "GBP per litre", "p"),
    ("Eggs cost 64.2¢ a dozen.", "64.2¢ a dozen", 0.642, "USD per dozen", "¢"),
    ("The dividend rose to 70 euro cents.", "70 euro cents", 0.7, "EUR", "euro cents"),
    ("The fee is 30 US cents.", "30 US cents", 0.3, "USD", "US cents"),
])
def test_minor_units_in_major_units(nlp, text, surface, value, unit, surface_unit):
    r = one(nlp, text, surface)
    assert r["value"] == pytest.approx(value) and r["unit"] == unit and r["surface_unit"] == surface_unit


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The sea warmed 2.14degF last year.", "2.14degF", 2.14, "degree Fahrenheit"),
    ("Land temperatures rose 1.19deg C.", "1.19deg C", 1.19, "degree Celsius"),
    ("The flat has 1,200 sqft of space.", "1,200 sqft", 1200, "sq ft"),
    ("The reserve spans 30 sqmi of marsh.", "30 sqmi", 30, "sq mi"),
    ("Keep it at 5 degC.", "5 degC", 5, "degree Celsius"),
    ("Water boils at 100degC.", "100degC", 100, "degree Celsius"),
    ("It hit 40°celsius in the shade.", "40°celsius", 40, "degree Celsius"),
    ("The ticket was 5 us$ only.", "5 us$", 5, "USD"),
    ("The shop sells it for 20sterling.", "20sterling", 20, "GBP"),
    ("The pass costs 500thaibaht a day.", "500thaibaht a day", 500, "THB per day"),
])
def test_glued_units(nlp, text, surface, value, unit):
    r = one(nlp, text, surface)
    assert (r["value"], r["unit"]) == (value, unit)


def _unit_forms():
    data = read_json(q.RESOURCE)
    out = []
    for table, kind in (("currencies", "name"), ("units", "name")):
        for name, entry in data[table].items():
            if name.startswith("_"):
                continue
            out += [(f, "unit_forms") for f in entry.get("names", []) + entry.get("plurals", [])]
            out += [(f, "symbol_forms") for f in entry.get("symbols", []) + entry.get("codes", [])]
    return out


#: forms that are not a unit in these positions by design, by how they are written: clock
#: times (am, pm); spaced "in", '"' and "p" (a preposition, a quote mark, "page 5 p 12");
#: glued "K" (thousands: "20K")
_NOT_READ = {"spaced": {"am", "pm", "in", '"', "p"}, "glued": {"am", "pm", "K"}}


def test_whole_unit_table_glued_and_spaced():
    """Every unit and currency form, written spaced, glued to the number and with its inner
    spaces removed: no exception, and the unit read is the table's (minor units of money
    in their major currency)."""
    t = q.load_tables()
    wrong = []
    for form, table in _unit_forms():
        expected = t.find(table, form)
        canon = expected[0]
        if canon in t.minor_units:
            canon = t.minor_units[canon][1]
        glued = "".join(form.split())
        for how, text in (("spaced", f"It was 5 {form} today."), ("glued", f"It was 5{glued} today."),
                          ("spaced", f"It was 5 {glued} today.")):
            atoms = q.read_atoms(text, t)
            got = next((a.unit for a in atoms if a.start == 7), None)
            if got != canon and form not in _NOT_READ[how]:
                wrong.append((text, got, canon))
    assert not wrong, wrong[:20]


def test_lookups_cannot_miss():
    t = q.load_tables()
    for table in q.units.LOOKUPS:
        assert t.find(table, "no such form at all") is None
    assert t.find("unit_forms", "Deg  F") == ("degree Fahrenheit", "QUANTITY")
    assert t.find("symbol_forms", "us$") == ("USD", "MONEY")


@pytest.mark.parametrize("text", [
    "A number of " + "9" * 400 + " km.", "It was " + "9" * 400 + "th.", "3 x 10^99999 m", "1e999 kg",
    "0 x 10^999 of them", "9" * 400 + "." + "9" * 400 + "%", "£" + "9" * 320 + "bn",
])
def test_numbers_cannot_overflow(text):
    recs = q.find_quantities_in_text(text, date_spans=[])
    for r in recs:
        assert r["value"] is None or abs(r["value"]) < float("inf")


@pytest.mark.parametrize("text, absent", [
    ("Chelsea won 3-2 after extra time.", {"3", "2", "3-2"}),
    ("England's 18-17 defeat left them fifth.", {"18", "17", "18-17"}),
    ("He beat the top seed 6-4 6-3 in the final.", {"6", "4", "3"}),
    ("They lost 1-3 on aggregate.", {"1", "3", "1-3"}),
    ("The vote went 5-4 against the plan.", {"5", "4", "5-4"}),
    ("A 2-1 win sent them top.", {"2", "1", "2-1"}),
])
def test_scores_are_not_quantities(nlp, text, absent):
    assert not {r["text"] for r in nlp(text)._.get(schema.QUANTITY.extension)} & absent


@pytest.mark.parametrize("text, surface, value, value_max", [
    ("Between 5-10 people came to the meeting.", "Between 5-10", 5, 10),
    ("The trip takes 3-4 km on foot.", "3-4 km", 3, 4),
])
def test_ranges_with_a_dash_stay_ranges(nlp, text, surface, value, value_max):
    r = one(nlp, text, surface)
    assert (r["value"], r["value_max"], r["bound"]) == (value, value_max, "range")


@pytest.mark.parametrize("text, age", [
    ("Sean O'Connor, 19, scored twice in the second half.", "19"),
    ("The victims were John Smith, 34, and Mary Jones, 29.", "34"),
    ("The victims were John Smith, 34, and Mary Jones, 29.", "29"),
    ("Defender Paul Hart, 23, signed a new deal.", "23"),
])
def test_age_in_apposition_is_not_a_count(nlp, text, age):
    assert age not in {r["text"] for r in nlp(text)._.get(schema.QUANTITY.extension)}


@pytest.mark.parametrize("text, surface", [
    ("Prices rose by 19, 20 and 21 percent.", "19"),
    ("Of the teams, 12, including ours, went through.", "12"),
])
def test_numbers_between_commas_without_a_name_stay(nlp, text, surface):
    assert surface in {r["text"] for r in nlp(text)._.get(schema.QUANTITY.extension)}


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The FTSE 100 rose 120 points to close at 4,850.", "120 points", 120, "point"),
    ("He averages 28 points per game this season.", "28 points per game", 28, "point per game"),
    ("The Bank cut rates by 25 basis points.", "25 basis points", 25, "basis point"),
    ("Spreads narrowed 40bp.", "40bp", 40, "basis point"),
    ("The dollar bought 105.3 yen.", "105.3 yen", 105.3, "JPY"),
    ("Tickets cost ¥3,000.", "¥3,000", 3000, "JPY"),
    ("The deal was worth HK$50m.", "HK$50m", 50000000, "HKD"),
    ("Profits were A$20m.", "A$20m", 20000000, "AUD"),
    ("The fee is C$10.", "C$10", 10, "CAD"),
    ("Revenue hit NZ$5bn.", "NZ$5bn", 5000000000, "NZD"),
    ("A flat costs S$300,000.", "S$300,000", 300000, "SGD"),
    ("The car has a 300 horsepower engine.", "300 horsepower", 300, "horsepower"),
    ("It makes 450bhp.", "450bhp", 450, "horsepower"),
    ("The chip runs at 3.2GHz.", "3.2GHz", 3.2, "gigahertz"),
    ("Mains power is 50 hertz.", "50 hertz", 50, "hertz"),
    ("It has a 42-inch screen.", "42-inch", 42, "inch"),
    ("The snow was 5 inches deep.", "5 inches", 5, "inch"),
    ("The engine peaks at 7,000 rpm.", "7,000 rpm", 7000, "revolution per minute"),
    ("The steel is rated at 60 ksi.", "60 ksi", 60, "kilopound per square inch"),
    ("It makes 500 pound-feet of torque.", "500 pound-feet", 500, "pound-foot"),
    ("Torque is 400 lb-ft.", "400 lb-ft", 400, "pound-foot"),
    ("It has a 5-megapixel camera.", "5-megapixel", 5, "megapixel"),
    ("The device had a yield of 15 kilotons.", "15 kilotons", 15, "kilotonne"),
    ("Gold rose to $430 a troy ounce.", "$430 a troy ounce", 430, "USD per troy ounce"),
    ("Wheat closed at $3.20 per bushel.", "$3.20 per bushel", 3.2, "USD per bushel"),
    ("The region made 50m hectolitres of wine.", "50m hectolitres", 50000000, "hectolitre"),
    ("The computer reached 70.7 teraflops.", "70.7 teraflops", 70.7, "teraflop"),
    ("The port handled 9m TEUs.", "9m TEUs", 9000000, "twenty-foot equivalent unit"),
])
def test_news_units(nlp, text, surface, value, unit):
    r = one(nlp, text, surface)
    assert (r["value"], r["unit"]) == (value, unit)


@pytest.mark.parametrize("text, surface, noun", [
    ("The council built three new homes.", "three", "homes"),
    ("They opened 20 luxury flats.", "20", "flats"),
    ("Five young players were called up.", "Five", "players"),
    ("The firm cut 300 full-time jobs.", "300", "jobs"),
])
def test_counted_noun_after_adjectives(nlp, text, surface, noun):
    assert one(nlp, text, surface)["unit_noun"] == noun


@pytest.mark.parametrize("text, surface, value, value_max, unit", [
    ("Tens of thousands of people marched.", "Tens of thousands", 10000, 99999, ""),
    ("Millions of people watched the final.", "Millions", 1000000, 9999999, ""),
    ("Hundreds were hurt in the crush.", "Hundreds", 100, 999, ""),
    ("Dozens of firms failed.", "Dozens", 12, 119, ""),
    ("Hundreds of thousands of jobs went.", "Hundreds of thousands", 100000, 999999, ""),
    ("The firm lost millions of dollars.", "millions of dollars", 1000000, 9999999, "USD"),
    ("They drove hundreds of miles.", "hundreds of miles", 100, 999, "mile"),
])
def test_vague_magnitudes_are_ranges(nlp, text, surface, value, value_max, unit):
    r = one(nlp, text, surface)
    assert (r["value"], r["value_max"], r["bound"], r["unit"]) == (value, value_max, "range", unit)


@pytest.mark.parametrize("text, surface, value, unit, note", [
    # two readings and nothing to choose: the value is left empty and the note says why
    ("The finale was seen by 14m.", "14m", None, "", "metres or millions"),
    ("Sales reached 3m last year.", "3m", None, "", "metres or millions"),
    # a length word decides, as does the lack of any count or money word
    ("The wall is 3m tall and sold well.", "3m", 3, "metre", ""),
    ("He won a tight 3,000m in 7:40.53.", "3,000m", 3000, "metre", ""),
    # a reading taken by convention is named
    ("The dividend rose to 8.5 cents.", "8.5 cents", 0.085, "USD", "USD assumed"),
    ("Shares closed at 18 pence.", "18 pence", 0.18, "GBP", ""),
    ("The parcel was 5 pounds.", "5 pounds", 5, "pound", "read as mass"),
])
def test_notes_say_when_unsure(nlp, text, surface, value, unit, note):
    r = one(nlp, text, surface)
    assert (r["value"] if r["value"] is None else pytest.approx(r["value"])) == value and r["unit"] == unit
    assert (note in r["note"]) if note else r["note"] == ""



@pytest.mark.parametrize("text, absent", [
    ("At one point he led by ten.", "one point"),
    ("On one point the minister was clear.", "one point"),
    ("It was a one-off payment.", "one"),
    ("We cannot do it all in one go.", "one"),
    ("Growth in the fourth quarter points to a slowdown.", "quarter points"),
])
def test_set_phrases_are_not_quantities(nlp, text, absent):
    assert absent not in {r["text"] for r in nlp(text)._.get(schema.QUANTITY.extension)}


@pytest.mark.parametrize("text, surface, value, unit", [
    # a dash between a word number and a figure is an apposition, not a range
    ("Nearly two thirds - 65% - of them agreed.", "65%", 65, "percent"),
    # a range's high end takes no unit from a later list member
    ("It was 14% of those aged 30-39 and 12% of the rest.", "14%", 14, "percent"),
])
def test_no_range_or_shared_unit_across_an_apposition(nlp, text, surface, value, unit):
    recs = {r["text"]: r for r in nlp(text)._.get(schema.QUANTITY.extension)}
    assert (recs[surface]["value"], recs[surface]["unit"]) == (value, unit)
    assert not any(r["unit"] == "percent" and r["bound"] == "range" for r in recs.values())


@pytest.mark.parametrize("text, surface, value", [
    ("And one-and-a-half million families pay more.", "one-and-a-half million", 1500000),
    ("It was two-and-a-half times bigger.", "two-and-a-half times", 2.5),
])
def test_hyphenated_number_words(nlp, text, surface, value):
    assert one(nlp, text, surface)["value"] == value


@pytest.mark.parametrize("text, surface, kept", [
    ("He won the Six Nations in '94, beating England in '93.", "94", False),
    ("Music of the '80s returned.", "80", False),
    ("'12 hurt' in blast at factory.", "12", True),
])
def test_abbreviated_years_are_not_quantities(nlp, text, surface, kept):
    assert (surface in {r["text"] for r in nlp(text)._.get(schema.QUANTITY.extension)}) == kept

