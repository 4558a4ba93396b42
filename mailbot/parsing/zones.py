"""Time zone names as mail and calendar clients write them, mapped to IANA zones.

- iCalendar TZIDs: IANA names, Windows ids (also numbered, "W. Europe Standard Time 1"; CLDR
  windowsZones via ``icalendar``), vendor prefixes ("/mozilla.org/.../Europe/Berlin").
- Outlook's labels, "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna": the label
  names the zone, not the offset, so summer dates get summer time.
- Phrases in text: "Brussels time", "Lisbon local time", "CET", "EEST", "norsk tid".
"""
from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from mailbot.parsing import places

# Abbreviations as people write them for European meetings; summer and winter forms name the
# same civil time, so both map to the zone (not to a fixed offset).
ABBREVIATIONS = {
    "cet": "Europe/Brussels", "cest": "Europe/Brussels", "met": "Europe/Brussels",
    "mez": "Europe/Berlin", "mesz": "Europe/Berlin",
    "eet": "Europe/Helsinki", "eest": "Europe/Helsinki",
    "wet": "Europe/Lisbon", "west": "Europe/Lisbon",
    "bst": "Europe/London", "gmt": "Europe/London",
    "utc": "UTC",
    "edt": "America/New_York", "est": "America/New_York",
}

# Windows display names that name no city.
_LABELS = {
    "coordinated universal time": "UTC",
    "eastern time (us & canada)": "America/New_York",
    "central time (us & canada)": "America/Chicago",
    "mountain time (us & canada)": "America/Denver",
    "pacific time (us & canada)": "America/Los_Angeles",
    "west central africa": "Africa/Lagos",
}

# "norsk tid", "Oslo time", "Brussels local time", "heure de Paris", "(Warsaw time)"
_LOCAL_NAMES = {"norsk": "Europe/Oslo", "norwegian": "Europe/Oslo", "dansk": "Europe/Copenhagen",
                "svensk": "Europe/Stockholm", "finsk": "Europe/Helsinki", "finnish": "Europe/Helsinki",
                "estisk": "Europe/Tallinn", "belgisk": "Europe/Brussels", "belgian": "Europe/Brussels"}

_IANA = re.compile(r"(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+(?:/[A-Za-z_]+)?")
_LABEL = re.compile(r"\(\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)\s*([^\n]*)", re.I)
_LOCAL_TIME = re.compile(r"\b(?:local time|lokal tid|lokaltid|heure locale|Ortszeit|hora local|ora locale)\b", re.I)
_CITY_TIME = re.compile(r"\b([A-ZÆØÅ][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+(?:local\s+)?(?i:time)\b|"
                        r"\b(\w+)\s+(?:lokal\s*)?tid\b|\bheure\s+de\s+([A-Z][\w-]+)", re.U)
# "(local time, GMT+4)", "UTC+03:00": a fixed offset, named as IANA's Etc/GMT zones
_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b")
# Zoom: "Apr 27, 2027 02:00 PM Amsterdam, Berlin, Rome, Stockholm, Vienna"
_CITY_LIST = re.compile(r"(?:[AP]M|\d\d)\s+([A-Z][\w'’-]+)(?:,\s*[A-Z][\w'’-]+){2,}")
_ABBREVIATION = re.compile(r"(?<![\w/])(" + "|".join(a.upper() for a in sorted(ABBREVIATIONS, key=len, reverse=True))
                           + r")(?![\w/])")


def tzid_zone(tzid: str) -> str | None:
    """Map an iCalendar TZID to an IANA zone name, None when it names no zone we know."""
    name = tzid.strip().strip('"').strip()
    if not name:
        return None
    if _valid(name):
        return name
    windows = re.sub(r"\s+\d+$", "", name)
    if windows in WINDOWS_TO_OLSON:
        return WINDOWS_TO_OLSON[windows]
    # short and old Windows names: Lotus Notes' "FLE", Outlook 2003's "Pacific Time (US & Canada),Tijuana"
    short = re.sub(r"\s*\([^)]*\)|,.*$", "", windows).strip()
    for guess in (f"{short} Standard Time", re.sub(r"\bTime$", "Standard Time", short)):
        if guess in WINDOWS_TO_OLSON:
            return WINDOWS_TO_OLSON[guess]
    match = _IANA.search(name)
    if match and _valid(match.group(0)):
        return match.group(0)
    return label_zone(name)


