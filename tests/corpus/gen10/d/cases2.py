"""Group 2 (n12-n16): right values among distractors. Group 3 (n17-n21): hostile/odd inputs."""
from lib import *
from cases1 import inv


def n12():
    name = 'n12_reply_chain_new_time_geneva'
    subj = 'IGC Working Group on Admission, Stay and Integration – 24 March 2027'
    text = """Til registrering. NB: møtet er flyttet, se øverst.

Hilsen Ola

Fra: IGC Secretariat <asi-wg@example.org>
Sendt: tirsdag 9. mars 2027 16:55
Til: ASI WG members <asi-wg-members@example.org>
Emne: RE: IGC Working Group on Admission, Stay and Integration – 24 March 2027

Dear colleagues,

Due to a clash with the Full Round preparations, the meeting has been moved by one day.
New time: Thursday 25 March 2027, 14:00–17:00 CET. The venue remains unchanged.

Apologies for the inconvenience.
IGC Secretariat

From: IGC Secretariat <asi-wg@example.org>
Sent: 15 February 2027 10:20
To: ASI WG members <asi-wg-members@example.org>
Subject: IGC Working Group on Admission, Stay and Integration – 24 March 2027

Dear colleagues,

We are pleased to invite you to the meeting of the Working Group on Admission, Stay and Integration on Wednesday 24 March 2027, 10:00–13:00 CET, at the IGC Secretariat, Rue de Varembé 9, 1202 Geneva.

Kind regards,
IGC Secretariat
"""
    raw = outlook_headers(name, addr('Ola Grønvold', 'ola.gronvold@udi.no'), 'VS: RE: ' + subj,
                          D('2027-03-10T08:30')) + alt(text, name)
    exp = inv(title=subj, start='2027-03-25T14:00:00+01:00', end='2027-03-25T17:00:00+01:00',
              timezone='Europe/Zurich', location='IGC Secretariat, Rue de Varembé 9, 1202 Geneva',
              organizer='asi-wg@example.org', participant='ola.gronvold@udi.no', forum='IGC',
              notes="Reply chain: newest message moves the meeting to 25 March 14:00-17:00 CET; quoted original (24 March 10:00) is stale; subject keeps old date; no calendar part so kind stays invitation")
    write_case(name, raw, exp)


def n13():
    name = 'n13_own_comment_away_dates_warsaw'
    subj = 'Frontex Return Network – 19 May 2027'
    text = """Hi INE,

FYI – I will attend this one. Note that I am away 12–14 May, so please send the checklist before 11 May.

Trond

From: Frontex Return Network <return-network@example.org>
Sent: 14 April 2027 11:30
To: Trond Eide <trond.eide@udi.no>
Subject: Frontex Return Network – 19 May 2027

Dear Return Network members,

The next meeting of the Frontex Return Network will be held on Wednesday 19 May 2027 from 10:00 to 16:00 at Frontex Headquarters, Plac Europejski 6, 00-844 Warsaw.

Please confirm attendance by 30 April 2027. A visit to the operations room is planned for 20 May at 09:00 for those who wish.

Best regards,
Return Network Secretariat
"""
    raw = outlook_headers(name, addr('Trond Eide', 'trond.eide@udi.no'), 'FW: ' + subj,
                          D('2027-04-15T07:50'), lang='en-GB') + alt(text, name)
    exp = inv(title=subj, start='2027-05-19T10:00:00+02:00', end='2027-05-19T16:00:00+02:00',
              timezone='Europe/Warsaw', location='Frontex Headquarters, Plac Europejski 6, 00-844 Warsaw',
              organizer='return-network@example.org', participant='trond.eide@udi.no', forum='FRONTEX',
              notes="Staff comment on top mentions other dates ('away 12–14 May', 'before 11 May'); optional visit next day and confirmation date are distractors")
    write_case(name, raw, exp)


