"""Group 2: series (h13-h17)."""
from common import *  # noqa

def teams_block(tid):
    link = f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{tid}%40thread.v2/0?context=%7b%22Tid%22%3a%22f00dfeed-0000-4000-8000-00000000000a%22%7d"
    return link, f"""________________________________________________________________________________
Microsoft Teams-møte
Bli med på datamaskinen, mobilappen eller romenheten
Klikk her for å bli med i møtet<{link}>
Møte-ID: 318 004 552 61
Passord: hT9v3Q
Last ned Teams<https://www.microsoft.com/en-us/microsoft-teams/download-app> | Bli med på nettet<https://www.microsoft.com/microsoft-teams/join-a-meeting>
________________________________________________________________________________
"""

W = "W. Europe Standard Time"

# ---------------------------------------------------------------- h13 one occurrence moved (REQUEST, RECURRENCE-ID, no master)
uid = outlook_uid("h13-nordic-monthly-call")
link, tb = teams_block("ZjE3Yh13ZmFrZS1ub3JkaWM")
cal = exchange_cal("REQUEST", vtz_eu(W, ws=True), [
    "ORGANIZER;CN=Nordisk koordinering:mailto:nordisk.koordinering@migri.example.net",
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Nordic coordination:mailto:nordic-coord@migri.example.net",
    "DESCRIPTION;LANGUAGE=nb-NO:Møtet i mars flyttes én dag pga. helligdag hos vertslandet.\\n\\n" + tb.replace("\n", "\\n"),
    "RECURRENCE-ID;TZID=W. Europe Standard Time:20270311T130000",
    "UID:" + uid, "SUMMARY;LANGUAGE=nb-NO:Nordisk koordineringsmøte om mottak (månedlig)",
    "DTSTART;TZID=W. Europe Standard Time:20270312T090000", "DTEND;TZID=W. Europe Standard Time:20270312T100000",
    "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270222T081500Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:2",
    "LOCATION;LANGUAGE=nb-NO:Microsoft Teams-møte", "X-MICROSOFT-CDO-APPT-SEQUENCE:2", "X-MICROSOFT-CDO-OWNERAPPTID:2118834011",
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
    "X-MICROSOFT-CDO-INSTTYPE:3", "X-MICROSOFT-SKYPETEAMSMEETINGURL:" + link])
note = """Hei,

Bare så dere vet: marsmøtet i den nordiske serien er flyttet til fredag 12. mars kl. 09. Resten av serien er som før.

Hilsen
Ingrid Sæther

""" + outlook_fwd_header_nb("Nordisk koordinering <nordisk.koordinering@migri.example.net>", "mandag 22. februar 2027 09:15",
                            "Nordic coordination", "Nordisk koordineringsmøte om mottak (månedlig)",
                            "fredag 12. mars 2027 09:00-10:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.",
                            "Microsoft Teams-møte") + "\nMøtet i mars flyttes én dag pga. helligdag hos vertslandet.\n\n" + tb
eml = outlook_forward("Ingrid Sæther <ingrid.saether@udi.no>", "VS: Nordisk koordineringsmøte om mottak (månedlig)",
                      "Mon, 22 Feb 2027 10:02:00 +0000", note, ics(cal))
case("h13_series_occurrence_moved_nordic", eml, "REQUEST for one occurrence only (RECURRENCE-ID 11 March 13:00, moved to 12 March 09:00; no master, X-MICROSOFT-CDO-INSTTYPE:3); SEQUENCE 2 -> update; occurrence field set; online-only",
     kind="update", title="Nordisk koordineringsmøte om mottak (månedlig)", start="2027-03-12T09:00:00+01:00",
     end="2027-03-12T10:00:00+01:00", timezone=None, location="Microsoft Teams-møte", online=True,
     organizer="nordisk.koordinering@migri.example.net", participant="ingrid.saether@udi.no", forum="NORDIC",
     ical_uid=uid, sequence=2, recurrence=None, occurrence="2027-03-11T13:00:00+01:00")

