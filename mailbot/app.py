"""Wiring: the daemon the configuration describes (store, source, sender, pipeline, jobs)."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import timedelta

from mailbot import credentials
from mailbot.config import Config
from mailbot.daemon import Daemon, Job
from mailbot.pipeline import Pipeline
from mailbot.senders import MailSender, smtp
from mailbot.senders.outbox import OutboxSender
from mailbot.sources import MailSource, imap
from mailbot.sources.maildir import MaildirSource
from mailbot.store import Store


def source(config: Config, store: Store) -> MailSource:
    """The mail source of ``mailbox.backend`` (IMAP keeps its UID high-water mark in ``store``)."""
    if config.mailbox.backend == "imap":
        return imap.ImapSource(config.imap, store)
    return MaildirSource(config.maildir.path, config.maildir.poll_seconds)


def sender(config: Config) -> MailSender:
    """The mail sender of ``mailbox.backend``."""
    if config.mailbox.backend == "imap":
        return smtp.SmtpSender(config.smtp, config.mailbox.address)
    return OutboxSender(config.maildir.outbox)


def jobs(config: Config, pipeline: Pipeline) -> list[Job]:
    """The scheduled jobs: each is called with the current time and does what is due."""
    return []


def check_credentials(config: Config) -> None:
    """Read every configured password or token once, so that a missing one stops the start with
    a ConfigError naming it. A token command is not run here: it may fail for a while (its
    identity service down), which the daemon retries with back-off."""
    if config.mailbox.backend == "imap":
        for section in (config.imap, config.smtp):
            if section.auth != "none" and not section.token_command:
                credentials.secret(section)


def connect_check(config: Config) -> list[str]:
    """Log in to the configured servers and describe the folders mailbot will use.

    Raises SourceError or SendError when a server cannot be reached or refuses the login.
    """
    if config.mailbox.backend == "imap":
        return imap.survey(config.imap) + smtp.survey(config.smtp)
    return [f"maildir: inbox {config.maildir.path}, outbox {config.maildir.outbox} (no server)"]


@contextlib.contextmanager
def daemon(config: Config) -> Iterator[Daemon]:
    """A daemon over the configured backend; the store is locked while it lives."""
    check_credentials(config)
    store = Store(config.store.path, compact_after=config.store.compact_after)
    mail_source = mail_sender = None
    try:
        mail_source, mail_sender = source(config, store), sender(config)
        pipeline = Pipeline.from_config(config, store)
        timing = {}
        if config.mailbox.backend == "imap":
            timing = dict(retry_base=timedelta(seconds=config.smtp.retry_seconds),
                          confirm_window=timedelta(seconds=config.smtp.confirm_seconds))
        yield Daemon(mail_source, mail_sender, pipeline, store, jobs=jobs(config, pipeline),
                     reconnect=(config.mailbox.reconnect_seconds, config.mailbox.reconnect_max_seconds), **timing)
    finally:
        for part in (mail_source, mail_sender):
            if part is not None:
                part.close()
        store.close()
