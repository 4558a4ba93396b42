"""The IMAP source and the SMTP sender against a real Dovecot and a real SMTP server (in-process).

Each test has a Dovecot user of its own and an aiosmtpd server that delivers the functional
mailbox's copies into that user's INBOX, as an MTA would.
"""
import collections

import pytest
from helpers import header, invitations, parse, text_of

from mailbot.model import MailStatus, Outcome
from mailbot.records.store import Store

pytestmark = pytest.mark.imap


def mark_of(mailbox, store: Store, inbox: str = "INBOX") -> dict:
    return store.meta(f"imap:{mailbox.user}@127.0.0.1:{mailbox.dovecot.imap_port}/{inbox}")


def test_invitations_are_answered_once_and_moved_with_seen_untouched(mailbox, daemons):
    first, second = invitations(2)
    mailbox.append(first)
    mailbox.append(second)
    config = mailbox.config()
    with daemons.opened(config) as daemon:
        handled = daemon.run_once()
        assert [r.outcome for _m, r in handled] == [Outcome.REGISTERED, Outcome.REGISTERED]
        copies = daemon.run_once()  # the mailbox's copies of the two replies come back and are filed
        assert [r.outcome for _m, r in copies] == [Outcome.OWN, Outcome.OWN]
        assert daemon.run_once() == []
    replies = mailbox.replies()
    assert sorted(header(r.raw, "In-Reply-To") for r in replies) == sorted(
        header(m, "Message-ID") for m in (first, second))
    assert all(r.sender == "ine@udi.no" and r.recipients[-1] == "ine@udi.no" for r in replies)
    assert mailbox.folder("INBOX") == []
    processed = mailbox.folder("processed")
    assert [header(m, "Message-ID") for m in processed[:2]] == [
        header(first, "Message-ID"), header(second, "Message-ID")]
    assert mailbox.folder("needs-attention") == [] and mailbox.folder("failed") == []
    client = mailbox.dovecot.client(mailbox.user)
    client.select_folder("processed", readonly=True)
    assert all(b"\\Seen" not in data[b"FLAGS"] for data in client.fetch(client.search(), ["FLAGS"]).values())
    assert {"processed", "needs-attention", "failed"} <= {name for _f, _d, name in client.list_sub_folders()}
    client.logout()
    store = Store(config.store.path, readonly=True)
    assert len(store.records()) == 2
    assert mark_of(mailbox, store)["uid"] == 4  # two invitations and two copies
    sent = [store.mail(header(r.raw, "Message-ID")) for r in replies]
    assert all(m.status is MailStatus.SENT and m.attempts == 1 for m in sent)
    store.close()


def test_a_new_uidvalidity_reads_the_inbox_again_and_answers_nothing_twice(mailbox, daemons):
    first, other, second, third = invitations(4)
    nameless = b"".join(line for line in other.splitlines(keepends=True) if not line.lower().startswith(b"message-id:"))
    config = mailbox.config(imap='inbox = "work"')
    client = mailbox.dovecot.client(mailbox.user)
    client.create_folder("work")
    client.append("work", first)
    client.append("work", nameless)
    with daemons.opened(config) as daemon:
        daemon.run_once()
        old_mark = mark_of(mailbox, daemon.store, "work")
    assert old_mark["uid"] == 2 and len(mailbox.replies()) == 2
    # the folder is restored from a backup under a new UIDVALIDITY: the old messages come back
    # with UIDs at or below the old mark, next to a new one
    client.delete_folder("work")
    client.create_folder("work")
    for raw in (first, nameless, second):
        client.append("work", raw)
    client.logout()
    with daemons.opened(config) as daemon:
        results = [r for _m, r in daemon.run_once()]
        new_mark = mark_of(mailbox, daemon.store, "work")
    assert new_mark["uidvalidity"] != old_mark["uidvalidity"] and new_mark["uid"] == 3
    assert [(r.outcome, r.repeated) for r in results][:3] == [
        (Outcome.REGISTERED, True), (Outcome.REGISTERED, True), (Outcome.REGISTERED, False)]
    # doveadm changes the UIDVALIDITY of the live inbox under a connected daemon
    with daemons.opened(config) as daemon:
        daemon.run_once()
        mailbox.dovecot.doveadm("mailbox", "update", "-u", mailbox.user, "--uid-validity", "12345", "work")
        mailbox.append(third, "work")
        daemon.run_once()
        assert mark_of(mailbox, daemon.store, "work")["uidvalidity"] == 12345
    replies = collections.Counter(header(r.raw, "In-Reply-To") for r in mailbox.replies())
    assert sorted(replies.values()) == [1, 1, 1, 1]  # first, nameless, second, third: once each
    assert mailbox.folder("work") == []