# ---------------------------------------------------------------- h14 one occurrence cancelled (CANCEL, RECURRENCE-ID)
uid = outlook_uid("h14-emn-ceg-monthly")
cal = exchange_cal("CANCEL", vtz_eu(W, ws=True), [
    "ORGANIZER;CN=EMN Service Provider:mailto:emn.meetings@emn-sp.example.com",
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=EMN Communication Expert Group:mailto:emn-ceg@emn-sp.example.com",
    "DESCRIPTION;LANGUAGE=en-US:The May call is cancelled (Ascension Day week). The series continues in June.\\n",
    "RECURRENCE-ID;TZID=W. Europe Standard Time:20270506T100000",
    "UID:" + uid, "SUMMARY;LANGUAGE=en-US:Canceled: EMN Communication Expert Group - monthly call",
    "DTSTART;TZID=W. Europe Standard Time:20270506T100000", "DTEND;TZID=W. Europe Standard Time:20270506T110000",
    "CLASS:PUBLIC", "PRIORITY:1", "DTSTAMP:20270420T123000Z", "TRANSP:TRANSPARENT", "STATUS:CANCELLED", "SEQUENCE:1",
    "LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting", "X-MICROSOFT-CDO-APPT-SEQUENCE:1",
    "X-MICROSOFT-CDO-BUSYSTATUS:FREE", "X-MICROSOFT-CDO-INTENDEDSTATUS:FREE", "X-MICROSOFT-CDO-INSTTYPE:3",
    "X-MICROSOFT-CDO-IMPORTANCE:2"])
note = """Hei,

Mai-møtet i EMN CEG-serien er avlyst. Resten av serien går som planlagt, så ikke avslutt registreringen min.

Vennlig hilsen
Henrik Ulvestad
Kommunikasjonsstaben

-----Opprinnelig avtale-----
Fra: EMN Service Provider <emn.meetings@emn-sp.example.com>
Sendt: tirsdag 20. april 2027 14:30
Til: EMN Communication Expert Group
Emne: Avlyst: EMN Communication Expert Group - monthly call
Når: torsdag 6. mai 2027 10:00-11:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.
Hvor: Microsoft Teams Meeting

The May call is cancelled (Ascension Day week). The series continues in June.
"""
eml = outlook_forward("Henrik Ulvestad <henrik.ulvestad@udi.no>", "VS: Avlyst: EMN Communication Expert Group - monthly call",
                      "Wed, 21 Apr 2027 06:58:00 +0000", note, ics(cal), method="CANCEL", extra=("Importance: high",))
case("h14_series_occurrence_cancelled_emn", eml, "CANCEL of one occurrence (RECURRENCE-ID 6 May 10:00) of a monthly Teams series; must not cancel the series; 'Avlyst:'/'Canceled:' prefixes; online-only",
     kind="cancellation", title="EMN Communication Expert Group - monthly call", start="2027-05-06T10:00:00+02:00",
     end="2027-05-06T11:00:00+02:00", timezone=None, location="Microsoft Teams Meeting", online=True,
     organizer="emn.meetings@emn-sp.example.com", participant="henrik.ulvestad@udi.no", forum="EMN",
     ical_uid=uid, sequence=1, recurrence=None, occurrence="2027-05-06T10:00:00+02:00")

