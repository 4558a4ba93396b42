"""Chase mails thread with the checklist reply they follow (RFC 5322 §3.6.4: In-Reply-To)."""
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from conftest import ChaseBot, invitation

OSLO = ZoneInfo("Europe/Oslo")


def test_the_referat_request_is_a_reply_to_the_checklist_reply(tmp_path):
    with time_machine.travel(datetime(2027, 3, 1, 9, 0, tzinfo=OSLO), tick=False) as traveller:
        bot = ChaseBot(tmp_path)
        bot.receive(invitation("Møtet", "onsdag 3. mars 2027 kl. 10.00–12.00", "<inv@udi.no>"))
        [(checklist, _)] = bot.mails()
        traveller.move_to(datetime(2027, 3, 4, 9, 0, tzinfo=OSLO))  # the first business day after
        bot.daemon.tick()
        [(_, message)] = bot.mails("request")
        assert message["In-Reply-To"] == checklist.message_id
        assert message["References"] == checklist.message_id
        assert message["Subject"].endswith("[INE-2027-0001]")
