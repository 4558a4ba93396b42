"""The command-line side of personal data: ``mailbot purge``, ``export`` and ``erase``
(docs/personal-data.md). Each opens the store for writing, so the daemon must be stopped first
(the store's lock says so); the rules are in :mod:`mailbot.records.retention` and
:mod:`mailbot.records.person`, imported when a command runs (not for ``mailbot --help``)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mailbot.errors import UsageError


def add_commands(commands: Any) -> None:
    """Register ``purge``, ``export`` and ``erase`` on the CLI's sub-command table."""
    purge = commands.add_parser("purge", help="apply the retention policy now ([retention]): drop mail bodies "
                                              "and pseudonymise closed records that are old enough")
    purge.add_argument("--dry-run", action="store_true", help="only say what would change")
    purge.set_defaults(func=cmd_purge)
    export = commands.add_parser("export", help="everything the store holds about one person, as JSON")
    export.add_argument("--person", required=True, metavar="ADDRESS")
    export.add_argument("--out", type=Path, help="write to this file (default: standard output)")
    export.set_defaults(func=cmd_export)
    erase = commands.add_parser("erase", help="erase one person from the store (records stay as counts)")
    erase.add_argument("--person", required=True, metavar="ADDRESS")
    erase.add_argument("--yes", action="store_true", help="do it (without: only say what would change)")
    erase.set_defaults(func=cmd_erase)


def _address(text: str) -> str:
    address = text.strip().lower()
    if "@" not in address:
        raise UsageError(f"--person: expected an email address, got {text!r}")
    return address


def _existing(config: Any) -> Path:
    """The store's path; UsageError when there is none, so that an erasure or export run against
    the wrong configuration never reports success on an empty store it made itself."""
    from mailbot.records.store import exists
    if not exists(config.store.path):
        raise UsageError(f"no store at {config.store.path} (configuration: {config.source or 'built-in defaults'});"
                         " give --config or set $MAILBOT_CONFIG to the daemon's configuration")
    return config.store.path


def cmd_purge(args: argparse.Namespace) -> int:
    """``mailbot purge [--dry-run]``."""
    from mailbot.config import settings as configuration
    from mailbot.daemon import utc_now
    from mailbot.records import retention
    from mailbot.records.directory import Directory
    from mailbot.records.store import Store
    config = configuration.load(args.config)
    store = Store(_existing(config), readonly=args.dry_run)
    try:
        done = retention.purge(store, config.retention, Directory.load(config.unit.directory), utc_now(),
                               dry_run=args.dry_run)
        if not args.dry_run:
            store.compact()  # what was dropped leaves the current snapshot at once
    finally:
        store.close()
    print(("would change (dry run):" if args.dry_run else "changed:"), *done.lines(), sep="\n  ")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``mailbot export --person ADDRESS [--out FILE]`` (read-only)."""
    from mailbot.config import settings as configuration
    from mailbot.daemon import utc_now
    from mailbot.records import person
    from mailbot.records.store import Store
    address = _address(args.person)
    config = configuration.load(args.config)
    store = Store(_existing(config), readonly=True)
    try:
        data = person.export(store, address, utc_now())
    finally:
        store.close()
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"{len(data['records'])} record(s), {len(data['outgoing_mail'])} mail(s) and "
              f"{len(data['handled_log'])} handled-log entries about {address} written to {args.out}")
    else:
        print(text)
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    """``mailbot erase --person ADDRESS [--yes]``: without ``--yes`` only says what would change
    (exit status 2, so a script that forgot it notices)."""
    from mailbot.config import settings as configuration
    from mailbot.daemon import utc_now
    from mailbot.inbound.limits import Quota
    from mailbot.records import person
    from mailbot.records.directory import Directory
    from mailbot.records.store import Store
    address = _address(args.person)
    config = configuration.load(args.config)
    store = Store(_existing(config), readonly=not args.yes)
    try:
        done = person.erase(store, address, Directory.load(config.unit.directory), utc_now(), dry_run=not args.yes)
        if args.yes:
            Quota.forget(store, address)  # today's count of automatic mail to the address
            store.compact()  # the person's data leaves the current snapshot at once
    finally:
        store.close()
    print((f"erased {address}:" if args.yes else f"would erase {address} (add --yes to do it):"),
          *done.lines(), sep="\n  ")
    if not args.yes:
        print("nothing was changed", file=sys.stderr)
    return 0 if args.yes else 2
