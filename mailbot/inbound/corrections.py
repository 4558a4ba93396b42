"""Email commands that correct what mailbot understood of an invitation, besides the time (TID):

    FORUM INE-2027-0004 EMN                        (a code or a name of config/fora.toml)
    STED INE-2027-0004 Tallinn, Estonia            (PLACE)
    TITTEL INE-2027-0004 121st EMN NCP meeting     (TITLE)
    DELTAKER INE-2027-0004 per.hansen@udi.no       (PARTICIPANT: an address in the staff domains)

The record's participant and the unit's advisers may give them; each answer says what changed
(old -> new), and the change is an event ``corrected`` in the record's history. A new
participant is given the record as REASSIGN/OVERFØR does: they get the checklist and the
chase, and the old participant is told. A mixin of :class:`mailbot.inbound.commands.Commands`.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime

from mailbot.model import Meeting, OutgoingMail, Participation
from mailbot.outbound.composer import Composer
from mailbot.parsing import online, places
from mailbot.parsing.fora import OTHER
from mailbot.records import workflow

VERBS = {"FORUM": "forum", "STED": "place", "PLACE": "place", "TITTEL": "title", "TITLE": "title",
         "DELTAKER": "participant", "PARTICIPANT": "participant"}
LANGUAGES = {"STED": "nb", "TITTEL": "nb", "DELTAKER": "nb", "PLACE": "en", "TITLE": "en",
             "PARTICIPANT": "en"}  # FORUM: either
PARTICIPANT_VERBS = ("forum", "place", "title", "participant")

Result = tuple[dict, Participation | None, list[OutgoingMail]]


class CorrectionCommands:
    """The handlers ``_forum``, ``_place``, ``_title`` and ``_participant``."""

    composer: Composer

    def _forum(self, record, text, sender, key, number, now, language) -> Result:
        code = self._forum_code(text.strip())
        if code is None:
            return {"code": "bad_forum", "text": text,
                    "codes": ", ".join(f.code for f in self.composer.fora.fora)}, None, []
        return self._corrected(record, "forum", dataclasses.replace(record.meeting, forum=code), key, now)

    def _place(self, record, text, sender, key, number, now, language) -> Result:
        text = text.strip()
        if not text:
            return {"code": "no_value", "field": "place"}, None, []
        place = places.find(text)
        meeting = dataclasses.replace(record.meeting, location=text, online=online.names_platform(text),
                                      timezone=place.zone if place else record.meeting.timezone)
        return self._corrected(record, "location", meeting, key, now)

    def _title(self, record, text, sender, key, number, now, language) -> Result:
        text = " ".join(text.split())
        if not text:
            return {"code": "no_value", "field": "title"}, None, []
        return self._corrected(record, "title", dataclasses.replace(record.meeting, title=text), key, now)

    def _participant(self, record, address, sender, key, number, now, language) -> Result:
        """A new participant, as REASSIGN gives one (the participant may name their successor)."""
        return self._reassign(record, address, sender, key, number, now, language)  # type: ignore[attr-defined]

    def _corrected(self, record: Participation, name: str, meeting: Meeting, key: str, now: datetime) -> Result:
        """``record`` with ``meeting``, whose field ``name`` was corrected; the result says old -> new."""
        old, new = getattr(record.meeting, name) or "", getattr(meeting, name) or ""
        if old == new:
            return {"code": "field_unchanged", "field": name, "new": new}, None, []
        event = workflow.event(now, "corrected", key, f"{name}: {old} -> {new}")
        record, _ = workflow.change_meeting(record, meeting, event)
        return {"code": "corrected", "field": name, "old": old, "new": new}, record, []

    def _forum_code(self, text: str) -> str | None:
        """The registry's code for ``text``: a code (any case), else a forum its name or
        aliases name; None when neither."""
        fora = self.composer.fora
        by_code = {f.code.upper(): f.code for f in fora.fora}
        if text.upper() in by_code:
            return by_code[text.upper()]
        by_name = {name.lower(): f.code for f in fora.fora for name in (f.name, f.name_nb)}
        if text.lower() in by_name:
            return by_name[text.lower()]
        code = fora.match(title=text, organizer=None)
        return None if code == OTHER else code
