"""Helpers to assemble realistic, 7-bit clean RFC 5322 messages by hand (CRLF line ends).

Every message is written out as text so that header order, boundaries and MIME details look like
what the named mail client produces. All people, addresses and meetings are invented.
"""
import base64
import email
import hashlib
import html as htmlmod
import json
import quopri
from email import policy
from email.header import Header
from email.utils import formataddr
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "cases"

KEYS = ["kind", "title", "start", "end", "timezone", "location", "online", "organizer", "participant",
        "forum", "ical_uid", "sequence", "recurrence", "ministry_consultation", "notes"]


def h(text, charset="utf-8"):
    """RFC 2047-encode a header value if it is not ASCII (Q or B as Outlook/Gmail do)."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, charset, maxlinelen=76).encode(linesep="\r\n")


def addr(name, address, charset="utf-8"):
    try:
        name.encode("ascii")
        return formataddr((name, address))
    except UnicodeEncodeError:
        return "%s <%s>" % (Header(name, charset).encode(), address)


def seed_hex(seed, n=16):
    return hashlib.sha1(seed.encode()).hexdigest()[:n].upper()


def qp(text, charset):
    data = text.replace("\r\n", "\n").encode(charset)
    out = quopri.encodestring(data, quotetabs=False).decode("ascii")
    return out


def b64(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def leaf(ctype, text, charset="utf-8", cte="quoted-printable", extra_ct=""):
    """A single text part: headers + encoded body."""
    if cte == "quoted-printable":
        body = qp(text, charset)
    elif cte == "base64":
        body = b64(text.encode(charset))
    elif cte == "7bit":
        text.encode("ascii")
        body = text
    else:
        raise ValueError(cte)
    hdr = 'Content-Type: %s; charset="%s"%s\nContent-Transfer-Encoding: %s\n' % (ctype, charset, extra_ct, cte)
    return hdr + "\n" + body.rstrip("\n") + "\n"


def multipart(subtype, boundary, parts, ct_newline=True):
    if ct_newline:
        hdr = 'Content-Type: multipart/%s;\n\tboundary="%s"\n' % (subtype, boundary)
    else:
        hdr = 'Content-Type: multipart/%s; boundary="%s"\n' % (subtype, boundary)
    body = ""
    for p in parts:
        body += "\n--%s\n%s" % (boundary, p)
    body += "\n--%s--\n" % boundary
    return hdr + body


def attachment(ctype, filename, data):
    return ('Content-Type: %s;\n\tname="%s"\nContent-Description: %s\nContent-Disposition: attachment;\n'
            '\tfilename="%s"; size=%d\nContent-Transfer-Encoding: base64\n\n%s\n'
            % (ctype, filename, filename, filename, len(data), b64(data)))


def message(headers, body_part):
    """headers: list of (name, value) (values already encoded); body_part: text starting with Content-Type."""
    out = ""
    for k, v in headers:
        out += "%s: %s\n" % (k, v)
    # body_part starts with its Content-Type header(s); MIME-Version goes after like Outlook does
    hdr, _, rest = body_part.partition("\n\n")
    out += hdr + "\nMIME-Version: 1.0\n\n" + rest
    return out.replace("\r\n", "\n").replace("\n", "\r\n")


def outlook_headers(frm, to, subject, date_hdr, date_utc, lang="nb-NO", msgid_seed="x", has_attach=False,
                    extra=()):
    host = "GV0P278MB%s" % seed_hex(msgid_seed, 4)
    hs = [
        ("Received", "from %s.CHEP278.PROD.OUTLOOK.COM (2603:10a6:710:%s::1a) by\n"
                     " GV1P278MB0565.CHEP278.PROD.OUTLOOK.COM with HTTPS; %s" % (host, seed_hex(msgid_seed, 3).lower(), date_utc)),
        ("From", frm), ("To", to), ("Subject", subject), ("Thread-Topic", subject),
        ("Thread-Index", base64.b64encode(hashlib.md5(msgid_seed.encode()).digest() + b"\x01\x02\x03\x04\x05").decode()),
        ("Date", date_utc),
        ("Message-ID", "<%s%s@%s.CHEP278.PROD.OUTLOOK.COM>" % (host, seed_hex(msgid_seed + "m", 24), host)),
        ("Accept-Language", "%s, en-US" % lang), ("Content-Language", lang),
        ("X-MS-Exchange-Organization-AuthAs", "Internal"),
        ("X-MS-Has-Attach", "yes" if has_attach else ""), ("X-MS-TNEF-Correlator", ""),
    ]
    hs.extend(extra)
    return hs


def outlook_html(paragraphs_html, lang="NO-BOK"):
    """Wrap a list of already-HTML paragraph strings in Outlook's Word HTML."""
    body = "\n".join(paragraphs_html)
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n'
            '\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Aptos",sans-serif;}\n--></style>\n</head>\n'
            '<body lang="%s" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n<div class="WordSection1">\n%s\n</div>\n</body>\n</html>\n'
            % (lang, body))


