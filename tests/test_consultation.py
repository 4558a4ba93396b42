"""Consulting the ministry before a meeting (IM 2011-013 §3.2): the checklist asks whether UDI
attends alone; the participant or the unit answer by command (ALENE, IKKE-ALENE, KONSULTERT,
IKKE-NØDVENDIG and their English forms); the record keeps who said what; the weekly summary
separates consultation awaited from consulted and not needed; one reminder before the meeting."""
import dataclasses
from datetime import UTC, datetime

import pytest
import time_machine
from helpers import STAFF, forward, html_of, invitation, oslo, parse, reply, text_of

from mailbot.config.jobs import ChaseConfig
from mailbot.followup.businessdays import Calendar
from mailbot.followup.consultation import business_days_before, reminder_at, wants_reminder
from mailbot.model import Event, Folder, Meeting, Outcome, Participation, Reason, State
from mailbot.records import consultation

KARI = "Kari <kari.nordmann@udi.no>"
# flagged by the screening: "budsjett" (budget consequences); Thursday 15 April 2027, 10:00–12:00
FLAGGED = invitation("Budsjett for grensesamarbeidet 2028", "torsdag 15. april 2027 kl. 10.00–12.00", "<f1@udi.no>")
PLAIN = invitation("Arbeidsgruppen for grenser", "torsdag 15. april 2027 kl. 10.00–12.00", "<p1@udi.no>")


def command(body: str, sender: str = f"Anne Adviser <{STAFF}>", message_id: str = "<c1@udi.no>") -> bytes:
    return forward(subject="Kommando", sender=sender, body=body, message_id=message_id)


def weekly(bot):
    """The weekly summary job's owner of ``bot`` (the chase bot has it, switched off)."""
    return next(job.__self__ for job in bot.daemon.jobs if job.__name__ == "send_due")


def summary_text(bot, at: str) -> list[str]:
    """The weekly summary's text lines as of ``at`` (Oslo)."""
    return text_of(parse(weekly(bot).mail(oslo(at), cause=f"test|{at}").raw.encode())).splitlines()


def record(*events: tuple[str, str], flagged: bool = False) -> Participation:
    at = datetime(2027, 3, 1, 9, tzinfo=UTC)
    meeting = Meeting("M", datetime(2027, 4, 15, 8, tzinfo=UTC), datetime(2027, 4, 15, 10, tzinfo=UTC))
    return Participation("INE-2027-0001", State.REGISTERED, meeting, "kari.nordmann@udi.no",
                         consultation=(Reason("budget", "budsjett"),) if flagged else (), created_at=at,
                         events=tuple(Event(at, type, None, detail) for type, detail in events))


@pytest.mark.parametrize("flagged, answers, status", [
    (False, [], "not-asked"),
    (True, [], "awaited"),
    (False, [consultation.ALONE], "awaited"),
    (False, [consultation.ALONE, consultation.NOT_ALONE], "not-asked"),
    (True, [consultation.NOT_ALONE], "awaited"),  # the flag stays until CONSULTED or NOT-NEEDED
    (True, [consultation.CONSULTED], "consulted"),
    (False, [consultation.ALONE, consultation.NOT_NEEDED], "not-needed"),
    (True, [consultation.NOT_NEEDED, consultation.CONSULTED], "consulted"),
    (True, [consultation.CONSULTED, consultation.ALONE], "consulted"),
])
def test_the_status_follows_the_flag_and_the_answers(flagged, answers, status):
    assert consultation.status(record(*((a, "x") for a in answers), flagged=flagged)) == status


