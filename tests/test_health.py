"""Health for the operator: each condition reported by ``mailbot health`` and warned of by mail
to ``[operator] address`` exactly once per condition and day (Oslo time).

The servers' conditions run against the real Dovecot and aiosmtpd (a closed port stands for a
server that is down); time moves by the daemon's clock or time-machine, never by sleeping.
"""
import dataclasses
import email
import socket
from datetime import UTC, datetime, timedelta
from email import policy
from zoneinfo import ZoneInfo

import pytest
import time_machine
from conftest import ChaseBot
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from helpers import forward
from test_imap import invitations

from mailbot import app
from mailbot.cli import main
from mailbot.config.settings import (
    Config,
    GraphConfig,
    MailboxConfig,
    OperatorConfig,
    Secret,
    SmtpConfig,
    StoreConfig,
)
from mailbot.errors import SourceError
from mailbot.model import Folder, MailStatus
from mailbot.records.store import Store
from mailbot.reports import health

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)  # Monday 10:00 Oslo time
OPERATOR = "drift@udi.no"


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def configured(mailbox, *, imap_port: int | None = None, smtp_port: int | None = None, extra: str = ""):
    """The mailbox fixture's configuration file with an ``[operator]`` section, optionally with
    the IMAP or SMTP server's port replaced by a closed one."""
    path = mailbox.config_file()
    text = path.read_text(encoding="utf-8")
    if imap_port is not None:
        text = text.replace(f"port = {mailbox.dovecot.imap_port}\n", f"port = {imap_port}\n")
    if smtp_port is not None:
        text = text.replace(f"port = {mailbox.smtp_port}\n", f"port = {smtp_port}\n")
    path.write_text(text + f'\n[operator]\naddress = "{OPERATOR}"\nlanguage = "en"\n{extra}', encoding="utf-8")
    return path


def health_at(capsys, path, moment: datetime) -> tuple[int, list[str]]:
    """``mailbot health --config PATH`` run as of ``moment``: its exit status and its lines."""
    capsys.readouterr()
    with time_machine.travel(moment, tick=False):
        status = main(["health", "--config", str(path)])
    return status, capsys.readouterr().out.strip().splitlines()


def warnings_received(mailbox) -> list[email.message.EmailMessage]:
    """The warning mails the SMTP server accepted for the operator."""
    return [email.message_from_bytes(r.raw, policy=policy.default) for r in mailbox.smtp.accepted_for(OPERATOR)]


def text(message) -> str:
    return message.get_body(("plain",)).get_content()


@pytest.mark.imap
def test_an_unreachable_imap_server_is_reported_after_30_minutes_and_warned_of_once_a_day(mailbox, capsys):
    from mailbot.config import settings
    port = closed_port()
    path = configured(mailbox, imap_port=port)
    clock = [NOW]
    with app.daemon(settings.load(path), clock=lambda: clock[0]) as daemon:
        for minutes in (0, 10, 29):
            clock[0] = NOW + timedelta(minutes=minutes)
            with pytest.raises(SourceError):
                daemon.run_once()
            daemon.tick()
        assert warnings_received(mailbox) == []
        assert health_at(capsys, path, NOW + timedelta(minutes=29)) == (0, ["healthy"])

        clock[0] = NOW + timedelta(minutes=31)
        with pytest.raises(SourceError):
            daemon.run_once()
        daemon.tick()  # the job runs and the dispatcher sends through the (working) SMTP server
        status, lines = health_at(capsys, path, NOW + timedelta(minutes=31))
        assert status == 1 and len(lines) == 1
        assert lines == [f"IMAP server 127.0.0.1:{port} unreachable since 2027-01-04 10:00 Oslo time (31 min): "
                         f"IMAP login at 127.0.0.1:{port} failed: ConnectionRefusedError: [Errno 111] "
                         "Connection refused"]
        [warning] = warnings_received(mailbox)
        assert str(warning["Subject"]) == "mailbot (ine@udi.no) needs a look: 1 problem"
        assert f"- IMAP server 127.0.0.1:{port} unreachable since 2027-01-04 10:00 Oslo time (31 min)" in text(warning)
        assert warning["Auto-Submitted"] == "auto-generated"

        for moment in (NOW + timedelta(hours=3), NOW + timedelta(hours=13, minutes=59)):  # 23:59 Oslo time
            clock[0] = moment
            daemon.tick()
        assert len(warnings_received(mailbox)) == 1  # once a day
        clock[0] = NOW + timedelta(hours=14, minutes=1)  # 00:01 the next day in Oslo
        daemon.tick()
        assert len(warnings_received(mailbox)) == 2
        assert "unreachable since 2027-01-04 10:00 Oslo time (841 min)" in text(warnings_received(mailbox)[1])

    good = configured(mailbox)  # the server is back: one successful read clears it
    clock[0] = NOW + timedelta(hours=15)
    with app.daemon(settings.load(good), clock=lambda: clock[0]) as daemon:
        daemon.run_once()
    assert health_at(capsys, good, NOW + timedelta(hours=15)) == (0, ["healthy"])


