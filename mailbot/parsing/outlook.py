"""Meetings that exist only as Outlook MAPI properties: TNEF (``winmail.dat``, application/ms-tnef,
[MS-OXTNEF]) and attached Outlook ``.msg`` files ([MS-OXMSG]), turned into iCalendar text so that
one reader (:mod:`mailbot.parsing.calendar`) reads every meeting.

Meeting requests, cancellations and appointments ([MS-OXOCAL]: message classes
``IPM.Schedule.Meeting.Request``/``.Canceled``, ``IPM.Appointment``) give start and end
(PidLidAppointmentStartWhole/EndWhole, UTC), the zone (PidLidAppointmentTimeZoneDefinitionStartDisplay's
key name, else PidLidTimeZoneDescription), subject, location, organizer, PidLidAppointmentSequence
as SEQUENCE, PidLidGlobalObjectId as UID, a series' PidLidAppointmentRecur as RRULE and EXDATE
(:mod:`mailbot.parsing.mapirecur`) and an exception's PidLidExceptionReplaceTime as RECURRENCE-ID;
.ics attachments inside a TNEF are passed on as they are. Other classes (IPM.Note, ...) give
nothing. ``tnefparse`` and ``extract_msg`` are imported only when such a part exists.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from zoneinfo import ZoneInfo

import icalendar

from mailbot.parsing import mapirecur, zones

TNEF_TYPES = {"application/ms-tnef", "application/vnd.ms-tnef"}
MSG_TYPES = {"application/vnd.ms-outlook", "application/x-msg"}
PSETID_APPOINTMENT = "00062002-0000-0000-c000-000000000046"
PSETID_MEETING = "6ed8da90-450b-101b-98da-00aa003f1305"
_METHODS = (("IPM.SCHEDULE.MEETING.CANCELED", "CANCEL"), ("IPM.SCHEDULE.MEETING.REQUEST", "REQUEST"),
            ("IPM.APPOINTMENT", "PUBLISH"))


@dataclass(frozen=True)
class Item:
    """The meeting properties of one Outlook item; ``start``/``end`` aware UTC datetimes.
    ``recurrence`` is the series' PidLidAppointmentRecur blob (:mod:`mailbot.parsing.mapirecur`);
    ``replaces`` (aware, UTC) is PidLidExceptionReplaceTime, the occurrence an exception item
    stands for (its RECURRENCE-ID)."""

    message_class: str
    subject: str = ""
    start: datetime | None = None
    end: datetime | None = None
    zone_key: str = ""
    location: str = ""
    organizer: str = ""
    global_id: bytes = b""
    all_day: bool = False
    body: str = ""
    sequence: int | None = None
    recurrence: bytes = b""
    replaces: datetime | None = None


def is_outlook_part(part: Message) -> bool:
    """True for a TNEF or .msg part (by content type or file name)."""
    name = (part.get_filename() or "").lower()
    return (part.get_content_type() in TNEF_TYPES | MSG_TYPES or name == "winmail.dat"
            or name.endswith((".msg", ".tnef")))


def calendars(part: Message) -> list[bytes]:
    """iCalendar texts (RFC 5545) of the meeting in a TNEF or .msg part, and of .ics files
    attached inside a TNEF; [] for other items. Raises what the libraries raise on a broken file
    (the caller skips the part with a warning)."""
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    if data[:4] == b"\x78\x9f\x3e\x22":  # TNEF signature 0x223E9F78, little-endian
        item, attached = _tnef(data)
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE compound file: an Outlook .msg
        item, attached = _msg(data), []
    else:
        return []
    found = [to_ical(item)] if item is not None and method(item.message_class) and item.start else []
    return found + attached


def method(message_class: str) -> str | None:
    """The iTIP METHOD (RFC 5546) of an Outlook message class; None for items that are no meeting."""
    upper = message_class.upper()
    return next((m for prefix, m in _METHODS if upper.startswith(prefix)), None)


def to_ical(item: Item) -> bytes:
    """``item`` as an iCalendar VCALENDAR with one VEVENT, times in the item's zone when known."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//mailbot//outlook item//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method(item.message_class) or "PUBLISH")
    event = icalendar.Event()
    zone = zones.tzid_zone(item.zone_key) if item.zone_key else None
    start = item.start or datetime.now(UTC)
    end = item.end if item.end and item.end >= start else start
    if item.all_day:
        local = ZoneInfo(zone) if zone else UTC
        event.add("dtstart", start.astimezone(local).date())
        event.add("dtend", max(end.astimezone(local).date(), start.astimezone(local).date() + timedelta(days=1)))
    else:
        event.add("dtstart", start.astimezone(ZoneInfo(zone)) if zone else start)
        event.add("dtend", end.astimezone(ZoneInfo(zone)) if zone else end)
    event.add("summary", item.subject)
    for name, value in (("location", item.location), ("description", item.body)):
        if value:
            event.add(name, value)
    if item.organizer and "@" in item.organizer:
        event.add("organizer", f"mailto:{item.organizer}")
    if item.global_id:
        event.add("uid", item.global_id.hex().upper())
    if item.sequence is not None:
        event.add("sequence", item.sequence)
    _add_series(event, item, ZoneInfo(zone) if zone else ZoneInfo("UTC"))
    if item.message_class.upper().endswith(".CANCELED"):
        event.add("status", "CANCELLED")
    calendar.add_component(event)
    return calendar.to_ical()


