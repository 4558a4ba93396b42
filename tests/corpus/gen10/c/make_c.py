"""Group 4 (m24-m27): Outlook items: TNEF winmail.dat and attached .msg files."""
import hashlib, os, tempfile
from common import *
from common import _h, _addr
from tnef_writer import (build_tnef, global_object_id, goid_hex, PT_LONG, PT_BOOLEAN, PT_SYSTIME, PT_UNICODE, PT_BINARY,
                         PT_STRING8, PSETID_APPOINTMENT, PSETID_MEETING, PSETID_COMMON)
from msg_writer import build_msg

BIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin")
os.makedirs(BIN, exist_ok=True)


def meeting_props(subject, start, end, location, seq, goid, org_name, org_addr, tzdesc, body, msgclass=None, unicode=True):
    S = PT_UNICODE if unicode else PT_STRING8
    p = []
    if msgclass:
        p.append((PT_UNICODE, 0x001A, msgclass))
    p += [(S, 0x0037, subject), (S, 0x0C1A, org_name), (S, 0x0C1E, "SMTP"), (S, 0x0C1F, org_addr),
          (S, 0x0042, org_name), (S, 0x0064, "SMTP"), (S, 0x0065, org_addr), (S, 0x5D01, org_addr), (S, 0x5D02, org_addr),
          (PT_SYSTIME, 0x0060, start), (PT_SYSTIME, 0x0061, end),
          (PT_SYSTIME, (PSETID_APPOINTMENT, 0x820D), start), (PT_SYSTIME, (PSETID_APPOINTMENT, 0x820E), end),
          (S, (PSETID_APPOINTMENT, 0x8208), location), (PT_LONG, (PSETID_APPOINTMENT, 0x8201), seq),
          (PT_LONG, (PSETID_APPOINTMENT, 0x8205), 2), (PT_BOOLEAN, (PSETID_APPOINTMENT, 0x8215), False),
          (PT_BOOLEAN, (PSETID_APPOINTMENT, 0x8223), False), (S, (PSETID_APPOINTMENT, 0x8234), tzdesc),
          (PT_SYSTIME, (PSETID_COMMON, 0x8516), start), (PT_SYSTIME, (PSETID_COMMON, 0x8517), end),
          (PT_BINARY, (PSETID_MEETING, 0x0003), goid), (PT_BINARY, (PSETID_MEETING, 0x0023), goid),
          (S, 0x1000, body)]
    return p


def tnef_part(data):
    return ("Content-Type: application/ms-tnef; name=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Disposition: attachment; filename=\"winmail.dat\"\r\n\r\n" + b64(data))


def msg_part(data, filename):
    return (f"Content-Type: application/vnd.ms-outlook; name=\"{filename}\"\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Disposition: attachment; filename=\"{filename}\"\r\n\r\n" + b64(data))


def make_msg(name, props):
    path = os.path.join(BIN, name)
    build_msg(path, props)
    return open(path, "rb").read()


