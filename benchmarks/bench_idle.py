"""Latency under IDLE: a delivery into the mailbox until mailbot's reply is at the SMTP server.

A throwaway Dovecot and SMTP server (tests/servers.py); deliveries with ``doveadm save``, as an
MTA's delivery agent does, of distinct invitations (benchmarks/common.py), one at a time, the next
after the reply to the last. mailbot: ``mailbot run`` (imap backend, default settings) in a child
process, ready (a first invitation answered) before the clock starts; latency = delivery start
to the reply's DATA at the SMTP server. Floor: a bare imapclient connection in IDLE on another
mailbox; latency = delivery start to the untagged EXISTS. Prints median, p95 and min–max of each
and the ratio of the medians. Target (issue 13): mailbot median <= 0.65 s, p95 <= 1 s.
Run: python benchmarks/bench_idle.py [--deliveries 50] [--quick]
"""
from __future__ import annotations

import argparse
import ssl
import statistics
import sys
import time

from common import PASSWORD, Servers, invitations, p95, running_daemon, servers
from imapclient import IMAPClient


def floor(box: Servers, count: int) -> list[float]:
    """Seconds from each delivery's start to the EXISTS a bare IDLE connection sees."""
    user = box.dovecot.new_user()
    imap = IMAPClient("127.0.0.1", box.dovecot.imap_port, ssl=False)
    imap.starttls(ssl.create_default_context(cafile=str(box.dovecot.cert)))
    imap.login(user, PASSWORD)
    imap.select_folder("INBOX")
    latencies = []
    for _sender, raw in invitations(count, tag="floor"):
        imap.idle()
        started = time.monotonic()
        box.dovecot.deliver(user, raw)
        while not any(b"EXISTS" in response for response in imap.idle_check(timeout=30)):
            pass
        latencies.append(time.monotonic() - started)
        imap.idle_done()
    imap.logout()
    return latencies


def mailbot(box: Servers, count: int) -> list[float]:
    """Seconds from each delivery's start to mailbot's reply at the SMTP server."""
    user = box.dovecot.new_user()
    latencies = []
    with running_daemon(box, user):
        for sender, raw in invitations(count, tag="idle"):
            time.sleep(0.3)  # the daemon back in IDLE after moving the last message
            started = time.monotonic()
            box.dovecot.deliver(user, raw)
            latencies.append(box.smtp.wait_for(sender, timeout=60) - started)
    return latencies


def describe(name: str, values: list[float]) -> str:
    """'name median X s, p95 Y s (min–max)'."""
    return (f"{name} median {statistics.median(values):.3f} s, p95 {p95(values):.3f} s "
            f"({min(values):.3f}–{max(values):.3f})")


def main() -> int:
    """Measure the floor, then mailbot, over the same number of deliveries; print the figures; 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deliveries", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="10 deliveries")
    args = parser.parse_args()
    count = 10 if args.quick else args.deliveries
    with servers() as box:
        bare = floor(box, count)
        ours = mailbot(box, count)
    print(f"IDLE latency over {count} deliveries: {describe('mailbot', ours)}; {describe('floor', bare)}; "
          f"ratio of medians {statistics.median(ours) / statistics.median(bare):.2f}; "
          f"target median <= 0.65 s, p95 <= 1 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
