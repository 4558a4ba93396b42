"""A crash-safe TinyDB storage: a snapshot replaced atomically plus an append-only journal.

TinyDB's own JSONStorage overwrites its file in place (a crash can leave it unreadable) and
rewrites the whole file on every change, which grows with the database. This storage keeps the
data in memory and persists it in two files:

- ``PATH``: a TinyDB JSON snapshot, only ever replaced whole: written to a temporary file,
  fsynced, renamed over the old one, and the folder fsynced (POSIX rename is atomic);
- ``PATH.journal``: one JSON line per commit holding the documents changed since the snapshot,
  appended and fsynced, so a commit costs the same however large the database is.

On open the snapshot is read and the journal replayed; a last line torn by a crash is ignored
(its commit never completed). :meth:`compact` folds the journal into a new snapshot and keeps
the last :data:`GENERATIONS` snapshots beside it (``PATH.1`` the newest).

A store is new only when none of its files exist; a new store writes its (empty) snapshot at
once, so that a snapshot missing beside a journal or a kept generation, an empty snapshot, or
a snapshot or journal line of the wrong shape is refused with an error naming the file, never
read as an empty store (which would hand out reference numbers again).
"""
from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from tinydb.storages import Storage

from mailbot.errors import StoreError

log = logging.getLogger(__name__)

GENERATIONS = 3
# A store of this many documents or more is kept out of the garbage collector's walks (paused_gc)
FREEZE_FROM = 10_000
# The table a snapshot holds first, so that a look at the records alone stops reading before the
# rest (see mailbot.records.reading)
FIRST_TABLE = "records"
RESTORE = "restore the newest kept snapshot with `mailbot store restore 1`, or the store from a backup"


def generation(path: Path, number: int) -> Path:
    """The path of kept snapshot ``number`` (1 is the newest) of the store at ``path``."""
    return path.with_name(f"{path.name}.{number}")


def generations(path: Path) -> list[int]:
    """The numbers of the snapshots kept beside the store at ``path``, newest first."""
    return [n for n in range(1, GENERATIONS + 1) if generation(path, n).exists()]


