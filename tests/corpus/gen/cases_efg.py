"""E: free text only (languages, day ranges, distractors). F: places and online. G: not invitations."""
from lib import *

def plain(frm, subj, date, txt, b, charset="utf-8", extra=()):
    return message(frm, subj, date, text_part(txt, charset=charset), extra=extra)

K = "freetext"

# e01 Swedish Outlook header block
txt = """Hei,

Migrationsverket inviterer til nordisk møte i Norrköping, videresendt fra min svenske kollega.

Mvh
Hege Nilsen

Från: Nordiska enheten <nordiska.enheten@example.org>
Skickat: den 8 december 2026 14:20
Till: Hege Nilsen <hege.nilsen@udi.no>
Ämne: Nordiskt möte om anknytningsärenden
När: den 16 februari 2027 13:00-15:30 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien.
Var: Migrationsverket, Slottsgatan 99, Norrköping

Hej alla,
Välkomna till nordiskt möte om anknytningsärenden. Anmälan senast den 1 februari 2027.
Med vänlig hälsning
Nordiska enheten, tfn 0771-000 000
"""
eml = plain("Hege Nilsen <hege.nilsen@udi.no>", "VS: Nordiskt möte om anknytningsärenden", "Tue, 8 Dec 2026 15:00:00 +0000", txt, None)
case("e01_freetext_swedish_nar_norrkoping", eml, "Swedish Outlook header block (Från/Skickat/Ämne/När/Var), no calendar part; registration deadline and phone number are distractors",
     title="Nordiskt möte om anknytningsärenden", start="2027-02-16T13:00:00+01:00", end="2027-02-16T15:30:00+01:00", timezone="Europe/Stockholm",
     location="Migrationsverket, Slottsgatan 99, Norrköping", organizer="nordiska.enheten@example.org", participant="hege.nilsen@udi.no", forum="NORDIC", kind_label=K)

# e02 Danish header block
txt = """Til INE: dansk invitasjon, jeg deltar.

Morten

Fra: Udlændingestyrelsen Nordisk sekretariat <nordisk.sekretariat@example.org>
Sendt: 9. december 2026 10:05
Til: Morten Aas <morten.aas@udi.no>
Emne: Nordisk arbejdsgruppe om familiesammenføring
Hvornår: 4. marts 2027 10:00-14:00 (UTC+01:00) Bruxelles, København, Madrid, Paris.
Hvor: Farimagsgade 99, 1606 København V

Kære kolleger,
Vi inviterer hermed til møde i den nordiske arbejdsgruppe. Tilmelding senest 18. februar 2027.
Venlig hilsen, tlf. +45 70 00 00 00
"""
eml = plain("Morten Aas <morten.aas@udi.no>", "VS: Nordisk arbejdsgruppe om familiesammenføring", "Wed, 9 Dec 2026 11:00:00 +0000", txt, None)
case("e02_freetext_danish_hvornaar_copenhagen", eml, "Danish Outlook header block (Hvornår/Hvor) in free text; deadline and phone are distractors",
     title="Nordisk arbejdsgruppe om familiesammenføring", start="2027-03-04T10:00:00+01:00", end="2027-03-04T14:00:00+01:00", timezone="Europe/Copenhagen",
     location="Farimagsgade 99, 1606 København V", organizer="nordisk.sekretariat@example.org", participant="morten.aas@udi.no", forum="NORDIC", kind_label=K)