def test_an_oversize_message_goes_to_needs_attention_and_the_sender_is_told(mailbox, daemons):
    big = invitations(1)[0]
    config = mailbox.config(imap=f"max_message_bytes = {len(big) // 2}")
    mailbox.append(big)
    with daemons.opened(config) as daemon:
        [(message, result)] = daemon.run_once()
        assert message.too_large and len(message.raw) < len(big) // 2
        assert result.outcome is Outcome.NOT_UNDERSTOOD
        assert daemon.store.handled(result.key).detail == "too_large"
    assert [header(m, "Message-ID") for m in mailbox.folder("needs-attention")] == [header(big, "Message-ID")]
    [reply] = mailbox.replies()
    body = text_of(parse(reply.raw))
    assert "større enn vi leser automatisk" in body or "larger than we read automatically" in body


def test_without_move_a_message_is_copied_and_expunged(mailbox, daemons):
    mailbox.append(invitations(1)[0])
    with daemons.opened(mailbox.config()) as daemon:
        daemon.source._connected()
        daemon.source.capabilities -= {b"MOVE"}  # as an older server would offer
        assert len(daemon.run_once()) == 1
        assert len(daemon.run_once()) == 1  # the reply's copy
    assert mailbox.folder("INBOX") == [] and len(mailbox.folder("processed")) == 2


def test_xoauth2_over_implicit_tls_and_check_config_connect(mailbox, capsys):
    from mailbot.cli import main
    token = mailbox.folder_path / "token"
    token.write_text("test-access-token\n")
    path = mailbox.config_file(imap=f'auth = "xoauth2"\ntoken_command = ["cat", "{token}"]\n'
                                    f'security = "tls"\nport = {mailbox.dovecot.imaps_port}\n')
    text = path.read_text().replace(f'username = "{mailbox.user}"', f'username = "{mailbox.user}-oauth"')
    text = text.replace('port = ' + str(mailbox.dovecot.imap_port) + '\nsecurity = "starttls"\n', "")
    path.write_text(text)
    mailbox.append(invitations(1)[0])
    assert main(["--config", str(path), "check-config", "--connect"]) == 0
    out = capsys.readouterr().out
    assert f"imap: logged in to 127.0.0.1:{mailbox.dovecot.imaps_port} as {mailbox.user}-oauth (tls, xoauth2)" in out
    assert "  inbox            INBOX: 1 message(s)" in out
    assert "  processed        processed: missing, created at start" in out
    assert f"smtp: logged in to 127.0.0.1:{mailbox.smtp_port} as mailbot (starttls, password)" in out
    assert "test-access-token" not in out and "test-password" not in out


def test_a_wrong_password_is_reported_with_the_server(mailbox, capsys):
    from mailbot.cli import main
    path = mailbox.config_file()
    (mailbox.folder_path / "password").write_text("wrong")
    assert main(["--config", str(path), "check-config", "--connect"]) == 1
    assert f"IMAP login at 127.0.0.1:{mailbox.dovecot.imap_port} failed: LoginError" in capsys.readouterr().err
