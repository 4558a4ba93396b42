"""When a meeting takes place, read from free text and from Outlook's When/Når lines.

The dates and times themselves are found by :mod:`mailbot.parsing.textdates`. Here each date
mention, with the times of its clause, is a candidate; labels ("Date:", "Når:") and meeting
words count for it, registration deadlines, dinners, coffee and pre-meetings against it. The
best candidate wins, joined with the hours of its days and the days that follow it.

Times come back as wall-clock (naive) values with the zone the text names for them, if any;
the caller decides the zone otherwise.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from mailbot.parsing import programme, zones
from mailbot.parsing.textdates import (
    DISTRACTORS,
    ENDS,
    TIME_RANGE,
    DateMention,
    TimeRange,
    dates_in,
    duration_in,
    times_in,
)

# "Date:", "Dato og tid:", "Time of the meeting:", and a table row rendered as text ("Date    6 May")
LABELS = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}?(date|dates|dato|datum|when|når|när|time|times|tid|tidspunkt|kl|"
                    r"heure|horaire|zeit|uhrzeit|termin|wann|programme|program|møtedato|hours|møtetid)"
                    r"(?:\s+[^\W\d_]+){0,3}?(?:\s*:|\s{2,}|\t)", re.I)
# (compounds too: "arbeidsmøte", "Expertentreffen"; Swedish "seminarium", "bjuder in", "inbjudan")
MEETING_WORDS = re.compile(r"\b(\w*(?:meeting|møte|møde|möte|treffen|sitzung|tagung)\w*|held|holdes|afholdes|hålls|"
                           r"takes? place|finner sted|finder sted|äger rum|will be|starts?|begins?|begynner|begynder|"
                           r"opens|session|workshop|conference|konferanse|konference|konferens\w*|seminar\w*|"
                           r"invit\w*|inbjud\w*|bjuder\s+in|sammanträde\w*|besprechung|konferenz|findet|réunion|"
                           r"aura lieu|se tiendra|conférence|séminaire|\w*findet|stattfinden|einlad\w*|eingeladen|"
                           r"veranstaltung\w*|tagt|tagen)\b", re.I)
_SENTENCE_END = re.compile(r"(?<![\s(]\w)(?<![\s(]\w\w)[.;] ")
RECURRING = re.compile(r"\b(occurs|forekommer|every|hver|each|recurring|gjentas)\b", re.I)


@dataclass(frozen=True)
class Span:
    """A meeting's time as the text gives it: wall-clock values and the zone it names.

    ``start``/``end`` are naive datetimes, or dates for an all-day span (``end`` inclusive);
    ``line`` is the index of the text line the span was read from; ``alternatives`` are other
    days the text allows as the meeting's first day (the other order of day and month in
    "03/04/2027", another date that scores almost as well), empty when the reading is clear.
    """

    start: datetime | date
    end: datetime | date
    zone: str | None
    line: int = 0
    alternatives: tuple[date, ...] = ()

    @property
    def all_day(self) -> bool:
        """True when the text gives dates but no times."""
        return not isinstance(self.start, datetime)

    @property
    def first_day(self) -> date:
        """The day the span starts on."""
        return _day(self.start)

    @property
    def last_day(self) -> date:
        """The day the span ends on (inclusive)."""
        return _day(self.end)


def _day(moment: date) -> date:
    """The day of a date or naive datetime."""
    return moment.date() if isinstance(moment, datetime) else moment


# "... on 14 April", "... am 3. März", "... le 3 mars": times before the date belong to it
_TIED_BEFORE = re.compile(r"\b(?:on|am|le)\s+(?:\w+,?\s+)?(?:the\s+)?$", re.I)
_UTC_LABEL = re.compile(r"\((?:UTC|GMT)[^)]*\)", re.I)


# A sent date in a forwarded or attached message's header block, never a meeting's time: the
# header-block words of the mail clients, and an RFC 5322 date-time ("Wed, 22 Jul 2015 10:54:15 +0000")
_SENT_LINE = re.compile(r"^\s*(?:\*\*|<b>)?(?:sent|sendt|gesendet|envoyé|skickat|verzonden|lähetetty|wysłano|"
                        r"enviado|inviato|odesláno)(?:\*\*|</b>)?\s*:|"
                        r"^\s*(?:date|datum|dato)\s*:\s*(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+"
                        r"\d{1,2}:\d\d:\d\d\s*(?:[+-]\d{4}|gmt|ut|utc)\b", re.I)


def find_span(text: str, reference: date) -> Span | None:
    """The most likely meeting time in ``text``; dates without a year follow ``reference``.
    The span's ``alternatives`` name the other days the text leaves open (see :func:`_doubts`).

    When the best candidate is a range of days without times ("Dates: 14–15 April"), or lies
    inside one, and other lines give the hours of its first and last day ("14 April
    13:00–18:00 ... 15 April 09:00–13:00"), the span runs from the first day's start to the
    last day's end.
    """
    raw = text.split("\n")
    lines = ["" if _SENT_LINE.match(line) else _UTC_LABEL.sub(lambda m: " " * len(m.group(0)), line)
             for line in raw]
    found = [(score, -index, span) for index in range(len(lines))
             for span, score in _candidates(lines, index, reference, raw[index])]
    if not found:
        return None
    score, _, best = max(found, key=lambda item: item[:2])
    if score <= (0 if best.all_day else -3):  # a bare date with nothing about a meeting is no meeting
        return None
    result = _assembled(best, found)
    if not result.all_day and result.end == result.start:  # only a start: a stated length gives the end
        length = duration_in(text)
        if length is not None and isinstance(result.start, datetime):
            result = replace(result, end=result.start + length)
    return replace(result, alternatives=_doubts(result, best, score, found))


def _assembled(best: Span, found: list[tuple[float, int, Span]]) -> Span:
    """The best candidate joined with the hours of its days and the days that follow it."""
    spans = [span for _, _, span in found]
    if best.all_day:
        return _with_hours(best, spans)
    for days in (s for score, _, s in found if score > 0 and s.all_day and s.start < s.end):
        if days.first_day <= best.first_day <= days.last_day:  # "Dates: 18–19 May" with each day's hours below
            merged = _with_hours(days, spans)
            if not merged.all_day:
                return merged
    return _next_days(best, [span for score, _, span in found if score >= 0])


def _doubts(result: Span, best: Span, best_score: float, found: list[tuple[float, int, Span]]) -> tuple[date, ...]:
    """Other first days the text allows for ``result`` (assembled from the candidate ``best``):
    the month-first reading of its date, and the days of candidates that speak of a meeting
    almost as clearly (within one point) and lie outside the result's days."""
    days = set(best.alternatives)
    days |= {s.first_day for score, _, s in found
             if score > 0 and score >= best_score - 1
             and not (s.first_day <= result.last_day and result.first_day <= s.last_day)}
    return tuple(sorted(day for day in days if day != result.first_day))


def _next_days(span: Span, spans: list[Span]) -> Span:
    """A programme over several days, a day a line or a clause ("Thursday 4 March – 14:00 to
    18:30" then "Friday 5 March – 09:00 to 13:00"): the span runs on to the end of the last day.
    ``spans`` are the text's other candidates that speak of nothing else (dinners, deadlines)."""
    while True:
        following = [s for s in spans if not s.all_day and span.line <= s.line <= span.line + 5
                     and s.first_day == span.last_day + timedelta(days=1)]
        if not following:
            return span
        last = following[0]
        span = Span(span.start, last.end, span.zone or last.zone, last.line)


def _with_hours(days: Span, spans: list[Span]) -> Span:
    timed = [s for s in spans if not s.all_day and s.first_day == s.last_day]
    first = [s for s in timed if s.first_day == days.first_day]
    last = [s for s in timed if s.first_day == days.last_day]
    if not first or not last:
        return days
    start = min(s.start for s in first)
    end = max(s.end for s in last)
    return Span(start, end, first[0].zone or last[0].zone or days.zone, days.line) if end > start else days


def _candidates(lines: list[str], index: int, reference: date, raw_line: str) -> Iterator[tuple[Span, float]]:
    """Each date mention of line ``index`` as a span with its score."""
    line = lines[index]
    mentions = dates_in(line, reference)
    own = _own_times(line, mentions)
    closing: set[int] = set()  # mentions that end a range opened by the mention before them
    for n, mention in enumerate(mentions):
        if n in closing:
            continue
        clause_end = mentions[n + 1].start if n + 1 < len(mentions) else len(line)
        first_times, last = own[n], mention
        end_times: list[TimeRange] = []
        if n + 1 < len(mentions) and _joins(line[mention.end:mentions[n + 1].start], mention, mentions[n + 1]):
            closing.add(n + 1)
            if RECURRING.search(line):  # "from 14.01.2027 to 10.06.2027 13:00-14:00": the first occurrence
                first_times = first_times or own[n + 1]
            else:  # "26 May 2027, 09:00 ... until 27 May 2027, 13:00"
                last, end_times = mentions[n + 1], own[n + 1]
        zone_text = raw_line
        if not first_times and not end_times:
            first_times, used = programme.following_times(lines, index)
            zone_text += "\n" + used
        span = _span(mention, last, first_times, end_times, zones.text_zone(zone_text), index)
        if span is not None:
            context = _context(line, mention.start, clause_end)
            # distractions count up to the end of the sentence, and the venue named right after the
            # date ("på Hotel Example Saga") is none
            after = line[mention.end:clause_end]
            stop = _SENTENCE_END.search(after)
            plain = _context(line, mention.start, mention.end) + _VENUE_AFTER.sub("", after[:stop.start()] if stop
                                                                                   else after, 1)
            yield span, _score(line, context, plain, mention, span, reference)


def _own_times(line: str, mentions: list[DateMention]) -> list[list[TimeRange]]:
    """The times that belong to each date mention: those after it ("14 April 13:00–18:00"), or,
    when the line's first date is tied to times before it by a preposition ("09:00 to 17:00 on
    14 April and 09:00 to 13:00 on 15 April"), those before each."""
    bounds = [0] + [m.end for m in mentions]
    before = [times_in(line[bounds[n]:m.start]) if _TIED_BEFORE.search(line[bounds[n]:m.start]) else []
              for n, m in enumerate(mentions)]
    if mentions and before[0]:  # the line puts times before its dates
        return before
    return [times_in(line[m.end:mentions[n + 1].start if n + 1 < len(mentions) else len(line)])
            for n, m in enumerate(mentions)]


def _joins(between: str, first: DateMention, second: DateMention) -> bool:
    """True when the text between two dates makes them one span: a dash, "until", "til", an end
    word ("and closes on"), or "and"/"og" between neighbouring days ("20 April (09:00–17:00)
    and 21 April (09:00–13:00)")."""
    words = TIME_RANGE.sub(" ", re.sub(r"\([^)]*\)", " ", between)).lower()
    if re.search(r"(^|\s|\d)(-|–|—|to|til|till|until|bis|au|à)(\s|$)", words) or ENDS.search(words):
        return True
    close = 0 < (second.first - first.last).days <= 3
    return close and bool(re.fullmatch(r"[\s\d:.apm,]*(?:and|og|und|et|&)[\s\w,]*", words))


def _span(first: DateMention, last: DateMention, first_times: list[TimeRange], end_times: list[TimeRange],
          zone: str | None, line: int) -> Span | None:
    """Combine dates and time ranges: one day takes its first range; several days run from the
    first range's start on the first day to the last range's end on the last day."""
    doubt = (first.other_reading,) if first.other_reading else ()
    if not first_times and not end_times:
        return Span(first.first, last.last, zone, line, doubt)
    times = first_times or end_times
    start_time = times[0][0]
    end_time: time | None
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
    return Span(start, end, zone, line, doubt)


def _context(line: str, start: int, end: int) -> str:
    """The sentence around a date mention (a full stop after a one- or two-letter abbreviation
    such as "d." or "kl." ends no sentence)."""
    ends = [m.start() for m in _SENTENCE_END.finditer(line, 0, start)]
    left = ends[-1] if ends else -1
    return line[left + 1 if left >= 0 else 0:end]


# A venue phrase: a preposition and what follows it to the end of the sentence, not a time
_VENUE_AFTER = re.compile(r"^[\s,]*(?:at|in|på|i|hos|au|à|im|en|sur|auf)\s+(?![\d(])[^.;!?]*", re.I)


def _score(line: str, context: str, plain: str, mention: DateMention, span: Span, reference: date) -> float:
    """How much a date mention looks like the meeting's: labels, meeting words in ``context``
    and times for it; distractions in ``plain`` (the context without the venue after the date)
    and past dates against it."""
    score = 0.0
    if LABELS.match(line):
        score += 3
    if MEETING_WORDS.search(context):
        score += 1.5
    before = line[max(0, mention.start - 40):mention.start]
    plain = re.sub(r"\([^)]*\)", " ", plain)
    if DISTRACTORS.search(before) or DISTRACTORS.search(plain):
        score -= 4
    if not span.all_day:
        score += 2
    if mention.first < reference - timedelta(days=1):
        score -= 5
    return score
