"""Free text that is or is not an invitation's: travel and hotel bookings are none, the venue in
the sentence of the meeting's time, and the forum when two are named."""
from __future__ import annotations

import pytest
from helpers import forward

from mailbot.config.resources import shipped
from mailbot.parsing import venue
from mailbot.parsing.fora import Fora


@pytest.mark.parametrize(("sentence", "expected"), [
    # a venue set off by a comma, without a preposition
    ("The meeting is on 3 March 2027, 10:00-12:00, Europa building, Rue de la Loi 155, Brussels.",
     "Europa building, Rue de la Loi 155, Brussels"),
    ("Delegations are invited on 3 March 2027 from 14:00 to 16:30 (Brussels time), Justus Lipsius building, "
     "room 50.1, Brussels.", "Justus Lipsius building, room 50.1, Brussels"),
    # an online platform after any preposition: the platform is the meeting's place
    ("Neste møte holdes tirsdag 2. mars 2027 kl. 09.00–11.30 på Teams: https://teams.microsoft.com/l/meetup-join/x",
     "Teams"),
    ("Mötet hålls den 3 mars 2027 kl. 10.00 i Zoom.", "Zoom"),
    ("Das Treffen findet am 3. März 2027 um 10:00 Uhr über Webex statt.", "Webex"),
    ("La réunion aura lieu le 3 mars 2027 à 10h00 sur Zoom.", "Zoom"),
    ("Das Treffen findet am 3. März 2027 um 10:00 Uhr in Wien statt (BMI, Herrengasse 7, 1010 Wien).",
     "Wien (BMI, Herrengasse 7, 1010 Wien)"),
])
def test_a_venue_in_the_sentence_of_the_meeting_time(sentence, expected):
    assert venue.venue_in(sentence, 0) == expected


HEADER = "Til orientering.\n\nFrom: {sender}\nSent: 1 December 2026 10:00\nSubject: {subject}\n\n"


@pytest.mark.parametrize(("subject", "text"), [
    ("Ihre Buchungsbestätigung 4XK2LM",
     "Flug LH 2451 Oslo (OSL) 07:10 – Frankfurt (FRA) 09:25, Dienstag 19. Januar 2027"),
    ("Bokningsbekräftelse",
     "Incheckning onsdag 20 januari 2027 från 15:00\nUtcheckning fredag 22 januari 2027 kl. 11:00"),
    ("Bekreftelse på hotellbestilling", "Innsjekk: 20. januar 2027 fra kl. 15.00\nUtsjekk: 22. januar 2027 kl. 12.00"),
    ("Your e-ticket receipt", "Booking reference ABC123\nFlight SK 4601 Oslo (OSL) 07:10 - Brussels (BRU) 09:25 "
                              "on 19 January 2027"),
    ("Trip to Brussels", "Your booking is confirmed.\nFlight SN 2286 departs 19 January 2027 at 07:10."),
    ("Confirmation of your stay", "Confirmation number: 4471\nArrival: Wednesday 20 January 2027, from 15:00\n"
                                  "Check-out: Friday 22 January 2027 until 12:00"),
])
def test_a_forwarded_travel_or_hotel_booking_is_no_invitation(parser, subject, text):
    """Flight and check-out times are no meeting's, in any of the languages mailbot reads."""
    body = HEADER.format(sender="Example Travel <noreply@travel.example.com>", subject=subject) + text + "\n"
    result = parser.parse(forward(subject=f"VS: {subject}", body=body))
    assert (result.kind.value, result.reason) == ("not_invitation", "booking")


