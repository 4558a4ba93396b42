"""The main job end to end over a temporary Maildir: records, replies, folders, idempotency."""
from datetime import UTC, datetime

import pytest
from helpers import corpus_cases, edit, expected, expected_records, forward, html_of, text_of

from mailbot.model import Folder, MailStatus, Outcome, State
from mailbot.transports import mime

CASES = {c.name: c for c in corpus_cases(misses=False)}


def raw(name: str) -> bytes:
    return (CASES[name] / "message.eml").read_bytes()


# The forwarders' notes of three cases, in English: the reply follows the language of the note.
ENGLISH_NOTES = {"03_outlook_en_ics_euaa_valletta": {"Til info og registrering i deltakeroversikten.":
                                                     "For information, please register me in the overview."},
                 "11_update_euaa_valletta_moved": {
                     "Nytt tidspunkt for APN-møtet i Malta, se under. Oppdater gjerne registreringen.":
                     "New time for the APN meeting in Malta, see below."},
                 "10_cancel_council_imex": {"Til orientering: møtet 3. mars er avlyst. Jeg reiser ikke.":
                                            "For your information: the meeting on 3 March is cancelled."}}


def english(name: str) -> bytes:
    """The case with its forwarder's note in English."""
    return edit(raw(name), ENGLISH_NOTES[name])


def message_id(name: str) -> str:
    return mime.message_id(mime.load(raw(name)))


@pytest.mark.slow
def test_every_corpus_case_goes_through_without_exception(bot):
    for name in CASES:
        bot.deliver(raw(name), name=name)
    results = {message.id.split("/")[-1]: result for message, result in bot.run()}
    assert len(results) == len(CASES)
    assert all(r.outcome is not Outcome.FAILED for r in results.values())
    for name, case in CASES.items():
        kind = expected(case)["kind"]
        if kind == "not_invitation":
            assert results[name].ref is None, name
            assert results[name].folder is Folder.NEEDS_ATTENTION, name
        else:
            assert results[name].folder is Folder.PROCESSED, name
            assert results[name].ref is not None, name
    # the out-of-office reply and the newsletter get no reply; the referat reply (staff) is told
    assert results["16_oof_autoreply"].outcome is Outcome.AUTOMATIC
    assert results["18_newsletter_euaa"].outcome is Outcome.AUTOMATIC
    answered = {r["In-Reply-To"].strip() for r in bot.replies()}
    assert message_id("16_oof_autoreply") not in answered
    assert message_id("18_newsletter_euaa") not in answered
    manual = [r for r in bot.replies() if r["In-Reply-To"].strip() == message_id("17_referat_reply")]
    assert len(manual) == 1 and manual[0]["To"] == "amira.hassan@udi.no"
    invitations = sum(1 for c in CASES.values() if expected(c)["kind"] != "not_invitation")
    assert len(bot.store.records()) == expected_records(list(CASES.values()))
    # one reply per invitation, update and cancellation, and one per staff mail that is no invitation
    staff_refusals = [n for n in CASES if results[n].outcome in (Outcome.NOT_INVITATION, Outcome.NOT_UNDERSTOOD)]
    assert len(bot.replies()) == invitations + len(staff_refusals)
    assert "17_referat_reply" in staff_refusals
    assert len(bot.folder("processed")) == invitations
    assert len(bot.folder("needs-attention")) == len(CASES) - invitations
    assert list((bot.config.maildir.path / "new").iterdir()) == []


