"""The yearly overview for the international unit (IM 2011-013 §2.1, §1): when, the job, the mail, the files.

The overview of a calendar year is due once, early in the next (``[yearly] day`` and ``time``,
Oslo time; by default the first business day of January at 08:00). The job sends the latest
slot that is due and not yet sent: the year it covers is stored in the meta table
(``yearly_year``) in the same commit as the queued mail, whose Message-ID is derived from that
year, so repeated ticks and restarts never send it twice, and a daemon that was down over the
slot sends it once when it comes back. The very first start (no year stored) only notes the
latest slot, so installing mailbot sends nothing at once (``mailbot report --send`` does).

The numbers come from :mod:`mailbot.reports.overview`, the workbook from
:mod:`mailbot.reports.workbook`, the texts from the ``yearly`` templates (words in
``labels.toml`` ``[yearly]``). It goes where the weekly summary goes, in its language: staff only.
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime, time
from pathlib import Path

from mailbot.config import checks
from mailbot.config.settings import Config, YearlyConfig
from mailbot.followup.businessdays import Calendar, oslo_day
from mailbot.model import OSLO, OutgoingMail
from mailbot.outbound.composer import Composer
from mailbot.records.store import Store
from mailbot.reports.overview import Overview, build
from mailbot.reports.spreadsheet import XLSX_TYPE
from mailbot.reports.summary import Lookups

log = logging.getLogger(__name__)

SENT_YEAR = "yearly_year"


def latest_slot(now: datetime, settings: YearlyConfig, calendar: Calendar) -> tuple[int, datetime]:
    """The latest yearly slot due at or before ``now`` (aware): the year it covers (the one
    before the slot's) and when it is due (UTC), e.g. (2026, 2027-01-04 07:00 UTC)."""
    at = time.fromisoformat(settings.time)
    for slot_year in (oslo_day(now).year, oslo_day(now).year - 1):
        due = datetime.combine(settings.due_day(slot_year, calendar), at, tzinfo=OSLO).astimezone(UTC)
        if due <= now:
            return slot_year - 1, due
    raise AssertionError("no yearly slot in two years")


def file_name(year: int) -> str:
    """The files' stem: ``yearly-overview-2026`` (the same in every language)."""
    return f"yearly-overview-{year}"


class YearlyReport:
    """Builds, queues and writes the yearly overview over one store; :meth:`send_due` is the job."""

    def __init__(self, config: Config, store: Store, composer: Composer, lookups: Lookups) -> None:
        self.config = config
        self.settings = config.yearly
        self.store = store
        self.composer = composer
        self.lookups = lookups

    @property
    def language(self) -> str:
        """The unit's language: the weekly summary's."""
        return self.config.unit_language

    def send_due(self, now: datetime) -> None:
        """The job: queue the latest due slot's overview unless it went out already; one commit."""
        if not self.settings.enabled:
            return
        year, _ = latest_slot(now, self.settings, self.lookups.cadence.calendar)
        last = self.store.meta(SENT_YEAR)
        if last is None:  # the first start: no surprise mail at installation
            self.store.set_meta(SENT_YEAR, str(year))
            self.store.commit()
            log.info("yearly overview: first start; %s counts as sent, the next one goes out next year", year)
            return
        if int(last) >= year:
            return
        mail = self.mail(year, now, cause=f"yearly|{year}")
        if not self.store.queue(mail):
            log.warning("yearly overview %s exists already as %s; not sent again", year, mail.message_id)
        self.store.set_meta(SENT_YEAR, str(year))
        self.store.commit()
        log.info("yearly overview %s queued as %s", year, mail.message_id)

    def send_now(self, year: int, now: datetime) -> OutgoingMail:
        """Queue the overview of ``year`` as of ``now`` outside the schedule (``mailbot report
        --send``); the scheduled one still goes out."""
        mail = self.mail(year, now, cause=f"yearly|now|{year}|{now.isoformat()}")
        self.store.queue(mail)
        self.store.commit()
        return mail

    def write(self, year: int, now: datetime, folder: Path) -> list[Path]:
        """Write the overview of ``year`` as of ``now`` into ``folder`` without sending:
        ``yearly-overview-YEAR.html`` (the mail's HTML part), ``.txt`` and ``.xlsx``. Returns the paths."""
        overview = self.overview(year, now)
        body = self.composer.renderer.render("yearly", self.language, unit=self.config.mailbox.name, ref=None,
                                             **self._context(overview))
        stem = folder / file_name(year)
        written = {stem.with_suffix(".html"): body.html.encode("utf-8"),
                   stem.with_suffix(".txt"): body.text.encode("utf-8"),
                   stem.with_suffix(".xlsx"): self.xlsx(overview)}
        folder.mkdir(parents=True, exist_ok=True)
        for path, data in written.items():
            path.write_bytes(data)
        return list(written)

    def overview(self, year: int, now: datetime) -> Overview:
        """The numbers of ``year`` as of ``now``, from the whole store."""
        return build(self.store.records(), year, now, self.lookups, self.language)

    def xlsx(self, overview: Overview) -> bytes:
        """The workbook of ``overview`` in the unit's language."""
        from mailbot.reports import workbook  # openpyxl: not in an idle daemon's memory until January
        return workbook.to_xlsx(overview, self.composer.renderer.labels(self.language), overview.now)

    def mail(self, year: int, now: datetime, cause: str) -> OutgoingMail:
        """The overview mail of ``year`` as of ``now`` with the workbook attached; not stored.
        ``cause`` fixes the Message-ID. Raises ConfigError when a recipient is not a staff address."""
        overview = self.overview(year, now)
        checks.recipients(self.config, self.config.source)
        attachment = (f"{file_name(year)}.xlsx", XLSX_TYPE, self.xlsx(overview))
        return self.composer.mail("yearly", self.language, cause=cause, purpose="yearly",
                                  to=list(self.config.summary_recipients), now=now, attachments=(attachment,),
                                  **self._context(overview))

    def _context(self, overview: Overview) -> dict:
        """What the templates need besides the unit: the overview, the chart's scale (pixels
        per participation, the largest forum 300 px wide) and the referat deadline in business days."""
        largest = max((t.participations for t in overview.by_forum), default=0)
        cadence = self.lookups.cadence
        deadline_days = cadence.request_after + (cadence.steps[1][1] if len(cadence.steps) > 1 else 0)
        return {"o": overview, "scale": 300 / largest if largest else 0, "deadline_days": deadline_days,
                "files": [f"{file_name(overview.year)}.xlsx"]}
