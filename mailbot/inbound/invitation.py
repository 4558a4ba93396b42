"""The invitation path: a forwarded invitation, update or cancellation becomes a participation
record, and the sender gets the checklist reply (IM 2011-013 §3.1, §3.2, §4.1, §4.2.2).

The record is new, an update of the same meeting (moved, renamed), a cancellation, one
occurrence of a series moved or cancelled (the rest of the series stays), a duplicate or a stale
copy (older than what the record holds: RFC 5546 SEQUENCE, else DTSTAMP). A message mailbot
cannot read as an invitation goes to a human, and the sender is told. Records are put in the
store, not committed; the reply is returned, not queued.
"""
from __future__ import annotations

import dataclasses
import logging
from datetime import date, datetime, timedelta
from email.message import Message

from mailbot.config.settings import Config
from mailbot.logs import ids
from mailbot.model import Folder, Handling, Kind, Meeting, Outcome, OutgoingMail, Participation, State
from mailbot.outbound.composer import Composer
from mailbot.outbound.rendering import command_time, day, meeting_times, short
from mailbot.parsing.parser import Parser
from mailbot.parsing.result import ParseResult
from mailbot.parsing.series import next_occurrence, with_occurrence
from mailbot.parsing.titles import meeting_name
from mailbot.records import workflow
from mailbot.records.store import Store
from mailbot.transports import mime

log = logging.getLogger(__name__)


