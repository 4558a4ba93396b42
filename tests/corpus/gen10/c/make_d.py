"""Extra odd calendars (m28-m29): PUBLISH with several events; quoted-printable residue in a 7bit calendar part."""
import quopri
from common import *
from common import _h, _addr


def run():
    # m28 METHOD:PUBLISH with three events; subject and note point at one of them
    tz = ["BEGIN:VTIMEZONE", "TZID:Europe/Malta", "BEGIN:STANDARD", "DTSTART:19701025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
          "TZNAME:CET", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:19700329T020000",
          "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "END:VTIMEZONE"]
    org = "ORGANIZER;CN=EUAA Conference Team:mailto:conference2027@euaa.example.org"
    loc = "LOCATION:Mediterranean Conference Centre\\, Old Hospital Street\\, Valletta"
    evs = []
    for uid, s, e, summ in [("euaa-ac27-plenary-01@reg.example.com", "20271116T090000", "20271116T123000", "EUAA Asylum Conference 2027 – Opening plenary"),
                            ("euaa-ac27-ws-a-02@reg.example.com", "20271116T140000", "20271116T173000", "Workshop A: Digitalisation of asylum procedures"),
                            ("euaa-ac27-ws-b-03@reg.example.com", "20271117T093000", "20271117T123000", "Workshop B: Vulnerability assessment in reception")]:
        evs.append(["UID:" + uid, "DTSTAMP:20270915T101010Z", f"DTSTART;TZID=Europe/Malta:{s}", f"DTEND;TZID=Europe/Malta:{e}",
                    "SUMMARY:" + summ, loc, org, "SEQUENCE:0", "STATUS:CONFIRMED", "TRANSP:OPAQUE"])
    cal = vcal("PUBLISH", evs, "-//Registration Platform//Event Calendar 4.2//EN", extra_top=["X-WR-CALNAME:EUAA Asylum Conference 2027"], tz=tz)
    text = ("Hei,\n\nJeg er påmeldt workshop B om sårbarhetsvurdering i mottak den 17. november, ikke resten av konferansen. "
            "Kalenderfilen fra arrangøren inneholder hele programmet.\n\nMvh\nNina Berge\n\n-----Opprinnelig melding-----\n"
            "Fra: EUAA Conference Team <conference2027@euaa.example.org>\nSendt: onsdag 15. september 2027 12:10\n"
            "Til: Nina Berge <nina.berge@udi.no>\nEmne: Your sessions – EUAA Asylum Conference 2027\n\n"
            "Dear Nina Berge,\n\nThank you for registering for the EUAA Asylum Conference 2027 (16-17 November, Valletta). "
            "The attached calendar file contains the conference programme.\n")
    mixed = multipart("mixed", [multipart("alternative", [text_part(text), text_part(html_of(text), "html")], "_000_GV0P278MB28pub_"),
                                cal_part(ics(cal), "PUBLISH", filename="programme.ics")], "_004_GV0P278MB28pub_")
    eml = message("Nina Berge <nina.berge@udi.no>", "VS: Workshop B: Vulnerability assessment in reception – EUAA Asylum Conference 2027",
                  "Thu, 16 Sep 2027 07:20:00 +0000", mixed, extra=["X-MS-Has-Attach: yes", "Accept-Language: nb-NO, en-US", "Content-Language: nb-NO"])
    case("m28_publish_three_events_euaa_valletta", eml,
         "METHOD:PUBLISH with three VEVENTs (plenary, workshop A, workshop B); the forwarded subject and the note point at workshop B, so that event is taken (not the earliest)",
         title="Workshop B: Vulnerability assessment in reception", start=T("2027-11-17 09:30", "Europe/Malta"), end=T("2027-11-17 12:30", "Europe/Malta"),
         timezone="Europe/Malta", location="Mediterranean Conference Centre, Old Hospital Street, Valletta", organizer="conference2027@euaa.example.org",
         participant="nina.berge@udi.no", forum="EUAA", ical_uid="euaa-ac27-ws-b-03@reg.example.com", sequence=0, group="3")

    # m29 quoted-printable residue in a calendar part labelled 7bit (BlackBerry-style gateway)
    uid = "bb.7f3e9a2c41d84e0b@mobile.example.net"
    lines = vcal("REQUEST", [[
        "UID:" + uid, "DTSTAMP:20270510T090000Z", "DTSTART;TZID=Europe/Dublin:20270707T093000", "DTEND;TZID=Europe/Dublin:20270707T163000",
        "SUMMARY:EMN Ireland national conference on international protection and integration",
        "LOCATION:Dublin Castle Conference Centre\\, Dame Street\\, Dublin 2", "ORGANIZER;CN=EMN Ireland:mailto:emn.ireland@example.org",
        "ATTENDEE;CN=Kari Solbakken;RSVP=TRUE:mailto:kari.solbakken@udi.no", "SEQUENCE:0", "STATUS:CONFIRMED"]],
        "-//Research In Motion//BlackBerry Calendar 10.3//EN", tz=["BEGIN:VTIMEZONE", "TZID:Europe/Dublin", "BEGIN:STANDARD",
        "DTSTART:19701025T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:19700329T010000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT", "END:VTIMEZONE"])
    residue = quopri.encodestring(ics(lines, fold_lines=False).replace("\r\n", "\n").encode("ascii")).decode("ascii").replace("\n", "\r\n")
    assert "=3D" in residue and "=\r\n" in residue
    calp = ("Content-Type: text/calendar; charset=\"utf-8\"; method=REQUEST; name=\"invite.ics\"\r\nContent-Transfer-Encoding: 7bit\r\n"
            "Content-Disposition: attachment; filename=\"invite.ics\"\r\n\r\n" + residue)
    text = ("Hei,\n\nInvitasjon til EMN Irlands nasjonale konferanse i juli. Jeg holder innlegg om norsk praksis.\n\nKari\n\n"
            "-------- Videresendt melding --------\nEmne: \tEMN Ireland national conference on international protection and integration\n"
            "Dato: \tMon, 10 May 2027 10:00:00 +0100\nFra: \tEMN Ireland <emn.ireland@example.org>\nTil: \tkari.solbakken@udi.no\n\n\n"
            "Dear colleagues,\n\nplease find attached the invitation to our national conference in Dublin.\n\nSent from my BlackBerry\n")
    mixed = multipart("mixed", [text_part(text), calp], "------------Kq2W8eR4tY6uI0oP3aS5")
    eml = message("Kari Solbakken <kari.solbakken@udi.no>", "Fwd: EMN Ireland national conference on international protection and integration",
                  "Tue, 11 May 2027 09:00:00 +0200", mixed, extra=["User-Agent: Mozilla Thunderbird", "Content-Language: nb"])
    case("m29_qp_residue_7bit_calendar_emn_dublin", eml,
         "Calendar part labelled 7bit but containing quoted-printable residue (TZID=3DEurope/Dublin, soft line breaks '=' at 76 columns) must be repaired; Dublin IST (+01:00) in July",
         title="EMN Ireland national conference on international protection and integration", start=T("2027-07-07 09:30", "Europe/Dublin"),
         end=T("2027-07-07 16:30", "Europe/Dublin"), timezone="Europe/Dublin", location="Dublin Castle Conference Centre, Dame Street, Dublin 2",
         organizer="emn.ireland@example.org", participant="kari.solbakken@udi.no", forum="EMN", ical_uid=uid, sequence=0, group="3")

if __name__ == "__main__":
    run()
