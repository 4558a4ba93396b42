"""The weekly summary on a moved clock: once per ISO week, once after downtime, moved off public
holidays; `mailbot summary --preview` and `--send-now`; staff recipients only."""
import dataclasses
import email
import io
import logging
import re
from datetime import datetime
from email import policy
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from conftest import STAFF, ChaseBot, invitation, reply
from summary_sample import fill, write_directory

from mailbot import app
from mailbot.cli import main
from mailbot.config.settings import Config, StoreConfig, SummaryConfig, UnitConfig, load
from mailbot.errors import ConfigError
from mailbot.model import Outcome, State
from mailbot.outbound import composer as compose
from mailbot.records.store import Store
from mailbot.reports.weekly import latest_slot

OSLO = ZoneInfo("Europe/Oslo")


def oslo(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=OSLO)


def summaries(bot: ChaseBot) -> list[tuple[int, str]]:
    """(week number in the subject, Oslo time sent) of every summary sent."""
    return [(int(re.search(r"uke (\d+)", str(msg["Subject"])).group(1)), receipt.sent_at.astimezone(OSLO).isoformat())
            for receipt, msg in bot.mails("summary")]


@pytest.mark.parametrize("now, day, business_days, expected", [
    ("2027-03-01T07:29", "monday", True, ("2027-W08", "2027-02-22T07:30+01:00")),
    ("2027-03-01T07:30", "monday", True, ("2027-W09", "2027-03-01T07:30+01:00")),
    ("2027-03-07T23:59", "monday", True, ("2027-W09", "2027-03-01T07:30+01:00")),
    # Easter Monday is a public holiday: Tuesday, in summer time since Sunday
    ("2027-03-29T12:00", "monday", True, ("2027-W12", "2027-03-22T07:30+01:00")),
    ("2027-03-30T07:30", "monday", True, ("2027-W13", "2027-03-30T07:30+02:00")),
    ("2027-03-29T07:30", "monday", False, ("2027-W13", "2027-03-29T07:30+02:00")),
    # Maundy Thursday to Easter Monday: a Thursday slot moves into the next ISO week, keeping its own
    ("2027-03-29T12:00", "thursday", True, ("2027-W11", "2027-03-18T07:30+01:00")),
    ("2027-03-30T07:30", "thursday", True, ("2027-W12", "2027-03-30T07:30+02:00")),
])
def test_the_latest_slot_due(now, day, business_days, expected):
    settings = SummaryConfig(day=day, business_days=business_days)
    week, due = latest_slot(oslo(now), settings, Config().chase.calendar())
    assert (week, due) == (expected[0], datetime.fromisoformat(expected[1]))


def test_once_per_iso_week_across_restarts_and_once_after_downtime(tmp_path, caplog):
    with time_machine.travel(oslo("2027-02-23T10:00"), tick=False) as traveller:
        bot = ChaseBot(tmp_path)
        bot.config = dataclasses.replace(bot.config, summary=SummaryConfig())
        bot.restart()

        def tick_at(*moments: str) -> None:
            for moment in moments:
                traveller.move_to(oslo(moment))
                bot.daemon.tick()

        tick_at("2027-02-23T10:00", "2027-02-28T23:59", "2027-03-01T07:29")
        assert summaries(bot) == []  # installed mid-week: the first summary waits for Monday
        assert bot.store.meta("summary_week") == "2027-W08"
        tick_at("2027-03-01T07:30", "2027-03-01T07:31", "2027-03-01T12:00")
        bot.restart()
        tick_at("2027-03-01T12:01", "2027-03-03T09:00")
        assert summaries(bot) == [(9, "2027-03-01T07:30:00+01:00")]
        receipt, msg = bot.mails("summary")[0]
        assert receipt.message_id == compose.message_id("summary|2027-W09", "summary", "udi.no")
        assert msg["To"] == STAFF and receipt.recipients == (STAFF,)

        tick_at("2027-03-05T16:00")
        bot.restart()  # down over Monday 8 March, back on Wednesday
        tick_at("2027-03-10T10:15", "2027-03-10T10:16")
        bot.restart()  # down over two Mondays: only the latest summary
        tick_at("2027-03-24T09:00", "2027-03-29T07:30", "2027-03-29T23:00")  # Easter Monday: none
        tick_at("2027-03-30T07:30", "2027-03-30T07:45")
        assert summaries(bot) == [(9, "2027-03-01T07:30:00+01:00"), (10, "2027-03-10T10:15:00+01:00"),
                                  (12, "2027-03-24T09:00:00+01:00"), (13, "2027-03-30T07:30:00+02:00")]

        # the stored week lost (an old backup): the Message-ID still keeps it from going out twice
        bot.store.set_meta("summary_week", "2027-W12")
        bot.store.commit()
        caplog.set_level(logging.WARNING, logger="mailbot.reports.weekly")
        tick_at("2027-03-31T09:00")
        assert len(summaries(bot)) == 4 and "exists already" in caplog.text
        assert bot.store.meta("summary_week") == "2027-W13"
        bot.store.close()