def run():
    # m24 TNEF meeting request, PidLidAppointmentSequence 1, Apple Mail forward keeping winmail.dat
    goid = global_object_id(hashlib.md5(b"m24-imex-june").digest())
    s, e = D("2027-06-09 10:00", "Europe/Brussels"), D("2027-06-09 17:30", "Europe/Brussels")
    subj = "Working Party on Integration, Migration and Expulsion (Mixed Committee)"
    body = ("Delegations are informed that the meeting will start one hour later than first announced, at 10:00.\r\n\r\n"
            "1. Adoption of the agenda\r\n2. Return: exchange of views on practical cooperation\r\n3. AOB\r\n")
    props = meeting_props(subj, s, e, "Justus Lipsius building, Brussels", 1, goid, "GSC IMEX Secretariat",
                          "imex.secretariat@consilium.example.org", "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", body)
    tnef = build_tnef("IPM.Schedule.Meeting.Request", subj, start=s, end=e, props=props, body=None)
    open(os.path.join(BIN, "m24_winmail.dat"), "wb").write(tnef)
    text = ("Hei INE,\n\nDenne kom som en winmail.dat som jeg ikke får åpnet på Mac-en. Det er IMEX-møtet i juni, som er flyttet en time.\n\n"
            "Hilsen Siri\n\nBegin forwarded message:\n\nFrom: GSC IMEX Secretariat <imex.secretariat@consilium.example.org>\n"
            f"Subject: {subj}\nDate: 12 May 2027 at 15:20:00 CEST\nTo: Siri Fossum <siri.fossum@udi.no>\n\n")
    mixed = multipart("mixed", [text_part(text), tnef_part(tnef)], "Apple-Mail=_2B7E4C90-5D1A-4F3B-8C6E-9A0D1F2E3B4C")
    eml = message("Siri Fossum <siri.fossum@udi.no>", "Fwd: " + subj, "Thu, 13 May 2027 08:30:00 +0200", mixed,
                  extra=["X-Mailer: Apple Mail (2.3774.600.62)"], msgid="<2B7E4C90-5D1A-4F3B-8C6E-9A0D1F2E3B4C@udi.no>")
    case("m24_tnef_meeting_request_seq1_council", eml,
         "Meeting exists only as MAPI properties in winmail.dat (IPM.Schedule.Meeting.Request, start/end whole in UTC, PidLidLocation, "
         "PidLidAppointmentSequence=1 -> update, PidLidGlobalObjectId as UID); forwarded from Apple Mail; text has no date",
         kind="update", title=subj, start=s.isoformat(), end=e.isoformat(), timezone="Europe/Brussels",
         location="Justus Lipsius building, Brussels", organizer="imex.secretariat@consilium.example.org", participant="siri.fossum@udi.no",
         forum="COUNCIL", ical_uid=goid_hex(goid), sequence=1, group="4")

    # m25 .msg meeting request attached to an Outlook forward, English
    goid = global_object_id(hashlib.md5(b"m25-eulisa-sis-ag").digest())
    s, e = D("2027-03-09 10:00", "Europe/Tallinn"), D("2027-03-09 16:00", "Europe/Tallinn")
    subj = "eu-LISA SIS Advisory Group - 58th meeting"
    props = meeting_props(subj, s, e, "eu-LISA headquarters, Vesilennuki 5, Tallinn", 0, goid, "SIS AG Secretariat",
                          "sis-ag@eulisa.example.org", "(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius",
                          "Dear members of the SIS Advisory Group,\r\n\r\nplease find the invitation to the 58th meeting in Tallinn.\r\n",
                          msgclass="IPM.Schedule.Meeting.Request")
    data = make_msg("m25_sis_ag.msg", props)
    text = ("Hi INE,\n\nAttaching the SIS AG meeting request as an Outlook item (I could not forward it normally from the shared calendar).\n\n"
            "Regards,\nHåkon Lie\nSenior Adviser, Department of Managed Migration\n")
    mixed = multipart("mixed", [multipart("alternative", [text_part(text), text_part(html_of(text), "html")], "_000_GV0P278MB25msg_"),
                                msg_part(data, "eu-LISA SIS Advisory Group - 58th meeting.msg")], "_004_GV0P278MB25msg_")
    eml = message("Håkon Lie <hakon.lie@udi.no>", "VS: eu-LISA SIS Advisory Group - 58th meeting", "Mon, 8 Feb 2027 09:15:00 +0000", mixed,
                  extra=["X-MS-Has-Attach: yes", "X-MS-TNEF-Correlator:", "Accept-Language: nb-NO, en-US", "Content-Language: en-US"])
    case("m25_msg_meeting_request_eulisa_tallinn", eml,
         "Outlook .msg (IPM.Schedule.Meeting.Request) attached as application/vnd.ms-outlook to a forward; all meeting data only in MAPI properties; Tallinn EET (+02:00)",
         title=subj, start=s.isoformat(), end=e.isoformat(), timezone="Europe/Tallinn", location="eu-LISA headquarters, Vesilennuki 5, Tallinn",
         organizer="sis-ag@eulisa.example.org", participant="hakon.lie@udi.no", forum="EULISA", ical_uid=goid_hex(goid), sequence=0, group="4")

    # m26 TNEF IPM.Note, meeting only in text; forwarded as attachment; text states a future meeting clearly -> invitation
    subj = "Invitation: EMN Return Expert Group - autumn meeting"
    letter = ("Dear members of the EMN Return Expert Group,\n\nWe are pleased to invite you to the autumn meeting of the Return Expert Group, "
              "which will take place on Tuesday 14 September 2027 from 10:00 to 16:00 at the EMN Service Provider premises, "
              "Rue Montoyer 25, Brussels.\n\nPlease confirm your participation by 27 August 2027. A draft agenda will follow.\n\n"
              "Kind regards,\nEMN Return Expert Group secretariat\nTel. +32 2 555 01 90\n")
    tnef = build_tnef("IPM.Note", subj, props=[(PT_STRING8, 0x0037, subj), (PT_STRING8, 0x0C1F, "reg@emn.example.org"),
                                              (PT_STRING8, 0x0065, "reg@emn.example.org"), (PT_STRING8, 0x0042, "EMN Return Expert Group"),
                                              (PT_STRING8, 0x1000, letter.replace("\n", "\r\n"))], body=letter.replace("\n", "\r\n"))
    open(os.path.join(BIN, "m26_winmail.dat"), "wb").write(tnef)
    inner = inner_message("EMN Return Expert Group <reg@emn.example.org>", "Solveig Dahl <solveig.dahl@udi.no>", subj,
                          "Wed, 7 Jul 2027 14:05:00 +0200", multipart("mixed", [text_part(letter), tnef_part(tnef)], "_002_DB8PR10MBtnef_"),
                          extra=["X-MS-Has-Attach:", "X-MS-TNEF-Correlator: <DB8PR10MB3321E5A7C1@DB8PR10MB3321.EURPRD10.PROD.OUTLOOK.COM>"])
    mixed = multipart("mixed", [text_part("Hei,\n\nInvitasjon til høstmøtet i REG, videresendt som vedlegg. Jeg melder meg på.\n\nSolveig\n"), rfc822_part(inner)], "_004_fwd26_")
    eml = message("Solveig Dahl <solveig.dahl@udi.no>", "VS: " + subj, "Thu, 8 Jul 2027 07:45:00 +0000", mixed, extra=["X-MS-Has-Attach: yes"])
    case("m26_tnef_note_text_invitation_emn", eml,
         "Invitation letter with winmail.dat (TNEF IPM.Note, no meeting properties, no calendar); meeting stated clearly in text -> invitation read from text; "
         "reply-by date and phone number are distractors; inside message/rfc822",
         title="EMN Return Expert Group - autumn meeting", start=T("2027-09-14 10:00", "Europe/Brussels"), end=T("2027-09-14 16:00", "Europe/Brussels"),
         timezone="Europe/Brussels", location="EMN Service Provider premises, Rue Montoyer 25, Brussels", organizer="reg@emn.example.org",
         participant="solveig.dahl@udi.no", forum="EMN", ical_uid=None, sequence=None, group="4")

    # m27 .msg cancellation (IPM.Schedule.Meeting.Canceled), nynorsk
    goid = global_object_id(hashlib.md5(b"m27-eea-lt-cc").digest())
    s, e = D("2027-05-26 10:00", "Europe/Vilnius"), D("2027-05-26 14:00", "Europe/Vilnius")
    title = "Cooperation Committee - Home Affairs Programme Lithuania (EEA and Norway Grants)"
    props = meeting_props("Canceled: " + title, s, e, "Ministry of the Interior, Šventaragio g. 2, Vilnius", 1, goid, "Programme Operator Lithuania",
                          "po.homeaffairs@vrm.example.org", "(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius",
                          "The Cooperation Committee meeting on 26 May is cancelled. A written procedure will be used instead.\r\n",
                          msgclass="IPM.Schedule.Meeting.Canceled")
    data = make_msg("m27_cancel.msg", props)
    text = "Hei,\n\nMøtet i samarbeidskomiteen i Vilnius er avlyst, sjå vedlagt. Dei brukar skriftleg prosedyre i staden.\n\nHelsing\nArne Vold\n"
    mixed = multipart("mixed", [text_part(text), msg_part(data, "Canceled Cooperation Committee.msg")], "_004_GV0P278MB27msg_")
    eml = message("Arne Vold <arne.vold@udi.no>", "VS: Avlyst samarbeidskomitémøte i Vilnius", "Mon, 10 May 2027 11:00:00 +0000", mixed,
                  extra=["X-MS-Has-Attach: yes", "Content-Language: nb-NO"])
    case("m27_msg_cancellation_eeagrants_vilnius", eml,
         "Outlook .msg IPM.Schedule.Meeting.Canceled attached; 'Canceled:' stripped from the item subject; outer subject is the staff member's own words; "
         "Vilnius EEST (+03:00); nynorsk",
         kind="cancellation", title=title, start=s.isoformat(), end=e.isoformat(), timezone="Europe/Vilnius",
         location="Ministry of the Interior, Šventaragio g. 2, Vilnius", organizer="po.homeaffairs@vrm.example.org", participant="arne.vold@udi.no",
         forum="EEA_GRANTS", ical_uid=goid_hex(goid), sequence=1, group="4")

if __name__ == "__main__":
    run()
