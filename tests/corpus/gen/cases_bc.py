"""B: series occurrences and masters. C: damaged calendars."""
from lib import *

def exch(events, method="REQUEST", tzs=None, eol="\r\n", fold_lines=True):
    tzs = tzs if tzs is not None else vtz_eu("W. Europe Standard Time", ws=True)
    return ics(["BEGIN:VCALENDAR", f"METHOD:{method}", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0", *tzs,
                *events, "END:VCALENDAR"], fold_lines=fold_lines, eol=eol)

def outlook_fwd_text(note, frm, sent, subj, when, where, body, lang="no"):
    if lang == "no":
        return f"{note}\n\n-----Opprinnelig avtale-----\nFra: {frm}\nSendt: {sent}\nTil: {frm.split('<')[0].strip()} distribution\nEmne: {subj}\nNår: {when}\nHvor: {where}\n\n{body}\n"
    return f"{note}\n\n-----Original Appointment-----\nFrom: {frm}\nSent: {sent}\nTo: distribution list\nSubject: {subj}\nWhen: {when}\nWhere: {where}\n\n{body}\n"

K = "series"
TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQxZmE5OTEtYjM1MS00@thread.v2/0"

# b01 one occurrence moved (REQUEST, RECURRENCE-ID, no master), online
uid = outlook_uid("series-nordic-monthly")
ev = ["BEGIN:VEVENT", "ORGANIZER;CN=Nordisk koordinering:mailto:nordisk.koordinering@example.org",
      "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Mona Strand:mailto:mona.strand@udi.no",
      "DESCRIPTION;LANGUAGE=nb-NO:Februarmøtet flyttes til kl. 13.00 pga. kollisjon.\\n\\nMicrosoft Teams-møte\\nBli med: " + TEAMS,
      "RECURRENCE-ID;TZID=W. Europe Standard Time:20270211T100000", f"UID:{uid}",
      "SUMMARY;LANGUAGE=nb-NO:Nordisk koordineringsmøte om returarbeid", "DTSTART;TZID=W. Europe Standard Time:20270211T130000",
      "DTEND;TZID=W. Europe Standard Time:20270211T140000", "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20261210T080000Z",
      "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:1", "LOCATION;LANGUAGE=nb-NO:Microsoft Teams-møte",
      f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{TEAMS}", "END:VEVENT"]
txt = outlook_fwd_text("Bare februarmøtet er flyttet, resten av serien går som før.\n\nMona", "Nordisk koordinering <nordisk.koordinering@example.org>",
                       "torsdag 10. desember 2026 09:00", "Nordisk koordineringsmøte om returarbeid", "torsdag 11. februar 2027 13:00-14:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.",
                       "Microsoft Teams-møte", "Februarmøtet flyttes til kl. 13.00 pga. kollisjon.\n\nMicrosoft Teams-møte\nBli med: " + TEAMS)
eml = message("Mona Strand <mona.strand@udi.no>", "VS: Nordisk koordineringsmøte om returarbeid", "Thu, 10 Dec 2026 09:14:00 +0000",
              multipart("alternative", [text_part(txt), cal_part(exch(ev))], "_000_b01_occ_"), extra=["Content-Language: nb-NO"])
case("b01_occurrence_moved_request_nordic", eml, "One occurrence of a monthly Teams series moved (RECURRENCE-ID 10:00 -> 13:00), no master VEVENT; SEQUENCE 1 so update of that occurrence only",
     kind="update", title="Nordisk koordineringsmøte om returarbeid", start="2027-02-11T13:00:00+01:00", end="2027-02-11T14:00:00+01:00",
     timezone=None, location="Microsoft Teams-møte", online=True, organizer="nordisk.koordinering@example.org", participant="mona.strand@udi.no",
     forum="NORDIC", ical_uid=uid, sequence=1, occurrence="2027-02-11T10:00:00+01:00", kind_label=K)

# b02 one occurrence cancelled (CANCEL, RECURRENCE-ID)
uid = outlook_uid("series-emn-ncp-call")
ev = ["BEGIN:VEVENT", "ORGANIZER;CN=EMN NCP Coordination:mailto:ncp.coordination@example.org",
      "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE;CN=Are Holm:mailto:are.holm@udi.no",
      "DESCRIPTION;LANGUAGE=en-US:The March call is cancelled. Next call as planned in April.",
      "RECURRENCE-ID;TZID=W. Europe Standard Time:20270311T100000", f"UID:{uid}",
      "SUMMARY;LANGUAGE=en-US:Canceled: EMN NCP monthly coordination call", "DTSTART;TZID=W. Europe Standard Time:20270311T100000",
      "DTEND;TZID=W. Europe Standard Time:20270311T110000", "CLASS:PUBLIC", "PRIORITY:1", "DTSTAMP:20261214T101000Z",
      "TRANSP:TRANSPARENT", "STATUS:CANCELLED", "SEQUENCE:1", "LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting",
      f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{TEAMS}", "END:VEVENT"]
txt = outlook_fwd_text("Til info: bare marsmøtet er avlyst.\n\nAre", "EMN NCP Coordination <ncp.coordination@example.org>", "mandag 14. desember 2026 11:10",
                       "Canceled: EMN NCP monthly coordination call", "torsdag 11. mars 2027 10:00-11:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.",
                       "Microsoft Teams Meeting", "The March call is cancelled. Next call as planned in April.")
eml = message("Are Holm <are.holm@udi.no>", "VS: Canceled: EMN NCP monthly coordination call", "Mon, 14 Dec 2026 10:30:00 +0000",
              multipart("alternative", [text_part(txt), cal_part(exch(ev, method="CANCEL"), method="CANCEL")], "_000_b02_occ_"))
case("b02_occurrence_cancel_emn_call", eml, "METHOD:CANCEL of one occurrence (RECURRENCE-ID, no master): cancels 11 March only, not the series; 'Canceled:' stripped",
     kind="cancellation", title="EMN NCP monthly coordination call", start="2027-03-11T10:00:00+01:00", end="2027-03-11T11:00:00+01:00",
     timezone=None, location="Microsoft Teams Meeting", online=True, organizer="ncp.coordination@example.org", participant="are.holm@udi.no",
     forum="EMN", ical_uid=uid, sequence=1, occurrence="2027-03-11T10:00:00+01:00", kind_label=K)

# b03 forwarded single occurrence, not moved, SEQUENCE 0, physical meeting in Brussels (summer)
uid = outlook_uid("series-council-asylum")
ev = ["BEGIN:VEVENT", "ORGANIZER;CN=Asylum WP Secretariat:mailto:asylum.wp@example.org",
      "DESCRIPTION;LANGUAGE=en-US:Asylum Working Party (Mixed Committee). Agenda: information from the Presidency on reception capacity; AOB.",
      "RECURRENCE-ID;TZID=Romance Standard Time:20270419T100000", f"UID:{uid}", "SUMMARY;LANGUAGE=en-US:Asylum Working Party (Mixed Committee)",
      "DTSTART;TZID=Romance Standard Time:20270419T100000", "DTEND;TZID=Romance Standard Time:20270419T130000", "CLASS:PUBLIC",
      "DTSTAMP:20261209T150000Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
      "LOCATION;LANGUAGE=en-US:Justus Lipsius building\\, room 20.4\\, Brussels", "END:VEVENT"]
txt = outlook_fwd_text("Jeg er bedt om å ta møtet 19. april (én forekomst av serien), de andre tar Eirik.\n\nAnne", "Asylum WP Secretariat <asylum.wp@example.org>",
                       "onsdag 9. desember 2026 16:00", "Asylum Working Party (Mixed Committee)", "mandag 19. april 2027 10:00-13:00 (UTC+01:00) Brussel, København, Madrid, Paris.",
                       "Justus Lipsius building, room 20.4, Brussels", "Asylum Working Party (Mixed Committee). Agenda: information from the Presidency on reception capacity; AOB.")
eml = message("Anne Vold <anne.vold@udi.no>", "VS: Asylum Working Party (Mixed Committee)", "Thu, 10 Dec 2026 12:00:00 +0000",
              multipart("alternative", [text_part(txt), cal_part(exch(ev, tzs=vtz_eu("Romance Standard Time", ws=True)))], "_000_b03_occ_"))
case("b03_occurrence_forwarded_council_brussels", eml, "Forwarded single occurrence (RECURRENCE-ID equals DTSTART, SEQUENCE 0) of a series: invitation for that occurrence; TZID Romance Standard Time; summer time",
     title="Asylum Working Party (Mixed Committee)", start="2027-04-19T10:00:00+02:00", end="2027-04-19T13:00:00+02:00", timezone="Europe/Brussels",
     location="Justus Lipsius building, room 20.4, Brussels", organizer="asylum.wp@example.org", participant="anne.vold@udi.no", forum="COUNCIL",
     ical_uid=uid, sequence=0, occurrence="2027-04-19T10:00:00+02:00", kind_label=K)

# b04 series master with RRULE and EXDATE
uid = outlook_uid("series-frontex-biweekly")
ev = ["BEGIN:VEVENT", "ORGANIZER;CN=Frontex Situation Centre:mailto:fsc.briefings@example.org",
      "DESCRIPTION;LANGUAGE=en-US:Bi-weekly situational briefing for liaison points. No briefing on 16 February (Carnival).\\n\\nMicrosoft Teams meeting\\nJoin: " + TEAMS,
      "RRULE:FREQ=WEEKLY;UNTIL=20270330T090000Z;INTERVAL=2;BYDAY=TU;WKST=MO",
      "EXDATE;TZID=W. Europe Standard Time:20270216T100000", f"UID:{uid}", "SUMMARY;LANGUAGE=en-US:Frontex situational briefing for liaison points",
      "DTSTART;TZID=W. Europe Standard Time:20270105T100000", "DTEND;TZID=W. Europe Standard Time:20270105T110000", "CLASS:PUBLIC",
      "DTSTAMP:20261211T120000Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0", "LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting",
      f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{TEAMS}", "END:VEVENT"]
txt = outlook_fwd_text("Serie for Q1, jeg følger den for UDI.\n\nBjørn", "Frontex Situation Centre <fsc.briefings@example.org>", "fredag 11. desember 2026 13:00",
                       "Frontex situational briefing for liaison points", "Forekommer hver 2. tirsdag fra 10:00 til 11:00 gjeldende fra 05.01.2027 til 30.03.2027 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.",
                       "Microsoft Teams Meeting", "Bi-weekly situational briefing for liaison points. No briefing on 16 February (Carnival).\n\nMicrosoft Teams meeting\nJoin: " + TEAMS)
eml = message("Bjørn Lunde <bjorn.lunde@udi.no>", "VS: Frontex situational briefing for liaison points", "Fri, 11 Dec 2026 13:30:00 +0000",
              multipart("alternative", [text_part(txt), cal_part(exch(ev))], "_000_b04_series_"))
case("b04_series_master_rrule_exdate_frontex", eml, "Series master: RRULE every 2nd Tuesday with UNTIL and an EXDATE on 16 Feb; start/end are the first occurrence; online only; Norwegian 'Forekommer' line",
     title="Frontex situational briefing for liaison points", start="2027-01-05T10:00:00+01:00", end="2027-01-05T11:00:00+01:00", timezone=None,
     location="Microsoft Teams Meeting", online=True, organizer="fsc.briefings@example.org", participant="bjorn.lunde@udi.no", forum="FRONTEX",
     ical_uid=uid, sequence=0, recurrence="FREQ=WEEKLY;UNTIL=20270330T090000Z;INTERVAL=2;BYDAY=TU;WKST=MO", kind_label=K)

# b05 Google: cancelled occurrence in UTC, physical meeting in Stockholm
guid = "1h2j3k4l5m6n7o8p9q0r1s2t3u@google.com"
cal = ics(["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:CANCEL",
           "BEGIN:VEVENT", "DTSTART:20270506T080000Z", "DTEND:20270506T120000Z", "DTSTAMP:20261215T091100Z",
           "ORGANIZER;CN=Nordic ID Group:mailto:nordic.idgroup@example.org", f"UID:{guid}", "RECURRENCE-ID:20270506T080000Z",
           "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=nils.haug@udi.no:mailto:nils.haug@udi.no",
           "CREATED:20261101T100000Z", "DESCRIPTION:", "LAST-MODIFIED:20261215T091100Z",
           "LOCATION:Migrationsverket\\, Kronobergsgatan 99\\, Stockholm", "SEQUENCE:1", "STATUS:CANCELLED",
           "SUMMARY:Nordic ID expert group (quarterly)", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"])
txt = """The May session is off, the rest of the series stays.

Nils

---------- Forwarded message ---------
From: Nordic ID Group <nordic.idgroup@example.org>
Date: Tue, Dec 15, 2026 at 10:11 AM
Subject: Canceled event: Nordic ID expert group (quarterly) @ Thu May 6, 2027 10am - 2pm (CEST) (nils.haug@udi.no)
To: <nils.haug@udi.no>

This event has been canceled.

Nordic ID expert group (quarterly)
Thursday May 6, 2027 ⋅ 10am – 2pm
Central European Time - Stockholm
Location: Migrationsverket, Kronobergsgatan 99, Stockholm
"""
eml = message("Nils Haug <nils.haug@udi.no>", "Fwd: Canceled event: Nordic ID expert group (quarterly) @ Thu May 6, 2027 10am - 2pm (CEST) (nils.haug@udi.no)",
              "Tue, 15 Dec 2026 10:40:00 +0100",
              multipart("mixed", [multipart("alternative", [text_part(txt), cal_part(cal, method="CANCEL", cte="7bit")], "0000b05alt"),
                                  cal_part(cal, method="CANCEL", filename="invite.ics", ctype="application/ics")], "0000b05mix"))
case("b05_occurrence_cancel_google_utc_stockholm", eml, "Google Calendar CANCEL of one occurrence: RECURRENCE-ID and times in UTC; Stockholm venue summer time",
     kind="cancellation", title="Nordic ID expert group (quarterly)", start="2027-05-06T10:00:00+02:00", end="2027-05-06T14:00:00+02:00",
     timezone="Europe/Stockholm", location="Migrationsverket, Kronobergsgatan 99, Stockholm", organizer="nordic.idgroup@example.org",
     participant="nils.haug@udi.no", forum="NORDIC", ical_uid=guid, sequence=1, occurrence="2027-05-06T10:00:00+02:00", kind_label=K)

# ---------------- C: damaged calendars ----------------
K = "damaged"

# c01 malformed DTEND; body without times
uid = "reg-2027-eaa-0042@events.example.org"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example Events//Registration 4.2//EN", "METHOD:REQUEST", *vtz_eu("Europe/Brussels"),
           "BEGIN:VEVENT", f"UID:{uid}", "SEQUENCE:0", "DTSTAMP:20261210T100000Z",
           "DTSTART;TZID=Europe/Brussels:20270126T093000", "DTEND;TZID=Europe/Brussels:2027012T1730",
           "SUMMARY:EUAA Asylum Processes Network plenary", "LOCATION:EUAA liaison office\\, Rue Montoyer 99\\, Brussels",
           "ORGANIZER;CN=EUAA Events:mailto:events@example.org", "DESCRIPTION:Your registration is confirmed. Agenda to follow.",
           "END:VEVENT", "END:VCALENDAR"])
txt = """Hei, registreringen er bekreftet, se vedlagt kalenderfil.

Gro

From: EUAA Events <events@example.org>
Sent: Thursday, December 10, 2026 11:00 AM
To: Gro Berg <gro.berg@udi.no>
Subject: EUAA Asylum Processes Network plenary

Your registration is confirmed. Agenda to follow.
"""
eml = message("Gro Berg <gro.berg@udi.no>", "VS: EUAA Asylum Processes Network plenary", "Thu, 10 Dec 2026 11:30:00 +0000",
              multipart("mixed", [text_part(txt), cal_part(cal, filename="event.ics")], "_c01_badend_"))
case("c01_malformed_dtend_euaa", eml, "DTEND value '2027012T1730' is unreadable; the rest of the event must survive; the text gives no end, so end is null",
     title="EUAA Asylum Processes Network plenary", start="2027-01-26T09:30:00+01:00", end=None, timezone="Europe/Brussels",
     location="EUAA liaison office, Rue Montoyer 99, Brussels", organizer="events@example.org", participant="gro.berg@udi.no", forum="EUAA",
     ical_uid=uid, sequence=0, kind_label=K)

# c02 ISO-style DTSTART without colon
uid = "a7f3c9e2-51d0-4b8e-9a77-cc0e2f1b8d64"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example Org//Meeting Planner 1.0//EN", "METHOD:REQUEST", *vtz_eu("Europe/Brussels"),
           "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261209T081500Z", "DTSTART 2027-05-12T093000",
           "DTEND;TZID=Europe/Brussels:20270512T123000", "SUMMARY:EMN Expert Group on Statelessness",
           "LOCATION:EMN Service Provider\\, Avenue de Tervueren 99\\, Brussels", "ORGANIZER:mailto:emn.statelessness@example.org",
           "END:VEVENT", "END:VCALENDAR"])
txt = """Invitasjon til ekspertgruppen. Kalenderfilen så litt rar ut i Outlook.

Hilsen Eirik

Fra: EMN Statelessness <emn.statelessness@example.org>
Sendt: onsdag 9. desember 2026 09:15
Til: Eirik Hansen <eirik.hansen@udi.no>
Emne: EMN Expert Group on Statelessness

Dear experts, please find the meeting invitation attached (12 May 2027, Brussels).
"""
eml = message("Eirik Hansen <eirik.hansen@udi.no>", "VS: EMN Expert Group on Statelessness", "Wed, 9 Dec 2026 09:40:00 +0000",
              multipart("mixed", [text_part(txt), cal_part(cal, filename="meeting.ics")], "_c02_iso_"))
case("c02_iso_dtstart_without_colon_emn", eml, "DTSTART written as 'DTSTART 2027-05-12T093000' (space, ISO dashes, no TZID): floating local time at the Brussels venue; DTEND is normal",
     title="EMN Expert Group on Statelessness", start="2027-05-12T09:30:00+02:00", end="2027-05-12T12:30:00+02:00", timezone="Europe/Brussels",
     location="EMN Service Provider, Avenue de Tervueren 99, Brussels", organizer="emn.statelessness@example.org", participant="eirik.hansen@udi.no",
     forum="EMN", ical_uid=uid, sequence=None, kind_label=K)

# c03 quoted-printable residue in a 7bit calendar part (BlackBerry style)
uid = "BB-IGC-2027-DUB-0603@example.org"
raw = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//BlackBerry//Calendar 10.3//EN\r\nMETHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\n"
       "TZID:Europe/Dublin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T020000\r\nRRULE:FREQ=3DYEARLY;BYMONTH=3D10;BYDAY=3D-1SU\r\n"
       "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T010000\r\n"
       "RRULE:FREQ=3DYEARLY;BYMONTH=3D3;BYDAY=3D-1SU\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
       "BEGIN:VEVENT\r\nDTSTART;TZID=3DEurope/Dublin:20270603T090000\r\nDTEND;TZID=3DEurope/Dublin:20270603T170000\r\n"
       f"UID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:20261212T100000Z\r\nSUMMARY:IGC Full Round 2027 - Dublin\r\n"
       "LOCATION:Dublin Castle Conference Centre\\, Dame Street\\, Dublin\r\nORGANIZER;CN=3D\"IGC Secretariat\":mailto:igc.fullround@exa=\r\nmple.org\r\n"
       "DESCRIPTION:Full Round hosted by the Irish chair. Reception on 2 June at 18:=\r\n30.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
part = 'Content-Type: text/calendar; charset="utf-8"; method=REQUEST\r\nContent-Transfer-Encoding: 7bit\r\n\r\n' + raw
txt = """Videresendt fra telefonen.

Sent from my BlackBerry - the most secure mobile device
From: igc.fullround@example.org
Sent: 12 December 2026 11:00
To: siv.alm@udi.no
Subject: IGC Full Round 2027 - Dublin
"""
eml = message("Siv Alm <siv.alm@udi.no>", "Fw: IGC Full Round 2027 - Dublin", "Sat, 12 Dec 2026 11:20:00 +0100",
              multipart("alternative", [text_part(txt), part], "----BB-c03-qp"))
case("c03_qp_residue_blackberry_igc_dublin", eml, "Calendar part labelled 7bit but quoted-printable encoded (TZID=3DEurope/Dublin, FREQ=3DYEARLY, soft line breaks inside ORGANIZER and DESCRIPTION); Dublin summer time +01:00; reception is a distractor",
     title="IGC Full Round 2027 - Dublin", start="2027-06-03T09:00:00+01:00", end="2027-06-03T17:00:00+01:00", timezone="Europe/Dublin",
     location="Dublin Castle Conference Centre, Dame Street, Dublin", organizer="igc.fullround@example.org", participant="siv.alm@udi.no",
     forum="IGC", ical_uid=uid, sequence=0, kind_label=K)

# c04 folds without the leading space (Confluence-style organizer)
uid = "20261211T141500Z-confluence-cal-77f3a9@wiki.example.com"
lines = ["BEGIN:VCALENDAR", "PRODID:-//Atlassian Confluence//Calendar Plugin 1.0//EN", "VERSION:2.0", "METHOD:REQUEST",
         *vtz_eu("Europe/Vienna"), "BEGIN:VEVENT", "DTSTAMP:20261211T141500Z",
         "ORGANIZER;X-CONFLUENCE-USER-KEY=8a7f80a96e0b1c2d016e0b3f4a5b0001;CN=Daniel Exa", "mple:mailto:daniel.example@example.com",
         "DTSTART;TZID=Europe/Vienna:20270209T100000", "DTEND;TZID=Europe/Vienna:20270209T153000",
         "SUMMARY:Budapest Process Senior Officials Meeting - preparatory session",
         "DESCRIPTION:Preparatory session for the Senior Officials Meeting. Interpretati", "on EN/FR/RU. Please confirm by 20 January 2027.",
         "LOCATION:ICMPD\\, Gonzagagasse 99\\, Vienna", f"UID:{uid}", "SEQUENCE:0", "END:VEVENT", "END:VCALENDAR"]
cal = ics(lines, fold_lines=False)
txt = """Invitation from ICMPD (Budapest Process), FYI.

Regards,
Hilde Ruud

From: Daniel Example <daniel.example@example.com>
Sent: Friday, December 11, 2026 3:15 PM
To: Hilde Ruud <hilde.ruud@udi.no>
Subject: Budapest Process Senior Officials Meeting - preparatory session

Preparatory session for the Senior Officials Meeting. Interpretation EN/FR/RU. Please confirm by 20 January 2027.
"""
eml = message("Hilde Ruud <hilde.ruud@udi.no>", "FW: Budapest Process Senior Officials Meeting - preparatory session", "Fri, 11 Dec 2026 15:40:00 +0000",
              multipart("mixed", [text_part(txt), cal_part(cal, filename="invite.ics")], "_c04_fold_"))
case("c04_fold_without_space_icmpd_vienna", eml, "Broken folds: continuation lines without leading space inside ORGANIZER (CN parameter split) and DESCRIPTION; organizer must be the mailto address, not a parameter fragment; confirm-by date is a distractor",
     title="Budapest Process Senior Officials Meeting - preparatory session", start="2027-02-09T10:00:00+01:00", end="2027-02-09T15:30:00+01:00",
     timezone="Europe/Vienna", location="ICMPD, Gonzagagasse 99, Vienna", organizer="daniel.example@example.com", participant="hilde.ruud@udi.no",
     forum="OTHER", ical_uid=uid, sequence=0, kind_label=K)

# c05 bare LF line ends inside a base64 calendar
uid = outlook_uid("c05-bare-lf")
cal = exch(["BEGIN:VEVENT", "ORGANIZER;CN=Frontex Training Unit:mailto:training.unit@example.org", f"UID:{uid}",
            "SUMMARY;LANGUAGE=en-US:Frontex document fraud experts meeting", "DTSTART;TZID=Central European Standard Time:20270128T090000",
            "DTEND;TZID=Central European Standard Time:20270128T170000", "DTSTAMP:20261208T080000Z", "SEQUENCE:0",
            "LOCATION;LANGUAGE=en-US:Frontex HQ\\, Plac Europejski 99\\, Warsaw", "STATUS:CONFIRMED", "END:VEVENT"],
           tzs=vtz_eu("Central European Standard Time", ws=True), eol="\n")
txt = """Sender videre, jeg reiser på denne.

Vennlig hilsen
Liv Eng
Rådgiver, Utlendingsdirektoratet
Telefon: 23 00 00 02

From: Frontex Training Unit <training.unit@example.org>
Sent: Tuesday, December 8, 2026 9:00 AM
Subject: Frontex document fraud experts meeting
"""
eml = message("Liv Eng <liv.eng@udi.no>", "VS: Frontex document fraud experts meeting", "Tue, 8 Dec 2026 09:30:00 +0000",
              multipart("mixed", [text_part(txt), cal_part(None, raw_bytes=cal.encode("utf-8"), filename="meeting.ics")], "_c05_lf_"))
case("c05_bare_lf_calendar_frontex_warsaw", eml, "Calendar file with bare LF line ends (base64-encoded, so the LFs survive transport); phone number in signature is a distractor",
     title="Frontex document fraud experts meeting", start="2027-01-28T09:00:00+01:00", end="2027-01-28T17:00:00+01:00", timezone="Europe/Warsaw",
     location="Frontex HQ, Plac Europejski 99, Warsaw", organizer="training.unit@example.org", participant="liv.eng@udi.no", forum="FRONTEX",
     ical_uid=uid, sequence=0, kind_label=K)

# c06 PUBLISH with three events; subject/text point at the second one
def pev(uid, summ, s, e, loc):
    return ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261214T090000Z", f"DTSTART;TZID=Europe/Riga:{s}", f"DTEND;TZID=Europe/Riga:{e}",
            f"SUMMARY:{summ}", f"LOCATION:{loc}", "ORGANIZER;CN=EMN Latvia NCP:mailto:emn.latvia@example.org", "END:VEVENT"]
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Conference Programme//EN", "METHOD:PUBLISH", "X-WR-CALNAME:EMN Annual Conference 2027",
           *vtz_eu("Europe/Riga", std="+0200", dst="+0300"),
           *pev("emnconf27-plenary@example.org", "EMN Annual Conference 2027 - opening plenary", "20270608T093000", "20270608T173000", "Radisson Conference Hall\\, Riga"),
           *pev("emnconf27-ws-return@example.org", "EMN Annual Conference 2027 - Workshop on return counselling", "20270609T090000", "20270609T123000", "Riga Congress Centre\\, room B\\, Riga"),
           *pev("emnconf27-side@example.org", "EMN Annual Conference 2027 - side event on labour migration", "20270609T140000", "20270609T160000", "Riga Congress Centre\\, room C\\, Riga"),
           "END:VCALENDAR"])
