"""The templates: one folder per language with a fallback to bokmål, the HTML part derived from
the text part, the words code needs in each language's labels.toml."""
import email
import shutil
from datetime import UTC, datetime
from email import policy

import html5lib
import pytest
from helpers import ROOT
from summary_sample import NOW, STAFF, fill, write_directory

from mailbot import app
from mailbot.config.settings import Config, StoreConfig, SummaryConfig, UnitConfig
from mailbot.outbound.rendering import Renderer, day
from mailbot.records.store import Store

TEMPLATES = ROOT / "templates"
MEETING = {"title": "Arbeidsgruppen for grenser", "forum": "Rådsarbeidsgruppen for grenser",
           "oslo": "onsdag 24. mars 2027 kl. 09:00–11:00", "local": "onsdag 24. mars 2027 kl. 10:00–12:00",
           "location": "Justus Lipsius, Brussel", "online": False, "timezone": "Europe/Tallinn",
           "organizer": None, "zone_city": "Tallinn"}
STATUS = {"ref": "INE-2027-0001", "title": "Arbeidsgruppen for grenser", "when": "onsdag 24. mars 2027",
          "participant": "kari.nordmann@udi.no", "state": "awaiting_referat", "next": "reminder-2",
          "next_at": "2027-04-02 08:00", "paused": False, "referat": ""}
RECORD = {"ref": "INE-2027-0001", "title": "Arbeidsgruppen for grenser", "participant": "kari.nordmann@udi.no",
          "state": "awaiting_referat", "day": "24. mars 2027"}
