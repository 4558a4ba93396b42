"""The ``[archive]`` section: the case archive's intake address (IM 2011-013 §4.1: "Alle referater
(med agenda og posisjoner) arkiveres i UdiSak").

Norwegian case archives such as UdiSak take documents by email to a registry mailbox. With an
``address`` set, every referat received is sent there once (:mod:`mailbot.outbound.archive`);
without one (the default) nothing goes to the archive and the receipt reminds the participant
to archive the referat themselves.
"""
from __future__ import annotations

from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from pathlib import Path

from mailbot.errors import ConfigError


@dataclass(frozen=True)
class ArchiveConfig:
    """``address``: the case archive's intake mailbox (an addr-spec, RFC 5322 §3.4.1); '' = off."""

    address: str = ""

    @property
    def enabled(self) -> bool:
        """True when referats go to the archive."""
        return bool(self.address)

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key when ``address`` is set and is no address."""
        if not self.address:
            return
        try:
            parsed = Address(addr_spec=self.address)
        except (HeaderParseError, ValueError, IndexError) as exc:
            raise ConfigError(f"expected an email address, got {self.address!r}", path=where,
                              key="archive.address") from exc
        if not parsed.username or "." not in parsed.domain or parsed.addr_spec != self.address:
            raise ConfigError(f"expected an email address such as postmottak@udi.no, got {self.address!r}",
                              path=where, key="archive.address")
