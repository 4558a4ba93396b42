"""Group 3: damaged calendars, PUBLISH with several events, all-day same day (h18-h25)."""
import quopri
from common import *  # noqa

# ---------------------------------------------------------------- h18 invalid DTEND value
uid = "reg-emn-lv-2027-0511-7731@events.example.net"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//EventReg//Registration Platform 3.1//EN", "METHOD:REQUEST",
           *vtz_iana("Europe/Riga", "+0200", "+0300", "EET", "EEST", "040000", "030000"),
           "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20270402T090000Z",
           "DTSTART;TZID=Europe/Riga:20270511T093000", "DTEND;TZID=Europe/Riga:2027-05-1",
           "SUMMARY:EMN Latvia National Conference: Integration of Beneficiaries of Temporary Protection",
           "LOCATION:Radisson Blu Latvija Conference Centre, Elizabetes iela 55, Riga",
           "ORGANIZER;CN=EMN Latvia:mailto:emn.latvia@pmlp.example.net", "SEQUENCE:0", "STATUS:CONFIRMED",
           "DESCRIPTION:Thank you for registering. Your badge can be collected at the registration desk.",
           "END:VEVENT", "END:VCALENDAR"])
note = """Hei,

Jeg er påmeldt EMN-konferansen i Riga og fikk denne bekreftelsen med kalenderfil.

Hilsen
Lise Grande Moen
EMN-kontaktpunktet

-----Opprinnelig melding-----
Fra: EMN Latvia <emn.latvia@pmlp.example.net>
Sendt: fredag 2. april 2027 11:00
Til: Lise Grande Moen <lise.grande.moen@udi.no>
Emne: Registration confirmed: EMN Latvia National Conference

Dear Ms Grande Moen,

Thank you for registering for the EMN Latvia National Conference: Integration of Beneficiaries of Temporary Protection, 11 May 2027, Radisson Blu Latvija Conference Centre, Riga.
The calendar entry is attached. Your badge can be collected at the registration desk.

Registration no. 2027-0511-7731
"""
body = multipart("mixed", [text_part(note), cal_part(cal, method="REQUEST", cte="base64", filename="event.ics")], "_004_H18MIX_")
eml = message("Lise Grande Moen <lise.grande.moen@udi.no>", "VS: Registration confirmed: EMN Latvia National Conference",
              "Mon, 5 Apr 2027 07:15:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h18"))
