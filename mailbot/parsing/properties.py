"""Tolerant readers of single iCalendar properties (RFC 5545 §3.8) of an ``icalendar`` component.

A property that cannot be read (icalendar keeps it as ``vBroken``, or its value has the wrong
shape) is dropped: the reader returns None and reports it through :func:`warnings.warn`, which
``calendar.find_event`` collects; the rest of the event is kept.
"""
from __future__ import annotations

import functools
import re
import warnings as warnings_module
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import cast
from zoneinfo import ZoneInfo

import icalendar

from mailbot.parsing import zones

_ADDRESS = re.compile(r"^[^@\s;:=,<>\"]+@[^@\s;:=,<>\"]+\.[a-z]{2,}$")


def dropped(name: str, value: object, why: str = "unreadable") -> None:
    """Report that property ``name`` was dropped (its value shortened to 60 characters)."""
    warnings_module.warn(f"{name} {why} ({str(value)[:60]!r}): dropped, the rest of the event kept", stacklevel=2)


def moment(component: icalendar.Component, name: str,
           own_zones: dict[str, icalendar.Timezone]) -> tuple[datetime | date | None, str | None]:
    """DTSTART/DTEND/RECURRENCE-ID (§3.8.2.4, §3.8.2.2, §3.8.4.4) and the IANA zone it was written
    in: an aware datetime for a time with a known TZID (IANA or Windows name, else the calendar's
    own VTIMEZONE of that name, built afresh: icalendar caches a TZID across calendars, and
    "Customized Time Zone" means different rules in different mails), or UTC; a naive datetime
    for floating time; a date for a DATE value. (None, None) when absent or unreadable."""
    prop = component.get(name)
    if prop is None:
        return None, None
    if isinstance(prop, list) and prop:  # the property twice: the first counts
        dropped(f"{name} (a second one)", getattr(prop[-1], "to_ical", lambda: prop[-1])(), "repeated")
        prop = prop[0]
    value = _value(prop)
    if not isinstance(value, date):  # vBroken, a period
        dropped(name, getattr(prop, "to_ical", lambda: prop)())
        return None, None
    if not isinstance(value, datetime):
        return value, None
    if str(prop.params.get("VALUE") or "").upper() == "DATE" and value.time() == time():
        return value.date(), None  # a TZID beside VALUE=DATE made icalendar give the day a time
    tzid = str(prop.params.get("TZID") or "").strip()
    if tzid:
        zone = zones.tzid_zone(tzid)
        if zone:
            return value.replace(tzinfo=ZoneInfo(zone)), zone
        if tzid in own_zones:
            try:
                own = _own_zone(own_zones[tzid].to_ical())
            except Exception as exc:  # a VTIMEZONE without usable rules: read as floating below
                warnings_module.warn(f"VTIMEZONE {tzid!r} unreadable: {type(exc).__name__}", stacklevel=1)
            else:
                return value.replace(tzinfo=own), _matching_zone(own, value.replace(tzinfo=None))
        warnings_module.warn(f"unknown TZID {tzid!r} without VTIMEZONE: time read as floating", stacklevel=1)
        return value.replace(tzinfo=None), None
    if value.tzinfo is not None:
        return value, "UTC" if value.utcoffset() == timedelta(0) else None
    return value, None


@functools.lru_cache(maxsize=32)
def _own_zone(vtimezone: bytes) -> tzinfo:
    """A calendar's own VTIMEZONE (its iCalendar text) as a tzinfo, built once per text: its
    offsets are found by expanding its rules, which later moments of the same zone reuse."""
    return cast(icalendar.Timezone, icalendar.Timezone.from_ical(vtimezone)).to_tz(lookup_tzid=False)


@functools.lru_cache(maxsize=256)
def _matching_zone(own: tzinfo, wall: datetime) -> str | None:
    """:func:`zones.matching_zone` of an own zone at the wall-clock time ``wall`` (naive), once."""
    return zones.matching_zone(own, wall)


