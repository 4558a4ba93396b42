"""Meeting times, zones and places read from free text: the forms the corpus meets one case at a time."""
from datetime import date, datetime

import pytest

from mailbot.addresses import robot_address
from mailbot.parsing import places, when, zones

SENT = date(2027, 2, 24)


@pytest.mark.parametrize("text, start, end", [
    # a day and month after a weekday; the weekday settles which number is the day
    ("Møtet er tirsdag 9/3 kl 9-15 i Brussel.", datetime(2027, 3, 9, 9), datetime(2027, 3, 9, 15)),
    ("The meeting is on Tuesday 3/9 from 10:00 to 12:00.", datetime(2027, 3, 9, 10), datetime(2027, 3, 9, 12)),
    ("Date: Wednesday, March 17, 2027\nTime: 9:30 a.m. to 12 noon EST", datetime(2027, 3, 17, 9, 30),
     datetime(2027, 3, 17, 12)),
    # "30" of 17:30 is no day: "17:30 and 23 June" is not 30 June to 23 June
    ("Programme: 22 June 09:30–17:30 and 23 June 09:00–13:00.", datetime(2027, 6, 22, 9, 30),
     datetime(2027, 6, 23, 13)),
    # a programme with a day a clause, the first day's clause naming a reception
    ("Dates: 18–19 May 2027\nProgramme: Day 1 (18 May): 09:00–17:30, followed by a reception at 19:00. "
     "Day 2 (19 May): 09:00–13:00.", datetime(2027, 5, 18, 9), datetime(2027, 5, 19, 13)),
    ("Programme: Monday 31 May, 10:00–17:30; Tuesday 1 June, 09:00–15:00", datetime(2027, 5, 31, 10),
     datetime(2027, 6, 1, 15)),
    # each day's hours on a line of its own; the first day's line goes on about a reception
    ("Dates: 3 and 4 June 2027\nDay 1: 14:00 – 18:00, followed by a dinner at the embassy\nDay 2: 09:00 – 13:00",
     datetime(2027, 6, 3, 14), datetime(2027, 6, 4, 13)),
    # a table rendered as text: the label has no colon
    ("    Date          Thursday 6 May 2027\n    Time          09:30 – 17:00", datetime(2027, 5, 6, 9, 30),
     datetime(2027, 5, 6, 17)),
    # a programme's first item is the start even when it names who speaks ("by"), not a deadline
    ("The working group meets on Friday 7 May 2027 in Tallinn.\nProgramme\n09:00 Opening remarks by the "
     "Presidency\n10:30 Coffee\n10:45 Tour de table\n15:00 Close", datetime(2027, 5, 7, 9), datetime(2027, 5, 7, 15)),
])
def test_times_in_text(text, start, end):
    span = when.find_span(text, SENT)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize("text, first, last", [
    # ranges of days without times in each language; the venue after the date (a hotel) is no distraction
    ("Vi inviterer til nordisk arbeidsmøte 14.–15. april 2027 på Scandic Hotel Example, Bergen.", 14, 15),
    ("Please save the date: the EMN conference will take place on 14-15 April 2027 at the Example Hotel, Riga.",
     14, 15),
    ("Vi bjuder in till nordiskt seminarium den 14–15 april 2027 på Hotell Example, Malmö.", 14, 15),
    # German: the meeting word inside a compound verb ("stattfindet") and an invitation ("Einladung")
    ("Die Fachtagung, die vom 14. bis 15. April 2027 in Graz stattfindet, richtet sich an Praktiker.", 14, 15),
    ("Vi inviterer til nordisk arbejdsmøde d. 14.-15. april 2027 på Hotel Example, Aarhus.", 14, 15),
    ("Das Expertentreffen wird vom 14. bis 15. April 2027 im Hotel Example in Graz abgehalten.", 14, 15),
    ("Le séminaire aura lieu du 14 au 15 avril 2027 à l'hôtel Example, Lyon.", 14, 15),
    # a deadline in the next sentence of the same line is no distraction for this one
    ("Vi inviterer til arbeidsmøte 14.–15. april 2027 i Tromsø. Svarfrist 1. mars.", 14, 15),
    ("Mødet afholdes den 14.-15. april 2027 på Hotel Example, Odense. Tilmelding senest 1. marts 2027.", 14, 15),
])
def test_ranges_of_days_without_times(text, first, last):
    span = when.find_span(text, SENT)
    assert (span.start, span.end) == (date(2027, 4, first), date(2027, 4, last))


