"""Group 2: distractors (numbers that must not become the meeting time)."""
from common import *


def k14():
    staff = ("Jonas Vestre", "jonas.vestre@udi.no")
    text = """Hei INE,

Jeg deltar på IGC-møtet i Stockholm. Se invitasjonen under.

Med vennlig hilsen
Jonas Vestre
seniorrådgiver, Landinfo-koordinering
Utlendingsdirektoratet
Telefon: 23 35 15 00 | Mobil: 934 56 789

From: Elin Sandberg <elin.sandberg@migrationsverket.example.org>
Sent: Thursday, 11 February 2027 14:06
To: IGC COI Working Group <coi.wg@igc.example.org>
Subject: IGC COI Working Group - spring meeting in Stockholm

Dear colleagues,

Sweden is pleased to host the spring meeting of the IGC Working Group on Country of Origin Information.

The meeting will take place on Thursday 18 March 2027 from 13:00 to 15:30 at Migrationsverket, Kungsgatan 30, Stockholm.

The draft agenda is attached.

Best regards,

Elin Sandberg
Senior Analyst | Lifos – Centre for Country of Origin Information and Analysis
Migrationsverket
Phone: +46 10 485 12 30 | Mobile: +46 70 612 44 09
Ref: MIG-2027-0219 | Document date: 2027-02-11
Office hours 08:00-16:30 CET (Mon-Fri)
"""
    pdf = b"%PDF-1.4\n% draft agenda IGC COI WG 18.03.2027 (placeholder)\n%%EOF\n"
    eml = outlook_fwd("k14", staff, "VS: IGC COI Working Group - spring meeting in Stockholm",
                      "Fri, 12 Feb 2027 08:01:00 +0000", text, labels=NB_LABELS + EN_LABELS,
                      attach=[("application/pdf", "IGC COI WG draft agenda.pdf", pdf)])
    exp = expected(title="IGC COI Working Group - spring meeting in Stockholm", start="2027-03-18T13:00:00+01:00",
                   end="2027-03-18T15:30:00+01:00", timezone="Europe/Stockholm",
                   location="Migrationsverket, Kungsgatan 30, Stockholm", organizer="elin.sandberg@migrationsverket.example.org",
                   participant="jonas.vestre@udi.no", forum="IGC",
                   notes="Signatures with phone numbers (23 35 15 00, +46 70 612 44 09), a document date 2027-02-11 and office hours 08:00-16:30 must not become the meeting; time in a sentence 'from 13:00 to 15:30'")
    return "k14_signature_phones_docdate_stockholm", eml, exp


def k15():
    staff = ("Ingvild Rønning", "ingvild.ronning@udi.no")
    text = """Til registrering.

Ingvild

Fra: Ole Brekke <ole.brekke@eu-mission.example.org>
Sendt: mandag 29. mars 2027 09:18
Til: Ingvild Rønning <ingvild.ronning@udi.no>
Kopi: Kari Vold <kari.vold@jd.example.org>
Emne: Blandet komité – Arbeidsgruppen for grenser 14. april 2027

Vår ref.: 27/03-2027
Deres ref.: 26/4411-7

Hei,

Arbeidsgruppen for grenser (Blandet komité) møtes onsdag 14. april 2027 kl. 10.00–13.00 i Justus Lipsius-bygningen, Brussel. Hovedpunkt er gjennomgang av EES-overgangsperioden.

Gi beskjed om deltakelse så snart som mulig.

Hilsen
Ole Brekke
ambassaderåd, Norges delegasjon til EU
"""
    eml = outlook_fwd("k15", staff, "VS: Blandet komité – Arbeidsgruppen for grenser 14. april 2027",
                      "Mon, 29 Mar 2027 10:40:00 +0000", text)
    exp = expected(title="Blandet komité – Arbeidsgruppen for grenser 14. april 2027", start="2027-04-14T10:00:00+02:00",
                   end="2027-04-14T13:00:00+02:00", timezone="Europe/Brussels",
                   location="Justus Lipsius-bygningen, Brussel", organizer="ole.brekke@eu-mission.example.org",
                   participant="ingvild.ronning@udi.no", forum="COUNCIL",
                   notes="Reference 'Vår ref.: 27/03-2027' looks like 27 March 2027 and must not become the date; Norwegian 'kl. 10.00–13.00'; Brussels summer time")
    return "k15_reference_27_03_2027_brussel", eml, exp


