"""Checks the written cases without the parser: 7-bit, CRLF only, stdlib email parses without defects,
expected.json schema; TNEF / .msg attachments read back with tnefparse / extract-msg."""
import email, json, sys, os, io, glob, datetime as dt
from email import policy
import tnefparse, extract_msg

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cases")
KEYS = ["kind", "title", "start", "end", "timezone", "location", "online", "organizer", "participant", "forum",
        "ical_uid", "sequence", "recurrence", "ministry_consultation"]
bad = 0


def walk(m):
    for p in m.walk():
        yield p
        if p.get_content_type() == "message/rfc822":
            for s in p.get_payload():
                yield from walk(s)


for d in sorted(glob.glob(os.path.join(CASES, "h*"))):
    n = os.path.basename(d)
    raw = open(os.path.join(d, "message.eml"), "rb").read()
    exp = json.load(open(os.path.join(d, "expected.json")))
    errs = []
    try:
        raw.decode("ascii")
    except UnicodeDecodeError:
        errs.append("not 7-bit")
    if b"\n" in raw.replace(b"\r\n", b"") or b"\r" in raw.replace(b"\r\n", b""):
        errs.append("bare LF/CR")
    m = email.message_from_bytes(raw, policy=policy.default)
    for p in walk(m):
        if p.defects:
            errs.append(f"defects {p.get_content_type()} {p.defects}")
        if not p.is_multipart() and p.get_content_type() != "message/rfc822":
            p.get_content()
    ks = [k for k in exp if k not in ("notes", "occurrence")]
    if ks != KEYS:
        errs.append(f"keys {ks}")
    for k in ("start", "end", "occurrence"):
        v = exp.get(k)
        if v:
            dt.date.fromisoformat(v) if len(v) == 10 else dt.datetime.fromisoformat(v)
    info = []
    for p in walk(m):
        fn = p.get_filename() or ""
        if fn == "winmail.dat":
            t = tnefparse.TNEF(p.get_payload(decode=True))
            info.append("TNEF msgprops " + repr([(hex(o.name), o.data) for o in t.msgprops]))
            for a in t.mapiprops:
                if a.name in (0x0060, 0x0061, 0x0065, 0x8208 - 0) or getattr(a, "guid", None):
                    info.append(f"  prop {a.name:#06x} = {str(a.data)[:90]}")
        if fn.endswith(".msg"):
            mm = extract_msg.openMsg(p.get_payload(decode=True))
            s = getattr(mm, "appointmentStartWhole", None) or getattr(mm, "startDate", None)
            e_ = getattr(mm, "appointmentEndWhole", None) or getattr(mm, "endDate", None)
            info.append(f"MSG {type(mm).__name__} class={mm.classType!r} subject={mm.subject!r} start={s} end={e_} "
                        f"loc={getattr(mm, 'location', None)!r} goid={getattr(mm, 'globalObjectID', b'')!r:.20}")
    print(("FAIL " if errs else "ok   ") + n, "; ".join(errs))
    for i in info:
        print("     ", i)
    bad += bool(errs)
sys.exit(1 if bad else 0)
