"""Fixed patterns and word sets of the quantity grammar (what is not data in units.json:
the shapes of numbers, dates, phone numbers and names around them). Pure: no spaCy."""
from __future__ import annotations

import re

SCALE_AFTER = re.compile(
    r"(?P<sep>\s?-\s?|\s+)(?P<scale>(?i:hundred|thousand|million|billion|trillion|lakh|crore|bn|mn|mln|tn|trn))(?![\w])"
)
SUFFIX = re.compile(r"(?P<sfx>bn|mn|tn|trn|k|K|M|m|b|B|T)(?![A-Za-z0-9])")
PLURAL_SCALE = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 1_000_000,
                 "billions": 1_000_000_000, "trillions": 1_000_000_000_000}
OF_PLURAL = re.compile(r"\s+of\s+(?P<w>thousands|millions|billions|trillions)\b", re.IGNORECASE)
CLOCK_AFTER = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[ap]\.m\b)")
CLOCK_VALUE = re.compile(r"^(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?$")
PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"
    r"|\+\d{1,3}[\s.-]?\d{2,5}[\s.-]\d{3,4}[\s.-]?\d{3,4}"
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\b\d{3}-\d{4}\b|\b0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4}\b"
    r"|\b\d{2,}(?:-\d{2,}){2,}\b"
)
CONNECTOR = re.compile(r"^\s*(?:-|–|—|[-–]?\s*to|through|and)\s*$", re.IGNORECASE)
BETWEEN = re.compile(r"(?:^|(?<=\W))(?P<w>between|from)\s+$", re.IGNORECASE)
BARE_NUMBER = re.compile(
    r"^(?:[\d.,\s]+|(?:a|an|and|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|half|quarter|third|[\s-])+)$",
    re.IGNORECASE,
)
OR_GAP = re.compile(r"\s*,?\s*or\s+", re.IGNORECASE)
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s*$", re.IGNORECASE)
CODE_BEFORE = re.compile(r"(?<![\w$])[A-Za-z][\w]*$|(?<![\w$])\w*[A-Za-z]\w*$")
CODE_AFTER = re.compile(r"\s?[A-Za-z]{1,3}-?\d")
ARTICLE_FRACTION = re.compile(r"(?i:an?)\s+(?P<w>(?i:half|quarter|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))")
FRACTION_CONTEXT = re.compile(
    r"\s+of\b|\s*-?\s*(?i:hundred|thousand|million|billion|trillion|dozen|mile|kilometre|kilometer|"
    r"metre|meter|litre|liter|pound|kilo|kilogram|ton|tonne|inch|foot|acre|hectare|percent|per cent|point)", re.IGNORECASE)
MILLION_NEXT = re.compile(
    r"\s+(?:of\b|(?:[A-Za-z]+\s+)?(?!hurdles\b)(?:[A-Za-z]+[^s\W]s|people|children|men|women)\b)")
MONTH_AFTER = re.compile(
    r"\s+(?i:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b")
CLOSE_AFTER = re.compile(r"\s?\)")
YEAR = re.compile(r"1\d{3}|20\d{2}")
OF_A_SCALE = re.compile(
    r"\s+(?:of\s+)?(?:an?|one)\s+(?P<scale>hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)
SPACED_MINUS = re.compile(r"(?:^|(?<![\w-])(?P<w>[A-Za-z]+)\s|[(\[:]\s?)(?P<minus>[-−])\s$")
POWER = re.compile(r"^([\d,.\s\u00a0\u202f]+?)\s?[x×·]\s?(10|\d{1,3}(?=\^))\^?(-?\d+)$")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 1000})
TOLERANCE = re.compile(r"^\s*(?:±|\+/-|\+/−|\+-)\s*$")
TITLE_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*|[\"“‘'(]\s*)$")
BARE_SCALE = re.compile(r"(?i:hundred|thousand|million|billion|trillion|lakh|crore)\b")
FEW_BEFORE = re.compile(r"\b(?i:several|few|many)\s+$")
RANGING = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere)\s+from\s+$", re.IGNORECASE)
ONE_IN = re.compile(r"\s+in\s+(?:\d|(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred|a thousand|a million)\b)")
CENTS_GAP = re.compile(r"^\s+(?:and\s+)?$", re.IGNORECASE)
WORD_AFTER = re.compile(r"\s+(?!more\b|less\b|cents?\b|pence\b)[A-Za-z]{2,}")
AGE_AFTER = re.compile(r"\s+(?:old|of\s+age)\b", re.IGNORECASE)
INCH_OK = re.compile(r"\s*(?:[.,;:)]|$|\s(?:thick|long|wide|tall|high|deep|diameter|across)\b)")
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
PREV_WORD = re.compile(r"([#\w][\w.’']*)\W*$")
DETERMINERS_BEFORE_ONE = frozenset(
    "the this no any every each another a an some someone no-one such last next".split())
AFTER_ONE = frozenset("another anothers's ’s 's self".split())
NAME_ENTS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PERSON"})
OPEN_ENTS = frozenset({"NORP", "GPE", "LOC", "LANGUAGE"})
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
#: the end of a sentence between two amounts
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
