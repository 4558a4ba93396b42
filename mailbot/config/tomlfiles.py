"""Reading the TOML registries that ship beside the configuration (fora, rules, directory).

Every ConfigError names the registry's file, the configuration key that points to it (``via``,
e.g. ``parsing.fora``) and the entry and field inside it (``forum[3].level``).
"""
from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from mailbot.errors import ConfigError


class Entry:
    """One ``[[TABLE]]`` of a registry, read field by field with errors naming file, key and field."""

    def __init__(self, data: dict[str, Any], *, path: Path, via: str, key: str) -> None:
        self.data, self.path, self.via, self.key = data, path, via, key

    def error(self, message: str, name: str | None = None) -> ConfigError:
        """A ConfigError naming the file, ``via`` and this entry (or its field ``name``)."""
        return ConfigError(message, path=self.path, via=self.via, key=f"{self.key}.{name}" if name else self.key)

    def text(self, name: str, default: str | None = None) -> str:
        """The string ``name``; ``default`` when absent (None: the field is required)."""
        value = self.data.get(name, default)
        if value is None:
            raise self.error(f"missing key {name}")
        if not isinstance(value, str) or not value:
            raise self.error(f"expected a non-empty string, got {_kind(value)}", name)
        return value

    def texts(self, name: str, *, required: bool = False) -> tuple[str, ...]:
        """The list of strings ``name`` as a tuple; () when absent, unless ``required``."""
        if name not in self.data and required:
            raise self.error(f"missing key {name}")
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(f"expected a list of strings, got {_kind(value)}", name)
        return tuple(value)


def toml_entries(path: Path, table: str, *, via: str, fields: Collection[str]) -> Iterator[Entry]:
    """Yield an :class:`Entry` for each ``[[TABLE]]`` of the registry at ``path`` (pointed to by
    the configuration key ``via``). Raises ConfigError naming the file and ``via`` when the file
    cannot be read, is not valid TOML (the message has the line), holds a key other than
    ``[[TABLE]]`` or no entry at all, or when an entry has a key not in ``fields``."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=path, via=via) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text: {exc}", path=path, via=via) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=path, via=via) from exc
    entries = data.get(table)
    if not entries:
        raise ConfigError(f"no [[{table}]] entries: the registry is empty", path=path, via=via)
    for name in data:
        if name != table:
            raise ConfigError(f"unknown key (expected [[{table}]] tables only)", path=path, via=via, key=name)
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ConfigError(f"expected [[{table}]] tables", path=path, via=via, key=table)
    for n, entry in enumerate(entries):
        key = f"{table}[{n}]"
        for name in entry:
            if name not in fields:
                raise ConfigError(f"unknown key (known: {', '.join(sorted(fields))})", path=path, via=via,
                                  key=f"{key}.{name}")
        yield Entry(entry, path=Path(path), via=via, key=key)


def _kind(value: Any) -> str:
    """How an error names a TOML value's type: ``a string ('x')``, ``an integer``."""
    names = {str: "a string", int: "an integer", float: "a number", bool: "a boolean", list: "a list",
             dict: "a table"}
    name = names.get(type(value), type(value).__name__)
    return f"{name} ({value!r})" if isinstance(value, str) else name
