"""The yearly overview as an xlsx workbook (IM 2011-013 §2.1), for AUA's planning.

Four sheets: per forum, per department, per level (each with a last row of totals) and every
participation of the year. Each sheet has two header rows: row 1 the column headings for people
in the report's language (``labels.toml`` ``[yearly]``: Norwegian by default), row 2 the stable
machine names (:data:`GROUP_COLUMNS`, :data:`ROW_COLUMNS`), which never change with the
language; data start in row 3 (``pandas.read_excel(..., header=1)`` reads the machine names).
Codes (level, state, referat, consultation) are written as words of the language; the machine
names of the values are in :mod:`mailbot.reports.overview`. Times are Oslo wall clock (xlsx has
no zones). A title starting like a formula is kept as text (OWASP, "CSV injection").
Participants are not listed: the overview is about fora and departments, the reference finds
the record.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from mailbot.model import OSLO
from mailbot.outbound.labels import Labels
from mailbot.reports.overview import Overview, Row, Tally

Cell = str | int | float | datetime | None

GROUP_COLUMNS = ("forum", "name", "level", "department", "participations", "cancelled", "on_time", "late",
                 "exempted", "missing", "pending", "on_time_rate", "consulted", "not_needed", "awaited",
                 "open_points")
ROW_COLUMNS = ("ref", "start", "forum", "level", "title", "department", "state", "referat", "consultation",
               "open_points")
SHEETS = ("by_forum", "by_department", "by_level", "rows")


def to_xlsx(overview: Overview, words: Labels, created: datetime) -> bytes:
    """The workbook of ``overview`` with headings and values in ``words``' language; ``created``
    (aware) is written as the document's creation time."""
    book = Workbook()
    book.remove(book.worksheets[0])  # a new workbook has one empty sheet
    y = words["yearly"]
    groups = (("by_forum", overview.by_forum, ("forum", "name", "level")),
              ("by_department", overview.by_department, ("department",)),
              ("by_level", overview.by_level, ("level",)))
    for sheet_name, tallies, keys in groups:
        columns = tuple(c for c in GROUP_COLUMNS if c in keys or c not in ("forum", "name", "level", "department"))
        body = [_group_cells(t, columns, words) for t in tallies]
        total = _group_cells(overview.total, columns, words)
        _sheet(book, y[sheet_name], columns, y, [*body, [y["total"], *total[1:]]])
    cells = [[_row_cell(x, c, words) for c in ROW_COLUMNS] for x in overview.rows]
    _sheet(book, y["rows"], ROW_COLUMNS, y, cells)
    book.properties.creator = "mailbot"
    book.properties.title = f"{y['participations']} {overview.year}"
    book.properties.created = created.astimezone(OSLO).replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _group_cells(tally: Tally, columns: Sequence[str], words: Labels) -> list[Cell]:
    """One tally's cells in ``columns`` order."""
    y = words["yearly"]
    values: dict[str, Callable[[], Cell]] = {
        "forum": lambda: tally.key, "name": lambda: tally.name,
        "level": lambda: y.get(tally.level, tally.level),
        "department": lambda: tally.key or y["unknown"], "on_time_rate": lambda: tally.rate}
    return [values[c]() if c in values else getattr(tally, c) for c in columns]


def _row_cell(row: Row, column: str, words: Labels) -> Cell:
    """One participation's cell: codes as words, the start as naive Oslo time."""
    y = words["yearly"]
    if column == "start":
        return row.start.astimezone(OSLO).replace(tzinfo=None)
    if column == "state":
        return words.word("state", row.state)
    if column in ("level", "referat", "consultation"):
        value = getattr(row, column)
        return y.get(value, value)
    if column == "department":
        return row.department or y["unknown"]
    return getattr(row, column)


def _sheet(book: Workbook, title: str, columns: Sequence[str], headings: dict[str, str],
           rows: list[list[Cell]]) -> Worksheet:
    """A sheet: headings for people in row 1, machine names in row 2, ``rows`` from row 3."""
    sheet = book.create_sheet(title)
    sheet.append([headings[c] for c in columns])
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(italic=True, color="666666", size=9)
    widths = [max(len(headings[c]), len(c)) for c in columns]
    for number, values in enumerate(rows, start=3):
        sheet.append(values)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(number, column)
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, float):
                cell.number_format = "0%"
            elif isinstance(value, str) and value.startswith("="):  # openpyxl would write a formula
                cell.data_type = "s"
            widths[column - 1] = max(widths[column - 1], 16 if isinstance(value, datetime) else len(str(value)))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{len(rows) + 2}"
    return sheet
