"""The open follow-up points of the referats, per forum, for the weekly summary (IM 2011-013 §4.1:
follow-up points stand out and reach those responsible). Pure.

A point is open until unit staff close it (``UTFØRT <ref> <n>`` / ``DONE``,
:mod:`mailbot.inbound.commands`); it is *overdue* when its due date (Oslo) lies before the day
of ``now``. Points whose text retention or erasure emptied are left out.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from mailbot.followup.businessdays import oslo_day
from mailbot.model import Participation


@dataclass(frozen=True)
class OpenPoint:
    """One open follow-up point: the record's ``ref``, ``forum`` code and meeting ``title``, the
    point's ``number`` and ``text``, who is ``responsible`` ('' when not named), its ``due`` date
    (None when not named) and whether it is ``overdue`` at the summary's moment."""

    ref: str
    forum: str
    title: str
    number: int
    text: str
    responsible: str
    due: date | None
    overdue: bool


def by_forum(records: list[Participation], now: datetime) -> tuple[tuple[str, tuple[OpenPoint, ...]], ...]:
    """The open points of ``records`` at ``now`` (aware) as (forum code, points) pairs: the forum
    with most points first (then by code); in a forum, the earliest due date first (none last),
    then by reference and number."""
    today = oslo_day(now)
    found: dict[str, list[OpenPoint]] = defaultdict(list)
    for record in records:
        for point in record.follow_ups:
            if point.open and point.text:
                found[record.meeting.forum].append(OpenPoint(
                    record.ref, record.meeting.forum, record.meeting.title, point.number, point.text,
                    point.responsible, point.due, point.due is not None and point.due < today))
    ordered = sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple((forum, tuple(sorted(points, key=lambda p: (p.due or date.max, p.ref, p.number))))
                 for forum, points in ordered)