class Invitations:
    """Turns parsed invitations into records and checklist replies; see :meth:`handle`."""

    def __init__(self, config: Config, store: Store, parser: Parser, composer: Composer) -> None:
        self.config = config
        self.store = store
        self.parser = parser
        self.composer = composer
        self.cadence = config.chase.cadence()

    def handle(self, msg: Message, raw: bytes, key: str, now: datetime) -> Handling:
        """Read ``raw`` (the RFC 5322 bytes of ``msg``, Message-ID ``key``) at ``now`` (aware):
        record, reply with the checklist; or, unread, to a human with a note to the sender."""
        parsed = self.parser.parse(raw, received=now, loaded=msg)
        for warning in parsed.warnings:
            log.warning("message %s: %s", key, warning, extra=ids(key))
        if not parsed.understood:
            return self.unread(msg, key, parsed, now)
        record, outcome, changes = self._decide(parsed, key, now)
        record = _title_kept(record, parsed, outcome, changes, now, key)
        if outcome is Outcome.REGISTERED or not record.open or {"start", "end"} & set(changes):
            record = workflow.plan(record, self.cadence, now)  # a moved meeting moves every due date
        stored = self.store.get(record.ref) if changes else None
        before = stored.meeting if stored is not None else None
        view = self._changes_view(changes, before, record)
        if parsed.occurrence is not None and record.meeting.recurrence and outcome is Outcome.UPDATED:
            labels = self.composer.renderer.labels(record.language)["changes"]
            view.insert(0, _occurrence_row(parsed, record.language, labels))
        doubt = _doubt(parsed, record, outcome, changes)
        if doubt:  # the day read from text allows other readings: the participant is asked to confirm
            record = record.with_event(workflow.event(now, "time-uncertain", key,
                                                      " ".join(d.isoformat() for d in doubt)))
        mail = self._reply(msg, key, record, outcome, view, now, doubt)
        self.store.put(record)
        return Handling(Folder.PROCESSED, outcome, record.ref, (mail,))

    def unreadable(self, msg: Message, raw: bytes, key: str, reason: str, now: datetime) -> Handling:
        """A message not read whole (``raw`` is its header section only), for ``reason``:
        "too_large" (above the backend's size limit) or "too_complex" (structure limits): to a
        human, and the sender (staff, the guards let it in) is told in one short line."""
        parsed = self.parser.parse(raw, received=now, loaded=msg)
        return self.unread(msg, key, dataclasses.replace(parsed, meeting=None, reason=reason), now)

    def unread(self, msg: Message, key: str, parsed: ParseResult, now: datetime) -> Handling:
        """A message mailbot cannot read as an invitation: to a human, and the sender is told."""
        subject = mime.header(msg, "Subject")
        mail = self.composer.mail(
            "manual", parsed.language, cause=key, purpose="manual", to=[self.composer.reply_address(msg)], now=now,
            subject=f"Re: {subject}" if subject else "Re:", reply_to=msg, auto_submitted="auto-replied",
            name=parsed.participant_name, reason=parsed.reason, original_subject=subject)
        unclear = parsed.reason in ("no_meeting_time", "too_large", "too_complex")
        outcome = Outcome.NOT_UNDERSTOOD if unclear else Outcome.NOT_INVITATION
        return Handling(Folder.NEEDS_ATTENTION, outcome, None, (mail,), parsed.reason)

    def _decide(self, parsed: ParseResult, key: str, now: datetime) -> tuple[Participation, Outcome, list[str]]:
        """New record, update, cancellation, duplicate or stale: the record to store, the
        outcome, and for an update the names of the meeting fields that changed."""
        assert parsed.meeting is not None  # understood
        if parsed.occurrence is not None:
            applied = self._occurrence(parsed, key, now)
            if applied is not None:
                return applied
        meeting = next_occurrence(parsed.meeting, now)
        meeting = dataclasses.replace(meeting, title=meeting_name(meeting.title, meeting.start.date()))
        candidate = Participation(
            ref="", state=State.REGISTERED, meeting=meeting, participant=parsed.participant or "",
            participant_name=parsed.participant_name, language=parsed.language,
            consultation=parsed.consultation, created_at=now)
        cancel = parsed.kind is Kind.CANCELLATION
        received = workflow.event(now, f"received-{parsed.kind.value}", key)
        existing = self.store.same_meeting(candidate, moved=cancel or parsed.kind is Kind.UPDATE)
        if existing is None:
            ref = self.store.next_ref(self.config.records.reference_prefix, now.astimezone(meeting.zone).year)
            record = dataclasses.replace(candidate, ref=ref).with_event(received)
            if cancel:
                record = workflow.transition(record, State.CANCELLED, workflow.event(now, "cancelled", key))
                return record, Outcome.CANCELLED, []
            return record, Outcome.REGISTERED, []
        newer = workflow.is_newer(existing.meeting, meeting)
        if newer is False:
            return existing.with_event(workflow.event(now, "received-stale", key)), Outcome.STALE, []
        if cancel:
            if existing.state is State.CANCELLED:
                return existing.with_event(workflow.event(now, "received-cancellation", key)), Outcome.DUPLICATE, []
            record = workflow.transition(existing, State.CANCELLED, workflow.event(now, "cancelled", key))
            return record, Outcome.CANCELLED, []
        if not meeting.ical_uid:  # a text-only update's subject tells the change ("Ny dato for ..."), not the meeting
            meeting = dataclasses.replace(meeting, title=existing.meeting.title)
        if existing.state is State.CANCELLED:
            if not newer:
                return existing.with_event(workflow.event(now, "received-stale", key)), Outcome.STALE, []
            existing = workflow.transition(existing, State.REGISTERED, workflow.event(now, "reinstated", key))
        record, changes = workflow.change_meeting(existing, meeting, received)
        record = dataclasses.replace(record, consultation=parsed.consultation)
        return record, (Outcome.UPDATED if changes else Outcome.DUPLICATE), changes

    def _occurrence(self, parsed: ParseResult, key: str,
                    now: datetime) -> tuple[Participation, Outcome, list[str]] | None:
        """One occurrence of a series moved or cancelled (RFC 5545 §3.8.4.4): kept on the
        participant's open series record (same UID, with an RRULE) as an exception, the record
        advanced to the series' next occurrence. None without such a record: the occurrence is
        then recorded as a meeting of its own."""
        assert parsed.meeting is not None and parsed.occurrence is not None
        probe = Participation(ref="", state=State.REGISTERED, meeting=parsed.meeting,
                              participant=parsed.participant or "")
        series = self.store.same_meeting(probe)
        if series is None or not series.open or not series.meeting.recurrence:
            return None
        cancelled = parsed.kind is Kind.CANCELLATION
        meeting = with_occurrence(series.meeting, parsed.occurrence, None if cancelled else parsed.meeting, now)
        if set(meeting.exceptions) == set(series.meeting.exceptions):
            return series.with_event(workflow.event(now, f"received-{parsed.kind.value}", key)), Outcome.DUPLICATE, []
        what = "occurrence-cancelled" if cancelled else "occurrence-moved"
        received = workflow.event(now, what, key, detail=parsed.occurrence.isoformat())
        record, changes = workflow.change_meeting(series, meeting, received)
        return record, Outcome.UPDATED, changes

    def _reply(self, msg: Message, key: str, record: Participation, outcome: Outcome, changes: list[dict],
               now: datetime, doubt: tuple[date, ...] = ()) -> OutgoingMail:
        """The checklist reply: what mailbot understood, and what IM 2011-013 asks of the
        participant; with ``doubt`` (other days the text allows), a line to confirm or correct."""
        language = record.language
        previous = self.store.previous_in_forum(record.meeting.forum, record.meeting.start, record.ref)
        return self.composer.mail(
            "reply", language, cause=key, purpose=f"reply-{outcome.value}", to=[self.composer.reply_address(msg)],
            now=now, ref=record.ref, subject=self.composer.reply_subject(record), reply_to=msg,
            auto_submitted="auto-replied", outcome=_reply_kind(outcome, record), name=record.participant_name,
            meeting=self.composer.meeting_view(record), changes=changes,
            consultation=[{"label": self.parser.rules.label(r.rule, language), "excerpt": r.excerpt}
                          for r in record.consultation],
            previous=previous and {"who": previous.participant_name or previous.participant,
                                   "when": day(previous.meeting.start, language), "ref": previous.ref,
                                   "ahead": previous.meeting.start > now},  # registered, not yet held
            held=record.meeting.end <= now, doubt=doubt and _doubt_view(record, doubt, language))

    def _changes_view(self, changes: list[str], before: Meeting | None, record: Participation) -> list[dict]:
        """What changed in an update, as label / old / new text in the record's language."""
        language, after = record.language, record.meeting
        if before is None:
            return []
        labels = self.composer.renderer.labels(language)["changes"]  # templates/LANG/labels.toml
        view = []
        if {"start", "end", "timezone"} & set(changes):
            view.append({"label": labels["time"], "old": meeting_times(before, language)["oslo"],
                         "new": meeting_times(after, language)["oslo"]})
        view += [{"label": labels[name], "old": _shown(getattr(before, name), labels),
                  "new": _shown(getattr(after, name), labels)}
                 for name in ("title", "location", "online") if name in changes]
        return view