@pytest.mark.parametrize(("subject", "text"), [
    ("Invitation: EMN conference on return", "The conference will take place on 9 March 2027 from 09:00 to 17:00 in "
     "Riga.\nHotel booking: use booking code EMN27 at the Example Hotel; check-out by 12:00 on 10 March.\n"),
    # a subject with no meeting word: the text's own meeting words keep it an invitation
    ("Working Party on Frontiers", "The Working Party will be held on 20 January 2027 at 10:00 in Brussels.\n"
     "Hotel booking: delegates book their own rooms; booking code WPF27; check-out by 12:00.\n"),
])
def test_an_invitation_that_speaks_of_hotel_bookings_stays_an_invitation(parser, subject, text):
    body = HEADER.format(sender="Secretariat <secretariat@example.org>", subject=subject) + text
    assert parser.parse(forward(subject=f"VS: {subject}", body=body)).kind.value == "invitation"


@pytest.mark.parametrize("summary", ["Flight SK 4601 Oslo (OSL) - Brussels (BRU)", "Fly til Brussel",
                                     "Stay at Hotel Example Brussels"])
def test_a_journey_or_a_stay_in_a_calendar_part_is_no_invitation(parser, summary):
    ics = "\r\n".join(("BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:PUBLISH", "BEGIN:VEVENT", "UID:pnr-1",
                       f"SUMMARY:{summary}", "DTSTART:20270119T061000Z",
                       "DTEND:20270119T082500Z", "END:VEVENT", "END:VCALENDAR", ""))
    assert parser.parse(ics.encode()).reason == "booking"


@pytest.mark.parametrize(("title", "organizer_name", "code"), [
    # two fora named as often: the one named first is the host, a region is no forum of its own
    ("Consultation on resettlement 2027", "UNHCR Representation for the Nordic and Baltic Countries", "UNHCR"),
    ("Expert meeting", "EMN Nordic group", "EMN"),
    # the corpus README's forum list: the Nordic-Baltic consultations are UNHCR's
    ("Nordic-Baltic consultation on resettlement", "", "UNHCR"),
    ("Nordic and Baltic consultations 2027", "", "UNHCR"),
    ("Nordisk samrådsgruppe på høyt nivå", "", "NORDIC"),
])
def test_the_forum_named_first_wins_a_tie(title, organizer_name, code):
    fora = Fora.load(shipped("config/fora.toml"))
    assert fora.match(title=title, organizer="secretariat@example.org", organizer_name=organizer_name) == code


@pytest.mark.parametrize("subject", ["VS: Nyhetsbrev fra EMN Norge – mai 2027",
                                     "FW: Reception Network Newsletter 3/2027", "WG: Rundbrief Migration Juni 2027"])
def test_a_forwarded_newsletter_announcing_events_is_no_invitation(parser, subject):
    body = ("Til orientering.\n\nFra: Nyhetsbrev <news@example.org>\nSendt: 3. mai 2027 09:00\nTil: Kari\n"
            f"Emne: {subject.split(': ', 1)[1]}\n\nKommende arrangementer:\n"
            "* 20. mai 2027 kl. 14:00–15:30: webinar om mottak\n* 9.–10. juni 2027: konferanse i Wien\n")
    out = parser.parse(forward(subject=subject, body=body)).to_json()
    assert (out["kind"], out["reason"], out["start"]) == ("not_invitation", "newsletter", None)


def test_a_held_meeting_s_minutes_sent_on_are_no_invitation(parser):
    """The forwarder's words speak of minutes and the quoted meeting time lies before the forward:
    a referat passed on, not an invitation; the same words before a meeting still ahead do not."""
    held = ("Til orientering: her er møtereferatet fra i går.\n\nFra: Sekretariatet <sek@example.org>\n"
            "Sendt: 3. februar 2027 16:00\nTil: Kari\nEmne: Arbeidsmøte om retur\n\n"
            "Tid: 2. februar 2027 kl. 10:00–12:00\nSted: Example Hotel, Riga\n")
    out = parser.parse(forward(subject="VS: Arbeidsmøte om retur", body=held)).to_json()
    assert (out["kind"], out["reason"]) == ("not_invitation", "referat")
    ahead = held.replace("2. februar 2027", "2. mars 2027")
    assert parser.parse(forward(subject="VS: Arbeidsmøte om retur", body=ahead)).to_json()["kind"] == "invitation"


