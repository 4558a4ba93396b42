"""A mailbot killed with SIGKILL in the middle of a batch loses nothing and sends nothing twice."""
import collections
import signal

import pytest
from helpers import expected, expected_records, parse, representative_cases, until

from mailbot.model import Folder
from mailbot.records.store import Store
from mailbot.transports import mime

pytestmark = pytest.mark.slow

# What the whole corpus would prove, nine cases prove: a reply each but for the out-of-office
# one, records made, updated and cancelled, a refusal for the staff mail that is no invitation.
CASES = representative_cases()


def write_config(tmp_path):
    path = tmp_path / "mailbot.toml"
    path.write_text('[maildir]\npath = "maildir"\noutbox = "outbox"\npoll_seconds = 0.2\n'
                    '[store]\npath = "store/mailbot.json"\ncompact_after = 3\n', encoding="utf-8")
    return path


def outbox_files(tmp_path):
    return [p for sub in ("new", "cur") if (tmp_path / "outbox" / sub).exists()
            for p in (tmp_path / "outbox" / sub).iterdir()]


def run_until(daemons, config, tmp_path, replies: int) -> int:
    """Start ``mailbot run --once``; SIGKILL it once ``replies`` replies exist. Returns its exit status."""
    daemon = daemons.start(config, "--once")
    until(lambda: not daemon.running() or len(outbox_files(tmp_path)) >= replies, timeout=120,
          what=f"{replies} replies or the end", interval=0.002)
    return daemon.kill() if daemon.running() else daemon.wait()


def test_killed_mid_batch_then_restarted_handles_every_message_once(tmp_path, daemons):
    config = write_config(tmp_path)
    cases = CASES
    (tmp_path / "maildir" / "new").mkdir(parents=True)
    (tmp_path / "maildir" / "tmp").mkdir()
    (tmp_path / "maildir" / "cur").mkdir()
    for case in cases:
        (tmp_path / "maildir" / "new" / case.name).write_bytes((case / "message.eml").read_bytes())
    statuses = [run_until(daemons, config, tmp_path, n) for n in (1, 3, 6)]
    assert -signal.SIGKILL in statuses  # at least one run really died mid-batch
    store = Store(tmp_path / "store" / "mailbot.json", readonly=True)  # still readable after the kills
    store.close()
    final = daemons.run(config, "--once")
    assert final.returncode == 0, final.stderr

    # every message is in exactly one folder, and the inbox is empty
    maildir = tmp_path / "maildir"
    assert list((maildir / "new").iterdir()) == [] and list((maildir / "cur").iterdir()) == []
    moved = collections.Counter(p.name for folder in Folder for p in (maildir / f".{folder.value}" / "cur").iterdir())
    assert sorted(moved) == sorted(c.name for c in cases) and set(moved.values()) == {1}
    assert not list((maildir / ".failed" / "cur").iterdir())

    # one record per meeting, each event once, each reply once
    store = Store(tmp_path / "store" / "mailbot.json", readonly=True)
    invitations = sum(1 for c in cases if expected(c)["kind"] != "not_invitation")
    assert len(store.records()) == expected_records(cases)
    for r in store.records():
        received = [e.message_id for e in r.events if e.type.startswith("received")]
        assert len(received) == len(set(received)), r.ref
    replies = [parse(p.read_bytes()) for p in outbox_files(tmp_path)]
    ids = collections.Counter(str(r["Message-ID"]) for r in replies)
    answered = collections.Counter(str(r["In-Reply-To"]).strip() for r in replies)
    assert set(ids.values()) == {1} and set(answered.values()) == {1}
    handled = [store.handled(mime.message_id(mime.load((c / "message.eml").read_bytes()))) for c in cases]
    handled_by_hand = [h for h in handled if h.outcome.value in ("not_invitation", "not_understood")]
    assert len(replies) == invitations + len(handled_by_hand)
    assert store.queued() == []
    store.close()
