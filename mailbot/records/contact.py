"""What the daemon keeps in the store about its servers, for ``mailbot health``.

Under the meta name ``health:mailbox`` (the mail source: IMAP, Graph, EWS, a Maildir) and
``health:sending`` (SMTP, Graph, EWS, the outbox) the store holds a :class:`Contact`: when the
server last answered, since when it has failed without a success in between, and the last
error. Times are aware UTC datetimes, kept as ISO 8601 strings. A success is written at most
every :data:`OK_EVERY`, so a healthy daemon adds few journal lines; a change of state is written
at once. The caller commits.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from mailbot.model import utc
from mailbot.records.store import Store

SERVERS = ("mailbox", "sending")
OK_EVERY = timedelta(minutes=5)


@dataclass(frozen=True)
class Contact:
    """The state of one server as last recorded: ``ok`` the last success, ``failing_since`` the
    first failure after it (None while it answers), ``error`` the last failure's message."""

    ok: datetime | None = None
    failing_since: datetime | None = None
    error: str = ""


def read(store: Store, server: str) -> Contact:
    """The recorded state of ``server`` (one of :data:`SERVERS`); an empty Contact when none."""
    value = store.meta(f"health:{server}") or {}
    return Contact(ok=_moment(value.get("ok")), failing_since=_moment(value.get("failing_since")),
                   error=str(value.get("error", "")))


def record(store: Store, server: str, now: datetime, error: str = "") -> bool:
    """Record a success (``error`` empty) or a failure of ``server`` at ``now`` (aware); returns
    whether anything was written (the caller commits)."""
    before = read(store, server)
    if error:
        if before.failing_since is not None and before.error == error:
            return False
        after = Contact(before.ok, before.failing_since or utc(now), error[:300])
    else:
        if before.failing_since is None and before.ok is not None and now - before.ok < OK_EVERY:
            return False
        after = Contact(utc(now), None, "")
    store.set_meta(f"health:{server}", {"ok": _text(after.ok), "failing_since": _text(after.failing_since),
                                         "error": after.error})
    return True


def _text(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _moment(text: object) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) and text else None
