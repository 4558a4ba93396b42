"""Group 1: client invitations forwarded by staff (h01-h12)."""
from common import *  # noqa

# ---------------------------------------------------------------- h01 Outlook nb-NO, Romance Standard Time
uid = outlook_uid("h01-imex-feb")
note = """Hei INE,

Til orientering: jeg representerer UDI på IMEX-møtet i februar. Punkt 3 er Kommisjonens forslag til endring av returdirektivet, så vi bør avklare norske posisjoner med JD før møtet.

Hilsen
Solveig Kvamme
Seniorrådgiver | Utlendingsdirektoratet

""" + outlook_fwd_header_nb("IMEX Secretariat <imex.secretariat@council.example.org>", "tirsdag 12. januar 2027 14:05",
                            "Mixed Committee delegates - IMEX", "Working Party on Integration, Migration and Expulsion (Mixed Committee)",
                            "tirsdag 16. februar 2027 10:00-17:00 (UTC+01:00) Brussel, København, Madrid, Paris.",
                            "Europa building, room 70.3, Rue de la Loi 155, Brussels") + """
Provisional agenda
1. Adoption of the agenda
2. Information from the Presidency
3. Proposal for a Regulation establishing a common system for the return of third-country nationals staying illegally (recast of Directive 2008/115/EC) - examination of Articles 10 to 17
4. AOB
"""
cal = exchange_cal("REQUEST", vtz_eu("Romance Standard Time", ws=True), [
    "ORGANIZER;CN=IMEX Secretariat:mailto:IMEX.Secretariat@council.example.org",
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Mixed Committee delegates - IMEX:mailto:imex-delegates@council.example.org",
    "DESCRIPTION;LANGUAGE=en-US:Provisional agenda\\n1. Adoption of the agenda\\n2. Information from the Presidency\\n3. Proposal for a Regulation establishing a common system for the return of third-country nationals staying illegally (recast of Directive 2008/115/EC) - examination of Articles 10 to 17\\n4. AOB\\n",
    "UID:" + uid, "SUMMARY;LANGUAGE=en-US:Working Party on Integration, Migration and Expulsion (Mixed Committee)",
    "DTSTART;TZID=Romance Standard Time:20270216T100000", "DTEND;TZID=Romance Standard Time:20270216T170000",
    "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270112T130500Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
    "LOCATION;LANGUAGE=en-US:Europa building, room 70.3, Rue de la Loi 155, Brussels",
    "X-MICROSOFT-CDO-APPT-SEQUENCE:0", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
    "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "X-MICROSOFT-CDO-IMPORTANCE:1", "X-MICROSOFT-CDO-INSTTYPE:0",
    "X-MICROSOFT-DONOTFORWARDMEETING:FALSE", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
    "BEGIN:VALARM", "DESCRIPTION:REMINDER", "TRIGGER;RELATED=START:-PT15M", "ACTION:DISPLAY", "END:VALARM"])
eml = outlook_forward("Solveig Kvamme <Solveig.Kvamme@udi.no>", "VS: Working Party on Integration, Migration and Expulsion (Mixed Committee)",
                      "Wed, 13 Jan 2027 08:41:12 +0000", note, ics(cal))
case("h01_outlook_nb_romance_council_imex", eml, "Outlook nb-NO meeting forward, Exchange text/calendar TZID Romance Standard Time; Brussels winter; return-directive recast on agenda -> ministry consultation; mixed-case ORGANIZER",
     title="Working Party on Integration, Migration and Expulsion (Mixed Committee)", start="2027-02-16T10:00:00+01:00",
     end="2027-02-16T17:00:00+01:00", timezone="Europe/Brussels", location="Europa building, room 70.3, Rue de la Loi 155, Brussels",
     organizer="imex.secretariat@council.example.org", participant="solveig.kvamme@udi.no", forum="COUNCIL",
     ical_uid=uid, sequence=0, ministry_consultation=True)

