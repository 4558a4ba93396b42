"""One inbound message through mailbot: guards, route, parse, decide, store, queue the reply.

Routing: mailbot's own mail is filed; a bounce or an out-of-office reply to a record's mail goes
to :mod:`mailbot.inbound.conversation`; command lines at the top of the body go to
:mod:`mailbot.inbound.steering`; other mail in a record's thread (:mod:`mailbot.inbound.threads`) without a
calendar part is read as the referat; everything else is parsed as a forwarded invitation.

The pipeline never sends and never moves a message: it returns the folder the message belongs
in and leaves the mail it queued in the store. The daemon sends, then acknowledges. Everything
a message changes (record, handled-log entry, outgoing mail) is committed together, so a crash
leaves either all of it or none of it.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime

from mailbot.config.settings import Config
from mailbot.inbound import commands, guards, threads
from mailbot.inbound.conversation import Conversation, Handling
from mailbot.inbound.steering import Steering
from mailbot.logs import ids
from mailbot.model import Folder, Handled, Kind, Outcome, Participation, State
from mailbot.outbound import compose
from mailbot.outbound.mailer import Mailer
from mailbot.outbound.rendering import Renderer, day, meeting_times
from mailbot.parsing import calendar, language, places
from mailbot.parsing.fora import Fora
from mailbot.parsing.parser import Parser, ParseResult, next_occurrence
from mailbot.records import workflow
from mailbot.records.store import Store
from mailbot.transports import mime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Result:
    """Where a handled message goes, what happened, and the Message-IDs of mail queued for it.

    ``key`` is the message's key in the handled log (its Message-ID, else ``sha256:...``).
    """

    folder: Folder
    outcome: Outcome
    ref: str | None = None
    queued: tuple[str, ...] = ()
    repeated: bool = False
    key: str = ""


class Pipeline:
    """Handles inbound messages against one store; see :meth:`handle`."""

    def __init__(self, config: Config, store: Store, parser: Parser, renderer: Renderer) -> None:
        self.config = config
        self.store = store
        self.parser = parser
        self.renderer = renderer
        self.domain = config.mailbox.address.rsplit("@", 1)[-1]
        self.cadence = config.chase.cadence()
        self.mailer = Mailer(config, renderer, parser.fora)
        self.conversation = Conversation(config, store, self.mailer)
        self.steering = Steering(config, store, self.mailer)

    @classmethod
    def from_config(cls, config: Config, store: Store) -> Pipeline:
        """Build the parser and renderer the configuration names."""
        return cls(config, store, Parser.from_config(config), Renderer(config.templates))

    def warm_up(self) -> None:
        """Load what the parser loads on first use (place names, the language model: about 4 s),
        so that the first message after a start is answered as fast as the others."""
        places.lookup("Oslo")
        language.reply_language("Møte i Oslo")

    @property
    def fora(self) -> Fora:
        """The forum registry."""
        return self.parser.fora

    def handle(self, raw: bytes, now: datetime, too_large: bool = False) -> Result:
        """Handle one message (RFC 5322 bytes) at ``now`` (aware); idempotent per Message-ID.

        A message handled before gives its earlier result again, with nothing new stored or
        queued; one that made the code fail (outcome ``failed``) is tried again, so a human can
        move it back into the inbox once the cause is fixed. ``too_large``: ``raw`` is only the
        header section of a message above the backend's size limit; it goes to needs-attention
        and the sender is told. Raises only on bugs and store failures; the daemon moves such a
        message to the failed folder.
        """
        msg = mime.load(raw)
        key, sha = mime.identity(msg, raw), hashlib.sha256(raw).hexdigest()
        earlier = self.store.handled(key, sha)
        if earlier is not None and earlier.outcome is not Outcome.FAILED:
            return Result(earlier.folder, earlier.outcome, earlier.ref, repeated=True, key=earlier.key)
        decision = guards.check(msg, own_address=self.config.mailbox.address,
                                allowed_domains=self.config.senders.allowed_domains,
                                authserv_id=self.config.senders.authserv_id)
        prefix = self.config.records.reference_prefix
        ref = threads.thread_ref(msg, self.store, prefix) if decision.verdict is not guards.Verdict.OWN else None
        if decision.verdict is guards.Verdict.AUTOMATIC and not self._spoofed(msg):
            handling = self.conversation.automatic(msg, key, ref, now)
            if handling is not None:
                return self._done(key, sha, now, handling)
        if decision.verdict is not guards.Verdict.ACCEPT:
            log.info("message %s not answered: %s", key, decision.reason, extra=ids(key))
            folder = Folder.PROCESSED if decision.verdict is guards.Verdict.OWN else Folder.NEEDS_ATTENTION
            outcome = {guards.Verdict.OWN: Outcome.OWN, guards.Verdict.AUTOMATIC: Outcome.AUTOMATIC}.get(
                decision.verdict, Outcome.REJECTED)
            return self._finish(key, sha, now, outcome, folder, ref, [], decision.reason)
        if too_large:  # only its header was fetched: a human reads it
            parsed = self.parser.parse(raw, received=now)
            return self._unread(msg, key, sha, dataclasses.replace(parsed, meeting=None, reason="too_large"), now)
        lines = commands.parse(mime.body_text(msg), prefix)
        if lines:
            return self._done(key, sha, now, self.steering.run(msg, key, lines, ref, now))
        if (mime.first_address(msg, "From") or ("", ""))[1].lower() == self.config.mailbox.address.lower():
            # an adviser writing from the functional mailbox, not a command: whose participation or
            # referat it is, a human knows; no reply, it would only come back to the mailbox
            return self._finish(key, sha, now, Outcome.NOT_UNDERSTOOD, Folder.NEEDS_ATTENTION, ref, [],
                                "from the functional mailbox itself")
        if ref is not None and calendar.find_event(msg)[0] is None:
            return self._done(key, sha, now, self.conversation.reply(msg, key, self.store.get(ref), now))
        return self._invitation(msg, raw, key, sha, now)

    def _invitation(self, msg, raw: bytes, key: str, sha: str, now: datetime) -> Result:
        """A forwarded invitation, update or cancellation: record, reply with the checklist."""
        parsed = self.parser.parse(raw, received=now)
        for warning in parsed.warnings:
            log.warning("message %s: %s", key, warning, extra=ids(key))
        if not parsed.understood:
            return self._unread(msg, key, sha, parsed, now)
        record, outcome, changes = self._decide(parsed, key, now)
        if outcome is Outcome.REGISTERED or not record.open or {"start", "end"} & set(changes):
            record = workflow.plan(record, self.cadence, now)  # a moved meeting moves every due date
        before = self.store.get(record.ref).meeting if changes else None
        mail = self._reply(msg, key, record, outcome, self._changes_view(changes, before, record), now)
        self.store.put(record)
        return self._finish(key, sha, now, outcome, Folder.PROCESSED, record.ref, [mail], "")

    def _unread(self, msg, key: str, sha: str, parsed: ParseResult, now: datetime) -> Result:
        """A message mailbot cannot read as an invitation: to a human, and the sender is told."""
        mail = self._manual_reply(msg, key, parsed, now)
        unclear = parsed.reason in ("no_meeting_time", "too_large")
        outcome = Outcome.NOT_UNDERSTOOD if unclear else Outcome.NOT_INVITATION
        return self._finish(key, sha, now, outcome, Folder.NEEDS_ATTENTION, None, [mail], parsed.reason)

    def _spoofed(self, msg) -> bool:
        """True when the receiving server says DMARC failed for the sender (RFC 8601)."""
        authserv_id = self.config.senders.authserv_id
        return bool(authserv_id) and guards.dmarc_failed(msg, authserv_id)

    def _done(self, key: str, sha: str, now: datetime, handling: Handling) -> Result:
        return self._finish(key, sha, now, handling.outcome, handling.folder, handling.ref, list(handling.mails),
                            handling.detail)

    def _finish(self, key, sha, now, outcome, folder, ref, mails, detail) -> Result:
        queued = tuple(m.message_id for m in mails if self.store.queue(m))
        self.store.add_handled(Handled(key, sha, now, outcome, folder, ref, detail))
        self.store.commit()
        log.info("message %s: %s -> %s%s", key, outcome, folder, f" [{ref}]" if ref else "", extra=ids(key, ref))
        return Result(folder, outcome, ref, queued, key=key)

    def _decide(self, parsed: ParseResult, key: str, now: datetime) -> tuple[Participation, Outcome, list[str]]:
        """New record, update, cancellation, duplicate or stale: the record to store, the
        outcome, and for an update the names of the meeting fields that changed."""
        meeting = next_occurrence(parsed.meeting, now)
        candidate = Participation(
            ref="", state=State.REGISTERED, meeting=meeting, participant=parsed.participant or "",
            participant_name=parsed.participant_name, language=parsed.language,
            consultation=parsed.consultation, created_at=now)
        cancel = parsed.kind is Kind.CANCELLATION
        existing = self.store.same_meeting(candidate, moved=cancel or parsed.kind is Kind.UPDATE)
        if existing is None:
            ref = self.store.next_ref(self.config.records.reference_prefix, now.astimezone(meeting.zone).year)
            record = dataclasses.replace(candidate, ref=ref).with_event(workflow.event(now, f"received-{parsed.kind.value}", key))
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
        record, changes = workflow.change_meeting(existing, meeting, workflow.event(now, f"received-{parsed.kind.value}", key))
        record = dataclasses.replace(record, consultation=parsed.consultation)
        return record, (Outcome.UPDATED if changes else Outcome.DUPLICATE), changes

    def _reply(self, msg, key: str, record: Participation, outcome: Outcome, changes: list[dict], now: datetime):
        language = record.language
        view = self.mailer.meeting_view(record)
        previous = self.store.previous_in_forum(record.meeting.forum, record.meeting.start, record.ref)
        body = self.renderer.render(
            "reply", language, outcome=_reply_kind(outcome, record), ref=record.ref, name=record.participant_name,
            meeting=view, changes=changes,
            consultation=[{"label": self.parser.rules.label(r.rule, language), "excerpt": r.excerpt}
                          for r in record.consultation],
            previous=previous and {"who": previous.participant_name or previous.participant,
                                   "when": day(previous.meeting.start, language), "ref": previous.ref,
                                   "ahead": previous.meeting.start > now},  # registered, not yet held
            unit=self.config.mailbox.name, held=record.meeting.end <= now,
        )
        subject = f"Re: {record.meeting.title} [{record.ref}]"
        return self._compose(msg, key, f"reply-{outcome.value}", record.ref, subject, body, now)

    def _manual_reply(self, msg, key: str, parsed: ParseResult, now: datetime):
        language = parsed.language
        subject = mime.header(msg, "Subject")
        body = self.renderer.render("manual", language, name=parsed.participant_name, subject=subject,
                                    reason=parsed.reason, unit=self.config.mailbox.name)
        return self._compose(msg, key, "manual", None, f"Re: {subject}" if subject else "Re:", body, now)

    def _compose(self, msg, key, purpose, ref, subject, body, now):
        sender = mime.first_address(msg, "From")
        reply_to = mime.first_address(msg, "Reply-To")
        if reply_to and any(reply_to[1].endswith("@" + d) for d in self.config.senders.allowed_domains):
            sender = reply_to
        built = compose.build(
            sender=(self.config.mailbox.name, self.config.mailbox.address), to=[sender[1]], subject=subject,
            body=body, message_id=compose.message_id(key, purpose, self.domain), date=now, ref=ref,
            in_reply_to=mime.message_id(msg), references=mime.header(msg, "References"))
        return compose.outgoing(built, purpose=purpose, ref=ref, created_at=now)

    def _changes_view(self, changes: list[str], before, record: Participation) -> list[dict]:
        """What changed in an update, as label / old / new text in the record's language."""
        language, after = record.language, record.meeting
        labels = self.renderer.labels(language)["changes"]  # templates/LANG/labels.toml
        view = []
        if {"start", "end", "timezone"} & set(changes):
            view.append({"label": labels["time"], "old": meeting_times(before, language)["oslo"],
                         "new": meeting_times(after, language)["oslo"]})
        for name in ("title", "location", "online"):
            if name in changes:
                view.append({"label": labels[name], "old": _shown(getattr(before, name), labels),
                             "new": _shown(getattr(after, name), labels)})
        return view


def _shown(value, labels: dict[str, str]) -> str:
    if isinstance(value, bool):
        return labels["yes"] if value else labels["no"]
    return value or "-"


def _reply_kind(outcome: Outcome, record: Participation) -> str:
    if outcome is Outcome.CANCELLED and record.events[0].type == "received-cancellation":
        return "cancelled_unknown"  # the record was made by the cancellation itself
    return outcome.value
