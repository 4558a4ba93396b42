"""Fixtures: the daemon harness (``daemons``) and the two mailbots built on it (``bot``,
``chase_bot``), the corpus parser, and real mail servers (Dovecot, aiosmtpd) on 127.0.0.1.

Plain helpers (Oslo time, the corpus, message builders, ``until``) are in helpers.py.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import ROOT, STAFF, parse

from mailbot import app
from mailbot.config.settings import Config, MaildirConfig, SendersConfig, StoreConfig
from mailbot.daemon import Daemon
from mailbot.parsing.parser import Parser


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts Dovecot must carry the ``imap`` marker, so that ``-m "not imap"`` leaves
    out every test that needs it."""
    unmarked = [item.nodeid for item in items if "dovecot" in getattr(item, "fixturenames", ())
                and item.get_closest_marker("imap") is None]
    if unmarked:
        raise pytest.UsageError(f"tests using Dovecot without the imap marker: {', '.join(unmarked)}")


@pytest.fixture(autouse=True)
def _mailbot_log_level_reset():
    """``mailbot.cli.main`` sets the level of mailbot's loggers for the process; a test after it
    starts from the default again."""
    yield
    logging.getLogger("mailbot").setLevel(logging.NOTSET)


@pytest.fixture(scope="session")
def parser() -> Parser:
    return Parser.from_config(Config())


# -- the daemon harness ---------------------------------------------------------------------