# ---------------------------------------------------------------- h02 Outlook en-GB, GTB Standard Time (Athens)
uid = outlook_uid("h02-euaa-reception-athens")
note = """Hi,

Forwarding for registration. I will attend for UDI, together with a colleague from the reception unit (TBC).

Kind regards,
Petter Aasgaard
Senior Adviser, Utlendingsdirektoratet (UDI)

""" + outlook_fwd_header_en("EUAA Reception Network <reception.network@euaa.example.org>", "03 March 2027 11:17",
                            "Reception Network members", "EUAA Network of Reception Authorities - plenary meeting",
                            "19 May 2027 09:30-17:00 (UTC+02:00) Athens, Bucharest.",
                            "Divani Caravel Hotel, Vasileos Alexandrou 2, Athens, Greece") + """
Dear members of the Network,

The spring plenary of the Network of Reception Authorities will be held in Athens, hosted by the Greek Reception and Identification Service.
Topics: contingency planning for reception capacity, the operational standards on reception of children, and exchange of practices on early identification of vulnerabilities.

Please register by 16 April 2027.
"""
cal = exchange_cal("REQUEST", vtz_gtb(), [
    "ORGANIZER;CN=EUAA Reception Network:mailto:reception.network@euaa.example.org",
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Reception Network members:mailto:reception-members@euaa.example.org",
    "DESCRIPTION;LANGUAGE=en-GB:Dear members of the Network\\,\\n\\nThe spring plenary of the Network of Reception Authorities will be held in Athens.\\n",
    "UID:" + uid, "SUMMARY;LANGUAGE=en-GB:EUAA Network of Reception Authorities - plenary meeting",
    "DTSTART;TZID=GTB Standard Time:20270519T093000", "DTEND;TZID=GTB Standard Time:20270519T170000",
    "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270303T091700Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
    "LOCATION;LANGUAGE=en-GB:Divani Caravel Hotel, Vasileos Alexandrou 2, Athens, Greece",
    "X-MICROSOFT-CDO-APPT-SEQUENCE:0", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
    "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "X-MICROSOFT-CDO-IMPORTANCE:1", "X-MICROSOFT-CDO-INSTTYPE:0"])
eml = outlook_forward("Petter Aasgaard <petter.aasgaard@udi.no>", "FW: EUAA Network of Reception Authorities - plenary meeting",
                      "Thu, 04 Mar 2027 07:55:40 +0000", note, ics(cal), extra=("Content-Language: en-GB",))
case("h02_outlook_engb_gtb_euaa_athens", eml, "Outlook en-GB forward; TZID GTB Standard Time (Athens/Bucharest, UTC+03:00 in May); 'FW:' prefix; registration deadline distractor",
     title="EUAA Network of Reception Authorities - plenary meeting", start="2027-05-19T09:30:00+03:00",
     end="2027-05-19T17:00:00+03:00", timezone="Europe/Athens", location="Divani Caravel Hotel, Vasileos Alexandrou 2, Athens, Greece",
     organizer="reception.network@euaa.example.org", participant="petter.aasgaard@udi.no", forum="EUAA", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h03 Outlook for Mac, custom TZID label
uid = outlook_uid("h03-gdisc-steering-hague")
TZL = "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
note = """Hei,

Sender denne videre til INE. Det er Hanne som skal delta fra oss, men hun har ikke tilgang på e-posten sin denne uken.

Mvh
Jørgen Nilsen-Bøe
AUA

""" + outlook_fwd_header_nb("GDISC Secretariat <secretariat@gdisc.example.org>", "fredag 7. mai 2027 15:22",
                            "GDISC Steering Committee", "GDISC Steering Committee meeting",
                            "tirsdag 8. juni 2027 13:00-17:30 " + TZL + ".",
                            "IND, Rijnstraat 8, The Hague") + """
Dear colleagues,
The Steering Committee will meet in The Hague in the afternoon before the GDISC Annual Conference. A light lunch is served from 12:00.
"""
tz = vtz_eu(TZL)
tz = ["BEGIN:VTIMEZONE", f"TZID:{TZL}", "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200",
      "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "BEGIN:DAYLIGHT",
      "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
      "END:DAYLIGHT", "END:VTIMEZONE"]
cal = ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook for Mac 16.0//EN", "VERSION:2.0", "METHOD:REQUEST",
       *tz, "BEGIN:VEVENT", "UID:" + uid, "SUMMARY:GDISC Steering Committee meeting",
       f"DTSTART;TZID=\"{TZL}\":20270608T130000", f"DTEND;TZID=\"{TZL}\":20270608T173000",
       "LOCATION:IND, Rijnstraat 8, The Hague", "ORGANIZER;CN=GDISC Secretariat:mailto:secretariat@gdisc.example.org",
       "ATTENDEE;CN=GDISC Steering Committee;RSVP=TRUE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT:mailto:steering@gdisc.example.org",
       "CLASS:PUBLIC", "SEQUENCE:0", "STATUS:CONFIRMED", "TRANSP:OPAQUE", "DTSTAMP:20270507T132200Z",
       "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "END:VEVENT", "END:VCALENDAR"]
eml = outlook_forward("Jørgen Nilsen-Bøe <jorgen.nilsen-boe@udi.no>", "VS: GDISC Steering Committee meeting",
                      "Mon, 10 May 2027 06:12:03 +0000", note, ics(cal))
case("h03_outlook_mac_custom_tzid_gdisc_hague", eml, "Quoted custom TZID '(UTC+01:00) Amsterdam, Berlin, ...' (label is not the offset: June = +02:00); venue The Hague; lunch time distractor; UTF-8 sender name",
     title="GDISC Steering Committee meeting", start="2027-06-08T13:00:00+02:00", end="2027-06-08T17:30:00+02:00",
     timezone="Europe/Amsterdam", location="IND, Rijnstraat 8, The Hague", organizer="secretariat@gdisc.example.org",
     participant="jorgen.nilsen-boe@udi.no", forum="GDISC", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h04 Google Calendar, forwarded as attachment
uid = "7k2f9q1m3v8b5n0c4x6z2l1p9r@google.com"
gcal = ics(["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN",
            "METHOD:REQUEST", "BEGIN:VEVENT", "DTSTART:20270923T080000Z", "DTEND:20270923T160000Z",
            "DTSTAMP:20270610T101512Z", "ORGANIZER;CN=EMN Ireland NCP:mailto:emn.ireland.ncp@example.com", "UID:" + uid,
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE;CN=EMN Ireland NCP;X-NUM-GUESTS=0:mailto:emn.ireland.ncp@example.com",
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=ragnhild.tveit@udi.no;X-NUM-GUESTS=0:mailto:ragnhild.tveit@udi.no",
            "X-MICROSOFT-CDO-OWNERAPPTID:-1385921407", "CREATED:20270610T101035Z",
            "DESCRIPTION:EMN Ireland is pleased to invite you to its annual conference on labour migration pathways for people in need of protection.<br><br>Registration from 08:30. Lunch provided.<br><br>-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-<br>Invitation from Google Calendar: https://calendar.google.com/calendar/<br>-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-",
            "LAST-MODIFIED:20270610T101511Z", "LOCATION:Dublin Castle\\, Dame Street\\, Dublin 2\\, Ireland", "SEQUENCE:0",
            "STATUS:CONFIRMED", "SUMMARY:EMN Ireland Annual Conference 2027", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"])
gtext = """EMN Ireland Annual Conference 2027
Thursday 23 September 2027 · 09:00 – 17:00
Time zone: Europe/Dublin
Location: Dublin Castle, Dame Street, Dublin 2, Ireland

EMN Ireland is pleased to invite you to its annual conference on labour migration pathways for people in need of protection.

Registration from 08:30. Lunch provided.

Guests
EMN Ireland NCP - organiser
ragnhild.tveit@udi.no

Invitation from Google Calendar
"""
inner = inner_message("EMN Ireland NCP <emn.ireland.ncp@example.com>", "ragnhild.tveit@udi.no",
                      "Invitation: EMN Ireland Annual Conference 2027 @ Thu 23 Sept 2027 09:00 - 17:00 (IST) (ragnhild.tveit@udi.no)",
                      "Thu, 10 Jun 2027 10:15:12 +0000",
                      multipart("mixed", [multipart("alternative", [text_part(gtext), text_part("<div>" + gtext.replace("\n", "<br>") + "</div>", "html"),
                                                                     cal_part(gcal, method="REQUEST", cte="7bit")], "000000000000a1b2c3d4e5f60718"),
                                          cal_part(gcal, method="REQUEST", cte="base64", filename="invite.ics", ctype="application/ics")],
                                "000000000000a1b2c3d4e5f60719"),
                      "<calendar-3f1c7a2e-9b4d-4c11-8a55-2d9e0b6f7a13@google.com>",
                      extra=("Reply-To: EMN Ireland NCP <emn.ireland.ncp@example.com>", "Sender: Google Calendar <calendar-notification@example.com>"))
outer_note = """Hei,

Videresender invitasjonen fra EMN Irland som vedlegg. Eg deltek fysisk i Dublin.

Helsing
Ragnhild Tveit
EMN-kontaktpunktet, UDI
"""
body = multipart("mixed", [text_part(outer_note), rfc822_part(inner)], "_002_H04OUTERMIXED_")
eml = message("Ragnhild Tveit <ragnhild.tveit@udi.no>", "VS: Invitation: EMN Ireland Annual Conference 2027 @ Thu 23 Sept 2027 09:00 - 17:00 (IST) (ragnhild.tveit@udi.no)",
              "Fri, 11 Jun 2027 07:02:44 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h04"))
case("h04_google_calendar_fwd_attachment_emn_dublin", eml, "Google Calendar invitation (UTC Z times, inline text/calendar + invite.ics application/ics) forwarded as message/rfc822; nynorsk note; Dublin summer = +01:00; Google subject carries date and guest",
     title="EMN Ireland Annual Conference 2027", start="2027-09-23T09:00:00+01:00", end="2027-09-23T17:00:00+01:00",
     timezone="Europe/Dublin", location="Dublin Castle, Dame Street, Dublin 2, Ireland", organizer="emn.ireland.ncp@example.com",
     participant="ragnhild.tveit@udi.no", forum="EMN", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h05 Webex, online only (eu-LISA)
uid = "a3c51f0e8b7d4e2f9c0a1b2c3d4e5f60@webex.com"
wlink = "https://eulisa-example.webex.com/eulisa-example/j.php?MTID=m4f2a9c7e1b3d5f7a9c0e2b4d6f8a0c1e"
wtext = f"""eu-LISA EES Advisory Group - 31st meeting hosted by Webex Admin

When it's time, join the Webex meeting here.

Meeting number (access code): 2741 118 9035
Meeting password: EES-ag31

Join meeting
{wlink}

Join by phone
+32-2-000-0000 Belgium Toll
Access code: 274 111 89035
"""
wcal = ics(["BEGIN:VCALENDAR", "PRODID:-//Cisco Systems Inc.//Webex Meetings//EN", "VERSION:2.0", "METHOD:REQUEST",
            *vtz_iana("Europe/Brussels", "+0100", "+0200", "CET", "CEST"),
            "BEGIN:VEVENT", "ORGANIZER;CN=eu-LISA Advisory Groups:mailto:advisory.groups@eulisa.example.org",
            "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ees-ag@eulisa.example.org",
            "DTSTART;TZID=Europe/Brussels:20270309T140000", "DTEND;TZID=Europe/Brussels:20270309T163000",
            "DTSTAMP:20270215T120301Z", "UID:" + uid, "SEQUENCE:0",
            "SUMMARY:eu-LISA EES Advisory Group - 31st meeting",
            "LOCATION:" + wlink, "URL:" + wlink,
            "DESCRIPTION:" + wtext.replace("\n", "\\n"), "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"])
note = """Hei,

EES-rådgivningsgruppen er kun på Webex denne gangen. Jeg deltar fra kontoret.

Vennlig hilsen
Eirik Solbakken
Seksjon for ID og verifisering

-----Opprinnelig melding-----
Fra: eu-LISA Advisory Groups <advisory.groups@eulisa.example.org>
Sendt: mandag 15. februar 2027 13:03
Til: ees-ag@eulisa.example.org
Emne: eu-LISA EES Advisory Group - 31st meeting

""" + wtext
body = multipart("mixed", [multipart("alternative", [text_part(note), text_part(html_of(note), "html")], "_000_H05ALT_"),
                           cal_part(wcal, method="REQUEST", cte="base64", filename="WebexMeeting.ics")], "_004_H05MIX_")
eml = message("Eirik Solbakken <eirik.solbakken@udi.no>", "VS: eu-LISA EES Advisory Group - 31st meeting",
              "Tue, 16 Feb 2027 08:30:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h05"))
case("h05_webex_eulisa_online", eml, "Webex invitation: IANA TZID Europe/Brussels with VTIMEZONE, Webex link as LOCATION; online-only so timezone null; phone numbers and meeting number are distractors",
     title="eu-LISA EES Advisory Group - 31st meeting", start="2027-03-09T14:00:00+01:00", end="2027-03-09T16:30:00+01:00",
     timezone=None, location=wlink, online=True, organizer="advisory.groups@eulisa.example.org",
     participant="eirik.solbakken@udi.no", forum="EULISA", ical_uid=uid, sequence=0)

# ---------------------------------------------------------------- h06 Zoom, hybrid in Geneva (UNHCR)
uid = "ZOOM89012345671@zoom.us"
zlink = "https://unhcr-example.zoom.us/j/89012345671?pwd=Qm9vdGNhbXBGYWtlUHdkMjAyNw.1"
zcal = ics(["BEGIN:VCALENDAR", "PRODID:-//zoom.us//iCalendar Event//EN", "VERSION:2.0",
            "BEGIN:VTIMEZONE", "TZID:Europe/Zurich", "LAST-MODIFIED:20230407T050750Z", "TZURL:https://www.tzurl.org/zoneinfo-outlook/Europe/Zurich",
            "X-LIC-LOCATION:Europe/Zurich", "BEGIN:DAYLIGHT", "TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
            "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD",
            "TZNAME:CET", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "DTSTAMP:20270420T091502Z", "DTSTART;TZID=Europe/Zurich:20270622T093000",
            "DTEND;TZID=Europe/Zurich:20270622T180000", "SUMMARY:ATCR 2027 - Annual Tripartite Consultations on Resettlement and Complementary Pathways",
            "UID:" + uid, "TZID:Europe/Zurich",
            "DESCRIPTION:Resettlement Service is inviting you to a scheduled Zoom meeting.\\n\\nIn-person venue: Palais des Nations\\, Room XVIII\\, Geneva. Remote participation via Zoom:\\n\\nJoin Zoom Meeting\\n" + zlink + "\\n\\nMeeting ID: 890 1234 5671\\nPasscode: 552731\\n",
            "LOCATION:Palais des Nations, Room XVIII, Geneva / " + zlink,
            "ORGANIZER;CN=Resettlement Service:mailto:resettlement.service@unhcr.example.org",
            "BEGIN:VALARM", "TRIGGER:-PT10M", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "END:VALARM", "END:VEVENT", "END:VCALENDAR"])
note = f"""Hi INE,

FYI - ATCR this year is hybrid. I will be in Geneva in person; my colleague in the resettlement unit follows on Zoom.

Best,
Marte Lie Haugen

From: Resettlement Service <resettlement.service@unhcr.example.org>
Sent: Tuesday, April 20, 2027 11:15 AM
To: ATCR participants <atcr@unhcr.example.org>
Subject: ATCR 2027 - Annual Tripartite Consultations on Resettlement and Complementary Pathways

Resettlement Service is inviting you to a scheduled Zoom meeting.
Topic: ATCR 2027
Time: Jun 22, 2027 09:30 AM Zurich

In-person venue: Palais des Nations, Room XVIII, Geneva.
Join Zoom Meeting
{zlink}

Meeting ID: 890 1234 5671
Passcode: 552731
"""
body = multipart("mixed", [text_part(note), cal_part(zcal, method=None, cte="base64", filename="zoom_invite.ics", ctype="text/calendar")], "_004_H06MIX_")
eml = message("Marte Lie Haugen <marte.lie.haugen@udi.no>", "FW: ATCR 2027 - Annual Tripartite Consultations on Resettlement and Complementary Pathways",
              "Wed, 21 Apr 2027 12:40:19 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h06"))
case("h06_zoom_hybrid_unhcr_geneva", eml, "Zoom .ics attachment without METHOD and without SEQUENCE; hybrid (venue + Zoom link in LOCATION) so online=true and timezone=Europe/Zurich; AM/PM 'Time:' line",
     title="ATCR 2027 - Annual Tripartite Consultations on Resettlement and Complementary Pathways",
     start="2027-06-22T09:30:00+02:00", end="2027-06-22T18:00:00+02:00", timezone="Europe/Zurich",
     location="Palais des Nations, Room XVIII, Geneva", online=True, organizer="resettlement.service@unhcr.example.org",
     participant="marte.lie.haugen@udi.no", forum="UNHCR", ical_uid=uid, sequence=None)
