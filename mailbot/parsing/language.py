"""The language of an invitation, which is the language mailbot replies in.

Replies are in Norwegian bokmål, or in English when the invitation is in English; Danish and
Swedish invitations get Norwegian replies. Identified with ``py3langid``.
"""
from __future__ import annotations

import functools

import py3langid

CANDIDATES = ["en", "no", "nn", "da", "sv", "de", "fr", "nl"]


@functools.cache
def _ready() -> None:
    py3langid.set_languages(CANDIDATES)


def reply_language(text: str) -> str:
    """'en' when ``text`` is English, else 'nb'."""
    sample = " ".join((text or "").split())[:2000]
    if not sample:
        return "nb"
    _ready()
    language, _score = py3langid.classify(sample)
    return "en" if language == "en" else "nb"
