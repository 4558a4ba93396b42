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
from mailbot.inbound import guards, threads
from mailbot.inbound.commands import Commands, parse_commands
from mailbot.inbound.conversation import Conversation
from mailbot.inbound.invitation import Invitations
from mailbot.logs import ids
from mailbot.model import Folder, Handled, Handling, Outcome
from mailbot.parsing import calendar, language, places
from mailbot.records.store import Store
from mailbot.transports import mime

log = logging.getLogger(__name__)

_REFUSED = {guards.Verdict.OWN: Outcome.OWN, guards.Verdict.AUTOMATIC: Outcome.AUTOMATIC}


def message_key(raw: bytes, msg: Message | None = None) -> tuple[str, str]:
    """The message's key in the handled log (its Message-ID, else ``sha256:`` of its bytes) and
    the SHA-256 of its bytes (hex), which finds it again under a new UID."""
    return mime.identity(msg if msg is not None else mime.load(raw), raw), hashlib.sha256(raw).hexdigest()


class Pipeline:
    """Handles inbound messages against one store; see :meth:`handle`."""

    def __init__(self, config: Config, store: Store, invitations: Invitations, conversation: Conversation,
                 commands: Commands) -> None:
        self.config = config
        self.store = store
        self.invitations = invitations
        self.conversation = conversation
        self.commands = commands

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
        msg = mime.load(raw)
        key, sha = message_key(raw, msg)
        earlier = self.store.handled(key, sha)
        if earlier is not None and earlier.outcome is not Outcome.FAILED:
            return Handling(earlier.folder, earlier.outcome, earlier.ref, key=earlier.key, repeated=True)
        return self._finish(key, sha, now, self._route(msg, raw, key, now, too_large))

    def _route(self, msg: Message, raw: bytes, key: str, now: datetime, too_large: bool) -> Handling:
        """Which handler a message belongs to, and what it decided."""
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
        if too_large:  # only its header was fetched: a human reads it
            return self.invitations.too_large(msg, raw, key, now)
        lines = parse_commands(mime.body_text(msg), config.records.reference_prefix)
        if lines:
            return self.commands.run(msg, key, lines, ref, now)
        if (mime.first_address(msg, "From") or ("", ""))[1].lower() == config.mailbox.address.lower():
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

    def _finish(self, key: str, sha: str, now: datetime, handling: Handling) -> Handling:
        """Queue the handling's mail and write its handled-log entry, in one commit."""
        queued = tuple(m for m in handling.mails if self.store.queue(m))
        self.store.add_handled(Handled(key, sha, now, handling.outcome, handling.folder, handling.ref,
                                       handling.detail))
        self.store.commit()
        ref = handling.ref
        log.info("message %s: %s -> %s%s", key, handling.outcome, handling.folder, f" [{ref}]" if ref else "",
                 extra=ids(key, ref))
        return dataclasses.replace(handling, mails=queued, key=key)

    def failed(self, raw: bytes, error: Exception, now: datetime) -> Handling:
        """A message whose handling raised ``error`` (a bug, or input the code did not foresee):
        what it changed is rolled back and it is logged as failed, for a human."""
        self.store.rollback()
        key, sha = message_key(raw)
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