def test_checklist_reply_headers_and_body(bot):
    bot.deliver(raw("21_eeagrants_ministry_consultation"))
    (_, result), = bot.run()
    assert result.outcome is Outcome.REGISTERED and result.ref == "INE-2027-0001"
    reply, = bot.replies()
    title = "EØS-midlene: Samarbeidskomité for migrasjons- og asylprogrammet (Hellas)"
    assert reply["Subject"] == f"Re: {title} [INE-2027-0001]"
    assert reply["To"] == "eirik.saether@udi.no"
    assert reply["From"] == '"Internasjonal enhet (INE)" <ine@udi.no>'
    assert reply["In-Reply-To"].strip() == message_id("21_eeagrants_ministry_consultation")
    assert reply["References"].strip() == reply["In-Reply-To"].strip()
    assert reply["Auto-Submitted"] == "auto-replied"
    assert reply["X-Auto-Response-Suppress"] == "All"
    assert reply["X-Mailbot-Ref"] == "INE-2027-0001"
    assert reply["Message-ID"].startswith("<mailbot.") and reply["Message-ID"].endswith("@udi.no>")
    lines = text_of(reply).splitlines()
    assert lines[0] == "Hei Eirik,"
    assert "Takk! Deltakelsen din er registrert hos Internasjonal enhet (INE) med referanse INE-2027-0001." in lines
    assert "Referanse:  INE-2027-0001" in lines
    assert f"Møte:       {title}" in lines
    assert "Forum:      EØS-midlene" in lines
    assert "Tid:        torsdag 13. mai 2027 kl. 13.30–16.30 (norsk tid)" in lines
    assert "Sted:       Financial Mechanism Office, Rue Joseph II 12-16, Brussels" in lines
    assert "Arrangør:   home.affairs@efta.int" in lines
    assert "!!! DEPARTEMENTET SKAL KONSULTERES FØR MØTET (IM 2011-013 punkt 3.2) !!!" in lines
    assert "  - Budsjettmessige konsekvenser (bidrag, finansiering, omdisponering) («økt norsk bidrag»)" in lines
    assert "1. Norske posisjoner: sett deg inn i Norges posisjoner i sakene på dagsordenen, og sørg for at" in lines
    assert "5. Vurder om noe fra møtet bør bli en nyhetssak på intranettet (punkt 4.2.2)." in lines
    assert "6. Kontinuitet: vi har ingen tidligere registrert UDI-deltakelse i EØS-midlene (punkt 3.1)." in lines
    assert "Departementet skal konsulteres før møtet (IM 2011-013 punkt 3.2)" in html_of(reply)
    record = bot.store.get("INE-2027-0001")
    assert record.state is State.REGISTERED
    assert record.participant == "eirik.saether@udi.no"
    assert record.language == "nb"
    assert record.meeting.timezone == "Europe/Brussels"
    assert record.meeting.start.isoformat() == "2027-05-13T11:30:00+00:00"
    assert [r.rule for r in record.consultation] == ["budget"]
    assert [e.type for e in record.events] == ["received-invitation"]
    assert record.events[0].message_id == message_id("21_eeagrants_ministry_consultation")
    mail = bot.store.mail(reply["Message-ID"])
    assert mail.status is MailStatus.SENT and mail.ref == "INE-2027-0001"


def test_an_english_agenda_forwarded_with_a_norwegian_note_gets_the_norwegian_warning(bot):
    bot.deliver(raw("01_outlook_no_ics_council_frontiers"))
    bot.run()
    lines = text_of(bot.replies()[0]).splitlines()
    assert lines[0] == "Hei Lars,"
    assert "!!! DEPARTEMENTET SKAL KONSULTERES FØR MØTET (IM 2011-013 punkt 3.2) !!!" in lines
    assert any(line.startswith("  - Forslag til nytt eller endret regelverk (kan gi lovendringer i Norge)")
               for line in lines)
    assert "Tid:        torsdag 21. januar 2027 kl. 10.00–17.30 (norsk tid)" in lines


def test_an_english_note_gets_an_english_reply(bot):
    bot.deliver(raw("04_outlook_en_noics_igc_win1252"))
    bot.run()
    reply, = bot.replies()
    assert text_of(reply).splitlines()[0].startswith("Dear ")


