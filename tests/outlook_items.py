"""Builders of Outlook items for tests, written from the format specifications (no sample files):
TNEF ``winmail.dat`` ([MS-OXTNEF]) and Outlook ``.msg`` ([MS-OXMSG], written with extract-msg's
OLE writer), holding a meeting request's MAPI properties ([MS-OXOCAL])."""
from __future__ import annotations

import io
import struct
import uuid
from datetime import UTC, date, datetime

PSETID_APPOINTMENT = uuid.UUID("00062002-0000-0000-c000-000000000046")
PSETID_MEETING = uuid.UUID("6ed8da90-450b-101b-98da-00aa003f1305")
SYSTIME, UNICODE, BINARY, BOOLEAN, INT32 = 0x0040, 0x001F, 0x0102, 0x000B, 0x0003


def filetime(moment: datetime) -> int:
    """100-nanosecond intervals since 1601-01-01 UTC."""
    return int((moment - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)


def zone_definition(key: str) -> bytes:
    """A TZDEFINITION blob with only its header and key name (no rules)."""
    name = key.encode("utf-16-le")
    return bytes([2, 1]) + struct.pack("<HHH", 6 + len(name), 2, len(key)) + name + struct.pack("<H", 0)


def global_object_id(serial: int) -> bytes:
    """PidLidGlobalObjectId as Outlook writes it: class id, instance date 0, creation time, size, data."""
    data = struct.pack("<16s", serial.to_bytes(16, "big"))
    return (bytes.fromhex("040000008200E00074C5B7101A82E008") + b"\0" * 4 + struct.pack("<Q", 0x01DB0000_00000000)
            + b"\0" * 8 + struct.pack("<I", len(data)) + data)


def meeting(subject: str, start: datetime, end: datetime, zone: str, location: str, organizer: str,
            message_class: str = "IPM.Schedule.Meeting.Request", serial: int = 1) -> dict:
    """The properties of a meeting request: {(guid or None, id): (type, value)}."""
    return {
        (None, 0x001A): (UNICODE, message_class),
        (None, 0x0037): (UNICODE, subject),
        (None, 0x0065): (UNICODE, organizer),
        (PSETID_APPOINTMENT, 0x820D): (SYSTIME, start),
        (PSETID_APPOINTMENT, 0x820E): (SYSTIME, end),
        (PSETID_APPOINTMENT, 0x8208): (UNICODE, location),
        (PSETID_APPOINTMENT, 0x8234): (UNICODE, "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"),
        (PSETID_APPOINTMENT, 0x825E): (BINARY, zone_definition(zone)),
        (PSETID_APPOINTMENT, 0x8215): (BOOLEAN, False),
        (PSETID_MEETING, 0x0003): (BINARY, global_object_id(serial)),
    }


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def _value(kind: int, value: object) -> bytes:
    if kind == SYSTIME:
        assert isinstance(value, datetime)
        return struct.pack("<Q", filetime(value))
    if kind == BOOLEAN:
        return struct.pack("<HH", bool(value), 0)
    if kind == INT32:
        return struct.pack("<I", int(value))  # type: ignore[call-overload]
    data = (str(value) + "\0").encode("utf-16-le") if kind == UNICODE else bytes(value)  # type: ignore[arg-type]
    return struct.pack("<II", 1, len(data)) + _pad(data)


def _attribute(level: int, attribute: int, data: bytes) -> bytes:
    return struct.pack("<BII", level, attribute, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def tnef(properties: dict) -> bytes:
    """A winmail.dat: version, code page, message class and the MAPI properties attribute."""
    blob = struct.pack("<I", len(properties))
    for number, ((guid, key), (kind, value)) in enumerate(properties.items()):
        if guid is None:
            blob += struct.pack("<HH", kind, key)
        else:
            blob += struct.pack("<HH", kind, 0x8000 + number) + guid.bytes_le + struct.pack("<II", 0, key)
        blob += _value(kind, value)
    message_class = properties[(None, 0x001A)][1].encode() + b"\0"
    return (struct.pack("<IH", 0x223E9F78, 1) + _attribute(1, 0x00089006, struct.pack("<I", 0x00010000))
            + _attribute(1, 0x00069007, struct.pack("<II", 1252, 0)) + _attribute(1, 0x00078008, message_class)
            + _attribute(1, 0x00069003, blob))


def outlook_msg(properties: dict) -> bytes:
    """An Outlook .msg: an OLE compound file with the property stream, string and binary
    streams, and the named property mapping ([MS-OXMSG] §2.2.3)."""
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()
    guids: list[uuid.UUID] = []
    entries = b""
    fixed = b""
    for (guid, key), (kind, value) in properties.items():
        number = key
        if guid is not None:
            if guid not in guids:
                guids.append(guid)
            index = len(entries) // 8
            entries += struct.pack("<IHH", key, (guids.index(guid) + 3) << 1, index)
            number = 0x8000 + index
        if kind in (UNICODE, BINARY):
            data = str(value).encode("utf-16-le") if kind == UNICODE else bytes(value)
            writer.addEntry(f"__substg1.0_{number:04X}{kind:04X}", data)
            fixed += struct.pack("<HHIII", kind, number, 6, len(data) + (2 if kind == UNICODE else 0), 0)
        else:
            raw = struct.pack("<Q", filetime(value)) if kind == SYSTIME else struct.pack("<Q", int(value))
            fixed += struct.pack("<HHI", kind, number, 6) + raw
    writer.addEntry("__nameid_version1.0", storage=True)
    writer.addEntry("__nameid_version1.0/__substg1.0_00020102", b"".join(g.bytes_le for g in guids))
    writer.addEntry("__nameid_version1.0/__substg1.0_00030102", entries)
    writer.addEntry("__nameid_version1.0/__substg1.0_00040102", b"")
    writer.addEntry("__properties_version1.0", b"\0" * 32 + fixed)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def minutes(day: date) -> int:
    """A day as a RecurrencePattern writes it: minutes since 1601-01-01 (local midnight)."""
    return (day - date(1601, 1, 1)).days * 1440


def recurrence(frequency: int, pattern_type: int, period: int, specific: tuple[int, ...], end_type: int,
               count: int = 0, end: date | None = None, deleted: tuple[date, ...] = (),
               modified: tuple[date, ...] = ()) -> bytes:
    """A RecurrencePattern blob ([MS-OXOCAL] §2.2.1.44.1), the part of PidLidAppointmentRecur an
    RRULE needs (the appointment fields after it are left out)."""
    blob = struct.pack("<5H3I", 0x3004, 0x3004, frequency, pattern_type, 0, 0, period, 0)
    blob += struct.pack(f"<{len(specific)}I", *specific)
    blob += struct.pack("<4I", end_type, count, 1, len(deleted)) + b"".join(
        struct.pack("<I", minutes(d)) for d in deleted)
    blob += struct.pack("<I", len(modified)) + b"".join(struct.pack("<I", minutes(d)) for d in modified)
    return blob + struct.pack("<2I", 0, minutes(end) if end else 0x5AE980DF)
