"""The weekly summary over 60 invented records (tests/summary_sample.py) as of Monday 1 March
2027 07:30: its numbers, worked out by hand; the order of the sections in the plain text; the
rows of the xlsx and the CSV; valid HTML without external resources or scripts."""
import csv
import dataclasses
import email
import io
from datetime import datetime
from email import policy

import html5lib
import openpyxl
import pytest
from helpers import STAFF, text_of
from summary_sample import NOW, fill, write_directory

from mailbot import app
from mailbot.config.settings import Config, StoreConfig, SummaryConfig, UnitConfig
from mailbot.records.store import Store
from mailbot.reports import spreadsheet

HEADINGS_NB = ["GJØR FØRST", "1. KONSULTASJON MED JD FØR MØTET (6)", "2. REFERATER PÅ OVERTID (4)",
               "3. MØTER DE NESTE 14 DAGENE (8)", "4. REFERATER OG UNNTAK SISTE UKE (4)",
               "5. NYE DELTAKELSER SISTE UKE (7)", "6. DELTAKELSER I 2027 (50)", "7. REFERATER I TIDE: 71\xa0%"]


def refs(lines) -> list[int]:
    return [int(x.ref[-4:]) for x in lines]


def make(tmp_path, language: str = "nb"):
    config = Config(store=StoreConfig(path=tmp_path / "store.json"),
                    unit=UnitConfig(advisers=(STAFF,), directory=write_directory(tmp_path)),
                    summary=SummaryConfig(language=language))
    store = Store(config.store.path)
    fill(store)
    return store, app.build(config, store).weekly


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store, weekly = make(tmp_path_factory.mktemp("summary"))
    mail = weekly.mail(NOW, cause="test")
    yield weekly.summary(NOW), mail, email.message_from_bytes(mail.raw.encode(), policy=policy.default)
    store.close()


def test_sections_hold_the_right_records_most_urgent_first(sample):
    s, _, _ = sample
    assert s.week == "2027-W09" and s.year == 2027
    # flagged (§3.2), not cancelled, not yet begun; 38 is under way, 48 cancelled, 47 exempted but still ahead
    assert refs(s.consultation) == [28, 31, 36, 39, 42, 47]
    assert s.consultation[1].reasons == ("Budsjettmessige konsekvenser (bidrag, finansiering, omdisponering)",
                                         "Politisk sensitivt tema")
    assert refs(s.overdue) == [24, 15, 20, 23]  # the longest overdue first
    assert [(x.days_overdue, x.reminders, x.escalated) for x in s.overdue] == [
        (55, 2, True), (19, 2, True), (9, 2, False), (4, 1, False)]
    assert s.overdue[1].deadline == datetime.fromisoformat("2027-02-03T08:00+01:00")  # 6 business days
    assert s.overdue[3].paused_until == datetime.fromisoformat("2027-03-04T08:00+01:00")
    assert refs(s.escalated) == [24, 15]
    # from now to 14 days on (15 March 09:00 is past 07:30), not cancelled (37), not begun (38)
    assert refs(s.upcoming) == [28, 29, 30, 31, 32, 33, 34, 35]
    assert [x.checklist for x in s.upcoming] == ["sent", "sent", "queued", "sent", "failed", "none", "sent", "sent"]
    assert refs(s.unsent_checklists) == [30, 32, 33]
    assert refs(s.closed) == [21, 22, 26, 27]
    assert [(x.state, x.on_time, x.follow_up) for x in s.closed] == [
        ("referat_received", True, 2), ("referat_received", False, 0), ("referat_received", True, 3),
        ("exempted", True, 0)]
    assert s.closed[3].exemption == "Møtet var kun orienterende"
    assert refs(s.new) == [31, 32, 33, 39, 44, 59, 60]
    assert len(s.open) == 33 and refs(s.open)[:8] == [24, 15, 20, 23, 25, 59, 60, 38]


def test_counts_for_the_year_and_the_compliance_trend(sample):
    s, _, _ = sample
    # 50 records meet in 2027 and are not cancelled (10 are cancelled or in 2026 or 2028)
    assert s.by_level == (("strategic", 26), ("operational", 24))
    assert s.by_forum == (("COUNCIL", 9), ("EMN", 8), ("EUAA", 8), ("FRONTEX", 6), ("EULISA", 5), ("OTHER", 4),
                          ("GDISC", 3), ("NORDIC", 3), ("IGC", 2), ("EEA_GRANTS", 1), ("UNHCR", 1))
    assert s.by_department == (("AUA", 16), ("OPA", 15), ("ASA", 12), ("", 7))
    assert [(w.week, w.due, w.on_time) for w in s.trend] == [
        ("2027-W01", 2, 2), ("2027-W02", 3, 2), ("2027-W03", 2, 1), ("2027-W04", 4, 4),
        ("2027-W05", 3, 2), ("2027-W06", 0, 0), ("2027-W07", 4, 3), ("2027-W08", 3, 1)]
    assert s.trend[5].rate is None
    assert (s.compliance.due, s.compliance.on_time) == (21, 15)


