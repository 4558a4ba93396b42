"""The weekly summary's numbers for the international unit (IM 2011-013 §1, §2.3), pure.

:func:`build` turns the records, the outgoing-mail receipts and a moment into a
:class:`Summary`; rendering and sending live elsewhere (:mod:`mailbot.reports.weekly`). Definitions:

- *the past week*: the seven days before ``now``; *upcoming*: the next ``upcoming_days`` days.
- *deadline* of a referat (§4.1): :meth:`~mailbot.followup.cadence.Cadence.deadline`, office opening
  on the day of the chase's first reminder, planned from the meeting's end (defaults: six
  business days after the meeting). An open record past its deadline is *overdue*, by the
  business days from the deadline's day to today, both counted.
- *compliance* of an ISO week (Oslo time): of the records not cancelled whose deadline fell
  in that week, the share whose referat was received, or exemption granted, before the deadline.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mailbot.followup.businessdays import oslo_day
from mailbot.followup.cadence import ESCALATION, Cadence, next_action, steps_sent
from mailbot.model import MailStatus, OutgoingMail, Participation, State, utc
from mailbot.parsing.fora import LEVELS, Fora
from mailbot.parsing.screening import Rules
from mailbot.records import consultation as consulting
from mailbot.records.directory import Directory
from mailbot.reports import points


@dataclass(frozen=True)
class Lookups:
    """What the summary looks things up in: the chase's cadence (deadlines), the forum registry
    (levels), the department directory and the consultation rules (labels of §3.2 reasons)."""

    cadence: Cadence
    fora: Fora
    directory: Directory
    rules: Rules


@dataclass(frozen=True)
class Line:
    """One participation record as the summary shows it; datetimes aware, UTC.

    ``department`` is the directory's code ("" when unknown); ``reasons`` the labels of the
    §3.2 consultation reasons; ``checklist`` the state of the checklist reply ("sent",
    "queued", "failed" or "none"); ``days_overdue`` business days (0 when not overdue);
    ``reminders``/``escalated`` the current chase; ``closed_at`` when the referat came in or
    the exemption was granted, and ``on_time`` whether that was before ``deadline``;
    ``consultation`` where consulting the ministry stands (§3.2), one of
    :data:`mailbot.records.consultation.STATUSES`, and ``consultation_note`` who settled it
    and why ("address: note"; "" while nothing is settled).
    """

    ref: str
    state: str
    title: str
    forum: str
    level: str
    start: datetime
    end: datetime
    all_day: bool
    timezone: str
    location: str
    participant: str
    participant_name: str
    department: str
    reasons: tuple[str, ...]
    registered_at: datetime
    checklist: str
    deadline: datetime
    days_overdue: int
    reminders: int
    escalated: bool
    paused_until: datetime | None
    next_action: str
    next_action_at: datetime | None
    closed_at: datetime | None
    on_time: bool | None
    follow_up: int
    exemption: str
    consultation: str = consulting.NOT_ASKED
    consultation_note: str = ""


@dataclass(frozen=True)
class WeekRate:
    """Referat compliance of one ISO week: ``due`` deadlines in it, ``on_time`` met."""

    week: str
    monday: date
    due: int
    on_time: int

    @property
    def rate(self) -> float | None:
        """``on_time / due``, None for a week with nothing due."""
        return self.on_time / self.due if self.due else None


@dataclass(frozen=True)
class Summary:
    """The weekly summary, sections most urgent first. ``week`` is ISO 8601 (``2027-W05``),
    counts are ``(key, n)`` pairs, largest first; ``trend`` the complete ISO weeks before
    ``now``, oldest first; ``open`` every open record (for the attachments); ``follow_ups`` the
    referats' open follow-up points per forum (:func:`mailbot.reports.points.by_forum`, §4.1).
    Upcoming meetings by consultation with the ministry (§3.2): ``consultation`` awaited (INE
    acts on these first), ``consulted``, ``not_needed``."""

    now: datetime
    week: str
    since: datetime
    until: datetime
    consultation: tuple[Line, ...]
    overdue: tuple[Line, ...]
    upcoming: tuple[Line, ...]
    closed: tuple[Line, ...]
    new: tuple[Line, ...]
    open: tuple[Line, ...]
    year: int
    by_forum: tuple[tuple[str, int], ...]
    by_department: tuple[tuple[str, int], ...]
    by_level: tuple[tuple[str, int], ...]
    trend: tuple[WeekRate, ...]
    consulted: tuple[Line, ...] = ()
    not_needed: tuple[Line, ...] = ()
    follow_ups: tuple[tuple[str, tuple[points.OpenPoint, ...]], ...] = ()

    @property
    def open_points(self) -> int:
        """How many follow-up points are open, all fora together."""
        return sum(len(found) for _, found in self.follow_ups)

    @property
    def compliance(self) -> WeekRate:
        """The trend's weeks taken together."""
        first = self.trend[0] if self.trend else WeekRate(self.week, oslo_day(self.now), 0, 0)
        return WeekRate(first.week, first.monday, sum(w.due for w in self.trend), sum(w.on_time for w in self.trend))

    @property
    def escalated(self) -> tuple[Line, ...]:
        """Overdue referats already escalated to the unit: INE decides what happens next."""
        return tuple(line for line in self.overdue if line.escalated)

    @property
    def unsent_checklists(self) -> tuple[Line, ...]:
        """Upcoming meetings whose participant has not been sent the checklist reply."""
        return tuple(line for line in self.upcoming if line.checklist != "sent")


