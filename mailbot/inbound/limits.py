"""Limits that keep one message, or one correspondent, from stopping or flooding mailbot.

- :func:`structure_problem`: a cheap look at the raw bytes before the expensive parse refuses
  deeper nesting, more parts, longer lines or longer header fields than configured (``email``
  recurses once per level and raises RecursionError near 300 levels; a line of megabytes
  without CRLF costs minutes; a header field of 300 KB of encoded words costs 3 GB).
- :func:`budget`: a time budget per message; past it the handling is abandoned, like a failure.
- :class:`Quota`: how many automatic mails went to one address, and into one record's thread,
  today (Oslo time), kept in the store so that a restart does not reset it (RFC 3834 §2: an
  automatic responder must not answer without bound; Mailman's per-sender limits).
"""
from __future__ import annotations

import contextlib
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from types import FrameType

from mailbot.model import OSLO
from mailbot.records.store import Store

# A header line opening a container: a multipart (which has a boundary) or an encapsulated message.
_CONTAINER = re.compile(rb"^content-type:[ \t]*(?:\r?\n[ \t]+)?(?:multipart|message)/", re.I | re.M)
_DELIMITER = re.compile(rb"^--[^\r\n]", re.M)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_FIELD = re.compile(rb"[^\r\n]+\r?\n(?:[ \t][^\r\n]*\r?\n)*")  # one header field with its folded lines
QUOTA_KEY = "quota"


@dataclass(frozen=True)
class Structure:
    """The configured limits (``[limits]``): nesting depth, number of MIME parts, bytes per line
    and per header field (unfolded)."""

    max_depth: int = 20
    max_parts: int = 500
    max_line_bytes: int = 1_000_000
    max_header_bytes: int = 100_000


def structure_problem(raw: bytes, limits: Structure) -> str:
    """Why ``raw`` (RFC 5322 bytes) is too complex to parse safely, '' when it is not.

    Counting container headers and delimiter lines gives upper bounds in one pass of the C regex
    engine; only a message over a bound is parsed (with ``compat32``, iteratively walked) to
    count exactly, and a parse that recurses too deep is itself the answer.
    """
    if re.search(rb"[^\n]{%d}" % (limits.max_line_bytes + 1), raw):
        return f"a line longer than {limits.max_line_bytes} bytes"
    # a header field (with its folded lines) this long costs email's header parser gigabytes
    if re.search(rb"^[!-9;-~]+:(?:[^\n]|\n[ \t]){%d}" % limits.max_header_bytes, raw, re.M):
        return f"a header field longer than {limits.max_header_bytes} bytes"
    containers = len(_CONTAINER.findall(raw))
    delimiters = len(_DELIMITER.findall(raw))
    if containers <= limits.max_depth and delimiters <= limits.max_parts:
        return ""
    if containers > 4 * limits.max_depth or delimiters > 4 * limits.max_parts:
        return (f"more than {limits.max_depth} nested parts" if containers > 4 * limits.max_depth
                else f"more than {limits.max_parts} parts")
    try:
        depth, parts = _measure(message_from_bytes(raw, policy=compat32))
    except RecursionError:
        return f"more than {limits.max_depth} nested parts"
    if depth > limits.max_depth:
        return f"{depth} nested parts, more than {limits.max_depth}"
    if parts > limits.max_parts:
        return f"{parts} parts, more than {limits.max_parts}"
    return ""


def _measure(msg: Message) -> tuple[int, int]:
    """The nesting depth and the number of parts of a parsed message, without recursion."""
    deepest, parts, stack = 0, 0, [(msg, 1)]
    while stack:
        part, depth = stack.pop()
        parts += 1
        deepest = max(deepest, depth)
        payload = part.get_payload()
        if isinstance(payload, list):
            stack += [(child, depth + 1) for child in payload if isinstance(child, Message)]
    return deepest, parts


def header_section(raw: bytes, limit: int = 1_000_000, field_limit: int = 8192) -> bytes:
    """The header section of ``raw`` with the blank line that ends it, without header fields
    longer than ``field_limit`` bytes (folded lines included), which no decision needs and which
    would cost the header parser dearly. At most ``limit`` bytes are looked at; a message
    without a blank line there gives what it has up to 64 KiB."""
    end = _HEADER_END.search(raw, 0, limit)
    section = raw[:end.end()] if end else raw[:65536]
    fields = _FIELD.findall(section)
    if all(len(f) <= field_limit for f in fields):
        return section
    return b"".join(f for f in fields if len(f) <= field_limit) + b"\r\n"


def parse_headers(section: bytes) -> Message:
    """A header section as a message without a body (``compat32``: it never raises on odd
    headers); for deciding about a message before, or instead of, parsing it whole."""
    return message_from_bytes(section, policy=compat32)


class OverBudget(Exception):
    """Handling one message took longer than its time budget."""


@contextlib.contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` inside the block once ``seconds`` have passed (a real-time
    interval timer; only in the main thread, where signals arrive: elsewhere no budget)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget(f"handling took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Quota:
    """Automatic mail per correspondent and per record thread per Oslo day, kept in the store's
    meta data (only today's counts: yesterday's are dropped at the first count of a new day)."""

    def __init__(self, store: Store, per_address: int, per_thread: int) -> None:
        self.store = store
        self.per_address = per_address
        self.per_thread = per_thread

    def _today(self, now: datetime) -> dict:
        day = now.astimezone(OSLO).date().isoformat()
        counts = self.store.meta(QUOTA_KEY) or {}
        if counts.get("day") != day:
            counts = {"day": day, "address": {}, "thread": {}, "told": []}
        return counts

    def exceeded(self, address: str, ref: str | None, now: datetime) -> bool:
        """True when ``address`` (or the thread of ``ref``) has had its automatic mail for today."""
        counts = self._today(now)
        return (counts["address"].get(address.lower(), 0) >= self.per_address
                or (ref is not None and counts["thread"].get(ref, 0) >= self.per_thread))

    def count(self, addresses: list[str], ref: str | None, now: datetime) -> None:
        """Count one automatic mail to each of ``addresses`` (and into ``ref``'s thread); not committed."""
        counts = self._today(now)
        for address in dict.fromkeys(a.lower() for a in addresses):
            counts["address"][address] = counts["address"].get(address, 0) + 1
        if ref is not None:
            counts["thread"][ref] = counts["thread"].get(ref, 0) + 1
        self.store.set_meta(QUOTA_KEY, counts)

    @staticmethod
    def forget(store: Store, address: str) -> bool:
        """Remove ``address`` from today's counts (erasure, GDPR art. 17); True when it was there.
        Not committed."""
        counts = store.meta(QUOTA_KEY) or {}
        address = address.lower()
        if address not in counts.get("address", {}) and address not in counts.get("told", []):
            return False
        counts["address"].pop(address, None)
        counts["told"] = [a for a in counts.get("told", []) if a != address]
        store.set_meta(QUOTA_KEY, counts)
        return True

    def first_report(self, address: str, now: datetime) -> bool:
        """True the first time today that the unit is to be told about ``address``; marks it told."""
        counts = self._today(now)
        if address.lower() in counts["told"]:
            return False
        counts["told"].append(address.lower())
        self.store.set_meta(QUOTA_KEY, counts)
        return True
