"""The chase for the referat over a simulated year, on a moved clock: exact send times around
Easter, 17 May, the DST changes and Christmas; no duplicate after restarts, double ticks and
clock jumps."""
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from helpers import OSLO, STAFF, html_of, invitation, oslo, text_of

from mailbot.model import State

STEPS = ("request", "reminder-1", "reminder-2", "escalation")
EASTER = invitation("Påskemøtet", "onsdag 24. mars 2027 kl. 10.00–12.00", "<inv@udi.no>")  # referat due 30 March


def sent(bot) -> dict[str, list[tuple[str, str]]]:
    """Per record: (step, Oslo time with offset) of every chase mail sent."""
    found: dict[str, list[tuple[str, str]]] = {}
    for receipt, _ in bot.mails(*STEPS):
        found.setdefault(receipt.ref, []).append((receipt.purpose, receipt.sent_at.astimezone(OSLO).isoformat()))
    return found


def run_until(bot, traveller, start: datetime, end: datetime, step=timedelta(minutes=15)) -> None:
    moment = start
    while moment <= end:
        traveller.move_to(moment)
        bot.daemon.tick()
        moment += step


MEETINGS = [  # title, meeting as written, the steps expected (Oslo time)
    ("Påskemøtet", "onsdag 24. mars 2027 kl. 10.00–12.00",
     # Maundy Thursday to Easter Monday are holidays; summer time starts on Easter Sunday
     ["2027-03-30T08:00:00+02:00", "2027-04-06T08:00:00+02:00", "2027-04-13T08:00:00+02:00",
      "2027-04-20T08:00:00+02:00"]),
    ("Maimøtet", "onsdag 5. mai 2027 kl. 10.00–12.00",
     # Ascension Day 6 May; 17 May is also Whit Monday
     ["2027-05-07T08:00:00+02:00", "2027-05-14T08:00:00+02:00", "2027-05-24T08:00:00+02:00",
      "2027-05-31T08:00:00+02:00"]),
    ("Høstmøtet", "torsdag 28. oktober 2027 kl. 10.00–12.00",
     # summer time ends on Sunday 31 October: 08:00 is 06:00 UTC before, 07:00 UTC after
     ["2027-10-29T08:00:00+02:00", "2027-11-05T08:00:00+01:00", "2027-11-12T08:00:00+01:00",
      "2027-11-19T08:00:00+01:00"]),
    ("Julemøtet", "fredag 17. desember 2027 kl. 10.00–12.00",
     # 24 and 31 December are closed, 25 and 26 December and 1 January fall on a weekend
     ["2027-12-20T08:00:00+01:00", "2027-12-28T08:00:00+01:00", "2028-01-05T08:00:00+01:00",
      "2028-01-12T08:00:00+01:00"]),
]


