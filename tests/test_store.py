"""The store: crash safety of the journal and snapshot, the single-writer lock, rollback, lookups."""
import dataclasses
import json
import os
from datetime import UTC, datetime

import pytest

from mailbot.errors import StoreError
from mailbot.model import Folder, Handled, MailStatus, Meeting, Outcome, OutgoingMail, Participation, State
from mailbot.records.store import Store

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)


def record(ref: str, uid: str = "uid-1", participant: str = "kari.nordmann@udi.no", forum: str = "EMN",
           start: str = "2027-02-09T09:30:00+01:00") -> Participation:
    meeting = Meeting(title="EMN NCP meeting", start=datetime.fromisoformat(start),
                      end=datetime.fromisoformat(start), timezone="Europe/Brussels", forum=forum, ical_uid=uid)
    return Participation(ref=ref, state=State.REGISTERED, meeting=meeting, participant=participant, created_at=NOW)


def test_committed_changes_survive_and_uncommitted_do_not(tmp_path):
    path = tmp_path / "db.json"
    store = Store(path)
    store.put(record("INE-2027-0001"))
    store.commit()
    store.put(record("INE-2027-0002", uid="uid-2"))
    os.close(store._lock)  # a crash: nothing more is written, the lock dies with the process
    again = Store(path)
    assert [r.ref for r in again.records()] == ["INE-2027-0001"]
    assert again.get("INE-2027-0001").meeting.start == datetime(2027, 2, 9, 8, 30, tzinfo=UTC)


def test_a_torn_last_journal_line_is_dropped_and_the_rest_kept(tmp_path):
    path = tmp_path / "db.json"
    store = Store(path)
    store.put(record("INE-2027-0001"))
    store.close()
    with open(path.with_name("db.json.journal"), "a", encoding="utf-8") as fh:
        fh.write('{"ops":[{"t":"records","id":2,"d":{"ref":"INE-2027-00')  # killed mid-write
    store = Store(path)
    assert [r.ref for r in store.records()] == ["INE-2027-0001"]
    store.put(record("INE-2027-0002", uid="uid-2"))
    store.close()
    assert [r.ref for r in Store(path, readonly=True).records()] == ["INE-2027-0001", "INE-2027-0002"]


def test_a_corrupt_journal_line_in_the_middle_is_an_error_not_silent_loss(tmp_path):
    path = tmp_path / "db.json"
    store = Store(path)
    store.put(record("INE-2027-0001"))
    store.close()
    journal = path.with_name("db.json.journal")
    journal.write_text("garbage\n" + journal.read_text(), encoding="utf-8")
    with pytest.raises(StoreError, match="line 1 is corrupt"):
        Store(path)


def test_compaction_writes_a_snapshot_and_empties_the_journal(tmp_path):
    path = tmp_path / "db.json"
    store = Store(path, compact_after=3)
    for n in range(1, 5):
        store.put(record(f"INE-2027-000{n}", uid=f"uid-{n}"))
        store.commit()
    snapshot = json.loads(path.read_text())
    assert len(snapshot["records"]) == 3
    assert len(path.with_name("db.json.journal").read_text().splitlines()) == 1
    assert not path.with_name("db.json.tmp").exists()
    store.close()
    assert len(Store(path).records()) == 4



def test_a_large_store_compacts_once_its_journal_is_as_large_as_its_snapshot(tmp_path):
    path = tmp_path / "db.json"
    store = Store(path)
    for n in range(1, 41):
        store.put(record(f"INE-2027-{n:04}", uid=f"uid-{n}"))
    store.close()  # a snapshot of 40 records
    store = Store(path, compact_after=3)
    snapshot, journal, commits, before = path.stat().st_size, path.with_name("db.json.journal"), 0, 0
    while len(json.loads(path.read_text())["records"]) == 40:  # not rewritten after three commits
        before = journal.stat().st_size
        commits += 1
        store.put(record(f"INE-2027-1{commits:03}", uid=f"new-{commits}"))
        store.commit()
    assert before < snapshot  # compacted by the commit that made the journal as large as the snapshot
    assert commits > 3 and len(json.loads(path.read_text())["records"]) == 40 + commits
    store.close()

