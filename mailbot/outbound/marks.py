"""The HTML part of a mail, derived from its text part.

A text template (``NAME.txt.j2``) is rendered twice: as the text part (``part == "text"``), and
with ``part == "html"`` for :func:`as_html`, which makes paragraphs and lists of it inside the
shared layout (``templates/common/_mail.html.j2``). What plain text cannot show, the template
marks with these functions (jinja2 globals); in the text part they print plain text, in the
HTML part the HTML of the macros in ``templates/common/_marks.html.j2``:

- ``{{ strong(text) }}``: bold.
- ``{{ facts([(label, value), ...]) }}``: "Label:  value" lines, aligned, a value that is a list
  on several lines; a table.
- ``{% call warning(heading, source) %}body{% endcall %}``: "!!! HEADING (source) !!!" over the
  body; a red box.
- ``{% call commands() %}lines{% endcall %}``: lines "COMMAND  what it does" (two spaces or more
  between), printed as written; a list, each command as code.
- ``{{ footer(text) }}``: the small print at the end.

A mark travels through the text as trusted HTML between control characters, which
:func:`finalize` removes from every printed variable, so no text from a mail can pose as one.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

INLINE, BLOCK, CLOSE = "\x0e", "\x10", "\x0f"  # a mark inside a line; a mark on a line of its own
_NO_MARKS = str.maketrans("", "", INLINE + BLOCK + CLOSE)
_MARK = re.compile(f"([{INLINE}{BLOCK}])(.*?){CLOSE}", re.DOTALL)
_KEPT = re.compile(f"([{INLINE}{BLOCK}])(\\d+){CLOSE}")
_NUMBERED = re.compile(r"(\d+)\. (.*)")
MACROS = "_marks.html.j2"


class Mark(str):
    """Trusted HTML between the mark characters; printed as it is."""


def finalize(value: object) -> object:
    """What a template prints: a string loses the mark characters unless it is a :class:`Mark`."""
    if isinstance(value, str) and not isinstance(value, Mark) and (INLINE in value or BLOCK in value
                                                                    or CLOSE in value):
        return value.translate(_NO_MARKS)
    return value


def _plain(value: object) -> str:
    return str(value).translate(_NO_MARKS)


def _html(context: Context, kind: str, macro: str, *args: object) -> Mark:
    module = context.environment.get_template(MACROS).module
    return Mark(kind + _plain(getattr(module, macro)(*args)) + CLOSE)


def _html_part(context: Context) -> bool:
    return context.get("part") == "html"


@pass_context
def strong(context: Context, text: object) -> str:
    """``text``, in bold in the HTML part."""
    return _html(context, INLINE, "strong", _plain(text)) if _html_part(context) else _plain(text)


@pass_context
def facts(context: Context, rows: list[tuple[str, object]]) -> str:
    """Label/value rows: "Label:  value" lines with the values aligned, the further lines of a
    value given as a list under its first (empty ones left out); a table in the HTML part."""
    shown = [(_plain(label), [_plain(v) for v in (value if isinstance(value, list | tuple) else [value]) if v])
             for label, value in rows]
    if _html_part(context):
        return _html(context, BLOCK, "facts", shown)
    width = max(len(label) for label, _ in shown) + 3
    lines: list[str] = []
    for label, values in shown:
        lines.append(f"{label + ':':<{width}}{values[0]}" if values else f"{label}:")
        lines += [" " * width + value for value in values[1:]]
    return "\n".join(lines)


@pass_context
def warning(context: Context, heading: str, source: str = "", caller: Callable[[], str] | None = None) -> str:
    """The body (``caller``) under a heading that must not be missed: "!!! HEADING (source) !!!"
    in text, a red box in HTML."""
    body = caller() if caller else ""
    heading, source = _plain(heading), _plain(source)
    if _html_part(context):
        title = f"{heading} ({source})" if source else heading
        return f"{_html(context, BLOCK, 'warning_start', title)}\n{body}{_html(context, BLOCK, 'warning_end')}\n"
    return f"!!! {heading.upper()}{f' ({source})' if source else ''} !!!\n{body}"


@pass_context
def commands(context: Context, caller: Callable[[], str] | None = None) -> str:
    """Lines to copy into a reply, "COMMAND  what it does", printed as written in text; in HTML
    a list with each command as code."""
    body = caller() if caller else ""
    if not _html_part(context):
        return body
    pairs = [[*re.split(r"\s{2,}", line.strip(), maxsplit=1), ""][:2] for line in body.splitlines() if line.strip()]
    return f"{_html(context, BLOCK, 'commands', pairs)}\n"


@pass_context
def footer(context: Context, text: str) -> str:
    """The small print at the end of a mail ("sent automatically")."""
    return _html(context, BLOCK, "footer", _plain(text)) if _html_part(context) else _plain(text)


MARKS = {"strong": strong, "facts": facts, "warning": warning, "commands": commands, "footer": footer}


def as_html(text: str) -> Markup:
    """A plain-text mail body as HTML, escaped: paragraphs at blank lines, lines starting with
    "- " as list items and "1. " as numbered ones (an item's further lines indented), a line
    starting in lower case joined to the one before (the text's own wrapping), other line breaks
    kept; marks (see the module) as their HTML, one on a line of its own outside any paragraph."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(2))
        return f"{match.group(1)}{len(kept) - 1}{CLOSE}"

    parts = []
    for block in re.split(r"\n\s*\n", _MARK.sub(keep, str(text)).strip()):
        parts += _block(block.splitlines())
    return Markup(_KEPT.sub(lambda match: kept[int(match.group(2))], "\n".join(parts)))


def _block(lines: list[str]) -> list[str]:
    """The HTML of one block of lines between blank lines."""
    parts: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    numbered: int | None = None  # the first number of a numbered list, None for bullets
    for line in lines:
        number = _NUMBERED.fullmatch(line)
        if _KEPT.fullmatch(line.strip()) and line.strip().startswith(BLOCK):
            parts += _paragraph(paragraph) + _list(items, numbered) + [line.strip()]
            paragraph, items = [], []
        elif line.lstrip().startswith("- ") or number:
            parts, paragraph = parts + _paragraph(paragraph), []
            if items and (numbered is None) != (number is None):
                parts, items = parts + _list(items, numbered), []
            if not items:
                numbered = int(number.group(1)) if number else None
            items.append(number.group(2) if number else line.lstrip()[2:])
        elif items and line.startswith("  "):  # a list item's further line
            items[-1] += " " + line.strip()
        else:
            parts, items = parts + _list(items, numbered), []
            if paragraph and line[:1].islower():
                paragraph[-1] += " " + line.strip()
            else:
                paragraph.append(line.strip())
    return parts + _paragraph(paragraph) + _list(items, numbered)


def _paragraph(lines: list[str]) -> list[str]:
    return ["<p>" + "<br>\n".join(str(escape(line)) for line in lines) + "</p>"] if lines else []


def _list(items: list[str], numbered: int | None) -> list[str]:
    if not items:
        return []
    tag = "ul" if numbered is None else "ol"
    start = f' start="{numbered}"' if numbered not in (None, 1) else ""
    return [f"<{tag}{start}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"]
