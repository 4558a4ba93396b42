"""Group 3: places and zones (state/country qualifiers, shared city names, online-only, hybrid,
venue only in a sentence)."""
from common import *


def k19():
    staff = ("Amira Hassan", "amira.hassan@udi.no")
    body = """Dear colleagues,

We are delighted to invite you to our transatlantic workshop on quality in asylum adjudication.

Date: Tuesday, April 20, 2027
Time: 9:00 AM – 4:30 PM
Venue: Kendall Center for Refugee Studies, 1 Main Street, Cambridge, MA 02142

Participants joining from Europe should note that the workshop follows local time. A networking dinner is planned for 6:30 PM.

Best,
Dr. Rachel Moore
Kendall Center for Refugee Studies"""
    eml = gmail_fwd("k19", staff, "Fwd: Transatlantic workshop on quality in asylum adjudication",
                    "Thu, 4 Mar 2027 13:05:09 +0000",
                    "Hei INE, til registrering. Jeg er invitert som innleder.\n\nAmira",
                    "Rachel Moore <workshop@refugee-studies.example.org>", "Wed, Mar 3, 2027 at 9:41 PM",
                    "Transatlantic workshop on quality in asylum adjudication", "Amira Hassan <amira.hassan@udi.no>", body)
    exp = expected(title="Transatlantic workshop on quality in asylum adjudication", start="2027-04-20T09:00:00-04:00",
                   end="2027-04-20T16:30:00-04:00", timezone="America/New_York",
                   location="Kendall Center for Refugee Studies, 1 Main Street, Cambridge, MA 02142",
                   organizer="workshop@refugee-studies.example.org", participant="amira.hassan@udi.no", forum="OTHER",
                   notes="'Cambridge, MA' is Massachusetts (America/New_York, EDT -04:00), not Cambridge UK; US 12-hour times; dinner 6:30 PM is a distractor")
    return "k19_cambridge_ma_us", eml, exp


def k20():
    staff = ("Magnus Aune", "magnus.aune@udi.no")
    text = """Hei INE,

Til registrering. Jeg reiser til Portland for UDI.

Magnus

From: IGC Secretariat <secretariat@igc.example.org>
Sent: Tuesday, 16 March 2027 17:20
To: IGC Technology Working Group
Subject: IGC Working Group on Technology – Portland, Oregon, 12 May 2027

Dear colleagues,

The United States, as IGC Chair, is pleased to host the spring meeting of the IGC Working Group on Technology.

When: Wednesday, May 12, 2027, 8:30 a.m. to 5:00 p.m.
Where: Oregon Convention Center, 777 NE Martin Luther King Jr Blvd, Portland, Oregon

A site visit to the port of entry is planned for the following morning (May 13).

Best regards,
IGC Secretariat
"""
    eml = outlook_fwd("k20", staff, "VS: IGC Working Group on Technology – Portland, Oregon, 12 May 2027",
                      "Wed, 17 Mar 2027 07:50:00 +0000", text, labels=NB_LABELS + EN_LABELS)
    exp = expected(title="IGC Working Group on Technology – Portland, Oregon, 12 May 2027", start="2027-05-12T08:30:00-07:00",
                   end="2027-05-12T17:00:00-07:00", timezone="America/Los_Angeles",
                   location="Oregon Convention Center, 777 NE Martin Luther King Jr Blvd, Portland, Oregon",
                   organizer="secretariat@igc.example.org", participant="magnus.aune@udi.no", forum="IGC",
                   notes="'Portland, Oregon' -> America/Los_Angeles (PDT -07:00), not Portland, Maine; 'When:/Where:' lines inside free text (not an Outlook block); a.m./p.m. times; site visit next day is a distractor")
    return "k20_portland_oregon", eml, exp


