"""The command-line side of the yearly overview: ``mailbot report --year YYYY [--out DIR] [--send]``
(IM 2011-013 §2.1). Writing the files only reads the store (safe beside the daemon); ``--send``
opens it for writing, so the daemon must be stopped first. The rules are in
:mod:`mailbot.reports.overview` and :mod:`mailbot.reports.yearly`, imported when the command runs (not
for ``mailbot --help``)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mailbot.errors import UsageError

if TYPE_CHECKING:
    from mailbot.model import OutgoingMail


def add_commands(commands: Any) -> None:
    """Register ``report`` on the CLI's sub-command table."""
    report = commands.add_parser("report", help="the yearly overview of a year's participations: HTML, text and "
                                                "xlsx files, or the mail to the unit (--send)")
    report.add_argument("--year", type=int, required=True, help="the year the meetings began in (Oslo time)")
    report.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                        help="folder for yearly-overview-YEAR.html, .txt and .xlsx (default: the current one)")
    report.add_argument("--send", action="store_true",
                        help="also send it to the unit now through the configured mailbox (stop the daemon first)")
    report.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    """``mailbot report --year YYYY [--out DIR] [--send]``: exit status 2 for a year outside
    2000-2100, 1 when the mail was queued but not sent."""
    from mailbot import app
    from mailbot.config import settings as configuration
    from mailbot.daemon import utc_now
    from mailbot.records.store import Store
    from mailbot.records.store import exists as store_exists
    if not 2000 <= args.year <= 2100:
        raise UsageError(f"--year: expected a year such as 2026, got {args.year}")
    config = configuration.load(args.config)
    now = utc_now()
    if not store_exists(config.store.path):
        print(f"mailbot: no store at {config.store.path} yet, so no records", file=sys.stderr)
    store = Store(config.store.path, readonly=True)
    try:
        written = app.build(config, store).yearly.write(args.year, now, args.out)
    finally:
        store.close()
    print("\n".join(str(path) for path in written))
    if not args.send:
        return 0
    return send_now(config, lambda parts: parts.yearly.send_now(args.year, now), f"yearly overview {args.year}")


def send_now(config: Any, make: Callable[[Any], OutgoingMail], what: str) -> int:
    """Queue the mail ``make`` builds from the wired parts and send the queue now (the daemon must
    be stopped: this opens the store); print where it went. Exit status 0 when it was sent, 1
    when it stays queued (the daemon sends it later)."""
    from mailbot import app
    from mailbot.model import MailStatus
    with app.session(config) as running:
        mail = make(running.parts)
        running.dispatcher.flush()
        receipt = running.parts.store.mail(mail.message_id)
    if receipt is None or receipt.status is not MailStatus.SENT:
        error = receipt.last_error if receipt else "not in the store"
        print(f"{what} {mail.message_id} queued but not sent yet: {error}", file=sys.stderr)
        return 1
    print(f"{what} sent to {', '.join(mail.recipients)} ({mail.message_id})")
    return 0