def label_zone(text: str) -> str | None:
    """The zone of an Outlook label such as "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"."""
    match = _LABEL.search(text)
    if not match:
        return None
    names = match.group(4).strip().rstrip(".")
    if names.lower() in _LABELS:
        return _LABELS[names.lower()]
    for name in names.split(","):
        place = places.lookup(name.strip().rstrip("."))
        if place:
            return place.zone
    return None


def text_zone(text: str) -> str | None:
    """A zone that a sentence names for its times ("Tallinn time (EET)", "CET", "norsk tid"), or
    None when it names none or says "local time" (the venue's zone, which the caller knows)."""
    label = label_zone(text)
    if label:
        return label
    names = [next(g for g in m.groups() if g) for m in _CITY_TIME.finditer(text)]
    for name in names:
        place = places.lookup(name) if name.lower() not in _LOCAL_NAMES else None
        if place and not place.is_country:
            return place.zone
    if _LOCAL_TIME.search(text):
        return None  # "local time": the venue's, even where the text also compares with "norsk tid"
    for name in names:
        if name.lower() in _LOCAL_NAMES:
            return _LOCAL_NAMES[name.lower()]
    match = _OFFSET.search(text)
    if match and (match.group(3) or "00") == "00":
        hours = int(match.group(2))
        return "UTC" if hours == 0 else f"Etc/GMT{'-' if match.group(1) == '+' else '+'}{hours}"  # POSIX signs
    match = _CITY_LIST.search(text)
    listed = places.lookup(match.group(1)) if match else None
    if listed:
        return listed.zone
    match = _ABBREVIATION.search(text)
    if match:
        return ABBREVIATIONS[match.group(1).lower()]
    return None


def venue_or_written(written: str, venue: str, year: int) -> str:
    """The zone for times written in ``written`` at a meeting held in ``venue``: the venue's, when
    both keep the same standard time. "GMT" in Reykjavík, "CET" in Warsaw or Algiers, "norsk tid"
    in Brussels all name the venue's civil time (its own summer-time rules apply), while "CET"
    for a meeting in Helsinki gives the times in Central European time."""
    def standard(name: str) -> timedelta:
        zone = ZoneInfo(name)
        offsets = (zone.utcoffset(datetime(year, 1, 15, 12)), zone.utcoffset(datetime(year, 7, 15, 12)))
        return min(offset for offset in offsets if offset is not None)  # (a ZoneInfo always has one)
    return venue if standard(written) == standard(venue) else written


def matching_zone(tz: tzinfo, around: datetime) -> str | None:
    """An IANA zone with the same offsets as ``tz`` in winter and summer of ``around``'s year.

    For calendars that define their own VTIMEZONE under a made-up name. European zones are
    preferred, then any other.
    """
    year = around.year
    probes = [datetime(year, 1, 15, 12), datetime(year, 7, 15, 12), around.replace(tzinfo=None)]
    wanted = [tz.utcoffset(p) for p in probes]
    for name in _candidates():
        zone = ZoneInfo(name)
        if [zone.utcoffset(p) for p in probes] == wanted:
            return name
    return None


@functools.cache
def _candidates() -> list[str]:
    """The IANA zones (read from the zone database once): European ones first, then the main
    zone of each Windows zone (CLDR: Australia/Sydney, not Antarctica/Macquarie), then the rest,
    research stations and old aliases last."""
    main = set(WINDOWS_TO_OLSON.values())
    return sorted(available_timezones(), key=lambda z: (
        not z.startswith("Europe/"), z not in _MAJOR, z not in main,
        z.startswith(("Antarctica/", "Etc/", "US/", "SystemV/")) or "/" not in z, z))


# zones of the world's large cities, before smaller places that share their rules
_MAJOR = frozenset(("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                    "America/Toronto", "America/Mexico_City", "America/Sao_Paulo", "America/Bogota",
                    "Asia/Tokyo", "Asia/Shanghai", "Asia/Kolkata", "Asia/Dubai", "Asia/Singapore", "Asia/Bangkok",
                    "Asia/Karachi", "Asia/Dhaka", "Asia/Jakarta", "Asia/Seoul", "Australia/Sydney",
                    "Australia/Perth", "Pacific/Auckland", "Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos",
                    "Africa/Nairobi"))


def _valid(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return "/" in name or name == "UTC"
