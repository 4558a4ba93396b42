"""A referat's follow-up points as items to be done (IM 2011-013 §4.1): who is responsible, by when.

:func:`items` turns the points :mod:`mailbot.inbound.referat` found (one string each) into
:class:`~mailbot.model.FollowUp` items, numbered on from the record's existing ones. In each point:

- *who* is responsible is the name or address after a label ("Ansvarlig: Kari", "ansv. Ola
  Nordmann", "(Responsible: Per Hansen)", "Owner: ...", "Action by: ..."; a full word needs its
  colon), else the first email address in it, else nobody ('');
- *by when* is the first date (:func:`mailbot.parsing.textdates.dates_in`: "15.03.2027",
  "1. april", "15 March 2027") right after a word of a deadline ("frist", "innen", "senest",
  "før", "by", "before", "due", "deadline", "no later than"; "den", "the" or "on" between them
  allowed); a date without a year is the next one after the reference day (the meeting's day).

:func:`numbered` and :func:`close` serve the command ``DONE <ref> <n>`` / ``UTFØRT``
(:mod:`mailbot.inbound.commands`). Pure: no store, no clock.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime

from mailbot.model import FollowUp, Participation
from mailbot.parsing.textdates import dates_in
from mailbot.records.workflow import event

# "Ansvarlig: Kari", "(Responsible: Per)", "ansv. Ola": a full word needs its colon ("ansvarlig for
# saken", "responsible for the follow-up" name nobody)
_LABEL = re.compile(r"(?:\b(?:ansvarlig|responsible|owner|action by)\s*:|\bansv\.:?)\s*", re.I)
_NAME_END = re.compile(r"[,;()\[\]\n]|\s[-–—]\s|\.\s|\.$|\s(?:frist|innen|senest|by|before|due|deadline)\b", re.I)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DUE_WORD = re.compile(r"\b(?:frist|innen|senest|før|by|before|due|deadline|no later than)\b\s*:?\s*"
                       r"(?:den\s|the\s|on\s)?$", re.I)
_DUE_REACH = 30  # characters before a date searched for a deadline word


def responsible(text: str) -> str:
    """Who ``text`` names as responsible for the point: a name or an address, '' when nobody."""
    label = _LABEL.search(text)
    if label:
        rest = text[label.end():]
        end = _NAME_END.search(rest)
        name = (rest[:end.start()] if end else rest).strip(" .:")
        if name:
            return name
    address = _ADDRESS.search(text)
    return address.group(0).lower() if address else ""


def due(text: str, reference: date) -> date | None:
    """The deadline ``text`` names (the first date after a deadline word), None when none."""
    for mention in dates_in(text, reference):
        before = text[max(0, mention.start - _DUE_REACH):mention.start]
        if _DUE_WORD.search(before):
            return mention.last
    return None


def items(points: tuple[str, ...], reference: date, existing: tuple[FollowUp, ...] = ()) -> tuple[FollowUp, ...]:
    """``existing`` and, numbered on after them, one item per point of ``points`` not already
    among them (same text); ``reference`` is the day a date without a year counts from."""
    known = {item.text for item in existing}
    found = list(existing)
    for point in points:
        text = point.strip()
        if not text or text in known:
            continue
        known.add(text)
        found.append(FollowUp(len(found) + 1, text, responsible(text), due(text, reference)))
    return tuple(found)


def numbered(record: Participation, argument: str) -> FollowUp | None:
    """The follow-up point of ``record`` whose number is the first word of ``argument`` ("2",
    "#2", "2."), None when there is none."""
    word = (argument.split() or [""])[0].strip("#.")
    return next((p for p in record.follow_ups if word.isdigit() and p.number == int(word)), None)


def close(record: Participation, point: FollowUp, by: str, key: str, now: datetime) -> Participation:
    """``record`` with ``point`` closed at ``now`` (aware) by ``by`` (an address), and a
    "follow-up-done" entry in its history naming the point and message ``key``."""
    closed = dataclasses.replace(point, done_at=now, done_by=by)
    points = tuple(closed if p.number == point.number else p for p in record.follow_ups)
    return record.with_event(event(now, "follow-up-done", key, f"{point.number} ({by})"), follow_ups=points)
