"""The daemon process: it answers while running, stops cleanly on SIGTERM, survives failing jobs; the
systemd unit that runs it."""
import configparser
from datetime import UTC, datetime

import pytest
from helpers import ROOT, corpus_case, until


@pytest.mark.slow
def test_run_answers_new_mail_and_stops_cleanly_on_sigterm(tmp_path, daemons):
    config = tmp_path / "mailbot.toml"
    config.write_text('[maildir]\npath = "inbox"\noutbox = "outbox"\npoll_seconds = 0.1\n[store]\npath = "db.json"\n')
    daemon = daemons.start(config)
    try:
        until((tmp_path / "inbox" / "new").exists, timeout=60, what="the inbox")
        case = corpus_case("15_")
        (tmp_path / "inbox" / "tmp" / "m1").write_bytes((case / "message.eml").read_bytes())
        (tmp_path / "inbox" / "tmp" / "m1").rename(tmp_path / "inbox" / "new" / "m1")
        outbox = tmp_path / "outbox" / "new"
        until(lambda: outbox.exists() and any(outbox.iterdir()), timeout=60, what="the reply")
        assert len(list(outbox.iterdir())) == 1
    finally:
        status = daemon.stop()
    assert status == 0
    output = daemon.output
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

    bot.daemon.jobs = [broken, fine]  # the fault: a job with a bug
    at = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
    bot.clock.now = at
    bot.daemon.tick()
    bot.daemon.tick()
    assert calls == [("broken", at), ("fine", at), ("broken", at), ("fine", at)]
    assert "job broken failed at 2027-01-04T09:00:00+00:00" in caplog.text


def test_the_systemd_unit_restarts_on_failure_without_root():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(ROOT / "config" / "mailbot.service")
    service = unit["Service"]
    assert service["Restart"] == "on-failure"
    assert service["DynamicUser"] == "yes" and "User" not in service
    assert service["ExecStart"].split()[1:] == ["run"] and service["ExecStart"].endswith("mailbot run")
    assert service["RestartPreventExitStatus"] == "2"  # a configuration error is not retried
    assert "mailbot" in service["StateDirectory"]
