"""The participation record's state machine (IM 2011-013 §4.1), pure: no clock, no I/O.

registered -> awaiting_referat (the meeting has ended) -> referat_received | exempted;
registered or awaiting_referat -> cancelled; a cancelled record comes back to registered when a
newer invitation for the meeting arrives. Everything else is an illegal transition and raises
:class:`~mailbot.errors.TransitionError`. Every change is an event in the record's history.
"""
from __future__ import annotations

from datetime import datetime

from mailbot.errors import TransitionError
from mailbot.model import Event, Meeting, Participation, State

ALLOWED: dict[State, frozenset[State]] = {
    State.REGISTERED: frozenset({State.AWAITING_REFERAT, State.REFERAT_RECEIVED, State.EXEMPTED, State.CANCELLED}),
    State.AWAITING_REFERAT: frozenset({State.REFERAT_RECEIVED, State.EXEMPTED, State.CANCELLED}),
    State.CANCELLED: frozenset({State.REGISTERED}),
    State.REFERAT_RECEIVED: frozenset(),
    State.EXEMPTED: frozenset(),
}

# Meeting fields whose change the participant is told about.
WATCHED = ("title", "start", "end", "location", "online", "timezone")


def transition(record: Participation, to: State, event: Event) -> Participation:
    """Move ``record`` to state ``to``, recording ``event``; raises TransitionError if not allowed."""
    if to not in ALLOWED[record.state]:
        raise TransitionError(f"{record.ref}: {record.state} -> {to} is not allowed ({event.type})")
    return record.with_event(event, state=to)


def change_meeting(record: Participation, meeting: Meeting, event: Event) -> tuple[Participation, list[str]]:
    """Replace the record's meeting (a newer SEQUENCE or a correction); returns the changed fields.

    A closed record (referat received, exempted) keeps its meeting: raises TransitionError.
    """
    if record.state in (State.REFERAT_RECEIVED, State.EXEMPTED):
        raise TransitionError(f"{record.ref}: the meeting of a {record.state} record cannot change")
    changed = [name for name in WATCHED if getattr(record.meeting, name) != getattr(meeting, name)]
    return record.with_event(event, meeting=meeting), changed


def is_newer(stored: Meeting, incoming: Meeting) -> bool | None:
    """Compare iCalendar SEQUENCE numbers (RFC 5546 §2.1.4): True newer, False older, None same."""
    old, new = stored.sequence or 0, incoming.sequence or 0
    return None if old == new else new > old


def event(at: datetime, type: str, message_id: str | None = None, detail: str = "") -> Event:
    """Shorthand for a history entry."""
    return Event(at=at, type=type, message_id=message_id, detail=detail)
