"""Mail in a record's thread: the referat (docx, pdf, odt, body), follow-up points, out-of-office
replies, bounces."""
import io
from datetime import date

import time_machine
from helpers import BORDERS, OSLO, ROOT, oslo, reply, text_of

from mailbot.config.settings import FOLLOW_UP_HEADINGS
from mailbot.inbound import documents, referat
from mailbot.model import Folder, Outcome, State
from mailbot.outbound.rendering import Renderer

DOCX = documents.DOCX
STAKEHOLDERS = ("grenseavdelingen@udi.no", "jd-migrasjon@jd.dep.no")
SUBSTANCE = ("Hei,\n\nArbeidsgruppen drøftet forslaget til endringer i grenseforordningen. Kommisjonen "
             "la fram en tidsplan for forhandlingene, og flere medlemsland ba om en konsekvensanalyse før "
             "neste møte. Norge ga ingen innlegg. Formannskapet tar sikte på en generell tilnærming i juni, "
             "og saken kommer opp igjen på neste møte i arbeidsgruppen.\n\nHilsen Kari\n")


def docx_bytes(points: list[str]) -> bytes:
    import docx
    document = docx.Document()
    document.add_heading("Referat fra arbeidsgruppen", 1)
    document.add_paragraph("Arbeidsgruppen drøftet forslaget til endringer i grenseforordningen.")
    document.add_heading("Oppfølgingspunkter", 2)
    for point in points:
        document.add_paragraph(point, style="List Bullet")
    document.add_paragraph("Neste møte er i juni.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Minutes"))
    document.text.addElement(H(outlinelevel=2, text="Action points"))
    items = List()
    for text in ("Norway sends its comments by 1 June.", "INE briefs the ministry."):
        item = ListItem()
        item.addElement(P(text=text))
        items.addElement(item)
    document.text.addElement(items)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF with one line of Helvetica text per entry of ``lines`` (ASCII)."""
    text = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def chased(chase_bot, stakeholders=()):
    """A bot with a record for a meeting on Wednesday 24 March 2027 (request due 30 March 08:00)."""
    bot = chase_bot(stakeholders)
    ref = bot.receive(BORDERS).ref
    return bot, ref


def test_follow_up_points_are_read_from_docx_odt_pdf_and_the_body():
    docx_text = documents.text(DOCX, docx_bytes(["UDI melder inn behov innen 14. mai.", "INE vurderer piloten."]))
    assert referat.follow_up_points(docx_text, FOLLOW_UP_HEADINGS) == (
        "UDI melder inn behov innen 14. mai.", "INE vurderer piloten.")
    assert referat.follow_up_points(documents.text(documents.ODT, odt_bytes()), FOLLOW_UP_HEADINGS) == (
        "Norway sends its comments by 1 June.", "INE briefs the ministry.")
    pdf = pdf_bytes(["Minutes of the meeting", "Follow-up points:", "1. Norway replies by 1 June.",
                     "2. INE informs the ministry.", "Next meeting in June."])
    assert referat.follow_up_points(documents.text(documents.PDF, pdf), FOLLOW_UP_HEADINGS) == (
        "Norway replies by 1 June.", "INE informs the ministry.")
    assert referat.follow_up_points("Oppfølging: INE sender svar til JD.\n\nAnnet.", FOLLOW_UP_HEADINGS) == (
        "INE sender svar til JD.",)
    assert referat.follow_up_points("Oppfølging av saken skjer i juni.", FOLLOW_UP_HEADINGS) == ()
    assert documents.text(DOCX, b"not a zip") == ""


def test_a_referat_reply_with_a_docx_stops_the_chase_is_confirmed_and_forwarded(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref = chased(chase_bot, STAKEHOLDERS)
        traveller.move_to(oslo("2027-03-30T08:00"))
        bot.daemon.tick()
        (_, request), = bot.mails("request")
        traveller.move_to(oslo("2027-04-01T14:00"))
        points = ["UDI melder inn behov for plasser innen 14. mai.", "INE vurderer om vi skal delta i piloten."]
        result = bot.receive(reply(request, "Hei,\n\nReferatet ligger ved.\n\nHilsen Kari\n",
                                   attachments=(("Referat grenser.docx", DOCX, docx_bytes(points)),)))
        assert (result.outcome, result.folder, result.ref) == (Outcome.REFERAT, Folder.PROCESSED, ref)
        record = bot.store.get(ref)
        assert record.state is State.REFERAT_RECEIVED and record.due_at is None
        assert record.referat.attachments == ("Referat grenser.docx",) and record.referat.follow_up == tuple(points)
        assert record.referat.sender == "kari.nordmann@udi.no"
        (_, receipt), = bot.mails("receipt-referat")
        assert receipt["In-Reply-To"] == "<r1@udi.no>" and receipt["To"] == "kari.nordmann@udi.no"
        text = text_of(receipt)
        assert "Takk! Referatet fra «Arbeidsgruppen for grenser» er registrert på" in text
        assert f"- {points[0]}" in text and f"- {points[1]}" in text
        assert "- Arkiver referatet i UdiSak sammen med dagsorden og posisjoner (punkt 4.1)." in text
        assert "nyhetssak på intranettet (punkt 4.2.2)" in text
        assert "Referatet er sendt videre til interessentene for forumet: grenseavdelingen@udi.no" in text
        (_, forwarded), = bot.mails("forward-referat")
        assert forwarded["To"] == ", ".join(STAKEHOLDERS)
        attached, = list(forwarded.iter_attachments())
        assert attached.get_filename() == "Referat grenser.docx" and attached.get_content_type() == DOCX
        # no more reminders, ever
        for moment in ("2027-04-06T08:00", "2027-04-13T08:00", "2027-04-20T08:00", "2027-06-01T08:00"):
            traveller.move_to(oslo(moment))
            bot.daemon.tick()
        assert [r.purpose for r, _ in bot.mails("request", "reminder-1", "reminder-2", "escalation")] == ["request"]


def test_a_referat_without_follow_up_points_is_accepted_and_asked_for_them_exactly_once(chase_bot):
    with time_machine.travel(oslo("2027-03-30T08:00"), tick=False) as traveller:
        bot, ref = chased(chase_bot)
        bot.daemon.tick()
        (_, request), = bot.mails("request")
        result = bot.receive(reply(request, SUBSTANCE + "\n> Send oss referatet.\n"))
        assert result.outcome is Outcome.REFERAT
        assert bot.store.get(ref).state is State.REFERAT_RECEIVED
        (_, receipt), = bot.mails("receipt-referat")
        asked = "Vi fant ingen oppfølgingspunkter i referatet."
        assert asked in text_of(receipt)
        # an answer without them goes to a human; no second request
        result = bot.receive(reply(receipt, "Takk for påminnelsen.", message_id="<r2@udi.no>"))
        assert (result.outcome, result.folder) == (Outcome.REPLY, Folder.NEEDS_ATTENTION)
        # the follow-up points come in and are registered
        result = bot.receive(reply(receipt, "Oppfølgingspunkter:\n- INE svarer Kommisjonen innen 1. mai.\n",
                                   message_id="<r3@udi.no>"))
        assert result.outcome is Outcome.FOLLOW_UP
        assert bot.store.get(ref).referat.follow_up == ("INE svarer Kommisjonen innen 1. mai.",)
        traveller.move_to(oslo("2027-05-03T08:00"))
        bot.daemon.tick()
        texts = [text_of(m) for _, m in bot.mails()]
        assert sum(asked in t for t in texts) == 1
        assert [e.type for e in bot.store.get(ref).events][-3:] == ["referat-received", "received-reply",
                                                                     "follow-up-received"]


def test_a_short_reply_is_no_referat_and_a_reply_before_the_meeting_goes_to_a_human(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref = chased(chase_bot)
        (_, checklist), = bot.mails()
        result = bot.receive(reply(checklist, SUBSTANCE, message_id="<early@udi.no>"))  # before the meeting
        assert (result.outcome, result.folder) == (Outcome.REPLY, Folder.NEEDS_ATTENTION)
        traveller.move_to(oslo("2027-03-30T08:00"))
        bot.daemon.tick()
        (_, request), = bot.mails("request")
        result = bot.receive(reply(request, "Takk, jeg sender det neste uke.\n\nHilsen Kari"))
        assert result.outcome is Outcome.REPLY and bot.store.get(ref).state is State.AWAITING_REFERAT
        noted = bot.mails("receipt-noted")[-1][1]
        assert "Vi kunne ikke lese den som et referat" in text_of(noted)


def out_of_office(to_mail, body: str, sender="Kari Nordmann <kari.nordmann@udi.no>") -> bytes:
    return reply(to_mail, body, sender=sender, message_id="<oof@udi.no>",
                 headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"})


def test_an_out_of_office_reply_pauses_the_chase_until_the_stated_return_date(chase_bot):
    with time_machine.travel(oslo("2027-03-30T08:00"), tick=False) as traveller:
        bot, ref = chased(chase_bot)
        bot.daemon.tick()
        (_, request), = bot.mails("request")
        replies_before = len(bot.sender.paths())
        result = bot.receive(out_of_office(request, "Takk for e-posten din.\n\nJeg er på ferie til og med "
                                                    "fredag 16. april og er tilbake mandag 19. april.\n"))
        assert (result.outcome, result.folder) == (Outcome.PAUSED, Folder.PROCESSED)
        assert len(bot.sender.paths()) == replies_before  # never answered (RFC 3834)
        record = bot.store.get(ref)
        assert record.state is State.AWAITING_REFERAT and record.paused_until == oslo("2027-04-19T08:00")
        assert record.events[-1].type == "paused" and "return date stated" in record.events[-1].detail
        for moment in ("2027-04-06T08:00", "2027-04-16T15:00", "2027-04-19T08:00", "2027-04-23T08:00",
                       "2027-04-26T08:00"):
            traveller.move_to(oslo(moment))
            bot.daemon.tick()
        steps = [(r.purpose, r.sent_at.astimezone(OSLO).isoformat()) for r, _ in
                 bot.mails("request", "reminder-1", "reminder-2")]
        assert steps == [("request", "2027-03-30T08:00:00+02:00"), ("reminder-1", "2027-04-19T08:00:00+02:00"),
                         ("reminder-2", "2027-04-26T08:00:00+02:00")]


def test_out_of_office_without_a_date_pauses_for_the_configured_days_and_others_are_ignored(chase_bot):
    with time_machine.travel(oslo("2027-03-30T08:00"), tick=False):
        bot, ref = chased(chase_bot)
        bot.daemon.tick()
        (_, request), = bot.mails("request")
        other = bot.receive(out_of_office(request, "Jeg er ikke på kontoret.", sender="Per <per.hansen@udi.no>"))
        assert other.outcome is Outcome.AUTOMATIC and bot.store.get(ref).paused_until is None
        result = bot.receive(reply(request, "Jeg er i foreldrepermisjon.", message_id="<oof2@udi.no>",
                                   headers={"Auto-Submitted": "auto-replied"}))
        assert result.outcome is Outcome.PAUSED
        assert bot.store.get(ref).paused_until == oslo("2027-04-06T08:00")  # five business days from 30 March


DSN = """From: MAILER-DAEMON@mx.udi.no (Mail Delivery System)
To: ine@udi.no
Subject: Undelivered Mail Returned to Sender
Message-ID: <bounce-1@mx.udi.no>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Your message could not be delivered to kari.nordmann@udi.no.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.udi.no