def text_to_outlook_html(text, fwd_labels=(), charset="utf-8"):
    """Turn plain text into Outlook-like HTML paragraphs; header-block lines get <b>label</b>."""
    paras = []
    in_block = False
    block = []
    for line in text.split("\n"):
        label = next((l for l in fwd_labels if line.startswith(l + " ") or line == l), None)
        if label:
            block.append("<b>%s</b>%s" % (htmlmod.escape(label), htmlmod.escape(line[len(label):])))
            in_block = True
            continue
        if in_block:
            paras.append('<div>\n<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
                         '<p class="MsoNormal">%s<o:p></o:p></p>\n</div>\n</div>' % "<br>\n".join(block))
            block = []
            in_block = False
        if line.strip() == "":
            paras.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
        else:
            paras.append('<p class="MsoNormal">%s<o:p></o:p></p>' % htmlmod.escape(line, quote=False))
    out = outlook_html(paras)
    return out.replace('charset=utf-8', 'charset=%s' % charset)


def expected(**kw):
    base = {"kind": "invitation", "title": None, "start": None, "end": None, "timezone": None, "location": None,
            "online": False, "organizer": None, "participant": None, "forum": None, "ical_uid": None,
            "sequence": None, "recurrence": None, "ministry_consultation": False, "notes": ""}
    for k in kw:
        assert k in base, k
    base.update(kw)
    return {k: base[k] for k in KEYS}


def not_invitation(participant, notes):
    return expected(kind="not_invitation", participant=participant, notes=notes)