def _value(prop: object) -> object:
    """``prop.dt``, None when it has none (icalendar raises for ``dt`` of a broken property)."""
    try:
        return getattr(prop, "dt", None)
    except Exception:  # BrokenCalendarProperty (icalendar >= 7), whatever the release calls it
        return None


def instant(moment_: datetime | date) -> datetime:
    """An aware UTC datetime for ordering: a date is its midnight, floating time is read as UTC."""
    if not isinstance(moment_, datetime):
        return datetime.combine(moment_, datetime.min.time(), UTC)
    return moment_.astimezone(UTC) if moment_.tzinfo else moment_.replace(tzinfo=UTC)


def sequence(component: icalendar.Component) -> int | None:
    """SEQUENCE (§3.8.7.4); None when absent or no number."""
    value = component.get("SEQUENCE")
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        dropped("SEQUENCE", value)
        return None


def rrule(component: icalendar.Component) -> str | None:
    """The RRULE value (§3.8.5.3) as text, None when absent or unreadable."""
    value = component.get("RRULE")
    if value is None:
        return None
    if isinstance(value, list) and value:  # two rules (Zimbra writes them): the first counts
        dropped("RRULE (a second one)", value[-1].to_ical().decode(errors="replace")
                if hasattr(value[-1], "to_ical") else value[-1], "repeated")
        value = value[0]
    if not isinstance(value, icalendar.vRecur):
        dropped("RRULE", getattr(value, "to_ical", lambda: value)())
        return None
    return value.to_ical().decode()


def exdates(component: icalendar.Component, own_zones: dict[str, icalendar.Timezone]) -> tuple[datetime, ...]:
    """The EXDATE instants (§3.8.5.1) in UTC, sorted; unreadable ones dropped."""
    values = component.get("EXDATE")
    found: list[datetime] = []
    for prop in values if isinstance(values, list) else [values] if values is not None else []:
        for item in getattr(prop, "dts", []) or []:
            value = _value(item)
            if isinstance(value, datetime) and value.tzinfo is None:
                tzid = str(prop.params.get("TZID") or "")
                zone = zones.tzid_zone(tzid) if tzid else None
                value = value.replace(tzinfo=ZoneInfo(zone)) if zone else None
            if isinstance(value, date):
                found.append(instant(value))
    return tuple(sorted(found))


def text(component: icalendar.Component, name: str) -> str:
    """A TEXT property (§3.3.11) as str, line ends as LF; the first of a repeated one; '' when absent."""
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).replace("\r\n", "\n").strip() if value is not None else ""


def organizer(component: icalendar.Component) -> str | None:
    """The ORGANIZER's address (§3.8.4.3, a mailto: URI) in lower case; None when absent or when
    the value is no address (a fragment of a broken fold such as ``x-user-key=..;cn=danie``)."""
    value = text(component, "ORGANIZER").strip().strip('"').strip()  # ("mailto:..." in quotes, as some write it)
    address = (value[7:] if value.lower().startswith("mailto:") else value).strip().lower()
    if not address:
        return None
    if not _ADDRESS.match(address):
        dropped("ORGANIZER", value, "is no address")
        return None
    return address


def before(end: datetime | date, start: datetime | date) -> bool:
    """True when ``end`` is earlier than ``start`` (aware, floating and date values alike)."""
    if isinstance(end, datetime) and isinstance(start, datetime):
        if (end.tzinfo is None) != (start.tzinfo is None):
            end, start = end.replace(tzinfo=None), start.replace(tzinfo=None)
        return end < start
    if isinstance(end, datetime) or isinstance(start, datetime):
        return False
    return end < start


def end_from_duration(component: icalendar.Component, start: datetime | date) -> datetime | date:
    """DTSTART + DURATION (§3.8.2.5); without a readable DURATION a dated event lasts one day, a
    timed one no time (§3.6.1)."""
    duration = component.get("DURATION")
    value = _value(duration)
    if duration is not None and not isinstance(value, timedelta):
        dropped("DURATION", duration)
    if isinstance(value, timedelta) and value >= timedelta(0):
        try:
            return start + value
        except OverflowError:
            dropped("DURATION", duration, "too long")
    return start + timedelta(days=1) if not isinstance(start, datetime) else start
