"""Configuration: one TOML file read into frozen dataclasses, validated at start.

Every error names the file and the key. Secrets never sit in the file itself: a section asks for
them by environment variable (``*_env``) or by file path (``*_file``), see :class:`Secret`.
Relative paths are resolved against the folder holding the configuration file.
"""
from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mailbot.businessdays import Calendar
from mailbot.cadence import Cadence
from mailbot.directory import Directory
from mailbot.errors import ConfigError
from mailbot.resources import shipped

SECRET_WORDS = ("password", "secret", "token", "client_secret")


@dataclass(frozen=True)
class Secret:
    """A secret read from an environment variable or a file, never from the config itself."""

    env: str = ""
    file: Path | None = None

    def read(self) -> str:
        """Return the secret's value; raises ConfigError when it is configured but unavailable."""
        if self.env:
            value = os.environ.get(self.env)
            if value is None:
                raise ConfigError(f"environment variable {self.env} is not set")
            return value
        if self.file:
            try:
                return self.file.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError(f"cannot read secret file: {exc}", path=self.file) from exc
        raise ConfigError("no secret configured (set *_env or *_file)")

    @property
    def configured(self) -> bool:
        """Whether an environment variable or a file is named."""
        return bool(self.env or self.file)

    def masked(self) -> str:
        """Describe where the secret comes from without showing it."""
        if self.env:
            state = "set" if self.env in os.environ else "NOT SET"
            return f"env {self.env} ({state})"
        if self.file:
            return f"file {self.file} ({'readable' if os.access(self.file, os.R_OK) else 'NOT READABLE'})"
        return "(none)"


@dataclass(frozen=True)
class MailboxConfig:
    """The functional mailbox mailbot serves."""

    backend: str = "maildir"
    address: str = "ine@udi.no"
    name: str = "Internasjonal enhet (INE)"
    reconnect_seconds: float = 1.0
    reconnect_max_seconds: float = 300.0


@dataclass(frozen=True)
class MaildirConfig:
    """The embedded backend: a local Maildir as the inbox and another as the outbox."""

    path: Path = Path("data/maildir")
    outbox: Path = Path("data/outbox")
    poll_seconds: float = 2.0


@dataclass(frozen=True)
class GraphConfig:
    """Exchange Online through Microsoft Graph: an Entra ID app registration with the application
    permissions Mail.ReadWrite and Mail.Send, authenticating with a client secret or a certificate."""

    tenant_id: str = ""
    client_id: str = ""
    client_secret: Secret = Secret()
    certificate: Secret = Secret()  # PEM: the private key and its certificate
    poll_seconds: float = 30.0
    timeout_seconds: float = 30.0
    max_retries: int = 5
    authority: str = "https://login.microsoftonline.com"
    endpoint: str = "https://graph.microsoft.com/v1.0"


@dataclass(frozen=True)
class EwsConfig:
    """On-premises Exchange Server through Exchange Web Services (exchangelib)."""

    service_endpoint: str = ""
    auth: str = "ntlm"
    username: str = ""
    password: Secret = Secret()
    tenant_id: str = ""
    client_id: str = ""
    client_secret: Secret = Secret()
    oauth_scope: str = ""
    access_type: str = "delegate"
    poll_seconds: float = 30.0
    max_wait_seconds: float = 300.0


@dataclass(frozen=True)
class ImapConfig:
    """The functional mailbox over IMAP (``mailbox.backend = "imap"``); see the example file.

    ``security``: "tls" (implicit TLS, port 993), "starttls" or "none". ``auth``: "password" or
    "xoauth2" (an OAuth2 access token from ``token_command`` or ``token_env``/``token_file``).
    Durations are in seconds; ``idle_seconds`` stays under RFC 2177's 29 minutes.
    """

    host: str = ""
    port: int = 993
    security: str = "tls"
    ca_file: Path | None = None
    username: str = ""
    auth: str = "password"
    password: Secret = Secret()
    token: Secret = Secret()
    token_command: tuple[str, ...] = ()
    timeout_seconds: float = 30.0
    inbox: str = "INBOX"
    processed: str = "processed"
    needs_attention: str = "needs-attention"
    failed: str = "failed"
    idle: bool = True
    idle_seconds: float = 300.0
    poll_seconds: float = 60.0
    sweep_seconds: float = 900.0
    max_message_bytes: int = 25_000_000


