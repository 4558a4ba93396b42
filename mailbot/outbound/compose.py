"""Outgoing mail: MIME assembly, threading headers and deterministic Message-IDs.

Every mail mailbot sends is an automatic reply in the sense of RFC 3834: it carries
``Auto-Submitted: auto-replied`` (and ``auto-generated`` for reminders), Microsoft's
``X-Auto-Response-Suppress: All`` so Exchange sends no out-of-office back, and
:data:`mailbot.inbound.guards.OWN_HEADER` so mailbot knows its own mail when it comes back.
"""
from __future__ import annotations

import hashlib
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr

from mailbot.inbound.guards import OWN_HEADER
from mailbot.model import OutgoingMail
from mailbot.outbound.rendering import Rendered


def message_id(cause: str, purpose: str, domain: str) -> str:
    """A Message-ID (RFC 5322 §3.6.4) that is the same every time for the same cause and purpose.

    ``cause`` is what the mail answers (an inbound Message-ID, a record reference and due
    date); recomputing it after a crash gives the same ID, so the store can refuse a second send.
    Its form ``<mailbot.HEX@domain>`` is how :func:`mailbot.inbound.guards.own_mail` knows the mail
    when it comes back, should a server have dropped :data:`~mailbot.inbound.guards.OWN_HEADER`.
    """
    digest = hashlib.sha256(f"{cause}\n{purpose}".encode()).hexdigest()[:32]
    return f"<mailbot.{digest}@{domain}>"


def one_line(text: str) -> str:
    """``text`` fit for a header: CR, LF and other control characters removed."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def build(*, sender: tuple[str, str], to: list[str], subject: str, body: Rendered, message_id: str,
          date: datetime, ref: str | None, in_reply_to: str = "", references: str = "",
          auto_submitted: str = "auto-replied", cc: list[str] | None = None,
          attachments: tuple[tuple[str, str, bytes], ...] = ()) -> EmailMessage:
    """Assemble a multipart/alternative mail (plain text first, then HTML), UTF-8; with
    ``attachments`` ((file name, content type, bytes), ...) it becomes multipart/mixed."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = formataddr((one_line(sender[0]), sender[1]))
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = one_line(subject)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = one_line(in_reply_to)
        msg["References"] = one_line(f"{references} {in_reply_to}".strip())
    msg["Auto-Submitted"] = auto_submitted
    msg["X-Auto-Response-Suppress"] = "All"
    msg[OWN_HEADER] = ref or "-"
    msg.set_content(body.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(body.html, subtype="html", charset="utf-8", cte="quoted-printable")
    for filename, content_type, data in attachments:
        maintype, _, subtype = content_type.partition("/")
        msg.add_attachment(data, maintype=maintype or "application", subtype=subtype or "octet-stream",
                           filename=filename)
    return msg


def outgoing(msg: EmailMessage, *, purpose: str, ref: str | None, created_at: datetime) -> OutgoingMail:
    """Wrap an assembled mail as an :class:`OutgoingMail` to be stored before it is sent."""
    recipients = [a.addr_spec for field in ("To", "Cc") if msg[field] is not None for a in msg[field].addresses]
    return OutgoingMail(
        message_id=str(msg["Message-ID"]), purpose=purpose, recipients=tuple(recipients),
        raw=msg.as_bytes().decode("ascii"), created_at=created_at, ref=ref,
    )
