"""Group 4: winmail.dat (TNEF) and attached Outlook .msg (h26-h30).
Uses the writer libraries tnef_writer.py / msg_writer.py from tests/corpus/gen."""
import datetime as dt, os, tempfile
from zoneinfo import ZoneInfo
from common import *  # noqa
import tnef_writer as T
import msg_writer as M

APPT, MEET = T.PSETID_APPOINTMENT, T.PSETID_MEETING
U, S8, L, TM, BIN, BOOL = T.PT_UNICODE, T.PT_STRING8, T.PT_LONG, T.PT_SYSTIME, T.PT_BINARY, T.PT_BOOLEAN


def meeting_props(cls, subject, start, end, location, org_name, org_addr, goid, tzdesc, sequence=None, body=None):
    p = [(U, 0x001A, cls), (U, 0x0037, subject), (U, 0x0E1D, subject.split(": ", 1)[-1]),
         (U, 0x0042, org_name), (U, 0x0064, "SMTP"), (U, 0x0065, org_addr),
         (U, 0x0C1A, org_name), (U, 0x0C1E, "SMTP"), (U, 0x0C1F, org_addr), (U, 0x5D01, org_addr), (U, 0x5D02, org_addr),
         (TM, 0x0060, start), (TM, 0x0061, end),
         (TM, (APPT, 0x820D), start), (TM, (APPT, 0x820E), end), (U, (APPT, 0x8208), location),
         (U, (MEET, 0x0002), location), (BIN, (MEET, 0x0003), goid), (BIN, (MEET, 0x0023), goid),
         (U, (APPT, 0x8234), tzdesc), (BOOL, (APPT, 0x8215), False), (L, (APPT, 0x8205), 2)]
    if sequence is not None:
        p.append((L, (APPT, 0x8201), sequence))
    if body:
        p.append((U, 0x1000, body))
    return p


def tnef_part(data):
    return bin_part(data, "application/ms-tnef", "winmail.dat")


def msg_bytes(props):
    fd, path = tempfile.mkstemp(suffix=".msg"); os.close(fd)
    M.build_msg(path, props)
    data = open(path, "rb").read(); os.unlink(path)
    return data


BRU, GVA, TLL, STO = (ZoneInfo(z) for z in ("Europe/Brussels", "Europe/Zurich", "Europe/Tallinn", "Europe/Stockholm"))
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases")

# ---------------------------------------------------------------- h26 TNEF meeting request inside a forwarded message
goid = T.global_object_id(b"vCal-Uid\x01\x00\x00\x00h26-igc-wg-ace-geneva-2027\x00")
s, e = dt.datetime(2027, 2, 24, 9, 30, tzinfo=GVA), dt.datetime(2027, 2, 24, 17, 0, tzinfo=GVA)
subj = "IGC Working Group on Admission, Control and Enforcement"
body_txt = "Dear colleagues,\r\n\r\nThe ACE Working Group will meet at the IGC Secretariat in Geneva. Agenda to follow.\r\n\r\nIGC Secretariat\r\n"
tn = T.build_tnef("IPM.Schedule.Meeting.Request", subj, s, e,
                  meeting_props("IPM.Schedule.Meeting.Request", subj, s, e, "IGC Secretariat, Rue Adrien-Lachenal 20, Geneva",
                                "IGC Secretariat", "ace.wg@igc.example.org", goid,
                                "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", sequence=0, body=body_txt))
inner = inner_message("IGC Secretariat <ace.wg@igc.example.org>", "IGC ACE Working Group <ace-members@igc.example.org>", subj,
                      "Tue, 12 Jan 2027 15:40:00 +0100",
                      multipart("mixed", [text_part("Dear colleagues,\n\nThe ACE Working Group will meet at the IGC Secretariat in Geneva. Agenda to follow.\n\nIGC Secretariat\n"),
                                          tnef_part(tn)], "_005_H26INNER_"),
                      "<H26INNER0001@igc.example.org>", extra=("X-MS-Has-Attach:", "X-MS-TNEF-Correlator: <H26INNER0001@igc.example.org>"))
note = """Hei INE,

Denne kom med en winmail.dat, så jeg sender den som vedlegg. Jeg deltar i Genève.

Hilsen
Sigurd Fossum
"""
body = multipart("mixed", [text_part(note), rfc822_part(inner)], "_002_H26MIX_")
eml = message("Sigurd Fossum <sigurd.fossum@udi.no>", "VS: " + subj, "Wed, 13 Jan 2027 08:00:00 +0000", body,
              extra=OUTLOOK_EXTRA, msgid=mid("h26"))
