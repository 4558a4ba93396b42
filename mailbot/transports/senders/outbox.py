"""The embedded sender: outgoing mail written to a local Maildir instead of sent.

As Django's file-based mail backend does, this lets mailbot run with no mail server: each mail
is one file in the outbox's ``new/``, named after its Message-ID, so writing the same mail twice
leaves one file (the name is fixed before it is written, and the write is a rename).
"""
from __future__ import annotations

import hashlib
import mailbox
import os
from collections.abc import Callable
from pathlib import Path

from mailbot.errors import SendError
from mailbot.model import OutgoingMail


class OutboxSender:
    """Writes mail into a Maildir; see :class:`mailbot.transports.senders.MailSender`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            mailbox.Maildir(self.path, create=True)
        except OSError as exc:
            raise SendError(f"cannot open outbox {self.path}: {exc}") from exc

    def send(self, mail: OutgoingMail, handover: Callable[[], None] = lambda: None) -> None:
        """Write ``mail`` to ``new/``; a mail already there (same Message-ID) is not written again
        (so writing it twice is harmless and ``handover`` is not needed)."""
        name = "mailbot-" + hashlib.sha256(mail.message_id.encode()).hexdigest()[:32]
        target = self.path / "new" / name
        if target.exists() or any((self.path / "cur").glob(name + "*")):
            return
        tmp = self.path / "tmp" / name
        try:
            with open(tmp, "wb") as fh:
                fh.write(mail.raw.encode("ascii"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise SendError(f"cannot write to outbox {self.path}: {exc}") from exc

    def close(self) -> None:
        """Nothing to release."""

    def paths(self) -> list[Path]:
        """The files in the outbox, for commands and tests."""
        return sorted(p for sub in ("new", "cur") for p in (self.path / sub).iterdir())
