"""Reading a reply as a referat (IM 2011-013 §4.1): its own text, documents and follow-up points.

The sender's own text is the body without the quoted earlier mail (mail-parser-reply, with the
reply headers of English and the Scandinavian languages, which cover Norwegian mail clients'
"Fra:/Sendt:" and "skrev"). Follow-up points are the items under a heading such as
"Oppfølgingspunkter", "Oppfølging", "Follow-up" or "Action points": list items, table rows, the
text after the heading's colon, or the paragraph below it; they are looked for in the body and
in the text of the attached documents (:mod:`mailbot.inbound.documents`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message

from mailparser_reply import EmailReplyParser

from mailbot.inbound import documents
from mailbot.transports import mime

REPLY_LANGUAGES = ["en", "da", "sv", "de"]
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦o]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(?P<item>\S.*)$")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Reading:
    """A reply read as a referat: the sender's ``own_text``, the attached ``documents``
    ((file name, content type, bytes), ...) and the ``follow_up`` points found."""

    own_text: str
    documents: tuple[tuple[str, str, bytes], ...]
    follow_up: tuple[str, ...]

    @property
    def words(self) -> int:
        """How many words the sender wrote (quoted text left out)."""
        return len(_WORD.findall(self.own_text))

    def is_referat(self, min_words: int) -> bool:
        """True when the reply carries a document, follow-up points or ``min_words`` words of its own."""
        return bool(self.documents or self.follow_up) or self.words >= min_words


def own_text(body: str) -> str:
    """``body`` without the quoted mail it answers (and without "> " quoted lines)."""
    reply = EmailReplyParser(languages=REPLY_LANGUAGES).read(body).latest_reply or ""
    return "\n".join(line for line in reply.splitlines() if not line.lstrip().startswith(">")).strip()


def read(msg: Message, headings: tuple[str, ...]) -> Reading:
    """Read ``msg`` as a referat, looking for follow-up points under ``headings`` (lower case)."""
    text = own_text(mime.body_text(msg))
    found = documents.attachments(msg)
    points = follow_up_points(text, headings)
    for _name, content_type, data in found:
        points = points or follow_up_points(documents.text(content_type, data), headings)
    return Reading(text, tuple(found), points)


def follow_up_points(text: str, headings: tuple[str, ...]) -> tuple[str, ...]:
    """The follow-up points under the first heading of ``headings`` in ``text`` that has any."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        inline = _heading(line, headings)
        if inline is None:
            continue
        items = [inline] if inline else []
        below = index + 1
        while below < len(lines) and not lines[below].strip():
            below += 1
        table = "|" in line
        for following in lines[below:]:
            bullet = _BULLET.match(following)
            if bullet:
                items.append(bullet.group("item").strip())
            elif table and "|" in following and following.strip(" |"):
                items.append(" | ".join(c.strip() for c in following.split("|") if c.strip()))
            else:
                break
        if not items and below < len(lines) and _heading(lines[below], headings) is None:
            items.append(lines[below].strip())
        if items:
            return tuple(items)
    return ()


def _heading(line: str, headings: tuple[str, ...]) -> str | None:
    """None when ``line`` is no follow-up heading; else the text after its colon ('' if none)."""
    plain = _NUMBERING.sub("", line.strip().strip("#*_ ").strip()).lower()
    label, colon, _rest = plain.partition(":")
    label = label.split("|")[0].strip()
    for heading in sorted(headings, key=len, reverse=True):
        if label == heading or (colon and label.startswith(heading) and len(label.split()) <= 6):
            return line.partition(":")[2].strip() if colon else ""
    return None