class Clock:
    """The clock of a test's daemons: fixed at ``now`` (set it to move time), or the real clock
    when ``now`` is None (which time-machine moves)."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now if self.now is not None else datetime.now(UTC)


# ``mailbot`` whose warm-up takes argv[1] seconds more, as on a slow or loaded machine.
SLOW_START = """
import sys, time
from mailbot.inbound.pipeline import Pipeline
warm_up = Pipeline.warm_up
Pipeline.warm_up = lambda self: (time.sleep(float(sys.argv[1])), warm_up(self))
from mailbot.cli import main
sys.exit(main(sys.argv[2:]))
"""


class Running:
    """``mailbot --config CONFIG run ARGS`` in a subprocess, its output lines collected: stdout and
    stderr together in :attr:`lines`, or stderr apart in :attr:`errors` with ``split_stderr``."""

    def __init__(self, config: Path, *args: str, split_stderr: bool = False, warm_up: float = 0.0) -> None:
        program = ["-m", "mailbot"] if not warm_up else ["-c", SLOW_START, str(warm_up)]
        self.process = subprocess.Popen([sys.executable, *program, "--config", str(config), "run", *args],
                                        stdout=subprocess.PIPE, text=True,
                                        stderr=subprocess.PIPE if split_stderr else subprocess.STDOUT)
        self.lines: list[str] = []
        self.errors: list[str] = []
        self._readers = [threading.Thread(target=self._read, args=(self.process.stdout, self.lines), daemon=True)]
        if split_stderr:
            self._readers.append(threading.Thread(target=self._read, args=(self.process.stderr, self.errors),
                                                  daemon=True))
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _read(stream, into: list[str]) -> None:
        into.extend(iter(stream.readline, ""))  # line by line, as they come

    @property
    def output(self) -> str:
        return "".join(self.lines)

    @property
    def stderr(self) -> str:
        return "".join(self.errors)

    @property
    def returncode(self) -> int | None:
        return self.process.poll()

    def logged(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self, timeout: float = 120.0) -> int:
        """Wait for the process to end by itself; returns its exit status (all its output read)."""
        status = self.process.wait(timeout=timeout)
        for reader in self._readers:
            reader.join(timeout=10)
        return status

    def kill(self) -> int:
        """SIGKILL: the crash of the machine, as far as mailbot can tell."""
        self.process.kill()
        return self.wait(timeout=30)

    def stop(self) -> int:
        """SIGTERM, as systemd stops it; returns its exit status."""
        self.process.send_signal(signal.SIGTERM)
        return self.wait(timeout=30)


class DaemonHarness:
    """Every daemon a test runs, built from a configuration by ``mailbot.app.daemon`` (the wiring
    root, which ``mailbot run`` uses too), and stopped when the test ends, passed or failed.

    - :meth:`open` / :meth:`opened`: in this process, for the test to step (``run_once``,
      ``tick``, ``flush``); its time is :attr:`clock`.
    - :meth:`start`: ``mailbot run`` in a subprocess, for tests that signal, kill or restart it.
    - :meth:`run`: ``mailbot run ARGS`` in a subprocess to its end (``--once``, a refused start).

    Faults come from outside where they can (the configuration, the servers the tests run,
    signals); the few that must be inside (a job with a bug, a parser that raises, a server
    without MOVE, recorded waits) set one attribute of the daemon built here. Nothing wires the
    daemon's parts by hand; its clock is handed to the wiring root (``app.daemon``) here only.
    """

    def __init__(self) -> None:
        self.clock = Clock()
        self._open: dict[int, contextlib.ExitStack] = {}
        self._processes: list[Running] = []

    def open(self, config: Config) -> Daemon:
        """The daemon over ``config``, in this process, on the harness's clock; :meth:`close` it
        to restart (the store stays locked while it is open)."""
        stack = contextlib.ExitStack()
        # the one seam: only the daemon reads the time, and the wiring root hands it this clock
        daemon = stack.enter_context(app.daemon(config, clock=self.clock))
        self._open[id(daemon)] = stack
        return daemon

    def close(self, daemon: Daemon) -> None:
        """Close the daemon as ``mailbot run`` does at its end: source, sender, then the store."""
        self._open.pop(id(daemon)).close()

    @contextlib.contextmanager
    def opened(self, config: Config) -> Iterator[Daemon]:
        """:meth:`open` for the length of a with-block."""
        daemon = self.open(config)
        try:
            yield daemon
        finally:
            if id(daemon) in self._open:
                self.close(daemon)

    def start(self, config: Path, *args: str, warm_up: float = 0.0) -> Running:
        """``mailbot --config CONFIG run ARGS`` in a subprocess (killed at the end of the test if still
        running); ``warm_up``: seconds added to its warm-up."""
        running = Running(config, *args, warm_up=warm_up)
        self._processes.append(running)
        return running

    def run(self, config: Path, *args: str, timeout: float = 120.0) -> Running:
        """``mailbot --config CONFIG run ARGS`` to its end; the finished :class:`Running` (stderr in ``errors``)."""
        running = Running(config, *args, split_stderr=True)
        self._processes.append(running)
        running.wait(timeout)
        return running

    def stop_all(self) -> None:
        for running in self._processes:
            if running.running():
                running.kill()
        for daemon_id in list(self._open)[::-1]:
            self._open.pop(daemon_id).close()


@pytest.fixture
def daemons() -> Iterator[DaemonHarness]:
    """The daemon harness: see :class:`DaemonHarness`."""
    harness = DaemonHarness()
    yield harness
    harness.stop_all()


def maildir_config(tmp_path: Path, **sections) -> Config:
    """A configuration of the maildir backend under ``tmp_path`` (inbox, outbox, store), staff at udi.no."""
    values = {"maildir": MaildirConfig(path=tmp_path / "maildir", outbox=tmp_path / "outbox"),
              "store": StoreConfig(path=tmp_path / "store" / "mailbot.json"),
              "senders": SendersConfig(allowed_domains=("udi.no",), authserv_id="mx.udi.no")}
    return Config(**{**values, **sections})


class Bot:
    """A mailbot over a temporary Maildir: a daemon of the harness, open from the start, with
    what it reads and writes; :meth:`restart` closes the daemon and opens it again."""

    def __init__(self, daemons: DaemonHarness, config: Config) -> None:
        self.daemons = daemons
        self.config = config
        self.daemon = daemons.open(config)

    @property
    def clock(self) -> Clock:
        return self.daemons.clock

    @property
    def store(self):
        return self.daemon.store

    @property
    def sender(self):
        return self.daemon.dispatcher.sender

    def restart(self) -> None:
        self.daemons.close(self.daemon)
        self.daemon = self.daemons.open(self.config)

    def close(self) -> None:
        self.daemons.close(self.daemon)

    def deliver(self, raw: bytes, name: str | None = None) -> str:
        """Drop a message into the inbox's new/ folder; returns its file name."""
        name = name or f"msg-{len(list((self.config.maildir.path / 'new').iterdir())) + len(self.all_files())}"
        tmp = self.config.maildir.path / "tmp" / name
        tmp.write_bytes(raw)
        tmp.rename(self.config.maildir.path / "new" / name)
        return name

    def all_files(self) -> list[Path]:
        root = self.config.maildir.path
        return [p for d in root.rglob("*") if d.name in ("new", "cur") for p in d.iterdir()]

    def folder(self, name: str) -> list[Path]:
        return sorted((self.config.maildir.path / f".{name}" / "cur").iterdir())

    def replies(self) -> list:
        return [parse(p.read_bytes()) for p in self.sender.paths()]

    def run(self):
        return self.daemon.run_once()


