"""The reminder to consult the ministry before a meeting (IM 2011-013 §3.2).

A meeting whose consultation is awaited (:func:`mailbot.records.consultation.status`: flagged
by the screening or said to be attended alone, and neither CONSULTED nor NOT-NEEDED) gets one
reminder to its participant on the business day ``[chase] consultation_reminder_days`` business
days before the meeting's first day (Oslo), from office opening. It goes only to a record
registered before that moment (one registered later got the warning in its checklist reply a
moment ago) whose meeting has not begun. The job runs from the daemon every minute and does its
round once per business day in office hours (the day is kept in the store's meta table).

Exactly once: the mail is queued and the event ``consultation-reminder`` put on the record in
the same commit; the Message-ID is derived from the record, so a crash between two records, a
restart or a repeated round computes the same ID and the store refuses a second copy, and a
record that has the event is never reminded again (also when its meeting moves).
"""
from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from mailbot.config.settings import Config
from mailbot.followup.businessdays import Calendar, oslo_day
from mailbot.model import OutgoingMail, Participation, State
from mailbot.outbound.composer import Composer, message_id
from mailbot.outbound.rendering import meeting_times
from mailbot.parsing.screening import Rules
from mailbot.records import consultation
from mailbot.records.store import Store

log = logging.getLogger(__name__)

DONE_DAY = "consultation_reminders_day"
PURPOSE = "consultation-reminder"


def business_days_before(calendar: Calendar, day: date, count: int) -> date:
    """The ``count``-th business day before ``day`` (``count`` >= 1)."""
    for _ in range(count):
        day -= timedelta(days=1)
        while not calendar.is_business_day(day):
            day -= timedelta(days=1)
    return day


def reminder_at(record: Participation, calendar: Calendar, days: int) -> datetime:
    """When ``record``'s reminder is due: office opening ``days`` business days before the
    meeting's first day, Oslo time (aware, UTC)."""
    return calendar.opening(business_days_before(calendar, oslo_day(record.meeting.start), days))


def wants_reminder(record: Participation, now: datetime, calendar: Calendar, days: int) -> bool:
    """True when ``record`` is to be reminded at ``now`` (aware); see the module's docstring."""
    if record.state is not State.REGISTERED or record.meeting.start <= now or days < 1:
        return False
    if consultation.status(record) != consultation.AWAITED or consultation.last(record, consultation.REMINDER):
        return False
    due = reminder_at(record, calendar, days)
    return record.created_at < due <= now


class ConsultationReminder:
    """The job :meth:`remind` over one store."""

    def __init__(self, config: Config, store: Store, composer: Composer, rules: Rules) -> None:
        self.config = config
        self.store = store
        self.composer = composer
        self.rules = rules
        self.calendar = config.chase.calendar()
        self.days = config.chase.consultation_reminder_days

    def remind(self, now: datetime) -> None:
        """Once per business day in office hours: remind every record that wants it (one commit each)."""
        if not self.config.chase.enabled or self.days < 1 or not self.calendar.in_office_hours(now):
            return
        today = oslo_day(now).isoformat()
        if self.store.meta(DONE_DAY) == today:
            return
        for record in self.store.records():
            if wants_reminder(record, now, self.calendar, self.days):
                mail = self.mail(record, now)
                if not self.store.queue(mail):
                    log.warning("record %s: consultation reminder %s exists already; not sent again", record.ref,
                                mail.message_id)
                self.store.put(record.with_event(consultation.event(now, consultation.REMINDER, mail.message_id)))
                self.store.commit()
                log.info("record %s: consultation reminder queued as %s", record.ref, mail.message_id)
        self.store.set_meta(DONE_DAY, today)
        self.store.commit()

    def mail(self, record: Participation, now: datetime) -> OutgoingMail:
        """The reminder for ``record``, threaded with its checklist reply; not stored."""
        language = record.language
        return self.composer.mail(
            "consultation", language, cause=f"{record.ref}|{PURPOSE}", purpose=PURPOSE, to=[record.participant],
            now=now, ref=record.ref, thread=self._checklist_reply(record), name=record.participant_name,
            meeting=self.composer.meeting_view(record), when=meeting_times(record.meeting, language)["oslo"],
            alone=consultation.alone(record) is True,
            reasons=[{"label": self.rules.label(r.rule, language), "excerpt": r.excerpt} for r in record.consultation])

    def _checklist_reply(self, record: Participation) -> str:
        """The Message-ID of the checklist reply that registered ``record`` ('' if none)."""
        cause = next((e.message_id for e in record.events if e.type == "received-invitation" and e.message_id), None)
        return message_id(cause, "reply-registered", self.composer.domain) if cause else ""
