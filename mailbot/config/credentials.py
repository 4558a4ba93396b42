"""Logging in to the mail servers: passwords, OAuth2 access tokens and TLS contexts.

An ``[imap]`` or ``[smtp]`` section (:class:`mailbot.config.settings.ImapConfig`, ``SmtpConfig``) names
how to log in: ``auth = "password"`` reads ``password_env``/``password_file``; ``auth =
"xoauth2"`` gets an OAuth2 access token (RFC 6749; Microsoft 365 and Google accept it as SASL
XOAUTH2) from ``token_command`` (a program that prints it, e.g. a small msal script run by the
operator) or from ``token_env``/``token_file``. The token is read again at every login, since
access tokens last about an hour. Nothing here is logged.
"""
from __future__ import annotations

import os
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mailbot.errors import ConfigError

if TYPE_CHECKING:  # backends imports Secret from here
    from mailbot.config.backends import ServerConfig

TOKEN_COMMAND_SECONDS = 60


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
                raise ConfigError(f"cannot read secret file {self.file}: {exc.strerror or exc}") from exc
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


def secret(section: ServerConfig) -> str:
    """The password or access token for ``section`` (an ImapConfig or SmtpConfig).

    Raises ConfigError when the secret is configured but cannot be had (unset variable,
    unreadable file, a token command that fails or prints nothing).
    """
    if section.auth == "xoauth2":
        return access_token(section)
    return section.password.read()


def access_token(section: ServerConfig) -> str:
    """An OAuth2 access token: the first line ``token_command`` prints, else ``token_*``."""
    if not section.token_command:
        return section.token.read()
    command = list(section.token_command)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TOKEN_COMMAND_SECONDS,
                              stdin=subprocess.DEVNULL, check=False)  # the status is checked below
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ConfigError(f"token command {command[0]} failed: {exc}", key="token_command") from exc
    token = done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""
    if done.returncode != 0 or not token:
        raise ConfigError(f"token command {command[0]} exited with status {done.returncode} "
                          f"and printed {'a token' if token else 'no token'}", key="token_command")
    return token


def xoauth2(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (before base64) for ``user`` and an access token."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def tls_context(section: ServerConfig) -> ssl.SSLContext:
    """A verifying TLS context (system CAs, plus ``ca_file`` when set); TLS 1.2 at least."""
    context = ssl.create_default_context(cafile=str(section.ca_file) if section.ca_file else None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context
