"""Log lines: one per event, logfmt, with the Message-ID and record reference; journal priorities."""
import logging
import sys

from mailbot.logs import LineFormatter, ids


def record(level: int, message: str, *args, **extra) -> logging.LogRecord:
    entry = logging.LogRecord("mailbot.daemon", level, __file__, 1, message, args, None)
    entry.created, entry.msecs = 1798016400.25, 250.0  # 2026-12-23T09:00:00.250Z
    entry.__dict__.update(extra)
    return entry


def test_a_line_holds_the_event_its_ids_and_a_traceback_on_one_line():
    entry = record(logging.ERROR, "mail %s refused: %s", "<m1@udi.no>", '550 "no" = gone', **ids("<m1@udi.no>", "INE-2027-0001"))
    try:
        raise ValueError("first line\nsecond line")
    except ValueError:
        entry.exc_info = sys.exc_info()
    line = LineFormatter().format(entry)
    assert "\n" not in line
    assert line.startswith('ts=2026-12-23T09:00:00.250Z level=error logger=mailbot.daemon '
                           'msg="mail <m1@udi.no> refused: 550 \\"no\\" = gone" message_id=<m1@udi.no> ref=INE-2027-0001 exc="Traceback')
    assert "ValueError: first line\\nsecond line" in line


def test_under_systemd_each_line_starts_with_its_syslog_priority():
    journal = LineFormatter(journal=True)
    assert journal.format(record(logging.WARNING, "slow")).startswith("<4>ts=")
    assert journal.format(record(logging.INFO, "fine", **ids(ref="INE-2027-0002"))).endswith('msg=fine ref=INE-2027-0002')