# Each kind with its context, and what its text and its HTML must say in bokmål and in English.
KINDS = {
    "reply": ({"outcome": "registered", "name": "Kari", "meeting": MEETING, "changes": [], "held": False, "doubt": (),
               "previous": None, "consultation": [{"label": "Politisk sensitivt tema", "excerpt": "asyl"}]},
              {"nb": ["Takk! Deltakelsen din er registrert", "!!! DEPARTEMENTET SKAL KONSULTERES FØR MØTET "
                      "(IM 2011-013 punkt 3.2) !!!", "Referanse:  INE-2027-0042", "Arrangør:   ikke oppgitt"],
               "en": ["Thank you! Your participation is registered", "!!! THE MINISTRY MUST BE CONSULTED BEFORE "
                      "THE MEETING (IM 2011-013 section 3.2) !!!", "Reference:  INE-2027-0042",
                      "Organiser:  not given"]},
              {"nb": ["med referanse <strong>INE-2027-0042</strong>", 'font-weight:bold;">Departementet skal '
                      "konsulteres før møtet (IM 2011-013 punkt 3.2)</p>", "<li>Politisk sensitivt tema («asyl»)</li>",
                      '<td style="font-weight:bold;background:#f3f5f7;">Arrangør</td><td>ikke oppgitt</td>',
                      "<li><strong>Norske posisjoner:</strong> sett deg inn"],
               "en": ["as <strong>INE-2027-0042</strong>", 'font-weight:bold;">The ministry must be consulted '
                      "before the meeting (IM 2011-013 section 3.2)</p>", "(local time, Tallinn)</td>",
                      "<li><strong>Norwegian positions:</strong> know"]}),
    "chase": ({"step": "escalation", "number": 2, "reminders": 2, "name": "Kari", "meeting": MEETING,
               "participant": "kari@udi.no", "earlier": ["30. mars 2027"], "manager": True, "business_days": 7,
               "next_step": "", "next_day": ""},
              {"nb": ["7 virkedager", "  AVLYS INE-2027-0042                  møtet ble ikke holdt"],
               "en": ["7 business days", "  CANCEL INE-2027-0042               the meeting did not take place"]},
              {"nb": ["<strong>7 virkedager</strong>",
                      "<li><code>AVLYS INE-2027-0042</code>: møtet ble ikke holdt</li>",
                      "<li><code>UNNTAK INE-2027-0042 &lt;begrunnelse&gt;</code>: unntak fra referatplikten"],
               "en": ["<strong>7 business days</strong>", "<li><code>CANCEL INE-2027-0042</code>: the meeting did "
                      "not take place</li>"]}),
    "manual": ({"name": None, "original_subject": "Innkalling", "reason": "no_meeting_time"},
               {"nb": ["(vi fant ikke når møtet skal holdes)"], "en": ["(we found no date and time for the meeting)"]},
               {"nb": ["(vi fant ikke når møtet skal holdes)"], "en": ["(we found no date and time for the meeting)"]}),
    "notice": ({"kind": "exempted", "name": "Kari", "meeting": MEETING, "reason": "Møtet ble holdt på fransk",
                "previous": "", "new": ""},
               {"nb": ["Begrunnelse: Møtet ble holdt på fransk"], "en": ["Reason: Møtet ble holdt på fransk"]},
               {"nb": ["Begrunnelse: Møtet ble holdt på fransk"], "en": ["Reason: Møtet ble holdt på fransk"]}),
    "receipt": ({"kind": "referat", "name": "Kari", "meeting": MEETING, "documents": ["referat.docx"],
                 "follow_up": ["INE svarer JD."], "stakeholders": []},
                {"nb": ["Takk! Referatet fra «Arbeidsgruppen for grenser»", "- INE svarer JD."],
                 "en": ['Thank you! The minutes of "Arbeidsgruppen for grenser"', "- INE svarer JD."]},
                {"nb": ["<li>INE svarer JD.</li>"], "en": ["<li>INE svarer JD.</li>"]}),
    "forward": ({"kind": "follow_up", "name": "Kari", "meeting": MEETING, "text": "",
                 "follow_up": ["INE svarer JD."], "documents": []},
                {"nb": ["Til interessentene for Rådsarbeidsgruppen for grenser"],
                 "en": ["To the stakeholders of Rådsarbeidsgruppen for grenser"]},
                {"nb": ["<li>INE svarer JD.</li>", ">Forum</td><td>Rådsarbeidsgruppen for grenser</td>"],
                 "en": ["<li>INE svarer JD.</li>", ">Forum</td><td>Rådsarbeidsgruppen for grenser</td>"]}),
    "archive": ({"kind": "referat", "meeting": MEETING, "forum_code": "COUNCIL", "forum": "Rådsarbeidsgrupper i EU",
                 "participant": "kari.nordmann@udi.no", "name": "Kari Nordmann", "received": "1. april 2027",
                 "sender": "kari.nordmann@udi.no", "text": "Arbeidsgruppen drøftet tidsplanen.",
                 "documents": ["referat.docx"], "invitations": ["<inv@udi.no>"], "notes": [],
                 "points": [{"number": 1, "text": "INE svarer JD.", "responsible": "Anne", "due": "15.04.2027",
                             "done": False}], "reasons": [{"rule": "budget", "excerpt": "budsjett"}]},
                {"nb": ["1. INE svarer JD. (ansvarlig: Anne) (frist: 15.04.2027)", "Vedlagt: referat.docx."],
                 "en": ["1. INE svarer JD. (responsible: Anne) (due: 15.04.2027)", "Attached: referat.docx."]},
                {"nb": ["<li>INE svarer JD. (ansvarlig: Anne) (frist: 15.04.2027)</li>"],
                 "en": ["<li>INE svarer JD. (responsible: Anne) (due: 15.04.2027)</li>"]}),
    "command": ({"results": [{"line": "STATUS", "code": "status_list", "ref": None, "records": [STATUS],
                              "total": 1, "more": False}]},
                {"nb": ["status: venter på referat; neste: påminnelse 2 2027-04-02 08:00"],
                 "en": ["state: awaiting minutes; next: reminder 2 2027-04-02 08:00"]},
                {"nb": ["1 åpen sak:<br>"], "en": ["1 open record:<br>"]}),
    "consultation": ({"name": "Kari", "meeting": MEETING, "when": "onsdag 24. mars 2027 kl. 09:00–11:00",
                      "alone": True, "reasons": [{"label": "Politisk sensitivt tema", "excerpt": "asyl"}]},
                     {"nb": ["  - Politisk sensitivt tema («asyl»)", "Det er oppgitt at UDI deltar alene."],
                      "en": ['  - Politisk sensitivt tema ("asyl")', "We were told that UDI attends alone."]},
                     {"nb": ["<li><code>KONSULTERT INE-2027-0042 [merknad]</code>: JD er konsultert</li>"],
                      "en": ["<li><code>CONSULTED INE-2027-0042 [note]</code>: the ministry was consulted</li>"]}),
    "report": ({"kind": "bounce", "recipients": ["kari.nordmann@udi.no"], "purposes": ["request", "reminder-1"],
                "record": RECORD, "lines": [], "sender": ""},
               {"nb": ["forespørselen om referat, påminnelse 1 om referatet.", "står som venter på referat."],
                "en": ["the request for the minutes, reminder 1 about the minutes.", "is awaiting minutes."]},
               {"nb": ["står som venter på referat."], "en": ["is awaiting minutes."]}),
    "health": ({"problems": ["SMTP server smtp.udi.no:587 unreachable since 2027-01-04 10:00 Oslo time (31 min): x",
                             "1 mail(s) queued for more than 120 min: <m@udi.no> (request)"],
                "mailbox": "ine@udi.no", "checked": "2027-01-04 10:31 Oslo time"},
               {"nb": ["fant dette 2027-01-04 10:31 norsk tid:\n\n- SMTP server smtp.udi.no:587 unreachable",
                       "\n- 1 mail(s) queued for more than 120 min: <m@udi.no> (request)\n"],
                "en": ["found this at 2027-01-04 10:31 Oslo time:\n\n- SMTP server smtp.udi.no:587 unreachable",
                       "\n- 1 mail(s) queued for more than 120 min: <m@udi.no> (request)\n"]},
               {"nb": ["<li>1 mail(s) queued for more than 120 min: &lt;m@udi.no&gt; (request)</li></ul>"],
                "en": ["<li>1 mail(s) queued for more than 120 min: &lt;m@udi.no&gt; (request)</li></ul>"]}),
}
FOOTER = {"nb": "Denne e-posten er sendt automatisk.", "en": "This email was sent automatically."}


