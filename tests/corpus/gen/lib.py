"""Helpers to write the blind12 cases: raw MIME assembly (CRLF, 7-bit), iCalendar text, expected.json."""
import base64, json, quopri, os, email, hashlib
from email import policy
from email.header import Header

CASES = os.path.join(os.path.dirname(__file__), "..", "cases")
ALL = []


def _h(name, value):
    try:
        value.encode("ascii")
        return f"{name}: {value}"
    except UnicodeEncodeError:
        enc = Header(value, "utf-8", header_name=name).encode(maxlinelen=76)
        return f"{name}: " + enc.replace("\n", "\r\n")


def _addr(value):
    from email.utils import parseaddr, formataddr
    name, addr = parseaddr(value)
    return formataddr((name, addr), charset="utf-8")


def qp(text, charset="utf-8"):
    raw = text.replace("\r\n", "\n").encode(charset)
    out = quopri.encodestring(raw).decode("ascii")
    return out.replace("\n", "\r\n")


def b64(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.encodebytes(data).decode("ascii").replace("\n", "\r\n")


def text_part(text, subtype="plain", charset="utf-8", cte="quoted-printable", extra=()):
    body = qp(text, charset) if cte == "quoted-printable" else (b64(text.encode(charset)) if cte == "base64" else text.replace("\r\n", "\n").replace("\n", "\r\n"))
    hs = [f'Content-Type: text/{subtype}; charset="{charset}"', f"Content-Transfer-Encoding: {cte}", *extra]
    return "\r\n".join(hs) + "\r\n\r\n" + body


def cal_part(ics, method="REQUEST", cte="base64", filename=None, raw_bytes=None, ctype="text/calendar"):
    params = f'; charset="utf-8"; method={method}' if method else '; charset="utf-8"'
    if filename:
        params += f'; name="{filename}"'
    hs = [f"Content-Type: {ctype}{params}", f"Content-Transfer-Encoding: {cte}"]
    if filename:
        hs.append(f'Content-Disposition: attachment; filename="{filename}"')
    if raw_bytes is not None:
        body = b64(raw_bytes)
    elif cte == "base64":
        body = b64(ics)
    elif cte == "quoted-printable":
        body = qp(ics)
    else:
        body = ics
    return "\r\n".join(hs) + "\r\n\r\n" + body


def bin_part(data, ctype, filename):
    hs = [f'Content-Type: {ctype}; name="{filename}"', "Content-Transfer-Encoding: base64",
          f'Content-Disposition: attachment; filename="{filename}"']
    return "\r\n".join(hs) + "\r\n\r\n" + b64(data)


def multipart(subtype, parts, boundary, extra=()):
    hs = [f'Content-Type: multipart/{subtype};\r\n\tboundary="{boundary}"', *extra]
    body = ""
    for p in parts:
        body += f"--{boundary}\r\n" + p.rstrip("\r\n") + "\r\n\r\n"
    body += f"--{boundary}--\r\n"
    return "\r\n".join(hs) + "\r\n\r\n" + body


def rfc822_part(inner):
    return "Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n" + inner


def message(frm, subject, date, body_part, to="INE <ine@udi.no>", extra=(), msgid=None):
    msgid = msgid or "<" + hashlib.md5((subject + date).encode()).hexdigest()[:24] + "@mail.example.net>"
    hs = ["Received: from mx.udi.no (mx.udi.no [192.0.2.10]) by mbx01.udi.no; " + date,
          "From: " + _addr(frm), "To: " + _addr(to), _h("Subject", subject), f"Date: {date}", f"Message-ID: {msgid}",
          *extra, "MIME-Version: 1.0"]
    return "\r\n".join(hs) + "\r\n" + body_part


def fold(line):
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    out, cur = [], ""
    for ch in line:
        limit = 75 if not out else 74
        if len((cur + ch).encode("utf-8")) > limit:
            out.append(cur); cur = ch
        else:
            cur += ch
    out.append(cur)
    return "\r\n ".join(out)


def ics(lines, fold_lines=True, eol="\r\n"):
    return eol.join(fold(l) if fold_lines else l for l in lines) + eol


def vtz_eu(tzid, std="+0100", dst="+0200", ws=False):
    if ws:  # Windows style (Exchange)
        return ["BEGIN:VTIMEZONE", f"TZID:{tzid}", "BEGIN:STANDARD", "DTSTART:16010101T030000",
                f"TZOFFSETFROM:{dst}", f"TZOFFSETTO:{std}", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
                "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", f"TZOFFSETFROM:{std}",
                f"TZOFFSETTO:{dst}", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT",
                "END:VTIMEZONE"]
    return ["BEGIN:VTIMEZONE", f"TZID:{tzid}", "BEGIN:DAYLIGHT", f"TZOFFSETFROM:{std}", f"TZOFFSETTO:{dst}",
            "TZNAME:CEST" if std == "+0100" else "TZNAME:DST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", f"TZOFFSETFROM:{dst}",
            f"TZOFFSETTO:{std}", "TZNAME:CET" if std == "+0100" else "TZNAME:STD", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"]


def outlook_uid(seed):
    h = hashlib.sha1(seed.encode()).hexdigest().upper()
    return "040000008200E00074C5B7101A82E00800000000" + h[:16] + "00000000000000001000000" + "0" + h[16:48]


FIELDS = ["kind", "title", "start", "end", "timezone", "location", "online", "organizer", "participant", "forum",
          "ical_uid", "sequence", "recurrence", "ministry_consultation"]


def case(name, eml, notes, kind="invitation", title=None, start=None, end=None, timezone=None, location=None,
         online=False, organizer=None, participant=None, forum=None, ical_uid=None, sequence=None,
         recurrence=None, ministry_consultation=False, occurrence="__absent__", kind_label=""):
    d = dict(kind=kind, title=title, start=start, end=end, timezone=timezone, location=location, online=online,
             organizer=organizer, participant=participant, forum=forum, ical_uid=ical_uid, sequence=sequence,
             recurrence=recurrence, ministry_consultation=ministry_consultation)
    if occurrence != "__absent__":
        d["occurrence"] = occurrence
    d["notes"] = notes
    data = eml.encode("ascii") if isinstance(eml, str) else eml
    m = email.message_from_bytes(data, policy=policy.default)
    defects = [(p.get_content_type(), p.defects) for p in m.walk() if p.defects] + ([("top", m.defects)] if m.defects else [])
    if defects:
        raise SystemExit(f"{name}: MIME defects {defects}")
    d_ = os.path.join(CASES, name)
    os.makedirs(d_, exist_ok=True)
    with open(os.path.join(d_, "message.eml"), "wb") as f:
        f.write(data)
    with open(os.path.join(d_, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
        f.write("\n")
    ALL.append((name, kind_label, notes))
