"""Is mailbot well? What ``mailbot health`` reports and the operator's warning mail names.

Read from the store only (safe beside a running daemon, see :mod:`mailbot.records.contact`):

- ``unreachable:mailbox`` / ``unreachable:sending``: the mail source or the sending server has
  failed without a success for longer than ``operator.unreachable_seconds``; for the mailbox
  also when no successful read is recorded for that long (the daemon stopped or hangs).
- ``credentials:SECTION``: what the daemon found at its last look at the credentials
  (:func:`probe_credentials`, hourly): a token command or token file that fails, an access
  token already expired, a Graph certificate that expires within ``operator.token_days``.
- ``attention:FOLDER``: messages filed in ``failed`` or ``needs-attention`` (the handled log)
  more than ``operator.attention_business_days`` Norwegian business days ago, looked for over
  the last ``operator.attention_lookback_days``; the store cannot see whether a person has
  moved one since, so such a message counts until it ages out of that window.
- ``queued``: mail waiting in the queue for longer than ``operator.queued_seconds``.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mailbot.config.credentials import access_token
from mailbot.config.settings import BACKEND_SECTIONS, Config
from mailbot.errors import ConfigError
from mailbot.followup.businessdays import oslo_day
from mailbot.model import OSLO, Folder
from mailbot.records import contact
from mailbot.records.store import Store
from mailbot.records.store import exists as store_exists

CREDENTIALS = "health:credentials"
SHOWN = 5  # messages or mails named per problem; the rest are counted


@dataclass(frozen=True)
class Problem:
    """One condition that needs the operator: ``key`` names it (one warning per key and day),
    ``text`` says it in one line."""

    key: str
    text: str


def lines(config: Config, now: datetime) -> list[str]:
    """The problems at ``now`` (aware) in one line each, the store opened read-only (safe while the
    daemon runs); a missing store is one problem. Empty when healthy."""
    if not store_exists(config.store.path):
        return [f"no store at {config.store.path}: mailbot has not run with this configuration "
                f"({config.source or 'built-in defaults'})"]
    store = Store(config.store.path, readonly=True)
    try:
        return [p.text for p in report(config, store, now)]
    finally:
        store.close()


def report(config: Config, store: Store, now: datetime, waiting: list[Problem] | None = None,
           since: datetime | None = None) -> list[Problem]:
    """Every problem at ``now`` (aware), in the order of the module doc; empty when healthy.
    ``waiting``: the result of :func:`attention` when the caller has it (it reads the whole
    handled log); ``since``: see :func:`unreachable`."""
    if waiting is None:
        waiting = attention(config, store, now)
    return [*unreachable(config, store, now, since), *stored_credentials(store), *waiting, *queued(config, store, now)]


def oslo(moment: datetime) -> str:
    """``moment`` (aware) as people in the unit read it: Oslo time, to the minute."""
    return f"{moment.astimezone(OSLO):%Y-%m-%d %H:%M} Oslo time"


def _minutes(span: timedelta) -> str:
    return f"{int(span.total_seconds() // 60)} min"


def server_name(config: Config, server: str) -> str:
    """The mailbox (``server`` "mailbox") or the sending server ("sending") of the backend, for people."""
    c, backend = config, config.mailbox.backend
    if backend == "imap":
        return (f"IMAP server {c.imap.host}:{c.imap.port}" if server == "mailbox"
                else f"SMTP server {c.smtp.host}:{c.smtp.port}")
    if backend in ("graph", "ews"):
        where = c.graph.endpoint if backend == "graph" else c.ews.service_endpoint
        return f"{backend.upper()} {where} ({'reading' if server == 'mailbox' else 'sending'})"
    return f"Maildir {c.maildir.path}" if server == "mailbox" else f"outbox {c.maildir.outbox}"


def unreachable(config: Config, store: Store, now: datetime, since: datetime | None = None) -> list[Problem]:
    """The servers that failed for longer than ``operator.unreachable_seconds`` (see the module doc).

    ``since`` (aware): when the caller, a daemon, started watching; a silence of the mailbox
    before it (the service stopped) is not counted, a failure is."""
    limit = timedelta(seconds=config.operator.unreachable_seconds)
    found = []
    for server in contact.SERVERS:
        state = contact.read(store, server)
        name = server_name(config, server)
        last = max(state.ok, since) if state.ok and since else state.ok
        if state.failing_since is not None and now - state.failing_since > limit:
            found.append(Problem(f"unreachable:{server}", f"{name} unreachable since {oslo(state.failing_since)} "
                                 f"({_minutes(now - state.failing_since)}): {state.error}"))
        elif (server == "mailbox" and state.failing_since is None and state.ok is not None and last is not None
              and now - last > limit + contact.OK_EVERY):
            found.append(Problem("unreachable:mailbox", f"{name}: no successful read since {oslo(state.ok)} "
                                 f"({_minutes(now - state.ok)}); is the mailbot service running?"))
    return found


def stored_credentials(store: Store) -> list[Problem]:
    """The credential problems the daemon found at its last look (:func:`probe_credentials`)."""
    value = store.meta(CREDENTIALS) or {}
    checked = value.get("checked", "")
    when = f" (checked {oslo(datetime.fromisoformat(checked))})" if checked else ""
    return [Problem(key, text + when) for key, text in value.get("problems", [])]


def attention(config: Config, store: Store, now: datetime) -> list[Problem]:
    """Messages in ``failed`` or ``needs-attention`` for more than ``operator.attention_business_days``."""
    op, calendar = config.operator, config.chase.calendar()
    since = now - timedelta(days=op.attention_lookback_days)
    today = oslo_day(now)
    found = []
    for folder in (Folder.FAILED, Folder.NEEDS_ATTENTION):
        old = [h for h in store.handled_log() if h.folder is folder and h.at >= since
               and calendar.add_business_days(oslo_day(h.at), op.attention_business_days) < today]
        if not old:
            continue
        old.sort(key=lambda h: h.at)
        named = ", ".join(f"{h.key} ({oslo(h.at)}, {h.outcome.value})" for h in old[:SHOWN])
        more = f" and {len(old) - SHOWN} more" if len(old) > SHOWN else ""
        found.append(Problem(f"attention:{folder.value}", f"{len(old)} message(s) in {folder.value} for more than "
                             f"{op.attention_business_days} business days: {named}{more}"))
    return found


def queued(config: Config, store: Store, now: datetime) -> list[Problem]:
    """Mail queued to be sent for longer than ``operator.queued_seconds``."""
    limit = timedelta(seconds=config.operator.queued_seconds)
    old = [m for m in store.queued() if now - m.created_at > limit]
    if not old:
        return []
    named = ", ".join(f"{m.message_id} ({m.purpose}, queued {oslo(m.created_at)}, {m.attempts} attempt(s)"
                      f"{': ' + m.last_error if m.last_error else ''})" for m in old[:SHOWN])
    more = f" and {len(old) - SHOWN} more" if len(old) > SHOWN else ""
    return [Problem("queued", f"{len(old)} mail(s) queued for more than {_minutes(limit)}: {named}{more}")]


def probe_credentials(config: Config, now: datetime) -> list[Problem]:
    """Look at the credentials of the configured backend as of ``now`` (aware): run the token
    command or read the token file (``auth = "xoauth2"``) and read an access token's expiry
    (a JWT's ``exp``; it lasts about an hour, so only an expired one is a problem), read the
    Graph certificate's expiry (a problem within ``operator.token_days``). Client secrets and
    passwords carry no expiry mailbot can read. Runs the operator's token command: call it
    from the daemon only, not for every look."""
    found = []
    for name in BACKEND_SECTIONS[config.mailbox.backend]:
        section = getattr(config, name)
        if getattr(section, "auth", "") == "xoauth2":
            found += _token(name, section, now)
        if name == "graph" and config.graph.certificate.configured:
            found += _certificate(config, now)
    return found


def _token(name: str, section, now: datetime) -> list[Problem]:
    """The problems of one section's OAuth2 access token (token command, file or variable)."""
    origin = "token command" if section.token_command else "token file" if section.token.file else "token"
    try:
        token = access_token(section)
    except ConfigError as exc:
        return [Problem(f"credentials:{name}", f"{name}: the {origin} fails: {exc.reason}")]
    if not token:
        return [Problem(f"credentials:{name}", f"{name}: the {origin} gives an empty token")]
    expiry = jwt_expiry(token)
    if expiry is not None and expiry <= now:
        return [Problem(f"credentials:{name}", f"{name}: the {origin} gives a token that expired {oslo(expiry)}")]
    return []


def _certificate(config: Config, now: datetime) -> list[Problem]:
    """The problem of the Graph certificate, if any: unreadable, or expiring soon."""
    from cryptography import x509  # only the graph backend with a certificate needs it
    try:
        pem = config.graph.certificate.read()
        expiry = x509.load_pem_x509_certificate(pem.encode()).not_valid_after_utc
    except (ConfigError, ValueError) as exc:
        return [Problem("credentials:graph", f"graph: the certificate cannot be read: {exc}")]
    if expiry - now > timedelta(days=config.operator.token_days):
        return []
    verb = "expired" if expiry <= now else "expires"
    return [Problem("credentials:graph", f"graph: the certificate {verb} {oslo(expiry)}; upload a new one to the "
                    "app registration and point graph.certificate_file at it")]


def jwt_expiry(token: str) -> datetime | None:
    """The ``exp`` of a JSON Web Token (RFC 7519 §4.1.4) as an aware UTC datetime; None when the
    token is no JWT (Microsoft's and Google's access tokens may be opaque) or has no ``exp``."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        return datetime.fromtimestamp(float(claims["exp"]), UTC)
    except (ValueError, KeyError, TypeError, OverflowError):
        return None