Final-Recipient: rfc822; kari.nordmann@udi.no
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown

--B
Content-Type: text/rfc822-headers

From: "Internasjonal enhet (INE)" <ine@udi.no>
To: kari.nordmann@udi.no
Subject: Referat
Message-ID: {message_id}

--B--
"""


def test_a_bounced_reminder_is_recorded_and_reported_to_the_unit(chase_bot):
    with time_machine.travel(oslo("2027-03-30T08:00"), tick=False):
        bot, ref = chased(chase_bot)
        bot.daemon.tick()
        (receipt, request), = bot.mails("request")
        raw = DSN.format(message_id=receipt.message_id, subject=request["Subject"]).replace("\n", "\r\n").encode()
        result = bot.receive(raw)
        assert (result.outcome, result.folder, result.ref) == (Outcome.BOUNCE, Folder.PROCESSED, ref)
        assert bot.store.get(ref).events[-1].type == "delivery-failed"
        assert "kari.nordmann@udi.no" in bot.store.get(ref).events[-1].detail
        (_, report), = bot.mails("report-bounce")
        assert report["To"] == "anne.adviser@udi.no"
        lines = text_of(report).splitlines()
        # what bounced, in words: not mailbot's internal name of the mail
        assert lines[2] == "En e-post fra mailbot kom ikke fram til kari.nordmann@udi.no: forespørselen om referat."
        assert f"  OVERFØR {ref} <e-postadresse>" in lines
        (checklist, _), = bot.mails("reply-registered")
        bot.receive(DSN.format(message_id=checklist.message_id).replace("<bounce-1@", "<bounce-2@")
                    .replace("\n", "\r\n").encode())
        second = text_of(bot.mails("report-bounce")[-1][1])
        assert "En e-post fra mailbot kom ikke fram til kari.nordmann@udi.no: svaret med sjekklisten." in second


def test_every_mail_mailbot_sends_has_a_name_for_people_in_both_languages():
    renderer = Renderer(ROOT / "templates")
    purposes = [f"reply-{o}" for o in ("registered", "updated", "cancelled", "duplicate", "stale")] + [
        "manual", "command-answer", "request", "reminder-2", "escalation", "summary"] + [
        f"notice-{k}" for k in ("exempted", "cancelled", "assigned", "unassigned")] + [
        f"{m}-{k}" for m in ("receipt", "forward") for k in ("referat", "follow_up")] + ["receipt-noted"]
    for language in ("nb", "en"):
        names = {purpose: renderer.labels(language).word("mail", purpose) for purpose in purposes}
        assert all(name != purpose for purpose, name in names.items()), names
        assert len(set(names.values())) == len(purposes)
    assert renderer.labels("en").word("mail", "reminder-2") == "reminder 2 about the minutes"
    english = Renderer(ROOT / "templates").render(
        "report", "en", unit="INE", ref=None, kind="bounce", recipients=["kari.nordmann@udi.no"],
        purposes=["reply-registered", "reminder-1", "reminder-1"], record=None, lines=[], sender="")
    assert ("An email from mailbot could not be delivered to kari.nordmann@udi.no: the reply with the checklist, "
            "reminder 1 about the minutes.") in english.text.splitlines()


def test_return_dates_of_out_of_office_texts():
    from mailbot.followup.businessdays import Calendar
    from mailbot.inbound import autoreplies
    calendar, sent = Calendar(), date(2027, 1, 19)
    assert autoreplies.return_day("I am on mission until 22 January.", sent, calendar) == date(2027, 1, 25)
    assert autoreplies.return_day("Jeg er på tjenestereise 18.–22. januar. Jeg er tilbake mandag 25. januar.",
                                  sent, calendar) == date(2027, 1, 25)
    assert autoreplies.return_day("Back on 8 March.", sent, calendar) == date(2027, 3, 8)
    assert autoreplies.return_day("Ferie t.o.m. 24. mars 2027.", sent, calendar) == date(2027, 3, 30)  # Easter
    assert autoreplies.return_day("Jeg er i permisjon.", sent, calendar) is None