def test_the_plain_text_says_what_to_act_on_first_and_keeps_the_order_of_sections(sample):
    _, _, msg = sample
    text = text_of(msg)
    lines = text.splitlines()
    positions = [next(i for i, line in enumerate(lines) if line.startswith(h)) for h in HEADINGS_NB]
    assert positions == sorted(positions)
    first = lines[positions[0] + 1:positions[1] - 1]
    assert first == [
        "- JD skal konsulteres før 6 møter (punkt 3.2); først ut er INE-2027-0028 tir. 2. mars 10:00.",
        "- 4 referater på overtid; 2 er meldt til INE og venter på at dere avgjør (unntak, overføring eller "
        "avlysning).",
        "- 3 møter de neste 14 dagene uten sendt sjekkliste."]
    assert ("- 55 virkedager  INE-2026-0024 COUNCIL  Lars Fjeldstad (ASA)  2 påminnelser, MELDT TIL INE"
            in lines)
    assert "- 4 virkedager  INE-2027-0023 OTHER  per.hansen@udi.no  1 påminnelse, borte til tor. 4. mars" in lines
    assert "- tir. 9. mars 09:00  INE-2027-0032 EULISA  Jonas Lie (OPA)  sjekkliste feilet" in lines
    assert "- ons. 10. mars  INE-2027-0033 OTHER  per.hansen@udi.no" in lines  # all day: no time
    assert text.count("og 1 til i vedlegget") == 1 and "og 3 til i vedlegget" in text  # 5 rows at most
    assert "Nivå: strategisk 26 · operasjonelt 24" in lines
    assert "Avdeling: AUA 16 · OPA 15 · ASA 12 · ukjent 7" in lines
    assert lines[positions[7]] == "7. REFERATER I TIDE: 71\xa0% (15 av 21 med frist de siste 8 ukene)"
    assert lines[positions[7] + 6] == "uke  6  ··········      –  (0 av 0)"
    assert lines[positions[7] + 8] == "uke  8  ███·······   33\xa0%  (1 av 3)"


def test_the_mail_goes_to_the_unit_only_with_both_attachments(sample):
    _s, mail, msg = sample
    assert msg["Subject"] == "Ukeoversikt uke 9: JD før 6 møter, 4 referater på overtid"
    assert msg["To"] == STAFF and msg["Cc"] is None and mail.recipients == (STAFF,)
    assert msg["Auto-Submitted"] == "auto-generated" and mail.purpose == "summary" and mail.ref is None
    files = {part.get_filename(): part.get_content_type() for part in msg.iter_attachments()}
    assert files == {"open-records-2027-W09.xlsx": spreadsheet.XLSX_TYPE, "open-records-2027-W09.csv": "text/csv"}


def attachment(msg, suffix: str) -> bytes:
    return next(p for p in msg.iter_attachments() if p.get_filename().endswith(suffix)).get_payload(decode=True)


