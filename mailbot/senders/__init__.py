"""Where outgoing mail goes. Every backend (Maildir outbox, SMTP, Exchange) has this shape."""
from __future__ import annotations

from typing import Protocol

from mailbot.model import OutgoingMail


class MailSender(Protocol):
    """A transport for outgoing mail.

    ``send`` hands one stored mail over and returns when the transport has accepted it. It
    raises :class:`~mailbot.errors.SendError` with ``permanent=True`` when retrying cannot help
    (an SMTP 5xx), and with ``permanent=False`` for a temporary failure (4xx, a lost
    connection). The caller has recorded the mail before and marks it sent after.
    """

    def send(self, mail: OutgoingMail) -> None:
        """Hand ``mail`` over to the transport."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
