"""Log lines: one per event, logfmt, with the Message-ID and record reference; journal priorities;
third-party chatter left out; a parse warning once, with the Message-ID."""
import logging
import re
import sys

from mailbot.logs import LineFormatter, ids, setup


def record(level: int, message: str, *args, **extra) -> logging.LogRecord:
    entry = logging.LogRecord("mailbot.daemon", level, __file__, 1, message, args, None)
    entry.created, entry.msecs = 1798016400.25, 250.0  # 2026-12-23T09:00:00.250Z
    entry.__dict__.update(extra)
    return entry


def test_a_line_holds_the_event_its_ids_and_a_traceback_on_one_line():
    entry = record(logging.ERROR, "mail %s refused: %s", "<m1@udi.no>", '550 "no" = gone',
                   **ids("<m1@udi.no>", "INE-2027-0001"))
    try:
        raise ValueError("first line\nsecond line")
    except ValueError:
        entry.exc_info = sys.exc_info()
    line = LineFormatter().format(entry)
    assert "\n" not in line
    assert line.startswith('ts=2026-12-23T09:00:00.250Z level=error logger=mailbot.daemon '
                           'msg="mail <m1@udi.no> refused: 550 \\"no\\" = gone" message_id=<m1@udi.no> '
                           'ref=INE-2027-0001 exc="Traceback')
    assert "ValueError: first line\\nsecond line" in line


def test_under_systemd_each_line_starts_with_its_syslog_priority():
    journal = LineFormatter(journal=True)
    assert journal.format(record(logging.WARNING, "slow")).startswith("<4>ts=")
    fine = record(logging.INFO, "fine", **ids(ref="INE-2027-0002"))
    assert journal.format(fine).endswith("msg=fine ref=INE-2027-0002")


def test_libraries_log_from_warning_up_and_mailbot_from_the_chosen_level(capsys):
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        setup(logging.INFO)
        logging.getLogger("flufl.bounce").info("Running detector: <flufl.bounce._detectors.aol.AOL object>")
        logging.getLogger("flufl.bounce").warning("odd bounce")
        logging.getLogger("mailbot.daemon").info("sent <m1@udi.no>")
        setup(logging.DEBUG)  # -v: mailbot's details, still no library's
        logging.getLogger("imapclient.imaplib").debug("> b'A1 FETCH 1 (BODY.PEEK[])'")
        logging.getLogger("mailbot.daemon").debug("waiting 60 s")
    finally:
        root.handlers[:], root.level = saved
    lines = [re.search(r"logger=(\S+) msg=(.*)$", line).groups() for line in capsys.readouterr().out.splitlines()]
    assert lines == [("flufl.bounce", '"odd bounce"'), ("mailbot.daemon", '"sent <m1@udi.no>"'),
                     ("mailbot.daemon", '"waiting 60 s"')]


UNKNOWN_TZID = b"""From: Kari Nordmann <kari.nordmann@udi.no>\r
To: ine@udi.no\r
Subject: VS: EMN NCP meeting\r
Date: Mon, 14 Dec 2026 09:00:00 +0100\r
Message-ID: <tzid-1@udi.no>\r
MIME-Version: 1.0\r
Content-Type: text/calendar; method=REQUEST; charset=utf-8\r
\r
BEGIN:VCALENDAR\r
METHOD:REQUEST\r
BEGIN:VEVENT\r
UID:tzid-uid-1\r
SUMMARY:EMN NCP meeting\r
DTSTART;TZID=Mars Standard Time:20270115T100000\r
DTEND;TZID=Mars Standard Time:20270115T120000\r
LOCATION:Brussels\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_calendar_warning_is_logged_once_with_the_message_id(bot, caplog):
    caplog.set_level(logging.WARNING)
    bot.deliver(UNKNOWN_TZID)
    [(_message, result)] = bot.run()
    assert result.ref == "INE-2027-0001"
    assert bot.store.get(result.ref).meeting.start.isoformat() == "2027-01-15T09:00:00+00:00"  # read in Brussels
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [(r.name, r.getMessage(), r.message_id) for r in warnings] == [
        ("mailbot.inbound.invitation", ("message <tzid-1@udi.no>: calendar: unknown TZID 'Mars Standard Time' without "
                              "VTIMEZONE: time read as floating"), "<tzid-1@udi.no>")]
