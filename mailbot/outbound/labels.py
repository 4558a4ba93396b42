"""The words of a language that code and shared templates need: ``templates/LANG/labels.toml``.

Mail texts themselves live in each language's templates; what Python code puts into them (a
changed field's name, "yes", "all day", date patterns) and what the shared templates in
``templates/common/`` print (a record's state, a mail's name for people) is looked up here, so
no language's words sit in code. A folder of ``templates/`` is a language when it holds a
``labels.toml``. A language's file may leave words out: they come from the default language's
(bokmål) file, word by word, as missing templates come from its folder.
"""
from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

DEFAULT_LANGUAGE = "nb"
FILE = "labels.toml"


class Labels(dict):
    """A language's labels: sections of words by key, e.g. ``labels["changes"]["time"] == "Tid"``."""

    def __init__(self, language: str, sections: dict[str, dict[str, str]]) -> None:
        super().__init__(sections)
        self.language = language

    @property
    def locale(self) -> str:
        """The babel locale of dates and numbers, e.g. ``nb_NO``."""
        return self["dates"]["locale"]

    def word(self, section: str, code: str) -> str:
        """The word for ``code`` in ``section``: ``word("state", "cancelled") == "avlyst"``. A code
        ending in a number, ``reminder-2``, takes the entry of its stem with ``{n}`` replaced:
        "påminnelse 2". An unknown code is returned as it is."""
        words = self.get(section, {})
        if code in words and "{n}" not in words[code]:
            return words[code]
        stem, _, number = code.rpartition("-")
        if number.isdigit() and stem in words:
            return words[stem].replace("{n}", number)
        return code


def is_language(folder: Path, language: str) -> bool:
    """Whether ``folder`` (``templates/``) has a language folder ``language`` (with a labels.toml)."""
    return bool(re.fullmatch(r"[a-z]{2,3}", language or "")) and (Path(folder) / language / FILE).is_file()


def chain(folder: Path, language: str) -> tuple[str, ...]:
    """The language folders to search for ``language``, most specific first: ``("en", "nb")``;
    ``("nb",)`` for bokmål and for a language ``folder`` has no folder for."""
    if language != DEFAULT_LANGUAGE and is_language(folder, language):
        return (language, DEFAULT_LANGUAGE)
    return (DEFAULT_LANGUAGE,)


@functools.cache
def load(folder: Path, language: str) -> Labels:
    """The labels of ``language`` from ``folder`` (``templates/``), over the default language's.
    Raises OSError or tomllib.TOMLDecodeError for a missing or broken default file."""
    names = chain(Path(folder), language)
    sections: dict[str, dict[str, str]] = {}
    for name in reversed(names):
        with open(Path(folder) / name / FILE, "rb") as file:
            for section, words in tomllib.load(file).items():
                sections[section] = {**sections.get(section, {}), **words}
    return Labels(names[0], sections)
