"""Email commands: the exact command lines at the top of a message's body (pure).

A command line is a keyword in capitals, an optional record reference and its argument:

    EXEMPT INE-2027-0004 agreed with INE before the meeting    (Norwegian: UNNTAK)
    CANCEL INE-2027-0004                                       (AVLYS)
    REASSIGN INE-2027-0004 ola.nordmann@udi.no                 (OVERFØR)
    STATUS [INE-2027-0004]
    TIME INE-2027-0004 20.01.2027 10:00-12:30                  (TID: a corrected meeting time)

Only the lines before the first line that is no command count (blank lines aside), so a
command inside quoted text or further down a referat is never read as one. Without a reference
the command is about the record whose thread the message is in. The keyword shows the language
the sender wrote in (UNNTAK: bokmål, EXEMPT: English; STATUS is both), which the answer uses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

VERBS = {"EXEMPT": "exempt", "UNNTAK": "exempt", "CANCEL": "cancel", "AVLYS": "cancel",
         "REASSIGN": "reassign", "OVERFØR": "reassign", "STATUS": "status", "TIME": "time", "TID": "time"}
LANGUAGES = {"EXEMPT": "en", "CANCEL": "en", "REASSIGN": "en", "TIME": "en",
             "UNNTAK": "nb", "AVLYS": "nb", "OVERFØR": "nb", "TID": "nb"}  # STATUS: either
_LINE = re.compile(r"^(?P<verb>[A-ZÆØÅ]+)(?:\s+(?P<rest>.*?))?\s*$")


@dataclass(frozen=True)
class Command:
    """One command line: the canonical ``verb`` (exempt, cancel, reassign, status, time), the
    record ``ref`` it names (None: the thread's), its ``argument``, the ``line`` as written and
    the ``language`` its keyword is in ('nb', 'en'; None for STATUS, the same in both)."""

    verb: str
    ref: str | None
    argument: str
    line: str
    language: str | None = None


def parse(body: str, prefix: str = "INE") -> list[Command]:
    """The command lines at the top of ``body``; references look like ``PREFIX-YYYY-NNNN``."""
    ref_pattern = re.compile(rf"^(?P<ref>{re.escape(prefix)}-\d{{4}}-\d{{4,}})\b\s*(?P<arg>.*)$")
    found = []
    for line in body.splitlines():
        line = line.strip().replace("\u00a0", " ")
        if not line:
            continue
        match = _LINE.match(line)
        if not match or match.group("verb") not in VERBS:
            break
        rest = match.group("rest") or ""
        ref_match = ref_pattern.match(rest)
        ref, argument = (ref_match.group("ref"), ref_match.group("arg").strip()) if ref_match else (None, rest)
        keyword = match.group("verb")
        found.append(Command(VERBS[keyword], ref, argument, line, LANGUAGES.get(keyword)))
    return found
