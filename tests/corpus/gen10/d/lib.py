"""Helpers to build RFC 5322 test messages (CRLF, 7-bit) for the blind set d."""
import base64, email, email.policy, hashlib, html, json, os, quopri, random, re, shutil
from email.header import Header
from email.utils import format_datetime
import datetime as dt
from zoneinfo import ZoneInfo

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'cases')
FIELDS = ["kind", "title", "start", "end", "timezone", "location", "online", "organizer", "participant",
          "forum", "ical_uid", "sequence", "recurrence", "ministry_consultation", "notes"]


def rnd(name):
    return random.Random(hashlib.sha256(name.encode()).digest())


def ehdr(s, cs='utf-8'):
    """RFC 2047-encode a header value if it is not ASCII."""
    try:
        s.encode('ascii')
        return s
    except UnicodeEncodeError:
        return Header(s, cs).encode(linesep='\n', maxlinelen=76)


def addr(name, a, cs='utf-8'):
    if not name:
        return a
    return f"{ehdr(name, cs)} <{a}>"


def qp(text, cs='utf-8'):
    return quopri.encodestring(text.encode(cs)).decode('ascii')


def b64(data):
    s = base64.b64encode(data).decode('ascii')
    return '\n'.join(s[i:i + 76] for i in range(0, len(s), 76))


def text2html(text):
    lines = [html.escape(l) for l in text.split('\n')]
    body = '<br>\n'.join(lines)
    return ('<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n</head>\n'
            '<body lang="NO-BOK">\n<div class="WordSection1">\n' + body + '\n</div>\n</body></html>\n')


def part(ctype, text, cs='utf-8', cte='quoted-printable', extra=''):
    if cte == 'quoted-printable':
        payload = qp(text, cs)
    elif cte == 'base64':
        payload = b64(text if isinstance(text, bytes) else text.encode(cs))
    else:
        payload = text
    return (f'Content-Type: {ctype}; charset="{cs}"\nContent-Transfer-Encoding: {cte}\n{extra}\n' + payload.rstrip('\n') + '\n')


def attachment(ctype, filename, data):
    return (f'Content-Type: {ctype}; name="{filename}"\nContent-Description: {filename}\n'
            f'Content-Disposition: attachment; filename="{filename}"\nContent-Transfer-Encoding: base64\n\n' + b64(data) + '\n')


def multipart(sub, parts, boundary):
    out = f'Content-Type: multipart/{sub};\n\tboundary="{boundary}"\n\n'
    for p in parts:
        out += f'--{boundary}\n' + p + '\n'
    out += f'--{boundary}--\n'
    return out


def fake_pdf(title):
    return (b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Count 0/Kids[]>>\nendobj\n'
            b'3 0 obj\n<</Title(' + title.encode('ascii') + b')/Producer(Microsoft Word for Microsoft 365)>>\nendobj\n'
            b'trailer\n<</Root 1 0 R/Info 3 0 R>>\n%%EOF\n')


def outlook_headers(name, from_, subject, date, lang='nb-NO', cs='utf-8', extra=()):
    r = rnd(name + 'ol')
    host = 'GV0P278MB%04X' % r.randrange(65536)
    host2 = 'GV1P278MB%04X' % r.randrange(65536)
    ds = format_datetime(date.astimezone(dt.timezone.utc)).replace('-0000', '+0000')
    mid = '%s%032X@%s.CHEP278.PROD.OUTLOOK.COM' % (host, r.getrandbits(128), host)
    ti = base64.b64encode(r.randbytes(20)).decode()
    subj = ehdr(subject, cs)
    h = [f'Received: from {host}.CHEP278.PROD.OUTLOOK.COM (2603:10a6:710:{r.randrange(4096):x}::{r.randrange(256):x}) by',
         f' {host2}.CHEP278.PROD.OUTLOOK.COM with HTTPS; {ds}',
         f'From: {from_}', 'To: INE <ine@udi.no>', f'Subject: {subj}', f'Thread-Topic: {subj}',
         f'Thread-Index: {ti}', f'Date: {ds}', f'Message-ID: <{mid}>',
         f'Accept-Language: {lang}, en-US', f'Content-Language: {lang}',
         'X-MS-Exchange-Organization-AuthAs: Internal', 'X-MS-Has-Attach: ', 'X-MS-TNEF-Correlator:']
    h += list(extra)
    h.append('MIME-Version: 1.0')
    return '\n'.join(h) + '\n'


def gmail_headers(name, from_, subject, date, extra=()):
    r = rnd(name + 'gm')
    ds = format_datetime(date)
    mid = 'CA%s@mail.gmail.com' % base64.urlsafe_b64encode(r.randbytes(24)).decode().rstrip('=')
    h = [f'Received: from mail-ej1-f{r.randrange(30, 70)}.google.com (mail-ej1-f45.google.com [209.85.218.45])',
         f' by mx.udi.no (Postfix) with ESMTPS id 4Zk{r.randrange(10**9)}', f' for <ine@udi.no>; {ds}',
         'MIME-Version: 1.0', f'From: {from_}', f'Date: {ds}', f'Message-ID: <{mid}>',
         f'Subject: {ehdr(subject)}', 'To: INE <ine@udi.no>']
    h += list(extra)
    return '\n'.join(h) + '\n'


def plain_headers(name, from_, subject, date, to='INE <ine@udi.no>', extra=(), mid_domain='udi.no'):
    r = rnd(name + 'pl')
    ds = format_datetime(date)
    h = [f'Received: from smtp.{mid_domain} ([10.40.{r.randrange(256)}.{r.randrange(256)}])',
         f' by mx.udi.no (Postfix) with ESMTPSA id 4Zl{r.randrange(10**9)}', f' for <ine@udi.no>; {ds}',
         f'Message-ID: <{r.getrandbits(64):016x}.{r.getrandbits(32):08x}@{mid_domain}>', f'Date: {ds}',
         'MIME-Version: 1.0'] + list(extra) + [f'From: {from_}', f'To: {to}', f'Subject: {ehdr(subject)}']
    return '\n'.join(h) + '\n'


def alt(text, name, cs='utf-8', htmltext=None):
    r = rnd(name + 'b')
    return multipart('alternative', [part('text/plain', text, cs), part('text/html', htmltext or text2html(text), cs)],
                     '_000_GV0P278MB%012XCHEP278PROD_' % r.getrandbits(48))


def write_case(name, raw, expected):
    assert name.startswith('n'), name
    raw = raw.replace('\r\n', '\n').replace('\n', '\r\n')
    data = raw.encode('ascii')  # must be 7-bit clean
    assert all(b < 128 for b in data)
    d = os.path.join(ROOT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'message.eml'), 'wb') as f:
        f.write(data)
    exp = {k: expected.get(k) for k in FIELDS}
    for k in ('online', 'ministry_consultation'):
        exp[k] = bool(expected.get(k, False))
    exp['notes'] = expected['notes']
    with open(os.path.join(d, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(exp, f, ensure_ascii=False, indent=2)
        f.write('\n')


def clean():
    if os.path.isdir(ROOT):
        for n in os.listdir(ROOT):
            if n.startswith('n') and n[1:3].isdigit():
                shutil.rmtree(os.path.join(ROOT, n))


def D(s, tz='Europe/Oslo'):
    return dt.datetime.fromisoformat(s).replace(tzinfo=ZoneInfo(tz))