@pytest.fixture
def bot(daemons, tmp_path) -> Bot:
    """A mailbot over a temporary Maildir on Monday 4 January 2027 09:00 UTC (set ``bot.clock.now`` to move)."""
    daemons.clock.now = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
    return Bot(daemons, maildir_config(tmp_path))


DEPARTMENTS = """
[[department]]
code = "AUA"
name = "Analyse- og utviklingsavdelingen"
manager = "leder.aua@udi.no"
members = ["kari.nordmann@udi.no"]
"""


class ChaseBot(Bot):
    """A mailbot with the chase job (the weekly summary and the yearly overview off) and a
    department directory, on the real clock: move it with time-machine."""

    def __init__(self, daemons: DaemonHarness, tmp_path: Path, stakeholders: tuple[str, ...] = (),
                 **sections) -> None:
        from mailbot.config.settings import ParsingConfig, SummaryConfig, UnitConfig, YearlyConfig
        (tmp_path / "departments.toml").write_text(DEPARTMENTS, encoding="utf-8")
        fora = (ROOT / "config" / "fora.toml").read_text(encoding="utf-8")
        if stakeholders:
            listed = f'code = "COUNCIL"\nstakeholders = {json.dumps(list(stakeholders))}'
            fora = fora.replace('code = "COUNCIL"', listed, 1)
            fora = fora.replace("stakeholders = []\n", "", 1)
        (tmp_path / "fora.toml").write_text(fora, encoding="utf-8")
        self.count = 0
        super().__init__(daemons, maildir_config(
            tmp_path, parsing=ParsingConfig(fora=tmp_path / "fora.toml"),
            unit=UnitConfig(advisers=(STAFF,), directory=tmp_path / "departments.toml"),
            summary=SummaryConfig(enabled=False),  # the chase alone; see test_weekly.py and test_yearly.py
            yearly=YearlyConfig(enabled=False), **sections))

    def receive(self, raw: bytes):
        """Deliver one message and handle it now; returns its result."""
        self.count += 1
        self.deliver(raw, f"m{self.count}")
        (_, result), = self.daemon.run_once()
        return result

    def mails(self, *purposes: str) -> list:
        """Sent mail (OutgoingMail receipts with their parsed message) in sending order."""
        found = []
        for path in sorted(self.sender.paths(), key=lambda p: p.stat().st_mtime_ns):
            message = parse(path.read_bytes())
            receipt = self.store.mail(str(message["Message-ID"]))
            if not purposes or receipt.purpose in purposes:
                found.append((receipt, message))
        return sorted(found, key=lambda pair: pair[0].sent_at)  # stable: files in the order written


@pytest.fixture
def chase_bot(daemons, tmp_path) -> Callable[..., ChaseBot]:
    """Makes the test's :class:`ChaseBot` (call it inside time-machine's travel):
    ``chase_bot(stakeholders=(), **sections)``, ``sections`` more of the configuration (``archive=...``)."""
    daemons.clock.now = None  # the real clock, which time-machine moves
    return lambda stakeholders=(), **sections: ChaseBot(daemons, tmp_path, tuple(stakeholders), **sections)


# -- real mail servers (tests/servers.py) ---------------------------------------------------

