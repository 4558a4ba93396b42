"""Log lines for journald and log shippers: one line per event, logfmt key=value pairs.

    ts=2027-01-04T09:00:01.042Z level=info logger=mailbot.daemon msg="sent <...>" message_id=<...> ref=INE-2027-0001

``message_id`` and ``ref`` come from ``extra=ids(message_id, ref)`` in the log call, so every
line about a message or a record can be found by either. A traceback is kept on the same line
(``exc="..."`` with escaped newlines). When stdout is the systemd journal (``$JOURNAL_STREAM``
is set), each line starts with its syslog priority (``<3>`` for an error, sd-daemon(3)), so
``journalctl -p warning`` shows what needs a look. Bodies and credentials are never logged.
"""
from __future__ import annotations

import logging
import os
import sys
from datetime import UTC, datetime

PRIORITY = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}
FIELDS = ("message_id", "ref")


def ids(message_id: str | None = None, ref: str | None = None) -> dict[str, str]:
    """The ``extra`` of a log call about a message (its Message-ID) and/or a record (its reference)."""
    return {"message_id": message_id or "", "ref": ref or ""}


class LineFormatter(logging.Formatter):
    """Formats a record as one logfmt line; see the module doc."""

    def __init__(self, journal: bool = False) -> None:
        super().__init__()
        self.journal = journal

    def format(self, record: logging.LogRecord) -> str:
        """The record as one logfmt line, prefixed with its syslog priority for the journal."""
        moment = datetime.fromtimestamp(record.created, UTC)
        pairs = [("ts", moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{int(record.msecs):03d}Z"),
                 ("level", record.levelname.lower()), ("logger", record.name), ("msg", record.getMessage())]
        pairs += [(name, getattr(record, name)) for name in FIELDS if getattr(record, name, "")]
        if record.exc_info:
            pairs.append(("exc", self.formatException(record.exc_info)))
        line = " ".join(f"{key}={_value(str(value))}" for key, value in pairs)
        return f"<{PRIORITY.get(record.levelno, 6)}>{line}" if self.journal else line


def _value(text: str) -> str:
    """A logfmt value: bare when it has no space, quote, equals sign or control character."""
    if text and not any(ch in text for ch in ' "=\\') and text.isprintable():
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return '"' + "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in escaped) + '"'


def setup(level: int) -> None:
    """Send the log to stdout, one line per event (journal priorities under systemd): mailbot's
    own loggers from ``level`` up, third-party libraries' from WARNING up whatever ``level`` is
    (flufl.bounce logs a line per detector for every bounce it reads; imapclient's debug lines
    carry message data)."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(LineFormatter(journal=_stdout_is_journal()))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(max(level, logging.WARNING))
    logging.getLogger("mailbot").setLevel(level)


def _stdout_is_journal() -> bool:
    """True when systemd connected stdout to the journal (``$JOURNAL_STREAM`` = device:inode)."""
    try:
        device, inode = (int(part) for part in os.environ.get("JOURNAL_STREAM", "").split(":"))
        stat = os.fstat(sys.stdout.fileno())
    except (ValueError, OSError):
        return False
    return (stat.st_dev, stat.st_ino) == (device, inode)
