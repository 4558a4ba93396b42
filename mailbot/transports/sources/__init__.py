"""Where inbound mail comes from. Every backend (Maildir, IMAP, Exchange) has this shape."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from mailbot.model import Folder


@dataclass(frozen=True)
class Inbound:
    """A fetched message: the backend's own id for it and its RFC 5322 bytes.

    ``too_large`` is True when the message is larger than the backend's size limit: ``raw`` then
    holds only its header section, and the message goes to a human (needs-attention).
    """

    id: str
    raw: bytes
    too_large: bool = False


class MailSource(Protocol):
    """A mailbox mailbot reads from.

    ``fetch`` yields the messages waiting in the inbox; ``ack`` moves one to a folder once
    everything it caused is stored (never before); ``wait`` blocks until new mail may have come
    or ``timeout`` seconds have passed. Errors are :class:`~mailbot.errors.SourceError`.
    """

    def fetch(self) -> Iterator[Inbound]:
        """Messages in the inbox, oldest first."""
        ...

    def ack(self, message: Inbound, folder: Folder) -> None:
        """Move ``message`` out of the inbox into ``folder``."""
        ...

    def wait(self, timeout: float) -> None:
        """Return when new mail may be there, at the latest after ``timeout`` seconds."""
        ...

    def close(self) -> None:
        """Release connections and files."""
        ...