def test_the_unit_steers_a_record_by_replying_to_the_summary(tmp_path):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = ChaseBot(tmp_path)
        bot.config = dataclasses.replace(bot.config, summary=SummaryConfig())
        bot.restart()
        bot.daemon.tick()
        ref = bot.receive(invitation("Arbeidsgruppen for grenser", "onsdag 24. mars 2027 kl. 10.00–12.00",
                                     "<inv@udi.no>")).ref
        traveller.move_to(oslo("2027-03-08T07:30"))
        bot.daemon.tick()
        (_, summary), = bot.mails("summary")
        text = summary.get_body(("plain",)).get_content()
        assert "INE-2027-0001 COUNCIL  Kari Nordmann (AUA)" in text and ref == "INE-2027-0001"  # new last week
        assert "svare med en kommandolinje øverst" in text
        result = bot.receive(reply(summary, f"UNNTAK {ref} Avtalt muntlig med INE\n\nAnne",
                                   sender=f"Anne Adviser <{STAFF}>", message_id="<svar@udi.no>"))
        assert (result.outcome, result.ref) == (Outcome.COMMAND, ref)
        assert bot.store.get(ref).state is State.EXEMPTED
        bot.store.close()


def test_a_disabled_summary_is_not_sent(tmp_path):
    with time_machine.travel(oslo("2027-03-01T07:30"), tick=False):
        bot = ChaseBot(tmp_path)  # summary.enabled = false
        bot.daemon.tick()
        assert summaries(bot) == [] and bot.store.meta("summary_week") is None
        bot.store.close()


@pytest.fixture
def configured(tmp_path):
    write_directory(tmp_path)
    path = tmp_path / "mailbot.toml"
    path.write_text('[maildir]\npath = "inbox"\noutbox = "outbox"\n[store]\npath = "db.json"\n'
                    f'[unit]\nadvisers = ["{STAFF}"]\ndirectory = "departments.toml"\n', encoding="utf-8")
    store = Store(tmp_path / "db.json")
    fill(store)
    store.close()
    return path


def test_preview_writes_the_mail_and_attachments_and_sends_nothing(configured, tmp_path, capsys):
    target = tmp_path / "preview" / "summary.html"
    assert main(["--config", str(configured), "summary", "--preview", str(target), "--at", "2027-03-01T07:30"]) == 0
    written = sorted(p.name for p in target.parent.iterdir())
    assert written == ["open-records-2027-W09.csv", "open-records-2027-W09.xlsx", "summary.eml", "summary.html",
                       "summary.txt"]
    assert capsys.readouterr().out.splitlines()[0] == str(target)
    assert "<h1" in target.read_text(encoding="utf-8") and "Ukeoversikt uke 9" in target.read_text(encoding="utf-8")
    assert (tmp_path / "preview" / "summary.txt").read_text(encoding="utf-8").startswith("UKEOVERSIKT UKE 9")
    sheet = openpyxl.load_workbook(io.BytesIO((target.parent / "open-records-2027-W09.xlsx").read_bytes())).active
    assert sheet.max_row == 34
    assert not (tmp_path / "outbox").exists()
    store = Store(tmp_path / "db.json", readonly=True)
    assert not [m for m in store.mails() if m.purpose == "summary"]
    store.close()


