"""Dates and clock times written in text, in the languages invitations come in.

Dates are found with month and weekday names from ``dateparser``'s language data (English and
the Nordic, Germanic and Romance languages), in the forms "21. januar 2027", "9 February 2027",
"February 24, 2027", "16–17 March 2027", "13.-14. april", "14.01.2027", "2027-01-14", and a day
and month after a weekday ("tirsdag 9/3", "Tue 9.3."); a missing year is the next one from the
reference date. Times are "10:00", "kl. 10.00", "9:00 AM", "10h30", and ranges of them.

Everything here is wall-clock and naive: no zones. :mod:`mailbot.parsing.when` assembles a
meeting's time from what this module finds.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from dateparser.languages.loader import default_loader

LANGUAGES = ("en", "nb", "nn", "da", "sv", "de", "fr", "nl", "es", "it", "pt", "pl", "fi")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@functools.cache
def _month_numbers() -> dict[str, int]:
    names: dict[str, int] = {}
    for lang in LANGUAGES:
        info = default_loader.get_locale(lang).info
        for number, key in enumerate(MONTHS, 1):
            for name in info.get(key, []):
                if len(name) >= 3 and not name.isdigit():
                    names.setdefault(name.lower().rstrip("."), number)
    return names


@functools.cache
def _weekday_numbers() -> dict[str, int]:
    """Weekday names (3 letters or more) -> ``date.weekday()`` numbers, from dateparser's data."""
    names: dict[str, int] = {}
    for lang in LANGUAGES:
        info = default_loader.get_locale(lang).info
        for number, key in enumerate(WEEKDAYS):
            for name in info.get(key, []):
                if len(name) >= 3:
                    names.setdefault(name.lower().rstrip("."), number)
    return names


@functools.cache
def date_patterns() -> dict[str, re.Pattern[str]]:
    """The date forms, by kind ("dmy_range", "mdy_range", "dmy", "mdy", "numeric", "iso",
    "weekday_numeric"), in the order :func:`dates_in` tries them."""
    month = "|".join(sorted(map(re.escape, _month_numbers()), key=len, reverse=True))
    day = r"(?<!\d[:.])(?P<{}>[0-3]?\d)(?:\.|st|nd|rd|th|er|e)?"  # not the minutes of "17:30 and 23 June"
    year = r"(?:[,\s]+(?P<{}>(?:19|20)\d\d))?"
    dash = r"\s*(?:-|–|—|til|to|until|bis|au|and|og|und|et|&)\s*"
    mon = rf"(?P<{{}}>{month})\.?"
    weekday = "|".join(sorted(map(re.escape, _weekday_numbers()), key=len, reverse=True))
    return {
        # 16–17 March 2027 / 13.-14. april 2027 / 30 March – 1 April 2027
        "dmy_range": re.compile(rf"\b{day.format('d1')}(?:\s*{mon.format('m1')})?{dash}{day.format('d2')}"
                                rf"\s*(?:of\s+)?{mon.format('m2')}{year.format('y')}(?!\w)", re.I),
        # March 16-17, 2027
        "mdy_range": re.compile(rf"\b{mon.format('m1')}\s+{day.format('d1')}{dash}{day.format('d2')}"
                                rf"{year.format('y')}(?!\w)(?!\s*(?:[ap]\.?\s?m\b|[:.]\d|h\b|uhr\b))", re.I),
        # 21. januar 2027 / 9 February 2027 / den 13. april
        "dmy": re.compile(rf"\b{day.format('d1')}\s*(?:of\s+|de\s+)?{mon.format('m1')}{year.format('y')}(?!\w)", re.I),
        # February 24, 2027
        "mdy": re.compile(rf"\b{mon.format('m1')}\s+{day.format('d1')}(?!\d){year.format('y')}(?!\w)", re.I),
        "numeric": re.compile(r"(?<![\d.:/])(?P<d1>[0-3]?\d)[./](?P<m1>[01]?\d)[./](?P<y>(?:19|20)\d\d)(?![\d:])"),
        "iso": re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?!\d)"),
        # tirsdag 9/3, Tue 3/9, fredag den 5.3.: only after a weekday, which settles day or month first
        "weekday_numeric": re.compile(rf"\b(?P<wd>{weekday})\.?,?\s+(?:den\s+|the\s+)?"
                                      r"(?P<d1>[0-3]?\d)[./](?P<m1>[01]?\d)\.?(?![\d/]|\.\d)", re.I),
    }


_TIME = (r"(?:kl\.?\s*|klokken\s*|at\s+|from\s+|fra\s+|von\s+|de\s+|à\s+)?"
         r"(?P<{0}h>[0-2]?\d)(?:(?P<{0}sep>[:.h])(?P<{0}m>[0-5]\d))?\s*(?P<{0}ap>[ap]\.?\s?m\.?(?!\w))?"
         r"(?:\s*(?P<{0}unit>hrs?|h|uhr|timer)\b\.?)?")
