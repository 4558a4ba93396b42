"""Forwarded header blocks in message text, as mail clients write them when forwarding inline.

Outlook desktop and on the web ("Fra:/Sendt:/Til:/Emne:/Når:/Hvor:", "From:/Sent:/.../When:/
Where:"), Gmail ("---------- Forwarded message ---------"), Apple Mail ("Begin forwarded
message:"), Thunderbird ("-------- Forwarded Message --------", tab-separated) and the same in
Norwegian, Danish, Swedish, German, French and Dutch clients. A block is a From line with a
Sent/Date or Subject line beside it, ending at the first blank line; what follows it, up to the
next block, is the forwarded message's body.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from email.message import Message
from email.utils import getaddresses

from mailbot.parsing import subjects, textdates, when
from mailbot.transports import mime

LABELS = {
    "from": ("from", "fra", "frå", "från", "von", "van", "de", "lähettäjä", "od"),
    "sent": ("sent", "sendt", "date", "dato", "datum", "skickat", "gesendet", "envoyé", "verzonden",
             "lähetetty", "data"),
    "to": ("to", "til", "till", "an", "aan", "à", "vastaanottaja", "do"),
    "cc": ("cc", "kopi", "kopia", "kopie", "copie"),
    "subject": ("subject", "emne", "ämne", "betreff", "objet", "onderwerp", "aihe", "temat"),
    "when": ("when", "når", "när", "hvornår", "wann", "quand", "wanneer"),
    "where": ("where", "hvor", "var", "plats", "wo", "ort", "où", "emplacement", "lieu", "waar"),
}
_FIELD = {label: name for name, labels in LABELS.items() for label in labels}
_LINE = re.compile(r"^[ \t>]*\**(" + "|".join(sorted(map(re.escape, _FIELD), key=len, reverse=True))
                   + r")\**[ \t]*:\**[ \t]*(.*)$", re.I)
_ANGLE = re.compile(r"[<\[](?:mailto:)?([^<>\[\]\s]+@[^<>\[\]\s]+)[>\]]", re.I)
_BARE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class ForwardedHeader:
    """One forwarded header block and the body under it (up to the next block)."""

    sender_name: str
    sender: str | None
    sent: str
    to: str
    subject: str
    when: str
    where: str
    body: str


@dataclass(frozen=True)
class Original:
    """The innermost forwarded message: what the organiser sent."""

    sender_name: str
    sender: str | None
    sent: datetime | None
    subject: str
    when: str
    where: str
    body: str
    forwarded: bool


def unwrap(msg: Message, sent: datetime) -> Original:
    """Follow forwards (attached messages and inline header blocks) to the original: the innermost
    forwarded message, or the first one that is no forward itself and gives a meeting time."""
    attached = mime.attached_messages(msg)
    if attached:  # forwarded as an attachment: the attached message is the original, or forwards it
        inner = unwrap(attached[0], mime.date(attached[0]) or sent)
        if inner.forwarded:
            return inner
        name, address = mime.first_address(attached[0], "From") or ("", None)
        return dataclasses.replace(inner, sender_name=name, sender=address, forwarded=True)
    body = mime.body_text(msg)
    found_blocks = blocks(body)
    if not found_blocks:
        return Original("", None, sent, mime.header(msg, "Subject"), "", "", body, False)
    for n, block in enumerate(found_blocks):
        found = textdates.dates_in(block.sent, sent.date()) if block.sent else []
        block_sent = datetime.combine(found[0].first, time(12), UTC) if found else sent
        if n + 1 == len(found_blocks) or _is_the_original(block, block_sent):
            return Original(block.sender_name, block.sender, block_sent, block.subject or mime.header(msg, "Subject"),
                            block.when, block.where, block.body, True)
    raise AssertionError("unreachable: the last block is always taken")


_SEPARATOR = re.compile(r"^[\s>]*(?:-{2,}|_{5,}).*$|^[\s>]*(?:begin forwarded message|videresendt melding|"
                        r"forwarded message|original message|opprinnelig melding)\b.*$", re.I | re.M)


def note(msg: Message) -> str:
    """The forwarder's own words: the text of ``msg`` above the first forwarded header block (all
    of it when the invitation is attached as a message), without separator lines ("-----Original
    Message-----"). '' when the forward starts with the forwarded message."""
    text = mime.body_text(msg)
    if not mime.attached_messages(msg):
        lines = text.split("\n")
        start = next((i for i in range(len(lines)) if _block_at(lines, i)[0]), len(lines))
        text = "\n".join(lines[:start])
    return _SEPARATOR.sub("", text).strip()


def _is_the_original(block: ForwardedHeader, sent: datetime) -> bool:
    """True when ``block`` is the message that was forwarded, not a forward of another: its
    subject has no forward prefix and it gives a meeting time. The blocks under such a message
    are the thread it quotes ("the dates have changed from the save-the-date below", a reply
    confirming one of the dates proposed further down), not an inner original."""
    if not block.subject or subjects.first_prefix(block.subject) in subjects.FORWARD:
        return False
    return bool(block.when) or when.find_span(block.body, sent.date()) is not None


def blocks(text: str) -> list[ForwardedHeader]:
    """The forwarded header blocks in ``text`` with the body under each, outermost first."""
    lines = text.split("\n")
    found: list[tuple[int, int, dict[str, str]]] = []
    i = 0
    while i < len(lines):
        fields, end = _block_at(lines, i)
        if fields:
            found.append((i, end, fields))
            i = end
        else:
            i += 1
    result = []
    for n, (_start, end, fields) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(lines)
        result.append(_header(fields, "\n".join(lines[end:stop])))
    return result


def _block_at(lines: list[str], start: int) -> tuple[dict[str, str] | None, int]:
    """The header block starting at ``lines[start]``: label lines up to a blank line, holding a
    From with an address (or a Subject) and a Sent/Date or Subject; clients differ in order."""
    if start > 0 and lines[start - 1].strip(" \t>") and _LINE.match(lines[start - 1]):
        return None, start  # inside a block, not at its start
    fields: dict[str, str] = {}
    last = None
    i = start
    while i < len(lines) and lines[i].strip(" \t>"):
        match = _LINE.match(lines[i])
        if match:
            last = _FIELD[match.group(1).lower()]
            if last in fields and last != "cc":
                break
            fields[last] = match.group(2).strip()
        elif last in ("from", "to", "cc"):  # long address lists wrap onto the next line
            fields[last] = (fields[last] + " " + lines[i].strip(" \t>")).strip()
        else:
            break
        i += 1
    has_sender = bool(fields.get("from")) and (sender(fields["from"])[1] or "subject" in fields)
    if not has_sender or ("sent" not in fields and "subject" not in fields):
        return None, start
    return fields, i


def _header(fields: dict[str, str], body: str) -> ForwardedHeader:
    name, address = sender(fields["from"])
    return ForwardedHeader(
        sender_name=name, sender=address, sent=fields.get("sent", ""), to=fields.get("to", ""),
        subject=fields.get("subject", ""), when=fields.get("when", ""), where=fields.get("where", ""),
        body=_unquote(body),
    )


def sender(value: str) -> tuple[str, str | None]:
    """Split a From value ("Name <a@b>", "Name [mailto:a@b]", "a@b") into name and address."""
    match = _ANGLE.search(value) or _BARE.search(value)
    if not match:
        return value.strip().strip('"'), None
    address = match.group(match.lastindex or 0).lower()
    name = value[:match.start()].strip().strip('"').strip()
    if not name:
        parsed = getaddresses([value])
        name = parsed[0][0] if parsed else ""
    return name, address


def _unquote(body: str) -> str:
    lines = body.split("\n")
    if lines and all(line.startswith(">") or not line.strip() for line in lines):
        return "\n".join(re.sub(r"^>+ ?", "", line) for line in lines)
    return body
