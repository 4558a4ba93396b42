"""The daemon process: it answers while running, stops cleanly on SIGTERM, survives failing jobs."""
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone

from conftest import corpus_cases


def test_run_answers_new_mail_and_stops_cleanly_on_sigterm(tmp_path):
    config = tmp_path / "mailbot.toml"
    config.write_text('[maildir]\npath = "inbox"\noutbox = "outbox"\npoll_seconds = 0.1\n[store]\npath = "db.json"\n')
    process = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(config), "run"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "inbox" / "new").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        case = [c for c in corpus_cases() if c.name.startswith("15_")][0]
        (tmp_path / "inbox" / "tmp" / "m1").write_bytes((case / "message.eml").read_bytes())
        (tmp_path / "inbox" / "tmp" / "m1").rename(tmp_path / "inbox" / "new" / "m1")
        outbox = tmp_path / "outbox" / "new"
        while not (outbox.exists() and any(outbox.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(list(outbox.iterdir())) == 1
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0
    base = tmp_path.resolve()
    assert (f'msg="mailbot running: backend maildir (inbox {base / "inbox"}, outbox {base / "outbox"}), '
            f'config {base / "mailbot.toml"}, store {base / "db.json"}"') in output
    assert "signal SIGTERM: stopping after the current message" in output
    assert "mailbot stopped" in output
    assert len(list((tmp_path / "inbox" / ".processed" / "cur").iterdir())) == 1


def test_a_failing_job_is_logged_and_the_next_job_still_runs(bot, caplog):
    calls = []

    def broken(now):
        calls.append(("broken", now))
        raise RuntimeError("job bug")

    def fine(now):
        calls.append(("fine", now))

    bot.daemon.jobs = [broken, fine]
    at = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
    bot.daemon.clock = lambda: at
    bot.daemon.tick()
    bot.daemon.tick()
    assert calls == [("broken", at), ("fine", at), ("broken", at), ("fine", at)]
    assert "job broken failed at 2027-01-04T09:00:00+00:00" in caplog.text
