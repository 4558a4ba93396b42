"""Group 1: invitations read from text (n01-n11)."""
from lib import *


def inv(**k):
    base = dict(kind='invitation', ical_uid=None, sequence=None, recurrence=None, online=False,
                ministry_consultation=False)
    base.update(k)
    return base


def n01():
    name = 'n01_outlook_nb_naar_hvor_summer_label_council'
    subj = 'Working Party on Frontiers (Mixed Committee) – 15 June 2027'
    text = """Til registrering. Agendapunkt 2 gjelder endring av grenseforordningen (Schengen-regelverk som Norge er bundet av).

Hilsen
Kjersti

-----Opprinnelig avtale-----
Fra: Frontiers WP Secretariat <frontiers-wp@example.org>
Sendt: fredag 21. mai 2027 10:14
Til: Mixed Committee delegates
Emne: Working Party on Frontiers (Mixed Committee) – 15 June 2027
Når: tirsdag 15. juni 2027 09:30-12:30 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien.
Hvor: Justus Lipsius building, room JL 70.4, Brussel

Delegations will find below the provisional agenda.

1. Adoption of the agenda
2. Proposal for a Regulation amending Regulation (EU) 2016/399 (Schengen Borders Code) as regards the reintroduction of internal border control – examination of the Presidency compromise text
3. AOB

The meeting will be held in the Mixed Committee format (EU-27 + IS, LI, NO, CH). Interpretation: none.
"""
    raw = outlook_headers(name, addr('Kjersti Aamodt', 'kjersti.aamodt@udi.no'), 'VS: ' + subj,
                          D('2027-05-21T11:02')) + alt(text, name)
    exp = inv(title=subj, start='2027-06-15T09:30:00+02:00', end='2027-06-15T12:30:00+02:00',
              timezone='Europe/Brussels', location='Justus Lipsius building, room JL 70.4, Brussel',
              organizer='frontiers-wp@example.org', participant='kjersti.aamodt@udi.no', forum='COUNCIL',
              ministry_consultation=True,
              notes="Outlook nb-NO meeting forward without calendar part (Exchange over IMAP): Når/Hvor lines; label says (UTC+01:00) but June is +02:00; SBC amendment on agenda -> ministry consultation")
    write_case(name, raw, exp)


def n02():
    name = 'n02_outlook_engb_when_where_valletta'
    subj = 'EUAA Asylum Processes Network – plenary meeting'
    text = """Hi INE,

Forwarding for your records. I will travel on the 7th.

Best regards,
Henrik Solheim
Senior Adviser | Norwegian Directorate of Immigration (UDI)

-----Original Appointment-----
From: EUAA Asylum Processes Network <apn@example.org>
Sent: 28 June 2027 15:41
To: APN National Contact Points
Subject: EUAA Asylum Processes Network – plenary meeting
When: 08 September 2027 13:00-17:30 (UTC+01:00) Brussels, Copenhagen, Madrid, Paris.
Where: EUAA Operational Centre, Winemakers Wharf, Grand Harbour, Valletta

Dear colleagues,

The plenary will start with lunch at 12:30 and the working session from 13:00. Please register by 20 August 2027.

Kind regards,
APN team
"""
    raw = outlook_headers(name, addr('Henrik Solheim', 'henrik.solheim@udi.no'), 'FW: ' + subj,
                          D('2027-06-29T08:15'), lang='en-GB') + alt(text, name)
    exp = inv(title=subj, start='2027-09-08T13:00:00+02:00', end='2027-09-08T17:30:00+02:00',
              timezone='Europe/Malta', location='EUAA Operational Centre, Winemakers Wharf, Grand Harbour, Valletta',
              organizer='apn@example.org', participant='henrik.solheim@udi.no', forum='EUAA',
              notes="Outlook en-GB 'Original Appointment' forward without calendar part; (UTC+01:00) Brussels label in September means +02:00; venue in Malta; lunch and registration deadline are distractors")
    write_case(name, raw, exp)


