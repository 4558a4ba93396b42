"""Group 1: invitations without a calendar part (foreign header blocks, free-text dates, all-day ranges,
Exchange Online over IMAP, HTML-only)."""
from common import *


def k01():
    staff = ("Ingrid Mæhle", "ingrid.maehle@udi.no")
    text = """Hei INE,

Jeg deltar på dette møtet i Norrköping. Registrer gjerne.

Mvh
Ingrid

Fra: Karin Lindqvist <karin.lindqvist@migrationsverket.example.org>
Sendt: onsdag 3. mars 2027 15:20
Til: Ingrid Mæhle <ingrid.maehle@udi.no>
Emne: VB: Nordiskt expertmöte om återvändande 2027

Hej Ingrid,

Vidarebefordrar kallelsen som vi pratade om. Välkommen!

/Karin

Från: Nordiskt återvändandenätverk <aterv.natverk@migrationsverket.example.org>
Skickat: den 2 mars 2027 10:41
Till: Nordiskt återvändandenätverk <aterv.natverk@migrationsverket.example.org>
Ämne: Nordiskt expertmöte om återvändande 2027
När: den 15 april 2027 09:30-16:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien.
Var: Migrationsverket, Slottsgatan 82, Norrköping

Hej alla,

Härmed bjuds ni in till årets nordiska expertmöte om återvändande. Vi går igenom erfarenheter av frivilligt återvändande och samarbetet med Frontex.

Anmälan senast den 26 mars till aterv.natverk@migrationsverket.example.org.

Med vänliga hälsningar
Nordiskt återvändandenätverk
Migrationsverket, tel. 0771-235 235
"""
    eml = outlook_fwd("k01", staff, "VS: VB: Nordiskt expertmöte om återvändande 2027", "Thu, 4 Mar 2027 07:55:12 +0000",
                      text, charset="iso-8859-1", labels=NB_LABELS + ("Från:", "Skickat:", "Ämne:", "När:", "Var:"))
    exp = expected(title="Nordiskt expertmöte om återvändande 2027", start="2027-04-15T09:30:00+02:00",
                   end="2027-04-15T16:00:00+02:00", timezone="Europe/Stockholm",
                   location="Migrationsverket, Slottsgatan 82, Norrköping", organizer="aterv.natverk@migrationsverket.example.org",
                   participant="ingrid.maehle@udi.no", forum="NORDIC",
                   notes="Two-level chain: nb-NO block, then Swedish Outlook block (Från/Skickat/Ämne/När/Var); (UTC+01:00) label in April = +02:00; ISO-8859-1 QP; registration deadline 26 mars is a distractor")
    return "k01_sv_nar_var_norrkoping", eml, exp


def k02():
    staff = ("Øystein Haraldsen", "oystein.haraldsen@udi.no")
    text = """Til registrering i INE. Jeg reiser alene.

Øystein

Fra: Mette Kjærgaard <mkj@uim.example.org>
Sendt: fredag 7. mai 2027 09:12
Til: Øystein Haraldsen <oystein.haraldsen@udi.no>
Emne: VS: Nordisk ekspertmøde om Dublin-overførsler

Kære Øystein

Som lovet sender jeg indkaldelsen videre.

Venlig hilsen
Mette

Fra: Udlændingestyrelsen, Dublin-enheden <dublin.netvaerk@us.example.org>
Sendt: 6. maj 2027 14:03
Til: Nordisk Dublin-netværk
Emne: Nordisk ekspertmøde om Dublin-overførsler
Hvornår: 8. juni 2027 10:00-15:00 (UTC+01:00) Bruxelles, København, Madrid, Paris.
Hvor: Udlændingestyrelsen, Farimagsvej 51A, 4700 Næstved

Kære kolleger

Vi har fornøjelsen at invitere til det årlige nordiske ekspertmøde om Dublin-overførsler. Der serveres frokost.

Tilmelding senest 21. maj.

Med venlig hilsen
Udlændingestyrelsen
Tlf. 35 36 66 00
"""
    eml = outlook_fwd("k02", staff, "VS: VS: Nordisk ekspertmøde om Dublin-overførsler", "Mon, 10 May 2027 06:48:30 +0000",
                      text, charset="utf-8", labels=NB_LABELS + ("Hvornår:", "Hvor:"))
    exp = expected(title="Nordisk ekspertmøde om Dublin-overførsler", start="2027-06-08T10:00:00+02:00",
                   end="2027-06-08T15:00:00+02:00", timezone="Europe/Copenhagen",
                   location="Udlændingestyrelsen, Farimagsvej 51A, 4700 Næstved", organizer="dublin.netvaerk@us.example.org",
                   participant="oystein.haraldsen@udi.no", forum="NORDIC",
                   notes="Danish Outlook block (Fra/Sendt/Til/Emne/Hvornår/Hvor) under a Danish VS: forward; Danish date '8. juni 2027'; Næstved -> Copenhagen zone; registration deadline is a distractor")
    return "k02_da_hvornaar_hvor_naestved", eml, exp


