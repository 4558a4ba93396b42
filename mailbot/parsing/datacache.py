"""Files derived once from the parser's libraries' data and kept in a cache directory: the
service's (systemd's ``CacheDirectory=``, ``$CACHE_DIRECTORY``), else the user's
(``$XDG_CACHE_HOME/mailbot``, else ``~/.cache/mailbot``). Each is named after the library's
version, so a new version derives them again. A process that cannot write there derives what
it needs in memory, with the same result."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def path(name: str) -> Path:
    """Where the cache file ``name`` is (it may not exist yet)."""
    service = os.environ.get("CACHE_DIRECTORY", "").split(":")[0]  # systemd lists one per CacheDirectory=
    if service:
        return Path(service) / name
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mailbot" / name


def write(target: Path, fill: Callable[[IO[bytes]], object]) -> None:
    """Create ``target`` whole or not at all: ``fill`` writes its bytes into a temporary file
    beside it, which then takes its name (another process may be doing the same). Raises OSError."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            fill(file)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
