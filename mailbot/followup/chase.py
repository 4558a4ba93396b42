"""The chase job: after a meeting, ask for the referat until it is in (IM 2011-013 §4.1).

Called by the daemon every minute with the current time. A registered record whose meeting has
ended becomes awaiting the referat; when its next step (:mod:`mailbot.followup.cadence`) is due and it is
office hours on a Norwegian business day, the step's mail is queued and the step recorded in the
same commit. The step's Message-ID is derived from the record, the participant, the meeting's
end and the step, so a repeated tick, a restart or a clock jump computes the same ID and the
store refuses a second copy. After downtime each record gets one mail, for its earliest pending
step; the steps after it keep their distance from it.
"""
from __future__ import annotations

import logging
from datetime import datetime

from mailbot.config.settings import Config
from mailbot.followup.businessdays import oslo_day
from mailbot.followup.cadence import ESCALATION, REQUEST, steps_sent
from mailbot.model import OutgoingMail, Participation, State
from mailbot.outbound.composer import Composer, message_id
from mailbot.outbound.rendering import day
from mailbot.records import workflow
from mailbot.records.directory import Directory
from mailbot.records.store import Store

log = logging.getLogger(__name__)


class Chase:
    """Runs the chase over the store; :meth:`chase_referats` is the job."""

    def __init__(self, config: Config, store: Store, composer: Composer, directory: Directory) -> None:
        self.config = config
        self.store = store
        self.composer = composer
        self.directory = directory
        self.cadence = config.chase.cadence()
        self.calendar = self.cadence.calendar

    def chase_referats(self, now: datetime) -> None:
        """Do what is due at ``now`` (aware): one commit per record changed."""
        if not self.config.chase.enabled:
            return
        office = self.calendar.in_office_hours(now)
        for record in self.store.due(now, steps=office):
            self._advance(record, now, office)

    def _advance(self, record: Participation, now: datetime, office: bool) -> None:
        changed = False
        if record.state is State.REGISTERED:
            if record.meeting.end > now:
                return
            if record.due_at is None:  # stored before the chase existed
                record = workflow.plan(record, self.cadence, now)
            record, changed = workflow.meeting_ended(record, now), True
        due = record.next_due
        if office and due is not None and due <= now:
            mail = self.step_mail(record, now)
            if not self.store.queue(mail):
                log.warning("record %s: %s mail %s exists already; not sent again", record.ref,
                            mail.purpose, mail.message_id)
            record, changed = workflow.step_done(record, self.cadence, now, mail.message_id), True
            log.info("record %s: %s queued as %s", record.ref, mail.purpose, mail.message_id)
        if changed:
            self.store.put(record)
            self.store.commit()

    def step_mail(self, record: Participation, now: datetime) -> OutgoingMail:
        """The mail of the record's current chase step (request, reminder or escalation); ValueError
        when the record's chase has no step left."""
        step = self.cadence.name(record.chase_step)
        if step is None:
            raise ValueError(f"record {record.ref}: no chase step {record.chase_step}")
        cause = f"{record.ref}|{record.participant}|{record.meeting.end.isoformat()}"
        following = self.cadence.after(record.meeting, record.chase_step, now)
        to: list[str] = [record.participant]
        cc: tuple[str, ...] = ()
        language = record.language
        if step == ESCALATION:  # to the unit, in the unit's language
            manager = self.directory.manager_of(record.participant)
            to, cc = list(self.config.unit_recipients), (record.participant,) + ((manager,) if manager else ())
            language = self.config.unit_language
        return self.composer.mail(
            "chase", language, cause=cause, purpose=step, to=to, cc=cc, now=now, ref=record.ref,
            thread=self._checklist_reply(record),
            step=step if step in (REQUEST, ESCALATION) else "reminder", number=record.chase_step,
            reminders=len(self.cadence.reminders), name=record.participant_name,
            meeting=self.composer.meeting_view(record, language),
            earlier=[day(at, language) for at in self._steps_sent(record)], participant=record.participant,
            manager=bool(cc[1:]), business_days=self._since_request(record, now),
            next_step=self.cadence.name(record.chase_step + 1),
            next_day=day(following, language) if following else "")

    def _checklist_reply(self, record: Participation) -> str:
        """The Message-ID of the checklist reply that registered ``record`` (deterministic: its
        cause is the forwarded invitation), so that the chase mails thread with it; '' if none."""
        cause = next((e.message_id for e in record.events if e.type in ("received-invitation", "received-update")
                      and e.message_id), None)
        return message_id(cause, "reply-registered", self.composer.domain) if cause else ""

    def _steps_sent(self, record: Participation) -> list[datetime]:
        """When the steps of the current chase went out (since the last reschedule or reassignment)."""
        return [at for _, at in steps_sent(record, self.cadence)]

    def _since_request(self, record: Participation, now: datetime) -> int:
        """Business days from the request to ``now`` (0 before the request went out)."""
        sent = self._steps_sent(record)
        if not sent:
            return 0
        first, today, count = oslo_day(sent[0]), oslo_day(now), 0
        while self.calendar.add_business_days(first, count + 1) <= today:
            count += 1
        return count
