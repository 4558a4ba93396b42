"""One inbound message through mailbot: guards, route to a handler, store what it decided.

Routing: mailbot's own mail is filed; a bounce or an out-of-office reply to a record's mail goes
to :mod:`mailbot.inbound.conversation`; command lines at the top of the body go to
:mod:`mailbot.inbound.commands`; other mail in a record's thread (:mod:`mailbot.inbound.threads`)
without a calendar part is read as the referat; everything else is a forwarded invitation
(:mod:`mailbot.inbound.invitation`).

The pipeline never sends and never moves a message: it returns the folder the message belongs
in and leaves the mail it queued in the store. The daemon sends, then acknowledges. Everything
a message changes (record, handled-log entry, outgoing mail) is committed together, so a crash
leaves either all of it or none of it. This module is the only writer of the handled log.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
from datetime import datetime
from email.message import Message

from mailbot.config.settings import Config
from mailbot.errors import StoreError
from mailbot.inbound import guards, limits, threads
from mailbot.inbound.commands import Commands, parse_commands
from mailbot.inbound.conversation import Conversation
from mailbot.inbound.invitation import Invitations
from mailbot.logs import ids
from mailbot.model import Folder, Handled, Handling, Outcome, OutgoingMail
from mailbot.parsing import calendar, language, places
from mailbot.records.store import Store
from mailbot.transports import mime

log = logging.getLogger(__name__)

_REFUSED = {guards.Verdict.OWN: Outcome.OWN, guards.Verdict.AUTOMATIC: Outcome.AUTOMATIC}


def message_key(raw: bytes, head: Message) -> tuple[str, str]:
    """The message's key in the handled log (its Message-ID, else ``sha256:`` of its bytes) and
    the SHA-256 of its bytes (hex), which finds it again under a new UID. ``head`` is the
    message's header section (:func:`limits.header_section`): the body is never needed."""
    return mime.identity(head, raw), hashlib.sha256(raw).hexdigest()