def _occurrence_row(parsed: ParseResult, language: str, labels: dict[str, str]) -> dict:
    """The reply's line for one occurrence of a series: when it was to be, and that it is
    cancelled or when it is now; the rest of the series is unchanged."""
    assert parsed.meeting is not None and parsed.occurrence is not None
    was = short(parsed.occurrence, language)
    if parsed.kind is Kind.CANCELLATION:
        now_text = labels["occurrence_cancelled"]
    else:
        now_text = meeting_times(parsed.meeting, language)["oslo"] or ""
        now_text += f" ({labels['occurrence_only']})"
    return {"label": labels["occurrence"], "old": was, "new": now_text}


def _title_kept(record: Participation, parsed: ParseResult, outcome: Outcome, changes: list[str],
                now: datetime, key: str) -> Participation:
    """``record`` with the invitation's title as written in its history (an event
    ``title-original``) when the record is named differently (invitation wording, a date left out)."""
    assert parsed.meeting is not None
    written = parsed.meeting.title
    named = outcome is Outcome.REGISTERED or (outcome is Outcome.UPDATED and "title" in changes)
    if not named or written == record.meeting.title or parsed.occurrence is not None:
        return record
    return record.with_event(workflow.event(now, "title-original", key, written))


def _shown(value: object, labels: dict[str, str]) -> str:
    if isinstance(value, bool):
        return labels["yes"] if value else labels["no"]
    return str(value or "-")


def _reply_kind(outcome: Outcome, record: Participation) -> str:
    if outcome is Outcome.CANCELLED and record.events[0].type == "received-cancellation":
        return "cancelled_unknown"  # the record was made by the cancellation itself
    return outcome.value


def _doubt(parsed: ParseResult, record: Participation, outcome: Outcome, changes: list[str]) -> tuple[date, ...]:
    """The other days a meeting time read from text allows, when this message set the record's
    time (registered, or moved by it); empty otherwise (issue: confidence instead of invention)."""
    if parsed.sources is None or parsed.sources.certain or parsed.occurrence is not None:
        return ()
    if outcome is Outcome.REGISTERED or (outcome is Outcome.UPDATED and {"start", "end"} & set(changes)):
        return parsed.sources.alternatives
    return ()


def _doubt_view(record: Participation, doubt: tuple[date, ...], language: str) -> dict:
    """The reply's confirm-or-correct line: the other days in words, and the TID/TIME command
    lines that confirm the registered time or move the meeting to the first other day (the same
    wall-clock times at the venue)."""
    meeting = record.meeting
    shift = doubt[0] - meeting.start.astimezone(meeting.zone).date()
    other = dataclasses.replace(meeting, start=_shifted(meeting.start, meeting, shift),
                                end=_shifted(meeting.end, meeting, shift))
    return {"days": [day(datetime.combine(d, meeting.start.astimezone(meeting.zone).timetz()), language)
                     for d in doubt],
            "confirm": command_time(meeting), "other": command_time(other)}


def _shifted(moment: datetime, meeting: Meeting, days: timedelta) -> datetime:
    """``moment`` moved by whole ``days`` at the venue's wall clock (a DST change keeps the hour)."""
    return (moment.astimezone(meeting.zone) + days).astimezone(moment.tzinfo)
