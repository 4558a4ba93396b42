"""A: client invitations forwarded by staff (calendar parts as clients write them)."""
from lib import *

K = "client"

# a01 Exchange nb-NO, W. Europe Standard Time, summer date under a (UTC+01:00) label
uid = outlook_uid("a01")
cal = ics(["BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
           *vtz_eu("W. Europe Standard Time", ws=True),
           "BEGIN:VEVENT",
           "ORGANIZER;CN=IMEX Secretariat:mailto:imex.secretariat@example.org",
           "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Siri Haugland:mailto:siri.haugland@udi.no",
           "DESCRIPTION;LANGUAGE=en-US:Provisional agenda:\\n1. Adoption of the agenda\\n2. Proposal for a Regulation amending Regulation (EU) 2018/1806 (visa suspension mechanism) - examination of the compromise text\\n3. AOB",
           f"UID:{uid}", "SUMMARY;LANGUAGE=en-US:IMEX (Admission) - Mixed Committee",
           "DTSTART;TZID=W. Europe Standard Time:20270415T093000", "DTEND;TZID=W. Europe Standard Time:20270415T130000",
           "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20261208T101500Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
           "LOCATION;LANGUAGE=en-US:Europa building\\, room 30.3\\, Brussels", "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
           "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "END:VEVENT", "END:VCALENDAR"])
txt = """Hei INE,

Til orientering: jeg deltar for UDI. Punkt 2 gjelder visumsuspensjonsmekanismen, og vi bør avklare norsk posisjon med JD før møtet.

Hilsen
Siri Haugland
Seniorrådgiver, Utlendingsdirektoratet
Tlf. +47 400 00 123

-----Opprinnelig avtale-----
Fra: IMEX Secretariat <imex.secretariat@example.org>
Sendt: tirsdag 8. desember 2026 11:15
Til: Mixed Committee delegates - IMEX
Emne: IMEX (Admission) - Mixed Committee
Når: torsdag 15. april 2027 09:30-13:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.
Hvor: Europa building, room 30.3, Brussels

Provisional agenda:
1. Adoption of the agenda
2. Proposal for a Regulation amending Regulation (EU) 2018/1806 (visa suspension mechanism) - examination of the compromise text
3. AOB
"""
eml = message("Siri Haugland <siri.haugland@udi.no>", "VS: IMEX (Admission) - Mixed Committee", "Wed, 9 Dec 2026 08:02:11 +0000",
              multipart("alternative", [text_part(txt), cal_part(cal)], "_000_a01_boundary_"),
              extra=["Content-Language: nb-NO", "Content-Class: urn:content-classes:calendarmessage", "Thread-Topic: IMEX (Admission) - Mixed Committee"])
case("a01_exchange_nb_wes_summer_council", eml, "Exchange nb-NO forward; TZID W. Europe Standard Time with VTIMEZONE; April date after DST although Når label says (UTC+01:00); visa suspension amendment -> JD",
     title="IMEX (Admission) - Mixed Committee", start="2027-04-15T09:30:00+02:00", end="2027-04-15T13:00:00+02:00",
     timezone="Europe/Brussels", location="Europa building, room 30.3, Brussels", organizer="imex.secretariat@example.org",
     participant="siri.haugland@udi.no", forum="COUNCIL", ical_uid=uid, sequence=0, ministry_consultation=True, kind_label=K)

# a02 Google Calendar invite forwarded from Gmail (text/calendar + invite.ics), IANA TZID Europe/Rome
guid = "5q8v1k3m9d2hbr0t7c4e6gfa1s@google.com"
cal = ics(["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN",
           "METHOD:REQUEST", *vtz_eu("Europe/Rome"), "BEGIN:VEVENT",
           "DTSTART;TZID=Europe/Rome:20270520T090000", "DTEND;TZID=Europe/Rome:20270520T173000", "DTSTAMP:20261207T131200Z",
           "ORGANIZER;CN=GDISC Secretariat:mailto:gdisc.secretariat@example.org", f"UID:{guid}",
           "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=jon.aasen@udi.no;X-NUM-GUESTS=0:mailto:jon.aasen@udi.no",
           "X-MICROSOFT-CDO-OWNERAPPTID:-1342871223", "CREATED:20261207T131100Z",
           "DESCRIPTION:Dear colleagues\\,\\nThe GDISC Steering Group meets in Rome. Agenda and logistics note follow.\\n\\n-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-\\nInvitation from Google Calendar: https://calendar.google.com/calendar/",
           "LAST-MODIFIED:20261207T131200Z", "LOCATION:Palazzo dei Congressi (Sala Aurelia)\\, Piazza J.F. Kennedy 99\\, Rome\\, Italy",
           "SEQUENCE:0", "STATUS:CONFIRMED", "SUMMARY:GDISC Steering Group meeting", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"])
txt = """FYI - jeg er invitert som UDIs representant.

Jon

---------- Forwarded message ---------
From: GDISC Secretariat <gdisc.secretariat@example.org>
Date: Mon, Dec 7, 2026 at 2:12 PM
Subject: Invitation: GDISC Steering Group meeting @ Thu May 20, 2027 9am - 5:30pm (CEST) (jon.aasen@udi.no)
To: <jon.aasen@udi.no>


GDISC Steering Group meeting
Thursday May 20, 2027 ⋅ 9am – 5:30pm
Central European Time - Rome
Location: Palazzo dei Congressi (Sala Aurelia), Piazza J.F. Kennedy 99, Rome, Italy

Organizer: GDISC Secretariat
"""
eml = message("Jon Aasen <jon.aasen@udi.no>", "Fwd: Invitation: GDISC Steering Group meeting @ Thu May 20, 2027 9am - 5:30pm (CEST) (jon.aasen@udi.no)",
              "Tue, 8 Dec 2026 09:41:07 +0100",
              multipart("mixed", [multipart("alternative", [text_part(txt), cal_part(cal, cte="7bit")], "000000000000a02alt"),
                                  cal_part(cal, method="REQUEST", filename="invite.ics", ctype="application/ics")], "000000000000a02mix"))
case("a02_google_calendar_gdisc_rome", eml, "Gmail forward of a Google Calendar invitation: 7bit text/calendar plus application/ics invite.ics; IANA TZID Europe/Rome; subject with Invitation: ... @ date",
     title="GDISC Steering Group meeting", start="2027-05-20T09:00:00+02:00", end="2027-05-20T17:30:00+02:00", timezone="Europe/Rome",
     location="Palazzo dei Congressi (Sala Aurelia), Piazza J.F. Kennedy 99, Rome, Italy", organizer="gdisc.secretariat@example.org",
     participant="jon.aasen@udi.no", forum="GDISC", ical_uid=guid, sequence=0, kind_label=K)

# a03 Zoom registration with .ics, TZID Europe/Amsterdam, no SEQUENCE, online only
zuid = "ZOOM83815550123@example.zoom.us"
cal = ics(["BEGIN:VCALENDAR", "PRODID:-//zoom.us//iCalendar Event//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
           "CLASS:PUBLIC", *vtz_eu("Europe/Amsterdam"), "BEGIN:VEVENT", "DTSTAMP:20261210T091500Z",
           "DTSTART;TZID=Europe/Amsterdam:20270223T140000", "DTEND;TZID=Europe/Amsterdam:20270223T160000",
           "SUMMARY:EMN Return Expert Group - online meeting", f"UID:{zuid}", "TZID:Europe/Amsterdam",
           "DESCRIPTION:Hi there\\,\\n\\nEMN Secretariat is inviting you to a scheduled Zoom meeting.\\n\\nJoin Zoom Meeting\\nhttps://example.zoom.us/j/83815550123?pwd=QmFzZTY0c3RyaW5n\\n\\nMeeting ID: 838 1555 0123\\nPasscode: 482913\\n",
           "LOCATION:https://example.zoom.us/j/83815550123?pwd=QmFzZTY0c3RyaW5n",
           "ORGANIZER;CN=EMN Secretariat:mailto:emn.secretariat@example.org", "BEGIN:VALARM", "TRIGGER:-PT10M", "ACTION:DISPLAY",
           "DESCRIPTION:Reminder", "END:VALARM", "END:VEVENT", "END:VCALENDAR"])
txt = """Hi,

Registration confirmed for the REG meeting next February, see the attached calendar file.

Best regards,
Marte Lie

From: EMN Secretariat <emn.secretariat@example.org>
Sent: Thursday, December 10, 2026 10:15 AM
To: Marte Lie <marte.lie@udi.no>
Subject: EMN Return Expert Group - online meeting Confirmation

Hi Marte Lie,

Thank you for registering for "EMN Return Expert Group - online meeting".

Date Time: Feb 23, 2027 02:00 PM Amsterdam, Berlin, Rome, Stockholm, Vienna
Meeting ID: 838 1555 0123
Passcode: 482913

Join from a PC, Mac, iPad, iPhone or Android device:
https://example.zoom.us/j/83815550123?pwd=QmFzZTY0c3RyaW5n

Add to calendar: see attachment.
"""
eml = message("Marte Lie <marte.lie@udi.no>", "FW: EMN Return Expert Group - online meeting Confirmation", "Thu, 10 Dec 2026 10:31:40 +0000",
              multipart("mixed", [text_part(txt), cal_part(cal, method=None, filename="iCalendar.ics")], "_004_a03_zoom_"),
              extra=["Content-Language: en-GB"])
case("a03_zoom_registration_emn_online", eml, "Zoom registration confirmation forwarded; iCalendar.ics with METHOD:PUBLISH, TZID Europe/Amsterdam, no SEQUENCE; Zoom link as LOCATION; online only",
     title="EMN Return Expert Group - online meeting", start="2027-02-23T14:00:00+01:00", end="2027-02-23T16:00:00+01:00", timezone=None,
     location="https://example.zoom.us/j/83815550123?pwd=QmFzZTY0c3RyaW5n", online=True, organizer="emn.secretariat@example.org",
     participant="marte.lie@udi.no", forum="EMN", ical_uid=zuid, sequence=None, kind_label=K)

# a04 Teams hybrid, TZID Central European Standard Time (Warsaw), physical venue + Teams
uid = outlook_uid("a04")
turl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_YTQ4ZTkyNWMtMzQ1Ni00NGE5@thread.v2/0?context=%7b%22Tid%22%3a%22a1b2%22%7d"
cal = ics(["BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
           *vtz_eu("Central European Standard Time", ws=True), "BEGIN:VEVENT",
           "ORGANIZER;CN=Frontex Returns Division:mailto:returns.division@example.org",
           "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Ole Brekke:mailto:ole.brekke@udi.no",
           "DESCRIPTION;LANGUAGE=en-US:Dear Member States\\, please find the agenda attached.\\n\\n________________________________________________________________________________\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\nClick here to join the meeting<" + turl + ">\\nMeeting ID: 384 221 905 117\\nPasscode: Zf7bQ2\\n________________________________________________________________________________",
           f"UID:{uid}", "SUMMARY;LANGUAGE=en-US:Frontex Return Coordinators Network - 1st meeting 2027",
           "DTSTART;TZID=Central European Standard Time:20270302T100000", "DTEND;TZID=Central European Standard Time:20270303T130000",
           "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20261209T133000Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
           "LOCATION;LANGUAGE=en-US:Frontex HQ\\, Plac Europejski 99\\, Warsaw / Microsoft Teams Meeting",
           f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{turl}", "X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:returns.division@example.org",
           "X-MICROSOFT-DONOTFORWARDMEETING:FALSE", "X-MICROSOFT-DISALLOW-COUNTER:FALSE", "X-MICROSOFT-LOCATIONS:[{\"DisplayName\":\"Frontex HQ, Plac Europejski 99, Warsaw\",\"LocationAnnotation\":\"\",\"LocationUri\":\"\",\"LocationStreet\":\"\",\"LocationCity\":\"\",\"LocationState\":\"\",\"LocationCountry\":\"\",\"LocationPostalCode\":\"\",\"LocationFullAddress\":\"\"}]",
           "END:VEVENT", "END:VCALENDAR"])
txt = f"""Hi INE,

I will attend in person in Warsaw (Teams option for colleagues at home).

Ole

________________________________
From: Frontex Returns Division <returns.division@example.org>
Sent: Wednesday, December 9, 2026 2:30 PM
To: Return coordinators
Subject: Frontex Return Coordinators Network - 1st meeting 2027
When: Tuesday, March 2, 2027 10:00 AM-Wednesday, March 3, 2027 1:00 PM (UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb.
Where: Frontex HQ, Plac Europejski 99, Warsaw / Microsoft Teams Meeting

Dear Member States, please find the agenda attached.

________________________________________________________________________________
Microsoft Teams meeting
Join on your computer, mobile app or room device
Click here to join the meeting<{turl}>
Meeting ID: 384 221 905 117
Passcode: Zf7bQ2
________________________________________________________________________________
"""
eml = message("Ole Brekke <ole.brekke@udi.no>", "FW: Frontex Return Coordinators Network - 1st meeting 2027", "Thu, 10 Dec 2026 07:55:00 +0000",
              multipart("alternative", [text_part(txt), cal_part(cal)], "_000_a04_teams_"), extra=["Content-Language: en-US"])
case("a04_teams_hybrid_frontex_warsaw", eml, "Hybrid meeting: Warsaw venue plus Teams link (online=true, zone Warsaw); TZID Central European Standard Time; two-day span",
     title="Frontex Return Coordinators Network - 1st meeting 2027", start="2027-03-02T10:00:00+01:00", end="2027-03-03T13:00:00+01:00",
     timezone="Europe/Warsaw", location="Frontex HQ, Plac Europejski 99, Warsaw", online=True, organizer="returns.division@example.org",
     participant="ole.brekke@udi.no", forum="FRONTEX", ical_uid=uid, sequence=0, kind_label=K)

# a05 Lotus Notes / Domino: quoted TZID, X-LOTUS props, "Forwarded by" header, calendar part quoted-printable
luid = "C1258A3B0041E3F2C1258A3B0041E3F2-Lotus_Notes_Generated"
cal = ics(["BEGIN:VCALENDAR", "X-LOTUS-CHARSET:UTF-8", "VERSION:2.0", "PRODID:-//Lotus Development Corporation//NONSGML Notes 9.0.1//EN_C",
           "METHOD:REQUEST", "BEGIN:VTIMEZONE", "TZID:W. Europe", "BEGIN:STANDARD", "DTSTART:19501029T020000",
           "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=10",
           "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:19500326T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
           "RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE",
           "BEGIN:VEVENT", 'DTSTART;TZID="W. Europe":20270317T090000', 'DTEND;TZID="W. Europe":20270317T163000',
           "TRANSP:OPAQUE", "DTSTAMP:20261208T154500Z", "SEQUENCE:0",
           'ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED;CN="Eva Muller/OPS/EULISA"; RSVP=FALSE:mailto:eva.muller@example.org',
           'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:hanne.dahl@udi.no',
           "CLASS:PUBLIC", "DESCRIPTION:Dear AG members\\, please find attached the draft agenda.", "SUMMARY:VIS Advisory Group - 58th meeting",
           "LOCATION:eu-LISA operational site\\, 99 rue de la Faisanderie\\, Strasbourg", 'ORGANIZER;CN="Eva Muller/OPS/EULISA":mailto:eva.muller@example.org',
           f"UID:{luid}", "X-LOTUS-BROADCAST:FALSE", "X-LOTUS-UPDATE-SEQ:1", "X-LOTUS-UPDATE-WISL:$S:1;$L:1;$B:1;$R:1;$E:1;$W:1;$O:1;$M:1",
           "X-LOTUS-NOTESVERSION:2", "X-LOTUS-NOTICETYPE:I", "X-LOTUS-APPTTYPE:3", "X-LOTUS-CHILD-UID:C1258A3B0041E3F2",
           "END:VEVENT", "END:VCALENDAR"])
txt = """Sender videre til INE som avtalt.
Hanne
----- Videresendt av Hanne Dahl/UDI den 09.12.2026 10:12 -----

Fra:\tEva Muller/OPS/EULISA <eva.muller@example.org>
Til:\thanne.dahl@udi.no
Dato:\t08.12.2026 16:45
Emne:\tInvitasjon: VIS Advisory Group - 58th meeting (17.03.2027 09:00 CET i eu-LISA operational site, 99 rue de la Faisanderie, Strasbourg)

Dear AG members, please find attached the draft agenda.
"""
eml = message("Hanne Dahl <hanne.dahl@udi.no>", "VS: Invitasjon: VIS Advisory Group - 58th meeting (17.03.2027 09:00 CET i eu-LISA operational site, 99 rue de la Faisanderie, Strasbourg)",
              "Wed, 9 Dec 2026 10:12:33 +0100",
              multipart("alternative", [text_part(txt, charset="ISO-8859-1"), cal_part(cal, cte="quoted-printable")], "=_alternative 0038A1B2C1258A3B_="),
              extra=["X-Mailer: IBM Notes Release 9.0.1FP10 SHF383 March 09, 2020", "X-MIMETrack: Serialize by Router on DOMINO01/UDI(Release 9.0.1FP10|March  09, 2020) at 09.12.2026 10:12:33"])
case("a05_lotus_notes_eulisa_strasbourg", eml, "IBM/Lotus Notes forward ('Videresendt av'); Domino calendar with quoted TZID \"W. Europe\", X-LOTUS-* properties, quoted-printable calendar part; ISO-8859-1 text",
     title="VIS Advisory Group - 58th meeting", start="2027-03-17T09:00:00+01:00", end="2027-03-17T16:30:00+01:00", timezone="Europe/Paris",
     location="eu-LISA operational site, 99 rue de la Faisanderie, Strasbourg", organizer="eva.muller@example.org", participant="hanne.dahl@udi.no",
     forum="EULISA", ical_uid=luid, sequence=0, kind_label=K)

# a06 BlackBerry forward, all-day two-day event in Geneva
buid = "bb-20261211-7731-atcr@example.org"
cal = ics(["BEGIN:VCALENDAR", "PRODID:-//Research In Motion//BlackBerry Hub//EN", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
           "DTSTART;VALUE=DATE:20270622", "DTEND;VALUE=DATE:20270624", "DTSTAMP:20261211T081000Z",
           "ORGANIZER;CN=ATCR Secretariat:mailto:atcr.secretariat@example.org", f"UID:{buid}", "SEQUENCE:0",
           "SUMMARY:Annual Tripartite Consultations on Resettlement (ATCR) 2027", "LOCATION:Palais des Nations\\, Geneva",
           "DESCRIPTION:Two-day consultations. Registration from 08:30 on 22 June.", "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
           "END:VEVENT", "END:VCALENDAR"])
txt = """Videresender. Mvh Per

Sent from my BlackBerry 10 smartphone.
  Original Message
From: ATCR Secretariat
Sent: Friday, 11 December 2026 09:10
To: Per Grande
Subject: Annual Tripartite Consultations on Resettlement (ATCR) 2027

Two-day consultations. Registration from 08:30 on 22 June.
"""
eml = message("Per Grande <per.grande@udi.no>", "Fwd: Annual Tripartite Consultations on Resettlement (ATCR) 2027", "Fri, 11 Dec 2026 09:25:00 +0100",
              multipart("mixed", [text_part(txt), cal_part(cal, filename="meeting.ics")], "--BB--a06--boundary"),
              extra=["X-Mailer: BlackBerry Hub"])
case("a06_blackberry_allday_unhcr_geneva", eml, "BlackBerry Hub forward ('Original Message' block); all-day VALUE=DATE event over two days: exclusive DTEND 20270624 -> end 2027-06-23; registration time is a distractor",
     title="Annual Tripartite Consultations on Resettlement (ATCR) 2027", start="2027-06-22", end="2027-06-23", timezone="Europe/Zurich",
     location="Palais des Nations, Geneva", organizer="atcr.secretariat@example.org", participant="per.grande@udi.no", forum="UNHCR",
     ical_uid=buid, sequence=0, kind_label=K)

# a07 Apple Mail forward with iCal attachment using DURATION
auid = "8C1E7A52-3F4B-4E7D-9C1A-2B6D5E4F3A10"
cal = ics(["BEGIN:VCALENDAR", "METHOD:REQUEST", "VERSION:2.0", "PRODID:-//Apple Inc.//macOS 15.1//EN", "CALSCALE:GREGORIAN",
           *vtz_eu("Europe/Zurich"), "BEGIN:VEVENT", "TRANSP:OPAQUE", "DTEND;TZID=Europe/Zurich:20270224T090000" if False else "DURATION:PT7H",
           f"UID:{auid}", "DTSTAMP:20261209T151200Z", "LOCATION:IGC Secretariat\\, Rue de Varembé 99\\, Geneva",
           "SEQUENCE:0", "SUMMARY:IGC Working Group on Admission", "DTSTART;TZID=Europe/Zurich:20270224T090000",
           "CREATED:20261209T150800Z", "ORGANIZER;CN=IGC Secretariat:mailto:igc.admission@example.org",
           "ATTENDEE;CN=Kari Moen;CUTYPE=INDIVIDUAL;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:kari.moen@udi.no",
           "END:VEVENT", "END:VCALENDAR"])
txt = """Hei! Denne er for INE.

Kari

Begin forwarded message:

From: IGC Secretariat <igc.admission@example.org>
Subject: IGC Working Group on Admission
Date: 9 December 2026 at 16:12:00 CET
To: Kari Moen <kari.moen@udi.no>

Please find the invitation attached (24 February 2027, Geneva).
"""
eml = message("Kari Moen <kari.moen@udi.no>", "Fwd: IGC Working Group on Admission", "Wed, 9 Dec 2026 16:40:02 +0100",
              multipart("mixed", [text_part(txt, cte="7bit", charset="us-ascii") if False else text_part(txt),
                                  cal_part(cal, filename="invite.ics")], "Apple-Mail=_A07-1111-2222"),
              extra=["X-Mailer: Apple Mail (2.3826.300.87.4.3)"])
case("a07_apple_mail_duration_igc_geneva", eml, "Apple Mail 'Begin forwarded message:'; macOS calendar with DURATION:PT7H instead of DTEND (DURATION before DTSTART in the text)",
     title="IGC Working Group on Admission", start="2027-02-24T09:00:00+01:00", end="2027-02-24T16:00:00+01:00", timezone="Europe/Zurich",
     location="IGC Secretariat, Rue de Varembé 99, Geneva", organizer="igc.admission@example.org", participant="kari.moen@udi.no",
     forum="IGC", ical_uid=auid, sequence=0, kind_label=K)

# a08 Outlook en-US all-day, Valletta
uid = outlook_uid("a08")
cal = ics(["BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
           *vtz_eu("W. Europe Standard Time", ws=True), "BEGIN:VEVENT",
           "ORGANIZER;CN=EUAA Courts and Tribunals Network:mailto:ctn@example.org",
           "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Ingrid Sund:mailto:ingrid.sund@udi.no",
           "DESCRIPTION;LANGUAGE=en-US:Annual meeting of the network. Arrival on 2 March\\; dinner 2 March at 19:30.",
           f"UID:{uid}", "SUMMARY;LANGUAGE=en-US:EUAA Network of Courts and Tribunals - annual meeting",
           "DTSTART;VALUE=DATE:20270303", "DTEND;VALUE=DATE:20270305", "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20261208T120000Z",
           "TRANSP:TRANSPARENT", "STATUS:CONFIRMED", "SEQUENCE:0", "LOCATION;LANGUAGE=en-US:Mediterranean Conference Centre\\, Valletta",
           "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE", "END:VEVENT", "END:VCALENDAR"])
txt = """For your records.

Ingrid Sund
Senior Adviser

From: EUAA Courts and Tribunals Network <ctn@example.org>
Sent: Tuesday, December 8, 2026 1:00 PM
To: Ingrid Sund <ingrid.sund@udi.no>
Subject: EUAA Network of Courts and Tribunals - annual meeting
When: Wednesday, March 3, 2027 12:00 AM-Friday, March 5, 2027 12:00 AM (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna.
Where: Mediterranean Conference Centre, Valletta

Annual meeting of the network. Arrival on 2 March; dinner 2 March at 19:30.
"""
eml = message("Ingrid Sund <ingrid.sund@udi.no>", "FW: EUAA Network of Courts and Tribunals - annual meeting", "Tue, 8 Dec 2026 13:20:00 +0000",
              multipart("alternative", [text_part(txt), cal_part(cal)], "_000_a08_allday_"), extra=["Content-Language: en-US"])
case("a08_outlook_allday_euaa_valletta", eml, "Outlook en-US all-day event; When line shows 12:00 AM to 12:00 AM of the day after; end is last day inclusive (4 March); arrival/dinner on 2 March are distractors",
     title="EUAA Network of Courts and Tribunals - annual meeting", start="2027-03-03", end="2027-03-04", timezone="Europe/Malta",
     location="Mediterranean Conference Centre, Valletta", organizer="ctn@example.org", participant="ingrid.sund@udi.no", forum="EUAA",
     ical_uid=uid, sequence=0, kind_label=K)

# a09 Exchange Online over IMAP: meeting request without calendar part (text + Accept/Decline links), forwarded
txt = """Hei,

Denne kom uten kalendervedlegg i Thunderbird, sender den til dere.

Tor

-------- Videresendt melding --------
Emne: \tEULISA EES Advisory Group - 12th meeting
Dato: \tMon, 7 Dec 2026 15:02:11 +0000
Fra: \tEES Advisory Group Secretariat <ees.ag@example.org>
Til: \tTor Sletten <tor.sletten@udi.no>

When: Thursday, February 4, 2027 9:30 AM-5:00 PM (UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius.
Where: eu-LISA headquarters, Vesilennuki 99, Tallinn

Accept <https://outlook.office365.com/owa/meeting/accept?id=AAMkAGU5Yz>
Tentative <https://outlook.office365.com/owa/meeting/tentative?id=AAMkAGU5Yz>
Decline <https://outlook.office365.com/owa/meeting/decline?id=AAMkAGU5Yz>

Dear members, the 12th meeting of the EES AG will take place in Tallinn. Dinner on 3 February at 19:00.
"""
eml = message("Tor Sletten <tor.sletten@udi.no>", "Fwd: EULISA EES Advisory Group - 12th meeting", "Tue, 8 Dec 2026 08:11:00 +0100",
              text_part(txt), extra=["User-Agent: Mozilla Thunderbird", "Content-Language: nb"])
case("a09_exo_imap_no_calendar_part_eulisa", eml, "Exchange Online meeting request read over IMAP without any calendar part (When/Where + Accept/Decline links), forwarded from Thunderbird; EET meeting; dinner is a distractor",
     title="EULISA EES Advisory Group - 12th meeting", start="2027-02-04T09:30:00+02:00", end="2027-02-04T17:00:00+02:00", timezone="Europe/Tallinn",
     location="eu-LISA headquarters, Vesilennuki 99, Tallinn", organizer="ees.ag@example.org", participant="tor.sletten@udi.no", forum="EULISA", kind_label=K)

# a10 Outlook update, FLE Standard Time, Helsinki
uid = outlook_uid("a10")
cal = ics(["BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
           *vtz_eu("FLE Standard Time", std="+0200", dst="+0300", ws=True), "BEGIN:VEVENT",
           "ORGANIZER;CN=NSHF Chair:mailto:nshf.chair@example.org",
           "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Lene Bakke:mailto:lene.bakke@udi.no",
           "DESCRIPTION;LANGUAGE=sv-SE:Mötet flyttas en dag framåt på grund av lokalbokningen.", f"UID:{uid}",
           "SUMMARY;LANGUAGE=sv-SE:NSHF vårmöte 2027", "DTSTART;TZID=FLE Standard Time:20270520T100000",
           "DTEND;TZID=FLE Standard Time:20270520T160000", "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20261211T090000Z",
           "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:2", "LOCATION;LANGUAGE=sv-SE:Maahanmuuttovirasto\\, Kaivokatu 99\\, Helsingfors",
           "X-MICROSOFT-CDO-APPT-SEQUENCE:2", "END:VEVENT", "END:VCALENDAR"])
txt = """Oppdatert tidspunkt for NSHF-møtet.

Lene

Fra: NSHF Chair <nshf.chair@example.org>
Sendt: fredag 11. desember 2026 10:00
Til: Lene Bakke <lene.bakke@udi.no>
Emne: NSHF vårmöte 2027
Når: torsdag 20. mai 2027 10:00-16:00 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius.
Hvor: Maahanmuuttovirasto, Kaivokatu 99, Helsingfors

Mötet flyttas en dag framåt på grund av lokalbokningen.
"""
eml = message("Lene Bakke <lene.bakke@udi.no>", "VS: NSHF vårmöte 2027", "Fri, 11 Dec 2026 09:30:00 +0000",
              multipart("alternative", [text_part(txt), cal_part(cal)], "_000_a10_update_"), extra=["Content-Language: nb-NO"])
case("a10_outlook_update_fle_nordic_helsinki", eml, "Update (SEQUENCE 2, no 'Updated' prefix) with TZID FLE Standard Time; Helsinki summer time +03:00; Swedish summary with ö",
     kind="update", title="NSHF vårmöte 2027", start="2027-05-20T10:00:00+03:00", end="2027-05-20T16:00:00+03:00", timezone="Europe/Helsinki",
     location="Maahanmuuttovirasto, Kaivokatu 99, Helsingfors", organizer="nshf.chair@example.org", participant="lene.bakke@udi.no",
     forum="NORDIC", ical_uid=uid, sequence=2, kind_label=K)
