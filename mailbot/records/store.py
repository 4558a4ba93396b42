"""The store: participation records, the log of handled messages and outgoing mail, in TinyDB.

Tables: ``records`` (participations), ``handled`` (one entry per inbound message), ``outbox``
(outgoing mail, kept whole until sent, then as a receipt) and ``meta`` (reference counters and
named values: an IMAP inbox's UIDVALIDITY and high-water mark, the ISO week of the last weekly
summary, the servers' health). Lookups that run for every message go through in-memory indexes
built at open (those of the records in :mod:`mailbot.records.indexes`), so their cost does not
grow with the store. Changes become durable at :meth:`Store.commit` (see :mod:`mailbot.records.journal`).
"""
from __future__ import annotations

import dataclasses
import os
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Table

from mailbot.errors import StoreError
from mailbot.model import Handled, MailStatus, OutgoingMail, Participation
from mailbot.records.codec import from_dict, to_dict
from mailbot.records.indexes import RecordIndex
from mailbot.records.journal import JournaledStorage, paused_gc
from mailbot.records.lock import take_lock

__all__ = ["TABLES", "Store", "exists", "take_lock"]

TABLES = ("records", "handled", "outbox", "meta")
QUEUED, SENDING = MailStatus.QUEUED.value, MailStatus.SENDING.value  # as stored
# A clean close folds a journal that has grown to this fraction of the snapshot (1/CLOSE_FOLD)
CLOSE_FOLD = 10


