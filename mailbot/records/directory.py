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
    def load(cls, path: Path | None, via: str = "unit.directory") -> Directory:
        """Read ``path`` (the file the configuration key ``via`` names; None: an empty directory);
        raises ConfigError naming the file, ``via`` and the entry and field."""
        if path is None:
            return cls([])
        departments = []
        for entry in toml_entries(path, "department", via=via, fields=("code", "name", "manager", "members")):
            code = entry.text("code")
            department = Department(code, entry.text("name", code), entry.text("manager").lower(),
                                    tuple(m.lower() for m in entry.texts("members")))
            if "@" not in department.manager:
                raise entry.error("expected an email address", "manager")
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
