"""The wiring root: every object of a configuration is built here, once, and handed to whoever
needs it (store, parser, composer, the inbound handlers, pipeline, jobs, source, sender,
dispatcher, daemon). Nothing else constructs another module's objects.

A backend's modules, and the libraries they stand on (imapclient; msal, requests and
cryptography for Graph; exchangelib for EWS), are imported only when that backend is used."""
from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from mailbot.config.settings import BACKEND_SECTIONS, Config, Secret
from mailbot.daemon import Daemon, Job, utc_now
from mailbot.errors import ConfigError, UsageError
from mailbot.followup.chase import Chase
from mailbot.followup.consultation import ConsultationReminder
from mailbot.inbound.commands import Commands
from mailbot.inbound.conversation import Conversation
from mailbot.inbound.invitation import Invitations
from mailbot.inbound.limits import Quota
from mailbot.inbound.pipeline import Pipeline
from mailbot.model import OSLO
from mailbot.outbound.composer import Composer
from mailbot.outbound.rendering import Renderer
from mailbot.outbound.sending import Dispatcher
from mailbot.parsing.parser import Parser
from mailbot.records.directory import Directory
from mailbot.records.retention import Retention
from mailbot.records.store import Store
from mailbot.reports.summary import Lookups
from mailbot.reports.warning import HealthWarning
from mailbot.reports.weekly import WeeklySummary
from mailbot.reports.yearly import YearlyReport
from mailbot.transports.senders import MailSender
from mailbot.transports.senders.outbox import OutboxSender
from mailbot.transports.sources import MailSource
from mailbot.transports.sources.maildir import MaildirSource

if TYPE_CHECKING:
    from mailbot.transports import graph
    from mailbot.transports.sources.ews import EwsSource
    from mailbot.transports.sources.graph import GraphSource


@dataclass(frozen=True)
class Parts:
    """What works on one store: the pipeline for inbound mail and the scheduled jobs' owners."""

    store: Store
    parser: Parser
    composer: Composer
    pipeline: Pipeline
    chase: Chase
    weekly: WeeklySummary
    health: HealthWarning
    retention: Retention
    yearly: YearlyReport
    consultation: ConsultationReminder | None = None

    @property
    def jobs(self) -> list[Job]:
        """The scheduled jobs: each is called with the current time and does what is due."""
        reminders: list[Job] = [self.consultation.remind] if self.consultation else []
        return [self.chase.chase_referats, *reminders, self.weekly.send_due, self.yearly.send_due, self.health.check,
                self.retention.purge_daily]


def registries(config: Config) -> tuple[Parser, Directory]:
    """Read every TOML registry beside the configuration, as :func:`build` does and ``mailbot
    check-config`` checks: the forum registry and the consultation rules (in the parser) and the
    department directory. ConfigError names the file, the key pointing to it and the entry."""
    return Parser.from_config(config), Directory.load(config.unit.directory, via="unit.directory")


def build(config: Config, store: Store) -> Parts:
    """Build every part that works on ``store`` once (registries, rules and templates are read
    here: ConfigError names the file and key of a bad one)."""
    parser, directory = registries(config)
    composer = Composer(config, Renderer(config.templates), parser.fora)
    quota = Quota(store, config.limits.mails_per_address, config.limits.mails_per_thread)
    pipeline = Pipeline(config, store, Invitations(config, store, parser, composer),
                        Conversation(config, store, composer), Commands(config, store, composer), quota)
    lookups = Lookups(config.chase.cadence(), parser.fora, directory, parser.rules)
    return Parts(store, parser, composer, pipeline, Chase(config, store, composer, directory),
                 WeeklySummary(config, store, composer, lookups), HealthWarning(config, store, composer),
                 Retention(config.retention, store, directory), YearlyReport(config, store, composer, lookups),
                 ConsultationReminder(config, store, composer, parser.rules))


@dataclass(frozen=True)
class Session:
    """A running mailbot over the configured backend: its parts, the dispatcher and the daemon."""

    parts: Parts
    dispatcher: Dispatcher
    daemon: Daemon