# e03 German header block
txt = """Hei, tysk invitasjon til GDISC-arbeidsgruppen.

Kristin

Von: GDISC Arbeitsgruppe Integration <gdisc.integration@example.org>
Gesendet: Donnerstag, 10. Dezember 2026 09:12
An: Kristin Bø <kristin.bo@udi.no>
Betreff: GDISC Arbeitsgruppe Integration - Frühjahrstreffen
Wann: Donnerstag, 22. April 2027 09:30-16:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien.
Wo: Tagungszentrum Frankenstraße 99, Nürnberg

Sehr geehrte Damen und Herren,
wir laden Sie herzlich zum Frühjahrstreffen ein. Bitte melden Sie sich bis zum 1. März 2027 an.
Mit freundlichen Grüßen
Tel.: +49 911 000 0000
"""
eml = plain("Kristin Bø <kristin.bo@udi.no>", "WG: GDISC Arbeitsgruppe Integration - Frühjahrstreffen", "Thu, 10 Dec 2026 10:00:00 +0000", txt, None)
case("e03_freetext_german_wann_nuremberg", eml, "German Outlook header block (Von/Gesendet/Betreff/Wann/Wo); summer date under (UTC+01:00) label; WG: prefix",
     title="GDISC Arbeitsgruppe Integration - Frühjahrstreffen", start="2027-04-22T09:30:00+02:00", end="2027-04-22T16:00:00+02:00", timezone="Europe/Berlin",
     location="Tagungszentrum Frankenstraße 99, Nürnberg", organizer="gdisc.integration@example.org", participant="kristin.bo@udi.no", forum="GDISC", kind_label=K)

# e04 French header block
txt = """Til orientering.

Vegard

De : Secrétariat OCDE Migrations <migration.secretariat@example.org>
Envoyé : lundi 7 décembre 2026 17:30
À : Vegard Toft <vegard.toft@udi.no>
Objet : Groupe de travail sur les migrations - réunion de février
Quand : mardi 9 février 2027 14:00-17:00 (UTC+01:00) Bruxelles, Copenhague, Madrid, Paris.
Où : Centre de conférences, 99 rue André-Pascal, Paris

Madame, Monsieur,
Veuillez trouver ci-joint l'ordre du jour. Réponse souhaitée avant le 20 janvier 2027.
"""
eml = plain("Vegard Toft <vegard.toft@udi.no>", "TR: Groupe de travail sur les migrations - réunion de février", "Mon, 7 Dec 2026 17:45:00 +0000", txt, None)
case("e04_freetext_french_quand_paris", eml, "French Outlook header block (De/Envoyé/Objet/Quand/Où) with spaces before colons; TR: prefix; OECD -> OTHER",
     title="Groupe de travail sur les migrations - réunion de février", start="2027-02-09T14:00:00+01:00", end="2027-02-09T17:00:00+01:00", timezone="Europe/Paris",
     location="Centre de conférences, 99 rue André-Pascal, Paris", organizer="migration.secretariat@example.org", participant="vegard.toft@udi.no", forum="OTHER", kind_label=K)

# e05 Norwegian range without times
txt = """Hei INE,

Se invitasjon under. Jeg er satt opp som deltaker.

Ragnhild

Fra: Utlendingsstofnun <nordic.reykjavik@example.org>
Sendt: fredag 11. desember 2026 12:00
Til: Ragnhild Eide <ragnhild.eide@udi.no>
Emne: Nordisk arbeidsmøte om mottaksforhold

Kjære nordiske kolleger,

Vi inviterer til nordisk arbeidsmøte om mottaksforhold 9.–10. mars 2027 på Hotel Example Saga, Hagatorg 99, Reykjavík.
Program kommer i februar. Svarfrist 1. februar.

Kveðja
Tlf. +354 400 0000
"""
eml = plain("Ragnhild Eide <ragnhild.eide@udi.no>", "VS: Nordisk arbeidsmøte om mottaksforhold", "Fri, 11 Dec 2026 12:30:00 +0000", txt, None)
case("e05_range_norwegian_days_reykjavik", eml, "Range of days without times '9.–10. mars 2027' (en dash) -> all-day dates; Reykjavík (UTC+00:00); reply deadline and phone are distractors",
     title="Nordisk arbeidsmøte om mottaksforhold", start="2027-03-09", end="2027-03-10", timezone="Atlantic/Reykjavik",
     location="Hotel Example Saga, Hagatorg 99, Reykjavík", organizer="nordic.reykjavik@example.org", participant="ragnhild.eide@udi.no", forum="NORDIC", kind_label=K)

