"""Measuring the parser against a corpus of forwarded messages with expected values.

A corpus folder holds ``NAME/message.eml`` and ``NAME/expected.json`` (schema in the corpus
README). Fields are compared as the corpus prescribes: exact for most, instants for start/end,
the UTC offsets at the meeting for timezone, RRULE parts as a set, normalised text for title and
lenient containment for location.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mailbot.parsing import textdates
from mailbot.parsing.parser import Parser

FIELDS = ("kind", "title", "start", "end", "timezone", "location", "online", "organizer", "participant",
          "forum", "ical_uid", "sequence", "recurrence", "ministry_consultation")


@dataclass(frozen=True)
class Mismatch:
    """One field of one case that the parser got wrong."""

    case: str
    field: str
    expected: object
    got: object


@dataclass(frozen=True)
class Report:
    """Per-field counts of right answers and every mismatch."""

    cases: int
    right: dict[str, int]
    mismatches: list[Mismatch]

    def accuracy(self, name: str) -> float:
        """The share of cases (0..1) in which field ``name`` was right."""
        return self.right[name] / self.cases if self.cases else 0.0

    @property
    def perfect(self) -> bool:
        """True when every field of every case was right."""
        return not self.mismatches and self.cases > 0


def evaluate(folder: Path, parser: Parser) -> Report:
    """Parse every ``folder/*/message.eml`` and compare with its ``expected.json``."""
    right = dict.fromkeys(FIELDS, 0)
    mismatches: list[Mismatch] = []
    cases = sorted(p.parent for p in folder.glob("*/message.eml"))
    for case in cases:
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        try:
            got = parser.parse((case / "message.eml").read_bytes()).to_json()
        except Exception as exc:
            got = {name: f"EXCEPTION {type(exc).__name__}: {exc}" for name in FIELDS}
        for name in FIELDS:
            if same(name, expected.get(name), got.get(name), expected):
                right[name] += 1
            else:
                mismatches.append(Mismatch(case.name, name, expected.get(name), got.get(name)))
    return Report(len(cases), right, mismatches)


def same(name: str, expected: Any, got: Any, case: dict[str, Any]) -> bool:
    """Whether ``got`` matches ``expected`` for field ``name`` under the corpus rules."""
    if name in ("start", "end"):
        return _instant(expected) == _instant(got)
    if name == "timezone":
        return _offsets(expected, case) == _offsets(got, case)
    if name == "title":
        return _norm(expected) == _norm(got) or _core(expected) == _core(got)
    if name == "location":
        if expected is None or got is None:
            return expected is got
        a, b = _normalised(str(expected)), _normalised(str(got))
        return a in b or b in a
    if name == "recurrence":
        return _rrule(expected) == _rrule(got)
    return expected == got


def _instant(value: Any) -> Any:
    """An ISO 8601 string as a datetime or date; anything else (None, unreadable) as it is."""
    if not isinstance(value, str):
        return value
    try:
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        return value


def _offsets(zone: Any, case: dict[str, Any]) -> Any:
    """The UTC offsets of IANA zone ``zone`` at the case's start and end; other values as they are."""
    if not isinstance(zone, str):
        return zone
    try:
        tz = ZoneInfo(zone)
    except Exception:
        return zone
    moments = [_instant(case.get("start")), _instant(case.get("end"))]
    return tuple(m.astimezone(tz).utcoffset() if isinstance(m, datetime) else None for m in moments)


_INVITATION_WORD = re.compile(r"^(?:invitation à|invitation|invitasjon|einladung|save the date|innkalling)\s*[:–-]\s*")


def _core(value: Any) -> Any:
    """A title without a leading invitation word and a trailing date (the corpus README lets
    either be absent on either side); other values as they are."""
    if not isinstance(value, str):
        return value
    text = _INVITATION_WORD.sub("", _normalised(value))
    mentions = textdates.dates_in(text, date(2027, 1, 1))
    if mentions and not text[mentions[-1].end:].strip(" .,)"):
        text = text[:mentions[-1].start].rstrip(" ,:@–-")
    return text


def _norm(value: Any) -> str | None:
    return None if value is None else _normalised(str(value))


def _normalised(text: str) -> str:
    """``text`` in NFKC, lower case, dashes as hyphen-minus, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def _rrule(value: Any) -> Any:
    return frozenset(value.upper().split(";")) if isinstance(value, str) else value


def render(report: Report) -> str:
    """The report as text: one line per field with its accuracy, then every mismatch."""
    lines = [f"{report.cases} cases"]
    lines.extend(f"  {name:<22} {percent(report.right[name], report.cases):>6} %  "
                 f"({report.right[name]}/{report.cases})" for name in FIELDS)
    lines.extend(f"MISMATCH {m.case} {m.field}: expected {m.expected!r}, got {m.got!r}" for m in report.mismatches)
    lines.append(f"overall {percent(sum(report.right.values()), report.cases * len(FIELDS))} % of fields right")
    return "\n".join(lines)


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` in per cent with one decimal, rounded down, so that only a perfect
    score reads 100.0 (1399 of 1400 is 99.9, not 100.0); "0.0" when ``whole`` is 0."""
    tenths = 1000 * part // whole if whole else 0
    return f"{tenths // 10}.{tenths % 10}"
