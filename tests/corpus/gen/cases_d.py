"""D: meetings only in winmail.dat (TNEF) and attached Outlook .msg; non-meeting TNEF/.msg."""
import datetime as dt, os, tempfile, struct
from zoneinfo import ZoneInfo
from lib import *
from tnef_writer import *
from msg_writer import build_msg
import tnefparse, extract_msg

K = "tnef/msg"
FT = struct.pack("<Q", 134100000000000000)  # creation FILETIME inside the GOID


def goid(seed):
    import hashlib
    data = hashlib.sha1(seed.encode()).digest()[:16]
    return (bytes.fromhex("040000008200E00074C5B7101A82E008") + b"\0\0\0\0" + FT + b"\0" * 8
            + struct.pack("<I", len(data)) + data)


def meeting_props(subject, s, e, loc, org_name, org_addr, body, gid, msgclass, tzdesc):
    return [(PT_UNICODE, 0x001A, msgclass), (PT_UNICODE, 0x0037, subject), (PT_UNICODE, 0x0E1D, subject),
            (PT_SYSTIME, 0x0060, s), (PT_SYSTIME, 0x0061, e),
            (PT_SYSTIME, (PSETID_APPOINTMENT, 0x820D), s), (PT_SYSTIME, (PSETID_APPOINTMENT, 0x820E), e),
            (PT_UNICODE, (PSETID_APPOINTMENT, 0x8208), loc), (PT_BOOLEAN, (PSETID_APPOINTMENT, 0x8215), False),
            (PT_UNICODE, (PSETID_APPOINTMENT, 0x8234), tzdesc),
            (PT_BINARY, (PSETID_MEETING, 0x0003), gid), (PT_BINARY, (PSETID_MEETING, 0x0023), gid),
            (PT_UNICODE, 0x0C1A, org_name), (PT_UNICODE, 0x0C1E, "SMTP"), (PT_UNICODE, 0x0C1F, org_addr),
            (PT_UNICODE, 0x5D01, org_addr), (PT_UNICODE, 0x0042, org_name), (PT_UNICODE, 0x0064, "SMTP"),
            (PT_UNICODE, 0x0065, org_addr), (PT_UNICODE, 0x5D02, org_addr), (PT_UNICODE, 0x1000, body)]


def check_tnef(data, subject, s, e):
    t = tnefparse.TNEF(data)
    props = {a.name_str: a.data for a in t.mapiprops}
    assert props["MAPI_SUBJECT"] == subject, props
    assert props["MAPI_APPT_START_WHOLE"].replace(tzinfo=dt.timezone.utc) == s, props["MAPI_APPT_START_WHOLE"]
    assert props["MAPI_APPT_END_WHOLE"].replace(tzinfo=dt.timezone.utc) == e
    return t


def check_msg(data, subject, s=None, e=None, cls=None):
    with tempfile.NamedTemporaryFile(suffix=".msg", delete=False) as f:
        f.write(data)
    m = extract_msg.openMsg(f.name)
    assert m.subject == subject, m.subject
    if cls:
        assert type(m).__name__ == cls, type(m)
    if s:
        assert m.appointmentStartWhole == s and m.appointmentEndWhole == e, (m.appointmentStartWhole, s)
    m.close(); os.unlink(f.name)


def msg_bytes(props):
    with tempfile.NamedTemporaryFile(suffix=".msg", delete=False) as f:
        name = f.name
    build_msg(name, props)
    data = open(name, "rb").read(); os.unlink(name)
    return data


def tnef_mail(frm, subj, date, note, tnef, boundary):
    return message(frm, subj, date, multipart("mixed", [text_part(note), bin_part(tnef, "application/ms-tnef", "winmail.dat")], boundary),
                   extra=["Content-Language: nb-NO", "X-MS-Has-Attach: ", "X-MS-TNEF-Correlator: <" + boundary + "@udi.no>"])


# d01 TNEF meeting request, Vilnius (EET)
z = ZoneInfo("Europe/Vilnius")
s, e = dt.datetime(2027, 3, 9, 10, 0, tzinfo=z), dt.datetime(2027, 3, 9, 16, 30, tzinfo=z)
gid = goid("d01")
subj = "EMN NCP meeting under the Lithuanian NCP"
props = meeting_props(subj, s, e, "Hotel Neris Conference Hall, Vilnius, Lithuania", "EMN Lithuania NCP", "emn.lithuania@example.org",
                      "Dear NCPs, the first NCP meeting of 2027 is hosted by EMN Lithuania.", gid, "IPM.Schedule.Meeting.Request",
                      "(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius")