def n14():
    name = 'n14_signature_other_city_vilnius'
    subj = 'Informal meeting of the HLWG – Vilnius, 28 April 2027'
    text = """Sender fra Gmail (på reise). Til registrering.

Aslak

---------- Forwarded message ---------
From: HLWG Secretariat <hlwg-secretariat@example.org>
Date: Thu, 18 Mar 2027 at 09:41
Subject: Informal meeting of the HLWG – Vilnius, 28 April 2027
To: <aslak.nilsen@udi.no>


Dear HLWG delegates,

On behalf of the Lithuanian Presidency, we are pleased to invite you to the informal meeting of the High-Level Working Group on Asylum and Migration.

Date: Wednesday 28 April 2027
Time: 09:00–17:00 (local time)
Venue: Radisson Blu Hotel Lietuva, Konstitucijos pr. 20, Vilnius

Associated states participate in the Mixed Committee part (morning session).

Kind regards,

HLWG Secretariat
General Secretariat of the Council of the European Union
Rue de la Loi 175, 1048 Brussels, Belgium
Tel. +32 2 281 00 00 | Office JL 40.20 | Mon–Fri 09:00–17:30
"""
    raw = gmail_headers(name, addr('Aslak Nilsen', 'aslak.nilsen@udi.no'), 'Fwd: ' + subj,
                        D('2027-03-18T12:02')) + alt(text, name)
    exp = inv(title=subj, start='2027-04-28T09:00:00+03:00', end='2027-04-28T17:00:00+03:00',
              timezone='Europe/Vilnius', location='Radisson Blu Hotel Lietuva, Konstitucijos pr. 20, Vilnius',
              organizer='hlwg-secretariat@example.org', participant='aslak.nilsen@udi.no', forum='COUNCIL',
              notes="Signature gives a Brussels address, office hours and phone; venue is Vilnius (EEST +03:00, '(local time)'); Gmail forward")
    write_case(name, raw, exp)


def n15():
    name = 'n15_pdf_only_invitation_bucharest'
    subj = 'Invitation – 4th Cooperation Committee, Home Affairs Programme Romania'
    text = """Til registrering. Invitasjonen ligger i PDF-en, men datoen står i e-posten.

Hilsen
Nora

Fra: Programme Operator Home Affairs <home-affairs-po@example.com>
Sendt: mandag 27. september 2027 13:10
Til: Nora Bakke <nora.bakke@udi.no>
Kopi: FMO Home Affairs team <fmo-home@example.org>
Emne: Invitation – 4th Cooperation Committee, Home Affairs Programme Romania

Dear members of the Cooperation Committee,

Please find attached the invitation and the draft agenda for the fourth Cooperation Committee meeting of the Home Affairs Programme (EEA and Norway Grants 2021-2027), which will take place on Tuesday 16 November 2027 from 09:30 to 15:00 (Bucharest time) at the Ministry of Internal Affairs, Piața Revoluției 1A, Bucharest.

Kind regards,
Programme Operator
"""
    body = alt(text, name)
    raw = outlook_headers(name, addr('Nora Bakke', 'nora.bakke@udi.no'), 'VS: ' + subj, D('2027-09-28T08:00')).replace(
        'X-MS-Has-Attach: ', 'X-MS-Has-Attach: yes') + multipart('mixed', [body, attachment(
            'application/pdf', 'Invitation_CC4_Home_Affairs_RO.pdf', fake_pdf('Invitation CC4'))], '_004_GV0P278MB5A1B2C3D4E5FCHEP278PROD_')
    exp = inv(title=subj, start='2027-11-16T09:30:00+02:00', end='2027-11-16T15:00:00+02:00',
              timezone='Europe/Bucharest', location='Ministry of Internal Affairs, Piața Revoluției 1A, Bucharest',
              organizer='home-affairs-po@example.com', participant='nora.bakke@udi.no', forum='EEA_GRANTS',
              notes="Invitation itself is a PDF attachment; the body sentence gives date, times and venue; Bucharest EET after DST end (+02:00)")
    write_case(name, raw, exp)


