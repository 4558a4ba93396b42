"""The weekly summary's attachments: the open records as an xlsx workbook and a CSV file.

The workbook has a second sheet, "open follow-up points": one row per open follow-up point of
the referats (:data:`POINT_COLUMNS`; IM 2011-013 §4.1), by forum as the summary lists them; the
CSV holds the open records only (one table per file).

Both have the same stable, English column names (:data:`COLUMNS`), one row per open record,
soonest meeting first. Times are Oslo time: in the CSV as ISO 8601 with the offset
(``2027-02-03T10:00+01:00``), in the workbook as real date-time cells (Excel has no zones)
shown as ``yyyy-mm-dd hh:mm``, so they sort and filter. Booleans are ``true``/``false`` in the
CSV and real booleans in the workbook. The CSV is UTF-8 with a byte-order mark (so Excel reads
æøå right), comma-separated, CRLF line ends (RFC 4180).

Titles and places come from outside mail: a text starting like a formula (``=``, ``+``, ``-``,
``@``) is kept as text in the workbook and prefixed with ``'`` in the CSV (OWASP, "CSV
injection"), so a spreadsheet program never runs it.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from mailbot.model import OSLO
from mailbot.reports.points import OpenPoint
from mailbot.reports.summary import Line

if TYPE_CHECKING:
    from openpyxl import Workbook

Value = str | int | bool | datetime | None

COLUMNS: tuple[tuple[str, Callable[[Line], Value]], ...] = (
    ("ref", lambda x: x.ref),
    ("state", lambda x: x.state),
    ("title", lambda x: x.title),
    ("forum", lambda x: x.forum),
    ("level", lambda x: x.level),
    ("start", lambda x: x.start),
    ("end", lambda x: x.end),
    ("all_day", lambda x: x.all_day),
    ("venue_timezone", lambda x: x.timezone),
    ("location", lambda x: x.location),
    ("participant", lambda x: x.participant),
    ("participant_name", lambda x: x.participant_name),
    ("department", lambda x: x.department),
    ("ministry_consultation", lambda x: bool(x.reasons)),
    ("consultation_reasons", lambda x: "; ".join(x.reasons)),
    ("consultation_status", lambda x: x.consultation),  # not-asked, awaited, consulted, not-needed (§3.2)
    ("consultation_note", lambda x: x.consultation_note),
    ("checklist_reply", lambda x: x.checklist),
    ("referat_due", lambda x: x.deadline),
    ("days_overdue", lambda x: x.days_overdue),
    ("reminders_sent", lambda x: x.reminders),
    ("escalated", lambda x: x.escalated),
    ("paused_until", lambda x: x.paused_until),
    ("next_action", lambda x: x.next_action),
    ("next_action_at", lambda x: x.next_action_at),
    ("registered_at", lambda x: x.registered_at),
)
HEADER = tuple(name for name, _ in COLUMNS)
POINT_COLUMNS: tuple[tuple[str, Callable[[OpenPoint], Value]], ...] = (
    ("ref", lambda p: p.ref), ("forum", lambda p: p.forum), ("title", lambda p: p.title),
    ("number", lambda p: p.number), ("text", lambda p: p.text), ("responsible", lambda p: p.responsible),
    ("due", lambda p: p.due.isoformat() if p.due else None), ("overdue", lambda p: p.overdue),
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv"


def rows(lines: tuple[Line, ...] | list[Line]) -> list[tuple[Value, ...]]:
    """The rows of ``lines`` in :data:`COLUMNS` order, times aware (UTC)."""
    return [tuple(value(x) for _, value in COLUMNS) for x in lines]


def to_csv(lines: tuple[Line, ...] | list[Line]) -> bytes:
    """The records as CSV bytes (see the module's docstring)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([_csv_cell(v) for v in row] for row in rows(lines))
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(lines: tuple[Line, ...] | list[Line], created: datetime, points: tuple[OpenPoint, ...] = ()) -> bytes:
    """The records as an xlsx workbook (header frozen and filterable), and ``points`` on a second
    sheet; ``created`` (aware) is written as the document's creation time."""
    from openpyxl import Workbook  # 15 MB: not in an idle daemon's memory until a summary is due
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook has one sheet, the active one
    sheet.title = "open records"
    _points_sheet(book, points)
    sheet.append(HEADER)
    widths = [len(name) for name in HEADER]
    for number, row in enumerate(rows(lines), start=2):  # cells by index: openpyxl's max_row scans them all
        sheet.append([_xlsx_cell(v) for v in row])
        for column, value in enumerate(row, start=1):
            if isinstance(value, datetime):
                sheet.cell(number, column).number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, str) and value.startswith("="):  # openpyxl would write a formula
                sheet.cell(number, column).data_type = "s"
            widths[column - 1] = max(widths[column - 1], 16 if isinstance(value, datetime) else len(str(value)))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADER))}{len(lines) + 1}"
    book.properties.creator = "mailbot"
    book.properties.created = created.astimezone(OSLO).replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _points_sheet(book: Workbook, points: tuple[OpenPoint, ...]) -> None:
    """The sheet "open follow-up points": a row per point, texts kept as text (no formulas)."""
    from openpyxl.styles import Font
    sheet = book.create_sheet("open follow-up points")
    sheet.append([name for name, _ in POINT_COLUMNS])
    for number, point in enumerate(points, start=2):
        sheet.append([value(point) for _, value in POINT_COLUMNS])
        for column in range(1, len(POINT_COLUMNS) + 1):
            if isinstance(sheet.cell(number, column).value, str) and str(sheet.cell(number, column).value)[:1] == "=":
                sheet.cell(number, column).data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["E"].width = 60
    sheet.freeze_panes = "A2"


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.astimezone(OSLO).isoformat(timespec="minutes")
    if isinstance(value, str) and value[:1] in _FORMULA:
        return "'" + value
    return "" if value is None else str(value)


def _xlsx_cell(value: Value) -> Value:
    """A cell for openpyxl: times as naive Oslo wall-clock (xlsx has no zones)."""
    if isinstance(value, datetime):
        return value.astimezone(OSLO).replace(tzinfo=None)
    return value
