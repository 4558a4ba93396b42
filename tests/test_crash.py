"""A mailbot killed with SIGKILL in the middle of a batch loses nothing and sends nothing twice."""
import collections
import json
import signal
import subprocess
import sys
import time
from email import message_from_bytes, policy

from conftest import corpus_cases, expected_records

from mailbot.model import Folder
from mailbot.records.store import Store
from mailbot.transports import mime


def write_config(tmp_path):
    path = tmp_path / "mailbot.toml"
    path.write_text('[maildir]\npath = "maildir"\noutbox = "outbox"\npoll_seconds = 0.2\n'
                    '[store]\npath = "store/mailbot.json"\ncompact_after = 7\n', encoding="utf-8")
    return path


def outbox_files(tmp_path):
    return [p for sub in ("new", "cur") if (tmp_path / "outbox" / sub).exists()
            for p in (tmp_path / "outbox" / sub).iterdir()]


def run_until(config, tmp_path, replies: int) -> int:
    """Start ``mailbot run --once``; SIGKILL it once ``replies`` replies exist. Returns its exit status."""
    process = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(config), "run", "--once"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while process.poll() is None:
        if len(outbox_files(tmp_path)) >= replies:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    return process.wait()


def test_killed_mid_batch_then_restarted_handles_every_message_once(tmp_path):
    config = write_config(tmp_path)
    cases = corpus_cases(misses=False)
    (tmp_path / "maildir" / "new").mkdir(parents=True)
    (tmp_path / "maildir" / "tmp").mkdir()
    (tmp_path / "maildir" / "cur").mkdir()
    for case in cases:
        (tmp_path / "maildir" / "new" / case.name).write_bytes((case / "message.eml").read_bytes())
    statuses = [run_until(config, tmp_path, n) for n in (1, 4, 9, 15)]
    assert -signal.SIGKILL in statuses  # at least one run really died mid-batch
    store = Store(tmp_path / "store" / "mailbot.json", readonly=True)  # still readable after the kills
    store.close()
    final = subprocess.run([sys.executable, "-m", "mailbot", "--config", str(config), "run", "--once"],
                           capture_output=True, text=True)
    assert final.returncode == 0, final.stderr

    # every message is in exactly one folder, and the inbox is empty
    maildir = tmp_path / "maildir"
    assert list((maildir / "new").iterdir()) == [] and list((maildir / "cur").iterdir()) == []
    moved = collections.Counter(p.name for folder in Folder for p in (maildir / f".{folder.value}" / "cur").iterdir())
    assert sorted(moved) == sorted(c.name for c in cases) and set(moved.values()) == {1}
    assert not list((maildir / ".failed" / "cur").iterdir())

    # one record per meeting, each event once, each reply once
    store = Store(tmp_path / "store" / "mailbot.json", readonly=True)
    kinds = [json.loads((c / "expected.json").read_text())["kind"] for c in cases]
    invitations = sum(1 for k in kinds if k != "not_invitation")
    assert len(store.records()) == expected_records(cases)
    for r in store.records():
        received = [e.message_id for e in r.events if e.type.startswith("received")]
        assert len(received) == len(set(received)), r.ref
    replies = [message_from_bytes(p.read_bytes(), policy=policy.default) for p in outbox_files(tmp_path)]
    ids = collections.Counter(str(r["Message-ID"]) for r in replies)
    answered = collections.Counter(str(r["In-Reply-To"]).strip() for r in replies)
    assert set(ids.values()) == {1} and set(answered.values()) == {1}
    handled_by_hand = [h for h in map(store.handled, (mime.message_id(mime.load((c / "message.eml").read_bytes()))
                                                       for c in cases)) if h.outcome.value in ("not_invitation", "not_understood")]
    assert len(replies) == invitations + len(handled_by_hand)
    assert store.queued() == []
    store.close()
