"""Which participation record a message belongs to: its thread, or the reference in its subject.

A reply names the mail it answers in In-Reply-To and References (RFC 5322 §3.6.4); when one of
those Message-IDs is a mail mailbot sent about a record, the message belongs to that record.
Otherwise a reference in brackets in the subject (``[INE-2027-0001]``, as every mail mailbot
sends about a record carries) names it, when such a record exists.
"""
from __future__ import annotations

import re
from email.message import Message

from mailbot.records.store import Store
from mailbot.transports import mime

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def thread_ref(msg: Message, store: Store, prefix: str) -> str | None:
    """The reference of the record ``msg`` belongs to, or None."""
    named = _MESSAGE_ID.findall(f"{mime.header(msg, 'In-Reply-To')} {mime.header(msg, 'References')}")
    for message_id in reversed(named):  # the most recent mail answered comes last in References
        ref = store.ref_of_mail(message_id)
        if ref is not None:
            return ref
    match = re.search(rf"\[({re.escape(prefix)}-\d{{4}}-\d{{4,}})\]", mime.header(msg, "Subject"))
    if match and store.get(match.group(1)) is not None:
        return match.group(1)
    return None
