"""Tables of records for the terminal (``mailbot records``, ``mailbot demo``)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from mailbot.config.settings import ChaseConfig
from mailbot.followup.cadence import Cadence, next_action
from mailbot.model import OSLO, Participation, State
from mailbot.records import consultation
from mailbot.records.codec import from_dict
from mailbot.records.consultation import ANSWERS

OPEN = (State.REGISTERED.value, State.AWAITING_REFERAT.value)


def records_table(documents: Iterable[dict[str, Any]], cadence: Cadence | None = None) -> str:
    """The records, in their stored form (:meth:`Store.record_documents
    <mailbot.records.store.Store.record_documents>`), as a fixed-width table sorted by reference:
    state, the chase's next action and when (Oslo time), and in the JD column the ministry
    consultation (§3.2): awaited, consulted or not-needed. A closed record nobody asked to
    consult about is read from its stored form alone, so a large store lists quickly."""
    cadence = cadence or ChaseConfig().cadence()
    rows = sorted(_row(doc, cadence) for doc in documents)
    rows.insert(0, ("REF", "STATE", "MEETING (OSLO)", "NEXT ACTION", "DUE (OSLO)", "FORUM", "PARTICIPANT", "JD",
                    "TITLE"))
    widths = [max(map(len, column)) for column in list(zip(*rows, strict=True))[:-1]]
    line = "  ".join(f"{{:<{w}}}" for w in widths) + "  {}"  # the last column is not padded
    return "\n".join(line.format(*row) for row in rows) + f"\n{len(rows) - 1} record(s)"


def _row(doc: dict[str, Any], cadence: Cadence) -> tuple[str, ...]:
    """One record's row of the table."""
    if doc["state"] in OPEN or doc.get("consultation") or any(e["type"] in ANSWERS for e in doc.get("events", ())):
        return _record_row(from_dict(Participation, doc), cadence)
    meeting = doc["meeting"]  # closed, no consultation asked: no next action, an empty JD column
    start = datetime.fromisoformat(meeting["start"]).astimezone(OSLO)
    return (doc["ref"], doc["state"], _day(start) if meeting.get("all_day") else _minute(start), "-", "-",
            meeting["forum"], doc["participant"], "", _cut(meeting["title"], 48))


def _record_row(r: Participation, cadence: Cadence) -> tuple[str, ...]:
    """One record's row of the table, from the record."""
    start = r.meeting.start.astimezone(OSLO)
    start_text = _day(start) if r.meeting.all_day else _minute(start)
    action, due = next_action(r, cadence)
    if action and r.paused_until and due == r.paused_until:
        action += " (paused)"
    return (r.ref, r.state.value, start_text, action or "-", _minute(due.astimezone(OSLO)) if due else "-",
            r.meeting.forum, r.participant, _consultation(r), _cut(r.meeting.title, 48))


def _consultation(record: Participation) -> str:
    """The JD column: where consulting the ministry stands (§3.2), empty when nobody asked for it."""
    status = consultation.status(record)
    return "" if status == consultation.NOT_ASKED else status


def _minute(at: datetime) -> str:
    """``at`` as YYYY-MM-DD HH:MM (isoformat is quicker than strftime, the same text)."""
    return at.isoformat(" ", "minutes")[:16]


def _day(at: datetime) -> str:
    """``at``'s day as YYYY-MM-DD."""
    return at.date().isoformat()


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
