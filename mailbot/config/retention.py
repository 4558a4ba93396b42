"""The ``[retention]`` section: how long mailbot keeps personal data (GDPR art. 5(1)(e)).

What each period applies to is described in :mod:`mailbot.records.retention` and in
docs/personal-data.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mailbot.errors import ConfigError


@dataclass(frozen=True)
class RetentionConfig:
    """Retention of personal data: ``body_days`` after a record closes its mail bodies and free
    texts go; ``pseudonym_months`` after it closes names and addresses are replaced by a
    pseudonym (counts per forum, department and year stay). ``enabled`` false keeps everything
    (the daily job does nothing; ``mailbot purge`` still works on demand)."""

    enabled: bool = True
    body_days: int = 90
    pseudonym_months: int = 24

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key of a period below 1, or names kept for a
        shorter time than the bodies that carry them."""
        for key in ("body_days", "pseudonym_months"):
            if getattr(self, key) < 1:
                raise ConfigError("expected a number of at least 1", path=where, key=f"retention.{key}")
        if self.pseudonym_months * 31 < self.body_days:
            raise ConfigError("names cannot go before the bodies that carry them: pseudonym_months "
                              "must cover body_days", path=where, key="retention.pseudonym_months")
