"""The only loop: fetch, handle, send what was queued, acknowledge; then wait for more mail.

Order per message (lose nothing, send nothing twice): the pipeline stores the record, the
handled-log entry and the outgoing mail in one commit; queued mail is sent, each marked sent in
its own commit; only then is the message moved out of the inbox. A message that makes the code
fail goes to the failed folder and the loop goes on. SIGTERM and Ctrl-C stop the loop between
two messages (or at once while it waits for mail). A mail source that fails (a lost IMAP
connection) is tried again after an exponential back-off with jitter. Only this module reads
the clock.

Sending exactly once. A mail is ``queued`` until the sender calls ``handover``, right before
the point after which the server may have accepted it (the final dot of the SMTP message data);
there it is committed as ``sending``, and after the server's answer as ``sent`` (or back to
``queued`` for a retry, or ``failed``). A crash or a lost answer leaves it ``sending``, and it
is never sent again blindly: when its copy to the functional mailbox (the SMTP sender's
``copy_to_mailbox``) comes back into the inbox, the pipeline records that Message-ID as handled
and the mail is marked sent. Only when no copy has come ``confirm_window`` after it was handed
over (counted from this start at the earliest) is it taken as not accepted and sent again.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import random
import signal
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import schedule

from mailbot.errors import SendError, SourceError, StoreError
from mailbot.inbound.pipeline import Pipeline, Result
from mailbot.logs import ids
from mailbot.model import Folder, Handled, MailStatus, Outcome, OutgoingMail
from mailbot.records.store import Store
from mailbot.transports import mime
from mailbot.transports.senders import MailSender
from mailbot.transports.sources import Inbound, MailSource

log = logging.getLogger(__name__)

# A scheduled job: called with the current time (aware, UTC), it does whatever is due then and
# stores what it did, so that a second call for the same moment does nothing.
Job = Callable[[datetime], None]

TICK_SECONDS = 60
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=2)
CONFIRM_WINDOW = timedelta(minutes=15)


class _Interrupted(BaseException):
    """Raised by the signal handler to end a wait for mail at once."""


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)


class Daemon:
    """Ties a mail source, a sender, the pipeline and the store together.

    ``retry_base``: the first delay after a temporary send failure (doubling up to 2 hours);
    ``confirm_window``: see the module doc; ``reconnect``: the first and the longest delay in
    seconds before a failed mail source is tried again; ``about``: what the start line names
    (backend, configuration, store).
    """

    def __init__(self, source: MailSource, sender: MailSender, pipeline: Pipeline, store: Store,
                 clock: Callable[[], datetime] = utc_now, jobs: list[Job] | None = None, *,
                 retry_base: timedelta = RETRY_BASE, confirm_window: timedelta = CONFIRM_WINDOW,
                 reconnect: tuple[float, float] = (1.0, 300.0), about: str = "") -> None:
        self.source = source
        self.sender = sender
        self.pipeline = pipeline
        self.store = store
        self.clock = clock
        self.jobs = list(jobs or [])
        self.retry_base = retry_base
        self.confirm_window = confirm_window
        self.reconnect = reconnect
        self.about = about
        self.started_at = clock()
        self.stopping = False
        self._waiting = False

    def run_once(self) -> list[tuple[Inbound, Result]]:
        """Handle every message waiting in the inbox; returns what happened to each.

        Raises SourceError when the mail source fails (nothing is lost: an unacknowledged
        message is fetched again and recognised).
        """
        self.flush()
        done = []
        for message in self.source.fetch():
            if self.stopping:
                break
            result = self._handle(message)
            self.flush()
            self.source.ack(message, self._folder(result))
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
        """Run until SIGTERM or Ctrl-C: handle mail, run due jobs every minute, wait for more.

        A failing mail source is tried again after ``reconnect[0]`` seconds, doubling up to
        ``reconnect[1]``, each delay drawn between half and all of it (jitter).
        """
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        scheduler = schedule.Scheduler()
        scheduler.every(TICK_SECONDS).seconds.do(self.tick)
        failures = 0
        try:
            self.pipeline.warm_up()
            log.info("mailbot running%s", f": {self.about}" if self.about else "")
            self.tick()  # catch up at once after downtime
            while not self.stopping:
                try:
                    self.run_once()
                    scheduler.run_pending()
                    self._pause(self._wait_seconds(scheduler, wait_seconds), self.source.wait)
                    failures = 0
                except SourceError as exc:
                    failures += 1
                    first, longest = self.reconnect
                    delay = random.uniform(0.5, 1.0) * min(longest, first * 2 ** (failures - 1))
                    log.warning("mail source failed (%d in a row): %s; trying again in %.1f s", failures, exc, delay)
                    self._pause(delay, time.sleep)
                except _Interrupted:
                    pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            log.info("mailbot stopped")

    def _pause(self, seconds: float, wait: Callable[[float], None]) -> None:
        """Wait (for mail, or a delay); a stop signal ends it at once."""
        if self.stopping:
            return
        self._waiting = True
        try:
            wait(seconds)
        except _Interrupted:
            pass
        finally:
            self._waiting = False

    def _wait_seconds(self, scheduler: schedule.Scheduler, longest: float) -> float:
        """Until the next job, retry or confirmation is due, at most ``longest``, at least 0.05."""
        now = self.clock()
        due = [m.not_before for m in self.store.queued() if m.not_before]
        due += [max(m.sending_since or now, self.started_at) + self.confirm_window for m in self.store.sending()]
        seconds = [longest, scheduler.idle_seconds or longest] + [(d - now).total_seconds() for d in due]
        return max(0.05, min(seconds))

    def _stop(self, signum, _frame) -> None:
        log.info("signal %s: stopping after the current message", signal.Signals(signum).name)
        self.stopping = True
        if self._waiting:
            raise _Interrupted

    def _handle(self, message: Inbound) -> Result:
        try:
            return self.pipeline.handle(message.raw, self.clock(), too_large=message.too_large)
        except StoreError:
            raise  # the store is broken: stop rather than lose track; the message stays in the inbox
        except Exception as exc:  # a bug or an input the code did not foresee: keep it for a human
            self.store.rollback()
            msg = mime.load(message.raw)
            key = mime.identity(msg, message.raw)
            log.exception("message %s failed and goes to the failed folder: %s", key, exc, extra=ids(key))
            entry = Handled(key, hashlib.sha256(message.raw).hexdigest(), self.clock(), Outcome.FAILED,
                            Folder.FAILED, None, f"{type(exc).__name__}: {exc}")
            self.store.add_handled(entry)
            self.store.commit()
            return Result(Folder.FAILED, Outcome.FAILED, key=key)

    def _folder(self, result: Result) -> Folder:
        """Where the message goes: needs-attention instead of processed when the server refused
        its reply for good, so that a human in the unit sees it."""
        refused = [m for m in map(self.store.mail, result.queued) if m and m.status is MailStatus.FAILED]
        if not refused or result.folder is not Folder.PROCESSED:
            return result.folder
        entry = self.store.handled(result.key)
        detail = f"reply {refused[0].message_id} refused: {refused[0].last_error}"
        self.store.add_handled(dataclasses.replace(entry, folder=Folder.NEEDS_ATTENTION, detail=detail))
        self.store.commit()
        log.error("message %s goes to needs-attention: its reply could not be delivered", result.key,
                  extra=ids(result.key, result.ref))
        return Folder.NEEDS_ATTENTION

    def flush(self) -> int:
        """Resolve mail left ``sending``, then send every queued mail that is due; returns how
        many were sent."""
        now = self.clock()
        for mail in self.store.sending():
            self._resolve(mail, now)
        sent = 0
        for mail in self.store.queued():
            if mail.not_before and mail.not_before > now:
                continue
            sent += self._send(mail, now)
        return sent

    def _send(self, mail: OutgoingMail, now: datetime) -> bool:
        attempt = dataclasses.replace(mail, attempts=mail.attempts + 1)

        def handover() -> None:
            self.store.update_mail(dataclasses.replace(attempt, status=MailStatus.SENDING, sending_since=now))
            self.store.commit()

        try:
            self.sender.send(mail, handover)
        except SendError as exc:
            if exc.uncertain:
                log.warning("mail %s to %s: %s; it is kept as sending until its copy shows whether the "
                            "server took it", mail.message_id, ", ".join(mail.recipients), exc,
                            extra=ids(mail.message_id, mail.ref))
                return False
            self._failed(attempt, exc, now)
            return False
        self.store.update_mail(dataclasses.replace(attempt, status=MailStatus.SENT, sent_at=now, last_error=""))
        self.store.commit()
        log.info("sent %s (%s) to %s", mail.message_id, mail.purpose, ", ".join(mail.recipients),
                 extra=ids(mail.message_id, mail.ref))
        return True

    def _resolve(self, mail: OutgoingMail, now: datetime) -> None:
        """Decide about a mail left ``sending``: its copy came back (sent), or none came in time."""
        if self.store.handled(mail.message_id) is not None:
            self.store.update_mail(dataclasses.replace(mail, status=MailStatus.SENT, sent_at=mail.sending_since))
            self.store.commit()
            log.info("mail %s had reached the server (its copy came back to the mailbox); not sent again",
                     mail.message_id, extra=ids(mail.message_id, mail.ref))
            return
        if now < max(mail.sending_since or now, self.started_at) + self.confirm_window:
            return
        log.warning("mail %s: no copy came back within %s of handing it over, so the server did not take "
                    "it; sending it again", mail.message_id, self.confirm_window, extra=ids(mail.message_id, mail.ref))
        self.store.update_mail(dataclasses.replace(mail, status=MailStatus.QUEUED, not_before=None))
        self.store.commit()

    def _failed(self, mail: OutgoingMail, exc: SendError, now: datetime) -> None:
        """Record a failed attempt (``mail.attempts`` already counts it): retry later or give up."""
        if exc.permanent:
            log.error("mail %s to %s refused for good, not sent: %s", mail.message_id, ", ".join(mail.recipients),
                      exc, extra=ids(mail.message_id, mail.ref))
            update = dict(status=MailStatus.FAILED)
        else:
            delay = min(self.retry_base * 2 ** (mail.attempts - 1), RETRY_MAX) * random.uniform(0.8, 1.2)
            log.warning("mail %s not sent (attempt %d), retrying in %s: %s", mail.message_id, mail.attempts,
                        str(delay).split(".")[0], exc, extra=ids(mail.message_id, mail.ref))
            update = dict(status=MailStatus.QUEUED, not_before=now + delay)
        self.store.update_mail(dataclasses.replace(mail, last_error=str(exc), **update))
        self.store.commit()