def test_a_clean_close_folds_the_journal_into_the_snapshot(tmp_path):
    path, journal = tmp_path / "db.json", tmp_path / "db.json.journal"
    store = Store(path)
    for n in (1, 2):
        store.put(record(f"INE-2027-000{n}", uid=f"uid-{n}"))
        store.commit()
    assert path.read_text() == "{}" and len(journal.read_text().splitlines()) == 2  # running: the journal holds it all
    store.close()
    assert sorted(doc["ref"] for doc in json.loads(path.read_text())["records"].values()) == [
        "INE-2027-0001", "INE-2027-0002"]
    assert journal.read_text() == ""
    before = path.stat().st_mtime_ns
    Store(path, readonly=True).close()
    Store(path).close()  # nothing new: the snapshot is not written again
    assert path.stat().st_mtime_ns == before
    assert [r.ref for r in Store(path, readonly=True).records()] == ["INE-2027-0001", "INE-2027-0002"]


def test_a_clean_close_of_a_large_store_with_a_small_journal_only_fsyncs_the_journal(tmp_path):
    path, journal = tmp_path / "db.json", tmp_path / "db.json.journal"
    store = Store(path)
    for n in range(1, 41):
        store.put(record(f"INE-2027-{n:04}", uid=f"uid-{n}"))
    store.close()  # a snapshot of 40 records
    before = path.read_bytes()
    store = Store(path)
    store.put(record("INE-2027-0041", uid="uid-41"))
    store.close()
    assert path.read_bytes() == before and len(journal.read_text().splitlines()) == 1  # not rewritten
    assert len(Store(path, readonly=True).records()) == 41  # the next open replays the journal
    store = Store(path)
    store.compact()
    store.close()
    assert len(json.loads(path.read_text())["records"]) == 41 and journal.read_text() == ""


def test_a_leftover_temporary_snapshot_is_ignored(tmp_path):
    path = tmp_path / "db.json"
    store = Store(path)
    store.put(record("INE-2027-0001"))
    store.storage.compact()
    store.close()
    path.with_name("db.json.tmp").write_text("{half a snap")  # crash while writing the next one
    assert [r.ref for r in Store(path).records()] == ["INE-2027-0001"]


def test_an_unreadable_snapshot_is_an_error(tmp_path):
    path = tmp_path / "db.json"
    path.write_text("{not json")
    with pytest.raises(StoreError, match="unreadable"):
        Store(path)


def test_only_one_writer(tmp_path):
    path = tmp_path / "db.json"
    first = Store(path)
    with pytest.raises(StoreError, match="in use by mailbot pid"):
        Store(path)
    reader = Store(path, readonly=True)
    assert reader.records() == []
    first.close()
    Store(path).close()


def test_rollback_forgets_uncommitted_changes(tmp_path):
    store = Store(tmp_path / "db.json")
    store.put(record("INE-2027-0001"))
    store.commit()
    store.put(record("INE-2027-0002", uid="uid-2"))
    store.next_ref("INE", 2027)
    store.rollback()
    assert [r.ref for r in store.records()] == ["INE-2027-0001"]
    assert store.get("INE-2027-0002") is None
    assert store.next_ref("INE", 2027) == "INE-2027-0001"


def test_lookups(tmp_path):
    store = Store(tmp_path / "db.json")
    assert [store.next_ref("INE", 2027), store.next_ref("INE", 2027), store.next_ref("INE", 2028)] == [
        "INE-2027-0001", "INE-2027-0002", "INE-2028-0001"]
    store.put(record("INE-2027-0001", start="2027-02-09T09:30:00+01:00"))
    store.put(record("INE-2027-0002", uid="uid-2", participant="ola.nordmann@udi.no",
                     start="2027-03-09T09:30:00+01:00"))
    assert store.same_meeting(record("X", uid="uid-1")).ref == "INE-2027-0001"
    assert store.same_meeting(record("X", uid="uid-1", participant="ola.nordmann@udi.no")) is None
    assert store.previous_in_forum("EMN", datetime(2027, 4, 1, tzinfo=UTC), exclude="X").ref == "INE-2027-0002"
    assert store.previous_in_forum("EMN", datetime(2027, 3, 1, tzinfo=UTC), exclude="X").ref == "INE-2027-0001"
    assert store.previous_in_forum("EUAA", datetime(2027, 4, 1, tzinfo=UTC), exclude="X") is None
    store.add_handled(Handled("<a@b>", "f00", NOW, Outcome.REGISTERED, Folder.PROCESSED, "INE-2027-0001"))
    assert store.handled("<a@b>").ref == "INE-2027-0001"
    assert store.handled("<other@b>", "f00").key == "<a@b>"  # found again by content hash
    assert store.handled("<other@b>", "bar") is None


