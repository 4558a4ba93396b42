"""Configuration: one TOML file read into frozen dataclasses, validated at start.

Every error names the file and the key. Secrets never sit in the file itself: a section asks for
them by environment variable (``*_env``) or by file path (``*_file``), see
:class:`mailbot.config.credentials.Secret`. Relative paths are resolved against the folder holding the
configuration file. The sections of the mail backends are in :mod:`mailbot.config.backends`,
those of the scheduled work in :mod:`mailbot.config.jobs`.
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mailbot.addresses import is_staff_address
from mailbot.config import checks
from mailbot.config.archive import ArchiveConfig
from mailbot.config.backends import EwsConfig, GraphConfig, ImapConfig, SmtpConfig
from mailbot.config.credentials import Secret
from mailbot.config.jobs import FOLLOW_UP_HEADINGS, WEEKDAYS, ChaseConfig, SummaryConfig, UnitConfig
from mailbot.config.limits import LimitsConfig
from mailbot.config.operator import OperatorConfig
from mailbot.config.resources import shipped
from mailbot.config.retention import RetentionConfig
from mailbot.config.yearly import YearlyConfig
from mailbot.errors import ConfigError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# The sections of config/backends.py, jobs.py, limits.py, operator.py, retention.py and yearly.py are importable here.
__all__ = ["FOLLOW_UP_HEADINGS", "WEEKDAYS", "ChaseConfig", "Config", "EwsConfig", "GraphConfig", "ImapConfig",
           "LimitsConfig", "MailboxConfig", "MaildirConfig", "OperatorConfig", "ParsingConfig", "RecordsConfig",
           "RetentionConfig", "Secret", "SendersConfig", "SmtpConfig", "StoreConfig", "SummaryConfig", "UnitConfig",
           "YearlyConfig", "load"]


SECRET_WORDS = ("password", "secret", "token", "client_secret")
_T = TypeVar("_T", bound="DataclassInstance")


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
    max_message_bytes: int = 25_000_000


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
        return is_staff_address(address, self.allowed_domains)


@dataclass(frozen=True)
class RecordsConfig:
    """How participation records are referenced: ``PREFIX-YYYY-NNNN``, e.g. INE-2027-0001."""

    reference_prefix: str = "INE"

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key unless the prefix is 1 to 10 ASCII letters and
        digits starting with a letter: references stand in subjects (``[INE-2027-0001]``), command
        lines and file names, and are found there by that shape."""
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,9}", self.reference_prefix):
            raise ConfigError(f"expected 1 to 10 ASCII letters and digits starting with a letter, got "
                              f"{self.reference_prefix!r} (references read PREFIX-YYYY-NNNN, e.g. INE-2027-0001)",
                              path=where, key="records.reference_prefix")


@dataclass(frozen=True)
class ParsingConfig:
    """Parser settings: zones and the registries it matches against."""

    default_timezone: str = "Europe/Oslo"
    fora: Path = field(default_factory=lambda: shipped("config/fora.toml"))
    consultation_rules: Path = field(default_factory=lambda: shipped("config/consultation.toml"))


@dataclass(frozen=True)
class Config:
    """The whole configuration. ``source`` is the file it came from (None: built-in defaults)."""

    mailbox: MailboxConfig = field(default_factory=MailboxConfig)
    maildir: MaildirConfig = field(default_factory=MaildirConfig)
    graph: GraphConfig = field(default_factory=GraphConfig)
    ews: EwsConfig = field(default_factory=EwsConfig)
    imap: ImapConfig = field(default_factory=ImapConfig)
    smtp: SmtpConfig = field(default_factory=SmtpConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    senders: SendersConfig = field(default_factory=SendersConfig)
    records: RecordsConfig = field(default_factory=RecordsConfig)
    parsing: ParsingConfig = field(default_factory=ParsingConfig)
    chase: ChaseConfig = field(default_factory=ChaseConfig)
    unit: UnitConfig = field(default_factory=UnitConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)
    operator: OperatorConfig = field(default_factory=OperatorConfig)
    retention: RetentionConfig = field(default_factory=RetentionConfig)
    yearly: YearlyConfig = field(default_factory=YearlyConfig)
    archive: ArchiveConfig = field(default_factory=ArchiveConfig)
    source: Path | None = None

    @property
    def unit_recipients(self) -> tuple[str, ...]:
        """Where escalations and reports go: ``unit.report_to``, else ``unit.advisers``, else the mailbox."""
        return self.unit.report_to or self.unit.advisers or (self.mailbox.address,)

    @property
    def unit_language(self) -> str:
        """The language of every mail to the unit (escalations, reports, the weekly summary and the
        yearly overview): ``summary.language``."""
        return self.summary.language

    @property
    def summary_recipients(self) -> tuple[str, ...]:
        """Who gets the weekly summary: ``summary.recipients``, else :attr:`unit_recipients`."""
        return self.summary.recipients or self.unit_recipients

    @property
    def templates(self) -> Path:
        """The jinja2 templates folder."""
        return shipped("templates")


# The sections each backend reads.
BACKEND_SECTIONS = {"maildir": ("maildir",), "imap": ("imap", "smtp"), "graph": ("graph",), "ews": ("ews",)}
BACKENDS = tuple(BACKEND_SECTIONS)


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
    data = checks.renamed(data, path)
    config = _build(Config, data, base=path.resolve().parent, where=path, prefix="")
    return _validate(dataclasses.replace(config, source=path), path)


def _build(cls: type[_T], data: dict[str, Any], *, base: Path, where: Path | None, prefix: str) -> _T:
    """Build dataclass ``cls`` from a TOML table, each value converted to its field's type."""
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls) if f.name != "source"}
    kwargs: dict[str, Any] = {}
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


def _convert(kind: Any, value: Any, *, base: Path, where: Path | None, key: str) -> Any:
    """``value`` from the TOML file as type ``kind`` (a field's type hint), or ConfigError."""
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise ConfigError("expected a table", path=where, key=key)
        return _build(kind, value, base=base, where=where, prefix=key + ".")
    if origin in (typing.Union, types.UnionType):
        inner = next(a for a in typing.get_args(kind) if a is not type(None))
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
        config.imap.check("imap", where)
        config.smtp.check("smtp", where)
    if config.mailbox.backend in ("graph", "ews"):
        getattr(config, config.mailbox.backend).check(where)
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
    checks.ranges(config, where)
    config.records.check(where)
    config.limits.check(where)
    config.operator.check(where)
    config.chase.check(where)
    config.unit.check(where)
    config.summary.check(where)
    config.retention.check(where)
    config.yearly.check(where)
    config.archive.check(where)
    checks.recipients(config, where)
    return config