def test_the_xlsx_holds_every_open_record_with_oslo_times(sample):
    s, _, msg = sample
    sheet = openpyxl.load_workbook(io.BytesIO(attachment(msg, ".xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == spreadsheet.HEADER
    assert rows[0][:6] == ("ref", "state", "title", "forum", "level", "start")
    assert len(rows) == 34 and [r[0] for r in rows[1:]] == [x.ref for x in s.open]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["ref"] == "INE-2026-0024" and row["state"] == "awaiting_referat" and row["forum"] == "COUNCIL"
    assert row["start"] == datetime(2026, 12, 1, 10, 0) and row["end"] == datetime(2026, 12, 1, 13, 0)
    assert row["referat_due"] == datetime(2026, 12, 9, 8, 0)
    assert (row["days_overdue"], row["reminders_sent"], row["escalated"]) == (55, 2, True)
    assert (row["department"], row["participant"], row["level"]) == ("ASA", "lars.fjeldstad@udi.no", "strategic")
    assert row["next_action"] is None and row["ministry_consultation"] is False  # an empty cell
    assert sheet["F2"].number_format == "yyyy-mm-dd hh:mm" and sheet.freeze_panes == "A2"
    by_ref = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    flagged = by_ref["INE-2027-0031"]
    assert flagged["ministry_consultation"] is True and flagged["checklist_reply"] == "sent"
    assert flagged["consultation_reasons"] == ("Budsjettmessige konsekvenser (bidrag, finansiering, omdisponering); "
                                               "Politisk sensitivt tema")
    assert flagged["registered_at"] == datetime(2027, 2, 22, 9, 0)
    assert flagged["next_action"] == "request" and flagged["next_action_at"] == datetime(2027, 3, 9, 8, 0)
    assert by_ref["INE-2027-0033"]["all_day"] is True and by_ref["INE-2027-0033"]["checklist_reply"] == "none"
    assert by_ref["INE-2027-0023"]["paused_until"] == datetime(2027, 3, 4, 8, 0)
    assert by_ref["INE-2027-0032"]["checklist_reply"] == "failed" and by_ref["INE-2027-0032"]["department"] == "OPA"


def test_the_csv_has_the_same_columns_and_iso_8601_times_with_the_offset(sample):
    _s, _, msg = sample
    data = attachment(msg, ".csv")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == spreadsheet.HEADER and len(rows) == 33
    assert rows[0]["start"] == "2026-12-01T10:00+01:00" and rows[0]["referat_due"] == "2026-12-09T08:00+01:00"
    assert rows[0]["escalated"] == "true" and rows[0]["paused_until"] == ""
    assert rows[0]["title"] == "Working Party on Integration, Migration and Expulsion (24)"
    summer = next(r for r in rows if r["ref"] == "INE-2027-0043")
    assert summer["start"] == "2027-06-08T10:00+02:00"  # Oslo summer time


def test_text_that_looks_like_a_formula_stays_text(sample):
    s, _, _ = sample
    line = dataclasses.replace(s.open[0], title="=HYPERLINK(\"http://x.example\")", location="+47 22 00 00 00")
    sheet = openpyxl.load_workbook(io.BytesIO(spreadsheet.to_xlsx([line], NOW))).active
    assert sheet["C2"].data_type == "s" and sheet["C2"].value == line.title
    row = next(iter(csv.DictReader(io.StringIO(spreadsheet.to_csv([line]).decode("utf-8-sig")))))
    assert row["title"] == "'=HYPERLINK(\"http://x.example\")" and row["location"] == "'+47 22 00 00 00"


def test_the_html_part_is_valid_html_without_external_resources_or_scripts(sample):
    _, _, msg = sample
    html = msg.get_body(("html",)).get_content()
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)  # raises on any error
    assert tree.find(".//script") is None and tree.find(".//link") is None and tree.find(".//img") is None
    for element in tree.iter():
        for name in ("src", "href", "background", "action", "srcset"):
            assert not element.get(name), (element.tag, name)
        assert "url(" not in (element.get("style") or "")
    assert "@import" not in html and "http://" not in html and "https://" not in html
    headings = [h.text.strip() for h in tree.iter("h2")]
    assert headings == ["1. Konsultasjon med JD før møtet", "2. Referater på overtid", "3. Møter de neste 14 dagene",
                        "4. Referater og unntak siste uke", "5. Nye deltakelser siste uke", "6. Deltakelser i 2027",
                        "7. Referater i tide", "8. Åpne oppfølgingspunkter"]
    bars = [td for td in tree.iter("td") if td.get("height")]
    assert [td.get("height") for td in bars] == ["40", "27", "20", "40", "27", "30", "13"]  # week 6: no bar


def test_english_by_configuration(tmp_path):
    store, weekly = make(tmp_path, "en")
    try:
        msg = email.message_from_bytes(weekly.mail(NOW, cause="en").raw.encode(), policy=policy.default)
    finally:
        store.close()
    # (a subject this long is folded whole onto the next line; unfolding keeps the space)
    assert msg["Subject"].strip() == "Weekly summary, week 9: consult JD before 6 meetings, 4 overdue minutes"
    text = text_of(msg)
    headings = ["ACT ON FIRST", "1. CONSULT THE MINISTRY (JD) BEFORE THE MEETING (6)", "2. OVERDUE MINUTES (4)",
                "3. MEETINGS IN THE NEXT 14 DAYS (8)", "4. MINUTES AND EXEMPTIONS, PAST WEEK (4)",
                "5. NEW PARTICIPATIONS, PAST WEEK (7)", "6. PARTICIPATIONS IN 2027 (50)", "7. MINUTES ON TIME: 71%"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Proposal for new or amended legislation" in text
    assert "Department: AUA 16 · OPA 15 · ASA 12 · unknown 7" in text
    html5lib.HTMLParser(strict=True).parse(msg.get_body(("html",)).get_content())


def test_an_empty_store_says_nothing_is_urgent(tmp_path):
    config = Config(store=StoreConfig(path=tmp_path / "store.json"))
    store = Store(config.store.path)
    try:
        mail = app.build(config, store).weekly.mail(NOW, cause="empty")
    finally:
        store.close()
    msg = email.message_from_bytes(mail.raw.encode(), policy=policy.default)
    assert msg["Subject"] == "Ukeoversikt uke 9: ingenting haster" and msg["To"] == "ine@udi.no"
    assert "Ingenting haster denne uken." in text_of(msg)
    html5lib.HTMLParser(strict=True).parse(msg.get_body(("html",)).get_content())
    rows = list(openpyxl.load_workbook(io.BytesIO(attachment(msg, ".xlsx"))).active.iter_rows(values_only=True))
    assert rows == [spreadsheet.HEADER]