def test_a_norwegian_note_gets_a_norwegian_reply_with_local_time(bot):
    bot.deliver(raw("08_thunderbird_eulisa_tallinn"))
    bot.run()
    reply, = bot.replies()
    lines = text_of(reply).splitlines()
    assert lines[0] == "Hei Torbjørn,"
    assert "Tid:        tirsdag 23. februar 2027 kl. 09.00–16.00 (norsk tid)" in lines
    assert "            tirsdag 23. februar 2027 kl. 10.00–17.00 (lokal tid, Tallinn)" in lines


def test_same_message_twice_gives_one_record_and_one_reply(bot):
    bot.deliver(raw("03_outlook_en_ics_euaa_valletta"), name="first")
    bot.run()
    bot.deliver(raw("03_outlook_en_ics_euaa_valletta"), name="again")
    (_, result), = bot.run()
    assert result.repeated and result.outcome is Outcome.REGISTERED
    assert len(bot.store.records()) == 1
    assert len(bot.replies()) == 1
    assert len(bot.folder("processed")) == 2


def test_update_with_higher_sequence_updates_the_record_and_says_so(bot):
    bot.deliver(english("03_outlook_en_ics_euaa_valletta"))
    bot.run()
    bot.deliver(english("11_update_euaa_valletta_moved"))
    (_, result), = bot.run()
    assert result.outcome is Outcome.UPDATED and result.ref == "INE-2027-0001"
    record = bot.store.get("INE-2027-0001")
    assert record.meeting.sequence == 1
    assert record.meeting.start.isoformat() == "2027-02-24T12:00:00+00:00"
    assert [e.type for e in record.events] == ["received-invitation", "received-update"]
    update = next(r for r in bot.replies() if "updated" in text_of(r))
    lines = text_of(update).splitlines()
    assert "The meeting has changed, and registration INE-2027-0001 is updated:" in lines
    assert ("  - Time: Wednesday 24 February 2027 09:00 – Thursday 25 February 2027 13:00 -> "
            "Wednesday 24 February 2027 13:00 – Thursday 25 February 2027 16:00") in lines
    # the older invitation arriving late changes nothing
    stale = edit(english("03_outlook_en_ics_euaa_valletta"), {}, {"Message-ID": "<late-original@udi.no>"})
    bot.deliver(stale)
    (_, result), = bot.run()
    assert result.outcome is Outcome.STALE
    assert bot.store.get("INE-2027-0001").meeting.sequence == 1


def test_cancellation_cancels_the_record(bot):
    invitation = edit(english("10_cancel_council_imex"),
                      {"METHOD:CANCEL": "METHOD:REQUEST", "STATUS:CANCELLED": "STATUS:CONFIRMED",
                       "SEQUENCE:1": "SEQUENCE:0", "Canceled: ": "", "Avlyst: ": ""},
                      {"Subject": "VS: Working Party on Integration, Migration and Expulsion",
                       "Message-ID": "<invitation-imex@udi.no>"})
    bot.deliver(invitation, name="a")
    (_, first), = bot.run()
    assert first.outcome is Outcome.REGISTERED
    bot.deliver(english("10_cancel_council_imex"), name="b")
    (_, result), = bot.run()
    assert result.outcome is Outcome.CANCELLED and result.ref == first.ref
    record = bot.store.get(result.ref)
    assert record.state is State.CANCELLED
    assert [e.type for e in record.events] == ["received-invitation", "cancelled"]
    cancelled = [r for r in bot.replies() if "cancelled" in text_of(r)]
    assert ("The meeting is cancelled. Registration INE-2027-0001 is closed, and you will get no reminders about "
            "minutes." in text_of(cancelled[0]).splitlines())


