"""The IMAP mail source (imapclient): IDLE, a persisted UID high-water mark, MOVE to folders.

- The inbox is mailbot's work queue: every message in it is handled, then moved (RFC 6851
  MOVE; without it COPY, ``\\Deleted`` and, with UIDPLUS, ``UID EXPUNGE`` of that one message)
  into the processed, needs-attention or failed folder, which are created when missing. ``\\Seen``
  is never used or changed (people read the mailbox): bodies are fetched with ``BODY.PEEK``.
- The (UIDVALIDITY, UID) high-water mark (RFC 3501 §2.3.1.1) is kept in the store's meta table:
  ``fetch`` asks only for UIDs above it. When UIDVALIDITY changes the mark starts again at 0 and
  the whole inbox is read again; messages already handled are recognised by Message-ID or
  content hash (:meth:`mailbot.records.store.Store.handled`), so re-reading costs time, never a reply.
  Every ``sweep_seconds`` a full ``UID SEARCH`` catches anything left below the mark.
- ``wait`` IDLEs (RFC 2177) for at most ``idle_seconds`` at a time and re-issues it; the socket
  has ``timeout_seconds``, so a server that stops answering is noticed when IDLE ends (within
  ``idle_seconds + timeout_seconds``). Without IDLE (or with ``idle = false``) it polls.
- Any connection failure raises :class:`~mailbot.errors.SourceError` and drops the connection;
  the next call connects again (the daemon waits with back-off in between).
- A message larger than ``max_message_bytes`` (RFC822.SIZE, asked before the body) is handed
  over as its header section only, marked ``too_large``.
"""
from __future__ import annotations

import contextlib
import imaplib
import logging
import time
from collections.abc import Callable, Iterator

from imapclient import IMAPClient

from mailbot.config import credentials
from mailbot.config.settings import ImapConfig
from mailbot.errors import ConfigError, SourceError
from mailbot.model import Folder
from mailbot.records.store import Store
from mailbot.transports.sources import Inbound

log = logging.getLogger(__name__)

BATCH_MESSAGES = 25
BATCH_BYTES = 32_000_000
NEW_MAIL = (b"EXISTS", b"RECENT")


def connect(config: ImapConfig) -> IMAPClient:
    """A logged-in IMAPClient for ``config``; raises SourceError (wrapping the cause)."""
    with _talking(config, "login"):
        context = credentials.tls_context(config) if config.security != "none" else None
        client = IMAPClient(config.host, config.port, ssl=config.security == "tls", ssl_context=context,
                            timeout=config.timeout_seconds)
        if config.security == "starttls":
            client.starttls(context)
        secret = credentials.secret(config)
        if config.auth == "xoauth2":
            client.oauth2_login(config.username, secret)
        else:
            client.login(config.username, secret)
        return client


@contextlib.contextmanager
def _talking(config: ImapConfig, what: str, on_error: Callable[[], None] | None = None) -> Iterator[None]:
    """Turn IMAP, socket, TLS and credential errors into SourceError naming the server."""
    try:
        yield
    except (imaplib.IMAP4.error, OSError, ConfigError) as exc:  # IMAPClientError, timeouts, TLS
        if on_error is not None:
            on_error()
        answer = exc.args[0] if len(exc.args) == 1 else None
        # imaplib hands the server's answer back as bytes
        detail = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else exc
        raise SourceError(f"IMAP {what} at {config.host}:{config.port} failed: {type(exc).__name__}: {detail}") from exc


