"""Shared helpers for the set 9 (a) cases. Uses the corpus writer helpers in
tests/corpus/gen (lib.py, tnef_writer.py, msg_writer.py) only to WRITE files."""
import os, sys, hashlib
GEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gen")
sys.path.insert(0, GEN)
import lib  # noqa
from lib import text_part, cal_part, bin_part, multipart, rfc822_part, message, ics, vtz_eu, outlook_uid, qp, b64, _h, _addr  # noqa

lib.CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cases")
case = lib.case

OUTLOOK_EXTRA = ("Accept-Language: nb-NO, en-US", "Content-Language: nb-NO", "X-MS-Has-Attach: yes",
                 "X-MS-TNEF-Correlator:")


def mid(seed, dom="EUR05.PROD.OUTLOOK.COM"):
    return "<" + hashlib.sha1(seed.encode()).hexdigest()[:28].upper() + "@" + dom + ">"


def html_of(text):
    import html
    paras = "".join(f'<p class="MsoNormal">{html.escape(l) or "&nbsp;"}</p>\n' for l in text.split("\n"))
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)"></head>\n'
            '<body lang="NO-BOK"><div class="WordSection1">\n' + paras + '</div></body></html>\n')


def inner_message(frm, to, subject, date, body_part, msgid, extra=()):
    """A complete original message (for message/rfc822 attachments)."""
    hs = ["From: " + _addr(frm), "To: " + (_addr(to) if "@" in to and "," not in to else to), _h("Subject", subject), f"Date: {date}", f"Message-ID: {msgid}",
          *extra, "MIME-Version: 1.0"]
    return "\r\n".join(hs) + "\r\n" + body_part


def vtz_gtb():
    return ["BEGIN:VTIMEZONE", "TZID:GTB Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T040000",
            "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
            "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0300", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT",
            "END:VTIMEZONE"]


def vtz_gmt():
    return ["BEGIN:VTIMEZONE", "TZID:GMT Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T020000",
            "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
            "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T010000", "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT",
            "END:VTIMEZONE"]


def vtz_iana(tzid, std, dst, stdname, dstname, hour_std="030000", hour_dst="020000"):
    """VTIMEZONE as Google/Apple/Thunderbird/Zoom write it for an IANA zone."""
    return ["BEGIN:VTIMEZONE", f"TZID:{tzid}", f"X-LIC-LOCATION:{tzid}", "BEGIN:DAYLIGHT",
            f"TZOFFSETFROM:{std}", f"TZOFFSETTO:{dst}", f"TZNAME:{dstname}", f"DTSTART:19700329T{hour_dst}",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", f"TZOFFSETFROM:{dst}",
            f"TZOFFSETTO:{std}", f"TZNAME:{stdname}", f"DTSTART:19701025T{hour_std}",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"]


def exchange_cal(method, tz_lines, event_lines):
    return ["BEGIN:VCALENDAR", f"METHOD:{method}", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
            *tz_lines, "BEGIN:VEVENT", *event_lines, "END:VEVENT", "END:VCALENDAR"]


def outlook_fwd_header_nb(frm, sent, to, subject, when, where):
    return (f"-----Opprinnelig avtale-----\nFra: {frm}\nSendt: {sent}\nTil: {to}\nEmne: {subject}\n"
            f"Når: {when}\nHvor: {where}\n")


def outlook_fwd_header_en(frm, sent, to, subject, when, where):
    return (f"-----Original Appointment-----\nFrom: {frm}\nSent: {sent}\nTo: {to}\nSubject: {subject}\n"
            f"When: {when}\nWhere: {where}\n")


def outlook_forward(frm, subject, date, note_and_quote, ics_text, method="REQUEST", seed=None, extra=(),
                    cal_cte="base64", attachments=()):
    """Outlook forward of a meeting item: multipart/alternative text/plain + text/html + text/calendar
    (Exchange puts the calendar part as the last alternative), optionally wrapped in multipart/mixed."""
    alt = multipart("alternative", [text_part(note_and_quote), text_part(html_of(note_and_quote), "html"),
                                    cal_part(ics_text, method=method, cte=cal_cte)],
                    "_000_" + hashlib.md5((seed or subject).encode()).hexdigest()[:30].upper() + "_")
    body = alt
    if attachments:
        body = multipart("mixed", [alt, *attachments],
                         "_004_" + hashlib.md5((seed or subject).encode()).hexdigest()[:30].upper() + "_")
    hdrs = [*OUTLOOK_EXTRA, "Content-Class: urn:content-classes:calendarmessage", *extra]
    return message(frm, subject, date, body, extra=hdrs, msgid=mid(subject + date))
