"""Quantities: every number in the text with a value, a canonical unit and a bound.

The finder works on the text with compiled regular expressions built from
``resources/units.json``; the Doc's tokens and entities are read only as evidence
(the counted noun, numbers inside names). Steps:

1. *atoms*: a number (digits, number words, fractions, "eightfold", ordinals) with its
   scale ("1.1 million", "$4bn", "25-million") and its unit or currency, before
   ("US$", "EUR") or after ("acres", "km2", "-square-kilometre", "%"), and a rate
   ("$5 a share", "km/h", "m/s2", "m s-1"); powers of ten ("3 x 10^8", "9.83e-3"); a
   fraction of a scale ("half a million"); a sign in words or spaced ("minus 20 degrees",
   "- 20 degrees", "5 degrees below zero"); a bound written after it ("30-odd", "1,200-plus");
2. *ranges*: two atoms joined by "to", "-", "–" or "between ... and" become one record
   (value = low end, value_max = high end, bound "range"); a missing unit or scale on the
   low end is taken from the high end ("between 5 and 10 km", "20 to 30 million");
3. *modifiers* before the number stay inside the span, as in OntoNotes ("about 10%",
   "more than 200") and set ``bound`` (exact / approximate / lower / upper / range);
4. *filters*: numbers inside a date record (years, durations, ages: the dates component
   owns them), clock times, phone numbers, references ("page 12", "No. 5"), and numbers
   that are part of a name ("G20", "Group of 20", "1000 Talents", "One Belt, One Road").

``find_quantities(doc)`` returns plain dicts; the ``extract_quantities`` component
stores them on ``doc._.extract_quantities``. ``read_atoms(text)`` is the pure finder (steps 1-2,
no spaCy).

Modules:

* :mod:`.units`: ``resources/units.json`` read through ``extract.resources.load`` against
  a declared shape, compiled into lookups and regular expressions (:class:`~.units.Tables`);
* :mod:`.grammar`: the fixed patterns (shapes of numbers, phone numbers, months, names);
* :mod:`.numbers`: the :class:`~.numbers.Atom` record, digits and runs of number words;
* :mod:`.atoms`: step 1, a number and what surrounds it (scale, currency, unit, rate, sign);
* :mod:`.ranges`: step 2, neighbouring atoms joined (ranges, tolerances, cents);
* :mod:`.finder`: steps 3-4 over a Doc (date records, names, counted nouns), records;
* :mod:`.component`: the spaCy factory ``extract_quantities``.

Conventions (gold/GUIDELINES.md section 3):

* labels CARDINAL, ORDINAL, MONEY, PERCENT, QUANTITY; ``value`` a number with scale words
  resolved ("US$25-million" -> 25000000, "1.1m Muslims" -> 1100000, "eightfold" -> 8 "times");
* the modifier is inside the span ("about 10%", "more than 200", "between 5 and 10 km") and
  gives ``bound``; focus words ("only", "just") stay outside;
* a range is one record: value = low end, value_max = high end, bound "range"; "rose from 5%
  to 10%" is a change, two records (a word of change earlier in the clause, listed in
  units.json, makes "from X to Y" a change; without one it is a range); "3-1" (a score) is
  two numbers;
* ``unit``: ISO 4217 codes for money ("$" is USD; "C$", "HK$", "A$" their own), one singular
  name per measure ("hectare", "km2", "degree Celsius"), "percent", "times"; "" for counts,
  with the counted noun in ``unit_noun`` ("20,000 researchers" -> "researchers");
* a rate keeps its denominator in the unit: "$2 a share" -> "USD per share"; powers are
  named: "km/s2" -> "kilometre per square second", "kg m-3" -> "kilogram per cubic metre",
  "0.3 s-1" -> "inverse second";
* years, dates, times, durations and ages are the dates component's: a number inside one of
  its records is dropped; "20-minute", "5-year", "3 years old" are never quantities here,
  nor "two" in "two or three years" (the time unit is shared).
"""
from __future__ import annotations

from .. import schema
from .atoms import build_atoms
from .component import QuantityFinder, make_quantities
from .finder import TEXT_KEY, doc_text, find_quantities, find_quantities_in_text, read_atoms
from .numbers import Atom
from .ranges import merge_ranges
from .units import DURATION, RESOURCE, SHAPE, Tables, build_tables, load_tables, unit_forms_singular

#: Table columns in order: the contract columns first, then this component's own.
COLUMNS = list(schema.QUANTITY.column_names)
LABELS = schema.QUANTITY_LABELS
BOUNDS = schema.BOUNDS

__all__ = [
    "COLUMNS", "LABELS", "BOUNDS", "DURATION", "RESOURCE", "SHAPE", "TEXT_KEY", "Atom", "Tables",
    "QuantityFinder", "make_quantities", "build_atoms", "build_tables", "doc_text", "find_quantities",
    "find_quantities_in_text", "load_tables", "merge_ranges", "read_atoms", "unit_forms_singular",
]