def k03():
    staff = ("Lars Fjeldstad", "lars.fjeldstad@udi.no")
    text = """Hei,

jeg drar til Nürnberg på denne. Vennligst registrer.

Lars

Fra: Jana Hoffmann <jana.hoffmann@bamf.example.org>
Sendt: tirsdag 23. mars 2027 16:02
Til: Lars Fjeldstad <lars.fjeldstad@udi.no>
Emne: WG: EMN-Fachtagung Rückkehr und Reintegration

Lieber Herr Fjeldstad,

wie besprochen leite ich Ihnen die Einladung weiter.

Viele Grüße
Jana Hoffmann

Von: EMN Nationale Kontaktstelle Deutschland <emn-kontaktstelle@bamf.example.org>
Gesendet: Montag, 22. März 2027 11:30
An: EMN-Netzwerk
Betreff: EMN-Fachtagung Rückkehr und Reintegration
Wann: Mittwoch, 5. Mai 2027 09:00-17:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien.
Wo: Bundesamt für Migration und Flüchtlinge, Frankenstraße 210, 90461 Nürnberg

Sehr geehrte Damen und Herren,

die Nationale Kontaktstelle des Europäischen Migrationsnetzwerks (EMN) lädt Sie herzlich zur diesjährigen Fachtagung ein. Anmeldeschluss ist der 14. April 2027.

Mit freundlichen Grüßen
EMN Nationale Kontaktstelle Deutschland
Tel. +49 911 943-0
"""
    eml = outlook_fwd("k03", staff, "VS: WG: EMN-Fachtagung Rückkehr und Reintegration", "Wed, 24 Mar 2027 08:05:44 +0000",
                      text, charset="windows-1252", labels=NB_LABELS + ("Von:", "Gesendet:", "An:", "Betreff:", "Wann:", "Wo:"))
    exp = expected(title="EMN-Fachtagung Rückkehr und Reintegration", start="2027-05-05T09:00:00+02:00",
                   end="2027-05-05T17:00:00+02:00", timezone="Europe/Berlin",
                   location="Bundesamt für Migration und Flüchtlinge, Frankenstraße 210, 90461 Nürnberg",
                   organizer="emn-kontaktstelle@bamf.example.org", participant="lars.fjeldstad@udi.no", forum="EMN",
                   notes="German Outlook block (Von/Gesendet/An/Betreff/Wann/Wo) under WG:; windows-1252 QP (ü, ß); (UTC+01:00) label in May = +02:00; Anmeldeschluss is a distractor")
    return "k03_de_wann_wo_nuernberg", eml, exp