# ---------------------------------------------------------------- h15 RECURRENCE-ID;RANGE=THISANDFUTURE (Domino)
uid = "8A3F0C2D1E5B4C67C1258AB1004F2E19-Lotus_Notes_Generated"
ncal = ics(["BEGIN:VCALENDAR", "X-LOTUS-CHARSET:UTF-8", "VERSION:2.0",
            "PRODID:-//Lotus Development Corporation//NONSGML Notes 12.0.2//EN_C", "METHOD:REQUEST",
            "BEGIN:VTIMEZONE", "TZID:Romance", "BEGIN:STANDARD", "DTSTART:19501029T020000", "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:19500326T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE",
            "BEGIN:VEVENT", "DTSTART;TZID=\"Romance\":20270603T130000", "DTEND;TZID=\"Romance\":20270603T143000",
            "TRANSP:OPAQUE", "RECURRENCE-ID;RANGE=THISANDFUTURE:20270603T120000Z", "DTSTAMP:20270518T090000Z", "SEQUENCE:3",
            "ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED;CN=\"Sofie Lambrecht/DVZ/BE\";RSVP=FALSE:mailto:sofie.lambrecht@dvz.example.org",
            "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:euaa-cp-nw@dvz.example.org",
            "CLASS:PUBLIC",
            "DESCRIPTION:From June onwards the monthly call of the EUAA Country Focal Points on Dublin starts at 13:00 instead of 14:00.\\nWebex: https://dvz-example.webex.com/meet/dublin.cfp\\n",
            "SUMMARY:EUAA Dublin Network - monthly focal point call",
            "LOCATION:Webex https://dvz-example.webex.com/meet/dublin.cfp",
            "ORGANIZER;CN=\"Sofie Lambrecht/DVZ/BE\":mailto:sofie.lambrecht@dvz.example.org",
            "UID:" + uid, "X-LOTUS-BROADCAST:FALSE", "X-LOTUS-UPDATE-SEQ:4",
            "X-LOTUS-UPDATE-WISL:$S:4;$L:1;$B:1;$R:1;$E:1;$W:1;$O:1;$M:1;$RM:1", "X-LOTUS-NOTESVERSION:2",
            "X-LOTUS-NOTICETYPE:U", "X-LOTUS-APPTTYPE:3", "X-LOTUS-CHILD-UID:8A3F0C2D1E5B4C67C1258AB1004F2E19",
            "END:VEVENT", "END:VCALENDAR"])
ntext = """Rescheduled: EUAA Dublin Network - monthly focal point call
From June onwards the monthly call starts at 13:00 instead of 14:00.
This change applies to this and all future instances.
"""
inner = inner_message("Sofie Lambrecht <sofie.lambrecht@dvz.example.org>", "euaa-cp-nw@dvz.example.org",
                      "Rescheduled: EUAA Dublin Network - monthly focal point call (03.06.2027 13:00 CEST)",
                      "Tue, 18 May 2027 11:00:00 +0200",
                      multipart("alternative", [text_part(ntext), cal_part(ncal, method="REQUEST", cte="quoted-printable")], "=_alternative 004F2E1AC1258AB1_="),
                      "<OF8A3F0C2D.1E5B4C67-ONC1258AB1.004F2E19@dvz.example.org>", extra=("X-Mailer: HCL Notes Release 12.0.2 November 03, 2022",))
note = """Hi,

The Dublin focal point call moves one hour earlier from June for the rest of the series. Forwarding so that INE's record follows.

Regards,
Nora Fagerli
"""
body = multipart("mixed", [text_part(note), rfc822_part(inner)], "_002_H15MIX_")
eml = message("Nora Fagerli <nora.fagerli@udi.no>", "FW: Rescheduled: EUAA Dublin Network - monthly focal point call (03.06.2027 13:00 CEST)",
              "Wed, 19 May 2027 07:10:00 +0000", body, extra=OUTLOOK_EXTRA, msgid=mid("h15"))
case("h15_series_thisandfuture_domino_euaa", eml, "Domino 'Rescheduled' notice: RECURRENCE-ID;RANGE=THISANDFUTURE in UTC (12:00Z = 14:00 CEST), new start 13:00; TZID \"Romance\" Notes-style; Webex in LOCATION; SEQUENCE 3 -> update; occurrence = original start",
     kind="update", title="EUAA Dublin Network - monthly focal point call", start="2027-06-03T13:00:00+02:00",
     end="2027-06-03T14:30:00+02:00", timezone=None, location="Webex https://dvz-example.webex.com/meet/dublin.cfp",
     online=True, organizer="sofie.lambrecht@dvz.example.org", participant="nora.fagerli@udi.no", forum="EUAA",
     ical_uid=uid, sequence=3, recurrence=None, occurrence="2027-06-03T14:00:00+02:00")

