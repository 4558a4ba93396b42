"""Group 4 (n22-n26): not invitations."""
from lib import *


def ni(**k):
    base = {f: None for f in FIELDS}
    base.update(kind='not_invitation', online=False, ministry_consultation=False)
    base.update(k)
    return base


def n22():
    name = 'n22_autoreply_to_mailbox'
    text = """Automatic reply / Automatisk svar

Jeg er på reise og deltar på EMN NCP-møtet i Brussel 9.–10. mars 2027. Tilbake på kontoret mandag 15. mars.
Referatet fra forrige møte sender jeg når jeg er tilbake.

I am travelling (EMN NCP meeting, Brussels, 9–10 March 2027) and will be back on 15 March.

Amira Hassan
Utlendingsdirektoratet
"""
    raw = outlook_headers(name, addr('Amira Hassan', 'amira.hassan@udi.no'), 'Automatisk svar: Påminnelse: referat fra EMN NCP-møtet 9. februar',
                          D('2027-03-08T07:01'), extra=['In-Reply-To: <mailbot-reminder-20270308-0700-4411@udi.no>',
                                                         'References: <mailbot-reminder-20270308-0700-4411@udi.no>',
                                                         'Auto-Submitted: auto-replied', 'X-Auto-Response-Suppress: All']) + alt(text, name)
    write_case(name, raw, ni(participant='amira.hassan@udi.no',
               notes="Auto-reply (Auto-Submitted: auto-replied) to a mailbot reminder; mentions meeting dates and Brussels, must not become a meeting"))


def n23():
    name = 'n23_forwarded_referat_nordic'
    text = """Hei INE,

Vedlagt referat fra møtet 3. mars i den nordiske samrådsgruppen, til arkivering i UdiSak. Oppfølgingspunkter er uthevet.

Neste møte blir 2. juni 2027 i Helsingfors; invitasjon kommer fra finnene.

Hilsen
Kari

Fra: Liisa Koskinen <liisa.koskinen@example.net>
Sendt: fredag 5. mars 2027 13:15
Til: Nordic consultation group <nordic-group@example.net>
Emne: Referat / Minutes – Nordic consultation group, 3 March 2027

Dear colleagues,

Please find attached the minutes of our meeting on 3 March 2027 in Oslo. Comments by 19 March, please.

Best regards,
Liisa
"""
    body = alt(text, name)
    raw = outlook_headers(name, addr('Kari Nordby', 'kari.nordby@udi.no'), 'VS: Referat / Minutes – Nordic consultation group, 3 March 2027',
                          D('2027-03-08T10:00')).replace('X-MS-Has-Attach: ', 'X-MS-Has-Attach: yes') + multipart('mixed', [body, attachment(
                              'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Minutes_Nordic_2027-03-03.docx',
                              b'PK\x03\x04\x14\x00\x06\x00fake docx for test corpus')], '_004_GV0P278MBREFERAT0303CHEP278PROD_')
    write_case(name, raw, ni(participant='kari.nordby@udi.no',
               notes="Forwarded minutes of a past meeting ('Vedlagt referat fra møtet 3. mars') with DOCX; next-meeting date and comment deadline are not an invitation"))


def n24():
    name = 'n24_call_for_contributions_deadline'
    subj = 'Call for contributions – EMN Annual Report on Migration and Asylum 2026'
    text = f"""Til info – skal vi svare på denne? Frist 26. februar.

Henrik

---------- Forwarded message ---------
From: EMN Service Provider <emn-arm@example.org>
Date: Mon, 18 Jan 2027 at 09:00
Subject: {subj}
To: <henrik.solheim@udi.no>


Dear National Contact Points,

We invite you to submit your national contributions to the EMN Annual Report on Migration and Asylum 2026.
Deadline: Friday 26 February 2027, 17:00 CET, via the EMN Information Exchange System.

Contributions of up to 3,000 words per section are welcome. The synthesis report will be published in June 2027.

Kind regards,
EMN Service Provider
"""
    raw = gmail_headers(name, addr('Henrik Solheim', 'henrik.solheim@udi.no'), 'Fwd: ' + subj, D('2027-01-18T10:12')) + alt(text, name)
    write_case(name, raw, ni(participant='henrik.solheim@udi.no',
               notes="Forwarded call for contributions with a dated deadline (Friday 26 February 2027, 17:00 CET) but no meeting"))


def n25():
    name = 'n25_forwarded_hotel_booking'
    text = """Til info – hotell for EUAA-reisen i mai.

Sendt fra min iPhone

Start på videresendt melding:

Fra: Hotel Bookings <reservations@example.com>
Emne: Booking confirmation 48213377 – Harbour View Hotel, Valletta
Dato: 2. april 2027 kl. 16:44:10 CEST
Til: Tone Sæbø <tone.saebo@udi.no>

Dear Ms Sæbø,

Thank you for your reservation.

Confirmation number: 48213377
Hotel: Harbour View Hotel, 12 Triq il-Merkanti, Valletta, Malta
Check-in: Monday 10 May 2027 (from 14:00)
Check-out: Wednesday 12 May 2027 (until 11:00)
Room: 1 single room, breakfast included
Total: EUR 318.00

Free cancellation until 7 May 2027, 18:00 local time.
"""
    raw = plain_headers(name, addr('Tone Sæbø', 'tone.saebo@udi.no'), 'Fwd: Booking confirmation 48213377 – Harbour View Hotel, Valletta',
                        D('2027-04-02T17:01'), extra=['X-Mailer: iPhone Mail (21E236)']) + \
        multipart('alternative', [part('text/plain', text), part('text/html', text2html(text))], 'Apple-Mail-8E2D41A0-3C7B-4B5E-A1F2-9D8C7B6A5E4F')
    write_case(name, raw, ni(participant='tone.saebo@udi.no',
               notes="Forwarded hotel booking (Apple Mail nb) with check-in/check-out times and a city; not an invitation"))


def n26():
    name = 'n26_external_sender_direct_invitation'
    subj = 'Invitation – Budapest Process expert meeting on labour migration pathways'
    text = """Dear colleagues at UDI,

ICMPD, as Secretariat of the Budapest Process, has the pleasure to invite your Directorate to an expert meeting on labour migration pathways.

Date: Wednesday 6 October 2027, 10:00–16:30
Venue: ICMPD Headquarters, Gonzagagasse 1, 1010 Vienna

Please nominate one or two experts by 10 September 2027.

Kind regards,
Marta Kowalczyk
Budapest Process Secretariat
"""
    raw = plain_headers(name, addr('Marta Kowalczyk', 'marta.kowalczyk@example.org'), subj, D('2027-08-20T11:00'),
                        to='ine@udi.no', mid_domain='example.org') + alt(text, name)
    write_case(name, raw, ni(participant=None,
               notes="Invitation sent by an external sender straight to ine@udi.no, not forwarded by staff: no UDI participant, so not_invitation with participant null (judgement call)"))


ALL = [n22, n23, n24, n25, n26]