def test_send_now_sends_through_the_configured_mailbox(configured, tmp_path, capsys):
    assert main(["--config", str(configured), "summary", "--send-now", "--at", "2027-03-03T09:00"]) == 0
    assert capsys.readouterr().out.strip().startswith(f"weekly summary sent to {STAFF} (<mailbot.")
    files = list((tmp_path / "outbox" / "new").iterdir())
    assert len(files) == 1
    msg = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    # as of Wednesday: one flagged meeting is past, two more referats have passed their deadline
    assert msg["Subject"] == "Ukeoversikt uke 9: JD før 5 møter, 6 referater på overtid" and msg["To"] == STAFF
    store = Store(tmp_path / "db.json", readonly=True)
    assert [m.status.value for m in store.mails() if m.purpose == "summary"] == ["sent"]
    assert store.meta("summary_week") is None  # outside the schedule: Monday's still goes out
    store.close()


@pytest.mark.parametrize("text, key, address", [
    ('[summary]\nrecipients = ["anne.adviser@udi.no", "anne@gmail.com"]\n', "summary.recipients", "anne@gmail.com"),
    ('[unit]\nreport_to = ["boss@example.com"]\n', "unit.report_to", "boss@example.com"),
    ('[unit]\nadvisers = ["anne@udi.no.example.com"]\n', "unit.advisers", "anne@udi.no.example.com"),
    ('[unit]\nreport_to = ["anne.adviser@udi.no"]\nadvisers = ["anne@gmail.com"]\n', "unit.advisers", "anne@gmail.com"),
    ('[mailbox]\naddress = "ine@gmail.com"\n', "mailbox.address", "ine@gmail.com"),
])
def test_outside_recipients_are_refused_at_load_summary_or_not(tmp_path, text, key, address):
    path = tmp_path / "mailbot.toml"
    disabled = (text.replace("[summary]\n", "[summary]\nenabled = false\n") if "[summary]" in text
                else text + "[summary]\nenabled = false\n")
    for config in (text, disabled):  # the unit's reports go out all the same, and summary --send-now works
        path.write_text(config, encoding="utf-8")
        with pytest.raises(ConfigError) as error:
            load(path)
        assert str(error.value).startswith(f"{path}: {key}: {address} is outside senders.allowed_domains (udi.no): ")
        assert "staff only" in str(error.value)


def test_check_config_refuses_a_mailbox_outside_the_staff_domains_that_would_get_the_summary(tmp_path, capsys):
    path = tmp_path / "mailbot.toml"
    path.write_text('[mailbox]\naddress = "ine@gmail.com"\n', encoding="utf-8")
    assert main(["--config", str(path), "check-config"]) == 2
    assert (f"mailbot: {path}: mailbox.address: ine@gmail.com is outside senders.allowed_domains (udi.no): with "
            "unit.report_to and unit.advisers empty, the weekly summary and the unit's reports go to the mailbox "
            "itself") in capsys.readouterr().err
    path.write_text('[mailbox]\naddress = "ine@gmail.com"\n[unit]\nreport_to = ["anne.adviser@udi.no"]\n',
                    encoding="utf-8")
    assert load(path).summary_recipients == ("anne.adviser@udi.no",)


def test_staff_in_sub_domains_may_get_it_and_nobody_outside_ever_does(tmp_path):
    path = tmp_path / "mailbot.toml"
    path.write_text('[summary]\nrecipients = ["Anne.Adviser@UDI.no", "ine@ask.udi.no"]\n', encoding="utf-8")
    assert load(path).summary_recipients == ("Anne.Adviser@UDI.no", "ine@ask.udi.no")
    config = Config(store=StoreConfig(path=tmp_path / "db.json"), unit=UnitConfig(report_to=("x@example.com",)))
    store = Store(config.store.path)  # a Config built in code skips the load-time check; sending does not
    with pytest.raises(ConfigError, match="x@example.com is outside senders.allowed_domains"):
        app.build(config, store).weekly.mail(oslo("2027-03-01T07:30"), cause="x")
    store.close()