# e06 English range "9-10 March 2027" Riga, Latvia
txt = """FYI - conference invitation, no times yet.

Stig

From: EMN Latvia NCP <emn.latvia.conf@example.org>
Sent: Monday, December 7, 2026 4:00 PM
To: Stig Aune <stig.aune@udi.no>
Subject: Save the date: EMN conference on labour migration

Dear colleagues,

Please save the date: the EMN conference on labour migration will take place on 9-10 March 2027 at the Example Congress Centre, Kr. Valdemāra iela 99, Riga, Latvia.
Registration opens on 11 January 2027. For questions call +371 6700 0000.
"""
eml = plain("Stig Aune <stig.aune@udi.no>", "FW: Save the date: EMN conference on labour migration", "Mon, 7 Dec 2026 16:20:00 +0000", txt, None)
case("e06_range_english_days_emn_riga", eml, "'9-10 March 2027' without times -> all-day dates; 'Riga, Latvia'; 'Save the date:' prefix; registration date and phone are distractors",
     title="Save the date: EMN conference on labour migration", start="2027-03-09", end="2027-03-10", timezone="Europe/Riga",
     location="Example Congress Centre, Kr. Valdemāra iela 99, Riga, Latvia", organizer="emn.latvia.conf@example.org", participant="stig.aune@udi.no", forum="EMN", kind_label=K)

# e07 German range "vom 9. bis 10. März 2027"
txt = """Hei, invitasjon fra ICMPD (Budapestprosessen).

Mvh Terje

Von: ICMPD Budapest-Prozess <budapest.process@example.org>
Gesendet: Dienstag, 15. Dezember 2026 11:00
An: Terje Moe <terje.moe@udi.no>
Betreff: Einladung: Expertentreffen zu Rückkehr und Reintegration

Sehr geehrte Kolleginnen und Kollegen,

das Expertentreffen findet vom 9. bis 10. März 2027 in Wien statt (ICMPD, Gonzagagasse 99, 1010 Wien).
Anmeldung bis 15. Februar 2027. Aktenzeichen 2026/4711 vom 14.12.2026.
"""
eml = plain("Terje Moe <terje.moe@udi.no>", "WG: Einladung: Expertentreffen zu Rückkehr und Reintegration", "Tue, 15 Dec 2026 11:30:00 +0000", txt, None)
case("e07_range_german_vom_bis_vienna", eml, "'vom 9. bis 10. März 2027' -> all-day dates in Vienna; file reference with a document date and a registration deadline are distractors; ICMPD -> OTHER",
     title="Einladung: Expertentreffen zu Rückkehr und Reintegration", start="2027-03-09", end="2027-03-10", timezone="Europe/Vienna",
     location="ICMPD, Gonzagagasse 99, 1010 Wien", organizer="budapest.process@example.org", participant="terje.moe@udi.no", forum="OTHER", kind_label=K)