SKIP_IMAP = "MAILBOT_SKIP_IMAP_TESTS"


@pytest.fixture(scope="session")
def dovecot():
    """A throwaway Dovecot for the whole run. Missing Dovecot fails the tests (CI installs it),
    unless $MAILBOT_SKIP_IMAP_TESTS is set."""
    import shutil

    from servers import Dovecot
    if shutil.which("dovecot") is None or shutil.which("doveadm") is None:
        if os.environ.get(SKIP_IMAP):
            pytest.skip(f"Dovecot is not installed and ${SKIP_IMAP} is set")
        pytest.fail(f"Dovecot is not installed: apt-get install dovecot-imapd (or set ${SKIP_IMAP}=1 to skip)")
    server = Dovecot()
    server.start()
    yield server
    server.stop()


@dataclasses.dataclass
class Mailbox:
    """One test's functional mailbox: a Dovecot user, an SMTP server that delivers the
    mailbox's copies into it, and a configuration file for the IMAP backend (short timeouts)."""

    dovecot: object
    user: str
    smtp: object
    smtp_port: int
    folder_path: Path
    address: str = "ine@udi.no"

    def config_file(self, smtp_timeout: float = 2.0, confirm_seconds: float = 4.0, **sections: str) -> Path:
        """Write mailbot.toml; ``sections`` adds lines to a section, e.g. imap='idle = false'."""
        secret = self.folder_path / "password"
        secret.write_text(PASSWORD_TEXT)
        extra = {name: sections.get(name, "") for name in ("mailbox", "imap", "smtp", "store")}
        text = f"""
[mailbox]
backend = "imap"
address = "{self.address}"
reconnect_seconds = 0.2
reconnect_max_seconds = 1.0
{extra['mailbox']}
[imap]
host = "127.0.0.1"
port = {self.dovecot.imap_port}
security = "starttls"
ca_file = "{self.dovecot.cert}"
username = "{self.user}"
password_file = "password"
timeout_seconds = 2.0
idle_seconds = 1.5
sweep_seconds = 60.0
{extra['imap']}
[smtp]
host = "127.0.0.1"
port = {self.smtp_port}
security = "starttls"
ca_file = "{self.smtp.cert}"
username = "mailbot"
password_file = "password"
timeout_seconds = {smtp_timeout}
confirm_seconds = {confirm_seconds}
retry_seconds = 0.3
{extra['smtp']}
[store]
path = "store/mailbot.json"
{extra['store']}
"""
        path = self.folder_path / "mailbot.toml"
        path.write_text(text, encoding="utf-8")
        return path

    def config(self, **sections: str) -> Config:
        from mailbot.config import settings as configuration
        return configuration.load(self.config_file(**sections))

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        self.dovecot.append(self.user, raw, folder)

    def folder(self, name: str) -> list[bytes]:
        return self.dovecot.messages(self.user, name)

    def replies(self) -> list:
        """What the SMTP server accepted for someone other than the mailbox itself."""
        return [r for r in self.smtp.received if any(a != self.address for a in r.recipients)]


PASSWORD_TEXT = "test-password"


@pytest.fixture(scope="session")
def smtp_certificate(tmp_path_factory):
    from servers import make_certificate
    return make_certificate(tmp_path_factory.mktemp("smtp-tls"))


@pytest.fixture
def smtp_server(smtp_certificate):
    """A real SMTP server (aiosmtpd) on 127.0.0.1 with STARTTLS and AUTH; see servers.SmtpServer."""
    from servers import SmtpServer, start_smtp
    handler = SmtpServer()
    controller = start_smtp(handler, *smtp_certificate)
    handler.port, handler.cert = controller.port, smtp_certificate[0]
    yield handler
    for event in handler.hold.values():
        event.set()
    controller.stop()


@pytest.fixture
def mailbox(dovecot, smtp_server, tmp_path) -> Mailbox:
    user = dovecot.new_user()
    smtp_server.deliver = lambda raw: dovecot.deliver(user, raw)
    return Mailbox(dovecot, user, smtp_server, smtp_server.port, tmp_path)
