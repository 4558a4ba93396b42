"""Where a meeting is held, read from the text of an invitation without a calendar part.

In order: a labelled line ("Venue:", "Sted:", "Location:"); a phrase such as "at the IGC
Secretariat, Rue de Varembé 9, 1202 Geneva" or "via Zoom" in the paragraph that gives the
meeting's time; "held at ..."/"holdes i ..." anywhere. A phrase counts only when it names a
known place or an online platform. Hard-wrapped lines are joined before phrases are read.
"""
from __future__ import annotations

import re

from mailbot.parsing import online, places

LABEL = re.compile(r"^[ \t>]*(?:venue|location|place|where|address|meeting place|sted|lokale|adresse|møtested|"
                   r"hvor|plats|ort|lieu|veranstaltungsort|tagungsort|sede)[ \t]*:[ \t]*(?P<v>\S.*)$", re.I | re.M)
# "at/in/i/på ... " up to the end of the sentence (a full stop before a digit is part of an address)
PREPOSITION = re.compile(r"(?:^|(?<=[\s,(]))(?P<p>at|in|i|på|hos|au|à|im|via|on|over)\s+", re.I)
SENTENCE = re.compile(r"(?:[^.;!?\n]|\.(?=\d))+")
HELD = re.compile(r"\b(?:held|take place|takes place|taking place|hosted|holdes|avholdes|afholdes|finner sted|"
                  r"arrangeres|hålls|äger rum|stattfinden|findet statt|aura lieu|se tiendra)\b", re.I)
_TRAILER = re.compile(r",?\s+(?:has|have|is|are|was|were|will|which|where|who|and then|followed by|og|er|har|"
                      r"blir|som|on|from|between|fra|mellom|den|kl\.?|am|le)\b.*$", re.I)
_STARTS_WITH_TIME = re.compile(r"^(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|man|tir|ons|tor|fre|lør|søn)\w*\b)", re.I)


def venue_in(text: str, near_line: int | None = None) -> str | None:
    """The venue ``text`` names; ``near_line`` is the line the meeting's time was read from."""
    match = LABEL.search(text or "")
    if match:
        return _tidy(match.group("v"))
    paragraphs = _paragraphs(text or "")
    if near_line is not None:
        for n, (first, last, paragraph) in enumerate(paragraphs):
            if first <= near_line <= last:
                found = _phrase(paragraph)
                if found:
                    return found
                if paragraph.rstrip().endswith(":") and n + 1 < len(paragraphs):  # "... at:" + address
                    address = text.split("\n")[paragraphs[n + 1][0]]
                    if places.find(address):
                        return _tidy(address)
    for _first, _last, paragraph in paragraphs:
        for held in HELD.finditer(paragraph):
            found = _phrase(paragraph[held.end():], first_only=True)
            if found:
                return found
    return None


def _phrase(text: str, first_only: bool = False) -> str | None:
    """The first "at/in/via ..." phrase of ``text`` that names a place or an online platform."""
    for match in PREPOSITION.finditer(text):
        rest = SENTENCE.match(text, match.end())
        value = _tidy(_TRAILER.sub("", rest.group(0))) if rest else None
        if not value or _STARTS_WITH_TIME.match(value):
            if first_only and match.group("p").lower() not in ("on", "over"):
                return None
            continue
        plain = re.sub(r"\([^)]*\)", " ", value)
        preposition = match.group("p").lower()
        if preposition in ("via", "on", "over"):
            if online.names_platform(plain) and len(plain.split()) <= 4:
                return value
        elif places.find(plain) or online.names_platform(plain):
            return value
        if first_only:
            return None
    return None


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(first line, last line, joined text) of each paragraph; wrapped lines become one line."""
    result, start, lines = [], 0, text.split("\n")
    for index, line in enumerate(lines + [""]):
        if not line.strip():
            if index > start:
                result.append((start, index - 1, " ".join(l.strip() for l in lines[start:index])))
            start = index + 1
    return result


def _tidy(value: str) -> str | None:
    value = " ".join(value.split()).strip(" .,;:")
    value = re.sub(r"^(?:the|den|det)\s+", "", value, flags=re.I)
    return value or None