case("h26_tnef_meeting_request_fwd_igc_geneva", eml, "Meeting exists only as MAPI properties in winmail.dat (IPM.Schedule.Meeting.Request) inside a forwarded message/rfc822; UID = PidLidGlobalObjectId hex; sequence from PidLidAppointmentSequence",
     title=subj, start="2027-02-24T09:30:00+01:00", end="2027-02-24T17:00:00+01:00", timezone="Europe/Zurich",
     location="IGC Secretariat, Rue Adrien-Lachenal 20, Geneva", organizer="ace.wg@igc.example.org",
     participant="sigurd.fossum@udi.no", forum="IGC", ical_uid=T.goid_hex(goid), sequence=0)

# ---------------------------------------------------------------- h27 TNEF cancellation sent directly by staff
goid = T.global_object_id(b"h27-frontiers-wp-april-2027-\xa7\x1c\x99\x04")
s, e = dt.datetime(2027, 4, 22, 10, 0, tzinfo=BRU), dt.datetime(2027, 4, 22, 17, 30, tzinfo=BRU)
subj = "Canceled: Working Party on Frontiers (Mixed Committee)"
tn = T.build_tnef("IPM.Schedule.Meeting.Canceled", subj, s, e,
                  meeting_props("IPM.Schedule.Meeting.Canceled", subj, s, e, "Justus Lipsius building, room 50.4, Brussels",
                                "GSC Frontiers Secretariat", "frontieres.secretariat@council.example.org", goid,
                                "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", sequence=1,
                                body="The meeting of 22 April is cancelled. The next meeting will be announced.\r\n"))
note = """Hei,

Grensearbeidsgruppen 22. april er avlyst, se vedlegg. Vennligst avslutt registreringen min for dette møtet.

Vennlig hilsen
Lars Fjeldstad
"""
body = multipart("mixed", [text_part(note), tnef_part(tn)], "_005_H27MIX_")
eml = message("Lars Fjeldstad <lars.fjeldstad@udi.no>", "VS: Avlyst: Working Party on Frontiers (Mixed Committee)",
              "Thu, 8 Apr 2027 09:00:00 +0000", body,
              extra=("X-MS-Has-Attach:", "X-MS-TNEF-Correlator: <H27TNEF0001@udi.no>"), msgid=mid("h27"))
case("h27_tnef_cancellation_council_frontiers", eml, "winmail.dat with IPM.Schedule.Meeting.Canceled (PidLidAppointmentSequence 1); 'Avlyst:' in subject and 'Canceled:' in the TNEF subject stripped; Brussels CEST",
     kind="cancellation", title="Working Party on Frontiers (Mixed Committee)", start="2027-04-22T10:00:00+02:00",
     end="2027-04-22T17:30:00+02:00", timezone="Europe/Brussels", location="Justus Lipsius building, room 50.4, Brussels",
     organizer="frontieres.secretariat@council.example.org", participant="lars.fjeldstad@udi.no", forum="COUNCIL",
     ical_uid=T.goid_hex(goid), sequence=1)

# ---------------------------------------------------------------- h28 .msg meeting request attached
goid = T.global_object_id(b"h28-eurodac-ag-tallinn-0526\x00\x01\x02\x03")
s, e = dt.datetime(2027, 5, 26, 9, 0, tzinfo=TLL), dt.datetime(2027, 5, 26, 17, 0, tzinfo=TLL)
subj = "Eurodac Advisory Group - 12th meeting"
data = msg_bytes(meeting_props("IPM.Schedule.Meeting.Request", subj, s, e, "eu-LISA Headquarters, Vesilennuki 5, Tallinn",
                               "eu-LISA Advisory Groups", "advisory.groups@eulisa.example.org", goid,
                               "(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius", sequence=0,
                               body="Dear members,\r\nplease find the invitation to the 12th Eurodac AG meeting in Tallinn.\r\n"))
note = """Hi INE,

Attaching the Eurodac AG invitation as an Outlook item. I will travel to Tallinn for it.

Best regards,
Hilde Jacobsen
"""
body = multipart("mixed", [text_part(note), bin_part(data, "application/vnd.ms-outlook", "Eurodac Advisory Group - 12th meeting.msg")], "_004_H28MIX_")
eml = message("Hilde Jacobsen <hilde.jacobsen@udi.no>", "FW: Eurodac Advisory Group - 12th meeting", "Mon, 3 May 2027 10:00:00 +0000",
              body, extra=OUTLOOK_EXTRA, msgid=mid("h28"))