case("h18_bad_dtend_value_emn_riga", eml, "DTEND value '2027-05-1' is unreadable: keep the rest of the event, end = null (body gives no end time); registration number is a distractor; Riga EEST +03:00",
     title="EMN Latvia National Conference: Integration of Beneficiaries of Temporary Protection", start="2027-05-11T09:30:00+03:00",
     end=None, timezone="Europe/Riga", location="Radisson Blu Latvija Conference Centre, Elizabetes iela 55, Riga",
     organizer="emn.latvia@pmlp.example.net", participant="lise.grande.moen@udi.no", forum="EMN", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h19 TZID not defined anywhere
uid = outlook_uid("h19-visa-wp")
cal = ics(["BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
           "BEGIN:VEVENT", "ORGANIZER;CN=Visa WP Secretariat:mailto:visa.secretariat@council.example.org",
           "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Visa WP delegates:mailto:visa-delegates@council.example.org",
           "DESCRIPTION;LANGUAGE=en-US:Provisional agenda: 1. Reports from local Schengen cooperation 2. Digital visa platform: state of play of the roll-out 3. AOB\\n",
           "UID:" + uid, "SUMMARY;LANGUAGE=en-US:Visa Working Party (Mixed Committee)",
           "DTSTART;TZID=Customized Time Zone 1:20270303T100000", "DTEND;TZID=Customized Time Zone 1:20270303T180000",
           "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270210T160000Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
           "LOCATION;LANGUAGE=en-US:Justus Lipsius building, room 30.2, Brussels", "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
           "X-MICROSOFT-CDO-INSTTYPE:0", "END:VEVENT", "END:VCALENDAR"])
note = """Hei,

Visumarbeidsgruppen 3. mars, jeg møter for UDI sammen med UD.

Mvh
Tor Einar Hagen

""" + outlook_fwd_header_nb("Visa WP Secretariat <visa.secretariat@council.example.org>", "onsdag 10. februar 2027 17:00",
                            "Visa WP delegates", "Visa Working Party (Mixed Committee)",
                            "onsdag 3. mars 2027 10:00-18:00 (UTC+01:00) Brussel, København, Madrid, Paris.",
                            "Justus Lipsius building, room 30.2, Brussels") + """
Provisional agenda: 1. Reports from local Schengen cooperation 2. Digital visa platform: state of play of the roll-out 3. AOB
"""
eml = outlook_forward("Tor Einar Hagen <tor.einar.hagen@udi.no>", "VS: Visa Working Party (Mixed Committee)",
                      "Thu, 11 Feb 2027 08:00:00 +0000", note, cal)
case("h19_undefined_tzid_council_visa", eml, "DTSTART/DTEND use TZID 'Customized Time Zone 1' with no VTIMEZONE in the calendar: local times are read in the venue's zone (Brussels), which the Norwegian 'Når:' line confirms (UTC+01:00 Brussel)",
     title="Visa Working Party (Mixed Committee)", start="2027-03-03T10:00:00+01:00", end="2027-03-03T18:00:00+01:00",
     timezone="Europe/Brussels", location="Justus Lipsius building, room 30.2, Brussels", organizer="visa.secretariat@council.example.org",
     participant="tor.einar.hagen@udi.no", forum="COUNCIL", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h20 QP residue in a calendar part declared 7bit (BlackBerry style)
uid = "bb-7f3e2a91c4d8@oecd.example.org"
clean = ics(["BEGIN:VCALENDAR", "PRODID:-//BlackBerry//Calendar 10.3//EN", "VERSION:2.0", "METHOD:REQUEST",
             *vtz_iana("Europe/Paris", "+0100", "+0200", "CET", "CEST"),
             "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20270512T081500Z",
             "DTSTART;TZID=Europe/Paris:20270629T093000", "DTEND;TZID=Europe/Paris:20270629T180000",
             "SUMMARY:OECD Working Party on Migration - June session",
             "LOCATION:OECD Conference Centre, 2 rue Andre Pascal, Paris, Room CC9",
             "ORGANIZER;CN=OECD Migration Division:mailto:migration.division@oecd.example.org",
             "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=WPM delegates:mailto:wpm-delegates@oecd.example.org",
             "DESCRIPTION:Annotated agenda and documents are on the OECD delegates portal. Item 4: labour market integration outcomes of refugees (draft chapter of the International Migration Outlook).",
             "SEQUENCE:0", "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"], fold_lines=False)
residue = quopri.encodestring(clean.replace("\r\n", "\n").encode()).decode().replace("\n", "\r\n")
assert "=3D" in residue and "=\r\n" in residue
body = multipart("mixed", [text_part("""Hi INE,

Forwarding from my phone, the OECD WPM session in Paris. I am the delegate.

Ola Strand

Sent from my BlackBerry

From: OECD Migration Division <migration.division@oecd.example.org>
Sent: 12 May 2027 10:15
To: wpm-delegates@oecd.example.org
Subject: OECD Working Party on Migration - June session
"""), "Content-Type: text/calendar; charset=\"utf-8\"; method=REQUEST\r\nContent-Transfer-Encoding: 7bit\r\nContent-Disposition: attachment; filename=\"invite.ics\"\r\n\r\n" + residue],
                 "----BB-9f2c0e7a4b1d")
eml = message("Ola Strand <ola.strand@udi.no>", "Fw: OECD Working Party on Migration - June session",
              "Wed, 12 May 2027 09:02:00 +0000", body, extra=("X-Mailer: BlackBerry Email (10.3.3.3216)",), msgid="<bb.20270512090200.3a7f@udi.no>")
case("h20_qp_residue_7bit_other_oecd_paris", eml, "Calendar part labelled 7bit but still quoted-printable encoded (=3D, '=' soft line breaks): repair before reading; 'Fw:' prefix; OECD -> OTHER",
     title="OECD Working Party on Migration - June session", start="2027-06-29T09:30:00+02:00", end="2027-06-29T18:00:00+02:00",
     timezone="Europe/Paris", location="OECD Conference Centre, 2 rue Andre Pascal, Paris, Room CC9",
     organizer="migration.division@oecd.example.org", participant="ola.strand@udi.no", forum="OTHER", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h21 folds without the leading space
uid = "20270615T070000Z-4f81c2a9d3@confluence.eulisa.example.org"
lines = ["BEGIN:VCALENDAR", "PRODID:-//Atlassian Confluence//Calendar Plugin 1.0//EN", "VERSION:2.0", "METHOD:REQUEST",
         "CALSCALE:GREGORIAN", *vtz_iana("Europe/Paris", "+0100", "+0200", "CET", "CEST"),
         "BEGIN:VEVENT", "DTSTAMP:20270520T113000Z", "UID:" + uid,
         "SUMMARY:SIS Advisory Group - 58th meeting",
         "DTSTART;TZID=Europe/Paris:20270615T090000", "DTEND;TZID=Europe/Paris:20270615T170000",
         "ORGANIZER;X-CONFLUENCE-USER-KEY=8a7f80c37b1e4f2a017b2c5d9e3f0012;CN=Daniela Ferr",
         "ari;CUTYPE=INDIVIDUAL:mailto:daniela.ferrari@eulisa.example.org",
         "ATTENDEE;X-CONFLUENCE-USER-KEY=8a7f80c37b1e4f2a017b2c5d9e3f0099;CN=SIS AG member",
         "s;CUTYPE=GROUP;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:sis-ag@eulisa.example.org",
         "LOCATION:eu-LISA Operational Site, 18 rue de la Faisanderie, 67100 Strasbour",
         "g",
         "DESCRIPTION:Draft agenda: 1. Adoption of the agenda 2. SIS operational statis",
         "tics Q1 2027 3. Planning of the SIS release 2028 4. Security incident report",
         "ing 5. AOB. Please confirm attendance in the delegates portal.",
         "SEQUENCE:0", "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
cal = "\r\n".join(lines) + "\r\n"
note = """Hei,

Invitasjon til SIS AG i Strasbourg i juni. Jeg reiser.

Hilsen
Marius Ødegård
Seksjon for ID og verifisering

-----Opprinnelig melding-----
Fra: Daniela Ferrari <daniela.ferrari@eulisa.example.org>
Sendt: torsdag 20. mai 2027 13:30
Til: SIS AG members <sis-ag@eulisa.example.org>
Emne: SIS Advisory Group - 58th meeting

Dear members, please find the invitation to the 58th SIS AG meeting attached.
"""
body = multipart("mixed", [text_part(note), cal_part(cal, method="REQUEST", cte="base64", filename="invite.ics")], "_004_H21MIX_")
eml = message("Marius Ødegård <marius.odegard@udi.no>", "VS: SIS Advisory Group - 58th meeting",
              "Fri, 21 May 2027 06:30:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h21"))
case("h21_fold_without_space_eulisa_strasbourg", eml, "Confluence-style calendar with long lines broken WITHOUT the leading fold space (ORGANIZER split inside CN, LOCATION split before last letter, DESCRIPTION): organizer must be the mailto address, not a parameter fragment",
     title="SIS Advisory Group - 58th meeting", start="2027-06-15T09:00:00+02:00", end="2027-06-15T17:00:00+02:00",
     timezone="Europe/Paris", location="eu-LISA Operational Site, 18 rue de la Faisanderie, 67100 Strasbourg",
     organizer="daniela.ferrari@eulisa.example.org", participant="marius.odegard@udi.no", forum="EULISA", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h22 bare LF line ends inside the calendar
uid = "euaa-mb-2027-06@meetings.euaa.example.org"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//EUAA//Meeting Manager//EN", "METHOD:REQUEST",
           "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20270430T120000Z", "DTSTART:20270609T070000Z", "DTEND:20270609T150000Z",
           "SUMMARY:EUAA Management Board - 20th meeting",
           "LOCATION:EUAA Headquarters\\, Winemakers Wharf\\, Valletta Harbour\\, Malta",
           "ORGANIZER;CN=EUAA Management Board Secretariat:mailto:mb.secretariat@euaa.example.org",
           "DESCRIPTION:Agenda: adoption of the annual activity report\\, state of play of the operational plans\\, observers' items.",
           "SEQUENCE:0", "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR"], eol="\n").replace("\r\n", "\n")
assert "\r" not in cal
note = """Hei INE,

Jeg følger styremøtet i EUAA i juni som observatør for UDI. Kalenderfilen fra EUAA ligger ved.

Med hilsen
Beate Rønning
Asylavdelingen
"""
body = multipart("mixed", [text_part(note), cal_part(None, method="REQUEST", cte="base64", filename="EUAA_MB20.ics", raw_bytes=cal.encode())], "_004_H22MIX_")
eml = message("Beate Rønning <beate.ronning@udi.no>", "VS: EUAA Management Board - 20th meeting",
              "Mon, 3 May 2027 08:00:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h22"))
case("h22_bare_lf_euaa_valletta", eml, "Calendar with bare LF line ends (base64 so the message stays CRLF); UTC times; Valletta +02:00",
     title="EUAA Management Board - 20th meeting", start="2027-06-09T09:00:00+02:00", end="2027-06-09T17:00:00+02:00",
     timezone="Europe/Malta", location="EUAA Headquarters, Winemakers Wharf, Valletta Harbour, Malta",
     organizer="mb.secretariat@euaa.example.org", participant="beate.ronning@udi.no", forum="EUAA", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h23 truncated: no END:VCALENDAR
uid = "udst-idnet-20270420@nyidanmark.example.net"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Udlaendingestyrelsen//Moedekalender 2.0//DA", "METHOD:REQUEST",
           *vtz_iana("Europe/Copenhagen", "+0100", "+0200", "CET", "CEST"),
           "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20270308T100000Z",
           "DTSTART;TZID=Europe/Copenhagen:20270420T100000", "DTEND;TZID=Europe/Copenhagen:20270420T153000",
           "SUMMARY:Nordisk ID-netværk - forårsmøde 2027",
           "LOCATION:Udlændingestyrelsen, Farimagsvej 51A, København",
           "ORGANIZER;CN=Mette Kjærgaard:mailto:mette.kjaergaard@udst.example.net",
           "DESCRIPTION:Dagsorden følger. Frokost serveres kl. 12.00.", "SEQUENCE:0", "END:VEVENT"])