# e08 English free text with many unrelated numbers
txt = """Dear INE,

Please note the invitation below.

Kind regards
Andreas Brun
Senior Adviser | Norwegian Directorate of Immigration (UDI)
Tel. +47 23 00 00 00 | Mob. +47 900 12 345
Postboks 1234 Sentrum, 0101 Oslo

From: Council Secretariat - Visa WP <visa.wp@example.org>
Sent: Wednesday, December 16, 2026 9:30 AM
To: Andreas Brun <andreas.brun@udi.no>
Subject: Visa Working Party (Mixed Committee)

Delegations are invited to the meeting of the Visa Working Party (Mixed Committee) on Thursday 28 January 2027 from 14:00 to 16:30 (Brussels time), Justus Lipsius building, room 70.2, Brussels.

Reference: CM 5512/26 of 11 December 2026. Documents: ST 15021/26, ST 14998/26.
Contact: +32 2 000 00 00 (09:00-17:00).

> On 3 November 2026 at 10:00 the previous meeting took place in room 50.1.
> Minutes were circulated on 20.11.2026.
"""
eml = plain("Andreas Brun <andreas.brun@udi.no>", "FW: Visa Working Party (Mixed Committee)", "Wed, 16 Dec 2026 10:00:00 +0000", txt, None)
case("e08_distractor_numbers_council_visa", eml, "Free text with many unrelated numbers (phones, postbox, document numbers and dates, office hours, quoted previous meeting); the meeting is 28 Jan 14:00-16:30",
     title="Visa Working Party (Mixed Committee)", start="2027-01-28T14:00:00+01:00", end="2027-01-28T16:30:00+01:00",
     timezone="Europe/Brussels", location="Justus Lipsius building, room 70.2, Brussels", organizer="visa.wp@example.org", participant="andreas.brun@udi.no",
     forum="COUNCIL", kind_label=K)

# e09 Norwegian: new meeting on Teams + quoted older mail with an older meeting's header block
txt = """Hei INE,

Ny innkalling fra programkomiteen, se under. Møtet i november (sitert nederst) er det gamle.

Mvh
Lars Ødegaard

Fra: FMO programkomité <programme.committee@example.org>
Sendt: mandag 14. desember 2026 08:30
Til: Lars Ødegaard <lars.odegaard@udi.no>
Emne: EØS-midlene: programkomiteen for Migrasjon og asyl - møte 1/2027

Hei alle,

Neste møte i programkomiteen holdes tirsdag 2. februar 2027 kl. 09.00–11.30 på Teams:
https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmMoMjAyNw@thread.v2/0

Saksliste sendes ut senest en uke før.

Hilsen sekretariatet

-----Opprinnelig melding-----
Fra: FMO programkomité <programme.committee@example.org>
Sendt: tirsdag 3. november 2026 14:00
Emne: EØS-midlene: programkomiteen - møte 4/2026
Når: torsdag 12. november 2026 09:00-12:00
Hvor: Rue Joseph II 99, Brussel
"""
eml = plain("Lars Ødegaard <lars.odegaard@udi.no>", "VS: EØS-midlene: programkomiteen for Migrasjon og asyl - møte 1/2027", "Mon, 14 Dec 2026 09:00:00 +0000", txt, None)
case("e09_quoted_older_meeting_eeagrants_teams", eml, "Norwegian free text 'tirsdag 2. februar 2027 kl. 09.00–11.30 på Teams'; a quoted older mail with its own Når/Hvor block (Nov 2026, Brussels) must not win; online only",
     title="EØS-midlene: programkomiteen for Migrasjon og asyl - møte 1/2027", start="2027-02-02T09:00:00+01:00", end="2027-02-02T11:30:00+01:00", timezone=None,
     location="Teams", online=True, organizer="programme.committee@example.org", participant="lars.odegaard@udi.no", forum="EEA_GRANTS", kind_label=K)

# e10 Swedish range
txt = """Hei,

Svensk invitasjon til nordisk seminar, to dager uten klokkeslett ennå.

Camilla

Från: Migrationsverket Nordiskt samarbete <nordiskt.samarbete@example.org>
Skickat: den 10 december 2026 09:00
Till: Camilla Ness <camilla.ness@udi.no>
Ämne: Inbjudan till nordiskt seminarium om återvändande

Hej!
Vi bjuder in till nordiskt seminarium om återvändande den 25–26 maj 2027 på Konferenscentrum Example, Mässans gata 99, Göteborg.
Sista anmälningsdag 30 april 2027.
"""
eml = plain("Camilla Ness <camilla.ness@udi.no>", "VS: Inbjudan till nordiskt seminarium om återvändande", "Thu, 10 Dec 2026 09:30:00 +0000", txt, None)
case("e10_range_swedish_days_gothenburg", eml, "Swedish 'den 25–26 maj 2027' without times -> all-day dates; Göteborg (Europe/Stockholm); deadline distractor",
     title="Inbjudan till nordiskt seminarium om återvändande", start="2027-05-25", end="2027-05-26", timezone="Europe/Stockholm",
     location="Konferenscentrum Example, Mässans gata 99, Göteborg", organizer="nordiskt.samarbete@example.org", participant="camilla.ness@udi.no", forum="NORDIC", kind_label=K)

