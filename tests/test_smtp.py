"""SMTP answers and lost answers, against a real SMTP server (aiosmtpd) and a real Dovecot.

Time moves by setting the daemon's clock, never by sleeping (except the SMTP timeout itself).
"""
import collections
import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest
from helpers import header, invitations

from mailbot.config.settings import Secret, SmtpConfig
from mailbot.errors import SendError
from mailbot.model import Folder, MailStatus, OutgoingMail
from mailbot.transports.senders.smtp import SmtpSender

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(daemons):
    """The daemons' clock, set to NOW; the test moves it (``clock.now = ...``)."""
    daemons.clock.now = NOW
    return daemons.clock


@pytest.mark.imap
def test_451_then_250_sends_once_after_the_back_off(mailbox, daemons, clock):
    mailbox.append(invitations(1)[0])
    mailbox.smtp.data_replies = ["451 4.3.0 try again later"]
    with daemons.opened(mailbox.config()) as daemon:
        [(_message, _result)] = daemon.run_once()
        [mail] = daemon.store.queued()
        assert mail.attempts == 1 and "451 4.3.0 try again later" in mail.last_error
        assert timedelta(seconds=0.2) <= mail.not_before - NOW <= timedelta(seconds=0.4)  # retry_seconds 0.3, jitter
        assert mailbox.replies() == [] and mailbox.folder("processed")  # acknowledged: the reply waits in the store
        clock.now = NOW + timedelta(seconds=0.1)
        daemon.flush()
        assert mailbox.smtp.transactions == 1  # not due yet
        clock.now = NOW + timedelta(seconds=1)
        daemon.flush()
        assert daemon.store.mail(mail.message_id).status is MailStatus.SENT
        assert daemon.store.mail(mail.message_id).attempts == 2
    assert mailbox.smtp.transactions == 2 and len(mailbox.replies()) == 1


@pytest.mark.imap
def test_550_for_one_recipient_fails_that_reply_for_good_and_the_message_goes_to_a_human(mailbox, daemons, clock,
                                                                                         caplog):
    refused, accepted = invitations(2)
    mailbox.append(refused)
    mailbox.append(accepted)
    refused_sender = header(refused, "From").split("<")[-1].rstrip(">").lower()
    mailbox.smtp.rcpt_replies[refused_sender] = "550 5.1.1 no such user"
    with daemons.opened(mailbox.config()) as daemon:
        with caplog.at_level(logging.INFO):
            results = [r for _m, r in daemon.run_once()]
        clock.now = NOW + timedelta(hours=3)
        daemon.run_once()  # nothing is tried again
        failed = daemon.store.mail(daemon.store.handled(results[0].key) and results[0].queued[0])
        assert failed.status is MailStatus.FAILED and failed.attempts == 1 and "550 5.1.1" in failed.last_error
        assert daemon.store.handled(results[0].key).folder is Folder.NEEDS_ATTENTION
        assert daemon.store.handled(results[0].key).detail.startswith(f"reply {failed.message_id} refused: RCPT")
    assert [header(m, "Message-ID") for m in mailbox.folder("needs-attention")] == [header(refused, "Message-ID")]
    assert [header(r.raw, "In-Reply-To") for r in mailbox.replies()] == [header(accepted, "Message-ID")]
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert {r.message_id for r in errors} == {failed.message_id, results[0].key}
    assert all(r.ref == results[0].ref for r in errors)


@pytest.mark.imap
@pytest.mark.slow  # the SMTP timeout itself runs out
def test_a_timeout_after_data_is_resolved_by_the_copy_without_a_resend(mailbox, daemons, clock):
    mailbox.append(invitations(1)[0])
    mailbox.smtp.hold["data"] = threading.Event()  # accepted, but the answer never comes in time
    with daemons.opened(mailbox.config()) as daemon:
        [(_message, result)] = daemon.run_once()
        mail = daemon.store.mail(result.queued[0])
        assert mail.status is MailStatus.SENDING and mail.sending_since == NOW
        mailbox.smtp.hold["data"].set()
        daemon.run_once()  # the copy comes back into the inbox
        daemon.flush()
        assert daemon.store.mail(mail.message_id).status is MailStatus.SENT
    assert collections.Counter(r.message_id for r in mailbox.replies()) == {mail.message_id: 1}


