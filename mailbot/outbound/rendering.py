"""Mail texts from jinja2 templates, one folder per language, as plain text and HTML.

``templates/`` holds a folder per language (``nb``, ``en``) and ``common/`` for what all share.
A mail ``NAME`` is ``NAME.txt.j2``, with the subject line in ``NAME.subject.j2`` where the mail
is not a reply; its HTML part is derived from the text through one shared layout
(:mod:`mailbot.outbound.marks`) unless the language folder has a ``NAME.html.j2`` of its own (the
weekly summary). A name is looked up in the language's folder, then in the default language's
(bokmål), then in ``common/``, so a language without a folder gets bokmål and a language folder
need only hold what it says differently (GNU Mailman's i18n ``search`` is the model). The words
code needs (dates, labels) come from ``labels.toml`` beside the templates
(:mod:`mailbot.outbound.labels`). Untrusted text (subjects, bodies, names) reaches templates only
as variables: HTML autoescapes, and StrictUndefined turns a missing variable into an error
instead of an empty string. Times are shown in Oslo time, with the meeting's own time beside it
when the venue's zone differs.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_percent
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, select_autoescape

from mailbot.config.resources import shipped
from mailbot.model import OSLO, Meeting
from mailbot.outbound import labels as _labels
from mailbot.outbound.labels import Labels
from mailbot.outbound.marks import MARKS, as_html, finalize

COMMON = "common"  # the folder of what all languages share (layout, building blocks)


def labels(language: str, folder: Path | None = None) -> Labels:
    """The words of ``language`` (``templates/LANG/labels.toml``, bokmål for what it lacks) from
    ``folder``, by default the shipped templates: ``labels("en")["changes"]["time"] == "Time"``."""
    return _labels.load(Path(folder) if folder else shipped("templates"), language)


@dataclass(frozen=True)
class Rendered:
    """A rendered mail body in both forms."""

    text: str
    html: str
    subject: str = ""


class Renderer:
    """Renders ``NAME.{txt,html,subject}.j2`` from a folder of language folders (``templates/``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._environments: dict[str, Environment] = {}

    def language(self, language: str) -> str:
        """``language`` when ``folder`` has a folder for it, else the default language."""
        return _labels.chain(self.folder, language)[0]

    def labels(self, language: str) -> Labels:
        """The words of ``language`` (see :func:`labels`), from this renderer's folder."""
        return labels(language, self.folder)

    def environment(self, language: str) -> Environment:
        """The jinja2 environment of ``language``: its folder, then the default language's, then common/."""
        language = self.language(language)
        if language not in self._environments:
            chain = (*_labels.chain(self.folder, language), COMMON)
            env = Environment(
                loader=FileSystemLoader([str(self.folder / name) for name in chain]),
                autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
                undefined=StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=True,
                finalize=finalize,
            )
            env.filters.update(short=functools.partial(short, folder=self.folder),
                               day=functools.partial(day, folder=self.folder),
                               percent=functools.partial(percent, folder=self.folder), first_name=first_name)
            env.globals.update(MARKS, labels=self.labels(language))
            self._environments[language] = env
        return self._environments[language]

    def render(self, template: str, language: str, **context) -> Rendered:
        """Render ``template`` in ``language`` (falling back to bokmål); raises jinja2 errors on bugs.

        The HTML part is ``NAME.html.j2`` when the folder of ``NAME.txt.j2`` has one, else the
        text template rendered for HTML (see :mod:`mailbot.outbound.marks`) in ``_mail.html.j2``.
        """
        language = self.language(language)
        env = self.environment(language)
        context = {"lang": language, **context}
        text_template = env.get_template(f"{template}.txt.j2")
        text = text_template.render(context, part="text")
        try:
            subject = " ".join(env.get_template(f"{template}.subject.j2").render(context).split())
        except TemplateNotFound:
            subject = ""
        if Path(text_template.filename or "").with_name(f"{template}.html.j2").is_file():
            html = env.get_template(f"{template}.html.j2").render(context)
        else:
            body = as_html(text_template.render(context, part="html"))
            html = env.get_template("_mail.html.j2").render(context, html_title=subject or context.get("ref") or "",
                                                             html_body=body)
        return Rendered(text, html, subject)


def meeting_times(meeting: Meeting, language: str) -> dict[str, str | None]:
    """The meeting's time for people: ``oslo`` (always) and ``local`` (when the venue differs).

    E.g. {"oslo": "tirsdag 23. februar 2027 kl. 09:00–16:00",
          "local": "tirsdag 23. februar 2027 kl. 10:00–17:00"} for a meeting in Tallinn.
    """
    words = labels(language)
    if meeting.all_day:
        first = meeting.start.astimezone(meeting.zone).date()
        last = (meeting.end.astimezone(meeting.zone) - timedelta(days=1)).date()
        day = format_date(first, "full", locale=words.locale)
        text = day if last == first else f"{day} – {format_date(last, 'full', locale=words.locale)}"
        return {"oslo": f"{text} ({words['dates']['all_day']})", "local": None}
    oslo = _span(meeting.start, meeting.end, OSLO, words)
    zone = ZoneInfo(meeting.timezone) if meeting.timezone else OSLO
    differs = meeting.start.astimezone(zone).utcoffset() != meeting.start.astimezone(OSLO).utcoffset()
    local = _span(meeting.start, meeting.end, zone, words) if differs else None
    return {"oslo": oslo, "local": local}


def command_time(meeting: Meeting) -> str:
    """The meeting's time as a TID/TIME command takes it (Oslo time): "20.01.2027 10:00-12:30";
    the days of an all-day meeting: "09.03.2027" or "09.03.2027 - 10.03.2027"."""
    if meeting.all_day:
        first, last = meeting.start.astimezone(meeting.zone).date(), meeting.end.astimezone(meeting.zone).date()
        last -= timedelta(days=1)
        return f"{first:%d.%m.%Y}" + (f" - {last:%d.%m.%Y}" if last > first else "")
    start = meeting.start.astimezone(OSLO)
    end = meeting.end.astimezone(OSLO) if meeting.end else None
    written = f"{start:%d.%m.%Y %H:%M}"
    if end is not None and end > start:
        written += f"-{end:%H:%M}" if end.date() == start.date() else f" - {end:%d.%m.%Y %H:%M}"
    return written


def _span(start: datetime, end: datetime, zone: ZoneInfo, words: Labels) -> str:
    dates, locale = words["dates"], words.locale
    pattern = f"{dates['weekday']} {dates['time']}"
    start_local, end_local = start.astimezone(zone), end.astimezone(zone)
    first = format_datetime(start_local, pattern, tzinfo=zone, locale=locale)
    if end_local == start_local:
        return first
    if end_local.date() == start_local.date():
        return f"{first}–{format_time(end_local, dates['clock'], tzinfo=zone, locale=locale)}"
    return f"{first} – {format_datetime(end_local, pattern, tzinfo=zone, locale=locale)}"


def first_name(name: str) -> str:
    """The first name in a display name, as a greeting uses it: "Kari" of "Kari Nordmann" and of
    Outlook's "Nordmann, Kari"; the whole name when it is one word."""
    family, comma, given = name.partition(",")
    words = (given if comma and given.strip() else family).split()
    return words[0] if words else name


def day(moment: datetime, language: str, folder: Path | None = None) -> str:
    """A date in Oslo time for people ("21. januar 2027" / "21 January 2027")."""
    words = labels(language, folder)
    return format_date(moment.astimezone(OSLO).date(), words["dates"]["day"], locale=words.locale)


def short(moment: datetime, language: str, with_time: bool = True, folder: Path | None = None) -> str:
    """A moment in Oslo time for tables: "ons. 10. feb. 10:00" / "Wed 10 Feb 10:00"
    (without the time when ``with_time`` is false)."""
    words = labels(language, folder)
    pattern = words["dates"]["short"] + (" HH:mm" if with_time else "")
    return format_datetime(moment.astimezone(OSLO), pattern, tzinfo=OSLO, locale=words.locale)


def percent(share: float, language: str, folder: Path | None = None) -> str:
    """A share (0.0–1.0) as a whole percentage for people: "83 %" / "83%"."""
    return format_percent(share, locale=labels(language, folder).locale)