# e11 French range "du 9 au 10 mars 2027", Strasbourg
txt = """Hei, fransk invitasjon (Europarådet), jeg vurderer å delta.

Ida

De : Secrétariat CDMG <cdmg.secretariat@example.org>
Envoyé : mercredi 16 décembre 2026 15:00
À : Ida Rønning <ida.ronning@udi.no>
Objet : Invitation à la réunion plénière du comité d'experts sur les migrations

Madame, Monsieur,
La réunion plénière se tiendra du 9 au 10 mars 2027 au Palais de l'Europe, avenue de l'Europe, Strasbourg.
Merci de confirmer votre participation avant le 5 février 2027 (tél. +33 3 88 00 00 00).
"""
eml = plain("Ida Rønning <ida.ronning@udi.no>", "TR: Invitation à la réunion plénière du comité d'experts sur les migrations", "Wed, 16 Dec 2026 15:20:00 +0000", txt, None)
case("e11_range_french_du_au_strasbourg", eml, "French 'du 9 au 10 mars 2027' without times -> all-day dates; Strasbourg (Europe/Paris); 'Invitation à' leading word; Council of Europe -> OTHER",
     title="Invitation à la réunion plénière du comité d'experts sur les migrations", start="2027-03-09", end="2027-03-10", timezone="Europe/Paris",
     location="Palais de l'Europe, avenue de l'Europe, Strasbourg", organizer="cdmg.secretariat@example.org", participant="ida.ronning@udi.no", forum="OTHER", kind_label=K)

# ---------------- F: places ----------------
K = "place"

# f01 Cambridge, MA (US Eastern, DST already on 8 April)
txt = """Hi INE,

Invitation to the Cambridge workshop on refugee integration; I have been asked to present.

Best,
Eva Lind

From: Integration Policy Lab <policylab@example.edu>
Sent: Monday, December 14, 2026 3:00 PM
To: Eva Lind <eva.lind@udi.no>
Subject: Workshop: Refugee integration outcomes in Europe and North America
When: Thursday, April 8, 2027 9:00 AM-5:00 PM (UTC-05:00) Eastern Time (US & Canada).
Where: Example Policy Center, 99 Example Street, Cambridge, MA

Dear colleagues, we are delighted to invite you to a one-day workshop.
"""
eml = plain("Eva Lind <eva.lind@udi.no>", "FW: Workshop: Refugee integration outcomes in Europe and North America", "Mon, 14 Dec 2026 15:30:00 +0000", txt, None)
case("f01_cambridge_ma_us_eastern_dst", eml, "'Cambridge, MA' is in Massachusetts (America/New_York), not England; 8 April is after US DST start, so UTC-04:00 although the label says UTC-05:00",
     title="Workshop: Refugee integration outcomes in Europe and North America", start="2027-04-08T09:00:00-04:00", end="2027-04-08T17:00:00-04:00",
     timezone="America/New_York", location="Example Policy Center, 99 Example Street, Cambridge, MA", organizer="policylab@example.edu", participant="eva.lind@udi.no", forum="OTHER", kind_label=K)

