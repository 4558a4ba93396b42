"""Group 4: look-alikes that are not invitations."""
from common import *


def k25():
    staff = ("Jonas Vestre", "jonas.vestre@udi.no")
    text = """Hei,

Reisebekreftelsen til orientering for reiseoversikten til enheten.

Jonas

Fra: Reisebyrået Nord <bestilling@reisenord.example.com>
Sendt: fredag 12. februar 2027 14:55
Til: Jonas Vestre <jonas.vestre@udi.no>
Emne: Reisebekreftelse – bestillingsreferanse QX7T2L

Hei Jonas Vestre,

Takk for bestillingen. Her er reiseplanen din.

FLY
Tirsdag 2. mars 2027   SK4741   Oslo (OSL) 07:05 – Brussel (BRU) 09:10
Onsdag 3. mars 2027    SK4746   Brussel (BRU) 17:40 – Oslo (OSL) 19:45
Bagasje: 1 kolli à 23 kg. Innsjekking åpner 24 timer før avgang.

HOTELL
Hotel Léopold Square, Rue du Luxembourg 35, 1050 Brussel
Innsjekking: tirsdag 2. mars 2027 fra kl. 15:00
Utsjekking: onsdag 3. mars 2027 innen kl. 12:00
1 enkeltrom, frokost inkludert

Totalpris: NOK 8 412,00 (faktureres UDI, prosjekt 4410)

Ved endringer, ring oss på 22 00 45 45 (hverdager 08:00–16:00).

Med vennlig hilsen
Reisebyrået Nord
"""
    eml = outlook_fwd("k25", staff, "VS: Reisebekreftelse – bestillingsreferanse QX7T2L", "Mon, 15 Feb 2027 08:10:00 +0000",
                      text, labels=NB_LABELS)
    exp = not_invitation("jonas.vestre@udi.no",
                         "Forwarded travel booking (flights and hotel with dates, times and a Brussels address): not an invitation")
    return "k25_travel_booking_not_invitation", eml, exp


def k26():
    text = """Registration confirmed

Dear participant,

Thank you for registering for the European Migration Policy Forum 2027.

Registration number: EMPF27-00318
Registered e-mail: ine@udi.no
Event: European Migration Policy Forum 2027
Date: Wednesday 6 October 2027, 09:00 – 17:30
Venue: The Square – Brussels Meeting Centre, Mont des Arts, 1000 Brussels

Your badge will be available at the registration desk from 08:00. To cancel your registration, use the link in your personal area before 22 September 2027.

This is an automated message. Please do not reply.
Migration Policy Forum – Event Services
"""
    html = ("<html><body><h2>Registration confirmed</h2>" +
            "".join("<p>%s</p>" % htmlmod.escape(p, quote=False).replace("\n", "<br>") for p in text.split("\n\n")[1:]) +
            "</body></html>\n")
    b = "==_mimepart_%s" % seed_hex("k26", 20).lower()
    alt = multipart("alternative", b, [leaf("text/plain", text, "UTF-8"), leaf("text/html", html, "UTF-8")],
                    ct_newline=False)
    hs = [("Received", "from o1.events-mail.example.com (o1.events-mail.example.com [198.51.100.23])\n"
                       " by mx.udi.no (Postfix) with ESMTPS id 4ZtAb91\n for <ine@udi.no>; Tue, 1 Jun 2027 13:02:11 +0200"),
          ("From", "Migration Policy Forum <noreply@events.example.com>"), ("To", "ine@udi.no"),
          ("Subject", "Registration confirmed: European Migration Policy Forum 2027"),
          ("Date", "Tue, 1 Jun 2027 11:02:09 +0000"),
          ("Message-ID", "<reg.EMPF27-00318.%s@events.example.com>" % seed_hex("k26m", 10).lower()),
          ("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")]
    eml = message(hs, alt)
    exp = not_invitation(None, "Automated registration confirmation sent straight to ine@udi.no by an event platform (Auto-Submitted); event date, venue and badge time must not make it an invitation; external sender -> participant null")
    return "k26_registration_confirmation_not_invitation", eml, exp


def k27():
    staff = ("Kristoffer Lie", "kristoffer.lie@udi.no")
    text = """Til orientering – vi deltar ikke på noen av disse, men greit å vite om.

Kristoffer

Fra: Migration Dialogue Newsletter <newsletter@migration-dialogue.example.org>
Sendt: torsdag 15. april 2027 09:00
Til: kristoffer.lie@udi.no
Emne: Migration Dialogue Newsletter – April 2027

MIGRATION DIALOGUE NEWSLETTER – APRIL 2027

Upcoming events
* 20 May 2027, 14:00–15:30 CEST – Webinar: labour migration pathways (online)
* 8–9 June 2027 – Regional conference on return and reintegration, Sarajevo
* 29 June 2027, 10:00 – Launch of the Migration Outlook 2027, Vienna
* 14–16 September 2027 – Summer school on migration governance, Malta

Publications
* Policy brief: digitalisation of visa procedures

You receive this newsletter because you subscribed on our website.
Unsubscribe: https://migration-dialogue.example.org/newsletter/unsubscribe?id=77f3a
"""
    eml = outlook_fwd("k27", staff, "VS: Migration Dialogue Newsletter – April 2027", "Thu, 15 Apr 2027 11:30:00 +0000",
                      text, labels=NB_LABELS)
    exp = not_invitation("kristoffer.lie@udi.no",
                         "Newsletter forwarded by staff 'til orientering' (explicitly not attending); lists four future events with dates, times and cities; none is the meeting")
    return "k27_forwarded_newsletter_not_invitation", eml, exp


def k28():
    staff = ("Øystein Haraldsen", "oystein.haraldsen@udi.no")
    text = """Hei INE,

Kort om EMN NCP-møtet i Brussel tirsdag 9. februar: jeg var der sammen med Amira. Referatet er dessverre forsinket fordi jeg har vært syk, men det kommer innen fredag 19. februar.

Hovedsaken var arbeidsprogrammet for 2027. Neste NCP-møte er ikke berammet ennå.

Si fra om dere trenger noe før det.

Hilsen
Øystein Haraldsen
rådgiver, Asylavdelingen
Tlf. 23 35 16 42
"""
    part = multipart("alternative", "_000_GV0P278MB%sCHEP278PROD_" % seed_hex("k28b", 14), [
        leaf("text/plain", text, "utf-8"), leaf("text/html", text_to_outlook_html(text), "utf-8")])
    hs = outlook_headers(addr(*staff), INE, "Referat fra EMN NCP-meeting 9. februar kommer snart",
                         "Tue, 16 Feb 2027 12:20:00 +0000", "Tue, 16 Feb 2027 12:20:00 +0000", "nb-NO", "k28")
    eml = message(hs, part)
    exp = not_invitation("oystein.haraldsen@udi.no",
                         "Internal e-mail (no forward) about a past meeting and the delayed referat; dates 9 and 19 February must not make it an invitation")
    return "k28_internal_past_meeting_not_invitation", eml, exp


CASES_G4 = [k25, k26, k27, k28]
