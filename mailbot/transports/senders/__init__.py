"""Where outgoing mail goes. Every backend (Maildir outbox, SMTP, Exchange) has this shape."""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from mailbot.model import OutgoingMail


class MailSender(Protocol):
    """A transport for outgoing mail.

    ``send`` hands one stored mail over and returns when the transport has accepted it. It
    raises :class:`~mailbot.errors.SendError` with ``permanent=True`` when retrying cannot help
    (an SMTP 5xx), with ``permanent=False`` for a temporary failure (4xx, a lost connection
    before the mail was handed over), and with ``uncertain=True`` when the transport may have
    accepted it but did not say so. The caller has recorded the mail before and marks it sent
    after.

    ``handover`` must be called once, right before the point after which the transport may
    have accepted the mail (for SMTP: before the final dot of the message data; for an HTTP API:
    before the request). The daemon records the mail as ``sending`` there, so a crash after it
    is resolved without a blind resend. A sender whose ``send`` is idempotent per Message-ID
    (writing the same mail twice leaves one) need not call it.
    """

    def send(self, mail: OutgoingMail, handover: Callable[[], None] = lambda: None) -> None:
        """Hand ``mail`` over to the transport."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
