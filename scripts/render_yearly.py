"""Render the yearly overview's HTML in headless Chromium to a PNG, for a person to look at.

    python scripts/render_yearly.py FILE.html OUT.png     # from `mailbot report --year YYYY`
    python scripts/render_yearly.py --sample OUT.png      # the 100 invented records of the tests, 2026

The picture is 1000 x 1000 pixels by default (``--size``). Needs Debian's ``chromium`` package
(``apt-get install -y chromium``); the test suite does not. Chromium is started as for the weekly
summary (scripts/render_summary.py): a new profile removed afterwards, no network but the file.
"""
from __future__ import annotations

import sys
from pathlib import Path

from render_summary import ROOT, run


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, render, print the PNG's path; exit status 2 without Chromium."""
    return run(argv, __doc__, "the HTML file written by mailbot report", "1000,1000", sample)


def sample(folder: Path) -> Path:
    """Write the overview of 2026 of the test suite's invented store (tests/yearly_sample.py) in ``folder``."""
    sys.path.insert(0, str(ROOT / "tests"))
    from summary_sample import STAFF, write_directory
    from yearly_sample import NOW, fill

    from mailbot import app
    from mailbot.config.settings import Config, StoreConfig, UnitConfig
    from mailbot.records.store import Store

    config = Config(store=StoreConfig(path=folder / "store.json"),
                    unit=UnitConfig(advisers=(STAFF,), directory=write_directory(folder)))
    store = Store(config.store.path)
    try:
        fill(store)
        return app.build(config, store).yearly.write(2026, NOW, folder)[0]
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
