"""The embedded mail source: a local Maildir (stdlib ``mailbox``), no server needed.

The inbox is the Maildir itself (``new/`` and ``cur/``); handled messages are renamed into the
Maildir++ sub-folders ``.processed``, ``.needs-attention`` and ``.failed``. A rename within one
file system is atomic, so a message is always in exactly one place.
"""
from __future__ import annotations

import logging
import mailbox
import os
import time
from collections.abc import Iterator
from pathlib import Path

from mailbot.errors import SourceError
from mailbot.model import Folder
from mailbot.transports.sources import Inbound

log = logging.getLogger(__name__)


class MaildirSource:
    """A Maildir as the inbox; see :class:`mailbot.transports.sources.MailSource`."""

    def __init__(self, path: Path, poll_seconds: float = 2.0, max_message_bytes: int = 25_000_000) -> None:
        self.path = Path(path)
        self.poll_seconds = poll_seconds
        self.max_message_bytes = max_message_bytes
        try:
            for sub in ("tmp", "new", "cur"):  # a half-made Maildir is completed, not refused
                (self.path / sub).mkdir(parents=True, exist_ok=True)
            self.box = mailbox.Maildir(self.path, factory=None, create=True)
            for folder in Folder:
                if folder.value not in self.box.list_folders():
                    self.box.add_folder(folder.value)
        except OSError as exc:
            raise SourceError(f"cannot open Maildir {self.path}: {exc}") from exc

    def fetch(self) -> Iterator[Inbound]:
        """Messages in the inbox, oldest delivery first; the id is the file's path in the Maildir."""
        self.box.clean()
        entries = [e for sub in ("new", "cur") for e in os.scandir(self.path / sub) if e.is_file()]
        for entry in sorted(entries, key=lambda e: (e.stat().st_mtime, e.name)):
            too_large = entry.stat().st_size > self.max_message_bytes
            try:
                raw = _header_section(Path(entry.path)) if too_large else Path(entry.path).read_bytes()
            except FileNotFoundError:  # moved away meanwhile
                continue
            yield Inbound(str(Path(entry.path).relative_to(self.path)), raw, too_large=too_large)

    def ack(self, message: Inbound, folder: Folder) -> None:
        """Rename the message file into ``folder``'s ``cur/`` (keeps the Maildir flags)."""
        source = self.path / message.id
        target = self.path / f".{folder.value}" / "cur" / source.name
        try:
            os.replace(source, target)
        except FileNotFoundError:
            log.warning("message %s already gone from the inbox", message.id)
        except OSError as exc:
            raise SourceError(f"cannot move {source} to {target}: {exc}") from exc

    def wait(self, timeout: float) -> None:
        """Poll ``new/`` every ``poll_seconds`` until something arrives or ``timeout`` passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any((self.path / "new").iterdir()):
                return
            time.sleep(min(self.poll_seconds, max(0.0, deadline - time.monotonic())))

    def close(self) -> None:
        """Nothing to release."""


def _header_section(path: Path, limit: int = 65536) -> bytes:
    """The header section of the message file at ``path`` (up to the first blank line), at most
    ``limit`` bytes: all that is read of a message above the size limit."""
    with open(path, "rb") as fh:
        head = fh.read(limit)
    end = head.find(b"\n\n") if b"\r\n\r\n" not in head else head.find(b"\r\n\r\n")
    return head[:end] + b"\r\n\r\n" if end >= 0 else head
