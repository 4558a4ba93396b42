"""Group 1 (cont.): h07-h12."""
from common import *  # noqa

# ---------------------------------------------------------------- h07 Teams only, Central Europe Standard Time
uid = outlook_uid("h07-emn-reg-teams")
tlink = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ2ZjE4YTItZmFrZS00YjQ1LWI3ZTAtMmQ5ZjE0YzM2YjE5%40thread.v2/0?context=%7b%22Tid%22%3a%22a1b2c3d4-0000-4000-8000-000000000001%22%2c%22Oid%22%3a%22e5f6a7b8-0000-4000-8000-000000000002%22%7d"
teams = f"""________________________________________________________________________________
Microsoft Teams meeting
Join on your computer, mobile app or room device
Click here to join the meeting<{tlink}>
Meeting ID: 381 552 907 114
Passcode: Xq7Tb2
Download Teams<https://www.microsoft.com/en-us/microsoft-teams/download-app> | Join on the web<https://www.microsoft.com/microsoft-teams/join-a-meeting>
Learn More<https://aka.ms/JoinTeamsMeeting> | Meeting options<https://teams.microsoft.com/meetingOptions/>
________________________________________________________________________________
"""
tz = vtz_eu("Central Europe Standard Time", ws=True)
desc = ("Dear EMN Return Expert Group members,\\n\\nthe Czech NCP invites you to an online meeting on the EMN inform on voluntary return counselling.\\n\\n" + teams.replace("\n", "\\n"))
cal = exchange_cal("REQUEST", tz, [
    "ORGANIZER;CN=\"Novakova, Jana\":mailto:jana.novakova@mv.example.net",
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=EMN REG:mailto:emn-reg@example.org",
    "DESCRIPTION;LANGUAGE=en-US:" + desc, "UID:" + uid, "SUMMARY;LANGUAGE=en-US:EMN Return Expert Group - online meeting",
    "DTSTART;TZID=Central Europe Standard Time:20270414T100000", "DTEND;TZID=Central Europe Standard Time:20270414T120000",
    "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270322T143012Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
    "LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting", "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
    "X-MICROSOFT-CDO-INSTTYPE:0", "X-MICROSOFT-SKYPETEAMSMEETINGURL:" + tlink, "X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:jana.novakova@mv.example.net\\;gruu\\;opaque=app:conf:focus:id:teams:2:0!19:meeting_NzQ2ZjE4YTItZmFrZS00YjQ1LWI3ZTAtMmQ5ZjE0YzM2YjE5-thread.v2!e5f6a7b8",
    "X-MICROSOFT-LOCATIONS:[{\"DisplayName\":\"Microsoft Teams Meeting\",\"LocationAnnotation\":\"\",\"LocationSource\":0,\"Unresolved\":false,\"LocationUri\":\"\"}]"])
note = """Hi,

Sending this on as agreed. Online only, I will join from Oslo.

Regards,
Kristoffer Brekke
Adviser, Return section, UDI

""" + outlook_fwd_header_en("Novakova, Jana <jana.novakova@mv.example.net>", "22 March 2027 15:30", "EMN REG",
                            "EMN Return Expert Group - online meeting", "14 April 2027 10:00-12:00 (UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague.",
                            "Microsoft Teams Meeting") + "\nDear EMN Return Expert Group members,\n\nthe Czech NCP invites you to an online meeting on the EMN inform on voluntary return counselling.\n\n" + teams
eml = outlook_forward("Kristoffer Brekke <kristoffer.brekke@udi.no>", "FW: EMN Return Expert Group - online meeting",
                      "Tue, 23 Mar 2027 09:01:55 +0000", note, ics(cal), extra=("Content-Language: en-GB",))
