"""Hostile and automatic mail: nothing stops the loop, nothing loops, nothing acts in bulk.

Each attack is followed by an ordinary invitation, which must still be answered; the hostile
message ends in exactly one folder, and records change only where they may.
"""
from __future__ import annotations

import dataclasses
import email
import time
from datetime import UTC, datetime
from email import policy

import pytest
from helpers import forward, invitation, reply

from mailbot import app
from mailbot.config.settings import LimitsConfig
from mailbot.model import Folder, Outcome, State
from mailbot.transports import mime

ORDINARY = invitation("Rådsarbeidsgruppe for grensespørsmål", "onsdag 20. januar 2027 kl. 10.00–12.30",
                      "<ordinary@udi.no>")


def nested_rfc822(levels: int, sender: str = "kari.nordmann@udi.no") -> bytes:
    inner = b"From: x@example.org\r\nSubject: inner\r\n\r\nhello\r\n"
    for _ in range(levels):
        inner = b"From: x@example.org\r\nContent-Type: message/rfc822\r\n\r\n" + inner
    return (f"From: Kari Nordmann <{sender}>\r\nTo: ine@udi.no\r\nSubject: VS: nested\r\n"
            f"Message-ID: <nested-{levels}@udi.no>\r\nDate: Tue, 15 Dec 2026 09:11:00 +0000\r\n").encode() + inner


def nested_multipart(levels: int) -> bytes:
    inner = b"Content-Type: text/plain\r\n\r\nhi\r\n"
    for i in range(levels):
        b = b"b%d" % i
        inner = (b"Content-Type: multipart/mixed; boundary=" + b + b"\r\n\r\n--" + b + b"\r\n" + inner
                 + b"\r\n--" + b + b"--\r\n")
    return (b"From: Kari Nordmann <kari.nordmann@udi.no>\r\nTo: ine@udi.no\r\nSubject: VS: deep\r\n"
            b"Message-ID: <multi@udi.no>\r\nMIME-Version: 1.0\r\n" + inner)