def test_an_online_meeting_without_a_venue_line_is_held_in_its_join_block(parser):
    body = ("Til orientering.\n\nFra: Sekretariatet <sek@example.org>\nSendt: 3. februar 2027 16:00\nTil: Kari\n"
            "Emne: Ekspertgruppe om mottak\n\nThe expert group meets online on 9 March 2027 at 14:00-15:30.\n\n"
            "____\nMicrosoft Teams meeting\nJoin on your computer\n"
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0\n____\n")
    out = parser.parse(forward(subject="VS: Ekspertgruppe om mottak", body=body)).to_json()
    assert (out["location"], out["online"], out["timezone"]) == ("Microsoft Teams meeting", True, None)


@pytest.mark.parametrize("subject", ["VS: EMN Ad-Hoc Query 2027.31 on integration courses", "FW: Questionnaire on "
                                     "reception capacity – deadline 3 May", "VS: Call for contributions – Nordic "
                                     "seminar on return"])
def test_a_forwarded_questionnaire_or_call_for_input_is_no_invitation(parser, subject):
    body = ("Kan noen svare på denne?\n\nFra: Sekretariatet <sek@example.org>\nSendt: 3. mai 2027 09:00\nTil: Kari\n"
            f"Emne: {subject.split(': ', 1)[1]}\n\nPlease reply by 20 May 2027. The answers will be presented at the "
            "network meeting on 14 June 2027 in Brussels.\n")
    out = parser.parse(forward(subject=subject, body=body)).to_json()
    assert (out["kind"], out["reason"]) == ("not_invitation", "query")


def test_a_street_that_begins_like_a_weekday_stays_in_the_venue():
    text = ("The expert meeting will take place on Tuesday 14 September 2027 from 10:00 to 16:00 at the "
            "Secretariat's premises, Rue Montoyer 25, Brussels.")
    assert venue.venue_in(text, 0) == "Secretariat's premises, Rue Montoyer 25, Brussels"


def test_an_unchanged_venue_is_read_from_the_earlier_message(parser):
    body = ("Se under.\n\nFra: Sekretariatet <sek@example.org>\nSendt: 3. mars 2027 10:00\nTil: Kari\n"
            "Emne: RE: Expert meeting on returns\n\nThe meeting moves to Friday 19 March 2027, 10:00-12:00. "
            "The venue remains unchanged.\n\nFrom: Sekretariatet <sek@example.org>\nSent: 1 March 2027 09:00\n"
            "Subject: Expert meeting on returns – 18 March 2027\n\nWe invite you to the expert meeting on "
            "Thursday 18 March 2027, 10:00-12:00, at the Example Conference Centre, Avenue Louise 54, Brussels.\n")
    out = parser.parse(forward(subject="VS: RE: Expert meeting on returns", body=body)).to_json()
    assert (out["start"], out["location"], out["timezone"]) == (
        "2027-03-19T10:00:00+01:00", "Example Conference Centre, Avenue Louise 54, Brussels", "Europe/Brussels")


def test_a_forwarder_who_says_the_ministry_must_be_involved_flags_the_meeting(parser):
    body = ("Hei,\n\nJD må være med på forberedelsene til punkt 2.\n\nFra: Sekretariatet <sek@example.org>\n"
            "Sendt: 3. mars 2027 10:00\nTil: Kari\nEmne: Arbeidsgruppe om retur\n\n"
            "Arbeidsgruppen møtes 19. mars 2027 kl. 10:00-12:00 i Brussel.\n")
    parsed = parser.parse(forward(subject="VS: Arbeidsgruppe om retur", body=body))
    assert [reason.rule for reason in parsed.consultation] == ["ministry_named"]


def test_a_meeting_number_on_a_platform_s_own_host_is_a_join_link():
    from mailbot.parsing import online
    assert online.join_links("Join: https://meet.goto.example.com/418275306") == [
        "https://meet.goto.example.com/418275306"]
    assert online.join_links("Our team pages: https://teams.example.org/about") == []