def test_outgoing_mail_is_refused_twice_and_its_body_dropped_once_sent(tmp_path):
    store = Store(tmp_path / "db.json")
    mail = OutgoingMail("<m1@udi.no>", "reply", ("kari@udi.no",), "raw text", NOW, "INE-2027-0001")
    assert store.queue(mail) is True
    assert store.queue(mail) is False
    assert [m.message_id for m in store.queued()] == ["<m1@udi.no>"]
    store.update_mail(OutgoingMail("<m1@udi.no>", "reply", ("kari@udi.no",), "raw text", NOW, "INE-2027-0001",
                                   status=MailStatus.SENT, sent_at=NOW))
    assert store.queued() == []
    assert store.mail("<m1@udi.no>").raw == ""
    assert store.mail("<m1@udi.no>").status is MailStatus.SENT


def test_named_values_and_reference_counters_share_the_meta_table(tmp_path):
    store = Store(tmp_path / "db.json")
    assert store.meta("summary_week") is None
    assert store.next_ref("INE", 2027) == "INE-2027-0001"
    store.set_meta("summary_week", "2027-W09")
    assert store.next_ref("INE", 2027) == "INE-2027-0002"
    store.commit()
    store.close()
    store = Store(tmp_path / "db.json")
    assert store.meta("summary_week") == "2027-W09" and store.next_ref("INE", 2027) == "INE-2027-0003"
    store.set_meta("summary_week", "2027-W10")
    store.rollback()
    assert store.meta("summary_week") == "2027-W09"
    store.close()


def test_the_records_are_read_alone_with_the_journal_applied_as_the_store_reads_them(tmp_path):
    from mailbot.records.reading import table_documents
    path = tmp_path / "db.json"
    assert list(table_documents(path, "records")) == []  # no store yet
    store = Store(path)
    store.set_meta("summary_week", "2027-W01")  # the meta table is made first
    for n in range(1, 41):
        store.put(record(f"INE-2027-{n:04}", uid=f"uid-{n}"))
    store.close()
    assert next(iter(json.loads(path.read_text()))) == "records"  # written first
    store = Store(path)
    store.put(dataclasses.replace(record("INE-2027-0002", uid="uid-2"), state=State.CANCELLED))
    store.put(record("INE-2027-0041", uid="uid-41"))
    store.close()
    with open(path.with_name("db.json.journal"), "a", encoding="utf-8") as fh:
        fh.write('{"ops":[{"t":"records","id":3,"d":null')  # torn: never committed
    expected = sorted(Store(path, readonly=True).record_documents(), key=lambda d: d["ref"])
    assert sorted(table_documents(path, "records"), key=lambda d: d["ref"]) == expected
    assert len(expected) == 41 and expected[1]["state"] == "cancelled"
    data = json.loads(path.read_text())
    path.write_text(json.dumps({"meta": data["meta"], "records": data["records"]}, indent=1))  # an older order
    assert sorted(table_documents(path, "records"), key=lambda d: d["ref"]) == expected


def test_reading_the_records_alone_refuses_a_broken_snapshot_as_the_store_does(tmp_path):
    from mailbot.records.reading import table_documents
    path = tmp_path / "db.json"
    Store(path).close()
    path.write_text('{"records": {"1": {"ref": "INE-2027-0001"}, "2": [')
    with pytest.raises(StoreError, match="is unreadable"):
        list(table_documents(path, "records"))


def test_a_record_moved_to_another_forum_is_found_under_that_forum_alone(tmp_path):
    store = Store(tmp_path / "db.json")
    store.put(record("INE-2027-0001", forum="EMN", start="2027-01-02T09:30:00+01:00"))
    store.put(record("INE-2027-0001", forum="EUAA", start="2027-01-02T09:30:00+01:00"))
    later = datetime(2027, 3, 1, tzinfo=UTC)
    assert store.previous_in_forum("EMN", later, exclude="") is None
    assert store.previous_in_forum("EUAA", later, exclude="").ref == "INE-2027-0001"
    store.close()
