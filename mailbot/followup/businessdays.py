"""Norwegian business days and office hours, in Oslo time (pure: no clock).

A business day is a weekday that is not a Norwegian public holiday (the ``holidays`` package:
New Year's Day, Maundy Thursday to Easter Monday, 1 May, 17 May, Ascension Day, Whit Monday,
Christmas Day and Boxing Day) and not one of the configured extra closed days (by default
Christmas Eve and New Year's Eve, when government offices close early). Chase mail goes out
only in office hours on business days (IM 2011-013 §4.1 asks for the referat; nobody is
reminded on a Sunday or on 17 May).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from mailbot.model import OSLO, utc

if TYPE_CHECKING:
    from holidays import HolidayBase


@dataclass(frozen=True)
class Calendar:
    """Business days and office hours of the unit.

    ``opens``/``closes`` are Oslo wall-clock times (mail goes out from ``opens`` up to, not
    including, ``closes``); ``closed_days`` are extra days off as (month, day) pairs.
    """

    opens: time = time(8, 0)
    closes: time = time(16, 0)
    closed_days: tuple[tuple[int, int], ...] = ((12, 24), (12, 31))

    def is_business_day(self, day: date) -> bool:
        """True for a weekday that is neither a Norwegian public holiday nor a closed day."""
        return day.weekday() < 5 and day not in _norway() and (day.month, day.day) not in self.closed_days

    def add_business_days(self, day: date, count: int) -> date:
        """The ``count``-th business day after ``day``; ``count`` 0 gives ``day`` itself when it
        is a business day, else the next business day. Raises ValueError for a negative count."""
        if count < 0:
            raise ValueError(f"count must not be negative: {count}")
        for _ in range(count):
            day += timedelta(days=1)
            while not self.is_business_day(day):
                day += timedelta(days=1)
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return day

    def count_business_days(self, first: date, last: date) -> int:
        """How many business days lie from ``first`` to ``last``, both included (0 when
        ``last`` is before ``first``)."""
        return sum(self.is_business_day(first + timedelta(days=n)) for n in range((last - first).days + 1))

    def opening(self, day: date) -> datetime:
        """Office opening on ``day`` (or the next business day), as an aware UTC datetime."""
        day = self.add_business_days(day, 0)
        return datetime.combine(day, self.opens, tzinfo=OSLO).astimezone(UTC)

    def in_office_hours(self, moment: datetime) -> bool:
        """True when ``moment`` (aware) falls in office hours on a business day, Oslo time."""
        local = utc(moment).astimezone(OSLO)
        return self.is_business_day(local.date()) and self.opens <= local.time() < self.closes

    def next_open(self, moment: datetime) -> datetime:
        """``moment`` itself when it is in office hours, else the next office opening (UTC)."""
        if self.in_office_hours(moment):
            return utc(moment)
        local = utc(moment).astimezone(OSLO)
        day = local.date() if local.time() < self.opens else local.date() + timedelta(days=1)
        return self.opening(day)


@functools.cache
def _norway() -> HolidayBase:
    """Norway's public holidays, loaded on first use; Sundays are no business day whatever
    ``holidays`` says of them, since :meth:`Calendar.is_business_day` checks the weekday first."""
    from holidays.countries.norway import Norway
    return Norway()


def oslo_day(moment: datetime) -> date:
    """The Oslo calendar day of ``moment`` (aware)."""
    return utc(moment).astimezone(OSLO).date()
