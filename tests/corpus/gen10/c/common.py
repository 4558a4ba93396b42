"""Shared helpers for the set 10 (c) set. Imports only the writer libraries from the main repo."""
import sys, os, json, email, hashlib, datetime as dt
from email import policy
from zoneinfo import ZoneInfo
sys.dont_write_bytecode = True  # never write __pycache__ into the main repo
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gen"))
import lib  # noqa: E402  (writer only; its case() is NOT used: it would write into the main repo)
from lib import qp, b64, text_part, cal_part, bin_part, multipart, rfc822_part, ics, vtz_eu, outlook_uid, fold, _h, _addr  # noqa

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cases")
ALL = []


def T(s, tz="Europe/Oslo"):
    """'2027-03-10 10:00' in zone tz -> ISO with offset."""
    d = dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(tz))
    return d.isoformat()


def D(s, tz="Europe/Oslo"):
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(tz))


def utc(s, tz):
    return D(s, tz).astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def message(frm, subject, date, body_part, to="INE <ine@udi.no>", extra=(), msgid=None, received=True):
    msgid = msgid or "<" + hashlib.md5((subject + date).encode()).hexdigest()[:24] + "@udi.no>"
    hs = []
    if received:
        hs.append("Received: from EXMBX02.udi.local (10.20.4.12) by EXMBX01.udi.local (10.20.4.11) with\r\n"
                  " Microsoft SMTP Server (version=TLS1_2) id 15.2.1544.11; " + date)
    hs += ["From: " + _addr(frm), "To: " + _addr(to), _h("Subject", subject), f"Date: {date}",
           f"Message-ID: {msgid}", *extra, "MIME-Version: 1.0"]
    return "\r\n".join(hs) + "\r\n" + body_part


def inner_message(frm, to, subject, date, body_part, extra=()):
    return message(frm, subject, date, body_part, to=to, extra=extra, received=False,
                   msgid="<" + hashlib.md5((frm + subject).encode()).hexdigest()[:20] + "@mail.example.net>")


FIELDS = ["kind", "title", "start", "end", "timezone", "location", "online", "organizer", "participant", "forum",
          "ical_uid", "sequence", "recurrence", "ministry_consultation"]


def case(name, eml, notes, kind="invitation", title=None, start=None, end=None, timezone=None, location=None,
         online=False, organizer=None, participant=None, forum=None, ical_uid=None, sequence=None,
         recurrence=None, ministry_consultation=False, occurrence="__absent__", group=""):
    d = dict(kind=kind, title=title, start=start, end=end, timezone=timezone, location=location, online=online,
             organizer=organizer, participant=participant, forum=forum, ical_uid=ical_uid, sequence=sequence,
             recurrence=recurrence, ministry_consultation=ministry_consultation)
    if occurrence != "__absent__":
        d["occurrence"] = occurrence
    d["notes"] = notes
    data = eml.encode("ascii") if isinstance(eml, str) else eml
    assert b"\n" not in data.replace(b"\r\n", b""), name + ": bare LF"
    m = email.message_from_bytes(data, policy=policy.default)
    defects = [(p.get_content_type(), p.defects) for p in m.walk() if p.defects]
    if defects:
        raise SystemExit(f"{name}: MIME defects {defects}")
    p = os.path.join(OUT, name)
    os.makedirs(p, exist_ok=True)
    with open(os.path.join(p, "message.eml"), "wb") as f:
        f.write(data)
    with open(os.path.join(p, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
        f.write("\n")
    ALL.append((name, group, kind, forum, notes))


def html_of(text):
    import html
    paras = "".join(f"<p class=\"MsoNormal\">{html.escape(l) if l else '&nbsp;'}</p>\r\n" for l in text.split("\n"))
    return ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>\r\n"
            "<body lang=\"NO-BOK\"><div class=\"WordSection1\">\r\n" + paras + "</div></body></html>")


def vcal(method, events, prodid, extra_top=(), tz=()):
    lines = ["BEGIN:VCALENDAR"]
    if method:
        lines.append(f"METHOD:{method}")
    lines += [f"PRODID:{prodid}", "VERSION:2.0", *extra_top, *tz]
    for ev in events:
        lines += ["BEGIN:VEVENT", *ev, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return lines
