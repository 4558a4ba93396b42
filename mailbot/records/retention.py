"""Retention of personal data (GDPR art. 5(1)(e): kept no longer than needed).

Two periods of ``[retention]`` (:class:`~mailbot.config.retention.RetentionConfig`), both
counted from when a record *closed*: the latest of its meeting's end and the last entry of its
history before retention touched it (:func:`closed_at`). Open records are never touched.

- ``body_days``: the bodies of outgoing mail that was never sent (a sent mail keeps no body
  already) and the free-text details of the handled log (which can name a sender) go. Mail
  with no record (summaries, command answers) counts from when it was made, the handled log
  from when the message was handled.
- ``pseudonym_months``: the participant's address and name, the referat's sender, the
  meeting's organizer, the follow-up points' texts (in the referat and as items: their text,
  who is responsible, who closed them), the details of the history and the
  recipients of the record's mail are replaced by a pseudonym (``person-`` and ten random hex
  digits, one per address within a record, never linkable across records) or emptied. The
  forum, title, dates, state, department code and the counts stay, for the yearly overview.

:func:`purge` applies both (``dry_run`` says what it would do); :class:`Retention` is the
daemon's daily job. Erasure and export of one person are in :mod:`mailbot.records.person`.
"""
from __future__ import annotations

import calendar
import dataclasses
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from mailbot.config.retention import RetentionConfig
from mailbot.followup.businessdays import oslo_day
from mailbot.model import MailStatus, OutgoingMail, Participation
from mailbot.records.directory import Directory
from mailbot.records.store import Store
from mailbot.records.workflow import event

log = logging.getLogger(__name__)

PSEUDONYM_PREFIX = "person-"
RETENTION_EVENTS = ("pseudonymised", "erased")
PURGED_DAY = "retention_day"


@dataclass
class Purge:
    """What a purge did (or, dry, would do): records pseudonymised (their references), mails
    whose body or recipients went, handled-log details emptied."""

    pseudonymised: list[str] = field(default_factory=list)
    mails: int = 0
    handled: int = 0

    def lines(self) -> list[str]:
        """One line per kind of change, for the command line."""
        refs = ", ".join(self.pseudonymised[:20]) + (" ..." if len(self.pseudonymised) > 20 else "")
        return [f"records pseudonymised: {len(self.pseudonymised)}" + (f" ({refs})" if refs else ""),
                f"outgoing mails stripped: {self.mails}",
                f"handled-log details emptied: {self.handled}"]


def is_pseudonym(address: str) -> bool:
    """True for an address retention or erasure already replaced."""
    return address.startswith(PSEUDONYM_PREFIX)


def new_pseudonym() -> str:
    """A fresh pseudonym: ``person-`` and ten random hex digits."""
    return PSEUDONYM_PREFIX + secrets.token_hex(5)


def closed_at(record: Participation) -> datetime | None:
    """When ``record`` closed (aware UTC): the latest of its meeting's end and its last history
    entry other than retention's own; None while it is open."""
    if record.open:
        return None
    times = [e.at for e in record.events if e.type not in RETENTION_EVENTS]
    return max([record.meeting.end, *times])


def months_before(moment: datetime, months: int) -> datetime:
    """``moment`` (aware) moved back ``months`` calendar months, the day clamped to the month's end."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def pseudonymise(record: Participation, now: datetime, department: str, names: dict[str, str],
                 why: str = "pseudonymised") -> Participation:
    """``record`` with its personal data replaced (see the module's text); ``names`` maps each
    address replaced to its pseudonym and is filled here, for the record's mail."""
    def alias(address: str) -> str:
        return names.setdefault(address.lower(), new_pseudonym())

    referat = record.referat
    if referat is not None:
        referat = dataclasses.replace(referat, sender=alias(referat.sender),
                                      follow_up=tuple("" for _ in referat.follow_up))
    history = tuple(dataclasses.replace(e, detail="") for e in record.events)
    points = tuple(dataclasses.replace(p, text="", responsible="", done_by="") for p in record.follow_ups)
    return dataclasses.replace(
        record, participant=alias(record.participant), participant_name="", department=department,
        meeting=dataclasses.replace(record.meeting, organizer=None), referat=referat,
        events=(*history, event(now, why)), follow_ups=points)


def strip_mail(mail: OutgoingMail, rename: Callable[[str], str] | None = None) -> OutgoingMail:
    """``mail`` without its body and last error, its recipients renamed by ``rename`` (kept
    when None). Mail still to be sent is not to be stripped: the caller checks."""
    recipients = tuple(rename(r) for r in mail.recipients) if rename else mail.recipients
    return dataclasses.replace(mail, raw="", last_error="", recipients=recipients)


def purge(store: Store, policy: RetentionConfig, directory: Directory, now: datetime,
          dry_run: bool = False) -> Purge:
    """Apply ``policy`` at ``now`` (aware) to ``store``; with ``dry_run`` only count. The caller
    commits. Mail queued or being sent is never touched (it would go out without a body)."""
    done = Purge()
    body_limit = now - timedelta(days=policy.body_days)
    name_limit = months_before(now, policy.pseudonym_months)
    renamed: dict[str, dict[str, str]] = {}
    closed: dict[str, datetime] = {}
    for record in store.records():
        ended = closed_at(record)
        if ended is None:
            continue
        closed[record.ref] = ended
        if ended <= name_limit and not is_pseudonym(record.participant):
            names: dict[str, str] = {}
            department = directory.department_of(record.participant)
            changed = pseudonymise(record, now, department.code if department else "", names)
            renamed[record.ref] = names
            done.pseudonymised.append(record.ref)
            if not dry_run:
                store.put(changed)
    for mail in store.mails():
        if mail.status in (MailStatus.QUEUED, MailStatus.SENDING):
            continue
        aliases = renamed.get(mail.ref or "")
        since = closed.get(mail.ref) if mail.ref else mail.created_at  # None: its record is open
        if aliases is not None and not all(is_pseudonym(r) for r in mail.recipients):
            stripped = strip_mail(mail, _renamer(aliases))
        elif (mail.raw or mail.last_error) and since is not None and since <= body_limit:
            stripped = strip_mail(mail)
        else:
            continue
        done.mails += 1
        if not dry_run:
            store.update_mail(stripped)
    for entry in store.handled_log():
        if entry.detail and entry.at <= body_limit:
            done.handled += 1
            if not dry_run:
                store.add_handled(dataclasses.replace(entry, detail=""))
    return done


def _renamer(names: dict[str, str]) -> Callable[[str], str]:
    """A function giving each address its pseudonym in ``names``, a new one when it has none."""
    def rename(address: str) -> str:
        return names.get(address.lower()) or names.setdefault(address.lower(), new_pseudonym())
    return rename


class Retention:
    """The daemon's daily job: :func:`purge` once per Oslo day, in one commit."""

    def __init__(self, policy: RetentionConfig, store: Store, directory: Directory) -> None:
        self.policy, self.store, self.directory = policy, store, directory

    def purge_daily(self, now: datetime) -> None:
        """Purge unless disabled or done today (Oslo day of ``now``, aware); logs what changed."""
        day = oslo_day(now).isoformat()
        if not self.policy.enabled or self.store.meta(PURGED_DAY) == day:
            return
        done = purge(self.store, self.policy, self.directory, now)
        self.store.set_meta(PURGED_DAY, day)
        self.store.commit()
        if done.pseudonymised or done.mails or done.handled:
            log.info("retention: %s", "; ".join(done.lines()))
