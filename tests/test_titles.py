"""A record is named for the meeting: invitation wording and the date and time (shown on their
own line) are left out of its title; the title as written stays in the record's history."""
import pytest
import time_machine
from helpers import invitation, oslo, text_of

from mailbot.parsing.titles import meeting_name


@pytest.mark.parametrize("written, name", [
    ("Invitation – 121st EMN NCP Meeting, 9 February 2027", "121st EMN NCP Meeting"),
    ("Invitation: Pre-return Activities Network meeting, Warsaw, 16-17 March 2027",
     "Pre-return Activities Network meeting, Warsaw"),
    ("Invitasjon til møte i Nordisk samrådsgruppe 14. april 2027 kl. 10:00–16:00", "Møte i Nordisk samrådsgruppe"),
    ("Save the date: GDISC Annual Conference", "GDISC Annual Conference"),
    ("Einladung: EMN-Fachkonferenz „Migration und Arbeitsmarkt 2030“ am 17. Juni 2027 in Nürnberg",
     "EMN-Fachkonferenz „Migration und Arbeitsmarkt 2030“ in Nürnberg"),
    ("Invitation à la réunion du groupe Dublin", "La réunion du groupe Dublin"),
    ("Invitation - Réunion thématique du Processus de Rabat (Dakar, 8-9 juin 2027)",
     "Réunion thématique du Processus de Rabat (Dakar)"),
    ("ETIAS end-to-end night test with National Units – 12/13 February",
     "ETIAS end-to-end night test with National Units"),
    ("EMN Norge-konferansen 2027 – invitasjon", "EMN Norge-konferansen 2027"),
    ("Visumarbeidsgruppen (blandet komité) tirsdag 9/3", "Visumarbeidsgruppen (blandet komité)"),
    # a year, a month alone, an ordinal are part of the name; nothing else left: the title as written
    ("EMN Annual Conference 2027", "EMN Annual Conference 2027"),
    ("EMN Return Expert Group – monthly online exchange (Jan–Jun 2027)",
     "EMN Return Expert Group – monthly online exchange (Jan–Jun 2027)"),
    ("4th Cooperation Committee – EEA Grants Portugal", "4th Cooperation Committee – EEA Grants Portugal"),
    ("Invitation 14 April 2027", "Invitation 14 April 2027"),
])
def test_the_meeting_name_leaves_out_invitation_wording_and_the_date(written, name):
    assert meeting_name(written) == name


def test_the_record_is_named_for_the_meeting_and_keeps_the_title_as_written(chase_bot):
    written = "Invitasjon til møte i Nordisk samrådsgruppe 14. april 2027 kl. 10:00–16:00"
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(invitation(written, "onsdag 14. april 2027 kl. 10.00–16.00", "<t1@udi.no>")).ref
        record = bot.store.get(ref)
        assert record.meeting.title == "Møte i Nordisk samrådsgruppe"
        assert [(e.type, e.detail) for e in record.events] == [("received-invitation", ""),
                                                              ("title-original", written)]
        (_, reply), = bot.mails("reply-registered")
        assert reply["Subject"] == f"Re: Møte i Nordisk samrådsgruppe [{ref}]"
        assert "Møte:       Møte i Nordisk samrådsgruppe" in text_of(reply).splitlines()
        # the same invitation again is the same meeting: a duplicate, no second record
        again = bot.receive(invitation(written, "onsdag 14. april 2027 kl. 10.00–16.00", "<t2@udi.no>"))
        assert (again.ref, len(bot.store.records())) == (ref, 1)


def test_a_title_without_invitation_wording_is_kept_with_no_extra_history(chase_bot):
    with time_machine.travel(oslo("2027-03-01T09:00"), tick=False):
        bot = chase_bot()
        ref = bot.receive(invitation("Arbeidsgruppen for grenser", "onsdag 24. mars 2027 kl. 10.00–12.00",
                                     "<t3@udi.no>")).ref
        record = bot.store.get(ref)
        assert record.meeting.title == "Arbeidsgruppen for grenser"
        assert [e.type for e in record.events] == ["received-invitation"]
