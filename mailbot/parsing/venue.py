"""Where a meeting is held, read from the text of an invitation without a calendar part.

In order: a labelled line ("Venue:", "Sted:", "Stedet er uendret:", a table row "Venue   ...");
a phrase such as "at the IGC Secretariat, Rue de Varembé 9, 1202 Geneva", "via Zoom", "på Teams"
or one set off by a comma (", Justus Lipsius building, Brussels") in the paragraph that gives the
meeting's time, or an address on a line of its own just after the
time; "held at ..."/"holdes i ..." anywhere. A phrase counts only when it names an
address, a building, a known place or an online platform. Hard-wrapped lines are joined before
phrases are read.
"""
from __future__ import annotations

import re

from mailbot.parsing import online, places

# the label word may come with a few others ("Meeting place:", "Stedet er uendret:"); a table row
# rendered as text has no colon, only a wide gap
LABEL = re.compile(r"^[ \t>*•·–-]*(?:[^\W\d_]+[ \t]+){0,2}?(?:venue|location|place|where|address|sted|stedet|"
                   r"lokale|adresse|møtested|hvor|plats|ort|lieu|veranstaltungsort|tagungsort|sede)"
                   r"(?:[ \t]+[^\W\d_]+){0,3}?(?:[ \t]*:|[ \t]{2,}|\t)[ \t]*(?P<v>\S.*)$", re.I | re.M)
# "at/in/i/på ... " up to the end of the sentence; Norwegian "i" only in lower case ("I am" is no venue)
PREPOSITION = re.compile(r"(?:^|(?<=[\s,(]))(?P<p>(?i:at|in|på|hos|til|au|à|im|via|on|over|über|sur|per|auf)|i)\s+")
# a full stop that is part of an address ("Lukiškių g. 2", "St. Johann", "10.30") does not end it
# ("uke 11. Det svenske ..." ends at the full stop: an ordinal goes on only in lower case, "11. mai")
SENTENCE = re.compile(r"(?:[^.;!?\n]|\.(?=\s?\d)|(?<=\b[^\W\d_])\.|(?<=\b[^\W\d_]{2})\.(?=\s)|"
                      r"(?<=\d)\.(?=\s+[^\W\d_]*[a-zæøåäöü]))+")
HELD = re.compile(r"\b(?:held|take place|takes place|taking place|hosted|holdes|avholdes|afholdes|finner sted|"
                  r"arrangeres|hålls|äger rum|stattfinden|findet statt|aura lieu|se tiendra)\b", re.I)
# weekday names and their short forms, English and Norwegian (not "Montoyer", "Tordenskiolds gate")
_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|torsdag|fredag|"
            r"lørdag|søndag|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|man|tir|ons|tor|fre|lør|søn)(?![\w'’-])")
# (not the "og" of a Norwegian compound cut short: "Justis- og beredskapsdepartementet")
_TRAILER = re.compile(r"(?<!-),?\s+(?:has|have|is|are|was|were|will|which|where|who|and then|followed by|og|er|har|"
                      r"blir|som|on|from|between|fra|mellom|den|kl\.?|am|le|" + _WEEKDAY + r")\b.*$", re.I)
_STARTS_WITH_TIME = re.compile(r"^(?:\d|" + _WEEKDAY + r"\b)", re.I)
# Words of an address or a building: a phrase with one of them (or a house number) is a venue
# even when it names no known city ("Ministerrådets bygning på Dondukov-bulevarden 1").
# (a number other than a year; Norwegian and German compounds: "Justisdepartementet", "Bundesministerium")
_ADDRESS = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d+|\w*(?:departement|bygning|ministerium|kontor)\w*|"
                      r"\w*(?<!pre)senter(?:et)?\b|\b(?:building|bygget|hotel\w*|cent(?:re|er|ro)\w*|"
                      r"headquarters|hq|ministry|ministère|premises|lokale\w*|"
                      r"offices?|hall|house|hus|huset|palace|palais|campus|street|str|straße|strasse|"
                      r"road|avenue|rue|gate|gata|vei|veien|plads|plac|plaza|bulevard\w*|boulevard)\b", re.I)


def venue_in(text: str, near_line: int | None = None) -> str | None:
    """The venue ``text`` names; ``near_line`` is the line the meeting's time was read from."""
    match = LABEL.search(text or "")
    if match:
        return _tidy(match.group("v"))
    paragraphs = _paragraphs(text or "")
    if near_line is not None:
        for n, (first, last, paragraph) in enumerate(paragraphs):
            if first <= near_line <= last:
                if paragraph.rstrip().endswith(":") and n + 1 < len(paragraphs):  # "... at:" + address
                    address = text.split("\n")[paragraphs[n + 1][0]]
                    if places.find(address):
                        return _tidy(address)
                found = _phrase(paragraph) or _address_after(text.split("\n")[near_line + 1:last + 1])
                if found:
                    return found
    for _first, _last, paragraph in paragraphs:
        for held in HELD.finditer(paragraph):
            found = _phrase(paragraph[held.end():], first_only=True)
            if found:
                return found
    return None


