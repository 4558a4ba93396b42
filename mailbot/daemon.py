"""The only loop: fetch, handle, send what was queued, acknowledge; then wait for more mail.

Order per message (lose nothing, send nothing twice): the pipeline stores the record, the
handled-log entry and the outgoing mail in one commit; queued mail is sent, each marked sent in
its own commit; only then is the message moved out of the inbox. A message that makes the code
fail goes to the failed folder and the loop goes on. SIGTERM and Ctrl-C stop the loop between
two messages. Only this module reads the clock.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import random
import signal
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import schedule

from mailbot import mime
from mailbot.errors import SendError, StoreError
from mailbot.model import Folder, Handled, MailStatus, Outcome
from mailbot.pipeline import Pipeline, Result
from mailbot.senders import MailSender
from mailbot.sources import Inbound, MailSource
from mailbot.store import Store

log = logging.getLogger(__name__)

# A scheduled job: called with the current time (aware, UTC), it does whatever is due then and
# stores what it did, so that a second call for the same moment does nothing.
Job = Callable[[datetime], None]

TICK_SECONDS = 60
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=2)


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)


class Daemon:
    """Ties a mail source, a sender, the pipeline and the store together."""

    def __init__(self, source: MailSource, sender: MailSender, pipeline: Pipeline, store: Store,
                 clock: Callable[[], datetime] = utc_now, jobs: list[Job] | None = None) -> None:
        self.source = source
        self.sender = sender
        self.pipeline = pipeline
        self.store = store
        self.clock = clock
        self.jobs = list(jobs or [])
        self.stopping = False

    def run_once(self) -> list[tuple[Inbound, Result]]:
        """Handle every message waiting in the inbox; returns what happened to each."""
        self.flush()
        done = []
        for message in self.source.fetch():
            if self.stopping:
                break
            result = self._handle(message)
            self.flush()
            self.source.ack(message, result.folder)
            done.append((message, result))
        return done

    def tick(self) -> None:
        """Run every job for the current time, then send what they queued.

        A job that raises is logged and the others still run; it is called again at the next
        tick (the ``schedule`` package itself would drop a failing job).
        """
        now = self.clock()
        for job in self.jobs:
            try:
                job(now)
            except StoreError:
                raise
            except Exception:
                self.store.rollback()
                log.exception("job %s failed at %s; it runs again at the next tick",
                              getattr(job, "__name__", job), now.isoformat())
        self.flush()

    def run(self, wait_seconds: float = 60.0) -> None:
        """Run until SIGTERM or Ctrl-C: handle mail, run due jobs every minute, wait for more."""
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        scheduler = schedule.Scheduler()
        scheduler.every(TICK_SECONDS).seconds.do(self.tick)
        log.info("mailbot running")
        try:
            self.tick()  # catch up at once after downtime
            while not self.stopping:
                self.run_once()
                scheduler.run_pending()
                if not self.stopping:
                    self.source.wait(min(wait_seconds, max(1.0, scheduler.idle_seconds or wait_seconds)))
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            log.info("mailbot stopped")

    def _stop(self, signum, _frame) -> None:
        log.info("signal %s: stopping after the current message", signal.Signals(signum).name)
        self.stopping = True

    def _handle(self, message: Inbound) -> Result:
        try:
            return self.pipeline.handle(message.raw, self.clock())
        except StoreError:
            raise  # the store is broken: stop rather than lose track; the message stays in the inbox
        except Exception as exc:  # a bug or an input the code did not foresee: keep it for a human
            self.store.rollback()
            msg = mime.load(message.raw)
            key = mime.identity(msg, message.raw)
            log.exception("message %s failed and goes to the failed folder: %s", key, exc)
            entry = Handled(key, hashlib.sha256(message.raw).hexdigest(), self.clock(), Outcome.FAILED,
                            Folder.FAILED, None, f"{type(exc).__name__}: {exc}")
            self.store.add_handled(entry)
            self.store.commit()
            return Result(Folder.FAILED, Outcome.FAILED)

    def flush(self) -> int:
        """Send every queued mail that is due; returns how many were sent."""
        sent = 0
        now = self.clock()
        for mail in self.store.queued():
            if mail.not_before and mail.not_before > now:
                continue
            try:
                self.sender.send(mail)
            except SendError as exc:
                self._failed(mail, exc, now)
                continue
            self.store.update_mail(dataclasses.replace(mail, status=MailStatus.SENT, sent_at=now,
                                                       attempts=mail.attempts + 1))
            self.store.commit()
            log.info("sent %s (%s) to %s [%s]", mail.message_id, mail.purpose, ", ".join(mail.recipients),
                     mail.ref or "-")
            sent += 1
        return sent

    def _failed(self, mail, exc: SendError, now: datetime) -> None:
        attempts = mail.attempts + 1
        if exc.permanent:
            log.error("mail %s to %s refused for good: %s", mail.message_id, ", ".join(mail.recipients), exc)
            update = dict(status=MailStatus.FAILED)
        else:
            delay = min(RETRY_BASE * 2 ** (attempts - 1), RETRY_MAX) * random.uniform(0.8, 1.2)
            log.warning("mail %s not sent (attempt %d), retrying in %s: %s", mail.message_id, attempts,
                        str(delay).split(".")[0], exc)
            update = dict(not_before=now + delay)
        self.store.update_mail(dataclasses.replace(mail, attempts=attempts, last_error=str(exc), **update))
        self.store.commit()