def test_a_moved_meeting_without_a_calendar_part_updates_its_record(bot):
    bot.deliver(forward(), name="a")
    (_, first), = bot.run()
    moved = ("Se under.\n\nFra: Sekretariatet <sekretariat@consilium.europa.eu>\n"
             "Sendt: onsdag 6. januar 2027 10:02\nTil: Kari Nordmann <kari.nordmann@udi.no>\n"
             "Emne: Oppdatert: Møte i arbeidsgruppen\n\nMøtet er flyttet til torsdag 21. januar 2027 "
             "kl. 14.00–16.00. Stedet er uendret: Justus Lipsius-bygningen, Brussel.\n")
    bot.deliver(forward(subject="VS: Oppdatert: Møte i arbeidsgruppen", body=moved, message_id="<test-2@udi.no>"),
                name="b")
    (_, result), = bot.run()
    assert result.outcome is Outcome.UPDATED and result.ref == first.ref
    assert [r.ref for r in bot.store.records()] == [first.ref]
    record = bot.store.get(first.ref)
    assert record.meeting.start.isoformat() == "2027-01-21T13:00:00+00:00"
    assert [e.type for e in record.events] == ["received-invitation", "received-update"]


def test_a_change_of_venue_under_another_subject_updates_the_record_of_that_forum(bot):
    bot.deliver(forward(), name="a")
    (_, first), = bot.run()
    changed = ("Til info.\n\nFra: Sekretariatet <sekretariat@consilium.europa.eu>\n"
               "Sendt: onsdag 6. januar 2027 10:02\nTil: Kari Nordmann <kari.nordmann@udi.no>\n"
               "Emne: Ny dato for arbeidsgruppen\n\nArbeidsgruppen møtes i stedet fredag 22. januar 2027 "
               "kl. 10.00–12.30 i Justus Lipsius-bygningen, Brussel.\n")
    bot.deliver(forward(subject="VS: Ny dato for arbeidsgruppen", body=changed, message_id="<test-3@udi.no>"),
                name="b")
    (_, result), = bot.run()
    assert result.outcome is Outcome.UPDATED and result.ref == first.ref
    record = bot.store.get(first.ref)
    assert record.meeting.start.isoformat() == "2027-01-22T09:00:00+00:00"
    assert record.meeting.title == "Møte i arbeidsgruppen"  # the subject told the change, not the meeting


def test_cancellation_of_an_unknown_meeting_is_kept_as_a_cancelled_record(bot):
    bot.deliver(raw("10_cancel_council_imex"))
    (_, result), = bot.run()
    assert result.outcome is Outcome.CANCELLED
    assert bot.store.get(result.ref).state is State.CANCELLED
    assert "Vi hadde ingen registrert deltakelse for deg i dette møtet" in text_of(bot.replies()[0])


def test_outsider_and_dmarc_failure_make_no_record_and_get_no_reply(bot):
    bot.deliver(forward(sender="Someone <someone@example.org>", message_id="<out-1@example.org>"))
    failed = forward(message_id="<spoof-1@udi.no>", extra_headers=(
        "Authentication-Results: mx.udi.no; spf=fail smtp.mailfrom=udi.no; dmarc=fail (p=reject) header.from=udi.no\n"))
    bot.deliver(failed)
    trusted_elsewhere = forward(message_id="<other-ar@udi.no>", extra_headers=(
        "Authentication-Results: evil.example; dmarc=fail header.from=udi.no\n"))
    bot.deliver(trusted_elsewhere)
    results = [r for _, r in bot.run()]
    assert [r.outcome for r in results] == [Outcome.REJECTED, Outcome.REJECTED, Outcome.REGISTERED]
    assert len(bot.store.records()) == 1
    assert [r["To"] for r in bot.replies()] == ["kari.nordmann@udi.no"]
    assert len(bot.folder("needs-attention")) == 2


