"""Shared fixtures: corpus cases, a configured pipeline over a temporary Maildir, message builders."""
from __future__ import annotations

import dataclasses
import email
import json
import logging
import os
from datetime import datetime, timezone
from email import policy
from pathlib import Path

import pytest

from mailbot import app
from mailbot.config.settings import Config, MaildirConfig, SendersConfig, StoreConfig
from mailbot.parsing.parser import Parser
from mailbot.records.store import Store
from mailbot.transports.senders.outbox import OutboxSender
from mailbot.transports.sources.maildir import MaildirSource

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = [ROOT / "tests" / "corpus" / "cases", ROOT.parent / "shared" / "corpus" / "cases"]
CORPUS_DIRS += [Path(p) for p in os.environ.get("MAILBOT_CORPUS", "").split(os.pathsep) if p]


# Cases the parser still gets wrong, kept so that a fix shows (strict: a pass fails the test)
KNOWN_MISSES = {
    "515_ottawa_roundtable_crosses_midnight_utc": "forum: a Canada–Nordic roundtable hosted by Canada "
                                                  "is read as Nordic cooperation",
    "704_iphone_igc_london_return_hubs": "start: 'the afternoon of day 1' is not read as the start",
    "708_owa_eulisa_ees_ag_teams_duration": "end: 'will last three hours' is not read; no location for a Teams "
                                            "meeting without a calendar part",
    "716_emn_ad_hoc_query": "kind: 'the 123rd NCP meeting on 8 June' in a query is read as an invitation",
    "720_two_level_budapest_process_istanbul": "end: the second day, four lines below the first, is not joined",
}


def corpus_cases(misses: bool = True) -> list[Path]:
    """Every corpus case folder: the copy in tests/ and, when present, ../shared and $MAILBOT_CORPUS;
    without the :data:`KNOWN_MISSES` when ``misses`` is False (for tests of what comes after parsing)."""
    cases: dict[str, Path] = {}
    for folder in CORPUS_DIRS:
        if folder.is_dir():
            for case in sorted(folder.glob("*/message.eml")):
                cases.setdefault(case.parent.name, case.parent)
    return [cases[name] for name in sorted(cases) if misses or name not in KNOWN_MISSES]


@pytest.fixture(autouse=True)
def _mailbot_log_level_reset():
    """``mailbot.cli.main`` sets the level of mailbot's loggers for the process; a test after it
    starts from the default again."""
    yield
    logging.getLogger("mailbot").setLevel(logging.NOTSET)


@pytest.fixture(scope="session")
def parser() -> Parser:
    return Parser.from_config(Config())


@dataclasses.dataclass
class Bot:
    """A mailbot over a temporary Maildir, with a settable clock."""

    config: Config
    store: Store
    source: MaildirSource
    sender: OutboxSender
    daemon: app.Daemon
    now: datetime

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

    def replies(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in self.sender.paths()]

    def run(self):
        return self.daemon.run_once()


@pytest.fixture
def bot(tmp_path) -> Bot:
    config = Config(maildir=MaildirConfig(path=tmp_path / "maildir", outbox=tmp_path / "outbox"),
                    store=StoreConfig(path=tmp_path / "store" / "mailbot.json"),
                    senders=SendersConfig(allowed_domains=("udi.no",), authserv_id="mx.udi.no"))
    store = Store(config.store.path)
    source = MaildirSource(config.maildir.path)
    sender = OutboxSender(config.maildir.outbox)
    holder: dict = {"now": datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)}
    daemon = app.assemble(config, store, source, sender, clock=lambda: holder["now"]).daemon
    bot = Bot(config, store, source, sender, daemon, holder["now"])
    yield bot
    store.close()


def forward(subject: str = "VS: Møte i arbeidsgruppen", sender: str = "Kari Nordmann <kari.nordmann@udi.no>",
            body: str | None = None, message_id: str = "<test-1@udi.no>", extra_headers: str = "") -> bytes:
    """A small Outlook-style forward of a Norwegian free-text invitation."""
    body = body or (
        "Jeg deltar.\n\nFra: Sekretariatet <sekretariat@consilium.europa.eu>\n"
        "Sendt: mandag 14. desember 2026 15:20\nTil: Kari Nordmann <kari.nordmann@udi.no>\n"
        "Emne: Møte i arbeidsgruppen\n\nArbeidsgruppen møtes onsdag 20. januar 2027 kl. 10.00–12.30.\n"
        "Møtet holdes i Justus Lipsius-bygningen, Brussel.\n")
    message = email.message.EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "INE <ine@udi.no>"
    message["Subject"] = subject
    message["Date"] = "Tue, 15 Dec 2026 09:11:00 +0000"
    message["Message-ID"] = message_id
    message.set_content(body)
    raw = message.as_bytes()
    if extra_headers:
        raw = extra_headers.replace("\n", "\r\n").encode() + raw
    return raw


def edit(raw: bytes, replacements: dict[str, str], headers: dict[str, str] | None = None) -> bytes:
    """A copy of ``raw`` with text replaced in its calendar and text parts (whatever their
    transfer encoding) and headers set."""
    message = email.message_from_bytes(raw, policy=policy.default)
    for name, value in (headers or {}).items():
        del message[name]
        message[name] = value
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        for old, new in replacements.items():
            text = text.replace(old, new)
        subtype = part.get_content_subtype()
        params = {k: v for k, v in part.get_params()[1:] if k != "charset"}
        part.set_content(text, subtype=subtype, charset="utf-8", params=params)
    return message.as_bytes(policy=policy.SMTP)


