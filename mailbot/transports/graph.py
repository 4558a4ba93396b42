"""Microsoft Graph over HTTPS for one mailbox: app-only tokens, throttling, errors.

Tokens come from Microsoft Entra ID by the OAuth 2.0 client credentials grant (RFC 6749 §4.4)
through ``msal``, with a client secret or a certificate; ``msal`` caches a token until shortly
before it expires. Requests go to ``{endpoint}/users/{mailbox}/...``.

Throttling follows Microsoft's guidance (https://learn.microsoft.com/graph/throttling): a 429 or
503 is retried after the ``Retry-After`` seconds it carries (RFC 9110 §10.2.3), or after an
exponential back-off when it carries none. Requests that are safe to repeat (GET, and POSTs the
caller marks ``idempotent``) are also retried after a 500, 502 or 504 and after a lost
connection; sendMail is not, so a mail is never handed over twice blindly.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

import msal
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from mailbot.errors import ConfigError, MailbotError

log = logging.getLogger(__name__)

THROTTLED = frozenset({429, 503})
UNSTABLE = frozenset({500, 502, 504})
MAX_RETRY_AFTER = 900.0  # seconds; a longer Retry-After is taken as a broken header
MAX_BACKOFF = 60.0  # seconds


class GraphError(MailbotError):
    """A Graph request failed for good (retries spent or not allowed).

    ``status`` is the HTTP status (None for a lost connection or a token that could not be had)
    and ``code`` Graph's error code (``error.code`` of the JSON body, e.g. ``ErrorItemNotFound``,
    ``syncStateNotFound``) or the token endpoint's OAuth error (RFC 6749 §5.2).
    """

    def __init__(self, message: str, *, status: int | None = None, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code

    @classmethod
    def of(cls, response: requests.Response) -> GraphError:
        """The error a Graph response reports (its body is never logged whole)."""
        try:
            error = response.json().get("error", {})
            code, text = str(error.get("code", "")), str(error.get("message", ""))
        except (ValueError, AttributeError):
            code, text = "", response.reason or ""
        return cls(f"Graph {response.request.method} {urlsplit(response.url).path}: "
                   f"{response.status_code} {code} {text}".strip(), status=response.status_code, code=code)


def credential(client_secret: str = "", certificate_pem: str = "") -> str | dict:
    """The ``msal`` client credential: a client secret, or a PEM holding a private key and its
    certificate (the SHA-1 thumbprint Entra ID knows the certificate by is computed here).

    Raises ConfigError when the PEM holds no certificate.
    """
    if not certificate_pem:
        return client_secret
    try:
        cert = x509.load_pem_x509_certificate(certificate_pem.encode())
    except ValueError as exc:
        raise ConfigError(f"the PEM holds no readable certificate: {exc}", key="graph.certificate") from exc
    return {"private_key": certificate_pem, "thumbprint": cert.fingerprint(hashes.SHA1()).hex(),
            "public_certificate": certificate_pem}


class GraphClient:
    """An authenticated Graph session for one mailbox (an SMTP address or a user id).

    ``timeout`` is per HTTP request in seconds; ``max_retries`` bounds the retries of one
    request; ``sleep`` waits that many seconds (tests pass a fake). Not thread-safe.
    """

    def __init__(self, *, tenant_id: str, client_id: str, credential: str | dict, mailbox: str,
                 endpoint: str = "https://graph.microsoft.com/v1.0",
                 authority: str = "https://login.microsoftonline.com", timeout: float = 30.0,
                 max_retries: int = 5, sleep: Callable[[float], None] = time.sleep) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.base = f"{self.endpoint}/users/{quote(mailbox, safe='@')}"
        parts = urlsplit(self.endpoint)
        self.scope = f"{parts.scheme}://{parts.netloc}/.default"
        self.timeout, self.max_retries, self.sleep = timeout, max_retries, sleep
        self.session = requests.Session()
        self._app_args: dict[str, Any] = {"client_id": client_id, "client_credential": credential,
                                          "authority": f"{authority.rstrip('/')}/{tenant_id}",
                                          "http_client": self.session}
        self._app: msal.ConfidentialClientApplication | None = None

    def token(self) -> str:
        """An access token for Graph (cached by ``msal``); raises GraphError when none is given."""
        try:
            if self._app is None:  # built late: msal reads the authority's metadata over the network
                self._app = msal.ConfidentialClientApplication(**self._app_args)
            result = self._app.acquire_token_for_client(scopes=[self.scope])
        except (requests.RequestException, ValueError) as exc:
            raise GraphError(f"no token from Entra ID: {exc}") from exc
        if "access_token" not in result:
            raise GraphError(f"no token from Entra ID: {result.get('error')}: {result.get('error_description')}",
                             code=str(result.get("error", "")))
        return result["access_token"]

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` below the mailbox (absolute URLs are returned as they are)."""
        return path if path.startswith("https://") else f"{self.base}/{path.lstrip('/')}"

    def request(self, method: str, path: str, *, idempotent: bool | None = None,
                headers: dict[str, str] | None = None, **kwargs: Any) -> requests.Response:
        """Send one request (``kwargs`` as for ``requests``) and return the 2xx/3xx response.

        Throttled responses are waited out and retried; see the module docstring for which
        others are. Raises GraphError when the request fails for good.
        """
        retry_unstable = method == "GET" if idempotent is None else idempotent
        attempt = 0
        while True:
            wait: float | None = None
            try:
                response = self.session.request(method, self.url(path), timeout=self.timeout,
                                                headers={"Authorization": f"Bearer {self.token()}", **(headers or {})},
                                                **kwargs)
            except requests.RequestException as exc:
                error = GraphError(f"Graph {method} {urlsplit(self.url(path)).path}: {exc}")
                retryable = retry_unstable
            else:
                if response.status_code < 400:
                    return response
                error = GraphError.of(response)
                retryable = response.status_code in THROTTLED or (retry_unstable and response.status_code in UNSTABLE)
                wait = retry_after(response)
            if not retryable or attempt >= self.max_retries:
                raise error
            wait = min(MAX_BACKOFF, 2.0 ** attempt) if wait is None else wait
            log.warning("%s; retry %d of %d in %.1f s", error, attempt + 1, self.max_retries, wait)
            self.sleep(wait)
            attempt += 1

    def close(self) -> None:
        """Close the HTTP connections."""
        self.session.close()


def retry_after(response: requests.Response) -> float | None:
    """The ``Retry-After`` delay in seconds (RFC 9110 §10.2.3; Graph sends delay-seconds), capped
    at :data:`MAX_RETRY_AFTER`; None when absent or not a number of seconds."""
    value = response.headers.get("Retry-After", "").strip()
    try:
        seconds = float(value)
    except ValueError:
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)
