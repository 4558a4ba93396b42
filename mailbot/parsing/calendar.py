"""Calendar parts of a message (RFC 5545 iCalendar, RFC 5546 iTIP methods), read with ``icalendar``.

Calendar data is found as text/calendar (inline or inside multipart/alternative), as .ics
attachments (also application/ics and application/octet-stream with a .ics name), and inside
forwarded message/rfc822 parts at any depth.
"""
from __future__ import annotations

import warnings as warnings_module
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from email.message import Message
from zoneinfo import ZoneInfo

import icalendar

from mailbot.parsing import choosing, outlook, properties, repair, when, zones

CALENDAR_TYPES = {"text/calendar", "application/ics", "text/x-vcalendar"}
# Properties that hold an online meeting's join link (a plain URL property is just a web page).
ONLINE_PROPERTIES = ("X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-GOOGLE-CONFERENCE", "CONFERENCE")


@dataclass(frozen=True)
class CalendarEvent:
    """The meeting a calendar part describes.

    ``start``/``end`` are aware datetimes, or dates for an all-day event (``end`` exclusive as
    in iCalendar), or naive datetimes for floating times. ``zone`` is the IANA zone the times
    were written in, when known. ``method`` is the iTIP METHOD (REQUEST, CANCEL, PUBLISH,
    REPLY, ...), '' when the calendar has none. ``occurrence`` is the RECURRENCE-ID instant (aware
    UTC; naive when floating like a floating ``start``) when the calendar holds one occurrence of
    a series and not the series' master (RFC 5545 §3.8.4.4), else None; ``exdates`` are the
    master's EXDATE instants (UTC). ``end_known`` is False when DTEND could not be read and no
    DURATION stands in (``end`` is then the start).
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
    occurrence: datetime | None = None
    exdates: tuple[datetime, ...] = ()
    end_known: bool = True

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


def find_event(msg: Message, hint: str = "", now: datetime | None = None,
               note: str = "") -> tuple[CalendarEvent | None, list[str]]:
    """The first readable VEVENT in ``msg`` and its attached messages, with parse warnings
    (each once, not logged: the caller knows the message).

    Damage is repaired first (:mod:`mailbot.parsing.repair`); a property that cannot be read is
    dropped with a warning naming it. Of several events (a PUBLISH file), the one whose SUMMARY
    ``hint`` (the subjects and forwarded text) names is taken, else the earliest that starts at
    or after ``now`` (aware), else the earliest, with a warning. Never raises.
    """
    warnings: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        for data in _calendar_data(part, warnings):
            event = _parse(data, hint, now, warnings, note)
            if event is not None:
                return _end_from_text(event, hint), warnings
    return None, warnings


def _end_from_text(event: CalendarEvent, text: str) -> CalendarEvent:
    """An event whose end is not known (a DTEND that cannot be read, no DURATION: it ends when it
    starts) takes the end that ``text`` (the forwarded When line and text) gives the same start."""
    start = event.start
    if not isinstance(start, datetime) or event.end != start:
        return event
    span = when.find_span(text, start.date())
    if (span is None or not isinstance(span.start, datetime) or not isinstance(span.end, datetime)
            or span.start != start.replace(tzinfo=None) or span.end <= span.start):
        return event
    return replace(event, end=start + (span.end - span.start), end_known=True)


def has_calendar(msg: Message) -> bool:
    """True when ``msg`` has a calendar, TNEF or .msg part (nothing is parsed)."""
    return any(not part.is_multipart() and (is_calendar_part(part) or outlook.is_outlook_part(part))
               for part in msg.walk())


def _calendar_data(part: Message, warnings: list[str]) -> list[bytes]:
    """The iCalendar texts of one part: its own bytes for a calendar part, the meeting of a TNEF
    or Outlook .msg part (:mod:`mailbot.parsing.outlook`), else none."""
    if is_calendar_part(part):
        payload = part.get_payload(decode=True)  # bytes for a part that is not multipart
        return [payload] if isinstance(payload, bytes) else []
    if not outlook.is_outlook_part(part):
        return []
    try:
        return outlook.calendars(part)
    except Exception as exc:  # whatever a broken file makes the libraries raise
        warnings.append(f"Outlook item skipped: {type(exc).__name__}: {str(exc)[:200]}")
        return []


def _parse(data: bytes, hint: str, now: datetime | None, warnings: list[str], note: str = "") -> CalendarEvent | None:
    """The event of one calendar text, repaired first; warnings are added to ``warnings``."""
    try:
        data, repaired = repair.repair(data)
        warnings.extend(repaired)
        with warnings_module.catch_warnings(record=True) as caught:
            warnings_module.simplefilter("always")
            calendar = _calendar(data, warnings)
            event = _read(calendar, hint, now, note)
        warnings.extend(dict.fromkeys(f"calendar: {w.message}" for w in caught))  # once each
    except Exception as exc:
        warnings.append(f"calendar part skipped: {type(exc).__name__}: {exc}")
        return None
    return event


def _calendar(data: bytes, warnings: list[str]) -> icalendar.Calendar:
    """``data`` read by icalendar; when a component mailbot does not need for the meeting makes
    it refuse the whole text (an alarm's TRIGGER, a free/busy period ending before it starts, a
    historic VTIMEZONE rule's TZOFFSETFROM), read again without alarms, free/busy, to-dos and
    journals, then without time zone definitions (the TZIDs' names remain). Raises what
    icalendar raises for the text without them."""
    try:
        return _one(data)
    except Exception as first:  # icalendar raises several kinds for one bad value
        for name in ("VALARM", "VFREEBUSY", "VTODO", "VJOURNAL", "VTIMEZONE"):
            data = repair.without_components(data, name)
            try:
                calendar = _one(data)
            except Exception:
                continue
            warnings.append(f"calendar: {type(first).__name__} ({str(first)[:80]}): read again without {name}")
            return calendar
        raise


def _one(data: bytes) -> icalendar.Calendar:
    """The calendar of ``data``; several VCALENDAR objects in one stream (RFC 5545 §3.4 allows it;
    Lotus Notes and Zimbra export so) become one, with the first one's METHOD."""
    calendars = icalendar.Calendar.from_ical(data, multiple=True)
    if not calendars:
        raise ValueError("no VCALENDAR")
    first = calendars[0]
    for other in calendars[1:]:
        for component in other.subcomponents:
            first.add_component(component)
    return first


def _read(calendar: icalendar.Calendar, hint: str, now: datetime | None, note: str = "") -> CalendarEvent | None:
    own_zones = {str(tz.get("TZID", "")).strip(): tz for tz in calendar.walk("VTIMEZONE")
                 if isinstance(tz, icalendar.Timezone)}  # (always: icalendar builds VTIMEZONE as Timezone)
    events = list(calendar.walk("VEVENT"))
    masters = [e for e in events if "RECURRENCE-ID" not in e]
    floating_zone = zones.tzid_zone(str(calendar.get("X-WR-TIMEZONE") or "").strip()) or None
    method = str(calendar.get("METHOD") or "").strip().upper()
    read = [r for r in (_event(e, own_zones, floating_zone, method) for e in masters or events) if r is not None]
    read = choosing.latest(read) if masters else read  # (occurrences of one series share its UID)
    if not read:
        return None
    chosen = choosing.choose(read, hint, now, note) if len({(r.uid, r.start) for r in read}) > 1 else read[0]
    if masters:
        return replace(chosen, method=method)
    occurrence, _ = properties.moment(_component(events, chosen), "RECURRENCE-ID", own_zones)
    return replace(chosen, method=method, rrule=None,
                 occurrence=_occurrence(occurrence, chosen))


def _occurrence(moment: datetime | date | None, event: CalendarEvent) -> datetime | None:
    """A RECURRENCE-ID as an aware UTC instant; floating time (RFC 5545 §3.3.5) at the wall
    clock of the occurrence's own start: in its zone when that has one, else left floating for
    the parser, which puts both in the venue's zone."""
    if moment is None:
        return None
    if isinstance(moment, datetime) and moment.tzinfo is None:
        start = event.start
        return moment.replace(tzinfo=start.tzinfo).astimezone(UTC) if isinstance(start, datetime) and \
            start.tzinfo else moment
    return properties.instant(moment)


def _component(events: list[icalendar.Component], chosen: CalendarEvent) -> icalendar.Component:
    """The VEVENT ``chosen`` was read from (same UID and SUMMARY), else the first."""
    for event in events:
        if properties.text(event, "UID") == (chosen.uid or "") and properties.text(event, "SUMMARY") == chosen.summary:
            return event
    return events[0]


def _event(component: icalendar.Component, own_zones: dict[str, icalendar.Timezone],
           floating_zone: str | None = None, method: str = "") -> CalendarEvent | None:
    """One VEVENT, or None without a readable DTSTART. A CANCEL of one occurrence may leave
    DTSTART out (RFC 5546 §3.2.5): the occurrence's RECURRENCE-ID is its start. An unreadable
    DTEND, or one that is earlier than DTSTART or of another value type (§3.6.1, §3.8.2.2), is
    dropped: the end then comes from DURATION, else the default length."""
    start, zone = properties.moment(component, "DTSTART", own_zones)
    if start is None and method == "CANCEL" and "DTSTART" not in component:
        start, zone = properties.moment(component, "RECURRENCE-ID", own_zones)
    if start is None:
        return None
    if isinstance(start, datetime) and start.tzinfo is None and floating_zone:  # X-WR-TIMEZONE
        start, zone = start.replace(tzinfo=ZoneInfo(floating_zone)), floating_zone
    end, end_known = _end(component, start, own_zones)
    return CalendarEvent(
        method="",
        uid=properties.text(component, "UID") or None,
        sequence=properties.sequence(component),
        summary=properties.text(component, "SUMMARY"),
        description=properties.text(component, "DESCRIPTION"),
        location=properties.text(component, "LOCATION"),
        organizer=properties.organizer(component),
        start=start,
        end=end,
        zone=zone,
        rrule=properties.rrule(component),
        status=properties.text(component, "STATUS").upper(),
        links=tuple(properties.text(component, p) for p in ONLINE_PROPERTIES if component.get(p)),
        exdates=properties.exdates(component, own_zones),
        end_known=end_known,
    )


def _end(component: icalendar.Component, start: datetime | date,
         own_zones: dict[str, icalendar.Timezone]) -> tuple[datetime | date, bool]:
    """The event's end and whether it is known: DTEND; a DATE-TIME DTEND of an all-day event as
    its day; else DTSTART + DURATION; else, with neither, the start (§3.6.1: a timed event
    without them ends when it starts, a dated one lasts the day). A DTEND that cannot be read,
    is earlier than DTSTART or is a day for a timed start is dropped, and without DURATION the
    end is not known (the start stands in)."""
    present = component.get("DTEND") is not None
    end, _ = properties.moment(component, "DTEND", own_zones)
    if isinstance(end, datetime) and isinstance(start, datetime) and end.tzinfo is None and start.tzinfo:
        end = end.replace(tzinfo=start.tzinfo)  # (a floating DTEND beside a zoned DTSTART: same wall clock)
    if isinstance(end, datetime) and not isinstance(start, datetime):
        day = end.date()
        end = day if end.time() == time() else day + timedelta(days=1)
    elif end is not None and not isinstance(end, datetime) and isinstance(start, datetime):
        properties.dropped("DTEND", end, "of another type than DTSTART")
        end = None
    if end is not None and properties.before(end, start):
        properties.dropped("DTEND", end, "before DTSTART")
        end = None
    if end is not None:
        return end, True
    return properties.end_from_duration(component, start), not present or component.get("DURATION") is not None
