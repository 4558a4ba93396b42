"""Repairs of damaged iCalendar text before it is read (RFC 5545 §3.1 content lines).

Real calendar parts arrive with quoted-printable residue (BlackBerry and Domino gateways:
``TZID=3DEurope/Dublin``, ``FREQ=3DYEARLY``, soft line breaks ``=\\r\\n`` in a part labelled
7bit), folds that lost their leading space, bare LF or CR line ends, and ISO 8601 extended
dates (``DTSTART:2023-07-01T12:57:00``). Each repair is named in the warnings.
"""
from __future__ import annotations

import quopri
import re

# Property and component names of RFC 5545 §3.7-3.8 and RFC 7986 (a line that starts with one of
# these, or with X-/IANA-looking names followed by ; or :, begins a content line).
_NAMES = frozenset((
    "BEGIN", "END", "CALSCALE", "METHOD", "PRODID", "VERSION", "ATTACH", "CATEGORIES", "CLASS", "COMMENT",
    "DESCRIPTION", "GEO", "LOCATION", "PERCENT-COMPLETE", "PRIORITY", "RESOURCES", "STATUS", "SUMMARY",
    "COMPLETED", "DTEND", "DUE", "DTSTART", "DURATION", "FREEBUSY", "TRANSP", "TZID", "TZNAME",
    "TZOFFSETFROM", "TZOFFSETTO", "TZURL", "ATTENDEE", "CONTACT", "ORGANIZER", "RECURRENCE-ID", "RELATED-TO",
    "URL", "UID", "EXDATE", "EXRULE", "RDATE", "RRULE", "ACTION", "REPEAT", "TRIGGER", "CREATED", "DTSTAMP",
    "LAST-MODIFIED", "SEQUENCE", "REQUEST-STATUS", "NAME", "REFRESH-INTERVAL", "SOURCE", "COLOR", "IMAGE",
    "CONFERENCE",
))
_LINE_START = re.compile(r"(?i)^(?:X-[A-Z0-9-]+|[A-Z][A-Z0-9-]*)(?=[;:])")
_DATE_PROPERTIES = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE", "DUE", "DTSTAMP")
# an ISO 8601 extended date or date-time (2023-07-01, 2023-07-01T12:57:00, 2023-07-01T125700Z)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(Z?))?\b")
_DATE_LINE = re.compile(r"(?i)^(" + "|".join(_DATE_PROPERTIES) + r")([;:][^\r\n]*|[ \t]+\d{4}-[^\r\n]*)$")
_SOFT_BREAK = re.compile(rb"=\r?\n([^\r\n]*)")


def repair(data: bytes) -> tuple[bytes, list[str]]:
    """``data`` (the bytes of one calendar part) with common damage undone, and one warning per
    kind of repair made. Pure and total: returns ``data`` unchanged when nothing needs repair."""
    warnings: list[str] = []
    if _has_qp_residue(data):
        decoded = quopri.decodestring(data)
        if decoded != data:
            data = decoded
            warnings.append("calendar repaired: quoted-printable residue decoded")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # RFC 5545 §3.1.4 says UTF-8; Latin-1 and Windows-1252 files exist
        text = data.decode("cp1252", errors="replace")
        warnings.append("calendar repaired: not UTF-8, read as Windows-1252")
    lines = re.split(r"\r\n|\r|\n", text)
    if "\r\n" not in text and len(lines) > 1:
        warnings.append("calendar repaired: line ends other than CRLF")
    lines, dated = _basic_dates(lines)
    if dated:
        warnings.append(f"calendar repaired: ISO 8601 extended dates in {', '.join(sorted(dated))}")
    lines, joined = _join_lost_folds(lines)
    if joined:
        warnings.append(f"calendar repaired: {joined} folded line(s) without leading space joined")
    lines, tidied = _tidy_lines(lines)
    if tidied:
        warnings.append(f"calendar repaired: {', '.join(sorted(tidied))}")
    lines, closed, mistyped = _closed(lines)
    if closed:
        warnings.append(f"calendar repaired: truncated, {', '.join(closed)} closed")
    if mistyped:
        warnings.append(f"calendar repaired: {mistyped} mistyped END line(s)")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8"), warnings


def _has_qp_residue(data: bytes) -> bool:
    """True for calendar text still in quoted-printable: ``=3D`` for "=", or a soft line break
    inside a content line (a line ending in "=" whose next line starts no property; a base64
    value ending in "=" is followed by a property)."""
    if b"=3D" in data:
        return True
    return any(not _starts_content_line(m.group(1).decode("latin-1")) and not m.group(1)[:1].isspace()
               for m in _SOFT_BREAK.finditer(data) if m.group(1))