@pytest.mark.imap
@pytest.mark.slow  # the SMTP timeout itself runs out
def test_a_timeout_after_data_that_the_server_did_not_take_is_sent_again_after_the_window(mailbox, daemons, clock):
    mailbox.append(invitations(1)[0])
    mailbox.smtp.data_replies = ["451 4.3.0 queue full"]  # the answer that never arrives: not taken
    mailbox.smtp.hold["data"] = threading.Event()
    with daemons.opened(mailbox.config()) as daemon:
        [(_message, result)] = daemon.run_once()
        mailbox.smtp.hold["data"].set()
        message_id = result.queued[0]
        clock.now = NOW + timedelta(seconds=3)  # confirm_seconds is 4
        daemon.run_once()
        assert daemon.store.mail(message_id).status is MailStatus.SENDING and mailbox.replies() == []
        clock.now = NOW + timedelta(seconds=5)
        daemon.run_once()
        assert daemon.store.mail(message_id).status is MailStatus.SENT
    assert [r.message_id for r in mailbox.replies()] == [message_id]


def sender(smtp_server, **changes) -> SmtpSender:
    config = SmtpConfig(host="127.0.0.1", port=smtp_server.port, ca_file=smtp_server.cert, username="mailbot",
                        password=Secret(env="MAILBOT_TEST_SMTP_PASSWORD"), timeout_seconds=2.0, **changes)
    return SmtpSender(config, "ine@udi.no")


def outgoing(*recipients: str) -> OutgoingMail:
    raw = (f"From: INE <ine@udi.no>\r\nTo: {', '.join(recipients)}\r\nSubject: test\r\n"
           "Message-ID: <t1@udi.no>\r\n\r\nhello\r\n")
    return OutgoingMail("<t1@udi.no>", "test", recipients, raw, NOW)


def test_a_refused_recipient_among_several_is_logged_and_the_others_get_the_mail(smtp_server, monkeypatch, caplog):
    monkeypatch.setenv("MAILBOT_TEST_SMTP_PASSWORD", "test-password")
    smtp_server.rcpt_replies["gone@udi.no"] = "550 5.1.1 no such user"
    handed = []
    with caplog.at_level(logging.ERROR):
        sender(smtp_server).send(outgoing("kari@udi.no", "gone@udi.no"), lambda: handed.append(True))
    assert handed == [True]
    [received] = smtp_server.received
    assert received.recipients == ["kari@udi.no", "ine@udi.no"]
    assert "was not delivered to gone@udi.no: refused for good (550 5.1.1 no such user)" in caplog.text


def test_xoauth2_login_and_a_server_that_is_down(smtp_server, tmp_path):
    token = tmp_path / "token"
    token.write_text("test-access-token")
    smtp = sender(smtp_server, auth="xoauth2", token=Secret(file=token), copy_to_mailbox=False)
    smtp.send(outgoing("kari@udi.no"))
    smtp.close()
    assert smtp_server.received[0].recipients == ["kari@udi.no"]
    token.write_text("expired")
    with pytest.raises(SendError, match="refused the login of mailbot: 535") as refused:
        sender(smtp_server, auth="xoauth2", token=Secret(file=token)).send(outgoing("kari@udi.no"))
    assert not refused.value.permanent and not refused.value.uncertain
    down = SmtpConfig(host="127.0.0.1", port=1, auth="none", security="none", timeout_seconds=1.0)
    with pytest.raises(SendError, match="ConnectionRefusedError") as error:
        SmtpSender(down, "ine@udi.no").send(outgoing("kari@udi.no"))
    assert not error.value.permanent and not error.value.uncertain