@pytest.mark.imap
def test_an_unreachable_smtp_server_and_mail_queued_for_hours_are_reported_and_warned_of_once_each(mailbox, capsys):
    from mailbot.config import settings
    port = closed_port()
    path = configured(mailbox, smtp_port=port)
    mailbox.append(invitations(1)[0])
    clock = [NOW]
    with app.daemon(settings.load(path), clock=lambda: clock[0]) as daemon:
        daemon.run_once()  # the reply cannot be sent: it stays queued
        [reply] = daemon.store.queued()
        clock[0] = NOW + timedelta(minutes=31)
        daemon.run_once()
        daemon.tick()
        status, lines = health_at(capsys, path, clock[0])
        assert status == 1
        assert lines == [f"SMTP server 127.0.0.1:{port} unreachable since 2027-01-04 10:00 Oslo time (31 min): "
                         + daemon.store.meta("health:sending")["error"]]
        [first] = [m for m in daemon.store.queued() if m.purpose == "health"]
        assert first.recipients == (OPERATOR,)

        clock[0] = NOW + timedelta(hours=2, minutes=1)
        daemon.run_once()
        daemon.tick()
        status, lines = health_at(capsys, path, clock[0])
        assert status == 1 and len(lines) == 2
        assert lines[1].startswith(f"1 mail(s) queued for more than 120 min: {reply.message_id} (reply-registered, "
                                   "queued 2027-01-04 10:00 Oslo time")
        warnings = [m for m in daemon.store.queued() if m.purpose == "health"]
        assert len(warnings) == 2  # the second names only the new condition
        second = email.message_from_string(warnings[1].raw, policy=policy.default)
        assert "1 mail(s) queued for more than 120 min" in text(second)
        assert "SMTP server" not in text(second)
        clock[0] = NOW + timedelta(hours=5)
        daemon.run_once()
        daemon.tick()
        assert len([m for m in daemon.store.queued() if m.purpose == "health"]) == 2
    assert mailbox.smtp.transactions == 0


@pytest.fixture
def operator_bot(daemons, tmp_path):
    daemons.clock.now = None  # the real clock, which time-machine moves
    bot = ChaseBot(daemons, tmp_path)
    bot.config = dataclasses.replace(bot.config, operator=OperatorConfig(address=OPERATOR, language="en"))
    bot.restart()
    path = tmp_path / "mailbot.toml"
    path.write_text(f'[maildir]\npath = "{bot.config.maildir.path}"\noutbox = "{bot.config.maildir.outbox}"\n'
                    f'[store]\npath = "{bot.config.store.path}"\n[operator]\naddress = "{OPERATOR}"\n',
                    encoding="utf-8")
    yield bot, path


