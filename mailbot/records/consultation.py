"""Consulting the ministry before a meeting (IM 2011-013 §3.2), pure: no clock, no I/O.

§3.2: where UDI attends a meeting *alone* and the agenda may lead to law changes in Norway, has
budget consequences or is politically sensitive, the ministry (JD) is consulted before the
meeting. The screening (:mod:`mailbot.parsing.screening`) flags such agendas (the record's
``consultation`` reasons); the participant or the unit's advisers answer by email command, and
each answer is an :class:`~mailbot.model.Event` on the record whose ``detail`` is
``"<who said it>: <note or reason>"`` (the note may be empty):

- ``consultation-alone`` (ALENE / ALONE): UDI attends alone;
- ``consultation-not-alone`` (IKKE-ALENE / NOT-ALONE): others from Norway attend too;
- ``consultation-consulted`` (KONSULTERT / CONSULTED): the ministry was consulted;
- ``consultation-not-needed`` (IKKE-NØDVENDIG / NOT-NEEDED): consulting is not needed, and why.

:func:`status` reads them; ``consultation-reminder`` marks the one reminder sent before the meeting.
"""
from __future__ import annotations

from datetime import datetime

from mailbot.model import Event, Participation

ALONE = "consultation-alone"
NOT_ALONE = "consultation-not-alone"
CONSULTED = "consultation-consulted"
NOT_NEEDED = "consultation-not-needed"
REMINDER = "consultation-reminder"
ANSWERS = (ALONE, NOT_ALONE, CONSULTED, NOT_NEEDED)

NOT_ASKED, AWAITED = "not-asked", "awaited"
STATUSES = (NOT_ASKED, AWAITED, "consulted", "not-needed")


def status(record: Participation) -> str:
    """Where the consultation of ``record`` stands, one of :data:`STATUSES`:

    - "consulted" / "not-needed": the latest of the CONSULTED and NOT-NEEDED answers;
    - "awaited": none of those, and the screening flagged the agenda or the latest word on
      attending alone is ALONE;
    - "not-asked": none of those, not flagged, and nobody said UDI attends alone (also when
      nothing was answered at all).
    """
    settled = last(record, CONSULTED, NOT_NEEDED)
    if settled is not None:
        return "consulted" if settled.type == CONSULTED else "not-needed"
    said = last(record, ALONE, NOT_ALONE)
    if record.consultation or (said is not None and said.type == ALONE):
        return AWAITED
    return NOT_ASKED


def last(record: Participation, *types: str) -> Event | None:
    """The latest event of ``record`` of one of ``types``, None when there is none."""
    return next((e for e in reversed(record.events) if e.type in types), None)


def alone(record: Participation) -> bool | None:
    """What was last said about UDI attending alone: True, False, or None when nobody said."""
    said = last(record, ALONE, NOT_ALONE)
    return None if said is None else said.type == ALONE


def event(at: datetime, type: str, message_id: str | None = None, detail: str = "") -> Event:
    """A consultation event (one of :data:`ANSWERS`, or :data:`REMINDER`) at ``at`` (aware)."""
    return Event(at=at, type=type, message_id=message_id, detail=detail)


def answer(record: Participation, type: str, who: str, note: str, now: datetime,
           message_id: str | None) -> Participation:
    """``record`` with the answer ``type`` (one of :data:`ANSWERS`) given by ``who`` (an address)
    at ``now`` (aware), with its note or reason; raises ValueError for another type."""
    if type not in ANSWERS:
        raise ValueError(f"not a consultation answer: {type}")
    detail = f"{who}: {note}" if note else who
    return record.with_event(Event(at=now, type=type, message_id=message_id, detail=detail))
