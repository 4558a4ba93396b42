"""Sending as the mailbox through Exchange Web Services (on-premises Exchange Server).

The stored RFC 5322 message is handed over as MIME content (CreateItem with
``MessageDisposition="SendAndSaveCopy"``), so its Message-ID and headers are the ones
:mod:`mailbot.outbound.compose` wrote; the copy lands in Sent Items. Before each send, Sent Items is
searched for the Message-ID (FindItem on ``message:InternetMessageId``): a mail handed over
before a crash or a lost response is not sent again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from exchangelib import Account, Message
from exchangelib.errors import (
    ErrorInvalidRecipients,
    ErrorInvalidSmtpAddress,
    ErrorMessageSizeExceeded,
    ErrorMimeContentConversionFailed,
    ErrorMimeContentInvalid,
)

from mailbot.errors import SendError
from mailbot.model import OutgoingMail
from mailbot.transports.ews import FAILURES

log = logging.getLogger(__name__)

# Exchange refuses the mail itself: sending it again cannot help.
PERMANENT = (ErrorInvalidRecipients, ErrorInvalidSmtpAddress, ErrorMessageSizeExceeded,
             ErrorMimeContentConversionFailed, ErrorMimeContentInvalid)


class EwsSender:
    """Hands mail to Exchange as ``account``'s mailbox; see :class:`mailbot.transports.senders.MailSender`.

    Errors: ``SendError(permanent=True)`` for the refusals in :data:`PERMANENT`; ``permanent=False``
    for everything else (a busy server after exchangelib's retries, a lost connection, denied
    access that an operator can fix: the mail then goes out at the next retry).
    """

    def __init__(self, account: Account) -> None:
        self.account = account

    def send(self, mail: OutgoingMail, handover: Callable[[], None] = lambda: None) -> None:
        """Send ``mail.raw`` unchanged unless Sent Items already holds its Message-ID."""
        try:
            if self.sent(mail.message_id):
                log.info("mail %s is in Sent Items already; not sent again", mail.message_id)
                return
            sent = self.account.sent
        except FAILURES as exc:
            raise SendError(f"cannot search Sent Items: {exc}") from exc
        try:
            Message(account=self.account, folder=sent, mime_content=mail.raw.encode("utf-8")).send_and_save()
        except FAILURES as exc:
            raise SendError(f"EWS CreateItem: {type(exc).__name__}: {exc}",
                            permanent=isinstance(exc, PERMANENT)) from exc

    def sent(self, message_id: str) -> bool:
        """Whether Sent Items holds a message with this Message-ID."""
        return self.account.sent.filter(message_id=message_id).only("id").count() > 0

    def close(self) -> None:
        """Close exchangelib's connections to the server."""
        self.account.protocol.close()
