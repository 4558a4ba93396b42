"""Tolerant calendar reading: damaged calendar parts are repaired, unreadable properties dropped
with a warning naming them, and the rest of the event kept."""
from __future__ import annotations

from datetime import datetime

import pytest

from mailbot.parsing.repair import repair


def forwarded(ics: str, subject: str = "VS: Working Party", body: str = "Se vedlagt.\r\n",
              cte: str = "7bit") -> bytes:
    """A staff member's forward with ``ics`` as a text/calendar part, its bytes written as they
    are under the transfer-encoding label ``cte``."""
    return (f"From: Kari Nordmann <kari.nordmann@udi.no>\r\nTo: ine@udi.no\r\nSubject: {subject}\r\n"
            "Date: Tue, 15 Dec 2026 09:11:00 +0000\r\nMessage-ID: <t1@udi.no>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=BB\r\n\r\n--BB\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"{body}\r\n--BB\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n"
            f"Content-Transfer-Encoding: {cte}\r\n\r\n{ics}\r\n--BB--\r\n").encode()


def vcalendar(*lines: str, method: str = "REQUEST") -> str:
    return "\r\n".join(("BEGIN:VCALENDAR", "VERSION:2.0", f"METHOD:{method}", *lines, "END:VCALENDAR")) + "\r\n"


EVENT = ("BEGIN:VEVENT", "UID:wp-1", "SUMMARY:Working Party on Frontiers",
         "ORGANIZER;CN=GSC:mailto:gsc@consilium.europa.eu", "DTSTART;TZID=Europe/Brussels:20270120T100000")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_an_unreadable_dtend_is_dropped_and_duration_gives_the_end(parser):
    result = parser.parse(forwarded(vcalendar(*EVENT, "DTEND;TZID=Europe/Brussels:20271345T256100", "DURATION:PT2H",
                                              "END:VEVENT")))
    out = result.to_json()
    assert (out["kind"], out["start"]) == ("invitation", "2027-01-20T10:00:00+01:00")
    assert out["end"] == "2027-01-20T12:00:00+01:00"
    assert out["timezone"] == "Europe/Brussels" and out["organizer"] == "gsc@consilium.europa.eu"
    assert any("DTEND" in w and "dropped" in w for w in result.warnings)


def test_an_unreadable_dtend_takes_the_end_the_forwarded_when_line_gives(parser):
    body = ("Se under.\r\n\r\nFra: GSC <gsc@consilium.europa.eu>\r\nSendt: 1. desember 2026 10:00\r\n"
            "Emne: Working Party on Frontiers\r\nNår: onsdag 20. januar 2027 10:00-12:30 (UTC+01:00) Brussel\r\n"
            "Hvor: Justus Lipsius, Brussel\r\n\r\nVelkommen.\r\n")
    out = parser.parse(forwarded(vcalendar(*EVENT, "DTEND:garbage", "END:VEVENT"), body=body)).to_json()
    assert (out["start"], out["end"]) == ("2027-01-20T10:00:00+01:00", "2027-01-20T12:30:00+01:00")


def test_an_unreadable_dtend_without_duration_gives_no_end(parser):
    out = parser.parse(forwarded(vcalendar(*EVENT, "DTEND:garbage", "SEQUENCE:x", "RRULE:FREQ=YEARLY;COUNT=x",
                                           "END:VEVENT"))).to_json()
    assert (out["start"], out["end"]) == ("2027-01-20T10:00:00+01:00", None)
    assert (out["sequence"], out["recurrence"], out["title"]) == (None, None, "Working Party on Frontiers")
    assert any(w.startswith("calendar: SEQUENCE unreadable") for w in out["warnings"])


def test_quoted_printable_residue_in_a_7bit_part_is_decoded(parser):
    """BlackBerry-style: "=" written as =3D and soft line breaks, in a part labelled 7bit."""
    ics = vcalendar("BEGIN:VEVENT", "UID:bb-1", "SUMMARY:Nordic coordination call on the new asy=\r\nlum rules",
                    "DTSTART;TZID=3DEurope/Dublin:20270120T100000", "DTEND;TZID=3DEurope/Dublin:20270120T113000",
                    "RRULE:FREQ=3DYEARLY;COUNT=3D3", "END:VEVENT")
    result = parser.parse(forwarded(ics))
    out = result.to_json()
    assert out["start"] == "2027-01-20T10:00:00+00:00" and out["end"] == "2027-01-20T11:30:00+00:00"
    assert out["recurrence"] == "FREQ=YEARLY;COUNT=3"
    assert out["title"] == "Nordic coordination call on the new asylum rules"
    assert "calendar repaired: quoted-printable residue decoded" in result.warnings


