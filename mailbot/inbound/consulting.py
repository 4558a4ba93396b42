"""Email commands that answer the ministry-consultation question of IM 2011-013 §3.2.

    ALENE INE-2027-0004 [note]                     (ALONE: UDI attends alone)
    IKKE-ALENE INE-2027-0004 [note]                (NOT-ALONE: others from Norway attend too)
    KONSULTERT INE-2027-0004 [note]                (CONSULTED: the ministry was consulted)
    IKKE-NØDVENDIG INE-2027-0004 <reason>          (NOT-NEEDED: the reason is required)

The record's participant and the unit's advisers may give them. Each answer is kept on the
record as an event naming who said it (:mod:`mailbot.records.consultation`), and the command's
answer says how the consultation stood before and after. A mixin of
:class:`mailbot.inbound.commands.Commands`, which looks its handlers up by verb.
"""
from __future__ import annotations

from datetime import datetime

from mailbot.model import OutgoingMail, Participation
from mailbot.records import consultation

VERBS = {"ALENE": "alone", "ALONE": "alone", "IKKE-ALENE": "not_alone", "NOT-ALONE": "not_alone",
         "KONSULTERT": "consulted", "CONSULTED": "consulted",
         "IKKE-NØDVENDIG": "not_needed", "NOT-NEEDED": "not_needed"}
LANGUAGES = {"ALENE": "nb", "IKKE-ALENE": "nb", "KONSULTERT": "nb", "IKKE-NØDVENDIG": "nb",
             "ALONE": "en", "NOT-ALONE": "en", "CONSULTED": "en", "NOT-NEEDED": "en"}
PARTICIPANT_VERBS = ("alone", "not_alone", "consulted", "not_needed")
EVENTS = {"alone": consultation.ALONE, "not_alone": consultation.NOT_ALONE,
          "consulted": consultation.CONSULTED, "not_needed": consultation.NOT_NEEDED}

Result = tuple[dict, Participation | None, list[OutgoingMail]]


class ConsultationCommands:
    """The handlers of the §3.2 answers: ``_alone``, ``_not_alone``, ``_consulted``, ``_not_needed``."""

    def _answer(self, verb: str, record: Participation, note: str, sender: str, key: str,
                now: datetime) -> Result:
        """Record the answer ``verb`` with ``note`` from ``sender``; the result shows the
        consultation status before and after (:data:`mailbot.records.consultation.STATUSES`)."""
        before = consultation.status(record)
        record = consultation.answer(record, EVENTS[verb], sender, note, now, key)
        return ({"code": "consultation", "answer": verb, "old": before, "new": consultation.status(record),
                 "note": note}, record, [])

    def _alone(self, record, note, sender, key, number, now, language) -> Result:
        return self._answer("alone", record, note, sender, key, now)

    def _not_alone(self, record, note, sender, key, number, now, language) -> Result:
        return self._answer("not_alone", record, note, sender, key, now)

    def _consulted(self, record, note, sender, key, number, now, language) -> Result:
        return self._answer("consulted", record, note, sender, key, now)

    def _not_needed(self, record, reason, sender, key, number, now, language) -> Result:
        if not reason:
            return {"code": "no_reason", "section": "3.2"}, None, []
        return self._answer("not_needed", record, reason, sender, key, now)
