"""Email commands: the unit's staff and the participant steer records; nobody else can."""
import dataclasses

import pytest
import time_machine
from helpers import BORDERS, ROOT, STAFF, edit, forward, html_of, invitation, oslo, parse, reply, text_of

from mailbot.inbound import commands
from mailbot.model import Folder, Meeting, Outcome, State

CHASE = ("request", "reminder-1", "reminder-2", "escalation")


def command(body: str, sender: str = f"Anne Adviser <{STAFF}>", message_id: str = "<c1@udi.no>",
            subject: str = "Kommando") -> bytes:
    return forward(subject=subject, sender=sender, body=body, message_id=message_id)


def registered(chase_bot):
    bot = chase_bot()
    ref = bot.receive(BORDERS).ref
    return bot, ref


def test_only_command_lines_at_the_top_count():
    found = commands.parse_commands(
        "UNNTAK INE-2027-0001 Avtalt med INE før møtet\n\nSTATUS\nHei\nAVLYS INE-2027-0002\n")
    assert [(c.verb, c.ref, c.argument) for c in found] == [
        ("exempt", "INE-2027-0001", "Avtalt med INE før møtet"), ("status", None, "")]
    assert commands.parse_commands("Hei,\nUNNTAK INE-2027-0001 grunn\n") == []
    assert commands.parse_commands("> UNNTAK INE-2027-0001 grunn\n") == []
    assert commands.parse_commands("Status\nReferat fra møtet ...") == []  # a heading, not a command
    assert [c.verb for c in commands.parse_commands("OVERFØR INE-2027-0001 ola@udi.no")] == ["reassign"]


