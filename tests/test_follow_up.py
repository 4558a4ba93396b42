"""A referat's follow-up points as items (IM 2011-013 §4.1): who is responsible and by when, kept on
the record, listed in the weekly summary while open, closed by the unit with UTFØRT/DONE."""
from datetime import date

import pytest
import time_machine
from helpers import BORDERS, STAFF, forward, oslo, parse, reply, text_of

from mailbot.inbound import followups
from mailbot.model import Folder, FollowUp, Outcome, State

MEETING_DAY = date(2027, 3, 24)
REFERAT = ("Hei,\n\nArbeidsgruppen drøftet forslaget til endringer i grenseforordningen. Kommisjonen la fram "
           "en tidsplan, og flere land ba om en konsekvensanalyse.\n\n"
           "Oppfølgingspunkter:\n"
           "- UDI melder inn behov for plasser, frist 15.04.2027. Ansvarlig: Kari Nordmann\n"
           "- INE vurderer deltakelse i piloten innen 1. mai (ansv. Ola Nordmann)\n"
           "- Grenseavdelingen sender kommentarer til per.hansen@udi.no\n\n"
           "Hilsen Kari\n")


@pytest.mark.parametrize(("text", "who", "due"), [
    ("UDI melder inn behov, frist 15.03.2027. Ansvarlig: Kari Nordmann", "Kari Nordmann", date(2027, 3, 15)),
    ("INE vurderer piloten innen 1. april (ansv. Ola Nordmann)", "Ola Nordmann", date(2027, 4, 1)),
    ("Norway replies by 15 March 2027 (Responsible: Per Hansen)", "Per Hansen", date(2027, 3, 15)),
    ("Ansvarlig: Ola Nordmann, frist 2. mai", "Ola Nordmann", date(2027, 5, 2)),
    ("Send comments to Per.Hansen@udi.no before 1 June", "per.hansen@udi.no", date(2027, 6, 1)),
    ("INE følger opp saken.", "", None),
    ("Grenseavdelingen er ansvarlig for oppfølgingen.", "", None),
    ("Ownership of the pilot stays with INE; action by: Grenseavdelingen", "Grenseavdelingen", None),
    # a date that is no deadline: the meeting's own day, "neste møte"
    ("Saken tas opp igjen på neste møte 9. juni.", "", None),
    # a date without a year is the next one after the meeting: January comes after March
    ("Rapport innen 10. januar", "", date(2028, 1, 10)),
])
def test_who_is_responsible_and_the_deadline_are_read_from_a_point(text, who, due):
    assert followups.responsible(text) == who
    assert followups.due(text, MEETING_DAY) == due


def test_points_are_numbered_on_and_a_point_already_kept_is_not_added_twice():
    first = followups.items(("INE svarer JD, frist 1. april.", "UDI sender tall."), MEETING_DAY)
    assert first == (FollowUp(1, "INE svarer JD, frist 1. april.", "", date(2027, 4, 1)),
                     FollowUp(2, "UDI sender tall."))
    more = followups.items(("UDI sender tall.", "Ansvarlig: Ola Nordmann"), MEETING_DAY, first)
    assert [(p.number, p.text, p.responsible) for p in more[2:]] == [(3, "Ansvarlig: Ola Nordmann", "Ola Nordmann")]


def as_message(mail):
    """An :class:`~mailbot.model.OutgoingMail` as the message it sends."""
    return parse(mail.raw.encode())


def command(body: str, sender: str = f"Anne Adviser <{STAFF}>", message_id: str = "<c1@udi.no>") -> bytes:
    return forward(subject="Kommando", sender=sender, body=body, message_id=message_id)


def with_referat(chase_bot, traveller):
    """A record whose referat with three follow-up points came in on Thursday 1 April 2027."""
    bot = chase_bot()
    ref = bot.receive(BORDERS).ref
    traveller.move_to(oslo("2027-03-30T08:00"))
    bot.daemon.tick()
    (_, request), = bot.mails("request")
    traveller.move_to(oslo("2027-04-01T14:00"))
    assert bot.receive(reply(request, REFERAT)).outcome is Outcome.REFERAT
    return bot, ref