def n03():
    name = 'n03_outlook_ios_norwegian_kl_stockholm'
    subj = 'Nordisk koordineringsmøte om returarbeid'
    text = """Videresender til registrering.

Hilsen Siri

Get Outlook for iOS

Fra: Øystein Brekke <oystein.brekke@example.net>
Dato: fredag, 5. februar 2027 kl. 14:22
Til: Siri Nymoen <siri.nymoen@udi.no>
Emne: Nordisk koordineringsmøte om returarbeid

Hei Siri,

Som avtalt på telefon: det nordiske koordineringsmøtet om returarbeid holdes torsdag 11. mars 2027 kl. 13.00–15.30 hos Migrationsverket, Lindhagensgatan 76, Stockholm. Vi samles til kaffe fra kl. 12.30.

Svenskene ønsker innspill til agendaen innen 1. mars.

Mvh
Øystein Brekke
Nordisk sekretariat for returarbeid
"""
    raw = outlook_headers(name, addr('Siri Nymoen', 'siri.nymoen@udi.no'), 'VS: ' + subj,
                          D('2027-02-05T15:03')) + multipart('alternative', [part('text/plain', text), part('text/html', text2html(text))], '_000_iosb3e1f5c2a9d4')
    exp = inv(title=subj, start='2027-03-11T13:00:00+01:00', end='2027-03-11T15:30:00+01:00',
              timezone='Europe/Stockholm', location='Migrationsverket, Lindhagensgatan 76, Stockholm',
              organizer='oystein.brekke@example.net', participant='siri.nymoen@udi.no', forum='NORDIC',
              notes="Outlook for iOS forward ('Get Outlook for iOS', Fra/Dato/Til/Emne); Norwegian 'kl. 13.00–15.30' with en dash; coffee time and input deadline are distractors")
    write_case(name, raw, exp)


def n04():
    name = 'n04_gmail_english_pm_cet_geneva'
    subj = 'IGC Working Group on Technology – meeting on 18 February'
    text = """Til INE for registrering.

Marius

---------- Forwarded message ---------
From: IGC Secretariat <wg-technology@example.org>
Date: Tue, 19 Jan 2027 at 11:05
Subject: IGC Working Group on Technology – meeting on 18 February
To: <marius.haugland@udi.no>


Dear colleagues,

The next meeting of the IGC Working Group on Technology will take place on Thursday, 18 February 2027, 1–3 p.m. CET, at the IGC Secretariat, Rue de Varembé 9, 1202 Geneva.

Topics: biometric data sharing, digital ID wallets. Please send the names of participants by 5 February.

Best wishes,
IGC Secretariat
"""
    raw = gmail_headers(name, addr('Marius Haugland', 'marius.haugland@udi.no'), 'Fwd: ' + subj,
                        D('2027-01-19T13:40')) + alt(text, name)
    exp = inv(title=subj, start='2027-02-18T13:00:00+01:00', end='2027-02-18T15:00:00+01:00',
              timezone='Europe/Zurich', location='IGC Secretariat, Rue de Varembé 9, 1202 Geneva',
              organizer='wg-technology@example.org', participant='marius.haugland@udi.no', forum='IGC',
              notes="Gmail forward; English '1–3 p.m. CET' with en dash and no minutes; Geneva venue (Europe/Zurich); nomination date distractor")
    write_case(name, raw, exp)


def n05():
    name = 'n05_online_cet_hosted_from_lisbon'
    subj = 'GDISC Digitalisation Working Group – online meeting'
    text = """Til info: jeg deltar på nettmøtet.

Ingvild

-----Original Message-----
From: Rita Carvalho <rita.carvalho@example.com>
Sent: Monday, February 15, 2027 4:48 PM
To: GDISC Digitalisation WG
Subject: GDISC Digitalisation Working Group – online meeting

Dear members of the Working Group,

Our next meeting will be held online on Wednesday 10 March 2027 from 15:00 to 16:30 CET.
Where: online (Microsoft Teams)

Join Microsoft Teams meeting: https://teams.microsoft.com/l/meetup-join/19%3ameeting_N2E1ZjQ0YzEtYjY2Ny00OWJkLTk1ZWItZGVmMTIzNDU2Nzg5%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-1111-2222-3333-444444444444%22%7d
Meeting ID: 372 118 904 551  Passcode: Lq7xTb

Agenda: e-files, automated decision support, AOB.

Kind regards,
Rita Carvalho
GDISC Digitalisation WG chair
Agency for Integration, Migration and Asylum (AIMA)
Avenida António Augusto de Aguiar 20, 1050-016 Lisboa, Portugal
Tel. +351 21 000 00 00
"""
    raw = outlook_headers(name, addr('Ingvild Moe', 'ingvild.moe@udi.no'), 'VS: ' + subj,
                          D('2027-02-16T09:10')) + alt(text, name)
    exp = inv(title=subj, start='2027-03-10T15:00:00+01:00', end='2027-03-10T16:30:00+01:00',
              timezone=None, location='online (Microsoft Teams)', online=True,
              organizer='rita.carvalho@example.com', participant='ingvild.moe@udi.no', forum='GDISC',
              notes="Online-only meeting in CET hosted from Lisbon (signature address is WET, 14:00 local); timezone null; en-US style 'Original Message' header; location is the 'Where: online (Microsoft Teams)' phrase")
    write_case(name, raw, exp)


