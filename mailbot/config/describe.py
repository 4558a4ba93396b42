"""``mailbot check-config``: the effective configuration as TOML-like text, secrets masked."""
from __future__ import annotations

import dataclasses
from typing import Any

from mailbot.config.credentials import Secret
from mailbot.config.settings import BACKEND_SECTIONS, Config


def describe(config: Config) -> str:
    """Render the effective configuration as TOML-like text, secrets masked; of the backend
    sections only those of ``mailbox.backend``."""
    lines = [f"# effective configuration from {config.source or 'built-in defaults'}"]
    unused = {"maildir", "imap", "smtp", "graph", "ews"} - set(BACKEND_SECTIONS[config.mailbox.backend])
    for section in dataclasses.fields(config):
        value = getattr(config, section.name)
        if not dataclasses.is_dataclass(value) or section.name in unused:
            continue
        lines.append(f"\n[{section.name}]")
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is None:
                lines.append(f"# {f.name} = (not set)")
            else:
                lines.append(f"{f.name} = {item.masked() if isinstance(item, Secret) else _toml(item)}")
    return "\n".join(lines)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
