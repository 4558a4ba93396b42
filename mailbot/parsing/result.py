"""What the parser makes of a message: :class:`ParseResult`, and :class:`Sources`, where each
meeting field was read. Pure data; :mod:`mailbot.parsing.parser` fills them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mailbot.model import Kind, Meeting
from mailbot.parsing.screening import Reason

NO_TITLE = "(no title)"  # a meeting whose calendar and subjects name none (null in the parse's JSON)
CALENDAR, HEADER, TEXT, SUBJECT, PLACE = "calendar", "forwarded_header", "free_text", "subject", "place"


@dataclass(frozen=True)
class Sources:
    """Where each meeting field was read: ``CALENDAR`` (an iCalendar part, or a winmail.dat or
    .msg item's MAPI properties), ``HEADER`` (the forwarded message's header block and its
    When/Where lines), ``TEXT`` (free text), ``SUBJECT`` (the forwarded subject, for the title
    and a place named only there), ``PLACE`` (the zone of the venue's city); None for a field
    not found. ``alternatives`` are other first days a time read from text allows (day and month
    order, a rival date); the time is certain when there are none (issue: confidence instead of
    invention). ``end`` is None when the end is not known (an unreadable DTEND without DURATION,
    text that gives only a start): the meeting's end then equals its start."""

    title: str
    time: str
    end: str | None
    timezone: str | None
    location: str | None
    organizer: str | None
    alternatives: tuple[date, ...] = ()

    @property
    def certain(self) -> bool:
        """True when the meeting's day allows only the one reading."""
        return not self.alternatives

    def to_json(self) -> dict:
        """The sources as ``mailbot parse`` prints them."""
        return {"title": self.title, "time": self.time, "end": self.end, "timezone": self.timezone,
                "location": self.location,
                "organizer": self.organizer, "certain": self.certain,
                "alternatives": [day.isoformat() for day in self.alternatives]}


@dataclass(frozen=True)
class ParseResult:
    """What a message is and, for an invitation, the meeting and who forwarded it.

    ``participant`` is the lower-case address of the staff member who sent the message (None
    when the sender is outside the staff domains); ``language`` is 'nb' or 'en'; ``reason``
    says why a message is ``not_invitation`` ("automatic", "calendar_response", "reply",
    "rsvp", "not_forwarded", "referat", "booking", "newsletter", "query", "no_meeting_time"); ``warnings``
    lists parts that were skipped.
    ``occurrence`` (aware, UTC) is set when the message concerns one occurrence of a series (a
    RECURRENCE-ID without the series' master, RFC 5545 §3.8.4.4): the start the series' rule gives
    that occurrence; the meeting then holds the occurrence's own (new) times and no RRULE.
    ``sources`` says where each meeting field was read and whether its day is certain.
    """

    kind: Kind
    meeting: Meeting | None
    participant: str | None
    participant_name: str = ""
    language: str = "nb"
    consultation: tuple[Reason, ...] = ()
    reason: str = ""
    warnings: tuple[str, ...] = ()
    occurrence: datetime | None = None
    sources: Sources | None = None

    @property
    def understood(self) -> bool:
        """True when the message is an invitation, update or cancellation with a meeting."""
        return self.kind is not Kind.NOT_INVITATION and self.meeting is not None

    def to_json(self) -> dict:
        """The result in the corpus schema (``../shared/corpus/README.md``) plus mailbot's extras."""
        m = self.meeting
        result = {
            "kind": self.kind.value,
            "title": m.title if m and m.title != NO_TITLE else None,
            "start": _iso(m, m.start) if m else None,
            "end": _iso(m, m.end, end=True, known=bool(self.sources and self.sources.end)) if m else None,
            "timezone": m.timezone if m else None,
            "location": m.location if m else None,
            "online": m.online if m else False,
            "organizer": m.organizer if m else None,
            "participant": self.participant,
            "forum": m.forum if m else None,
            "ical_uid": m.ical_uid if m else None,
            "sequence": m.sequence if m else None,
            "recurrence": m.recurrence if m else None,
            "ministry_consultation": bool(self.consultation) if m else False,
            "consultation_reasons": [f"{r.rule}: {r.excerpt}" for r in self.consultation] if m else [],
            "all_day": m.all_day if m else False,
            "language": self.language,
            "reason": self.reason,
            "warnings": list(self.warnings),
            "occurrence": self.occurrence.isoformat() if self.occurrence and m else None,
            "sources": self.sources.to_json() if self.sources and m else None,
        }
        return result


def _iso(meeting: Meeting, moment: datetime, end: bool = False, known: bool = True) -> str | None:
    """``moment`` at the venue; None for the end of a timed meeting whose end is not ``known``
    (the record keeps such an end as the start)."""
    if end and not meeting.all_day and moment == meeting.start and not known:
        return None
    local = moment.astimezone(meeting.zone)
    if meeting.all_day:
        return (local.date() - timedelta(days=1) if end else local.date()).isoformat()
    return local.isoformat()
