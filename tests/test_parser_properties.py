"""Property-based tests: whatever bytes arrive, the parser answers (never raises) within 2 s.

Random and mutated MIME and calendar text: nested forwards, charsets, broken folds, broken
properties, quoted-printable residue, bare LF, truncation.
"""
from __future__ import annotations

import base64
import os
import quopri
import time
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import SMTP
from zoneinfo import ZoneInfo

import pytest
from helpers import corpus_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CASES = [(case / "message.eml").read_bytes() for case in corpus_cases()]
KINDS = {"invitation", "update", "cancellation", "not_invitation"}
LIMIT = 2.0  # seconds per message, parse and JSON together
EXAMPLES = int(os.environ.get("MAILBOT_EXAMPLES", "40"))  # more for a deeper search by hand
FAST = settings(max_examples=EXAMPLES, deadline=2000,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

PROPERTIES = ["DTSTART", "DTEND", "DURATION", "SUMMARY", "LOCATION", "ORGANIZER", "UID", "SEQUENCE", "RRULE",
              "EXDATE", "RECURRENCE-ID", "STATUS", "DESCRIPTION", "ATTENDEE", "TZID", "X-WR-TIMEZONE"]
VALUES = ["20270120T100000", "20270120T100000Z", "20270120", "2027-01-20T10:00:00", "2023-07-01T125700",
          "20271345T256100", "", "garbage", "P1H", "PT", "-P1D", "FREQ=3DWEEKLY;BYDAY=3DMO", "FREQ=YEARLY;COUNT=x",
          "mailto:a@b.c", "x-confluence-user-key=8a;cn=danie", "1", "-5", "99999999999999999999", "=\r\n", "\x00",
          "Møte i Brüssel", "CANCELLED"]
PARAMS = ["", ";TZID=Europe/Oslo", ";TZID=3DEurope/Dublin", ";TZID=\"W. Europe Standard Time\"", ";VALUE=DATE",
          ";TZID=Nowhere/Else", ";CN=\"broken", ";X=", ";"]


@pytest.fixture(scope="module", autouse=True)
def _warm(parser):
    """The first parse loads language data (dateparser, zones): not the cost of a message."""
    for raw in CASES:
        parser.parse(raw)


def _parses(parser, raw: bytes) -> None:
    began = time.monotonic()
    result = parser.parse(raw).to_json()
    assert result["kind"] in KINDS
    assert time.monotonic() - began < LIMIT


@st.composite
def mutated(draw) -> bytes:
    """A corpus message with damage done to it: slices cut, repeated or swapped, bytes inserted,
    line ends and folds broken, quoted-printable residue, charset labels changed."""
    raw = draw(st.sampled_from(CASES))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(raw)))
        j = draw(st.integers(i, min(len(raw), i + 400)))
        op = draw(st.sampled_from(["cut", "repeat", "insert", "lf", "unfold", "qp", "soft", "charset", "cr", "end"]))
        if op == "cut":
            raw = raw[:i] + raw[j:]
        elif op == "repeat":
            raw = raw[:j] + raw[i:j] * draw(st.integers(1, 3)) + raw[j:]
        elif op == "insert":
            raw = raw[:i] + draw(st.binary(max_size=40)) + raw[i:]
        elif op == "lf":
            raw = raw.replace(b"\r\n", b"\n")
        elif op == "unfold":
            raw = raw.replace(b"\r\n ", b"\r\n").replace(b"\n ", b"\n")
        elif op == "qp":
            raw = raw[:i] + raw[i:j].replace(b"=", b"=3D") + raw[j:]
        elif op == "soft":
            raw = raw[:i] + b"=\r\n" + raw[i:]
        elif op == "charset":
            label = draw(st.sampled_from([b"x-unknown", b"utf-16", b"iso-2022-jp", b"windows-1252", b"", b"\"utf-8"]))
            raw = raw.replace(b"utf-8", label, 1)
        elif op == "cr":
            raw = raw.replace(b"\r\n", b"\r")
        else:
            raw = raw[:j]
    return raw


@st.composite
def calendars(draw) -> str:
    """iCalendar text with random, often broken properties, folds and several events."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"METHOD:{draw(st.sampled_from(['REQUEST', 'CANCEL', 'PUBLISH', '']))}"]
    for _ in range(draw(st.integers(1, 3))):
        lines.append("BEGIN:VEVENT")
        for _ in range(draw(st.integers(0, 10))):
            name = draw(st.sampled_from(PROPERTIES))
            value = draw(st.one_of(st.sampled_from(VALUES), st.text(max_size=30)))
            lines.append(f"{name}{draw(st.sampled_from(PARAMS))}:{value}")
        if draw(st.booleans()):
            lines.append("DTSTART;TZID=Europe/Brussels:20270120T100000")
        lines.append("END:VEVENT" if draw(st.integers(0, 9)) else "END:VEVNT")
    lines.append("END:VCALENDAR")
    text = "\r\n".join(lines)
    if draw(st.booleans()):  # folds, some without their leading space
        width = draw(st.integers(5, 75))
        fold = draw(st.sampled_from(["\r\n ", "\r\n", "\n", "=\r\n"]))
        text = fold.join(text[k:k + width] for k in range(0, len(text), width))
    return text


def _wrap(calendar: str, charset: str, depth: int, encoding: str) -> bytes:
    """``calendar`` as a part of a staff member's forward, inside ``depth`` attached messages;
    the part's bytes are written as they are, whatever its transfer-encoding label says."""
    try:
        data = calendar.encode(charset, errors="replace")
    except LookupError:
        data = calendar.encode()
    if encoding == "base64":
        data = base64.encodebytes(data)
    elif encoding == "quoted-printable":
        data = quopri.encodestring(data)
    boundary = b"b0"
    raw = (b"From: Secretariat <secretariat@consilium.europa.eu>\r\nSubject: Working party\r\n"
           b"Content-Type: multipart/mixed; boundary=" + boundary + b"\r\n\r\n--" + boundary +
           b"\r\nContent-Type: text/plain\r\n\r\nDear delegates, see the invitation.\r\n--" + boundary +
           b"\r\nContent-Type: text/calendar; method=REQUEST; charset=" + charset.encode() +
           b"\r\nContent-Transfer-Encoding: " + encoding.encode() + b"\r\n\r\n" + data +
           b"\r\n--" + boundary + b"--\r\n")
    for level in range(depth):
        outer = EmailMessage(policy=SMTP)
        outer["From"] = "Kari Nordmann <kari.nordmann@udi.no>" if level == depth - 1 else "a@b.example"
        outer["Subject"] = "VS: Working party"
        outer.set_content("Videresendt.\n")
        outer.add_attachment(message_from_bytes(raw, policy=SMTP))
        raw = outer.as_bytes()
    return raw


