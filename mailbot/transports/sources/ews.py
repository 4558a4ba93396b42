"""On-premises Exchange Server through Exchange Web Services (exchangelib): poll, raw MIME, moves.

Every ``poll_seconds`` the Inbox is listed oldest first (FindItem); everything still there is
unhandled, because handled messages are moved out. Each item, a plain message or a meeting
request alike, is read as its MIME content (GetItem ``item:MimeContent``), so the one parser
serves every backend. Handled messages are moved (MoveItem) into the Inbox's child folders
``processed``, ``needs-attention`` and ``failed``, created when missing. EWS streaming
notifications are not used: a poll costs one FindItem request and survives any reconnect.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator

from exchangelib import Account
from exchangelib.errors import ErrorItemNotFound
from exchangelib.folders import Folder as EwsFolder

from mailbot.errors import SourceError
from mailbot.model import Folder
from mailbot.transports.ews import FAILURES, child_folder
from mailbot.transports.sources import Inbound

log = logging.getLogger(__name__)


class EwsSource:
    """The Inbox of ``account``; see :class:`mailbot.transports.sources.MailSource`.

    ``sleep`` waits seconds (tests pass a fake). Errors are :class:`~mailbot.errors.SourceError`.
    """

    def __init__(self, account: Account, poll_seconds: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.account = account
        self.poll_seconds = poll_seconds
        self.sleep = sleep
        self._folders: dict[str, EwsFolder] = {}

    def folders(self) -> dict[str, EwsFolder]:
        """The Inbox (key ``inbox``) and the three target folders (created when missing)."""
        if not self._folders:
            try:
                inbox = self.account.inbox
                self._folders = {"inbox": inbox, **{f.value: child_folder(inbox, f.value) for f in Folder}}
            except FAILURES as exc:
                raise SourceError(f"cannot open the mailbox's folders: {exc}") from exc
        return self._folders

    def fetch(self) -> Iterator[Inbound]:
        """Every item in the Inbox, oldest first, as its MIME bytes."""
        inbox = self.folders()["inbox"]
        try:
            ids = [(item.id, item.changekey) for item in inbox.all().order_by("datetime_received").only("id")]
        except FAILURES as exc:
            raise SourceError(f"cannot list the Inbox: {exc}") from exc
        for item_id in ids:
            try:
                item = next(iter(self.account.fetch(ids=[item_id], only_fields=["mime_content"])))
            except FAILURES as exc:
                raise SourceError(f"cannot read a message: {exc}") from exc
            if isinstance(item, ErrorItemNotFound):
                log.info("item %s left the Inbox before it was read", item_id[0])
            elif isinstance(item, Exception):
                raise SourceError(f"cannot read a message: {item}")
            else:
                yield Inbound(item_id[0], item.mime_content)

    def ack(self, message: Inbound, folder: Folder) -> None:
        """Move ``message`` into ``folder`` (MoveItem); an item gone already is logged."""
        try:
            result = self.account.bulk_move(ids=[(message.id, None)], to_folder=self.folders()[folder.value])
        except FAILURES as exc:
            raise SourceError(f"cannot move a message to {folder.value}: {exc}") from exc
        if result and isinstance(result[0], ErrorItemNotFound):
            log.warning("item %s already gone from the Inbox", message.id)
        elif result and isinstance(result[0], Exception):
            raise SourceError(f"cannot move a message to {folder.value}: {result[0]}")

    def wait(self, timeout: float) -> None:
        """Sleep ``poll_seconds`` (at most ``timeout``) before the next look at the Inbox."""
        self.sleep(max(0.0, min(timeout, self.poll_seconds)))

    def close(self) -> None:
        """Close exchangelib's connections to the server."""
        self.account.protocol.close()