case("h28_msg_meeting_request_eulisa_tallinn", eml, "Outlook .msg attachment (IPM.Schedule.Meeting.Request) as the only meeting data; English note; Tallinn EEST +03:00",
     title=subj, start="2027-05-26T09:00:00+03:00", end="2027-05-26T17:00:00+03:00", timezone="Europe/Tallinn",
     location="eu-LISA Headquarters, Vesilennuki 5, Tallinn", organizer="advisory.groups@eulisa.example.org",
     participant="hilde.jacobsen@udi.no", forum="EULISA", ical_uid=T.goid_hex(goid), sequence=0)

# ---------------------------------------------------------------- h29 .msg appointment (IPM.Appointment), no sequence
goid = T.global_object_id(b"h29-unhcr-nordic-baltic-2027\x10\x20")
s, e = dt.datetime(2027, 10, 13, 9, 0, tzinfo=STO), dt.datetime(2027, 10, 13, 12, 0, tzinfo=STO)
subj = "UNHCR Nordic-Baltic consultations on resettlement"
props = [p for p in meeting_props("IPM.Appointment", subj, s, e, "UNHCR Representation for the Nordic and Baltic Countries, Ynglingagatan 14, Stockholm",
                                  "UNHCR Stockholm", "nordicbaltic@unhcr.example.org", goid,
                                  "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")]
data = msg_bytes(props)
note = """Hei,

Jeg la inn avtalen fra kalenderen min som vedlegg, invitasjonen kom bare muntlig på telefon og så som kalenderoppføring. Jeg drar til Stockholm.

Helsing
Kjersti Nordvik
Seksjon for overføringsflyktninger
"""
body = multipart("mixed", [text_part(note), bin_part(data, "application/vnd.ms-outlook", "UNHCR Nordic-Baltic consultations on resettlement.msg")], "_004_H29MIX_")
eml = message("Kjersti Nordvik <kjersti.nordvik@udi.no>", "UNHCR Nordic-Baltic consultations on resettlement", "Tue, 7 Sep 2027 11:00:00 +0000",
              body, extra=OUTLOOK_EXTRA, msgid=mid("h29"))
case("h29_msg_appointment_unhcr_stockholm", eml, "Attached .msg is an IPM.Appointment (calendar item dragged into a mail), no PidLidAppointmentSequence -> sequence null; no forward prefix; Stockholm CEST (13 Oct)",
     title=subj, start="2027-10-13T09:00:00+02:00", end="2027-10-13T12:00:00+02:00", timezone="Europe/Stockholm",
     location="UNHCR Representation for the Nordic and Baltic Countries, Ynglingagatan 14, Stockholm",
     organizer="nordicbaltic@unhcr.example.org", participant="kjersti.nordvik@udi.no", forum="UNHCR",
     ical_uid=T.goid_hex(goid), sequence=None)

# ---------------------------------------------------------------- h30 .msg IPM.Note -> not_invitation
nbody = ("Dear colleagues,\r\n\r\nThank you for taking part in the EMN Asylum Expert Group on 18 March 2027 in Brussels. "
         "The presentations and the draft summary are now available on the EMN workspace. Comments on the summary by 9 April 2027.\r\n\r\n"
         "EMN Service Provider\r\n")
data = msg_bytes([(U, 0x001A, "IPM.Note"), (U, 0x0037, "EMN Asylum Expert Group 18 March - presentations and draft summary"),
                  (U, 0x0E1D, "EMN Asylum Expert Group 18 March - presentations and draft summary"),
                  (U, 0x0042, "EMN Service Provider"), (U, 0x0065, "emn.meetings@emn-sp.example.com"),
                  (U, 0x0C1A, "EMN Service Provider"), (U, 0x0C1F, "emn.meetings@emn-sp.example.com"),
                  (U, 0x5D01, "emn.meetings@emn-sp.example.com"), (TM, 0x0039, dt.datetime(2027, 3, 24, 14, 0, tzinfo=BRU)),
                  (U, 0x1000, nbody)])
note = """Hei INE,

Til arkivet: presentasjonene og utkast til oppsummering fra EMN-møtet forrige uke (vedlagt som Outlook-element). Referatet mitt kommer i eget svar.

Hilsen
Mats Engebretsen
EMN-kontaktpunktet
"""
body = multipart("mixed", [text_part(note), bin_part(data, "application/vnd.ms-outlook", "EMN Asylum Expert Group 18 March - presentations and draft summary.msg")], "_004_H30MIX_")
eml = message("Mats Engebretsen <mats.engebretsen@udi.no>", "EMN AEG 18. mars - presentasjoner", "Thu, 25 Mar 2027 08:30:00 +0000",
              body, extra=OUTLOOK_EXTRA, msgid=mid("h30"))
case("h30_msg_note_not_invitation_emn", eml, "Attached .msg is a plain IPM.Note (after-meeting mail with presentations) with past meeting date and comment deadline: not an invitation",
     kind="not_invitation", participant="mats.engebretsen@udi.no")