def _add_series(event: icalendar.Event, item: Item, zone: ZoneInfo) -> None:
    """RRULE and EXDATE from the item's recurrence pattern, or the RECURRENCE-ID of an exception."""
    if item.replaces is not None:
        event.add("recurrence-id", item.replaces.astimezone(zone))
        return
    found = mapirecur.series(item.recurrence, item.start, zone) if item.recurrence and item.start else None
    if found is None:
        return
    event.add("rrule", icalendar.vRecur.from_ical(found.rrule))
    for moment in found.exdates:
        event.add("exdate", moment.date() if item.all_day else moment)


def zone_key(definition: bytes) -> str:
    """The Windows zone name (e.g. "W. Europe Standard Time") in a TZDEFINITION blob
    ([MS-OXOCAL] §2.2.1.41: version bytes, cbHeader, reserved, cchKeyName, KeyName UTF-16LE)."""
    if len(definition) < 8:
        return ""
    count = int.from_bytes(definition[6:8], "little")
    return definition[8:8 + 2 * count].decode("utf-16-le", errors="replace").strip("\x00 ")


def global_object_id(value: bytes) -> bytes:
    """PidLidGlobalObjectId without padding ([MS-OXOCAL] §2.2.1.27: 40 bytes, then Size bytes)."""
    if len(value) >= 40:
        return value[:40 + int.from_bytes(value[36:40], "little")]
    return value


def _tnef(data: bytes) -> tuple[Item | None, list[bytes]]:
    from tnefparse.tnef import TNEF  # only when a TNEF part exists

    tnef = TNEF(data, do_checksum=False)
    tagged: dict[int, object] = {}
    named: dict[tuple[str, int], object] = {}
    for prop in tnef.mapiprops:
        if prop.name >= 0x8000 and prop.guid_prop is not None:
            named[(str(prop.guid), prop.guid_prop)] = prop
        else:
            tagged[prop.name] = prop
    attributes = {obj.name: obj.data for obj in tnef.msgprops}
    attached = [a.data for a in tnef.attachments
                if (a.long_filename() or a.name or "").lower().endswith(".ics") and isinstance(a.data, bytes)]

    def value(prop: object) -> object:
        return getattr(prop, "data", None) if prop is not None else None

    def raw(prop: object) -> bytes:
        return b"".join(getattr(prop, "raw_data", None) or []) if prop is not None else b""

    def when(key: int, fallback: int) -> datetime | None:
        moment = value(named.get((PSETID_APPOINTMENT, key))) or attributes.get(fallback)
        return moment.replace(tzinfo=UTC) if isinstance(moment, datetime) else None

    message_class = str(value(tagged.get(0x001A)) or attributes.get(0x8008) or "")
    item = Item(
        message_class=message_class,
        subject=str(value(tagged.get(0x0037)) or attributes.get(0x8004) or ""),
        start=when(0x820D, 0x0006), end=when(0x820E, 0x0007),
        zone_key=zone_key(raw(named.get((PSETID_APPOINTMENT, 0x825E))))
        or str(value(named.get((PSETID_APPOINTMENT, 0x8234))) or ""),
        location=str(value(named.get((PSETID_APPOINTMENT, 0x8208))) or ""),
        organizer=str(value(tagged.get(0x5D01)) or value(tagged.get(0x0065)) or value(tagged.get(0x0C1F)) or ""),
        global_id=global_object_id(raw(named.get((PSETID_MEETING, 0x0003)))
                                   or raw(named.get((PSETID_MEETING, 0x0023)))),
        all_day=bool(value(named.get((PSETID_APPOINTMENT, 0x8215)))),
        sequence=_sequence(value(named.get((PSETID_APPOINTMENT, 0x8201)))),
        recurrence=raw(named.get((PSETID_APPOINTMENT, 0x8216))), replaces=when(0x8228, -1),
        body=tnef.body.decode("cp1252", errors="replace") if isinstance(tnef.body, bytes) else str(tnef.body or ""),
    )
    return item, attached


def _msg(data: bytes) -> Item | None:
    import extract_msg  # only when a .msg part exists
    from extract_msg.constants import ps

    msg = extract_msg.openMsg(data, strict=False, delayAttachments=True)
    try:
        message_class = str(msg.classType or "")
        if method(message_class) is None:
            return Item(message_class)

        def named(key: str, guid: str = ps.PSETID_APPOINTMENT) -> object:
            return msg.getNamedProp(key, guid)

        def utc(value: object) -> datetime | None:
            if not isinstance(value, datetime):
                return None
            return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)

        definition = named("825E")
        sender = msg.getStringStream("__substg1.0_5D01") or msg.getStringStream("__substg1.0_0065") or ""
        return Item(
            message_class=message_class, subject=str(getattr(msg, "subject", "") or ""),
            start=utc(named("820D")), end=utc(named("820E")),
            zone_key=zone_key(definition if isinstance(definition, bytes) else b"") or str(named("8234") or ""),
            location=str(named("8208") or ""), organizer=str(sender),
            global_id=global_object_id(_bytes(named("0003", ps.PSETID_MEETING))
                                       or _bytes(named("0023", ps.PSETID_MEETING))),
            all_day=bool(named("8215")), body=str(getattr(msg, "body", "") or ""),
            sequence=_sequence(named("8201")), recurrence=_bytes(named("8216")), replaces=utc(named("8228")),
        )
    finally:
        msg.close()


def _sequence(value: object) -> int | None:
    """PidLidAppointmentSequence ([MS-OXOCAL] §2.2.1.1), the item's SEQUENCE; None when absent."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _bytes(value: object) -> bytes:
    return value if isinstance(value, bytes) else b""