def test_template_syntax_in_a_subject_is_shown_literally(bot):
    bot.deliver(forward(subject="VS: Møte {{ 7*7 }} <script>alert(1)</script>",
                        body=("Fra: Sekretariatet <sekretariat@consilium.europa.eu>\nSendt: mandag 14. desember 2026\n"
                              "Emne: Møte {{ 7*7 }} <script>alert(1)</script>\n\n"
                              "Møtet holdes onsdag 20. januar 2027 kl. 10.00–12.30 i Brussel.\n")))
    bot.run()
    reply, = bot.replies()
    assert reply["Subject"] == "Re: Møte {{ 7*7 }} <script>alert(1)</script> [INE-2027-0001]"
    assert "Møte:       Møte {{ 7*7 }} <script>alert(1)</script>" in text_of(reply)
    assert "49" not in text_of(reply)
    assert "Møte {{ 7*7 }} &lt;script&gt;alert(1)&lt;/script&gt;" in html_of(reply)
    assert "<script>" not in html_of(reply)


def test_line_breaks_in_a_subject_never_reach_a_header(bot):
    bot.deliver(forward(subject="=?utf-8?q?VS=3A_M=C3=B8te=0D=0ABcc=3A_evil=40example=2Eorg?="))
    bot.run()
    reply, = bot.replies()
    assert reply["Bcc"] is None
    assert "\r" not in reply["Subject"] and "\n" not in reply["Subject"]


def test_a_message_that_is_not_understood_goes_to_a_human_and_the_sender_is_told(bot):
    bot.deliver(forward(subject="VS: Spørsmål", body="Hei, kan dere se på dette?\n\nHilsen Kari\n"))
    (_, result), = bot.run()
    assert result.outcome is Outcome.NOT_UNDERSTOOD and result.folder is Folder.NEEDS_ATTENTION
    reply, = bot.replies()
    assert reply["Subject"] == "Re: VS: Spørsmål"
    assert "Vi klarte ikke å lese en møteinnkalling ut av den" in text_of(reply)
    assert "vi fant ikke når møtet skal holdes" in text_of(reply)
    assert bot.store.records() == []