def test_an_exemption_from_the_unit_stops_the_chase(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref = registered(chase_bot)
        traveller.move_to(oslo("2027-03-31T10:00"))
        bot.daemon.tick()  # the first tick after the request was due (30 March 08:00) sends it
        result = bot.receive(command(f"UNNTAK {ref} Avtalt med INE før møtet; muntlig orientering holder.\n\n"
                                     "Hilsen Anne"))
        assert (result.outcome, result.folder, result.ref) == (Outcome.COMMAND, Folder.PROCESSED, ref)
        record = bot.store.get(ref)
        assert record.state is State.EXEMPTED and record.due_at is None
        assert record.events[-1].type == "exempted"
        assert record.events[-1].detail == f"Avtalt med INE før møtet; muntlig orientering holder. ({STAFF})"
        (_, answer), = bot.mails("command-answer")
        assert answer["To"] == STAFF and answer["In-Reply-To"] == "<c1@udi.no>"
        assert f"Unntatt fra referatplikten: {ref}." in text_of(answer)
        (_, notice), = bot.mails("notice-exempted")
        assert notice["To"] == "kari.nordmann@udi.no"
        assert "Begrunnelse: Avtalt med INE før møtet; muntlig orientering holder." in text_of(notice)
        for moment in ("2027-04-07T08:00", "2027-04-14T08:00", "2027-04-21T08:00", "2027-05-03T08:00"):
            traveller.move_to(oslo(moment))
            bot.daemon.tick()
        assert [r.purpose for r, _ in bot.mails(*CHASE)] == ["request"]


def test_a_command_from_outside_the_allow_list_changes_nothing_and_the_unit_is_told(chase_bot):
    with time_machine.travel(oslo("2027-03-30T09:00"), tick=False):
        bot, ref = registered(chase_bot)
        bot.daemon.tick()
        before = bot.store.get(ref)
        # a colleague in UDI who is not on the unit's staff
        result = bot.receive(command(f"UNNTAK {ref} Jeg trenger ikke skrive referat\nAVLYS {ref}",
                                     sender="Per <per.hansen@udi.no>"))
        assert (result.outcome, result.folder) == (Outcome.REFUSED, Folder.NEEDS_ATTENTION)
        (_, answer), = bot.mails("command-answer")
        assert answer["To"] == "per.hansen@udi.no"
        # each refusal names who may give that command: an exemption only the unit
        assert text_of(answer).splitlines()[2:9] == [
            f"> UNNTAK {ref} Jeg trenger ikke skrive referat",
            "Ikke utført: bare Internasjonal enhet (INE) kan gi denne kommandoen. INE er varslet.", "",
            f"> AVLYS {ref}",
            (f"Ikke utført: bare Internasjonal enhet (INE) eller deltakeren i {ref} kan gi denne kommandoen. "
             "INE er varslet."), "", "Vennlig hilsen"]
        (_, report), = bot.mails("report-refused")
        assert report["To"] == STAFF
        assert text_of(report).splitlines()[2:5] == [
            "per.hansen@udi.no har ikke lov til å gi disse kommandoene. Ingenting er endret:",
            f"  UNNTAK {ref} Jeg trenger ikke skrive referat", f"  AVLYS {ref}"]
        # someone outside UDI, and a command that failed DMARC: the guards stop them, no answer
        outsider = bot.receive(command(f"AVLYS {ref}", sender="Mallory <mallory@example.org>", message_id="<c2@x>"))
        dmarc_fail = "Authentication-Results: mx.udi.no; dmarc=fail header.from=udi.no\n"
        spoofed = bot.receive(forward(sender=f"Anne <{STAFF}>", body=f"AVLYS {ref}\n", message_id="<c3@udi.no>",
                                      extra_headers=dmarc_fail))
        assert [outsider.outcome, spoofed.outcome] == [Outcome.REJECTED, Outcome.REJECTED]
        # the participant may cancel, but not exempt
        own = bot.receive(command(f"UNNTAK {ref} Ingen grunn", sender="Kari <kari.nordmann@udi.no>",
                                  message_id="<c4@udi.no>"))
        assert own.outcome is Outcome.REFUSED
        assert ("Ikke utført: bare Internasjonal enhet (INE) kan gi denne kommandoen. INE er varslet."
                in text_of(bot.mails("command-answer")[-1][1]).splitlines())
        after = bot.store.get(ref)
        assert (after.state, after.due_at, after.chase_step) == (before.state, before.due_at, before.chase_step)
        assert len(bot.mails("command-answer")) == 2 and len(bot.mails("report-refused")) == 2


def test_an_adviser_writing_from_the_functional_mailbox_commands_like_the_unit(chase_bot):
    with time_machine.travel(oslo("2027-03-30T09:00"), tick=False):
        bot, ref = registered(chase_bot)
        (_, checklist), = bot.mails()
        mailbox = '"Internasjonal enhet (INE)" <ine@udi.no>'
        result = bot.receive(reply(checklist, f"UNNTAK {ref} Deltok bare som observatør\n", sender=mailbox,
                                   message_id="<m1@udi.no>"))
        assert (result.outcome, result.folder, result.ref) == (Outcome.COMMAND, Folder.PROCESSED, ref)
        record = bot.store.get(ref)
        assert (record.state, record.due_at) == (State.EXEMPTED, None)
        assert record.events[-1].detail == "Deltok bare som observatør (ine@udi.no)"
        (_, answer), = bot.mails("command-answer")
        assert answer["To"] == "ine@udi.no" and f"Unntatt fra referatplikten: {ref}." in text_of(answer)
        (_, notice), = bot.mails("notice-exempted")
        assert notice["To"] == "kari.nordmann@udi.no"
        # mailbot's answer and notice coming back into the mailbox are its own, even with the
        # X-Mailbot-Ref header dropped on the way (its Message-ID has mailbot's form)
        stripped = parse(answer.as_bytes())
        del stripped["X-Mailbot-Ref"]
        assert bot.receive(stripped.as_bytes()).outcome is Outcome.OWN
        assert bot.receive(notice.as_bytes()).outcome is Outcome.OWN
        # the shared mailbox's out-of-office reply is automatic: never answered
        away = reply(answer, f"AVLYS {ref}\n", sender=mailbox, message_id="<m2@udi.no>",
                     headers={"Auto-Submitted": "auto-replied"})
        assert bot.receive(away).outcome is Outcome.AUTOMATIC
        assert len(bot.mails()) == 3 and bot.store.get(ref).state is State.EXEMPTED
        # anything else from the mailbox (a note, a forwarded invitation): a human, no reply to itself
        note = bot.receive(reply(checklist, "Vi følger opp dette.\n", sender=mailbox, message_id="<m3@udi.no>"))
        assert (note.outcome, note.folder, note.ref) == (Outcome.NOT_UNDERSTOOD, Folder.NEEDS_ATTENTION, ref)
        assert len(bot.mails()) == 3 and bot.store.get(ref).referat is None


def test_the_participant_corrects_the_time_in_a_reply_and_every_due_date_moves(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot, ref = registered(chase_bot)
        (_, checklist), = bot.mails()
        assert bot.store.get(ref).due_at == oslo("2027-03-30T08:00")  # after Easter
        result = bot.receive(reply(checklist, "TID 14.04.2027 13:00-15:30\n\nMøtet ble flyttet.\n",
                                   message_id="<t1@udi.no>"))
        assert result.outcome is Outcome.COMMAND
        record = bot.store.get(ref)
        assert record.meeting.start == oslo("2027-04-14T13:00") and record.meeting.end == oslo("2027-04-14T15:30")
        assert record.due_at == oslo("2027-04-15T08:00")
        assert record.events[-1].type == "corrected"
        (_, answer), = bot.mails("command-answer")
        assert ("Møtetiden for INE-2027-0001 er endret fra onsdag 24. mars 2027 kl. 10.00–12.00 til "
                "onsdag 14. april 2027 kl. 13.00–15.30.") in " ".join(text_of(answer).split())
        assert f"Angre: TID {ref} 24.03.2027 10:00-12:00" in text_of(answer)  # the old time, as TID takes it
        bot.receive(reply(checklist, f"TID {ref} 24.03.2027 10:00-12:00\n", message_id="<t2@udi.no>"))
        restored = bot.store.get(ref)
        assert (restored.meeting.start, restored.meeting.end) == (oslo("2027-03-24T10:00"), oslo("2027-03-24T12:00"))
        assert restored.due_at == oslo("2027-03-30T08:00")


@pytest.mark.parametrize(("start", "end", "all_day", "written"), [
    ("2027-01-20T10:00", "2027-01-20T12:30", False, "20.01.2027 10:00-12:30"),
    ("2027-01-20T10:00", "2027-01-21T12:30", False, "20.01.2027 10:00 - 21.01.2027 12:30"),
    ("2027-03-09T00:00", "2027-03-11T00:00", True, "09.03.2027 - 10.03.2027"),
    ("2027-03-09T00:00", "2027-03-10T00:00", True, "09.03.2027"),
])
def test_the_undo_line_writes_the_old_time_as_the_time_command_reads_it(start, end, all_day, written):
    from mailbot.inbound.commands import corrected
    from mailbot.outbound.rendering import command_time
    meeting = Meeting(title="x", start=oslo(start), end=oslo(end), timezone="Europe/Oslo", all_day=all_day)
    assert command_time(meeting) == written
    moved = dataclasses.replace(meeting, start=oslo("2027-06-01T09:00"), end=oslo("2027-06-01T10:00"), all_day=False)
    back = corrected(moved, written, oslo("2027-01-04T09:00").date())
    assert (back.start, back.end, back.all_day) == (meeting.start, meeting.end, all_day)


def test_the_participant_cancels_and_a_cancelled_invitation_stops_the_chase(chase_bot):
    with time_machine.travel(oslo("2027-03-30T09:00"), tick=False) as traveller:
        bot, ref = registered(chase_bot)
        bot.daemon.tick()
        (_, request), = bot.mails("request")
        result = bot.receive(reply(request, "AVLYS\n\nMøtet ble avlyst i siste liten.", message_id="<a1@udi.no>"))
        assert result.outcome is Outcome.COMMAND
        assert bot.store.get(ref).state is State.CANCELLED and bot.store.get(ref).due_at is None
        assert "Avsluttet som avlyst: INE-2027-0001." in text_of(bot.mails("command-answer")[0][1])
        assert bot.mails("notice-cancelled") == []  # the participant did it: no notice to themselves
        traveller.move_to(oslo("2027-04-06T08:00"))
        bot.daemon.tick()
        assert [r.purpose for r, _ in bot.mails(*CHASE)] == ["request"]


def test_reassign_and_status_by_the_unit(chase_bot):
    with time_machine.travel(oslo("2027-03-30T09:00"), tick=False) as traveller:
        bot, ref = registered(chase_bot)
        bot.daemon.tick()
        (_, _request), = bot.mails("request")
        bad = bot.receive(command(f"OVERFØR {ref} someone@example.org", message_id="<x1@udi.no>"))
        assert bad.outcome is Outcome.COMMAND and bot.store.get(ref).participant == "kari.nordmann@udi.no"
        result = bot.receive(command(f"OVERFØR {ref} Ola.Nordmann@udi.no\nSTATUS {ref}\nSTATUS",
                                     message_id="<x2@udi.no>"))
        assert result.outcome is Outcome.COMMAND
        record = bot.store.get(ref)
        assert (record.participant, record.chase_step, record.state) == (
            "ola.nordmann@udi.no", 0, State.AWAITING_REFERAT)
        answer = text_of(bot.mails("command-answer")[-1][1])
        assert f"{ref} er gitt fra kari.nordmann@udi.no til ola.nordmann@udi.no." in answer
        assert ("    møte: onsdag 24. mars 2027 kl. 10.00–12.00 (norsk tid); deltaker: ola.nordmann@udi.no; "
                "status: venter på referat; neste: be om referat 2027-03-30 08:00") in answer.splitlines()
        assert "1 åpen sak:" in answer
        assert [m["To"] for _, m in bot.mails("notice-assigned", "notice-unassigned")] == [
            "ola.nordmann@udi.no", "kari.nordmann@udi.no"]
        traveller.move_to(oslo("2027-03-30T09:01"))
        bot.daemon.tick()  # the new participant gets their own request at once, in office hours
        requests = bot.mails("request")
        assert [m["To"] for _, m in requests] == ["kari.nordmann@udi.no", "ola.nordmann@udi.no"]
        assert requests[0][0].message_id != requests[1][0].message_id


def test_the_answer_is_in_the_language_of_the_command_keyword(chase_bot):
    cases = ROOT / "tests" / "corpus" / "cases"
    with time_machine.travel(oslo("2027-01-12T10:00"), tick=False):
        bot = chase_bot()
        english = bot.receive(edit((cases / "03_outlook_en_ics_euaa_valletta" / "message.eml").read_bytes(),
                                   {"Til info og registrering i deltakeroversikten.":
                                    "For information, please register me in the overview."})).ref
        norwegian = bot.receive(BORDERS).ref
        assert (bot.store.get(english).language, bot.store.get(norwegian).language) == ("en", "nb")
        # the participant of an English record writes AVLYS: bokmål
        bot.receive(command(f"AVLYS {english}", sender="Kristine Haugland <kristine.haugland@udi.no>"))
        # the unit writes CANCEL about a Norwegian record: English; the participant's notice stays bokmål
        bot.receive(command(f"CANCEL {norwegian}", message_id="<c2@udi.no>"))
        # STATUS is both: the record's language, bokmål without a record
        bot.receive(command(f"STATUS {english}", message_id="<c3@udi.no>"))
        bot.receive(command("STATUS", message_id="<c4@udi.no>"))
        answers = [text_of(m).splitlines() for _, m in bot.mails("command-answer")]
        assert [(a[0], a[3]) for a in answers] == [
            ("Hei,", f"Avsluttet som avlyst: {english}. Ingen flere påminnelser."),
            ("Hello,", f"Closed as cancelled: {norwegian}. No more reminders."),
            ("Hello,", f"{english}  EUAA Asylum Processes Network - 1st meeting 2027"),
            ("Hei,", "Ingen åpne saker.")]
        # the meeting time in the answer's language, with the label the other replies use
        assert answers[2][4] == ("    meeting: Wednesday 24 February 2027 09:00 – Thursday 25 February 2027 13:00 "
                                 "(Oslo time); participant: kristine.haugland@udi.no; state: cancelled")
        (_, notice), = bot.mails("notice-cancelled")
        assert notice["To"] == "kari.nordmann@udi.no" and text_of(notice).startswith("Hei Kari,")
        assert '<html lang="en">' in html_of(bot.mails("command-answer")[1][1])


def test_the_list_of_open_records_starts_on_its_own_line(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot, first = registered(chase_bot)
        second = bot.receive(invitation("Arbeidsgruppen for visum", "torsdag 25. mars 2027 kl. 10.00–12.00",
                                        "<inv2@udi.no>")).ref
        bot.receive(command("STATUS"))
        bot.receive(command(f"CANCEL {second}\nSTATUS", message_id="<c2@udi.no>"))
        (_, norwegian), (_, english) = bot.mails("command-answer")
        assert text_of(norwegian).splitlines()[2:7] == [
            "> STATUS", "2 åpne saker:", f"{first}  Arbeidsgruppen for grenser",
            ("    møte: onsdag 24. mars 2027 kl. 10.00–12.00 (norsk tid); deltaker: kari.nordmann@udi.no; "
             "status: registrert; neste: be om referat 2027-03-30 08:00"),  # after Easter
            f"{second}  Arbeidsgruppen for visum"]
        assert (f"<p>&gt; STATUS<br>\n2 åpne saker:<br>\n{first}  Arbeidsgruppen for grenser<br>\n"
                in html_of(norwegian))
        assert text_of(english).splitlines()[6:9] == [
            "> STATUS", "1 open record:", f"{first}  Arbeidsgruppen for grenser"]
        assert "1 open record:<br>\n" in html_of(english)


def test_a_moved_meeting_moves_every_due_date_and_a_cancellation_stops_the_chase(chase_bot):
    cases = ROOT / "tests" / "corpus" / "cases"
    with time_machine.travel(oslo("2027-01-12T10:00"), tick=False) as traveller:
        bot = chase_bot()
        ref = bot.receive((cases / "03_outlook_en_ics_euaa_valletta" / "message.eml").read_bytes()).ref
        assert bot.store.get(ref).due_at == oslo("2027-02-26T08:00")  # the day after Thursday 25 February
        update = edit((cases / "11_update_euaa_valletta_moved" / "message.eml").read_bytes(),
                      {"DTEND;TZID=W. Europe Standard Time:20270225T160000":
                       "DTEND;TZID=W. Europe Standard Time:20270304T160000"})
        assert bot.receive(update).outcome is Outcome.UPDATED
        assert bot.store.get(ref).due_at == oslo("2027-03-05T08:00")
        traveller.move_to(oslo("2027-02-26T08:00"))
        bot.daemon.tick()
        assert bot.mails(*CHASE) == [] and bot.store.get(ref).state is State.REGISTERED
        cancel = edit(update, {"METHOD:REQUEST": "METHOD:CANCEL", "SEQUENCE:1": "SEQUENCE:2"},
                      {"Message-ID": "<cancel-valletta@udi.no>", "Subject": "Canceled: EUAA meeting"})
        assert bot.receive(cancel).outcome is Outcome.CANCELLED
        record = bot.store.get(ref)
        assert record.state is State.CANCELLED and record.due_at is None
        traveller.move_to(oslo("2027-03-05T08:00"))
        bot.daemon.tick()
        assert bot.mails(*CHASE) == []