def test_a_bare_date_that_speaks_of_no_meeting_is_no_meeting_time():
    assert when.find_span("Comments on the draft agenda are welcome until 24 March 2027.", SENT) is None
    assert when.find_span("We invite you to the meeting on 24 March 2027.", SENT).start == date(2027, 3, 24)
    assert when.find_span("Dinner for the delegations on 24 March 2027 at the Example Hotel.", SENT) is None


@pytest.mark.parametrize("written, venue, expected", [
    ("Europe/London", "Atlantic/Reykjavik", "Atlantic/Reykjavik"),  # "GMT" in Reykjavík
    ("Europe/Brussels", "Europe/Warsaw", "Europe/Warsaw"),  # "CET" in Warsaw
    ("Europe/Brussels", "Europe/Helsinki", "Europe/Brussels"),  # "CET" for Helsinki: Central European times
    ("Etc/GMT-3", "Europe/Riga", "Etc/GMT-3"),  # "UTC+3" is a fixed offset
])
def test_a_written_zone_gives_way_to_the_venue_only_when_both_keep_the_same_standard_time(written, venue, expected):
    assert zones.venue_or_written(written, venue, 2027) == expected


def test_a_room_is_no_town():
    place = places.find("Bundesamt für Migration und Flüchtlinge, Frankenstraße 210, 90461 Nürnberg, Raum E.112")
    assert (place.name, place.zone) == ("Nuremberg", "Europe/Berlin")


def test_an_exchange_system_mailbox_is_a_robot():
    assert robot_address("MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@udi.no")
    assert robot_address("MAILER-DAEMON@udi.no")
    assert not robot_address("kari.nordmann@udi.no")


def test_a_calendar_event_that_ends_before_it_starts_keeps_its_start(parser):
    """A DTEND before DTSTART is damage to one property: it is dropped, the start stays."""
    ics = (b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:broken-1\r\nSUMMARY:Test\r\n"
           b"DTSTART;TZID=Mars/Olympus:20261210T100000\r\nDTEND;TZID=Mars/Olympus:20261209T090000\r\n"
           b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    result = parser.parse(ics)
    assert result.kind.value == "invitation"
    assert (result.to_json()["start"], result.to_json()["end"]) == ("2026-12-10T10:00:00+01:00", None)
    assert result.warnings == (
        "calendar: unknown TZID 'Mars/Olympus' without VTIMEZONE: time read as floating",
        "calendar: DTEND before DTSTART ('2026-12-09 09:00:00'): dropped, the rest of the event kept")


@pytest.mark.parametrize("text, hours", [
    ("The workshop will be held on 4 May 2027 at 10:00 and is expected to last two hours.", 2),
    ("Møtet holdes 4. mai 2027 kl. 10.00 og vil vare i tre timer.", 3),
    ("Die Sitzung beginnt am 4. Mai 2027 um 10:00 Uhr und dauert etwa 1,5 Stunden.", 1.5),
    ("The call on 4 May 2027 starts at 10:00 (duration: 90 minutes).", 1.5),
])
def test_a_stated_length_gives_the_end(text, hours):
    span = when.find_span(text, SENT)
    assert span.start == datetime(2027, 5, 4, 10) and (span.end - span.start).total_seconds() == hours * 3600


def test_a_day_whose_programme_lies_a_few_lines_below_the_first_joins_it():
    text = ("Programme (local time):\n\nMonday 10 May 2027\n08:30  Registration\n09:30-17:30  Plenary\n\n"
            "Tuesday 11 May 2027\n09:00-13:00  Working groups and conclusions\n")
    span = when.find_span(text, SENT)
    assert (span.start, span.end) == (datetime(2027, 5, 10, 9, 30), datetime(2027, 5, 11, 13))


@pytest.mark.parametrize("text, start, end", [
    ("Die Sitzung findet am 14. April 2027 von 9 bis 16 Uhr in Berlin statt.", datetime(2027, 4, 14, 9),
     datetime(2027, 4, 14, 16)),
    ("La réunion aura lieu le 20 mai 2027 de 14h à 17h à Paris.", datetime(2027, 5, 20, 14), datetime(2027, 5, 20, 17)),
])
def test_bare_hours_with_an_hour_mark_are_times(text, start, end):
    span = when.find_span(text, SENT)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize("text", ["The room holds 9 to 16 people.", "Allow 2 to 3 hrs for the visit."])
def test_bare_numbers_without_an_hour_mark_are_no_times(text):
    from mailbot.parsing.textdates import times_in
    assert times_in(text) == []