tn = build_tnef("IPM.Microsoft Schedule.MtgReq", subj, s, e, props)
check_tnef(tn, subj, s, e)
eml = tnef_mail("Kjersti Lund <kjersti.lund@udi.no>", "VS: " + subj, "Mon, 7 Dec 2026 12:00:00 +0000",
                "Hei INE,\n\nVideresender innkallingen til NCP-møtet. Jeg deltar.\n\nKjersti Lund\nSeksjon for analyse\n", tn, "_002_d01_tnef_")
case("d01_tnef_mtgreq_emn_vilnius", eml, "Meeting exists only as MAPI properties in winmail.dat (application/ms-tnef, IPM.Microsoft Schedule.MtgReq): PidLidAppointmentStartWhole/EndWhole, PidLidLocation, PidLidGlobalObjectId; text has no time",
     title=subj, start="2027-03-09T10:00:00+02:00", end="2027-03-09T16:30:00+02:00", timezone="Europe/Vilnius",
     location="Hotel Neris Conference Hall, Vilnius, Lithuania", organizer="emn.lithuania@example.org", participant="kjersti.lund@udi.no",
     forum="EMN", ical_uid=gid.hex().upper(), sequence=None, kind_label=K)

# d02 TNEF meeting request, Copenhagen summer, English note
z = ZoneInfo("Europe/Copenhagen")
s, e = dt.datetime(2027, 6, 15, 13, 0, tzinfo=z), dt.datetime(2027, 6, 16, 12, 0, tzinfo=z)
gid = goid("d02")
subj = "Nordic meeting on resettlement and quota refugees"
props = meeting_props(subj, s, e, "Udlændingestyrelsen, Farimagsgade 99, København", "Nordic resettlement group", "resettlement.dk@example.org",
                      "Velkommen til nordisk møde om genbosættelse. Program følger.", gid, "IPM.Schedule.Meeting.Request",
                      "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris")
tn = build_tnef("IPM.Microsoft Schedule.MtgReq", subj, s, e, props)
check_tnef(tn, subj, s, e)
eml = tnef_mail("Espen Myhre <espen.myhre@udi.no>", "FW: " + subj, "Tue, 15 Dec 2026 08:00:00 +0000",
                "Hi INE,\n\nForwarding the Nordic resettlement meeting in June.\n\nBest,\nEspen\n", tn, "_002_d02_tnef_")
case("d02_tnef_mtgreq_nordic_copenhagen", eml, "winmail.dat meeting request only; two-day span across midnight; Copenhagen summer time although the TZ description says (UTC+01:00)",
     title=subj, start="2027-06-15T13:00:00+02:00", end="2027-06-16T12:00:00+02:00", timezone="Europe/Copenhagen",
     location="Udlændingestyrelsen, Farimagsgade 99, København", organizer="resettlement.dk@example.org", participant="espen.myhre@udi.no",
     forum="NORDIC", ical_uid=gid.hex().upper(), sequence=None, kind_label=K)

# d03 TNEF ordinary note (not a meeting)
subj = "Høringsnotat om endringer i utlendingsforskriften"
props = [(PT_UNICODE, 0x001A, "IPM.Note"), (PT_UNICODE, 0x0037, subj),
         (PT_UNICODE, 0x1000, "Vedlagt høringsnotatet. Frist for innspill er 15. januar 2027 kl. 12.00. Dokumentdato 30.11.2026."),
         (PT_UNICODE, 0x0C1F, "jan.krog@udi.no")]
tn = build_tnef("IPM.Note", subj, props=props)
t = tnefparse.TNEF(tn); assert {a.name_str: a.data for a in t.mapiprops}["MAPI_MESSAGE_CLASS"] == "IPM.Note"
eml = tnef_mail("Jan Krog <jan.krog@udi.no>", "VS: " + subj, "Wed, 16 Dec 2026 09:00:00 +0000",
                "Til orientering.\n\nJan\n", tn, "_002_d03_tnef_")
case("d03_tnef_ipm_note_not_invitation", eml, "winmail.dat carrying an ordinary IPM.Note (consultation paper) with a deadline and a document date: not an invitation",
     kind="not_invitation", participant="jan.krog@udi.no", kind_label=K)

# d04 attached .msg meeting request (EUAA, Athens)
z = ZoneInfo("Europe/Athens")
s, e = dt.datetime(2027, 2, 17, 9, 30, tzinfo=z), dt.datetime(2027, 2, 17, 17, 0, tzinfo=z)
gid = goid("d04")
subj = "EUAA Country of Origin Information Network - thematic meeting"
mb = msg_bytes(meeting_props(subj, s, e, "EUAA Operational Office, Mesogeion Avenue 99, Athens", "EUAA COI Network", "coi.network@example.org",
                             "Dear network members, the thematic meeting will focus on Afghanistan and Syria.", gid,
                             "IPM.Schedule.Meeting.Request", "(UTC+02:00) Athens, Bucharest"))
