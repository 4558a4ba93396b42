"""The forum registry (``config/fora.toml``) and matching a meeting to its forum.

Each forum has a code, names, aliases (Norwegian and English), typical organiser domains, a
level (strategic or operational, IM 2011-013 §3.1) and an optional stakeholder list for the
referat (§4.1). A meeting is matched on its organiser's domain and address, its title, and its
text; what matches nothing is OTHER.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mailbot.addresses import within
from mailbot.config.tomlfiles import toml_entries

LEVELS = ("strategic", "operational")
OTHER = "OTHER"
FIELDS = ("code", "name", "name_nb", "level", "aliases", "domains", "stakeholders")

# How much each kind of evidence counts.
WEIGHT_DOMAIN, WEIGHT_TITLE, WEIGHT_ORGANIZER, WEIGHT_TEXT_ADDRESS, WEIGHT_TEXT = 6, 3, 3, 2, 1
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Forum:
    """One forum of the registry."""

    code: str
    name: str
    name_nb: str
    level: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    stakeholders: tuple[str, ...] = ()

    def pattern(self) -> re.Pattern:
        """Aliases as one regex: all-capital aliases match case-sensitively, others not."""
        parts = []
        for alias in self.aliases:
            body = re.escape(alias).replace(r"\*", r"\w*")
            parts.append(body if alias.isupper() else f"(?i:{body})")
        return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])") if parts else re.compile(r"(?!)")


class Fora:
    """The registry: lookup by code and matching of a meeting to a forum."""

    def __init__(self, fora: list[Forum]) -> None:
        self.fora = fora
        self._by_code = {f.code: f for f in fora}
        self._patterns = {f.code: f.pattern() for f in fora}

    @classmethod
    def load(cls, path: Path, via: str = "parsing.fora") -> Fora:
        """Read ``path`` (the file the configuration key ``via`` names); raises ConfigError naming
        the file, ``via`` and the entry and field for an empty registry or a bad entry."""
        fora = []
        for entry in toml_entries(path, "forum", via=via, fields=FIELDS):
            name = entry.text("name")
            forum = Forum(code=entry.text("code"), name=name, name_nb=entry.text("name_nb", name),
                          level=entry.text("level"), aliases=entry.texts("aliases"),
                          domains=tuple(d.lower() for d in entry.texts("domains")),
                          stakeholders=entry.texts("stakeholders"))
            if forum.level not in LEVELS:
                raise entry.error(f"expected one of {', '.join(LEVELS)}, got {forum.level!r}", "level")
            fora.append(forum)
        if not any(f.code == OTHER for f in fora):
            fora.append(Forum(OTHER, "Other forum", "Annet forum", "operational"))
        return cls(fora)

    def get(self, code: str) -> Forum:
        """The forum with ``code``; unknown codes give OTHER."""
        return self._by_code.get(code) or self._by_code[OTHER]

    def match(self, *, title: str, organizer: str | None, organizer_name: str = "", text: str = "") -> str:
        """The code of the forum a meeting belongs to, OTHER when nothing matches. Of two fora with
        the same score, the one named first (in the title, then the organiser's name, then the
        text), the longer name where both begin: "UNHCR Representation for the Nordic and Baltic
        Countries" is UNHCR's, and so is a "Nordic and Baltic consultation"."""
        domain = organizer.rsplit("@", 1)[-1] if organizer and "@" in organizer else ""
        local = organizer.split("@")[0].replace(".", " ").replace("-", " ").replace("_", " ") if organizer else ""
        text_domains = {a.rsplit("@", 1)[1].lower() for a in _ADDRESS.findall(text or "")}
        best, best_score, best_first = OTHER, 0, (0, 0)
        named = "\n".join((title or "", organizer_name or "", local.upper(), text or ""))
        for forum in self.fora:
            pattern = self._patterns[forum.code]
            score = 0
            if domain and within(domain, forum.domains):
                score += WEIGHT_DOMAIN
            if pattern.search(title or ""):
                score += WEIGHT_TITLE
            if pattern.search(organizer_name or "") or pattern.search(local.upper()):
                score += WEIGHT_ORGANIZER
            if pattern.search(text or ""):
                score += WEIGHT_TEXT
            if any(within(d, forum.domains) for d in text_domains):
                score += WEIGHT_TEXT_ADDRESS
            mention = pattern.search(named)
            first = (mention.start(), -len(mention.group(0))) if mention else (len(named), 0)
            if score > best_score or (score == best_score > 0 and first < best_first):
                best, best_score, best_first = forum.code, score, first
        return best
