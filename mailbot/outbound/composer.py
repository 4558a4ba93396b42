"""The one composer of every mail mailbot writes: rendered, assembled, with a deterministic Message-ID.

Every mail goes through :meth:`Composer.mail`: it renders a template in the reader's language
(:mod:`mailbot.outbound.rendering`), derives the Message-ID from the mail's cause (so a repeated
cause gives the same ID and the store refuses it) and assembles the MIME message. Nothing is
sent here: the caller queues the result in the store, and :mod:`mailbot.outbound.sending` sends it.

Every mail is an automatic reply in the sense of RFC 3834: it carries ``Auto-Submitted:
auto-replied`` (``auto-generated`` for reminders and reports), Microsoft's
``X-Auto-Response-Suppress: All`` so Exchange sends no out-of-office back, and
:data:`mailbot.inbound.guards.OWN_HEADER` so mailbot knows its own mail when it comes back.
"""
from __future__ import annotations

import hashlib
from datetime import datetime
from email.message import EmailMessage, Message
from email.policy import SMTP
from email.utils import format_datetime, formataddr

from babel.dates import get_timezone_location

from mailbot.addresses import is_staff_address
from mailbot.config.settings import Config
from mailbot.inbound.guards import OWN_HEADER
from mailbot.model import OutgoingMail, Participation
from mailbot.outbound.rendering import Rendered, Renderer, day, meeting_times
from mailbot.parsing.fora import Fora
from mailbot.transports import mime

Attachment = tuple[str, str, bytes]  # (file name, content type, bytes)


class Composer:
    """Composes mailbot's mail for one configuration."""

    def __init__(self, config: Config, renderer: Renderer, fora: Fora) -> None:
        self.config = config
        self.renderer = renderer
        self.fora = fora
        self.domain = config.mailbox.address.rsplit("@", 1)[-1]

    def mail(self, template: str, language: str, *, cause: str, purpose: str, to: list[str], now: datetime,
             ref: str | None = None, subject: str = "", cc: tuple[str, ...] = (), reply_to: Message | None = None,
             thread: str = "", auto_submitted: str = "auto-generated", attachments: tuple[Attachment, ...] = (),
             **context: object) -> OutgoingMail:
        """Render ``template`` in ``language`` and build the mail (``now`` aware), not yet stored.

        ``cause`` and ``purpose`` fix the Message-ID; ``subject`` defaults to the template's own
        subject line; with ``reply_to`` the mail is threaded as a reply to that message, with
        ``thread`` (a Message-ID) as a reply to that mail (RFC 5322 §3.6.4).
        Raises jinja2 errors for a broken template.
        """
        body = self.renderer.render(template, language, unit=self.config.mailbox.name, ref=ref, **context)
        threading = {"in_reply_to": thread} if thread else {}
        if reply_to is not None:
            threading = {"in_reply_to": mime.message_id(reply_to), "references": mime.header(reply_to, "References")}
        cc = tuple(a for a in dict.fromkeys(cc) if a not in to)
        built = build(
            sender=(self.config.mailbox.name, self.config.mailbox.address), to=to, cc=list(cc),
            subject=subject or body.subject, body=body, message_id=message_id(cause, purpose, self.domain),
            date=now, ref=ref, auto_submitted=auto_submitted, attachments=attachments, **threading)
        return outgoing(built, purpose=purpose, ref=ref, created_at=now)

    def reply_address(self, msg: Message) -> str:
        """Where a reply to ``msg`` goes: its Reply-To when that is a staff address (a colleague
        forwarding for someone else), else its From (RFC 5322 §3.6.2); "" when it has neither."""
        sender = mime.first_address(msg, "From") or ("", "")
        reply_to = mime.first_address(msg, "Reply-To")
        if reply_to and is_staff_address(reply_to[1], self.config.senders.allowed_domains):
            sender = reply_to
        return sender[1]

    def meeting_view(self, record: Participation, language: str = "") -> dict:
        """The record's meeting as the templates show it, in ``language`` (default: the record's)."""
        meeting, language = record.meeting, language or record.language
        forum = self.fora.get(meeting.forum)
        times = meeting_times(meeting, language)
        return {"title": meeting.title, "forum": getattr(forum, f"name_{language}", forum.name),
                "oslo": times["oslo"], "local": times["local"], "location": meeting.location,
                "online": meeting.online, "timezone": meeting.timezone, "organizer": meeting.organizer,
                # the zone as people name it: "Tallinn", "Brussel" (CLDR, via babel), not "Europe/Tallinn"
                "zone_city": get_timezone_location(meeting.timezone, locale=language, return_city=True)
                if meeting.timezone else ""}

    def reply_subject(self, record: Participation) -> str:
        """The subject of a reply about ``record``: "Re: TITLE [REF]"."""
        return f"Re: {record.meeting.title} [{record.ref}]"


def record_line(record: Participation) -> dict:
    """A record in one line for the unit's reports and command answers (Norwegian dates)."""
    return {"ref": record.ref, "title": record.meeting.title, "participant": record.participant,
            "state": record.state.value, "day": day(record.meeting.start, "nb")}


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
          attachments: tuple[Attachment, ...] = ()) -> EmailMessage:
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
