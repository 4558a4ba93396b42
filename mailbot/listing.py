"""Tables of records for the terminal (``mailbot records``, ``mailbot demo``)."""
from __future__ import annotations

from mailbot.model import OSLO
from mailbot.store import Store


def records_table(store: Store) -> str:
    """The records as a fixed-width table, times in Oslo time."""
    rows = [("REF", "STATE", "MEETING (OSLO)", "FORUM", "PARTICIPANT", "JD", "TITLE")]
    for r in store.records():
        start = r.meeting.start.astimezone(OSLO).strftime("%Y-%m-%d %H:%M" if not r.meeting.all_day else "%Y-%m-%d")
        rows.append((r.ref, r.state.value, start, r.meeting.forum, r.participant,
                     "yes" if r.ministry_consultation else "", r.meeting.title[:48]))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1] for row in rows]
    return "\n".join(lines) + f"\n{len(rows) - 1} record(s)"