case("h07_teams_only_central_europe_emn_reg", eml, "Teams-only Exchange invite, TZID Central Europe Standard Time (Budapest/Prague rules; 14 April = +02:00 although label says UTC+01:00); organizer CN quoted 'Last, First'; online-only so timezone null",
     title="EMN Return Expert Group - online meeting", start="2027-04-14T10:00:00+02:00", end="2027-04-14T12:00:00+02:00",
     timezone=None, location="Microsoft Teams Meeting", online=True, organizer="jana.novakova@mv.example.net",
     participant="kristoffer.brekke@udi.no", forum="EMN", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h08 HCL Domino / Notes, forwarded as attachment
uid = "C1257F3A0046B2E8C1258A9E003D41F7-Lotus_Notes_Generated"
ncal = ics(["BEGIN:VCALENDAR", "X-LOTUS-CHARSET:UTF-8", "VERSION:2.0",
            "PRODID:-//Lotus Development Corporation//NONSGML Notes 12.0.2//EN_C", "METHOD:REQUEST",
            "BEGIN:VTIMEZONE", "TZID:W. Europe", "BEGIN:STANDARD", "DTSTART:19501029T020000", "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:19500326T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE",
            "BEGIN:VEVENT", "DTSTART;TZID=\"W. Europe\":20270311T090000", "DTEND;TZID=\"W. Europe\":20270311T160000",
            "TRANSP:OPAQUE", "DTSTAMP:20270201T121530Z", "SEQUENCE:0",
            "ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED;CN=\"Lena Bergkvist/Migration/SE\";RSVP=FALSE:mailto:lena.bergkvist@migration.example.net",
            "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:nshf-members@migration.example.net",
            "CLASS:PUBLIC",
            "DESCRIPTION:Välkomna till vårens NSHF-möte i Norrköping.\\nDagordning: lägesbild från länderna\\, gemensamma landinformationsresor\\, återvändande till Irak.\\n",
            "SUMMARY:NSHF vårmöte 2027",
            "LOCATION:Migrationsverket, Slottsgatan 82, Norrköping",
            "ORGANIZER;CN=\"Lena Bergkvist/Migration/SE\":mailto:lena.bergkvist@migration.example.net",
            "UID:" + uid, "X-LOTUS-BROADCAST:FALSE", "X-LOTUS-UPDATE-SEQ:1",
            "X-LOTUS-UPDATE-WISL:$S:1;$L:1;$B:1;$R:1;$E:1;$W:1;$O:1;$M:1;$RM:1", "X-LOTUS-NOTESVERSION:2",
            "X-LOTUS-NOTICETYPE:I", "X-LOTUS-APPTTYPE:3", "X-LOTUS-CHILD-UID:" + uid.split("-")[0],
            "END:VEVENT", "END:VCALENDAR"])
ntext = """Välkomna till vårens NSHF-möte i Norrköping.
Dagordning: lägesbild från länderna, gemensamma landinformationsresor, återvändande till Irak.

Datum: 2027-03-11 09:00 - 16:00
Plats: Migrationsverket, Slottsgatan 82, Norrköping
Ordförande: Lena Bergkvist/Migration/SE
"""
inner = inner_message("Lena Bergkvist <lena.bergkvist@migration.example.net>", "nshf-members@migration.example.net",
                      "Inbjudan: NSHF vårmöte 2027 (11.mar.2027 09:00 CET i Migrationsverket, Slottsgatan 82, Norrköping)",
                      "Mon, 1 Feb 2027 13:15:30 +0100",
                      multipart("alternative", [text_part(ntext, charset="UTF-8"),
                                                text_part("<html><body><font size=2 face=\"sans-serif\">" + ntext.replace("\n", "<br>") + "</font></body></html>", "html", charset="UTF-8"),
                                                cal_part(ncal, method="REQUEST", cte="quoted-printable")], "=_alternative 0046B2E9C1258A9E_="),
                      "<OFC1257F3A.0046B2E8-ONC1258A9E.003D41F7-C1258A9E.003D4209@migration.example.net>",
                      extra=("X-Mailer: HCL Notes Release 12.0.2 November 03, 2022", "X-MIMETrack: Serialize by Router on MAIL01/Migration/SE at 2027-02-01 13:15:30"))
note = """Hei INE,

Invitasjon til NSHF-møtet i Norrköping, sendt som vedlegg. Eg reiser saman med ein kollega frå Asylavdelinga.

Venleg helsing
Torunn Myklebust
"""
body = multipart("mixed", [text_part(note), rfc822_part(inner)], "_002_H08MIX_")
eml = message("Torunn Myklebust <torunn.myklebust@udi.no>", "VS: Inbjudan: NSHF vårmöte 2027 (11.mar.2027 09:00 CET i Migrationsverket, Slottsgatan 82, Norrköping)",
              "Tue, 2 Feb 2027 08:20:11 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h08"))
