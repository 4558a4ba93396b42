"""Retention of personal data: the purge (bodies after body_days, pseudonyms after
pseudonym_months, counted from when a record closed), the daily job, and one person's export and
erasure, in the library and from the command line."""
import dataclasses
import json
from datetime import UTC, datetime

import pytest
from conftest import DEPARTMENTS, maildir_config

from mailbot import app, cli
from mailbot.config import settings
from mailbot.config.retention import RetentionConfig
from mailbot.errors import ConfigError
from mailbot.inbound.limits import Quota
from mailbot.model import (
    Event,
    Folder,
    Handled,
    MailStatus,
    Meeting,
    Outcome,
    OutgoingMail,
    Participation,
    Referat,
    State,
)
from mailbot.records import person, retention
from mailbot.records.directory import Directory
from mailbot.records.store import Store

KARI = "kari.nordmann@udi.no"
PER = "per.hansen@udi.no"
MANAGER = "leder.aua@udi.no"
NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def record(ref: str, state: State, meeting_day: str, last_event: str, participant: str = KARI,
           referat_from: str | None = None) -> Participation:
    start = at(f"{meeting_day}T09:00")
    meeting = Meeting(title="EMN NCP meeting", start=start, end=start.replace(hour=15), timezone="Europe/Brussels",
                      forum="EMN", organizer="secretariat@emn.example.eu")
    referat = None
    if referat_from or state is State.REFERAT_RECEIVED:
        referat = Referat(f"<referat-{ref}@udi.no>", at(f"{last_event}T10:00"), referat_from or participant,
                          ("referat.docx",), ("Kari sends the figures",))
    events = (Event(at(f"{meeting_day}T08:00"), "registered", "<inv@udi.no>", detail=f"forwarded by {participant}"),
              Event(at(f"{last_event}T10:00"), "referat_received" if referat else "note", detail="received"))
    return Participation(ref=ref, state=state, meeting=meeting, participant=participant,
                         participant_name="Kari Nordmann", created_at=start, events=events, referat=referat)


def mail(message_id: str, ref: str | None, created: str, status: MailStatus, recipients=(KARI,), raw="Hei Kari ..."):
    return OutgoingMail(message_id=message_id, purpose="chase", recipients=recipients, raw=raw, created_at=at(created),
                        ref=ref, status=status, last_error="550 no such user" if status is MailStatus.FAILED else "")


@pytest.fixture
def directory(tmp_path) -> Directory:
    (tmp_path / "departments.toml").write_text(DEPARTMENTS, encoding="utf-8")
    return Directory.load(tmp_path / "departments.toml")


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "store" / "mailbot.json")
    # closed two years and a month ago: names go; closed two months ago: only bodies older than 90 days go
    store.put(record("INE-2024-0001", State.REFERAT_RECEIVED, "2024-11-20", "2024-12-10"))
    store.put(record("INE-2026-0007", State.EXEMPTED, "2026-10-20", "2026-11-01"))
    store.put(record("INE-2025-0003", State.AWAITING_REFERAT, "2025-02-03", "2025-02-03"))  # open: never touched
    store.queue(mail("<a1@udi.no>", "INE-2024-0001", "2024-11-21T08:00", MailStatus.FAILED))
    store.queue(mail("<a2@udi.no>", "INE-2024-0001", "2024-11-22T08:00", MailStatus.SENT, (KARI, MANAGER), raw=""))
    store.queue(mail("<b1@udi.no>", "INE-2026-0007", "2026-10-21T08:00", MailStatus.FAILED))
    store.queue(mail("<s1@udi.no>", None, "2026-06-01T05:30", MailStatus.FAILED, ("ine@udi.no",)))
    store.queue(mail("<c1@udi.no>", "INE-2025-0003", "2025-02-04T08:00", MailStatus.FAILED))
    store.add_handled(Handled("<old@x>", "h1", at("2026-05-01T10:00"), Outcome.AUTOMATIC, Folder.PROCESSED,
                              detail=f"automatic reply from {KARI}"))
    store.add_handled(Handled("<new@x>", "h2", at("2026-11-20T10:00"), Outcome.AUTOMATIC, Folder.PROCESSED,
                              detail=f"automatic reply from {PER}"))
    store.commit()
    yield store
    store.close()


def test_a_dry_run_counts_and_changes_nothing(store, directory):
    done = retention.purge(store, RetentionConfig(), directory, NOW, dry_run=True)
    assert (done.pseudonymised, done.mails, done.handled) == (["INE-2024-0001"], 3, 1)
    assert store.get("INE-2024-0001").participant == KARI
    assert store.mail("<s1@udi.no>").raw == "Hei Kari ..."