TIME_RANGE = re.compile(_TIME.format("a") + r"(?:\s*(?:-|–|—|to|til|till|until|bis|à|and)\s*"
                        + _TIME.format("b") + r")?", re.I)
# Clauses about something other than the meeting itself: deadlines, meals, travel, pre-meetings
DISTRACTORS = re.compile(r"\b(regist\w*|deadline|frist\w*|no later than|innen|senest|by|before|før|"
                         r"dinner|middag|mottakelse|lunch|lunsj|frokost|coffee|kaffe|get-together|ice-?breaker|"
                         # a reception one attends, not the reception of asylum seekers (EUAA's field)
                         r"(?:a|welcome|evening|drinks|cocktail|networking)\s+reception|reception\s+(?:hosted|offered|at)|"
                         r"pre-?meeting|formøte\w*|forberedende|preparatory|drafting group|"
                         r"check-?in|confirm\w*|bekreft\w*|nominat\w*|"
                         r"reply|svar\w*|papers|sakspapir\w*|sendes|published|contributions|comments?|"
                         r"kommentar\w*|innspill\w*|"
                         r"tilmelding|anmeld\w*|dagen før|the day before|previous evening|"
                         r"travel|reiser|arrival|departure|hotel|excursion|ekskursjon|utflukt|site visit|"
                         r"study visit|optional|valgfri\w*)\b", re.I)
# Words that end a span: "and closes", "og avsluttes", "until", "ferdige"
ENDS = re.compile(r"\b(?:clos\w*|conclud\w*|end\w*|finish\w*|until|till|til|to|bis|slutt\w*|avslutt\w*|"
                  r"ferdig\w*|avsluttes|schlie\w*|endet)\b|[-–—]", re.I)
_NOON = re.compile(r"\b(?:12\s*)?(?:noon|midday)\b", re.I)

# A clock time's start and, for a range, its end.
TimeRange = tuple[time, time | None]


@dataclass
class DateMention:
    """A date or range of dates written in a line: ``first`` and ``last`` day (the same day for
    a single date) and the character positions ``start``:``end`` of the text naming them.
    ``other_reading`` is the date the same digits give in the other order of day and month
    ("03/04/2027": 4 March as well as 3 April), None when the text allows only one reading."""

    first: date
    last: date
    start: int
    end: int
    other_reading: date | None = None