case("h08_domino_notes_nordic_norrkoping", eml, "HCL Notes invitation (TZID \"W. Europe\" quoted, X-LOTUS-* properties, Notes CN 'Name/OU/ORG', QP text/calendar, '=_alternative' boundary) forwarded as attachment; Swedish 'Inbjudan:' subject; nynorsk note",
     title="NSHF vårmöte 2027", start="2027-03-11T09:00:00+01:00", end="2027-03-11T16:00:00+01:00",
     timezone="Europe/Stockholm", location="Migrationsverket, Slottsgatan 82, Norrköping",
     organizer="lena.bergkvist@migration.example.net", participant="torunn.myklebust@udi.no", forum="NORDIC",
     ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h09 Thunderbird / Lightning, ICMPD Vienna
uid = "5b0e7c2a-91d4-4f3e-8a6b-2c1d9e7f0a43"
tcal = ics(["BEGIN:VCALENDAR", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN", "VERSION:2.0", "METHOD:REQUEST",
            "BEGIN:VTIMEZONE", "TZID:Europe/Vienna", "X-TZINFO:Europe/Vienna[2024b]", "BEGIN:DAYLIGHT",
            "TZOFFSETTO:+020000", "TZOFFSETFROM:+010000", "TZNAME:CEST", "DTSTART:20270328T020000", "RDATE:20270328T020000",
            "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETTO:+010000", "TZOFFSETFROM:+020000", "TZNAME:CET",
            "DTSTART:20271031T030000", "RDATE:20271031T030000", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "CREATED:20270504T081244Z", "LAST-MODIFIED:20270504T081931Z", "DTSTAMP:20270504T081931Z",
            "UID:" + uid, "SUMMARY:Budapest Process - Working Group on Readmission and Return",
            "ORGANIZER;RSVP=TRUE;CN=Florian Weidinger;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:f.weidinger@icmpd.example.org",
            "ATTENDEE;RSVP=TRUE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT:mailto:synne.hovland@udi.no",
            "DTSTART;TZID=Europe/Vienna:20270622T090000", "DTEND;TZID=Europe/Vienna:20270622T130000",
            "TRANSP:OPAQUE", "LOCATION:ICMPD Headquarters, Gonzagagasse 1, 1010 Vienna",
            "DESCRIPTION:Dear colleagues,\\n\\nplease find attached the draft agenda. Coffee from 08:30.\\n\\nBest regards,\\nFlorian",
            "SEQUENCE:0", "X-MOZ-SEND-INVITATIONS:TRUE", "END:VEVENT", "END:VCALENDAR"])
note = """Hei,

Se invitasjon under. Jeg deltar for UDI på arbeidsgruppemøtet i Wien.

Mvh
Synne Hovland
Returavdelingen

Fra: Florian Weidinger <f.weidinger@icmpd.example.org>
Sendt: tirsdag 4. mai 2027 10:19
Til: Synne Hovland <synne.hovland@udi.no>
Emne: Invitation: Budapest Process - Working Group on Readmission and Return @ Tue 22 Jun 2027 09:00 - 13:00 (CEST)

Organizer: Florian Weidinger <f.weidinger@icmpd.example.org>
When: Tuesday, 22 June 2027 09:00 - 13:00 CEST
Location: ICMPD Headquarters, Gonzagagasse 1, 1010 Vienna
Attendees: synne.hovland@udi.no

Dear colleagues,

please find attached the draft agenda. Coffee from 08:30.

Best regards,
Florian
"""
body = multipart("mixed", [multipart("alternative", [text_part(note), text_part(html_of(note), "html")], "_000_H09ALT_"),
                           cal_part(tcal, method="REQUEST", cte="base64", filename="invite.ics"),
                           bin_part(b"%PDF-1.4\n% draft agenda placeholder\n%%EOF\n", "application/pdf", "BP_WG_RR_draft_agenda.pdf")], "_004_H09MIX_")
eml = message("Synne Hovland <synne.hovland@udi.no>", "VS: Invitation: Budapest Process - Working Group on Readmission and Return @ Tue 22 Jun 2027 09:00 - 13:00 (CEST)",
              "Wed, 05 May 2027 06:47:09 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h09"))
