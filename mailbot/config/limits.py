"""The ``[limits]`` section: what protects mailbot from hostile and automatic mail."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from mailbot.errors import ConfigError


@dataclass(frozen=True)
class LimitsConfig:
    """Limits against hostile and automatic mail (``[limits]``): the structure of one message
    (nesting depth, MIME parts, bytes per line), its time budget in seconds, automatic mail to
    one correspondent and into one record's thread per day (RFC 3834 §2), command lines per mail."""

    max_depth: int = 20
    max_parts: int = 500
    max_line_bytes: int = 1_000_000
    max_header_bytes: int = 100_000
    message_seconds: float = 30.0
    mails_per_address: int = 10
    mails_per_thread: int = 10
    max_commands: int = 5

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key of a value below 1."""
        for field_ in dataclasses.fields(self):
            if getattr(self, field_.name) < 1:
                raise ConfigError("expected a number of at least 1", path=where, key=f"limits.{field_.name}")