def test_a_message_that_breaks_the_code_goes_to_failed_and_the_loop_goes_on(bot, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")
    bot.deliver(raw("01_outlook_no_ics_council_frontiers"), name="a")
    bot.deliver(raw("08_thunderbird_eulisa_tallinn"), name="b")
    original = bot.daemon.pipeline.invitations.parser.parse
    calls = []

    def parse_once_broken(data, received=None, loaded=None):
        calls.append(1)
        if len(calls) == 1:
            explode()
        return original(data, received, loaded)
    monkeypatch.setattr(bot.daemon.pipeline.invitations.parser, "parse", parse_once_broken)
    results = [r for _, r in bot.run()]
    assert [r.outcome for r in results] == [Outcome.FAILED, Outcome.REGISTERED]
    assert len(bot.folder("failed")) == 1
    assert [r.ref for r in bot.store.records()] == ["INE-2027-0001"]  # nothing of the failed one was kept
    assert len(bot.replies()) == 1
    # once the cause is fixed, a human moves it back into the inbox and it is handled
    [failed] = bot.folder("failed")
    failed.rename(bot.config.maildir.path / "new" / "a")
    assert [r.outcome for _, r in bot.run()] == [Outcome.REGISTERED]
    assert len(bot.store.records()) == 2 and len(bot.replies()) == 2 and bot.folder("failed") == []


def test_our_own_mail_coming_back_is_not_answered(bot):
    bot.deliver(raw("01_outlook_no_ics_council_frontiers"))
    bot.run()
    reply = bot.sender.paths()[0].read_bytes()
    bot.deliver(reply)
    (_, result), = bot.run()
    assert result.outcome is Outcome.OWN and result.folder is Folder.PROCESSED
    assert len(bot.replies()) == 1


def test_continuity_names_the_last_participant_in_the_forum(bot):
    bot.deliver(english("03_outlook_en_ics_euaa_valletta"))
    bot.run()
    later = edit(english("03_outlook_en_ics_euaa_valletta"),
                 {"20270224T": "20270424T", "20270225T": "20270425T", "B3E96370E2C229CE": "B3E96370E2C229CF",
                  "kristine.haugland@udi.no": "magnus.aune@udi.no"},
                 {"Message-ID": "<later-apn@udi.no>", "From": "Magnus Aune <magnus.aune@udi.no>"})
    bot.deliver(later)
    bot.run()
    second, = [r for r in bot.replies() if r["To"] == "magnus.aune@udi.no"]
    # on 4 January the February meeting is still ahead
    assert ("6. Continuity: Kristine Haugland from UDI is also registered in European Union Agency for Asylum "
            "(formerly EASO), on 24 February 2027 (INE-2027-0001).") in text_of(second).splitlines()
    bot.clock.now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # after it, a third hears of the last
    bot.deliver(edit(later, {"magnus.aune@udi.no": "sara.lie@udi.no", "B3E96370E2C229CF": "B3E96370E2C229D0"},
                     {"Message-ID": "<third-apn@udi.no>", "From": "Sara Lie <sara.lie@udi.no>"}))
    bot.run()
    third, = [r for r in bot.replies() if r["To"] == "sara.lie@udi.no"]
    assert ("6. Continuity: UDI last attended European Union Agency for Asylum (formerly EASO) on 24 February 2027, "
            "represented by Kristine Haugland (INE-2027-0001).") in text_of(third).splitlines()


def test_a_meeting_already_held_gets_only_what_comes_after_it(bot):
    bot.clock.now = datetime(2027, 1, 21, 9, 0, tzinfo=UTC)  # the day after the meeting
    bot.deliver(forward())
    bot.run()
    lines = text_of(next(r for r in bot.replies() if r["To"] == "kari.nordmann@udi.no")).splitlines()
    assert "Møtet er allerede holdt, så det som gjenstår, er etterarbeidet (IM 2011-013):" in lines
    assert not any(line.startswith("1. Norske posisjoner") for line in lines)
    assert [line[:14] for line in lines if line[:3] in ("1. ", "2. ", "3. ")] == [
        "1. Referat: sk", "2. Vurder om n", "3. Kontinuitet"]
    # before the meeting, the whole checklist
    bot.clock.now = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
    bot.deliver(forward(sender="Ola Nordmann <ola.nordmann@udi.no>", message_id="<test-4@udi.no>"))
    bot.run()
    lines = text_of(next(r for r in bot.replies() if r["To"] == "ola.nordmann@udi.no")).splitlines()
    assert [line[:14] for line in lines if line[:2] in ("1.", "2.", "3.", "4.", "5.", "6.")] == [
        "1. Norske posi", "2. Involver be", "3. Deltar UDI ", "4. Referat: sk", "5. Vurder om n", "6. Kontinuitet"]


def test_a_series_is_registered_with_its_next_occurrence(bot):
    bot.clock.now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # after two of six meetings
    bot.deliver(raw("13_rrule_nordic_teams_series"))
    (_, result), = bot.run()
    meeting = bot.store.get(result.ref).meeting
    assert meeting.recurrence == "FREQ=MONTHLY;COUNT=6;BYDAY=2TH"
    # the second Thursday of March 2027, 13:00 Oslo winter time
    assert meeting.start.isoformat() == "2027-03-11T12:00:00+00:00"
    assert meeting.end.isoformat() == "2027-03-11T13:00:00+00:00"
    bot.clock.now = datetime(2027, 4, 1, 9, 0, tzinfo=UTC)
    later = edit(raw("13_rrule_nordic_teams_series"), {}, {"Message-ID": "<series-again@udi.no>",
                                                          "From": "Ola Nordmann <ola.nordmann@udi.no>"})
    bot.deliver(later)
    (_, second), = bot.run()
    assert bot.store.get(second.ref).meeting.start.isoformat() == "2027-04-08T11:00:00+00:00"  # CEST