class JournaledStorage(Storage):
    """TinyDB storage with an atomic snapshot and a journal of upserted/deleted documents."""

    def __init__(self, path: str | os.PathLike, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        if not readonly:  # a reader makes nothing: a store not there yet reads as empty
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._pending: list[dict] = []
        self._snapshot_id: tuple[int, int] | None = None
        self.snapshot_bytes = 0  # the sizes of the files, for the store's compaction rule
        self._data = self._load()
        self.journal_lines = self._count_lines()
        self.journal_bytes = self.journal_path.stat().st_size if self.journal_lines else 0

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
                self.journal_bytes = os.fstat(fh.fileno()).st_size
            if new:
                _fsync_dir(self.path.parent)
        except OSError as exc:
            raise StoreError(f"cannot write journal {self.journal_path}: {exc}") from exc
        self._pending = []
        self.journal_lines += 1

    def compact(self) -> None:
        """Write a new snapshot atomically and empty the journal; the snapshot it replaces is
        kept as ``PATH.1`` (older ones shift up to ``PATH.3``). Raises StoreError when the
        snapshot on disk is no longer the one this process read or wrote (replaced by hand, or
        by a process that should not hold the store): it is not overwritten."""
        self.commit()
        if self.readonly:
            return
        self._check_still_ours()
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                tables = sorted(self._data, key=lambda name: name != FIRST_TABLE)
                fh.write(json.dumps({name: self._data[name] for name in tables}, ensure_ascii=False,
                                    separators=(",", ":")))
                fh.flush()
                os.fsync(fh.fileno())
                snapshot_bytes = os.fstat(fh.fileno()).st_size
            self._keep_generation()
            os.replace(tmp, self.path)
            self._snapshot_id = _file_id(self.path)
            _fsync_dir(self.path.parent)
            # A crash here replays the old journal onto the new snapshot: harmless, upserts repeat.
            with open(self.journal_path, "w", encoding="utf-8") as fh:
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise StoreError(f"cannot write snapshot {self.path}: {exc}") from exc
        self.journal_lines = self.journal_bytes = 0
        self.snapshot_bytes = snapshot_bytes

    def close(self) -> None:
        """Commit what is pending (TinyDB calls this on close)."""
        self.commit()

    def _keep_generation(self) -> None:
        """Shift the kept snapshots up by one and keep the current one as ``PATH.1`` (a hard
        link: the current snapshot stays in place until the new one replaces it)."""
        for number in range(GENERATIONS - 1, 0, -1):
            if generation(self.path, number).exists():
                os.replace(generation(self.path, number), generation(self.path, number + 1))
        if self.path.exists():
            os.link(self.path, generation(self.path, 1))

    def _check_still_ours(self) -> None:
        if self._snapshot_id is not None and self.path.exists() and _file_id(self.path) != self._snapshot_id:
            raise StoreError(f"store snapshot {self.path} was replaced while this mailbot held the store; "
                             "it is not overwritten. Stop every mailbot on this store, then `mailbot store check`")

    def _load(self) -> dict:
        if not self.path.exists():
            kept = [generation(self.path, n) for n in generations(self.path)]
            others = [p.name for p in (self.journal_path, *kept) if p.exists()]
            if others:
                raise StoreError(f"store snapshot {self.path} is missing while {', '.join(others)} exist(s): "
                                 f"the store is not new; nothing was changed. To go on: {RESTORE}")
            if not self.readonly:  # a new store: its snapshot exists from now on
                self._data = {}
                self.compact()
            return {}
        try:
            text = self.path.read_text(encoding="utf-8")
            data = json.loads(text) if text.strip() else None
        except (OSError, ValueError) as exc:
            raise StoreError(f"store snapshot {self.path} is unreadable: {exc}; nothing was changed. "
                             f"To go on: {RESTORE}") from exc
        problem = "it is empty" if data is None else shape_problem(data)
        if problem:
            raise StoreError(f"store snapshot {self.path} is not a mailbot store: {problem}; nothing was changed. "
                             f"To go on: {RESTORE}")
        assert isinstance(data, dict)  # shape_problem found none
        self._snapshot_id = _file_id(self.path)
        self.snapshot_bytes = self.path.stat().st_size
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
                if not isinstance(ops, list) or not all(is_op(op) for op in ops):
                    raise ValueError("expected {\"ops\": [{\"t\": table, \"id\": number, \"d\": document}, ...]}")
            except (ValueError, KeyError, TypeError) as exc:
                raise StoreError(f"journal {self.journal_path} line {number} is corrupt: {exc}; nothing was changed. "
                                 f"To go on: {RESTORE}") from exc
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


@contextlib.contextmanager
def paused_gc(documents: Callable[[], int]) -> Iterator[None]:
    """Python's cyclic garbage collector paused meanwhile (as it was after): reading a large store
    makes millions of objects, none of them garbage, and each collection would walk them all
    (at 100,000 records it doubled the time to open the store). When ``documents()`` is at least
    :data:`FREEZE_FROM` afterwards, every object so far is moved out of the collector's sight
    (``gc.freeze``), so that no later collection walks the store either: its documents are plain
    JSON, free of cycles, and reference counting still frees each one that is replaced."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if documents() >= FREEZE_FROM:
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def shape_problem(data: object) -> str:
    """What is wrong with the shape of a snapshot (TinyDB's layout: table name -> document id
    -> document), '' when nothing is."""
    if not isinstance(data, dict):
        return f"expected an object of tables, found {type(data).__name__}"
    for table, documents in data.items():
        if not isinstance(documents, dict):
            return f"table {table!r} is not an object of documents"
        for doc_id, document in documents.items():
            if not doc_id.isdigit() or not isinstance(document, dict):
                return f"table {table!r} has a bad document {doc_id!r}"
    return ""


def is_op(op: object) -> bool:
    """True for one operation of a journal line as the store writes it: ``{"t": table, "id":
    number, "d": document or null}``."""
    return (isinstance(op, dict) and isinstance(op.get("t"), str) and isinstance(op.get("id"), int)
            and (op.get("d") is None or isinstance(op.get("d"), dict)))


def _file_id(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_dev, stat.st_ino
