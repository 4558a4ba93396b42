"""Series of meetings (RFC 5545 RRULE, EXDATE, RECURRENCE-ID): which occurrence comes next, and
one occurrence cancelled or moved without touching the rest of the series."""
from __future__ import annotations

import dataclasses
import logging
from datetime import datetime

from dateutil.rrule import rruleset, rrulestr

from mailbot.model import Meeting, Occurrence

log = logging.getLogger(__name__)


def next_occurrence(meeting: Meeting, after: datetime) -> Meeting:
    """For a series (RRULE, RFC 5545 §3.8.5.3), the meeting moved to its first occurrence that
    has not ended at ``after`` (aware); other meetings, and series that are over, come back
    unchanged. Occurrences keep their wall-clock time in the meeting's zone across DST changes;
    cancelled occurrences (``meeting.exceptions``, EXDATE §3.8.5.1) are skipped and moved ones
    are taken at their new times."""
    if not meeting.recurrence:
        return meeting
    length = meeting.end - meeting.start
    first = _anchor(meeting).astimezone(meeting.zone)
    try:
        rules = rrulestr(meeting.recurrence, dtstart=first, forceset=True)
        assert isinstance(rules, rruleset)  # (forceset)
        for exception in meeting.exceptions:
            rules.exdate(exception.original.astimezone(meeting.zone))
        following = rules.after(after - length, inc=True)
    except (ValueError, TypeError) as exc:
        log.warning("RRULE %r not expanded: %s", meeting.recurrence, exc)
        return meeting
    candidates = [(e.start, e.end) for e in meeting.exceptions if e.start and e.end and e.end > after]
    if following is not None:
        candidates.append((following, following + length))
    if not candidates:
        return meeting
    start, end = min(candidates)
    return dataclasses.replace(meeting, start=start, end=end)


def _anchor(meeting: Meeting) -> datetime:
    """Where the rule runs from: the meeting's start, or, when that start is a moved occurrence,
    the start the rule gave it."""
    return next((e.original for e in meeting.exceptions if e.start == meeting.start), meeting.start)


def with_occurrence(series: Meeting, original: datetime, moved: Meeting | None, after: datetime) -> Meeting:
    """``series`` with its occurrence that the rule starts at ``original`` (aware) cancelled
    (``moved`` None) or moved to ``moved``'s start and end (RFC 5545 §3.8.4.4), then advanced to
    the next occurrence that has not ended at ``after``. An earlier exception for the same
    occurrence is replaced."""
    exception = Occurrence(original, moved.start, moved.end) if moved else Occurrence(original)
    anchored = dataclasses.replace(series, start=_anchor(series), end=_anchor(series) + (series.end - series.start))
    kept = tuple(e for e in series.exceptions if e.original != exception.original)
    return next_occurrence(dataclasses.replace(anchored, exceptions=(*kept, exception)), after)
