"""Meetings that arrive only as Outlook items: a winmail.dat (TNEF) and an attached .msg file.

The files are built in the tests from the format specifications (``outlook_items.py``; see
``tests/README-outlook-items.md``)."""
from __future__ import annotations

from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage

import pytest
from outlook_items import INT32, PSETID_APPOINTMENT, meeting, outlook_msg, tnef

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
