"""Mail texts from jinja2 templates, in Norwegian bokmål or English, as plain text and HTML.

Templates live in ``templates/`` as ``NAME.LANG.txt.j2`` and ``NAME.LANG.html.j2``, with the
subject line in ``NAME.LANG.subject.j2`` where the mail is not a reply. Untrusted
text (subjects, bodies, names) reaches them only as variables: HTML templates autoescape, and
StrictUndefined turns a missing variable into an error instead of an empty string. Times are
shown in Oslo time, with the meeting's own time beside it when the venue's zone differs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_percent
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from mailbot.model import OSLO, Meeting

LOCALES = {"nb": "nb_NO", "en": "en_GB"}


@dataclass(frozen=True)
class Rendered:
    """A rendered mail body in both forms."""

    text: str
    html: str
    subject: str = ""


class Renderer:
    """Renders ``NAME.LANG.{txt,html}.j2`` templates from one folder."""

    def __init__(self, folder: Path) -> None:
        self.env = Environment(
            loader=FileSystemLoader(str(folder)),
            autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["as_html"] = as_html
        self.env.filters["short"] = short
        self.env.filters["day"] = day
        self.env.filters["percent"] = percent

    def render(self, template: str, language: str, **context) -> Rendered:
        """Render ``template`` in ``language`` ('nb' or 'en'); raises jinja2 errors on bugs."""
        language = language if language in LOCALES else "nb"
        context = {"lang": language, **context}
        text = self.env.get_template(f"{template}.{language}.txt.j2").render(context)
        html = self.env.get_template(f"{template}.{language}.html.j2").render(context)
        subject = ""
        if f"{template}.{language}.subject.j2" in self.env.list_templates():
            subject = " ".join(self.env.get_template(f"{template}.{language}.subject.j2").render(context).split())
        return Rendered(text, html, subject)


def as_html(text: str) -> Markup:
    """A plain-text mail body as HTML, escaped: paragraphs at blank lines, lines starting with
    "- " as list items, a line starting in lower case joined to the one before (the text's own
    wrapping), other line breaks kept. Lets an HTML template show its text twin."""
    parts: list[str] = []
    for block in re.split(r"\n\s*\n", str(text).strip()):
        lines: list[str] = []
        items: list[str] = []
        for line in block.splitlines():
            if line.lstrip().startswith("- "):
                parts, lines = parts + _paragraph(lines), []
                items.append(line.lstrip()[2:])
            elif items and line.startswith("  "):  # a list item's second line
                items[-1] += " " + line.strip()
            else:
                parts, items = parts + _list(items), []
                if lines and line[:1].islower():
                    lines[-1] += " " + line.strip()
                else:
                    lines.append(line.strip())
        parts += _paragraph(lines) + _list(items)
    return Markup("\n".join(parts))


def _paragraph(lines: list[str]) -> list[str]:
    return ["<p>" + "<br>\n".join(str(escape(line)) for line in lines) + "</p>"] if lines else []


def _list(items: list[str]) -> list[str]:
    return ["<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"] if items else []


def meeting_times(meeting: Meeting, language: str) -> dict[str, str | None]:
    """The meeting's time for people: ``oslo`` (always) and ``local`` (when the venue differs).

    E.g. {"oslo": "tirsdag 23. februar 2027 kl. 09:00–16:00",
          "local": "tirsdag 23. februar 2027 kl. 10:00–17:00"} for a meeting in Tallinn.
    """
    locale = LOCALES.get(language, "nb_NO")
    if meeting.all_day:
        first = meeting.start.astimezone(meeting.zone).date()
        last = (meeting.end.astimezone(meeting.zone) - timedelta(days=1)).date()
        day = format_date(first, "full", locale=locale)
        text = day if last == first else f"{day} – {format_date(last, 'full', locale=locale)}"
        return {"oslo": text + (" (heldag)" if language == "nb" else " (all day)"), "local": None}
    oslo = _span(meeting.start, meeting.end, OSLO, locale, language)
    zone = ZoneInfo(meeting.timezone) if meeting.timezone else OSLO
    differs = meeting.start.astimezone(zone).utcoffset() != meeting.start.astimezone(OSLO).utcoffset()
    local = _span(meeting.start, meeting.end, zone, locale, language) if differs else None
    return {"oslo": oslo, "local": local}


def _span(start: datetime, end: datetime, zone: ZoneInfo, locale: str, language: str) -> str:
    at = "'kl.' HH:mm" if language == "nb" else "HH:mm"
    day_format = "EEEE d. MMMM y" if language == "nb" else "EEEE d MMMM y"
    start_local, end_local = start.astimezone(zone), end.astimezone(zone)
    first = format_datetime(start_local, f"{day_format} {at}", tzinfo=zone, locale=locale)
    if end_local == start_local:
        return first
    if end_local.date() == start_local.date():
        return f"{first}–{format_time(end_local, 'HH:mm', tzinfo=zone, locale=locale)}"
    return f"{first} – {format_datetime(end_local, f'{day_format} {at}', tzinfo=zone, locale=locale)}"


def day(moment: datetime, language: str) -> str:
    """A date in Oslo time for people ("21. januar 2027" / "21 January 2027")."""
    pattern = "d. MMMM y" if language == "nb" else "d MMMM y"
    return format_date(moment.astimezone(OSLO).date(), pattern, locale=LOCALES.get(language, "nb_NO"))


def short(moment: datetime, language: str, with_time: bool = True) -> str:
    """A moment in Oslo time for tables: "ons. 10. feb. 10:00" / "Wed 10 Feb 10:00"
    (without the time when ``with_time`` is false)."""
    pattern = "EEE d. MMM" if language == "nb" else "EEE d MMM"
    pattern += " HH:mm" if with_time else ""
    return format_datetime(moment.astimezone(OSLO), pattern, tzinfo=OSLO, locale=LOCALES.get(language, "nb_NO"))


def percent(share: float, language: str) -> str:
    """A share (0.0–1.0) as a whole percentage for people: "83 %" / "83%"."""
    return format_percent(share, locale=LOCALES.get(language, "nb_NO"))
