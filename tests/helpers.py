"""Helpers the tests share: Oslo time, the corpus, message builders, reading mail, waiting for events.

Fixtures (the daemon harness, the mail servers) are in conftest.py; this module holds plain
functions and constants, imported as ``from helpers import ...``.
"""
from __future__ import annotations

import email
import json
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
OSLO = ZoneInfo("Europe/Oslo")
STAFF = "anne.adviser@udi.no"  # the unit's staff member in the tests' configurations
KARI = "Kari Nordmann <kari.nordmann@udi.no>"


def oslo(text: str, default_year: int = 2027) -> datetime:
    """A moment in Oslo time from ISO text ('2027-03-30T08:00'), 'MM-DD HH:MM' (in ``default_year``)
    or a date alone."""
    text = text if text[:4].isdigit() and text[4] == "-" else f"{default_year}-{text}"
    return datetime.fromisoformat(text).replace(tzinfo=OSLO)


# -- the corpus -----------------------------------------------------------------------------

CORPUS_DIRS = [ROOT / "tests" / "corpus" / "cases", ROOT.parent / "shared" / "corpus" / "cases"]
CORPUS_DIRS += [Path(p) for p in os.environ.get("MAILBOT_CORPUS", "").split(os.pathsep) if p]

# Cases the parser still gets wrong, kept so that a fix shows (strict: a pass fails the test)
KNOWN_MISSES = {
    "515_ottawa_roundtable_crosses_midnight_utc": "forum: a Canada–Nordic roundtable hosted by Canada "
                                                  "is read as Nordic cooperation",
}


def corpus_cases(misses: bool = True) -> list[Path]:
    """Every corpus case folder: the copy in tests/ and, when present, ../shared and $MAILBOT_CORPUS;
    without the :data:`KNOWN_MISSES` when ``misses`` is False (for tests of what comes after parsing)."""
    cases: dict[str, Path] = {}
    for folder in CORPUS_DIRS:
        if folder.is_dir():
            for case in sorted(folder.glob("*/message.eml")):
                cases.setdefault(case.parent.name, case.parent)
    return [cases[name] for name in sorted(cases) if misses or name not in KNOWN_MISSES]


def corpus_case(prefix: str) -> Path:
    """The one corpus case whose folder name starts with ``prefix`` (e.g. '15_')."""
    found = [c for c in corpus_cases() if c.name.startswith(prefix)]
    assert len(found) == 1, f"{len(found)} corpus cases start with {prefix!r}"
    return found[0]


# A handful of cases that stand for the corpus where running all of it proves nothing more:
# invitations from Outlook (with and without a calendar part), Gmail, Apple Mail and free text,
# an update and a cancellation, an out-of-office reply and a staff mail that is no invitation.
REPRESENTATIVE = ("01_", "03_", "06_", "07_", "10_", "11_", "15_", "16_", "17_")


def representative_cases() -> list[Path]:
    """The corpus cases of :data:`REPRESENTATIVE`."""
    return [corpus_case(prefix) for prefix in REPRESENTATIVE]


def expected(case: Path) -> dict:
    """The case's expected.json."""
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def expected_records(cases: list[Path]) -> int:
    """How many participation records the corpus cases should make: one per participant and
    meeting (updates and cancellations of a meeting make none of their own, nor does a text-only
    update of an invitation of the same participant and forum within MOVED_WITHIN)."""
    from mailbot.records.indexes import MOVED_WITHIN, meeting_key
    meetings = [e for e in map(expected, cases) if e["kind"] != "not_invitation"]
    for e in meetings:
        e["instant"] = datetime.fromisoformat(e["start"] if "T" in e["start"] else e["start"] + "T00:00+00:00")
    keys = set()
    for e in meetings:
        if e["kind"] == "update" and not e["ical_uid"] and any(
                o["kind"] == "invitation" and (o["participant"], o["forum"]) == (e["participant"], e["forum"])
                and abs(o["instant"] - e["instant"]) <= MOVED_WITHIN for o in meetings):
            continue
        start = e["instant"].astimezone(UTC).isoformat() if "T" in e["start"] else e["start"]
        keys.add(meeting_key(e["participant"], e["ical_uid"], e["title"], start))
    return len(keys)


def invitations(count: int) -> list[bytes]:
    """``count`` corpus invitations from staff, each answered with one reply."""
    found = [(case / "message.eml").read_bytes() for case in corpus_cases()
             if expected(case)["kind"] == "invitation" and expected(case)["participant"].endswith("@udi.no")]
    assert len(found) >= count
    return found[:count]


# -- message builders -----------------------------------------------------------------------