# f02 Vilnius, Lithuania with UTC calendar times
uid = "frontex-jo-eval-2027-0511@example.org"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Events//EN", "METHOD:REQUEST", "BEGIN:VEVENT", f"UID:{uid}",
           "SEQUENCE:0", "DTSTAMP:20261214T120000Z", "DTSTART:20270511T060000Z", "DTEND:20270511T140000Z",
           "SUMMARY:Frontex joint operations evaluation meeting", "LOCATION:Example Conference Centre\\, Konstitucijos pr. 99\\, Vilnius\\, Lithuania",
           "ORGANIZER;CN=Frontex JO Evaluation:mailto:jo.evaluation@example.org", "END:VEVENT", "END:VCALENDAR"])
txt = """FYI.

Geir

-----Original Message-----
From: Frontex JO Evaluation <jo.evaluation@example.org>
Sent: Monday, December 14, 2026 1:00 PM
To: Geir Tangen <geir.tangen@udi.no>
Subject: Frontex joint operations evaluation meeting

Please find the invitation attached.
"""
eml = message("Geir Tangen <geir.tangen@udi.no>", "FW: Frontex joint operations evaluation meeting", "Mon, 14 Dec 2026 13:20:00 +0000",
              multipart("mixed", [text_part(txt), cal_part(cal, filename="invite.ics")], "_f02_vilnius_"))
case("f02_vilnius_lithuania_utc_frontex", eml, "Calendar times in UTC only; venue 'Vilnius, Lithuania' gives Europe/Vilnius; summer time UTC+03:00 -> 09:00-17:00 local",
     title="Frontex joint operations evaluation meeting", start="2027-05-11T09:00:00+03:00", end="2027-05-11T17:00:00+03:00", timezone="Europe/Vilnius",
     location="Example Conference Centre, Konstitucijos pr. 99, Vilnius, Lithuania", organizer="jo.evaluation@example.org", participant="geir.tangen@udi.no",
     forum="FRONTEX", ical_uid=uid, sequence=0, kind_label=K)

# f03 Stockholm venue (no country), free text English
txt = """Hi,

Invitation to the UNHCR Nordic-Baltic consultation, forwarded for registration.

Maria Solheim

From: UNHCR Representation for the Nordic and Baltic Countries <nordicbaltic@example.org>
Sent: Tuesday, December 15, 2026 10:00 AM
To: Maria Solheim <maria.solheim@udi.no>
Subject: Nordic-Baltic consultation on resettlement 2027
When: Wednesday, May 12, 2027 10:00 AM-3:00 PM (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna.
Where: Konferens Slussen, Stadsgårdshamnen 99, 116 45 Stockholm

Dear partners, we look forward to welcoming you.
"""
eml = plain("Maria Solheim <maria.solheim@udi.no>", "FW: Nordic-Baltic consultation on resettlement 2027", "Tue, 15 Dec 2026 10:30:00 +0000", txt, None)
case("f03_stockholm_venue_unhcr", eml, "Stockholm venue with street and postcode (Europe/Stockholm, not Bratislava or another zone of the same offset); May -> UTC+02:00 despite the label",
     title="Nordic-Baltic consultation on resettlement 2027", start="2027-05-12T10:00:00+02:00", end="2027-05-12T15:00:00+02:00", timezone="Europe/Stockholm",
     location="Konferens Slussen, Stadsgårdshamnen 99, 116 45 Stockholm", organizer="nordicbaltic@example.org", participant="maria.solheim@udi.no", forum="UNHCR", kind_label=K)

