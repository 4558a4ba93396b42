"""The ``[yearly]`` section: when the yearly overview of the year before goes to the unit
(IM 2011-013 §2.1: AUA proposes the coming year's priorities; §1: the whole picture).

Part of the configuration (:mod:`mailbot.config.settings`); every error names the file and the key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mailbot.errors import ConfigError
from mailbot.followup.businessdays import Calendar

FIRST_BUSINESS_DAY = "first-business-day"


@dataclass(frozen=True)
class YearlyConfig:
    """The yearly overview mail: ``day`` is ``"first-business-day"`` (of January: the first
    weekday that is no public holiday nor a closed day) or a date ``"MM-DD"`` from 01-01 to
    03-31; ``time`` the Oslo wall-clock time (HH:MM). It covers the calendar year before and
    goes to the weekly summary's recipients, in its language."""

    enabled: bool = True
    day: str = FIRST_BUSINESS_DAY
    time: str = "08:00"

    def due_day(self, year: int, calendar: Calendar) -> date:
        """The day in ``year`` (Oslo) when the overview of ``year - 1`` is due."""
        if self.day == FIRST_BUSINESS_DAY:
            return calendar.add_business_days(date(year, 1, 1), 0)
        return date(year, int(self.day[:2]), int(self.day[3:]))

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key for a day or time it cannot work with."""
        if self.day != FIRST_BUSINESS_DAY:
            if not re.fullmatch(r"0[1-3]-\d\d", self.day):
                raise ConfigError(f'expected "{FIRST_BUSINESS_DAY}" or a date MM-DD from 01-01 to 03-31, '
                                  f"got {self.day!r}", path=where, key="yearly.day")
            try:
                date(2001, int(self.day[:2]), int(self.day[3:]))  # not a leap year: 02-29 is no yearly day
            except ValueError:
                raise ConfigError(f"no such day in every year: {self.day!r}", path=where, key="yearly.day") from None
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", self.time):
            raise ConfigError("expected a time of day HH:MM (Oslo time)", path=where, key="yearly.time")