def write_case(name, eml, exp):
    d = CASES / name
    d.mkdir(parents=True, exist_ok=True)
    raw = eml.encode("ascii")  # raises if not 7-bit clean
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    msg = email.message_from_bytes(raw, policy=policy.default)
    for part in msg.walk():
        assert not part.defects, (name, part.get_content_type(), part.defects)
        if not part.is_multipart():
            part.get_content()
    for hdr in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        assert msg[hdr] is not None, (name, hdr)
    str(msg["Subject"])
    (d / "message.eml").write_bytes(raw)
    (d / "expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return msg


NB_LABELS = ("Fra:", "Sendt:", "Til:", "Kopi:", "Emne:")
EN_LABELS = ("From:", "Sent:", "To:", "Cc:", "Subject:")
INE = "INE <ine@udi.no>"


def outlook_fwd(seed, staff, subject_outer, date_utc, text, lang="nb-NO", charset="utf-8", labels=NB_LABELS,
                attach=None, extra=(), to=INE):
    """Outlook (Windows) forward: multipart/alternative plain + Word HTML, quoted-printable."""
    b1 = "_000_GV0P278MB%sCHEP278PROD_" % seed_hex(seed + "b1", 14)
    alt = multipart("alternative", b1, [
        leaf("text/plain", text, charset),
        leaf("text/html", text_to_outlook_html(text, labels, charset), charset),
    ])
    if attach:
        b0 = "_004_GV0P278MB%sCHEP278PROD_" % seed_hex(seed + "b0", 14)
        body = multipart("mixed", b0, [alt] + [attachment(*a) for a in attach])
    else:
        body = alt
    hs = outlook_headers(addr(*staff), to, h(subject_outer, charset if charset != "utf-8" else "utf-8"),
                         date_utc, date_utc, lang, seed, bool(attach), extra)
    return message(hs, body)


def gmail_fwd(seed, staff, subject_outer, date_utc, note, fwd_from, fwd_date, fwd_subject, fwd_to, body):
    """Gmail web forward (send-as @udi.no): text/plain + text/html, UTF-8 quoted-printable."""
    plain = "%s\n\n---------- Forwarded message ---------\nFrom: %s\nDate: %s\nSubject: %s\nTo: %s\n\n\n%s\n" % (
        note, fwd_from, fwd_date, fwd_subject, fwd_to, body)
    esc = lambda s: htmlmod.escape(s, quote=False)
    name, _, a = fwd_from.rpartition(" <")
    html = ('<div dir="ltr">%s<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>'
            'From: <strong class="gmail_sendername" dir="auto">%s</strong> <span dir="auto">&lt;%s&gt;</span><br>'
            'Date: %s<br>Subject: %s<br>To: %s<br></div><br><br>%s</div></div>\n') % (
        "<br>".join(esc(l) for l in note.split("\n")), esc(name.strip('"')), esc(a.rstrip(">")), esc(fwd_date),
        esc(fwd_subject), esc(fwd_to), "<br>\n".join(esc(l) for l in body.split("\n")))
    b = "000000000000%s" % seed_hex(seed, 16).lower()
    alt = multipart("alternative", b, [leaf("text/plain", plain, "UTF-8"), leaf("text/html", html, "UTF-8")],
                    ct_newline=False)
    hs = [("Received", "from mail-ej1-f41.google.com (mail-ej1-f41.google.com [209.85.218.41])\n"
                       " by mx.udi.no (Postfix) with ESMTPS id 4Zq%s\n for <ine@udi.no>; %s" % (seed_hex(seed, 8), date_utc)),
          ("From", addr(*staff)), ("Date", date_utc),
          ("Message-ID", "<CAH%s+%s@mail.gmail.com>" % (seed_hex(seed + "g", 20), seed_hex(seed + "h", 12).lower())),
          ("Subject", h(subject_outer)), ("To", "ine@udi.no")]
    return message(hs, alt)


def apple_fwd(seed, staff, subject_outer, date_hdr, note, fwd_from, fwd_subject, fwd_date, fwd_to, body):
    plain = "%s\n\n\nBegin forwarded message:\n\nFrom: %s\nSubject: %s\nDate: %s\nTo: %s\n\n%s\n" % (
        note, fwd_from, fwd_subject, fwd_date, fwd_to, body)
    esc = lambda s: htmlmod.escape(s, quote=False)
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">%s<br>'
            '<div><br><blockquote type="cite"><div>Begin forwarded message:</div><br class="Apple-interchange-newline">'
            '<div style="margin: 0px;"><span style="font-family: -webkit-system-font;"><b>From: </b></span>%s</div>'
            '<div style="margin: 0px;"><span style="font-family: -webkit-system-font;"><b>Subject: </b></span><b>%s</b></div>'
            '<div style="margin: 0px;"><span style="font-family: -webkit-system-font;"><b>Date: </b></span>%s</div>'
            '<div style="margin: 0px;"><span style="font-family: -webkit-system-font;"><b>To: </b></span>%s</div><br>'
            '<div>%s</div></blockquote></div><br></body></html>\n') % (
        "<br>".join(esc(l) for l in note.split("\n")), esc(fwd_from), esc(fwd_subject), esc(fwd_date), esc(fwd_to),
        "<br>\n".join(esc(l) for l in body.split("\n")))
    b = "Apple-Mail=_%s-%s-%s" % (seed_hex(seed, 8), seed_hex(seed + "1", 4), seed_hex(seed + "2", 12))
    alt = multipart("alternative", b, [leaf("text/plain", plain, "utf-8"), leaf("text/html", html, "utf-8")],
                    ct_newline=False)
    hs = [("Received", "from smtpclient.apple (ti0123.udi.no [10.22.4.17])\n by mx.udi.no (Postfix) with ESMTPSA id 4Zr%s\n"
                       " for <ine@udi.no>; %s" % (seed_hex(seed, 8), date_hdr)),
          ("From", addr(*staff)), ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))"),
          ("Subject", h(subject_outer)), ("Date", date_hdr),
          ("Message-Id", "<%s-%s@udi.no>" % (seed_hex(seed + "a", 8), seed_hex(seed + "c", 12))),
          ("References", "<%s@mail.example.org>" % seed_hex(seed + "r", 16).lower()),
          ("To", INE), ("X-Mailer", "Apple Mail (2.3826.400.131.1.6)")]
    out = message(hs, alt)
    # Apple puts Mime-Version in the header list already; drop the duplicate added by message()
    return out.replace("\r\nMIME-Version: 1.0\r\n", "\r\n", 1)