def test_old_closed_records_get_pseudonyms_and_old_bodies_go(store, directory):
    done = retention.purge(store, RetentionConfig(), directory, NOW)
    store.commit()
    assert (done.pseudonymised, done.mails, done.handled) == (["INE-2024-0001"], 3, 1)

    old = store.get("INE-2024-0001")
    alias = old.participant
    assert alias.startswith("person-") and len(alias) == len("person-") + 10
    assert (old.participant_name, old.department, old.meeting.organizer) == ("", "AUA", None)
    assert old.referat.sender == alias and old.referat.follow_up == ("",)  # the count of points stays
    assert [e.detail for e in old.events] == ["", "", ""] and old.events[-1].type == "pseudonymised"
    assert (old.meeting.forum, old.meeting.title, old.state) == ("EMN", "EMN NCP meeting", State.REFERAT_RECEIVED)
    sent = store.mail("<a2@udi.no>")
    assert sent.recipients[0] == alias and sent.recipients[1].startswith("person-") and sent.recipients[1] != alias
    assert (store.mail("<a1@udi.no>").raw, store.mail("<a1@udi.no>").last_error) == ("", "")

    recent = store.get("INE-2026-0007")  # closed 2026-11-01: within 90 days, all kept
    assert (recent.participant, recent.participant_name) == (KARI, "Kari Nordmann")
    assert store.mail("<b1@udi.no>").raw == "Hei Kari ..."
    assert store.mail("<s1@udi.no>").raw == ""  # no record: 90 days after it was made

    assert store.get("INE-2025-0003").participant == KARI  # open
    assert store.mail("<c1@udi.no>").raw == "Hei Kari ..."
    assert store.handled("<old@x>").detail == "" and store.handled("<new@x>").detail == f"automatic reply from {PER}"
    assert len(store.records()) == 3 and len(store.mails()) == 5

    again = retention.purge(store, RetentionConfig(), directory, NOW)
    assert (again.pseudonymised, again.mails, again.handled) == ([], 0, 0)


def test_the_periods_follow_the_configuration(store, directory):
    done = retention.purge(store, RetentionConfig(body_days=30, pseudonym_months=2), directory, NOW)
    assert (done.pseudonymised, done.mails, done.handled) == (["INE-2024-0001", "INE-2026-0007"], 4, 2)
    assert store.get("INE-2026-0007").participant.startswith("person-")


def test_the_daemon_purges_once_per_oslo_day(daemons, tmp_path):
    daemons.clock.now = NOW
    daemon = daemons.open(maildir_config(tmp_path))
    daemon.store.put(record("INE-2024-0001", State.REFERAT_RECEIVED, "2024-11-20", "2024-12-10"))
    daemon.store.commit()
    daemon.tick()
    assert daemon.store.get("INE-2024-0001").participant.startswith("person-")
    assert daemon.store.meta("retention_day") == "2027-01-15"

    daemon.store.put(record("INE-2024-0002", State.EXEMPTED, "2024-11-20", "2024-12-10"))
    daemon.store.commit()
    daemons.clock.now = datetime(2027, 1, 15, 22, 30, tzinfo=UTC)  # 23:30 in Oslo: the same day
    daemon.tick()
    assert daemon.store.get("INE-2024-0002").participant == KARI
    daemons.clock.now = datetime(2027, 1, 15, 23, 30, tzinfo=UTC)  # 00:30 in Oslo: the next day
    daemon.tick()
    assert daemon.store.get("INE-2024-0002").participant.startswith("person-")


def test_a_disabled_policy_keeps_everything(daemons, tmp_path):
    daemons.clock.now = NOW
    daemon = daemons.open(maildir_config(tmp_path, retention=RetentionConfig(enabled=False)))
    daemon.store.put(record("INE-2024-0001", State.REFERAT_RECEIVED, "2024-11-20", "2024-12-10"))
    daemon.store.commit()
    daemon.tick()
    assert daemon.store.get("INE-2024-0001").participant == KARI


def test_export_holds_everything_about_one_person_and_erase_removes_it(store, directory):
    store.put(record("INE-2026-0009", State.REFERAT_RECEIVED, "2026-09-01", "2026-09-20", participant=PER,
                     referat_from=KARI))  # Kari sent Per's referat
    store.queue(mail("<q1@udi.no>", "INE-2025-0003", "2027-01-15T08:00", MailStatus.QUEUED, (KARI, MANAGER)))
    exported = json.loads(json.dumps(person.export(store, "Kari.Nordmann@UDI.no", NOW)))
    assert [r["ref"] for r in exported["records"]] == ["INE-2024-0001", "INE-2025-0003", "INE-2026-0007",
                                                       "INE-2026-0009"]
    assert sorted(m["message_id"] for m in exported["outgoing_mail"]) == [
        "<a1@udi.no>", "<a2@udi.no>", "<b1@udi.no>", "<c1@udi.no>", "<q1@udi.no>"]
    assert [h["key"] for h in exported["handled_log"]] == ["<old@x>"] and exported["person"] == KARI

    done = person.erase(store, KARI, directory, NOW)
    store.commit()
    assert (done.records, done.mentions, done.mails, done.handled) == (
        ["INE-2024-0001", "INE-2025-0003", "INE-2026-0007"], ["INE-2026-0009"], 5, 1)
    was_open = store.get("INE-2025-0003")
    assert was_open.participant.startswith("person-") and was_open.state is State.EXEMPTED
    assert was_open.next_due is None and was_open.events[-1].type == "erased"
    other = store.get("INE-2026-0009")
    assert other.participant == PER and other.referat.sender.startswith("person-")
    queued = store.mail("<q1@udi.no>")
    assert (queued.status, queued.raw, queued.last_error) == (MailStatus.FAILED, "", "erased on request")
    assert queued.recipients[1] == MANAGER and queued.recipients[0].startswith("person-")
    assert store.queued() == []
    after = person.export(store, KARI, NOW)
    assert (after["records"], after["outgoing_mail"], after["handled_log"]) == ([], [], [])
    assert len(store.records()) == 4  # the counts stay