@pytest.mark.slow
def test_a_year_of_chasing_sends_each_step_once_at_office_opening_on_business_days(chase_bot):
    with time_machine.travel(oslo("2027-02-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        refs = [bot.receive(invitation(title, when, f"<inv-{n}@udi.no>")).ref for n, (title, when, _) in
                enumerate(MEETINGS)]
        run_until(bot, traveller, oslo("2027-02-01T09:15"), oslo("2027-04-08T11:00"))
        bot.restart()  # in the middle of the Easter chase
        run_until(bot, traveller, oslo("2027-04-08T11:00"), oslo("2027-10-29T08:00"))
        bot.restart()  # on the very minute a request went out
        run_until(bot, traveller, oslo("2027-10-29T08:00"), oslo("2028-01-31T16:00"))
        got = sent(bot)
        for ref, (_, _, expected) in zip(refs, MEETINGS, strict=True):
            assert got[ref] == list(zip(STEPS, expected, strict=True)), ref
            record = bot.store.get(ref)
            assert record.state is State.AWAITING_REFERAT and record.due_at is None and record.chase_step == 4
        assert len(bot.sender.paths()) == len(MEETINGS) * 5  # checklist reply and four steps each
        escalation = bot.mails("escalation")[0][1]
        assert escalation["To"] == STAFF
        assert escalation["Cc"] == "kari.nordmann@udi.no, leder.aua@udi.no"  # the participant's manager
        assert escalation["Subject"] == f"Referat mangler: «Påskemøtet» [{refs[0]}]"
        assert escalation["Auto-Submitted"] == "auto-generated"
        text = text_of(escalation)
        assert "er ikke kommet inn, 15 virkedager" in text
        assert "Vi ba om referatet 30. mars 2027 og minnet om det 6. april 2027 og 13. april 2027." in text


def test_the_request_text_and_the_next_date_it_announces(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive(EASTER).ref
        traveller.move_to(oslo("2027-03-30T08:00"))
        bot.daemon.tick()
        (_receipt, request), = bot.mails("request")
        assert request["To"] == "kari.nordmann@udi.no"
        assert request["Subject"] == f"Referat fra «Påskemøtet» [{ref}]"
        assert request["X-Mailbot-Ref"] == ref
        text = text_of(request)
        assert "Møtet «Påskemøtet» er over, og vi ber om referatet ditt." in text
        assert "- Arkiver referatet i UdiSak sammen med dagsorden og posisjoner." in text
        assert "Kommer ikke referatet inn, minner vi deg på det igjen 6. april 2027." in text
        assert "<li>Arkiver referatet i UdiSak sammen med dagsorden og posisjoner.</li>" in html_of(request)


def test_double_ticks_clock_jumps_and_downtime_never_send_twice(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive(EASTER).ref
        traveller.move_to(oslo("2027-03-30T08:00"))
        bot.daemon.tick()
        bot.daemon.tick()  # two ticks at the same moment
        traveller.move_to(oslo("2027-03-29T08:00"))  # the clock jumps back a day
        bot.daemon.tick()
        traveller.move_to(oslo("2027-03-30T08:00"))
        bot.daemon.tick()
        assert [r.purpose for r, _ in bot.mails(*STEPS)] == ["request"]
        # down from before reminder 1 (6 April) until after reminder 2 was due (13 April): one mail
        # at the next tick, and reminder 2 keeps its distance of five business days from it
        traveller.move_to(oslo("2027-04-16T13:37"))
        bot.daemon.tick()
        bot.daemon.tick()
        assert sent(bot)[ref] == [("request", "2027-03-30T08:00:00+02:00"), ("reminder-1", "2027-04-16T13:37:00+02:00")]
        assert bot.store.get(ref).due_at == oslo("2027-04-23T08:00")


def test_a_step_stored_but_not_sent_before_a_crash_is_sent_once_after_restart(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        bot.receive(EASTER)
        traveller.move_to(oslo("2027-03-30T08:00"))
        bot.daemon.jobs[0](datetime.now(UTC))  # the job committed; the process dies before sending
        queued, = bot.store.queued()
        bot.restart()
        bot.daemon.tick()
        bot.daemon.tick()
        assert [(r.purpose, r.message_id) for r, _ in bot.mails(*STEPS)] == [("request", queued.message_id)]


@pytest.mark.parametrize("when, expected", [
    # a meeting ending on a Friday afternoon: Monday at opening
    ("fredag 9. april 2027 kl. 13.00–16.30", "2027-04-12T08:00:00+02:00"),
    # a meeting on 30 April: 1 May (Saturday) and the weekend pass, Monday 3 May
    ("fredag 30. april 2027 kl. 09.00–10.00", "2027-05-03T08:00:00+02:00"),
])
def test_the_request_goes_out_on_the_first_business_day_after_the_meeting(chase_bot, when, expected):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive(invitation("Møtet", when, "<inv@udi.no>")).ref
        run_until(bot, traveller, oslo("2027-04-09T07:00"), oslo("2027-05-04T18:00"), timedelta(minutes=5))
        assert sent(bot)[ref][0] == ("request", expected)


def test_no_chase_mail_outside_office_hours_or_on_a_closed_day(chase_bot):
    with time_machine.travel(oslo("2027-12-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive(invitation("Julemøtet", "torsdag 23. desember 2027 kl. 09.00–11.00", "<inv@udi.no>")).ref
        for moment in ("2027-12-23T15:59", "2027-12-24T08:00", "2027-12-24T10:00", "2027-12-27T07:59",
                       "2027-12-27T16:00", "2027-12-28T07:59"):
            traveller.move_to(oslo(moment))
            bot.daemon.tick()
        record = bot.store.get(ref)
        assert record.state is State.AWAITING_REFERAT  # the meeting has ended, at 11:00 on 23 December
        assert record.events[-1].type == "meeting-ended" and record.events[-1].at == oslo("2027-12-23T15:59")
        # the request was due on Monday 27 December at 08:00, but the ticks that day were at 07:59
        # and 16:00, outside office hours: it waits for the next opening
        assert sent(bot) == {}
        traveller.move_to(oslo("2027-12-28T08:00"))
        bot.daemon.tick()
        assert sent(bot)[ref] == [("request", "2027-12-28T08:00:00+01:00")]


def test_an_english_speaking_participant_is_chased_in_english_and_escalated_to_the_unit_in_its_language(chase_bot):
    from helpers import forward
    body = ("I will attend.\n\nFrom: Secretariat <secretariat@consilium.europa.eu>\n"
            "Sent: Monday, February 1, 2027 3:20 PM\nTo: Kari Nordmann <kari.nordmann@udi.no>\n"
            "Subject: Easter working party\n\nThe working party meets on Wednesday 24 March 2027, 10:00-12:00.\n"
            "The meeting is held in the Justus Lipsius building, Brussels.\n")
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive(forward(subject="FW: Easter working party", body=body, message_id="<en@udi.no>")).ref
        assert bot.store.get(ref).language == "en"
        run_until(bot, traveller, oslo("2027-03-30T07:45"), oslo("2027-04-20T16:00"), step=timedelta(hours=6))
        (_, request), = bot.mails("request")
        assert request["Subject"] == f'Minutes of "Easter working party" [{ref}]'
        (_, escalation), = bot.mails("escalation")
        assert escalation["To"] == STAFF
        assert escalation["Subject"] == f"Referat mangler: «Easter working party» [{ref}]"
        text = text_of(escalation)
        assert "Vi ba om referatet 30. mars 2027" in text
        assert "onsdag 24. mars 2027" in text and "Wednesday" not in text  # the meeting in the unit's words
