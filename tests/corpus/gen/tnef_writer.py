"""Minimal TNEF (winmail.dat) writer for test data.

Writes the TNEF signature, attTnefVersion, attOemCodepage, attMessageClass, attSubject,
attDateStart/attDateEnd and attMsgProps (a MAPI property stream with tagged and named
properties, as in [MS-OXTNEF] 2.1.3). Only what the blind test set needs.
"""
import struct
import uuid
import datetime as dt

TNEF_SIGNATURE = 0x223E9F78
LVL_MESSAGE, LVL_ATTACHMENT = 1, 2
# TNEF attribute ids (type << 16 | id)
ATT_TNEFVERSION = 0x00089006
ATT_OEMCODEPAGE = 0x00069007
ATT_MESSAGECLASS = 0x00078008
ATT_SUBJECT = 0x00018004
ATT_DATESTART = 0x00030006
ATT_DATEEND = 0x00030007
ATT_DATESENT = 0x00038005
ATT_MSGPROPS = 0x00069003
ATT_BODY = 0x0002800C

PT_SHORT, PT_LONG, PT_BOOLEAN, PT_SYSTIME = 0x0002, 0x0003, 0x000B, 0x0040
PT_STRING8, PT_UNICODE, PT_BINARY = 0x001E, 0x001F, 0x0102

PSETID_APPOINTMENT = uuid.UUID("00062002-0000-0000-C000-000000000046")
PSETID_MEETING = uuid.UUID("6ED8DA90-450B-101B-98DA-00AA003F1305")
PSETID_COMMON = uuid.UUID("00062008-0000-0000-C000-000000000046")


def filetime(d: dt.datetime) -> bytes:
    d = d.astimezone(dt.timezone.utc)
    epoch = dt.datetime(1601, 1, 1, tzinfo=dt.timezone.utc)
    delta = d - epoch
    ticks = (delta.days * 86400 + delta.seconds) * 10_000_000 + delta.microseconds * 10
    return struct.pack("<Q", ticks)


def _attr(level, attr_id, data):
    return struct.pack("<BII", level, attr_id, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def _atp_date(d: dt.datetime):
    d = d.astimezone(dt.timezone.utc)
    return struct.pack("<7H", d.year, d.month, d.day, d.hour, d.minute, d.second, (d.isoweekday() % 7))


def _pad4(b):
    return b + b"\0" * ((-len(b)) % 4)


def _value(ptype, value):
    if ptype == PT_LONG:
        return struct.pack("<i", value)
    if ptype in (PT_BOOLEAN, PT_SHORT):
        return struct.pack("<HH", int(value), 0)
    if ptype == PT_SYSTIME:
        return filetime(value)
    if ptype == PT_UNICODE:
        raw = (value + "\0").encode("utf-16-le")
    elif ptype == PT_STRING8:
        raw = (value + "\0").encode("cp1252")
    elif ptype == PT_BINARY:
        raw = bytes(value)
    else:
        raise ValueError(ptype)
    return struct.pack("<II", 1, len(raw)) + _pad4(raw)


def mapi_props(props):
    """props: list of (ptype, id_or_(guid, lid), value)."""
    out = [struct.pack("<I", len(props))]
    named_next = 0x8000
    for ptype, pid, value in props:
        if isinstance(pid, tuple):
            guid, lid = pid
            out.append(struct.pack("<HH", ptype, named_next))
            named_next += 1
            out.append(guid.bytes_le + struct.pack("<II", 0, lid))
        else:
            out.append(struct.pack("<HH", ptype, pid))
        out.append(_value(ptype, value))
    return b"".join(out)


def global_object_id(seed: bytes, year=0, month=0, day=0) -> bytes:
    """PidLidGlobalObjectId as Outlook writes it ([MS-OXOCAL] 2.2.1.27)."""
    class_id = bytes.fromhex("040000008200E00074C5B7101A82E008")
    data = seed
    return (class_id + struct.pack(">HBB", year, month, day) + b"\0" * 8 + b"\0" * 8
            + struct.pack("<I", len(data)) + data)


def goid_hex(goid: bytes) -> str:
    return goid.hex().upper()


def build_tnef(message_class, subject, start=None, end=None, props=(), body=None, key=0x5A3C):
    parts = [struct.pack("<IH", TNEF_SIGNATURE, key)]
    parts.append(_attr(LVL_MESSAGE, ATT_TNEFVERSION, struct.pack("<I", 0x00010000)))
    parts.append(_attr(LVL_MESSAGE, ATT_OEMCODEPAGE, struct.pack("<II", 1252, 0)))
    parts.append(_attr(LVL_MESSAGE, ATT_MESSAGECLASS, message_class.encode("ascii") + b"\0"))
    parts.append(_attr(LVL_MESSAGE, ATT_SUBJECT, subject.encode("cp1252") + b"\0"))
    if start is not None:
        parts.append(_attr(LVL_MESSAGE, ATT_DATESTART, _atp_date(start)))
    if end is not None:
        parts.append(_attr(LVL_MESSAGE, ATT_DATEEND, _atp_date(end)))
    if body is not None:
        parts.append(_attr(LVL_MESSAGE, ATT_BODY, body.encode("cp1252") + b"\0"))
    parts.append(_attr(LVL_MESSAGE, ATT_MSGPROPS, mapi_props(list(props))))
    return b"".join(parts)
