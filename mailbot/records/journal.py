"""A crash-safe TinyDB storage: a snapshot replaced atomically plus an append-only journal.

TinyDB's own JSONStorage overwrites its file in place (a crash can leave it unreadable) and
rewrites the whole file on every change, which grows with the database. This storage keeps the
data in memory and persists it in two files:

- ``PATH``: a TinyDB JSON snapshot, only ever replaced whole: written to a temporary file,
  fsynced, renamed over the old one, and the folder fsynced (POSIX rename is atomic);
- ``PATH.journal``: one JSON line per commit holding the documents changed since the snapshot,
  appended and fsynced, so a commit costs the same however large the database is.

On open the snapshot is read and the journal replayed; a last line torn by a crash is ignored
(its commit never completed). :meth:`compact` folds the journal into a new snapshot.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from tinydb.storages import Storage

from mailbot.errors import StoreError

log = logging.getLogger(__name__)


class JournaledStorage(Storage):
    """TinyDB storage with an atomic snapshot and a journal of upserted/deleted documents."""

    def __init__(self, path: str | os.PathLike, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        if not readonly:  # a reader makes nothing: a store not there yet reads as empty
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._pending: list[dict] = []
        self._data = self._load()
        self.journal_lines = self._count_lines()

    def read(self) -> dict:
        """The whole database (TinyDB's layout: table -> str(doc_id) -> document)."""
        return self._data

    def write(self, data: dict) -> None:
        """Refuse TinyDB's whole-database writes: changes go through :meth:`upsert`."""
        raise StoreError("write through JournaledStorage.upsert, not TinyDB's table methods")

    def reload(self) -> None:
        """Drop pending changes and read the committed state again."""
        self._pending = []
        self._data = self._load()

    def upsert(self, table: str, doc_id: int, document: dict) -> None:
        """Insert or replace one document, in memory at once and on disk at the next commit.

        TinyDB's own write path copies the whole table on every change; this costs the same
        whatever the table's size. TinyDB's reads see the change immediately.
        """
        self._data.setdefault(table, {})[str(doc_id)] = document
        self._pending.append({"t": table, "id": doc_id, "d": document})

    def commit(self) -> None:
        """Append the pending changes as one journal line and fsync it; raises StoreError."""
        if not self._pending:
            return
        if self.readonly:
            raise StoreError(f"store {self.path} is open read-only")
        line = json.dumps({"ops": self._pending}, ensure_ascii=False, separators=(",", ":")) + "\n"
        try:
            new = not self.journal_path.exists()
            with open(self.journal_path, "a", encoding="utf-8") as fh:
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
            if new:
                _fsync_dir(self.path.parent)
        except OSError as exc:
            raise StoreError(f"cannot write journal {self.journal_path}: {exc}") from exc
        self._pending = []
        self.journal_lines += 1

    def compact(self) -> None:
        """Write a new snapshot atomically and empty the journal."""
        self.commit()
        if self.readonly:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(self._data, fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            _fsync_dir(self.path.parent)
            # A crash here replays the old journal onto the new snapshot: harmless, upserts repeat.
            with open(self.journal_path, "w", encoding="utf-8") as fh:
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise StoreError(f"cannot write snapshot {self.path}: {exc}") from exc
        self.journal_lines = 0

    def close(self) -> None:
        """Commit what is pending (TinyDB calls this on close)."""
        self.commit()

    def _load(self) -> dict:
        data: dict = {}
        if self.path.exists():
            try:
                text = self.path.read_text(encoding="utf-8")
                data = json.loads(text) if text.strip() else {}
            except (OSError, ValueError) as exc:
                raise StoreError(f"store snapshot {self.path} is unreadable: {exc}") from exc
        if self.journal_path.exists():
            self._replay(data)
        return data

    def _replay(self, data: dict) -> None:
        raw = self.journal_path.read_bytes()
        complete_size = raw.rfind(b"\n") + 1
        if complete_size < len(raw) and not self.readonly:  # a commit torn by a crash: drop it
            log.warning("dropping an incomplete last journal line in %s (interrupted commit)", self.journal_path)
            os.truncate(self.journal_path, complete_size)
        complete = raw[:complete_size].decode("utf-8").split("\n")
        for number, line in enumerate(complete, 1):
            if not line.strip():
                continue
            try:
                ops = json.loads(line)["ops"]
            except (ValueError, KeyError) as exc:
                raise StoreError(f"journal {self.journal_path} line {number} is corrupt: {exc}") from exc
            for op in ops:
                table = data.setdefault(op["t"], {})
                if op["d"] is None:
                    table.pop(str(op["id"]), None)
                else:
                    table[str(op["id"])] = op["d"]

    def _count_lines(self) -> int:
        if not self.journal_path.exists():
            return 0
        with open(self.journal_path, "rb") as fh:
            return sum(1 for _ in fh)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
