"""Reading the TOML registries that ship beside the configuration (fora, rules, directory)."""
from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

from mailbot.errors import ConfigError


def toml_entries(path: Path, table: str) -> Iterator[tuple[str, dict]]:
    """Yield ``("TABLE[n]", entry)`` for each ``[[TABLE]]`` of a TOML file such as the forum
    registry; raises ConfigError naming the file when it cannot be read or parsed."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=path) from exc
    for n, entry in enumerate(data.get(table, [])):
        yield f"{table}[{n}]", entry
