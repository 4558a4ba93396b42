"""``mailbot run`` as a service against a real Dovecot and SMTP server: IDLE end to end, dropped
and frozen connections, SIGKILL at each step of a message, one instance per store.

The daemon runs in a subprocess; a crash is a SIGKILL at a moment chosen by watching the SMTP
server (which can hold its answer at RCPT or after the message data) and the store.
"""
import collections
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from helpers import header, invitations, until

from mailbot.model import MailStatus
from mailbot.records.store import Store

pytestmark = [pytest.mark.imap, pytest.mark.slow]


def service_config(mailbox, **sections: str) -> Path:
    """The mailbox's configuration with room for a loaded machine where no test here needs a
    limit to run out: an SMTP answer may take 10 s, and a mail left sending waits 2 minutes for
    its copy (a 4 s window can close before a slow restart reads the copy, and then the mail is
    rightly sent again: that case is in test_smtp.py, on a set clock)."""
    return mailbox.config_file(smtp_timeout=10.0, confirm_seconds=120.0, **sections)


def idle_pids(mailbox) -> list[int]:
    """The imap processes of the mailbox's user that are in IDLE (Dovecot's verbose_proctitle)."""
    pids = []
    for pid in mailbox.dovecot.imap_pids(mailbox.user):
        try:
            if b"IDLE" in Path(f"/proc/{pid}/cmdline").read_bytes():
                pids.append(pid)
        except FileNotFoundError:
            pass
    return pids


def mail_status(config_path: Path, message_id: str | None = None):
    store = Store(config_path.parent / "store" / "mailbot.json", readonly=True)
    try:
        mails = [store.mail(message_id)] if message_id else list(store.queued() + store.sending())
        return [m.status for m in mails if m]
    finally:
        store.close()


def replies_once(mailbox, messages: list[bytes]) -> None:
    """Every message was answered, each exactly once."""
    answered = collections.Counter(header(r.raw, "In-Reply-To") for r in mailbox.replies())
    assert answered == {header(m, "Message-ID"): 1 for m in messages}


def test_run_answers_a_message_delivered_while_it_idles(mailbox, daemons):
    config = service_config(mailbox)
    message = invitations(1)[0]
    daemon = daemons.start(config)
    try:
        until(lambda: idle_pids(mailbox), what="IDLE")
        start = time.monotonic()
        mailbox.append(message)
        latency = until(mailbox.replies, what="the reply")
        until(lambda: len(mailbox.folder("processed")) == 2, what="the message and the reply's copy filed")
    finally:
        assert daemon.stop() == 0
    print(f"delivery-to-reply latency under IDLE: {latency:.3f} s ({time.monotonic() - start:.1f} s to filed)")
    replies_once(mailbox, [message])
    assert mailbox.folder("INBOX") == []
    store = Store(config.parent / "store" / "mailbot.json", readonly=True)
    [record] = store.records()
    store.close()
    assert all(line.startswith("ts=") and line.count("\n") == 1 for line in daemon.lines)
    registered = [line for line in daemon.lines if "registered -> processed" in line]
    sent = [line for line in daemon.lines if 'msg="sent ' in line]
    assert len(registered) == 1 and len(sent) == 1
    assert f"message_id={header(message, 'Message-ID')}" in registered[0] and f"ref={record.ref}" in registered[0]
    assert f"ref={record.ref}" in sent[0] and "message_id=<mailbot." in sent[0]
    assert daemon.logged("level=info logger=mailbot.daemon msg=\"mailbot stopped\"")


def test_a_dropped_and_a_frozen_connection_are_noticed_and_nothing_is_lost(mailbox, daemons):
    config = service_config(mailbox)
    first, second = invitations(2)
    daemon = daemons.start(config)
    frozen = []
    try:
        until(lambda: idle_pids(mailbox), what="IDLE")
        mailbox.dovecot.doveadm("kick", mailbox.user)  # dropped mid-IDLE
        until(lambda: daemon.logged("mail source failed (1 in a row)"), what="the lost connection")
        mailbox.append(first)
        until(lambda: len(mailbox.replies()) == 1, what="the first reply")
        until(lambda: idle_pids(mailbox), what="IDLE again")
        failures = sum("mail source failed" in line for line in daemon.lines)
        frozen = idle_pids(mailbox)
        for pid in frozen:  # the server stops answering, its TCP connection stays open
            os.kill(pid, signal.SIGSTOP)
        # idle_seconds 1.5 + timeout_seconds 2.0 bound the wait; without them it would last as long as TCP's
        # own timeouts (many minutes). The bound has room for a loaded machine; the figure is printed.
        noticed = until(lambda: sum("mail source failed" in line for line in daemon.lines) > failures, timeout=20,
                        what="the frozen connection")
        mailbox.append(second)
        until(lambda: len(mailbox.replies()) == 2, what="the second reply")
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGKILL)
        assert daemon.stop() == 0
    print(f"frozen server noticed after {noticed:.2f} s")
    replies_once(mailbox, [first, second])


