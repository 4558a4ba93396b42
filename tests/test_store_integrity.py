"""The store at start: nothing broken or missing is ever read as a new, empty store; one writer
even when the lock file is deleted; kept snapshots and their restore; reference numbers are
never handed out twice."""
import json
import os

import pytest
from test_store import record

from mailbot.cli import main
from mailbot.errors import StoreError
from mailbot.records import integrity
from mailbot.records.store import Store


def filled(path, count: int = 2) -> None:
    store = Store(path)
    for n in range(count):
        store.next_ref("INE", 2027)
        store.put(record(f"INE-2027-000{n + 1}", uid=f"uid-{n}"))
        store.commit()
    store.close()


@pytest.mark.parametrize("snapshot, why", [("", "it is empty"), ("[]", "expected an object of tables"),
                                           ("null", "it is empty"), ('{"records": []}', "not an object")])
def test_a_broken_snapshot_is_refused_naming_the_file_and_left_untouched(tmp_path, snapshot, why):
    path = tmp_path / "db.json"
    filled(path)
    path.write_text(snapshot)
    with pytest.raises(StoreError) as error:
        Store(path)
    assert str(path) in str(error.value) and "store restore 1" in str(error.value)
    assert why in str(error.value) or snapshot == "null"
    assert path.read_text() == snapshot
    assert Store(path.with_name("other.json")).close() is None  # the lock was let go


def test_a_deleted_snapshot_beside_the_empty_journal_of_a_clean_stop_is_refused(tmp_path):
    path = tmp_path / "db.json"
    filled(path)
    path.unlink()
    with pytest.raises(StoreError, match=r"is missing while db\.json\.journal"):
        Store(path)
    assert not path.exists()


@pytest.mark.parametrize("line", ["[]", '{"ops":[{"x":1}]}', '{"ops": 5}'])
def test_a_journal_line_of_the_wrong_shape_is_refused_with_its_line_number(tmp_path, line):
    path = tmp_path / "db.json"
    filled(path)
    path.with_name("db.json.journal").write_text(line + "\n")
    with pytest.raises(StoreError, match=r"db.json.journal line 1 is corrupt"):
        Store(path)


def test_the_command_line_names_the_file_instead_of_a_traceback(tmp_path, capsys):
    config = tmp_path / "mailbot.toml"
    config.write_text(f'[store]\npath = "{tmp_path}/db.json"\n[maildir]\npath = "{tmp_path}/m"\n'
                      f'outbox = "{tmp_path}/o"\n')
    filled(tmp_path / "db.json")
    (tmp_path / "db.json").write_text("[]")
    assert main(["--config", str(config), "run", "--once"]) == 1
    err = capsys.readouterr().err
    assert "db.json is not a mailbot store" in err and "Traceback" not in err


def test_with_the_lock_file_deleted_a_second_writer_is_refused_and_nothing_is_lost(tmp_path):
    path = tmp_path / "db.json"
    first = Store(path)
    first.put(record("INE-2027-0001"))
    first.commit()
    path.with_name("db.json.lock").unlink()  # "a stale lock"
    with pytest.raises(StoreError, match=f"in use by mailbot pid {os.getpid()}|in use by another process"):
        Store(path)
    first.close()
    assert [r.ref for r in Store(path, readonly=True).records()] == ["INE-2027-0001"]


def test_compaction_keeps_three_generations_and_restore_never_reuses_a_reference(tmp_path, capsys):
    path = tmp_path / "db.json"
    for round_ in range(4):  # each clean close writes a snapshot and keeps the one before
        store = Store(path)
        store.put(record(store.next_ref("INE", 2027), uid=f"uid-{round_}"))
        store.commit()
        store.close()
    assert sorted(p.name for p in tmp_path.glob("db.json.[0-9]")) == ["db.json.1", "db.json.2", "db.json.3"]
    assert integrity.check(path) == []
    config = tmp_path / "mailbot.toml"
    config.write_text(f'[store]\npath = "{path}"\n')
    assert main(["--config", str(config), "store", "restore", "3"]) == 0
    restored = Store(path)
    assert len(restored.records()) < 4  # an older state
    assert restored.next_ref("INE", 2027) == "INE-2027-0005"  # never a number already handed out
    restored.close()
    assert list(tmp_path.glob("db.json.replaced-*"))  # the replaced store is kept, not deleted
    assert main(["--config", str(config), "store", "check"]) == 0


def test_store_check_reports_a_reference_above_its_counter(tmp_path):
    path = tmp_path / "db.json"
    filled(path)
    data = json.loads(path.read_text())
    data["meta"]["1"]["counters"]["2027"] = 1
    path.write_text(json.dumps(data))
    assert integrity.check(path) == [
        "record reference INE-2027-0002 is above the counter of 2027 (1): the next record would reuse a number"]
