"""The record's state machine and the chase cadence on their own: pure, no store, no clock."""
from datetime import UTC, date, datetime

import pytest
from helpers import oslo

from mailbot.errors import TransitionError
from mailbot.followup.businessdays import Calendar
from mailbot.followup.cadence import Cadence, next_action
from mailbot.model import Meeting, Participation, Referat, State
from mailbot.records import workflow

CADENCE = Cadence(Calendar())



def record(start="2027-05-05T10:00", end="2027-05-05T12:00") -> Participation:
    meeting = Meeting(title="Maimøtet", start=oslo(start), end=oslo(end), timezone="Europe/Brussels")
    return Participation(ref="INE-2027-0001", state=State.REGISTERED, meeting=meeting,
                         participant="kari.nordmann@udi.no", created_at=oslo("2027-04-01T09:00"))


def test_business_days_skip_weekends_public_holidays_and_closed_days():
    calendar = Calendar()
    assert not calendar.is_business_day(date(2027, 5, 17))  # Constitution Day and Whit Monday
    assert not calendar.is_business_day(date(2027, 12, 24))  # closed day (configurable)
    assert calendar.is_business_day(date(2027, 12, 27))
    assert calendar.add_business_days(date(2027, 3, 24), 1) == date(2027, 3, 30)  # over Easter
    assert calendar.add_business_days(date(2027, 5, 15), 0) == date(2027, 5, 18)
    assert calendar.opening(date(2027, 3, 30)) == datetime(2027, 3, 30, 6, 0, tzinfo=UTC)  # CEST
    assert calendar.opening(date(2027, 11, 1)) == datetime(2027, 11, 1, 7, 0, tzinfo=UTC)  # CET
    assert calendar.next_open(oslo("2027-05-14T16:00")) == oslo("2027-05-18T08:00")
    assert calendar.in_office_hours(oslo("2027-05-18T15:59")) and not calendar.in_office_hours(oslo("2027-05-18T16:00"))
    with pytest.raises(ValueError):
        calendar.add_business_days(date(2027, 1, 4), -1)


def test_the_chase_goes_through_its_steps_and_stops_after_the_escalation():
    r = workflow.plan(record(), CADENCE, oslo("2027-04-01T09:00"))
    assert (r.due_at, next_action(r, CADENCE)) == (oslo("2027-05-07T08:00"), ("request", oslo("2027-05-07T08:00")))
    r = workflow.meeting_ended(r, oslo("2027-05-05T12:00"))
    for step, at, following in (("request", "2027-05-07T08:00", "2027-05-14T08:00"),
                                ("reminder-1", "2027-05-14T08:00", "2027-05-24T08:00"),
                                ("reminder-2", "2027-05-24T08:00", "2027-05-31T08:00")):
        assert next_action(r, CADENCE)[0] == step
        r = workflow.step_done(r, CADENCE, oslo(at), f"<{step}@udi.no>")
        assert r.due_at == oslo(following) and r.events[-1].type == step
    r = workflow.step_done(r, CADENCE, oslo("2027-05-31T08:00"), "<escalation@udi.no>")
    assert (r.state, r.chase_step, r.due_at, next_action(r, CADENCE)) == (State.AWAITING_REFERAT, 4, None, ("", None))
    with pytest.raises(TransitionError):
        workflow.step_done(r, CADENCE, oslo("2027-06-07T08:00"), "<again@udi.no>")


def test_a_pause_holds_the_next_step_back_and_the_longest_pause_wins():
    r = workflow.meeting_ended(workflow.plan(record(), CADENCE, oslo("2027-04-01T09:00")), oslo("2027-05-05T12:00"))
    r = workflow.pause(r, oslo("2027-05-18T08:00"), oslo("2027-05-06T10:00"), "<oof1@udi.no>", "until 2027-05-18")
    r = workflow.pause(r, oslo("2027-05-10T08:00"), oslo("2027-05-07T10:00"), "<oof2@udi.no>", "until 2027-05-10")
    assert r.paused_until == oslo("2027-05-18T08:00") and r.next_due == oslo("2027-05-18T08:00")
    r = workflow.step_done(r, CADENCE, oslo("2027-05-18T08:00"), "<request@udi.no>")
    assert r.paused_until is None and r.due_at == oslo("2027-05-25T08:00")  # five business days after it went out


def test_closed_records_refuse_transitions_and_a_moved_meeting_reopens_the_chase():
    referat = Referat("<ref@udi.no>", oslo("2027-05-06T09:00"), "kari.nordmann@udi.no")
    received = workflow.receive_referat(record(), referat, oslo("2027-05-06T09:00"))
    assert received.state is State.REFERAT_RECEIVED and received.due_at is None
    for attempt in (lambda r: workflow.close(r, State.EXEMPTED, oslo("2027-05-07T09:00"), "<x@udi.no>", "reason"),
                    lambda r: workflow.meeting_ended(r, oslo("2027-05-07T09:00")),
                    lambda r: workflow.reassign(r, "ola@udi.no", CADENCE, oslo("2027-05-07T09:00"), "<y@udi.no>")):
        with pytest.raises(TransitionError):
            attempt(received)
    # an awaiting record whose meeting is moved to a later date goes back to registered
    ended = workflow.meeting_ended(workflow.plan(record(), CADENCE, oslo("2027-04-01T09:00")), oslo("2027-05-05T12:00"))
    awaiting = workflow.step_done(ended, CADENCE, oslo("2027-05-07T08:00"), "<r@udi.no>")
    later = record(start="2027-06-09T10:00", end="2027-06-09T12:00").meeting
    update = workflow.event(oslo("2027-05-07T09:00"), "received-update")
    moved, changes = workflow.change_meeting(awaiting, later, update)
    moved = workflow.plan(moved, CADENCE, oslo("2027-05-07T09:00"))
    assert changes == ["start", "end"]
    assert (moved.state, moved.chase_step, moved.due_at) == (State.REGISTERED, 0, oslo("2027-06-10T08:00"))
    assert [e.type for e in moved.events][-2:] == ["received-update", "rescheduled"]
    cancelled = workflow.close(moved, State.CANCELLED, oslo("2027-05-08T09:00"), "<c@udi.no>", "cancelled")
    assert cancelled.due_at is None and cancelled.next_due is None