def test_folds_without_leading_space_and_bare_lf_are_joined(parser):
    ics = vcalendar("BEGIN:VEVENT", "UID:fold-1", "ORGANIZER;X-CONFLUENCE-USER-KEY=8a80;CN=Danie",
                    "l Smith:mailto:daniel.smith@example.org", "SUMMARY:EMN Expert Group on Return and",
                    "reintegration", "DTSTART:20270302T090000Z", "DTEND:20270302T150000Z",
                    "END:VEVENT").replace("\r\n", "\n")
    out = parser.parse(forwarded(ics)).to_json()
    assert out["organizer"] == "daniel.smith@example.org"
    assert out["title"] == "EMN Expert Group on Return andreintegration"  # the fold kept no space: nor do we
    assert at(out["start"]) == at("2027-03-02T10:00:00+01:00")


def test_an_organizer_that_is_no_address_is_null(parser):
    out = parser.parse(forwarded(vcalendar("BEGIN:VEVENT", "UID:o-1", "SUMMARY:GDISC",
                                           "ORGANIZER:x-user-key=8a;cn=danie", "DTSTART:20270302T090000Z",
                                           "END:VEVENT"))).to_json()
    assert out["organizer"] is None and out["kind"] == "invitation"


def test_iso_style_dates_are_read(parser):
    out = parser.parse(forwarded(vcalendar("BEGIN:VEVENT", "UID:iso-1", "SUMMARY:IGC full round",
                                           "DTSTART:2027-07-01T125700", "DTEND 2027-07-01T14:00:00",
                                           "LOCATION:Geneva", "END:VEVENT"))).to_json()
    assert out["start"] == "2027-07-01T12:57:00+02:00" and out["end"] == "2027-07-01T14:00:00+02:00"


def test_a_readable_calendar_start_is_never_overridden_by_free_text(parser):
    body = "Fra: GSC\r\nSendt: 1. desember 2026\r\nEmne: Working Party\r\n\r\nMøtet er 5. mai 2027 kl. 09.00-11.00."
    out = parser.parse(forwarded(vcalendar(*EVENT, "DTEND:20270119T000000Z", "END:VEVENT"), body=body)).to_json()
    assert out["start"] == "2027-01-20T10:00:00+01:00"


THREE = ("BEGIN:VEVENT", "UID:a", "SUMMARY:EUAA Asylum Processes Network", "DTSTART:20261201T090000Z", "END:VEVENT",
         "BEGIN:VEVENT", "UID:b", "SUMMARY:EUAA Network of Court and Tribunal Members", "DTSTART:20270310T090000Z",
         "END:VEVENT", "BEGIN:VEVENT", "UID:c", "SUMMARY:EUAA Information and Documentation Network",
         "DTSTART:20270210T090000Z", "END:VEVENT")


def test_of_several_published_events_the_forwarded_subject_picks_one(parser):
    ics = vcalendar(*THREE, method="PUBLISH")
    out = parser.parse(forwarded(ics, subject="VS: EUAA Network of Court and Tribunal Members")).to_json()
    assert (out["ical_uid"], at(out["start"])) == ("b", at("2027-03-10T10:00:00+01:00"))
    assert any("3 events in the calendar; took the one the forwarded text names" in w for w in out["warnings"])


def test_of_several_published_events_without_a_hint_the_earliest_upcoming(parser):
    out = parser.parse(forwarded(vcalendar(*THREE, method="PUBLISH"), subject="VS: EUAA meetings")).to_json()
    assert out["ical_uid"] == "c"  # the mail is from 15 December 2026: 1 December is past
    assert any("took the earliest upcoming" in w for w in out["warnings"])


def test_repair_leaves_a_sound_calendar_alone():
    ics = vcalendar(*EVENT, "UID:base64==", "END:VEVENT").encode()
    assert repair(ics) == (ics, [])


