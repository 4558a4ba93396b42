"""A full disk while a message is handled: the store refuses, the daemon stops before moving the
message, and once there is room again the message is answered exactly once."""
import errno

import pytest
from helpers import forward

from mailbot.errors import StoreError
from mailbot.records import journal


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
    bot.restart()
    [(_message, result)] = bot.run()
    assert result.ref == "INE-2027-0001"
    assert bot.run() == []
    assert len(bot.store.records()) == 1
    assert len(bot.replies()) == 1 and len(bot.folder("processed")) == 1