def iso_week(moment: datetime | date) -> str:
    """The ISO 8601 week of ``moment`` (aware; in Oslo time) or of a day, e.g. ``2027-W05``."""
    day = oslo_day(moment) if isinstance(moment, datetime) else moment
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def build(records: list[Participation], mails: list[OutgoingMail], now: datetime, lookups: Lookups,
          language: str = "nb", upcoming_days: int = 14, trend_weeks: int = 8) -> Summary:
    """The summary at ``now`` (aware) of ``records``, with the checklist replies found in
    ``mails`` (receipts carry ``ref``, ``purpose`` and ``status``); reasons are labelled in
    ``language`` ('nb' or 'en'). Raises ValueError for a naive ``now``."""
    now = utc(now)
    checklists = _checklists(mails)
    lines = [line(r, now, lookups, checklists.get(r.ref, "none"), language) for r in records]
    live = [x for x in lines if x.state != State.CANCELLED]
    since, until = now - timedelta(days=7), now + timedelta(days=upcoming_days)
    year = oslo_day(now).year
    this_year = [x for x in live if oslo_day(x.start).year == year]
    ahead = [x for x in live if x.start > now]
    return Summary(
        now=now, week=iso_week(now), since=since, until=until,
        consultation=_sorted([x for x in ahead if x.consultation == consulting.AWAITED], "start"),
        consulted=_sorted([x for x in ahead if x.consultation == "consulted"], "start"),
        not_needed=_sorted([x for x in ahead if x.consultation == "not-needed"], "start"),
        overdue=_sorted([x for x in lines if x.days_overdue], "deadline"),
        upcoming=_sorted([x for x in live if now <= x.start < until], "start"),
        closed=_sorted([x for x in lines if x.closed_at and since <= x.closed_at < now], "closed_at"),
        new=_sorted([x for x in lines if since <= x.registered_at < now], "ref"),
        open=_sorted([x for x in lines if x.state in (State.REGISTERED, State.AWAITING_REFERAT)], "start"),
        year=year,
        by_forum=_counts(x.forum for x in this_year),
        by_department=_counts(x.department for x in this_year),
        by_level=tuple((level, sum(x.level == level for x in this_year)) for level in LEVELS),
        trend=trend(lines, now, trend_weeks),
        follow_ups=points.by_forum(records, now),
    )