txt = """Hei INE,

Jeg er påmeldt workshopen om returrådgivning på dag 2 (ikke plenum). Programmet ligger vedlagt som kalenderfil.

Randi

From: EMN Latvia NCP <emn.latvia@example.org>
Sent: Monday, December 14, 2026 10:00 AM
Subject: EMN Annual Conference 2027 - programme
"""
eml = message("Randi Foss <randi.foss@udi.no>", "VS: EMN Annual Conference 2027 - Workshop on return counselling", "Mon, 14 Dec 2026 10:30:00 +0000",
              multipart("mixed", [text_part(txt), cal_part(cal, method="PUBLISH", filename="programme.ics")], "_c06_pub_"))
case("c06_publish_three_events_pick_workshop_emn_riga", eml, "METHOD:PUBLISH with three VEVENTs; forwarder's subject and note point at the return-counselling workshop on day 2, not the earliest event",
     title="EMN Annual Conference 2027 - Workshop on return counselling", start="2027-06-09T09:00:00+03:00", end="2027-06-09T12:30:00+03:00",
     timezone="Europe/Riga", location="Riga Congress Centre, room B, Riga", organizer="emn.latvia@example.org", participant="randi.foss@udi.no",
     forum="EMN", ical_uid="emnconf27-ws-return@example.org", sequence=None, kind_label=K)

