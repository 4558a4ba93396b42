"""The ``mailbot`` command: builds the objects the configuration asks for; holds no logic.

Each command imports what it uses when it runs, so ``mailbot --help`` and ``mailbot parse`` do
not load the daemon, the store or the mail backends' libraries."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mailbot import logs, personal, report
from mailbot.errors import ConfigError, MailbotError, UsageError
from mailbot.model import OSLO

if TYPE_CHECKING:
    from mailbot.config.settings import Config
    from mailbot.records.store import Store

log = logging.getLogger("mailbot")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status: 2 for a configuration error (a service
    manager should not restart it) or input a command refuses, 1 for any other error (a server,
    the store), 141 (128 + SIGPIPE, as the shell reports for other tools) without a word when
    the reader of stdout went away (``mailbot records | head``)."""
    args = _parser().parse_args(argv)
    quiet = args.command in ("demo", "parse", "eval-corpus", "records", "check-config", "summary", "health",
                            "export", "erase", "purge", "report")
    level = logging.DEBUG if args.verbose else logging.WARNING if quiet else logging.INFO
    logs.setup(level)
    try:
        status = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return status
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return 141
    except MailbotError as exc:
        print(f"mailbot: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, (ConfigError, UsageError)) else 1
    except OSError as exc:  # a file named on the command line that cannot be read
        print(f"mailbot: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2


DESCRIPTION = ("mailbot registers international meeting participations from invitations forwarded to the "
               "unit's mailbox, replies with the IM 2011-013 checklist, chases the referat and sends a weekly "
               "summary and a yearly overview. See README.md.")


def _common_options(parser: argparse.ArgumentParser, config: str | None, verbose: bool | str) -> None:
    """--config and --verbose with their defaults (argparse.SUPPRESS: leave what the main parser set)."""
    parser.add_argument("--config", type=Path, default=config,
                        help="configuration file (default: $MAILBOT_CONFIG, else built-in defaults)")
    parser.add_argument("-v", "--verbose", action="store_true", default=verbose, help="log debug details")


class _Commands:
    """Sub-commands that all take the common options."""

    def __init__(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
                 common: argparse.ArgumentParser) -> None:
        self.subparsers, self.common = subparsers, common

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """A sub-command ``name`` (``kwargs`` as for argparse) that takes the common options."""
        return self.subparsers.add_parser(name, parents=[self.common], **kwargs)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mailbot", description=DESCRIPTION)
    _common_options(parser, os.environ.get("MAILBOT_CONFIG"), False)
    # the same options after the command ("mailbot records --config F") override those before it
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, argparse.SUPPRESS, argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", required=True)
    commands = _Commands(subparsers, common)

    run = commands.add_parser("run", help="run the daemon (SIGTERM or Ctrl-C stops it between messages)")
    run.add_argument("--once", action="store_true", help="handle what is in the inbox, then exit")
    run.set_defaults(func=cmd_run)

    tick = commands.add_parser("tick", help="run the scheduled jobs (reminders, summary) as of a moment, then exit")
    tick.add_argument("--at", type=_moment, help="ISO 8601 date and time (Oslo time without an offset; default: now)")
    tick.set_defaults(func=cmd_tick)

    summary = commands.add_parser("summary", help="the weekly summary for the unit: preview it, or send it now")
    action = summary.add_mutually_exclusive_group(required=True)
    action.add_argument("--preview", type=_html_path, metavar="FILE.html",
                        help="write the mail (FILE.html, .txt, .eml) and its attachments beside it; nothing is sent")
    action.add_argument("--send-now", action="store_true",
                        help="send it now through the configured mailbox (stop the daemon first: it holds the store)")
    summary.add_argument("--at", type=_moment,
                         help="as of this moment, ISO 8601 (Oslo time without an offset; default: now)")
    summary.set_defaults(func=cmd_summary)

    records = commands.add_parser("records", help="list the participation records")
    records.set_defaults(func=cmd_records)

    _operator_commands(commands, common)
    personal.add_commands(commands)
    report.add_commands(commands)

    parse = commands.add_parser("parse", help="print what mailbot reads from a message, as JSON (nothing stored)")
    parse.add_argument("file", type=Path)
    parse.set_defaults(func=cmd_parse)

    check = commands.add_parser("check-config", help="validate the configuration and print it, secrets masked")
    check.add_argument("--connect", action="store_true",
                       help="also log in to the mail servers and list the folders mailbot will use")
    check.set_defaults(func=cmd_check_config)

    evaluate = commands.add_parser("eval-corpus", help="measure the parser on DIR/*/message.eml + expected.json")
    evaluate.add_argument("dir", type=Path)
    evaluate.set_defaults(func=cmd_eval_corpus)

    show = commands.add_parser("demo", help="fill a local Maildir with sample invitations and run once "
                                              "(uses its own configuration, DIR/mailbot.toml)")
    show.add_argument("--dir", type=Path, default=Path("mailbot-demo"),
                      help="demo data folder (default: ./mailbot-demo)")
    show.set_defaults(func=cmd_demo)
    return parser


def _operator_commands(commands: _Commands, common: argparse.ArgumentParser) -> None:
    """``store check``, ``store restore N`` and ``health``."""
    store = commands.add_parser("store", help="check the store, or bring back a kept snapshot")
    store_action = store.add_subparsers(dest="action", required=True)
    store_action.add_parser("check", parents=[common], help="verify the store (read-only)")
    restore = store_action.add_parser("restore", parents=[common],
                                      help="put kept snapshot N (PATH.N, 1 the newest) in place of the store")
    restore.add_argument("generation", type=int)
    store.set_defaults(func=cmd_store)
    health = commands.add_parser("health", help="what needs the operator: exit 0 when healthy, else 1 and one "
                                                "reason per line (read-only, safe beside the daemon)")
    health.set_defaults(func=cmd_health)


def _config(args: argparse.Namespace) -> Config:
    from mailbot.config import settings
    return settings.load(args.config)


def cmd_run(args: argparse.Namespace) -> int:
    """``mailbot run [--once]``."""
    from mailbot import app
    config = _config(args)
    with app.daemon(config) as daemon:
        if args.once:
            done = daemon.run_once()
            print(f"{len(done)} message(s) handled")
        else:
            daemon.run()
    return 0


def cmd_tick(args: argparse.Namespace) -> int:
    """``mailbot tick [--at DATETIME]``: run the scheduled jobs as of a moment (later than now only
    with the maildir backend, see :func:`mailbot.app.refuse_future`)."""
    from mailbot import app
    from mailbot.daemon import utc_now
    config = _config(args)
    now = utc_now()
    at = args.at or now
    app.refuse_future(config, at, now, "tick")
    with app.daemon(config) as daemon:
        daemon.clock = lambda: at
        daemon.tick()
    print(f"jobs run as of {at.astimezone(OSLO):%Y-%m-%d %H:%M} Oslo time")
    return 0


def _html_path(text: str) -> Path:
    """The --preview file: it must end in .html, since .txt, .eml and attachments go beside it."""
    path = Path(text)
    if path.suffix.lower() not in (".html", ".htm"):
        raise argparse.ArgumentTypeError(f"{text}: must end in .html (the .txt and .eml are written beside it)")
    return path


def _moment(text: str) -> datetime:
    """An ISO 8601 moment for ``--at``; without an offset it is Oslo time."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date and time: {text!r}") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=OSLO)
    return moment.astimezone(UTC)


def cmd_summary(args: argparse.Namespace) -> int:
    """``mailbot summary --preview FILE.html | --send-now [--at DATETIME]``."""
    from mailbot import app
    from mailbot.daemon import utc_now
    config = _config(args)
    at = args.at or utc_now()
    if args.preview:
        store = _reader(config)
        try:
            written = app.build(config, store).weekly.preview(at, args.preview)
        finally:
            store.close()
        print("\n".join(str(path) for path in written))
        return 0
    app.refuse_future(config, at, utc_now(), "summary --send-now")
    return report.send_now(config, lambda parts: parts.weekly.send_now(at), "weekly summary")


def cmd_records(args: argparse.Namespace) -> int:
    """``mailbot records``: a table of the records (read-only: creates nothing)."""
    from mailbot.records.reading import table_documents
    from mailbot.reports.listing import records_table
    config = _config(args)
    _say_if_no_store(config)
    print(records_table(table_documents(config.store.path, "records"), config.chase.cadence()))
    return 0


def cmd_store(args: argparse.Namespace) -> int:
    """``mailbot store check`` (exit 1 when something is wrong) and ``store restore N``."""
    from mailbot.records import integrity
    path = _config(args).store.path
    if args.action == "restore":
        aside = integrity.restore(path, args.generation)
        print(f"kept snapshot {args.generation} restored in {path}; the store it replaced is {aside}")
        return 0
    problems = integrity.check(path)
    print("\n".join(problems) if problems else f"store {path}: no problems found")
    return 1 if problems else 0


def cmd_health(args: argparse.Namespace) -> int:
    """``mailbot health``: exit 0 when healthy, else 1 with one reason per line on stdout."""
    from mailbot.daemon import utc_now
    from mailbot.reports import health
    problems = health.lines(_config(args), utc_now())
    print("\n".join(problems) if problems else "healthy")
    return 1 if problems else 0


def _reader(config: Config) -> Store:
    """The store opened read-only; when there is none yet, stderr says where it was looked for."""
    from mailbot.records.store import Store
    _say_if_no_store(config)
    return Store(config.store.path, readonly=True)


def _say_if_no_store(config: Config) -> None:
    """When there is no store yet, say on stderr where it was looked for."""
    from mailbot.records.store import exists as store_exists
    if not store_exists(config.store.path):
        print(f"mailbot: no store at {config.store.path} yet, so no records (configuration: "
              f"{config.source or 'built-in defaults, no --config and no $MAILBOT_CONFIG'})", file=sys.stderr)


def cmd_parse(args: argparse.Namespace) -> int:
    """``mailbot parse FILE.eml``: exit status 2 for a file that is no message (UsageError)."""
    from mailbot.parsing.parser import Parser, is_message
    config = _config(args)
    raw = args.file.read_bytes()
    if not is_message(raw):
        raise UsageError(f"{args.file}: {'an empty file' if not raw else 'no header fields'}: neither an RFC 5322 "
                         "message nor an iCalendar file (BEGIN:VCALENDAR), so there is nothing to parse")
    result = Parser.from_config(config).parse(raw)
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    return 0


def cmd_check_config(args: argparse.Namespace) -> int:
    """``mailbot check-config [--connect]``: exit status 2 for a bad value, a registry the daemon
    would refuse (fora, consultation rules, department directory) or a secret that cannot be
    read, 1 when a server cannot be used."""
    from mailbot import app
    from mailbot.config.describe import describe
    config = _config(args)
    parser, directory = app.registries(config)  # the registries the daemon reads, read as it reads them
    print(describe(config))
    print(f"\n# registries read: parsing.fora {len(parser.fora.fora)} fora, parsing.consultation_rules "
          f"{len(parser.rules.rules)} rules, unit.directory {len(directory.departments)} departments")
    app.check_credentials(config)
    if args.connect:
        print()
        print("\n".join(app.connect_check(config)))
    return 0


def cmd_eval_corpus(args: argparse.Namespace) -> int:
    """``mailbot eval-corpus DIR``: exit status 1 below 100 %."""
    from mailbot.devtools import corpus
    from mailbot.parsing.parser import Parser
    if not any(args.dir.glob("*/message.eml")):
        print(f"mailbot: {args.dir}: no corpus cases (DIR/*/message.eml) there", file=sys.stderr)
        return 2
    report = corpus.evaluate(args.dir, Parser.from_config(_config(args)))
    print(corpus.render(report))
    return 0 if report.perfect else 1


def cmd_demo(args: argparse.Namespace) -> int:
    """``mailbot demo``."""
    from mailbot.devtools import demo
    return demo.run(args.dir)
