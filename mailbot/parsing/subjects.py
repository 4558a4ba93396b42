"""Subject lines: forward, reply and status prefixes as mail clients write them in many languages."""
from __future__ import annotations

import re

FORWARD = ("fw", "fwd", "vs", "wg", "tr", "trs", "vb", "doorst", "fs", "enc", "i", "rv", "pd", "wtr")
REPLY = ("re", "sv", "aw", "antw", "r", "ref", "odp", "vá")
CANCELLED = ("avlyst", "canceled", "cancelled", "aflyst", "inställt", "inställd", "abgesagt", "annulé",
             "peruutettu", "geannuleerd", "avbokad", "cancelado", "annullato")
UPDATED = ("updated", "oppdatert", "endret", "opdateret", "uppdaterad", "aktualisiert", "mis à jour",
           "updated invitation")
RSVP = ("accepted", "godtatt", "akseptert", "declined", "avslått", "tentative", "foreløpig", "tentatively accepted",
        "accepté", "angenommen", "abgelehnt", "accepterat", "avböjt")
AUTOMATIC = ("automatic reply", "automatisk svar", "auto reply", "autoreply", "out of office", "abwesend",
             "automatisch antwoord", "automatiskt svar", "fraværende", "ikke til stede", "réponse automatique",
             "delivery status notification", "undeliverable", "ikke levert", "returned mail")

_PREFIX = re.compile(r"^\s*(?P<word>[^\W\d_][\w ]{0,25}?)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*", re.I)


def prefixes(subject: str) -> tuple[list[str], str]:
    """Split ``subject`` into its known prefixes (lower case, outermost first) and the rest."""
    known = set(FORWARD + REPLY + CANCELLED + UPDATED + RSVP + AUTOMATIC)
    found: list[str] = []
    rest = subject or ""
    while True:
        match = _PREFIX.match(rest)
        if not match or match.group("word").lower() not in known:
            return found, rest.strip()
        found.append(match.group("word").lower())
        rest = rest[match.end():]


def clean(subject: str) -> str:
    """``subject`` without forward/reply/status prefixes (Fw, VS, SV, WG, Avlyst:, Canceled:, ...)."""
    return prefixes(subject)[1]


def first_prefix(subject: str) -> str | None:
    """The outermost known prefix of ``subject``, lower case, or None."""
    found = prefixes(subject)[0]
    return found[0] if found else None


# Out-of-office and other automatic replies as mail clients and servers title them, in the
# languages mailbot meets: Norwegian, Swedish, Danish, English, German, French, Dutch.
_AUTOMATIC_SUBJECT = re.compile(
    r"^\s*(?:(?:re|sv|aw|vs|fw|fwd|wg|tr|antw)\s*:\s*)*(?:"
    r"automatic reply|auto[- ]?reply|auto[- ]?response|out of (?:the )?office|ooo\b|"
    r"automatisk svar|automatiskt svar|autosvar|fravær\w*|ikke (?:på kontoret|til stede)|frånvar\w*|"
    r"automatische antwort|abwesen\w*|réponse automatique|absence\w*|absent\b|automatisch antwoord|afwezig)",
    re.I)


def is_automatic(subject: str) -> bool:
    """True when ``subject`` is that of an automatic reply (out of office, auto-reply, delivery
    failure), in any of the languages above."""
    return bool(_AUTOMATIC_SUBJECT.match(subject or "")) or has_any(subject, AUTOMATIC)


def has_any(subject: str, words: tuple[str, ...]) -> bool:
    """True when one of the prefixes of ``subject`` is in ``words``."""
    return any(p in words for p in prefixes(subject)[0])


_CHANGE = re.compile(r"\b(?:changes? (?:of|in|to) (?:the )?(?:venue|date|dates|time|timing|location|programme)|"
                     r"(?:new|revised) (?:date|dates|venue|time|timing|location)|rescheduled|postponed|moved to|"
                     r"(?:endret|endring av|nytt?|ny) (?:tid|tidspunkt|dato|sted|møtested|møtetid)|flyttet|utsatt)\b",
                     re.I)


def names_change(subject: str) -> bool:
    """True when a subject says the meeting was moved ("Change of venue and timing – ...", "Ny
    dato for ...", "Postponed: ..."): an update even without an "Updated:" prefix."""
    return bool(_CHANGE.search(clean(subject)))


_MINUTES = re.compile(r"\b(?:referat|møtereferat|mødereferat|minutes of|meeting minutes|summary record|"
                      r"mötesanteckningar|protokoll|protocol of|outcome of proceedings|summary of discussions)\b"
                      r"|^(?:(?:draft|final|approved|revised|utkast til)\s+)?minutes\b", re.I)


# minutes named in running text, compounds too ("Besprechungsprotokoll", "møtereferatet")
_MINUTES_TEXT = re.compile(r"\b\w*(?:protokoll|referat)\w*\b|\bminutes\b|\bcompte[- ]rendu\b|\bprocès-verbal\b|"
                           r"\bmin(?:nes|tes)anteckningar\b|\bmötesanteckningar\b", re.I)


def mentions_minutes(text: str) -> bool:
    """True when ``text`` speaks of minutes (a referat) in words of the languages mailbot reads."""
    return bool(_MINUTES_TEXT.search(text))


def names_minutes(subject: str) -> bool:
    """True when a subject is about a referat (minutes) rather than an invitation."""
    return bool(_MINUTES.search(clean(subject)))


# A newsletter or bulletin: it announces several events and invites to none of them
_NEWSLETTER = re.compile(r"\b(?:\w*newsletter|nyhetsbrev\w*|nyhedsbrev\w*|rundbrief|lettre d'information|"
                         r"bulletin d'information|e-?bulletin|digest)\b", re.I)


# A questionnaire or a call for input: it asks for answers by a deadline, it invites to no meeting
_QUERY = re.compile(r"\b(?:ad-?hoc query|questionnaire|survey|spørreskjema\w*|spørreundersøkelse\w*|enkät\w*|"
                    r"spørgeskema\w*|fragebogen|umfrage|call for (?:papers|contributions|proposals|evidence|input)|"
                    r"request for (?:information|input|data|contributions))\b", re.I)


def names_query(subject: str) -> bool:
    """True when a subject names a questionnaire or a call for input ("EMN Ad-Hoc Query 2027.14")."""
    return bool(_QUERY.search(clean(subject)))


def names_newsletter(subject: str) -> bool:
    """True when a subject names a newsletter ("Migration Dialogue Newsletter – April 2027")."""
    return bool(_NEWSLETTER.search(clean(subject)))
