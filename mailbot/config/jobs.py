"""Settings of the scheduled work: the referat chase [chase], the unit's people [unit] and the
weekly summary [summary], each with its own checks.

Part of the configuration (:mod:`mailbot.config.settings`); every error names the file and the key.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from mailbot.config.resources import languages
from mailbot.errors import ConfigError
from mailbot.followup.businessdays import Calendar
from mailbot.followup.cadence import Cadence

FOLLOW_UP_HEADINGS = ("oppfølgingspunkter", "oppfølgingspunkt", "oppfølging", "videre oppfølging",
                      "follow-up points", "follow-up", "follow up", "followup", "action points", "action items",
                      "actions", "next steps", "tiltak")


@dataclass(frozen=True)
class ChaseConfig:
    """The chase for the referat after a meeting (IM 2011-013 §4.1); days are business days.
    ``consultation_reminder_days``: a meeting flagged for consulting the ministry (§3.2) and not
    yet consulted gets one reminder this many business days before its first day (0: none)."""

    enabled: bool = True
    request_after_days: int = 1
    reminder_days: tuple[int, ...] = (5, 10)
    escalate_after_days: int = 15
    office_opens: str = "08:00"
    office_closes: str = "16:00"
    closed_days: tuple[str, ...] = ("12-24", "12-31")
    out_of_office_days: int = 5
    out_of_office_max_days: int = 60
    referat_min_words: int = 40
    follow_up_headings: tuple[str, ...] = FOLLOW_UP_HEADINGS
    consultation_reminder_days: int = 5

    def calendar(self) -> Calendar:
        """The business-day calendar these settings describe (validated at load)."""
        days = tuple((int(d[:2]), int(d[3:])) for d in self.closed_days)
        return Calendar(opens=time.fromisoformat(self.office_opens), closes=time.fromisoformat(self.office_closes),
                        closed_days=days)

    def cadence(self) -> Cadence:
        """The steps of the chase these settings describe."""
        return Cadence(self.calendar(), self.request_after_days, self.reminder_days, self.escalate_after_days)

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key for a value the chase cannot work with."""
        for key in ("office_opens", "office_closes"):
            if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", getattr(self, key)):
                raise ConfigError("expected a time of day HH:MM (Oslo time)", path=where, key=f"chase.{key}")
        if self.office_opens >= self.office_closes:
            raise ConfigError("office hours must open before they close", path=where, key="chase.office_closes")
        for day in self.closed_days:
            try:
                date(2000, int(day[:2]), int(day[3:]))  # a leap year, so 02-29 is a valid closed day
            except ValueError:
                raise ConfigError(f"expected MM-DD, got {day!r}", path=where, key="chase.closed_days") from None
        steps = (0, *self.reminder_days) + ((self.escalate_after_days,) if self.escalate_after_days else ())
        if any(b <= a for a, b in itertools.pairwise(steps)) or self.escalate_after_days < 0:
            raise ConfigError("reminder and escalation days must be positive and increasing",
                              path=where, key="chase.reminder_days")
        for key in ("request_after_days", "out_of_office_days", "out_of_office_max_days", "referat_min_words"):
            if getattr(self, key) < (0 if key == "request_after_days" else 1):
                raise ConfigError("value out of range", path=where, key=f"chase.{key}")
        if not 0 <= self.consultation_reminder_days <= 60:
            raise ConfigError("expected 0 (no reminder) to 60 business days", path=where,
                              key="chase.consultation_reminder_days")


@dataclass(frozen=True)
class UnitConfig:
    """The international unit's people: ``advisers`` may steer records by email (the staff of
    INE, not every staff member of the allowed domains); ``report_to`` hears of problems."""

    advisers: tuple[str, ...] = ()
    report_to: tuple[str, ...] = ()
    directory: Path | None = None

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key for a bad address or a directory file that is not
        there (its entries are read with the other registries, :func:`mailbot.app.registries`)."""
        for key in ("advisers", "report_to"):
            if any("@" not in address for address in getattr(self, key)):
                raise ConfigError("expected email addresses", path=where, key=f"unit.{key}")
        if self.directory is not None and not self.directory.is_file():
            raise ConfigError("file not found", path=where, key="unit.directory")


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class SummaryConfig:
    """The weekly summary email to the international unit (IM 2011-013 §1, §2.3: the overview).

    ``day`` and ``time`` (Oslo wall clock, HH:MM) fix when it goes out each ISO week; with
    ``business_days`` a day that is no business day moves it to the next business day.
    ``recipients`` (staff addresses only) default to the unit's (:attr:`Config.unit_recipients`).
    """

    enabled: bool = True
    day: str = "monday"
    time: str = "07:30"
    business_days: bool = True
    recipients: tuple[str, ...] = ()
    language: str = "nb"
    upcoming_days: int = 14
    trend_weeks: int = 8
    max_rows: int = 5

    @property
    def weekday(self) -> int:
        """``day`` as a number, Monday = 0."""
        return WEEKDAYS.index(self.day)

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key for a day, time, language or count out of range."""
        if self.day not in WEEKDAYS:
            raise ConfigError(f"expected a weekday in English ({', '.join(WEEKDAYS)})", path=where, key="summary.day")
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", self.time):
            raise ConfigError("expected a time of day HH:MM (Oslo time)", path=where, key="summary.time")
        if self.language not in languages():
            names = [f'"{language}"' for language in languages()]
            raise ConfigError(f"expected {', '.join(names[:-1])} or {names[-1]} (a folder in templates/)",
                              path=where, key="summary.language")
        for key, low, high in (("upcoming_days", 1, 366), ("trend_weeks", 1, 52), ("max_rows", 1, 100)):
            if not low <= getattr(self, key) <= high:
                raise ConfigError(f"expected {low} to {high}", path=where, key=f"summary.{key}")


