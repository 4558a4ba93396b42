"""Render the yearly overview's HTML in headless Chromium to a PNG, for a person to look at.

    python scripts/render_yearly.py FILE.html OUT.png     # from `mailbot report --year YYYY`
    python scripts/render_yearly.py --sample OUT.png      # the 100 invented records of the tests, 2026

The picture is 1000 x 1000 pixels by default (``--size``). Needs Debian's ``chromium`` package
(``apt-get install -y chromium``); the test suite does not. Chromium is started as for the weekly
summary (scripts/render_summary.py): a new profile removed afterwards, no network but the file.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from render_summary import BROWSERS, ROOT, screenshot


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, render, print the PNG's path; exit status 2 without Chromium."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("html", nargs="?", type=Path, help="the HTML file written by mailbot report")
    parser.add_argument("png", type=Path, help="where the screenshot goes")
    parser.add_argument("--sample", action="store_true", help="render the invented sample instead of a file")
    parser.add_argument("--size", default="1000,1000", help="window width,height in pixels (default 1000,1000)")
    args = parser.parse_args(argv)
    if bool(args.sample) == bool(args.html):
        parser.error("give either FILE.html or --sample")
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        print("render_yearly: no Chromium found; apt-get install -y chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="mailbot-render-") as work:
        html = sample(Path(work)) if args.sample else args.html.resolve()
        screenshot(browser, html, args.png.resolve(), args.size, Path(work) / "profile")
    print(args.png)
    return 0


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