def test_a_connection_dropped_mid_batch_loses_nothing(mailbox, daemons):
    messages = invitations(6)
    for raw in messages:
        mailbox.append(raw)
    daemon = daemons.start(service_config(mailbox))
    try:
        until(lambda: len(mailbox.replies()) >= 2, what="two replies")
        mailbox.dovecot.doveadm("kick", mailbox.user)
        until(lambda: len(mailbox.replies()) >= 6, what="six replies")
        until(lambda: len(mailbox.folder("processed")) == 12, what="messages and copies filed")
    finally:
        assert daemon.stop() == 0
    assert daemon.logged("mail source failed")
    replies_once(mailbox, messages)
    assert mailbox.folder("INBOX") == []


def test_killed_between_storing_and_sending(mailbox, daemons):
    config = service_config(mailbox)
    message = invitations(1)[0]
    mailbox.smtp.hold["rcpt"] = threading.Event()  # the SMTP transaction stops before the message data
    mailbox.append(message)
    daemon = daemons.start(config)
    until(mailbox.smtp.reached["rcpt"].is_set, what="RCPT")
    daemon.kill()
    assert mail_status(config) == [MailStatus.QUEUED]  # stored, not handed over
    mailbox.smtp.hold["rcpt"].set()
    daemon = daemons.start(config)
    try:
        until(lambda: len(mailbox.folder("processed")) == 2, what="message and copy filed")
    finally:
        assert daemon.stop() == 0
    replies_once(mailbox, [message])


def test_killed_between_sending_and_marking_sent(mailbox, daemons):
    config = service_config(mailbox)
    message = invitations(1)[0]
    mailbox.smtp.hold["data"] = threading.Event()  # accepted (and the copy delivered); the 250 is held
    mailbox.append(message)
    daemon = daemons.start(config)
    until(mailbox.smtp.reached["data"].is_set, what="DATA")
    daemon.kill()
    assert mail_status(config) == [MailStatus.SENDING]
    mailbox.smtp.hold["data"].set()
    daemon = daemons.start(config)
    try:
        until(lambda: daemon.logged("had reached the server (its copy came back to the mailbox); not sent again"))
        until(lambda: len(mailbox.folder("processed")) == 2, what="message and copy filed")
    finally:
        assert daemon.stop() == 0
    assert mail_status(config) == []
    replies_once(mailbox, [message])


def test_a_warm_up_slower_than_the_confirmation_window_does_not_send_twice(mailbox, daemons):
    config = mailbox.config_file(smtp_timeout=10.0, confirm_seconds=4.0)
    message = invitations(1)[0]
    mailbox.smtp.hold["data"] = threading.Event()
    mailbox.append(message)
    daemon = daemons.start(config)
    until(mailbox.smtp.reached["data"].is_set, what="DATA")
    daemon.kill()
    mailbox.smtp.hold["data"].set()  # the server took it; its copy is in the inbox
    daemon = daemons.start(config, warm_up=8.0)
    try:
        until(lambda: daemon.logged("had reached the server (its copy came back to the mailbox); not sent again"),
              timeout=60)
    finally:
        assert daemon.stop() == 0
    assert not daemon.logged("sending it again")
    replies_once(mailbox, [message])


def test_killed_between_marking_sent_and_moving(mailbox, daemons):
    config = service_config(mailbox)
    message = invitations(1)[0]
    mailbox.smtp.hold["data"] = threading.Event()
    daemon = daemons.start(config)
    until(lambda: idle_pids(mailbox), what="IDLE")
    session = mailbox.dovecot.imap_pids(mailbox.user)
    mailbox.append(message)
    until(mailbox.smtp.reached["data"].is_set, what="DATA")
    for pid in session:  # the MOVE that follows the 250 will not be carried out
        os.kill(pid, signal.SIGSTOP)
    mailbox.smtp.hold["data"].set()
    [reply] = mailbox.replies()
    until(lambda: mail_status(config, reply.message_id) == [MailStatus.SENT], what="sent")
    daemon.kill()
    for pid in session:
        os.kill(pid, signal.SIGKILL)
    assert next(header(m, "Message-ID") for m in mailbox.folder("INBOX")) == header(message, "Message-ID")
    daemon = daemons.start(config)
    try:
        until(lambda: len(mailbox.folder("processed")) == 2 and not mailbox.folder("INBOX"), what="filed")
    finally:
        assert daemon.stop() == 0
    replies_once(mailbox, [message])


def test_a_polling_daemon_and_a_second_daemon_on_the_same_store(mailbox, daemons):
    config = service_config(mailbox, imap="idle = false\npoll_seconds = 0.3")
    message = invitations(1)[0]
    daemon = daemons.start(config)
    try:
        until(lambda: daemon.logged("connected to IMAP"), what="the first daemon")
        second = daemons.run(config, timeout=60)
        assert second.returncode == 1
        assert f"is in use by mailbot pid {daemon.process.pid}; only one mailbot may write it" in second.stderr
        mailbox.append(message)
        until(mailbox.replies, what="the reply")
    finally:
        assert daemon.stop() == 0
    replies_once(mailbox, [message])
