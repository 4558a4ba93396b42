"""The yearly overview (IM 2011-013 §2.1, §1) over 100 invented records (tests/yearly_sample.py):
its numbers worked out by hand, in the plain text, the HTML and the xlsx cells; valid HTML
without external resources; the same counts after a purge; sent once in the first week of
January, once after downtime, never twice; `mailbot report`; the [yearly] settings."""
import dataclasses
import email
import io
import re
import shutil
import subprocess
import sys
from datetime import datetime
from email import policy

import html5lib
import openpyxl
import pytest
import time_machine
from helpers import OSLO, ROOT, STAFF, oslo, text_of
from summary_sample import write_directory
from yearly_sample import NOW, fill, records

from mailbot import app
from mailbot.cli import main
from mailbot.config.settings import Config, RetentionConfig, StoreConfig, SummaryConfig, UnitConfig, YearlyConfig, load
from mailbot.errors import ConfigError
from mailbot.model import Event
from mailbot.outbound import composer as compose
from mailbot.records import retention
from mailbot.records.directory import Directory
from mailbot.records.store import Store
from mailbot.reports.overview import consultation
from mailbot.reports.workbook import GROUP_COLUMNS, ROW_COLUMNS
from mailbot.reports.yearly import latest_slot

# (participations, cancelled, on time, late, exempted, missing, pending, consulted, not needed,
#  awaited, open follow-up points), from the table in yearly_sample.py
FORA_2026 = [
    ("COUNCIL", "strategic", (20, 2, 11, 4, 3, 2, 0, 3, 0, 2, 3)),  # 8+4+3+2+3 held; 1+1+1 points open
    ("EUAA", "operational", (17, 1, 7, 5, 3, 2, 0, 0, 0, 0, 5)),
    ("FRONTEX", "operational", (12, 0, 10, 2, 0, 0, 0, 4, 0, 2, 0)),  # the late ones' points are closed
    ("EMN", "strategic", (10, 0, 6, 2, 0, 0, 2, 0, 2, 0, 12)),  # 28 and 29 December: not yet due
    ("EULISA", "operational", (8, 0, 4, 0, 0, 3, 1, 0, 0, 1, 0)),
    ("NORDIC", "strategic", (3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0)),
    ("GDISC", "strategic", (1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1)),
    ("OTHER", "operational", (0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
]
DEPARTMENTS_2026 = [
    ("AUA", (32, 2, 18, 4, 6, 2, 2, 4, 3, 2, 16)),  # Kari and Amira
    ("ASA", (17, 1, 7, 5, 3, 2, 0, 0, 0, 0, 5)),  # Lars and Torbjørn
    ("OPA", (17, 0, 14, 2, 0, 0, 1, 4, 0, 3, 0)),  # Ingrid and Jonas
    ("", (5, 2, 0, 2, 0, 3, 0, 0, 2, 0, 0)),  # Per, in no department
]
LEVELS_2026 = [("strategic", (34, 2, 18, 6, 6, 2, 2, 4, 5, 2, 16)),
               ("operational", (37, 3, 21, 7, 3, 5, 1, 4, 0, 3, 5))]
TOTAL_2026 = (71, 5, 39, 13, 9, 7, 3, 8, 5, 5, 21)  # 76 records; 39 of 59 due on time: 66 %
FORA_2025 = [("COUNCIL", (6, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0)), ("EUAA", (4, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0)),
             ("FRONTEX", (4, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0)), ("EMN", (3, 0, 3, 0, 0, 0, 0, 3, 0, 0, 0)),
             ("IGC", (3, 0, 3, 0, 0, 0, 0, 0, 0, 0, 3)), ("EULISA", (0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0))]
DEPARTMENTS_2025 = [("ASA", 7), ("AUA", 6), ("OPA", 4), ("", 3)]
COUNTS = ("participations", "cancelled", "on_time", "late", "exempted", "missing", "pending", "consulted",
          "not_needed", "awaited", "open_points")


def counts(tally) -> tuple[int, ...]:
    return tuple(getattr(tally, name) for name in COUNTS)


def make(tmp_path, language: str = "nb"):
    config = Config(store=StoreConfig(path=tmp_path / "store.json"),
                    unit=UnitConfig(advisers=(STAFF,), directory=write_directory(tmp_path)),
                    summary=SummaryConfig(language=language))
    store = Store(config.store.path)
    fill(store)
    return config, store, app.build(config, store).yearly


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    _, store, yearly = make(tmp_path_factory.mktemp("yearly"))
    mail = yearly.mail(2026, NOW, cause="test")
    yield yearly.overview(2026, NOW), email.message_from_bytes(mail.raw.encode(), policy=policy.default)
    store.close()


def test_the_sample_has_100_records_over_two_years():
    made = records()
    assert len(made) == 100 and len({r.ref for r in made}) == 100
    assert [sum(r.meeting.start.year == y for r in made) for y in (2025, 2026, 2027)] == [22, 76, 2]


def test_the_numbers_of_2026_worked_out_by_hand(sample):
    overview, _ = sample
    assert overview.year == 2026 and len(overview.rows) == 76
    assert [(t.key, t.level, counts(t)) for t in overview.by_forum] == FORA_2026
    assert [(t.key, counts(t)) for t in overview.by_department] == DEPARTMENTS_2026
    assert [(t.key, counts(t)) for t in overview.by_level] == LEVELS_2026
    assert counts(overview.total) == TOTAL_2026
    assert (overview.total.due, round(overview.total.rate, 4)) == (59, round(39 / 59, 4))
    assert overview.by_forum[0].name == "Rådsarbeidsgrupper i EU (blandet komité)"


def test_the_numbers_of_2025_leave_2026_and_2027_out(tmp_path):
    _, store, yearly = make(tmp_path)
    try:
        overview = yearly.overview(2025, NOW)
    finally:
        store.close()
    assert [(t.key, counts(t)) for t in overview.by_forum] == FORA_2025
    assert [(t.key, t.participations) for t in overview.by_department] == DEPARTMENTS_2025
    assert counts(overview.total) == (20, 2, 12, 4, 4, 0, 0, 3, 0, 0, 3)


def test_a_purge_keeps_every_count(tmp_path):
    """Pseudonymised records (IM 2011-013 §2.1 needs the counts; GDPR art. 5(1)(e) the names gone)
    count in the department written on them: the directory no longer knows the pseudonym."""
    config, store, yearly = make(tmp_path)
    try:
        before = {year: yearly.overview(year, NOW) for year in (2025, 2026)}
        done = retention.purge(store, RetentionConfig(), Directory.load(config.unit.directory),
                               oslo("2030-01-02T09:00"))
        store.commit()
        assert len(done.pseudonymised) == 98 - 10  # every closed record; the 8 open and 2 ahead stay
        assert all(retention.is_pseudonym(store.get(ref).participant) for ref in done.pseudonymised)
        for year, overview in before.items():
            assert yearly.overview(year, NOW) == overview
    finally:
        store.close()


def test_consultation_goes_by_the_latest_answer():
    flagged = records()[15]  # INE-2026-0016: COUNCIL, flagged, nothing recorded
    assert consultation(flagged) == "awaited"
    answered = flagged.with_event(Event(NOW, "consultation-not-needed"))
    assert consultation(answered) == "not_needed"
    assert consultation(answered.with_event(Event(NOW, "consultation-consulted"))) == "consulted"
    assert consultation(records()[0]) == ""  # not flagged, nothing to consult


def test_the_plain_text_says_the_numbers(sample):
    _, msg = sample
    assert msg["Subject"] == "Årsoversikt 2026: 71 internasjonale deltakelser, 7 referater mangler"
    assert msg["To"] == STAFF
    text = text_of(msg).replace("\r\n", "\n")
    assert text.startswith("ÅRSOVERSIKT 2026\nInternasjonale deltakelser etter IM 2011-013 i møter i 2026, "
                           "per 4. januar 2027.")
    assert ("- 71 deltakelser (+5 avlyst); referat 39 i tide, 13 for sent, 9 unntatt, 7 mangler, 3 ikke forfalt "
            "(66\xa0% i tide); JD 8 konsultert, 5 ikke nødvendig, 5 venter; 21 åpne oppfølgingspunkter") in text
    assert ("- COUNCIL (strategisk): 20 deltakelser (+2 avlyst); referat 11 i tide, 4 for sent, 3 unntatt, "
            "2 mangler, 0 ikke forfalt (65\xa0% i tide); JD 3 konsultert, 0 ikke nødvendig, 2 venter; "
            "3 åpne oppfølgingspunkter") in text
    assert ("- GDISC (strategisk): 1 deltakelse; referat 1 i tide, 0 for sent, 0 unntatt, 0 mangler, 0 ikke forfalt "
            "(100\xa0% i tide); JD 1 konsultert, 0 ikke nødvendig, 0 venter; 1 åpent oppfølgingspunkt") in text
    assert "- ukjent: 5 deltakelser (+2 avlyst); referat 0 i tide, 2 for sent" in text
    assert "- operasjonelt: 37 deltakelser (+3 avlyst); referat 21 i tide" in text
    sections = [text.index(h) for h in ("I ALT", "PER NIVÅ", "PER FORUM", "PER AVDELING", "Vedlegg")]
    assert sections == sorted(sections)
    forum_lines = re.findall(r"^- ([A-Z_]+) \(", text, flags=re.MULTILINE)
    assert forum_lines == [code for code, _, _ in FORA_2026]


def test_the_html_is_valid_has_no_external_resource_and_shows_the_numbers(sample):
    _, msg = sample
    html = msg.get_body(("html",)).get_content()
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)  # raises on any error
    assert tree.find(".//script") is None and tree.find(".//link") is None and tree.find(".//img") is None
    assert tree.find(".//style") is None and tree.find(".//svg") is None and tree.find(".//iframe") is None
    for element in tree.iter():
        for name in ("src", "href", "background", "action", "srcset", "data"):
            assert not element.get(name), (element.tag, name)
        assert "url(" not in (element.get("style") or "")
    assert "@import" not in html and "http://" not in html and "https://" not in html and "cid:" not in html
    tables = [[["".join(td.itertext()).strip() for td in tr] for tr in table.iter("tr")]
              for table in tree.iter("table") if table.find("./tbody/tr/th") is not None]
    forum, department, level = tables
    assert forum[1][:9] == ["COUNCIL strategisk", "20", "2", "11", "4", "3", "2", "0", "65\xa0%"]
    assert forum[1][9:] == ["3", "0", "2", "3"]
    assert [row[0].split()[0] for row in forum[1:]] == [code for code, _, _ in FORA_2026] + ["Totalt"]
    assert forum[-1] == ["Totalt", "71", "5", "39", "13", "9", "7", "3", "66\xa0%", "8", "5", "5", "21"]
    assert [row[:2] for row in department[1:]] == [["AUA", "32"], ["ASA", "17"], ["OPA", "17"], ["ukjent", "5"],
                                                   ["Totalt", "71"]]
    assert [row[:4] for row in level[1:3]] == [["strategisk", "34", "2", "18"], ["operasjonelt", "37", "3", "21"]]
    # the chart: 15 px per participation (COUNCIL, 20, is 300 px); OTHER, all cancelled, has no bar
    bars = [(td.get("title"), td.get("width")) for td in tree.iter("td") if td.get("bgcolor")]
    assert bars[:4] == [("Referat i tide: 11", "165"), ("Referat for sent: 4", "60"), ("Unntatt: 3", "45"),
                        ("Referat mangler: 2", "30")]
    assert len([title for title, _ in bars if title.startswith("Referat i tide")]) == 6  # NORDIC: none on time


def attachment(msg, suffix: str) -> bytes:
    return next(part.get_payload(decode=True) for part in msg.iter_attachments()
                if part.get_filename().endswith(suffix))


def test_the_xlsx_has_the_numbers_with_norwegian_headings_over_machine_names(sample):
    _, msg = sample
    book = openpyxl.load_workbook(io.BytesIO(attachment(msg, ".xlsx")))
    assert book.sheetnames == ["Per forum", "Per avdeling", "Per nivå", "Deltakelser"]
    fora = [list(row) for row in book["Per forum"].iter_rows(values_only=True)]
    assert fora[0][:6] == ["Forum", "Navn", "Nivå", "Deltakelser", "Avlyst", "Referat i tide"]
    assert fora[1] == [c for c in GROUP_COLUMNS if c != "department"]
    assert fora[2][:10] == ["COUNCIL", "Rådsarbeidsgrupper i EU (blandet komité)", "strategisk", 20, 2, 11, 4, 3, 2,
                            0]
    assert fora[2][10] == pytest.approx(11 / 17) and fora[2][11:] == [3, 0, 2, 3]
    assert [row[0] for row in fora[2:]] == [code for code, _, _ in FORA_2026] + ["Totalt"]
    assert fora[-1][3:10] == list(TOTAL_2026[:7]) and fora[-1][11:] == list(TOTAL_2026[7:])
    departments = [list(row) for row in book["Per avdeling"].iter_rows(values_only=True)]
    assert departments[1][0] == "department" and departments[0][0] == "Avdeling"
    assert [[row[0], *row[1:8], *row[9:]] for row in departments[2:6]] == [
        ["ukjent" if code == "" else code, *numbers] for code, numbers in DEPARTMENTS_2026]
    levels = [list(row) for row in book["Per nivå"].iter_rows(values_only=True)]
    assert [row[:3] for row in levels[2:]] == [["strategisk", 34, 2], ["operasjonelt", 37, 3], ["Totalt", 71, 5]]
    rows = [list(row) for row in book["Deltakelser"].iter_rows(values_only=True)]
    assert rows[1] == list(ROW_COLUMNS) and len(rows) == 2 + 76
    assert rows[2] == ["INE-2026-0001", datetime(2026, 1, 13, 10, 0), "COUNCIL", "strategisk", "COUNCIL meeting 1",
                       "AUA", "referat mottatt", "Referat i tide", None, 0]
    by_ref = {row[0]: row for row in rows[2:]}
    assert by_ref["INE-2026-0016"][6:9] == ["venter på referat", "Referat mangler", "Konsultasjon venter"]
    assert by_ref["INE-2026-0021"][6:9] == ["avlyst", None, "Konsultasjon venter"]  # counted apart: cancelled
    assert by_ref["INE-2026-0040"][5:] == ["ASA", "referat mottatt", "Referat for sent", None, 1]


def test_english_by_configuration(tmp_path):
    _, store, yearly = make(tmp_path, "en")
    try:
        msg = email.message_from_bytes(yearly.mail(2026, NOW, cause="en").raw.encode(), policy=policy.default)
    finally:
        store.close()
    # (a subject this long is folded whole onto the next line; unfolding keeps the space)
    assert msg["Subject"].strip() == "Yearly overview 2026: 71 international participations, 7 minutes missing"
    text = text_of(msg)
    assert "- EMN (strategic): 10 participations; minutes 6 on time, 2 late, 0 exempted, 0 missing, 2 not yet due" \
           in text
    html5lib.HTMLParser(strict=True).parse(msg.get_body(("html",)).get_content())
    book = openpyxl.load_workbook(io.BytesIO(attachment(msg, ".xlsx")))
    assert book.sheetnames == ["By forum", "By department", "By level", "Participations"]
    assert [c.value for c in book["By forum"][2]] == [c for c in GROUP_COLUMNS if c != "department"]


def test_an_empty_year_gives_zeros_and_valid_html(tmp_path):
    config = Config(store=StoreConfig(path=tmp_path / "store.json"))
    store = Store(config.store.path)
    try:
        mail = app.build(config, store).yearly.mail(2026, NOW, cause="empty")
    finally:
        store.close()
    msg = email.message_from_bytes(mail.raw.encode(), policy=policy.default)
    assert msg["Subject"] == "Årsoversikt 2026: 0 internasjonale deltakelser, 0 referater mangler"
    html5lib.HTMLParser(strict=True).parse(msg.get_body(("html",)).get_content())


@pytest.mark.parametrize("now, day, expected", [
    # 1 January 2026 is a Thursday and a public holiday: Friday the 2nd is the first business day
    ("2026-01-02T07:59", "first-business-day", (2024, "2025-01-02T08:00+01:00")),
    ("2026-01-02T08:00", "first-business-day", (2025, "2026-01-02T08:00+01:00")),
    # 2027: Friday 1 January, then a weekend: Monday the 4th
    ("2027-01-03T12:00", "first-business-day", (2025, "2026-01-02T08:00+01:00")),
    ("2027-01-04T08:00", "first-business-day", (2026, "2027-01-04T08:00+01:00")),
    ("2027-12-31T23:59", "first-business-day", (2026, "2027-01-04T08:00+01:00")),
    ("2027-01-02T08:00", "01-02", (2026, "2027-01-02T08:00+01:00")),
    ("2027-03-15T07:00", "03-15", (2025, "2026-03-15T08:00+01:00")),
])
def test_the_latest_slot_due(now, day, expected):
    year, due = latest_slot(oslo(now), YearlyConfig(day=day), Config().chase.calendar())
    assert (year, due) == (expected[0], datetime.fromisoformat(expected[1]))


def overviews(bot) -> list[tuple[str, str]]:
    """(subject, Oslo time sent) of every yearly overview sent."""
    return [(str(msg["Subject"]).split(":")[0], receipt.sent_at.astimezone(OSLO).isoformat())
            for receipt, msg in bot.mails("yearly")]


def test_sent_once_in_the_first_week_of_january_and_once_after_downtime(chase_bot):
    with time_machine.travel(oslo("2026-12-20T10:00"), tick=False) as traveller:
        bot = chase_bot()
        bot.config = dataclasses.replace(bot.config, yearly=YearlyConfig())
        bot.restart()

        def tick_at(*moments: str) -> None:
            for moment in moments:
                traveller.move_to(oslo(moment))
                bot.daemon.tick()

        tick_at("2026-12-20T10:00")
        assert bot.store.meta("yearly_year") == "2025"  # installed in December: 2025's went out before
        tick_at("2027-01-01T08:00", "2027-01-04T07:59")
        assert overviews(bot) == []
        tick_at("2027-01-04T08:00", "2027-01-04T08:01")
        bot.restart()
        tick_at("2027-01-04T09:00", "2027-01-07T12:00", "2027-06-01T12:00")
        assert overviews(bot) == [("Årsoversikt 2026", "2027-01-04T08:00:00+01:00")]
        receipt, msg = bot.mails("yearly")[0]
        assert receipt.message_id == compose.message_id("yearly|2026", "yearly", "udi.no")
        assert msg["To"] == STAFF and [p.get_filename() for p in msg.iter_attachments()] == [
            "yearly-overview-2026.xlsx"]

        tick_at("2027-12-30T16:00")
        bot.restart()  # down over New Year: back on Monday 10 January 2028
        tick_at("2028-01-10T10:15", "2028-01-10T10:16", "2028-01-11T08:00")
        assert overviews(bot) == [("Årsoversikt 2026", "2027-01-04T08:00:00+01:00"),
                                  ("Årsoversikt 2027", "2028-01-10T10:15:00+01:00")]

        # the stored year lost (an old backup): the Message-ID still keeps it from going out twice
        bot.store.set_meta("yearly_year", "2026")
        bot.store.commit()
        tick_at("2028-01-12T09:00")
        assert len(overviews(bot)) == 2 and bot.store.meta("yearly_year") == "2027"
        bot.close()


def test_a_disabled_overview_is_not_sent(chase_bot):
    with time_machine.travel(oslo("2027-01-04T09:00"), tick=False):
        bot = chase_bot()  # yearly.enabled = false
        bot.daemon.tick()
        assert overviews(bot) == [] and bot.store.meta("yearly_year") is None
        bot.close()


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


def test_report_writes_html_text_and_xlsx_and_sends_nothing(configured, tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["--config", str(configured), "report", "--year", "2026", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["yearly-overview-2026.html", "yearly-overview-2026.txt",
                                                     "yearly-overview-2026.xlsx"]
    assert capsys.readouterr().out.splitlines()[0] == str(out / "yearly-overview-2026.html")
    html5lib.HTMLParser(strict=True).parse((out / "yearly-overview-2026.html").read_text(encoding="utf-8"))
    assert (out / "yearly-overview-2026.txt").read_text(encoding="utf-8").startswith("ÅRSOVERSIKT 2026\n")
    book = openpyxl.load_workbook(out / "yearly-overview-2026.xlsx")
    assert book["Per forum"]["D3"].value == 20  # COUNCIL's participations
    assert not (tmp_path / "outbox").exists()


def test_report_send_sends_through_the_configured_mailbox(configured, tmp_path, capsys):
    assert main(["--config", str(configured), "report", "--year", "2025", "--out", str(tmp_path / "r"),
                 "--send"]) == 0
    assert f"yearly overview 2025 sent to {STAFF} (<mailbot." in capsys.readouterr().out
    files = list((tmp_path / "outbox" / "new").iterdir())
    assert len(files) == 1
    msg = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert msg["Subject"] == "Årsoversikt 2025: 20 internasjonale deltakelser, 0 referater mangler"
    store = Store(tmp_path / "db.json", readonly=True)
    assert store.meta("yearly_year") is None  # outside the schedule: January's still goes out
    store.close()


def test_report_refuses_a_year_out_of_range(configured, capsys):
    assert main(["--config", str(configured), "report", "--year", "26"]) == 2
    assert "--year: expected a year such as 2026, got 26" in capsys.readouterr().err


@pytest.mark.parametrize("text, key", [
    ('day = "monday"', "yearly.day"), ('day = "04-01"', "yearly.day"), ('day = "02-29"', "yearly.day"),
    ('day = "1-5"', "yearly.day"), ('time = "8:00"', "yearly.time"), ('time = "24:00"', "yearly.time"),
    ("enabled = 1", "yearly.enabled"), ('when = "01-02"', "yearly.when"),
])
def test_bad_settings_name_the_file_and_the_key(tmp_path, text, key):
    path = tmp_path / "mailbot.toml"
    path.write_text(f"[yearly]\n{text}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load(path)
    assert str(error.value).startswith(f"{path}: {key}: ")


def test_good_settings_load(tmp_path):
    path = tmp_path / "mailbot.toml"
    path.write_text('[yearly]\nday = "01-05"\ntime = "07:15"\n', encoding="utf-8")
    assert load(path).yearly == YearlyConfig(day="01-05", time="07:15")
    assert Config().yearly == YearlyConfig(enabled=True, day="first-business-day", time="08:00")


@pytest.mark.slow
@pytest.mark.skipif(not any(shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")),
                    reason="no Chromium (apt-get install -y chromium)")
def test_headless_chromium_draws_the_sample(tmp_path):
    png = tmp_path / "yearly.png"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "render_yearly.py"), "--sample", str(png)],
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
