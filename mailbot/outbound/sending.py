"""The send state machine: the one place that moves outgoing mail between queued, sending, sent
and failed.

A mail is ``queued`` until the sender calls ``handover``, right before the point after which the
server may have accepted it (the final dot of the SMTP message data); there it is committed as
``sending``, and after the server's answer as ``sent`` (or back to ``queued`` for a retry with
exponential back-off and jitter, or ``failed`` when refused for good). A crash or a lost answer
leaves it ``sending``, and it is never sent again blindly: when its copy to the functional
mailbox (the SMTP sender's ``copy_to_mailbox``) comes back into the inbox, the pipeline records
that Message-ID as handled and the mail is marked sent. Only when no copy has come
``confirm_window`` after it was handed over (counted from the moment the daemon was ready to
read mail, at the earliest), and the whole mailbox has been read once since that deadline, is
it taken as not accepted and queued again: a slow start or a backlog cannot make it resend a
mail whose copy is waiting unread.
"""
from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from mailbot.errors import SendError
from mailbot.logs import ids
from mailbot.model import MailStatus, OutgoingMail
from mailbot.records import contact
from mailbot.records.store import Store
from mailbot.transports.senders import MailSender

log = logging.getLogger(__name__)

RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=2)
CONFIRM_WINDOW = timedelta(minutes=15)


class Dispatcher:
    """Sends the store's queued mail through ``sender`` exactly once; see the module doc.

    ``clock`` returns the current time (aware, UTC); ``retry_base``: the first delay after a
    temporary send failure (doubling up to :data:`RETRY_MAX`); ``confirm_window``: how long a
    mail handed over without an answer waits for its copy before it is sent again.
    """

    def __init__(self, store: Store, sender: MailSender, clock: Callable[[], datetime], *,
                 retry_base: timedelta = RETRY_BASE, confirm_window: timedelta = CONFIRM_WINDOW) -> None:
        self.store = store
        self.sender = sender
        self.clock = clock
        self.retry_base = retry_base
        self.confirm_window = confirm_window
        self.started_at = clock()
        self.read_since: datetime | None = None

    def ready(self, now: datetime) -> None:
        """The daemon is ready to read mail at ``now`` (aware): confirmation windows count from here."""
        self.started_at = now

    def mailbox_read(self, began: datetime) -> None:
        """The whole inbox was read once, in a pass that began at ``began`` (aware)."""
        self.read_since = began

    def flush(self) -> int:
        """Resolve mail left ``sending``, then send every queued mail that is due; returns how
        many were sent."""
        now = self.clock()
        for mail in self.store.sending():
            self._resolve(mail, now)
        sent = 0
        for mail in self.store.queued():
            if mail.not_before and mail.not_before > now:
                continue
            sent += self._send(mail, now)
        return sent

    def next_due(self) -> list[datetime]:
        """When queued mail may be retried and mail left ``sending`` is due for a decision (UTC)."""
        now = self.clock()
        due = [m.not_before for m in self.store.queued() if m.not_before]
        return due + [self._deadline(m, now) for m in self.store.sending()]

    def refusal(self, message_ids: tuple[str, ...]) -> OutgoingMail | None:
        """The first of these mails that the server refused for good, if any."""
        refused = (self.store.mail(m) for m in message_ids)
        return next((m for m in refused if m is not None and m.status is MailStatus.FAILED), None)

    def _deadline(self, mail: OutgoingMail, now: datetime) -> datetime:
        return max(mail.sending_since or now, self.started_at) + self.confirm_window

    def _send(self, mail: OutgoingMail, now: datetime) -> bool:
        attempt = dataclasses.replace(mail, attempts=mail.attempts + 1)

        def handover() -> None:
            self._move(dataclasses.replace(attempt, status=MailStatus.SENDING, sending_since=now))

        try:
            self.sender.send(mail, handover)
        except SendError as exc:
            contact.record(self.store, "sending", now, "" if exc.permanent else str(exc))  # a 5xx is an answer
            if exc.uncertain:
                self.store.commit()  # the server's silence, for mailbot health
                log.warning("mail %s to %s: %s; it is kept as sending until its copy shows whether the "
                            "server took it", mail.message_id, ", ".join(mail.recipients), exc,
                            extra=ids(mail.message_id, mail.ref))
                return False
            self._failed(attempt, exc, now)
            return False
        contact.record(self.store, "sending", now)  # committed with the mail's new state
        self._move(dataclasses.replace(attempt, status=MailStatus.SENT, sent_at=now, last_error=""))
        log.info("sent %s (%s) to %s", mail.message_id, mail.purpose, ", ".join(mail.recipients),
                 extra=ids(mail.message_id, mail.ref))
        return True

    def _resolve(self, mail: OutgoingMail, now: datetime) -> None:
        """Decide about a mail left ``sending``: its copy came back (sent), or none came in time."""
        if self.store.handled(mail.message_id) is not None:
            self._move(dataclasses.replace(mail, status=MailStatus.SENT, sent_at=mail.sending_since))
            log.info("mail %s had reached the server (its copy came back to the mailbox); not sent again",
                     mail.message_id, extra=ids(mail.message_id, mail.ref))
            return
        deadline = self._deadline(mail, now)
        if now < deadline or self.read_since is None or self.read_since < deadline:
            return  # the window is open, or its copy may still be unread in the inbox
        log.warning("mail %s: no copy came back within %s of handing it over, so the server did not take "
                    "it; sending it again", mail.message_id, self.confirm_window, extra=ids(mail.message_id, mail.ref))
        self._move(dataclasses.replace(mail, status=MailStatus.QUEUED, not_before=None))

    def _failed(self, mail: OutgoingMail, exc: SendError, now: datetime) -> None:
        """Record a failed attempt (``mail.attempts`` already counts it): retry later or give up."""
        if exc.permanent:
            log.error("mail %s to %s refused for good, not sent: %s", mail.message_id, ", ".join(mail.recipients),
                      exc, extra=ids(mail.message_id, mail.ref))
            self._move(dataclasses.replace(mail, last_error=str(exc), status=MailStatus.FAILED))
            return
        delay = min(self.retry_base * 2 ** (mail.attempts - 1), RETRY_MAX) * random.uniform(0.8, 1.2)
        log.warning("mail %s not sent (attempt %d), retrying in %s: %s", mail.message_id, mail.attempts,
                    str(delay).split(".")[0], exc, extra=ids(mail.message_id, mail.ref))
        self._move(dataclasses.replace(mail, last_error=str(exc), status=MailStatus.QUEUED, not_before=now + delay))

    def _move(self, mail: OutgoingMail) -> None:
        """Store ``mail`` in its new state and commit at once: the state is the promise."""
        self.store.update_mail(mail)
        self.store.commit()
