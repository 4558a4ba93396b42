"""The referat to the case archive and the forum's stakeholders (IM 2011-013 §4.1: "Alle referater (med
agenda og posisjoner) arkiveres i UdiSak"): sent once, also when mailbot stops between storing and
sending, and when the referat comes in a second time."""
import collections

import pytest
import time_machine
from helpers import BORDERS, oslo, parse, reply, text_of
from test_replies import SUBSTANCE, docx_bytes

from mailbot.config.archive import ArchiveConfig
from mailbot.errors import ConfigError
from mailbot.inbound import documents
from mailbot.model import MailStatus, Outcome

ARCHIVE = "postmottak@udi.no"
STAKEHOLDERS = ("grenseavdelingen@udi.no", "jd-migrasjon@jd.dep.no")
POINTS = ["UDI melder inn behov for plasser, frist 15.04.2027. Ansvarlig: Kari Nordmann",
          "INE vurderer deltakelse i piloten innen 1. mai (ansv. Ola Nordmann)"]


def requested(chase_bot, traveller, archive: str = ARCHIVE):
    """A bot with stakeholders for COUNCIL and the archive (when given); the referat request of the
    usual meeting (24 March 2027) sent on Tuesday 30 March."""
    bot = chase_bot(STAKEHOLDERS, archive=ArchiveConfig(archive))
    ref = bot.receive(BORDERS).ref
    traveller.move_to(oslo("2027-03-30T08:00"))
    bot.daemon.tick()
    (_, request), = bot.mails("request")
    return bot, ref, request


def referat(request) -> bytes:
    return reply(request, "Hei,\n\nReferatet ligger ved.\n\nHilsen Kari\n",
                 attachments=(("Referat grenser.docx", documents.DOCX, docx_bytes(POINTS)),))


def sent_to(bot) -> collections.Counter:
    """How many mails of each purpose the outbox holds, as (purpose, recipients)."""
    return collections.Counter((receipt.purpose, receipt.recipients) for receipt, _ in bot.mails())


@pytest.mark.parametrize("address", ["postmottak", "post mottak@udi.no", "a@udi.no, b@udi.no", "<a@udi.no>",
                                     "a@localhost"])
def test_the_archive_address_must_be_an_address(address):
    with pytest.raises(ConfigError, match=r"archive\.address"):
        ArchiveConfig(address).check(None)
    ArchiveConfig("").check(None)  # off
    ArchiveConfig(ARCHIVE).check(None)


