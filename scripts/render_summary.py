"""Render the weekly summary's HTML in headless Chromium to a PNG, for a person to look at.

    python scripts/render_summary.py FILE.html OUT.png     # a preview from `mailbot summary --preview`
    python scripts/render_summary.py --sample OUT.png      # the 60 invented records of the tests

The picture is one screen (880 x 1080 pixels by default, ``--size``): what does not fit in it
does not fit on the reader's screen either. Needs Debian's ``chromium`` package
(``apt-get install -y chromium``); the test suite does not. Chromium runs without network
access to anything but the file, in a new profile that is removed afterwards.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, render, print the PNG's path; exit status 2 without Chromium."""
    return run(argv, __doc__, "the HTML part written by mailbot summary --preview", "880,1080", sample)


def run(argv: list[str] | None, doc: str | None, html_help: str, size: str,
        make_sample: Callable[[Path], Path]) -> int:
    """The command line of a render script: FILE.html or --sample (``make_sample`` writes the
    sample's HTML into a folder and returns its path), OUT.png, --size (default ``size``)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("html", nargs="?", type=Path, help=html_help)
    parser.add_argument("png", type=Path, help="where the screenshot goes")
    parser.add_argument("--sample", action="store_true", help="render the invented sample instead of a file")
    parser.add_argument("--size", default=size, help=f"window width,height in pixels (default {size})")
    args = parser.parse_args(argv)
    if bool(args.sample) == bool(args.html):
        parser.error("give either FILE.html or --sample")
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        print(f"{parser.prog}: no Chromium found; apt-get install -y chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="mailbot-render-") as work:
        html = make_sample(Path(work)) if args.sample else args.html.resolve()
        screenshot(browser, html, args.png.resolve(), args.size, Path(work) / "profile")
    print(args.png)
    return 0


def sample(folder: Path) -> Path:
    """Preview the summary of the test suite's invented store (tests/summary_sample.py) in ``folder``."""
    sys.path.insert(0, str(ROOT / "tests"))
    from summary_sample import NOW, STAFF, fill, write_directory

    from mailbot import app
    from mailbot.config.settings import Config, StoreConfig, UnitConfig
    from mailbot.records.store import Store

    config = Config(store=StoreConfig(path=folder / "store.json"),
                    unit=UnitConfig(advisers=(STAFF,), directory=write_directory(folder)))
    store = Store(config.store.path)
    try:
        fill(store)
        return app.build(config, store).weekly.preview(NOW, folder / "summary.html")[0]
    finally:
        store.close()


def screenshot(browser: str, html: Path, png: Path, size: str, profile: Path) -> None:
    """Let headless Chromium draw ``html`` into ``png``; raises CalledProcessError when it fails."""
    png.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                    f"--user-data-dir={profile}", f"--window-size={size}", f"--screenshot={png}", html.as_uri()],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
