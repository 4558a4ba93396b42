"""Exchange Online through Microsoft Graph: delta query on the Inbox, raw MIME, moves.

New mail is found with a delta query on the Inbox's messages
(https://learn.microsoft.com/graph/api/message-delta): the first round lists every message in
the Inbox, later rounds only what changed since the saved ``@odata.deltaLink``. The delta link
is saved (atomically, in a small JSON file beside the store) only after every message of a
round has been handled and moved, so a crash or a stop replays the round instead of losing it;
the store recognises what it already handled (Message-ID or content hash) and the replay only
moves such messages again. An expired or refused delta link (410 Gone, or a sync-state error
code) starts a full resync of the Inbox, deduplicated the same way.

Each message is fetched as its RFC 5322 bytes (``/messages/{id}/$value``), so the one parser
serves every backend. Handled messages are moved into the child folders ``processed``,
``needs-attention`` and ``failed`` of the Inbox, created when missing. Graph pushes changes
only to a public HTTPS endpoint, so new mail is polled for every ``poll_seconds``.
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from mailbot.errors import SourceError
from mailbot.model import Folder
from mailbot.transports.graph import GraphClient, GraphError
from mailbot.transports.sources import Inbound

log = logging.getLogger(__name__)

INBOX = "inbox"  # Graph's well-known folder name
PAGE = {"Prefer": "odata.maxpagesize=50"}
# Error codes that mean "start the sync again" (https://learn.microsoft.com/graph/delta-query-overview)
SYNC_RESET = frozenset({"syncstatenotfound", "syncstateinvalid", "resyncrequired", "errorinvalidsyncstatedata"})


class GraphSource:
    """The Inbox of the client's mailbox; see :class:`mailbot.transports.sources.MailSource`.

    ``state`` is the JSON file holding the delta link (created when missing); ``sleep`` waits
    seconds (tests pass a fake). Errors are :class:`~mailbot.errors.SourceError`.
    """

    def __init__(self, client: GraphClient, state: Path, poll_seconds: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.client = client
        self.state = Path(state)
        self.poll_seconds = poll_seconds
        self.sleep = sleep
        self._folders: dict[str, str] = {}

    def folders(self) -> dict[str, str]:
        """Graph folder ids by name: ``inbox`` and the three target folders (created when missing)."""
        if not self._folders:
            try:
                inbox = self.client.request("GET", f"mailFolders/{INBOX}", params={"$select": "id"}).json()["id"]
                self._folders = {INBOX: inbox, **{f.value: self._child(inbox, f.value) for f in Folder}}
            except GraphError as exc:
                raise SourceError(f"cannot open the mailbox's folders: {exc}") from exc
        return self._folders

    def fetch(self) -> Iterator[Inbound]:
        """Messages new or changed in the Inbox since the last completed round, oldest first."""
        inbox = self.folders()[INBOX]
        ids, delta_link = self._changes(inbox)
        for message_id in ids:
            raw = self._raw(message_id)
            if raw is not None:
                yield Inbound(message_id, raw)
        self._save({"folder": inbox, "delta_link": delta_link})

    def ack(self, message: Inbound, folder: Folder) -> None:
        """Move ``message`` into ``folder`` (POST /messages/{id}/move); a message gone already is logged."""
        target = self.folders()[folder.value]
        try:
            self.client.request("POST", f"messages/{message.id}/move", json={"destinationId": target},
                                idempotent=True)
        except GraphError as exc:
            if exc.status == 404:
                log.warning("message %s already gone from the Inbox", message.id)
                return
            raise SourceError(f"cannot move a message to {folder.value}: {exc}") from exc

    def wait(self, timeout: float) -> None:
        """Sleep ``poll_seconds`` (at most ``timeout``): Graph cannot push to a daemon."""
        self.sleep(max(0.0, min(timeout, self.poll_seconds)))

    def close(self) -> None:
        """Close the HTTP connections."""
        self.client.close()

    def _changes(self, inbox: str) -> tuple[list[str], str]:
        """Ids of the messages added or changed since the saved delta link, oldest first, and the
        new delta link. Falls back to a full resync when the saved link is refused."""
        start = f"mailFolders/{inbox}/messages/delta?$select=receivedDateTime"
        saved = self._load()
        link = saved.get("delta_link", "") if saved.get("folder") == inbox else ""
        if not link.startswith(self.client.endpoint + "/"):
            link = start
        try:
            return self._round(link)
        except GraphError as exc:
            if link == start or not (exc.status == 410 or exc.code.lower() in SYNC_RESET):
                raise SourceError(f"cannot list new mail: {exc}") from exc
            log.warning("delta link refused (%s): full resync of the Inbox", exc)
        try:
            return self._round(start)
        except GraphError as exc:
            raise SourceError(f"cannot list new mail: {exc}") from exc

    def _round(self, link: str) -> tuple[list[str], str]:
        """Follow ``@odata.nextLink`` pages to the ``@odata.deltaLink``; removed entries are skipped."""
        received: dict[str, str] = {}
        while True:
            page = self.client.request("GET", link, headers=PAGE).json()
            for entry in page.get("value", []):
                if "@removed" not in entry:
                    received[entry["id"]] = entry.get("receivedDateTime") or ""
            if "@odata.deltaLink" in page:
                return sorted(received, key=lambda i: (received[i], i)), page["@odata.deltaLink"]
            link = page["@odata.nextLink"]

    def _raw(self, message_id: str) -> bytes | None:
        """The message's MIME (RFC 5322 bytes), or None when it left the Inbox meanwhile."""
        try:
            return self.client.request("GET", f"messages/{message_id}/$value").content
        except GraphError as exc:
            if exc.status == 404:
                log.info("message %s left the Inbox before it was read", message_id)
                return None
            raise SourceError(f"cannot read a message: {exc}") from exc

    def _child(self, parent: str, name: str) -> str:
        """The id of ``parent``'s child folder ``name``, created when missing."""
        path = f"mailFolders/{parent}/childFolders"
        query = {"$filter": f"displayName eq '{name}'", "$select": "id,displayName"}
        for _ in range(2):
            found = self.client.request("GET", path, params=query).json().get("value", [])
            if found:
                return found[0]["id"]
            try:
                created = self.client.request("POST", path, json={"displayName": name}, idempotent=True)
                log.info("created folder %s below the Inbox", name)
                return created.json()["id"]
            except GraphError as exc:
                if exc.status != 409:  # 409 ErrorFolderExists: made meanwhile, look again
                    raise
        raise GraphError(f"folder {name} neither found nor created")

    def _load(self) -> dict:
        try:
            return json.loads(self.state.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("delta state %s unreadable (%s): full resync", self.state, exc)
            return {}

    def _save(self, state: dict) -> None:
        """Replace the state file atomically (write, fsync, rename)."""
        tmp = self.state.with_name(self.state.name + ".tmp")
        try:
            self.state.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(state, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.state)
        except OSError as exc:
            raise SourceError(f"cannot save the delta link to {self.state}: {exc}") from exc
