"""Reading MIME messages the way real mail clients write them.

Messages are parsed with ``email.policy.default`` (its header objects remembered: :data:`POLICY`);
where that policy raises on a real-world header (an Exchange Message-ID in square brackets, a bare
``name*`` parameter) the whole message is read again with ``compat32``. The helpers below work the
same on either result and never raise on bad input: undecodable text is replaced, not refused.
"""
from __future__ import annotations

import email
import functools
import hashlib
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.header import decode_header, make_header
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

import charset_normalizer
from inscriptis import get_text

log = logging.getLogger(__name__)

# WHATWG: a label of latin-1 means windows-1252, which is what such mail really contains.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}


class _RememberedHeaders(HeaderRegistry):
    """``policy.default``'s header registry, remembering the header objects it made: ``email``
    parses a header again at every access (``msg["From"]``, each ``get_content_type()``), some
    fifty times for one forwarded invitation. A header object is a function of its name and
    text, and is not changed after it is made. Only headers up to a line's length (RFC 5322:
    998 characters) are remembered, so hostile mail cannot fill memory with parse trees."""

    def __call__(self, name: str, value: str) -> BaseHeader:
        if len(value) > 998:
            return super().__call__(name, value)
        return _header(self, name, value)


@functools.lru_cache(maxsize=1024)
def _header(registry: HeaderRegistry, name: str, value: str) -> BaseHeader:
    return HeaderRegistry.__call__(registry, name, value)


POLICY = policy.default.clone(header_factory=_RememberedHeaders())


def load(raw: bytes) -> Message:
    """Parse ``raw`` (RFC 5322 bytes) with :data:`POLICY`, falling back to ``compat32``."""
    try:
        msg = email.message_from_bytes(raw, policy=POLICY)
        for part in msg.walk():
            for value in part.values():
                str(value)
            part.get_filename()
        return msg
    except Exception as exc:
        log.debug("policy.default failed (%s: %s); reading with compat32", type(exc).__name__, exc)
        return email.message_from_bytes(raw, policy=policy.compat32)


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words in ``value``; unknown charsets are read as windows-1252."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (LookupError, ValueError, email.errors.MessageError):
        return "".join(decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk
                       for chunk, charset in decode_header(value))


def header(msg: Message, name: str) -> str:
    """Return header ``name`` decoded and unfolded on one line ('' when absent); never CR or LF."""
    try:
        value = msg.get(name)
    except Exception:
        value = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), None)
    if value is None:
        return ""
    text = str(value)
    if msg.policy is policy.compat32 or not hasattr(value, "defects"):
        text = decode_words(text)
    return " ".join(text.split())


def clean_name(text: str, limit: int = 100) -> str:
    """A name from mail (a display name) fit for a header, the store and a forwarded mail:
    control characters (CR, LF, NUL, ...) become spaces, runs of space one, at most ``limit``
    characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:limit].strip()


def clean_filename(name: str, fallback: str = "document", limit: int = 100) -> str:
    """An attachment's file name fit to store and forward: :func:`clean_name`, without path
    separators or leading dots (no ``../``), at most ``limit`` characters with its extension
    kept; ``fallback`` when nothing is left."""
    name = clean_name(decode_words(name or ""), limit=1000).replace("/", "_").replace("\\", "_").lstrip(". ")
    stem, dot, extension = name.rpartition(".")
    if dot and 0 < len(extension) <= 10 and len(name) > limit:
        name = stem[:limit - len(extension) - 1].rstrip() + "." + extension
    return name[:limit] or fallback


def addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    """Return ``[(display name, lower-case address), ...]`` of an address header."""
    raw = [v for k, v in msg.raw_items() if k.lower() == name.lower()]
    result = []
    for display, addr in getaddresses([str(v) for v in raw]):
        if "@" in addr:
            result.append((clean_name(decode_words(display)), addr.strip().lower()))
    return result


def first_address(msg: Message, name: str) -> tuple[str, str] | None:
    """The first (display name, address) of header ``name``, or None."""
    found = addresses(msg, name)
    return found[0] if found else None


def message_id(msg: Message) -> str:
    """The Message-ID as written (angle brackets kept), '' when absent."""
    return header(msg, "Message-ID").strip()


def identity(msg: Message, raw: bytes) -> str:
    """A stable key for a message: its Message-ID, else a hash of its bytes."""
    return message_id(msg) or "sha256:" + hashlib.sha256(raw).hexdigest()


def date(msg: Message) -> datetime | None:
    """The Date header as an aware UTC datetime, None when absent or unreadable."""
    value = header(msg, "Date")
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:  # RFC 5322 "-0000": the zone is unknown, read it as UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def decode_bytes(data: bytes, declared: str | None) -> str:
    """Decode text bytes whose charset label may be wrong.

    Valid UTF-8 is taken as UTF-8 whatever the label says; otherwise the declared charset
    (latin-1 read as windows-1252), then a guess by charset-normalizer.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    label = (declared or "").strip().lower()
    label = _CHARSET_ALIASES.get(label, label)
    if label:
        try:
            return data.decode(label)
        except (LookupError, UnicodeError):  # an unknown label, or one that is not ASCII
            pass
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else data.decode("cp1252", errors="replace")


def part_text(part: Message) -> str:
    """The decoded text of one leaf part (transfer encoding and charset undone)."""
    try:
        payload = part.get_payload(decode=True)
    except Exception as exc:
        log.warning("undecodable %s part skipped: %s", part.get_content_type(), exc)
        return ""
    if not isinstance(payload, bytes):
        return ""
    text = decode_bytes(payload, part.get_content_charset())
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str) -> str:
    """Render HTML as plain text (tables kept as rows) with inscriptis."""
    try:
        return get_text(html)
    except Exception as exc:
        log.warning("HTML part could not be rendered: %s", exc)
        return ""


def is_attachment(part: Message) -> bool:
    """True for a part the sender attached (rather than the body)."""
    disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
    return disposition == "attachment"


def body_text(msg: Message) -> str:
    """The body of ``msg`` as text: its first inline text/plain part, else its text/html.

    Attached messages (message/rfc822) are not entered: they are messages of their own.
    """
    plain = html = None
    for part in _own_parts(msg):
        kind = part.get_content_type()
        if is_attachment(part):
            continue
        if kind == "text/plain" and plain is None:
            plain = part
        elif kind == "text/html" and html is None:
            html = part
    chosen = plain if plain is not None else html
    return part_text(chosen) if chosen is not None else ""


def _own_parts(msg: Message) -> Iterator[Message]:
    """Leaf parts of ``msg`` itself, without descending into attached messages."""
    if msg.get_content_type() == "message/rfc822":
        return
    if msg.is_multipart():
        for sub in msg.get_payload():
            if isinstance(sub, Message):
                yield from _own_parts(sub)
    else:
        yield msg


def attached_messages(msg: Message) -> list[Message]:
    """Messages attached directly to ``msg`` as message/rfc822 parts (forward as attachment)."""
    found = []
    for part in msg.get_payload() if msg.is_multipart() else []:
        if not isinstance(part, Message):
            continue
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                found.append(inner[0])
        elif part.is_multipart():
            found.extend(attached_messages(part))
    return found
