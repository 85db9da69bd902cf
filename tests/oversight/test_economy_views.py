"""The economy overview page and its downloads: rows and totals, sorting by every column
with aria-sort, who sees which rows, the sparklines and the city's chart."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from oversight.economy_factory import MILLION, economy_year, forecast
from uppsikt.domain.oversight.economy import SORT_KEYS
from uppsikt.organisations.models import Organisation
from uppsikt.oversight.exports import safe_cell
from uppsikt.reports.models import Report

ClientAs = Callable[[str], Client]


@pytest.fixture
def period_id(report_id: int) -> int:
    economy_year()
    return Report.objects.get(pk=report_id).period_id


def page(client: Client, period_id: int, **query: str) -> str:
    response = client.get(reverse("oversight_economy", args=[period_id]), query)
    assert response.status_code == 200
    return str(response.content.decode())


def body_rows(html: str) -> list[str]:
    tbody = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', tbody)


def test_the_reviewer_sees_every_organisation_with_its_figures_and_the_totals(
    client_as: ClientAs, period_id: int
) -> None:
    html = page(client_as("granskare"), period_id)
    names = body_rows(html)
    assert len(names) == 19 and "VA SYD" in names and "MKB Fastighets AB" in names
    assert "−12\u00a0000" in html  # Kommunstyrelsen's deficit in tkr
    assert "−2,4\u00a0%" in html
    for total in ("Nämnder", "Bolag", "Förbund", "Staden totalt"):
        assert total in html
    assert "Försämras" in html  # Kommunstyrelsen's growing deficit
    assert html.count('class="sparkline"') == 3  # the three organisations with forecasts
    assert "Avvikelse mot kommunbidraget per organisation 2025" in html  # the city chart
    assert "Diagrammets data som tabell" in html


@pytest.mark.parametrize("key", sorted(SORT_KEYS))
def test_every_column_sorts_both_ways_and_says_so(
    client_as: ClientAs, period_id: int, key: str
) -> None:
    client = client_as("granskare")
    ascending = page(client, period_id, sort=key, dir="asc")
    descending = page(client, period_id, sort=key, dir="desc")
    assert ascending.count('aria-sort="ascending"') == 1
    assert descending.count('aria-sort="descending"') == 1
    header = re.search(r'<th scope="col"[^>]*aria-sort="ascending"><a href="([^"]+)"', ascending)
    assert header is not None and f"sort={key}" in header[1] and "dir=desc" in header[1]
    assert sorted(body_rows(ascending)) == sorted(body_rows(descending))


def test_sorting_by_deviation_puts_the_deficit_first_and_rows_without_figures_last(
    client_as: ClientAs, period_id: int
) -> None:
    names = body_rows(page(client_as("granskare"), period_id, sort="deviation", dir="asc"))
    assert names[:3] == ["Kommunstyrelsen", "MKB Fastighets AB", "Stadsbyggnadsnämnden"]
    names = body_rows(page(client_as("granskare"), period_id, sort="deviation", dir="desc"))
    assert names[:3] == ["Stadsbyggnadsnämnden", "MKB Fastighets AB", "Kommunstyrelsen"]


def test_an_unknown_sort_key_falls_back_to_the_name(client_as: ClientAs, period_id: int) -> None:
    html = page(client_as("granskare"), period_id, sort="<script>", dir="sideways")
    names = body_rows(html)
    assert names == sorted(names, key=str.casefold)
    assert "<script>" not in html


def test_another_boards_writer_sees_only_its_own_row_and_no_totals(
    client_as: ClientAs, period_id: int
) -> None:
    html = page(client_as("skribent-annan"), period_id)
    assert body_rows(html) == ["Stadsbyggnadsnämnden"]
    assert "Kommunstyrelsen" not in html and "Staden totalt" not in html
    assert "Avvikelse mot kommunbidraget per organisation" not in html


def test_the_ks_reader_sees_only_kommunstyrelsen(client_as: ClientAs, period_id: int) -> None:
    assert body_rows(page(client_as("lasare"), period_id)) == ["Kommunstyrelsen"]


def test_someone_without_a_role_in_the_municipality_meets_404(
    period_id: int, users: dict[str, User]
) -> None:
    stranger = Client()
    stranger.force_login(User.objects.create(username="utomstaende"))
    assert stranger.get(reverse("oversight_economy", args=[period_id])).status_code == 404
    assert stranger.get(reverse("oversight_economy_csv", args=[period_id])).status_code == 404


def test_the_query_count_does_not_grow_with_the_organisations(
    client_as: ClientAs, period_id: int
) -> None:
    client = client_as("granskare")
    page(client, period_id)  # warm the chart cache and the session
    # The page is built each time (not read back as kept): the factory below writes
    # without the audit, so the database's stamp would not move.
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as few:
        page(client, period_id)
    ks = Organisation.objects.get(key="kommunstyrelsen")
    for index in range(20):
        extra = Organisation.objects.create(
            municipality=ks.municipality, key=f"extra{index}", name=f"Extra {index}", kind="board"
        )
        forecast(extra, 2025, 8, 10 * MILLION, 11 * MILLION)
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as many:
        page(client, period_id)
    assert len(many) == len(few)


def test_the_csv_has_the_rows_raw_and_formatted_and_the_totals(
    client_as: ClientAs, period_id: int
) -> None:
    response = client_as("granskare").get(reverse("oversight_economy_csv", args=[period_id]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ekonomi-malmo-2025.csv"'
    assert response.content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, rows = lines[0], {line[0]: line for line in lines[1:]}
    assert header[:4] == ["Organisation", "Nyckel", "Slag", "Kommunbidrag, kr"]
    ks = dict(zip(header, rows["Kommunstyrelsen"], strict=True))
    assert ks["Avvikelse, kr"] == "-12000000" and ks["Avvikelse, %"] == "-2.4"
    assert ks["Avvikelse, tkr"] == "−12\u00a0000" and ks["Trend"] == "Försämras"
    assert ks["Utfall nettokostnad, kr"] == "510000000"
    assert "Staden totalt" in rows and len(lines) == 1 + 19 + 4


def test_the_csv_of_another_boards_writer_has_only_its_own_row(
    client_as: ClientAs, period_id: int
) -> None:
    response = client_as("skribent-annan").get(reverse("oversight_economy_csv", args=[period_id]))
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [line[0] for line in lines[1:]] == ["Stadsbyggnadsnämnden"]


def test_the_xlsx_has_the_same_rows_with_a_bold_header(client_as: ClientAs, period_id: int) -> None:
    client = client_as("granskare")
    response = client.get(reverse("oversight_economy_xlsx", args=[period_id]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet["A1"].value == "Organisation" and sheet["A1"].font.bold
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    ks = next(row for row in values if row[0] == "Kommunstyrelsen")
    assert ks[3] == 500 * MILLION and ks[6] == -12 * MILLION
    assert len(values) == 19 + 4


def test_a_cell_that_would_be_a_formula_is_made_text() -> None:
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("+1") == "'+1" and safe_cell("@x") == "'@x" and safe_cell("-2") == "'-2"
    assert safe_cell(-2) == -2 and safe_cell("Nämnd") == "Nämnd"


def test_the_page_speaks_english_to_an_english_browser(
    swedish_afterwards: None, client_as: ClientAs, period_id: int
) -> None:
    response = client_as("granskare").get(
        reverse("oversight_economy", args=[period_id]), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert "City total" in html and "Worsening" in html and "Download CSV" in html
    assert "within 0,5 % of the allocation counts as stable" in html
    assert "19 organisations" in html or "12 organisations" in html
    translation_off = client_as("granskare").get(reverse("oversight_economy", args=[period_id]))
    assert "Staden totalt" in translation_off.content.decode()


@pytest.fixture
def swedish_afterwards() -> Iterator[None]:
    # LocaleMiddleware leaves the request's language active for the thread.
    yield
    translation.deactivate()


def test_every_table_is_in_a_labelled_scroll_box(
    client_as: ClientAs, period_id: int, report_id: int
) -> None:
    from web.test_table_scroll import _BOX

    client = client_as("granskare")
    ks = Organisation.objects.get(key="kommunstyrelsen")
    mkb = Organisation.objects.get(key="mkb-fastighets-ab")
    for url in (
        reverse("oversight_economy", args=[period_id]),
        reverse("oversight_organisation", args=[period_id, ks.pk]),
        reverse("oversight_organisation", args=[period_id, mkb.pk]),
    ):
        html = client.get(url).content.decode()
        boxes = _BOX.findall(html)
        assert html.count("<table") == len(boxes) > 0, url
        assert all(label == caption for label, caption in boxes), url
