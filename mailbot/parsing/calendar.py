"""Calendar parts of a message (RFC 5545 iCalendar, RFC 5546 iTIP methods), read with ``icalendar``.

Calendar data is found as text/calendar (inline or inside multipart/alternative), as .ics
attachments (also application/ics and application/octet-stream with a .ics name), and inside
forwarded message/rfc822 parts at any depth.
"""
from __future__ import annotations

import warnings as warnings_module
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import Message
from zoneinfo import ZoneInfo

import icalendar

from mailbot.parsing import zones

CALENDAR_TYPES = {"text/calendar", "application/ics", "text/x-vcalendar"}
# Properties that hold an online meeting's join link (a plain URL property is just a web page).
ONLINE_PROPERTIES = ("X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-GOOGLE-CONFERENCE", "CONFERENCE")


@dataclass(frozen=True)
class CalendarEvent:
    """The meeting a calendar part describes.

    ``start``/``end`` are aware datetimes, or dates for an all-day event (``end`` exclusive as
    in iCalendar), or naive datetimes for floating times. ``zone`` is the IANA zone the times
    were written in, when known. ``method`` is the iTIP METHOD (REQUEST, CANCEL, PUBLISH,
    REPLY, ...), '' when the calendar has none.
    """

    method: str
    uid: str | None
    sequence: int | None
    summary: str
    description: str
    location: str
    organizer: str | None
    start: datetime | date
    end: datetime | date
    zone: str | None
    rrule: str | None
    status: str
    links: tuple[str, ...]

    @property
    def all_day(self) -> bool:
        """True for an event with DATE values (no times)."""
        return not isinstance(self.start, datetime)

    @property
    def floating(self) -> bool:
        """True for times with no zone at all (RFC 5545 §3.3.5 form #1)."""
        return isinstance(self.start, datetime) and self.start.tzinfo is None


def is_calendar_part(part: Message) -> bool:
    """True for a part holding iCalendar data."""
    name = (part.get_filename() or "").lower()
    return part.get_content_type() in CALENDAR_TYPES or name.endswith((".ics", ".vcs"))


def find_event(msg: Message) -> tuple[CalendarEvent | None, list[str]]:
    """The first readable VEVENT in ``msg`` and its attached messages, with parse warnings
    (each once, not logged: the caller knows the message).

    A malformed calendar part is skipped with a warning; this function never raises.
    """
    warnings: list[str] = []
    for part in msg.walk():
        if part.is_multipart() or not is_calendar_part(part):
            continue
        try:
            payload = part.get_payload(decode=True)  # bytes for a part that is not multipart
            data = payload if isinstance(payload, bytes) else b""
            with warnings_module.catch_warnings(record=True) as caught:
                warnings_module.simplefilter("always")
                calendar = icalendar.Calendar.from_ical(data)
                event = _read(calendar)
            warnings.extend(dict.fromkeys(f"calendar: {w.message}" for w in caught))  # once each
        except Exception as exc:
            warnings.append(f"calendar part skipped: {type(exc).__name__}: {exc}")
            continue
        if event is not None:
            return event, warnings
    return None, warnings


def _read(calendar: icalendar.Calendar) -> CalendarEvent | None:
    events = list(calendar.walk("VEVENT"))
    if not events:
        return None
    master = next((e for e in events if "RECURRENCE-ID" not in e), events[0])
    own_zones = {str(tz.get("TZID", "")).strip(): tz for tz in calendar.walk("VTIMEZONE")
                 if isinstance(tz, icalendar.Timezone)}  # (always: icalendar builds VTIMEZONE as Timezone)
    start, zone = _moment(master, "DTSTART", own_zones)
    if start is None:
        return None
    end, _ = _moment(master, "DTEND", own_zones)
    if end is None:
        end = _end_from_duration(master, start)
    if _before(end, start):  # RFC 5545 §3.6.1: DTEND is later than DTSTART
        warnings_module.warn(f"the event ends ({end}) before it starts ({start}): not read", stacklevel=1)
        return None
    rrule = master.get("RRULE")
    organizer = str(master.get("ORGANIZER") or "").strip()
    return CalendarEvent(
        method=str(calendar.get("METHOD") or "").strip().upper(),
        uid=str(master["UID"]).strip() if master.get("UID") else None,
        sequence=_sequence(master),
        summary=_text(master, "SUMMARY"),
        description=_text(master, "DESCRIPTION"),
        location=_text(master, "LOCATION"),
        organizer=_mailto(organizer),
        start=start,
        end=end,
        zone=zone,
        rrule=rrule.to_ical().decode() if rrule else None,
        status=str(master.get("STATUS") or "").upper(),
        links=tuple(str(master[p]) for p in ONLINE_PROPERTIES if master.get(p)),
    )


def _sequence(component: icalendar.Component) -> int | None:
    """SEQUENCE (RFC 5545 §3.8.7.4), None when absent; ValueError when it is no number."""
    value = component.get("SEQUENCE")
    if value is None:
        return None
    if not isinstance(value, int | str):  # a number, or the text of a broken one (vBroken)
        raise ValueError(f"SEQUENCE is no number: {value!r}")
    return int(value)


def _text(component: icalendar.Component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0]
    return str(value).replace("\r\n", "\n").strip() if value is not None else ""


def _mailto(value: str) -> str | None:
    address = value[7:] if value.lower().startswith("mailto:") else value
    return address.strip().lower() or None


def _moment(component: icalendar.Component, name: str,
            own_zones: dict[str, icalendar.Timezone]) -> tuple[datetime | date | None, str | None]:
    """DTSTART/DTEND with its zone resolved: an IANA or Windows TZID first, else the calendar's
    own VTIMEZONE of that name (built afresh: icalendar caches a TZID across calendars, and
    "Customized Time Zone" means different rules in different mails)."""
    prop = component.get(name)
    if prop is None:
        return None, None
    value = prop.dt
    if not isinstance(value, datetime):
        return value, None
    tzid = str(prop.params.get("TZID") or "").strip()
    if tzid:
        zone = zones.tzid_zone(tzid)
        if zone:
            return value.replace(tzinfo=ZoneInfo(zone)), zone
        if tzid in own_zones:
            own = own_zones[tzid].to_tz(lookup_tzid=False)
            local = value.replace(tzinfo=own)
            return local, zones.matching_zone(own, local)
        # collected by find_event with the other warnings; the pipeline logs them with the Message-ID
        warnings_module.warn(f"unknown TZID {tzid!r} without VTIMEZONE: time read as floating", stacklevel=1)
        return value.replace(tzinfo=None), None
    if value.tzinfo is not None:
        return value, "UTC" if value.utcoffset() == timedelta(0) else None
    return value, None


def _before(end: datetime | date, start: datetime | date) -> bool:
    """True when ``end`` is earlier than ``start`` (aware, floating and date values alike)."""
    if isinstance(end, datetime) and isinstance(start, datetime):
        if (end.tzinfo is None) != (start.tzinfo is None):
            end, start = end.replace(tzinfo=None), start.replace(tzinfo=None)
        return end < start
    if isinstance(end, datetime) or isinstance(start, datetime):
        return False
    return end < start


def _end_from_duration(component: icalendar.Component, start: datetime | date) -> datetime | date:
    duration = component.get("DURATION")
    if duration is not None:
        return start + duration.dt
    # RFC 5545 §3.6.1: without DTEND or DURATION a dated event lasts one day, a timed one no time.
    return start + timedelta(days=1) if not isinstance(start, datetime) else start
