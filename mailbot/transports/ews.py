"""Exchange Web Services for one mailbox on an on-premises Exchange Server (``exchangelib``).

Credentials are NTLM (a service account's ``DOMAIN\\user`` or UPN and password) or OAuth 2.0
client credentials (RFC 6749 §4.4) from Microsoft Entra ID, for servers published with hybrid
modern authentication. Requests are retried by exchangelib's ``FaultTolerance`` policy: a busy
server (``ErrorServerBusy`` with its back-off hint, HTTP 503) or a lost connection is retried
with back-off for at most ``max_wait_seconds`` before the error is raised.

Exchange Online blocks EWS from 1 October 2026 and retires it on 1 April 2027; use the Graph
backend (:mod:`mailbot.transports.graph`) there.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import requests
from exchangelib import (
    DELEGATE,
    IMPERSONATION,
    NTLM,
    OAUTH2,
    UTC,
    Account,
    Configuration,
    Credentials,
    FaultTolerance,
    OAuth2Credentials,
)
from exchangelib.errors import EWSError
from exchangelib.folders import SHALLOW, SingleFolderQuerySet
from exchangelib.folders import Folder as EwsFolder
from exchangelib.services import CreateFolder

from mailbot.config.settings import EwsConfig

# What exchangelib raises when Exchange or the network fails (its own errors, requests' and sockets').
FAILURES = (EWSError, requests.RequestException, OSError)


class _ScopedOAuth2Credentials(OAuth2Credentials):
    """Client credentials asking for a token for the configured scope (exchangelib asks for
    Exchange Online's, ``https://outlook.office365.com/.default``)."""

    def __init__(self, *, scope: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._scope = scope

    @property
    def scope(self) -> list[str]:
        """The OAuth 2.0 scope the token is requested for."""
        return [self._scope]


def account(config: EwsConfig, address: str) -> Account:
    """An exchangelib ``Account`` for mailbox ``address`` as ``config`` describes it (no request
    is made here). Raises ConfigError when a secret cannot be read."""
    if config.auth == "ntlm":
        credentials, auth_type = Credentials(config.username, config.password.read()), NTLM
    else:
        host = urlsplit(config.service_endpoint).netloc
        credentials = _ScopedOAuth2Credentials(
            client_id=config.client_id, client_secret=config.client_secret.read(), tenant_id=config.tenant_id,
            scope=config.oauth_scope or f"https://{host}/.default")
        auth_type = OAUTH2
    configuration = Configuration(service_endpoint=config.service_endpoint, credentials=credentials,
                                  auth_type=auth_type, retry_policy=FaultTolerance(max_wait=config.max_wait_seconds))
    access = IMPERSONATION if config.access_type == "impersonation" else DELEGATE
    return Account(primary_smtp_address=address, config=configuration, autodiscover=False, access_type=access,
                   default_timezone=UTC)


def child_folder(parent: EwsFolder, name: str) -> EwsFolder:
    """``parent``'s child folder ``name`` (one shallow FindFolder), created when missing
    (CreateFolder). Raises exchangelib's errors (see :data:`FAILURES`)."""
    query = SingleFolderQuerySet(account=parent.account, folder=parent).depth(SHALLOW).only("name")
    for folder in query.filter(name=name):
        if isinstance(folder, Exception):
            raise folder
        return folder
    return CreateFolder(account=parent.account).get(parent_folder=parent, folders=[EwsFolder(parent=parent, name=name)])
