"""From a forwarded message to a meeting: the pure parser behind ``mailbot parse``.

Calendar data comes first (UID, SEQUENCE, METHOD, times with their TZID); without it the
innermost forwarded message is read (Outlook's When/Where lines, else free text). Never raises
on bad input: what it cannot read comes back as ``not_invitation`` with the reason.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage, Message
from email.policy import SMTP
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from mailbot.addresses import is_staff_address, robot_address
from mailbot.inbound import guards
from mailbot.model import OSLO, Kind, Meeting, Occurrence
from mailbot.parsing import calendar, forwards, kinds, language, online, places, subjects, textdates, venue, when, zones
from mailbot.parsing.calendar import CalendarEvent
from mailbot.parsing.fora import Fora
from mailbot.parsing.forwards import Original
from mailbot.parsing.places import Place
from mailbot.parsing.result import CALENDAR, HEADER, NO_TITLE, PLACE, SUBJECT, TEXT, ParseResult, Sources
from mailbot.parsing.screening import Rules
from mailbot.transports import mime

if TYPE_CHECKING:
    from mailbot.config.settings import Config

log = logging.getLogger(__name__)
# Zones that times are written in but no venue lies in: UTC says nothing of where a meeting is
_NO_VENUE_ZONES = frozenset(("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu"))
# Automatic mail that may be a calendar system's invitation (Google Calendar sends them as
# auto-generated, Yahoo from a no-reply address, lists distribute them); never auto-replies,
# reports or bounces
_SENT_BY_SOFTWARE = re.compile(r"Auto-Submitted: auto-generated|X-Auto-Response-Suppress|mailing list|"
                               r"Precedence: (?:bulk|list)|(?:Return-Path <|robot sender )(?!mailer-daemon|postmaster)"
                               r"[^\s>]", re.I)


@dataclass
class Parser:
    """Parses messages against the forum registry and the consultation rules.

    ``staff_domains`` are the domains whose senders are participants; ``default_zone`` is the
    IANA zone for times whose text names none (Europe/Oslo).
    """

    fora: Fora
    rules: Rules
    staff_domains: tuple[str, ...] = ("udi.no",)
    default_zone: str = "Europe/Oslo"

    @classmethod
    def from_config(cls, config: Config) -> Parser:
        """The parser a :class:`~mailbot.config.settings.Config` describes (loads the registry and rules)."""
        return cls(Fora.load(config.parsing.fora, via="parsing.fora"),
                   Rules.load(config.parsing.consultation_rules, via="parsing.consultation_rules"),
                   staff_domains=config.senders.allowed_domains, default_zone=config.parsing.default_timezone)

    def parse(self, raw: bytes, received: datetime | None = None, loaded: Message | None = None) -> ParseResult:
        """Parse one message (RFC 5322 bytes, or a bare iCalendar file, which is read as a message
        holding only that calendar). ``received`` (aware) stands in for a missing Date;
        ``loaded`` is ``raw`` as :func:`mime.load` read it, when the caller has it already.

        Never raises for bad input; an unexpected error in a part is a warning, not a failure.
        """
        msg = loaded if loaded is not None and not _is_calendar(raw) else mime.load(_as_message(raw))
        sender_name, sender = mime.first_address(msg, "From") or ("", None)
        participant = sender if sender and self._staff(sender) else None
        subject = mime.header(msg, "Subject")
        sent = mime.date(msg) or received or datetime.now(UTC)

        def refused(reason: str, warnings: list[str]) -> ParseResult:
            return ParseResult(Kind.NOT_INVITATION, None, participant, sender_name, reason=reason,
                               warnings=tuple(warnings))

        automatic = guards.automatic_reason(msg, sender or "")
        if automatic and not (_SENT_BY_SOFTWARE.match(automatic) and calendar.has_calendar(msg)):
            return refused("automatic", [])
        original = forwards.unwrap(msg, sent)
        hint = "\n".join((subject, original.subject, original.when, original.body))  # (the When line too)
        note = forwards.note(msg)  # the forwarder's own words
        event, warnings = calendar.find_event(msg, hint, sent, note=note)
        if automatic:  # calendar systems send invitations as automatic mail (RFC 3834 auto-generated)
            if event is None or event.method not in ("REQUEST", "CANCEL", "ADD"):
                return refused("automatic", [])
            warnings.append(f"automatic mail ({automatic}) read for its calendar's {event.method}")
        refusal = kinds.refusal(event, subject, original)
        if refusal:
            return refused(refusal, warnings)
        try:
            read = self._meeting(event, original, msg, sent)
        except (ValueError, OverflowError) as exc:  # impossible dates and the like in the input
            warnings.append(f"meeting not read: {exc}")
            read = None
        if read is None:
            return refused("no_meeting_time", warnings)
        meeting, sources, occurrence = read
        if event is None and meeting.end < (original.sent or sent) and subjects.mentions_minutes(note):
            return refused("referat", warnings)  # a held meeting's minutes sent on, its time quoted
        consultation = self.rules.screen("\n".join((meeting.title, event.description if event else "", original.body)))
        # after the agenda, the notes of those who forwarded it ("this touches the proposed law change")
        matched = {reason.rule for reason in consultation}
        consultation += tuple(r for r in self.rules.screen(mime.body_text(msg)) if r.rule not in matched)
        return ParseResult(
            kind=kinds.kind(event, subject, original.subject, mime.body_text(msg)),
            meeting=meeting,
            language=language.of_own_words(note),
            consultation=consultation,
            warnings=tuple(warnings),
            participant=participant,
            participant_name=sender_name,
            occurrence=occurrence,
            sources=sources,
        )

    def _staff(self, address: str) -> bool:
        return is_staff_address(address, self.staff_domains) and not robot_address(address)

    def _meeting(self, event: CalendarEvent | None, original: Original, msg: Message,
                 sent: datetime) -> tuple[Meeting, Sources, datetime | None] | None:
        """The meeting, where its fields were read, and the occurrence of a series it concerns
        (aware UTC; a floating RECURRENCE-ID read in the zone the floating start was put in)."""
        title = subjects.clean(event.summary if event and event.summary else original.subject) or NO_TITLE
        span: when.Span | None = None
        near: int | None = None
        time_source = CALENDAR
        if event is None:
            reference = (original.sent or sent).date()
            span = when.find_span(original.when, reference) if original.when else None
            time_source = HEADER
            if span is None:
                span, time_source = when.find_span(original.body, reference), TEXT
                near = span.line if span else None
            if span is None:
                return None
        location_source = (CALENDAR if event and event.location else HEADER if original.where
                           else TEXT)
        location = (event.location if event else "") or original.where or venue.venue_in(original.body, near)
        if not location and venue.UNCHANGED.search(original.body):  # "the venue remains unchanged"
            location = venue.venue_before(mime.body_text(msg).split(original.body.strip()[:200])[-1])
        location = location.split("\n")[0].strip() if location else None
        links = online.join_links(_all_text(msg)) + list(event.links if event else ())
        if not location and links:  # an online meeting's venue is its join block ("Microsoft Teams meeting")
            location = online.heading(original.body)
        is_online = bool(links) or online.names_platform(location or "")
        place = places.find(re.sub(r"\([^)]*\)", " ", location or ""))
        if place is None and not is_online:  # "Working Party – Vilnius, 4–5 March 2027"
            place = places.find(_without_dates(title)) or places.find(_without_dates(original.subject))
        start, end, written = self._times(event, span, original, place)
        venue_zone = place.zone if place else (None if is_online or written in _NO_VENUE_ZONES else written)
        organizer = event.organizer if event else original.sender
        end_known = (event.end_known if event else span is not None and (span.all_day or span.end != span.start))
        sources = Sources(
            title=CALENDAR if event and event.summary else SUBJECT, time=time_source,
            end=time_source if end_known else None,
            timezone=PLACE if place else (None if venue_zone is None else time_source),
            location=location_source if location else None,
            organizer=(CALENDAR if event else HEADER) if organizer else None,
            alternatives=span.alternatives if span else ())
        return Meeting(
            title=title, start=_aware(start, venue_zone), end=_aware(end, venue_zone), timezone=venue_zone,
            all_day=not isinstance(start, datetime), location=location or None,
            online=is_online, organizer=organizer,
            forum=self.fora.match(title=title, organizer=organizer or original.sender,
                                  organizer_name=original.sender_name, text=original.body),
            ical_uid=event.uid if event else None, sequence=event.sequence if event else None,
            recurrence=event.rrule if event else None,
            exceptions=tuple(Occurrence(moment) for moment in event.exdates) if event and event.rrule else (),
        ), sources, _floating_at(event.occurrence, start) if event else None

    def _times(self, event: CalendarEvent | None, span: when.Span | None, original: Original,
               place: Place | None) -> tuple[date, date, str | None]:
        """(start, end, zone the times were written in): aware datetimes, or, all day, dates with
        an exclusive end. A series keeps its first occurrence (DTSTART). Raises ValueError for an
        event that starts at a time and ends on a day."""
        fallback = place.zone if place else self.default_zone
        if event is not None:
            start, end = event.start, event.end
            if not isinstance(start, datetime):
                return start, max(end, start + timedelta(days=1)), event.zone
            if not isinstance(end, datetime):
                raise ValueError(f"the event starts at a time ({start}) and ends on a day ({end})")
            if event.floating:
                zone = ZoneInfo(zones.text_zone(original.body) or fallback)
                start, end = start.replace(tzinfo=zone), end.replace(tzinfo=zone)
            return start, end, event.zone
        if span is None:  # (_meeting reads no meeting without a calendar part or a span)
            raise ValueError("no meeting time")
        if not isinstance(span.start, datetime) or not isinstance(span.end, datetime):
            return span.start, span.end + timedelta(days=1), span.zone
        written = span.zone
        if written and place:
            written = zones.venue_or_written(written, place.zone, span.start.year)
        zone = ZoneInfo(written or fallback)
        return span.start.replace(tzinfo=zone), span.end.replace(tzinfo=zone), written


def _floating_at(moment: datetime | None, start: date) -> datetime | None:
    """``moment`` (aware, or naive floating time) as an aware UTC instant, floating time read in
    the zone of ``start`` (where the floating start was put; UTC for a day)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    zone = start.tzinfo if isinstance(start, datetime) and start.tzinfo else UTC
    return moment.replace(tzinfo=zone).astimezone(UTC)