def render(renderer: Renderer, kind: str, language: str):
    return renderer.render(kind, language, unit="Internasjonal enhet (INE)", ref="INE-2027-0042", **KINDS[kind][0])


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_renders_in_both_languages_with_its_html_derived_from_its_text(kind, language):
    rendered = render(Renderer(TEMPLATES), kind, language)
    _, text_words, html_words = KINDS[kind]
    for words in text_words[language]:
        assert words in rendered.text
    for words in html_words[language]:
        assert words in rendered.html
    assert FOOTER[language] in rendered.text.splitlines()[-1]
    assert f'<html lang="{language}">' in rendered.html
    assert f'<p style="margin-top:24px;color:#666666;font-size:12px;">{FOOTER[language]}' in rendered.html
    html5lib.HTMLParser(strict=True).parse(rendered.html)  # raises on any error
    assert "\x0e" not in rendered.html + rendered.text and "\x10" not in rendered.html + rendered.text


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_weekly_summary_keeps_its_own_html_in_both_languages(tmp_path, language):
    config = Config(store=StoreConfig(path=tmp_path / "store.json"),
                    unit=UnitConfig(advisers=(STAFF,), directory=write_directory(tmp_path)),
                    summary=SummaryConfig(language=language))
    store = Store(config.store.path)
    fill(store)
    mail = app.build(config, store).weekly.mail(NOW, cause="test")
    store.close()
    msg = email.message_from_bytes(mail.raw.encode(), policy=policy.default)
    text, html = msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()
    assert text.startswith({"nb": "UKEOVERSIKT UKE 9", "en": "WEEKLY SUMMARY, WEEK 9"}[language])
    assert {"nb": "<strong>Gjør først</strong>", "en": "<strong>Act on first</strong>"}[language] in html
    assert f'<html lang="{language}">' in html and "<table" in html


def test_a_language_without_a_folder_is_bokmal():
    renderer = Renderer(TEMPLATES)
    rendered = render(renderer, "reply", "de")
    assert rendered.text.startswith("Hei Kari,") and '<html lang="nb">' in rendered.html
    assert "Referanse:  INE-2027-0042" in rendered.text
    assert renderer.language("de") == renderer.language("../en") == "nb"
    assert renderer.labels("de").word("state", "cancelled") == "avlyst"
    assert renderer.labels("en").word("state", "cancelled") == "cancelled"
    assert renderer.labels("en").word("state", "no-such-state") == "no-such-state"


SWEDISH_LABELS = """
[dates]
locale = "sv_SE"
day = "d MMMM y"

[meeting]
reference = "Referens"
title = "Möte"
place = "Plats"
oslo_time = "norsk tid"

[state]
awaiting_referat = "väntar på protokoll"
"""
SWEDISH_MANUAL = """Hej{% if name %} {{ name }}{% endif %},

Tack för ditt mejl{% if original_subject %} "{{ original_subject }}"{% endif %}. Vi kunde inte läsa en kallelse ur det
({{ labels.word("reason", reason) }}).

{{ strong("Internationella enheten (INE) följer upp det.") }}

{{ footer("Detta mejl skickades automatiskt.") }}
"""


