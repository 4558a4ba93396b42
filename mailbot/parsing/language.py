"""The language mailbot answers a person in: that of the person's own words.

A staff member who forwards an invitation is answered in the language of the note they wrote
above it, not of the organiser's text (almost every EU invitation is in English): English when
they wrote English, else Norwegian bokmål, which is also the answer when they wrote nothing of
their own (or too little to tell). Danish and Swedish get bokmål. Identified with ``py3langid``
(its model restricted to the candidates: :mod:`mailbot.parsing.langmodel`).
"""
from __future__ import annotations

import functools

from py3langid.langid import LanguageIdentifier

from mailbot.parsing import langmodel

CANDIDATES = ["en", "no", "nn", "da", "sv", "de", "fr", "nl"]


@functools.cache
def _identifier() -> LanguageIdentifier:
    return langmodel.identifier(CANDIDATES)


MIN_WORDS = 3  # fewer words of one's own tell no language reliably


def of_own_words(text: str, default: str = "nb") -> str:
    """The answer's language for a person who wrote ``text``: :func:`reply_language` of it, or
    ``default`` when it has fewer than :data:`MIN_WORDS` words."""
    return reply_language(text) if len(text.split()) >= MIN_WORDS else default


def reply_language(text: str) -> str:
    """'en' when ``text`` is English, else 'nb'."""
    sample = " ".join((text or "").split())[:2000]
    if not sample:
        return "nb"
    language, _score = _identifier().classify(sample)
    return "en" if language == "en" else "nb"