def n06():
    name = 'n06_swedish_tid_plats_norrkoping'
    subj = 'Inbjudan: Nordiskt möte om mottagning av asylsökande'
    text = """Til registrering. Jeg og Håkon reiser til Norrköping.

Mvh
Lene

Fra: Karin Sjöberg <karin.sjoberg@example.net>
Sendt: onsdag 3. mars 2027 09:12
Til: Lene Hovland <lene.hovland@udi.no>
Emne: Inbjudan: Nordiskt möte om mottagning av asylsökande

Hej Lene!

Välkomna till nordiskt möte om mottagning av asylsökande.

Tid: tisdagen den 13 april 2027 kl. 9.30–15.00
Plats: Migrationsverket, Slottsgatan 82, Norrköping

Lunch serveras kl. 12.00. Anmälan senast den 26 mars.

Med vänliga hälsningar
Karin Sjöberg
Migrationsverket
"""
    raw = outlook_headers(name, addr('Lene Hovland', 'lene.hovland@udi.no'), 'VS: ' + subj,
                          D('2027-03-03T10:20')) + alt(text, name)
    exp = inv(title=subj, start='2027-04-13T09:30:00+02:00', end='2027-04-13T15:00:00+02:00',
              timezone='Europe/Stockholm', location='Migrationsverket, Slottsgatan 82, Norrköping',
              organizer='karin.sjoberg@example.net', participant='lene.hovland@udi.no', forum='NORDIC',
              notes="Swedish free text ('tisdagen den 13 april 2027 kl. 9.30–15.00', Tid/Plats labels); after DST start so +02:00; lunch and registration deadline are distractors")
    write_case(name, raw, exp)


def n07():
    name = 'n07_apple_mail_danish_day_range'
    subj = 'Nordisk seminar om integration og tilbagevenden'
    text = """Til registrering. Programmet kommer senere.

Sendt fra min iPhone

Start på videresendt melding:

Fra: Mette Kjærgaard <mette.kjaergaard@example.net>
Emne: Nordisk seminar om integration og tilbagevenden
Dato: 4. februar 2027 kl. 10:12:45 CET
Til: Bjørn Lie <bjorn.lie@udi.no>

Kære nordiske kolleger

Vi har fornøjelsen at invitere til nordisk seminar om integration og tilbagevenden, som afholdes den 9.–10. september 2027 i København.

Sted: Udlændinge- og Integrationsministeriet, Slotsholmsgade 10, 1216 København K

Tilmelding senest den 15. juni 2027. Det endelige program med tidspunkter udsendes i august.

Med venlig hilsen
Mette Kjærgaard
Udlændinge- og Integrationsministeriet
"""
    html = text2html(text)
    raw = plain_headers(name, addr('Bjørn Lie', 'bjorn.lie@udi.no'), 'Fwd: ' + subj, D('2027-02-04T11:30'),
                        extra=['X-Mailer: iPhone Mail (21E236)'], mid_domain='udi.no') + \
        multipart('alternative', [part('text/plain', text), part('text/html', html)], 'Apple-Mail-5C1A7E2B-90D4-4F1B-9A6E-2C3D4E5F6A7B')
    exp = inv(title=subj, start='2027-09-09', end='2027-09-10',
              timezone='Europe/Copenhagen', location='Udlændinge- og Integrationsministeriet, Slotsholmsgade 10, 1216 København K',
              organizer='mette.kjaergaard@example.net', participant='bjorn.lie@udi.no', forum='NORDIC',
              notes="Apple Mail nb ('Start på videresendt melding:'); Danish range of days without times ('9.–10. september 2027') -> all-day dates, end inclusive; registration deadline distractor")
    write_case(name, raw, exp)