def source(config: Config, store: Store) -> MailSource:
    """The mail source of ``mailbox.backend`` (IMAP keeps its UID high-water mark in ``store``,
    Graph its delta link in a file beside it)."""
    if config.mailbox.backend == "imap":
        from mailbot.transports.sources import imap
        return imap.ImapSource(config.imap, store)
    if config.mailbox.backend in ("graph", "ews"):
        return _exchange_source(config)
    return MaildirSource(config.maildir.path, config.maildir.poll_seconds, config.maildir.max_message_bytes)


def _exchange_source(config: Config) -> GraphSource | EwsSource:
    """The Graph or EWS source of ``mailbox.backend`` (both keep their state outside the store)."""
    if config.mailbox.backend == "graph":
        from mailbot.transports.sources.graph import GraphSource
        return GraphSource(_graph(config), Path(f"{config.store.path}.graph-delta"), config.graph.poll_seconds)
    from mailbot.transports.sources.ews import EwsSource
    return EwsSource(_ews(config), config.ews.poll_seconds)


def sender(config: Config) -> MailSender:
    """The mail sender of ``mailbox.backend``."""
    if config.mailbox.backend == "imap":
        from mailbot.transports.senders import smtp
        return smtp.SmtpSender(config.smtp, config.mailbox.address)
    if config.mailbox.backend == "graph":
        from mailbot.transports.senders.graph import GraphSender
        return GraphSender(_graph(config))
    if config.mailbox.backend == "ews":
        from mailbot.transports.senders.ews import EwsSender
        return EwsSender(_ews(config))
    return OutboxSender(config.maildir.outbox)


def _graph(config: Config) -> graph.GraphClient:
    """A Graph client for the mailbox (``[graph]``); secrets are read here (ConfigError when unreadable)."""
    from mailbot.transports import graph
    g = config.graph
    secret = g.client_secret.read() if g.client_secret.configured else ""
    pem = g.certificate.read() if g.certificate.configured else ""
    return graph.GraphClient(tenant_id=g.tenant_id, client_id=g.client_id, credential=graph.credential(secret, pem),
                             mailbox=config.mailbox.address, endpoint=g.endpoint, authority=g.authority,
                             timeout=g.timeout_seconds, max_retries=g.max_retries)


def _ews(config: Config):
    """An exchangelib ``Account`` for the mailbox (``[ews]``); secrets are read here."""
    from mailbot.transports import ews
    return ews.account(config.ews, config.mailbox.address)


def refuse_future(config: Config, at: datetime, now: datetime, command: str) -> None:
    """Refuse to run ``command`` as of ``at`` (aware) later than ``now`` through a real mail
    backend: it would send real mail dated in the future (referat requests for meetings not yet
    held) and store marks (the week's summary sent, chase steps done) that keep the real
    schedule silent until then. The maildir backend (the demo's outbox) may look ahead.

    Raises UsageError naming the backend and the reason.
    """
    if at <= now or config.mailbox.backend == "maildir":
        return
    raise UsageError(
        f"{command} --at {at.astimezone(OSLO):%Y-%m-%d %H:%M} (Oslo time) is later than now, refused with the "
        f"{config.mailbox.backend} backend: it would send real mail dated in the future and mark the chase steps "
        "and the weekly summary of that time as done, so the real schedule would stay silent until then. "
        "--at later than now runs only with the maildir backend (the demo's outbox). To look ahead: "
        "`mailbot records` (each record's next action and its date) or `mailbot summary --preview FILE.html --at ...`")


def check_credentials(config: Config) -> None:
    """Read every secret the configured backend will use once, so that a missing one stops the
    start (and ``check-config``) with a ConfigError naming the file and the key. A token command
    is not run here: it may fail for a while (its identity service down), which the daemon
    retries with back-off."""
    for name in BACKEND_SECTIONS[config.mailbox.backend]:
        section = getattr(config, name)
        if getattr(section, "token_command", ()) and getattr(section, "auth", "") == "xoauth2":
            continue
        for field in dataclasses.fields(section):
            secret = getattr(section, field.name)
            if isinstance(secret, Secret) and secret.configured and _needed(section, field.name):
                try:
                    secret.read()
                except ConfigError as exc:
                    key = f"{name}.{field.name}_{'env' if secret.env else 'file'}"
                    raise ConfigError(exc.reason, path=config.source, key=key) from exc


