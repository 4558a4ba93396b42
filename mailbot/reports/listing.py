"""Tables of records for the terminal (``mailbot records``, ``mailbot demo``)."""
from __future__ import annotations

from mailbot.config.settings import ChaseConfig
from mailbot.followup.cadence import Cadence, next_action
from mailbot.model import OSLO, Participation
from mailbot.records import consultation
from mailbot.records.store import Store


def records_table(store: Store, cadence: Cadence | None = None) -> str:
    """The records as a fixed-width table: state, the chase's next action and when (Oslo time),
    and in the JD column the ministry consultation (§3.2): awaited, consulted or not-needed."""
    cadence = cadence or ChaseConfig().cadence()
    rows = [("REF", "STATE", "MEETING (OSLO)", "NEXT ACTION", "DUE (OSLO)", "FORUM", "PARTICIPANT", "JD", "TITLE")]
    for r in store.records():
        start = r.meeting.start.astimezone(OSLO).strftime("%Y-%m-%d %H:%M" if not r.meeting.all_day else "%Y-%m-%d")
        action, due = next_action(r, cadence)
        if action and r.paused_until and due == r.paused_until:
            action += " (paused)"
        rows.append((r.ref, r.state.value, start, action or "-", due.astimezone(OSLO).strftime("%Y-%m-%d %H:%M")
                     if due else "-", r.meeting.forum, r.participant, _consultation(r),
                     _cut(r.meeting.title, 48)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    # the last column is not padded: widths is one shorter than a row
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1] for row in rows]
    return "\n".join(lines) + f"\n{len(rows) - 1} record(s)"


def _consultation(record: Participation) -> str:
    """The JD column: where consulting the ministry stands (§3.2), empty when nobody asked for it."""
    status = consultation.status(record)
    return "" if status == consultation.NOT_ASKED else status


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
