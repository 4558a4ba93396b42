"""Rules about addresses: is it one of ours (a staff domain), is it software rather than a person.

Pure functions on addr-specs (RFC 5322 §3.4.1); every caller asks these, so each rule is
written once.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

ROBOT_LOCAL_PARTS = ("mailer-daemon", "postmaster", "no-reply", "noreply", "do-not-reply", "donotreply",
                     "bounce", "bounces", "notifications", "auto-reply", "autoreply")
# Exchange's own system mailbox, which sends its non-delivery reports: MicrosoftExchange + 32 hex digits
_EXCHANGE_SYSTEM = re.compile(r"microsoftexchange[0-9a-f]{32}")


def within(domain: str, domains: Iterable[str]) -> bool:
    """True when ``domain`` is one of ``domains`` or a sub-domain of one (case-insensitive)."""
    domain = domain.lower()
    return any(domain == d.lower() or domain.endswith("." + d.lower()) for d in domains)


def is_staff_address(address: str, domains: Iterable[str]) -> bool:
    """True when ``address`` (an addr-spec) lies in one of the staff ``domains`` (the
    configuration's ``senders.allowed_domains``) or a sub-domain of one: the one rule for "is
    this address one of ours?"."""
    local, at, domain = address.rpartition("@")
    return bool(at and local) and " " not in address and within(domain, domains)


def robot_address(address: str) -> bool:
    """True when ``address`` belongs to software, not a person (MAILER-DAEMON, no-reply, an
    Exchange system mailbox; RFC 3834 §2 and RFC 5321 §4.5.1)."""
    local = address.lower().rpartition("@")[0] or address.lower()
    return local in ROBOT_LOCAL_PARTS or bool(_EXCHANGE_SYSTEM.fullmatch(local))