def forward(subject: str = "VS: Møte i arbeidsgruppen", sender: str = KARI,
            body: str | None = None, message_id: str = "<test-1@udi.no>", extra_headers: str = "") -> bytes:
    """A small Outlook-style forward of a Norwegian free-text invitation."""
    body = body or (
        "Jeg deltar.\n\nFra: Sekretariatet <sekretariat@consilium.europa.eu>\n"
        "Sendt: mandag 14. desember 2026 15:20\nTil: Kari Nordmann <kari.nordmann@udi.no>\n"
        "Emne: Møte i arbeidsgruppen\n\nArbeidsgruppen møtes onsdag 20. januar 2027 kl. 10.00–12.30.\n"
        "Møtet holdes i Justus Lipsius-bygningen, Brussel.\n")
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "INE <ine@udi.no>"
    message["Subject"] = subject
    message["Date"] = "Tue, 15 Dec 2026 09:11:00 +0000"
    message["Message-ID"] = message_id
    message.set_content(body)
    raw = message.as_bytes()
    if extra_headers:
        raw = extra_headers.replace("\n", "\r\n").encode() + raw
    return raw


def invitation(title: str, when: str, message_id: str, sender: str = KARI) -> bytes:
    """A forwarded Norwegian free-text invitation to a Council working party in Brussels."""
    body = (f"Jeg deltar.\n\nFra: Sekretariatet <sekretariat@consilium.europa.eu>\n"
            f"Sendt: mandag 1. februar 2027 15:20\nTil: Kari Nordmann <kari.nordmann@udi.no>\nEmne: {title}\n\n"
            f"Arbeidsgruppen møtes {when}.\nMøtet holdes i Justus Lipsius-bygningen, Brussel.\n")
    return forward(subject=f"VS: {title}", sender=sender, body=body, message_id=message_id)


BORDERS = invitation("Arbeidsgruppen for grenser", "onsdag 24. mars 2027 kl. 10.00–12.00", "<inv@udi.no>")
"""The tests' usual invitation: a Council working party on Wednesday 24 March 2027, 10:00–12:00
(the referat falls due after Easter, on Tuesday 30 March 08:00)."""


def reply(to_mail, body: str, sender: str = KARI, message_id: str = "<r1@udi.no>",
          attachments: tuple = (), headers: dict | None = None) -> bytes:
    """A reply to one of mailbot's mails (threaded by In-Reply-To/References), with attachments
    given as (file name, content type, bytes)."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "INE <ine@udi.no>"
    message["Subject"] = f"SV: {to_mail['Subject']}"
    message["Date"] = "Wed, 31 Mar 2027 09:00:00 +0200"
    message["Message-ID"] = message_id
    message["In-Reply-To"] = str(to_mail["Message-ID"])
    message["References"] = str(to_mail["Message-ID"])
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    for filename, content_type, data in attachments:
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def edit(raw: bytes, replacements: dict[str, str], headers: dict[str, str] | None = None) -> bytes:
    """A copy of ``raw`` with text replaced in its calendar and text parts (whatever their
    transfer encoding) and headers set."""
    message = email.message_from_bytes(raw, policy=policy.default)
    for name, value in (headers or {}).items():
        del message[name]
        message[name] = value
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        for old, new in replacements.items():
            text = text.replace(old, new)
        subtype = part.get_content_subtype()
        params = {k: v for k, v in part.get_params()[1:] if k != "charset"}
        part.set_content(text, subtype=subtype, charset="utf-8", params=params)
    return message.as_bytes(policy=policy.SMTP)


# -- reading mail ---------------------------------------------------------------------------

def parse(raw: bytes) -> EmailMessage:
    """``raw`` as a message (the modern API)."""
    return email.message_from_bytes(raw, policy=policy.default)


def header(raw: bytes, name: str) -> str:
    """One header of ``raw``, stripped ('' when missing)."""
    return str(parse(raw)[name] or "").strip()


def text_of(mail: EmailMessage) -> str:
    """The plain-text body of a mail."""
    return mail.get_body(("plain",)).get_content()


def html_of(mail: EmailMessage) -> str:
    """The HTML body of a mail, with plain newlines."""
    return mail.get_body(("html",)).get_content().replace("\r\n", "\n")


# -- waiting --------------------------------------------------------------------------------

def until(predicate: Callable[[], object], timeout: float = 30.0, what: str = "", interval: float = 0.01) -> float:
    """Wait until ``predicate()`` is true, checking every ``interval`` seconds; returns the seconds
    it took. Fails after ``timeout``: a bound generous enough for a busy 2-core machine, never a
    fixed sleep that hopes the event came."""
    start = time.monotonic()
    while not predicate():
        assert time.monotonic() - start < timeout, f"timed out after {timeout} s waiting for {what or predicate}"
        time.sleep(interval)
    return time.monotonic() - start
