"""In-process parse throughput of the corpus mix against the bare email + icalendar parse.

mailbot: ``Parser.parse`` (mailbot.parsing) of every message.eml in tests/corpus/cases and, when
present, ../shared/corpus/cases (and $MAILBOT_CORPUS), after one warm-up parse (its time, the
parser's first-use cost, is printed apart). Floor: ``email.message_from_bytes`` with
``policy.default``, the From, Subject, Date and Message-ID header fields, every text part's
content, and ``icalendar.Calendar.from_ical`` of every calendar part, of the same messages.
Prints ms/msg (median of the passes, spread), p95 and max per message, and their ratios.
Target (issue 13): ratio <= 1.5 and no message over 150 ms.
Run: python benchmarks/bench_parse.py [--repeats 3] [--quick]
"""
from __future__ import annotations

import argparse
import contextlib
import email
import sys
import time
from email import policy

import icalendar
from common import corpus_cases, line, p95

from mailbot.config.settings import Config
from mailbot.parsing.parser import Parser


def bare_parse(raw: bytes) -> None:
    """The floor: what any reader of the message must do with the standard library and icalendar.
    A damaged message or calendar the libraries refuse ends the floor's work on it there."""
    with contextlib.suppress(ValueError, LookupError, TypeError, IndexError, KeyError):
        msg = email.message_from_bytes(raw, policy=policy.default)
        for name in ("From", "Subject", "Date", "Message-ID"):
            msg.get(name)
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                content = part.get_content()
                if part.get_content_subtype() == "calendar":
                    icalendar.Calendar.from_ical(content)


def timed_pass(parse, messages: list[bytes]) -> list[float]:
    """Milliseconds per message of one pass of ``parse`` over ``messages``."""
    times = []
    for raw in messages:
        started = time.perf_counter()
        parse(raw)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    """Parse the corpus ``--repeats`` times with mailbot and with the floor; print the figures; 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one pass over the first 40 messages")
    args = parser.parse_args()
    messages = [(case / "message.eml").read_bytes() for case in corpus_cases()]
    if args.quick:
        messages, args.repeats = messages[:40], 1
    started = time.perf_counter()
    mailbot = Parser.from_config(Config())
    mailbot.parse(messages[0])
    print(f"{len(messages)} messages; parser built and first message parsed in "
          f"{time.perf_counter() - started:.2f} s (not counted below)", flush=True)
    means: dict[str, list[float]] = {"mailbot": [], "floor": []}
    every: dict[str, list[float]] = {"mailbot": [], "floor": []}
    for _ in range(args.repeats):
        for name, parse in (("floor", bare_parse), ("mailbot", mailbot.parse)):
            times = timed_pass(parse, messages)
            means[name].append(sum(times) / len(times))
            every[name].extend(times)
    line("parse, mean per message", means["mailbot"], means["floor"], "ms/msg", target="ratio <= 1.5")
    print(f"parse, per message over all passes: mailbot p95 {p95(every['mailbot']):.1f} ms, "
          f"max {max(every['mailbot']):.0f} ms; floor p95 {p95(every['floor']):.1f} ms, "
          f"max {max(every['floor']):.0f} ms; target: no message over 150 ms")
    if args.repeats > 1:  # the first pass imports the readers of rarer formats (TNEF, .msg) on first use
        later = every["mailbot"][len(messages):]
        print(f"parse, passes after the first: mailbot p95 {p95(later):.1f} ms, max {max(later):.0f} ms")
    slowest = sorted(zip(every["mailbot"], [c.name for c in corpus_cases()] * args.repeats, strict=False))[-3:]
    print("slowest: " + ", ".join(f"{name} {ms:.0f} ms" for ms, name in reversed(slowest)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