@dataclass(frozen=True)
class SmtpConfig:
    """The SMTP submission server replies are sent through (``mailbox.backend = "imap"``).

    ``security``: "tls" (port 465), "starttls" (port 587) or "none"; ``auth``: "password",
    "xoauth2" or "none". Durations are in seconds.
    """

    host: str = ""
    port: int = 587
    security: str = "starttls"
    ca_file: Path | None = None
    username: str = ""
    auth: str = "password"
    password: Secret = Secret()
    token: Secret = Secret()
    token_command: tuple[str, ...] = ()
    timeout_seconds: float = 60.0
    copy_to_mailbox: bool = True
    confirm_seconds: float = 900.0
    retry_seconds: float = 60.0


@dataclass(frozen=True)
class StoreConfig:
    """Where participation records are kept."""

    path: Path = Path("data/mailbot.json")
    compact_after: int = 500


@dataclass(frozen=True)
class SendersConfig:
    """Who may register participations (the guards of the pipeline)."""

    allowed_domains: tuple[str, ...] = ("udi.no",)
    authserv_id: str = ""

    def is_staff(self, address: str) -> bool:
        """True when ``address`` is in one of ``allowed_domains`` or a sub-domain (case-insensitive)."""
        domain = address.rpartition("@")[2].lower()
        return "@" in address and any(domain == d.lower() or domain.endswith("." + d.lower())
                                      for d in self.allowed_domains)


@dataclass(frozen=True)
class RecordsConfig:
    """How participation records are referenced."""

    reference_prefix: str = "INE"


FOLLOW_UP_HEADINGS = ("oppfølgingspunkter", "oppfølgingspunkt", "oppfølging", "videre oppfølging",
                      "follow-up points", "follow-up", "follow up", "followup", "action points", "action items",
                      "actions", "next steps", "tiltak")


@dataclass(frozen=True)
class ChaseConfig:
    """The chase for the referat after a meeting (IM 2011-013 §4.1); days are business days."""

    enabled: bool = True
    request_after_days: int = 1
    reminder_days: tuple[int, ...] = (5, 10)
    escalate_after_days: int = 15
    office_opens: str = "08:00"
    office_closes: str = "16:00"
    closed_days: tuple[str, ...] = ("12-24", "12-31")
    out_of_office_days: int = 5
    out_of_office_max_days: int = 60
    referat_min_words: int = 40
    follow_up_headings: tuple[str, ...] = FOLLOW_UP_HEADINGS

    def calendar(self) -> Calendar:
        """The business-day calendar these settings describe (validated at load)."""
        days = tuple((int(d[:2]), int(d[3:])) for d in self.closed_days)
        return Calendar(opens=time.fromisoformat(self.office_opens), closes=time.fromisoformat(self.office_closes),
                        closed_days=days)

    def cadence(self) -> Cadence:
        """The steps of the chase these settings describe."""
        return Cadence(self.calendar(), self.request_after_days, self.reminder_days, self.escalate_after_days)


@dataclass(frozen=True)
class UnitConfig:
    """The international unit's people: who may steer records by email and who hears of problems."""

    staff: tuple[str, ...] = ()
    report_to: tuple[str, ...] = ()
    directory: Path | None = None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class SummaryConfig:
    """The weekly summary email to the international unit (IM 2011-013 §1, §2.3: the overview).

    ``day`` and ``time`` (Oslo wall clock, HH:MM) fix when it goes out each ISO week; with
    ``business_days`` a day that is no business day moves it to the next business day.
    ``recipients`` (staff addresses only) default to the unit's (:attr:`Config.unit_recipients`).
    """

    enabled: bool = True
    day: str = "monday"
    time: str = "07:30"
    business_days: bool = True
    recipients: tuple[str, ...] = ()
    language: str = "nb"
    upcoming_days: int = 14
    trend_weeks: int = 8
    max_rows: int = 5

    @property
    def weekday(self) -> int:
        """``day`` as a number, Monday = 0."""
        return WEEKDAYS.index(self.day)


@dataclass(frozen=True)
class ParsingConfig:
    """Parser settings: zones and the registries it matches against."""

    default_timezone: str = "Europe/Oslo"
    fora: Path = field(default_factory=lambda: shipped("config/fora.toml"))
    consultation_rules: Path = field(default_factory=lambda: shipped("config/consultation.toml"))


