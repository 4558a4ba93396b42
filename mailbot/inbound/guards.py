"""Guards of the pipeline: pure checks on who sent a message and whether to answer it at all.

Automatic mail is never answered (RFC 3834 §2, §5): ``Auto-Submitted`` other than "no",
``Precedence: bulk/junk/list``, list mail (RFC 2369 ``List-*``, RFC 2919 ``List-Id``), delivery
reports (RFC 3464 ``multipart/report``), an empty Return-Path, and robot senders. mailbot's own
mail carries :data:`OWN_HEADER` and a Message-ID of its own form (:func:`own_mail`) and is
recognised by either when it comes back; a person writing from the functional mailbox's address
is no robot, and is answered like the unit's staff. Only staff of the configured domains may
register participations, and where the receiving server's ``Authentication-Results``
(RFC 8601) say DMARC failed, the From address is not believed.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from email.message import Message
from enum import StrEnum

import authres

from mailbot.addresses import is_staff_address, robot_address
from mailbot.parsing import subjects
from mailbot.transports import mime

log = logging.getLogger(__name__)

OWN_HEADER = "X-Mailbot-Ref"
# the form of every Message-ID mailbot makes (mailbot.outbound.composer.message_id):
# "<mailbot." + 32 hex digits + "@domain>"
_OWN_MESSAGE_ID = re.compile(r"<mailbot\.[0-9a-f]{32}@(?P<domain>[^<>@\s]+)>")

class Verdict(StrEnum):
    """What the guards decided about a message."""

    ACCEPT = "accept"
    OWN = "own"
    AUTOMATIC = "automatic"
    OUTSIDER = "outsider"
    DMARC_FAIL = "dmarc_fail"


@dataclass(frozen=True)
class Decision:
    """A verdict and the reason for it, in words for the log and the record."""

    verdict: Verdict
    reason: str = ""


def own_mail(msg: Message, own_address: str) -> bool:
    """True when ``msg`` is mail mailbot sent (a reply, a blind copy, a report coming back): it
    carries :data:`OWN_HEADER`, or its Message-ID has mailbot's form in the mailbox's domain.

    The From address alone proves nothing: advisers write from the functional mailbox too.
    """
    if msg.get(OWN_HEADER) is not None:
        return True
    match = _OWN_MESSAGE_ID.fullmatch(mime.message_id(msg))
    return match is not None and match.group("domain").lower() == own_address.rpartition("@")[2].lower()


def check(msg: Message, *, own_address: str, allowed_domains: tuple[str, ...], authserv_id: str = "") -> Decision:
    """Decide whether ``msg`` may be handled and answered: mailbot's own mail first, then
    automatic mail (RFC 3834), then the sender's domain (``own_address``, the functional
    mailbox, is always let in) and DMARC (RFC 7489, as reported under RFC 8601)."""
    sender = (mime.first_address(msg, "From") or ("", ""))[1]
    if own_mail(msg, own_address):
        return Decision(Verdict.OWN, "mailbot's own mail")
    automatic = automatic_reason(msg, sender)
    if automatic:
        return Decision(Verdict.AUTOMATIC, automatic)
    inside = sender == own_address.lower() or is_staff_address(sender, allowed_domains)
    if not sender or not inside:
        return Decision(Verdict.OUTSIDER, f"sender {sender or '(none)'} is outside {', '.join(allowed_domains)}")
    if authserv_id and dmarc_failed(msg, authserv_id):
        return Decision(Verdict.DMARC_FAIL, f"DMARC failed for {sender} at {authserv_id}")
    return Decision(Verdict.ACCEPT)


def automatic_reason(msg: Message, sender: str) -> str:
    """Why ``msg`` is automatic mail that must not be answered, '' when it is not: RFC 3834
    ``Auto-Submitted`` (anything but "no"), the legacy ``X-Autoreply``/``X-Autorespond``,
    Microsoft's ``X-Auto-Response-Suppress`` on incoming mail (software asking not to be
    answered), ``Precedence``/``X-Precedence`` bulk, junk, list or auto_reply, list headers
    (RFC 2369, RFC 2919), delivery and read reports (RFC 3464), an empty or MAILER-DAEMON
    Return-Path, robot senders, and automatic-reply subjects."""
    auto = mime.header(msg, "Auto-Submitted").lower()
    if auto and not auto.startswith("no"):
        return f"Auto-Submitted: {auto}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder"):
        if msg.get(name) is not None:
            return f"{name}: {mime.header(msg, name)}"
    suppress = mime.header(msg, "X-Auto-Response-Suppress").lower()
    if suppress and suppress != "none":
        return f"X-Auto-Response-Suppress: {suppress}"
    for name in ("Precedence", "X-Precedence"):
        precedence = mime.header(msg, name).lower()
        if precedence in ("bulk", "junk", "list", "auto_reply", "auto-reply"):
            return f"{name}: {precedence}"
    for name in ("List-Id", "List-Unsubscribe", "List-Post"):
        if msg.get(name) is not None:
            return f"mailing list ({name})"
    if msg.get_content_type() == "multipart/report":
        return "delivery or read report (multipart/report)"
    if msg.get("Return-Path") is not None:
        path = mime.header(msg, "Return-Path").strip().strip("<>").strip()
        if not path or robot_address(path):
            return f"Return-Path <{path}> (a bounce or a robot)"
    if robot_address(sender):
        return f"robot sender {sender}"
    if subjects.is_automatic(mime.header(msg, "Subject")):
        return "automatic reply (subject)"
    return ""


def dmarc_failed(msg: Message, authserv_id: str) -> bool:
    """True when an Authentication-Results header of ``authserv_id`` reports dmarc=fail.

    Headers of other authserv-ids are ignored (RFC 8601 §5: only one's own are trusted).
    """
    for name, value in msg.raw_items():
        if name.lower() != "authentication-results":
            continue
        try:
            parsed = authres.AuthenticationResultsHeader.parse(f"Authentication-Results: {value}")
        except Exception as exc:  # authres raises its own SyntaxError on malformed headers
            log.debug("unreadable Authentication-Results ignored: %s", exc)
            continue
        if parsed.authserv_id.lower() != authserv_id.lower():
            continue
        if any(r.method == "dmarc" and r.result.lower() == "fail" for r in parsed.results):
            return True
    return False
