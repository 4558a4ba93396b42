"""Wiring: the daemon the configuration describes (store, source, sender, pipeline, jobs)."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from mailbot import graph
from mailbot.chase import Chase
from mailbot.config import Config
from mailbot.directory import Directory
from mailbot.daemon import Daemon, Job
from mailbot.pipeline import Pipeline
from mailbot.senders import MailSender
from mailbot.senders.graph import GraphSender
from mailbot.senders.outbox import OutboxSender
from mailbot.sources import MailSource
from mailbot.sources.graph import GraphSource
from mailbot.sources.maildir import MaildirSource
from mailbot.store import Store
from mailbot.summary import Lookups
from mailbot.weekly import WeeklySummary


def source(config: Config) -> MailSource:
    """The mail source of ``mailbox.backend``."""
    if config.mailbox.backend == "graph":
        return GraphSource(_graph(config), Path(f"{config.store.path}.graph-delta"), config.graph.poll_seconds)
    if config.mailbox.backend == "ews":
        from mailbot.sources.ews import EwsSource  # exchangelib takes ~0.6 s to import: only when used
        return EwsSource(_ews(config), config.ews.poll_seconds)
    return MaildirSource(config.maildir.path, config.maildir.poll_seconds)


def sender(config: Config) -> MailSender:
    """The mail sender of ``mailbox.backend``."""
    if config.mailbox.backend == "graph":
        return GraphSender(_graph(config))
    if config.mailbox.backend == "ews":
        from mailbot.senders.ews import EwsSender  # exchangelib: only when used
        return EwsSender(_ews(config))
    return OutboxSender(config.maildir.outbox)


def _graph(config: Config) -> graph.GraphClient:
    """A Graph client for the mailbox (``[graph]``); secrets are read here (ConfigError when unreadable)."""
    g = config.graph
    secret = g.client_secret.read() if g.client_secret.configured else ""
    pem = g.certificate.read() if g.certificate.configured else ""
    return graph.GraphClient(tenant_id=g.tenant_id, client_id=g.client_id, credential=graph.credential(secret, pem),
                             mailbox=config.mailbox.address, endpoint=g.endpoint, authority=g.authority,
                             timeout=g.timeout_seconds, max_retries=g.max_retries)


def _ews(config: Config):
    """An exchangelib ``Account`` for the mailbox (``[ews]``); secrets are read here."""
    from mailbot import ews
    return ews.account(config.ews, config.mailbox.address)


def jobs(config: Config, pipeline: Pipeline) -> list[Job]:
    """The scheduled jobs: each is called with the current time and does what is due."""
    directory = Directory.load(config.unit.directory)
    chase = Chase(config, pipeline.store, pipeline.mailer, directory)
    lookups = Lookups(config.chase.cadence(), pipeline.fora, directory, pipeline.parser.rules)
    weekly = WeeklySummary(config, pipeline.store, pipeline.mailer, lookups)
    return [chase.chase_referats, weekly.send_due]


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