def dates_in(line: str, reference: date) -> list[DateMention]:
    """Every date or date range written in ``line``, in order; overlapping forms taken once."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in date_patterns().items():
        for match in pattern.finditer(line):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            parsed = _to_dates(kind, match, reference)
            if parsed:
                found.append(DateMention(parsed[0], parsed[1], match.start(), match.end(),
                                         _other_reading(kind, match, parsed[0])))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _to_dates(kind: str, match: re.Match[str], reference: date) -> tuple[date, date] | None:
    groups = match.groupdict()
    months = _month_numbers()
    try:
        if kind in ("numeric", "iso"):
            day = date(int(groups["y"]), int(groups["m1"]), int(groups["d1"]))
            return day, day
        if kind == "weekday_numeric":
            weekday = _weekday_numbers()[groups["wd"].lower()]
            named = _weekday_date(int(groups["d1"]), int(groups["m1"]), weekday, reference)
            return (named, named) if named else None
        month2 = months[(groups.get("m2") or groups["m1"]).lower().rstrip(".")]
        month1 = months[groups["m1"].lower().rstrip(".")] if groups.get("m1") else month2
        year = int(groups["y"]) if groups.get("y") else None
        first = _dated(year, month1, int(groups["d1"]), reference)
        second = _dated(year or first.year, month2, int(groups.get("d2") or groups["d1"]), reference)
    except (ValueError, KeyError):
        return None
    if second < first:
        second = second.replace(year=second.year + 1)
    return first, second


def _other_reading(kind: str, match: re.Match[str], read: date) -> date | None:
    """The month-first reading of a numeric date with slashes ("03/04/2027", which US writers
    mean as 4 March), when it is a date of its own; day-first dots ("03.04.2027") are European
    only, and a weekday before the date settles the order."""
    if kind != "numeric" or "/" not in match.group(0):
        return None
    day, month = int(match.group("d1")), int(match.group("m1"))
    if day == month or day > 12:
        return None
    return read.replace(month=day, day=month)


def _weekday_date(first: int, second: int, weekday: int, reference: date) -> date | None:
    """The date of "tirsdag 9/3": day first (as in Europe) unless only month first ("Tue 3/9"
    in US order) falls on the weekday named; None when neither is a date."""
    readings: list[date] = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(_dated(None, month, day, reference))
        except ValueError:
            continue
    matching = [d for d in readings if d.weekday() == weekday]
    return next(iter(matching or readings), None)


def _dated(year: int | None, month: int, day: int, reference: date) -> date:
    if year:
        return date(year, month, day)
    candidate = date(reference.year, month, day)
    # a date without a year is the next such date; two weeks back still counts as this year
    return candidate if candidate >= reference - timedelta(days=14) else date(reference.year + 1, month, day)


def times_in(text: str) -> list[TimeRange]:
    """Time ranges in ``text``; those inside a parenthesis about something else are left out.

    A bare hour before an hour with am/pm takes its half of the day when it can: "2 to 5 pm" is
    14:00–17:00, "9 to 5 pm" 09:00–17:00. Two times with an end word between them are one range
    ("begins at 9 a.m. ... concludes at 1 p.m.", "starter kl. 09.00 og avsluttes kl. 15.30").
    """
    result: list[TimeRange] = []
    previous_end = 0
    text = _NOON.sub("12:00", text)
    for match in TIME_RANGE.finditer(text):
        if _in_distracting_parenthesis(text, match.start()):
            continue
        end = _clock(match, "b") if match.group("bh") else None
        start = _clock(match, "a", inherit=match.group("bap") if end else None, bare=end is not None)
        if start is not None and end is not None and start > end and not match.group("aap"):
            start = _clock(match, "a", inherit="am")  # "from 9 to 5 pm"
        if start is None:
            continue
        if result and result[-1][1] is None and end is None and ENDS.search(text[previous_end:match.start()]):
            result[-1] = (result[-1][0], start)  # "starts at 09:00 and ends at 15:30"
        else:
            result.append((start, end))
        previous_end = match.end()
    return result


def _clock(match: re.Match[str], which: str, inherit: str | None = None, bare: bool = False) -> time | None:
    """The time of side ``which`` ("a" or "b") of a TIME_RANGE match, None when it is no time.
    A bare hour is a time with "kl.", am/pm or an hour mark ("14h", "16 Uhr"), or, with ``bare``,
    as the start of a range whose end is a time ("von 9 bis 16 Uhr")."""
    hour_text, minute_text = match.group(f"{which}h"), match.group(f"{which}m")
    sep, ampm = match.group(f"{which}sep"), (match.group(f"{which}ap") or inherit or "").lower()
    prefix = match.group(0)[: match.start(f"{which}h") - match.start(0)].strip().lower()
    hour = int(hour_text)
    unit = (match.group(f"{which}unit") or "").lower()
    if minute_text is None and not ampm and not prefix.startswith("kl") and unit not in ("h", "uhr") and not bare:
        return None  # a bare number is not a time
    if sep == "." and not (prefix or minute_text in ("00", "15", "30", "45")):
        return None  # "section 3.10" is not ten past three
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return time(hour, int(minute_text or 0))


# "at 14:00 (instead of 13:00)": the time in the parenthesis is the old one
_SUPERSEDED = re.compile(r"\b(?:instead of|rather than|previously|originally|i stedet for|istedenfor|tidligere|"
                         r"opprinnelig|før endringen|statt|au lieu de)\b", re.I)


def _in_distracting_parenthesis(text: str, position: int) -> bool:
    opening = text.rfind("(", 0, position)
    if opening == -1 or text.find(")", opening) < position:
        return False
    closing = text.find(")", position)
    inner = text[opening:closing if closing != -1 else len(text)]
    return bool(DISTRACTORS.search(inner) or _SUPERSEDED.search(inner))


# "is scheduled to last three hours", "varer i to timer", "dauert zwei Stunden", "durée : 90 minutes"
_COUNTS = {"one": 1, "an": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "en": 1, "ei": 1, "ett": 1, "én": 1, "to": 2, "två": 2, "tre": 3, "fire": 4, "fyra": 4, "fem": 5,
           "seks": 6, "sex": 6, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
           "une": 1, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5}
_DURATION = re.compile(r"\b(?:last|lasts|lasting|duration(?:\s+of)?|vare|varer|vil vare|varar|varighet|dauert|dauer|"
                       r"durera|durée|dure)\s*(?::\s*)?(?:i\s+|about\s+|approximately\s+|ca\.?\s+|etwa\s+|environ\s+)?"
                       r"(?P<n>\d+(?:[.,]5)?|" + "|".join(sorted(_COUNTS, key=len, reverse=True)) + r")\s+"
                       r"(?P<unit>hours?|hrs?|timer?|timmar|timme|stunden?|heures?|minutes?|minutter|minuter|minuten|min)\b",
                       re.I)


def duration_in(text: str) -> timedelta | None:
    """A meeting's length as the text states it ("will last three hours": 3 h), None when none
    is stated; longer than 12 hours is no meeting's length."""
    match = _DURATION.search(text)
    if match is None:
        return None
    number = match.group("n").lower().replace(",", ".")
    count = float(number) if number[0].isdigit() else _COUNTS[number]
    minutes = count if match.group("unit").lower().startswith("min") else count * 60
    return timedelta(minutes=minutes) if 0 < minutes <= 12 * 60 else None