# ---------------------------------------------------------------- h16 series master with RRULE UNTIL and EXDATEs
uid = outlook_uid("h16-eeagrants-biweekly")
link, tb = teams_block("YmlXZWVrbHktZWVhLWdyYW50cw")
rr = "FREQ=WEEKLY;UNTIL=20270624T070000Z;INTERVAL=2;BYDAY=TH;WKST=MO"
cal = exchange_cal("REQUEST", vtz_eu(W, ws=True), [
    "ORGANIZER;CN=FMO Home Affairs Team:mailto:home.affairs@fmo.example.org",
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Donor Programme Partners:mailto:dpp-home@fmo.example.org",
    "DESCRIPTION;LANGUAGE=en-GB:Bi-weekly coordination of the donor programme partners for the Home Affairs programmes. No calls on 6 May (Ascension) and 20 May.\\n\\n" + tb.replace("\n", "\\n"),
    "RRULE:" + rr,
    "EXDATE;TZID=W. Europe Standard Time:20270506T090000,20270520T090000",
    "UID:" + uid, "SUMMARY;LANGUAGE=en-GB:DPP coordination call - Home Affairs programmes",
    "DTSTART;TZID=W. Europe Standard Time:20270311T090000", "DTEND;TZID=W. Europe Standard Time:20270311T094500",
    "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270301T140000Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED", "SEQUENCE:0",
    "LOCATION;LANGUAGE=en-GB:Microsoft Teams Meeting", "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "X-MICROSOFT-CDO-INSTTYPE:1",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL:" + link])
note = """Hei INE,

Vi er invitert som donorprogrampartner til annenhver torsdag fram til sommeren. To av møtene utgår (6. og 20. mai).

Hilsen
Vegard Lunde
EØS-koordinator, UDI

-----Opprinnelig avtale-----
Fra: FMO Home Affairs Team <home.affairs@fmo.example.org>
Sendt: mandag 1. mars 2027 15:00
Til: Donor Programme Partners
Emne: DPP coordination call - Home Affairs programmes
Når: Forekommer annenhver torsdag fra 11.03.2027 til 24.06.2027 fra 09:00 til 09:45 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.
Hvor: Microsoft Teams Meeting

Bi-weekly coordination of the donor programme partners for the Home Affairs programmes. No calls on 6 May (Ascension) and 20 May.

""" + tb
eml = outlook_forward("Vegard Lunde <vegard.lunde@udi.no>", "VS: DPP coordination call - Home Affairs programmes",
                      "Tue, 2 Mar 2027 08:00:00 +0000", note, ics(cal))
case("h16_series_master_until_exdate_eeagrants", eml, "Series master: RRULE bi-weekly with UNTIL and WKST, EXDATE list with two dates (must be kept); start/end = first occurrence; Norwegian 'Forekommer annenhver torsdag' line; online-only",
     title="DPP coordination call - Home Affairs programmes", start="2027-03-11T09:00:00+01:00", end="2027-03-11T09:45:00+01:00",
     timezone=None, location="Microsoft Teams Meeting", online=True, organizer="home.affairs@fmo.example.org",
     participant="vegard.lunde@udi.no", forum="EEA_GRANTS", ical_uid=uid, sequence=0, recurrence=rr)

# ---------------------------------------------------------------- h17 master + one overridden occurrence in one calendar
uid = outlook_uid("h17-eea-cc-bucharest")
rr = "FREQ=MONTHLY;COUNT=3;INTERVAL=3;BYMONTHDAY=10"
common_props = ["ORGANIZER;CN=Programme Operator - Home Affairs RO:mailto:po.homeaffairs@mai.example.net",
                "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Cooperation Committee:mailto:cc-home@mai.example.net",
                "UID:" + uid, "SUMMARY;LANGUAGE=en-GB:Cooperation Committee - Home Affairs Programme Romania",
                "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20270118T120000Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED",
                "LOCATION;LANGUAGE=en-GB:Ministry of Internal Affairs, Piata Revolutiei 1A, Bucharest / Microsoft Teams"]
