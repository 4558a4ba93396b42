"""The yearly overview's numbers for AUA's planning (IM 2011-013 §2.1, §1), pure.

:func:`build` turns the records, a year and a moment into an :class:`Overview`: every
participation whose meeting starts in that year (Oslo time), in every state, counted per forum
(with its level from the forum registry, §3.1), per department, per level and in total.
Mail and spreadsheet are in :mod:`mailbot.reports.yearly`. Definitions:

- *participations*: the records not cancelled; *cancelled* are counted apart and nowhere else.
- *department*: the code written on a pseudonymised record (:attr:`Participation.department`),
  else the directory's for the participant, as in the weekly summary; "" when unknown. A purge
  therefore leaves every count as it was.
- *referat* (§4.1), with the weekly summary's deadline (:func:`mailbot.reports.summary.line`):
  *on time* received before the deadline, *late* received after it, *exempted* exempted (before
  or after the meeting), *missing* still awaited with the deadline passed at ``now``, *pending*
  awaited and not yet due. The *on-time rate* is on time / (on time + late + missing).
- *consultation* with the ministry (§3.2), by :func:`consultation`: *consulted*, *not needed*,
  and *awaited* (flagged or said to be attended alone, neither recorded).
- *open points*: follow-up points of the referats (§4.1) not yet closed.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import datetime

from mailbot.followup.businessdays import oslo_day
from mailbot.model import Participation, State, utc
from mailbot.parsing.fora import LEVELS
from mailbot.records import consultation as consulting
from mailbot.reports.summary import Lookups, department_code, line

_CONSULTATION = {"consulted": "consulted", "not-needed": "not_needed", "awaited": "awaited"}
REFERAT_KINDS = ("on_time", "late", "exempted", "missing", "pending")
CONSULTATION_KINDS = ("consulted", "not_needed", "awaited")


def consultation(record: Participation) -> str:
    """Where the ministry's consultation of ``record`` stands (§3.2), as the weekly summary has
    it (:func:`mailbot.records.consultation.status`): "consulted" or "not_needed" by the latest
    of those answers, "awaited" when flagged or said to be attended alone, else "" (nothing to
    consult)."""
    return _CONSULTATION.get(consulting.status(record), "")


@dataclass(frozen=True)
class Row:
    """One participation of the year, as the overview counts it. ``start`` aware UTC;
    ``referat`` one of :data:`REFERAT_KINDS` ("" when cancelled); ``consultation`` as
    :func:`consultation`; ``open_points`` follow-up points still open."""

    ref: str
    start: datetime
    title: str
    forum: str
    level: str
    department: str
    state: str
    referat: str
    consultation: str
    open_points: int


@dataclass(frozen=True)
class Tally:
    """The counts of one group (a forum, a department, a level, or all): ``key`` its code,
    ``name`` its name for people ("" for a department or level), ``level`` the forum's level.
    Every count but ``cancelled`` is of participations not cancelled."""

    key: str
    name: str = ""
    level: str = ""
    participations: int = 0
    cancelled: int = 0
    on_time: int = 0
    late: int = 0
    exempted: int = 0
    missing: int = 0
    pending: int = 0
    consulted: int = 0
    not_needed: int = 0
    awaited: int = 0
    open_points: int = 0

    @property
    def due(self) -> int:
        """Referats that were due: on time + late + missing."""
        return self.on_time + self.late + self.missing

    @property
    def rate(self) -> float | None:
        """The on-time rate (0.0-1.0), None when nothing was due."""
        return self.on_time / self.due if self.due else None


COUNTS = tuple(f.name for f in fields(Tally) if f.name not in ("key", "name", "level"))


@dataclass(frozen=True)
class Overview:
    """The year's overview as of ``now`` (aware UTC): ``total``; ``by_forum`` and
    ``by_department`` largest first (then by code); ``by_level`` in :data:`LEVELS` order;
    ``rows`` every participation of the year, cancelled ones too, by meeting start."""

    year: int
    now: datetime
    total: Tally
    by_forum: tuple[Tally, ...]
    by_department: tuple[Tally, ...]
    by_level: tuple[Tally, ...]
    rows: tuple[Row, ...]


def build(records: Iterable[Participation], year: int, now: datetime, lookups: Lookups,
          language: str = "nb") -> Overview:
    """The overview of ``year`` (meetings starting in it, Oslo time) at ``now`` (aware); forum
    names in ``language``. Raises ValueError for a naive ``now``."""
    now = utc(now)
    rows = sorted((row(r, now, lookups) for r in records if oslo_day(r.meeting.start).year == year),
                  key=lambda x: (x.start, x.ref))
    fora = {x.forum: lookups.fora.get(x.forum) for x in rows}
    by_forum = _groups(rows, lambda x: x.forum)
    return Overview(
        year=year, now=now, total=tally("total", rows),
        by_forum=_largest([tally(code, group, getattr(fora[code], f"name_{language}", fora[code].name),
                                 fora[code].level) for code, group in by_forum.items()]),
        by_department=_largest([tally(code, group) for code, group in _groups(rows, lambda x: x.department).items()]),
        by_level=tuple(tally(level, [x for x in rows if x.level == level], level=level) for level in LEVELS),
        rows=tuple(rows))


def row(record: Participation, now: datetime, lookups: Lookups) -> Row:
    """``record`` as the overview counts it at ``now`` (aware UTC)."""
    seen = line(record, now, lookups)
    return Row(ref=record.ref, start=record.meeting.start, title=record.meeting.title, forum=record.meeting.forum,
               level=seen.level, department=department_code(record, lookups.directory), state=record.state.value,
               referat=_referat(record, seen.on_time, seen.deadline <= now), consultation=consultation(record),
               open_points=sum(point.open for point in record.follow_ups))


def tally(key: str, rows: Iterable[Row], name: str = "", level: str = "") -> Tally:
    """The counts of ``rows`` under ``key`` (see :class:`Tally`)."""
    counts = dict.fromkeys(COUNTS, 0)
    for x in rows:
        if x.state == State.CANCELLED:
            counts["cancelled"] += 1
            continue
        counts["participations"] += 1
        counts[x.referat] += 1
        if x.consultation:
            counts[x.consultation] += 1
        counts["open_points"] += x.open_points
    return Tally(key, name, level, **counts)


def _referat(record: Participation, on_time: bool | None, deadline_passed: bool) -> str:
    """One of :data:`REFERAT_KINDS`, "" for a cancelled record."""
    if record.state is State.CANCELLED:
        return ""
    if record.state is State.EXEMPTED:
        return "exempted"
    if record.state is State.REFERAT_RECEIVED:
        return "on_time" if on_time else "late"
    return "missing" if deadline_passed else "pending"


def _groups(rows: list[Row], key: Callable[[Row], str]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for x in rows:
        groups[key(x)].append(x)
    return groups


def _largest(tallies: list[Tally]) -> tuple[Tally, ...]:
    """Most participations first, then by code (the unknown department, "", last among equals)."""
    return tuple(sorted(tallies, key=lambda t: (-t.participations, t.key == "", t.key)))