case("h09_thunderbird_lightning_other_vienna", eml, "Thunderbird/Lightning invitation (X-TZINFO, RDATE-style VTIMEZONE, ORGANIZER with PARTSTAT/ROLE params) kept as invite.ics on an Outlook inline forward; ICMPD/Budapest Process -> OTHER; coffee time distractor",
     title="Budapest Process - Working Group on Readmission and Return", start="2027-06-22T09:00:00+02:00", end="2027-06-22T13:00:00+02:00",
     timezone="Europe/Vienna", location="ICMPD Headquarters, Gonzagagasse 1, 1010 Vienna", organizer="f.weidinger@icmpd.example.org",
     participant="synne.hovland@udi.no", forum="OTHER", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h10 iCloud invitation forwarded from iPhone (nynorsk)
uid = "4C2B8E1F-7A93-4D06-B5E2-91F0C3A7D8B6"
acal = ics(["BEGIN:VCALENDAR", "METHOD:REQUEST", "VERSION:2.0", "PRODID:-//Apple Inc.//iPhone OS 20.1//EN", "CALSCALE:GREGORIAN",
            "BEGIN:VTIMEZONE", "TZID:Europe/Vilnius", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0200", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "DTSTART:20030330T030000", "TZNAME:EEST", "TZOFFSETTO:+0300", "END:DAYLIGHT", "BEGIN:STANDARD",
            "TZOFFSETFROM:+0300", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "DTSTART:20031026T040000", "TZNAME:EET",
            "TZOFFSETTO:+0200", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "ATTENDEE;CN=\"Vilius Kazlauskas\";CUTYPE=INDIVIDUAL;EMAIL=\"vilius.kazlauskas@vrm.example.net\";PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:vilius.kazlauskas@vrm.example.net",
            "ATTENDEE;CN=\"Aslak Grønvold\";CUTYPE=INDIVIDUAL;EMAIL=\"aslak.gronvold@udi.no\";PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:aslak.gronvold@udi.no",
            "CREATED:20270701T072210Z", "DTEND;TZID=Europe/Vilnius:20270914T150000", "DTSTAMP:20270701T072355Z",
            "DTSTART;TZID=Europe/Vilnius:20270914T100000", "LAST-MODIFIED:20270701T072355Z",
            "LOCATION:Ministry of the Interior\\nŠventaragio g. 2\\, Vilnius\\, Lithuania",
            "ORGANIZER;CN=\"Vilius Kazlauskas\";EMAIL=\"vilius.kazlauskas@vrm.example.net\":mailto:vilius.kazlauskas@vrm.example.net",
            "SEQUENCE:0", "SUMMARY:EEA Grants Home Affairs programme – Cooperation Committee",
            "TRANSP:OPAQUE", "UID:" + uid, "URL;VALUE=URI:", "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
            "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS=\"Šventaragio g. 2, Vilnius, Lithuania\";X-APPLE-RADIUS=70.5;X-TITLE=\"Ministry of the Interior\":geo:54.686500,25.285600",
            "END:VEVENT", "END:VCALENDAR"])
atext = """Hei!

Invitasjonen kom til mobilen min. Eg deltek for UDI på samarbeidskomiteen i Vilnius.

Helsing Aslak

Send frå iPhonen min

Start på vidaresend melding:

Frå: Vilius Kazlauskas <vilius.kazlauskas@vrm.example.net>
Dato: 1. juli 2027 kl. 09:23:55 CEST
Til: Aslak Grønvold <aslak.gronvold@udi.no>
Emne: Invitasjon: EEA Grants Home Affairs programme – Cooperation Committee

"""
body = multipart("mixed", [text_part(atext), cal_part(acal, method="REQUEST", cte="quoted-printable", filename="invite.ics")], "Apple-Mail-3F2E9A41-77C0-4B8E-9D15-0A6C3B27E5D1")
eml = message("Aslak Grønvold <aslak.gronvold@udi.no>", "Fwd: Invitasjon: EEA Grants Home Affairs programme – Cooperation Committee",
              "Thu, 1 Jul 2027 09:41:02 +0200", body, extra=("X-Mailer: iPhone Mail (22B91)", "Content-Transfer-Encoding: 7bit"), msgid="<7E3A1C2B-5F4D-4E8A-9B0C-1D2E3F4A5B6C@udi.no>")
case("h10_icloud_iphone_fwd_eeagrants_vilnius", eml, "iPhone/iCloud invite (EMAIL= params, X-APPLE-STRUCTURED-LOCATION, multi-line LOCATION with \\n, non-ASCII in QP ics) forwarded from iPhone with nynorsk 'Start på vidaresend melding'; Vilnius EEST +03:00; en dash in subject",
     title="EEA Grants Home Affairs programme – Cooperation Committee", start="2027-09-14T10:00:00+03:00", end="2027-09-14T15:00:00+03:00",
     timezone="Europe/Vilnius", location="Ministry of the Interior", organizer="vilius.kazlauskas@vrm.example.net",
     participant="aslak.gronvold@udi.no", forum="EEA_GRANTS", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h11 .ics only as attachment of a plain mail inside message/rfc822
uid = "frx-rdm-2027-10-05@events.frontex.example.org"
fcal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Frontex//Event Registration 4.2//EN", "METHOD:PUBLISH",
            *vtz_iana("Europe/Warsaw", "+0100", "+0200", "CET", "CEST"),
            "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20270819T104500Z",
            "DTSTART;TZID=Europe/Warsaw:20271005T090000", "DTEND;TZID=Europe/Warsaw:20271005T170000",
            "SUMMARY:Return Directors' Meeting 2027", "LOCATION:Frontex HQ, Plac Europejski 6, Warsaw",
            "ORGANIZER;CN=Frontex Return Division:mailto:return.events@frontex.example.org",
            "DESCRIPTION:Return Directors' Meeting 2027. Registration closes 10 September 2027.",
            "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR"])
