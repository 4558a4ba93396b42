"""Email commands: reading the command lines at the top of a message's body, and carrying them out.

A command line is a keyword in capitals, an optional record reference and its argument:

    EXEMPT INE-2027-0004 agreed with INE before the meeting    (Norwegian: UNNTAK)
    CANCEL INE-2027-0004                                       (AVLYS)
    REASSIGN INE-2027-0004 ola.nordmann@udi.no                 (OVERFØR)
    STATUS [INE-2027-0004]
    TIME INE-2027-0004 20.01.2027 10:00-12:30                  (TID: a corrected meeting time)
    FORUM, PLACE, TITLE, PARTICIPANT INE-2027-0004 <value>     (STED, TITTEL, DELTAKER: inbound/corrections.py)
    ALONE, NOT-ALONE, CONSULTED [note], NOT-NEEDED <reason>    (ALENE, IKKE-ALENE, KONSULTERT, IKKE-NØDVENDIG:
                                                               §3.2, inbound/consulting.py)
    REOPEN INE-2027-0004                                       (GJENÅPNE: undoes EXEMPT or CANCEL)
    DONE INE-2027-0004 2                                       (UTFØRT: follow-up point 2 is done)

Only the lines before the first line that is no command count (blank lines aside), so a
command inside quoted text or further down a referat is never read as one. Without a reference
the command is about the record whose thread the message is in. The keyword shows the language
the sender wrote in (UNNTAK: bokmål, EXEMPT: English; STATUS is both), which the answer uses.

The unit's advisers (``unit.advisers``, and advisers writing from the functional mailbox) may exempt
(IM 2011-013 §4.1: the reason is kept), cancel, reassign, close a follow-up point of the referat
(§4.1: DONE, :mod:`mailbot.inbound.followups`) and ask for the status of any record;
a record's participant may cancel it, correct its meeting time, forum, place, title and
participant, answer the consultation question (§3.2) and ask for its status (the unit may too).
Every command is answered with what changed; the participant is told when INE changes their
record. A command from anyone else changes nothing, and the unit is told. :func:`parse` is pure;
:class:`Commands` puts records in the store, not committed.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from email.message import Message
from zoneinfo import ZoneInfo

from mailbot.addresses import is_staff_address
from mailbot.config.settings import Config
from mailbot.errors import TransitionError
from mailbot.followup.cadence import next_action
from mailbot.inbound import consulting, corrections, followups
from mailbot.inbound.consulting import ConsultationCommands
from mailbot.inbound.corrections import CorrectionCommands
from mailbot.model import OSLO, Folder, Handling, Outcome, OutgoingMail, Participation, State
from mailbot.outbound.composer import Composer, record_line
from mailbot.outbound.rendering import command_time, day, meeting_times
from mailbot.parsing import subjects, when
from mailbot.records import consultation, workflow
from mailbot.records.store import Store
from mailbot.transports import mime

log = logging.getLogger(__name__)

VERBS = {"EXEMPT": "exempt", "UNNTAK": "exempt", "CANCEL": "cancel", "AVLYS": "cancel",
         "REASSIGN": "reassign", "OVERFØR": "reassign", "STATUS": "status", "TIME": "time", "TID": "time",
         "REOPEN": "reopen", "GJENÅPNE": "reopen"}
LANGUAGES = {"EXEMPT": "en", "CANCEL": "en", "REASSIGN": "en", "TIME": "en", "REOPEN": "en",
             "UNNTAK": "nb", "AVLYS": "nb", "OVERFØR": "nb", "TID": "nb", "GJENÅPNE": "nb"}  # STATUS: either
VERBS |= {"DONE": "done", "UTFØRT": "done"}  # a follow-up point closed (§4.1)
LANGUAGES |= {"DONE": "en", "UTFØRT": "nb"}
VERBS |= consulting.VERBS | corrections.VERBS  # §3.2 answers; FORUM, STED, TITTEL, DELTAKER
LANGUAGES |= consulting.LANGUAGES | corrections.LANGUAGES
_LINE = re.compile(r"^(?P<verb>[A-ZÆØÅ]+(?:-[A-ZÆØÅ]+)*)(?:\s+(?P<rest>.*?))?\s*$")


@dataclass(frozen=True)
class Command:
    """One command line: the canonical ``verb`` (exempt, cancel, reassign, status, time), the
    record ``ref`` it names (None: the thread's), its ``argument``, the ``line`` as written and
    the ``language`` its keyword is in ('nb', 'en'; None for STATUS, the same in both)."""

    verb: str
    ref: str | None
    argument: str
    line: str
    language: str | None = None


def parse_commands(body: str, prefix: str = "INE") -> list[Command]:
    """The command lines at the top of ``body``; references look like ``PREFIX-YYYY-NNNN``."""
    ref_pattern = re.compile(rf"^(?P<ref>{re.escape(prefix)}-\d{{4}}-\d{{4,}})\b\s*(?P<arg>.*)$")
    found = []
    for raw_line in body.splitlines():
        line = raw_line.strip().replace("\u00a0", " ")
        if not line:
            continue
        match = _LINE.match(line)
        if not match or match.group("verb") not in VERBS:
            break
        rest = match.group("rest") or ""
        ref_match = ref_pattern.match(rest)
        ref, argument = (ref_match.group("ref"), ref_match.group("arg").strip()) if ref_match else (None, rest)
        keyword = match.group("verb")
        found.append(Command(VERBS[keyword], ref, argument, line, LANGUAGES.get(keyword)))
    return found


PARTICIPANT_VERBS = ("cancel", "time", "status", *consulting.PARTICIPANT_VERBS, *corrections.PARTICIPANT_VERBS)
STATUS_LIMIT = 50


class Commands(ConsultationCommands, CorrectionCommands):
    """Carries out the commands of one message on the records in the store; see :meth:`run`."""

    def __init__(self, config: Config, store: Store, composer: Composer) -> None:
        self.config = config
        self.store = store
        self.composer = composer
        self.cadence = config.chase.cadence()
        self.advisers = {a.lower() for a in config.unit.advisers} | {config.mailbox.address.lower()}

    def too_many(self, msg: Message, key: str, commands: list[Command], thread_ref: str | None,
                 now: datetime) -> Handling:
        """A mail with more command lines than ``limits.max_commands``: none runs (a stolen or
        confused account must not rewrite the registry in one message); it goes to a human and
        the sender is told why."""
        sender = (mime.first_address(msg, "From") or ("", ""))[1]
        limit = self.config.limits.max_commands
        log.warning("message %s: %d command lines from %s, more than %d: none carried out", key, len(commands),
                    sender, limit)
        answer = self.composer.mail(
            "command", self._language(commands, thread_ref), cause=key, purpose="command-answer", to=[sender],
            now=now, subject=f"Re: {subjects.clean(mime.header(msg, 'Subject'))}".strip(), reply_to=msg,
            auto_submitted="auto-replied", results=[{"line": "", "code": "too_many", "count": len(commands),
                                                     "limit": limit}])
        return Handling(Folder.NEEDS_ATTENTION, Outcome.REFUSED, thread_ref, (answer,),
                        f"{len(commands)} command lines, more than {limit}")

    def run(self, msg: Message, key: str, commands: list[Command], thread_ref: str | None,
            now: datetime) -> Handling:
        """Carry out ``commands`` from ``msg`` (Message-ID ``key``) at ``now``; answer the sender."""
        sender = (mime.first_address(msg, "From") or ("", ""))[1]
        language = self._language(commands, thread_ref)
        results, mails, refused, refs = [], [], [], []
        for number, command in enumerate(commands):
            result, notices = self._one(command, sender, thread_ref, key, number, now, language)
            results.append({"line": command.line, **result})
            mails += notices
            refs.append(result.get("ref"))
            if result["code"] == "not_allowed":
                refused.append(command.line)
        ref = next((r for r in refs if r), None)
        record = self.store.get(ref) if ref else None
        mails.insert(0, self.composer.mail(
            "command", language, cause=key, purpose="command-answer", to=[sender], now=now, ref=ref,
            subject=f"Re: {subjects.clean(mime.header(msg, 'Subject'))}".strip(), reply_to=msg,
            auto_submitted="auto-replied", results=results))
        if refused:
            log.warning("message %s: %d command(s) from %s refused", key, len(refused), sender)
            mails.append(self.composer.mail(
                "report", self.config.unit_language, cause=key, purpose="report-refused",
                to=list(self.config.unit_recipients),
                now=now, ref=ref, kind="refused", sender=sender, lines=refused, recipients=[], purposes=[],
                record=record and record_line(record)))
            return Handling(Folder.NEEDS_ATTENTION, Outcome.REFUSED, ref, tuple(mails), f"refused from {sender}")
        return Handling(Folder.PROCESSED, Outcome.COMMAND, ref, tuple(mails), f"{len(commands)} command(s)")

    def _language(self, commands: list[Command], thread_ref: str | None) -> str:
        """The answer's language: that of the first keyword which shows one (UNNTAK, EXEMPT), else
        the language of the record the commands are about, else bokmål."""
        shown = next((c.language for c in commands if c.language), None)
        if shown:
            return shown
        ref = next((c.ref or thread_ref for c in commands if c.ref or thread_ref), None)
        record = self.store.get(ref) if ref else None
        return record.language if record is not None else "nb"

    def _one(self, command: Command, sender: str, thread_ref: str | None, key: str, number: int,
             now: datetime, language: str) -> tuple[dict, list[OutgoingMail]]:
        ref = command.ref or thread_ref
        adviser = sender in self.advisers
        if command.verb == "status" and ref is None:
            return (self._status_list(language) if adviser else {"code": "no_ref"}), []
        if ref is None:
            return {"code": "no_ref"}, []
        record = self.store.get(ref)
        if record is None:
            return {"code": "unknown_ref", "ref": ref}, []
        if not (adviser or (sender == record.participant and command.verb in PARTICIPANT_VERBS)):
            return {"code": "not_allowed", "ref": ref, "participant_may": command.verb in PARTICIPANT_VERBS}, []
        if command.verb == "status":
            return {"code": "status", "ref": ref, "record": self._status(record, language)}, []
        try:
            handler = getattr(self, f"_{command.verb}")
            result, record, notices = handler(record, command.argument, sender, key, number, now, language)
        except TransitionError:
            return {"code": "closed", "ref": ref, "state": record.state.value}, []
        if record is not None:
            self.store.put(record)
        return {"ref": ref, **result}, notices

    def _exempt(self, record, reason, sender, key, number, now, language):
        if not reason:
            return {"code": "no_reason"}, None, []
        record = workflow.close(record, State.EXEMPTED, now, key, f"{reason} ({sender})")
        return {"code": "exempted", "reason": reason}, record, [self._notice(record, "exempted", key, number, now,
                                                                              reason=reason)]

    def _cancel(self, record, reason, sender, key, number, now, language):
        record = workflow.close(record, State.CANCELLED, now, key, f"{reason or 'cancelled'} ({sender})")
        notices = [self._notice(record, "cancelled", key, number, now)] if sender != record.participant else []
        return {"code": "cancelled"}, record, notices

    def _reopen(self, record, _argument, sender, key, number, now, language):
        """Undo an exemption or a cancellation: the record is open again and the chase follows
        the meeting as before."""
        if record.open:
            return {"code": "already_open"}, None, []
        reopened = workflow.transition(record, State.REGISTERED, workflow.event(now, "reopened", key, sender))
        return {"code": "reopened"}, workflow.plan(reopened, self.cadence, now), []

    def _done(self, record, argument, sender, key, number, now, language):
        """Close follow-up point ``argument`` (its number) of the record's referat (§4.1)."""
        point = followups.numbered(record, argument)
        if point is None:
            return {"code": "no_point", "number": argument.strip(),
                    "numbers": [p.number for p in record.follow_ups if p.open]}, None, []
        if not point.open:
            return {"code": "already_done", "number": point.number, "text": point.text, "by": point.done_by,
                    "at": day(point.done_at, language)}, None, []
        record = followups.close(record, point, sender, key, now)
        left = sum(p.open for p in record.follow_ups)
        return {"code": "point_done", "number": point.number, "text": point.text, "left": left}, record, []

    def _reassign(self, record, address, sender, key, number, now, language):
        address = address.strip("<> ").lower()
        if not is_staff_address(address, self.config.senders.allowed_domains):
            return {"code": "bad_address", "address": address,
                    "domains": ", ".join(self.config.senders.allowed_domains)}, None, []
        old = record
        record = workflow.reassign(record, address, self.cadence, now, key)
        notices = [self._notice(record, "assigned", key, number, now, previous=old.participant, by=sender,
                                checklist=record.meeting.start > now),  # the new participant's checklist
                   self._notice(old, "unassigned", key, number, now, new=address)]
        return {"code": "reassigned", "old": old.participant, "new": address}, record, notices

    def _time(self, record, text, sender, key, number, now, language):
        meeting = corrected(record.meeting, text, now.astimezone(OSLO).date())
        if meeting is None:
            return {"code": "bad_time", "text": text}, None, []
        before, meeting_before = meeting_times(record.meeting, language)["oslo"], record.meeting
        if meeting == record.meeting and _doubted(record):  # the answer to the reply's confirm-or-correct line
            return ({"code": "time_confirmed", "new": before},
                    record.with_event(workflow.event(now, "time-confirmed", key, text)), [])
        record, changes = workflow.change_meeting(record, meeting, workflow.event(now, "corrected", key, text))
        after = meeting_times(record.meeting, language)["oslo"]
        if not changes:
            return {"code": "unchanged", "new": after}, None, []
        return ({"code": "time_changed", "old": before, "new": after, "undo": command_time(meeting_before)},
                workflow.plan(record, self.cadence, now), [])

    def _notice(self, record: Participation, kind: str, key: str, number: int, now: datetime, **context):
        return self.composer.mail(
            "notice", record.language, cause=f"{key}|{number}", purpose=f"notice-{kind}", to=[record.participant],
            now=now, ref=record.ref, kind=kind, name=record.participant_name,
            meeting=self.composer.meeting_view(record), **{"reason": "", "previous": "", "new": "", **context})

    def _status(self, record: Participation, language: str) -> dict:
        """Where ``record`` stands, its meeting time and dates in ``language`` (Oslo time)."""
        step, at = next_action(record, self.cadence)
        paused = bool(record.paused_until and at and at == record.paused_until)
        return {"ref": record.ref, "title": record.meeting.title, "participant": record.participant,
                "when": meeting_times(record.meeting, language)["oslo"], "state": record.state.value,
                "next": step, "next_at": at.astimezone(OSLO).strftime("%Y-%m-%d %H:%M") if at else "",
                "paused": paused, "referat": day(record.referat.received_at, language) if record.referat else "",
                "points": [{"number": p.number, "text": p.text} for p in record.follow_ups if p.open],
                "consultation": consultation.status(record)}

    def _status_list(self, language: str) -> dict:
        """The open records, the next due first (at most STATUS_LIMIT)."""
        open_records = [r for r in self.store.records() if r.open]
        open_records.sort(key=lambda r: next_action(r, self.cadence)[1] or r.meeting.end)
        shown = open_records[:STATUS_LIMIT]
        return {"code": "status_list", "ref": None, "records": [self._status(r, language) for r in shown],
                "more": len(open_records) > len(shown), "total": len(open_records)}


def _doubted(record: Participation) -> bool:
    """True when the record's time was read from text that allowed other days and has been
    neither confirmed nor corrected since."""
    for event in reversed(record.events):
        if event.type in ("time-confirmed", "corrected"):
            return False
        if event.type == "time-uncertain":
            return True
    return False


def corrected(meeting, text: str, today: date):
    """``meeting`` with the time written in ``text`` (Oslo time unless it names a zone), or None.
    Dates are read against ``today`` (Oslo), not the old meeting day: a meeting may move earlier."""
    span = when.find_span(f"When: {text}", today)  # the command's words are the meeting's time: a label
    if span is None:
        return None
    if span.all_day:
        zone = meeting.zone
        start = datetime.combine(span.start, time(0), tzinfo=zone)
        end = datetime.combine(span.end + timedelta(days=1), time(0), tzinfo=zone)
        return dataclasses.replace(meeting, start=start, end=end, all_day=True)
    zone = ZoneInfo(span.zone) if span.zone else OSLO
    assert isinstance(span.start, datetime) and isinstance(span.end, datetime)  # not all-day: wall-clock times
    start, end = span.start.replace(tzinfo=zone), span.end.replace(tzinfo=zone)
    if end <= start:
        end = start + (meeting.end - meeting.start if not meeting.all_day else timedelta(hours=1))
    return dataclasses.replace(meeting, start=start, end=end, all_day=False)