def _aware(moment: date, zone: str | None) -> datetime:
    """``moment`` itself when it is an (aware) datetime; a day's midnight in ``zone`` (Oslo when
    None)."""
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, time(), ZoneInfo(zone) if zone else OSLO)


def _without_dates(text: str) -> str:
    """``text`` with its dates blanked out, so that "17 March" is not read as the town of March."""
    for mention in reversed(textdates.dates_in(text, date(2000, 1, 1))):  # only where, not which year
        text = text[:mention.start] + " " + text[mention.end:]
    return text


def is_message(raw: bytes) -> bool:
    """True when ``raw`` is something :meth:`Parser.parse` reads: an RFC 5322 message (at least
    one header field) or a bare iCalendar file (RFC 5545, or a bare VEVENT). Random bytes, an empty file or a text
    file such as a README are neither."""
    return _is_calendar(raw) or bool(mime.load(raw).keys())


def _is_calendar(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith((b"BEGIN:VCALENDAR", b"BEGIN:VEVENT"))


def _as_message(raw: bytes) -> bytes:
    """``raw`` itself, or a bare .ics file (RFC 5545) wrapped as a message with one calendar part
    (a bare VEVENT, as some programs export one, inside a VCALENDAR)."""
    if not _is_calendar(raw):
        return raw
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VEVENT"):
        raw = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + raw.strip() + b"\r\nEND:VCALENDAR\r\n"
    message = EmailMessage(policy=SMTP)
    message.set_content(raw, maintype="text", subtype="calendar")
    return message.as_bytes()


def _all_text(msg: Message) -> str:
    """Every text part of the message and its attached messages, HTML as source (for links)."""
    texts = []
    for part in msg.walk():
        if part.get_content_maintype() == "text" and not part.is_multipart():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                texts.append(mime.decode_bytes(payload, part.get_content_charset()))
    return "\n".join(texts)
