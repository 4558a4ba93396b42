"""Automatic mail that answers ours: delivery failures (bounces) and out-of-office replies.

Neither is ever answered (RFC 3834 §2). A bounce is a delivery status notification (RFC 3464
``multipart/report; report-type=delivery-status``) or a mailer-daemon's message; the failed
addresses are read with flufl.bounce (GNU Mailman's bounce detectors, which know DSNs and the
formats of many mail servers), and the returned mail's Message-ID tells which of our mails it
was. An out-of-office reply states when its sender is back: "tilbake mandag 25. januar", "back
on 8 March", "until 22 January", "18.–22. januar"; dates are found with the parser's own date
reader (:func:`mailbot.parsing.textdates.dates_in`, built on dateparser's month names).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from email.message import Message

import flufl.bounce

from mailbot.followup.businessdays import Calendar
from mailbot.parsing import subjects, textdates
from mailbot.transports import mime

BOUNCE_SENDERS = ("mailer-daemon", "postmaster")
# a date after these words is the day the sender is back ...
_BACK = re.compile(r"\b(tilbake|igjen|back|return\w*|available|tilgjengelig|treffes|på jobb|i arbeid)\b", re.I)
# ... after these (or a range of days) the last day away
_UNTIL = re.compile(r"\b(until|till|through|to|til og med|t\.o\.m\.?|tom|fram til|frem til|til)\b", re.I)

_CLAUSE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÆØÅ(])|\n")


@dataclass(frozen=True)
class Bounce:
    """A delivery failure: the ``recipients`` that failed and the Message-IDs of the returned mail."""

    recipients: tuple[str, ...]
    returned: tuple[str, ...]


def bounce(msg: Message) -> Bounce | None:
    """Read ``msg`` as a delivery failure; None when it is not one."""
    sender = (mime.first_address(msg, "From") or ("", ""))[1]
    report = msg.get_content_type() == "multipart/report"
    if report and str(msg.get_param("report-type") or "").lower() != "delivery-status":
        return None  # a read receipt (RFC 8098) or another report: no failure
    temporary, permanent = flufl.bounce.all_failures(msg)
    failed = sorted({a.decode("utf-8", "replace").lower() for a in permanent | temporary})
    if not (report or failed or sender.split("@")[0] in BOUNCE_SENDERS):
        return None
    return Bounce(tuple(failed), tuple(_returned_ids(msg)))


def _returned_ids(msg: Message) -> list[str]:
    """Message-IDs of the mail a bounce returns (its message/rfc822 or text/rfc822-headers part)."""
    found = [mime.message_id(inner) for inner in mime.attached_messages(msg)]
    for part in msg.walk():
        if part.get_content_type() == "text/rfc822-headers":
            match = re.search(r"(?im)^message-id:\s*(<[^<>\s]+>)", mime.part_text(part))
            found += [match.group(1)] if match else []
    return [m for m in dict.fromkeys(found) if m]


def is_out_of_office(msg: Message) -> bool:
    """True for an automatic reply about absence (RFC 3834 ``Auto-Submitted: auto-replied``, an
    "Automatic reply:"-style subject, or the X-Autoreply/X-Autorespond headers of some servers)."""
    if msg.get_content_type() == "multipart/report":
        return False
    auto = mime.header(msg, "Auto-Submitted").lower()
    precedence = mime.header(msg, "Precedence").lower()
    return (auto.startswith("auto-replied") or subjects.is_automatic(mime.header(msg, "Subject"))
            or precedence in ("auto_reply", "auto-reply")
            or any(msg.get(name) is not None for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder")))


def return_day(text: str, sent: date, calendar: Calendar) -> date | None:
    """The first business day the sender of an out-of-office ``text`` (sent on ``sent``) is back.

    A date after "back"/"tilbake" is that day; a date after "until"/"til og med", or the last day
    of a range, is the last day away. The latest such day wins; dates before ``sent`` are
    ignored. None when the text gives no date.
    """
    days = []
    for clause in _CLAUSE_END.split(text):
        for mention in textdates.dates_in(clause, sent):
            before = clause[max(0, mention.start - 40):mention.start]
            if mention.last < sent:
                continue
            found = _BACK.search(before)
            back = found is not None and not _UNTIL.search(before[found.end():])
            if back and mention.first == mention.last:
                days.append(calendar.add_business_days(mention.first, 0))
            else:
                days.append(calendar.add_business_days(mention.last, 1))
    return max(days) if days else None