def write_config(tmp_path) -> str:
    (tmp_path / "departments.toml").write_text(DEPARTMENTS, encoding="utf-8")
    path = tmp_path / "mailbot.toml"
    path.write_text("""
[mailbox]
backend = "maildir"
[maildir]
path = "maildir"
outbox = "outbox"
[store]
path = "store/mailbot.json"
[senders]
allowed_domains = ["udi.no"]
[unit]
directory = "departments.toml"
""", encoding="utf-8")
    return str(path)


def test_the_commands_export_erase_and_purge(store, tmp_path, capsys, time_machine):
    time_machine.move_to(NOW, tick=False)
    Quota(store, 10, 10).count([KARI, MANAGER], None, NOW)  # automatic mail to Kari today
    store.commit()
    store.close()
    config = write_config(tmp_path)
    out = tmp_path / "kari.json"
    assert cli.main(["export", "--person", KARI, "--out", str(out), "--config", config]) == 0
    assert [r["ref"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]] == [
        "INE-2024-0001", "INE-2025-0003", "INE-2026-0007"]
    assert "3 record(s), 4 mail(s) and 1 handled-log entries" in capsys.readouterr().out

    assert cli.main(["erase", "--person", KARI, "--config", config]) == 2
    assert "would erase kari.nordmann@udi.no" in capsys.readouterr().out
    assert cli.main(["export", "--person", KARI, "--out", str(out), "--config", config]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["records"]) == 3  # nothing was changed

    assert cli.main(["purge", "--dry-run", "--config", config]) == 0
    assert "records pseudonymised: 1 (INE-2024-0001)" in capsys.readouterr().out
    assert cli.main(["erase", "--person", KARI, "--yes", "--config", config]) == 0
    assert "records of the person pseudonymised: 3" in capsys.readouterr().out
    reopened = Store(tmp_path / "store" / "mailbot.json", readonly=True)
    pseudonyms = [r.participant for r in reopened.records()]
    assert [p.startswith("person-") for p in pseudonyms] == [True, True, True]
    assert len(set(pseudonyms)) == 3  # one of its own in each record: records cannot be linked
    assert reopened.meta("quota")["address"] == {MANAGER: 1}  # today's count of mail to her is gone too
    reopened.close()
    assert cli.main(["erase", "--person", "not-an-address", "--yes", "--config", config]) == 2


def test_the_personal_data_commands_refuse_a_store_that_is_not_there(tmp_path, capsys):
    config = tmp_path / "mailbot.toml"
    config.write_text('[store]\npath = "elsewhere/mailbot.json"\n', encoding="utf-8")
    for command in (["erase", "--person", KARI, "--yes"], ["export", "--person", KARI], ["purge"]):
        assert cli.main([*command, "--config", str(config)]) == 2
        assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.parametrize(("table", "key"), [({"body_days": 0}, "retention.body_days"),
                                             ({"pseudonym_months": 0}, "retention.pseudonym_months"),
                                             ({"body_days": 400, "pseudonym_months": 12}, "retention.pseudonym_months"),
                                             ({"body_days": "90"}, "retention.body_days")])
def test_a_bad_period_names_the_key_and_the_file(tmp_path, table, key):
    path = tmp_path / "mailbot.toml"
    lines = "\n".join(f"{k} = {json.dumps(v)}" for k, v in table.items())
    path.write_text(f'[senders]\nallowed_domains = ["udi.no"]\n[retention]\n{lines}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        settings.load(path)
    assert key in str(error.value) and str(path) in str(error.value)


def test_jobs_include_the_daily_purge(tmp_path):
    store = Store(tmp_path / "s.json")
    try:
        parts = app.build(maildir_config(tmp_path), store)
        assert parts.jobs[-1] == parts.retention.purge_daily
    finally:
        store.close()


def test_closed_at_is_the_latest_of_the_meeting_end_and_the_history():
    closed = record("INE-2024-0001", State.EXEMPTED, "2024-11-20", "2024-11-01")  # exempted before the meeting
    assert retention.closed_at(closed) == at("2024-11-20T15:00")
    assert retention.closed_at(dataclasses.replace(closed, state=State.REGISTERED)) is None
    assert retention.months_before(at("2027-03-31T09:00"), 1) == at("2027-02-28T09:00")