def test_the_checklist_asks_whether_udi_attends_alone(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(FLAGGED).ref
        (_, checklist), = bot.mails("reply-registered")
        lines = text_of(checklist).splitlines()
        assert ("3. Deltar UDI alene på møtet? Der UDI deltar alene og dagsordenen kan føre til lovendringer"
                in lines)
        assert ("beredskapsdepartementet konsulteres før møtet (punkt 3.2). Svar med en linje øverst"
                in " ".join(lines))
        assert f"   i e-posten: ALENE {ref} eller IKKE-ALENE {ref}." in lines
        assert f"trengs det ikke (for eksempel fordi JD selv deltar), med IKKE-NØDVENDIG {ref} <begrunnelse>." in lines


def test_the_participant_says_udi_attends_alone_and_the_unit_records_the_consultation(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive(PLAIN).ref
        (_, checklist), = bot.mails("reply-registered")
        summary = weekly(bot).summary(oslo("2027-03-01T09:00"))
        assert summary.consultation == () and summary.consulted == ()
        # the participant answers in the checklist's thread, without a reference
        result = bot.receive(reply(checklist, "ALENE\n\nHilsen Kari", sender=KARI, message_id="<a1@udi.no>"))
        assert (result.outcome, result.folder, result.ref) == (Outcome.COMMAND, Folder.PROCESSED, ref)
        stored = bot.store.get(ref)
        assert [(e.type, e.detail) for e in stored.events[1:]] == [("consultation-alone", "kari.nordmann@udi.no")]
        assert consultation.status(stored) == "awaited"
        (_, answer), = bot.mails("command-answer")
        assert answer["To"] == "kari.nordmann@udi.no"
        assert (f"{ref}: «UDI deltar alene» er registrert. Konsultasjon med JD (punkt 3.2): ikke bedt om -> "
                "venter på konsultasjon.") in text_of(answer).splitlines()
        # the weekly summary puts it first, as awaiting consultation
        summary = weekly(bot).summary(oslo("2027-03-01T10:00"))
        assert [x.ref for x in summary.consultation] == [ref] and summary.consultation[0].consultation == "awaited"
        text = summary_text(bot, "2027-03-01T10:00")
        assert f"- JD skal konsulteres før ett møte (punkt 3.2); først ut er {ref} tor. 15. apr. 10:00." in text
        assert "  «Arbeidsgruppen for grenser»: UDI deltar alene" in text
        # the unit records that the ministry was consulted: the flag leaves "Gjør først"
        traveller.move_to(oslo("2027-03-02T09:00"))
        bot.receive(command(f"KONSULTERT {ref} Avklart med JD på telefon 2. mars", message_id="<a2@udi.no>"))
        stored = bot.store.get(ref)
        assert (stored.events[-1].type, stored.events[-1].detail) == (
            "consultation-consulted", f"{STAFF}: Avklart med JD på telefon 2. mars")
        assert consultation.status(stored) == "consulted"
        answer = text_of(bot.mails("command-answer")[-1][1]).splitlines()
        assert (f"{ref}: «JD er konsultert» (Avklart med JD på telefon 2. mars) er registrert. Konsultasjon med JD "
                "(punkt 3.2): venter på konsultasjon -> JD er konsultert.") in answer
        summary = weekly(bot).summary(oslo("2027-03-02T10:00"))
        assert (summary.consultation, [x.ref for x in summary.consulted], summary.not_needed) == ((), [ref], ())
        text = summary_text(bot, "2027-03-02T10:00")
        assert not any(line.startswith("- JD skal konsulteres") for line in text)
        assert "1. KONSULTASJON MED JD FØR MØTET (0)" in text
        assert "Ingen kommende møter venter på konsultasjon." in text
        assert f"JD konsultert (1): {ref} tor. 15. apr. 10:00" in text
        html = html_of(parse(weekly(bot).mail(oslo("2027-03-02T10:00"), cause="t2h").raw.encode()))
        assert "Gjør først</strong><br>" in html and "JD skal konsulteres" not in html
        assert f"<strong>JD konsultert (1):</strong> {ref} tor. 15. apr. 10:00" in html


def test_not_needed_needs_a_reason_and_clears_a_flag(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(FLAGGED).ref
        assert consultation.status(bot.store.get(ref)) == "awaited"
        assert [x.ref for x in weekly(bot).summary(oslo("2027-03-01T10:00")).consultation] == [ref]
        bot.receive(command(f"IKKE-NØDVENDIG {ref}", sender=KARI, message_id="<n1@udi.no>"))
        assert "Ikke utført: skriv en begrunnelse etter referansen (punkt 3.2)." in text_of(
            bot.mails("command-answer")[-1][1]).splitlines()
        assert consultation.status(bot.store.get(ref)) == "awaited"
        # in English: the answer is in English
        bot.receive(command(f"NOT-NEEDED {ref} The ministry attends itself", sender=KARI, message_id="<n2@udi.no>"))
        stored = bot.store.get(ref)
        assert (stored.events[-1].type, stored.events[-1].detail) == (
            "consultation-not-needed", "kari.nordmann@udi.no: The ministry attends itself")
        answer = text_of(bot.mails("command-answer")[-1][1]).splitlines()
        assert answer[0] == "Hello,"
        assert (f'{ref}: "consulting the ministry is not needed" (The ministry attends itself) is recorded. '
                "Consulting the ministry (section 3.2): consultation awaited -> not needed.") in answer
        summary = weekly(bot).summary(oslo("2027-03-01T10:00"))
        assert (summary.consultation, [x.ref for x in summary.not_needed]) == ((), [ref])
        assert summary.not_needed[0].consultation_note == "kari.nordmann@udi.no: The ministry attends itself"
        text = summary_text(bot, "2027-03-01T11:00")
        assert f"Ikke nødvendig (1): {ref} tor. 15. apr. 10:00 (kari.nordmann@udi.no: The ministry attends itself)" \
            in text
        from mailbot.reports import spreadsheet
        row = dict(zip(spreadsheet.HEADER, spreadsheet.rows(summary.open)[0], strict=True))
        assert (row["consultation_status"], row["ministry_consultation"]) == ("not-needed", True)


def test_only_the_participant_and_the_unit_may_answer(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(FLAGGED).ref
        result = bot.receive(command(f"KONSULTERT {ref}", sender="Per <per.hansen@udi.no>", message_id="<o1@udi.no>"))
        assert (result.outcome, result.folder) == (Outcome.REFUSED, Folder.NEEDS_ATTENTION)
        assert (f"Ikke utført: bare Internasjonal enhet (INE) eller deltakeren i {ref} kan gi denne kommandoen. "
                "INE er varslet.") in text_of(bot.mails("command-answer")[-1][1]).splitlines()
        (_, report), = bot.mails("report-refused")
        assert report["To"] == STAFF
        assert consultation.status(bot.store.get(ref)) == "awaited"
        assert [e.type for e in bot.store.get(ref).events] == ["received-invitation"]
        # STATUS shows where the consultation stands
        bot.receive(command(f"STATUS {ref}", sender=KARI, message_id="<o2@udi.no>"))
        assert "; JD: venter på konsultasjon" in text_of(bot.mails("command-answer")[-1][1])


def test_the_reminder_day_counts_business_days_back_over_holidays():
    calendar = ChaseConfig().calendar()
    # Thursday 15 April 2027: five business days before is Thursday 8 April
    assert business_days_before(calendar, datetime(2027, 4, 15).date(), 5) == datetime(2027, 4, 8).date()
    # before Tuesday 30 March 2027, five business days back skip Easter Monday (29), Good Friday (26)
    # and Maundy Thursday (25): 24, 23, 22, 19, 18 March
    assert business_days_before(calendar, datetime(2027, 3, 30).date(), 5) == datetime(2027, 3, 18).date()
    flagged = record(flagged=True)
    assert reminder_at(flagged, calendar, 5) == oslo("2027-04-08T08:00").astimezone(UTC)
    assert not wants_reminder(flagged, oslo("2027-04-08T07:59"), calendar, 5)
    assert wants_reminder(flagged, oslo("2027-04-08T08:00"), calendar, 5)
    assert not wants_reminder(record(), oslo("2027-04-08T08:00"), calendar, 5)  # not flagged
    assert not wants_reminder(record((consultation.CONSULTED, "x"), flagged=True), oslo("2027-04-08T09:00"),
                              calendar, 5)
    assert not wants_reminder(record((consultation.REMINDER, ""), flagged=True), oslo("2027-04-09T09:00"),
                              calendar, 5)
    # registered after the reminder's moment: its checklist carried the warning, no reminder
    late = dataclasses.replace(flagged, created_at=oslo("2027-04-08T09:00").astimezone(UTC))
    assert not wants_reminder(late, oslo("2027-04-09T09:00"), calendar, 5)
    # the meeting has begun, or the reminder is switched off
    assert not wants_reminder(flagged, oslo("2027-04-15T10:30"), calendar, 5)
    assert not wants_reminder(flagged, oslo("2027-04-09T09:00"), calendar, 0)
    assert isinstance(calendar, Calendar)


def test_one_reminder_before_a_flagged_meeting_not_yet_consulted_also_across_a_restart(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive(FLAGGED).ref
        other = bot.receive(invitation("Budsjettmøte i visumgruppen", "torsdag 15. april 2027 kl. 13.00–14.00",
                                       "<f2@udi.no>")).ref
        bot.receive(command(f"KONSULTERT {other}", message_id="<k1@udi.no>"))
        (_, checklist), = bot.mails("reply-registered")[:1]
        for moment in ("2027-04-07T15:00", "2027-04-08T07:30"):  # before the day; before office hours
            traveller.move_to(oslo(moment))
            bot.daemon.tick()
        assert bot.mails("consultation-reminder") == []
        traveller.move_to(oslo("2027-04-08T08:01"))
        bot.daemon.tick()
        (receipt, mail), = bot.mails("consultation-reminder")
        assert (receipt.ref, mail["To"], mail["In-Reply-To"]) == (ref, "kari.nordmann@udi.no", checklist["Message-ID"])
        assert mail["Subject"] == f"Konsulter JD før «Budsjett for grensesamarbeidet 2028» [{ref}]"
        lines = text_of(mail).splitlines()
        assert lines[0] == "Hei Kari,"
        assert any("Budsjettmessige konsekvenser" in line for line in lines)
        assert any(line.strip().startswith(f"KONSULTERT {ref} [merknad]") for line in lines)
        assert bot.store.get(ref).events[-1].type == "consultation-reminder"
        # later that day, the next days, and after a restart: no second reminder
        for moment in ("2027-04-08T13:00", "2027-04-09T09:00", "2027-04-12T09:00"):
            traveller.move_to(oslo(moment))
            bot.restart()
            bot.daemon.tick()
        assert len(bot.mails("consultation-reminder")) == 1


@pytest.mark.parametrize("value, ok", [(0, True), (5, True), (60, True), (-1, False), (61, False)])
def test_the_reminder_days_are_checked_at_load(tmp_path, value, ok):
    from mailbot.config import settings
    from mailbot.errors import ConfigError
    path = tmp_path / "mailbot.toml"
    path.write_text(f"[chase]\nconsultation_reminder_days = {value}\n", encoding="utf-8")
    if ok:
        assert settings.load(path).chase.consultation_reminder_days == value
        return
    with pytest.raises(ConfigError) as error:
        settings.load(path)
    assert f"{path}: chase.consultation_reminder_days: expected 0 (no reminder) to 60 business days" in str(error.value)


def test_the_reminder_renders_in_english_with_its_commands():
    from helpers import ROOT

    from mailbot.outbound.rendering import Renderer
    meeting = {"title": "EMN NCP meeting", "forum": "EMN", "oslo": "Thursday 15 April 2027 10:00–12:00",
               "local": "", "location": "Brussels", "online": False, "timezone": "Europe/Brussels",
               "organizer": "", "zone_city": "Brussels"}
    rendered = Renderer(ROOT / "templates").render(
        "consultation", "en", unit="International Unit (INE)", ref="INE-2027-0007", name="Kari Nordmann",
        meeting=meeting, when="Thursday 15 April 2027 10:00–12:00", alone=True,
        reasons=[{"label": "Budget consequences", "excerpt": "budget"}])
    assert rendered.subject == 'Consult the ministry before "EMN NCP meeting" [INE-2027-0007]'
    lines = rendered.text.splitlines()
    assert lines[0] == "Dear Kari,"
    assert '  - Budget consequences ("budget")' in lines and "We were told that UDI attends alone." in lines
    assert any(line.strip().startswith("CONSULTED INE-2027-0007 [note]") for line in lines)
    assert any(line.strip().startswith("NOT-NEEDED INE-2027-0007 <reason>") for line in lines)


@pytest.mark.parametrize("keyword, argument, event, status, greeting", [
    ("ALENE", "", consultation.ALONE, "awaited", "Hei,"),
    ("ALONE", "", consultation.ALONE, "awaited", "Hello,"),
    ("IKKE-ALENE", "JD deltar også", consultation.NOT_ALONE, "awaited", "Hei,"),  # flagged: still awaited
    ("NOT-ALONE", "", consultation.NOT_ALONE, "awaited", "Hello,"),
    ("KONSULTERT", "", consultation.CONSULTED, "consulted", "Hei,"),
    ("CONSULTED", "by phone", consultation.CONSULTED, "consulted", "Hello,"),
    ("IKKE-NØDVENDIG", "bare informasjon", consultation.NOT_NEEDED, "not-needed", "Hei,"),
    ("NOT-NEEDED", "for information only", consultation.NOT_NEEDED, "not-needed", "Hello,"),
])
def test_each_answer_from_the_participant_and_the_unit_and_never_from_others(
        chase_bot, keyword, argument, event, status, greeting):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(FLAGGED).ref
        line = f"{keyword} {ref} {argument}".strip()
        refused = bot.receive(command(line, sender="Per <per.hansen@udi.no>", message_id="<x0@udi.no>"))
        assert (refused.outcome, [e.type for e in bot.store.get(ref).events]) == (
            Outcome.REFUSED, ["received-invitation"])
        for number, sender in enumerate((KARI, f"Anne <{STAFF}>"), start=1):
            result = bot.receive(command(line, sender=sender, message_id=f"<x{number}@udi.no>"))
            assert (result.outcome, result.ref) == (Outcome.COMMAND, ref)
            last = bot.store.get(ref).events[-1]
            who = sender.split("<")[1].rstrip(">")
            assert (last.type, last.detail) == (event, f"{who}: {argument}" if argument else who)
            assert consultation.status(bot.store.get(ref)) == status
            answer = text_of(bot.mails("command-answer")[-1][1]).splitlines()
            assert answer[0] == greeting and answer[2] == f"> {line}"
        in_summary = weekly(bot).summary(oslo("2027-03-01T10:00"))
        sections = {"awaited": in_summary.consultation, "consulted": in_summary.consulted,
                    "not-needed": in_summary.not_needed}
        assert {name: [x.ref for x in lines] for name, lines in sections.items()} == {
            name: [ref] if name == status else [] for name in sections}


def test_a_reminder_stored_but_not_sent_before_a_crash_is_sent_once_after_restart(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive(FLAGGED).ref
        traveller.move_to(oslo("2027-04-08T08:00"))
        remind = next(job for job in bot.daemon.jobs if job.__name__ == "remind")
        remind(datetime.now(UTC))  # the job committed; the process dies before sending
        queued, = bot.store.queued()
        assert (queued.purpose, bot.store.get(ref).events[-1].type) == ("consultation-reminder",
                                                                        "consultation-reminder")
        bot.restart()
        bot.daemon.tick()
        traveller.move_to(oslo("2027-04-09T08:00"))
        bot.daemon.tick()
        assert [(r.purpose, r.message_id) for r, _ in bot.mails("consultation-reminder")] == [
            ("consultation-reminder", queued.message_id)]


def test_the_yearly_overview_counts_the_consultation_as_the_weekly_summary_does():
    from mailbot.reports.overview import consultation as yearly
    assert [yearly(r) for r in (record(), record(flagged=True), record((consultation.ALONE, "x")),
                                record((consultation.NOT_NEEDED, "x"), flagged=True),
                                record((consultation.CONSULTED, "x")))] == [
        "", "awaited", "awaited", "not_needed", "consulted"]


def test_the_records_table_shows_where_the_consultation_stands(tmp_path):
    from mailbot.records.store import Store
    from mailbot.reports.listing import records_table
    store = Store(tmp_path / "s.json")
    try:
        for number, events in enumerate(([], [(consultation.CONSULTED, "x")]), start=1):
            store.put(dataclasses.replace(record(*events, flagged=True), ref=f"INE-2027-000{number}"))
        store.put(dataclasses.replace(record(), ref="INE-2027-0003"))
        store.commit()
        rows = {line.split()[0]: line for line in records_table(store.record_documents()).splitlines()[1:-1]}
        assert " awaited " in rows["INE-2027-0001"] and " consulted " in rows["INE-2027-0002"]
        assert " awaited " not in rows["INE-2027-0003"] and " consulted " not in rows["INE-2027-0003"]
    finally:
        store.close()
