"""The operator's warning: a job that mails ``operator.address`` when mailbot is unwell.

Called by the daemon every minute with the current time. At most every :data:`PROBE_EVERY` it
looks at the credentials (:func:`mailbot.reports.health.probe_credentials`: it runs the token
command) and stores what it found, for ``mailbot health``; at every call it gathers the problems
(:func:`mailbot.reports.health.report`; the handled log, a whole-table read, at most every
:data:`SCAN_EVERY`) and queues one mail naming those not yet warned of that day (Oslo time):
each condition is warned of at most once per day. The
days each condition was last warned of are kept in the store (``health:warned``), so a restart
sends nothing twice; the mail's Message-ID comes from the day and the conditions, so neither
does a crash. The mail goes through the composer and the dispatcher like every mail.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from mailbot.config.settings import Config
from mailbot.followup.businessdays import oslo_day
from mailbot.outbound.composer import Composer
from mailbot.records.store import Store
from mailbot.reports import health

log = logging.getLogger(__name__)

PROBE_EVERY = timedelta(hours=1)
SCAN_EVERY = timedelta(minutes=10)
WARNED = "health:warned"


class HealthWarning:
    """Runs the health check over the store; :meth:`check` is the job."""

    def __init__(self, config: Config, store: Store, composer: Composer) -> None:
        self.config = config
        self.store = store
        self.composer = composer
        self.probed: datetime | None = None
        self.started: datetime | None = None  # the first call: a silence before it was downtime
        self.scanned: datetime | None = None
        self.waiting: list[health.Problem] = []

    def check(self, now: datetime) -> None:
        """Look at mailbot's health at ``now`` (aware) and queue a warning when a condition is new today."""
        if _due(self.probed, now, PROBE_EVERY):
            self.probed = now
            self.probe(now)
        self.started = self.started or now
        if not self.config.operator.address:
            return
        if _due(self.scanned, now, SCAN_EVERY):
            self.scanned, self.waiting = now, health.attention(self.config, self.store, now)
        today = oslo_day(now).isoformat()
        warned = {k: v for k, v in (self.store.meta(WARNED) or {}).items() if v == today}
        found = health.report(self.config, self.store, now, self.waiting, self.started)
        new = [p for p in found if p.key not in warned]
        if not new:
            return
        keys = sorted(p.key for p in new)
        mail = self.composer.mail(
            "health", self.config.operator.language, cause=f"health {today} {' '.join(keys)}", purpose="health",
            to=[self.config.operator.address], now=now, problems=[p.text for p in new],
            mailbox=self.config.mailbox.address, checked=health.oslo(now))
        self.store.queue(mail)
        self.store.set_meta(WARNED, {**warned, **dict.fromkeys(keys, today)})
        self.store.commit()
        log.warning("health: %s; warning %s queued for %s", ", ".join(keys), mail.message_id,
                    self.config.operator.address)

    def probe(self, now: datetime) -> None:
        """Look at the credentials now (aware) and store what was found when it changed."""
        found = [[p.key, p.text] for p in health.probe_credentials(self.config, now)]
        before = self.store.meta(health.CREDENTIALS) or {}
        if before.get("problems", []) == found == []:
            return
        self.store.set_meta(health.CREDENTIALS, {"checked": now.isoformat(), "problems": found})
        self.store.commit()


def _due(last: datetime | None, now: datetime, every: timedelta) -> bool:
    """Whether a step done at ``last`` is due again at ``now`` (also when the clock went back)."""
    return last is None or not last <= now < last + every
