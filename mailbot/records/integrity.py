"""``mailbot store check`` and ``mailbot store restore N``: a store verified, and a kept snapshot
brought back without handing out a reference number twice.

:func:`check` opens the store read-only (its snapshot and journal must load, see
:mod:`mailbot.records.journal`) and checks what the code relies on: references unique and
within the counters that hand them out, outgoing mail in legal states. :func:`restore` puts
kept snapshot ``N`` (``PATH.N``) in place of the current one, which is moved aside with its
journal, never deleted; the reference counters keep the highest number ever handed out.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

from mailbot.errors import StoreError
from mailbot.model import MailStatus
from mailbot.records.journal import generation, generations, shape_problem
from mailbot.records.lock import take_lock
from mailbot.records.store import Store

_REF = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z0-9]*)-(?P<year>\d{4})-(?P<number>\d{4,})$")


def check(path: Path) -> list[str]:
    """What is wrong with the store at ``path``, one line each; [] when nothing is."""
    try:
        store = Store(path, readonly=True)
    except StoreError as exc:
        return [str(exc)]
    try:
        data = store.storage.read()
    finally:
        store.close()
    return _references(data) + _outbox(data)


def _references(data: dict) -> list[str]:
    problems, seen = [], set()
    counters = _counters(data)
    for record in data.get("records", {}).values():
        ref = str(record.get("ref", ""))
        match = _REF.match(ref)
        if match is None:
            problems.append(f"record reference {ref!r} is not PREFIX-YYYY-NNNN")
            continue
        if ref in seen:
            problems.append(f"record reference {ref} is used twice")
        seen.add(ref)
        if int(match["number"]) > counters.get(match["year"], 0):
            problems.append(f"record reference {ref} is above the counter of {match['year']} "
                            f"({counters.get(match['year'], 0)}): the next record would reuse a number")
    return problems


def _outbox(data: dict) -> list[str]:
    problems = []
    legal = {status.value for status in MailStatus}
    for mail in data.get("outbox", {}).values():
        status, message_id = mail.get("status"), mail.get("message_id")
        if status not in legal:
            problems.append(f"outgoing mail {message_id} has an unknown status {status!r}")
        elif status == MailStatus.SENT and not mail.get("sent_at"):
            problems.append(f"outgoing mail {message_id} is sent without a time")
        elif status == MailStatus.SENDING and not mail.get("sending_since"):
            problems.append(f"outgoing mail {message_id} is sending without a time")
    return problems


def _counters(data: dict) -> dict[str, int]:
    meta = data.get("meta", {}).get("1") or {}
    return {str(year): int(number) for year, number in (meta.get("counters") or {}).items()}


def _highest_references(data: dict) -> dict[str, int]:
    """The highest reference number per year found in ``data``'s records and counters."""
    highest = dict(_counters(data))
    for record in data.get("records", {}).values():
        match = _REF.match(str(record.get("ref", "")))
        if match:
            highest[match["year"]] = max(highest.get(match["year"], 0), int(match["number"]))
    return highest


def restore(path: Path, number: int) -> Path:
    """Put kept snapshot ``number`` in place of the store at ``path``; returns where the current
    snapshot was moved. The reference counters become the highest of the restored snapshot, the
    current store (as far as it can be read) and every kept snapshot.

    Raises StoreError when a mailbot holds the store, or the kept snapshot is missing or broken.
    """
    kept = generation(path, number)
    if number not in generations(path):
        raise StoreError(f"there is no kept snapshot {kept} (kept: {generations(path) or 'none'})")
    data = json.loads(kept.read_text(encoding="utf-8") or "null")
    problem = shape_problem(data)
    if problem:
        raise StoreError(f"kept snapshot {kept} is not a mailbot store: {problem}")
    highest = _highest_references(data)
    for other in [generation(path, n) for n in generations(path)] + [path]:
        highest = _merge(highest, _readable_highest(other))
    highest = _merge(highest, _journal_highest(path.with_name(path.name + ".journal")))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.replaced-{stamp}")
    folder = take_lock(path)  # the same single-writer lock as a running mailbot
    try:
        if path.exists():
            os.replace(path, aside)
        journal = path.with_name(path.name + ".journal")
        if journal.exists():
            os.replace(journal, aside.with_name(aside.name + ".journal"))
        meta = data.setdefault("meta", {}).setdefault("1", {})
        meta["counters"] = dict(sorted(highest.items()))
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
        shutil.copystat(kept, path)
    finally:
        os.close(folder)
    return aside


def _readable_highest(path: Path) -> dict[str, int]:
    """The highest references of the snapshot at ``path`` and its journal, {} when unreadable."""
    try:
        store = Store(path, readonly=True)
    except (StoreError, OSError, ValueError):
        try:
            return _highest_references(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, AttributeError):
            return {}
    try:
        return _highest_references(store.storage.read())
    finally:
        store.close()


def _journal_highest(journal: Path) -> dict[str, int]:
    """The highest references written in a journal's complete lines, {} when unreadable."""
    data: dict = {"records": {}, "meta": {}}
    try:
        lines = journal.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return {}
    for line in lines:
        try:
            for op in json.loads(line)["ops"]:
                if op.get("t") in data and isinstance(op.get("d"), dict):
                    data[op["t"]][str(op["id"])] = op["d"]
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return _highest_references(data)


def _merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {year: max(a.get(year, 0), b.get(year, 0)) for year in a.keys() | b.keys()}
