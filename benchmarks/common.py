"""What the benchmarks share: the corpus and distinct invitations made from its shapes, the
throwaway Dovecot and SMTP server of tests/servers.py, an IMAP configuration for them, a child
process's wall time and peak RSS, and the printing of figures (median, spread, ratio).

The benchmarks print figures, not verdicts: each line gives mailbot's figure, the floor measured
in the same run, their ratio and, where the issue set one, the target.
"""
from __future__ import annotations

import contextlib
import email
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email import policy
from email.header import Header, decode_header, make_header
from email.message import Message
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import KNOWN_MISSES, corpus_cases, expected  # noqa: E402  (tests/ is on the path only now)
from servers import PASSWORD, Dovecot, SmtpServer, start_smtp  # noqa: E402

__all__ = ["PASSWORD", "ROOT", "corpus_cases"]

MAILBOX = "ine@udi.no"
# The libraries every message's path stands on: the floor of the start-up figures.
FLOOR_IMPORTS = "email.policy, smtplib, imapclient, icalendar, jinja2, tinydb, schedule, dateutil.rrule, zoneinfo"


# -- figures --------------------------------------------------------------------------------

def number(value: float) -> str:
    """Three significant digits, without an exponent."""
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}"


def spread(values: Sequence[float]) -> str:
    """'median (min–max)' of ``values``."""
    return f"{number(statistics.median(values))} ({number(min(values))}–{number(max(values))})"


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def line(what: str, mailbot: Sequence[float], floor: Sequence[float] | None, unit: str,
         slower_is_higher: bool = True, target: str = "") -> None:
    """Print one figure: mailbot's and the floor's medians with their spread, and the ratio
    (how many times mailbot is worse than its floor, per repeat, then the median)."""
    text = f"{what}: mailbot {spread(mailbot)} {unit}"
    if floor:
        pairs = list(zip(mailbot, floor, strict=False))
        ratios = [m / f if slower_is_higher else f / m for m, f in pairs if m and f]
        text += f"; floor {spread(floor)} {unit}; ratio {spread(ratios)}"
    if target:
        text += f"; target {target}"
    print(text, flush=True)


# -- the corpus and distinct invitations ----------------------------------------------------

def has_calendar(raw: bytes) -> bool:
    """Whether a message carries a text/calendar part (or a .ics attachment)."""
    return bool(re.search(rb"text/calendar|\.ics\b", raw, re.I))


def shapes() -> tuple[list[Path], list[Path]]:
    """The corpus invitations with a calendar part, and the Outlook forwards without one."""
    calendar, text = [], []
    for case in corpus_cases():
        if case.name in KNOWN_MISSES or expected(case).get("kind") != "invitation":
            continue
        raw = (case / "message.eml").read_bytes()
        if has_calendar(raw):
            calendar.append(case)
        elif "outlook" in case.name:
            text.append(case)
    return calendar, text


