"""An invented store of 60 participation records for the weekly summary, as of Monday 1 March
2027 07:30 Oslo time (ISO week 9): every state, eleven fora, three departments and one person
outside the directory, deadlines spread over the eight weeks before. The numbers the summary
must show are worked out by hand in tests/test_summary.py. Also used by
scripts/render_summary.py for the sample screenshot."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

from helpers import OSLO, STAFF, oslo

from mailbot.config.settings import ChaseConfig
from mailbot.model import Event, MailStatus, Meeting, OutgoingMail, Participation, Referat, State
from mailbot.parsing.screening import Reason
from mailbot.records.store import Store

NOW = datetime(2027, 3, 1, 7, 30, tzinfo=OSLO)

DEPARTMENTS = """
[[department]]
code = "AUA"
name = "Analyse- og utviklingsavdelingen"
manager = "leder.aua@udi.no"
members = ["kari.nordmann@udi.no", "amira.hassan@udi.no"]

[[department]]
code = "ASA"
name = "Asylavdelingen"
manager = "leder.asa@udi.no"
members = ["lars.fjeldstad@udi.no", "torbjorn.vik@udi.no"]

[[department]]
code = "OPA"
name = "Oppholdsavdelingen"
manager = "leder.opa@udi.no"
members = ["ingrid.berg@udi.no", "jonas.lie@udi.no"]
"""

PEOPLE = {"k": ("kari.nordmann@udi.no", "Kari Nordmann"), "a": ("amira.hassan@udi.no", "Amira Hassan"),
          "l": ("lars.fjeldstad@udi.no", "Lars Fjeldstad"), "t": ("torbjorn.vik@udi.no", "Torbjørn Vik"),
          "i": ("ingrid.berg@udi.no", "Ingrid Berg"), "j": ("jonas.lie@udi.no", "Jonas Lie"),
          "p": ("per.hansen@udi.no", "")}

# number: (who, forum, meeting start (Oslo; "MM-DD HH:MM" in 2027 or a full date), what happened,
#          chase steps sent, consultation rules, registered (Oslo) when in the past week)
# what: "open", "received MM-DD[ N]" (N follow-up points), "exempted YYYY-MM-DD[ HH:MM]", "cancelled"
RECORDS = {
    # deadlines in ISO week 1 to 8 (the compliance trend): 21 due, 15 on time
    1: ("k", "COUNCIL", "2026-12-29 10:00", "received 2027-01-05", 1, (), None),
    2: ("l", "EUAA", "2026-12-29 09:00", "exempted 2026-12-20", 0, (), None),
    3: ("a", "EMN", "01-05 10:00", "received 01-12", 2, (), None),
    4: ("t", "FRONTEX", "01-05 13:00", "received 01-11", 1, (), None),
    5: ("i", "EUAA", "01-05 09:00", "received 01-20", 3, (), None),  # late
    6: ("j", "COUNCIL", "01-05 10:00", "cancelled", 0, (), None),
    7: ("k", "COUNCIL", "01-12 10:00", "received 01-19", 1, ("budget",), None),
    8: ("p", "OTHER", "01-12 10:00", "exempted 2027-01-25", 3, (), None),  # late
    9: ("a", "EMN", "01-19 10:00", "received 01-21", 1, (), None),
    10: ("l", "EUAA", "01-19 10:00", "received 01-26", 1, (), None),
    11: ("t", "EULISA", "01-19 10:00", "exempted 2027-01-26", 1, (), None),
    12: ("i", "NORDIC", "01-19 10:00", "received 01-22", 1, (), None),
    13: ("j", "FRONTEX", "01-26 10:00", "received 02-02", 1, (), None),
    14: ("k", "GDISC", "01-26 10:00", "received 02-01", 1, (), None),
    15: ("p", "EUAA", "01-26 10:00", "open", 4, (), None),  # overdue, escalated
    16: ("a", "COUNCIL", "02-02 10:00", "cancelled", 0, (), None),
    17: ("l", "EUAA", "02-09 10:00", "received 02-16", 1, (), None),
    18: ("t", "FRONTEX", "02-09 10:00", "received 02-12", 1, (), None),
    19: ("i", "IGC", "02-09 10:00", "exempted 2027-02-10", 1, (), None),
    20: ("j", "EULISA", "02-09 10:00", "open", 3, (), None),  # overdue, two reminders
    21: ("k", "COUNCIL", "02-16 10:00", "received 02-23 2", 1, (), None),
    22: ("a", "EMN", "02-16 10:00", "received 02-25", 2, (), None),  # late
    23: ("p", "OTHER", "02-16 10:00", "open", 2, (), None),  # overdue, away until 4 March
    # overdue since December 2026
    24: ("l", "COUNCIL", "2026-12-01 10:00", "open", 4, (), None),
    # last week's meetings, not yet due
    25: ("i", "EUAA", "02-23 10:00", "open", 1, (), None),
    26: ("j", "COUNCIL", "02-25 10:00", "received 02-26 3", 1, (), None),
    27: ("k", "EMN", "02-24 10:00", "exempted 2027-02-26 14:00", 0, (), None),
    # the next 14 days
    28: ("a", "COUNCIL", "03-02 10:00", "open", 0, ("legislation",), None),
    29: ("l", "EUAA", "03-03 09:00", "open", 0, (), None),
    30: ("t", "FRONTEX", "03-04 13:00", "open", 0, (), None),  # checklist reply still queued
    31: ("i", "EMN", "03-08 10:00", "open", 0, ("budget", "sensitive"), "02-22 09:00"),
    32: ("j", "EULISA", "03-09 09:00", "open", 0, (), "02-23 11:00"),  # checklist reply failed
    33: ("p", "OTHER", "03-10", "open", 0, (), "02-24 14:00"),  # all day; no checklist reply
    34: ("k", "NORDIC", "03-11 10:00", "open", 0, (), None),
    35: ("a", "GDISC", "03-12 09:00", "open", 0, (), None),
    36: ("l", "COUNCIL", "03-15 09:00", "open", 0, ("schengen_visa",), None),  # just after the 14 days
    37: ("t", "EUAA", "03-05 10:00", "cancelled", 0, (), None),
    38: ("i", "COUNCIL", "03-01 07:00", "open", 0, ("budget",), None),  # under way
    # later
    39: ("j", "COUNCIL", "03-23 10:00", "open", 0, ("legislation",), "02-25 09:00"),
    40: ("k", "EMN", "04-13 10:00", "open", 0, (), None),
    41: ("a", "EUAA", "04-20 10:00", "open", 0, (), None),
    42: ("p", "UNHCR", "05-04 10:00", "open", 0, ("sensitive",), None),
    43: ("l", "IGC", "06-08 10:00", "open", 0, (), None),
    44: ("t", "EEA_GRANTS", "06-15 10:00", "open", 0, (), "02-26 10:00"),
    45: ("i", "FRONTEX", "09-07 10:00", "open", 0, (), None),
    46: ("j", "EULISA", "10-05 10:00", "open", 0, (), None),
    47: ("k", "COUNCIL", "11-16 10:00", "exempted 2027-02-20", 0, ("schengen_visa",), None),
    48: ("a", "COUNCIL", "05-11 10:00", "cancelled", 0, ("legislation",), None),
    49: ("t", "COUNCIL", "04-06 10:00", "open", 0, (), None),
    50: ("i", "EMN", "04-27 10:00", "open", 0, (), None),
    51: ("j", "EUAA", "05-18 10:00", "open", 0, (), None),
    52: ("p", "FRONTEX", "06-01 10:00", "open", 0, (), None),
    53: ("k", "EULISA", "08-30 10:00", "open", 0, (), None),
    54: ("a", "NORDIC", "09-20 10:00", "open", 0, (), None),
    55: ("l", "GDISC", "10-11 10:00", "open", 0, (), None),
    56: ("t", "COUNCIL", "2028-01-18 10:00", "open", 0, (), None),  # next year
    57: ("i", "EUAA", "2026-11-10 10:00", "received 2026-11-12", 1, (), None),  # last year
    58: ("j", "COUNCIL", "2026-12-08 10:00", "exempted 2026-12-10", 1, (), None),
    59: ("p", "EMN", "02-23 13:00", "open", 1, (), "02-23 15:00"),  # registered late
    60: ("k", "OTHER", "02-26 09:00", "open", 0, (), "02-24 09:00"),  # ended; no tick since
}
CHECKLIST = {30: MailStatus.QUEUED, 32: MailStatus.FAILED}  # 33: none at all
TITLES = {"COUNCIL": "Working Party on Integration, Migration and Expulsion", "EMN": "EMN National Contact Points",
          "EUAA": "EUAA Network on Reception", "FRONTEX": "Frontex Return Working Group",
          "EULISA": "EES Advisory Group", "OTHER": "Nordisk-baltisk kontaktmøte", "NORDIC": "NSHF ekspertmøte",
          "GDISC": "GDISC Annual Conference", "IGC": "IGC Working Group on Admission",
          "UNHCR": "UNHCR Standing Committee",
          "EEA_GRANTS": "EEA Grants Programme Committee"}


def record(number: int) -> Participation:
    """Sample record ``number`` (refs are INE-YYYY-NNNN in the order of the table)."""
    who, forum, start, what, steps, rules, registered = RECORDS[number]
    address, name = PEOPLE[who]
    all_day = len(start) <= 10
    begin = oslo(start)
    meeting = Meeting(title=f"{TITLES[forum]} ({number})", start=begin,
                      end=begin + (timedelta(days=1) if all_day else timedelta(hours=3)),
                      timezone="Europe/Brussels", all_day=all_day, location="Brussel", forum=forum,
                      organizer="secretariat@example.eu")
    created = oslo(registered) if registered else begin - timedelta(days=28)
    cadence = ChaseConfig().cadence()
    events = tuple(Event(cadence.planned(meeting, n), cadence.name(n), f"<step-{number}-{n}@udi.no>")
                   for n in range(steps))
    base = Participation(ref=f"INE-{created.year}-{number:04d}", state=State.REGISTERED, meeting=meeting,
                         participant=address, participant_name=name,
                         consultation=tuple(Reason(r, "agenda item") for r in rules), created_at=created,
                         events=(Event(created, "received-invitation", f"<inv-{number}@udi.no>"), *events),
                         chase_step=steps)
    return _outcome(base, what, cadence, number)


def _outcome(record: Participation, what: str, cadence, number: int) -> Participation:
    kind, _, rest = what.partition(" ")
    if kind == "cancelled":
        return record.with_event(Event(record.created_at, "cancelled"), state=State.CANCELLED)
    if kind == "received":
        day, _, points = rest.partition(" ")
        at = oslo(day + " 10:00")
        referat = Referat(f"<referat-{number}@udi.no>", at, record.participant, ("referat.docx",),
                          tuple(f"punkt {n}" for n in range(int(points or 0))))
        return record.with_event(Event(at, "referat-received", referat.message_id), state=State.REFERAT_RECEIVED,
                                 referat=referat)
    if kind == "exempted":
        at = oslo(rest if " " in rest else rest + " 10:00")
        return record.with_event(Event(at, "exempted", f"<exempt-{number}@udi.no>",
                                       f"Møtet var kun orienterende ({STAFF})"), state=State.EXEMPTED)
    if record.meeting.end > NOW or number == 60:
        return dataclasses.replace(record, due_at=cadence.planned(record.meeting, 0))
    paused = oslo("03-04 08:00") if number == 23 else None
    return dataclasses.replace(record, state=State.AWAITING_REFERAT, paused_until=paused,
                               due_at=cadence.planned(record.meeting, record.chase_step))


def fill(store: Store) -> None:
    """Put the 60 records and their checklist replies' receipts in ``store`` and commit."""
    for number in RECORDS:
        rec = record(number)
        store.put(rec)
        status = CHECKLIST.get(number, MailStatus.SENT)
        if number != 33:
            store.queue(OutgoingMail(f"<reply-{number}@udi.no>", "reply-registered", (rec.participant,),
                                     "" if status is MailStatus.SENT else "raw", rec.created_at, ref=rec.ref,
                                     status=status, sent_at=rec.created_at if status is MailStatus.SENT else None,
                                     not_before=NOW + timedelta(days=3650) if status is MailStatus.QUEUED else None))
    store.commit()


def write_directory(folder: Path) -> Path:
    """The sample department directory as a file in ``folder``."""
    path = folder / "departments.toml"
    path.write_text(DEPARTMENTS, encoding="utf-8")
    return path
