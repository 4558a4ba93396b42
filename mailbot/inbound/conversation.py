"""Mail in the thread of a participation record: the referat, out-of-office replies, bounces.

- A bounce of one of our mails is recorded as a delivery failure and reported to the unit.
- An out-of-office reply from the participant pauses the chase until the return date it states
  (or ``chase.out_of_office_days`` business days); it is never answered (RFC 3834 §2).
- A reply carrying a document (docx, pdf, odt), follow-up points or enough words of its own is
  the referat (IM 2011-013 §4.1): the chase stops, the sender gets a receipt with the archive
  reminder (§4.1) and the intranet prompt (§4.2.2), asking once for the follow-up points when
  none stand out, and the referat goes to the forum's stakeholders when the registry names them.
  Its follow-up points become items on the record (:mod:`mailbot.inbound.followups`), and with
  ``[archive] address`` set the referat goes to the case archive (:mod:`mailbot.outbound.archive`);
  all of it is queued with the record, in the pipeline's one commit, so it goes out once.
- Anything else in the thread is for a human: it goes to needs-attention and the sender is told.
"""
from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta
from email.message import Message

from mailbot.config.settings import Config
from mailbot.followup.businessdays import oslo_day
from mailbot.inbound import autoreplies, followups, referat
from mailbot.model import Folder, Handling, Outcome, OutgoingMail, Participation, Referat, State
from mailbot.outbound.archive import archive_mail
from mailbot.outbound.composer import Composer, record_line
from mailbot.records import workflow
from mailbot.records.store import Store
from mailbot.transports import mime

log = logging.getLogger(__name__)


