"""Meetings that arrive only as Outlook items: a winmail.dat (TNEF) and an attached .msg file.

The files are built in the tests from the format specifications (``outlook_items.py``; see
``tests/README-outlook-items.md``)."""
from __future__ import annotations

from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage

import pytest
from outlook_items import BINARY, INT32, PSETID_APPOINTMENT, SYSTIME, meeting, outlook_msg, recurrence, tnef

from mailbot.model import Folder

START, END = datetime(2027, 3, 9, 9, 0, tzinfo=UTC), datetime(2027, 3, 9, 15, 30, tzinfo=UTC)
REQUEST = meeting("EMN National Contact Points meeting", START, END, "Romance Standard Time",
                  "Albert Borschette Conference Centre, Brussels", "ncp.secretariat@emn.example.eu")


def forward_with(data: bytes, maintype: str, subtype: str, filename: str, subject: str = "VS: EMN NCP meeting",
                 message_id: str = "<outlook-1@udi.no>") -> bytes:
    """A staff member's forward carrying ``data`` as its only attachment."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Kari Nordmann <kari.nordmann@udi.no>"
    message["To"] = "INE <ine@udi.no>"
    message["Subject"] = subject
    message["Date"] = "Tue, 15 Dec 2026 09:11:00 +0000"
    message["Message-ID"] = message_id
    message.set_content("Til orientering: jeg deltar på dette møtet.\n")
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def winmail(properties: dict = REQUEST, **kwargs) -> bytes:
    return forward_with(tnef(properties), "application", "ms-tnef", "winmail.dat", **kwargs)


def attached_msg(properties: dict = REQUEST, **kwargs) -> bytes:
    return forward_with(outlook_msg(properties), "application", "vnd.ms-outlook", "EMN NCP meeting.msg", **kwargs)


@pytest.mark.parametrize("build", [winmail, attached_msg], ids=["winmail.dat", ".msg"])
def test_an_outlook_meeting_request_is_read(parser, build):
    out = parser.parse(build()).to_json()
    assert out["kind"] == "invitation" and out["title"] == "EMN National Contact Points meeting"
    assert datetime.fromisoformat(out["start"]) == START and datetime.fromisoformat(out["end"]) == END
    assert out["timezone"] == "Europe/Brussels"  # the venue; the item was written in Paris time (same rules)
    assert out["start"] == "2027-03-09T10:00:00+01:00"
    assert out["organizer"] == "ncp.secretariat@emn.example.eu" and out["forum"] == "EMN"
    assert out["ical_uid"].startswith("040000008200E00074C5B7101A82E008")
    assert out["location"] == "Albert Borschette Conference Centre, Brussels"


@pytest.mark.parametrize("build", [winmail, attached_msg], ids=["winmail.dat", ".msg"])
def test_the_item_s_sequence_is_the_meeting_s_sequence(parser, build):
    assert parser.parse(build()).to_json()["sequence"] is None  # no PidLidAppointmentSequence
    updated = {**REQUEST, (PSETID_APPOINTMENT, 0x8201): (INT32, 3)}
    assert parser.parse(build(updated)).to_json()["sequence"] == 3


@pytest.mark.parametrize("build", [winmail, attached_msg], ids=["winmail.dat", ".msg"])
def test_an_outlook_cancellation_is_a_cancellation(parser, build):
    cancelled = dict(REQUEST)
    cancelled[(None, 0x001A)] = (0x001F, "IPM.Schedule.Meeting.Canceled")
    assert parser.parse(build(cancelled)).to_json()["kind"] == "cancellation"


@pytest.mark.parametrize("build", [winmail, attached_msg], ids=["winmail.dat", ".msg"])
def test_an_outlook_item_that_is_no_meeting_stays_not_invitation(parser, build):
    note = {(None, 0x001A): (0x001F, "IPM.Note"), (None, 0x0037): (0x001F, "Referat fra EMN-møtet")}
    out = parser.parse(build(note, subject="VS: Referat fra EMN-møtet")).to_json()
    assert out["kind"] == "not_invitation"


def test_a_broken_outlook_file_is_a_warning_not_a_failure(parser):
    out = parser.parse(forward_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1broken", "application", "vnd.ms-outlook",
                                    "x.msg")).to_json()
    assert out["kind"] == "not_invitation"
    assert any(w.startswith("Outlook item skipped") for w in out["warnings"])


def test_forwarded_winmail_dat_and_msg_become_records(bot):
    bot.deliver(winmail(message_id="<tnef-1@udi.no>"))
    bot.deliver(attached_msg(meeting("GDISC annual conference", datetime(2027, 6, 2, 7, 0, tzinfo=UTC),
                                     datetime(2027, 6, 3, 14, 0, tzinfo=UTC), "FLE Standard Time", "Helsinki",
                                     "gdisc@migri.example.fi", serial=2), message_id="<msg-1@udi.no>"))
    results = [result for _, result in bot.run()]
    assert [r.folder for r in results] == [Folder.PROCESSED, Folder.PROCESSED]
    meetings = sorted((r.meeting for r in bot.store.records()), key=lambda m: m.start)
    assert [(m.title, m.start, m.end, m.timezone) for m in meetings] == [
        ("EMN National Contact Points meeting", START, END, "Europe/Brussels"),
        ("GDISC annual conference", datetime(2027, 6, 2, 7, 0, tzinfo=UTC), datetime(2027, 6, 3, 14, 0, tzinfo=UTC),
         "Europe/Helsinki"),
    ]


WEEKLY_TUESDAY = recurrence(0x200B, 1, 2, (0x04,), 0x2022, count=6, deleted=(date(2027, 4, 6), date(2027, 4, 20)),
                            modified=(date(2027, 4, 20),))


@pytest.mark.parametrize("build", [winmail, attached_msg], ids=["winmail.dat", ".msg"])
def test_an_outlook_series_keeps_its_rule_and_its_deleted_occurrences(parser, build):
    series = {**REQUEST, (PSETID_APPOINTMENT, 0x8216): (BINARY, WEEKLY_TUESDAY)}
    parsed = parser.parse(build(series))
    assert set(parsed.to_json()["recurrence"].split(";")) == {"FREQ=WEEKLY", "INTERVAL=2", "BYDAY=TU", "COUNT=6"}
    # 6 April was deleted; 20 April was moved (listed as deleted and modified), so it is held
    deleted = datetime(2027, 4, 6, 8, 0, tzinfo=UTC)
    assert [(o.original, o.start) for o in parsed.meeting.exceptions] == [(deleted, None)]


@pytest.mark.parametrize(("blob", "rule"), [
    (recurrence(0x200A, 0, 1440, (), 0x2023), "FREQ=DAILY"),
    (recurrence(0x200B, 1, 1, (0x2A,), 0x2021, end=date(2027, 6, 29)),
     "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270629T080000Z"),
    (recurrence(0x200C, 2, 1, (9,), 0x2022, count=4), "FREQ=MONTHLY;BYMONTHDAY=9;COUNT=4"),
    (recurrence(0x200C, 3, 3, (0x04, 2), 0x2023), "FREQ=MONTHLY;INTERVAL=3;BYDAY=TU;BYSETPOS=2"),
    (recurrence(0x200C, 3, 1, (0x3E, 5), 0x2023), "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
    (recurrence(0x200D, 2, 12, (9,), 0x2023), "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=9"),
    (recurrence(0x200C, 4, 1, (31,), 0x2023), "FREQ=MONTHLY;BYMONTHDAY=-1"),
], ids=["daily", "weekly-until", "monthly-day", "monthly-nth", "monthly-last-weekday", "yearly", "month-end"])
def test_outlook_recurrence_patterns_become_rrules(blob, rule):
    from zoneinfo import ZoneInfo

    from mailbot.parsing import mapirecur
    found = mapirecur.series(blob, START, ZoneInfo("Europe/Brussels"))
    assert found is not None and set(found.rrule.split(";")) == set(rule.split(";"))


def test_a_damaged_or_hijri_pattern_gives_no_rule_and_the_meeting_stays_readable(parser):
    from zoneinfo import ZoneInfo

    from mailbot.parsing import mapirecur
    hijri = bytearray(WEEKLY_TUESDAY)
    hijri[8:10] = (0x0A).to_bytes(2, "little")
    assert mapirecur.series(bytes(hijri), START, ZoneInfo("Europe/Brussels")) is None
    assert mapirecur.series(WEEKLY_TUESDAY[:30], START, ZoneInfo("Europe/Brussels")) is None
    parsed = parser.parse(winmail({**REQUEST, (PSETID_APPOINTMENT, 0x8216): (BINARY, WEEKLY_TUESDAY[:30])}))
    assert parsed.meeting.start == START and parsed.meeting.recurrence is None


@pytest.mark.parametrize("build", [winmail, attached_msg], ids=["winmail.dat", ".msg"])
def test_an_outlook_exception_item_concerns_one_occurrence(parser, build):
    moved = {**REQUEST, (PSETID_APPOINTMENT, 0x8228): (SYSTIME, datetime(2027, 3, 2, 9, 0, tzinfo=UTC))}
    parsed = parser.parse(build(moved))
    assert parsed.occurrence == datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
    assert parsed.meeting.start == START
