"""Start-up wall time and peak RSS of mailbot's commands, and the idle daemon's RSS.

Each command runs in a child process of its own (wall time, and peak RSS from ``wait4``):
``mailbot --help``; ``mailbot parse one.eml`` (a corpus invitation with a calendar part); and
``mailbot run`` (imap backend against a throwaway Dovecot and SMTP server, tests/servers.py),
whose RSS (VmRSS, and the peak VmHWM) is read after it answered one invitation and settled.
Floor: ``python -c "import <the libraries on a message's path>"`` (common.FLOOR_IMPORTS).
Targets (issue 13): --help <= 0.3 s; parse <= 1 s and <= 120 MB; idle daemon <= 120 MB.
Run: python benchmarks/bench_startup.py [--repeats 3] [--quick]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from common import FLOOR_IMPORTS, corpus_cases, line, mailbot_command, measured, rss_mb, running_daemon, servers


def idle_rss(settle: float) -> tuple[float, float]:
    """The idle daemon's RSS and peak RSS in MB, ``settle`` seconds after its first reply."""
    with servers() as box, running_daemon(box, box.dovecot.new_user()) as process:
        time.sleep(settle)
        return rss_mb(process.pid)


def main() -> int:
    """Measure floor and commands ``--repeats`` times each; print the figures; 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one repeat")
    args = parser.parse_args()
    repeats = 1 if args.quick else args.repeats
    one = next(c for c in corpus_cases() if c.name.startswith("03_")) / "message.eml"
    commands = {"floor": [sys.executable, "-c", f"import {FLOOR_IMPORTS}"],
                "--help": [*mailbot_command(), "--help"],
                "parse": [*mailbot_command(), "parse", str(one)]}
    wall: dict[str, list[float]] = {name: [] for name in commands}
    peak: dict[str, list[float]] = {name: [] for name in commands}
    idle: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeats):
            for name, command in commands.items():
                seconds, mb = measured(command, cwd=Path(folder))
                wall[name].append(seconds)
                peak[name].append(mb)
            idle.append(idle_rss(settle=5.0)[0])
    print(f"floor: python -c 'import {FLOOR_IMPORTS}'")
    line("mailbot --help, wall", wall["--help"], wall["floor"], "s", target="<= 0.3 s")
    line("mailbot --help, peak RSS", peak["--help"], peak["floor"], "MB")
    line("mailbot parse one.eml, wall", wall["parse"], wall["floor"], "s", target="<= 1 s")
    line("mailbot parse one.eml, peak RSS", peak["parse"], peak["floor"], "MB", target="<= 120 MB")
    line("idle daemon (imap), RSS", idle, peak["floor"], "MB", target="<= 120 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
