"""The ``[operator]`` section: who hears when mailbot is unwell, and after how long."""
from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path

from mailbot.config.resources import languages
from mailbot.errors import ConfigError


@dataclass(frozen=True)
class OperatorConfig:
    """Health warnings for the operator (``[operator]``, see :mod:`mailbot.reports.health`).

    ``address``: where the warning mail goes (empty: no mail; ``mailbot health`` still reports);
    ``unreachable_seconds``: how long the mailbox or the sending server may fail in a row before
    it is a problem; ``token_days``: how many days before a known expiry (the Graph certificate)
    it is one; ``attention_business_days``: how long a message may lie in ``failed`` or
    ``needs-attention`` (Norwegian business days); ``attention_lookback_days``: how far back (in
    calendar days) such messages are looked for, since mailbot cannot see whether a person has
    since dealt with one; ``queued_seconds``: how long a mail may wait in the queue to be sent.
    """

    address: str = ""
    language: str = "nb"
    unreachable_seconds: float = 1800.0
    token_days: int = 14
    attention_business_days: int = 2
    attention_lookback_days: int = 14
    queued_seconds: float = 7200.0

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key of a malformed address, an unknown language
        or a count out of range (the ``*_seconds`` are checked with every other duration)."""
        name, address = parseaddr(self.address)
        if self.address and (name or address != self.address or address.count("@") != 1
                             or not all(address.split("@"))):
            raise ConfigError(f"expected one email address such as drift@udi.no, got {self.address!r}",
                              path=where, key="operator.address")
        if self.language not in languages():
            raise ConfigError(f"expected one of {', '.join(languages())} (a folder in templates/)",
                              path=where, key="operator.language")
        for key, high in (("token_days", 366), ("attention_business_days", 60), ("attention_lookback_days", 366)):
            if not 1 <= getattr(self, key) <= high:
                raise ConfigError(f"expected 1 to {high}", path=where, key=f"operator.{key}")
        if self.attention_lookback_days < self.attention_business_days:
            raise ConfigError("expected at least attention_business_days", path=where,
                              key="operator.attention_lookback_days")
