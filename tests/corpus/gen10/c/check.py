"""Sanity checks on the generated cases (does not use the parser under test)."""
import os, sys, json, email, io, datetime as dt
from email import policy
import icalendar, tnefparse, extract_msg
from zoneinfo import ZoneInfo

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cases")
FIELDS = ["kind", "title", "start", "end", "timezone", "location", "online", "organizer", "participant", "forum",
          "ical_uid", "sequence", "recurrence", "ministry_consultation", "notes"]
bad = 0
for name in sorted(n for n in os.listdir(ROOT) if n.startswith("m") and n[1:3].isdigit()):
    raw = open(os.path.join(ROOT, name, "message.eml"), "rb").read()
    exp = json.load(open(os.path.join(ROOT, name, "expected.json"), encoding="utf-8"))
    probs = []
    if any(b > 127 for b in raw): probs.append("non-ASCII byte")
    if b"\n" in raw.replace(b"\r\n", b""): probs.append("bare LF")
    missing = [f for f in FIELDS if f not in exp]
    if missing: probs.append(f"missing fields {missing}")
    m = email.message_from_bytes(raw, policy=policy.default)
    for p in m.walk():
        if p.defects: probs.append(f"defects {p.get_content_type()} {p.defects}")
    info = []
    for p in m.walk():
        ct = p.get_content_type()
        fn = p.get_filename() or ""
        if ct in ("text/calendar", "application/ics"):
            data = p.get_payload(decode=True)
            try:
                txt = data.decode("utf-8")
            except UnicodeDecodeError:
                info.append("calendar not utf-8 (intended?)"); txt = data.decode("latin-1")
            try:
                cal = icalendar.Calendar.from_ical(txt)
                for ev in cal.walk("VEVENT"):
                    s = ev.get("DTSTART"); e = ev.get("DTEND")
                    sd = s.dt if s else None
                    ed = e.dt if e else (sd + ev.get("DURATION").dt if ev.get("DURATION") else None)
                    es = exp["start"]; ee = exp["end"]
                    def same(a, b):
                        if a is None or b is None: return a is None and b is None
                        if isinstance(a, dt.datetime):
                            if a.tzinfo is None: return "naive"
                            return a == dt.datetime.fromisoformat(b)
                        return str(a) == b
                    info.append(f"ics ok start={same(sd, es)} end={same(ed, ee) if not isinstance(ed, dt.date) or isinstance(ed, dt.datetime) else ('allday ' + str(ed))} uid={str(ev.get('UID'))==exp['ical_uid']}")
            except Exception as ex:
                info.append(f"icalendar error: {type(ex).__name__}: {str(ex)[:80]}")
        elif ct == "application/ms-tnef":
            t = tnefparse.TNEF(p.get_payload(decode=True))
            cls = [a.data for a in t.msgprops if a.name == 0x8008]
            info.append(f"tnef ok {cls} mapiprops={len(t.mapiprops)}")
        elif ct == "application/vnd.ms-outlook":
            mm = extract_msg.openMsg(io.BytesIO(p.get_payload(decode=True)))
            st = getattr(mm, "appointmentStartWhole", None)
            info.append(f"msg ok {type(mm).__name__} start={st == dt.datetime.fromisoformat(exp['start'])} subj={mm.subject!r}")
    print(("BAD " if probs else "ok  ") + name, probs, info)
    bad += bool(probs)
print("problems:", bad)
