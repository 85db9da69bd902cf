"""Downloads of the oversight pages: a table (a header and rows of text) as CSV or XLSX.

The API, for every oversight page:

- `csv_response(filename, header, rows)`: UTF-8 with a byte order mark (so that Excel
  reads å, ä and ö), comma-separated as the rest of the codebase writes CSV, CRLF lines.
- `xlsx_response(filename, sheet_title, header, rows)`: one sheet, the header row bold,
  the first row and column frozen, column widths from the content.
- `csv_text(header, rows)`: the CSV as a string (the command line prints this, so it
  gives exactly what the web's download gives).

Both are safe against formula injection: a cell that starts with `=`, `+`, `-`, `@`, a
tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text and
never runs it. Give `filename` without an extension; it is added.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel's limits: sheet titles of 31 characters, without []:*?/\ .
_SHEET_TITLE_LENGTH = 31
_MAX_WIDTH = 60


Cell = str | int | Decimal | None  # numbers stay numbers; None is an empty cell


def safe_cell(value: Cell) -> Cell:
    """The text, with a leading apostrophe when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """The table as CSV text, with the byte order mark first."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=",", quotechar='"', lineterminator="\r\n")
    writer.writerow([safe_cell(value) for value in header])
    for row in rows:
        writer.writerow(["" if value is None else safe_cell(value) for value in row])
    return buffer.getvalue()


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> HttpResponse:
    """The table as a CSV download named `filename`.csv."""
    response = HttpResponse(csv_text(header, rows).encode("utf-8"), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(sheet_title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """The table as an XLSX workbook of one sheet."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has a sheet
    sheet.title = "".join(c for c in sheet_title if c not in "[]:*?/\\")[:_SHEET_TITLE_LENGTH]
    widths = [len(value) for value in header]
    sheet.append([safe_cell(value) for value in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], len("" if value is None else str(value)))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8) + 2, _MAX_WIDTH)
    sheet.freeze_panes = "B2"  # the header row and the first column stay in view
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    filename: str, sheet_title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> HttpResponse:
    """The table as an XLSX download named `filename`.xlsx."""
    response = HttpResponse(xlsx_bytes(sheet_title, header, rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
