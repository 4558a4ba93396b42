"""When the referat is asked for, reminded of and escalated (IM 2011-013 §4.1), pure.

The steps of the chase, counted in Norwegian business days (:mod:`mailbot.followup.businessdays`):
the request on the ``request_after``-th business day after the last day of the meeting, then a
reminder after each of ``reminders`` business days and the escalation to the international unit
after ``escalate_after`` business days, both counted from the day of the request. Every step is
due at office opening (Oslo time) of its day.

A step that goes out late (the daemon was down, the participant was away) pushes the steps
after it: each keeps at least its distance in business days from the one before, so a
participant is never sent two steps on one day and never escalated without the reminders.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from mailbot.followup.businessdays import Calendar, oslo_day
from mailbot.model import Meeting, Participation, State

REQUEST, ESCALATION = "request", "escalation"


@dataclass(frozen=True)
class Cadence:
    """The chase's steps and their distances in business days (defaults: 1; 5, 10; 15)."""

    calendar: Calendar
    request_after: int = 1
    reminders: tuple[int, ...] = (5, 10)
    escalate_after: int = 15

    @property
    def steps(self) -> tuple[tuple[str, int], ...]:
        """``(name, business days after the request)`` of each step, in order, e.g.
        (("request", 0), ("reminder-1", 5), ("reminder-2", 10), ("escalation", 15))."""
        steps = [(REQUEST, 0)] + [(f"reminder-{n}", days) for n, days in enumerate(self.reminders, 1)]
        if self.escalate_after:
            steps.append((ESCALATION, self.escalate_after))
        return tuple(steps)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the steps, in order."""
        return tuple(name for name, _ in self.steps)

    def name(self, step: int) -> str | None:
        """The name of step number ``step``, None past the last."""
        return self.steps[step][0] if 0 <= step < len(self.steps) else None

    def planned(self, meeting: Meeting, step: int) -> datetime | None:
        """When step number ``step`` is due for ``meeting`` if nothing delays it (UTC)."""
        return self._planned(meeting, self.steps[step][1]) if 0 <= step < len(self.steps) else None

    def _planned(self, meeting: Meeting, days: int) -> datetime:
        """Office opening (UTC) ``days`` business days after the request for ``meeting``."""
        last_day = oslo_day(meeting.end - timedelta(seconds=1))  # an all-day end is exclusive
        request = self.calendar.add_business_days(last_day, self.request_after)
        return self.calendar.opening(self.calendar.add_business_days(request, days))

    def deadline(self, meeting: Meeting) -> datetime:
        """When the referat is due (UTC): office opening on the day of the first step after the
        request (the first reminder, else the escalation), as planned from the meeting's end;
        the request itself when the cadence has no later step. With the defaults: six business
        days after the meeting's last day, 08:00 Oslo time. A referat in before it is on time."""
        steps = self.steps  # the request always, then the reminders and the escalation
        return self._planned(meeting, steps[1 if len(steps) > 1 else 0][1])

    def after(self, meeting: Meeting, step: int, performed_at: datetime) -> datetime | None:
        """When the step following ``step`` is due, given ``step`` went out at ``performed_at``:
        its planned time, or later to keep its distance from the step just done. None when
        ``step`` was the last."""
        planned = self.planned(meeting, step + 1)
        if planned is None:
            return None
        gap = self.steps[step + 1][1] - self.steps[step][1]
        kept = self.calendar.opening(self.calendar.add_business_days(oslo_day(performed_at), gap))
        return max(planned, kept)


def steps_sent(record: Participation, cadence: Cadence) -> list[tuple[str, datetime]]:
    """The steps of the record's current chase that went out, as (name, when in UTC), in order;
    a reschedule or a reassignment starts a new chase."""
    sent: list[tuple[str, datetime]] = []
    for e in record.events:
        if e.type in ("rescheduled", "reassigned"):
            sent = []
        elif e.type in cadence.names:
            sent.append((e.type, e.at))
    return sent


def next_action(record: Participation, cadence: Cadence) -> tuple[str, datetime | None]:
    """What the chase does next for ``record`` and when (UTC): ("request", ...), ("reminder-1",
    ...), ("escalation", ...); ("", None) when nothing is left to do. A paused chase gives the
    end of the pause as the time."""
    if not record.open:
        return "", None
    step = 0 if record.state is State.REGISTERED else record.chase_step
    name = cadence.name(step)
    if name is None:
        return "", None
    due = record.next_due or cadence.planned(record.meeting, step)
    return name, due
