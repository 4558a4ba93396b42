"""Checks of a configuration across its sections, run at load (ConfigError names the file and key)."""
from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mailbot.errors import ConfigError

if TYPE_CHECKING:
    from mailbot.config.settings import Config

log = logging.getLogger(__name__)


def recipients(config: Config, where: Path | None) -> None:
    """Raise ConfigError naming the key when an address that gets the weekly summary, the unit's
    reports (escalations, bounces, refused commands) or, as INE advisers, command replies listing
    every open record lies outside ``senders.allowed_domains``: they name participants, so they
    go to staff only (IM 2011-013 §2.3). Checked as the defaults apply: every address set under
    ``summary.recipients``, ``unit.report_to`` and ``unit.advisers``, and ``mailbox.address`` when
    it gets them itself (``unit.report_to`` and ``unit.advisers`` empty), whether the summary is
    enabled or not (``mailbot summary --send-now`` sends it all the same)."""
    keys = [("summary.recipients", config.summary.recipients), ("unit.report_to", config.unit.report_to),
            ("unit.advisers", config.unit.advisers)]
    if not (config.unit.report_to or config.unit.advisers):
        keys.append(("mailbox.address", (config.mailbox.address,)))
    domains = ", ".join(config.senders.allowed_domains)
    for key, addresses in keys:
        outside = [address for address in addresses if not config.senders.is_staff(address)]
        if not outside:
            continue
        why = ("with unit.report_to and unit.advisers empty, the weekly summary and the unit's reports go to the "
               "mailbox itself; they name participants and go to staff only: set unit.report_to to staff addresses"
               if key == "mailbox.address" else
               "the weekly summary and the unit's reports name participants and go to staff only")
        raise ConfigError(f"{', '.join(outside)} is outside senders.allowed_domains ({domains}): {why}",
                          path=where, key=key)


def ranges(config: Config, where: Path | None) -> None:
    """Raise ConfigError naming the key of a duration, port or size no run could work with:
    every ``*_seconds`` positive, ports 1-65535, ``max_message_bytes`` and ``compact_after`` at
    least 1."""
    for section in dataclasses.fields(config):
        value = getattr(config, section.name)
        if not dataclasses.is_dataclass(value):
            continue
        for item in dataclasses.fields(value):
            number, key = getattr(value, item.name), f"{section.name}.{item.name}"
            if not isinstance(number, (int, float)) or isinstance(number, bool):
                continue
            if item.name.endswith("_seconds") and number <= 0:
                raise ConfigError("expected a positive number of seconds", path=where, key=key)
            if item.name == "port" and not 0 < number < 65536:
                raise ConfigError("expected a port number (1-65535)", path=where, key=key)
            if item.name in ("max_message_bytes", "compact_after") and number < 1:
                raise ConfigError("expected a number of at least 1", path=where, key=key)


RENAMED = {("unit", "staff"): "advisers"}  # older key -> its name now


def renamed(data: dict[str, Any], where: Path) -> dict[str, Any]:
    """``data`` with keys of older versions under their new names (a warning names each);
    raises ConfigError when both the old and the new name are set."""
    for (section, old), new in RENAMED.items():
        table = data.get(section)
        if isinstance(table, dict) and old in table:
            if new in table:
                raise ConfigError(f"set {section}.{new} only ({section}.{old} is its older name)", path=where,
                                  key=f"{section}.{old}")
            log.warning("%s: %s.%s is now called %s.%s; please rename it", where, section, old, section, new)
            data = {**data, section: {**{k: v for k, v in table.items() if k != old}, new: table[old]}}
    return data
