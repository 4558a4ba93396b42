"""Wiring: the daemon the configuration describes (store, source, sender, pipeline, jobs)."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from mailbot.chase import Chase
from mailbot.config import Config
from mailbot.directory import Directory
from mailbot.daemon import Daemon, Job
from mailbot.pipeline import Pipeline
from mailbot.senders import MailSender
from mailbot.senders.outbox import OutboxSender
from mailbot.sources import MailSource
from mailbot.sources.maildir import MaildirSource
from mailbot.store import Store


def source(config: Config) -> MailSource:
    """The mail source of ``mailbox.backend``."""
    return MaildirSource(config.maildir.path, config.maildir.poll_seconds)


def sender(config: Config) -> MailSender:
    """The mail sender of ``mailbox.backend``."""
    return OutboxSender(config.maildir.outbox)


def jobs(config: Config, pipeline: Pipeline) -> list[Job]:
    """The scheduled jobs: each is called with the current time and does what is due."""
    chase = Chase(config, pipeline.store, pipeline.mailer, Directory.load(config.unit.directory))
    return [chase.chase_referats]


@contextlib.contextmanager
def daemon(config: Config) -> Iterator[Daemon]:
    """A daemon over the configured backend; the store is locked while it lives."""
    store = Store(config.store.path, compact_after=config.store.compact_after)
    mail_source = mail_sender = None
    try:
        mail_source, mail_sender = source(config), sender(config)
        pipeline = Pipeline.from_config(config, store)
        yield Daemon(mail_source, mail_sender, pipeline, store, jobs=jobs(config, pipeline))
    finally:
        for part in (mail_source, mail_sender):
            if part is not None:
                part.close()
        store.close()