def k04():
    staff = ("Amira Hassan", "amira.hassan@udi.no")
    text = """Hei INE,

Til orientering og registrering – jeg deltar fra UDI.

Amira

Fra: Claire Dubois <claire.dubois@interieur.example.org>
Sendt: mandag 17. mai 2027 13:47
Til: Amira Hassan <amira.hassan@udi.no>
Emne: TR: Processus de Rabat – réunion thématique sur le retour et la réadmission

Chère Amira,

Je vous transfère l'invitation, comme convenu.

Bien cordialement,
Claire

De : Secrétariat du Processus de Rabat <secretariat@rabat-process.example.org>
Envoyé : vendredi 14 mai 2027 10:05
À : Points focaux du Processus de Rabat
Objet : Processus de Rabat – réunion thématique sur le retour et la réadmission
Quand : jeudi 10 juin 2027 14:00-17:30 (UTC+01:00) Bruxelles, Copenhague, Madrid, Paris.
Où : OFPRA, 201 rue Carnot, 94120 Fontenay-sous-Bois

Madame, Monsieur,

Nous avons le plaisir de vous inviter à la réunion thématique du Processus de Rabat consacrée au retour et à la réadmission. Merci de confirmer votre participation avant le 31 mai.

Cordialement,
Le Secrétariat
"""
    eml = outlook_fwd("k04", staff, "VS: TR: Processus de Rabat – réunion thématique sur le retour et la réadmission",
                      "Tue, 18 May 2027 07:12:09 +0000", text, charset="utf-8",
                      labels=NB_LABELS + ("De :", "Envoyé :", "À :", "Objet :", "Quand :", "Où :"))
    exp = expected(title="Processus de Rabat – réunion thématique sur le retour et la réadmission",
                   start="2027-06-10T14:00:00+02:00", end="2027-06-10T17:30:00+02:00", timezone="Europe/Paris",
                   location="OFPRA, 201 rue Carnot, 94120 Fontenay-sous-Bois",
                   organizer="secretariat@rabat-process.example.org", participant="amira.hassan@udi.no", forum="OTHER",
                   notes="French Outlook block with space before colon (De :/Envoyé :/Objet :/Quand :/Où :) under TR:; Rabat Process -> OTHER; suburb of Paris")
    return "k04_fr_quand_ou_paris", eml, exp


def k05():
    staff = ("Henrik Bakke", "henrik.bakke@udi.no")
    body = """Dear colleagues,

Europol's European Migrant Smuggling Centre invites national experts on document fraud to a half-day expert meeting.

Tuesday 9 March 2027, 10:00–12:30 CET
Europol headquarters, Eisenhowerlaan 73, The Hague

Security clearance details must reach us by 19 February. Please bring a valid ID for access.

Best regards,
Pieter van Dijk
EMSC Expert Meetings
Europol"""
    eml = gmail_fwd("k05", staff, "Fwd: Expert meeting on document fraud in migrant smuggling cases",
                    "Wed, 10 Feb 2027 12:31:07 +0000",
                    "Hei INE, jeg deltar på dette. Henrik",
                    "Pieter van Dijk <emsc.experts@europol.example.org>", "Tue, 9 Feb 2027 at 16:22",
                    "Expert meeting on document fraud in migrant smuggling cases", "<henrik.bakke@udi.no>", body)
    exp = expected(title="Expert meeting on document fraud in migrant smuggling cases", start="2027-03-09T10:00:00+01:00",
                   end="2027-03-09T12:30:00+01:00", timezone="Europe/Amsterdam",
                   location="Europol headquarters, Eisenhowerlaan 73, The Hague", organizer="emsc.experts@europol.example.org",
                   participant="henrik.bakke@udi.no", forum="OTHER",
                   notes="Gmail forward; English free text 'Tuesday 9 March 2027, 10:00–12:30 CET' (en dash); The Hague -> Europe/Amsterdam; security deadline is a distractor")
    return "k05_en_freetext_cet_hague", eml, exp


