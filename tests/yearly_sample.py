"""An invented store of 100 participation records over 2025, 2026 and the start of 2027 for the
yearly overview, as of Monday 4 January 2027 08:00 Oslo time (the first business day of the
year, when the overview of 2026 is due). The people and departments are those of
tests/summary_sample.py (AUA: Kari, Amira; ASA: Lars, Torbjørn; OPA: Ingrid, Jonas; Per in no
department). The numbers the overview must show are worked out by hand in tests/test_yearly.py.
Also used by scripts/render_yearly.py for the sample picture in docs/."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from helpers import OSLO, STAFF
from summary_sample import PEOPLE

from mailbot.model import Event, FollowUp, Meeting, Participation, Reason, Referat, State
from mailbot.records.store import Store

NOW = datetime(2027, 1, 4, 8, 0, tzinfo=OSLO)

# (records, who, forum, first meeting (Oslo, 10:00-13:00), days between meetings, outcome,
#  consultation, follow-up points per record (open, closed))
# outcome: on_time (referat two days after the meeting), late (twenty days after), exempted (the
# day after), open (awaiting the referat), cancelled, registered (a meeting still ahead)
# consultation: "" (not flagged), awaited (flagged, nothing recorded), consulted, not_needed
GROUPS = (
    # 2026: 76 records
    (8, "k", "COUNCIL", "2026-01-13", 7, "on_time", "", (0, 0)),
    (4, "a", "COUNCIL", "2026-03-03", 7, "late", "", (0, 0)),
    (3, "k", "COUNCIL", "2026-06-02", 7, "exempted", "", (0, 0)),
    (2, "a", "COUNCIL", "2026-09-08", 7, "open", "awaited", (0, 0)),
    (3, "k", "COUNCIL", "2026-10-06", 7, "on_time", "consulted", (1, 1)),
    (2, "a", "COUNCIL", "2026-11-03", 7, "cancelled", "awaited", (0, 0)),
    (6, "a", "EMN", "2026-02-10", 7, "on_time", "", (2, 0)),
    (2, "p", "EMN", "2026-04-14", 7, "late", "not_needed", (0, 0)),
    (2, "k", "EMN", "2026-12-28", 1, "open", "", (0, 0)),  # not yet due on 4 January
    (7, "l", "EUAA", "2026-01-20", 7, "on_time", "", (0, 0)),
    (5, "t", "EUAA", "2026-05-05", 7, "late", "", (1, 0)),
    (3, "l", "EUAA", "2026-08-04", 7, "exempted", "", (0, 0)),
    (2, "t", "EUAA", "2026-11-10", 7, "open", "", (0, 0)),
    (1, "l", "EUAA", "2026-06-16", 7, "cancelled", "", (0, 0)),
    (6, "i", "FRONTEX", "2026-02-03", 7, "on_time", "", (0, 0)),
    (4, "j", "FRONTEX", "2026-06-09", 7, "on_time", "consulted", (0, 0)),
    (2, "i", "FRONTEX", "2026-10-13", 7, "late", "awaited", (0, 2)),
    (4, "j", "EULISA", "2026-03-10", 7, "on_time", "", (0, 0)),
    (3, "p", "EULISA", "2026-09-15", 7, "open", "", (0, 0)),
    (1, "j", "EULISA", "2026-12-29", 7, "open", "awaited", (0, 0)),  # not yet due
    (3, "k", "NORDIC", "2026-04-21", 7, "exempted", "not_needed", (0, 0)),
    (1, "a", "GDISC", "2026-05-19", 7, "on_time", "consulted", (1, 0)),
    (2, "p", "OTHER", "2026-07-07", 7, "cancelled", "", (0, 0)),
    # 2025: 22 records
    (6, "k", "COUNCIL", "2025-02-04", 7, "on_time", "", (0, 0)),
    (4, "l", "EUAA", "2025-03-11", 7, "late", "", (0, 0)),
    (4, "i", "FRONTEX", "2025-05-06", 7, "exempted", "", (0, 0)),
    (3, "p", "EMN", "2025-09-09", 7, "on_time", "consulted", (0, 0)),
    (2, "j", "EULISA", "2025-10-07", 7, "cancelled", "", (0, 0)),
    (3, "t", "IGC", "2025-11-04", 7, "on_time", "", (1, 1)),
    # 2027: 2 records, in no overview of 2026
    (2, "k", "COUNCIL", "2027-02-02", 7, "registered", "", (0, 0)),
)


def records() -> list[Participation]:
    """The 100 records, numbered in the order of :data:`GROUPS` (INE-YYYY-NNNN)."""
    made: list[Participation] = []
    for count, who, forum, first, step, outcome, consultation, points in GROUPS:
        for n in range(count):
            day = date.fromisoformat(first) + timedelta(days=step * n)
            made.append(record(len(made) + 1, who, forum, day, outcome, consultation, points))
    return made


def record(number: int, who: str, forum: str, day: date, outcome: str, consultation: str,
           points: tuple[int, int]) -> Participation:
    """One sample record: a meeting 10:00-13:00 Oslo time on ``day``, registered four weeks before."""
    address, name = PEOPLE[who]
    start = datetime(day.year, day.month, day.day, 10, tzinfo=OSLO)
    meeting = Meeting(title=f"{forum} meeting {number}", start=start, end=start + timedelta(hours=3),
                      timezone="Europe/Brussels", location="Brussel", forum=forum,
                      organizer="secretariat@example.eu")
    created = start - timedelta(days=28)
    flagged = (Reason("budget", "budget"),) if consultation else ()
    events = [Event(created, "received-invitation", f"<inv-{number}@udi.no>")]
    if consultation in ("consulted", "not_needed"):
        kind = "consultation-consulted" if consultation == "consulted" else "consultation-not-needed"
        events.append(Event(created + timedelta(days=7), kind, f"<jd-{number}@udi.no>", STAFF))
    base = Participation(ref=f"INE-{day.year}-{number:04d}", state=State.REGISTERED, meeting=meeting,
                         participant=address, participant_name=name, consultation=flagged, created_at=created,
                         events=tuple(events))
    return _outcome(base, outcome, points, number)


def _outcome(record: Participation, outcome: str, points: tuple[int, int], number: int) -> Participation:
    end = record.meeting.end
    if outcome == "registered":
        return record
    if outcome == "cancelled":
        return record.with_event(Event(record.created_at + timedelta(days=1), "cancelled"), state=State.CANCELLED)
    ended = record.with_event(Event(end, "meeting-ended"), state=State.AWAITING_REFERAT)
    if outcome == "open":
        return ended
    if outcome == "exempted":
        return ended.with_event(Event(end + timedelta(days=1), "exempted", f"<exempt-{number}@udi.no>",
                                      f"Kun orienteringsmøte ({STAFF})"), state=State.EXEMPTED)
    received = end + timedelta(days=2 if outcome == "on_time" else 20)
    opened, closed = points
    items = tuple(FollowUp(n, f"punkt {n}") for n in range(1, opened + 1)) + tuple(
        FollowUp(n, f"punkt {n}", done_at=received + timedelta(days=5), done_by=STAFF)
        for n in range(opened + 1, opened + closed + 1))
    referat = Referat(f"<referat-{number}@udi.no>", received, record.participant, ("referat.docx",),
                      tuple(item.text for item in items))
    return ended.with_event(Event(received, "referat-received", referat.message_id), state=State.REFERAT_RECEIVED,
                            referat=referat, follow_ups=items)


def fill(store: Store) -> None:
    """Put the 100 records in ``store`` and commit."""
    for rec in records():
        store.put(rec)
    store.commit()