def k16():
    staff = ("Henrik Bakke", "henrik.bakke@udi.no")
    text = """Hei,

Registrer gjerne – jeg har meldt meg på.

Henrik

Fra: Frontex Return Network <return.network@frontex.example.org>
Sendt: mandag 22. mars 2027 11:30
Til: Frontex Return Network members
Emne: Frontex Return Network – Direct Contact Points meeting, Warsaw

IMPORTANT: registration closes on 15 April 2027 at 12:00 CET. Late registrations cannot be accepted for security reasons.

Dear Direct Contact Points,

Frontex is pleased to invite you to the meeting of the Return Network Direct Contact Points.

Date: Wednesday, 19 May 2027
Time: 09:30–16:00 (local time)
Venue: Frontex Headquarters, Plac Europejski 6, Warsaw

Reimbursement claims must be submitted within 30 days after the meeting.

Kind regards,
Return Network Secretariat
"""
    eml = outlook_fwd("k16", staff, "VS: Frontex Return Network – Direct Contact Points meeting, Warsaw",
                      "Tue, 23 Mar 2027 07:02:00 +0000", text, labels=NB_LABELS)
    exp = expected(title="Frontex Return Network – Direct Contact Points meeting, Warsaw", start="2027-05-19T09:30:00+02:00",
                   end="2027-05-19T16:00:00+02:00", timezone="Europe/Warsaw",
                   location="Frontex Headquarters, Plac Europejski 6, Warsaw", organizer="return.network@frontex.example.org",
                   participant="henrik.bakke@udi.no", forum="FRONTEX",
                   notes="Registration deadline with date and time (15 April 2027 at 12:00 CET) comes first in the text, before the meeting's own date; 'local time' = Warsaw summer time")
    return "k16_registration_deadline_first_warsaw", eml, exp


def k17():
    staff = ("Sunniva Åsen", "sunniva.asen@udi.no")
    body = """Dear colleagues,

Thank you for a productive meeting in Helsinki. We are happy to invite you to the NSHF meeting 2/2027, hosted by the Directorate of Immigration of Iceland:

Thursday 16 September 2027, 09:00–15:00
Harpa Conference Centre, Austurbakki 2, Reykjavík

Hotel suggestions will follow in June.

Best regards,
Sigrún Jónsdóttir
NSHF secretariat 2027

On Wed, 20 Jan 2027 at 10:14, Sigrún Jónsdóttir <sigrun.jonsdottir@utl.example.org> wrote:
> Dear colleagues,
>
> The NSHF meeting 1/2027 will be held in Helsinki on Wednesday 24 March 2027, 10:00–16:00, at the Finnish Immigration Service, Panimokatu 2a.
>
> Please register by 1 March.
>
> Best regards,
> Sigrún"""
    eml = gmail_fwd("k17", staff, "Fwd: NSHF meeting 2/2027 – Reykjavík, 16 September",
                    "Mon, 3 May 2027 11:20:31 +0000",
                    "Hei INE,\nny NSHF-invitasjon. Jeg reiser til Reykjavík.\n\nSunniva",
                    "Sigrún Jónsdóttir <sigrun.jonsdottir@utl.example.org>", "Fri, 30 Apr 2027 at 13:45",
                    "NSHF meeting 2/2027 – Reykjavík, 16 September", "Sunniva Åsen <sunniva.asen@udi.no>", body)
    exp = expected(title="NSHF meeting 2/2027 – Reykjavík, 16 September", start="2027-09-16T09:00:00+00:00",
                   end="2027-09-16T15:00:00+00:00", timezone="Atlantic/Reykjavik",
                   location="Harpa Conference Centre, Austurbakki 2, Reykjavík", organizer="sigrun.jonsdottir@utl.example.org",
                   participant="sunniva.asen@udi.no", forum="NORDIC",
                   notes="Gmail forward whose message quotes (with '>') the organizer's older invitation to a March meeting in Helsinki below the current one; the current meeting is the one at the top; Reykjavík is UTC+00:00 all year")
    return "k17_quoted_older_meeting_reykjavik", eml, exp


def k18():
    staff = ("Kristine Haugland", "kristine.haugland@udi.no")
    text = """Hei,

Jeg deltar på dette nettverksmøtet i Riga. Registrer gjerne.

Kristine

Fra: EUAA Reception Network <reception.network@euaa.example.org>
Sendt: tirsdag 9. mars 2027 16:45
Til: EUAA Network of Reception Authorities
Emne: EUAA Network of Reception Authorities – spring meeting 2027

Dear members of the Network,

The spring meeting of the EUAA Network of Reception Authorities will be held on Thursday 22 April 2027 at the Hotel Daugava Conference Centre, Kuģu iela 24, Riga, Latvia, hosted by the Office of Citizenship and Migration Affairs.

Draft agenda
09:30 Opening and welcome by the host
10:00 Session 1: Contingency planning and reception capacity
11:30 Coffee break
11:45 Session 2: Reception of vulnerable applicants
13:00 Lunch
14:00 Session 3: Operational standards and indicators
15:30 Conclusions and next steps
16:00 End of meeting

Kind regards,
EUAA Reception Network Secretariat
"""
    eml = outlook_fwd("k18", staff, "VS: EUAA Network of Reception Authorities – spring meeting 2027",
                      "Wed, 10 Mar 2027 08:12:00 +0000", text, labels=NB_LABELS)
    exp = expected(title="EUAA Network of Reception Authorities – spring meeting 2027", start="2027-04-22T09:30:00+03:00",
                   end="2027-04-22T16:00:00+03:00", timezone="Europe/Riga",
                   location="Hotel Daugava Conference Centre, Kuģu iela 24, Riga, Latvia",
                   organizer="reception.network@euaa.example.org", participant="kristine.haugland@udi.no", forum="EUAA",
                   notes="Agenda with several session times: start is the first item (09:30), end is 'End of meeting' (16:00); date only in a sentence; Riga is UTC+03:00 in April; UTF-8 'ģ' in venue")
    return "k18_agenda_sessions_riga", eml, exp


CASES_G2 = [k14, k15, k16, k17, k18]
