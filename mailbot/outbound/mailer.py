"""Mail about a participation record: rendered in the record's language, deterministic Message-ID.

Every mail mailbot writes goes through :meth:`Mailer.mail`, which renders a template
(:mod:`mailbot.outbound.rendering`), derives the Message-ID from its cause (so a repeated cause gives the
same ID and the store refuses it) and assembles it (:mod:`mailbot.outbound.compose`). Nothing is sent
here: the caller queues the result in the store.
"""
from __future__ import annotations

from datetime import datetime
from email.message import Message

from babel.dates import get_timezone_location

from mailbot.config.settings import Config
from mailbot.model import OutgoingMail, Participation
from mailbot.outbound import compose
from mailbot.outbound.rendering import Renderer, day, meeting_times
from mailbot.parsing.fora import Fora
from mailbot.transports import mime


class Mailer:
    """Composes mailbot's mail for one configuration."""

    def __init__(self, config: Config, renderer: Renderer, fora: Fora) -> None:
        self.config = config
        self.renderer = renderer
        self.fora = fora
        self.domain = config.mailbox.address.rsplit("@", 1)[-1]

    def mail(self, template: str, language: str, *, cause: str, purpose: str, to: list[str], now: datetime,
             ref: str | None = None, subject: str = "", cc: tuple[str, ...] = (), reply_to: Message | None = None,
             auto_submitted: str = "auto-generated", attachments: tuple = (), **context) -> OutgoingMail:
        """Render ``template`` in ``language`` and build the mail, not yet stored.

        ``cause`` and ``purpose`` fix the Message-ID; ``subject`` defaults to the template's own
        subject line; with ``reply_to`` the mail is threaded as a reply (RFC 5322 §3.6.4).
        Raises jinja2 errors for a broken template.
        """
        body = self.renderer.render(template, language, unit=self.config.mailbox.name, ref=ref, **context)
        threading = {}
        if reply_to is not None:
            threading = dict(in_reply_to=mime.message_id(reply_to), references=mime.header(reply_to, "References"))
        cc = tuple(a for a in dict.fromkeys(cc) if a not in to)
        built = compose.build(
            sender=(self.config.mailbox.name, self.config.mailbox.address), to=to, cc=list(cc),
            subject=subject or body.subject, body=body, message_id=compose.message_id(cause, purpose, self.domain),
            date=now, ref=ref, auto_submitted=auto_submitted, attachments=attachments, **threading)
        return compose.outgoing(built, purpose=purpose, ref=ref, created_at=now)

    def meeting_view(self, record: Participation) -> dict:
        """The record's meeting as the templates show it, in the record's language."""
        meeting, language = record.meeting, record.language
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


def summary(record: Participation) -> dict:
    """A record in one line for the unit's reports (Norwegian dates)."""
    return {"ref": record.ref, "title": record.meeting.title, "participant": record.participant,
            "state": record.state.value, "day": day(record.meeting.start, "nb")}
