"""The weekly summary email to the international unit (IM 2011-013 §1, §2.3): when, the job, the mail.

It is due once per ISO week (Oslo time) at ``[summary] day`` and ``time``; with
``business_days`` a day off moves it to the next business day at the same time. The job sends
the latest slot that is due and not yet sent: the slot's ISO week is stored in the meta table
(``summary_week``) in the same commit as the queued mail, whose Message-ID is derived from that
week, so repeated ticks and restarts never send it twice, and a daemon that was down over the
slot sends it once when it comes back. Only the latest slot is sent: a summary is about now.
The very first start (no week stored) only notes the latest slot, so installing mailbot sends
nothing at once; the first summary goes out at the next slot.

The numbers come from :mod:`mailbot.reports.summary`, the attachments from :mod:`mailbot.reports.spreadsheet`,
the texts from the ``summary`` templates. It goes to the unit's staff only
(:attr:`~mailbot.config.settings.Config.summary_recipients`, checked against ``senders.allowed_domains``).
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from mailbot.config import checks
from mailbot.config.settings import Config, SummaryConfig
from mailbot.followup.businessdays import Calendar, oslo_day
from mailbot.model import OSLO, OutgoingMail
from mailbot.outbound.composer import Composer
from mailbot.records.store import Store
from mailbot.reports import spreadsheet
from mailbot.reports.summary import Lookups, Summary, build, iso_week

log = logging.getLogger(__name__)

SENT_WEEK = "summary_week"


def latest_slot(now: datetime, settings: SummaryConfig, calendar: Calendar) -> tuple[str, datetime]:
    """The latest summary slot due at or before ``now`` (aware): its ISO week (``2027-W05``,
    the week of the configured day) and when it is due (UTC)."""
    today = oslo_day(now)
    monday = today - timedelta(days=today.weekday())
    at = time.fromisoformat(settings.time)
    for weeks_back in range(4):  # a day off moves a slot by days, never by weeks
        start = monday - timedelta(weeks=weeks_back)
        day = start + timedelta(days=settings.weekday)
        if settings.business_days:
            day = calendar.add_business_days(day, 0)
        due = datetime.combine(day, at, tzinfo=OSLO).astimezone(UTC)
        if due <= now:
            return iso_week(start), due
    raise AssertionError("no summary slot in four weeks")


class WeeklySummary:
    """Builds, queues and previews the weekly summary over one store; :meth:`send_due` is the job."""

    def __init__(self, config: Config, store: Store, composer: Composer, lookups: Lookups) -> None:
        self.config = config
        self.settings = config.summary
        self.store = store
        self.composer = composer
        self.lookups = lookups

    def send_due(self, now: datetime) -> None:
        """The job: queue the latest due slot's summary unless it went out already; one commit."""
        if not self.settings.enabled:
            return
        week, _ = latest_slot(now, self.settings, self.lookups.cadence.calendar)
        last = self.store.meta(SENT_WEEK)
        if last is None:  # the first start: no surprise mail at installation, the next slot is the first
            self.store.set_meta(SENT_WEEK, week)
            self.store.commit()
            log.info("weekly summary: first start in week %s; the first summary goes out at the next slot", week)
            return
        if last >= week:
            return
        mail = self.mail(now, cause=f"summary|{week}")
        if not self.store.queue(mail):
            log.warning("weekly summary %s exists already as %s; not sent again", week, mail.message_id)
        self.store.set_meta(SENT_WEEK, week)
        self.store.commit()
        log.info("weekly summary %s queued as %s", week, mail.message_id)

    def send_now(self, now: datetime) -> OutgoingMail:
        """Queue a summary as of ``now`` outside the schedule (``mailbot summary --send-now``);
        the scheduled ones still go out."""
        mail = self.mail(now, cause=f"summary|now|{now.isoformat()}")
        self.store.queue(mail)
        self.store.commit()
        return mail

    def preview(self, now: datetime, target: Path) -> list[Path]:
        """Write the summary as of ``now`` without sending: ``target`` (the HTML part), beside it
        the plain-text part (.txt), the whole message (.eml) and the attachments. Returns the paths."""
        mail = self.mail(now, cause="summary|preview")
        msg = BytesParser(policy=policy.default).parsebytes(mail.raw.encode("ascii"))
        target.parent.mkdir(parents=True, exist_ok=True)
        written = {target: _body(msg, "html").encode("utf-8"),
                   target.with_suffix(".txt"): _body(msg, "plain").encode("utf-8"),
                   target.with_suffix(".eml"): mail.raw.encode("ascii")}
        for part in msg.iter_attachments():
            name, data = part.get_filename(), part.get_payload(decode=True)
            if name is None or not isinstance(data, bytes):
                raise ValueError(f"summary {mail.message_id}: an attachment without a name or content")
            written[target.parent / name] = data
        for path, data in written.items():
            path.write_bytes(data)
        return list(written)

    def summary(self, now: datetime) -> Summary:
        """The numbers as of ``now``, from the whole store."""
        return build(self.store.records(), self.store.mails(), now, self.lookups, self.settings.language,
                     self.settings.upcoming_days, self.settings.trend_weeks)

    def mail(self, now: datetime, cause: str) -> OutgoingMail:
        """The summary mail as of ``now``, with its attachments; not stored. ``cause`` fixes
        the Message-ID. Raises ConfigError when a recipient is not a staff address."""
        summary = self.summary(now)
        name = f"open-records-{iso_week(now)}"
        points = tuple(point for _, found in summary.follow_ups for point in found)
        attachments = ((f"{name}.xlsx", spreadsheet.XLSX_TYPE, spreadsheet.to_xlsx(summary.open, now, points)),
                       (f"{name}.csv", spreadsheet.CSV_TYPE, spreadsheet.to_csv(summary.open)))
        return self.composer.mail(
            "summary", self.settings.language, cause=cause, purpose="summary", to=list(self._recipients()),
            now=now, attachments=attachments, s=summary, week_number=int(summary.week[-2:]),
            max_rows=self.settings.max_rows, upcoming_days=self.settings.upcoming_days,
            files=[a[0] for a in attachments], deadline_days=self._deadline_days())

    def _recipients(self) -> tuple[str, ...]:
        """The summary names every participant: it goes to staff addresses only (ConfigError
        otherwise, also for a Config built without :func:`~mailbot.config.settings.load`)."""
        checks.recipients(self.config, self.config.source)
        return self.config.summary_recipients

    def _deadline_days(self) -> int:
        """Business days from the meeting's last day to the referat's deadline (6 by default)."""
        cadence = self.lookups.cadence
        return cadence.request_after + (cadence.steps[1][1] if len(cadence.steps) > 1 else 0)


def _body(msg: EmailMessage, subtype: str) -> str:
    """The text/``subtype`` body of the summary mail (it has both plain and html)."""
    body = msg.get_body((subtype,))
    if body is None:
        raise ValueError(f"the summary has no text/{subtype} body")
    return str(body.get_content())
