"""The referat to the case archive (IM 2011-013 §4.1: "Alle referater (med agenda og posisjoner)
arkiveres i UdiSak").

:func:`archive_mail` builds the mail to ``[archive] address`` (:class:`~mailbot.config.archive.ArchiveConfig`)
for a referat just received (``kind`` "referat"), or for follow-up points sent after it ("follow_up"):
the subject names the reference and the forum; the body holds the meeting, the referat's text,
its follow-up points (who, by when), the record's positions (the §3.2 consultation reasons and
every consultation note in its history) and the Message-IDs of the invitation, whose agenda
attachments mailbot does not keep; the referat's documents are attached. Its Message-ID comes
from the referat's own (the cause), so it is queued once with the receipt in the pipeline's one
commit and sent once by :mod:`mailbot.outbound.sending`, a restart or a second delivery of the
referat included. In Norwegian bokmål, the archive's language.
"""
from __future__ import annotations

from datetime import datetime

from mailbot.config.archive import ArchiveConfig
from mailbot.model import Participation
from mailbot.outbound.composer import Attachment, Composer
from mailbot.outbound.rendering import day

LANGUAGE = "nb"
INVITATION_EVENTS = ("received-invitation", "received-update")
# history entries that carry positions or the ministry's consultation (§3.2)
POSITION_WORDS = ("consult", "alone", "not-needed", "position")


def archive_mail(composer: Composer, archive: ArchiveConfig, record: Participation, *, kind: str, cause: str,
                 text: str, documents: tuple[Attachment, ...], now: datetime):
    """The archive's copy of ``record``'s referat (``kind`` "referat" or "follow_up"), caused by
    message ``cause`` at ``now`` (aware): an :class:`~mailbot.model.OutgoingMail` not yet stored,
    None when the archive is off. ``text`` is the sender's own text; ``documents`` are attached."""
    if not archive.enabled:
        return None
    meeting = composer.meeting_view(record)
    forum = composer.fora.get(record.meeting.forum)
    referat = record.referat
    points = [{"number": p.number, "text": p.text, "responsible": p.responsible,
               "due": day_of(p.due), "done": p.done_at is not None} for p in record.follow_ups]
    notes = [{"day": day(e.at, LANGUAGE), "type": e.type, "detail": e.detail}
             for e in record.events if any(word in e.type for word in POSITION_WORDS)]
    return composer.mail(
        "archive", LANGUAGE, cause=cause, purpose=f"archive-{kind}", to=[archive.address], now=now, ref=record.ref,
        attachments=documents, kind=kind, meeting=meeting, forum_code=forum.code, forum=forum.name_nb,
        participant=record.participant, name=record.participant_name,
        received=day(referat.received_at, LANGUAGE) if referat else "", sender=referat.sender if referat else "",
        text=text, documents=[name for name, _, _ in documents], points=points,
        reasons=[{"rule": r.rule, "excerpt": r.excerpt} for r in record.consultation], notes=notes,
        invitations=[e.message_id for e in record.events if e.type in INVITATION_EVENTS and e.message_id])


def day_of(value) -> str:
    """A calendar date as Norwegian writes it (15.03.2027), '' for None."""
    return value.strftime("%d.%m.%Y") if value else ""
