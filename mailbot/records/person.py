"""What the store holds about one person: export it (GDPR art. 15, right of access) and erase it
(art. 17, right to erasure).

A person is found by address (case-insensitive) wherever the store keeps one: as a record's
participant, the referat's sender, the meeting's organizer, a follow-up point's responsible
or closer, in the details of a record's history, among the recipients of outgoing mail, in the
details of the handled log. Erasure replaces the address by a pseudonym
(:mod:`mailbot.records.retention`) and empties the texts that may carry it; the records stay as
counts for the yearly overview. An open record of the person is closed as exempted (nothing is
chased from a pseudonym) and mail not yet sent to them is marked failed, never sent.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mailbot.model import MailStatus, OutgoingMail, Participation, State
from mailbot.records.codec import to_dict
from mailbot.records.directory import Directory
from mailbot.records.retention import new_pseudonym, pseudonymise, strip_mail
from mailbot.records.store import Store
from mailbot.records.workflow import event


def _mentions(record: Participation, address: str) -> bool:
    referat = record.referat
    return (record.participant.lower() == address or (referat is not None and referat.sender.lower() == address)
            or (record.meeting.organizer or "").lower() == address
            or any(address in e.detail.lower() for e in record.events)
            or any(address in (p.responsible.lower(), p.done_by.lower()) for p in record.follow_ups))


def _addressed(mail: OutgoingMail, address: str) -> bool:
    return any(r.lower() == address for r in mail.recipients)


def export(store: Store, address: str, now: datetime) -> dict[str, Any]:
    """Everything the store holds about ``address`` as a JSON-ready dict: the records that name
    it, the outgoing mail addressed to it (bodies of mail not yet sent included), the handled-log
    entries whose detail names it. Times are ISO 8601 UTC; ``now`` (aware) is the export's time."""
    address = address.strip().lower()
    return {
        "person": address,
        "exported_at": now.isoformat(),
        "records": [to_dict(r) for r in store.records() if _mentions(r, address)],
        "outgoing_mail": [to_dict(m) for m in store.mails() if _addressed(m, address)],
        "handled_log": [to_dict(h) for h in store.handled_log() if address in h.detail.lower()],
    }


@dataclass
class Erasure:
    """What an erasure changed: records of the person (their references), other records that
    named them, mails and handled-log entries."""

    records: list[str] = dataclasses.field(default_factory=list)
    mentions: list[str] = dataclasses.field(default_factory=list)
    mails: int = 0
    handled: int = 0

    def lines(self) -> list[str]:
        """One line per kind of change, for the command line."""
        return [f"records of the person pseudonymised: {len(self.records)} {' '.join(self.records)}".rstrip(),
                f"other records that named the person: {len(self.mentions)} {' '.join(self.mentions)}".rstrip(),
                f"outgoing mails: {self.mails}", f"handled-log entries: {self.handled}"]


def erase(store: Store, address: str, directory: Directory, now: datetime, dry_run: bool = False) -> Erasure:
    """Erase ``address`` from ``store`` at ``now`` (aware); with ``dry_run`` only count. The
    caller commits."""
    address = address.strip().lower()
    done, aliases = Erasure(), dict[str, str]()  # a pseudonym of its own in each record, so records cannot be linked
    for record in store.records():
        if not _mentions(record, address):
            continue
        alias = aliases.setdefault(record.ref, new_pseudonym())
        if record.participant.lower() == address:
            done.records.append(record.ref)
            department = directory.department_of(record.participant)
            changed = pseudonymise(record, now, department.code if department else "", {address: alias}, "erased")
            if changed.open:
                changed = dataclasses.replace(changed, state=State.EXEMPTED, due_at=None, paused_until=None)
        else:
            done.mentions.append(record.ref)
            changed = _forget(record, address, alias, now)
        if not dry_run:
            store.put(changed)
    for mail in store.mails():
        if not _addressed(mail, address):
            continue
        done.mails += 1
        if dry_run:
            continue
        stripped = strip_mail(mail, _renamed(address, aliases.get(mail.ref or "") or new_pseudonym()))
        if mail.status in (MailStatus.QUEUED, MailStatus.SENDING):
            stripped = dataclasses.replace(stripped, status=MailStatus.FAILED, last_error="erased on request")
        store.update_mail(stripped)
    for entry in store.handled_log():
        if address in entry.detail.lower():
            done.handled += 1
            if not dry_run:
                store.add_handled(dataclasses.replace(entry, detail=""))
    return done


def _renamed(address: str, alias: str) -> Callable[[str], str]:
    return lambda recipient: alias if recipient.lower() == address else recipient


def _forget(record: Participation, address: str, alias: str, now: datetime) -> Participation:
    """``record`` of someone else with ``address`` replaced where it appears."""
    referat = record.referat
    if referat is not None and referat.sender.lower() == address:
        referat = dataclasses.replace(referat, sender=alias)
    organizer = None if (record.meeting.organizer or "").lower() == address else record.meeting.organizer
    history = tuple(dataclasses.replace(e, detail="") if address in e.detail.lower() else e for e in record.events)
    meeting = dataclasses.replace(record.meeting, organizer=organizer)
    points = tuple(dataclasses.replace(p, responsible=alias if p.responsible.lower() == address else p.responsible,
                                       done_by=alias if p.done_by.lower() == address else p.done_by)
                   for p in record.follow_ups)
    return dataclasses.replace(record, referat=referat, meeting=meeting, follow_ups=points,
                               events=(*history, event(now, "erased", detail="a person named in it")))