def k06():
    staff = ("Sunniva Åsen", "sunniva.asen@udi.no")
    text = """Hei,

Dette gjelder meg og Kristine. Kan dere registrere?

Sunniva

Fra: Kari Vold <kari.vold@jd.example.org>
Sendt: mandag 1. februar 2027 12:10
Til: Sunniva Åsen <sunniva.asen@udi.no>; Kristine Haugland <kristine.haugland@udi.no>
Emne: Nordisk embetsmannsmøte om migrasjon, Helsingfors 9.–10. mars 2027

Hei begge,

Finland er vertskap for årets nordiske embetsmannsmøte om migrasjon, som holdes 9.–10. mars 2027 i Helsingfors. Møtet holdes i Innenriksministeriets lokaler, Kirkkokatu 12, Helsingfors.

Program og praktisk informasjon kommer. Gi meg beskjed om hvem som reiser innen 15. februar.

Hilsen
Kari Vold
seniorrådgiver, Justis- og beredskapsdepartementet
"""
    eml = outlook_fwd("k06", staff, "VS: Nordisk embetsmannsmøte om migrasjon, Helsingfors 9.–10. mars 2027",
                      "Tue, 2 Feb 2027 08:20:00 +0000", text)
    exp = expected(title="Nordisk embetsmannsmøte om migrasjon, Helsingfors 9.–10. mars 2027", start="2027-03-09",
                   end="2027-03-10", timezone="Europe/Helsinki",
                   location="Innenriksministeriets lokaler, Kirkkokatu 12, Helsingfors", organizer="kari.vold@jd.example.org",
                   participant="sunniva.asen@udi.no", forum="NORDIC",
                   notes="Norwegian range of days without times '9.–10. mars 2027' -> all-day, end inclusive; Helsingfors = Helsinki; reply deadline 15 February is a distractor")
    return "k06_no_range_allday_helsingfors", eml, exp


def k07():
    staff = ("Kristine Haugland", "kristine.haugland@udi.no")
    body = """Madame, Monsieur,

Le Point de contact luxembourgeois du Réseau européen des migrations (REM) a le plaisir de vous inviter à sa conférence annuelle, qui se tiendra du 12 au 14 mai 2027 au Centre européen de conférences Luxembourg (ECCL), 4 place de l'Europe, Luxembourg.

Le programme détaillé vous sera communiqué prochainement. Merci de vous inscrire avant le 16 avril 2027.

Veuillez agréer l'expression de nos salutations distinguées.

Point de contact REM Luxembourg"""
    eml = apple_fwd("k07", staff, "Fwd: Invitation : Conférence annuelle du REM 2027", "Fri, 26 Mar 2027 09:14:51 +0100",
                    "Hei! Jeg reiser til Luxembourg på denne. Hilsen Kristine",
                    "Point de contact REM Luxembourg <emn@rem-lu.example.org>",
                    "Invitation : Conférence annuelle du REM 2027", "25 March 2027 at 17:02:11 CET",
                    "Kristine Haugland <kristine.haugland@udi.no>", body)
    exp = expected(title="Invitation : Conférence annuelle du REM 2027", start="2027-05-12", end="2027-05-14",
                   timezone="Europe/Luxembourg",
                   location="Centre européen de conférences Luxembourg (ECCL), 4 place de l'Europe, Luxembourg",
                   organizer="emn@rem-lu.example.org", participant="kristine.haugland@udi.no", forum="EMN",
                   notes="Apple Mail forward; French 'du 12 au 14 mai 2027' without times -> all-day, end inclusive 14 May; REM = EMN in French; 'Invitation :' prefix may stay; registration deadline is a distractor")
    return "k07_fr_du_au_mai_luxembourg", eml, exp