# "The venue remains unchanged", "Stedet er uendret", "same venue as announced": the venue is in
# the earlier message the text answers
UNCHANGED = re.compile(r"\b(?:(?:venue|location|place)\s+(?:remains|is|stays)\s+(?:unchanged|the same)|same venue|"
                       r"(?:stedet|lokalet)\s+er\s+(?:uendret|det samme)|samme sted|(?:ort|tagungsort)\s+bleibt|"
                       r"lieu\s+(?:reste|est)\s+inchangé|platsen\s+är\s+oförändrad)\b", re.I)


_HEADER_BLOCK = re.compile(r"^[\s>*]*(?:from|fra|von|från|de|van|sent|sendt|date|dato|subject|emne)\s*:", re.I)


def venue_before(text: str) -> str | None:
    """The venue of the earlier message in ``text`` (a reply chain, quoted or forwarded below):
    the labelled venue, else the first venue phrase of a paragraph that gives a date."""
    match = LABEL.search(text or "")
    if match:
        return _tidy(match.group("v"))
    for _first, _last, paragraph in _paragraphs(text or ""):
        if _HEADER_BLOCK.match(paragraph):  # the earlier message's From/Sent/Subject lines
            continue
        if re.search(r"\b(?:19|20)\d\d\b|\d{1,2}[./]\d{1,2}", paragraph):
            found = _phrase(paragraph)
            if found:
                return found
    return None


def _phrase(text: str, first_only: bool = False) -> str | None:
    """The most specific "at/in/via ..." phrase of ``text``: one naming an address or a building
    before one naming only a known place, an online platform ("via Zoom") last; None when no
    phrase names any of these. With ``first_only``, only the first phrase after the date counts."""
    found: list[tuple[float, int, str]] = []
    for n, match in enumerate(PREPOSITION.finditer(text)):
        rest = SENTENCE.match(text, match.end())
        value = _tidy(_TRAILER.sub("", rest.group(0))) if rest else None
        preposition = match.group("p").lower()
        if not value or _STARTS_WITH_TIME.match(value):
            if first_only and preposition not in ("on", "over"):
                return None
            continue
        value = value.split(": ")[0]  # "på Teams: https://..." (a colon opens the link or a list)
        plain = re.sub(r"\([^)]*\)", " ", value)
        if online.names_platform(plain) and len(plain.split()) <= 4:  # "via Zoom", "på Teams", "on Webex"
            found.append((1, -n, value))
        elif preposition not in ("via", "on", "over", "über", "sur", "per"):
            score = 2 * bool(_ADDRESS.search(plain)) + bool(places.find(plain))
            if score:
                found.append((score, -n, value))
        if first_only:
            break
    if not first_only:
        found += _apposition(text)
    return max(found)[2] if found else None


def _apposition(text: str) -> list[tuple[float, int, str]]:
    """Venues set off by a comma without a preposition ("... from 14:00 to 16:30, Justus Lipsius
    building, room 70.2, Brussels."): only a phrase naming both a building or an address and a
    known place counts, and it ranks below the same named with a preposition."""
    found: list[tuple[float, int, str]] = []
    for n, comma in enumerate(re.finditer(r",\s+", text)):
        if text.count("(", 0, comma.start()) > text.count(")", 0, comma.start()):
            continue  # a venue in a parenthesis is read with the phrase before it
        rest = SENTENCE.match(text, comma.end())
        value = _tidy(_TRAILER.sub("", rest.group(0))) if rest else None
        if value and not _STARTS_WITH_TIME.match(value) and _ADDRESS.search(value) and places.find(value):
            found.append((2.5, -n, value))
            break
    return found


def _address_after(lines: list[str]) -> str | None:
    """The first of the lines after a meeting's time, when it is an address ("Justitiedepartementet,
    Rosenbad 4, Stockholm") rather than more text: short, naming a place and an address word."""
    line = lines[0].strip() if lines else ""
    if not line or len(line.split()) > 12 or line.endswith((".", ":")):
        return None
    return _tidy(line) if _ADDRESS.search(line) and places.find(line) else None


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(first line, last line, joined text) of each paragraph; wrapped lines become one line."""
    result: list[tuple[int, int, str]] = []
    start, lines = 0, text.split("\n")
    for index, line in enumerate([*lines, ""]):
        if not line.strip():
            if index > start:
                result.append((start, index - 1, " ".join(part.strip() for part in lines[start:index])))
            start = index + 1
    return result


def _tidy(value: str) -> str | None:
    value = re.sub(r"\s+statt\b", "", " ".join(value.split())).strip(" .,;:")  # "findet ... in Wien statt"
    value = re.sub(r"^(?:the|den|det)\s+", "", value, flags=re.I)
    return value or None
