"""The times a date line leaves to the lines after it: a "Time:" line, "Start:"/"End:", or a
programme with a time an item ("09:15 – 09:30  Opening"), read for :mod:`mailbot.parsing.when`.
Wall-clock and naive, like :mod:`mailbot.parsing.textdates`."""
from __future__ import annotations

import re
from datetime import date

from mailbot.parsing.textdates import DISTRACTORS, TimeRange, date_patterns, dates_in, times_in

# Where a line's clauses part: ";", "·", "|", and a comma before words outside a parenthesis
# ("13:30 – 17:30, followed by a reception", not "(registration from 08:45, drinks until 18:30)")
_CLAUSE = re.compile(r"[;·|]|,\s+(?=\D)(?![^(]*\))")


def following_times(lines: list[str], index: int) -> tuple[list[TimeRange], str]:
    """Times on the next lines ("Date: ..." then "Time: ..." or "Start: ..." and "End: ..."), up
    to a line that names a date, and the text they were found in. Clauses about something else
    ("; welcome coffee from 09:00") are left out. A programme with a time per item gives one
    range, from its first item to its last (registration, lunch and dinner aside)."""
    programme = _programme(lines, index)
    if programme:
        return programme
    clauses: list[str] = []
    for line in [line for line in lines[index + 1:index + 4] if line.strip()][:3]:
        if date_patterns()["dmy"].search(line) or date_patterns()["numeric"].search(line):
            break
        clauses += [c for c in _CLAUSE.split(line) if not DISTRACTORS.search(re.sub(r"\([^)]*\)", " ", c))]
    text = " ".join(clauses)
    times = times_in(text)
    return (times, text) if times else ([], "")


# Programme items that are not the meeting itself (before its opening, after its close)
_ASIDE = re.compile(r"\b(?:regist\w*|accreditation|akkreditering|tilmelding|anmeld\w*|inscription|check-?in|"
                    r"coffee|kaffe|café|kaffee|fika|lunch|lunsj|frokost|mittagessen|déjeuner|dinner|middag|abendessen|"
                    r"dîner|reception|mottakelse|empfang|get-together|ice-?breaker|arrival|ankomst|departure|avreise|"
                    r"transfer|excursion|ekskursjon|site visit|study visit|optional|valgfri\w*|pre-?meeting|"
                    r"formøte\w*)\b", re.I)
_ITEM = re.compile(r"^\s*(?:kl\.?\s*)?[0-2]?\d[:.][0-5]\d(?!\d)")


def _programme(lines: list[str], index: int) -> tuple[list[TimeRange], str] | None:
    """The items after a date line that each begin with a time ("09:15 – 09:30  Opening"), after at
    most two other lines (a note on the time zone); None unless there are two items or more."""
    items: list[str] = []
    notes: list[str] = []
    for line in lines[index + 1:index + 30]:
        if _ITEM.match(line):
            items.append(line)
        elif items or len(notes) == 2 or dates_in(line, date(2000, 1, 1)):
            break
        else:
            notes.append(line)
    times = [t for item in items if not _ASIDE.search(item) for t in times_in(item)[:1]]
    if len(items) < 2 or not times:
        return None
    return [(times[0][0], times[-1][1] or times[-1][0])], "\n".join(notes + items)
