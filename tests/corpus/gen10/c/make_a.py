"""Group 1 (m01-m11): invitations from various calendar systems."""
from common import *
from common import _h, _addr

def outlook_fwd(frm, subj, date, text, cal_lines, method="REQUEST", lang="nb-NO", bnd="_000_EXMBX02udilocal_", extra_parts=()):
    alt = multipart("alternative", [text_part(text), text_part(html_of(text), "html"),
                                    cal_part(ics(cal_lines), method)], bnd)
    if extra_parts:
        alt = multipart("mixed", [alt, *extra_parts], bnd.replace("000", "004"))
    return message(frm, subj, date, alt, extra=[_h("Thread-Topic", subj), f"Accept-Language: {lang}, en-US",
                   f"Content-Language: {lang}", "X-MS-Has-Attach:" + (" yes" if extra_parts else ""),
                   "X-MS-TNEF-Correlator:", "Content-Class: urn:content-classes:calendarmessage"])

EXO = "Microsoft Exchange Server 2010"

def run():
    # m01 Exchange 2019 on-prem, nb-NO, W. Europe Standard Time, Outlook nb forward keeps calendar
    uid = outlook_uid("m01-nordic-cph")
    cal = vcal("REQUEST", [[
        "ORGANIZER;CN=Nordisk sekretariat:mailto:nordisk.sekretariat@example.org",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Kari Solbakken:mailto:kari.solbakken@udi.no",
        "DESCRIPTION;LANGUAGE=nb-NO:Kjære alle\\,\\n\\nVelkommen til nordisk ekspertmøte om familiegjenforening. Dagsorden følger.\\n",
        "UID:" + uid, "SUMMARY;LANGUAGE=nb-NO:Nordisk ekspertmøte om familiegjenforening",
        "DTSTART;TZID=W. Europe Standard Time:20270316T093000", "DTEND;TZID=W. Europe Standard Time:20270316T153000",
        "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270118T091500Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
        "LOCATION;LANGUAGE=nb-NO:Udlændingestyrelsen\\, Farimagsvej 51\\, København",
        "X-MICROSOFT-CDO-APPT-SEQUENCE:0", "X-MICROSOFT-CDO-OWNERAPPTID:2118412345", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
        "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "X-MICROSOFT-CDO-IMPORTANCE:1",
        "X-MICROSOFT-CDO-INSTTYPE:0", "X-MICROSOFT-DONOTFORWARDMEETING:FALSE", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "BEGIN:VALARM", "DESCRIPTION:REMINDER", "TRIGGER;RELATED=START:-PT15M", "ACTION:DISPLAY", "END:VALARM"]],
        EXO, tz=vtz_eu("W. Europe Standard Time", ws=True))
    text = ("Hei,\n\nJeg reiser til København på dette. Sender til orientering.\n\nHilsen\nKari Solbakken\n"
            "Rådgiver | Asylavdelingen | Utlendingsdirektoratet\n\n-----Opprinnelig avtale-----\n"
            "Fra: Nordisk sekretariat <nordisk.sekretariat@example.org>\nSendt: mandag 18. januar 2027 10:15\n"
            "Til: Kari Solbakken <kari.solbakken@udi.no>\nEmne: Nordisk ekspertmøte om familiegjenforening\n"
            "Når: tirsdag 16. mars 2027 09:30-15:30 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.\n"
            "Hvor: Udlændingestyrelsen, Farimagsvej 51, København\n\nKjære alle,\n\nVelkommen til nordisk ekspertmøte om "
            "familiegjenforening. Dagsorden følger.\n")
    case("m01_exchange2019_nb_nordic_copenhagen",
         outlook_fwd("Kari Solbakken <kari.solbakken@udi.no>", "VS: Nordisk ekspertmøte om familiegjenforening",
                     "Tue, 19 Jan 2027 08:02:11 +0100", text, cal),
         "Exchange 2019 on-prem nb-NO invitation forwarded by Outlook nb-NO with calendar part; W. Europe Standard Time VTIMEZONE; venue Copenhagen",
         title="Nordisk ekspertmøte om familiegjenforening", start=T("2027-03-16 09:30", "Europe/Copenhagen"),
         end=T("2027-03-16 15:30", "Europe/Copenhagen"), timezone="Europe/Copenhagen",
         location="Udlændingestyrelsen, Farimagsvej 51, København", organizer="nordisk.sekretariat@example.org",
         participant="kari.solbakken@udi.no", forum="NORDIC", ical_uid=uid, sequence=0, group="1")

    # m02 Exchange Online Teams, EMN online, OWA English forward
    uid = outlook_uid("m02-emn-reg-teams")
    teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZDk3MmQ4YjAtNzE1Yi00ZGRkLWI0ZTgtMmQ0ZjU1ZjA5YWJm%40thread.v2/0?context=%7b%22Tid%22%3a%22a1b2c3d4-0000-4000-8000-123456789abc%22%2c%22Oid%22%3a%2211112222-3333-4444-5555-666677778888%22%7d"
    cal = vcal("REQUEST", [[
        "ORGANIZER;CN=EMN Return Expert Group:mailto:return-eg@emn.example.org",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Eirik Haugland:mailto:eirik.haugland@udi.no",
        "DESCRIPTION;LANGUAGE=en-US:Dear REG members\\,\\nPlease find the online meeting link below.\\n________________\\nMicrosoft Teams meeting\\nJoin: " + teams + "\\nMeeting ID: 391 224 508 771\\n",
        "UID:" + uid, "SUMMARY;LANGUAGE=en-US:EMN Return Expert Group - online meeting on reintegration",
        "DTSTART;TZID=Romance Standard Time:20270415T093000", "DTEND;TZID=Romance Standard Time:20270415T110000",
        "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270301T124501Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
        "LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting", "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
        "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
        "X-MICROSOFT-CDO-INSTTYPE:0", "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:", "X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:return-eg@emn.example.org\\;gruu\\;opaque=app:conf:focus:id:teams:2:0!19:meeting_ZDk3",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL:" + teams, "X-MICROSOFT-SKYPETEAMSPROPERTIES:{\"cid\":\"19:meeting_ZDk3@thread.v2\"\\,\"private\":true\\,\"type\":0}",
        "X-MICROSOFT-SCHEDULINGSERVICEUPDATEURL:https://api.scheduler.teams.microsoft.com/teams/a1b2c3d4/11112222/19_meeting_ZDk3@thread.v2/0",
        "X-MICROSOFT-DONOTFORWARDMEETING:FALSE", "X-MICROSOFT-DISALLOW-COUNTER:FALSE", "X-MICROSOFT-ISRESPONSEREQUESTED:TRUE"]],
        EXO, tz=vtz_eu("Romance Standard Time", ws=True))
    text = ("Hi INE,\n\nForwarding the REG online meeting in April. I will join from Oslo.\n\nBest,\nEirik\n\n"
            "________________________________\nFrom: EMN Return Expert Group <return-eg@emn.example.org>\n"
            "Sent: Monday, March 1, 2027 1:45 PM\nTo: Eirik Haugland <eirik.haugland@udi.no>\n"
            "Subject: EMN Return Expert Group - online meeting on reintegration\n"
            "When: Thursday, April 15, 2027 9:30 AM-11:00 AM (UTC+01:00) Brussels, Copenhagen, Madrid, Paris.\n"
            "Where: Microsoft Teams Meeting\n\nDear REG members,\nPlease find the online meeting link below.\n"
            "________________________________________________________________________________\n"
            "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting <" + teams + ">\n"
            "Meeting ID: 391 224 508 771\nPasscode: Zp8wQ3\n"
            "________________________________________________________________________________\n")
    html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>"
            "<div dir=\"ltr\">Hi INE,<br><br>Forwarding the REG online meeting in April. I will join from Oslo.<br><br>Best,<br>Eirik</div>"
            "<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\"><div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\" color=\"#000000\">"
            "<b>From:</b> EMN Return Expert Group &lt;return-eg@emn.example.org&gt;<br><b>Sent:</b> Monday, March 1, 2027 1:45 PM<br>"
            "<b>To:</b> Eirik Haugland &lt;eirik.haugland@udi.no&gt;<br><b>Subject:</b> EMN Return Expert Group - online meeting on reintegration<br>"
            "<b>When:</b> Thursday, April 15, 2027 9:30 AM-11:00 AM (UTC+01:00) Brussels, Copenhagen, Madrid, Paris.<br><b>Where:</b> Microsoft Teams Meeting</font><div>&nbsp;</div></div>"
            "<div>Dear REG members,<br>Please find the online meeting link below.</div><div style=\"max-width:1024px\"><span style=\"font-size:24px\">Microsoft Teams meeting</span><br>"
            "<a href=\"" + teams.replace("&", "&amp;") + "\">Click here to join the meeting</a><br>Meeting ID: 391 224 508 771<br>Passcode: Zp8wQ3</div></body></html>")
    alt = multipart("alternative", [text_part(text), text_part(html, "html"), cal_part(ics(cal), "REQUEST")], "_000_AM9PR03MB71045DA2_")
    eml = message("Eirik Haugland <eirik.haugland@udi.no>", "Fw: EMN Return Expert Group - online meeting on reintegration",
                  "Tue, 2 Mar 2027 09:14:40 +0000", alt, extra=["Content-Class: urn:content-classes:calendarmessage",
                  "X-MS-Exchange-Calendar-Originator-Id: 5f0c1e2d-3a4b-4c5d-8e6f-7a8b9c0d1e2f", "X-MS-Has-Attach:",
                  "X-MS-TNEF-Correlator:", "x-ms-exchange-messagesentrepresentingtype: 1"])
    case("m02_exo_teams_owa_emn_online", eml,
         "Exchange Online Teams invitation (X-MICROSOFT-SKYPETEAMSMEETINGURL) forwarded from Outlook on the web; Romance Standard Time, summer; online-only so timezone null",
         title="EMN Return Expert Group - online meeting on reintegration", start=T("2027-04-15 09:30", "Europe/Brussels"),
         end=T("2027-04-15 11:00", "Europe/Brussels"), timezone=None, location="Microsoft Teams Meeting", online=True,
         organizer="return-eg@emn.example.org", participant="eirik.haugland@udi.no", forum="EMN", ical_uid=uid, sequence=0, group="1")

    # m03 Google Calendar, Z times, Meet link, hybrid Geneva, Gmail forward, nynorsk note
    uid = "4k2p7c9s1vq8mbf3t0n6r5hd2e@google.com"
    cal = vcal("REQUEST", [[
        "DTSTART:20270519T070000Z", "DTEND:20270519T143000Z", "DTSTAMP:20270322T101512Z",
        "ORGANIZER;CN=IGC Secretariat:mailto:wgace@igc.example.org", "UID:" + uid,
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=sigrid.nystol@udi.no;X-NUM-GUESTS=0:mailto:sigrid.nystol@udi.no",
        "X-GOOGLE-CONFERENCE:https://meet.google.com/wqx-kfzt-bnr", "X-MICROSOFT-CDO-OWNERAPPTID:-1938211042",
        "CREATED:20270322T101506Z",
        "DESCRIPTION:Dear WGACE members\\,<br><br>The spring meeting will be held at the IGC Secretariat in Geneva. Remote participation is possible via Google Meet.<br><br>-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-<br>Join with Google Meet: <a href=\"https://meet.google.com/wqx-kfzt-bnr\">https://meet.google.com/wqx-kfzt-bnr</a><br>-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-",
        "LAST-MODIFIED:20270322T101511Z", "LOCATION:IGC Secretariat\\, Rue de Varembé 9\\, 1202 Geneva", "SEQUENCE:0",
        "STATUS:CONFIRMED", "SUMMARY:IGC WGACE spring meeting 2027", "TRANSP:OPAQUE",
        "BEGIN:VALARM", "ACTION:EMAIL", "DESCRIPTION:This is an event reminder", "SUMMARY:Alarm notification",
        "ATTENDEE:mailto:sigrid.nystol@udi.no", "TRIGGER:-P0DT0H30M0S", "END:VALARM"]],
        "-//Google Inc//Google Calendar 70.9054//EN", extra_top=["CALSCALE:GREGORIAN"])
    text = ("Hei,\n\nEg skal delta på dette møtet i Genève, truleg fysisk. Vidaresender til registrering.\n\nHelsing\nSigrid\n\n"
            "---------- Forwarded message ---------\nFrå: IGC Secretariat <wgace@igc.example.org>\n"
            "Date: må. 22. mar. 2027 kl. 11:15\nSubject: Invitation: IGC WGACE spring meeting 2027 @ Wed 19 May 2027 09:00 - 16:30 (CEST) (sigrid.nystol@udi.no)\n"
            "To: <sigrid.nystol@udi.no>\n\n\nIGC WGACE spring meeting 2027\nWednesday 19 May 2027 ⋅ 09:00 – 16:30\n"
            "Central European Time - Zurich\n\nLocation\nIGC Secretariat, Rue de Varembé 9, 1202 Geneva\n\n"
            "Join with Google Meet\nmeet.google.com/wqx-kfzt-bnr\n\nOrganizer\nIGC Secretariat\nwgace@igc.example.org\n\n"
            "Dear WGACE members,\n\nThe spring meeting will be held at the IGC Secretariat in Geneva. Remote participation is possible via Google Meet.\n")
    alt = multipart("alternative", [text_part(text), text_part(html_of(text), "html")], "000000000000a1b2c3d4e5f60718")
    mixed = multipart("mixed", [alt, cal_part(ics(cal), "REQUEST", filename="invite.ics", ctype="application/ics")], "000000000000a1b2c3d4e5f60719")
    eml = message("Sigrid Nystøl <sigrid.nystol@udi.no>", "Fwd: Invitation: IGC WGACE spring meeting 2027 @ Wed 19 May 2027 09:00 - 16:30 (CEST) (sigrid.nystol@udi.no)",
                  "Tue, 23 Mar 2027 13:40:02 +0100", mixed, received=True,
                  msgid="<CAF7x2kqP0b9Yh3Lw_1pQ+Zt8Vn4xZ@mail.gmail.com>")
    case("m03_google_meet_gmail_igc_geneva", eml,
         "Google Calendar invite (UTC 'Z' times, X-GOOGLE-CONFERENCE Meet link) forwarded from Gmail web with invite.ics as application/ics; nynorsk note; hybrid in Geneva",
         title="IGC WGACE spring meeting 2027", start=T("2027-05-19 09:00", "Europe/Zurich"), end=T("2027-05-19 16:30", "Europe/Zurich"),
         timezone="Europe/Zurich", location="IGC Secretariat, Rue de Varembé 9, 1202 Geneva", online=True,
         organizer="wgace@igc.example.org", participant="sigrid.nystol@udi.no", forum="IGC", ical_uid=uid, sequence=0, group="1")

    # m04 Zoom calendar invitation .ics (Europe/Amsterdam), forwarded from Outlook for iOS
    uid = "ZOOM84417730291@zoom.us"
    zoom = "https://emn-nl.zoom.us/j/84417730291?pwd=Qm9ZbG5yT2xXc3RrV0p1Zz09"
    cal = vcal("PUBLISH", [[
        "DTSTAMP:20270412T081122Z", "DTSTART;TZID=Europe/Amsterdam:20270610T140000", "DTEND;TZID=Europe/Amsterdam:20270610T153000",
        "SUMMARY:EMN NL webinar: labour migration pathways for refugees", "UID:" + uid, "TZID:Europe/Amsterdam",
        "DESCRIPTION:EMN Netherlands is inviting you to a scheduled Zoom meeting.\\n\\nJoin Zoom Meeting\\n" + zoom + "\\n\\nMeeting ID: 844 1773 0291\\nPasscode: 552190\\n",
        "LOCATION:" + zoom, "BEGIN:VALARM", "TRIGGER:-PT10M", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "END:VALARM"]],
        "-//zoom.us//iCalendar Event//EN", extra_top=["CALSCALE:GREGORIAN", "CLASS:PUBLIC"], tz=vtz_eu("Europe/Amsterdam"))
    text = ("Til info, jeg følger webinaret fra kontoret.\n\nAnders\n\nHent Outlook for iOS<https://aka.ms/o0ukef>\n"
            "________________________________\nFra: EMN Netherlands <emn-nl@example.net>\nSendt: Monday, April 12, 2027 10:20:31 AM\n"
            "Til: Anders Brekke <anders.brekke@udi.no>\nEmne: Invitation: EMN NL webinar on labour migration pathways for refugees, 10 June\n\n"
            "Dear colleague,\n\nThank you for registering. The webinar takes place on 10 June 2027, 14:00-15:30 CEST.\n"
            "Join Zoom Meeting\n" + zoom + "\nMeeting ID: 844 1773 0291\nPasscode: 552190\n\nPlease find the calendar file attached.\n")
    alt = multipart("alternative", [text_part(text), text_part(html_of(text), "html")], "_000_PAXPR08MB6ios11_")
    mixed = multipart("mixed", [alt, cal_part(ics(cal), None, filename="zoom_0.ics")], "_004_PAXPR08MB6ios11_")
    eml = message("Anders Brekke <anders.brekke@udi.no>", "VS: Invitation: EMN NL webinar on labour migration pathways for refugees, 10 June",
                  "Mon, 12 Apr 2027 09:02:55 +0000", mixed, extra=["X-MS-Has-Attach: yes", "X-MS-TNEF-Correlator:"])
    case("m04_zoom_ics_ios_emn_webinar", eml,
         "Zoom's own .ics (METHOD:PUBLISH, TZID=Europe/Amsterdam with VTIMEZONE, no ORGANIZER, no SEQUENCE) forwarded from Outlook for iOS; Zoom link is LOCATION; online only; subject differs from SUMMARY",
         title="EMN NL webinar: labour migration pathways for refugees", start=T("2027-06-10 14:00", "Europe/Amsterdam"),
         end=T("2027-06-10 15:30", "Europe/Amsterdam"), timezone=None, location=zoom, online=True, organizer=None,
         participant="anders.brekke@udi.no", forum="EMN", ical_uid=uid, sequence=None, group="1")

    # m05 Webex hybrid Frontex Warsaw, Apple Mail forward, English note
    uid = "7c3f2a1e9b8d4e6f0a1b2c3d4e5f6a7b@webex.example.com"
    webex = "https://frontex-events.webex.example.com/frontex-events/j.php?MTID=m3f9e2d1c0b4a59687f6e5d4c3b2a1908"
    cal = vcal("REQUEST", [[
        "ORGANIZER;CN=\"Frontex Return Division\":mailto:return.division@frontex.example.org",
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=\"Marte Vik\":mailto:marte.vik@udi.no",
        "DTSTART;TZID=Europe/Warsaw:20271005T100000", "DTEND;TZID=Europe/Warsaw:20271005T160000", "DTSTAMP:20270830T120000Z",
        "UID:" + uid, "SUMMARY:Frontex Return Network – plenary meeting (hybrid)",
        "LOCATION:Frontex HQ\\, Plac Europejski 6\\, Warsaw / Webex",
        "DESCRIPTION:Join the meeting: " + webex + "\\nMeeting number: 2744 613 9021\\nPassword: RtN2027!\\n",
        "URL:" + webex, "SEQUENCE:0", "STATUS:CONFIRMED", "CLASS:PUBLIC", "TRANSP:OPAQUE",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY"]],
        "-//Cisco Webex//Webex Meetings//EN", tz=vtz_eu("Europe/Warsaw"))
    text = ("Hi,\n\nI'll attend the plenary in Warsaw in person.\n\nMarte\n\nBegin forwarded message:\n\n"
            "From: \"Frontex Return Division (via Webex)\" <messenger@webex.example.com>\n"
            "Subject: Meeting invitation: Frontex Return Network – plenary meeting (hybrid)\n"
            "Date: 30 August 2027 at 14:00:00 CEST\nTo: marte.vik@udi.no\nReply-To: return.division@frontex.example.org\n\n"
            "Frontex Return Division invites you to join this Webex meeting.\n\nTuesday, 5 October 2027\n10:00 | (UTC+02:00) Warsaw | 6 hrs\n\n"
            "Join meeting\n" + webex + "\n\nMeeting number: 2744 613 9021\nPassword: RtN2027!\n\nVenue for on-site participants: Frontex HQ, Plac Europejski 6, Warsaw\n")
    mixed = multipart("mixed", [text_part(text), cal_part(ics(cal), "REQUEST", filename="WebexMeeting.ics")], "Apple-Mail=_6E1B2C3D-4F5A-4B6C-9D7E-8F9A0B1C2D3E")
    eml = message("Marte Vik <marte.vik@udi.no>", "Fwd: Meeting invitation: Frontex Return Network – plenary meeting (hybrid)",
                  "Tue, 31 Aug 2027 08:11:09 +0200", mixed, received=True, msgid="<A1B2C3D4-5E6F-4789-ABCD-0123456789AB@udi.no>",
                  extra=["X-Mailer: Apple Mail (2.3774.600.62)"])
    case("m05_webex_applemail_frontex_warsaw", eml,
         "Webex invitation (TZID=Europe/Warsaw, VTIMEZONE) forwarded with Apple Mail 'Begin forwarded message:'; hybrid on-site Warsaw plus Webex; en dash in subject",
         title="Frontex Return Network – plenary meeting (hybrid)", start=T("2027-10-05 10:00", "Europe/Warsaw"),
         end=T("2027-10-05 16:00", "Europe/Warsaw"), timezone="Europe/Warsaw", location="Frontex HQ, Plac Europejski 6, Warsaw",
         online=True, organizer="return.division@frontex.example.org", participant="marte.vik@udi.no", forum="FRONTEX",
         ical_uid=uid, sequence=0, group="1")

    # m06 GoTo Meeting, GDISC online, forwarded as attachment (message/rfc822), nynorsk
    uid = "goto-5f2a91c7-1e0d-4b2a-9c33-7d6e5f4a3b21@goto.example.com"
    goto = "https://meet.goto.example.com/418275306"
    cal = vcal("REQUEST", [[
        "UID:" + uid, "DTSTAMP:20270118T140000Z", "DTSTART:20270223T130000Z", "DTEND:20270223T143000Z",
        "SUMMARY:GDISC Steering Group – online meeting", "ORGANIZER;CN=GDISC Secretariat:mailto:secretariat@gdisc.example.org",
        "ATTENDEE;RSVP=TRUE;CN=Torunn Aasen:mailto:torunn.aasen@udi.no", "LOCATION:" + goto,
        "DESCRIPTION:Please join my meeting from your computer\\, tablet or smartphone.\\n" + goto + "\\n\\nAccess Code: 418-275-306\\n",
        "SEQUENCE:0", "STATUS:CONFIRMED"]], "-//GoTo//GoTo Meeting//EN")
    inner_text = ("Dear Steering Group members,\n\nThe next online meeting of the GDISC Steering Group is scheduled for 23 February 2027, 14:00-15:30 CET.\n\n"
                  "Please join my meeting from your computer, tablet or smartphone.\n" + goto + "\nAccess Code: 418-275-306\n\nGDISC Secretariat\n")
    inner_alt = multipart("alternative", [text_part(inner_text), cal_part(ics(cal), "REQUEST")], "----=_Part_88121_1190.1674050400000")
    inner = inner_message("GDISC Secretariat <secretariat@gdisc.example.org>", "torunn.aasen@udi.no",
                          "GDISC Steering Group – online meeting", "Mon, 18 Jan 2027 15:00:00 +0100", inner_alt)
    outer_text = "Hei INE,\n\nVidaresender innkallinga til styringsgruppa i GDISC som vedlegg. Eg deltek for UDI.\n\nVenleg helsing\nTorunn Aasen\n"
    mixed = multipart("mixed", [text_part(outer_text), rfc822_part(inner)], "_004_VI1PR0402MB3fw_")
    eml = message("Torunn Aasen <torunn.aasen@udi.no>", "VS: GDISC Steering Group – online meeting",
                  "Tue, 19 Jan 2027 10:30:00 +0100", mixed, extra=["X-MS-Has-Attach: yes"])
    case("m06_goto_rfc822_gdisc_online", eml,
         "GoTo Meeting invitation (UTC times, link as LOCATION) inside a message/rfc822 attachment; nynorsk outer note; online only",
         title="GDISC Steering Group – online meeting", start=T("2027-02-23 14:00", "Europe/Oslo"), end=T("2027-02-23 15:30", "Europe/Oslo"),
         timezone=None, location=goto, online=True, organizer="secretariat@gdisc.example.org", participant="torunn.aasen@udi.no",
         forum="GDISC", ical_uid=uid, sequence=0, group="1")

    # m07 Nextcloud, TZID Europe/Vilnius with VTIMEZONE, Outlook forward of a non-Outlook mail with invitation.ics
    uid = "b5e1f0c2-7a3d-4e8b-9f61-2c4d8a0e7b93"
    vtz = ["BEGIN:VTIMEZONE", "TZID:Europe/Vilnius", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300",
           "TZNAME:EEST", "DTSTART:19700329T030000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
           "BEGIN:STANDARD", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "TZNAME:EET", "DTSTART:19701025T040000",
           "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"]
    cal = vcal("REQUEST", [[
        "CREATED:20270405T091000Z", "DTSTAMP:20270405T091512Z", "LAST-MODIFIED:20270405T091512Z", "SEQUENCE:0", "UID:" + uid,
        "DTSTART;TZID=Europe/Vilnius:20270608T100000", "DTEND;TZID=Europe/Vilnius:20270608T163000", "STATUS:CONFIRMED",
        "SUMMARY:EMN Lithuania – Baltic-Nordic workshop on statelessness determination",
        "LOCATION:Migracijos departamentas\\, Šv. Stepono g. 27\\, Vilnius",
        "DESCRIPTION:Workshop for EMN NCPs of the Baltic and Nordic countries. Agenda will follow.",
        "ORGANIZER;CN=EMN Lithuania NCP;SCHEDULE-STATUS=1.1:mailto:emn.lt@example.org",
        "ATTENDEE;CN=Jon Ravndal;CUTYPE=INDIVIDUAL;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:jon.ravndal@udi.no"]],
        "-//IDN nextcloud.com//Calendar app 4.7.4//EN", extra_top=["CALSCALE:GREGORIAN"], tz=vtz)
    text = ("Hei,\n\nJeg er meldt på denne workshopen i Vilnius. Ingen posisjoner å avklare, bare erfaringsutveksling.\n\nMvh\nJon Ravndal\nSeksjon for statsborgerskap\n\n"
            "-----Opprinnelig melding-----\nFra: EMN Lithuania NCP <emn.lt@example.org>\nSendt: mandag 5. april 2027 11:15\n"
            "Til: Jon Ravndal <jon.ravndal@udi.no>\nEmne: Invitation: EMN Lithuania – Baltic-Nordic workshop on statelessness determination @ Tue Jun 8, 2027 10:00 - 16:30 (EEST)\n\n"
            "EMN Lithuania NCP has invited you to \"EMN Lithuania – Baltic-Nordic workshop on statelessness determination\".\n\n"
            "When: Tue Jun 8, 2027 10:00 - 16:30 (Europe/Vilnius)\nWhere: Migracijos departamentas, Šv. Stepono g. 27, Vilnius\n")
    mixed = multipart("mixed", [multipart("alternative", [text_part(text), text_part(html_of(text), "html")], "_000_HE1PR07nc_"),
                                cal_part(ics(cal), "REQUEST", filename="invitation.ics")], "_004_HE1PR07nc_")
    eml = message("Jon Ravndal <jon.ravndal@udi.no>", "VS: Invitation: EMN Lithuania – Baltic-Nordic workshop on statelessness determination @ Tue Jun 8, 2027 10:00 - 16:30 (EEST)",
                  "Tue, 6 Apr 2027 07:45:12 +0000", mixed, extra=["X-MS-Has-Attach: yes", "X-MS-TNEF-Correlator:",
                  "Accept-Language: nb-NO, en-US", "Content-Language: nb-NO"])
    case("m07_nextcloud_emn_vilnius", eml,
         "Nextcloud invitation.ics (TZID Europe/Vilnius with VTIMEZONE, EEST UTC+03:00) attached to an Outlook nb-NO forward; non-ASCII location",
         title="EMN Lithuania – Baltic-Nordic workshop on statelessness determination", start=T("2027-06-08 10:00", "Europe/Vilnius"),
         end=T("2027-06-08 16:30", "Europe/Vilnius"), timezone="Europe/Vilnius", location="Migracijos departamentas, Šv. Stepono g. 27, Vilnius",
         organizer="emn.lt@example.org", participant="jon.ravndal@udi.no", forum="EMN", ical_uid=uid, sequence=0, group="1")

    # m08 Zimbra, TZID Europe/Brussels, venue Strasbourg, OWA HTML-only forward with ics attachment
    uid = "3f8a2c61-04be-4d7f-a93e-5b1c7e0d9a42"
    cal = vcal("REQUEST", [[
        "UID:" + uid, "SUMMARY:eu-LISA EES Advisory Group – 41st meeting",
        "ATTENDEE;CN=Hilde Øvrebø;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:hilde.ovrebo@udi.no",
        "ORGANIZER;CN=EES AG Secretariat:mailto:ees-ag@eulisa.example.org",
        "DTSTART;TZID=\"Europe/Brussels\":20270922T090000", "DTEND;TZID=\"Europe/Brussels\":20270922T170000",
        "STATUS:CONFIRMED", "CLASS:PUBLIC", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "TRANSP:OPAQUE",
        "LAST-MODIFIED:20270701T081500Z", "DTSTAMP:20270701T081500Z", "SEQUENCE:0",
        "LOCATION:eu-LISA operational site\\, 18 rue de la Faisanderie\\, Strasbourg",
        "DESCRIPTION:The following is a new meeting request:\\n\\nSubject: eu-LISA EES Advisory Group – 41st meeting\\nOrganizer: \"EES AG Secretariat\" <ees-ag@eulisa.example.org>\\n\\nLocation: eu-LISA operational site\\, Strasbourg\\nTime: Wednesday\\, 22 September\\, 2027\\, 9:00:00 AM - 5:00:00 PM GMT +01:00 Brussels\\, Copenhagen\\, Madrid\\, Paris\\n",
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER;RELATED=START:-PT5M", "DESCRIPTION:Reminder", "END:VALARM"]],
        "Zimbra-Calendar-Provider", tz=["BEGIN:VTIMEZONE", "TZID:Europe/Brussels", "BEGIN:STANDARD", "DTSTART:16010101T030000",
        "TZOFFSETTO:+0100", "TZOFFSETFROM:+0200", "RRULE:FREQ=YEARLY;WKST=MO;INTERVAL=1;BYMONTH=10;BYDAY=-1SU", "TZNAME:CET", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETTO:+0200", "TZOFFSETFROM:+0100",
        "RRULE:FREQ=YEARLY;WKST=MO;INTERVAL=1;BYMONTH=3;BYDAY=-1SU", "TZNAME:CEST", "END:DAYLIGHT", "END:VTIMEZONE"])
    html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body dir=\"ltr\">"
            "<div style=\"font-family:Aptos,Aptos_EmbeddedFont,Calibri,Helvetica,sans-serif;font-size:12pt\">For INE: EES AG in Strasbourg in September. I am the Norwegian member.</div>"
            "<div>Hilde</div><div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
            "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\" color=\"#000000\">"
            "<b>From:</b> EES AG Secretariat &lt;ees-ag@eulisa.example.org&gt;<br><b>Sent:</b> Thursday, July 1, 2027 10:15<br>"
            "<b>To:</b> Hilde &Oslash;vreb&oslash; &lt;hilde.ovrebo@udi.no&gt;<br><b>Subject:</b> eu-LISA EES Advisory Group &#8211; 41st meeting</font><div>&nbsp;</div></div>"
            "<div>The following is a new meeting request:<br><br>Subject: eu-LISA EES Advisory Group &#8211; 41st meeting<br>"
            "Location: eu-LISA operational site, 18 rue de la Faisanderie, Strasbourg<br>Time: Wednesday, 22 September, 2027, 9:00:00 AM - 5:00:00 PM GMT +01:00 Brussels, Copenhagen, Madrid, Paris</div></body></html>")
    mixed = multipart("mixed", [text_part(html, "html"), cal_part(ics(cal), "REQUEST", filename="meeting.ics")], "_004_DB9PR02MBowa_")
    eml = message("Hilde Øvrebø <hilde.ovrebo@udi.no>", "Fw: eu-LISA EES Advisory Group – 41st meeting",
                  "Fri, 2 Jul 2027 06:50:00 +0000", mixed, extra=["X-MS-Has-Attach: yes", "Content-Language: en-GB"])
    case("m08_zimbra_owa_eulisa_strasbourg", eml,
         "Zimbra invitation (quoted TZID \"Europe/Brussels\" with VTIMEZONE; 'GMT +01:00' label in text although summer) forwarded from Outlook on the web as HTML only; venue Strasbourg",
         title="eu-LISA EES Advisory Group – 41st meeting", start=T("2027-09-22 09:00", "Europe/Paris"), end=T("2027-09-22 17:00", "Europe/Paris"),
         timezone="Europe/Paris", location="eu-LISA operational site, 18 rue de la Faisanderie, Strasbourg",
         organizer="ees-ag@eulisa.example.org", participant="hilde.ovrebo@udi.no", forum="EULISA", ical_uid=uid, sequence=0, group="1")

    # m09 Apple iCloud, X-APPLE props, DURATION instead of DTEND, Apple Mail on iPhone
    uid = "8D41C2E7-93A0-4B1F-A6E2-5C07F9B3D118"
    cal = vcal("REQUEST", [[
        "CREATED:20270920T070102Z", "UID:" + uid, "DTSTART;TZID=Europe/Stockholm:20271109T130000", "DURATION:PT2H30M",
        "TRANSP:OPAQUE", "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC", "SUMMARY:UNHCR–Nordic resettlement planning meeting 2028 quotas",
        "LAST-MODIFIED:20270920T070355Z", "DTSTAMP:20270920T070355Z", "SEQUENCE:0",
        "LOCATION:UNHCR Representation for the Nordic and Baltic Countries\\nYnglingagatan 14\\, Stockholm\\, Sweden",
        "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS=Ynglingagatan 14\\, 113 47 Stockholm\\, Sweden;X-APPLE-RADIUS=70.5;X-TITLE=UNHCR Representation for the Nordic and Baltic Countries:geo:59.344167,18.045278",
        "ORGANIZER;CN=Karin Lindqvist;EMAIL=karin.lindqvist@example.com:mailto:karin.lindqvist@example.com",
        "ATTENDEE;CN=Per Eidsvoll;CUTYPE=INDIVIDUAL;EMAIL=per.eidsvoll@udi.no;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:per.eidsvoll@udi.no",
        "BEGIN:VALARM", "X-WR-ALARMUID:0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0", "TRIGGER:-PT30M", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "END:VALARM"]],
        "-//Apple Inc.//iPhone OS 20.1//EN", extra_top=["CALSCALE:GREGORIAN"], tz=vtz_eu("Europe/Stockholm"))
    text = ("Hei INE,\nsender videre invitasjonen fra UNHCR i Stockholm. Jeg og Linn drar.\n\nPer\n\nSendt fra min iPhone\n\n"
            "Begynnelse på videresendt e-post:\n\n> Fra: Karin Lindqvist <karin.lindqvist@example.com>\n> Dato: 20. september 2027 kl. 09:04:01 CEST\n"
            "> Til: Per Eidsvoll <per.eidsvoll@udi.no>\n> Emne: Invitasjon: UNHCR–Nordic resettlement planning meeting 2028 quotas\n>\n"
            "> Karin Lindqvist har invitert deg til en hendelse.\n")
    mixed = multipart("mixed", [text_part(text), cal_part(ics(cal), "REQUEST", filename="invite.ics")], "Apple-Mail-5C0A9F1E-77B2-4C1D-8E3F-0A1B2C3D4E5F")
    eml = message("Per Eidsvoll <per.eidsvoll@udi.no>", "VS: Invitasjon: UNHCR–Nordic resettlement planning meeting 2028 quotas",
                  "Mon, 20 Sep 2027 09:40:12 +0200", mixed, extra=["X-Mailer: iPhone Mail (23B85)"],
                  msgid="<5C0A9F1E-77B2-4C1D-8E3F-0A1B2C3D4E5F@udi.no>")
    case("m09_icloud_duration_unhcr_stockholm", eml,
         "Apple iCloud/iPhone invitation with X-APPLE properties and DURATION:PT2H30M instead of DTEND; in Stockholm after DST end (+01:00); LOCATION with embedded newline; forwarded from iPhone Mail in Norwegian",
         title="UNHCR–Nordic resettlement planning meeting 2028 quotas", start=T("2027-11-09 13:00", "Europe/Stockholm"),
         end=T("2027-11-09 15:30", "Europe/Stockholm"), timezone="Europe/Stockholm",
         location="UNHCR Representation for the Nordic and Baltic Countries", organizer="karin.lindqvist@example.com",
         participant="per.eidsvoll@udi.no", forum="UNHCR", ical_uid=uid, sequence=0, group="1")

    # m10 Conference registration system, METHOD:PUBLISH single event, UTC, two days in Riga, Outlook for Android
    uid = "evt-7731-EMNAC27-att-55102@registration.example.com"
    cal = vcal("PUBLISH", [[
        "UID:" + uid, "DTSTAMP:20270602T150312Z", "DTSTART:20271019T060000Z", "DTEND:20271020T100000Z",
        "SUMMARY:EMN Annual Conference 2027", "LOCATION:Radisson Blu Latvija Conference Centre\\, Elizabetes iela 55\\, Riga\\, Latvia",
        "ORGANIZER;CN=EMN Conference Team:mailto:emnconference2027@example.com", "SEQUENCE:0", "STATUS:CONFIRMED",
        "DESCRIPTION:Thank you for registering for the EMN Annual Conference 2027. Registration desk opens 08:15 on 19 October.\\nConfirmation number: EMN27-55102",
        "URL:https://registration.example.com/event/emnac27", "CLASS:PUBLIC", "TRANSP:OPAQUE"]],
        "-//Registration Platform//Event Calendar 4.2//EN")
    text = ("FYI - registration confirmed for the EMN conference in Riga. No positions needed.\n\nMarius\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>\n"
            "________________________________\nFrom: EMN Conference Team <emnconference2027@example.com>\nSent: Wednesday, June 2, 2027 5:03:12 PM\n"
            "To: Marius Tangen <marius.tangen@udi.no>\nSubject: Your registration is confirmed – EMN Annual Conference 2027\n\n"
            "Dear Marius Tangen,\n\nThank you for registering for the EMN Annual Conference 2027, 19-20 October 2027, Riga.\n"
            "Registration desk opens at 08:15. Add the event to your calendar with the attached file.\n\nConfirmation number: EMN27-55102\n")
    mixed = multipart("mixed", [multipart("alternative", [text_part(text), text_part(html_of(text), "html")], "_000_andr33_"),
                                cal_part(ics(cal), "PUBLISH", filename="event.ics")], "_004_andr33_")
    eml = message("Marius Tangen <marius.tangen@udi.no>", "Fwd: Your registration is confirmed – EMN Annual Conference 2027",
                  "Thu, 3 Jun 2027 06:21:40 +0000", mixed, extra=["X-MS-Has-Attach: yes"])
    case("m10_registration_publish_emn_riga", eml,
         "Registration-system .ics (METHOD:PUBLISH, single VEVENT, UTC times) spanning two days in Riga (EEST +03:00); forwarded from Outlook for Android; registration desk time is a distractor; subject differs from SUMMARY",
         title="EMN Annual Conference 2027", start=T("2027-10-19 09:00", "Europe/Riga"), end=T("2027-10-20 13:00", "Europe/Riga"),
         timezone="Europe/Riga", location="Radisson Blu Latvija Conference Centre, Elizabetes iela 55, Riga, Latvia",
         organizer="emnconference2027@example.com", participant="marius.tangen@udi.no", forum="EMN", ical_uid=uid, sequence=0, group="1")

    # m11 SUMMARY differs from subject, OECD Paris, e-mail from an events system with .ics, Outlook en-US forward
    uid = "wpm68-2027-06-22@events.oecd.example.org"
    cal = vcal("REQUEST", [[
        "UID:" + uid, "DTSTAMP:20270503T084500Z", "SEQUENCE:0",
        "ORGANIZER;CN=OECD Migration Division:mailto:wpm.secretariat@oecd.example.org",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE;CN=Ola Strand:mailto:ola.strand@udi.no",
        "SUMMARY:OECD Working Party on Migration (WPM) - 68th session",
        "DTSTART;TZID=Europe/Paris:20270622T093000", "DTEND;TZID=Europe/Paris:20270623T130000",
        "LOCATION:OECD Conference Centre\\, 2 rue André Pascal\\, Paris", "STATUS:CONFIRMED",
        "DESCRIPTION:Annotated agenda and documents are available on the delegate portal."]],
        "-//OECD//Events Manager 3.0//EN", tz=vtz_eu("Europe/Paris"))
    text = ("Hello INE,\n\nThe June WPM session. I'll represent UDI together with the ministry.\n\nRegards,\nOla Strand\n\n"
            "-----Original Message-----\nFrom: OECD Migration Division <wpm.secretariat@oecd.example.org>\nSent: Monday, May 3, 2027 10:45 AM\n"
            "To: Ola Strand <ola.strand@udi.no>\nSubject: Next session and documents\n\nDear Delegates,\n\n"
            "The next session of the Working Party will be held on 22-23 June 2027 at the OECD Conference Centre in Paris. "
            "Annotated agenda and documents are available on the delegate portal; a calendar entry is attached.\n\nOECD Migration Division\n")
    mixed = multipart("mixed", [multipart("alternative", [text_part(text), text_part(html_of(text), "html")], "_000_AM0PR10MB11_"),
                                cal_part(ics(cal), "REQUEST", filename="WPM68.ics")], "_004_AM0PR10MB11_")
    eml = message("Ola Strand <ola.strand@udi.no>", "FW: Next session and documents", "Tue, 4 May 2027 07:30:00 +0000", mixed,
                  extra=["X-MS-Has-Attach: yes", "X-MS-TNEF-Correlator:", "Accept-Language: en-US, nb-NO", "Content-Language: en-US"])
    case("m11_summary_differs_oecd_paris", eml,
         "SUMMARY ('OECD Working Party on Migration (WPM) - 68th session') differs from the e-mail subject ('Next session and documents'): title is the SUMMARY; two-day span; events-system .ics attached to an Outlook en-US forward",
         title="OECD Working Party on Migration (WPM) - 68th session", start=T("2027-06-22 09:30", "Europe/Paris"),
         end=T("2027-06-23 13:00", "Europe/Paris"), timezone="Europe/Paris", location="OECD Conference Centre, 2 rue André Pascal, Paris",
         organizer="wpm.secretariat@oecd.example.org", participant="ola.strand@udi.no", forum="OTHER", ical_uid=uid, sequence=0, group="1")

if __name__ == "__main__":
    run()
