"""The department directory: which department a staff member belongs to, and its manager.

A TOML file of ``[[department]]`` tables, each with a ``code``, a ``name``, the ``manager``'s
address and the ``members``: addresses, or ``*@domain`` patterns for a whole mail domain. An
escalation of an overdue referat (IM 2011-013 §4.1) goes to the participant's manager in copy.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from mailbot.config.tomlfiles import toml_entries
from mailbot.errors import ConfigError


@dataclass(frozen=True)
class Department:
    """One department: code (e.g. AUA), name, manager's address and member patterns."""

    code: str
    name: str
    manager: str
    members: tuple[str, ...]


class Directory:
    """Looks staff members up by address (case-insensitive); the first matching department wins."""

    def __init__(self, departments: list[Department]) -> None:
        self.departments = departments

    @classmethod
    def load(cls, path: Path | None) -> Directory:
        """Read ``path`` (None: an empty directory); raises ConfigError naming the file and entry."""
        if path is None:
            return cls([])
        departments = []
        for key, entry in toml_entries(path, "department"):
            try:
                department = Department(entry["code"], entry.get("name", entry["code"]), entry["manager"].lower(),
                                        tuple(m.lower() for m in entry.get("members", ())))
            except (KeyError, AttributeError, TypeError) as exc:
                raise ConfigError(f"missing or bad key {exc}", path=path, key=key) from exc
            if "@" not in department.manager:
                raise ConfigError("expected an email address", path=path, key=f"{key}.manager")
            departments.append(department)
        return cls(departments)

    def department_of(self, address: str) -> Department | None:
        """The department of ``address``, or None when it is in none."""
        address = address.lower()
        for department in self.departments:
            if any(fnmatch.fnmatchcase(address, pattern) for pattern in department.members):
                return department
        return None

    def manager_of(self, address: str) -> str | None:
        """The manager of the department of ``address``; None when unknown or the person is the manager."""
        department = self.department_of(address)
        if department is None or department.manager == address.lower():
            return None
        return department.manager