class Pipeline:
    """Handles inbound messages against one store; see :meth:`handle`."""

    def __init__(self, config: Config, store: Store, invitations: Invitations, conversation: Conversation,
                 commands: Commands, quota: limits.Quota) -> None:
        self.config = config
        self.store = store
        self.invitations = invitations
        self.conversation = conversation
        self.commands = commands
        self.quota = quota
        self.structure = limits.Structure(config.limits.max_depth, config.limits.max_parts,
                                          config.limits.max_line_bytes, config.limits.max_header_bytes)
        self.unit = {a.lower() for a in (*config.unit_recipients, *config.unit.advisers, config.mailbox.address)}

    def warm_up(self) -> None:
        """Load what the parser loads on first use (place names, the language model: about 4 s),
        so that the first message after a start is answered as fast as the others."""
        places.lookup("Oslo")
        language.reply_language("Møte i Oslo")

    def handle(self, raw: bytes, now: datetime, too_large: bool = False) -> Handling:
        """Handle one message (RFC 5322 bytes) at ``now`` (aware); idempotent per Message-ID.

        A message handled before gives its earlier result again (``repeated``), with nothing new
        stored or queued; one that made the code fail (outcome ``failed``) is tried again, so a
        human can move it back into the inbox once the cause is fixed. ``too_large``: ``raw`` is
        only the header section of a message above the backend's size limit; it goes to
        needs-attention and the sender is told. The result's ``key`` is set and its ``mails``
        are those newly queued. Raises only on bugs and store failures; the daemon then calls
        :meth:`failed`.
        """
        head_bytes = limits.header_section(raw)
        head = limits.parse_headers(head_bytes)
        key, sha = message_key(raw, head)
        earlier = self.store.handled(key, sha)
        if earlier is not None and earlier.outcome is not Outcome.FAILED:
            return Handling(earlier.folder, earlier.outcome, earlier.ref, key=earlier.key, repeated=True)
        try:
            with limits.budget(self.config.limits.message_seconds):
                unread = "too_large" if too_large else ""
                problem = "" if too_large else limits.structure_problem(raw, self.structure)
                if problem:
                    log.warning("message %s not parsed: %s", key, problem, extra=ids(key))
                    unread, raw = "too_complex", head_bytes
                handling = self._route(mime.load(raw), raw, key, now, unread)
        except StoreError:
            raise  # the store is broken: stop rather than lose track; the message stays in the inbox
        except Exception as exc:  # a bug, an input the code did not foresee, or over its time budget
            return self._fail(key, sha, exc, now)
        return self._finish(key, sha, now, handling)

    def _route(self, msg: Message, raw: bytes, key: str, now: datetime, unread: str) -> Handling:
        """Which handler a message belongs to, and what it decided. ``unread``: why the message
        is not read (too large, too complex; ``raw`` is then its header section), else ''."""
        config = self.config
        decision = guards.check(msg, own_address=config.mailbox.address,
                                allowed_domains=config.senders.allowed_domains, authserv_id=config.senders.authserv_id)
        own = decision.verdict is guards.Verdict.OWN
        ref = None if own else threads.thread_ref(msg, self.store, config.records.reference_prefix)
        if decision.verdict is guards.Verdict.AUTOMATIC and not self._spoofed(msg):
            handling = self.conversation.automatic(msg, key, ref, now)
            if handling is not None:
                return handling
        if decision.verdict is not guards.Verdict.ACCEPT:
            log.info("message %s not answered: %s", key, decision.reason, extra=ids(key))
            folder = Folder.PROCESSED if own else Folder.NEEDS_ATTENTION
            return Handling(folder, _REFUSED.get(decision.verdict, Outcome.REJECTED), ref, detail=decision.reason)
        sender = (mime.first_address(msg, "From") or ("", ""))[1]
        if self.quota.exceeded(sender, ref, now) and sender not in self.unit:
            return self._over_quota(msg, key, sender, ref, now)
        if unread:  # only its header is read: a human reads the rest
            return self.invitations.unreadable(msg, raw, key, unread, now)
        lines = parse_commands(mime.body_text(msg), config.records.reference_prefix)
        if len(lines) > config.limits.max_commands:
            return self.commands.too_many(msg, key, lines, ref, now)
        if lines:
            return self.commands.run(msg, key, lines, ref, now)
        if sender == config.mailbox.address.lower():
            # an adviser writing from the functional mailbox, not a command: whose participation or
            # referat it is, a human knows; no reply, it would only come back to the mailbox
            return Handling(Folder.NEEDS_ATTENTION, Outcome.NOT_UNDERSTOOD, ref,
                            detail="from the functional mailbox itself")
        record = self.store.get(ref) if ref is not None else None
        if record is not None and calendar.find_event(msg)[0] is None:
            return self.conversation.reply(msg, key, record, now)
        return self.invitations.handle(msg, raw, key, now)

    def _spoofed(self, msg: Message) -> bool:
        """True when the receiving server says DMARC failed for the sender (RFC 8601)."""
        authserv_id = self.config.senders.authserv_id
        return bool(authserv_id) and guards.dmarc_failed(msg, authserv_id)

    def _over_quota(self, msg: Message, key: str, sender: str, ref: str | None, now: datetime) -> Handling:
        """Mail from a correspondent (or into a thread) that has had its automatic mail for today:
        to a human without a reply; the unit is told once a day (RFC 3834 §2: no endless loop)."""
        log.warning("message %s from %s not answered: the day's limit of automatic mail is reached", key, sender,
                    extra=ids(key, ref))
        report: tuple[OutgoingMail, ...] = ()
        if self.quota.first_report(sender, now):
            report = (self.invitations.composer.mail(
                "report", self.config.unit_language, cause=key, purpose="report-limited",
                to=list(self.config.unit_recipients), now=now,
                ref=ref, kind="limited", sender=sender, limit=self.config.limits.mails_per_address, lines=[],
                recipients=[], purposes=[], record=None),)
        return Handling(Folder.NEEDS_ATTENTION, Outcome.LIMITED, ref, report, f"daily limit reached for {sender}")

    def _finish(self, key: str, sha: str, now: datetime, handling: Handling) -> Handling:
        """Queue the handling's mail and write its handled-log entry, in one commit."""
        queued = tuple(m for m in handling.mails if self.store.queue(m))
        for mail in queued:  # automatic mail to correspondents counts against their daily limit
            outside = [a for a in mail.recipients if a.lower() not in self.unit]
            if outside:
                self.quota.count(outside, mail.ref, now)
        self.store.add_handled(Handled(key, sha, now, handling.outcome, handling.folder, handling.ref,
                                       handling.detail))
        self.store.commit()
        ref = handling.ref
        log.info("message %s: %s -> %s%s", key, handling.outcome, handling.folder, f" [{ref}]" if ref else "",
                 extra=ids(key, ref))
        return dataclasses.replace(handling, mails=queued, key=key)

    def failed(self, raw: bytes, error: Exception, now: datetime) -> Handling:
        """A message whose handling raised ``error`` outside :meth:`handle`'s own guard: rolled
        back and logged as failed, for a human; the message is not parsed again."""
        return self._fail(*message_key(raw, limits.parse_headers(limits.header_section(raw))), error, now)

    def _fail(self, key: str, sha: str, error: Exception, now: datetime) -> Handling:
        """Roll back what the message changed and file it as failed, with the error logged."""
        self.store.rollback()
        log.error("message %s failed and goes to the failed folder: %s", key, error, exc_info=error,
                  extra=ids(key))
        return self._finish(key, sha, now, Handling(Folder.FAILED, Outcome.FAILED,
                                                    detail=f"{type(error).__name__}: {error}"))

    def refused(self, handling: Handling, detail: str) -> Handling:
        """A processed message whose reply the server refused for good goes to needs-attention
        instead, so that a human in the unit sees it."""
        entry = self.store.handled(handling.key)
        if entry is not None:
            self.store.add_handled(dataclasses.replace(entry, folder=Folder.NEEDS_ATTENTION, detail=detail))
            self.store.commit()
        log.error("message %s goes to needs-attention: its reply could not be delivered", handling.key,
                  extra=ids(handling.key, handling.ref))
        return dataclasses.replace(handling, folder=Folder.NEEDS_ATTENTION, detail=detail)