class Conversation:
    """Handles mail that belongs to a record's thread; records are put in ``store``, not committed."""

    def __init__(self, config: Config, store: Store, composer: Composer) -> None:
        self.config = config
        self.store = store
        self.composer = composer
        self.cadence = config.chase.cadence()
        self.calendar = self.cadence.calendar

    def automatic(self, msg: Message, key: str, ref: str | None, now: datetime) -> Handling | None:
        """A bounce, or an out-of-office reply in a record's thread; None for other automatic mail."""
        failure = autoreplies.bounce(msg)
        if failure is not None:
            return self._bounce(failure, key, ref, now)
        record = self.store.get(ref) if ref else None
        if record is None or not autoreplies.is_out_of_office(msg):
            return None
        sender = (mime.first_address(msg, "From") or ("", ""))[1]
        if sender != record.participant or not record.open:
            return Handling(Folder.PROCESSED, Outcome.AUTOMATIC, ref, detail=f"automatic reply from {sender}")
        until, detail = self._return(msg, now)
        self.store.put(workflow.pause(record, until, now, key, detail))
        log.info("record %s: chase paused until %s (%s)", ref, until.isoformat(), detail)
        return Handling(Folder.PROCESSED, Outcome.PAUSED, ref, detail=detail)

    def _return(self, msg: Message, now: datetime) -> tuple[datetime, str]:
        """When the chase may go on after an out-of-office reply (UTC), and how that was found."""
        sent = oslo_day(min(mime.date(msg) or now, now))
        latest = sent + timedelta(days=self.config.chase.out_of_office_max_days)
        back = autoreplies.return_day(mime.body_text(msg), sent, self.calendar)
        if back is None:
            back, how = self.calendar.add_business_days(sent, self.config.chase.out_of_office_days), "no return date"
        else:
            how = "return date stated"
        if back > latest:
            back, how = latest, f"return date {back.isoformat()} capped"
        return self.calendar.opening(back), f"until {back.isoformat()} ({how})"

    def _bounce(self, failure: autoreplies.Bounce, key: str, ref: str | None, now: datetime) -> Handling | None:
        """A bounce of our mail; None when it returns mail mailbot did not send (a human's)."""
        ours = [m for m in (self.store.mail(i) for i in failure.returned) if m is not None]
        ref = ref or next((m.ref for m in ours if m.ref), None)
        if not ours and ref is None:
            return None
        record = self.store.get(ref) if ref else None
        detail = f"delivery failed to {', '.join(failure.recipients) or 'unknown recipients'}"
        if record is not None:
            self.store.put(record.with_event(workflow.event(now, "delivery-failed", key, detail)))
        if any(m.purpose.startswith("report") for m in ours):  # our report to the unit bounced: no loop
            return Handling(Folder.NEEDS_ATTENTION, Outcome.BOUNCE, ref, detail=detail)
        report = self.composer.mail(
            "report", self.config.unit_language, cause=key, purpose="report-bounce",
                to=list(self.config.unit_recipients), now=now,
            ref=ref, kind="bounce", recipients=list(failure.recipients), purposes=[m.purpose for m in ours],
            record=record and record_line(record), lines=[], sender="")
        return Handling(Folder.PROCESSED, Outcome.BOUNCE, ref, (report,), detail)

    def reply(self, msg: Message, key: str, record: Participation, now: datetime) -> Handling:
        """A non-automatic message in ``record``'s thread (commands already handled)."""
        reading = referat.read(msg, self.config.chase.follow_up_headings)
        sender = (mime.first_address(msg, "From") or ("", ""))[1]
        if (record.state is State.REFERAT_RECEIVED and record.referat is not None and reading.follow_up
                and not record.referat.follow_up):
            points = dataclasses.replace(record.referat, follow_up=reading.follow_up)
            record = record.with_event(workflow.event(now, "follow-up-received", key), referat=points)
            return self._received(msg, key, record, reading, "follow_up", now)
        if record.open and now >= record.meeting.start and reading.is_referat(self.config.chase.referat_min_words):
            names = tuple(name for name, _, _ in reading.documents)
            received = Referat(key, now, sender, names, reading.follow_up)
            return self._received(msg, key, workflow.receive_referat(record, received, now), reading, "referat", now)
        record = record.with_event(workflow.event(now, "received-reply", key))
        self.store.put(record)
        mail = self._receipt(msg, key, record, reading, "noted", now, [])
        return Handling(Folder.NEEDS_ATTENTION, Outcome.REPLY, record.ref, (mail,), "reply is no referat")

    def _received(self, msg: Message, key: str, record: Participation, reading: referat.Reading, kind: str,
                  now: datetime) -> Handling:
        received = record.referat
        assert received is not None  # just read
        points = followups.items(received.follow_up, oslo_day(record.meeting.start), record.follow_ups)
        record = dataclasses.replace(record, follow_ups=points)
        self.store.put(record)
        stakeholders = list(self.composer.fora.get(record.meeting.forum).stakeholders)
        archived = archive_mail(self.composer, self.config.archive, record, kind=kind, cause=key,
                                text=reading.own_text, documents=reading.documents, now=now)
        mails = [self._receipt(msg, key, record, reading, kind, now, stakeholders,
                               archived.recipients[0] if archived else "")]
        if stakeholders:
            mails.append(self.composer.mail(
                "forward", record.language, cause=key, purpose=f"forward-{kind}", to=stakeholders, now=now,
                ref=record.ref, kind=kind, name=record.participant_name or record.participant,
                meeting=self.composer.meeting_view(record), text=reading.own_text,
                follow_up=list(received.follow_up), attachments=reading.documents,
                documents=[name for name, _, _ in reading.documents]))
        if archived is not None:
            mails.append(archived)
        outcome = Outcome.REFERAT if kind == "referat" else Outcome.FOLLOW_UP
        return Handling(Folder.PROCESSED, outcome, record.ref, tuple(mails), f"{kind} from {received.sender}")

    def _receipt(self, msg: Message, key: str, record: Participation, reading: referat.Reading, kind: str,
                 now: datetime, stakeholders: list[str], archive: str = "") -> OutgoingMail:
        sender = (mime.first_address(msg, "From") or ("", ""))[1]
        return self.composer.mail(
            "receipt", record.language, cause=key, purpose=f"receipt-{kind}", to=[sender],
            cc=(record.participant,), now=now, ref=record.ref, subject=self.composer.reply_subject(record),
            reply_to=msg, auto_submitted="auto-replied", kind=kind, name=record.participant_name,
            meeting=self.composer.meeting_view(record), documents=[name for name, _, _ in reading.documents],
            follow_up=list(reading.follow_up), stakeholders=stakeholders, archive=archive)

