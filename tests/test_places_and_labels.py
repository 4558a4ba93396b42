"""Venues with their country or state, forwarded header blocks in Danish, Swedish, German
and French, and travel bookings that are no invitations."""
from __future__ import annotations

from datetime import datetime

import pytest
from helpers import forward

from mailbot.parsing import places, venue


@pytest.mark.parametrize(("text", "zone"), [
    ("Harvard Kennedy School, Cambridge, MA", "America/New_York"),
    ("Cambridge, MA 02138", "America/New_York"),
    ("Cambridge, United Kingdom", "Europe/London"),
    ("Vilnius, Lithuania", "Europe/Vilnius"),
    ("Portland, OR", "America/Los_Angeles"),
])
def test_a_venue_with_its_state_or_country(text, zone):
    place = places.find(text)
    assert place is not None and place.zone == zone


def test_a_town_not_known_in_the_state_it_names_gives_no_zone():
    """Better no local time than the wrong one: "Cambridge, MD" is not the English Cambridge."""
    place = places.find("Conference room, Smallville, KS")
    assert place is None or place.zone.startswith("America/")


BLOCKS = {
    "da": "Fra: Udlændingestyrelsen <nordic@us.example.dk>\nSendt: 1. december 2026 10:00\nEmne: Nordisk møde\n"
          "Hvornår: onsdag 20. januar 2027 10:00-12:00\nHvor: København\n",
    "sv": "Från: Migrationsverket <nordic@migrationsverket.example.se>\nSkickat: den 1 december 2026 10:00\n"
          "Ämne: Nordiskt möte\nNär: onsdag 20 januari 2027 10:00-12:00\nPlats: Stockholm\n",
    "de": "Von: BAMF <gdisc@bamf.example.de>\nGesendet: Dienstag, 1. Dezember 2026 10:00\nBetreff: GDISC Treffen\n"
          "Wann: Mittwoch, 20. Januar 2027 10:00-12:00\nWo: Berlin\n",
    "fr": "De : OFPRA <emn@ofpra.example.fr>\nEnvoyé : mardi 1 décembre 2026 10:00\nObjet : Réunion EMN\n"
          "Quand : mercredi 20 janvier 2027 10:00-12:00\nOù : Paris\n",
}


@pytest.mark.parametrize("language", sorted(BLOCKS))
def test_forwarded_header_blocks_in_nordic_german_and_french(parser, language):
    body = "Til orientering.\n\n" + BLOCKS[language] + "\nVelkommen / Welcome.\n"
    out = parser.parse(forward(subject="VS: møte", body=body)).to_json()
    assert out["kind"] == "invitation"
    assert datetime.fromisoformat(out["start"]) == datetime.fromisoformat("2027-01-20T10:00:00+01:00")
    assert datetime.fromisoformat(out["end"]) == datetime.fromisoformat("2027-01-20T12:00:00+01:00")
    assert out["location"] in ("København", "Stockholm", "Berlin", "Paris")


@pytest.mark.parametrize("sentence", [
    "Møtet holdes 9.–10. mars 2027 i Vilnius.",
    "Das Treffen findet vom 9. bis 10. März 2027 in Berlin statt.",
    "Das Treffen findet am 9. und 10. März 2027 in Berlin statt.",
    "La réunion aura lieu du 9 au 10 mars 2027 à Paris.",
    "La réunion aura lieu les 9 et 10 mars 2027 à Paris.",
    "Mötet äger rum den 9–10 mars 2027 i Stockholm.",
    "Mødet afholdes d. 9.-10. marts 2027 i København.",
])
def test_a_range_of_days_without_times_in_free_text(parser, sentence):
    body = "From: Secretariat <sec@example.eu>\nSent: 1 December 2026\nSubject: Meeting\n\n" + sentence + "\n"
    out = parser.parse(forward(subject="VS: møte", body=body)).to_json()
    assert (out["start"], out["end"], out["all_day"]) == ("2027-03-09", "2027-03-10", True)


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
    from mailbot.config.resources import shipped
    from mailbot.parsing.fora import Fora
    fora = Fora.load(shipped("config/fora.toml"))
    assert fora.match(title=title, organizer="secretariat@example.org", organizer_name=organizer_name) == code