def test_repair_says_what_it_did():
    data, warnings = repair(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2027-01-20\nEND:VEVENT\nEND:VCALENDAR\n")
    assert b"DTSTART:20270120\r\n" in data
    assert warnings == ["calendar repaired: line ends other than CRLF",
                        "calendar repaired: ISO 8601 extended dates in DTSTART"]


def test_of_several_published_events_the_day_the_forward_names(parser):
    body = "Fra: EUAA\r\nSendt: 1. desember 2026\r\nEmne: Nettverksmøter\r\n\r\nJeg deltar på møtet 10. mars 2027."
    out = parser.parse(forwarded(vcalendar(*THREE, method="PUBLISH"), subject="VS: EUAA meetings", body=body)).to_json()
    assert out["ical_uid"] == "b"
    assert any("took the one on the day the forwarded text names" in w for w in out["warnings"])


def test_empty_parameters_and_a_spaced_recurrence_rule_are_repaired(parser):
    event = ("BEGIN:VEVENT", "UID:wp-2", "SUMMARY:Working Party on Frontiers",
             "DTSTART;;TZID=Europe/Brussels:20270120T100000", "DTEND;TZID=Europe/Brussels;:20270120T120000",
             "RRULE:FREQ=WEEKLY;UNTIL=20270317T090000Z;BYDAY=WE, TH", "END:VEVENT")
    result = parser.parse(forwarded(vcalendar(*event)))
    out = result.to_json()
    assert (out["start"], out["end"]) == ("2027-01-20T10:00:00+01:00", "2027-01-20T12:00:00+01:00")
    assert set(out["recurrence"].split(";")) == {"FREQ=WEEKLY", "UNTIL=20270317T090000Z", "BYDAY=WE,TH"}
    assert "calendar repaired: empty parameters, spaces in a recurrence rule" in result.warnings


def test_a_second_dtstart_is_dropped_and_the_first_counts(parser):
    result = parser.parse(forwarded(vcalendar(*EVENT, "DTSTART;TZID=Europe/Brussels:20270120T120000",
                                              "END:VEVENT")))
    assert result.to_json()["start"] == "2027-01-20T10:00:00+01:00"
    assert any("DTSTART (a second one) repeated" in w for w in result.warnings)


def test_ends_as_rfc_5545_gives_them(parser):
    """§3.6.1: no DTEND and no DURATION: a timed event ends when it starts; a DTEND equal to DTSTART
    is such an end too; only a DTEND that cannot be read leaves the end unknown (null)."""
    start = "2027-01-20T10:00:00+01:00"
    assert parser.parse(forwarded(vcalendar(*EVENT, "END:VEVENT"))).to_json()["end"] == start
    same = parser.parse(forwarded(vcalendar(*EVENT, "DTEND;TZID=Europe/Brussels:20270120T100000", "END:VEVENT")))
    assert same.to_json()["end"] == start
    unreadable = parser.parse(forwarded(vcalendar(*EVENT, "DTEND:2027-01-2", "END:VEVENT")))
    assert unreadable.to_json()["end"] is None and unreadable.sources.end is None


def test_an_all_day_event_with_a_timed_end_runs_to_that_day(parser):
    event = ("BEGIN:VEVENT", "UID:wp-3", "SUMMARY:EMN Annual Conference", "DTSTART;VALUE=DATE:20270524",
             "DTEND:20270527T000000Z", "LOCATION:Valletta", "END:VEVENT")
    out = parser.parse(forwarded(vcalendar(*event))).to_json()
    assert (out["start"], out["end"], out["timezone"]) == ("2027-05-24", "2027-05-26", "Europe/Malta")


def test_floating_times_take_the_calendar_s_x_wr_timezone(parser):
    event = ("BEGIN:VEVENT", "UID:wp-4", "SUMMARY:Roundtable on resettlement", "DTSTART:20270913T090000",
             "DTEND:20270913T113000", "END:VEVENT")
    out = parser.parse(forwarded(vcalendar("X-WR-TIMEZONE:America/Toronto", *event, method="PUBLISH"))).to_json()
    assert (out["start"], out["end"]) == ("2027-09-13T09:00:00-04:00", "2027-09-13T11:30:00-04:00")


def test_a_calendar_system_s_automatic_invitation_is_read_but_a_bounce_is_not(parser):
    """Calendar systems send invitations as Auto-Submitted: auto-generated (RFC 3834): the parse
    reads the invitation (mailbot's guards still never answer automatic mail); an auto-reply or a
    delivery report that carries the invitation stays automatic."""
    raw = forwarded(vcalendar(*EVENT, "DTEND;TZID=Europe/Brussels:20270120T120000", "END:VEVENT"))
    generated = parser.parse(b"Auto-Submitted: auto-generated\r\n" + raw)
    assert (generated.kind.value, generated.to_json()["start"]) == ("invitation", "2027-01-20T10:00:00+01:00")
    assert any(w.startswith("automatic mail (Auto-Submitted: auto-generated)") for w in generated.warnings)
    replied = parser.parse(b"Auto-Submitted: auto-replied\r\n" + raw)
    assert (replied.kind.value, replied.reason) == ("not_invitation", "automatic")
    text_only = parser.parse(b"Auto-Submitted: auto-generated\r\n" + forwarded(vcalendar(method="PUBLISH")))
    assert text_only.reason == "automatic"


def test_sent_dates_of_a_forwarded_header_block_are_no_meeting_times(parser):
    body = ("Zur Info.\r\n\r\nVon: Sekretariat <sek@example.org>\r\nGesendet: Montag, 18. Januar 2027 13:17\r\n"
            "Betreff: Arbeitstreffen\r\nDate: Wed, 20 Jan 2027 10:54:15 +0000\r\n\r\n"
            "Das Arbeitstreffen findet am 3. Februar 2027 von 14:00 bis 16:00 in Wien statt.\r\n")
    out = parser.parse(forwarded(vcalendar(method="PUBLISH"), body=body)).to_json()
    assert (out["start"], out["end"]) == ("2027-02-03T14:00:00+01:00", "2027-02-03T16:00:00+01:00")


def test_times_written_in_utc_name_no_venue_zone(parser):
    """A calendar in UTC (Z) with no place mailbot knows: the venue's zone is not known, so the
    meeting is shown in Oslo time only, never labelled as UTC local time."""
    event = ("BEGIN:VEVENT", "UID:wp-5", "SUMMARY:Steering group", "DTSTART:20270120T090000Z",
             "DTEND:20270120T100000Z", "LOCATION:Room 4", "END:VEVENT")
    out = parser.parse(forwarded(vcalendar(*event))).to_json()
    assert (out["start"], out["timezone"]) == ("2027-01-20T10:00:00+01:00", None)


def test_a_truncated_calendar_is_closed_and_read(parser):
    cut = vcalendar(*EVENT, "DTEND;TZID=Europe/Brussels:20270120T120000").replace("END:VCALENDAR\r\n", "")
    result = parser.parse(forwarded(cut))
    assert (result.to_json()["start"], result.meeting.ical_uid) == ("2027-01-20T10:00:00+01:00", "wp-1")
    assert "calendar repaired: truncated, VEVENT, VCALENDAR closed" in result.warnings


def test_of_several_events_the_forwarder_s_note_picks_one_by_its_own_words(parser):
    sessions = []
    for uid, summary, hour in (("s1", "Return Forum 2027 - Plenary", "09"), ("s2", "Return Forum 2027 - Session B: "
                               "voluntary departure", "11"), ("s3", "Return Forum 2027 - Session C: detention", "14")):
        sessions += ["BEGIN:VEVENT", f"UID:{uid}", f"SUMMARY:{summary}",
                     f"DTSTART;TZID=Europe/Brussels:20270120T{hour}0000",
                     f"DTEND;TZID=Europe/Brussels:20270120T{hour}4500", "END:VEVENT"]
    note = "Jeg er bare med på sesjon B om frivillig retur (voluntary departure).\r\n"
    result = parser.parse(forwarded(vcalendar(*sessions, method="PUBLISH"), body=note,
                                    subject="VS: Return Forum 2027 - programme"))
    assert (result.meeting.ical_uid, result.to_json()["start"]) == ("s2", "2027-01-20T11:00:00+01:00")
    assert any("the one the forwarder's note points at" in w for w in result.warnings)


def test_a_parameter_list_folded_after_its_semicolon_is_left_alone(parser):
    event = ("BEGIN:VEVENT", "UID:wp-6", "SUMMARY:Working Party on Frontiers", "ORGANIZER;CN=GSC;",
             " EMAIL=gsc@consilium.europa.eu:mailto:gsc@consilium.europa.eu",
             "DTSTART;TZID=Europe/Brussels:20270120T100000", "END:VEVENT")
    result = parser.parse(forwarded(vcalendar(*event)))
    assert result.meeting.organizer == "gsc@consilium.europa.eu"
    assert not any("repaired: empty parameters" in w for w in result.warnings)


def test_a_floating_recurrence_id_is_read_in_the_zone_of_the_floating_start(parser):
    event = ("BEGIN:VEVENT", "UID:wp-7", "SUMMARY:Working Party on Frontiers", "SEQUENCE:1",
             "DTSTART:20270203T140000", "DTEND:20270203T160000", "RECURRENCE-ID:20270203T100000",
             "LOCATION:Brussels", "END:VEVENT")
    parsed = parser.parse(forwarded(vcalendar(*event)))
    assert parsed.to_json()["start"] == "2027-02-03T14:00:00+01:00"
    assert parsed.occurrence == at("2027-02-03T10:00:00+01:00")  # the same wall clock as the start


def test_an_alarm_or_a_zone_definition_icalendar_refuses_does_not_cost_the_meeting(parser):
    alarm = ("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT-2H", "END:VALARM")
    result = parser.parse(forwarded(vcalendar(*EVENT, "DTEND;TZID=Europe/Brussels:20270120T120000", *alarm,
                                              "END:VEVENT")))
    assert result.to_json()["start"] == "2027-01-20T10:00:00+01:00"
    assert any("read again without VALARM" in w for w in result.warnings)
    zone = ("BEGIN:VTIMEZONE", "TZID:Europe/Brussels", "BEGIN:STANDARD", "DTSTART:18930501T000000",
            "TZOFFSETFROM:+5328", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE")
    result = parser.parse(forwarded(vcalendar(*zone, *EVENT, "END:VEVENT")))
    assert (result.to_json()["start"], result.meeting.timezone) == ("2027-01-20T10:00:00+01:00", "Europe/Brussels")
    assert any("read again without VTIMEZONE" in w for w in result.warnings)


@pytest.mark.parametrize(("tzid", "offset"), [("FLE", "+02:00"), ("Pacific Time (US & Canada),Tijuana", "-08:00"),
                                              ("W. Europe", "+01:00")])
def test_short_and_old_windows_zone_names_are_known(parser, tzid, offset):
    event = ("BEGIN:VEVENT", "UID:wp-8", "SUMMARY:Call", f"DTSTART;TZID=\"{tzid}\":20270120T100000", "END:VEVENT")
    assert parser.parse(forwarded(vcalendar(*event))).to_json()["start"] == f"2027-01-20T10:00:00{offset}"


def test_a_latin_1_calendar_and_a_stray_t_are_read(parser):
    ics = vcalendar("BEGIN:VEVENT", "UID:wp-9", "SUMMARY:Møte om mottak", "DTSTART:20270120T100000T",
                    "DTEND:20270120T120000", "END:VEVENT").encode("latin-1")
    result = parser.parse(ics)
    assert (result.meeting.title, result.to_json()["start"]) == ("Møte om mottak", "2027-01-20T10:00:00+01:00")
    assert "calendar repaired: not UTF-8, read as Windows-1252" in result.warnings


def test_a_bare_vevent_file_is_read_as_a_calendar(parser):
    vevent = "\r\n".join((*EVENT, "DTEND;TZID=Europe/Brussels:20270120T120000", "END:VEVENT")).encode()
    for raw in (vevent, b"\r\n" + vevent):
        assert parser.parse(raw).to_json()["start"] == "2027-01-20T10:00:00+01:00"


def test_a_calendar_system_s_no_reply_invitation_is_read_but_not_a_mailer_daemon_s(parser):
    raw = forwarded(vcalendar(*EVENT, "DTEND;TZID=Europe/Brussels:20270120T120000", "END:VEVENT"))
    assert parser.parse(b"Return-Path: <do-not-reply@calendar.example.com>\r\n" + raw).kind.value == "invitation"
    bounced = parser.parse(b"Return-Path: <MAILER-DAEMON@example.com>\r\n" + raw)
    assert (bounced.kind.value, bounced.reason) == ("not_invitation", "automatic")


def test_two_rrules_keep_the_first_and_a_date_with_a_tzid_stays_a_day(parser):
    event = ("BEGIN:VEVENT", "UID:wp-10", "SUMMARY:Nordic call", "DTSTART;TZID=Europe/Oslo:20270301T100000",
             "DTEND;TZID=Europe/Oslo:20270301T110000", "RRULE:FREQ=WEEKLY;COUNT=4", "RRULE:FREQ=MONTHLY;COUNT=2",
             "END:VEVENT")
    result = parser.parse(forwarded(vcalendar(*event)))
    assert result.meeting.recurrence == "FREQ=WEEKLY;COUNT=4"
    assert any("RRULE (a second one) repeated" in w for w in result.warnings)
    day = ("BEGIN:VEVENT", "UID:wp-11", "SUMMARY:Nordic day", "DTSTART;TZID=Europe/Oslo;VALUE=DATE:20270714",
           "DTEND;VALUE=DATE:20270716", "END:VEVENT")
    out = parser.parse(forwarded(vcalendar(*day))).to_json()
    assert (out["start"], out["end"], out["all_day"]) == ("2027-07-14", "2027-07-15", True)


def test_of_two_copies_of_one_meeting_the_higher_sequence_counts(parser):
    copies = []
    for sequence, hour in ((2, "11"), (0, "09")):
        copies += ["BEGIN:VEVENT", "UID:wp-12", f"SEQUENCE:{sequence}", f"SUMMARY:Working Party v{sequence}",
                   f"DTSTART;TZID=Europe/Brussels:20270120T{hour}0000", "END:VEVENT"]
    result = parser.parse(forwarded(vcalendar(*copies)))
    assert (result.meeting.title, result.meeting.sequence) == ("Working Party v2", 2)
    assert result.to_json()["start"] == "2027-01-20T11:00:00+01:00"


def test_a_mistyped_end_a_quoted_organizer_and_no_summary(parser):
    ics = vcalendar("BEGIN:VEVENT", "UID:wp-13", 'ORGANIZER;CN=GSC:"mailto:gsc@consilium.europa.eu"',
                    "DTSTART;TZID=Europe/Brussels:20270120T100000", "END:VEVENT").replace("END:VCALENDAR",
                                                                                           "END:VCALENDARD")
    result = parser.parse(ics.encode())
    out = result.to_json()
    assert (out["start"], out["organizer"], out["title"]) == ("2027-01-20T10:00:00+01:00",
                                                              "gsc@consilium.europa.eu", None)
    assert "calendar repaired: 1 mistyped END line(s)" in result.warnings


def test_value_date_with_a_time_keeps_the_time(parser):
    event = ("BEGIN:VEVENT", "UID:wp-14", "SUMMARY:Festival", "DTSTART;VALUE=DATE:20270804T120000",
             "DTEND;VALUE=DATE:20270804T140000", "END:VEVENT")
    assert parser.parse(forwarded(vcalendar(*event))).to_json()["start"] == "2027-08-04T12:00:00+02:00"


def test_several_vcalendars_a_name_folded_alone_and_a_bad_free_busy_period(parser):
    one = vcalendar(*EVENT, "DTEND;TZID=Europe/Brussels:20270120T120000", "END:VEVENT")
    two = vcalendar("BEGIN:VEVENT", "UID:wp-15", "SUMMARY:Later", "DTSTART;TZID=Europe/Brussels:20270220T100000",
                    "END:VEVENT")
    assert parser.parse(forwarded(one + two)).meeting.ical_uid == "wp-1"
    folded = one.replace("METHOD:REQUEST", "METHOD\r\n :REQUEST").replace("SUMMARY:Working", "SUMMARY\r\n :Working")
    result = parser.parse(forwarded(folded))
    assert (result.meeting.title, result.kind.value) == ("Working Party on Frontiers", "invitation")
    busy = one.replace("END:VCALENDAR", "BEGIN:VFREEBUSY\r\nFREEBUSY:20270120T120000Z/20270120T100000Z\r\n"
                                        "END:VFREEBUSY\r\nEND:VCALENDAR")
    assert parser.parse(forwarded(busy)).to_json()["start"] == "2027-01-20T10:00:00+01:00"


def test_a_cancelled_occurrence_without_dtstart_starts_at_its_recurrence_id(parser):
    event = ("BEGIN:VEVENT", "UID:wp-16", "SEQUENCE:1", "STATUS:CANCELLED",
             "RECURRENCE-ID;TZID=Europe/Brussels:20270203T100000", "END:VEVENT")
    parsed = parser.parse(forwarded(vcalendar(*event, method="CANCEL")))
    assert (parsed.kind.value, parsed.to_json()["start"]) == ("cancellation", "2027-02-03T10:00:00+01:00")
    assert parsed.occurrence == at("2027-02-03T10:00:00+01:00")