@FAST
@given(raw=mutated())
def test_mutated_corpus_messages_are_answered(parser, raw):
    _parses(parser, raw)


@FAST
@given(calendar=calendars(), charset=st.sampled_from(["utf-8", "latin-1", "utf-16", "ascii", "x-unknown"]),
       depth=st.integers(0, 3), encoding=st.sampled_from(["base64", "quoted-printable", "7bit", "8bit"]))
def test_random_calendars_in_nested_forwards_are_answered(parser, calendar, charset, depth, encoding):
    _parses(parser, _wrap(calendar, charset, depth, encoding))


@FAST
@given(calendar=calendars())
def test_bare_calendar_files_are_answered(parser, calendar):
    _parses(parser, calendar.encode("utf-8", errors="replace"))


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=2000),
                     st.text(max_size=500).map(lambda t: ("Subject: VS: x\r\nFrom: k@udi.no\r\n\r\n" + t).encode(
                         "utf-8", errors="replace"))))
def test_random_bytes_are_answered(parser, raw):
    _parses(parser, raw)


def _outlook_items() -> list[tuple[str, bytes]]:
    """Meeting requests as winmail.dat and .msg (built once: building uses ``random``)."""
    from datetime import UTC, datetime

    from outlook_items import meeting, outlook_msg, tnef

    items = []
    for zone in ("Romance Standard Time", "", "Nowhere"):
        properties = meeting("EMN meeting", datetime(2027, 3, 9, 9, tzinfo=UTC), datetime(2027, 3, 9, 15, tzinfo=UTC),
                             zone, "Brussels", "a@b.eu")
        items += [("winmail.dat", tnef(properties)), ("invite.msg", outlook_msg(properties))]
    return items


OUTLOOK_ITEMS = _outlook_items()


@st.composite
def outlook_parts(draw) -> bytes:
    """A forward with a TNEF or .msg attachment: a built meeting request, damaged, or random bytes
    behind the right signature."""
    name, data = draw(st.sampled_from(OUTLOOK_ITEMS))
    i = draw(st.integers(0, len(data)))
    damage = draw(st.sampled_from(["none", "cut", "flip", "random"]))
    if damage == "cut":
        data = data[:i]
    elif damage == "flip":
        data = data[:i] + draw(st.binary(min_size=1, max_size=16)) + data[i + 16:]
    elif damage == "random":
        data = data[:8] + draw(st.binary(max_size=600))
    message = EmailMessage(policy=SMTP)
    message["From"] = "Kari Nordmann <kari.nordmann@udi.no>"
    message["Subject"] = "VS: EMN meeting"
    message.set_content("Videresendt.\n")
    subtype = "ms-tnef" if name == "winmail.dat" else "vnd.ms-outlook"
    message.add_attachment(data, maintype="application", subtype=subtype, filename=name)
    message.set_boundary("b0")  # (a generated boundary would draw on ``random`` inside the strategy)
    return message.as_bytes()


@FAST
@given(raw=outlook_parts())
def test_damaged_outlook_items_are_answered(parser, raw):
    _parses(parser, raw)


@FAST
@given(blob=st.one_of(st.binary(max_size=200),
                      st.builds(lambda head, tail: head + tail,
                                st.sampled_from([b"\x04\x30\x04\x30\x0b\x20\x01\x00\x00\x00",
                                                 b"\x04\x30\x04\x30\x0c\x20\x03\x00\x00\x00",
                                                 b"\x04\x30\x04\x30\x0d\x20\x02\x00\x00\x00"]),
                                st.binary(max_size=120))),
       start=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)))
def test_any_outlook_recurrence_blob_gives_a_rule_or_none(blob, start):
    """PidLidAppointmentRecur as it may arrive (random, or a valid header and random fields): a
    series whose rule icalendar reads, or None; never an exception."""
    import icalendar

    from mailbot.parsing import mapirecur
    found = mapirecur.series(blob, start, ZoneInfo("Europe/Oslo"))
    if found is not None:
        assert icalendar.vRecur.from_ical(found.rrule)["FREQ"]
