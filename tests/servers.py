"""Real mail servers for the tests: a throwaway Dovecot IMAP server and an aiosmtpd SMTP server.

Dovecot runs in the foreground (no systemd) on 127.0.0.1 with a non-default port, its own
base_dir and passwd-file under a temporary folder, a self-signed certificate for TLS/STARTTLS,
and Maildirs in that folder; started as root it drops to unprivileged users (``nobody`` for
mail, dovecot/dovenull for its own processes), started as anyone else it runs as that user.
Each test gets a user of its own, so tests never see each other's mail.
"""
from __future__ import annotations

import asyncio
import base64
import email
import itertools
import logging
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from email import policy
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from imapclient import IMAPClient

logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's own deprecation notes

PASSWORD = "test-password"
TOKEN = "test-access-token"
USERS = 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 / localhost (openssl, as Dovecot's package uses)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True)
    return cert, key


class Dovecot:
    """A Dovecot of its own; see the module doc. ``imap_port`` offers STARTTLS, ``imaps_port`` TLS."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="mailbot-dovecot-"))
        self.root.chmod(0o755)
        self.imap_port, self.imaps_port = free_port(), free_port()
        self.cert, self.key = make_certificate(self.root)
        self.key.chmod(0o644)
        (self.root / "mail").mkdir()
        if os.geteuid() == 0:
            self.mail_uid, self.mail_gid = pwd.getpwnam("nobody").pw_uid, pwd.getpwnam("nobody").pw_gid
            internal, login = "dovecot", "dovenull"
        else:
            self.mail_uid, self.mail_gid = os.getuid(), os.getgid()
            internal = login = pwd.getpwuid(os.getuid()).pw_name
        os.chown(self.root / "mail", self.mail_uid, self.mail_gid)
        self.users = self.root / "users"  # written whole before the start: Dovecot caches it
        self.users.write_text("".join(
            f"{login}:{{PLAIN}}{secret}:{self.mail_uid}:{self.mail_gid}::{self.root / 'mail' / f'user{n}'}\n"
            for n in range(1, USERS + 1) for login, secret in ((f"user{n}", PASSWORD), (f"user{n}-oauth", TOKEN))))
        self.users.chmod(0o644)
        self.config = self.root / "dovecot.conf"
        self.config.write_text(CONFIG.format(root=self.root, internal=internal, login=login, cert=self.cert,
                                             key=self.key, imap=self.imap_port, imaps=self.imaps_port))
        self.process: subprocess.Popen | None = None
        self._names = itertools.count(1)

    def start(self) -> None:
        with open(self.root / "dovecot.stderr", "wb") as stderr:  # the child keeps its own copy
            self.process = subprocess.Popen(["dovecot", "-F", "-c", str(self.config)], stdout=subprocess.DEVNULL,
                                            stderr=stderr)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.imap_port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.02)
        raise RuntimeError(f"Dovecot did not start: {(self.root / 'dovecot.stderr').read_text()}"
                           f"{(self.root / 'dovecot.log').read_text() if (self.root / 'dovecot.log').exists() else ''}")

    def stop(self) -> None:
        for pid in self.imap_pids():
            os.kill(pid, signal.SIGCONT)
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
        shutil.rmtree(self.root, ignore_errors=True)

    def new_user(self) -> str:
        """A fresh user with an empty Maildir: password PASSWORD; as NAME-oauth the same Maildir
        with the XOAUTH2 access token TOKEN (Dovecot checks it as the password)."""
        return f"user{next(self._names)}"

    def doveadm(self, *args: str) -> str:
        done = subprocess.run(["doveadm", "-c", str(self.config), *args], check=False, capture_output=True, text=True,
                              timeout=30)
        if done.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)}: {done.stderr}")
        return done.stdout

    def imap_pids(self, user: str | None = None) -> list[int]:
        """The pids of the imap processes serving ``user`` (every user when None)."""
        pids = []
        for line in self.doveadm("who", "-1").splitlines()[1:]:
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "imap" and (user is None or parts[0] == user):
                pids.append(int(parts[2]))
        return pids

    def client(self, user: str) -> IMAPClient:
        client = IMAPClient("127.0.0.1", self.imap_port, ssl=False, timeout=10)
        client.login(user, PASSWORD)
        return client

    def append(self, user: str, raw: bytes, folder: str = "INBOX") -> None:
        client = self.client(user)
        try:
            client.append(folder, raw)
        finally:
            client.logout()

    def deliver(self, user: str, raw: bytes) -> None:
        """Local delivery into ``user``'s INBOX with ``doveadm save``, as an MTA's delivery agent
        does: no IMAP session, so ``doveadm kick`` of the user's connections cannot interrupt it."""
        done = subprocess.run(["doveadm", "-c", str(self.config), "save", "-u", user, "-m", "INBOX"],
                              input=raw, check=False, capture_output=True, timeout=30)
        if done.returncode != 0:
            raise RuntimeError(f"doveadm save for {user}: {done.stderr.decode(errors='replace')}")

    def messages(self, user: str, folder: str) -> list[bytes]:
        """The messages in ``folder`` (not flagged \\Deleted), in UID order; [] when it does not exist."""
        client = self.client(user)
        try:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            uids = client.search(["NOT", "DELETED"])
            return [d[b"BODY[]"] for _uid, d in sorted(client.fetch(uids, ["BODY.PEEK[]"]).items())] if uids else []
        finally:
            client.logout()


CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
instance_name = mailbot-test-{imap}
protocols = imap
listen = 127.0.0.1
log_path = {root}/dovecot.log
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2
auth_failure_delay = 0
verbose_proctitle = yes
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = {root}/users
}}
userdb {{
  driver = passwd-file
  args = {root}/users
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {imap}
  }}
  inet_listener imaps {{
    port = {imaps}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""


@dataclass
class Received:
    """One SMTP transaction the server accepted."""

    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message_id(self) -> str:
        return str(email.message_from_bytes(self.raw, policy=policy.default)["Message-ID"])


@dataclass
class SmtpServer:
    """An aiosmtpd server on 127.0.0.1 (STARTTLS, AUTH PLAIN/LOGIN/XOAUTH2) that records what it
    accepts and can be scripted: replies per recipient, replies to the next DATAs, holds at a
    stage (``hold["rcpt"]``/``hold["data"]``: an Event to clear, the reply waits until it is set),
    and delivery of the copies for ``mailbox`` into an IMAP mailbox (as an MTA would)."""

    mailbox: str = "ine@udi.no"
    received: list[Received] = field(default_factory=list)
    rcpt_replies: dict[str, str] = field(default_factory=dict)
    data_replies: list[str] = field(default_factory=list)
    hold: dict[str, threading.Event] = field(default_factory=dict)
    reached: dict[str, threading.Event] = field(
        default_factory=lambda: {"rcpt": threading.Event(), "data": threading.Event()})
    deliver: object = None
    transactions: int = 0

    def accepted_for(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.recipients]

    async def _held(self, stage: str) -> None:
        self.reached[stage].set()
        event = self.hold.get(stage)
        while event is not None and not event.is_set():
            await asyncio.sleep(0.01)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        await self._held("rcpt")
        if address in self.rcpt_replies:
            return self.rcpt_replies[address]
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        self.transactions += 1
        reply = self.data_replies.pop(0) if self.data_replies else None
        if reply is None:  # accepted: recorded, and the mailbox's copy delivered, before the reply
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
            if self.deliver is not None and self.mailbox in envelope.rcpt_tos:
                await asyncio.get_running_loop().run_in_executor(None, self.deliver, envelope.original_content)
        await self._held("data")
        return reply or "250 2.0.0 queued"

    async def auth_XOAUTH2(self, server, args):
        text = base64.b64decode(args[1]).decode() if len(args) > 1 else ""
        if f"auth=Bearer {TOKEN}\x01" in text:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False, message="535 5.7.8 invalid token")


def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok)


def start_smtp(handler: SmtpServer, cert: Path, key: Path) -> Controller:
    import ssl
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), tls_context=context,
                            authenticator=authenticate, auth_require_tls=True, decode_data=False)
    controller.start()
    return controller
