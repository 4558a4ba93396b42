"""Group 2 (m12-m17): updates, cancellations, occurrences, series. Group 3 (m18-m23): damaged or odd calendars."""
from common import *
from common import _h, _addr
from make_a import outlook_fwd, EXO

WTZ = "W. Europe Standard Time"

def outlook_event(uid, org, orgcn, att, attcn, summary, dtstart, dtend, location, seq, lang="nb-NO", tzid=WTZ, extra=(), status="CONFIRMED", desc="", dtstamp="20270110T080000Z"):
    ev = [f"ORGANIZER;CN={orgcn}:mailto:{org}",
          f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={attcn}:mailto:{att}"]
    if desc:
        ev.append(f"DESCRIPTION;LANGUAGE={lang}:{desc}")
    ev += [*extra, "UID:" + uid, f"SUMMARY;LANGUAGE={lang}:{summary}"]
    ev += [f"DTSTART;TZID={tzid}:{dtstart}", f"DTEND;TZID={tzid}:{dtend}"] if tzid else [f"DTSTART:{dtstart}", f"DTEND:{dtend}"]
    ev += ["CLASS:PUBLIC", "PRIORITY:5", f"DTSTAMP:{dtstamp}", "TRANSP:OPAQUE", f"STATUS:{status}", f"SEQUENCE:{seq}",
           f"LOCATION;LANGUAGE={lang}:{location}", f"X-MICROSOFT-CDO-APPT-SEQUENCE:{seq}", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
           "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "X-MICROSOFT-CDO-IMPORTANCE:1",
           "X-MICROSOFT-CDO-INSTTYPE:0", "X-MICROSOFT-DONOTFORWARDMEETING:FALSE", "X-MICROSOFT-DISALLOW-COUNTER:FALSE"]
    return ev

def teams_block(tid):
    url = f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{tid}%40thread.v2/0?context=%7b%22Tid%22%3a%22c0ffee00-1234-4abc-9def-00112233aabb%22%7d"
    return url, ("________________________________________________________________________________\nMicrosoft Teams-møte\n"
                 "Bli med på datamaskinen, i mobilappen eller på romenheten\nKlikk her for å bli med i møtet <" + url + ">\n"
                 "Møte-ID: 312 908 447 152\nPassord: Hx4bN9\n________________________________________________________________________________\n")

def run():
    # m12 update SEQUENCE 2, moved Council meeting
    uid = outlook_uid("m12-visa-wp")
    cal = vcal("REQUEST", [outlook_event(uid, "visa.secretariat@consilium.example.org", "GSC Visa Secretariat", "lene.holm@udi.no", "Lene Holm",
        "Working Party on Visa (Mixed Committee)", "20270218T100000", "20270218T170000", "Europa building\\, meeting room 70.2\\, Brussels", 2,
        lang="en-US", desc="Please note the new date: the meeting is moved from 11 February to 18 February 2027.\\n\\n1. Adoption of the agenda\\n2. Visa statistics 2026 - information from the Commission\\n3. AOB\\n",
        dtstamp="20270201T151200Z")], EXO, tz=vtz_eu(WTZ, ws=True))
    text = ("Hei,\n\nMøtet i visumarbeidsgruppen er flyttet en uke, se ny dato under. Ingen saker som krever avklaring med JD denne gangen.\n\nLene Holm\n\n"
            "-----Opprinnelig avtale-----\nFra: GSC Visa Secretariat <visa.secretariat@consilium.example.org>\nSendt: mandag 1. februar 2027 16:12\n"
            "Til: Visa delegates\nEmne: Working Party on Visa (Mixed Committee)\n"
            "Når: torsdag 18. februar 2027 10:00-17:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.\n"
            "Hvor: Europa building, meeting room 70.2, Brussels\n\nPlease note the new date: the meeting is moved from 11 February to 18 February 2027.\n\n"
            "1. Adoption of the agenda\n2. Visa statistics 2026 - information from the Commission\n3. AOB\n")
    case("m12_update_seq2_council_visa",
         outlook_fwd("Lene Holm <lene.holm@udi.no>", "VS: Working Party on Visa (Mixed Committee)", "Tue, 2 Feb 2027 08:00:00 +0000", text, cal),
         "METHOD:REQUEST with SEQUENCE:2 (meeting moved a week); old date 11 February in the text is a distractor; subject without 'Updated' prefix",
         kind="update", title="Working Party on Visa (Mixed Committee)", start=T("2027-02-18 10:00", "Europe/Brussels"),
         end=T("2027-02-18 17:00", "Europe/Brussels"), timezone="Europe/Brussels", location="Europa building, meeting room 70.2, Brussels",
         organizer="visa.secretariat@consilium.example.org", participant="lene.holm@udi.no", forum="COUNCIL", ical_uid=uid, sequence=2, group="2")

    # m13 METHOD:CANCEL of a whole meeting, GTB Standard Time (Bucharest), nynorsk
    uid = outlook_uid("m13-eea-ro-pc")
    cal = vcal("CANCEL", [outlook_event(uid, "programme.operator@mai.example.org", "Programme Operator Home Affairs", "gunnhild.rise@udi.no", "Gunnhild Rise",
        "Canceled: Programme Committee meeting - Home Affairs Programme Romania (EEA and Norway Grants)", "20270324T100000", "20270324T150000",
        "Ministry of Internal Affairs\\, Piata Revolutiei 1A\\, Bucharest", 1, lang="en-US", tzid="GTB Standard Time", status="CANCELLED",
        desc="Dear members\\, the Programme Committee meeting is cancelled. A new date will be proposed.\\n", dtstamp="20270302T091000Z")],
        EXO, tz=vtz_eu("GTB Standard Time", "+0200", "+0300", ws=True))
    text = ("Hei,\n\nProgramkomitémøtet i Bucuresti er avlyst, sjå under. Eg gjev beskjed når ny dato er klar.\n\nHelsing Gunnhild\n\n"
            "-----Opprinnelig avtale-----\nFra: Programme Operator Home Affairs <programme.operator@mai.example.org>\nSendt: tirsdag 2. mars 2027 11:10\n"
            "Til: Gunnhild Rise <gunnhild.rise@udi.no>\nEmne: Canceled: Programme Committee meeting - Home Affairs Programme Romania (EEA and Norway Grants)\n"
            "Når: onsdag 24. mars 2027 10:00-15:00 (UTC+02:00) Athen, Bucuresti.\nHvor: Ministry of Internal Affairs, Piata Revolutiei 1A, Bucharest\n\n"
            "Dear members, the Programme Committee meeting is cancelled. A new date will be proposed.\n")
    case("m13_cancel_whole_eeagrants_bucharest",
         outlook_fwd("Gunnhild Rise <gunnhild.rise@udi.no>", "VS: Canceled: Programme Committee meeting - Home Affairs Programme Romania (EEA and Norway Grants)",
                     "Tue, 2 Mar 2027 12:30:00 +0000", text, cal, method="CANCEL"),
         "METHOD:CANCEL, STATUS:CANCELLED of a whole meeting; 'Canceled:' in SUMMARY and subject stripped; Windows TZID 'GTB Standard Time' (Bucharest, UTC+02:00 in March); nynorsk note",
         kind="cancellation", title="Programme Committee meeting - Home Affairs Programme Romania (EEA and Norway Grants)",
         start=T("2027-03-24 10:00", "Europe/Bucharest"), end=T("2027-03-24 15:00", "Europe/Bucharest"), timezone="Europe/Bucharest",
         location="Ministry of Internal Affairs, Piata Revolutiei 1A, Bucharest", organizer="programme.operator@mai.example.org",
         participant="gunnhild.rise@udi.no", forum="EEA_GRANTS", ical_uid=uid, sequence=1, group="2")

    # m14 STATUS:CANCELLED inside METHOD:REQUEST (events platform), forwarded as attachment from OWA
    uid = "webinar-20270504-apn-0193@events.example.net"
    cal = vcal("REQUEST", [[
        "UID:" + uid, "DTSTAMP:20270420T100000Z", "DTSTART:20270504T080000Z", "DTEND:20270504T100000Z",
        "SUMMARY:EUAA Asylum Processes Network - thematic webinar on border procedures",
        "ORGANIZER;CN=EUAA Asylum Processes Network:mailto:apn@euaa.example.org",
        "ATTENDEE;CN=Eirik Haugland;RSVP=FALSE:mailto:eirik.haugland@udi.no",
        "LOCATION:https://euaa-events.zoom.example.com/j/81903344120", "URL:https://events.example.net/e/apn-0193",
        "DESCRIPTION:This event has been cancelled by the organiser.", "STATUS:CANCELLED", "SEQUENCE:1"]],
        "-//Events Platform//Calendar Export 2.1//EN")
    inner_text = ("Dear participant,\n\nWe regret to inform you that the thematic webinar on border procedures scheduled for 4 May 2027, "
                  "10:00-12:00 CEST, has been cancelled. We will inform you of a new date.\n\nEUAA Asylum Processes Network\n")
    inner = inner_message("EUAA Asylum Processes Network <apn@euaa.example.org>", "eirik.haugland@udi.no",
                          "Canceled: EUAA Asylum Processes Network - thematic webinar on border procedures", "Tue, 20 Apr 2027 12:00:00 +0200",
                          multipart("alternative", [text_part(inner_text), cal_part(ics(cal), "REQUEST")], "==evp_7f31a0c2"))
    mixed = multipart("mixed", [text_part("FYI: the APN webinar on 4 May has been cancelled.\n\nEirik\n"), rfc822_part(inner)], "_004_AM9PR03MBatt_")
    eml = message("Eirik Haugland <eirik.haugland@udi.no>", "Fw: Canceled: EUAA Asylum Processes Network - thematic webinar on border procedures",
                  "Tue, 20 Apr 2027 10:22:00 +0000", mixed, extra=["X-MS-Has-Attach: yes"])
    case("m14_status_cancelled_in_request_euaa", eml,
         "METHOD:REQUEST whose VEVENT has STATUS:CANCELLED (events platform), SEQUENCE 1, subject 'Canceled:'; inside message/rfc822 from OWA; Zoom webinar link as LOCATION, online only",
         kind="cancellation", title="EUAA Asylum Processes Network - thematic webinar on border procedures",
         start="2027-05-04T10:00:00+02:00", end="2027-05-04T12:00:00+02:00", timezone=None,
         location="https://euaa-events.zoom.example.com/j/81903344120", online=True, organizer="apn@euaa.example.org",
         participant="eirik.haugland@udi.no", forum="EUAA", ical_uid=uid, sequence=1, group="2")

    # m15 one occurrence moved (RECURRENCE-ID, no master), Teams, Outlook nb forward
    uid = outlook_uid("m15-nordic-return-series")
    url, tb = teams_block("OWQ0YzFkNmMtMDk3Zi00YWIxLTgzNDEtN2EwYjJjZGQ1NTQw")
    ev = outlook_event(uid, "retur.koordinering@example.net", "Nordisk returkoordinering", "solveig.dahl@udi.no", "Solveig Dahl",
        "Nordisk koordineringsmøte om returarbeid", "20270519T140000", "20270519T150000", "Microsoft Teams-møte", 1,
        extra=["RECURRENCE-ID;TZID=W. Europe Standard Time:20270513T130000"], desc="Mai-møtet flyttes pga. kollisjon med et annet møte.\\n",
        dtstamp="20270422T101000Z") + ["X-MICROSOFT-SKYPETEAMSMEETINGURL:" + url]
    cal = vcal("REQUEST", [ev], EXO, tz=vtz_eu(WTZ, ws=True))
    text = ("Hei,\n\nBare mai-møtet i den nordiske serien er flyttet (13. mai kolliderer med et annet møte). Resten av serien går som før.\n\nSolveig\n\n"
            "-----Opprinnelig avtale-----\nFra: Nordisk returkoordinering <retur.koordinering@example.net>\nSendt: torsdag 22. april 2027 12:10\n"
            "Til: Solveig Dahl <solveig.dahl@udi.no>\nEmne: Nordisk koordineringsmøte om returarbeid\n"
            "Når: onsdag 19. mai 2027 14:00-15:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.\nHvor: Microsoft Teams-møte\n\n"
            "Mai-møtet flyttes pga. kollisjon med et annet møte.\n\n" + tb)
    case("m15_occurrence_moved_nordic_teams",
         outlook_fwd("Solveig Dahl <solveig.dahl@udi.no>", "VS: Nordisk koordineringsmøte om returarbeid", "Fri, 23 Apr 2027 06:40:00 +0000", text, cal),
         "One occurrence moved: REQUEST with RECURRENCE-ID (13 May 13:00) and no master, SEQUENCE 1 -> update of that occurrence only; new time 19 May 14:00; Teams only",
         kind="update", title="Nordisk koordineringsmøte om returarbeid", start=T("2027-05-19 14:00"), end=T("2027-05-19 15:00"),
         timezone=None, location="Microsoft Teams-møte", online=True, organizer="retur.koordinering@example.net",
         participant="solveig.dahl@udi.no", forum="NORDIC", ical_uid=uid, sequence=1, recurrence=None,
         occurrence=T("2027-05-13 13:00"), group="2")

    # m16 one occurrence cancelled (METHOD:CANCEL + RECURRENCE-ID), OWA English
    uid = outlook_uid("m16-emn-monthly")
    url = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_YjQ0NmE5ZTItZjE3Ny00NzVkLWI1MmEtOTRkYjg4MDIwZjc3%40thread.v2/0"
    ev = outlook_event(uid, "ncp.coordination@emn.example.org", "EMN NCP Coordination", "eirik.haugland@udi.no", "Eirik Haugland",
        "Canceled: EMN NCP monthly coordination call", "20270302T100000", "20270302T110000", "Microsoft Teams Meeting", 3, lang="en-US",
        tzid="Romance Standard Time", status="CANCELLED", extra=["RECURRENCE-ID;TZID=Romance Standard Time:20270302T100000"],
        desc="The March call is cancelled. The April call takes place as planned.\\n", dtstamp="20270222T090000Z")
    cal = vcal("CANCEL", [ev], EXO, tz=vtz_eu("Romance Standard Time", ws=True))
    text = ("Hi,\n\nOnly the March call is cancelled; the series continues.\n\nEirik\n\n________________________________\n"
            "From: EMN NCP Coordination <ncp.coordination@emn.example.org>\nSent: Monday, February 22, 2027 10:00 AM\n"
            "To: Eirik Haugland <eirik.haugland@udi.no>\nSubject: Canceled: EMN NCP monthly coordination call\n"
            "When: Tuesday, March 2, 2027 10:00 AM-11:00 AM (UTC+01:00) Brussels, Copenhagen, Madrid, Paris.\nWhere: Microsoft Teams Meeting\n\n"
            "The March call is cancelled. The April call takes place as planned.\n")
    alt = multipart("alternative", [text_part(text), text_part(html_of(text), "html"), cal_part(ics(cal), "CANCEL")], "_000_AM9PR03MBcx_")
    eml = message("Eirik Haugland <eirik.haugland@udi.no>", "Fw: Canceled: EMN NCP monthly coordination call", "Mon, 22 Feb 2027 09:30:00 +0000",
                  alt, extra=["Content-Class: urn:content-classes:calendarmessage", "X-MS-Has-Attach:"])
    case("m16_occurrence_cancelled_emn_call", eml,
         "One occurrence cancelled: METHOD:CANCEL with RECURRENCE-ID (2 March 10:00 Brussels), no master; must not cancel the series; 'Canceled:' stripped; Teams only",
         kind="cancellation", title="EMN NCP monthly coordination call", start=T("2027-03-02 10:00", "Europe/Brussels"),
         end=T("2027-03-02 11:00", "Europe/Brussels"), timezone=None, location="Microsoft Teams Meeting", online=True,
         organizer="ncp.coordination@emn.example.org", participant="eirik.haugland@udi.no", forum="EMN", ical_uid=uid, sequence=3,
         recurrence=None, occurrence=T("2027-03-02 10:00", "Europe/Brussels"), group="2")

    # m17 series master RRULE weekly BYDAY COUNT with EXDATE, nynorsk
    uid = outlook_uid("m17-euaa-weekly")
    url, tb = teams_block("ZWU1ODk0ZjAtOGQzYS00ZDJmLWE2MTAtYjJmOTEyM2M0NTY3")
    ev = outlook_event(uid, "iag.coordination@euaa.example.org", "EUAA Information Analysis", "brit.sande@udi.no", "Brit Sande",
        "EUAA weekly situational call - Ukraine temporary protection", "20270112T100000", "20270112T104500", "Microsoft Teams-møte", 0,
        extra=["RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=TU", "EXDATE;TZID=W. Europe Standard Time:20270202T100000"],
        desc="Weekly call on arrivals and registrations under temporary protection.\\n", dtstamp="20261215T120000Z") + ["X-MICROSOFT-SKYPETEAMSMEETINGURL:" + url]
    cal = vcal("REQUEST", [ev], EXO, tz=vtz_eu(WTZ, ws=True))
    text = ("Hei,\n\nVekentleg samtale i EUAA om mellombels vern, åtte gonger frå januar. Eg deltek fast.\n\nHelsing Brit\n\n"
            "-----Opprinnelig avtale-----\nFra: EUAA Information Analysis <iag.coordination@euaa.example.org>\nSendt: tirsdag 15. desember 2026 13:00\n"
            "Til: Brit Sande <brit.sande@udi.no>\nEmne: EUAA weekly situational call - Ukraine temporary protection\n"
            "Når: Forekommer hver tirsdag gyldig fra 12.01.2027 for 8 forekomster 10:00-10:45 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.\n"
            "Hvor: Microsoft Teams-møte\n\nWeekly call on arrivals and registrations under temporary protection.\n\n" + tb)
    case("m17_series_weekly_count_euaa",
         outlook_fwd("Brit Sande <brit.sande@udi.no>", "VS: EUAA weekly situational call - Ukraine temporary protection", "Wed, 16 Dec 2026 08:00:00 +0000", text, cal),
         "Series master RRULE FREQ=WEEKLY;COUNT=8;BYDAY=TU with an EXDATE on the 4th occurrence; start/end of the first occurrence; Teams only; nynorsk",
         title="EUAA weekly situational call - Ukraine temporary protection", start=T("2027-01-12 10:00"), end=T("2027-01-12 10:45"),
         timezone=None, location="Microsoft Teams-møte", online=True, organizer="iag.coordination@euaa.example.org",
         participant="brit.sande@udi.no", forum="EUAA", ical_uid=uid, sequence=0, recurrence="FREQ=WEEKLY;COUNT=8;BYDAY=TU", group="2")

    # ---------------- Group 3 ----------------
    # m18 TZID is an Outlook display label, no VTIMEZONE
    uid = "A7E3C1F0-2B4D-4E6F-8A9B-0C1D2E3F4A5B"
    lbl = '"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"'
    cal = vcal("REQUEST", [[
        "UID:" + uid, "DTSTAMP:20270406T094500Z", f"DTSTART;TZID={lbl}:20270518T100000", f"DTEND;TZID={lbl}:20270518T173000",
        "SUMMARY:Working Party on Schengen Matters (Mixed Committee) - Schengen evaluation",
        "LOCATION:Justus Lipsius building\\, room 20.1\\, Brussels", "ORGANIZER;CN=GSC Schengen:mailto:schengen.secretariat@consilium.example.org",
        "ATTENDEE;CN=Kjetil Moen;RSVP=TRUE:mailto:kjetil.moen@udi.no", "SEQUENCE:0", "STATUS:CONFIRMED",
        "DESCRIPTION:1. Adoption of the agenda\\n2. Schengen evaluation of Norway 2026: follow-up report\\n3. AOB"]],
        "-//Microsoft Corporation//Outlook for Mac 16.95//EN")
    text = ("Hei,\n\nSchengen-evaluering i arbeidsgruppen i mai. Punkt 2 er oppfølgingen av evalueringen av Norge, så JD må være med på forberedelsene.\n\nKjetil\n\n"
            "-----Opprinnelig avtale-----\nFra: GSC Schengen <schengen.secretariat@consilium.example.org>\nSendt: tirsdag 6. april 2027 11:45\n"
            "Til: Kjetil Moen <kjetil.moen@udi.no>\nEmne: Working Party on Schengen Matters (Mixed Committee) - Schengen evaluation\n"
            "Når: tirsdag 18. mai 2027 10:00-17:30 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.\nHvor: Justus Lipsius building, room 20.1, Brussels\n\n"
            "1. Adoption of the agenda\n2. Schengen evaluation of Norway 2026: follow-up report\n3. AOB\n")
    case("m18_tzid_outlook_label_no_vtimezone",
         outlook_fwd("Kjetil Moen <kjetil.moen@udi.no>", "VS: Working Party on Schengen Matters (Mixed Committee) - Schengen evaluation", "Wed, 7 Apr 2027 07:10:00 +0000", text, cal),
         "DTSTART/DTEND with TZID = Outlook display label '(UTC+01:00) Amsterdam, Berlin, ...' and no VTIMEZONE: the label is W. Europe Standard Time, so May gives +02:00, not +01:00; JD involvement stated",
         title="Working Party on Schengen Matters (Mixed Committee) - Schengen evaluation", start=T("2027-05-18 10:00", "Europe/Brussels"),
         end=T("2027-05-18 17:30", "Europe/Brussels"), timezone="Europe/Brussels", location="Justus Lipsius building, room 20.1, Brussels",
         organizer="schengen.secretariat@consilium.example.org", participant="kjetil.moen@udi.no", forum="COUNCIL", ical_uid=uid, sequence=0,
         ministry_consultation=True, group="3")

    # m19 VTIMEZONE with custom TZID "Customized Time Zone" (Helsinki rules), November after DST end
    uid = outlook_uid("m19-gdisc-hel")
    ev = outlook_event(uid, "gdisc.chair@migri.example.org", "GDISC Chair", "torunn.aasen@udi.no", "Torunn Aasen",
        "GDISC Steering Committee - autumn meeting", "20271103T100000", "20271103T160000", "Finnish Immigration Service\\, Panimokatu 2A\\, Helsinki", 0,
        lang="en-US", tzid="Customized Time Zone", desc="Dear colleagues\\, welcome to Helsinki.\\n", dtstamp="20270902T070000Z")
    tz = ["BEGIN:VTIMEZONE", "TZID:Customized Time Zone", "BEGIN:STANDARD", "DTSTART:16010101T040000", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200",
          "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T030000",
          "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE"]
    cal = vcal("REQUEST", [ev], EXO, tz=tz)
    text = ("Hei,\n\nStyringskomiteen i GDISC møtes i Helsingfors i november. Jeg deltar.\n\nTorunn\n\n-----Opprinnelig avtale-----\n"
            "Fra: GDISC Chair <gdisc.chair@migri.example.org>\nSendt: torsdag 2. september 2027 10:00\nTil: Torunn Aasen <torunn.aasen@udi.no>\n"
            "Emne: GDISC Steering Committee - autumn meeting\nNår: onsdag 3. november 2027 10:00-16:00 Customized Time Zone.\n"
            "Hvor: Finnish Immigration Service, Panimokatu 2A, Helsinki\n\nDear colleagues, welcome to Helsinki.\n")
    case("m19_custom_tzid_gdisc_helsinki",
         outlook_fwd("Torunn Aasen <torunn.aasen@udi.no>", "VS: GDISC Steering Committee - autumn meeting", "Fri, 3 Sep 2027 08:00:00 +0000", text, cal),
         "VTIMEZONE with custom TZID 'Customized Time Zone' (rules +02:00/+03:00); 3 November is after the October DST change so +02:00; Helsinki venue",
         title="GDISC Steering Committee - autumn meeting", start=T("2027-11-03 10:00", "Europe/Helsinki"), end=T("2027-11-03 16:00", "Europe/Helsinki"),
         timezone="Europe/Helsinki", location="Finnish Immigration Service, Panimokatu 2A, Helsinki", organizer="gdisc.chair@migri.example.org",
         participant="torunn.aasen@udi.no", forum="GDISC", ical_uid=uid, sequence=0, group="3")

    # m20 duplicate DTSTAMP and UID lines (buggy exporter), Thunderbird forward
    uid = "frx-rn-20270420-0042@crm.example.com"
    cal = vcal("REQUEST", [[
        "UID:" + uid, "DTSTAMP:20270301T080000Z", "DTSTAMP:20270301T080000Z", "UID:" + uid,
        "DTSTART;TZID=Europe/Warsaw:20270420T090000", "DTEND;TZID=Europe/Warsaw:20270420T170000",
        "SUMMARY:Frontex Pre-Return Activities Network meeting", "LOCATION:Frontex HQ\\, Plac Europejski 6\\, Warsaw",
        "ORGANIZER;CN=Frontex PRAN:mailto:pran@frontex.example.org", "ATTENDEE;CN=Marte Vik:mailto:marte.vik@udi.no",
        "SEQUENCE:0", "STATUS:CONFIRMED"]], "-//CRM Export//EN", tz=vtz_eu("Europe/Warsaw"))
    text = ("Hei,\n\nvideresender invitasjonen til PRAN-møtet i Warszawa.\n\nMarte\n\n-------- Videresendt melding --------\n"
            "Emne: \tFrontex Pre-Return Activities Network meeting\nDato: \tMon, 1 Mar 2027 09:00:00 +0100\n"
            "Fra: \tFrontex PRAN <pran@frontex.example.org>\nTil: \tmarte.vik@udi.no\n\n\nDear network members,\n\n"
            "please find attached the invitation to the PRAN meeting on 20 April 2027 at Frontex HQ.\n")
    mixed = multipart("mixed", [text_part(text, cte="8bit" if False else "quoted-printable"),
                                cal_part(ics(cal), "REQUEST", filename="invite.ics")], "------------Xb5D0r7q1c9Hk3Lm2Np4")
    eml = message("Marte Vik <marte.vik@udi.no>", "Fwd: Frontex Pre-Return Activities Network meeting", "Tue, 2 Mar 2027 10:00:00 +0100", mixed,
                  extra=["User-Agent: Mozilla Thunderbird", "Content-Language: nb"])
    case("m20_duplicate_dtstamp_uid_frontex", eml,
         "VEVENT with duplicated DTSTAMP and UID lines (same values) from a CRM exporter; Thunderbird forward with attachment; Warsaw summer time",
         title="Frontex Pre-Return Activities Network meeting", start=T("2027-04-20 09:00", "Europe/Warsaw"), end=T("2027-04-20 17:00", "Europe/Warsaw"),
         timezone="Europe/Warsaw", location="Frontex HQ, Plac Europejski 6, Warsaw", organizer="pran@frontex.example.org",
         participant="marte.vik@udi.no", forum="FRONTEX", ical_uid=uid, sequence=0, group="3")

    # m21 latin-1 bytes inside a calendar part labelled utf-8, forward as attachment, nynorsk
    uid = "us-kal-2027-0826-1130@example.org"
    lines = vcal("REQUEST", [[
        "UID:" + uid, "DTSTAMP:20270610T110000Z", "DTSTART;TZID=Europe/Copenhagen:20270826T100000",
        "DTEND;TZID=Europe/Copenhagen:20270826T150000", "SUMMARY:Nordisk møde om aldersvurdering",
        "LOCATION:Udlændingestyrelsen\\, Farimagsvej 51\\, København", "ORGANIZER;CN=Nordisk sekretariat:mailto:nordisk.sekretariat@example.org",
        "ATTENDEE;CN=Åse Lien:mailto:ase.lien@udi.no", "SEQUENCE:0", "STATUS:CONFIRMED",
        "DESCRIPTION:Kære kolleger\\, velkommen til mødet om aldersvurdering."]], "-//Udlændingestyrelsen//Kalender 1.0//DA",
        tz=vtz_eu("Europe/Copenhagen"))
    raw = ics(lines).encode("latin-1")
    inner_text = "Kære kolleger,\n\nvelkommen til nordisk møde om aldersvurdering den 26. august 2027 kl. 10-15 i København.\n\nNordisk sekretariat\n"
    inner = inner_message("Nordisk sekretariat <nordisk.sekretariat@example.org>", "ase.lien@udi.no", "Nordisk møde om aldersvurdering",
                          "Thu, 10 Jun 2027 13:00:00 +0200",
                          multipart("alternative", [text_part(inner_text), cal_part(None, "REQUEST", raw_bytes=raw)], "=_kal_9a8b7c"))
    mixed = multipart("mixed", [text_part("Hei,\n\nvidaresender innkallinga til det nordiske møtet om aldersvurdering. Eg reiser.\n\nÅse\n"), rfc822_part(inner)], "_004_fwdatt21_")
    eml = message("Åse Lien <ase.lien@udi.no>", "VS: Nordisk møde om aldersvurdering", "Fri, 11 Jun 2027 08:00:00 +0200", mixed, extra=["X-MS-Has-Attach: yes"])
    case("m21_latin1_labelled_utf8_nordic", eml,
         "Calendar part declared charset=utf-8 but its bytes are ISO-8859-1 (ø, æ, Å): must be decoded tolerantly, title and location with correct letters; inside message/rfc822; nynorsk",
         title="Nordisk møde om aldersvurdering", start=T("2027-08-26 10:00", "Europe/Copenhagen"), end=T("2027-08-26 15:00", "Europe/Copenhagen"),
         timezone="Europe/Copenhagen", location="Udlændingestyrelsen, Farimagsvej 51, København", organizer="nordisk.sekretariat@example.org",
         participant="ase.lien@udi.no", forum="NORDIC", ical_uid=uid, sequence=0, group="3")

    # m22 all-day over three days, Outlook en forward
    uid = outlook_uid("m22-euaa-reception")
    ev = ["ORGANIZER;CN=EUAA Reception Network:mailto:reception.network@euaa.example.org",
          "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Nina Berge:mailto:nina.berge@udi.no",
          "DESCRIPTION;LANGUAGE=en-US:Plenary of the Network of Reception Authorities. Detailed programme to follow.\\n",
          "UID:" + uid, "SUMMARY;LANGUAGE=en-US:EUAA Network of Reception Authorities - plenary meeting",
          "DTSTART;VALUE=DATE:20270913", "DTEND;VALUE=DATE:20270916", "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270614T090000Z",
          "TRANSP:TRANSPARENT", "STATUS:CONFIRMED", "SEQUENCE:0", "LOCATION;LANGUAGE=en-US:EUAA premises\\, Winemakers Wharf\\, Valletta",
          "X-MICROSOFT-CDO-APPT-SEQUENCE:0", "X-MICROSOFT-CDO-BUSYSTATUS:FREE", "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE", "X-MICROSOFT-CDO-INSTTYPE:0"]
    cal = vcal("REQUEST", [ev], EXO)
    text = ("Hi INE,\n\nThe reception network plenary in Malta, three days in September.\n\nNina Berge\n\n-----Original Appointment-----\n"
            "From: EUAA Reception Network <reception.network@euaa.example.org>\nSent: Monday, June 14, 2027 11:00 AM\nTo: Nina Berge\n"
            "Subject: EUAA Network of Reception Authorities - plenary meeting\nWhen: Monday, September 13, 2027-Thursday, September 16, 2027.\n"
            "Where: EUAA premises, Winemakers Wharf, Valletta\n\nPlenary of the Network of Reception Authorities. Detailed programme to follow.\n")
    case("m22_allday_three_days_euaa_valletta",
         outlook_fwd("Nina Berge <nina.berge@udi.no>", "FW: EUAA Network of Reception Authorities - plenary meeting", "Tue, 15 Jun 2027 07:00:00 +0000", text, cal, lang="en-US"),
         "All-day event over three days (DTSTART;VALUE=DATE 20270913, DTEND 20270916 exclusive -> end 2027-09-15); Outlook's When line shows the exclusive end day (Thursday) as a trap",
         title="EUAA Network of Reception Authorities - plenary meeting", start="2027-09-13", end="2027-09-15", timezone="Europe/Malta",
         location="EUAA premises, Winemakers Wharf, Valletta", organizer="reception.network@euaa.example.org", participant="nina.berge@udi.no",
         forum="EUAA", ical_uid=uid, sequence=0, group="3")

    # m23 unreadable DTEND -> end null; Gmail forward
    uid = "bp-som-2027-vie-01@events.example.com"
    cal = vcal("REQUEST", [[
        "UID:" + uid, "DTSTAMP:20270302T100000Z", "DTSTART;TZID=Europe/Vienna:20270427T093000", "DTEND;TZID=Europe/Vienna:2027042",
        "SUMMARY:Budapest Process - Senior Officials Meeting", "LOCATION:ICMPD Headquarters\\, Gonzagagasse 1\\, Vienna",
        "ORGANIZER;CN=Budapest Process Secretariat:mailto:bp.secretariat@icmpd.example.org", "ATTENDEE;CN=Ola Strand:mailto:ola.strand@udi.no",
        "SEQUENCE:0", "STATUS:CONFIRMED"]], "-//Event Tool//Invite 1.3//EN", tz=vtz_eu("Europe/Vienna"))
    text = ("Hei,\n\nSOM i Budapest-prosessen i Wien. Jeg reiser sammen med en fra UD.\n\nOla\n\n---------- Forwarded message ---------\n"
            "From: Budapest Process Secretariat <bp.secretariat@icmpd.example.org>\nDate: Tue, 2 Mar 2027 at 11:00\n"
            "Subject: Budapest Process - Senior Officials Meeting\nTo: <ola.strand@udi.no>\n\n\nDear Senior Officials,\n\n"
            "we are pleased to invite you to the Senior Officials Meeting of the Budapest Process at ICMPD Headquarters in Vienna. "
            "The meeting opens at 09:30. Please find the calendar invitation attached.\n")
    mixed = multipart("mixed", [multipart("alternative", [text_part(text), text_part(html_of(text), "html")], "0000000000007a1b2c3d4e5f6a01"),
                                cal_part(ics(cal), "REQUEST", filename="invite.ics", ctype="application/ics")], "0000000000007a1b2c3d4e5f6a02")
    eml = message("Ola Strand <ola.strand@udi.no>", "Fwd: Budapest Process - Senior Officials Meeting", "Wed, 3 Mar 2027 09:00:00 +0100", mixed,
                  msgid="<CAJ2m9Lq0pXz8kYb7Vw_3nT+Rf5sQ@mail.gmail.com>")
    case("m23_unreadable_dtend_other_vienna", eml,
         "DTEND value truncated ('2027042') and unreadable: start from the calendar, end must be null (no end time anywhere in the text); Gmail forward; Budapest Process -> OTHER",
         title="Budapest Process - Senior Officials Meeting", start=T("2027-04-27 09:30", "Europe/Vienna"), end=None, timezone="Europe/Vienna",
         location="ICMPD Headquarters, Gonzagagasse 1, Vienna", organizer="bp.secretariat@icmpd.example.org", participant="ola.strand@udi.no",
         forum="OTHER", ical_uid=uid, sequence=0, group="3")

if __name__ == "__main__":
    run()