def line(record: Participation, now: datetime, lookups: Lookups, checklist: str = "none",
         language: str = "nb") -> Line:
    """``record`` as the summary shows it at ``now``."""
    meeting, cadence = record.meeting, lookups.cadence
    deadline = cadence.deadline(meeting)
    overdue = 0
    if record.open and deadline <= now:
        overdue = cadence.calendar.count_business_days(oslo_day(deadline), oslo_day(now))
    sent = [name for name, _ in steps_sent(record, cadence)]
    closed_at = _closed_at(record)
    action, action_at = next_action(record, cadence)
    return Line(
        ref=record.ref, state=record.state.value, title=meeting.title, forum=meeting.forum,
        level=lookups.fora.get(meeting.forum).level, start=meeting.start, end=meeting.end,
        all_day=meeting.all_day, timezone=meeting.timezone or "", location=meeting.location or "",
        participant=record.participant, participant_name=record.participant_name,
        department=department_code(record, lookups.directory),
        reasons=tuple(dict.fromkeys(lookups.rules.label(r.rule, language) for r in record.consultation)),
        registered_at=record.created_at, checklist=checklist, deadline=deadline, days_overdue=overdue,
        reminders=sum(name.startswith("reminder-") for name in sent), escalated=ESCALATION in sent,
        paused_until=record.paused_until if record.open else None, next_action=action, next_action_at=action_at,
        closed_at=closed_at, on_time=None if closed_at is None else closed_at < deadline,
        follow_up=len(record.referat.follow_up) if record.referat else 0,
        exemption=_exemption(record), consultation=consulting.status(record),
        consultation_note=_settled(record),
    )


def department_code(record: Participation, directory: Directory) -> str:
    """The department of ``record``'s participant: the code written on the record when it was
    pseudonymised, else the directory's; "" when unknown."""
    if record.department:
        return record.department
    department = directory.department_of(record.participant)
    return department.code if department else ""


def trend(lines: list[Line], now: datetime, weeks: int) -> tuple[WeekRate, ...]:
    """Compliance of each of the ``weeks`` complete ISO weeks before the week of ``now``."""
    this_monday = oslo_day(now) - timedelta(days=oslo_day(now).weekday())
    mondays = [this_monday - timedelta(weeks=n) for n in range(weeks, 0, -1)]
    rates = []
    for monday in mondays:
        due = [x for x in lines if x.state != State.CANCELLED
               and monday <= oslo_day(x.deadline) < monday + timedelta(days=7)]
        rates.append(WeekRate(iso_week(monday), monday, len(due), sum(bool(x.on_time) for x in due)))
    return tuple(rates)


def _closed_at(record: Participation) -> datetime | None:
    """When the referat came in or the exemption was granted (§4.1); None while open."""
    if record.state is State.REFERAT_RECEIVED:
        return record.referat.received_at if record.referat else _last_event(record, "referat-received")
    if record.state is State.EXEMPTED:
        return _last_event(record, State.EXEMPTED.value)
    return None


def _last_event(record: Participation, kind: str) -> datetime | None:
    return next((e.at for e in reversed(record.events) if e.type == kind), None)


def _exemption(record: Participation) -> str:
    """The reason given for the exemption (§4.1: it is kept), "" for a record not exempted."""
    if record.state is not State.EXEMPTED:
        return ""
    detail = next((e.detail for e in reversed(record.events) if e.type == State.EXEMPTED.value), "")
    return detail.rsplit(" (", 1)[0] if detail.endswith(")") else detail


def _settled(record: Participation) -> str:
    """Who settled the consultation (§3.2) and why: the detail of the last CONSULTED or
    NOT-NEEDED answer, "" when there is none."""
    event = consulting.last(record, consulting.CONSULTED, consulting.NOT_NEEDED)
    return event.detail if event else ""


def _checklists(mails: list[OutgoingMail]) -> dict[str, str]:
    """Per record: "sent" when a checklist reply went out, else "queued", "failed" (best first)."""
    rank = {MailStatus.SENT: 3, MailStatus.QUEUED: 2, MailStatus.FAILED: 1}
    best: dict[str, MailStatus] = {}
    for mail in mails:
        if mail.ref and mail.purpose.startswith("reply-") and (
                mail.ref not in best or rank[mail.status] > rank[best[mail.ref]]):
            best[mail.ref] = mail.status
    return {ref: status.value for ref, status in best.items()}


def _sorted(lines: list[Line], key: str) -> tuple[Line, ...]:
    return tuple(sorted(lines, key=lambda x: (getattr(x, key), x.ref)))


def _counts(keys: Iterable[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(Counter(keys).items(), key=lambda item: (-item[1], item[0])))
