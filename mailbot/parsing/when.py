"""When a meeting takes place, read from free text and from Outlook's When/Når lines.

Dates are found with month and weekday names from ``dateparser``'s language data (English and
the Nordic, Germanic and Romance languages invitations come in), in the forms "21. januar 2027",
"9 February 2027", "February 24, 2027", "16–17 March 2027", "13.-14. april", "14.01.2027",
"2027-01-14", and a day and month after a weekday ("tirsdag 9/3", "Tue 9.3."); a missing year is
the next one from the reference date. Times are "10:00", "kl.
10.00", "9:00 AM", "10h30", and ranges of them. Each date mention, with the times of its clause,
is a candidate; labels ("Date:", "Når:") and meeting words count for it, registration deadlines,
dinners, coffee and pre-meetings against it. The best candidate wins.

Times come back as wall-clock (naive) values with the zone the text names for them, if any;
the caller decides the zone otherwise.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateparser.languages.loader import default_loader

from mailbot.parsing import zones

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
def _patterns() -> dict[str, re.Pattern]:
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
         r"(?:\s*(?:hrs?|uhr|timer)\b\.?)?")
TIME_RANGE = re.compile(_TIME.format("a") + r"(?:\s*(?:-|–|—|to|til|till|until|bis|à|and)\s*"
                        + _TIME.format("b") + r")?", re.I)
# "Date:", "Dato og tid:", "Time of the meeting:", and a table row rendered as text ("Date    6 May")
LABELS = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}?(date|dates|dato|datum|when|når|när|time|times|tid|tidspunkt|kl|"
                    r"heure|horaire|zeit|uhrzeit|termin|wann|programme|program|møtedato|hours|møtetid)"
                    r"(?:\s+[^\W\d_]+){0,3}?(?:\s*:|\s{2,}|\t)", re.I)
MEETING_WORDS = re.compile(r"\b(meeting|møte\w*|mødet|möte\w*|held|holdes|takes? place|finner sted|"
                           r"will be|starts?|begins?|begynner|begynder|opens|session|workshop|"
                           r"conference|konferanse|seminar|invite\w*|inviter\w*)\b", re.I)
DISTRACTORS = re.compile(r"\b(regist\w*|deadline|frist\w*|no later than|innen|senest|by|before|før|"
                         r"dinner|middag|mottakelse|lunch|lunsj|frokost|coffee|kaffe|get-together|ice-?breaker|"
                         # a reception one attends, not the reception of asylum seekers (EUAA's field)
                         r"(?:a|welcome|evening|drinks|cocktail|networking)\s+reception|reception\s+(?:hosted|offered|at)|"
                         r"pre-?meeting|formøte\w*|forberedende|preparatory|drafting group|save the date|"
                         r"check-?in|confirm\w*|bekreft\w*|nominat\w*|"
                         r"reply|svar\w*|papers|sakspapir\w*|sendes|published|contributions|comments?|"
                         r"kommentar\w*|innspill\w*|"
                         r"tilmelding|anmeld\w*|dagen før|the day before|previous evening|"
                         r"travel|reiser|arrival|departure|hotel|excursion|ekskursjon|utflukt|site visit|"
                         r"study visit|optional|valgfri\w*)\b", re.I)
RECURRING = re.compile(r"\b(occurs|forekommer|every|hver|each|recurring|gjentas)\b", re.I)


@dataclass(frozen=True)
class Span:
    """A meeting's time as the text gives it: wall-clock values and the zone it names.

    ``start``/``end`` are naive datetimes, or dates for an all-day span (``end`` inclusive);
    ``line`` is the index of the text line the span was read from.
    """

    start: datetime | date
    end: datetime | date
    zone: str | None
    line: int = 0

    @property
    def all_day(self) -> bool:
        """True when the text gives dates but no times."""
        return not isinstance(self.start, datetime)


@dataclass
class _Date:
    first: date
    last: date
    start: int
    end: int


# "... on 14 April", "... am 3. März", "... le 3 mars": times before the date belong to it
_TIED_BEFORE = re.compile(r"\b(?:on|am|le)\s+(?:\w+,?\s+)?(?:the\s+)?$", re.I)
# Words that end a span: "and closes", "og avsluttes", "until", "ferdige"
_ENDS = re.compile(r"\b(?:clos\w*|conclud\w*|end\w*|finish\w*|until|till|til|to|bis|slutt\w*|avslutt\w*|"
                   r"ferdig\w*|avsluttes|schlie\w*|endet)\b|[-–—]", re.I)
_NOON = re.compile(r"\b(?:12\s*)?(?:noon|midday)\b", re.I)
_UTC_LABEL = re.compile(r"\((?:UTC|GMT)[^)]*\)", re.I)


def find_span(text: str, reference: date) -> Span | None:
    """The most likely meeting time in ``text``; dates without a year follow ``reference``.

    When the best candidate is a range of days without times ("Dates: 14–15 April"), or lies
    inside one, and other lines give the hours of its first and last day ("14 April
    13:00–18:00 ... 15 April 09:00–13:00"), the span runs from the first day's start to the
    last day's end.
    """
    raw = text.split("\n")
    lines = [_UTC_LABEL.sub(lambda m: " " * len(m.group(0)), line) for line in raw]
    found = [(score, -index, span) for index in range(len(lines))
             for span, score in _candidates(lines, index, reference, raw[index])]
    if not found:
        return None
    score, _, best = max(found, key=lambda item: item[:2])
    if score <= (0 if best.all_day else -3):  # a bare date with nothing about a meeting is no meeting
        return None
    spans = [span for _, _, span in found]
    if best.all_day:
        return _with_hours(best, spans)
    for days in (s for score, _, s in found if score > 0 and s.all_day and s.start < s.end):
        if days.start <= best.start.date() <= days.end:  # "Dates: 18–19 May" with each day's hours below
            merged = _with_hours(days, spans)
            if not merged.all_day:
                return merged
    return _next_days(best, [span for score, _, span in found if score >= 0])


def _next_days(span: Span, spans: list[Span]) -> Span:
    """A programme over several days, a day a line or a clause ("Thursday 4 March – 14:00 to
    18:30" then "Friday 5 March – 09:00 to 13:00"): the span runs on to the end of the last day.
    ``spans`` are the text's other candidates that speak of nothing else (dinners, deadlines)."""
    while True:
        following = [s for s in spans if not s.all_day and span.line <= s.line <= span.line + 2
                     and s.start.date() == span.end.date() + timedelta(days=1)]
        if not following:
            return span
        last = following[0]
        span = Span(span.start, last.end, span.zone or last.zone, last.line)


def _with_hours(days: Span, spans: list[Span]) -> Span:
    timed = [s for s in spans if not s.all_day and s.start.date() == s.end.date()]
    first = [s for s in timed if s.start.date() == days.start]
    last = [s for s in timed if s.start.date() == days.end]
    if not first or not last:
        return days
    start = min(s.start for s in first)
    end = max(s.end for s in last)
    return Span(start, end, first[0].zone or last[0].zone or days.zone, days.line) if end > start else days


def _candidates(lines: list[str], index: int, reference: date, raw_line: str):
    line = lines[index]
    mentions = dates_in(line, reference)
    own = _own_times(line, mentions)
    closing = set()  # mentions that end a range opened by the mention before them
    for n, mention in enumerate(mentions):
        if n in closing:
            continue
        clause_end = mentions[n + 1].start if n + 1 < len(mentions) else len(line)
        first_times, end_times, last = own[n], [], mention
        if n + 1 < len(mentions) and _joins(line[mention.end:mentions[n + 1].start], mention, mentions[n + 1]):
            closing.add(n + 1)
            if RECURRING.search(line):  # "from 14.01.2027 to 10.06.2027 13:00-14:00": the first occurrence
                first_times = first_times or own[n + 1]
            else:  # "26 May 2027, 09:00 ... until 27 May 2027, 13:00"
                last, end_times = mentions[n + 1], own[n + 1]
        zone_text = raw_line
        if not first_times and not end_times:
            first_times, used = _following_times(lines, index)
            zone_text += "\n" + used
        span = _span(mention, last, first_times, end_times, zones.text_zone(zone_text), index)
        if span is not None:
            yield span, _score(line, _context(line, mention.start, clause_end), mention, span, reference)


def _own_times(line: str, mentions: list[_Date]) -> list[list[tuple[time, time | None]]]:
    """The times that belong to each date mention: those after it ("14 April 13:00–18:00"), or,
    when the line's first date is tied to times before it by a preposition ("09:00 to 17:00 on
    14 April and 09:00 to 13:00 on 15 April"), those before each."""
    bounds = [0] + [m.end for m in mentions]
    before = [_times(line[bounds[n]:m.start]) if _TIED_BEFORE.search(line[bounds[n]:m.start]) else []
              for n, m in enumerate(mentions)]
    if mentions and before[0]:  # the line puts times before its dates
        return before
    return [_times(line[m.end:mentions[n + 1].start if n + 1 < len(mentions) else len(line)])
            for n, m in enumerate(mentions)]


def dates_in(line: str, reference: date) -> list[_Date]:
    """Every date or date range written in ``line``, in order; overlapping forms taken once."""
    found: list[_Date] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns().items():
        for match in pattern.finditer(line):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            parsed = _to_dates(kind, match, reference)
            if parsed:
                found.append(_Date(parsed[0], parsed[1], match.start(), match.end()))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _to_dates(kind: str, match: re.Match, reference: date) -> tuple[date, date] | None:
    groups = match.groupdict()
    months = _month_numbers()
    try:
        if kind in ("numeric", "iso"):
            day = date(int(groups["y"]), int(groups["m1"]), int(groups["d1"]))
            return day, day
        if kind == "weekday_numeric":
            day = _weekday_date(int(groups["d1"]), int(groups["m1"]), _weekday_numbers()[groups["wd"].lower()], reference)
            return (day, day) if day else None
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


def _weekday_date(first: int, second: int, weekday: int, reference: date) -> date | None:
    """The date of "tirsdag 9/3": day first (as in Europe) unless only month first ("Tue 3/9"
    in US order) falls on the weekday named; None when neither is a date."""
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(_dated(None, month, day, reference))
        except ValueError:
            continue
    matching = [d for d in readings if d.weekday() == weekday]
    return (matching or readings or [None])[0]


def _dated(year: int | None, month: int, day: int, reference: date) -> date:
    if year:
        return date(year, month, day)
    candidate = date(reference.year, month, day)
    # a date without a year is the next such date; two weeks back still counts as this year
    return candidate if candidate >= reference - timedelta(days=14) else date(reference.year + 1, month, day)


def _times(text: str) -> list[tuple[time, time | None]]:
    """Time ranges in ``text``; those inside a parenthesis about something else are left out.

    A bare hour before an hour with am/pm takes its half of the day when it can: "2 to 5 pm" is
    14:00–17:00, "9 to 5 pm" 09:00–17:00. Two times with an end word between them are one range
    ("begins at 9 a.m. ... concludes at 1 p.m.", "starter kl. 09.00 og avsluttes kl. 15.30").
    """
    result: list[tuple[time, time | None]] = []
    previous_end = 0
    text = _NOON.sub("12:00", text)
    for match in TIME_RANGE.finditer(text):
        if _in_distracting_parenthesis(text, match.start()):
            continue
        end = _clock(match, "b") if match.group("bh") else None
        start = _clock(match, "a", inherit=match.group("bap") if end else None)
        if start is not None and end is not None and start > end and not match.group("aap"):
            start = _clock(match, "a", inherit="am")  # "from 9 to 5 pm"
        if start is None:
            continue
        if result and result[-1][1] is None and end is None and _ENDS.search(text[previous_end:match.start()]):
            result[-1] = (result[-1][0], start)  # "starts at 09:00 and ends at 15:30"
        else:
            result.append((start, end))
        previous_end = match.end()
    return result


def _clock(match: re.Match, which: str, inherit: str | None = None) -> time | None:
    """The time of side ``which`` ("a" or "b") of a TIME_RANGE match, None when it is no time."""
    hour_text, minute_text = match.group(f"{which}h"), match.group(f"{which}m")
    sep, ampm = match.group(f"{which}sep"), (match.group(f"{which}ap") or inherit or "").lower()
    prefix = match.group(0)[: match.start(f"{which}h") - match.start(0)].strip().lower()
    hour = int(hour_text)
    if minute_text is None and not ampm and not prefix.startswith("kl"):
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


def _following_times(lines: list[str], index: int) -> tuple[list[tuple[time, time | None]], str]:
    """Times on the next lines ("Date: ..." then "Time: ..." or "Start: ..." and "End: ..."), up
    to a line that names a date, and the text they were found in. Clauses about something else
    ("; welcome coffee from 09:00") are left out. A programme with a time per item gives one
    range, from its first item to its last (registration, lunch and dinner aside)."""
    programme = _programme(lines, index)
    if programme:
        return programme
    clauses = []
    for line in [line for line in lines[index + 1:index + 4] if line.strip()][:3]:
        if _patterns()["dmy"].search(line) or _patterns()["numeric"].search(line):
            break
        clauses += [c for c in re.split(r"[;·|]", line) if not DISTRACTORS.search(re.sub(r"\([^)]*\)", " ", c))]
    text = " ".join(clauses)
    times = _times(text)
    return (times, text) if times else ([], "")


_ITEM = re.compile(r"^\s*(?:kl\.?\s*)?[0-2]?\d[:.][0-5]\d(?!\d)")


def _programme(lines: list[str], index: int) -> tuple[list[tuple[time, time | None]], str] | None:
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
    times = [t for item in items if not DISTRACTORS.search(item) for t in _times(item)[:1]]
    if len(items) < 2 or not times:
        return None
    return [(times[0][0], times[-1][1] or times[-1][0])], "\n".join(notes + items)


def _joins(between: str, first: _Date, second: _Date) -> bool:
    """True when the text between two dates makes them one span: a dash, "until", "til", an end
    word ("and closes on"), or "and"/"og" between neighbouring days ("20 April (09:00–17:00)
    and 21 April (09:00–13:00)")."""
    words = TIME_RANGE.sub(" ", re.sub(r"\([^)]*\)", " ", between)).lower()
    if re.search(r"(^|\s|\d)(-|–|—|to|til|till|until|bis|au|à)(\s|$)", words) or _ENDS.search(words):
        return True
    close = 0 < (second.first - first.last).days <= 3
    return close and bool(re.fullmatch(r"[\s\d:.apm,]*(?:and|og|und|et|&)[\s\w,]*", words))


def _span(first: _Date, last: _Date, first_times, end_times, zone: str | None, line: int) -> Span | None:
    """Combine dates and time ranges: one day takes its first range; several days run from the
    first range's start on the first day to the last range's end on the last day."""
    if not first_times and not end_times:
        return Span(first.first, last.last, zone, line)
    times = first_times or end_times
    start_time = times[0][0]
    if end_times:
        end_time = end_times[-1][1] or end_times[-1][0]
    elif last.last == first.first:
        end_time = times[0][1]
    else:
        end_time = times[-1][1] or (times[-1][0] if len(times) > 1 else None)
    start = datetime.combine(first.first, start_time)
    end = datetime.combine(last.last, end_time) if end_time else start
    if end < start:
        end = start
    return Span(start, end, zone, line)


def _context(line: str, start: int, end: int) -> str:
    """The sentence around a date mention."""
    left = max(line.rfind(". ", 0, start), line.rfind("; ", 0, start))
    return line[left + 1 if left >= 0 else 0:end]


def _score(line: str, context: str, mention: _Date, span: Span, reference: date) -> float:
    score = 0.0
    if LABELS.match(line):
        score += 3
    if MEETING_WORDS.search(context):
        score += 1.5
    before = line[max(0, mention.start - 40):mention.start]
    plain = re.sub(r"\([^)]*\)", " ", context)
    if DISTRACTORS.search(before) or DISTRACTORS.search(plain):
        score -= 4
    if not span.all_day:
        score += 2
    if mention.first < reference - timedelta(days=1):
        score -= 5
    return score