# c07 malformed DTEND but DURATION present
uid = "gdisc-wg-data-2027-02@example.org"
cal = ics(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Planner//EN", "METHOD:REQUEST", *vtz_eu("Europe/Lisbon", std="+0000", dst="+0100"),
           "BEGIN:VEVENT", f"UID:{uid}", "SEQUENCE:0", "DTSTAMP:20261211T090000Z", "DTSTART;TZID=Europe/Lisbon:20270218T100000",
           "DURATION:PT5H", "DTEND;TZID=Europe/Lisbon:2027-02-18 15h00", "SUMMARY:GDISC Working Group on Data and Analysis",
           "LOCATION:AIMA\\, Avenida António Augusto de Aguiar 99\\, Lisbon", "ORGANIZER;CN=GDISC Data WG:mailto:gdisc.datawg@example.org",
           "END:VEVENT", "END:VCALENDAR"])
txt = """FYI, I will attend.

Tone

-------- Forwarded Message --------
Subject: GDISC Working Group on Data and Analysis
Date: Fri, 11 Dec 2026 10:00:00 +0000
From: GDISC Data WG <gdisc.datawg@example.org>
To: tone.riise@udi.no

Invitation attached.
"""
eml = message("Tone Riise <tone.riise@udi.no>", "Fwd: GDISC Working Group on Data and Analysis", "Fri, 11 Dec 2026 11:00:00 +0100",
              multipart("mixed", [text_part(txt), cal_part(cal, filename="invite.ics")], "_c07_dur_"), extra=["User-Agent: Mozilla Thunderbird"])
case("c07_bad_dtend_with_duration_gdisc_lisbon", eml, "Unreadable DTEND ('2027-02-18 15h00') next to DURATION:PT5H: end = DTSTART + DURATION; Lisbon winter time UTC+00:00",
     title="GDISC Working Group on Data and Analysis", start="2027-02-18T10:00:00+00:00", end="2027-02-18T15:00:00+00:00", timezone="Europe/Lisbon",
     location="AIMA, Avenida António Augusto de Aguiar 99, Lisbon", organizer="gdisc.datawg@example.org", participant="tone.riise@udi.no",
     forum="GDISC", ical_uid=uid, sequence=0, kind_label=K)