def n16():
    name = 'n16_save_the_date_superseded_atcr'
    subj = 'Invitation: ATCR 2027 – Annual Tripartite Consultations on Resettlement'
    text = """Til registrering. Merk at datoene er endret siden «save the date».

Hilsen Elin

Fra: ATCR Secretariat <atcr@example.org>
Sendt: mandag 3. mai 2027 15:00
Til: ATCR participants <atcr-participants@example.org>
Emne: Invitation: ATCR 2027 – Annual Tripartite Consultations on Resettlement

Dear colleagues,

Further to our save-the-date message below, we are pleased to send you the formal invitation. Please note the NEW DATES: the consultations will be held from Tuesday 22 June 2027, 09:00, to Wednesday 23 June 2027, 13:00, at the Palais des Nations, Geneva.

Registration is open until 1 June 2027.

ATCR Secretariat

From: ATCR Secretariat <atcr@example.org>
Sent: 10 February 2027 09:00
To: ATCR participants <atcr-participants@example.org>
Subject: Save the date: ATCR 2027 – Annual Tripartite Consultations on Resettlement

Dear colleagues,

Please save the date: ATCR 2027 will take place on 29–30 June 2027 in Geneva. A formal invitation will follow.

ATCR Secretariat
"""
    raw = outlook_headers(name, addr('Elin Haugen', 'elin.haugen@udi.no'), 'VS: ' + subj,
                          D('2027-05-04T09:12')) + alt(text, name)
    exp = inv(title=subj, start='2027-06-22T09:00:00+02:00', end='2027-06-23T13:00:00+02:00',
              timezone='Europe/Zurich', location='Palais des Nations, Geneva',
              organizer='atcr@example.org', participant='elin.haugen@udi.no', forum='UNHCR',
              notes="Full invitation with NEW DATES on top of a quoted 'Save the date' (29–30 June); newest information counts; title leading word (Invitation/Save the date) is lenient so both subjects agree")
    write_case(name, raw, exp)


def n17():
    name = 'n17_extremely_long_subject_emn'
    subj = ('Invitation to the joint meeting of the EMN Working Group on Statistics, the EMN Return Expert Group, '
            'the EMN Working Group on Labour Migration and the national EMN network coordinators on the preparation '
            'of the EMN Annual Report on Migration and Asylum 2026, the common template for the ad-hoc queries, the '
            'harmonised glossary update (version 9.0) and the cooperation with Eurostat on residence permit statistics '
            '– please forward to the relevant colleagues in your national administration – Brussels, 27 January 2027')
    text = f"""Til registrering. Beklager det lange emnet – det er EMNs.

Sunniva

Fra: EMN Service Provider <emn-meetings@example.org>
Sendt: tirsdag 5. januar 2027 10:00
Til: EMN NCPs <emn-ncps@example.org>
Emne: {subj}

Dear colleagues,

The joint meeting will take place on Wednesday 27 January 2027 from 10:00 to 17:30 at the Albert Borschette Conference Centre, Rue Froissart 36, 1040 Brussels, room AB-3A.

Kind regards,
EMN Service Provider
"""
    raw = outlook_headers(name, addr('Sunniva Åsen', 'sunniva.asen@udi.no'), 'VS: ' + subj,
                          D('2027-01-05T13:30')) + alt(text, name)
    exp = inv(title=subj, start='2027-01-27T10:00:00+01:00', end='2027-01-27T17:30:00+01:00',
              timezone='Europe/Brussels', location='Albert Borschette Conference Centre, Rue Froissart 36, 1040 Brussels, room AB-3A',
              organizer='emn-meetings@example.org', participant='sunniva.asen@udi.no', forum='EMN',
              notes=f"Subject of {len(subj)} characters folded over many RFC 2047 encoded words (en dashes) and soft-broken in the QP Emne line; 'version 9.0' and 'Annual Report 2026' are not dates")
    write_case(name, raw, exp)