def k21():
    staff = ("Torbjørn Vik", "torbjorn.vik@udi.no")
    body = """Dear delegates,

On behalf of the Lithuanian Presidency of the Council of the European Union, we have the honour to invite you to the informal meeting of the Working Party on Integration, Migration and Expulsion (Mixed Committee).

Tuesday, 14 September 2027, 09:00–17:30
Lithuanian Exhibition and Congress Centre LITEXPO, Laisvės pr. 5, Vilnius, Lithuania

Arrival of delegations is expected on 13 September. Please register by 20 August 2027.

Yours sincerely,
Lithuanian Presidency team"""
    eml = apple_fwd("k21", staff, "Fwd: Informal meeting of the IMEX Working Party (Mixed Committee), Vilnius",
                    "Mon, 2 Aug 2027 09:31:40 +0200",
                    "Til registrering. Jeg reiser.\n\nTorbjørn",
                    "Lithuanian Presidency <presidency.imex@vrm.example.org>",
                    "Informal meeting of the IMEX Working Party (Mixed Committee), Vilnius", "30 July 2027 at 11:12:02 CEST",
                    "Torbjørn Vik <torbjorn.vik@udi.no>", body)
    exp = expected(title="Informal meeting of the IMEX Working Party (Mixed Committee), Vilnius",
                   start="2027-09-14T09:00:00+03:00", end="2027-09-14T17:30:00+03:00", timezone="Europe/Vilnius",
                   location="Lithuanian Exhibition and Congress Centre LITEXPO, Laisvės pr. 5, Vilnius, Lithuania",
                   organizer="presidency.imex@vrm.example.org", participant="torbjorn.vik@udi.no", forum="COUNCIL",
                   notes="Apple Mail forward; 'Vilnius, Lithuania' -> Europe/Vilnius (EEST +03:00); Council presidency informal meeting -> COUNCIL; arrival day and deadline are distractors")
    return "k21_vilnius_lithuania_presidency", eml, exp