def k08():
    staff = ("Magnus Aune", "magnus.aune@udi.no")
    text = """Hi INE,

Forwarding for registration – I am going to Vienna.

Best,
Magnus

From: Stefan Gruber <stefan.gruber@bfa.example.org>
Sent: Thursday, 8 April 2027 10:55
To: Magnus Aune <magnus.aune@udi.no>
Subject: Einladung: Wiener Migrationsdialog 2027

Sehr geehrter Herr Aune,

im Namen des Bundesamts für Fremdenwesen und Asyl lade ich Sie herzlich zum Wiener Migrationsdialog ein, der vom 1. bis 3. Juni 2027 in Wien stattfindet.

Veranstaltungsort: BFA, Leopold-Moses-Gasse 4, 1020 Wien

Um Rückmeldung bis 30. April wird gebeten.

Mit freundlichen Grüßen
Stefan Gruber
Bundesamt für Fremdenwesen und Asyl
Tel.: +43 1 531 26-0
"""
    eml = outlook_fwd("k08", staff, "FW: Einladung: Wiener Migrationsdialog 2027", "Fri, 9 Apr 2027 06:40:22 +0000", text,
                      lang="en-GB", charset="windows-1252", labels=EN_LABELS)
    exp = expected(title="Einladung: Wiener Migrationsdialog 2027", start="2027-06-01", end="2027-06-03",
                   timezone="Europe/Vienna", location="BFA, Leopold-Moses-Gasse 4, 1020 Wien",
                   organizer="stefan.gruber@bfa.example.org", participant="magnus.aune@udi.no", forum="OTHER",
                   notes="English Outlook forward of a German free-text invitation 'vom 1. bis 3. Juni 2027' without times -> all-day; windows-1252 QP; Wien = Vienna; reply deadline is a distractor")
    return "k08_de_vom_bis_juni_wien", eml, exp


def k09():
    staff = ("Mette Lunde", "mette.lunde@udi.no")
    body = """Hej alla,

Välkomna till nordiskt möte om mottagande av ensamkommande barn den 7-8 april 2027 i Göteborg.

Plats: Hotell Kajen, Packhusplatsen 3, Göteborg

Detaljerat program skickas ut i mars. Vi bjuder på middag första kvällen.

Vänliga hälsningar
Annika Berg
Migrationsverket, Region Väst"""
    eml = gmail_fwd("k09", staff, "Fwd: Nordiskt möte om ensamkommande barn, Göteborg",
                    "Mon, 15 Feb 2027 09:02:40 +0000",
                    "Hei INE,\nvidersender til registrering. Jeg reiser.\n\nMette",
                    "Annika Berg <annika.berg@migrationsverket.example.org>", "Fri, 12 Feb 2027 at 14:18",
                    "Nordiskt möte om ensamkommande barn, Göteborg", "Mette Lunde <mette.lunde@udi.no>", body)
    exp = expected(title="Nordiskt möte om ensamkommande barn, Göteborg", start="2027-04-07", end="2027-04-08",
                   timezone="Europe/Stockholm", location="Hotell Kajen, Packhusplatsen 3, Göteborg",
                   organizer="annika.berg@migrationsverket.example.org", participant="mette.lunde@udi.no", forum="NORDIC",
                   notes="Gmail forward of Swedish free text 'den 7-8 april 2027' (hyphen, no times) -> all-day, end inclusive; 'middag första kvällen' has no time")
    return "k09_sv_den_7_8_april_goteborg", eml, exp


def k10():
    staff = ("Torbjørn Vik", "torbjorn.vik@udi.no")
    text = """Hei INE – til registrering. Jeg deltar.

Torbjørn

From: Sophie Laurent <sophie.laurent@coe.example.org>
Sent: Monday, 15 March 2027 09:41
To: Torbjørn Vik <torbjorn.vik@udi.no>
Subject: Expert consultation on migrant children's access to justice

Dear Mr Vik,

Following our exchange, I confirm the expert consultation on migrant children's access to justice will take place on 14/04/2027 at 14h00, ending at 17h30.

Venue: Council of Europe, Agora building, room G03, Strasbourg.

Please send the names of participants to my colleague by 31/03/2027.

Kind regards,
Sophie Laurent
Council of Europe – Migration and Refugees Division
"""
    eml = outlook_fwd("k10", staff, "VS: Expert consultation on migrant children's access to justice",
                      "Tue, 16 Mar 2027 10:03:11 +0000", text, labels=NB_LABELS + EN_LABELS)
    exp = expected(title="Expert consultation on migrant children's access to justice", start="2027-04-14T14:00:00+02:00",
                   end="2027-04-14T17:30:00+02:00", timezone="Europe/Paris",
                   location="Council of Europe, Agora building, room G03, Strasbourg",
                   organizer="sophie.laurent@coe.example.org", participant="torbjorn.vik@udi.no", forum="OTHER",
                   notes="nb-NO forward with English inner block; date dd/mm/yyyy '14/04/2027 at 14h00' and '17h30'; 31/03/2027 deadline is a distractor; Strasbourg summer time")
    return "k10_en_ddmm_14h00_strasbourg", eml, exp