def n08():
    name = 'n08_thunderbird_german_von_bis_uhr'
    subj = 'Einladung: EMN-Fachtagung „Fachkräfteeinwanderung“ am 14. April 2027'
    text = """Til registrering (EMN-arrangement i Tyskland).

Vennlig hilsen
Gunnhild

-------- Weitergeleitete Nachricht --------
Betreff: 	Einladung: EMN-Fachtagung „Fachkräfteeinwanderung“ am 14. April 2027
Datum: 	Mon, 8 Feb 2027 13:27:02 +0100
Von: 	EMN Deutschland <emn-tagung@example.org>
An: 	EMN National Contact Points <emn-ncps@example.org>



Sehr geehrte Damen und Herren,

die deutsche Nationale Kontaktstelle des Europäischen Migrationsnetzwerks lädt Sie herzlich zur EMN-Fachtagung „Fachkräfteeinwanderung“ ein.

Die Tagung findet am Mittwoch, den 14. April 2027, von 9 bis 16 Uhr im Bundesamt für Migration und Flüchtlinge, Frankenstraße 210, 90461 Nürnberg statt.

Wir bitten um Anmeldung bis zum 19. März 2027.

Mit freundlichen Grüßen
EMN Deutschland
"""
    raw = plain_headers(name, addr('Gunnhild Rønning', 'gunnhild.ronning@udi.no'), 'Fwd: ' + subj, D('2027-02-09T08:44'),
                        extra=['User-Agent: Mozilla Thunderbird', 'Content-Language: nb']) + \
        part('text/plain', text, extra='')
    raw = raw.replace('Content-Type: text/plain; charset="utf-8"', 'Content-Type: text/plain; charset="utf-8"; format=flowed', 1)
    exp = inv(title=subj, start='2027-04-14T09:00:00+02:00', end='2027-04-14T16:00:00+02:00',
              timezone='Europe/Berlin', location='Bundesamt für Migration und Flüchtlinge, Frankenstraße 210, 90461 Nürnberg',
              organizer='emn-tagung@example.org', participant='gunnhild.ronning@udi.no', forum='EMN',
              notes="Thunderbird de forward ('Weitergeleitete Nachricht', Betreff/Datum/Von/An table), plain text only; German 'von 9 bis 16 Uhr'; German quotes in subject")
    write_case(name, raw, exp)


def n09():
    name = 'n09_french_14h_17h_win1252'
    subj = 'Invitation – Réunion du comité de pilotage du Processus de Rabat'
    text = """Hi,

Forwarding the invitation from the French co-chair. I’ll attend together with our liaison officer in Paris.

Regards,
Camilla

From: Secrétariat du Processus de Rabat <secretariat-rabat@example.org>
Sent: 12 April 2027 17:02
To: Camilla Strand <camilla.strand@udi.no>
Subject: Invitation – Réunion du comité de pilotage du Processus de Rabat

Madame, Monsieur,

Nous avons l’honneur de vous inviter à la réunion du comité de pilotage du Processus de Rabat, qui se tiendra le jeudi 20 mai 2027 de 14h à 17h.

Lieu : Ministère de l’Intérieur, Place Beauvau, 75008 Paris

Un déjeuner informel sera offert à 12h30. Merci de confirmer votre participation avant le 7 mai.

Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.

Le Secrétariat
"""
    raw = outlook_headers(name, addr('Camilla Strand', 'camilla.strand@udi.no'), 'FW: ' + subj,
                          D('2027-04-13T09:00'), lang='en-GB', cs='windows-1252') + alt(text, name, cs='windows-1252',
                          htmltext=text2html(text).replace('charset=utf-8', 'charset=windows-1252'))
    exp = inv(title=subj, start='2027-05-20T14:00:00+02:00', end='2027-05-20T17:00:00+02:00',
              timezone='Europe/Paris', location='Ministère de l’Intérieur, Place Beauvau, 75008 Paris',
              organizer='secretariat-rabat@example.org', participant='camilla.strand@udi.no', forum='OTHER',
              notes="windows-1252 QP bodies and subject (0x96 dash, 0x92 apostrophe); French 'de 14h à 17h', 'Lieu :'; Rabat Process -> OTHER; lunch and reply date distractors")
    write_case(name, raw, exp)