@dataclass(frozen=True)
class Config:
    """The whole configuration. ``source`` is the file it came from (None: built-in defaults)."""

    mailbox: MailboxConfig = MailboxConfig()
    maildir: MaildirConfig = MaildirConfig()
    graph: GraphConfig = GraphConfig()
    ews: EwsConfig = EwsConfig()
    imap: ImapConfig = ImapConfig()
    smtp: SmtpConfig = SmtpConfig()
    store: StoreConfig = StoreConfig()
    senders: SendersConfig = SendersConfig()
    records: RecordsConfig = RecordsConfig()
    parsing: ParsingConfig = field(default_factory=ParsingConfig)
    chase: ChaseConfig = ChaseConfig()
    unit: UnitConfig = UnitConfig()
    summary: SummaryConfig = SummaryConfig()
    source: Path | None = None

    @property
    def unit_recipients(self) -> tuple[str, ...]:
        """Where escalations and reports go: ``unit.report_to``, else ``unit.staff``, else the mailbox."""
        return self.unit.report_to or self.unit.staff or (self.mailbox.address,)

    @property
    def summary_recipients(self) -> tuple[str, ...]:
        """Who gets the weekly summary: ``summary.recipients``, else :attr:`unit_recipients`."""
        return self.summary.recipients or self.unit_recipients

    @property
    def templates(self) -> Path:
        """The jinja2 templates folder."""
        return shipped("templates")


BACKENDS = ("maildir", "imap", "graph", "ews")
SECURITY = ("tls", "starttls", "none")


def load(path: Path | None) -> Config:
    """Read and validate the configuration at ``path``; None gives the built-in defaults.

    Raises ConfigError naming the file and key for an unknown key, a wrong type, a bad value, a
    secret written into the file, or an unreadable file.
    """
    if path is None:
        return _validate(_build(Config, {}, base=Path.cwd(), where=None, prefix=""), None)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", path=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=path) from exc
    config = _build(Config, data, base=path.resolve().parent, where=path, prefix="")
    return _validate(dataclasses.replace(config, source=path), path)


def _build(cls: type, data: dict, *, base: Path, where: Path | None, prefix: str):
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls) if f.name != "source"}
    kwargs = {}
    data = dict(data)
    for name in [n for n in known if hints[n] is Secret]:
        env, file = data.pop(f"{name}_env", ""), data.pop(f"{name}_file", None)
        if not isinstance(env, str):
            raise ConfigError("expected the name of an environment variable", path=where, key=f"{prefix}{name}_env")
        file = _convert(Path, file, base=base, where=where, key=f"{prefix}{name}_file") if file is not None else None
        kwargs[name] = Secret(env=env, file=file)
        known.discard(name)
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if key not in known:
            if any(word in key.lower() for word in SECRET_WORDS):
                raise ConfigError("secrets are not written in the file: use "
                                  f"{key}_env (an environment variable) or {key}_file (a file path)",
                                  path=where, key=dotted)
            raise ConfigError(f"unknown key (known: {', '.join(sorted(known))})", path=where, key=dotted)
        kwargs[key] = _convert(hints[key], value, base=base, where=where, key=dotted)
    return cls(**kwargs)


def _convert(kind, value, *, base: Path, where: Path | None, key: str):
    origin = typing.get_origin(kind)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise ConfigError("expected a table", path=where, key=key)
        return _build(kind, value, base=base, where=where, prefix=key + ".")
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(kind) if a is not type(None)][0]
        return _convert(inner, value, base=base, where=where, key=key)
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError("expected a list", path=where, key=key)
        item = typing.get_args(kind)[0]
        return tuple(_convert(item, v, base=base, where=where, key=key) for v in value)
    if kind is Path:
        if not isinstance(value, str) or not value:
            raise ConfigError("expected a path (a string)", path=where, key=key)
        p = Path(value).expanduser()
        return p if p.is_absolute() else base / p
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(f"expected {kind.__name__}, got {type(value).__name__}", path=where, key=key)
    return value