def test_messages_left_in_failed_or_needs_attention_for_two_business_days_are_warned_of_once_a_day(
        operator_bot, monkeypatch, capsys):
    bot, path = operator_bot
    invitations_ = bot.daemon.pipeline.invitations
    original = invitations_.handle

    def broken(msg, raw, key, now):
        if key == "<broken@udi.no>":
            raise RuntimeError("an input nobody foresaw")
        return original(msg, raw, key, now)

    monkeypatch.setattr(invitations_, "handle", broken)
    friday = datetime(2027, 1, 8, 10, 0, tzinfo=OSLO)
    with time_machine.travel(friday, tick=False) as traveller:
        assert bot.receive(forward(message_id="<broken@udi.no>")).folder is Folder.FAILED
        outsider = bot.receive(forward(sender="Ola <ola@example.com>", message_id="<outside@example.com>"))
        assert outsider.folder is Folder.NEEDS_ATTENTION

        def at(moment: datetime) -> list:
            traveller.move_to(moment)
            bot.daemon.run_once()
            bot.daemon.tick()
            return bot.mails("health")

        # Monday and Tuesday are the two business days; the weekend does not count
        assert at(datetime(2027, 1, 12, 23, 50, tzinfo=OSLO)) == []
        assert health_at(capsys, path, datetime(2027, 1, 12, 23, 50, tzinfo=OSLO)) == (0, ["healthy"])
        [(receipt, warning)] = at(datetime(2027, 1, 13, 8, 0, tzinfo=OSLO))
        assert receipt.recipients == (OPERATOR,) and receipt.status is MailStatus.SENT
        body = text(warning)
        assert ("- 1 message(s) in failed for more than 2 business days: <broken@udi.no> "
                "(2027-01-08 10:00 Oslo time, failed)") in body
        assert ("- 1 message(s) in needs-attention for more than 2 business days: <outside@example.com> "
                "(2027-01-08 10:00 Oslo time, rejected)") in body
        status, lines = health_at(capsys, path, datetime(2027, 1, 13, 8, 0, tzinfo=OSLO))
        assert status == 1 and [line.split(":")[0] for line in lines] == [
            "1 message(s) in failed for more than 2 business days",
            "1 message(s) in needs-attention for more than 2 business days"]
        assert len(at(datetime(2027, 1, 13, 15, 0, tzinfo=OSLO))) == 1
        bot.restart()  # what was warned of is in the store
        assert len(at(datetime(2027, 1, 13, 16, 0, tzinfo=OSLO))) == 1
        assert len(at(datetime(2027, 1, 14, 8, 0, tzinfo=OSLO))) == 2
        # older than attention_lookback_days (14): no longer counted
        assert len(at(datetime(2027, 1, 22, 11, 0, tzinfo=OSLO))) == 2
        assert health_at(capsys, path, datetime(2027, 1, 22, 11, 0, tzinfo=OSLO)) == (0, ["healthy"])


def test_a_restart_after_downtime_warns_of_nothing_and_health_asks_whether_the_service_runs(operator_bot, capsys):
    bot, path = operator_bot
    monday = datetime(2027, 1, 4, 10, 0, tzinfo=OSLO)
    with time_machine.travel(monday, tick=False) as traveller:
        bot.daemon.run_once()
        bot.daemon.tick()
        traveller.move_to(monday + timedelta(days=2))  # the service was stopped for two days
        status, lines = health_at(capsys, path, monday + timedelta(days=2))
        assert status == 1
        assert lines == [f"Maildir {bot.config.maildir.path}: no successful read since 2027-01-04 10:00 Oslo time "
                         "(2880 min); is the mailbot service running?"]
        bot.restart()
        bot.daemon.tick()  # the daemon's first tick comes before its first read: downtime is no alarm
        bot.daemon.run_once()
        bot.daemon.tick()
        assert bot.mails("health") == []
        assert health_at(capsys, path, monday + timedelta(days=2)) == (0, ["healthy"])


def jwt(expires: datetime) -> str:
    import base64
    import json

    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
    return f"{part({'alg': 'none'})}.{part({'exp': int(expires.timestamp())})}.c2ln"


