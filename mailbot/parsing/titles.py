"""A meeting's name from the title an invitation carries, pure.

Organisers title invitations "Invitation – 121st EMN NCP Meeting, 9 February 2027" or
"Invitasjon til møte i Nordisk samrådsgruppe 14. april 2027 kl. 10:00–16:00". The record, the
weekly summary and every mail about it show the meeting's name, "121st EMN NCP Meeting": the
invitation wording is left out, and so are the date and time, which mailbot shows on a line of
their own. :func:`meeting_name` does that; the parser keeps the title as written (the corpus
measures it), and :mod:`mailbot.inbound.invitation` names the record with the result, keeping
the title as written in the record's history.
"""
from __future__ import annotations

import re
from datetime import date

from mailbot.parsing.textdates import dates_in

# "Invitation -", "Invitation:", "Invitation à", "Invitasjon til", "Save the date:", "Einladung", ...
_LEADING = re.compile(
    r"^\s*(?:(?:save the date|invitation|invitasjon|invitasjonen|innkalling|einladung|inbjudan|invitación|"
    r"invito|uitnodiging|kutsu)\s*[:\-–—]\s*"
    r"|(?:invitation|invitasjon|innkalling|einladung|inbjudan)\s+(?:to|til|à|au|aux|zur|zum|zu|till)\s+"
    r"|(?:invitation|invitasjon|einladung|inbjudan)\s+(?=\S))", re.I)
# "ATCR 2027 – invitation and registration", "EMN Norge-konferansen 2027 – invitasjon"
_TRAILING = re.compile(r"\s*[-–—:(]\s*(?:invitation|invitasjon|innkalling|einladung|inbjudan|save the date)"
                       r"(?:\s+(?:and|og|und|och)\s+(?:registration|påmelding|anmeldung|anmälan))?\s*\)?\s*$", re.I)
# a clock time or span of them, with what introduces it: "kl. 10:00–16:00", "at 9.30", "10h00"
_TIME = re.compile(r"(?:\b(?:kl|klokken|at|from|fra|von|um|à|de)\.?\s*)?\b[0-2]?\d[:.h][0-5]\d"
                   r"(?:\s*(?:-|–|—|to|til|bis|à)\s*[0-2]?\d[:.h][0-5]\d)?(?:\s*(?:uhr|hrs?|CET|CEST))?", re.I)
# words that lead up to a date: "am 17. Juni", "on 3 May", "le 8 juin", "den 3. mars", "Tuesday"
_BEFORE_DATE = re.compile(r"(?:\b(?:am|on|le|den|d\.|the|du|vom)\s+)?(?:\b[^\W\d_]+dag|\b\w+day|\b\w+tag|"
                          r"\blundi|\bmardi|\bmercredi|\bjeudi|\bvendredi)?[\s,]*$", re.I)
_DANGLING = " \t,;:-–—/|"


def meeting_name(title: str, reference: date | None = None) -> str:
    """``title`` without invitation wording ("Invitation -", "Invitasjon til", "Save the date:",
    "Einladung", "Invitation à", a trailing "– invitasjon") and without the dates and clock
    times written in it; the title as given when nothing of it would be left. ``reference``
    (any day) only settles the year of a date written without one; it changes nothing removed.
    """
    original = " ".join((title or "").split())
    text = _TRAILING.sub("", _LEADING.sub("", original, count=1))
    text = _without_dates(text, reference or date(2000, 1, 1))
    text = _TIME.sub(" ", text)
    text = _tidy(text)
    if len(text) < 3:
        return original
    if text[0].islower() and not original[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def _without_dates(text: str, reference: date) -> str:
    """``text`` with each date (and the words leading up to it: a weekday, "am", "on") cut out."""
    for mention in reversed(dates_in(text, reference)):
        head = re.sub(r"\b[0-3]?\d\.?\s*/\s*$", "", text[:mention.start])  # 12/13 February
        lead = _BEFORE_DATE.search(head)
        start = lead.start() if lead else len(head)
        text = f"{text[:start]} {text[mention.end:]}"
    return text


def _tidy(text: str) -> str:
    """Brackets left empty or with a dangling comma, separators left at either end, doubled spaces."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\(\s*[,;–—-]?\s*\)|\[\s*\]", " ", text)
        text = re.sub(r"\s*[,;]\s*\)", ")", text)
        text = re.sub(r"\(\s*[,;]\s*", "(", text)
        text = re.sub(r"\s+([,;)])", r"\1", text)
        text = re.sub(r"([,;])\s*[,;]", r"\1", text)
        text = re.sub(r"\s*[–—-]\s*[,;]\s*", " – ", text)
        text = re.sub(r"\s{2,}", " ", text)
        text = text.strip(_DANGLING).strip()
    return text
