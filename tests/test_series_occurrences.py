"""One occurrence of a series (RECURRENCE-ID without the master) changes that occurrence only;
a forwarded series keeps its EXDATEs."""
from __future__ import annotations

from datetime import UTC, datetime

from mailbot.model import Folder, Meeting, Occurrence, State
from mailbot.parsing.series import next_occurrence, with_occurrence

SERIES = ("BEGIN:VEVENT", "UID:nordic-series-1", "SEQUENCE:0", "SUMMARY:Nordic coordination call",
          "ORGANIZER:mailto:nordic@migrationsverket.example.se",
          "DTSTART;TZID=Europe/Oslo:20270107T100000", "DTEND;TZID=Europe/Oslo:20270107T110000",
          "RRULE:FREQ=WEEKLY;COUNT=10", "LOCATION:Microsoft Teams", "END:VEVENT")


def occurrence(original: str, start: str = "20270114T100000", end: str = "20270114T110000") -> tuple[str, ...]:
    return ("BEGIN:VEVENT", "UID:nordic-series-1", "SEQUENCE:1", "SUMMARY:Nordic coordination call",
            "ORGANIZER:mailto:nordic@migrationsverket.example.se", f"RECURRENCE-ID;TZID=Europe/Oslo:{original}",
            f"DTSTART;TZID=Europe/Oslo:{start}", f"DTEND;TZID=Europe/Oslo:{end}", "LOCATION:Microsoft Teams",
            "END:VEVENT")


def mail(method: str, *lines: str, message_id: str = "<s1@udi.no>") -> bytes:
    ics = "\r\n".join(("BEGIN:VCALENDAR", "VERSION:2.0", f"METHOD:{method}", *lines, "END:VCALENDAR"))
    return ("From: Kari Nordmann <kari.nordmann@udi.no>\r\nTo: ine@udi.no\r\nSubject: VS: Nordic coordination call\r\n"
            f"Date: Mon, 04 Jan 2027 08:00:00 +0000\r\nMessage-ID: {message_id}\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=BB\r\n\r\n--BB\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Til orientering.\r\n--BB\r\nContent-Type: text/calendar; charset=utf-8; method=" + method + "\r\n\r\n"
            + ics + "\r\n--BB--\r\n").encode()


def test_a_cancelled_occurrence_says_which(parser):
    result = parser.parse(mail("CANCEL", *occurrence("20270114T100000")))
    out = result.to_json()
    assert out["kind"] == "cancellation" and out["recurrence"] is None
    assert result.occurrence == datetime(2027, 1, 14, 9, 0, tzinfo=UTC)
    assert out["occurrence"] == "2027-01-14T09:00:00+00:00"


def test_a_moved_occurrence_has_its_new_times(parser):
    result = parser.parse(mail("REQUEST", *occurrence("20270114T100000", "20270115T130000", "20270115T140000")))
    assert result.occurrence == datetime(2027, 1, 14, 9, 0, tzinfo=UTC)
    assert result.meeting.start == datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


def test_a_series_with_its_exceptions_is_the_series(parser):
    result = parser.parse(mail("REQUEST", *SERIES[:-1], "EXDATE;TZID=Europe/Oslo:20270114T100000,20270121T100000",
                               "END:VEVENT", *occurrence("20270128T100000", "20270129T100000", "20270129T110000")))
    assert result.occurrence is None and result.to_json()["recurrence"] == "FREQ=WEEKLY;COUNT=10"
    assert [e.original for e in result.meeting.exceptions] == [datetime(2027, 1, 14, 9, 0, tzinfo=UTC),
                                                               datetime(2027, 1, 21, 9, 0, tzinfo=UTC)]
    following = next_occurrence(result.meeting, datetime(2027, 1, 8, tzinfo=UTC))
    assert following.start == datetime(2027, 1, 28, 9, 0, tzinfo=UTC)  # 14 and 21 January are out


def test_next_occurrence_takes_a_moved_occurrence_at_its_new_time():
    series = Meeting("Call", datetime(2027, 1, 7, 9, tzinfo=UTC), datetime(2027, 1, 7, 10, tzinfo=UTC),
                     timezone="Europe/Oslo", recurrence="FREQ=WEEKLY;COUNT=10")
    moved = Meeting("Call", datetime(2027, 1, 15, 12, tzinfo=UTC), datetime(2027, 1, 15, 13, tzinfo=UTC))
    after = datetime(2027, 1, 8, tzinfo=UTC)
    changed = with_occurrence(series, datetime(2027, 1, 14, 9, tzinfo=UTC), moved, after)
    assert (changed.start, changed.end) == (moved.start, moved.end)
    assert changed.exceptions == (Occurrence(datetime(2027, 1, 14, 9, tzinfo=UTC), moved.start, moved.end),)
    later = next_occurrence(changed, datetime(2027, 1, 15, 14, tzinfo=UTC))
    assert later.start == datetime(2027, 1, 21, 9, tzinfo=UTC)  # the rule runs on from its own start


def test_one_occurrence_cancelled_or_moved_keeps_the_series_record(bot):
    bot.deliver(mail("REQUEST", *SERIES, message_id="<s1@udi.no>"))
    bot.deliver(mail("CANCEL", *occurrence("20270107T100000"), message_id="<s2@udi.no>"))
    bot.deliver(mail("REQUEST", *occurrence("20270121T100000", "20270122T130000", "20270122T140000"),
                     message_id="<s3@udi.no>"))
    results = [result for _, result in bot.run()]
    assert [r.folder for r in results] == [Folder.PROCESSED] * 3
    assert [r.outcome.value for r in results] == ["registered", "updated", "updated"]
    [record] = bot.store.records()
    assert record.state is State.REGISTERED and record.meeting.recurrence == "FREQ=WEEKLY;COUNT=10"
    # 7 January is cancelled: the series' next occurrence is 14 January
    assert record.meeting.start == datetime(2027, 1, 14, 9, 0, tzinfo=UTC)
    assert record.meeting.exceptions == (
        Occurrence(datetime(2027, 1, 7, 9, tzinfo=UTC)),
        Occurrence(datetime(2027, 1, 21, 9, tzinfo=UTC), datetime(2027, 1, 22, 12, tzinfo=UTC),
                   datetime(2027, 1, 22, 13, tzinfo=UTC)))
    texts = [r.get_body(("plain",)).get_content() for r in bot.replies()]
    assert len(texts) == 3
    # no note of the forwarder's own: answered in bokmål
    assert "Ett møte i serien: tor. 7. jan. 10:00 -> avlyst (resten av serien står)" in "".join(texts)
    assert "tor. 21. jan. 10:00 -> fredag 22. januar 2027 kl. 13.00–14.00 (bare dette møtet i serien)" in "".join(texts)
    stored = bot.store.get(record.ref)
    assert stored is not None and stored.meeting.exceptions == record.meeting.exceptions  # kept in the store


def test_an_occurrence_without_its_series_is_a_meeting_of_its_own(bot):
    bot.deliver(mail("CANCEL", *occurrence("20270114T100000"), message_id="<s9@udi.no>"))
    [(_, result)] = bot.run()
    assert result.outcome.value == "cancelled"
    [record] = bot.store.records()
    assert record.meeting.recurrence is None and record.meeting.start == datetime(2027, 1, 14, 9, tzinfo=UTC)
