"""Sending as the mailbox through Microsoft Graph (Exchange Online).

The stored RFC 5322 message goes to ``POST /users/{mailbox}/sendMail`` as base64 MIME
(https://learn.microsoft.com/graph/api/user-sendmail, "send a message in MIME format"), so its
Message-ID, threading headers (In-Reply-To, References) and RFC 3834 headers are the ones
:mod:`mailbot.outbound.compose` wrote; Exchange keeps a copy in Sent Items. Before each send, Sent Items is
searched for the Message-ID: a mail handed over before a crash, or before a lost response, is
not sent again.
"""
from __future__ import annotations

import base64
import logging
from collections.abc import Callable

from mailbot.errors import SendError
from mailbot.model import OutgoingMail
from mailbot.transports.graph import GraphClient, GraphError

log = logging.getLogger(__name__)

# The request itself is refused: sending it again cannot help (bad MIME, too large, bad recipients).
PERMANENT = frozenset({400, 413, 415, 422})


class GraphSender:
    """Hands mail to Exchange Online as the client's mailbox; see :class:`mailbot.transports.senders.MailSender`.

    Errors: ``SendError(permanent=True)`` for a 400, 413, 415 or 422; ``permanent=False`` for
    everything else (throttling, 5xx, a lost connection, and also 401/403/404, which an operator
    can fix by granting the app its permissions: the mail then goes out at the next retry).
    """

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    def send(self, mail: OutgoingMail, handover: Callable[[], None] = lambda: None) -> None:
        """Send ``mail.raw`` unchanged unless Sent Items already holds its Message-ID."""
        try:
            if self.sent(mail.message_id):
                log.info("mail %s is in Sent Items already; not sent again", mail.message_id)
                return
        except GraphError as exc:  # our own search: never a reason to give the mail up
            raise SendError(f"cannot search Sent Items: {exc}") from exc
        try:
            self.client.request("POST", "sendMail", data=base64.b64encode(mail.raw.encode("utf-8")),
                                headers={"Content-Type": "text/plain"})
        except GraphError as exc:
            raise SendError(str(exc), permanent=exc.status in PERMANENT) from exc

    def sent(self, message_id: str) -> bool:
        """Whether Sent Items holds a message with this Message-ID (``internetMessageId``)."""
        literal = message_id.replace("'", "''")  # OData string literal
        found = self.client.request("GET", "mailFolders/sentitems/messages",
                                    params={"$filter": f"internetMessageId eq '{literal}'", "$select": "id"})
        return bool(found.json().get("value"))

    def close(self) -> None:
        """Close the HTTP connections."""
        self.client.close()