def expected_records(cases: list[Path]) -> int:
    """How many participation records the corpus cases should make: one per participant and
    meeting (updates and cancellations of a meeting make none of their own, nor does a text-only
    update of an invitation of the same participant and forum within MOVED_WITHIN)."""
    from mailbot.records.indexes import MOVED_WITHIN, meeting_key
    cases = [json.loads((case / "expected.json").read_text(encoding="utf-8")) for case in cases]
    meetings = [e for e in cases if e["kind"] != "not_invitation"]
    for e in meetings:
        e["instant"] = datetime.fromisoformat(e["start"] if "T" in e["start"] else e["start"] + "T00:00+00:00")
    keys = set()
    for e in meetings:
        if e["kind"] == "update" and not e["ical_uid"] and any(
                o["kind"] == "invitation" and (o["participant"], o["forum"]) == (e["participant"], e["forum"])
                and abs(o["instant"] - e["instant"]) <= MOVED_WITHIN for o in meetings):
            continue
        start = e["instant"].astimezone(timezone.utc).isoformat() if "T" in e["start"] else e["start"]
        keys.add(meeting_key(e["participant"], e["ical_uid"], e["title"], start))
    return len(keys)


STAFF = "anne.adviser@udi.no"
DEPARTMENTS = """
[[department]]
code = "AUA"
name = "Analyse- og utviklingsavdelingen"
manager = "leder.aua@udi.no"
members = ["kari.nordmann@udi.no"]
"""


class ChaseBot:
    """A mailbot with the chase job over a temporary Maildir, on the real clock (move it with
    time-machine); :meth:`restart` closes the store and opens everything again."""

    def __init__(self, tmp_path: Path, stakeholders: tuple[str, ...] = ()) -> None:
        from mailbot.config.settings import ParsingConfig, SummaryConfig, UnitConfig
        (tmp_path / "departments.toml").write_text(DEPARTMENTS, encoding="utf-8")
        fora = (ROOT / "config" / "fora.toml").read_text(encoding="utf-8")
        if stakeholders:
            fora = fora.replace('code = "COUNCIL"', f'code = "COUNCIL"\nstakeholders = {json.dumps(list(stakeholders))}', 1)
            fora = fora.replace("stakeholders = []\n", "", 1)
        (tmp_path / "fora.toml").write_text(fora, encoding="utf-8")
        self.config = Config(maildir=MaildirConfig(path=tmp_path / "maildir", outbox=tmp_path / "outbox"),
                             store=StoreConfig(path=tmp_path / "store" / "mailbot.json"),
                             parsing=ParsingConfig(fora=tmp_path / "fora.toml"),
                             senders=SendersConfig(allowed_domains=("udi.no",), authserv_id="mx.udi.no"),
                             unit=UnitConfig(advisers=(STAFF,), directory=tmp_path / "departments.toml"),
                             summary=SummaryConfig(enabled=False))  # the chase alone; see test_weekly.py
        self.count = 0
        self.start()

    def start(self) -> None:
        from mailbot import app
        self.store = Store(self.config.store.path)
        self.sender = OutboxSender(self.config.maildir.outbox)
        self.daemon = app.assemble(self.config, self.store, MaildirSource(self.config.maildir.path),
                                   self.sender).daemon

    def restart(self) -> None:
        self.store.close()
        self.start()

    def receive(self, raw: bytes):
        """Deliver one message and handle it now; returns its result."""
        self.count += 1
        tmp = self.config.maildir.path / "tmp" / f"m{self.count}"
        tmp.write_bytes(raw)
        tmp.rename(self.config.maildir.path / "new" / f"m{self.count}")
        (_, result), = self.daemon.run_once()
        return result

    def mails(self, *purposes: str) -> list:
        """Sent mail (OutgoingMail receipts with their parsed message) in sending order."""
        found = []
        for path in sorted(self.sender.paths(), key=lambda p: p.stat().st_mtime_ns):
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            receipt = self.store.mail(str(message["Message-ID"]))
            if not purposes or receipt.purpose in purposes:
                found.append((receipt, message))
        return sorted(found, key=lambda pair: pair[0].sent_at)  # stable: files in the order written


def invitation(title: str, when: str, message_id: str, sender: str = "Kari Nordmann <kari.nordmann@udi.no>") -> bytes:
    """A forwarded Norwegian free-text invitation to a Council working party in Brussels."""
    body = (f"Jeg deltar.\n\nFra: Sekretariatet <sekretariat@consilium.europa.eu>\n"
            f"Sendt: mandag 1. februar 2027 15:20\nTil: Kari Nordmann <kari.nordmann@udi.no>\nEmne: {title}\n\n"
            f"Arbeidsgruppen møtes {when}.\nMøtet holdes i Justus Lipsius-bygningen, Brussel.\n")
    return forward(subject=f"VS: {title}", sender=sender, body=body, message_id=message_id)


def reply(to_mail, body: str, sender: str = "Kari Nordmann <kari.nordmann@udi.no>", message_id: str = "<r1@udi.no>",
          attachments: tuple = (), headers: dict | None = None) -> bytes:
    """A reply to one of mailbot's mails (threaded by In-Reply-To/References), with attachments
    given as (file name, content type, bytes)."""
    message = email.message.EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "INE <ine@udi.no>"
    message["Subject"] = f"SV: {to_mail['Subject']}"
    message["Date"] = "Wed, 31 Mar 2027 09:00:00 +0200"
    message["Message-ID"] = message_id
    message["In-Reply-To"] = str(to_mail["Message-ID"])
    message["References"] = str(to_mail["Message-ID"])
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    for filename, content_type, data in attachments:
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


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

    def config_file(self, **sections: str) -> Path:
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
timeout_seconds = 2.0
confirm_seconds = 4.0
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
