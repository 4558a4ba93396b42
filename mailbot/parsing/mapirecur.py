"""Outlook's recurrence of a series (PidLidAppointmentRecur, [MS-OXOCAL] §2.2.1.44) as an RFC 5545
RRULE and EXDATEs, for meetings read from winmail.dat and .msg items (:mod:`mailbot.parsing.outlook`).

The binary RecurrencePattern (§2.2.1.44.1) is read here with ``struct``: extract-msg's reader
takes the 4-byte PatternTypeSpecific of Month patterns for MonthNth's 8 bytes and the other way
round, and numbers the weekday bits from the wrong end. Its fields become RRULE parts (FREQ,
INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT or UNTIL). Dates in the pattern are
minutes since 1601-01-01 at local midnight of the series' zone. Gregorian calendars only; a
Hijri pattern or one that cannot be read gives no rule (the meeting is then read as its first
occurrence, as without a pattern).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

DAILY, WEEKLY, MONTHLY, YEARLY = 0x200A, 0x200B, 0x200C, 0x200D
DAY, WEEK, MONTH, MONTH_NTH, MONTH_END = 0, 1, 2, 3, 4
END_AFTER_DATE, END_AFTER_COUNT = 0x2021, 0x2022
# [MS-OXOCAL] §2.2.1.44.1.2: Su = bit 0x01 ... Sa = bit 0x40
WEEKDAY_BITS = ((0x02, "MO"), (0x04, "TU"), (0x08, "WE"), (0x10, "TH"), (0x20, "FR"), (0x40, "SA"), (0x01, "SU"))
_EPOCH = date(1601, 1, 1)


@dataclass(frozen=True)
class Series:
    """A series as iCalendar gives it: ``rrule`` (RFC 5545 §3.3.10 value, e.g.
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6") and ``exdates``, the deleted occurrences (aware,
    at the series' start time in its zone)."""

    rrule: str
    exdates: tuple[datetime, ...] = ()


def series(blob: bytes, start: datetime, zone: ZoneInfo) -> Series | None:
    """The series of PidLidAppointmentRecur ``blob`` whose first occurrence starts at ``start``
    (aware) in ``zone``; None for an empty, Hijri or unreadable pattern."""
    try:
        pattern = _Pattern.read(blob)
    except (struct.error, ValueError):
        return None
    local = start.astimezone(zone)
    rule = _rule(pattern.frequency, pattern.pattern_type, pattern.period, pattern.specific, local)
    if rule is None:
        return None
    if pattern.end_type == END_AFTER_COUNT and pattern.count:
        rule += f";COUNT={pattern.count}"
    elif pattern.end_type == END_AFTER_DATE:
        last = datetime.combine(_day(pattern.end_date), local.timetz())
        rule += f";UNTIL={last.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    exdates = tuple(datetime.combine(_day(minutes), local.timetz()) for minutes in pattern.deleted
                    if minutes not in pattern.modified)  # a moved occurrence is listed in both
    return Series(rule, exdates)


@dataclass(frozen=True)
class _Pattern:
    """The fields of a RecurrencePattern that an RRULE needs ([MS-OXOCAL] §2.2.1.44.1)."""

    frequency: int
    pattern_type: int
    period: int
    specific: tuple[int, ...]
    end_type: int
    count: int
    deleted: tuple[int, ...]
    modified: frozenset[int]
    end_date: int

    @classmethod
    def read(cls, blob: bytes) -> _Pattern:
        """Raises ValueError (not a Gregorian version-0x3004 pattern) or struct.error (short)."""
        reader, writer, frequency, pattern_type, calendar_type, _, period, _ = struct.unpack_from("<5H3I", blob)
        if reader != 0x3004 or writer != 0x3004 or calendar_type not in (0, 1) or pattern_type > MONTH_END:
            raise ValueError("not a Gregorian recurrence pattern")
        size = {DAY: 0, MONTH_NTH: 2}.get(pattern_type, 1)
        specific = struct.unpack_from(f"<{size}I", blob, 22)
        offset = 22 + 4 * size
        end_type, count, _, deleted_count = struct.unpack_from("<4I", blob, offset)
        deleted = struct.unpack_from(f"<{deleted_count}I", blob, offset + 16)
        offset += 16 + 4 * deleted_count
        (modified_count,) = struct.unpack_from("<I", blob, offset)
        modified = struct.unpack_from(f"<{modified_count}I", blob, offset + 4)
        _, end_date = struct.unpack_from("<2I", blob, offset + 4 + 4 * modified_count)
        return cls(frequency, pattern_type, period, specific, end_type, count, deleted, frozenset(modified), end_date)


def _rule(frequency: int, pattern_type: int, period: int, specific: tuple[int, ...], start: datetime) -> str | None:
    """FREQ, INTERVAL and the BY parts of a pattern (``start`` local); None for other patterns."""
    if pattern_type == DAY and frequency == DAILY:
        return "FREQ=DAILY" + _interval(period // 1440)
    if pattern_type == WEEK:
        return "FREQ=WEEKLY" + _interval(period) + f";BYDAY={_weekdays(specific[0], start)}"
    if frequency == YEARLY:
        freq = "FREQ=YEARLY" + _interval(period // 12) + f";BYMONTH={start.month}"
    elif frequency == MONTHLY:
        freq = "FREQ=MONTHLY" + _interval(period)
    else:
        return None
    if pattern_type == MONTH:
        return f"{freq};BYMONTHDAY={specific[0] or start.day}"
    if pattern_type == MONTH_END:
        return f"{freq};BYMONTHDAY=-1"
    if pattern_type == MONTH_NTH:
        return f"{freq};BYDAY={_weekdays(specific[0], start)};BYSETPOS={-1 if specific[1] == 5 else specific[1]}"
    return None


def _interval(count: int) -> str:
    """";INTERVAL=n" for n > 1 (1 is RFC 5545's default)."""
    return f";INTERVAL={count}" if count > 1 else ""


def _weekdays(bits: int, start: datetime) -> str:
    """BYDAY's days for weekday ``bits``; the start's weekday when none is set."""
    return ",".join(name for bit, name in WEEKDAY_BITS if bits & bit) or ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[
        start.weekday()]


def _day(minutes: int) -> date:
    return _EPOCH + timedelta(minutes=minutes)
