"""Venues with their country or state, and forwarded header blocks in Danish, Swedish, German
and French."""
from __future__ import annotations

from datetime import datetime

import pytest
from helpers import forward
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from mailbot.parsing import langmodel, language, places


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


def test_the_cached_language_model_answers_as_py3langid_does(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    own = LanguageIdentifier.from_model_file(MODEL_FILE)
    own.set_languages(language.CANDIDATES)
    built = langmodel.identifier(language.CANDIDATES)  # derived, and the cache written
    cached = langmodel.identifier(language.CANDIDATES)
    assert sorted(path.suffix for path in (tmp_path / "mailbot").iterdir()) == [".npy", ".npz"]
    for text in ("Hei, vi er invitert til møte i Brussel neste uke", "Please find the invitation below",
                 "Einladung zur Sitzung der Arbeitsgruppe", "Vi ses på mødet i København"):
        assert cached.classify(text) == built.classify(text) == own.classify(text)


@pytest.mark.parametrize(("venue", "zone"), [
    ("185 Cambridge Street, Floor 3, Example Hospital", None),
    ("Rue de Genève 4, Brussels", "Europe/Brussels"),
    ("Uppsalagatan 3, Stockholm", "Europe/Stockholm"),
    ("Karl Johans gate 1, Oslo", "Europe/Oslo"),
])
def test_a_street_named_after_a_town_is_no_town(venue, zone):
    found = places.find(venue)
    assert (found.zone if found else None) == zone


def test_an_own_vtimezone_is_named_by_a_main_zone_not_a_research_station():
    from zoneinfo import ZoneInfo

    from mailbot.parsing import zones
    assert zones.matching_zone(ZoneInfo("Australia/Sydney"), datetime(2027, 5, 30, 15)) == "Australia/Sydney"
    assert zones.matching_zone(ZoneInfo("America/Detroit"), datetime(2027, 5, 30, 15)) == "America/New_York"