class ImapSource:
    """An IMAP inbox as the mail source; see :class:`mailbot.transports.sources.MailSource`.

    ``Inbound.id`` is ``"UIDVALIDITY:UID"``. Not thread-safe; one connection.
    """

    def __init__(self, config: ImapConfig, store: Store) -> None:
        self.config = config
        self.store = store
        self.key = f"imap:{config.username}@{config.host}:{config.port}/{config.inbox}"
        self.folders = {Folder.PROCESSED: config.processed, Folder.NEEDS_ATTENTION: config.needs_attention,
                        Folder.FAILED: config.failed}
        self.client: IMAPClient | None = None
        self.capabilities: frozenset[bytes] = frozenset()
        self.uidvalidity = 0
        self.mark = 0
        self.next_sweep = 0.0  # time.monotonic(); the first fetch reads the whole inbox
        self.idling = False

    def fetch(self) -> Iterator[Inbound]:
        """Messages in the inbox above the high-water mark (all of them at a sweep), oldest UID first."""
        with self._talking("search"):
            client = self._connected()
            self._select(client)
            sweep = time.monotonic() >= self.next_sweep
            if sweep:
                self.next_sweep = time.monotonic() + self.config.sweep_seconds
            uids = self._search(client, 0 if sweep else self.mark)
            sizes = {uid: data[b"RFC822.SIZE"] for uid, data in client.fetch(uids, ["RFC822.SIZE"]).items()} \
                if uids else {}
        for batch in _batches([u for u in uids if u in sizes], sizes):
            with self._talking("fetch"):
                messages = self._download(self._connected(), batch, sizes)
            yield from messages

    def ack(self, message: Inbound, folder: Folder) -> None:
        """Move ``message`` into ``folder`` and raise the high-water mark to its UID."""
        validity, uid = (int(part) for part in message.id.split(":"))
        target = self.folders[folder]
        with self._talking("move"):
            client = self._connected()
            if validity != self.uidvalidity:
                log.warning("UIDVALIDITY of %s changed since UID %s was fetched; the next scan finds it again",
                            self.config.inbox, uid)
                return
            if b"MOVE" in self.capabilities:
                client.move([uid], target)
            else:
                client.copy([uid], target)
                client.delete_messages([uid])
                if b"UIDPLUS" in self.capabilities:
                    client.uid_expunge([uid])
        log.debug("UID %s moved from %s to %s", uid, self.config.inbox, target)
        if uid > self.mark:
            self.mark = uid
            self.store.set_meta(self.key, {"uidvalidity": self.uidvalidity, "uid": uid})
            self.store.commit()

    def wait(self, timeout: float) -> None:
        """IDLE (or poll) until new mail may be there, ``timeout`` seconds pass or a sweep is due."""
        deadline = min(time.monotonic() + timeout, self.next_sweep)
        with self._talking("IDLE"):
            client = self._connected()
            if self._search(client, self.mark):
                return
            if not (self.config.idle and b"IDLE" in self.capabilities):
                time.sleep(max(0.0, min(deadline - time.monotonic(), self.config.poll_seconds)))
                return
            while (remaining := deadline - time.monotonic()) > 0:
                if self._idle(client, min(remaining, self.config.idle_seconds)):
                    return

    def close(self) -> None:
        """Log out (or just close the socket when interrupted in IDLE)."""
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.shutdown() if self.idling else client.logout()
        except (imaplib.IMAP4.error, OSError) as exc:
            log.debug("IMAP logout failed: %s", exc)
        self.idling = False

    # -- the connection ---------------------------------------------------------------------

    def _talking(self, what: str) -> contextlib.AbstractContextManager[None]:
        return _talking(self.config, what, on_error=self._drop)

    def _drop(self) -> None:
        client, self.client, self.idling = self.client, None, False
        if client is not None:
            with contextlib.suppress(Exception):
                client.shutdown()

    def _connected(self) -> IMAPClient:
        if self.client is None:
            client = connect(self.config)
            self.client = client
            self.capabilities = frozenset(client.capabilities())
            self._make_folders(client)
            self._select(client)
            log.info("connected to IMAP %s:%s as %s (%s); %s: UIDVALIDITY %s, handled up to UID %s",
                     self.config.host, self.config.port, self.config.username,
                     "IDLE" if b"IDLE" in self.capabilities else "no IDLE: polling", self.config.inbox,
                     self.uidvalidity, self.mark)
        return self.client

    def _make_folders(self, client: IMAPClient) -> None:
        existing = {name for _flags, _delimiter, name in client.list_folders()}
        for name in self.folders.values():
            if name not in existing:
                client.create_folder(name)
                client.subscribe_folder(name)
                log.info("created IMAP folder %s", name)
        if b"MOVE" not in self.capabilities:
            log.warning("IMAP server has no MOVE: handled messages are copied and flagged \\Deleted%s",
                        "" if b"UIDPLUS" in self.capabilities else " (no UIDPLUS: they are not expunged)")

    def _select(self, client: IMAPClient) -> None:
        """Select the inbox; on a new UIDVALIDITY start the high-water mark again at 0."""
        validity = client.select_folder(self.config.inbox)[b"UIDVALIDITY"]
        stored = self.store.meta(self.key)
        if stored is None or stored["uidvalidity"] != validity:
            if stored is not None:
                log.warning("UIDVALIDITY of %s changed from %s to %s: reading the whole inbox again; "
                            "messages already handled are recognised by Message-ID and content",
                            self.config.inbox, stored["uidvalidity"], validity)
            stored = {"uidvalidity": validity, "uid": 0}
            self.store.set_meta(self.key, stored)
            self.store.commit()
        self.uidvalidity, self.mark = validity, stored["uid"]

    def _search(self, client: IMAPClient, above: int) -> list[int]:
        """UIDs above ``above`` in the inbox, not flagged \\Deleted, ascending."""
        criteria = ["NOT", "DELETED"] if above == 0 else ["UID", f"{above + 1}:*", "NOT", "DELETED"]
        return sorted(uid for uid in client.search(criteria) if uid > above)  # "n:*" always matches the last

    def _download(self, client: IMAPClient, uids: list[int], sizes: dict[int, int]) -> list[Inbound]:
        limit = self.config.max_message_bytes
        small = [u for u in uids if sizes[u] <= limit]
        large = [u for u in uids if sizes[u] > limit]
        found: dict[int, Inbound] = {}
        for uid, data in (client.fetch(small, ["BODY.PEEK[]"]) if small else {}).items():
            found[uid] = Inbound(f"{self.uidvalidity}:{uid}", data[b"BODY[]"])
        for uid, data in (client.fetch(large, ["BODY.PEEK[HEADER]"]) if large else {}).items():
            log.warning("UID %s in %s has %d bytes, above max_message_bytes %d: only its header is read",
                        uid, self.config.inbox, sizes[uid], limit)
            found[uid] = Inbound(f"{self.uidvalidity}:{uid}", data[b"BODY[HEADER]"], too_large=True)
        return [found[u] for u in uids if u in found]  # one moved away meanwhile is skipped

    def _idle(self, client: IMAPClient, seconds: float) -> bool:
        """One IDLE of at most ``seconds``; True when the server announced new mail."""
        client.idle()
        self.idling = True
        responses = client.idle_check(timeout=seconds)
        if any(r and r[0] == b"BYE" for r in responses):
            raise imaplib.IMAP4.abort(f"server said BYE during IDLE: {responses}")
        _text, more = client.idle_done()  # a frozen server times out here
        self.idling = False
        return any(len(r) > 1 and r[1] in NEW_MAIL for r in responses + more)


