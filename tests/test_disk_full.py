"""A full disk while a message is handled: the store refuses, the daemon stops before moving the
message, and once there is room again the message is answered exactly once."""
import errno

import pytest
from conftest import forward

from mailbot import app
from mailbot.errors import StoreError
from mailbot.records import journal
from mailbot.records.store import Store
from mailbot.transports.senders.outbox import OutboxSender
from mailbot.transports.sources.maildir import MaildirSource


def test_a_full_disk_stops_before_the_message_leaves_the_inbox_and_it_is_answered_once_later(bot, monkeypatch):
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    bot.deliver(forward())
    monkeypatch.setattr(journal.os, "fsync", full)
    with pytest.raises(StoreError, match="No space left on device"):
        bot.run()
    assert bot.replies() == []
    assert [p.parent.name for p in bot.all_files()] == ["new"]  # still in the inbox, not moved
    monkeypatch.undo()  # room again; the service restarts
    bot.store.close()
    store = Store(bot.config.store.path)
    try:
        daemon = app.assemble(bot.config, store, MaildirSource(bot.config.maildir.path),
                              OutboxSender(bot.config.maildir.outbox), clock=lambda: bot.now).daemon
        [(_message, result)] = daemon.run_once()
        assert result.ref == "INE-2027-0001"
        assert daemon.run_once() == []
        assert len(store.records()) == 1
    finally:
        store.close()
    assert len(bot.replies()) == 1 and len(bot.folder("processed")) == 1