def k11():
    staff = ("Eirik Sæther", "eirik.saether@udi.no")
    text = """Hei,

Registrer gjerne denne. Jeg møter for UDI.

Eirik

Fra: Hanne Rustad <hanne.rustad@mfa.example.org>
Sendt: torsdag 6. mai 2027 14:31
Til: Eirik Sæther <eirik.saether@udi.no>
Kopi: Kari Vold <kari.vold@jd.example.org>
Emne: EØS-midlene: bilateralt møte med programoperatøren i Litauen

Hei,

Vi inviterer til bilateralt møte med programoperatøren for hjem- og innenriksprogrammet i Litauen.

Tid: 2027-06-02 kl. 09.30 – 15.00
Sted: Utenriksdepartementet, 7. juni-plassen 1, Oslo, møterom 4.12

Programoperatøren deltar fysisk. Innspill til dagsorden sendes innen 21.05.2027.

Vennlig hilsen
Hanne Rustad
seniorrådgiver, seksjon for EØS-midlene
Tlf. 23 95 00 00
"""
    eml = outlook_fwd("k11", staff, "VS: EØS-midlene: bilateralt møte med programoperatøren i Litauen",
                      "Fri, 7 May 2027 07:30:00 +0000", text)
    exp = expected(title="EØS-midlene: bilateralt møte med programoperatøren i Litauen", start="2027-06-02T09:30:00+02:00",
                   end="2027-06-02T15:00:00+02:00", timezone="Europe/Oslo",
                   location="Utenriksdepartementet, 7. juni-plassen 1, Oslo, møterom 4.12",
                   organizer="hanne.rustad@mfa.example.org", participant="eirik.saether@udi.no", forum="EEA_GRANTS",
                   notes="Norwegian ISO date with 'kl. 09.30 – 15.00' (dots in times); meeting in Oslo about Lithuania (Litauen is not the venue); '7. juni-plassen' and 21.05.2027 are distractors")
    return "k11_no_iso_kl_oslo", eml, exp


def k12():
    staff = ("Ingvild Rønning", "ingvild.ronning@udi.no")
    text = """When: Wednesday, 22 September 2027 10:00-16:30 (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna.
Where: eu-LISA Operational Site, 18 rue de la Faisanderie, 67100 Strasbourg, France

Accept <https://outlook.office365.com/owa/meeting/respond?id=AAMkADk2NzQ&action=accept>   Tentative <https://outlook.office365.com/owa/meeting/respond?id=AAMkADk2NzQ&action=tentative>   Decline <https://outlook.office365.com/owa/meeting/respond?id=AAMkADk2NzQ&action=decline>

*~*~*~*~*~*~*~*~*~*

-----Original Appointment-----
From: eu-LISA Advisory Groups <advisory.groups@eulisa.example.org>
Sent: Friday, 20 August 2027 11:02
To: EES AG members
Subject: EES Advisory Group - 82nd meeting
When: Wednesday, 22 September 2027 10:00-16:30 (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna.
Where: eu-LISA Operational Site, 18 rue de la Faisanderie, 67100 Strasbourg, France

Dear members of the EES Advisory Group,

Please find attached the draft agenda of the 82nd meeting. Lunch will be served at 12:30.

Kind regards,
eu-LISA Advisory Groups Secretariat
"""
    extra = (("X-MS-Exchange-Organization-SCL", "-1"), ("Content-Class", "urn:content-classes:calendarmessage"))
    eml = outlook_fwd("k12", staff, "FW: EES Advisory Group - 82nd meeting", "Mon, 23 Aug 2027 07:15:00 +0000", text,
                      lang="en-US", labels=EN_LABELS + ("When:", "Where:"), extra=extra)
    exp = expected(title="EES Advisory Group - 82nd meeting", start="2027-09-22T10:00:00+02:00",
                   end="2027-09-22T16:30:00+02:00", timezone="Europe/Paris",
                   location="eu-LISA Operational Site, 18 rue de la Faisanderie, 67100 Strasbourg, France",
                   organizer="advisory.groups@eulisa.example.org", participant="ingvild.ronning@udi.no", forum="EULISA",
                   notes="Exchange Online meeting forward read over IMAP: no text/calendar, only When/Where text, Accept/Tentative/Decline links (not join links) and '-----Original Appointment-----'; (UTC+01:00) label in September = +02:00")
    return "k12_exchange_imap_no_ics_strasbourg", eml, exp