def n18():
    name = 'n18_rfc2047_several_charsets_gothenburg'
    subj = 'Møte – Nordisk samrådsgruppe om mottak, Göteborg «21. september»'
    def bw(t, cs):
        return '=?%s?b?%s?=' % (cs, base64.b64encode(t.encode(cs)).decode())
    enc_subject = ('=?iso-8859-1?q?VS=3A_M=F8te?= ' + bw(' – Nordisk', 'utf-8') + '\n'
                   ' =?windows-1252?q?_samr=E5dsgruppe_om_mottak=2C?=\n'
                   ' =?utf-8?q?_G=C3=B6teborg_=C2=AB21=2E?= ' + bw(' september»', 'iso-8859-15'))
    text = f"""Til registrering.

Hilsen Åse

Fra: Göran Wikström <goran.wikstrom@example.net>
Sendt: torsdag 24. juni 2027 14:40
Til: Åse Fjellheim <ase.fjellheim@udi.no>
Emne: {subj}

Hej Åse,

Välkommen till samrådsgruppens höstmöte tisdagen den 21 september 2027 kl. 10.00–15.00.
Plats: Migrationsverket, Regionkontor Väst, Kruthusgatan 17, Göteborg

Hälsningar
Göran
"""
    from_ = '=?utf-8?q?=C3=85se_Fjellheim?= <ase.fjellheim@udi.no>'
    raw = outlook_headers(name, from_, 'X', D('2027-06-25T08:00')) + alt(text, name)
    raw = raw.replace('Subject: X\n', f'Subject: {enc_subject}\n').replace('Thread-Topic: X\n', f'Thread-Topic: {enc_subject}\n')
    exp = inv(title=subj, start='2027-09-21T10:00:00+02:00', end='2027-09-21T15:00:00+02:00',
              timezone='Europe/Stockholm', location='Migrationsverket, Regionkontor Väst, Kruthusgatan 17, Göteborg',
              organizer='goran.wikstrom@example.net', participant='ase.fjellheim@udi.no', forum='NORDIC',
              notes="Subject made of encoded words in iso-8859-1 (Q), utf-8 (B and Q), windows-1252 (Q) and iso-8859-15 (B), adjacent words joined without space; guillemets; Swedish times")
    write_case(name, raw, exp)


def n19():
    name = 'n19_nested_forward_four_levels_council'
    subj = 'Working Party on Schengen Matters (Schengen Evaluation) – 12 October 2027'
    text = f"""Til registrering – jeg har overtatt møtet etter Jonas.

Hilsen Maren

Fra: Jonas Berge <jonas.berge@udi.no>
Sendt: fredag 17. september 2027 12:01
Til: Maren Lund <maren.lund@udi.no>
Emne: FW: VS: Fwd: {subj}

Kan du ta denne? Jeg er i Valletta 11.–13. oktober.

From: Jonas Berge <jonas.berge@udi.no>
Sent: 16 September 2027 18:20
To: Jonas Berge <jonas.berge@udi.no>
Subject: VS: Fwd: {subj}

Fra: Ragnhild Berg <ragnhild.berg@jd.dep.no>
Sendt: torsdag 16. september 2027 15:44
Til: Jonas Berge <jonas.berge@udi.no>
Emne: Fwd: {subj}

Til orientering, UDI bør delta.

Ragnhild

Start på videresendt melding:

Fra: Schengen Evaluation WP <schengen-wp@example.org>
Emne: {subj}
Dato: 15. september 2027 kl. 17:05:31 CEST
Til: Mixed Committee delegates <mc-delegates@example.org>

Delegations are invited to the meeting of the Working Party on Schengen Matters (Schengen Evaluation) in the Mixed Committee format on Tuesday 12 October 2027, 10:00–18:00.
Venue: Council of the EU, Europa building, room 50.4, Brussels

Provisional agenda: presentation of evaluation reports; follow-up of action plans; AOB.
"""
    raw = outlook_headers(name, addr('Maren Lund', 'maren.lund@udi.no'), 'VS: FW: VS: Fwd: ' + subj,
                          D('2027-09-17T12:30')) + alt(text, name)
    exp = inv(title=subj, start='2027-10-12T10:00:00+02:00', end='2027-10-12T18:00:00+02:00',
              timezone='Europe/Brussels', location='Council of the EU, Europa building, room 50.4, Brussels',
              organizer='schengen-wp@example.org', participant='maren.lund@udi.no', forum='COUNCIL',
              notes="Four nested forward header blocks (Outlook nb, Outlook en, Outlook nb, Apple Mail nb); organizer is the innermost sender; intermediate 'Valletta 11.–13. oktober' is a distractor")
    write_case(name, raw, exp)