@pytest.mark.imap
def test_a_failing_token_command_and_an_expired_token_file_are_reported_and_warned_of_once_a_day(
        mailbox, tmp_path, capsys):
    from mailbot.config import settings
    token = tmp_path / "smtp-token"
    token.write_text(jwt(NOW - timedelta(minutes=5)) + "\n", encoding="utf-8")
    path = configured(mailbox)
    text_ = path.read_text(encoding="utf-8").replace(
        'password_file = "password"\ntimeout_seconds = 2.0\nidle_seconds',
        'auth = "xoauth2"\ntoken_command = ["false"]\ntimeout_seconds = 2.0\nidle_seconds').replace(
        'username = "mailbot"\npassword_file = "password"',
        f'username = "mailbot"\nauth = "xoauth2"\ntoken_file = "{token}"')
    path.write_text(text_, encoding="utf-8")
    config = settings.load(path)
    assert (config.imap.auth, config.smtp.auth) == ("xoauth2", "xoauth2")
    store = Store(config.store.path)
    try:
        watch = app.build(config, store).health
        watch.check(NOW)
        watch.check(NOW + timedelta(hours=2))  # looked at again: the same problems, no second mail
        [warning] = [m for m in store.queued() if m.purpose == "health"]
        assert warning.recipients == (OPERATOR,)
        body = text(email.message_from_string(warning.raw, policy=policy.default))
        assert "- imap: the token command fails: token command false exited with status 1" in body
        status, lines = health_at(capsys, path, NOW + timedelta(hours=2))  # beside the open store
        assert status == 1
        assert lines == [
            "imap: the token command fails: token command false exited with status 1 and printed no token "
            "(checked 2027-01-04 12:00 Oslo time)",
            "smtp: the token file gives a token that expired 2027-01-04 09:55 Oslo time "
            "(checked 2027-01-04 12:00 Oslo time)"]
        watch.check(NOW + timedelta(days=1))
        assert len([m for m in store.queued() if m.purpose == "health"]) == 2
    finally:
        store.close()


def certificate(tmp_path, expires: datetime):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mailbot")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(expires - timedelta(days=365)).not_valid_after(expires)
            .sign(key, hashes.SHA256()))
    path = tmp_path / "graph.pem"
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()) + cert.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.mark.parametrize(("days", "problems"), [
    (15, []),
    (13, ["graph: the certificate expires 2027-01-17 10:00 Oslo time; upload a new one to the app registration "
          "and point graph.certificate_file at it"]),
])
def test_a_graph_certificate_is_reported_14_days_before_it_expires(tmp_path, days, problems):
    config = Config(mailbox=MailboxConfig(backend="graph"),
                    graph=GraphConfig(tenant_id="t", client_id="c",
                                      certificate=Secret(file=certificate(tmp_path, NOW + timedelta(days=days)))),
                    store=StoreConfig(path=tmp_path / "store" / "mailbot.json"),
                    operator=OperatorConfig(address=OPERATOR))
    problems = [p.replace("2027-01-17", (NOW + timedelta(days=days)).astimezone(OSLO).strftime("%Y-%m-%d"))
                for p in problems]
    assert [p.text for p in health.probe_credentials(config, NOW)] == problems


def test_tokens_without_a_readable_expiry_are_not_guessed_at():
    assert health.jwt_expiry("opaque-token-from-microsoft") is None
    assert health.jwt_expiry("a.b.c") is None
    assert health.jwt_expiry(jwt(NOW)) == NOW
    config = Config(smtp=SmtpConfig(auth="xoauth2", token=Secret(env="MAILBOT_TEST_NO_SUCH_VARIABLE")),
                    mailbox=MailboxConfig(backend="imap"))
    assert [p.key for p in health.probe_credentials(config, NOW)] == ["credentials:smtp"]


@pytest.mark.parametrize(("line", "key"), [
    ('address = "drift at udi.no"', "operator.address"),
    ('address = "Drift <drift@udi.no>"', "operator.address"),
    ('language = "sv"', "operator.language"),
    ("token_days = 0", "operator.token_days"),
    ("attention_business_days = 0", "operator.attention_business_days"),
    ("attention_lookback_days = 1", "operator.attention_lookback_days"),
    ("unreachable_seconds = 0", "operator.unreachable_seconds"),
    ("queued_seconds = -5", "operator.queued_seconds"),
])
def test_a_bad_operator_setting_is_refused_at_load_naming_the_file_and_key(tmp_path, capsys, line, key):
    path = tmp_path / "mailbot.toml"
    path.write_text(f"[operator]\n{line}\n", encoding="utf-8")
    assert main(["--config", str(path), "check-config"]) == 2
    assert f"{path}: {key}: " in capsys.readouterr().err


def test_health_without_a_store_says_so(tmp_path, capsys):
    path = tmp_path / "mailbot.toml"
    path.write_text(f'[store]\npath = "{tmp_path / "none" / "mailbot.json"}"\n', encoding="utf-8")
    assert main(["health", "--config", str(path)]) == 1
    assert capsys.readouterr().out.startswith(f"no store at {tmp_path / 'none' / 'mailbot.json'}: mailbot has not run")