def _join_lost_folds(lines: list[str]) -> tuple[list[str], int]:
    """Lines that begin no content line (no known or X- name before ; or :) joined to the line
    before, as a fold without its leading space (RFC 5545 §3.1)."""
    out: list[str] = []
    joined = 0
    for line in lines:
        if not line.strip():
            continue
        if out and line[0] not in " \t" and not _starts_content_line(line) and out[-1].upper() != "END:VCALENDAR":
            out[-1] += line
            joined += 1
        else:
            out.append(line)
    return out, joined


_TRAILING_T = re.compile(r"(\d{8}T\d{6}Z?)T(?=,|$)")
_RULE_LINE = re.compile(r"(?i)^(RRULE|EXRULE):(.*)$")


def _tidy_lines(lines: list[str]) -> tuple[list[str], set[str]]:
    """Empty parameters dropped (``DTSTART;;VALUE=DATE-TIME:...``, ``DTEND;:...``), a stray "T"
    after a date-time dropped (``20131009T170000T``) and spaces taken out of recurrence rules
    (``BYDAY=MO, TU, WE`` as Exchange's CDO writes it)."""
    fixed: set[str] = set()
    out = []
    for line in lines:
        tidy = line
        if line[:1] not in " \t" and _starts_content_line(line):
            head, value = _split_value(line)
            # (without the value's colon on this line the parameters go on in a fold: left alone)
            cleaned = re.sub(r";(?=;|$)", "", head) if len(head) < len(line) else head
            if cleaned != head:
                fixed.add("empty parameters")
                tidy = f"{cleaned}:{value}"
            if _DATE_LINE.match(tidy) and _TRAILING_T.search(tidy):
                fixed.add("a stray T after a date-time")
                tidy = _TRAILING_T.sub(r"\1", tidy)
            rule = _RULE_LINE.match(tidy)
            if rule and re.search(r"\s", rule.group(2)):
                fixed.add("spaces in a recurrence rule")
                tidy = rule.group(1) + ":" + "".join(rule.group(2).split())
        out.append(tidy)
    return out, fixed


def _closed(lines: list[str]) -> tuple[list[str], list[str], int]:
    """A truncated calendar (cut off before its END lines) with its open components closed, and
    their names, innermost first; a mistyped END of the open component ("END:VCALENDARD") is
    read as its END (counted)."""
    open_components: list[str] = []
    out: list[str] = []
    mistyped = 0
    for line in lines:
        name = line.partition(":")[2].strip().upper()
        if line[:6].upper() == "BEGIN:":
            open_components.append(name)
        elif line[:4].upper() == "END:" and open_components:
            current = open_components[-1]
            if name != current and name[:len(current)] == current and len(name) <= len(current) + 2:
                line = f"END:{current}"  # noqa: PLW2901 - the mistyped line is replaced
                name = current
                mistyped += 1
            if name == current:
                open_components.pop()
        out.append(line)
    missing = list(reversed(open_components))
    return out + [f"END:{name}" for name in missing], missing, mistyped


def _starts_content_line(line: str) -> bool:
    match = _LINE_START.match(line)
    if match is None:  # a known name alone, its value folded onto the next line ("METHOD" / " :REQUEST")
        return line.strip().upper() in _NAMES and line == line.rstrip()
    name = match.group(0).upper()
    return name in _NAMES or name.startswith("X-")


def _basic_dates(lines: list[str]) -> tuple[list[str], set[str]]:
    """Date properties written in ISO 8601 extended form rewritten in RFC 5545 basic form
    (§3.3.4, §3.3.5); also ``DTSTART 2023-07-01`` with a space for the colon."""
    fixed: set[str] = set()
    out = []
    for line in lines:
        match = _DATE_LINE.match(line)
        if match and _ISO.search(match.group(2)):
            name, rest = match.group(1), match.group(2)
            if rest[0] in " \t":
                rest = ":" + rest.strip()
            head, value = _split_value(rest)
            value = _ISO.sub(lambda m: m.group(1) + m.group(2) + m.group(3) + (
                f"T{m.group(4)}{m.group(5)}{m.group(6)}{m.group(7)}" if m.group(4) else ""), value)
            fixed.add(name.upper())
            out.append(f"{name}{head}:{value}")
        else:
            out.append(line)
    return out, fixed


def _split_value(rest: str) -> tuple[str, str]:
    """The parameters (``;TZID=...``) and the value of a content line after its name: split at
    the first colon outside a quoted parameter value (RFC 5545 §3.1)."""
    quoted = False
    for index, char in enumerate(rest):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return rest[:index], rest[index + 1:]
    return rest, ""


def without_components(data: bytes, name: str) -> bytes:
    """``data`` (repaired calendar text, CRLF lines) without its ``name`` components (BEGIN to END)."""
    out: list[bytes] = []
    depth = 0
    begin, end = f"BEGIN:{name}".encode(), f"END:{name}".encode()
    for line in data.split(b"\r\n"):
        upper = line.strip().upper()
        if upper == begin:
            depth += 1
        elif depth and upper == end:
            depth -= 1
        elif not depth:
            out.append(line)
    return b"\r\n".join(out)