ftext = """Dear Director,

Frontex has the pleasure to invite your authority to the Return Directors' Meeting 2027 at Frontex Headquarters in Warsaw on 5 October 2027.
Please find the calendar entry attached. Registration closes on 10 September 2027.

Frontex Return Division
"""
inner = inner_message("Frontex Return Division <return.events@frontex.example.org>", "Undisclosed recipients:;",
                      "Return Directors' Meeting 2027 - invitation", "Thu, 19 Aug 2027 12:45:00 +0200",
                      multipart("mixed", [text_part(ftext), cal_part(fcal, method=None, cte="base64", filename="RDM2027.ics", ctype="application/octet-stream")], "----=_Part_81723_1029384756.1818412345678"),
                      "<1029384756.81723.1818412345678@events.frontex.example.org>")
note = """Hei,

Direktøren har bedt meg om å delta på vegne av UDI. Invitasjonen ligger ved.

Hilsen
Camilla Rød
Returavdelingen
"""
body = multipart("mixed", [text_part(note), rfc822_part(inner)], "_002_H11MIX_")
eml = message("Camilla Rød <camilla.rod@udi.no>", "VS: Return Directors' Meeting 2027 - invitation",
              "Fri, 20 Aug 2027 07:30:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h11"))
case("h11_rfc822_ics_octet_stream_frontex_warsaw", eml, "Only calendar data is an .ics attachment typed application/octet-stream inside a forwarded message/rfc822; METHOD:PUBLISH without SEQUENCE; registration deadline distractor",
     title="Return Directors' Meeting 2027", start="2027-10-05T09:00:00+02:00", end="2027-10-05T17:00:00+02:00",
     timezone="Europe/Warsaw", location="Frontex HQ, Plac Europejski 6, Warsaw", organizer="return.events@frontex.example.org",
     participant="camilla.rod@udi.no", forum="FRONTEX", ical_uid=uid, sequence=None)

