"""py3langid's model restricted to mailbot's candidate languages, derived once.

py3langid decompresses its model of 97 languages at every start (lzma: about a second, 130 MB
at the peak). The same identifier restricted to the candidates (``set_languages``) needs only
the tokenizer's automaton and the candidates' columns; these are kept by
:mod:`mailbot.parsing.datacache` as ``langid-<py3langid version>-<languages>.npz`` and ``.npy``,
the automaton's table (40 MB) mapped from the file rather than read, so only the pages a text
visits are in memory. Scores and answers are those of py3langid's own identifier.
"""
from __future__ import annotations

import contextlib
from importlib.metadata import version
from typing import Any

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from mailbot.parsing import datacache


def identifier(languages: list[str]) -> LanguageIdentifier:
    """py3langid's identifier restricted to ``languages``, from the cache when it is there."""
    stem = f"langid-{version('py3langid')}-{'-'.join(languages)}"
    model, table = datacache.path(f"{stem}.npz"), datacache.path(f"{stem}.npy")
    try:
        with np.load(model) as parts:
            return _identifier(parts, np.load(table, mmap_mode="r"))
    except (OSError, ValueError, KeyError):
        pass
    full = LanguageIdentifier.from_model_file(MODEL_FILE)
    full.set_languages(languages)
    parts = {"ptc": np.ascontiguousarray(full.nb_ptc), "pc": full.nb_pc, "classes": np.array(full.nb_classes),
             "row": np.array(full.tk_row, dtype=np.uint32), "output": np.array(full.tk_output, dtype=np.int32)}
    nextmove = np.frombuffer(full.tk_nextmove, dtype=np.uint32)
    with contextlib.suppress(OSError):  # the table first: a model file means both are there
        datacache.write(table, lambda file: np.save(file, nextmove))
        datacache.write(model, lambda file: np.savez(file, **parts))
    return _identifier(parts, nextmove)  # not ``full``: the other 89 languages' columns are let go


def _identifier(parts: Any, nextmove: np.ndarray) -> LanguageIdentifier:
    """The identifier over the arrays themselves: py3langid only indexes its tables."""
    return LanguageIdentifier(parts["ptc"], parts["pc"], parts["classes"].tolist(), nextmove.data,
                              parts["output"].data, tk_row=parts["row"].data)