def _batches(uids: list[int], sizes: dict[int, int]) -> Iterator[list[int]]:
    """Groups of at most BATCH_MESSAGES messages and about BATCH_BYTES, in order."""
    batch: list[int] = []
    total = 0
    for uid in uids:
        if batch and (len(batch) >= BATCH_MESSAGES or total + sizes[uid] > BATCH_BYTES):
            yield batch
            batch, total = [], 0
        batch.append(uid)
        total += sizes[uid]
    if batch:
        yield batch


def survey(config: ImapConfig) -> list[str]:
    """Log in and describe the folders mailbot will use (for ``check-config --connect``)."""
    client = connect(config)
    with _talking(config, "survey"):
        try:
            caps = set(client.capabilities())
            offers = ", ".join(f"{c}: {'yes' if c.encode() in caps else 'no'}" for c in ("IDLE", "MOVE", "UIDPLUS"))
            lines = [f"imap: logged in to {config.host}:{config.port} as {config.username} "
                     f"({config.security}, {config.auth}); {offers}"]
            existing = {name for _flags, _delimiter, name in client.list_folders()}
            for role, name in (("inbox", config.inbox), ("processed", config.processed),
                               ("needs-attention", config.needs_attention), ("failed", config.failed)):
                if name in existing or name.upper() == "INBOX":
                    count = client.folder_status(name, [b"MESSAGES"])[b"MESSAGES"]
                    lines.append(f"  {role:<16} {name}: {count} message(s)")
                elif role == "inbox":
                    lines.append(f"  {role:<16} {name}: MISSING (mailbot reads new mail from it)")
                else:
                    lines.append(f"  {role:<16} {name}: missing, created at start")
            return lines
        finally:
            client.logout()
