"""Screening an agenda for the ministry-consultation duty (IM 2011-013 §3.2).

Where an agenda may lead to law changes in Norway, has budget consequences or is politically
sensitive, the ministry (JD) is consulted before the meeting. Rules are regular expressions in a
TOML file (``config/consultation.toml``); each match is kept as a :class:`Reason` so the
participant and the unit see why a meeting was flagged.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from mailbot.config.tomlfiles import Entry, toml_entries
from mailbot.model import Reason


@dataclass(frozen=True)
class Rule:
    """A screening rule: an id, labels in Norwegian and English, case-insensitive patterns, and
    ``unless`` patterns that clear a match found in the same line ("for information")."""

    id: str
    label_nb: str
    label_en: str
    patterns: tuple[re.Pattern, ...]
    unless: tuple[re.Pattern, ...] = ()


class Rules:
    """The configured screening rules."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._by_id = {r.id: r for r in rules}

    @classmethod
    def load(cls, path: Path, via: str = "parsing.consultation_rules") -> Rules:
        """Read ``path`` (the file the configuration key ``via`` names); raises ConfigError naming
        the file, ``via`` and the rule and field for an empty file, a bad entry or regex."""
        rules = []
        for entry in toml_entries(path, "rule", via=via, fields=("id", "label_nb", "label_en", "patterns", "unless")):
            patterns = _compiled(entry, "patterns")
            rules.append(Rule(entry.text("id"), entry.text("label_nb"), entry.text("label_en"), patterns,
                              _compiled(entry, "unless")))
        return cls(rules)

    def screen(self, text: str) -> tuple[Reason, ...]:
        """Every rule that matches ``text``, once each, with the matched words.

        Lines are joined, so a phrase wrapped over two lines still matches; an ``unless``
        pattern clears a match when it stands in the line where the match starts.
        """
        lines = [" ".join(line.split()) for line in (text or "").split("\n")]
        flat = " ".join(lines)
        starts = list(itertools.accumulate(len(line) + 1 for line in lines))
        found = []
        for rule in self.rules:
            for match in (m for p in rule.patterns for m in p.finditer(flat)):
                line = lines[bisect.bisect_right(starts, match.start())]
                if not any(u.search(line) for u in rule.unless):
                    found.append(Reason(rule.id, _excerpt(match.group(0))))
                    break
        return tuple(found)

    def label(self, rule_id: str, language: str) -> str:
        """The rule's label in ``language`` ('nb' or 'en'); the id when the rule is gone."""
        rule = self._by_id.get(rule_id)
        if rule is None:
            return rule_id
        return rule.label_en if language == "en" else rule.label_nb


def _compiled(entry: Entry, name: str) -> tuple[re.Pattern, ...]:
    """The list of regular expressions ``name`` of a rule, compiled case-insensitive (``patterns``
    is required and not empty); ConfigError naming the field for a bad one."""
    texts = entry.texts(name, required=name == "patterns")
    if name == "patterns" and not texts:
        raise entry.error("expected at least one regular expression", name)
    try:
        return tuple(re.compile(text, re.I) for text in texts)
    except re.error as exc:
        raise entry.error(f"bad regular expression: {exc}", name) from exc


def _excerpt(text: str, limit: int = 100) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…" when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