note = """Hei,

Nordisk ID-nettverk i København i april. Kalenderfila fra danskene ser litt rar ut, men datoen stemmer.

Mvh
Eivind Bakken
Seksjon for ID og verifisering

-----Opprinnelig melding-----
Fra: Mette Kjærgaard <mette.kjaergaard@udst.example.net>
Sendt: mandag 8. mars 2027 11:00
Til: Nordisk ID-netværk
Emne: Indkaldelse: Nordisk ID-netværk - forårsmøde 2027

Kære kolleger

Hermed indkaldelse til forårsmødet i Nordisk ID-netværk tirsdag den 20. april 2027 kl. 10.00-15.30 i Udlændingestyrelsen, Farimagsvej 51A, København.
Dagsorden følger. Frokost serveres kl. 12.00.

Venlig hilsen
Mette Kjærgaard
"""
body = multipart("mixed", [text_part(note), cal_part(cal, method="REQUEST", cte="quoted-printable", filename="indkaldelse.ics")], "_004_H23MIX_")
eml = message("Eivind Bakken <eivind.bakken@udi.no>", "VS: Indkaldelse: Nordisk ID-netværk - forårsmøde 2027",
              "Tue, 9 Mar 2027 08:00:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h23"))
case("h23_truncated_no_end_vcalendar_nordic_copenhagen", eml, "Calendar truncated after END:VEVENT (no END:VCALENDAR); Danish text with 'kl. 10.00-15.30' and lunch time; QP-encoded .ics with æ/ø",
     title="Nordisk ID-netværk - forårsmøde 2027", start="2027-04-20T10:00:00+02:00", end="2027-04-20T15:30:00+02:00",
     timezone="Europe/Copenhagen", location="Udlændingestyrelsen, Farimagsvej 51A, København",
     organizer="mette.kjaergaard@udst.example.net", participant="eivind.bakken@udi.no", forum="NORDIC", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h24 PUBLISH with three events, note points at one
ev = [("emnconf27-plenary@emn-pt.example.org", "EMN Conference 2027 - Opening plenary", "20271007T090000", "20271007T130000", "Centro Cultural de Belem, Lisbon - Auditorium"),
      ("emnconf27-ws2@emn-pt.example.org", "EMN Conference 2027 - Workshop 2: Digitalisation of asylum procedures", "20271008T093000", "20271008T123000", "Centro Cultural de Belem, Lisbon - Room 4"),
      ("emnconf27-dinner@emn-pt.example.org", "EMN Conference 2027 - Networking dinner", "20271007T193000", "20271007T223000", "Palacio Foz, Praca dos Restauradores, Lisbon")]
lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//EMN Portugal//Conference Programme//EN", "METHOD:PUBLISH",
         "X-WR-CALNAME:EMN Conference 2027", *vtz_iana("Europe/Lisbon", "+0000", "+0100", "WET", "WEST", "020000", "010000")]
