"""Where a meeting is held, read from the text of an invitation without a calendar part."""
from __future__ import annotations

import re

LABEL = re.compile(r"^[ \t>]*(?:venue|location|place|where|address|meeting place|sted|lokale|adresse|møtested|"
                   r"hvor|plats|ort|lieu|veranstaltungsort|tagungsort|sede)[ \t]*:[ \t]*(?P<v>\S.*)$", re.I | re.M)
_SENTENCE_PART = r"(?:[^.\n]|\.(?=\s?\d)|\.(?=\s[a-zæøå]))"
PHRASE = re.compile(
    r"\b(?:held|take place|takes place|taking place|hosted|holdes|avholdes|afholdes|finner sted|arrangeres|"
    r"hålls|äger rum|stattfinden|findet statt|aura lieu|se tiendra)\b"
    + _SENTENCE_PART + r"*?\s(?:at|in|i|på|hos|im|à|au)\s+(?P<v>" + _SENTENCE_PART + r"+?)(?:\.(?:\s|$)|\n|$)",
    re.I)
_TRAILER = re.compile(r"\s(?:on|from|between|fra|mellom|den|kl\.?|am|le)\s.*$", re.I)


def venue_in(text: str) -> str | None:
    """The venue a text names: a "Venue:"/"Sted:" line, else "held at ..."/"holdes i ..."."""
    match = LABEL.search(text or "")
    if match:
        return _tidy(match.group("v"))
    match = PHRASE.search(text or "")
    if match:
        return _tidy(_TRAILER.sub("", match.group("v")))
    return None


def _tidy(value: str) -> str | None:
    value = " ".join(value.split()).strip(" .,;")
    return value or None