# ---------------------------------------------------------------- h12 nested: staff forwards a colleague's forward which carries the original invitation
uid = outlook_uid("h12-igc-fullround-london")
gcal = ics(exchange_cal("REQUEST", vtz_gmt(), [
    "ORGANIZER;CN=IGC Secretariat:mailto:secretariat@igc.example.org",
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=IGC Participating States:mailto:ps@igc.example.org",
    "DESCRIPTION;LANGUAGE=en-GB:Dear colleagues\\, the Spring Full Round will be hosted by the UK in London.\\n",
    "UID:" + uid, "SUMMARY;LANGUAGE=en-GB:IGC Full Round - Spring 2027",
    "DTSTART;TZID=GMT Standard Time:20270414T090000", "DTEND;TZID=GMT Standard Time:20270414T173000",
    "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270205T101010Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
    "LOCATION;LANGUAGE=en-GB:Lancaster House, Stable Yard, London", "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INSTTYPE:0"]))
orig_text = """Dear colleagues, the Spring Full Round will be hosted by the UK in London.
Agenda and logistics note to follow.
"""
orig = inner_message("IGC Secretariat <secretariat@igc.example.org>", "IGC Participating States <ps@igc.example.org>",
                     "IGC Full Round - Spring 2027", "Fri, 5 Feb 2027 11:10:10 +0100",
                     multipart("alternative", [text_part(orig_text), cal_part(gcal, method="REQUEST")], "_000_H12ORIG_"),
                     "<H12ORIG0001@igc.example.org>", extra=("Content-Class: urn:content-classes:calendarmessage",))
mid_text = """Øystein, dette er vel for deg? Jeg har ikke anledning i april.

Anne
"""
middle = inner_message("Anne Holmsen <anne.holmsen@udi.no>", "Øystein Vik <oystein.vik@udi.no>", "FW: IGC Full Round - Spring 2027",
                       "Mon, 8 Feb 2027 09:00:00 +0000",
                       multipart("mixed", [text_part(mid_text), rfc822_part(orig)], "_002_H12MID_"),
                       "<H12MID0002@udi.no>")
note = """Hei INE,

Jeg har overtatt IGC-runden i London etter Anne, se vedlagt. Registrert som delegat.

Mvh Øystein
"""
body = multipart("mixed", [text_part(note), rfc822_part(middle)], "_002_H12OUT_")
eml = message("Øystein Vik <oystein.vik@udi.no>", "VS: FW: IGC Full Round - Spring 2027",
              "Mon, 8 Feb 2027 12:30:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h12"))
case("h12_nested_rfc822_twice_igc_london", eml, "message/rfc822 inside message/rfc822 (colleague's forward carrying the original); participant is the outer sender, not the middle one; TZID GMT Standard Time, London BST +01:00",
     title="IGC Full Round - Spring 2027", start="2027-04-14T09:00:00+01:00", end="2027-04-14T17:30:00+01:00",
     timezone="Europe/London", location="Lancaster House, Stable Yard, London", organizer="secretariat@igc.example.org",
     participant="oystein.vik@udi.no", forum="IGC", ical_uid=uid, sequence=0)
