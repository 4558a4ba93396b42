"""The records mailbot keeps: meetings, participations, their events and outgoing mail.

All datetimes are aware and in UTC; a meeting also carries the IANA zone of its venue
(:mod:`mailbot.records.codec` turns them into JSON and back).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


@dataclass(frozen=True)
class Reason:
    """One consultation rule that matched an agenda (IM 2011-013 §3.2): the rule's id and the
    words that matched it."""

    rule: str
    excerpt: str


class Kind(StrEnum):
    """What a forwarded message is (corpus schema ``kind``)."""

    INVITATION = "invitation"
    UPDATE = "update"
    CANCELLATION = "cancellation"
    NOT_INVITATION = "not_invitation"


class State(StrEnum):
    """Where a participation record stands (IM 2011-013 §4.1: the referat duty)."""

    REGISTERED = "registered"
    AWAITING_REFERAT = "awaiting_referat"
    REFERAT_RECEIVED = "referat_received"
    EXEMPTED = "exempted"
    CANCELLED = "cancelled"


class Folder(StrEnum):
    """Where a handled inbound message is moved. Nothing is ever deleted."""

    PROCESSED = "processed"
    NEEDS_ATTENTION = "needs-attention"
    FAILED = "failed"


class Outcome(StrEnum):
    """What handling an inbound message led to."""

    REGISTERED = "registered"
    UPDATED = "updated"
    CANCELLED = "cancelled"
    DUPLICATE = "duplicate"
    STALE = "stale"
    NOT_INVITATION = "not_invitation"
    NOT_UNDERSTOOD = "not_understood"
    AUTOMATIC = "automatic"
    OWN = "own"
    REJECTED = "rejected"
    FAILED = "failed"
    REFERAT = "referat"
    FOLLOW_UP = "follow_up"
    REPLY = "reply"
    PAUSED = "paused"
    BOUNCE = "bounce"
    COMMAND = "command"
    REFUSED = "refused"
    LIMITED = "limited"


class MailStatus(StrEnum):
    """Delivery state of an outgoing mail.

    ``sending``: handed to the transport at a point after which it may have been accepted (the
    SMTP message data was being sent) and no answer was recorded; see :mod:`mailbot.daemon`.
    """

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


def utc(moment: datetime) -> datetime:
    """Return ``moment`` in UTC; raises ValueError for a naive datetime."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime not allowed: {moment!r}")
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a series that differs from its rule (RFC 5545 §3.8.4.4 RECURRENCE-ID,
    §3.8.5.1 EXDATE): ``original`` is the start the rule gives it; ``start``/``end`` are its new
    times when it was moved, both None when it was cancelled. All aware UTC."""

    original: datetime
    start: datetime | None = None
    end: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("original", "start", "end"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, utc(getattr(self, name)))

    @property
    def cancelled(self) -> bool:
        """True when the occurrence does not take place."""
        return self.start is None


@dataclass(frozen=True)
class Meeting:
    """A meeting as mailbot understood it.

    ``start``/``end`` are aware UTC datetimes; for an all-day meeting they are midnight at the
    venue (Europe/Oslo when the zone is unknown) and ``end`` is exclusive, as in iCalendar; a
    timed meeting whose end is not known ends when it starts (shown and exported without an end).
    ``timezone`` is the IANA zone of the venue, None for an online-only meeting. ``forum`` is a
    code of ``config/fora.toml``. ``ical_uid``, ``sequence`` and ``recurrence`` (an RRULE value)
    come from the calendar part (RFC 5545), None without one. ``exceptions`` are the series'
    occurrences that were cancelled (EXDATE, or a CANCEL of one occurrence) or moved.
    """

    title: str
    start: datetime
    end: datetime
    timezone: str | None = None
    all_day: bool = False
    location: str | None = None
    online: bool = False
    organizer: str | None = None
    forum: str = "OTHER"
    ical_uid: str | None = None
    sequence: int | None = None
    recurrence: str | None = None
    exceptions: tuple[Occurrence, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", utc(self.start))
        object.__setattr__(self, "end", utc(self.end))

    @property
    def zone(self) -> ZoneInfo:
        """The venue's zone, or Oslo for an online meeting."""
        return ZoneInfo(self.timezone) if self.timezone else OSLO


