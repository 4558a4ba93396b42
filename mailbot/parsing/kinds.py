"""What kind of message a forwarded one is: an invitation, an update or a cancellation (RFC 5546
METHOD, STATUS and SEQUENCE first, else the subjects and the text), or why it is no invitation.
"""
from __future__ import annotations

import re

from mailbot.model import Kind
from mailbot.parsing import subjects, when
from mailbot.parsing.calendar import CalendarEvent
from mailbot.parsing.forwards import Original

# iTIP methods of answers to an invitation, not invitations (RFC 5546 §1.4)
NOT_INVITATION_METHODS = {"REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH"}


# A travel or hotel booking forwarded for the record, in the languages mailbot reads: its
# booking words, and the flights or the stay it books
_BOOKING = re.compile(r"\b(?:\w*(?:booking|bestilling|bokning|buchung|reservation|reservasjon|reservering|reservierung|"
                      r"reisebekreftelse|hotel\w*bekr\w+)\w*|réservation\w*|itinerary|reiserute|reiseplan|resplan|"
                      r"rejseplan|itinéraire|e-?ticket|ticket number|billettnummer|flugticket|boarding ?pass|"
                      r"boardingkort|confirmation (?:no|number|code)|bekreftelsesnummer|bekräftelsenummer|"
                      r"bekræftelsesnummer|bestätigungsnummer|numéro de confirmation)\b", re.I)
_BOOKED = re.compile(r"\b(?i:check-?out|utsjekk\w*|utsjekking|utcheckning|udtjekning|abreise|départ le)\b|"
                     r"\b(?i:flight|fly|flyg|flug|vol)\w*\s+(?i:no\.?|nr\.?)?\s*[A-Z][A-Z\d]\s?\d{1,4}\b|"
                     r"\b[A-Z][A-Z\d]\s?\d{3,4}\b[^\n]*\([A-Z]{3}\)")


# a calendar event that is a journey or a stay: "Flight SK 4601", "Fly til Brussel", "Stay at ..."
_TRAVEL = re.compile(r"^\s*(?:flight|fly|flyg|flug|vol|train|tog|tåg|zug|stay at|hotel stay|opphold)\b", re.I)


def booking(event: CalendarEvent | None, subject: str, original: Original) -> bool:
    """True when the message is a travel or hotel booking (flight times, check-in and check-out)
    rather than a meeting: its calendar event is a journey or a stay, or an itinerary file (no
    meeting request) under a booking's subject; without a calendar part and a forwarded meeting's
    When line, a subject names a booking and no meeting, or the text has a booking's words and
    flights or a check-out, and neither it nor a subject names a meeting."""
    titles = [subjects.clean(s) for s in (subject, original.subject)]
    meeting_title = any(when.MEETING_WORDS.search(t) for t in titles)
    booking_title = not meeting_title and any(_BOOKING.search(t) for t in titles)
    if event is not None:
        summary = event.summary
        return bool(_TRAVEL.match(summary) or _BOOKED.search(summary) or _BOOKING.search(summary)
                    or (booking_title and event.method not in ("REQUEST", "CANCEL")))
    if original.when or meeting_title:
        return False
    text = original.body
    return booking_title or (bool(_BOOKING.search(text) and _BOOKED.search(text))
                             and not when.MEETING_WORDS.search(text))


def refusal(event: CalendarEvent | None, subject: str, original: Original) -> str | None:
    """Why a message without an invitation's calendar part is no invitation, or None."""
    if booking(event, subject, original):
        return "booking"
    if event is not None:
        return "calendar_response" if event.method in NOT_INVITATION_METHODS else None
    if subjects.first_prefix(subject) in subjects.REPLY:
        return "reply"
    if subjects.has_any(subject, subjects.RSVP):
        return "rsvp"
    if not original.forwarded and not subjects.has_any(subject, subjects.FORWARD):
        return "not_forwarded"  # the staff member's own mail: a question, a note, a referat
    if subjects.names_minutes(original.subject) or subjects.names_minutes(subject):
        return "referat"
    if not original.when and (subjects.names_newsletter(original.subject) or subjects.names_newsletter(subject)):
        return "newsletter"
    if not original.when and (subjects.names_query(original.subject) or subjects.names_query(subject)):
        return "query"
    return None


# "Møtet er avlyst.", "The meeting has been cancelled", "har vi måttet avlyse": said in the text
_CANCELLED = re.compile(r"\b(?:møtet|meeting|mødet|mötet|arrangementet|konferansen|conference|workshop\w*|"
                        r"seminar\w*)\s+(?:er|has been|is|will be|blir|bliver|är)\s+(?:dessverre\s+|unfortunately\s+)?"
                        r"(?:avlyst|cancell?ed|aflyst|inställt)\b|\b(?:måttet|må|must) avlyse\b", re.I)


def kind(event: CalendarEvent | None, subject: str, inner_subject: str, text: str = "") -> Kind:
    """Cancellation, update or invitation: from the calendar part (METHOD, STATUS, SEQUENCE,
    RFC 5546), else from the subjects' prefixes and words and a cancellation said in ``text``."""
    cancelled = subjects.has_any(subject, subjects.CANCELLED) or subjects.has_any(inner_subject, subjects.CANCELLED)
    if event is not None:
        if (event.method == "CANCEL" or event.status == "CANCELLED"
                or subjects.has_any(event.summary, subjects.CANCELLED)):
            return Kind.CANCELLATION
        if event.method == "REQUEST" and (event.sequence or 0) > 0:
            return Kind.UPDATE
        return Kind.INVITATION
    if cancelled or _CANCELLED.search(text):
        return Kind.CANCELLATION
    # "Oppdatert: ...", "Change of venue – ..." with no calendar part
    updated = any(subjects.has_any(s, subjects.UPDATED) or subjects.names_change(s) for s in (subject, inner_subject))
    return Kind.UPDATE if updated else Kind.INVITATION
