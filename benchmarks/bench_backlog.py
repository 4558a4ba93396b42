"""A backlog of forwarded invitations in a real Dovecot, answered through a real SMTP server.

N distinct invitations (half with calendar parts, half text-only Outlook forwards, made from the
corpus's shapes: benchmarks/common.py) are appended to a fresh mailbox of a throwaway Dovecot
(tests/servers.py). Floor: one bare imapclient connection (STARTTLS, login) fetches each message by
UID with BODY.PEEK[], parses it with ``email`` (policy.default) and its calendar parts with
``icalendar``, and sends a short reply with one smtplib connection (STARTTLS, AUTH) to the same
SMTP server. mailbot: the daemon of ``mailbot run --once`` over the imap backend, in this process
(``app.daemon``, as the tests build it), runs until every reply is at the SMTP server; building it
(start-up) is timed apart. Checks that every message got exactly one reply. Prints msg/s of both,
the ratio (floor / mailbot) and medians over the repeats. Target (issue 13): ratio <= 2.
Run: python benchmarks/bench_backlog.py [--messages 2000] [--repeats 3] [--quick]
"""
from __future__ import annotations

import argparse
import contextlib
import email
import smtplib
import ssl
import sys
import time
from email import policy
from email.message import EmailMessage

import icalendar
from common import MAILBOX, PASSWORD, Servers, TimedSmtpServer, invitations, line, servers
from imapclient import IMAPClient

from mailbot import app
from mailbot.config import settings


def floor(box: Servers, user: str, count: int) -> float:
    """Messages per second of the bare libraries over ``user``'s INBOX (left as it was)."""
    context = ssl.create_default_context(cafile=str(box.dovecot.cert))
    started = time.perf_counter()
    imap = IMAPClient("127.0.0.1", box.dovecot.imap_port, ssl=False)
    imap.starttls(context)
    imap.login(user, PASSWORD)
    imap.select_folder("INBOX", readonly=True)
    smtp = smtplib.SMTP("127.0.0.1", box.smtp_port)
    smtp.starttls(context=context)
    smtp.login("floor", PASSWORD)
    done = 0
    for uid in imap.search(["ALL"]):
        raw = imap.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]
        msg = email.message_from_bytes(raw, policy=policy.default)
        for part in msg.walk():
            if part.get_content_type() == "text/calendar":
                with contextlib.suppress(ValueError):  # a damaged calendar the library refuses
                    icalendar.Calendar.from_ical(part.get_content())
        reply = EmailMessage()
        reply["From"], reply["To"] = MAILBOX, "floor-" + str(msg["From"].addresses[0].addr_spec)
        reply["Subject"], reply["In-Reply-To"] = f"Re: {msg['Subject']}", str(msg["Message-ID"])
        reply.set_content("Registered.\n")
        smtp.send_message(reply)
        done += 1
    smtp.quit()
    imap.logout()
    assert done == count, f"the floor read {done} of {count} messages"
    return count / (time.perf_counter() - started)


def mailbot(box: Servers, user: str, senders: list[str]) -> tuple[float, float]:
    """Messages per second of mailbot's daemon over ``user``'s INBOX, and its start-up seconds."""
    config = settings.load(box.config_file(user, f"{user}.toml"))
    smtp: TimedSmtpServer = box.smtp
    opened = time.perf_counter()
    with app.daemon(config) as daemon:
        started = time.perf_counter()
        while daemon.run_once() and not all(sender in smtp.arrived for sender in senders):
            pass
        elapsed = time.perf_counter() - started
    counts = smtp.replies()
    wrong = {s: counts.get(s, 0) for s in senders if counts.get(s, 0) != 1}
    assert not wrong, f"{len(wrong)} messages did not get exactly one reply, e.g. {list(wrong.items())[:3]}"
    return len(senders) / elapsed, started - opened


def main() -> int:
    """Run floor and mailbot over a fresh backlog per repeat; print the figures; 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="100 messages, one repeat")
    args = parser.parse_args()
    if args.quick:
        args.messages, args.repeats = 100, 1
    rates: dict[str, list[float]] = {"mailbot": [], "floor": []}
    startups = []
    with servers() as box:
        for repeat in range(args.repeats):
            made = invitations(args.messages, tag=f"r{repeat}")
            user = box.dovecot.new_user()
            box.append_all(user, [raw for _sender, raw in made])
            rates["floor"].append(floor(box, user, len(made)))
            rate, startup = mailbot(box, user, [sender for sender, _raw in made])
            rates["mailbot"].append(rate)
            startups.append(startup)
            print(f"repeat {repeat + 1}: floor {rates['floor'][-1]:.1f} msg/s, mailbot {rate:.1f} msg/s "
                  f"(start-up {startup:.1f} s, not counted)", flush=True)
    print(f"{args.messages} messages, every one answered exactly once")
    line("backlog", rates["mailbot"], rates["floor"], "msg/s", slower_is_higher=False, target="ratio <= 2")
    return 0


if __name__ == "__main__":
    sys.exit(main())