for u, s, a, b, loc in ev:
    lines += ["BEGIN:VEVENT", "UID:" + u, "DTSTAMP:20270901T080000Z", f"DTSTART;TZID=Europe/Lisbon:{a}",
              f"DTEND;TZID=Europe/Lisbon:{b}", "SUMMARY:" + s, "LOCATION:" + loc,
              "ORGANIZER;CN=EMN Portugal:mailto:emn.portugal@emn-pt.example.org", "END:VEVENT"]
lines.append("END:VCALENDAR")
cal = ics(lines)
note = """Hei,

Jeg deltar bare på workshop 2 om digitalisering av asylprosedyrer fredag formiddag, ikke på resten av konferansen. Kalenderfila har hele programmet.

Hilsen
Kari-Anne Sunde
Asylavdelingen

-----Opprinnelig melding-----
Fra: EMN Portugal <emn.portugal@emn-pt.example.org>
Sendt: onsdag 1. september 2027 10:00
Emne: EMN Conference 2027 - programme and calendar

Dear participants,
the programme of the EMN Conference 2027 (Lisbon, 7-8 October) is attached as a calendar file: opening plenary on Thursday morning, networking dinner on Thursday evening, and the workshops on Friday morning.
"""
body = multipart("mixed", [text_part(note), cal_part(cal, method="PUBLISH", cte="base64", filename="EMN_Conference_2027.ics")], "_004_H24MIX_")
eml = message("Kari-Anne Sunde <kari-anne.sunde@udi.no>", "VS: EMN Conference 2027 - programme and calendar",
              "Thu, 2 Sep 2027 07:00:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h24"))