def _validate(config: Config, where: Path | None) -> Config:
    if config.mailbox.backend not in BACKENDS:
        raise ConfigError(f"unknown backend {config.mailbox.backend!r} (one of: {', '.join(BACKENDS)})",
                          path=where, key="mailbox.backend")
    if "@" not in config.mailbox.address:
        raise ConfigError("expected an email address", path=where, key="mailbox.address")
    if config.mailbox.backend == "imap":
        _validate_server(config.imap, "imap", ("password", "xoauth2"), where)
        _validate_server(config.smtp, "smtp", ("password", "xoauth2", "none"), where)
        if not 0 < config.imap.idle_seconds <= 29 * 60:
            raise ConfigError("must be above 0 and at most 1740 (RFC 2177: re-issue IDLE within 29 minutes)",
                              path=where, key="imap.idle_seconds")
    if config.mailbox.backend == "graph":
        _validate_graph(config.graph, where)
    if config.mailbox.backend == "ews":
        _validate_ews(config.ews, where)
    if not 0 < config.mailbox.reconnect_seconds <= config.mailbox.reconnect_max_seconds:
        raise ConfigError("expected 0 < reconnect_seconds <= reconnect_max_seconds", path=where,
                          key="mailbox.reconnect_seconds")
    try:
        ZoneInfo(config.parsing.default_timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError("unknown IANA time zone", path=where, key="parsing.default_timezone") from exc
    if not config.senders.allowed_domains:
        raise ConfigError("at least one domain is needed", path=where, key="senders.allowed_domains")
    for key in ("fora", "consultation_rules"):
        if not getattr(config.parsing, key).is_file():
            raise ConfigError("file not found", path=where, key=f"parsing.{key}")
    _validate_chase(config.chase, where)
    _validate_unit(config.unit, where)
    _validate_summary(config, where)
    return config


def _validate_graph(graph: GraphConfig, where: Path | None) -> None:
    for key in ("tenant_id", "client_id"):
        if not getattr(graph, key):
            raise ConfigError("required for the graph backend", path=where, key=f"graph.{key}")
    if graph.client_secret.configured == graph.certificate.configured:
        raise ConfigError("set exactly one of client_secret_env/_file and certificate_env/_file",
                          path=where, key="graph.client_secret")
    for key in ("authority", "endpoint"):
        if not getattr(graph, key).startswith("https://"):
            raise ConfigError("expected an https:// URL", path=where, key=f"graph.{key}")
    if graph.max_retries < 0 or graph.poll_seconds <= 0 or graph.timeout_seconds <= 0:
        raise ConfigError("poll_seconds and timeout_seconds must be > 0, max_retries >= 0",
                          path=where, key="graph")


def _validate_ews(ews: EwsConfig, where: Path | None) -> None:
    if not ews.service_endpoint.startswith("https://"):
        raise ConfigError("expected the https:// URL of Exchange.asmx", path=where, key="ews.service_endpoint")
    if ews.auth not in ("ntlm", "oauth2"):
        raise ConfigError('expected "ntlm" or "oauth2"', path=where, key="ews.auth")
    if ews.access_type not in ("delegate", "impersonation"):
        raise ConfigError('expected "delegate" or "impersonation"', path=where, key="ews.access_type")
    needed = ("username", "password") if ews.auth == "ntlm" else ("tenant_id", "client_id", "client_secret")
    for key in needed:
        value = getattr(ews, key)
        if not (value.configured if isinstance(value, Secret) else value):
            shown = f"{key}_env or {key}_file" if isinstance(value, Secret) else key
            raise ConfigError(f"{shown} is required for auth = {ews.auth!r}", path=where, key=f"ews.{key}")
    if ews.poll_seconds <= 0 or ews.max_wait_seconds <= 0:
        raise ConfigError("poll_seconds and max_wait_seconds must be > 0", path=where, key="ews")

def _validate_chase(chase: ChaseConfig, where: Path | None) -> None:
    for key in ("office_opens", "office_closes"):
        if not re.fullmatch(r"[0-2]\d:[0-5]\d", getattr(chase, key)):
            raise ConfigError("expected a time of day HH:MM (Oslo time)", path=where, key=f"chase.{key}")
    if chase.office_opens >= chase.office_closes:
        raise ConfigError("office hours must open before they close", path=where, key="chase.office_closes")
    for day in chase.closed_days:
        try:
            date(2000, int(day[:2]), int(day[3:]))  # a leap year, so 02-29 is a valid closed day
        except ValueError:
            raise ConfigError(f"expected MM-DD, got {day!r}", path=where, key="chase.closed_days") from None
    steps = (0, *chase.reminder_days) + ((chase.escalate_after_days,) if chase.escalate_after_days else ())
    if any(b <= a for a, b in zip(steps, steps[1:])) or chase.escalate_after_days < 0:
        raise ConfigError("reminder and escalation days must be positive and increasing",
                          path=where, key="chase.reminder_days")
    for key in ("request_after_days", "out_of_office_days", "out_of_office_max_days", "referat_min_words"):
        if getattr(chase, key) < (0 if key == "request_after_days" else 1):
            raise ConfigError("value out of range", path=where, key=f"chase.{key}")


def _validate_unit(unit: UnitConfig, where: Path | None) -> None:
    for key in ("staff", "report_to"):
        if any("@" not in address for address in getattr(unit, key)):
            raise ConfigError("expected email addresses", path=where, key=f"unit.{key}")
    if unit.directory is not None and not unit.directory.is_file():
        raise ConfigError("file not found", path=where, key="unit.directory")
    if unit.directory is not None:
        Directory.load(unit.directory)  # raises ConfigError naming the file and entry


def _validate_server(section, name: str, auths: tuple[str, ...], where: Path | None) -> None:
    """Checks shared by the [imap] and [smtp] sections."""
    def fail(key: str, message: str) -> None:
        raise ConfigError(message, path=where, key=f"{name}.{key}")

    if not section.host:
        fail("host", "the server's host name is needed")
    if not 0 < section.port < 65536:
        fail("port", "expected a TCP port (1-65535)")
    if section.security not in SECURITY:
        fail("security", f"expected one of: {', '.join(SECURITY)}")
    if section.auth not in auths:
        fail("auth", f"expected one of: {', '.join(auths)}")
    if section.auth != "none" and not section.username:
        fail("username", "a user name is needed to log in")
    if section.auth == "password" and not (section.password.env or section.password.file):
        fail("password_env", "set password_env (an environment variable) or password_file")
    if section.auth == "xoauth2" and not (section.token_command or section.token.env or section.token.file):
        fail("token_command", "xoauth2 needs token_command, token_env or token_file")
    if section.ca_file is not None and not section.ca_file.is_file():
        fail("ca_file", "file not found")
    for key in [f.name for f in dataclasses.fields(section) if f.name.endswith("_seconds")]:
        if getattr(section, key) <= 0:
            fail(key, "must be above 0")


def _validate_summary(config: Config, where: Path | None) -> None:
    summary = config.summary
    if summary.day not in WEEKDAYS:
        raise ConfigError(f"expected a weekday in English ({', '.join(WEEKDAYS)})", path=where, key="summary.day")
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", summary.time):
        raise ConfigError("expected a time of day HH:MM (Oslo time)", path=where, key="summary.time")
    if summary.language not in ("nb", "en"):
        raise ConfigError('expected "nb" or "en"', path=where, key="summary.language")
    for key, low, high in (("upcoming_days", 1, 366), ("trend_weeks", 1, 52), ("max_rows", 1, 100)):
        if not low <= getattr(summary, key) <= high:
            raise ConfigError(f"expected {low} to {high}", path=where, key=f"summary.{key}")
    if summary.enabled:
        _validate_summary_recipients(config, where)


def _validate_summary_recipients(config: Config, where: Path | None) -> None:
    """The summary names every participant: only staff addresses may get it (IM 2011-013 §2.3)."""
    key = ("summary.recipients" if config.summary.recipients else "unit.report_to" if config.unit.report_to
           else "unit.staff" if config.unit.staff else "mailbox.address")
    for address in config.summary_recipients:
        if address.lower() != config.mailbox.address.lower() and not config.senders.is_staff(address):
            raise ConfigError(f"{address} is outside senders.allowed_domains "
                              f"({', '.join(config.senders.allowed_domains)}); the weekly summary goes to "
                              "staff only", path=where, key=key)


def describe(config: Config) -> str:
    """Render the effective configuration as TOML-like text, secrets masked."""
    lines = [f"# effective configuration from {config.source or 'built-in defaults'}"]
    for section in dataclasses.fields(config):
        value = getattr(config, section.name)
        if not dataclasses.is_dataclass(value):
            continue
        lines.append(f"\n[{section.name}]")
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            shown = item.masked() if isinstance(item, Secret) else _toml(item)
            lines.append(f"{f.name} = {shown}")
    return "\n".join(lines)


def _toml(value) -> str:
    if value is None:
        return "# not set"
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