def test_a_referat_goes_to_the_archive_with_its_documents_points_and_positions(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref, request = requested(chase_bot, traveller)
        traveller.move_to(oslo("2027-04-01T14:00"))
        assert bot.receive(referat(request)).outcome is Outcome.REFERAT
        (stored, archived), = bot.mails("archive-referat")
        assert stored.recipients == (ARCHIVE,) and stored.ref == ref
        assert archived["Subject"] == f"Referat til arkivet: {ref} COUNCIL – «Arbeidsgruppen for grenser»"
        attached, = list(archived.iter_attachments())
        assert attached.get_filename() == "Referat grenser.docx"
        text = text_of(archived)
        assert f"her er referatet fra «Arbeidsgruppen for grenser» ({ref}, Rådsarbeidsgrupper i EU" in text
        assert ("1. UDI melder inn behov for plasser, frist 15.04.2027. Ansvarlig: Kari Nordmann "
                "(ansvarlig: Kari Nordmann) (frist: 15.04.2027)") in text
        assert ("2. INE vurderer deltakelse i piloten innen 1. mai (ansv. Ola Nordmann) "
                "(ansvarlig: Ola Nordmann) (frist: 01.05.2027)") in text
        assert "Posisjoner og konsultasjon av departementet (punkt 3.2):" in text
        assert "Innkallingen ligger i postkassen med Message-ID <inv@udi.no>." in text
        assert "Deltaker: Kari Nordmann <kari.nordmann@udi.no>" in text
        # the receipt says where it went, and no longer asks the participant to archive it
        (_, receipt), = bot.mails("receipt-referat")
        assert (f"Referatet er sendt til arkivet ({ARCHIVE}) sammen med sakens posisjoner (punkt 4.1)"
                in text_of(receipt))
        assert "Arkiver referatet i UdiSak" not in text_of(receipt)
        # sent, the archive's copy keeps no body in the store (docs/personal-data.md)
        assert bot.store.mail(stored.message_id).status is MailStatus.SENT
        assert bot.store.mail(stored.message_id).raw == ""


def test_without_an_archive_address_nothing_goes_there_and_the_receipt_reminds(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, _, request = requested(chase_bot, traveller, archive="")
        traveller.move_to(oslo("2027-04-01T14:00"))
        bot.receive(referat(request))
        assert bot.mails("archive-referat") == []
        (_, receipt), = bot.mails("receipt-referat")
        assert "- Arkiver referatet i UdiSak sammen med dagsorden og posisjoner (punkt 4.1)." in text_of(receipt)
        assert len(bot.mails("forward-referat")) == 1


def test_a_referat_reaches_stakeholders_and_archive_exactly_once_across_a_restart(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref, request = requested(chase_bot, traveller)
        traveller.move_to(oslo("2027-04-01T14:00"))
        raw = referat(request)
        bot.deliver(raw, "referat")
        # handled and stored (record, handled log, queued mail: one commit), then mailbot stops
        # before sending and before the message leaves the inbox
        handled = bot.daemon.pipeline.handle(raw, oslo("2027-04-01T14:00"))
        assert handled.outcome is Outcome.REFERAT and len(handled.mails) == 3
        assert bot.mails() and not bot.mails("archive-referat", "forward-referat")
        bot.restart()
        traveller.move_to(oslo("2027-04-01T14:05"))
        (_, again), = bot.daemon.run_once()  # the same message fetched again: recognised, not handled twice
        assert again.repeated
        expected = {("receipt-referat", ("kari.nordmann@udi.no",)): 1, ("forward-referat", STAKEHOLDERS): 1,
                    ("archive-referat", (ARCHIVE,)): 1}
        assert {k: v for k, v in sent_to(bot).items() if k in expected} == expected
        # the same referat delivered a second time (a server handing it back), a restart, weeks of ticks
        bot.deliver(raw, "referat-again")
        bot.run()
        bot.restart()
        for moment in ("2027-04-06T08:00", "2027-04-13T08:00", "2027-05-03T08:00"):
            traveller.move_to(oslo(moment))
            bot.daemon.tick()
            bot.run()
        assert {k: v for k, v in sent_to(bot).items() if k in expected} == expected
        archived = [parse(p.read_bytes()) for p in bot.sender.paths()
                    if parse(p.read_bytes())["To"] == ARCHIVE]
        assert len(archived) == 1 and ref in archived[0]["Subject"] and "COUNCIL" in archived[0]["Subject"]
        assert not bot.store.queued() and not bot.store.sending()


def test_follow_up_points_sent_after_the_referat_go_to_the_archive_too_once(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False) as traveller:
        bot, ref, request = requested(chase_bot, traveller)
        traveller.move_to(oslo("2027-04-01T14:00"))
        assert bot.receive(reply(request, SUBSTANCE)).outcome is Outcome.REFERAT
        assert bot.store.get(ref).follow_ups == ()
        (_, receipt), = bot.mails("receipt-referat")
        later = reply(receipt, "Oppfølgingspunkter:\n- INE svarer JD innen 20. april. Ansvarlig: Anne Adviser\n",
                      message_id="<r2@udi.no>")
        assert bot.receive(later).outcome is Outcome.FOLLOW_UP
        point, = bot.store.get(ref).follow_ups
        assert (point.number, point.responsible, point.due.isoformat()) == (1, "Anne Adviser", "2027-04-20")
        bot.receive(later)  # delivered twice
        assert len(bot.mails("archive-referat")) == 1 and len(bot.mails("archive-follow_up")) == 1
        (_, supplement), = bot.mails("archive-follow_up")
        assert supplement["Subject"].startswith(f"Oppfølgingspunkter til referat til arkivet: {ref} COUNCIL")
        assert len(bot.mails("forward-follow_up")) == 1