def test_the_referat_s_points_become_items_on_the_record(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref = with_referat(chase_bot, traveller)
        record = bot.store.get(ref)
        assert record.state is State.REFERAT_RECEIVED
        assert [(p.number, p.responsible, p.due, p.open) for p in record.follow_ups] == [
            (1, "Kari Nordmann", date(2027, 4, 15), True), (2, "Ola Nordmann", date(2027, 5, 1), True),
            (3, "per.hansen@udi.no", None, True)]
        assert record.follow_ups[0].text == ("UDI melder inn behov for plasser, frist 15.04.2027. "
                                             "Ansvarlig: Kari Nordmann")
        bot.restart()  # the store keeps them
        assert bot.store.get(ref).follow_ups == record.follow_ups


def test_done_from_the_unit_closes_a_point_and_answers_what_changed(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref = with_referat(chase_bot, traveller)
        traveller.move_to(oslo("2027-04-20T10:00"))
        result = bot.receive(command(f"UTFØRT {ref} 2\n\nHilsen Anne"))
        assert (result.outcome, result.folder, result.ref) == (Outcome.COMMAND, Folder.PROCESSED, ref)
        record = bot.store.get(ref)
        point = record.follow_ups[1]
        assert not point.open and point.done_by == STAFF and point.done_at == oslo("2027-04-20T10:00")
        assert [p.open for p in record.follow_ups] == [True, False, True]
        assert (record.events[-1].type, record.events[-1].detail) == ("follow-up-done", f"2 ({STAFF})")
        (_, answer), = bot.mails("command-answer")
        assert answer["To"] == STAFF and answer["In-Reply-To"] == "<c1@udi.no>"
        assert text_of(answer).splitlines()[2:5] == [
            f"> UTFØRT {ref} 2",
            f"Oppfølgingspunkt 2 i {ref} er merket som utført: INE vurderer deltakelse i piloten innen 1. mai "
            "(ansv. Ola Nordmann)",
            f"2 oppfølgingspunkter står fortsatt åpne i {ref}."]
        # STATUS shows the points still open, with the numbers DONE takes
        bot.receive(command(f"STATUS {ref}", message_id="<c-status@udi.no>"))
        (_, status) = bot.mails("command-answer")[1]
        assert [line.strip() for line in text_of(status).splitlines() if "oppfølgingspunkt" in line] == [
            "åpent oppfølgingspunkt 1: UDI melder inn behov for plasser, frist 15.04.2027. Ansvarlig: Kari Nordmann",
            "åpent oppfølgingspunkt 3: Grenseavdelingen sender kommentarer til per.hansen@udi.no"]
        # in English, in the keyword's language; again: nothing changes
        bot.receive(command(f"DONE {ref} 2", message_id="<c2@udi.no>"))
        (_, again) = bot.mails("command-answer")[2]
        assert (f"Follow-up point 2 of {ref} was already marked done by {STAFF} on 20 April 2027. "
                "Nothing has changed.") in text_of(again)
        assert bot.store.get(ref).follow_ups == record.follow_ups
        bot.receive(command(f"DONE {ref} 7", message_id="<c3@udi.no>"))
        (_, missing) = bot.mails("command-answer")[3]
        assert (f"Not done: {ref} has no follow-up point 7. Open points: 1, 3, for example DONE {ref} 1"
                in text_of(missing))
        bot.receive(command(f"DONE {ref} 1\nDONE {ref} 3", message_id="<c4@udi.no>"))
        (_, last) = bot.mails("command-answer")[4]
        assert f"No open follow-up points left on {ref}." in text_of(last)
        assert not any(p.open for p in bot.store.get(ref).follow_ups)


def test_done_from_anyone_else_is_refused_and_the_unit_is_told(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref = with_referat(chase_bot, traveller)
        before = bot.store.get(ref)
        # the participant herself may not close a point: the unit follows up (§4.1)
        for number, sender in enumerate(("Kari Nordmann <kari.nordmann@udi.no>", "Per <per.hansen@udi.no>")):
            result = bot.receive(command(f"UTFØRT {ref} 1", sender=sender, message_id=f"<x{number}@udi.no>"))
            assert (result.outcome, result.folder) == (Outcome.REFUSED, Folder.NEEDS_ATTENTION)
        assert bot.store.get(ref) == before
        answers = [text_of(m) for _, m in bot.mails("command-answer")]
        assert all("Ikke utført: bare Internasjonal enhet (INE) kan gi denne kommandoen. INE er varslet." in a
                   for a in answers) and len(answers) == 2
        assert len(bot.mails("report-refused")) == 2


def test_the_weekly_summary_lists_the_open_points_per_forum(chase_bot):
    import dataclasses

    import html5lib
    from helpers import html_of

    from mailbot import app
    from mailbot.config.settings import SummaryConfig
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref = with_referat(chase_bot, traveller)
        traveller.move_to(oslo("2027-04-20T10:00"))
        bot.receive(command(f"UTFØRT {ref} 2"))
        weekly = app.build(bot.config, bot.store).weekly
        summary = weekly.summary(oslo("2027-04-20T10:00"))
        (forum, found), = summary.follow_ups
        assert forum == "COUNCIL" and summary.open_points == 2
        assert [(p.ref, p.number, p.responsible, p.overdue) for p in found] == [
            (ref, 1, "Kari Nordmann", True), (ref, 3, "per.hansen@udi.no", False)]  # due first, none last
        lines = text_of(as_message(weekly.mail(oslo("2027-04-20T10:00"), cause="test-nb"))).splitlines()
        start = lines.index("8. ÅPNE OPPFØLGINGSPUNKTER (2)")
        assert lines[start + 1:start + 5] == [
            "COUNCIL (2):",
            f"- {ref} nr. 1  UDI melder inn behov for plasser, frist 15.04.2027. Ansvarlig: Kari Nordmann  "
            "ansvarlig: Kari Nordmann  frist 15.04.2027 (PASSERT)",
            f"- {ref} nr. 3  Grenseavdelingen sender kommentarer til per.hansen@udi.no  ansvarlig: per.hansen@udi.no",
            "Lukk et punkt ved å svare med UTFØRT <referanse> <nummer>."]
        html = html_of(as_message(weekly.mail(oslo("2027-04-20T10:00"), cause="test-nb-html")))
        html5lib.HTMLParser(strict=True).parse(html)
        assert "8. Åpne oppfølgingspunkter" in html and f"{ref} nr. 3" in html and f"{ref} nr. 2" not in html
        assert '<strong style="color:#b42318;">frist 15.04.2027</strong>' in html
        # the workbook's second sheet: one row per open point
        import io

        import openpyxl
        workbook = next(part for part in as_message(weekly.mail(oslo("2027-04-20T10:00"), cause="x")).iter_attachments()
                        if part.get_filename().endswith(".xlsx"))
        sheet = openpyxl.load_workbook(io.BytesIO(workbook.get_payload(decode=True)))["open follow-up points"]
        assert [[c.value for c in row] for row in sheet.iter_rows()] == [
            ["ref", "forum", "title", "number", "text", "responsible", "due", "overdue"],
            [ref, "COUNCIL", "Arbeidsgruppen for grenser", 1, found[0].text, "Kari Nordmann", "2027-04-15", True],
            [ref, "COUNCIL", "Arbeidsgruppen for grenser", 3, found[1].text, "per.hansen@udi.no", None, False]]
        english = app.build(dataclasses.replace(bot.config, summary=SummaryConfig(enabled=False, language="en")),
                            bot.store).weekly
        text = text_of(as_message(english.mail(oslo("2027-04-20T10:00"), cause="test-en")))
        assert "8. OPEN FOLLOW-UP POINTS (2)" in text and "responsible: Kari Nordmann  due 2027-04-15 (OVERDUE)" in text
        # all closed: the section says so
        bot.receive(command(f"DONE {ref} 1\nDONE {ref} 3", message_id="<c9@udi.no>"))
        lines = text_of(as_message(weekly.mail(oslo("2027-04-20T11:00"), cause="test-none"))).splitlines()
        start = lines.index("8. ÅPNE OPPFØLGINGSPUNKTER (0)")
        assert lines[start + 1] == "Ingen."


def test_retention_and_erasure_reach_the_points_names(chase_bot, tmp_path):
    from mailbot.config.retention import RetentionConfig
    from mailbot.records import person, retention
    from mailbot.records.directory import Directory
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref = with_referat(chase_bot, traveller)
        traveller.move_to(oslo("2027-04-20T10:00"))
        bot.receive(command(f"UTFØRT {ref} 3"))
        directory = Directory.load(tmp_path / "departments.toml")
        # per.hansen@udi.no is named by a point: an access request finds the record, erasure removes him
        now = oslo("2027-05-03T10:00")
        assert [r["ref"] for r in person.export(bot.store, "Per.Hansen@udi.no", now)["records"]] == [ref]
        person.erase(bot.store, "per.hansen@udi.no", directory, now)
        erased = bot.store.get(ref).follow_ups[2]
        assert erased.responsible.startswith("person-") and erased.done_by == STAFF
        assert person.export(bot.store, "per.hansen@udi.no", now)["records"] == []
        # 24 months after the record closed, no point keeps a text or a name; the count stays
        retention.purge(bot.store, RetentionConfig(), directory, oslo("2029-06-01T10:00"))
        points = bot.store.get(ref).follow_ups
        assert len(points) == 3 and {(p.text, p.responsible, p.done_by) for p in points} == {("", "", "")}
        assert [p.open for p in points] == [True, True, False] and points[0].due == date(2027, 4, 15)