def k22():
    staff = ("Mette Lunde", "mette.lunde@udi.no")
    fwd = """-------- Forwarded Message --------
Subject: \tResettlement research roundtable - London, Ontario
Date: \tTue, 6 Apr 2027 10:22:15 -0400
From: \tDavid Chen <roundtable@resettlement-lab.example.org>
To: \tMette Lunde <mette.lunde@udi.no>

Dear Ms. Lunde,

Thank you for accepting our invitation. The resettlement research roundtable will be held on Tuesday, June 15, 2027, from 9:00 a.m. to 4:00 p.m. at Western University, Social Science Centre, London, Ontario, Canada.

Please note that London, Ontario is about two hours from Toronto Pearson airport.

Warm regards,
David Chen
Resettlement Research Lab
Phone: +1 519 555 0142
"""
    text = "Hei INE,\n\nJeg deltar på denne (Canada). Registrer gjerne.\n\nMette\n\n\n" + fwd
    part = leaf("text/plain", text, "UTF-8", extra_ct="; format=flowed")
    hs = [("Received", "from [10.22.6.40] (ti0456.udi.no [10.22.6.40])\n by mx.udi.no (Postfix) with ESMTPSA id 4Zs7Kq2\n"
                       " for <ine@udi.no>; Wed, 7 Apr 2027 09:12:00 +0200"),
          ("Message-ID", "<8c1d2e44-7a51-4f0e-9b3c-5d2a61e0f7a2@udi.no>"), ("Date", "Wed, 7 Apr 2027 09:12:00 +0200"),
          ("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "nb"), ("To", INE), ("From", addr(*staff)),
          ("Subject", "Fwd: Resettlement research roundtable - London, Ontario")]
    eml = message(hs, part)
    exp = expected(title="Resettlement research roundtable - London, Ontario", start="2027-06-15T09:00:00-04:00",
                   end="2027-06-15T16:00:00-04:00", timezone="America/Toronto",
                   location="Western University, Social Science Centre, London, Ontario, Canada",
                   organizer="roundtable@resettlement-lab.example.org", participant="mette.lunde@udi.no", forum="OTHER",
                   notes="City name shared with London UK: 'London, Ontario, Canada' -> America/Toronto (EDT -04:00); Thunderbird tab-separated forward header; venue only in a sentence; phone number is a distractor")
    return "k22_london_ontario", eml, exp


def k23():
    staff = ("Lars Fjeldstad", "lars.fjeldstad@udi.no")
    text = """Hei,

Digitalt møte – jeg deltar fra kontoret.

Lars

Fra: EMN Asylum Expert Group <emn-aeg@emn.example.org>
Sendt: onsdag 20. januar 2027 10:15
Til: EMN AEG members
Emne: EMN Asylum Expert Group – online meeting, 11 February 2027

Dear AEG members,

The next meeting of the EMN Asylum Expert Group will be held online.

Date: Thursday 11 February 2027
Time: 11:00–12:30 CET
Location: Online (Zoom)

Join Zoom Meeting
https://example.zoom.us/j/84123456789?pwd=QmR2dEdXc0lBZ3Zz
Meeting ID: 841 2345 6789
Passcode: 551902
One tap mobile: +46850539728,,84123456789#

Kind regards,
EMN Service Provider
"""
    eml = outlook_fwd("k23", staff, "VS: EMN Asylum Expert Group – online meeting, 11 February 2027",
                      "Thu, 21 Jan 2027 08:00:00 +0000", text, labels=NB_LABELS)
    exp = expected(title="EMN Asylum Expert Group – online meeting, 11 February 2027", start="2027-02-11T11:00:00+01:00",
                   end="2027-02-11T12:30:00+01:00", timezone=None, location="Online (Zoom)", online=True,
                   organizer="emn-aeg@emn.example.org", participant="lars.fjeldstad@udi.no", forum="EMN",
                   notes="Online-only Zoom meeting without calendar part: timezone null; Zoom meeting ID, passcode and dial-in number are distractors")
    return "k23_online_only_zoom_emn", eml, exp


def k24():
    staff = ("Ingrid Mæhle", "ingrid.maehle@udi.no")
    text = """Hei INE,

Registrer denne – jeg reiser til Brussel, Eirik følger møtet på Teams.

Ingrid

Fra: Council Secretariat – Asylum <asylum.wp@consilium.example.org>
Sendt: fredag 5. februar 2027 17:02
Til: Delegations
Emne: Asylum Working Party (Mixed Committee) – meeting of 3 March 2027

Delegations are informed that the next meeting of the Asylum Working Party (Mixed Committee) will take place on Wednesday 3 March 2027, starting at 10:00 and ending at 13:00. The meeting will be held at the Council's Justus Lipsius building in Brussels. Delegates who cannot travel may follow the meeting remotely via Microsoft Teams:

Join the meeting now
https://teams.microsoft.com/l/meetup-join/19%3ameeting_Y2M3ZjQ1NWUtOTkzYS00ZGQ1LWI1NjMtNDY3ZDgwMmE3OTk2%40thread.v2/0?context=%7b%22Tid%22%3a%22example%22%7d

Meeting ID: 372 118 405 266
Passcode: xK7dP2

The provisional agenda (CM 1487/27) will be circulated separately.

General Secretariat of the Council
"""
    eml = outlook_fwd("k24", staff, "VS: Asylum Working Party (Mixed Committee) – meeting of 3 March 2027",
                      "Mon, 8 Feb 2027 07:45:00 +0000", text, labels=NB_LABELS)
    exp = expected(title="Asylum Working Party (Mixed Committee) – meeting of 3 March 2027", start="2027-03-03T10:00:00+01:00",
                   end="2027-03-03T13:00:00+01:00", timezone="Europe/Brussels",
                   location="Justus Lipsius building in Brussels", online=True,
                   organizer="asylum.wp@consilium.example.org", participant="ingrid.maehle@udi.no", forum="COUNCIL",
                   notes="Hybrid: venue only in a sentence ('held at the Council's Justus Lipsius building in Brussels') plus a Teams join link -> online true, zone of the venue; document number CM 1487/27 is a distractor")
    return "k24_hybrid_sentence_venue_brussels", eml, exp


CASES_G3 = [k19, k20, k21, k22, k23, k24]