desc = ("DESCRIPTION;LANGUAGE=en-GB:Quarterly Cooperation Committee. Agenda of the March meeting: 1. Programme progress 2. Proposal to reallocate EUR 2.4 million from the asylum reception outcome to return\\, and a request for an increased Norwegian contribution to the bilateral fund 3. AOB\\n")
cal = ["BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0", *vtz_gtb(),
       "BEGIN:VEVENT", *common_props, desc, "RRULE:" + rr,
       "DTSTART;TZID=GTB Standard Time:20270310T100000", "DTEND;TZID=GTB Standard Time:20270310T160000", "SEQUENCE:0",
       "X-MICROSOFT-CDO-INSTTYPE:1", "END:VEVENT",
       "BEGIN:VEVENT", *common_props, "DESCRIPTION;LANGUAGE=en-GB:June meeting moved to 16 June because of the national holiday.\\n",
       "RECURRENCE-ID;TZID=GTB Standard Time:20270610T100000",
       "DTSTART;TZID=GTB Standard Time:20270616T100000", "DTEND;TZID=GTB Standard Time:20270616T160000", "SEQUENCE:0",
       "X-MICROSOFT-CDO-INSTTYPE:3", "END:VEVENT", "END:VCALENDAR"]
note = """Hei,

Invitasjon til samarbeidskomiteen for innenriksprogrammet i Romania, kvartalsvis. Merk punkt 2 i mars: omdisponering av midler og ønske om økt norsk bidrag. Det må vel avklares med JD først?

Vennlig hilsen
Vegard Lunde
EØS-koordinator, UDI

""" + outlook_fwd_header_nb("Programme Operator - Home Affairs RO <po.homeaffairs@mai.example.net>", "mandag 18. januar 2027 14:00",
                            "Cooperation Committee", "Cooperation Committee - Home Affairs Programme Romania",
                            "Forekommer hver 3. måned på dag 10 fra 10.03.2027 fra 10:00 til 16:00 (UTC+02:00) Aten, Bucuresti.",
                            "Ministry of Internal Affairs, Piata Revolutiei 1A, Bucharest / Microsoft Teams") + """
Quarterly Cooperation Committee. Agenda of the March meeting:
1. Programme progress
2. Proposal to reallocate EUR 2.4 million from the asylum reception outcome to return, and a request for an increased Norwegian contribution to the bilateral fund
3. AOB

Join on Microsoft Teams: https://teams.microsoft.com/l/meetup-join/19%3ameeting_Q29vcENvbW1pdHRlZVJP%40thread.v2/0
"""
eml = outlook_forward("Vegard Lunde <vegard.lunde@udi.no>", "VS: Cooperation Committee - Home Affairs Programme Romania",
                      "Tue, 19 Jan 2027 09:30:00 +0000", note, ics(cal))
case("h17_series_master_plus_override_eeagrants_bucharest", eml, "Master (quarterly RRULE COUNT=3) plus an overridden occurrence (RECURRENCE-ID 10 June -> 16 June) in the same calendar: record is the series (first occurrence, RRULE, no occurrence); GTB Standard Time; hybrid; budget reallocation/increased Norwegian contribution -> ministry consultation",
     title="Cooperation Committee - Home Affairs Programme Romania", start="2027-03-10T10:00:00+02:00", end="2027-03-10T16:00:00+02:00",
     timezone="Europe/Bucharest", location="Ministry of Internal Affairs, Piata Revolutiei 1A, Bucharest", online=True,
     organizer="po.homeaffairs@mai.example.net", participant="vegard.lunde@udi.no", forum="EEA_GRANTS",
     ical_uid=uid, sequence=0, recurrence=rr, ministry_consultation=True)
