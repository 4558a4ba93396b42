"""The only loop: fetch, handle, send what was queued, acknowledge; then wait for more mail.

Order per message (lose nothing, send nothing twice): the pipeline stores the record, the
handled-log entry and the outgoing mail in one commit; the dispatcher
(:mod:`mailbot.outbound.sending`) sends the queued mail, each marked in its own commit; only
then is the message moved out of the inbox. A message that makes the code fail goes to the
failed folder and the loop goes on. SIGTERM and Ctrl-C stop the loop between two messages (or
at once while it waits for mail). A mail source that fails (a lost IMAP connection) is tried
again after an exponential back-off with jitter. Only this module reads the clock.
"""
from __future__ import annotations

import logging
import random
import signal
import time
from collections.abc import Callable
from datetime import UTC, datetime
from types import FrameType

import schedule

from mailbot.errors import SourceError, StoreError
from mailbot.inbound.pipeline import Pipeline
from mailbot.model import Folder, Handling
from mailbot.outbound.sending import Dispatcher
from mailbot.records import contact
from mailbot.records.store import Store
from mailbot.transports.sources import Inbound, MailSource

log = logging.getLogger(__name__)

# A scheduled job: called with the current time (aware, UTC), it does whatever is due then and
# stores what it did, so that a second call for the same moment does nothing.
Job = Callable[[datetime], None]

TICK_SECONDS = 60


class _Interrupted(BaseException):
    """Raised by the signal handler to end a wait for mail at once."""


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


class Daemon:
    """Ties a mail source, the pipeline, the dispatcher and the store together.

    ``clock`` returns the current time (aware, UTC); ``jobs`` run every minute with it;
    ``reconnect``: the first and the longest delay in seconds before a failed mail source is
    tried again; ``about``: what the start line names (backend, configuration, store).
    """

    def __init__(self, source: MailSource, pipeline: Pipeline, dispatcher: Dispatcher, store: Store, *,
                 clock: Callable[[], datetime] = utc_now, jobs: list[Job] | None = None,
                 reconnect: tuple[float, float] = (1.0, 300.0), about: str = "") -> None:
        self.source = source
        self.pipeline = pipeline
        self.dispatcher = dispatcher
        self.store = store
        self.clock = clock
        self.jobs = list(jobs or [])
        self.reconnect = reconnect
        self.about = about
        self.stopping = False
        self._waiting = False

    def run_once(self) -> list[tuple[Inbound, Handling]]:
        """Handle every message waiting in the inbox; returns what happened to each.

        Raises SourceError when the mail source fails (nothing is lost: an unacknowledged
        message is fetched again and recognised).
        """
        self.flush()
        done: list[tuple[Inbound, Handling]] = []
        began = self.clock()
        try:
            for message in self.source.fetch():
                if self.stopping:
                    return done
                result = self._handle(message)
                self.flush()
                self.source.ack(message, self._folder(result))
                done.append((message, result))
        except SourceError as exc:
            self._contact(str(exc))
            raise
        self._contact("")
        self.dispatcher.mailbox_read(began)
        if self.store.sending():
            self.flush()  # a mail whose copy did not come in this whole pass may be due again
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
            self.dispatcher.ready(self.clock())  # confirmation windows count from here, not from the warm-up
            log.info("mailbot running%s", f": {self.about}" if self.about else "")
            self.tick()  # catch up at once after downtime
            while not self.stopping:
                try:
                    self.run_once()
                    scheduler.run_pending()
                    self._pause(self._wait_seconds(scheduler, wait_seconds), self.source.wait)
                    failures = 0
                except SourceError as exc:
                    self._contact(str(exc))  # (also when waiting for mail failed)
                    failures += 1
                    first, longest = self.reconnect
                    delay = random.uniform(0.5, 1.0) * min(longest, first * 2 ** (failures - 1))
                    log.warning("mail source failed (%d in a row): %s; trying again in %.1f s", failures, exc, delay)
                    scheduler.run_pending()  # the jobs (the operator's warning among them) go on meanwhile
                    self._pause(delay, time.sleep)
                except _Interrupted:
                    pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            log.info("mailbot stopped")

    def _contact(self, error: str) -> None:
        """Record for ``mailbot health`` that the mail source answered (``error`` empty) or failed."""
        if contact.record(self.store, "mailbox", self.clock(), error):
            self.store.commit()

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
        due = self.dispatcher.next_due()
        seconds = [longest, scheduler.idle_seconds or longest] + [(d - now).total_seconds() for d in due]
        return max(0.05, min(seconds))

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s: stopping after the current message", signal.Signals(signum).name)
        self.stopping = True
        if self._waiting:
            raise _Interrupted

    def _handle(self, message: Inbound) -> Handling:
        try:
            return self.pipeline.handle(message.raw, self.clock(), too_large=message.too_large)
        except StoreError:
            raise  # the store is broken: stop rather than lose track; the message stays in the inbox
        except Exception as exc:  # a bug or an input the code did not foresee: keep it for a human
            return self.pipeline.failed(message.raw, exc, self.clock())

    def _folder(self, handling: Handling) -> Folder:
        """Where the message goes: needs-attention instead of processed when the server refused
        its reply for good, so that a human in the unit sees it."""
        refused = self.dispatcher.refusal(handling.queued)
        if refused is None or handling.folder is not Folder.PROCESSED:
            return handling.folder
        return self.pipeline.refused(handling, f"reply {refused.message_id} refused: {refused.last_error}").folder

    def flush(self) -> int:
        """Send what is queued and due (see :meth:`Dispatcher.flush`); returns how many were sent."""
        return self.dispatcher.flush()
