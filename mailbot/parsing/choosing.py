"""Of several events in one calendar, the one a message is about (a PUBLISH file with a
programme, an export, copies of one meeting): see :func:`choose` and :func:`latest`."""
from __future__ import annotations

import re
import warnings as warnings_module
from datetime import datetime
from typing import TYPE_CHECKING

from mailbot.parsing import properties, textdates

if TYPE_CHECKING:
    from mailbot.parsing.calendar import CalendarEvent


def latest(events: list[CalendarEvent]) -> list[CalendarEvent]:
    """``events`` with each UID once: the copy with the highest SEQUENCE (RFC 5546 §2.1.4), the
    later one of equals; events without a UID are all kept."""
    latest: dict[object, CalendarEvent] = {}
    for n, event in enumerate(events):
        key = event.uid or n
        if key not in latest or (event.sequence or 0) >= (latest[key].sequence or 0):
            latest[key] = event
    return list(latest.values())


def choose(events: list[CalendarEvent], hint: str, now: datetime | None, note: str = "") -> CalendarEvent:
    """Of several events: the one whose SUMMARY ``hint`` names (the longest such), else the one
    the forwarder's ``note`` points at by the words that set its SUMMARY apart from the others'
    ("workshop 2"), else the one on a day ``hint`` names, else the earliest upcoming, else the
    earliest; warns which was taken."""
    text = _normal(hint)
    named = [e for e in events if e.summary and _normal(e.summary) in text]
    pointed = _pointed(events, note)
    dated = _dated(events, hint[:5000], now)
    if named:
        chosen, why = max(named, key=lambda e: len(e.summary)), "the one the forwarded text names"
    elif pointed is not None:
        chosen, why = pointed, "the one the forwarder's note points at"
    elif len(dated) == 1:
        chosen, why = dated[0], "the one on the day the forwarded text names"
    else:
        ordered = sorted(events, key=lambda e: properties.instant(e.start))
        upcoming = [e for e in ordered if now is None or properties.instant(e.start) >= now]
        chosen, why = (upcoming or ordered)[0], "the earliest upcoming" if upcoming else "the earliest"
    warnings_module.warn(f"{len(events)} events in the calendar; took {why}: {chosen.summary!r} at {chosen.start}",
                         stacklevel=1)
    return chosen


def _pointed(events: list[CalendarEvent], note: str) -> CalendarEvent | None:
    """The one event whose own SUMMARY words (those the other summaries lack) ``note`` uses most;
    None when no event, or more than one, has the most."""
    words = [set(_WORD.findall(e.summary.casefold())) for e in events]
    said = set(_WORD.findall(note.casefold()))
    scores = [len((own - set().union(*(w for j, w in enumerate(words) if j != i))) & said)
              for i, own in enumerate(words)]
    best = max(scores, default=0)
    return events[scores.index(best)] if best and scores.count(best) == 1 else None


_WORD = re.compile(r"[^\W_]{3,}|\d+")


def _dated(events: list[CalendarEvent], hint: str, now: datetime | None) -> list[CalendarEvent]:
    """The events that start on a day ``hint`` mentions (lines with a year read as written)."""
    reference = (now or datetime.now().astimezone()).date()
    days = {d for line in hint.splitlines() for m in textdates.dates_in(line, reference) for d in (m.first, m.last)}
    return [e for e in events if properties.instant(e.start).date() in days
            or (isinstance(e.start, datetime) and e.start.date() in days)]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()
