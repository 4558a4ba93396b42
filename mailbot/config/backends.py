"""Settings of the mail backends: [imap] and [smtp], [graph], [ews], each with its own checks.

Part of the configuration (:mod:`mailbot.config.settings`); every error names the file and the key.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from mailbot.config.credentials import Secret
from mailbot.errors import ConfigError

SECURITY = ("tls", "starttls", "none")


@dataclass(frozen=True)
class GraphConfig:
    """Exchange Online through Microsoft Graph: an Entra ID app registration with the application
    permissions Mail.ReadWrite and Mail.Send, authenticating with a client secret or a certificate."""

    tenant_id: str = ""
    client_id: str = ""
    client_secret: Secret = field(default_factory=Secret)
    certificate: Secret = field(default_factory=Secret)  # PEM: the private key and its certificate
    poll_seconds: float = 30.0
    timeout_seconds: float = 30.0
    max_retries: int = 5
    authority: str = "https://login.microsoftonline.com"
    endpoint: str = "https://graph.microsoft.com/v1.0"

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key for a value the graph backend cannot use."""
        for key in ("tenant_id", "client_id"):
            if not getattr(self, key):
                raise ConfigError("required for the graph backend", path=where, key=f"graph.{key}")
        if self.client_secret.configured == self.certificate.configured:
            raise ConfigError("set exactly one of client_secret_env/_file and certificate_env/_file",
                              path=where, key="graph.client_secret")
        for key in ("authority", "endpoint"):
            if not getattr(self, key).startswith("https://"):
                raise ConfigError("expected an https:// URL", path=where, key=f"graph.{key}")
        if self.max_retries < 0 or self.poll_seconds <= 0 or self.timeout_seconds <= 0:
            raise ConfigError("poll_seconds and timeout_seconds must be > 0, max_retries >= 0",
                              path=where, key="graph")


@dataclass(frozen=True)
class EwsConfig:
    """On-premises Exchange Server through Exchange Web Services (exchangelib)."""

    service_endpoint: str = ""
    auth: str = "ntlm"
    username: str = ""
    password: Secret = field(default_factory=Secret)
    tenant_id: str = ""
    client_id: str = ""
    client_secret: Secret = field(default_factory=Secret)
    oauth_scope: str = ""
    access_type: str = "delegate"
    poll_seconds: float = 30.0
    max_wait_seconds: float = 300.0

    def check(self, where: Path | None) -> None:
        """Raise ConfigError naming the file and key for a value the ews backend cannot use."""
        if not self.service_endpoint.startswith("https://"):
            raise ConfigError("expected the https:// URL of Exchange.asmx", path=where, key="ews.service_endpoint")
        if self.auth not in ("ntlm", "oauth2"):
            raise ConfigError('expected "ntlm" or "oauth2"', path=where, key="ews.auth")
        if self.access_type not in ("delegate", "impersonation"):
            raise ConfigError('expected "delegate" or "impersonation"', path=where, key="ews.access_type")
        needed = ("username", "password") if self.auth == "ntlm" else ("tenant_id", "client_id", "client_secret")
        for key in needed:
            value = getattr(self, key)
            if not (value.configured if isinstance(value, Secret) else value):
                shown = f"{key}_env or {key}_file" if isinstance(value, Secret) else key
                raise ConfigError(f"{shown} is required for auth = {self.auth!r}", path=where, key=f"ews.{key}")
        if self.poll_seconds <= 0 or self.max_wait_seconds <= 0:
            raise ConfigError("poll_seconds and max_wait_seconds must be > 0", path=where, key="ews")


@dataclass(frozen=True)
class ServerConfig:
    """What an IMAP and an SMTP server have in common: where, how securely, and how to log in.

    ``security``: "tls" (implicit TLS), "starttls" or "none". ``auth``: "password" (``password_env``
    or ``password_file``), "xoauth2" (an OAuth2 access token from ``token_command`` or
    ``token_env``/``token_file``) or, for SMTP only, "none". Durations are in seconds.
    """

    AUTHS: ClassVar[tuple[str, ...]] = ("password", "xoauth2")

    host: str = ""
    port: int = 993
    security: str = "tls"
    ca_file: Path | None = None
    username: str = ""
    auth: str = "password"
    password: Secret = field(default_factory=Secret)
    token: Secret = field(default_factory=Secret)
    token_command: tuple[str, ...] = ()
    timeout_seconds: float = 30.0

    def check(self, name: str, where: Path | None) -> None:
        """Raise ConfigError naming ``name.KEY`` for a value the server cannot be reached with."""
        def fail(key: str, message: str) -> None:
            raise ConfigError(message, path=where, key=f"{name}.{key}")

        if not self.host:
            fail("host", "the server's host name is needed")
        if not 0 < self.port < 65536:
            fail("port", "expected a TCP port (1-65535)")
        if self.security not in SECURITY:
            fail("security", f"expected one of: {', '.join(SECURITY)}")
        if self.auth not in self.AUTHS:
            fail("auth", f"expected one of: {', '.join(self.AUTHS)}")
        if self.auth != "none" and not self.username:
            fail("username", "a user name is needed to log in")
        if self.auth == "password" and not (self.password.env or self.password.file):
            fail("password_env", "set password_env (an environment variable) or password_file")
        if self.auth == "xoauth2" and not (self.token_command or self.token.env or self.token.file):
            fail("token_command", "xoauth2 needs token_command, token_env or token_file")
        if self.ca_file is not None and not self.ca_file.is_file():
            fail("ca_file", "file not found")
        for key in [f.name for f in dataclasses.fields(self) if f.name.endswith("_seconds")]:
            if getattr(self, key) <= 0:
                fail(key, "must be above 0")


@dataclass(frozen=True)
class ImapConfig(ServerConfig):
    """The functional mailbox over IMAP (``mailbox.backend = "imap"``); see the example file.

    ``idle_seconds`` stays under RFC 2177's 29 minutes.
    """

    inbox: str = "INBOX"
    processed: str = "processed"
    needs_attention: str = "needs-attention"
    failed: str = "failed"
    idle: bool = True
    idle_seconds: float = 300.0
    poll_seconds: float = 60.0
    sweep_seconds: float = 900.0
    max_message_bytes: int = 25_000_000

    def check(self, name: str, where: Path | None) -> None:
        """The server checks, and IDLE re-issued within RFC 2177's 29 minutes."""
        super().check(name, where)
        if not 0 < self.idle_seconds <= 29 * 60:
            raise ConfigError("must be above 0 and at most 1740 (RFC 2177: re-issue IDLE within 29 minutes)",
                              path=where, key=f"{name}.idle_seconds")


@dataclass(frozen=True)
class SmtpConfig(ServerConfig):
    """The SMTP submission server replies are sent through (``mailbox.backend = "imap"``):
    "starttls" on port 587 by default; ``auth`` may also be "none"."""

    AUTHS: ClassVar[tuple[str, ...]] = ("password", "xoauth2", "none")

    port: int = 587
    security: str = "starttls"
    timeout_seconds: float = 60.0
    copy_to_mailbox: bool = True
    confirm_seconds: float = 900.0
    retry_seconds: float = 60.0