def invitations(count: int, tag: str) -> list[tuple[str, bytes]]:
    """``count`` distinct forwarded invitations, half with calendar parts, half text-only Outlook
    forwards, as (sender address, bytes); ``tag`` keeps Message-IDs apart between runs."""
    calendar, text = shapes()
    made = []
    for n in range(count):
        pool = calendar if n % 2 == 0 else text
        made.append(distinct(pool[(n // 2) % len(pool)], n, tag))
    return made


def distinct(case: Path, n: int, tag: str) -> tuple[str, bytes]:
    """The corpus case's message made distinct: its sender, subject, date, Message-ID, the
    meeting's title in the text and the calendar's UID carry ``n``."""
    msg = email.message_from_bytes((case / "message.eml").read_bytes(), policy=policy.compat32)
    title = expected(case).get("title") or ""
    new_title = f"{title} (no. {n})"
    name, address = parseaddr(str(msg["From"]))
    local, _, domain = address.partition("@")
    sender = f"{local}.{tag}{n}@{domain}".lower()  # as the reply is addressed
    subject = str(make_header(decode_header(str(msg["Subject"] or ""))))
    subject = subject.replace(title, new_title) if title and title in subject else f"{subject} (no. {n})"
    _replace(msg, "From", formataddr((name, sender), charset="utf-8"))
    _replace(msg, "Subject", Header(subject, "utf-8").encode())
    _replace(msg, "Message-ID", f"<bench-{tag}-{n}@bench.udi.no>")
    _replace(msg, "Date", format_datetime(email.utils.localtime().replace(microsecond=0)))
    for part in msg.walk():
        if part.get_content_maintype() == "text" and not part.is_multipart():
            _rewrite(part, title, new_title, n, tag)
    return sender, msg.as_bytes()


def _replace(msg: Message, name: str, value: str) -> None:
    del msg[name]
    msg[name] = value


def _rewrite(part: Message, title: str, new_title: str, n: int, tag: str) -> None:
    """The title in a text part replaced, and in a calendar the UID prefixed, in the part's own
    charset and transfer encoding."""
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return
    charset = part.get_content_charset() or "utf-8"
    try:
        text = data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return
    if title:
        text = text.replace(title, new_title)
    if part.get_content_subtype() == "calendar":
        text = re.sub(r"^UID:", f"UID:bench-{tag}-{n}-", text, flags=re.M)
    body = text.encode(charset, errors="replace")
    encoding = str(part.get("Content-Transfer-Encoding", "")).lower()
    if encoding == "base64":
        import base64
        part.set_payload(base64.encodebytes(body).decode("ascii"))
    elif encoding == "quoted-printable":
        import quopri
        part.set_payload(quopri.encodestring(body).decode("ascii"))
    else:
        part.set_payload(body.decode("ascii", errors="surrogateescape"))


# -- the mail servers -----------------------------------------------------------------------

class TimedSmtpServer(SmtpServer):
    """The tests' SMTP server, noting when each message arrived (``arrived[recipient]``)."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: dict[str, float] = {}
        self.changed = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        for recipient in envelope.rcpt_tos:
            self.arrived.setdefault(recipient.lower(), time.monotonic())
        reply = await super().handle_DATA(server, session, envelope)
        with self.changed:
            self.changed.notify_all()
        return reply

    def replies(self) -> dict[str, int]:
        """How many mails each recipient other than the mailbox got (addresses in lower case)."""
        counts: dict[str, int] = {}
        for received in self.received:
            for recipient in map(str.lower, received.recipients):
                if recipient != MAILBOX:
                    counts[recipient] = counts.get(recipient, 0) + 1
        return counts

    def wait_for(self, recipient: str, timeout: float = 60.0) -> float:
        """The moment a mail for ``recipient`` (lower case) arrived; raises TimeoutError after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while recipient not in self.arrived:
                if not self.changed.wait(deadline - time.monotonic()):
                    raise TimeoutError(f"no mail for {recipient} within {timeout} s")
        return self.arrived[recipient]


@dataclass
class Servers:
    """A throwaway Dovecot and an SMTP server on 127.0.0.1, and a folder for configurations."""

    dovecot: Dovecot
    smtp: TimedSmtpServer
    smtp_port: int
    folder: Path

    def config_file(self, user: str, name: str = "mailbot.toml") -> Path:
        """A configuration of the imap backend for Dovecot's ``user``, defaults otherwise."""
        (self.folder / "password").write_text(PASSWORD)
        path = self.folder / name
        path.write_text(f"""
[mailbox]
backend = "imap"
address = "{MAILBOX}"
[imap]
host = "127.0.0.1"
port = {self.dovecot.imap_port}
security = "starttls"
ca_file = "{self.dovecot.cert}"
username = "{user}"
password_file = "password"
[smtp]
host = "127.0.0.1"
port = {self.smtp_port}
security = "starttls"
ca_file = "{self.dovecot.cert}"
username = "mailbot"
password_file = "password"
[store]
path = "store-{user}/mailbot.json"
""", encoding="utf-8")
        return path

    def append_all(self, user: str, messages: Sequence[bytes]) -> None:
        """Append ``messages`` to ``user``'s INBOX over one connection."""
        client = self.dovecot.client(user)
        try:
            for raw in messages:
                client.append("INBOX", raw)
        finally:
            client.logout()


@contextlib.contextmanager
def servers() -> Iterator[Servers]:
    """Dovecot and the SMTP server started, stopped at the end (Dovecot's certificate serves both)."""
    dovecot = Dovecot()
    dovecot.start()
    handler = TimedSmtpServer()
    controller = start_smtp(handler, dovecot.cert, dovecot.key)
    try:
        with tempfile.TemporaryDirectory(prefix="mailbot-bench-") as folder:
            yield Servers(dovecot, handler, controller.port, Path(folder))
    finally:
        controller.stop()
        dovecot.stop()


# -- child processes ------------------------------------------------------------------------

# A small launcher: a child forked from a large process (the store benchmark holds 100,000 records)
# would count the parent's pages in its peak RSS; one forked from this launcher counts only its own.
_LAUNCH = ("import os, subprocess, sys, time\n"
           "started = time.perf_counter()\n"
           "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
           "_, status, usage = os.wait4(p.pid, 0)\n"
           "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, time.perf_counter() - started)")


def measured(command: Sequence[str], cwd: Path | None = None) -> tuple[float, float]:
    """Run ``command`` to its end: wall seconds and peak RSS in MB (of that child alone)."""
    done = subprocess.run([sys.executable, "-c", _LAUNCH, *command], cwd=cwd, capture_output=True, text=True,
                          check=True)
    status, maxrss, wall = (float(word) for word in done.stdout.split())
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {status}")
    return wall, maxrss / 1024


def rss_mb(pid: int) -> tuple[float, float]:
    """A running process's current and peak RSS in MB (VmRSS, VmHWM)."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def mailbot_command() -> list[str]:
    """The ``mailbot`` command of this interpreter's environment."""
    return [str(Path(sys.executable).with_name("mailbot"))]


@contextlib.contextmanager
def running_daemon(box: Servers, user: str) -> Iterator[subprocess.Popen]:
    """``mailbot run`` (imap backend) for ``user`` in a child process, ready: one invitation
    delivered to it has been answered. Stopped with SIGTERM at the end."""
    config = box.config_file(user, f"{user}.toml")
    with open(box.folder / f"{user}.log", "wb") as log:
        process = subprocess.Popen([*mailbot_command(), "--config", str(config), "run"], cwd=box.folder,
                                   stdout=log, stderr=subprocess.STDOUT)
    try:
        sender, raw = distinct(shapes()[0][0], 0, f"warm-{user}")
        box.dovecot.deliver(user, raw)
        box.smtp.wait_for(sender, timeout=120)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=60)