case("h24_publish_three_events_note_picks_workshop_emn_lisbon", eml, "METHOD:PUBLISH with three VEVENTs (plenary, dinner, workshop); the staff note says only workshop 2 on Friday morning -> that event; Lisbon WEST +01:00",
     title="EMN Conference 2027 - Workshop 2: Digitalisation of asylum procedures", start="2027-10-08T09:30:00+01:00",
     end="2027-10-08T12:30:00+01:00", timezone="Europe/Lisbon", location="Centro Cultural de Belem, Lisbon - Room 4",
     organizer="emn.portugal@emn-pt.example.org", participant="kari-anne.sunde@udi.no", forum="EMN",
     ical_uid="emnconf27-ws2@emn-pt.example.org", sequence=None)

# ---------------------------------------------------------------- h25 all-day with DTEND the same day
uid = "utl-nordic-dg-2027@utl.example.net"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Utlendingastofnun//Vidburdir 1.4//IS", "METHOD:REQUEST",
           "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20270615T100000Z",
           "DTSTART;VALUE=DATE:20270916", "DTEND;VALUE=DATE:20270916",
           "SUMMARY:Nordic Directors-General Meeting on Immigration 2027",
           "LOCATION:Harpa Conference Centre, Austurbakki 2, Reykjavik",
           "ORGANIZER;CN=Directorate of Immigration Iceland:mailto:nordic2027@utl.example.net",
           "DESCRIPTION:Full-day meeting of the Nordic Directors-General. Arrival on the evening of 15 September\\, departure 17 September.",
           "SEQUENCE:0", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"])
note = """Hei INE,

Direktøren deltar på det nordiske direktørmøtet på Island i september, jeg er med som støtte. Vi reiser 15. og kommer hjem 17.

Vennleg helsing
Gunnhild Aarseth
Direktørens stab
"""
body = multipart("mixed", [text_part(note), cal_part(cal, method="REQUEST", cte="base64", filename="nordic_dg_2027.ics")], "_004_H25MIX_")
eml = message("Gunnhild Aarseth <gunnhild.aarseth@udi.no>", "VS: Nordic Directors-General Meeting on Immigration 2027",
              "Wed, 16 Jun 2027 08:00:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h25"))
case("h25_allday_dtend_same_day_nordic_reykjavik", eml, "All-day event whose DTEND;VALUE=DATE equals DTSTART (zero length): one day, start = end = 16 September; travel days 15/17 are distractors; Reykjavik is UTC+0",
     title="Nordic Directors-General Meeting on Immigration 2027", start="2027-09-16", end="2027-09-16",
     timezone="Atlantic/Reykjavik", location="Harpa Conference Centre, Austurbakki 2, Reykjavik",
     organizer="nordic2027@utl.example.net", participant="gunnhild.aarseth@udi.no", forum="NORDIC", ical_uid=uid, sequence=0)
