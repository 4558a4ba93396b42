"""The store's single-writer lock: one mailbot writes a store at a time."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from mailbot.errors import StoreError


def take_lock(path: Path) -> int:
    """Take the store's single-writer lock, or raise StoreError naming the holder's PID.

    The lock is an flock on the store's folder, which cannot be deleted while the store is in it (a lock
    file can be, and a second writer would then empty the store at its shutdown). ``PATH.lock`` only
    names the holder, for the message. One store per folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(folder)
        holder = path.with_name(path.name + ".lock")
        who = holder.read_text(encoding="utf-8", errors="replace").strip() if holder.exists() else ""
        raise StoreError(f"store {path} is in use by {who or 'another process'}; only one mailbot may write it "
                         "(stop it first: systemctl stop mailbot)") from None
    path.with_name(path.name + ".lock").write_text(f"mailbot pid {os.getpid()}\n", encoding="utf-8")
    return folder