class Store:
    """Records, handled messages and outgoing mail behind one small interface.

    One process writes a store: opening it for writing takes an exclusive lock on the store's folder
    and raises StoreError, naming the holder, when another process holds it. ``readonly`` opens it
    without the lock, for commands that only look. Not thread-safe. Raises StoreError when the files
    cannot be read or written.
    """

    def __init__(self, path: Path, compact_after: int = 500, readonly: bool = False) -> None:
        self.path = Path(path)
        self.compact_after = compact_after
        self._lock = None if readonly else take_lock(self.path)
        self._next_ids: dict[str, int] = {}
        self._index = RecordIndex()
        self._handled_ids: dict[str, int] = {}
        self._hash_keys: dict[str, str] = {}
        self._mail_ids: dict[str, int] = {}
        self._mail_refs: dict[str, str] = {}
        self._queued: set[str] = set()
        self._sending: set[str] = set()
        self._meta_ids: dict[str, int] = {}
        try:
            with paused_gc(self._documents):
                self.db = TinyDB(self.path, storage=JournaledStorage, readonly=readonly)
                # TinyDB types its storage as the base class; this one was built from JournaledStorage just above
                self.storage = cast(JournaledStorage, self.db.storage)
                self._build_indexes()
        except BaseException:
            if self._lock is not None:
                os.close(self._lock)
            raise
        self._records = self.db.table("records", cache_size=0)
        self._handled = self.db.table("handled", cache_size=0)
        self._outbox = self.db.table("outbox", cache_size=0)
        self._meta = self.db.table("meta", cache_size=0)

    def rollback(self) -> None:
        """Forget every change since the last commit (reloads the committed state)."""
        with paused_gc(self._documents):
            self.storage.reload()
            self._index.clear()
            for index in (self._handled_ids, self._hash_keys, self._mail_ids, self._mail_refs, self._meta_ids):
                index.clear()
            self._queued.clear()
            self._sending.clear()
            self._build_indexes()

    def _build_indexes(self) -> None:
        """Fill the (empty) indexes from the stored documents, one comprehension per index: at
        100,000 records every step per document shows in the time to open."""
        data = self.storage.read()
        for doc_id, doc in data.get("records", {}).items():
            self._index.add(doc, int(doc_id))
        handled, outbox = data.get("handled", {}), data.get("outbox", {})
        self._handled_ids.update({doc["key"]: int(doc_id) for doc_id, doc in handled.items()})
        self._hash_keys.update({doc["sha256"]: doc["key"] for doc in handled.values()})
        self._mail_ids.update({doc["message_id"]: int(doc_id) for doc_id, doc in outbox.items()})
        self._mail_refs.update({doc["message_id"]: doc["ref"] for doc in outbox.values() if doc.get("ref")})
        waiting = [doc for doc in outbox.values() if doc["status"] in (QUEUED, SENDING)]
        self._queued.update(doc["message_id"] for doc in waiting if doc["status"] == QUEUED)
        self._sending.update(doc["message_id"] for doc in waiting if doc["status"] == SENDING)
        for doc_id, doc in data.get("meta", {}).items():
            if "name" in doc:
                self._meta_ids[doc["name"]] = int(doc_id)
        self._next_ids = {name: max(map(int, data.get(name, {})), default=0) + 1 for name in TABLES}
        self._next_ids["meta"] = max(self._next_ids["meta"], 2)  # document 1 holds the reference counters

    def _documents(self) -> int:
        """How many documents the store holds."""
        return sum(map(len, self.storage.read().values()))

    # -- inbound messages -------------------------------------------------------------------

    def handled(self, key: str, sha256: str = "") -> Handled | None:
        """How the message with Message-ID ``key`` (or content hash ``sha256``) was handled."""
        key = key if key in self._handled_ids else self._hash_keys.get(sha256, key)
        doc_id = self._handled_ids.get(key)
        return from_dict(Handled, self._document(self._handled, doc_id)) if doc_id else None

    def add_handled(self, entry: Handled) -> None:
        """Remember how a message was handled (replacing an earlier entry for the same key)."""
        doc_id = self._put("handled", self._handled_ids.get(entry.key), to_dict(entry))
        self._handled_ids[entry.key] = doc_id
        self._hash_keys[entry.sha256] = entry.key

    def handled_log(self) -> list[Handled]:
        """Every entry of the handled log, in the order first stored (reads the whole table)."""
        return [from_dict(Handled, document) for document in self._handled.all()]

    # -- participation records --------------------------------------------------------------

    def get(self, ref: str) -> Participation | None:
        """The record with reference ``ref`` (e.g. INE-2027-0001), or None."""
        return self._record(ref) if ref in self._index.doc_ids else None

    def _record(self, ref: str) -> Participation:
        """The record with reference ``ref``, which the index knows."""
        return from_dict(Participation, self._document(self._records, self._index.doc_ids[ref]))

    def same_meeting(self, record: Participation, moved: bool = False) -> Participation | None:
        """The stored record of the same participant at the same meeting: by UID, else by title
        and day. With ``moved`` (an update or cancellation without a calendar part, whose day
        and even title may differ from the stored ones), else the newest open record with that
        title, else the only open one of the participant in the same forum within
        :data:`~mailbot.records.indexes.MOVED_WITHIN` of the new start."""
        meeting = record.meeting
        ref = self._index.same_meeting(record.participant, meeting.ical_uid, meeting.title, meeting.start)
        if ref is not None:
            return self.get(ref)
        if not moved or meeting.ical_uid:
            return None
        ref = self._index.open_titled(record.participant, meeting.title)
        found = self.get(ref) if ref else None
        if found and found.open:  # (an entry may outlive a changed title)
            return found
        near = [self._record(r) for r in self._index.near(meeting.forum, meeting.start)]
        near = [r for r in near if r.participant == record.participant and r.open and not r.meeting.ical_uid]
        return near[0] if len(near) == 1 else None

    def put(self, record: Participation) -> None:
        """Insert or replace a record."""
        document = to_dict(record)
        self._index.add(document, self._put("records", self._index.doc_ids.get(record.ref), document))

    def records(self) -> list[Participation]:
        """All records, oldest reference first."""
        return sorted((from_dict(Participation, d) for d in self._records.all()), key=lambda r: r.ref)

    def record_documents(self) -> list[dict[str, Any]]:
        """Every record in its stored (JSON) form, in no particular order: for a listing that
        need not build them all (see :mod:`mailbot.records.reading` to read them without a Store)."""
        return list(self.storage.read().get("records", {}).values())

    def due(self, now: datetime, steps: bool = True) -> list[Participation]:
        """Open records with something to do at ``now``: a registered record whose meeting has ended, and
        (with ``steps``) an awaiting record whose next chase step is due (see :meth:`RecordIndex.due
        <mailbot.records.indexes.RecordIndex.due>`); oldest reference first. Records not due cost nothing."""
        return [self._record(ref) for ref in self._index.due(now, steps)]

    def previous_in_forum(self, forum: str, before: datetime, exclude: str) -> Participation | None:
        """The latest record of ``forum`` whose meeting started before ``before`` (continuity, §3.1)."""
        ref = self._index.previous_in_forum(forum, before, exclude)
        return self._record(ref) if ref else None

    def next_ref(self, prefix: str, year: int) -> str:
        """Allocate the next reference of ``year``: ``PREFIX-YYYY-NNNN``."""
        meta: dict[str, Any] = self._meta.get(doc_id=1) or {"counters": {}}
        number = meta["counters"].get(str(year), 0) + 1
        self._put("meta", 1, {**meta, "counters": {**meta["counters"], str(year): number}})
        return f"{prefix}-{year}-{number:04d}"

    # -- named values -----------------------------------------------------------------------

    def meta(self, name: str) -> Any:
        """The JSON value stored under ``name`` (a dict such as an IMAP inbox's high-water mark
        under ``imap:ine@host:993/INBOX``, a string such as ``summary_week``), None when unset."""
        doc_id = self._meta_ids.get(name)
        value = self._document(self._meta, doc_id)["value"] if doc_id else None
        return dict(value) if isinstance(value, dict) else value

    def set_meta(self, name: str, value: Any) -> None:
        """Store the JSON value ``value`` under ``name`` (durable at the next commit)."""
        self._meta_ids[name] = self._put("meta", self._meta_ids.get(name), {"name": name, "value": value})

    # -- outgoing mail ----------------------------------------------------------------------

    def mail(self, message_id: str) -> OutgoingMail | None:
        """The outgoing mail with ``message_id``, or None."""
        return self._mail(message_id) if message_id in self._mail_ids else None

    def _mail(self, message_id: str) -> OutgoingMail:
        """The outgoing mail with ``message_id``, which the index knows."""
        return from_dict(OutgoingMail, self._document(self._outbox, self._mail_ids[message_id]))

    def ref_of_mail(self, message_id: str) -> str | None:
        """The record reference of the mail mailbot sent as ``message_id``, None when unknown."""
        return self._mail_refs.get(message_id.strip())

    def queue(self, mail: OutgoingMail) -> bool:
        """Store a mail to be sent; False (and nothing stored) when its Message-ID is known."""
        if mail.message_id in self._mail_ids:
            return False
        self._save_mail(mail)
        return True

    def update_mail(self, mail: OutgoingMail) -> None:
        """Store a mail's new state; once sent, its body is dropped and a receipt kept."""
        if mail.status is MailStatus.SENT:
            mail = dataclasses.replace(mail, raw="")
        self._save_mail(mail)

    def mails(self) -> list[OutgoingMail]:
        """Every outgoing mail (sent ones as receipts, without their body), in the order stored."""
        return [from_dict(OutgoingMail, doc) for doc in self._outbox.all()]

    def queued(self) -> list[OutgoingMail]:
        """Mail waiting to be sent, oldest first (in the order queued)."""
        mails = [self._mail(m) for m in self._queued]
        return sorted(mails, key=lambda m: (m.created_at, self._mail_ids[m.message_id]))

    def sending(self) -> list[OutgoingMail]:
        """Mail handed over with no answer recorded (a crash, a timeout after the data), oldest first."""
        mails = [self._mail(m) for m in self._sending]
        return sorted(mails, key=lambda m: m.created_at)

    def _save_mail(self, mail: OutgoingMail) -> None:
        self._mail_ids[mail.message_id] = self._put("outbox", self._mail_ids.get(mail.message_id), to_dict(mail))
        if mail.ref:
            self._mail_refs[mail.message_id] = mail.ref
        for status, index in ((MailStatus.QUEUED, self._queued), (MailStatus.SENDING, self._sending)):
            if mail.status is status:
                index.add(mail.message_id)
            else:
                index.discard(mail.message_id)

    # -- durability -------------------------------------------------------------------------

    def commit(self) -> None:
        """Make every change so far durable (one fsynced journal line). Compacts once the journal
        holds ``compact_after`` commits and is as large as the snapshot: rewriting the snapshot
        costs what the store weighs, so a large store is rewritten as seldom as the journal
        doubles what is on disk, and the cost per commit stays the same at any size."""
        storage = self.storage
        storage.commit()
        if storage.journal_lines >= self.compact_after and storage.journal_bytes >= storage.snapshot_bytes:
            storage.compact()

    def compact(self) -> None:
        """Commit and fold the journal into a new snapshot now (temporary file, fsync, rename),
        so that what was changed or erased is in the snapshot alone."""
        self.storage.compact()

    def close(self) -> None:
        """Commit, close the database and release the lock.

        The commit is fsynced, so nothing is lost, and the next open replays the journal. The
        journal is folded into a new snapshot (as at any compaction: temporary file, fsync,
        rename) only once it has grown to a tenth of the snapshot (:data:`CLOSE_FOLD`): rewriting
        a large store at every stop would cost what the store weighs.
        """
        storage = self.storage
        if not storage.readonly:
            self.commit()
            if storage.journal_lines and storage.journal_bytes * CLOSE_FOLD >= storage.snapshot_bytes:
                storage.compact()
        self.db.close()
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def _document(self, table: Table, doc_id: int) -> dict[str, Any]:
        """Document ``doc_id`` of ``table``, which an index points to; StoreError if it is gone."""
        document = table.get(doc_id=doc_id)
        if document is None:
            raise StoreError(f"store {self.path}: {table.name} document {doc_id} is indexed but missing")
        return document

    def _put(self, table: str, doc_id: int | None, document: dict[str, Any]) -> int:
        if doc_id is None:
            doc_id = self._next_ids[table]
            self._next_ids[table] += 1
        self.storage.upsert(table, doc_id, document)
        return doc_id


def exists(path: Path) -> bool:
    """True when there is a store at ``path``: its snapshot or its journal (``PATH.journal``)."""
    return path.exists() or path.with_name(path.name + ".journal").exists()