def many_parts(count: int) -> bytes:
    parts = b"".join(b"--x\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(count))
    return (b"From: Kari Nordmann <kari.nordmann@udi.no>\r\nTo: ine@udi.no\r\nSubject: VS: parts\r\n"
            b"Message-ID: <parts@udi.no>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
            + parts + b"--x--\r\n")


def long_line(size: int, sender: str = "kari.nordmann@udi.no") -> bytes:
    return (f"From: <{sender}>\r\nTo: ine@udi.no\r\nSubject: VS: long\r\nMessage-ID: <long-{size}@udi.no>\r\n\r\n"
            ).encode() + b"a" * size


def encoded_words(count: int) -> bytes:
    subject = b"\r\n ".join(b"=?utf-8?q?a?=" for _ in range(count))
    return (b"From: Kari Nordmann <kari.nordmann@udi.no>\r\nTo: ine@udi.no\r\nSubject: " + subject
            + b"\r\nMessage-ID: <words@udi.no>\r\n\r\nhello\r\n")


def answered_after(bot, hostile: bytes) -> tuple:
    """Deliver ``hostile`` then an ordinary invitation; run once; both handled within 10 s."""
    bot.deliver(hostile, "1-hostile")
    bot.deliver(ORDINARY, "2-ordinary")
    started = time.monotonic()
    done = bot.run()
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"{elapsed:.1f} s"
    assert [m.id.rsplit("/", 1)[-1] for m, _ in done] == ["1-hostile", "2-ordinary"]
    (_, first), (_, second) = done
    assert second.outcome is Outcome.REGISTERED
    return first, second


@pytest.mark.parametrize("hostile, problem", [
    (nested_rfc822(1000), "nested"), (nested_multipart(1000), "nested"), (many_parts(10_000), "parts"),
    (long_line(2_000_000), "line"), (encoded_words(100_000), "header field"), (encoded_words(40_000), "header field")])
def test_a_too_complex_message_goes_to_a_human_and_the_next_invitation_is_answered(bot, hostile, problem):
    first, _ = answered_after(bot, hostile)
    assert (first.folder, first.outcome) == (Folder.NEEDS_ATTENTION, Outcome.NOT_UNDERSTOOD)
    assert problem in bot.store.handled(first.key).detail or first.detail == "too_complex"
    assert len(bot.folder("needs-attention")) == 1 and len(bot.folder("processed")) == 1
    told = [r for r in bot.replies() if "kari.nordmann@udi.no" in str(r["To"]) and "[INE-" not in str(r["Subject"])]
    assert len(told) == 1  # a staff sender is told in one short mail, and only once
    assert len(bot.replies()) == 2


def test_a_too_complex_message_from_outside_gets_nothing(bot):
    first, _ = answered_after(bot, nested_rfc822(1000, sender="someone@example.org"))
    assert first.folder is Folder.NEEDS_ATTENTION
    assert [str(r["To"]) for r in bot.replies()] == ["kari.nordmann@udi.no"]  # the ordinary reply alone


def test_a_maildir_message_above_the_size_limit_is_not_read_whole(bot, monkeypatch):
    source = bot.daemon.source
    monkeypatch.setattr(source, "max_message_bytes", 1_000_000)
    first, _ = answered_after(bot, long_line(3_000_000))
    assert (first.folder, first.outcome) == (Folder.NEEDS_ATTENTION, Outcome.NOT_UNDERSTOOD)
    assert bot.store.handled(first.key).detail == "too_large"


def test_whatever_raises_is_filed_in_failed_without_a_second_parse_and_the_loop_goes_on(bot, monkeypatch):
    invitations = bot.daemon.pipeline.invitations
    original, calls = invitations.handle, []

    def broken(msg, raw, key, now):
        calls.append(key)
        if key == "<test-1@udi.no>":
            raise RecursionError("maximum recursion depth exceeded")
        return original(msg, raw, key, now)

    monkeypatch.setattr(invitations, "handle", broken)
    first, _ = answered_after(bot, forward())
    assert (first.folder, first.outcome) == (Folder.FAILED, Outcome.FAILED)
    assert "RecursionError" in bot.store.handled("<test-1@udi.no>").detail
    assert calls == ["<test-1@udi.no>", "<ordinary@udi.no>"]
    assert len(bot.folder("failed")) == 1


def test_a_message_over_its_time_budget_goes_to_failed(bot, monkeypatch):
    pipeline = bot.daemon.pipeline
    monkeypatch.setattr(pipeline, "config", dataclasses.replace(
        pipeline.config, limits=LimitsConfig(message_seconds=0.5)))
    parse = pipeline.invitations.parser.parse

    def slow(raw, received=None, loaded=None):
        if b"<test-1@udi.no>" in raw:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:  # busy, as a pathological input would be
                pass
        return parse(raw, received=received, loaded=loaded)

    monkeypatch.setattr(pipeline.invitations.parser, "parse", slow)
    first, _ = answered_after(bot, forward())
    assert first.folder is Folder.FAILED
    assert "longer than 0.5 s" in bot.store.handled("<test-1@udi.no>").detail


@pytest.mark.parametrize("headers", [{"X-Autoreply": "yes"}, {"Precedence": "auto_reply"},
                                     {"X-Autorespond": "vacation"}, {"X-Precedence": "bulk"},
                                     {"X-Auto-Response-Suppress": "All"}, {"Return-Path": "<MAILER-DAEMON@udi.no>"}])
def test_legacy_automatic_replies_in_a_thread_are_never_answered_nor_taken_as_the_participants(chase_bot, headers):
    bot = chase_bot()
    registered = bot.receive(invitation("Møte i arbeidsgruppen", "onsdag 20. januar 2027 kl. 10.00–12.30",
                                        "<inv-1@udi.no>"))
    [(_, checklist)] = bot.mails()
    before = bot.store.get(registered.ref)
    result = bot.receive(reply(checklist, "Jeg er på ferie til 25. januar.", message_id="<auto-1@udi.no>",
                               headers=headers))
    assert result.outcome in (Outcome.PAUSED, Outcome.AUTOMATIC)
    assert len(bot.mails()) == 1  # nothing sent back
    after = bot.store.get(registered.ref)
    assert [e.type for e in after.events if e.type == "received-reply"] == []
    assert after.state is before.state


@pytest.mark.parametrize("subject", ["Automatiskt svar: Möte", "Autosvar: Møde", "Abwesenheitsnotiz: Sitzung",
                                     "Automatische Antwort: Sitzung", "Réponse automatique : Réunion",
                                     "Fraværsmelding: Møte", "Out of Office: Meeting", "Auto-Reply: Meeting"])
def test_out_of_office_subjects_in_six_languages_are_automatic(subject):
    from mailbot.inbound.guards import automatic_reason
    msg = email.message_from_string(f"From: a@udi.no\nSubject: {subject}\n\nx", policy=policy.default)
    assert automatic_reason(msg, "a@udi.no") == "automatic reply (subject)"


def test_an_echo_correspondent_gets_at_most_the_daily_limit(chase_bot):
    bot = chase_bot()
    bot.receive(invitation("Møte i arbeidsgruppen", "onsdag 20. januar 2027 kl. 10.00–12.30", "<inv-1@udi.no>",
                           sender="Helpdesk <helpdesk@udi.no>"))
    for round_ in range(50):  # answers every mail it gets, with no automatic-mail header
        last = max(bot.mails(), key=lambda pair: pair[0].sent_at or datetime.min.replace(tzinfo=UTC))[1]
        bot.receive(reply(last, "Takk, saken er mottatt hos helpdesk.", sender="Helpdesk <helpdesk@udi.no>",
                          message_id=f"<echo-{round_}@udi.no>"))
    to_helpdesk = [m for m, _ in bot.mails() if "helpdesk@udi.no" in m.recipients]
    assert len(to_helpdesk) <= LimitsConfig().mails_per_address
    reports = [m for m, _ in bot.mails("report-limited")]
    assert len(reports) == 1  # the unit is told once a day
    assert all("helpdesk@udi.no" not in m.recipients for m in reports)


def test_a_mail_with_more_command_lines_than_the_limit_changes_nothing(chase_bot):
    bot = chase_bot()
    registered = bot.receive(invitation("Møte i arbeidsgruppen", "onsdag 20. januar 2027 kl. 10.00–12.30",
                                        "<inv-1@udi.no>"))
    record = bot.store.get(registered.ref)
    lines = "\n".join([f"AVLYS {registered.ref}"] + [f"STATUS {registered.ref}"] * 49)
    result = bot.receive(forward(subject="kommandoer", sender="Kari Nordmann <kari.nordmann@udi.no>", body=lines,
                                 message_id="<fifty@udi.no>"))
    assert (result.folder, result.outcome) == (Folder.NEEDS_ATTENTION, Outcome.REFUSED)
    assert bot.store.get(registered.ref) == record  # not cancelled, no event added
    answers = bot.mails("command-answer")
    assert len(answers) == 1
    assert "50" in answers[0][1].get_body(("plain",)).get_content()


def test_attachment_names_are_cleaned_and_the_referat_is_accepted(chase_bot):
    import time_machine
    bot = chase_bot(stakeholders=("stakeholder@udi.no",))
    registered = bot.receive(invitation("Møte i arbeidsgruppen", "onsdag 20. januar 2027 kl. 10.00–12.30",
                                        "<inv-1@udi.no>"))
    [(_, checklist)] = bot.mails()
    names = ["../../etc/referat.docx", "refer\x00at.docx", "a" * 300 + ".docx"]
    docx = _docx_bytes("Referat fra møtet. Oppfølgingspunkter: INE følger opp saken.")
    raw = reply(checklist, "Referat vedlagt.", message_id="<ref-1@udi.no>",
                attachments=tuple((name, "application/octet-stream", docx) for name in names))
    raw = raw.replace(b'filename="../../etc/referat.docx"',
                      b"filename*=utf-8''evil%0D%0ABcc%3A%20x%40example.org.docx")
    with time_machine.travel(datetime(2027, 1, 21, 9, 0, tzinfo=UTC), tick=False):
        result = bot.receive(raw)
    assert result.outcome is Outcome.REFERAT
    record = bot.store.get(registered.ref)
    assert record.state is State.REFERAT_RECEIVED
    assert len(record.referat.attachments) == 3
    for name in record.referat.attachments:
        assert len(name) <= 100 and "/" not in name and not name.startswith(".")
        assert all(ch.isprintable() for ch in name)
    forwarded = [m for m, _ in bot.mails("forward-referat")]
    assert len(forwarded) == 1 and forwarded[0].recipients == ("stakeholder@udi.no",)
    assert b"Bcc: x@example.org" not in forwarded[0].raw.encode()


def _docx_bytes(text: str) -> bytes:
    import io

    import docx
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.imap
def test_a_deeply_nested_message_over_imap_ends_in_needs_attention_and_the_loop_goes_on(mailbox):
    mailbox.append(nested_rfc822(1000))
    mailbox.append(ORDINARY)
    with app.daemon(mailbox.config()) as daemon:
        done = daemon.run_once()
    assert [r.outcome for _, r in done] == [Outcome.NOT_UNDERSTOOD, Outcome.REGISTERED]
    assert len(mailbox.folder("needs-attention")) == 1 and len(mailbox.folder("processed")) >= 1
    inbox = mailbox.folder("INBOX")  # only copies of mailbot's own mail come back there
    assert all(m.startswith(b'From: "Internasjonal enhet (INE)" <ine@udi.no>') for m in inbox)
    assert len(mailbox.replies()) == 2  # the short notice to the staff sender and the checklist reply


def test_a_state_changing_answer_says_how_to_undo_it_and_reopen_undoes_an_exemption(chase_bot):
    from helpers import STAFF
    bot = chase_bot()
    registered = bot.receive(invitation("Møte i arbeidsgruppen", "onsdag 20. januar 2027 kl. 10.00–12.30",
                                        "<inv-1@udi.no>"))
    bot.receive(forward(subject="unntak", sender=STAFF, body=f"UNNTAK {registered.ref} avtalt med INE",
                        message_id="<exempt@udi.no>"))
    assert bot.store.get(registered.ref).state is State.EXEMPTED
    answer = bot.mails("command-answer")[-1][1].get_body(("plain",)).get_content()
    assert f"Angre: GJENÅPNE {registered.ref}" in answer
    bot.receive(forward(subject="gjenåpne", sender=STAFF, body=f"GJENÅPNE {registered.ref}",
                        message_id="<reopen@udi.no>"))
    record = bot.store.get(registered.ref)
    assert record.state is State.REGISTERED and record.due_at is not None
    assert [e.type for e in record.events][-2:] == ["exempted", "reopened"]
    answer = bot.mails("command-answer")[-1][1].get_body(("plain",)).get_content()
    assert f"Gjenåpnet: {registered.ref}" in answer


def test_a_zip_bomb_as_the_referat_document_is_not_unpacked():
    import io
    import zipfile

    from mailbot.inbound import documents
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * 200_000_000 + b">")
    started = time.monotonic()
    assert documents.text(documents.DOCX, buffer.getvalue()) == ""
    assert time.monotonic() - started < 2


def test_headers_are_parsed_once_but_a_long_one_is_not_kept():
    message = b"Subject: hello\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbody\r\n"
    first, second = mime.load(message), mime.load(message)
    assert first["Content-Type"] is second["Content-Type"] and first.get_content_charset() == "utf-8"
    assert first["Subject"] == email.message_from_bytes(message, policy=policy.default)["Subject"]
    long = mime.load(b"Subject: " + b"x" * 2000 + b"\r\n\r\nbody\r\n")
    assert long["Subject"] == "x" * 2000 and long["Subject"] is not long["Subject"]


@pytest.mark.parametrize("name", [b"=?\x80utf-8?q?Kari_=C3=98kland?=", b"=?\x80utf-8?q?Kari_=D8kland?=",
                                  b"=?utf-\xff8?b?S2FyaQ==?="])
def test_an_encoded_word_with_a_charset_name_that_is_not_ascii_still_gives_the_sender(name):
    from mailbot.transports import mime
    msg = email.message_from_bytes(b"From: " + name + b" <kari.okland@udi.no>\r\nSubject: x\r\n\r\nhi\r\n",
                                   policy=policy.compat32)
    display, address = mime.first_address(msg, "From")
    assert address == "kari.okland@udi.no"
    assert display.startswith("Kari")
