"""Check every n* case: parses without MIME defects, CRLF only, 7-bit, schema complete, offsets agree with zone."""
import email, email.policy, json, os, re, sys, datetime as dt
from zoneinfo import ZoneInfo
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import ROOT, FIELDS

bad = 0
for n in sorted(os.listdir(ROOT)):
    if not n.startswith('n'):
        continue
    raw = open(os.path.join(ROOT, n, 'message.eml'), 'rb').read()
    exp = json.load(open(os.path.join(ROOT, n, 'expected.json'), encoding='utf-8'))
    errs = []
    if any(b > 127 for b in raw): errs.append('8bit')
    if re.search(rb'(?<!\r)\n|\r(?!\n)', raw): errs.append('bare CR/LF')
    if b'\x00' in raw: errs.append('NUL')
    m = email.message_from_bytes(raw, policy=email.policy.default)
    for p in m.walk():
        if p.defects: errs.append(f'defects {p.defects}')
        if not p.is_multipart():
            try: p.get_content()
            except Exception as e: errs.append(f'content {e}')
    if set(exp) != set(FIELDS): errs.append('fields')
    tz = exp['timezone']
    for k in ('start', 'end'):
        v = exp[k]
        if v and 'T' in v:
            t = dt.datetime.fromisoformat(v)
            z = ZoneInfo(tz or 'Europe/Oslo')
            if t.utcoffset() != t.astimezone(z).utcoffset(): errs.append(f'{k} offset != {tz}')
            if not (dt.datetime(2027, 1, 1, tzinfo=z) <= t < dt.datetime(2027, 12, 1, tzinfo=z)): errs.append('date range')
    subj = str(m['subject'])
    if exp['title'] and exp['title'].replace('–', '-') not in subj.replace('–', '-'): errs.append(f'title not in subject: {subj!r}')
    if exp['participant'] and exp['participant'] not in str(m['from']).lower(): errs.append('participant')
    print(('BAD ' if errs else 'ok  ') + n, '|', subj[:70], errs)
    bad += bool(errs)
sys.exit(1 if bad else 0)