# f04 online-only Webex, free text
txt = """Hei,

Nettmøte i EMN-ekspertgruppen, se under.

Ole Kristian Nes

From: EMN Asylum Expert Group <emn.asylum.eg@example.org>
Sent: Wednesday, December 16, 2026 2:00 PM
To: Ole Kristian Nes <ole.nes@udi.no>
Subject: EMN Asylum Expert Group - online meeting
When: Friday, January 22, 2027 10:00 AM-12:00 PM (UTC+01:00) Brussels, Copenhagen, Madrid, Paris.
Where: Webex

Join the Webex meeting:
https://example.webex.com/example/j.php?MTID=m4d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5
Meeting number: 2741 555 0123
Password: EMN2027
"""
eml = plain("Ole Kristian Nes <ole.nes@udi.no>", "FW: EMN Asylum Expert Group - online meeting", "Wed, 16 Dec 2026 14:10:00 +0000", txt, None)
case("f04_webex_online_only_emn", eml, "Online-only Webex meeting in free text: timezone null, online true; meeting number/password digits are distractors",
     title="EMN Asylum Expert Group - online meeting", start="2027-01-22T10:00:00+01:00", end="2027-01-22T12:00:00+01:00", timezone=None,
     location="Webex", online=True, organizer="emn.asylum.eg@example.org", participant="ole.nes@udi.no", forum="EMN", kind_label=K)

# f05 hybrid Valletta with Zoom link, calendar with IANA Europe/Malta
uid = "euaa-vuln-2027-04@example.org"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Events//EN", "METHOD:REQUEST", *vtz_eu("Europe/Malta"), "BEGIN:VEVENT",
           f"UID:{uid}", "SEQUENCE:0", "DTSTAMP:20261216T100000Z", "DTSTART;TZID=Europe/Malta:20270413T093000",
           "DTEND;TZID=Europe/Malta:20270414T130000", "SUMMARY:EUAA Vulnerability Experts Network meeting",
           "LOCATION:EUAA\\, Winemakers Wharf\\, Valletta (hybrid)",
           "DESCRIPTION:Hybrid meeting. Remote participants join via Zoom: https://example.zoom.us/j/91234567890",
           "ORGANIZER;CN=EUAA Vulnerability Network:mailto:vulnerability.network@example.org", "END:VEVENT", "END:VCALENDAR"])
txt = """Til info, jeg deltar fra Oslo via Zoom.

Silje Berge

From: EUAA Vulnerability Network <vulnerability.network@example.org>
Sent: Wednesday, December 16, 2026 11:00 AM
To: Silje Berge <silje.berge@udi.no>
Subject: EUAA Vulnerability Experts Network meeting

Hybrid meeting. Remote participants join via Zoom: https://example.zoom.us/j/91234567890
"""
eml = message("Silje Berge <silje.berge@udi.no>", "VS: EUAA Vulnerability Experts Network meeting", "Wed, 16 Dec 2026 11:30:00 +0000",
              multipart("mixed", [text_part(txt), cal_part(cal, filename="invite.ics")], "_f05_valletta_"))
case("f05_hybrid_zoom_euaa_valletta", eml, "Hybrid: Valletta venue with a Zoom link in DESCRIPTION -> online true and timezone Europe/Malta; participant joins remotely from Oslo (not the venue)",
     title="EUAA Vulnerability Experts Network meeting", start="2027-04-13T09:30:00+02:00", end="2027-04-14T13:00:00+02:00", timezone="Europe/Malta",
     location="EUAA, Winemakers Wharf, Valletta", online=True, organizer="vulnerability.network@example.org", participant="silje.berge@udi.no",
     forum="EUAA", ical_uid=uid, sequence=0, kind_label=K)

# ---------------- G: not invitations ----------------
K = "not_invitation"

