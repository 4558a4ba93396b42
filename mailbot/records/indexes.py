"""In-memory indexes over the stored participation records, so that the store's per-message
lookups cost the same however many records it holds.

Built from the records' stored (JSON) form, without building dataclasses; the store keeps them
in step with every change (see :class:`mailbot.records.store.Store`). Times are aware (UTC).
"""
from __future__ import annotations

import bisect
import re
from datetime import datetime, timedelta
from typing import Any

from mailbot.model import State

# How far a meeting moved by a text-only update may lie from its stored start and still be found
MOVED_WITHIN = timedelta(days=14)
WORDS = re.compile(r"[^\W_]+")


def meeting_key(participant: str, uid: str | None, title: str, start: str) -> str:
    """Identity of a participation: the participant and the meeting's UID, else its title and
    UTC start day (``start`` in ISO 8601, UTC)."""
    if uid:
        return f"uid:{uid}|{participant}"
    words = " ".join(WORDS.findall(title.lower()))
    return f"text:{words}|{start[:10]}|{participant}"


class RecordIndex:
    """Reference -> document id, meeting identity -> reference, the newest open record per
    participant and title, meeting starts per forum, and when each open record next wakes."""

    def __init__(self) -> None:
        self.doc_ids: dict[str, int] = {}
        self._meeting_refs: dict[str, str] = {}
        self._open_titles: dict[str, str] = {}
        self._forum_starts: dict[str, list[tuple[datetime, str]]] = {}  # (start, reference), sorted
        self._placed: dict[str, tuple[str, datetime | None]] = {}  # reference -> (forum, start or None)
        self._wake: dict[str, tuple[datetime, bool]] = {}

    def clear(self) -> None:
        """Forget every record."""
        for index in (self.doc_ids, self._meeting_refs, self._open_titles, self._forum_starts, self._placed,
                      self._wake):
            index.clear()

    def add(self, doc: dict[str, Any], doc_id: int) -> None:
        """Index a record by its stored form (a new one, or a new version of one)."""
        ref, meeting = doc["ref"], doc["meeting"]
        self.doc_ids[ref] = doc_id
        key = meeting_key(doc["participant"], meeting["ical_uid"], meeting["title"], meeting["start"])
        self._meeting_refs[key] = ref
        title = meeting_key(doc["participant"], None, meeting["title"], "")
        if doc["state"] in (State.REGISTERED, State.AWAITING_REFERAT):
            self._open_titles[title] = max(ref, self._open_titles.get(title, ref))
        elif self._open_titles.get(title) == ref:
            del self._open_titles[title]
        start = None if doc["state"] == State.CANCELLED else datetime.fromisoformat(meeting["start"])
        self._place(ref, meeting["forum"], start)
        wake = _wake(doc)
        if wake is None:
            self._wake.pop(ref, None)
        else:
            self._wake[ref] = (wake, doc["state"] == State.REGISTERED)

    def _place(self, ref: str, forum: str, start: datetime | None) -> None:
        """File ``ref`` under ``forum`` at ``start`` (None: cancelled, not filed), out of where it was."""
        before = self._placed.get(ref)
        if before == (forum, start):
            return
        if before is not None and before[1] is not None:
            starts = self._forum_starts[before[0]]
            del starts[bisect.bisect_left(starts, (before[1], ref))]
        if start is not None:
            bisect.insort(self._forum_starts.setdefault(forum, []), (start, ref))
        self._placed[ref] = (forum, start)

    def same_meeting(self, participant: str, uid: str | None, title: str, start: datetime) -> str | None:
        """The reference of the participant's record of the meeting with this UID, else this
        title and UTC start day."""
        return self._meeting_refs.get(meeting_key(participant, uid, title, start.isoformat()))

    def open_titled(self, participant: str, title: str) -> str | None:
        """The newest reference of the participant's open records with ``title`` (an entry may
        outlive a changed title: check the record)."""
        return self._open_titles.get(meeting_key(participant, None, title, ""))

    def near(self, forum: str, start: datetime) -> list[str]:
        """References of the records of ``forum`` (cancelled ones aside) that start within
        :data:`MOVED_WITHIN` of ``start``."""
        starts = self._forum_starts.get(forum, [])
        first = bisect.bisect_left(starts, (start - MOVED_WITHIN,))
        last = bisect.bisect_left(starts, (start + MOVED_WITHIN, "\uffff"))  # ties with the end count
        return [ref for _at, ref in starts[first:last]]

    def previous_in_forum(self, forum: str, before: datetime, exclude: str) -> str | None:
        """The reference of the latest record of ``forum`` that started before ``before``,
        ``exclude`` and cancelled records aside."""
        starts = self._forum_starts.get(forum, [])
        for index in range(bisect.bisect_left(starts, (before,)) - 1, -1, -1):  # the latest first
            if starts[index][1] != exclude:
                return starts[index][1]
        return None

    def due(self, now: datetime, steps: bool = True) -> list[str]:
        """References of the open records due at ``now`` (see :func:`_wake`): registered ones
        whose meeting has ended and, with ``steps``, awaiting ones whose next step is due; sorted."""
        return sorted(r for r, (at, registered) in self._wake.items() if at <= now and (steps or registered))


def _wake(doc: dict[str, Any]) -> datetime | None:
    """When an open record next needs the chase job (from its stored form): its meeting's end
    while registered, else its next due step (held back by a pause); None for a closed record or
    one with nothing left to do."""
    if doc["state"] == State.REGISTERED:
        return datetime.fromisoformat(doc["meeting"]["end"])
    if doc["state"] != State.AWAITING_REFERAT or not doc.get("due_at"):
        return None
    return max(datetime.fromisoformat(t) for t in (doc["due_at"], doc.get("paused_until")) if t)