check_msg(mb, subj, s, e, "MeetingRequest")
txt = "Hei,\n\nInnkallingen ligger vedlagt som Outlook-element (.msg).\n\nMvh\nSara Lien\n"
eml = message("Sara Lien <sara.lien@udi.no>", "Innkalling EUAA COI-nettverket", "Wed, 9 Dec 2026 14:00:00 +0000",
              multipart("mixed", [text_part(txt), bin_part(mb, "application/vnd.ms-outlook", subj + ".msg")], "_004_d04_msg_"))
case("d04_msg_mtgreq_euaa_athens", eml, "Meeting request attached as an Outlook .msg file (IPM.Schedule.Meeting.Request, CFB); outer subject is the staff member's own; Athens EET +02:00",
     title=subj, start="2027-02-17T09:30:00+02:00", end="2027-02-17T17:00:00+02:00", timezone="Europe/Athens",
     location="EUAA Operational Office, Mesogeion Avenue 99, Athens", organizer="coi.network@example.org", participant="sara.lien@udi.no",
     forum="EUAA", ical_uid=gid.hex().upper(), sequence=None, kind_label=K)

# d05 attached .msg appointment (IPM.Appointment) IGC Geneva
z = ZoneInfo("Europe/Zurich")
s, e = dt.datetime(2027, 5, 26, 9, 0, tzinfo=z), dt.datetime(2027, 5, 26, 18, 0, tzinfo=z)
gid = goid("d05")
subj = "IGC Working Group on Country of Origin Information"
mb = msg_bytes(meeting_props(subj, s, e, "Maison de la Paix, Chemin Eugène-Rigot 99, Geneva", "IGC Secretariat", "igc.coi@example.org",
                             "IGC COI working group meeting. Lunch provided.", gid, "IPM.Appointment",
                             "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"))
check_msg(mb, subj, s, e, "AppointmentMeeting")
txt = "Hello,\n\nAttached is the calendar item for the IGC COI working group in May.\n\nThomas Wold\nSenior Adviser | UDI\nPhone +47 23 00 00 01\n"
eml = message("Thomas Wold <thomas.wold@udi.no>", "IGC COI WG - calendar item", "Thu, 10 Dec 2026 15:00:00 +0000",
              multipart("mixed", [text_part(txt), bin_part(mb, "application/vnd.ms-outlook", "IGC COI WG.msg")], "_004_d05_msg_"))
case("d05_msg_appointment_igc_geneva", eml, "Outlook appointment (IPM.Appointment) attached as .msg with organizer properties; Geneva summer time; phone number in signature",
     title=subj, start="2027-05-26T09:00:00+02:00", end="2027-05-26T18:00:00+02:00", timezone="Europe/Zurich",
     location="Maison de la Paix, Chemin Eugène-Rigot 99, Geneva", organizer="igc.coi@example.org", participant="thomas.wold@udi.no",
     forum="IGC", ical_uid=gid.hex().upper(), sequence=None, kind_label=K)

# d06 attached .msg ordinary note (not a meeting)
subj = "EMN Inform on unaccompanied minors - final version"
mb = msg_bytes([(PT_UNICODE, 0x001A, "IPM.Note"), (PT_UNICODE, 0x0037, subj),
                (PT_UNICODE, 0x1000, "Dear NCPs, attached the final EMN Inform (version of 3 December 2026). The next NCP meeting is on 9 March 2027."),
                (PT_UNICODE, 0x0C1A, "EMN Service Provider"), (PT_UNICODE, 0x0C1F, "emn.sp@example.org"), (PT_UNICODE, 0x5D01, "emn.sp@example.org")])
check_msg(mb, subj)
txt = "Til arkivet, dette er ikke en møteinnkalling.\n\nKjersti\n"
eml = message("Kjersti Lund <kjersti.lund@udi.no>", "EMN Inform (vedlagt e-post)", "Fri, 18 Dec 2026 09:00:00 +0000",
              multipart("mixed", [text_part(txt), bin_part(mb, "application/vnd.ms-outlook", "EMN Inform.msg")], "_004_d06_msg_"))
case("d06_msg_ipm_note_not_invitation", eml, "Attached .msg is an ordinary e-mail (IPM.Note) mentioning a document date and the next meeting date: not an invitation",
     kind="not_invitation", participant="kjersti.lund@udi.no", kind_label=K)