def _needed(section, field: str) -> bool:
    """Whether a configured secret is the one the section's ``auth`` uses."""
    auth = getattr(section, "auth", "")
    if field == "token":
        return auth == "xoauth2"
    if field == "password":
        return auth in ("password", "ntlm")
    if field == "client_secret" and auth:
        return auth == "oauth2"
    return True


def connect_check(config: Config) -> list[str]:
    """Log in to the configured servers and describe the folders mailbot will use.

    Raises SourceError or SendError when a server cannot be reached or refuses the login.
    """
    if config.mailbox.backend == "imap":
        from mailbot.transports.senders import smtp
        from mailbot.transports.sources import imap
        return imap.survey(config.imap) + smtp.survey(config.smtp)
    if config.mailbox.backend in ("graph", "ews"):
        exchange = _exchange_source(config)
        try:  # signs in, and creates the target folders when they are missing
            names = ", ".join(exchange.folders())
        finally:
            exchange.close()
        return [f"{config.mailbox.backend}: signed in as {config.mailbox.address}; folders {names}"]
    return [f"maildir: inbox {config.maildir.path}, outbox {config.maildir.outbox} (no server)"]


def about(config: Config) -> str:
    """The daemon's start line: the backend and where it reads and sends, the configuration file
    and the store (paths absolute)."""
    c = config
    where = {"imap": f"{c.mailbox.address} on imap {c.imap.host}:{c.imap.port}, smtp {c.smtp.host}:{c.smtp.port}",
             "graph": f"{c.mailbox.address} through {c.graph.endpoint}",
             "ews": f"{c.mailbox.address} through {c.ews.service_endpoint}",
             "maildir": f"inbox {c.maildir.path.resolve()}, outbox {c.maildir.outbox.resolve()}"}[c.mailbox.backend]
    source = c.source.resolve() if c.source else "built-in defaults"
    return f"backend {c.mailbox.backend} ({where}), config {source}, store {c.store.path.resolve()}"


def assemble(config: Config, store: Store, mail_source: MailSource, mail_sender: MailSender,
             clock: Callable[[], datetime] = utc_now) -> Session:
    """The parts, dispatcher and daemon over ``store`` with these transports (the seam where
    tests put their own); ``clock`` returns the current time (aware, UTC)."""
    parts = build(config, store)
    timing = {}
    if config.mailbox.backend == "imap":
        timing = {"retry_base": timedelta(seconds=config.smtp.retry_seconds),
                  "confirm_window": timedelta(seconds=config.smtp.confirm_seconds)}
    dispatcher = Dispatcher(store, mail_sender, clock, **timing)
    daemon = Daemon(mail_source, parts.pipeline, dispatcher, store, clock=clock, jobs=parts.jobs,
                    reconnect=(config.mailbox.reconnect_seconds, config.mailbox.reconnect_max_seconds),
                    about=about(config))
    return Session(parts, dispatcher, daemon)


@contextlib.contextmanager
def session(config: Config, clock: Callable[[], datetime] = utc_now) -> Iterator[Session]:
    """Everything over the configured backend, built once; the store is locked while it lives,
    and the source, sender and store are closed at the end. ``clock`` returns the current time
    (aware, UTC). Raises ConfigError for a missing secret or a bad registry, StoreError when the
    store is locked or unreadable."""
    check_credentials(config)
    store = Store(config.store.path, compact_after=config.store.compact_after)
    mail_source = mail_sender = None
    try:
        mail_source, mail_sender = source(config, store), sender(config)
        yield assemble(config, store, mail_source, mail_sender, clock)
    finally:
        for part in (mail_source, mail_sender):
            if part is not None:
                part.close()
        store.close()


@contextlib.contextmanager
def daemon(config: Config, clock: Callable[[], datetime] = utc_now) -> Iterator[Daemon]:
    """The daemon over the configured backend (see :func:`session`)."""
    with session(config, clock) as running:
        yield running.daemon