def test_a_third_language_is_a_folder_with_labels_and_what_it_says_differently(tmp_path):
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    (folder / "sv").mkdir()
    (folder / "sv" / "labels.toml").write_text(SWEDISH_LABELS, encoding="utf-8")
    (folder / "sv" / "manual.txt.j2").write_text(SWEDISH_MANUAL, encoding="utf-8")
    renderer = Renderer(folder)
    assert renderer.language("sv") == "sv" and Renderer(TEMPLATES).language("sv") == "nb"

    manual = renderer.render("manual", "sv", unit="INE", ref=None, name="Kari", original_subject="Kallelse",
                             reason="no_meeting_time")
    assert manual.text.startswith('Hej Kari,\n\nTack för ditt mejl "Kallelse".')
    assert "(vi fant ikke når møtet skal holdes)" in manual.text  # a reason sv/labels.toml lacks: bokmål's
    assert manual.text.rstrip().endswith("Detta mejl skickades automatiskt.")
    assert '<html lang="sv">' in manual.html  # derived from sv's text through the shared layout
    assert "<p><strong>Internationella enheten (INE) följer upp det.</strong></p>" in manual.html
    assert 'font-size:12px;">Detta mejl skickades automatiskt.</p>' in manual.html

    reply = render(renderer, "reply", "sv")  # no sv/reply.txt.j2: bokmål's text, sv's labels
    assert reply.text.startswith("Hei Kari,")
    # the facts' labels align to the language's longest ("Referens:", "Arrangør:")
    assert "Referens:  INE-2027-0042" in reply.text and "Möte:      Arbeidsgruppen for grenser" in reply.text
    assert "Arrangør:  ikke oppgitt" in reply.text  # a label sv lacks
    assert '>Plats</td><td>Justus Lipsius, Brussel</td>' in reply.html
    command = render(renderer, "command", "sv")
    assert "status: väntar på protokoll; neste: påminnelse 2" in command.text
    moment = datetime(2027, 1, 21, 12, tzinfo=UTC)
    assert day(moment, "sv", folder) == "21 januari 2027" and day(moment, "nb", folder) == "21. januar 2027"


def test_text_from_a_mail_cannot_pose_as_a_mark():
    evil = "\x10<script>alert(1)</script>\x0f \x0e<b>bold</b>\x0f \x0e0\x0f"
    meeting = {**MEETING, "title": evil, "location": evil}
    rendered = Renderer(TEMPLATES).render(
        "reply", "en", unit="INE", ref=evil, outcome="updated", name=evil, meeting=meeting, held=False,
        changes=[{"label": "Place", "old": evil, "new": evil}], consultation=[{"label": evil, "excerpt": evil}],
        previous=None, doubt={"days": [evil], "confirm": evil, "other": evil})
    assert "<script>" not in rendered.html and "<b>" not in rendered.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; 0" in rendered.html
    assert "<strong>&lt;script&gt;" in rendered.html  # the reference is bold, and escaped
    assert not any(c in rendered.text + rendered.html for c in "\x0e\x0f\x10")


def test_a_greeting_uses_the_first_name_and_norwegian_writes_times_with_a_full_stop():
    from mailbot.outbound.rendering import first_name
    assert [first_name(n) for n in ("Kari Nordmann", "Nordmann, Kari", "Kari", "Nordmann,")] == [
        "Kari", "Kari", "Kari", "Nordmann"]
    renderer = Renderer(ROOT / "templates")
    reply = renderer.render("manual", "nb", unit="INE", ref=None, name="Nordmann, Kari", original_subject="x",
                            reason="no_meeting_time")
    assert reply.text.splitlines()[0] == "Hei Kari,"
    start, end = datetime(2027, 3, 24, 11, 0, tzinfo=UTC), datetime(2027, 3, 24, 15, 0, tzinfo=UTC)
    from mailbot.model import Meeting
    from mailbot.outbound.rendering import meeting_times
    meeting = Meeting(title="t", start=start, end=end, timezone="Europe/Oslo")
    assert meeting_times(meeting, "nb")["oslo"] == "onsdag 24. mars 2027 kl. 12.00–16.00"
    assert meeting_times(meeting, "en")["oslo"] == "Wednesday 24 March 2027 12:00–16:00"
