"""The shared CSV/XLSX exporter: byte order mark, header, frozen panes, and no formula a
spreadsheet would run (an organisation named `=HYPERLINK(…)` stays text)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from uppsikt.organisations.models import Organisation
from uppsikt.oversight.exports import csv_response, csv_text, safe_cell, xlsx_bytes, xlsx_response
from uppsikt.reports.models import Report

ClientAs = Callable[[str], Client]
EVIL = '=HYPERLINK("http://example.com","klicka")'


@pytest.mark.parametrize("text", ["=1+1", "+46", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Uppnåtts", "−36 830", "", "a=b", "'redan"])
def test_other_cells_are_kept(text: str) -> None:
    assert safe_cell(text) == text


def test_csv_text_starts_with_a_bom_and_quotes_as_csv_does() -> None:
    text = csv_text(["Namn", "Värde"], [["a, b", "1"], [EVIL, '"citat"']])
    assert text.startswith("\ufeffNamn,Värde\r\n")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [["Namn", "Värde"], ["a, b", "1"], ["'" + EVIL, '"citat"']]


def test_the_responses_are_downloads() -> None:
    got = csv_response("fil", ["A"], [["1"]])
    assert got["Content-Disposition"] == 'attachment; filename="fil.csv"'
    assert got["Content-Type"] == "text/csv; charset=utf-8"
    book = xlsx_response("fil", "Blad", ["A"], [["1"]])
    assert book["Content-Disposition"] == 'attachment; filename="fil.xlsx"'


def test_xlsx_has_a_bold_frozen_header_widths_and_text_not_formulas() -> None:
    data = xlsx_bytes(
        "Mål/matris: [2025] med en alldeles för lång titel", ["Mål", EVIL], [["x", EVIL]]
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet.title == "Målmatris 2025 med en alldeles "[:31]
    assert [cell.value for cell in sheet[1]] == ["Mål", "'" + EVIL]
    assert sheet["B2"].value == "'" + EVIL and sheet["B2"].data_type == "s"
    assert sheet["A1"].font.bold and sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width


def test_an_organisation_named_like_a_formula_is_text_in_both_downloads(
    client_as: ClientAs, report_id: int
) -> None:
    Organisation.objects.filter(key="va-syd").update(name=EVIL)
    period = Report.objects.get(pk=report_id).period_id
    client = client_as("granskare")
    text = client.get(reverse("oversight_matrix_csv", args=[period])).content.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header[-1] == "'" + EVIL
    data = client.get(reverse("oversight_matrix_xlsx", args=[period])).content
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet.cell(1, sheet.max_column).value == "'" + EVIL
    page = client.get(reverse("oversight_matrix", args=[period])).content.decode()
    assert "=HYPERLINK(&quot;http://example.com&quot;" in page  # escaped on the page
