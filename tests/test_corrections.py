"""Corrections by reply: besides the time, the participant or the unit correct the forum
(FORUM), the place (STED/PLACE), the title (TITTEL/TITLE) and the participant (DELTAKER/
PARTICIPANT); each answer says what changed, old -> new; nobody else may."""
import pytest
import time_machine
from helpers import BORDERS, STAFF, forward, oslo, reply, text_of

from mailbot.model import Folder, Outcome

KARI = "Kari <kari.nordmann@udi.no>"


def command(body: str, sender: str = KARI, message_id: str = "<c1@udi.no>") -> bytes:
    return forward(subject="Kommando", sender=sender, body=body, message_id=message_id)


def answer_lines(bot) -> list[str]:
    return text_of(bot.mails("command-answer")[-1][1]).splitlines()


def weekly(bot):
    return next(job.__self__ for job in bot.daemon.jobs if job.__name__ == "send_due")


def test_the_participant_corrects_forum_place_and_title(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(BORDERS).ref
        before = bot.store.get(ref).meeting
        assert (before.forum, before.location, before.timezone) == (
            "COUNCIL", "Justus Lipsius-bygningen, Brussel", "Europe/Brussels")
        (_, checklist), = bot.mails("reply-registered")
        result = bot.receive(reply(checklist, "FORUM EMN\nSTED Tallinn, Estland\nTITTEL EMN NCP-møte i Tallinn\n",
                                   sender=KARI, message_id="<k1@udi.no>"))
        assert (result.outcome, result.folder, result.ref) == (Outcome.COMMAND, Folder.PROCESSED, ref)
        meeting = bot.store.get(ref).meeting
        assert (meeting.forum, meeting.location, meeting.timezone, meeting.title) == (
            "EMN", "Tallinn, Estland", "Europe/Tallinn", "EMN NCP-møte i Tallinn")
        assert meeting.start == before.start  # the instant stays; its local time is Tallinn's now
        assert [(e.type, e.detail) for e in bot.store.get(ref).events[1:]] == [
            ("corrected", "forum: COUNCIL -> EMN"),
            ("corrected", "location: Justus Lipsius-bygningen, Brussel -> Tallinn, Estland"),
            ("corrected", "title: Arbeidsgruppen for grenser -> EMN NCP-møte i Tallinn")]
        lines = answer_lines(bot)
        assert lines[2:12] == [
            "> FORUM EMN", f"Forumet for {ref} er endret fra «COUNCIL» til «EMN».", f"Angre: FORUM {ref} COUNCIL", "",
            "> STED Tallinn, Estland",
            f"Stedet for {ref} er endret fra «Justus Lipsius-bygningen, Brussel» til «Tallinn, Estland».",
            f"Angre: STED {ref} Justus Lipsius-bygningen, Brussel", "",
            "> TITTEL EMN NCP-møte i Tallinn",
            f"Tittelen for {ref} er endret fra «Arbeidsgruppen for grenser» til «EMN NCP-møte i Tallinn»."]
        # the weekly summary shows the record as corrected
        line, = weekly(bot).summary(oslo("2027-03-01T10:00")).open
        assert (line.forum, line.title, line.location, line.timezone) == (
            "EMN", "EMN NCP-møte i Tallinn", "Tallinn, Estland", "Europe/Tallinn")


def test_english_keywords_get_an_english_answer_and_nothing_changes_twice(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(BORDERS).ref
        bot.receive(command(f"TITLE {ref} Working Party on Frontiers",
                            sender=f"Anne <{STAFF}>"))
        lines = answer_lines(bot)
        assert lines[0] == "Hello,"
        assert (f'The title of {ref} changed from "Arbeidsgruppen for grenser" to "Working Party on Frontiers".'
                in lines)
        bot.receive(command(f"TITLE {ref} Working Party on Frontiers\nFORUM {ref} Nowhere Group\nTITLE {ref}",
                            sender=f"Anne <{STAFF}>", message_id="<c2@udi.no>"))
        lines = answer_lines(bot)
        assert f'The title of {ref} is already "Working Party on Frontiers". Nothing has changed.' in lines
        assert any(line.startswith('Not done: we do not know the forum "Nowhere Group". Write one of the codes: ')
                   for line in lines)
        assert "Not done: write the new title after the reference." in lines
        assert bot.store.get(ref).meeting.title == "Working Party on Frontiers"


def test_the_participant_names_another_participant_who_gets_the_checklist(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(BORDERS).ref
        result = bot.receive(command(f"DELTAKER {ref} Per.Hansen@udi.no"))
        assert (result.outcome, result.ref) == (Outcome.COMMAND, ref)
        record = bot.store.get(ref)
        assert (record.participant, record.chase_step) == ("per.hansen@udi.no", 0)
        assert (record.events[-1].type, record.events[-1].detail) == (
            "reassigned", "kari.nordmann@udi.no -> per.hansen@udi.no")
        assert (f"{ref} er gitt fra kari.nordmann@udi.no til per.hansen@udi.no. Begge er varslet; purringen starter "
                "på nytt for per.hansen@udi.no.") in answer_lines(bot)
        (_, new), = bot.mails("notice-assigned")
        assert new["To"] == "per.hansen@udi.no"
        text = text_of(new).splitlines()
        assert any(line.startswith("kari.nordmann@udi.no har oppgitt deg som UDIs deltaker") for line in text)
        assert "Sjekkliste for deltakelsen (IM 2011-013):" in text
        assert any(line.startswith("1. Norske posisjoner:") for line in text)
        assert any(line.startswith("3. Deltar UDI alene på møtet?") for line in text)
        (_, old), = bot.mails("notice-unassigned")
        assert old["To"] == "kari.nordmann@udi.no"
        # the old participant may no longer steer the record; an address outside UDI is refused
        assert bot.receive(command(f"TITTEL {ref} Noe annet", message_id="<c2@udi.no>")).outcome is Outcome.REFUSED
        bot.receive(command(f"DELTAKER {ref} ola@example.org", sender="Per <per.hansen@udi.no>",
                            message_id="<c3@udi.no>"))
        assert "Ikke utført: «ola@example.org» er ikke en e-postadresse i udi.no." in answer_lines(bot)
        assert bot.store.get(ref).participant == "per.hansen@udi.no"


def test_a_correction_from_someone_else_changes_nothing_and_the_unit_is_told(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(BORDERS).ref
        before = bot.store.get(ref)
        result = bot.receive(command(f"FORUM {ref} EMN\nDELTAKER {ref} per.hansen@udi.no",
                                     sender="Per <per.hansen@udi.no>"))
        assert (result.outcome, result.folder) == (Outcome.REFUSED, Folder.NEEDS_ATTENTION)
        assert answer_lines(bot)[3] == (f"Ikke utført: bare Internasjonal enhet (INE) eller deltakeren i {ref} kan gi "
                                        "denne kommandoen. INE er varslet.")
        (_, report), = bot.mails("report-refused")
        assert report["To"] == STAFF
        assert bot.store.get(ref) == before


@pytest.mark.parametrize("keyword, argument, field, value, greeting", [
    ("FORUM", "EMN", "forum", "EMN", "Hei,"),
    ("STED", "Tallinn", "location", "Tallinn", "Hei,"),
    ("PLACE", "Tallinn", "location", "Tallinn", "Hello,"),
    ("TITTEL", "Nytt navn", "title", "Nytt navn", "Hei,"),
    ("TITLE", "New name", "title", "New name", "Hello,"),
    ("DELTAKER", "per.hansen@udi.no", "participant", "per.hansen@udi.no", "Hei,"),
    ("PARTICIPANT", "per.hansen@udi.no", "participant", "per.hansen@udi.no", "Hello,"),
])
def test_each_correction_from_the_participant_and_the_unit_and_never_from_others(
        chase_bot, keyword, argument, field, value, greeting):
    def current(record):
        return record.participant if field == "participant" else getattr(record.meeting, field)

    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(BORDERS).ref
        before = current(bot.store.get(ref))
        line = f"{keyword} {ref} {argument}"
        refused = bot.receive(command(line, sender="Ola <ola.hansen@udi.no>", message_id="<x0@udi.no>"))
        assert (refused.outcome, current(bot.store.get(ref))) == (Outcome.REFUSED, before)
        sender = f"Anne <{STAFF}>" if field == "participant" else KARI
        result = bot.receive(command(line, sender=sender, message_id="<x1@udi.no>"))
        assert (result.outcome, result.ref, current(bot.store.get(ref))) == (Outcome.COMMAND, ref, value)
        answer = answer_lines(bot)
        assert answer[0] == greeting and answer[2] == f"> {line}"
        assert any(before in text and value in text for text in answer[3:4])  # old -> new
        line_in_summary, = weekly(bot).summary(oslo("2027-03-01T10:00")).open
        shown = {"forum": line_in_summary.forum, "location": line_in_summary.location,
                 "title": line_in_summary.title, "participant": line_in_summary.participant}
        assert shown[field] == value