@dataclass(frozen=True)
class Event:
    """One entry of a record's history: something received or sent, or a change of state."""

    at: datetime
    type: str
    message_id: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class Referat:
    """What was received as the referat (IM 2011-013 §4.1).

    ``attachments`` are the file names of the documents that came with it; ``follow_up`` the
    follow-up points found in its body or documents (empty when none stand out).
    """

    message_id: str
    received_at: datetime
    sender: str
    attachments: tuple[str, ...] = ()
    follow_up: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    """One follow-up point of a referat, as an item to be done (IM 2011-013 §4.1).

    ``number`` counts from 1 within the record (the n of ``UTFØRT <ref> <n>``); ``responsible``
    is who the referat names for it (a name or an address, empty when none is named); ``due``
    the date it names (a calendar date, Oslo); ``done_at`` (UTC) and ``done_by`` (an address)
    are set when unit staff close it.
    """

    number: int
    text: str
    responsible: str = ""
    due: date | None = None
    done_at: datetime | None = None
    done_by: str = ""

    @property
    def open(self) -> bool:
        """True until the point is closed."""
        return self.done_at is None


@dataclass(frozen=True)
class Participation:
    """One UDI participant at one meeting (or one series): the participation record.

    ``consultation`` holds the reasons the agenda calls for consulting the ministry (§3.2);
    ``events`` is the history: what was received and sent, when, with Message-IDs.
    The chase for the referat (§4.1): ``chase_step`` is the index of the next step of the
    cadence (0 = the request), ``due_at`` when it is due (UTC; None when nothing is due), and
    ``paused_until`` (UTC) holds it back while the participant is away. ``referat`` is what
    was received. ``department`` is the participant's department code, written when the record
    is pseudonymised (the directory no longer finds a pseudonym); empty before.
    ``follow_ups`` are the referat's follow-up points as items to be done (§4.1).
    """

    ref: str
    state: State
    meeting: Meeting
    participant: str
    participant_name: str = ""
    language: str = "nb"
    consultation: tuple[Reason, ...] = ()
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    events: tuple[Event, ...] = ()
    chase_step: int = 0
    due_at: datetime | None = None
    paused_until: datetime | None = None
    referat: Referat | None = None
    department: str = ""
    follow_ups: tuple[FollowUp, ...] = ()

    @property
    def open(self) -> bool:
        """True while the referat is still awaited (registered or awaiting referat)."""
        return self.state in (State.REGISTERED, State.AWAITING_REFERAT)

    @property
    def next_due(self) -> datetime | None:
        """When the next chase step may go out: ``due_at``, held back by a pause (UTC)."""
        if not self.open or self.due_at is None:
            return None
        return max(self.due_at, self.paused_until) if self.paused_until else self.due_at

    @property
    def ministry_consultation(self) -> bool:
        """True when §3.2 asks for the ministry to be consulted before the meeting."""
        return bool(self.consultation)

    def with_event(self, event: Event, **changes) -> Participation:
        """Return a copy with ``event`` appended to the history and ``changes`` applied."""
        return dataclasses.replace(self, events=(*self.events, event), **changes)


@dataclass(frozen=True)
class Handled:
    """How an inbound message was handled, kept so that it is handled once.

    ``key`` is its Message-ID (or ``sha256:`` of its bytes when it has none); ``sha256`` is the
    hash of its bytes, which finds it again when a server hands it back under a new UID.
    """

    key: str
    sha256: str
    at: datetime
    outcome: Outcome
    folder: Folder
    ref: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class OutgoingMail:
    """A mail mailbot sends, stored before it is sent (``raw`` is the whole RFC 5322 message).

    ``message_id`` is deterministic, so the same cause never yields two different mails.
    ``sending_since`` is when it was last handed over to the transport (status ``sending``).
    """

    message_id: str
    purpose: str
    recipients: tuple[str, ...]
    raw: str
    created_at: datetime
    ref: str | None = None
    status: MailStatus = MailStatus.QUEUED
    attempts: int = 0
    sent_at: datetime | None = None
    last_error: str = ""
    not_before: datetime | None = None
    sending_since: datetime | None = None


@dataclass(frozen=True)
class Handling:
    """What handling one inbound message led to: the folder it goes to, the outcome, the record
    it concerned, the mail it queued and a detail for the handled log.

    The inbound handlers return one; :class:`mailbot.inbound.pipeline.Pipeline` stores it and
    returns it with ``key`` (the message's key in the handled log: its Message-ID, else
    ``sha256:...``) set and ``mails`` reduced to the mail newly queued. ``repeated``: the
    message was handled before and nothing new was done.
    """

    folder: Folder
    outcome: Outcome
    ref: str | None = None
    mails: tuple[OutgoingMail, ...] = ()
    detail: str = ""
    key: str = ""
    repeated: bool = False

    @property
    def queued(self) -> tuple[str, ...]:
        """The Message-IDs of the mail queued for this message."""
        return tuple(m.message_id for m in self.mails)