def n20():
    name = 'n20_mixed_line_endings_binary_line_strasbourg'
    subj = 'eu-LISA SIS Advisory Group - meeting 16 March 2027'
    lines = [
        ('Til registrering. Vedlegget ble rart i Outlook, beklager.', '\r\n'),
        ('', '\r\n'),
        ('Geir', '\n'),
        ('', '\n'),
        ('Fra: SIS AG Secretariat <sis-ag@example.org>', '\r\n'),
        ('Sendt: onsdag 17. februar 2027 10:30', '\n'),
        ('Til: SIS AG members <sis-ag-members@example.org>', '\r'),
        (f'Emne: {subj}', '\r\n'),
        ('', '\n'),
        ('Dear SIS AG members,', '\r'),
        ('', '\r'),
        ('\xff\xd8\xff\xe0\x10JFIF\x01\x01\x01\x00H\x07\x1b[0m\x7f\x0c\xfe\xfd\xbe\x8f\x9e\x02\x03\x04\x1a', '\n'),
        ('The 71st meeting of the SIS Advisory Group will take place on Tuesday 16 March 2027 from 10:00 to 17:00', '\r\n'),
        ('at eu-LISA operational site, 18 rue de la Faisanderie, 67100 Strasbourg.', '\n'),
        ('', '\r\n'),
        ('Kind regards,', '\r'),
        ('SIS AG Secretariat', '\r\n'),
    ]
    body = ''.join(l.replace('\x00', '') + e for l, e in lines)
    assert '\x00' not in body
    data = body.encode('iso-8859-1')
    raw = outlook_headers(name, addr('Geir Å. Lunde', 'geir.lunde@udi.no', 'iso-8859-1'), 'VS: ' + subj, D('2027-02-17T12:00')) + \
        'Content-Type: text/plain; charset="iso-8859-1"\nContent-Transfer-Encoding: base64\n\n' + b64(data) + '\n'
    exp = inv(title=subj, start='2027-03-16T10:00:00+01:00', end='2027-03-16T17:00:00+01:00',
              timezone='Europe/Paris', location='eu-LISA operational site, 18 rue de la Faisanderie, 67100 Strasbourg',
              organizer='sis-ag@example.org', participant='geir.lunde@udi.no', forum='EULISA',
              notes="Base64 iso-8859-1 body with mixed CRLF/LF/CR line ends (Til and Emne lines end in bare CR) and a binary-looking JPEG-header line without NUL; sentence split over two lines")
    write_case(name, raw, exp)


def n21():
    name = 'n21_hidden_div_other_date_valletta'
    subj = 'EUAA Network of Court and Tribunal Members – workshop'
    html = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>
</head>
<body dir="ltr">
<div class="elementToProof" style="font-family: Aptos, Calibri, sans-serif; font-size: 12pt;">Til registrering.<br>Tone</div>
<div id="appendonsend"></div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> EUAA Courts Network &lt;courts-network@example.org&gt;<br>
<b>Sent:</b> Tuesday, March 30, 2027 10:02 AM<br>
<b>To:</b> Tone Sæbø &lt;tone.saebo@udi.no&gt;<br>
<b>Subject:</b> EUAA Network of Court and Tribunal Members &#8211; workshop</font>
<div>&nbsp;</div>
</div>
<div>
<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">Save the date: Thursday 6 May 2027, 10:00&#8211;16:00, Brussels &#8211; EUAA workshop</div>
<table width="600" style="font-family:Arial,sans-serif"><tr><td style="padding:20px">
<h2 style="margin:0">Workshop of the Network of Court and Tribunal Members</h2>
<p>Dear members,</p>
<p>We are pleased to invite you to the annual workshop of the Network.</p>
<p><b>Date:</b> Tuesday 11 May 2027<br>
<b>Time:</b> 09:00&#8211;17:00 (CEST)<br>
<b>Venue:</b> EUAA Headquarters, Winemakers Wharf, Valletta Harbour, Malta</p>
<p>Please register by 16 April 2027.</p>
<p>EUAA Courts and Tribunals Network</p>
</td></tr></table>
</div>
</body>
</html>
"""
    raw = outlook_headers(name, addr('Tone Sæbø', 'tone.saebo@udi.no'), 'VS: ' + subj, D('2027-03-30T11:10')) + part('text/html', html)
    exp = inv(title=subj, start='2027-05-11T09:00:00+02:00', end='2027-05-11T17:00:00+02:00',
              timezone='Europe/Malta', location='EUAA Headquarters, Winemakers Wharf, Valletta Harbour, Malta',
              organizer='courts-network@example.org', participant='tone.saebo@udi.no', forum='EUAA',
              notes="HTML-only OWA forward; a display:none preheader div says 6 May 2027, Brussels; a careful reader sees only the visible 11 May, Valletta (judgement call)")
    write_case(name, raw, exp)


ALL = [n12, n13, n14, n15, n16, n17, n18, n19, n20, n21]