def k13():
    staff = ("Kristoffer Lie", "kristoffer.lie@udi.no")
    html = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>
</head>
<body dir="ltr">
<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
Hei INE, jeg representerer UDI p&aring; dette m&oslash;tet i Dublin. Hilsen Kristoffer</div>
<div id="appendonsend"></div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>Fra:</b> Irish Presidency SCIFA Team &lt;scifa.presidency@justice-ie.example.org&gt;<br>
<b>Sendt:</b> fredag 19. februar 2027 15:12<br>
<b>Til:</b> SCIFA delegates<br>
<b>Emne:</b> Informal meeting of SCIFA (Mixed Committee) &#8211; Dublin, 18 March 2027</font>
<div>&nbsp;</div>
</div>
<div>
<p>Dear SCIFA delegates,</p>
<p>The Irish Presidency of the Council of the European Union has the pleasure of inviting you to the informal meeting of the Strategic Committee on Immigration, Frontiers and Asylum (SCIFA) in its Mixed Committee format.</p>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><td><b>Date</b></td><td>Thursday&nbsp;18&nbsp;March&nbsp;2027</td></tr>
<tr><td><b>Time</b></td><td>09:30&nbsp;&#8211;&nbsp;17:00 (registration opens at 08:45)</td></tr>
<tr><td><b>Venue</b></td><td>Dublin Castle, Dame Street, Dublin 2</td></tr>
</table>
<p>Please register each delegate by 4 March 2027. A transport shuttle leaves the delegation hotels at 08:15.</p>
<p>Kind regards,<br>SCIFA Team<br>Irish Presidency 2027</p>
</div>
</body>
</html>
"""
    body = leaf("text/html", html, "utf-8")
    hs = outlook_headers(addr(*staff), INE, h("VS: Informal meeting of SCIFA (Mixed Committee) – Dublin, 18 March 2027"),
                         "Mon, 22 Feb 2027 08:44:10 +0000", "Mon, 22 Feb 2027 08:44:10 +0000", "nb-NO", "k13")
    eml = message(hs, body)
    exp = expected(title="Informal meeting of SCIFA (Mixed Committee) – Dublin, 18 March 2027",
                   start="2027-03-18T09:30:00+00:00", end="2027-03-18T17:00:00+00:00", timezone="Europe/Dublin",
                   location="Dublin Castle, Dame Street, Dublin 2", organizer="scifa.presidency@justice-ie.example.org",
                   participant="kristoffer.lie@udi.no", forum="COUNCIL",
                   notes="Outlook on the web, single text/html part, divRplyFwdMsg with Norwegian labels; HTML table with &nbsp;/&#8211;; Dublin is UTC+00:00 on 18 March (Irish summer time starts 28 March); registration 08:45 and shuttle 08:15 are distractors")
    return "k13_owa_html_only_dublin", eml, exp


CASES_G1 = [k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12, k13]
