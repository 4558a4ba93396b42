"""The participation record's state machine (IM 2011-013 §4.1), pure: no clock, no I/O.

registered -> awaiting_referat (the meeting has ended) -> referat_received | exempted;
registered or awaiting_referat -> cancelled; a cancelled record comes back to registered when a
newer invitation for the meeting arrives, and an awaiting record when its meeting is moved to a
later time. Everything else is an illegal transition and raises
:class:`~mailbot.errors.TransitionError`. Every change is an event in the record's history:
the chase's steps (request, reminders, escalation), pauses, corrections, reassignments.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime

from mailbot.errors import TransitionError
from mailbot.followup.cadence import Cadence
from mailbot.model import Event, Meeting, Participation, Referat, State

ALLOWED: dict[State, frozenset[State]] = {
    State.REGISTERED: frozenset({State.AWAITING_REFERAT, State.REFERAT_RECEIVED, State.EXEMPTED, State.CANCELLED}),
    State.AWAITING_REFERAT: frozenset({State.REFERAT_RECEIVED, State.EXEMPTED, State.CANCELLED, State.REGISTERED}),
    State.CANCELLED: frozenset({State.REGISTERED}),
    State.REFERAT_RECEIVED: frozenset(),
    State.EXEMPTED: frozenset({State.REGISTERED}),  # reopened by the unit (REOPEN), an exemption undone
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


def plan(record: Participation, cadence: Cadence, now: datetime) -> Participation:
    """Set when the chase's next step is due, from the record's meeting (at registration and
    whenever the meeting changes: a moved meeting moves every due date).

    A closed record has nothing due. An awaiting record whose meeting now ends after ``now`` goes
    back to registered; a registered record's chase starts from the request.
    """
    if not record.open:
        return dataclasses.replace(record, due_at=None)
    if record.state is State.AWAITING_REFERAT and record.meeting.end > now:
        record = transition(record, State.REGISTERED, event(now, "rescheduled"))
    if record.state is State.REGISTERED:
        record = dataclasses.replace(record, chase_step=0)
    return dataclasses.replace(record, due_at=cadence.planned(record.meeting, record.chase_step))


def meeting_ended(record: Participation, now: datetime) -> Participation:
    """registered -> awaiting_referat; raises TransitionError from another state."""
    return transition(record, State.AWAITING_REFERAT, event(now, "meeting-ended"))


def step_done(record: Participation, cadence: Cadence, now: datetime, message_id: str) -> Participation:
    """Record that the chase's current step went out at ``now`` as ``message_id``, and plan the next."""
    name = cadence.name(record.chase_step)
    if name is None or not record.open:
        raise TransitionError(f"{record.ref}: no chase step is due in state {record.state}")
    step = record.chase_step
    return record.with_event(event(now, name, message_id), chase_step=step + 1,
                             due_at=cadence.after(record.meeting, step, now), paused_until=None)


def pause(record: Participation, until: datetime, now: datetime, message_id: str, detail: str) -> Participation:
    """Hold the chase back until ``until`` (UTC; the participant is away). A longer pause already
    in place is kept."""
    until = max(until, record.paused_until) if record.paused_until else until
    return record.with_event(event(now, "paused", message_id, detail), paused_until=until)


def receive_referat(record: Participation, referat: Referat, now: datetime) -> Participation:
    """The referat is in: -> referat_received, the chase stops."""
    detail = f"{len(referat.attachments)} attachment(s), {len(referat.follow_up)} follow-up point(s)"
    record = transition(record, State.REFERAT_RECEIVED, event(now, "referat-received", referat.message_id, detail))
    return dataclasses.replace(record, referat=referat, due_at=None, paused_until=None)


def close(record: Participation, to: State, now: datetime, message_id: str, detail: str) -> Participation:
    """Exempt (``to`` = exempted, §4.1: the reason is kept) or cancel a record; the chase stops."""
    record = transition(record, to, event(now, to.value, message_id, detail))
    return dataclasses.replace(record, due_at=None, paused_until=None)


def reassign(record: Participation, participant: str, cadence: Cadence, now: datetime, message_id: str,
             name: str = "") -> Participation:
    """Give an open record to another participant; their chase starts from the request.

    Raises TransitionError for a closed record.
    """
    if not record.open:
        raise TransitionError(f"{record.ref}: a {record.state} record cannot be reassigned")
    detail = f"{record.participant} -> {participant}"
    record = record.with_event(event(now, "reassigned", message_id, detail), participant=participant,
                               participant_name=name, chase_step=0, paused_until=None)
    return dataclasses.replace(record, due_at=cadence.planned(record.meeting, 0))