def n10():
    name = 'n10_owa_html_two_days_brussels_time'
    subj = 'EUAA Network of Reception Authorities – 22-23 June 2027'
    inner = """<div>Dear members of the Network,</div>
<div>&nbsp;</div>
<div>We are pleased to invite you to the plenary meeting of the Network of Reception Authorities, hosted by Fedasil in Brussels.</div>
<div>&nbsp;</div>
<table border="0" cellpadding="0" cellspacing="0">
<tr><td style="padding:2px 8px"><b>Day 1</b></td><td style="padding:2px 8px">Tuesday 22 June 2027, 13:00&#8211;18:00 (Brussels time)</td></tr>
<tr><td style="padding:2px 8px"><b>Day 2</b></td><td style="padding:2px 8px">Wednesday 23 June 2027, 09:00&#8211;13:00 (Brussels time)</td></tr>
<tr><td style="padding:2px 8px"><b>Venue</b></td><td style="padding:2px 8px">Fedasil, Rue des Chartreux&nbsp;19, 1000 Brussels</td></tr>
</table>
<div>&nbsp;</div>
<div>A networking dinner is offered on 22 June at 19:30. Please register before 28 May 2027.</div>
<div>&nbsp;</div>
<div>Kind regards,<br>EUAA Reception Network team</div>
"""
    html = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style type="text/css" style="display:none;"> P {{margin-top:0;margin-bottom:0;}} </style>
</head>
<body dir="ltr">
<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
Til registrering &#8211; jeg deltar begge dagene.</div>
<div class="elementToProof">Vibeke</div>
<div id="appendonsend"></div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>Fra:</b> EUAA Reception Network &lt;reception-network@example.org&gt;<br>
<b>Sendt:</b> torsdag 6. mai 2027 16:30<br>
<b>Til:</b> Vibeke Tangen &lt;vibeke.tangen@udi.no&gt;<br>
<b>Emne:</b> EUAA Network of Reception Authorities &#8211; 22-23 June 2027</font>
<div>&nbsp;</div>
</div>
<div>
{inner}</div>
</body>
</html>
"""
    raw = outlook_headers(name, addr('Vibeke Tangen', 'vibeke.tangen@udi.no'), 'VS: ' + subj,
                          D('2027-05-07T08:05')) + part('text/html', html)
    exp = inv(title=subj, start='2027-06-22T13:00:00+02:00', end='2027-06-23T13:00:00+02:00',
              timezone='Europe/Brussels', location='Fedasil, Rue des Chartreux 19, 1000 Brussels',
              organizer='reception-network@example.org', participant='vibeke.tangen@udi.no', forum='EUAA',
              notes="Outlook on the web, single text/html part with divRplyFwdMsg; two days with different hours in an HTML table ('(Brussels time)', &#8211;, &nbsp;); dinner and registration date distractors")
    write_case(name, raw, exp)


def n11():
    name = 'n11_lotus_notes_eet_athens'
    subj = 'Informal SCIFA meeting, Athens, 4 November 2027'
    text = """----- Videresendt av Per Kristiansen/UDI den 12.10.2027 14:02 -----

Fra:	"SCIFA Presidency Team" <scifa-presidency@example.org>
Til:	"SCIFA delegates" <scifa-delegates@example.org>
Dato:	12.10.2027 12:47
Emne:	Informal SCIFA meeting, Athens, 4 November 2027



Dear SCIFA delegates,

The Hellenic Presidency has the pleasure to invite you to the informal meeting of the Strategic Committee on Immigration, Frontiers and Asylum (SCIFA).

Date: Thursday, 4 November 2027
Time: 09:30 EET - 17:00 EET
Venue: Zappeion Megaron, Vasilissis Olgas Avenue, Athens

Associated Schengen countries are invited to the Mixed Committee session in the afternoon. Transfers from the hotels start at 08:45.

Presidency Team
"""
    raw = plain_headers(name, addr('Per Kristiansen', 'per.kristiansen@udi.no'), 'Fw: ' + subj, D('2027-10-12T14:02'),
                        extra=['X-Mailer: IBM Notes Release 9.0.1FP10 HF197 November 04, 2026',
                               'X-MIMETrack: Serialize by Router on NOTES01/UDI(Release 9.0.1FP10|November 2026) at 12.10.2027 14:02:11'],
                        mid_domain='notes.udi.no') + part('text/plain', text, cs='iso-8859-1')
    exp = inv(title=subj, start='2027-11-04T09:30:00+02:00', end='2027-11-04T17:00:00+02:00',
              timezone='Europe/Athens', location='Zappeion Megaron, Vasilissis Olgas Avenue, Athens',
              organizer='scifa-presidency@example.org', participant='per.kristiansen@udi.no', forum='COUNCIL',
              notes="Lotus Notes forward ('----- Videresendt av ... -----', tab-separated Fra/Til/Dato/Emne); times in EET after DST end (+02:00); transfer time distractor")
    write_case(name, raw, exp)


ALL = [n01, n02, n03, n04, n05, n06, n07, n08, n09, n10, n11]
