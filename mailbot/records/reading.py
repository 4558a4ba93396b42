"""One table of a store read for a look, without the rest: ``mailbot records`` at 100,000 records.

Opening a :class:`~mailbot.records.store.Store` parses every table and builds every index; a
command that only prints the records needs neither. :func:`table_documents` streams the
documents of one table out of the snapshot (compaction writes the records first, so the other
tables are not even read) and applies the journal's committed changes to them, as opening the
store would. A snapshot or journal it cannot read this way is read by the store itself, so
every refusal and its message stay the store's own.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from mailbot.errors import StoreError
from mailbot.records.journal import JournaledStorage, is_op

CHUNK = 1 << 20  # characters read from the snapshot at a time
SPACE = re.compile(r"[ \t\n\r]*")


def table_documents(path: Path, table: str) -> Iterator[dict[str, Any]]:
    """The committed documents of ``table`` in the store at ``path`` (none when there is no
    store), in no particular order. Read-only; raises StoreError as the store would."""
    if not path.exists():
        yield from _whole(path, table)
        return
    with open(path, encoding="utf-8") as fh:  # held open: a compaction meanwhile replaces another file
        changes = _journal_changes(path.with_name(path.name + ".journal"), table)
        if changes is None:  # the store's own reading, and its refusal
            yield from _whole(path, table)
            return
        try:
            yield from _streamed(fh, table, changes)
        except ValueError as exc:
            _whole(path, table)  # names what is wrong, as the store does
            raise StoreError(f"store snapshot {path} is unreadable: {exc}") from exc


def _whole(path: Path, table: str) -> list[dict[str, Any]]:
    """The documents of ``table`` as the store reads them (every table parsed)."""
    return list(JournaledStorage(path, readonly=True).read().get(table, {}).values())


def _journal_changes(journal: Path, table: str) -> dict[str, dict[str, Any] | None] | None:
    """The last committed version of each document of ``table`` in ``journal`` (None: deleted);
    None when a line is not what the store writes."""
    changes: dict[str, dict[str, Any] | None] = {}
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return changes
    for line in raw[:raw.rfind(b"\n") + 1].splitlines():  # a torn last line never committed
        if not line.strip():
            continue
        try:
            ops = json.loads(line)["ops"]
        except (ValueError, KeyError, TypeError):
            return None
        if not isinstance(ops, list):
            return None
        if not all(is_op(op) for op in ops):
            return None
        for op in ops:
            if op["t"] == table:
                changes[str(op["id"])] = op.get("d")
    return changes


def _streamed(fh: IO[str], table: str, changes: dict[str, dict[str, Any] | None]) -> Iterator[dict[str, Any]]:
    """The documents of ``table`` from the snapshot ``fh``, with ``changes`` applied; raises
    ValueError for anything but a snapshot's shape."""
    reader = _Reader(fh)
    reader.expect("{")
    while not reader.at("}"):
        name = reader.value(str)
        reader.expect(":")
        if name != table:
            reader.value(dict)  # a table before ours (older snapshots): parsed and dropped
        else:
            reader.expect("{")
            while not reader.at("}"):
                doc_id = reader.value(str)
                if not doc_id.isdigit():
                    raise ValueError(f"table {table!r} has a bad document {doc_id!r}")
                reader.expect(":")
                document = reader.value(dict)
                if doc_id not in changes:
                    yield document
                reader.at(",")
            yield from (d for d in changes.values() if d is not None)
            return
        reader.at(",")
    yield from (d for d in changes.values() if d is not None)


class _Reader:
    """JSON values read one at a time from a text file, a chunk at a time."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.buf = ""
        self.pos = 0
        self.decoder = json.JSONDecoder()

    def _more(self) -> bool:
        chunk = self.fh.read(CHUNK)
        if not chunk:
            return False
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def _skip_space(self) -> None:
        while True:
            self.pos = SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]  # matches ""
            if self.pos < len(self.buf) or not self._more():
                return

    def at(self, char: str) -> bool:
        """Step over ``char`` when it comes next; False (nothing consumed) otherwise."""
        if self.buf[self.pos:self.pos + 1] == char:  # a snapshot has no spaces: the usual case
            self.pos += 1
            return True
        self._skip_space()
        if self.buf[self.pos:self.pos + 1] == char:
            self.pos += 1
            return True
        return False

    def expect(self, char: str) -> None:
        """Step over ``char``; ValueError when something else comes next."""
        if not self.at(char):
            raise ValueError(f"expected {char!r}")

    def value(self, kind: type) -> Any:
        """The next value, which must be of ``kind`` (a string or an object: neither can be
        cut short by the end of a chunk without failing); ValueError otherwise."""
        self._skip_space()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
                break
            except ValueError:
                if not self._more():
                    raise
        if not isinstance(value, kind):
            raise ValueError(f"expected a {kind.__name__}")
        self.pos = end
        return value
