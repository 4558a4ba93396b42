"""Minimal Outlook .msg writer ([MS-OXMSG]) for test data.

Builds the property streams (__properties_version1.0, __substg1.0_*), the named-property
mapping (__nameid_version1.0) and writes the compound file with extract_msg's OleWriter
(extract-msg ships a CFB writer; it reads .msg but does not build them).
"""
import struct
import uuid
from extract_msg.ole_writer import OleWriter
from tnef_writer import filetime, PT_LONG, PT_BOOLEAN, PT_SYSTIME, PT_UNICODE, PT_BINARY, \
    PSETID_APPOINTMENT, PSETID_MEETING, PSETID_COMMON

FIXED = {PT_LONG, PT_BOOLEAN, PT_SYSTIME}


def build_msg(path, props):
    """props: list of (ptype, id_or_(guid, lid), value). Writes a top-level .msg file."""
    w = OleWriter()
    guids, entries = [], []
    table = []
    named_index = 0
    for ptype, pid, value in props:
        if isinstance(pid, tuple):
            guid, lid = pid
            if guid not in guids:
                guids.append(guid)
            gi = guids.index(guid) + 3
            entries.append(struct.pack("<IHH", lid, (gi << 1) | 0, named_index))
            pid = 0x8000 + named_index
            named_index += 1
        tag = (pid << 16) | ptype
        if ptype in FIXED:
            if ptype == PT_SYSTIME:
                val = filetime(value)
            elif ptype == PT_BOOLEAN:
                val = struct.pack("<HHI", int(value), 0, 0)
            else:
                val = struct.pack("<iI", value, 0)
            table.append(struct.pack("<II", tag, 6) + val)
        else:
            raw = value.encode("utf-16-le") if ptype == PT_UNICODE else bytes(value)
            w.addEntry(f"__substg1.0_{tag:08X}", raw)
            size = len(raw) + (2 if ptype == PT_UNICODE else 0)
            table.append(struct.pack("<II", tag, 6) + struct.pack("<II", size, 0))
    header = b"\0" * 8 + struct.pack("<IIII", 0, 0, 0, 0) + b"\0" * 8
    w.addEntry("__properties_version1.0", header + b"".join(table))
    w.addEntry("__nameid_version1.0", storage=True)
    w.addEntry("__nameid_version1.0/__substg1.0_00020102", b"".join(g.bytes_le for g in guids))
    w.addEntry("__nameid_version1.0/__substg1.0_00030102", b"".join(entries))
    w.addEntry("__nameid_version1.0/__substg1.0_00040102", b"")
    w.write(path)
