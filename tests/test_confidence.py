"""Confidence instead of invention: the parse says where each meeting field was read (calendar,
forwarded header block, free text) and which other days a time read from text allows; the
checklist reply then asks the participant to confirm or correct it in one line (TID/TIME)."""
from datetime import date

import pytest
import time_machine
from helpers import BORDERS, forward, invitation, oslo, reply, text_of

from mailbot.config import settings
from mailbot.model import Outcome
from mailbot.parsing.parser import Parser

KARI = "Kari <kari.nordmann@udi.no>"


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser.from_config(settings.load(None))


def english(body_line: str, message_id: str = "<en-1@udi.no>") -> bytes:
    body = ("FYI, I will attend.\n\nFrom: Secretariat <secretariat@example.org>\n"
            "Sent: Monday, February 1, 2027 3:20 PM\nTo: Kari Nordmann <kari.nordmann@udi.no>\n"
            f"Subject: Expert meeting on returns\n\n{body_line}\nThe meeting will be held in Brussels.\n")
    return forward(subject="FW: Expert meeting on returns", body=body, message_id=message_id)


def test_a_slashed_date_whose_day_and_month_can_swap_is_uncertain(parser):
    parsed = parser.parse(english("The expert meeting takes place on 03/04/2027, 10:00-12:00."))
    assert parsed.meeting.start == oslo("2027-04-03T10:00")  # day first, as in Europe
    assert parsed.sources.time == "free_text"
    assert parsed.sources.alternatives == (date(2027, 3, 4),)
    assert parsed.sources.certain is False
    assert parsed.to_json()["sources"]["alternatives"] == ["2027-03-04"]


@pytest.mark.parametrize("written", ["03.04.2027", "3 April 2027", "2027-04-03", "13/04/2027"])
def test_dates_that_allow_one_reading_are_certain(parser, written):
    parsed = parser.parse(english(f"The expert meeting takes place on {written}, 10:00-12:00."))
    assert parsed.meeting.start.date() in (date(2027, 4, 3), date(2027, 4, 13))
    assert (parsed.sources.time, parsed.sources.alternatives, parsed.sources.certain) == ("free_text", (), True)


def test_two_dates_that_both_look_like_the_meeting_are_uncertain(parser):
    text = ("The expert meeting will take place on 4 March 2027 at 10:00.\n"
            "The expert meeting will take place on 11 March 2027 at 10:00 if the room is not free.")
    parsed = parser.parse(english(text))
    assert parsed.meeting.start == oslo("2027-03-04T10:00")
    assert parsed.sources.alternatives == (date(2027, 3, 11),)


def test_a_deadline_or_dinner_on_another_day_leaves_the_meeting_day_certain(parser):
    text = ("The expert meeting will take place on 4 March 2027, 10:00-16:00.\n"
            "Please register by 20 February 2027. A dinner is offered on 3 March 2027 at 19:30.")
    parsed = parser.parse(english(text))
    assert parsed.meeting.start == oslo("2027-03-04T10:00")
    assert parsed.sources.certain


def test_where_each_field_was_read(parser):
    text_only = parser.parse(BORDERS).sources
    assert (text_only.title, text_only.time, text_only.location, text_only.organizer, text_only.timezone) == (
        "subject", "free_text", "free_text", "forwarded_header", "place")
    when_line = ("Jeg deltar.\n\nFra: Sekretariatet <sekretariat@example.org>\nSendt: 1. februar 2027 15:20\n"
                 "Til: Kari Nordmann <kari.nordmann@udi.no>\nEmne: Arbeidsgruppen for grenser\n"
                 "Når: 24. mars 2027 10:00-12:00 (UTC+01:00) Brussel, København, Madrid, Paris.\n"
                 "Hvor: Justus Lipsius, Brussel\n\nVel møtt.\n")
    header = parser.parse(forward(body=when_line)).sources
    assert (header.time, header.location, header.certain) == ("forwarded_header", "forwarded_header", True)


def test_calendar_fields_come_from_the_calendar(parser):
    from helpers import corpus_case
    parsed = parser.parse((corpus_case("03") / "message.eml").read_bytes())
    sources = parsed.sources
    assert (sources.title, sources.time, sources.organizer, sources.certain) == (
        "calendar", "calendar", "calendar", True)


def test_the_reply_asks_to_confirm_and_a_one_line_answer_confirms(chase_bot):
    with time_machine.travel(oslo("2027-02-02T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(english("The expert meeting takes place on 03/04/2027, 10:00-12:00.")).ref
        record = bot.store.get(ref)
        assert [(e.type, e.detail) for e in record.events if e.type == "time-uncertain"] == [
            ("time-uncertain", "2027-03-04")]
        (_, checklist), = bot.mails("reply-registered")
        text = text_of(checklist)
        assert "which can also be read as 4 March 2027" in text
        assert f"TIME {ref} 03.04.2027 10:00-12:00   (right as registered)" in text
        assert f"TIME {ref} 04.03.2027 10:00-12:00   (the meeting is on 4 March 2027)" in text
        bot.receive(reply(checklist, f"TIME {ref} 03.04.2027 10:00-12:00", sender=KARI, message_id="<t1@udi.no>"))
        answer = text_of(bot.mails("command-answer")[-1][1])
        assert f"The meeting time of {ref} is confirmed" in answer
        record = bot.store.get(ref)
        assert record.meeting.start == oslo("2027-04-03T10:00")
        assert record.events[-1].type == "time-confirmed"
        # a second TIME with the same time is no confirmation any more, just nothing changed
        bot.receive(reply(checklist, f"TIME {ref} 03.04.2027 10:00-12:00", sender=KARI, message_id="<t2@udi.no>"))
        assert "Nothing has changed" in text_of(bot.mails("command-answer")[-1][1])


def test_the_other_reading_in_one_line_moves_the_meeting(chase_bot):
    with time_machine.travel(oslo("2027-02-02T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(english("The expert meeting takes place on 03/04/2027, 10:00-12:00.")).ref
        (_, checklist), = bot.mails("reply-registered")
        result = bot.receive(reply(checklist, f"TIME {ref} 04.03.2027 10:00-12:00", sender=KARI,
                                   message_id="<t1@udi.no>"))
        assert result.outcome is Outcome.COMMAND
        record = bot.store.get(ref)
        assert (record.meeting.start, record.meeting.end) == (oslo("2027-03-04T10:00"), oslo("2027-03-04T12:00"))
        assert record.due_at is not None and record.due_at < oslo("2027-04-03T10:00")  # the chase follows it


def test_a_certain_time_gets_no_confirm_line_and_norwegian_gets_it_in_norwegian(chase_bot):
    with time_machine.travel(oslo("2027-02-02T09:00"), tick=False):
        bot = chase_bot()
        bot.receive(BORDERS)
        (_, checklist), = bot.mails("reply-registered")
        assert "TID " not in text_of(checklist) and "kan også leses som" not in text_of(checklist)
        doubtful = invitation("Arbeidsgruppen for visum", "den 05/06/2027 kl. 10.00–12.00", "<inv-2@udi.no>")
        ref = bot.receive(doubtful).ref
        text = text_of(bot.mails("reply-registered")[-1][1])
        assert "og teksten kan også leses som 6. mai 2027" in text
        assert f"TID {ref} 06.05.2027 10:00-12:00   (møtet er 6. mai 2027)" in text