txt = """Reisen til Brussel er bestilt, til info.

Jonas

From: Example Travel <noreply@travel.example.com>
Sent: Thursday, December 17, 2026 8:00 AM
To: Jonas Vik <jonas.vik@udi.no>
Subject: Booking confirmation - reference K7Q2ZP

Your trip is confirmed.
Booking reference: K7Q2ZP

Outbound: Tue 19 Jan 2027, flight XY 4152 Oslo (OSL) 07:10 - Brussels (BRU) 09:25
Return:   Thu 21 Jan 2027, flight XY 4157 Brussels (BRU) 18:40 - Oslo (OSL) 20:55
Passenger: VIK/JONAS MR
Ticket number: 123-4567890123
Total price: NOK 5 432

Purpose of travel (from your profile): Working Party on Frontiers, Brussels
"""
eml = plain("Jonas Vik <jonas.vik@udi.no>", "VS: Booking confirmation - reference K7Q2ZP", "Thu, 17 Dec 2026 08:30:00 +0000", txt, None)
case("g01_travel_booking_not_invitation", eml, "Forwarded flight booking with dates, times, Brussels and a meeting name in 'purpose of travel': not an invitation",
     kind="not_invitation", participant="jonas.vik@udi.no", kind_label=K)

txt = """EUROPEAN MIGRATION NETWORK - NEWSLETTER December 2026

Upcoming events
* 26 January 2027 - EMN Return Expert Group, Brussels
* 9-10 March 2027 - EMN conference on labour migration, Riga
* 12 May 2027, 09:30-12:30 - Expert Group on Statelessness, online

New publications: EMN Inform on unaccompanied minors (3 December 2026).

You receive this newsletter because you subscribed with ine@udi.no.
Unsubscribe: https://newsletter.example.org/unsubscribe?u=ine
"""
eml = message("EMN Newsletter <newsletter@example.org>", "EMN Newsletter - December 2026", "Fri, 18 Dec 2026 07:00:00 +0000", text_part(txt),
              extra=["List-Unsubscribe: <https://newsletter.example.org/unsubscribe?u=ine>", "List-Id: EMN Newsletter <emn-news.example.org>", "Precedence: bulk"])
case("g02_newsletter_external_not_invitation", eml, "Bulk newsletter sent straight to INE (List-Unsubscribe, Precedence: bulk) listing events with dates, a range and times: not an invitation; external sender so participant null",
     kind="not_invitation", participant=None, kind_label=K)

txt = """Thank you for your message.

I am out of the office from 21 December 2026 until 8 January 2027 with no access to e-mail.
On 12 January 2027 I will attend the Frontiers Working Party in Brussels.
For urgent matters please contact the secretariat at +32 2 000 00 00 or secretariat@example.org.

Kind regards,
Petra Example
"""
eml = message("Petra Example <petra.example@example.org>", "Automatic reply: Working Party on Frontiers - Norwegian comments", "Mon, 21 Dec 2026 09:00:00 +0000",
              text_part(txt), extra=["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All", "In-Reply-To: <ine-2026-12-21-001@udi.no>"])
case("g03_external_oof_not_invitation", eml, "External out-of-office auto-reply to INE (Auto-Submitted) with absence dates and a meeting mention: not an invitation; participant null",
     kind="not_invitation", participant=None, kind_label=K)

txt = """Hei INE, hotellbekreftelse for Brussel-turen, til arkivet.

Hanne Aasland

From: Hotel Example Brussels <reservations@hotel.example.com>
Sent: Friday, December 18, 2026 2:00 PM
To: Hanne Aasland <hanne.aasland@udi.no>
Subject: Your reservation is confirmed - confirmation no. 88213457

Dear Ms Aasland,

Thank you for choosing Hotel Example Brussels, Rue de la Loi 99, 1040 Brussels.

Check-in: Wednesday 20 January 2027, from 15:00
Check-out: Friday 22 January 2027, until 11:00
Room: Standard single, 2 nights, EUR 312.00
Breakfast served 06:30-10:30.

We look forward to welcoming you.
"""
eml = plain("Hanne Aasland <hanne.aasland@udi.no>", "VS: Your reservation is confirmed - confirmation no. 88213457", "Fri, 18 Dec 2026 14:30:00 +0000", txt, None)
case("g04_hotel_confirmation_not_invitation", eml, "Forwarded hotel confirmation with check-in/out dates and times in Brussels: not an invitation",
     kind="not_invitation", participant="hanne.aasland@udi.no", kind_label=K)
