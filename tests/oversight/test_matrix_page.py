"""The goals × organisations matrix page and its downloads: who sees which columns, the
table's structure, links to the contributions, and the CSV that the command line gives."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from factories import user_with_role
from uppsikt.domain.model import Assessment, TermOutlook
from uppsikt.domain.workflow import Role
from uppsikt.goals.actions.follow_ups import AssessmentInput, record_assessment
from uppsikt.importers.package import load_package
from uppsikt.organisations.models import Municipality
from uppsikt.reports.models import Period, Report
from uppsikt.reports.store import save_report

ClientAs = Callable[[str], Client]
DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"


@pytest.fixture
def period_id(report_id: int) -> int:
    return Report.objects.get(pk=report_id).period_id


@pytest.fixture
def second_report(report_id: int) -> int:
    """The demo report for Stadsbyggnadsnämnden too (its goals directed to it as well)."""
    return save_report(replace(load_package(DEMO).report, organisation="stadsbyggnadsnamnden"))


def table_of(page: str) -> str:
    found = re.search(r'<table class="matrix">.*?</table>', page, re.DOTALL)
    assert found, "no matrix table on the page"
    return found.group(0)


def column_headers(page: str) -> list[str]:
    return re.findall(r'<th scope="col" class="org">([^<]*)</th>', page)


def test_a_reviewer_sees_every_organisation_grouped(client_as: ClientAs, period_id: int) -> None:
    page = client_as("granskare").get(reverse("oversight_matrix", args=[period_id]))
    assert page.status_code == 200
    html = page.content.decode()
    headers = column_headers(html)
    assert headers[0] == "Kommunstyrelsen" and len(headers) == 19
    assert "Stadsbyggnadsnämnden" in headers and "VA SYD" in headers
    for group in ("Nämnder", "Bolag", "Kommunalförbund"):
        assert 'scope="colgroup" colspan="' in html and f">{group}</th>" in html
    assert '<th scope="rowgroup"' in html and '<th scope="row">' in html
    assert "<caption" in html and "Teckenförklaring" in html
    assert 'class="table-scroll" role="region" tabindex="0"' in html


def test_every_assessed_cell_links_to_the_contribution_with_a_name(
    client_as: ClientAs, report_id: int, period_id: int
) -> None:
    html = client_as("granskare").get(reverse("oversight_matrix", args=[period_id])).content
    page = html.decode()
    goal_url = reverse("goal_edit", args=[report_id, "klimatneutral-2030"])
    link = re.search(rf'<a href="{re.escape(goal_url)}" aria-label="([^"]*)"', page)
    assert link is not None
    assert link[1].startswith("Kommunstyrelsen: ")
    state = link[1].removeprefix("Kommunstyrelsen: ").split(" – ")[0]
    assert state in ("Uppnåtts", "Delvis uppnåtts", "Ej uppnåtts", "Ej bedömd")
    assert "Inte riktat" in page  # the other organisations' columns


def test_a_board_writer_sees_only_its_own_column(
    client_as: ClientAs, report_id: int, period_id: int, second_report: int
) -> None:
    page = client_as("skribent-annan").get(reverse("oversight_matrix", args=[period_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert column_headers(html) == ["Stadsbyggnadsnämnden"]
    assert f"/rapporter/{report_id}/" not in html  # nothing of Kommunstyrelsen's report
    assert "Kommunstyrelsen:" not in html
    assert reverse("goal_edit", args=[second_report, "klimatneutral-2030"]) in html
    assert "Du ser bara din egen organisations kolumn." in html


def test_the_downloads_hide_other_organisations_too(client_as: ClientAs, period_id: int) -> None:
    got = client_as("skribent-annan").get(reverse("oversight_matrix_csv", args=[period_id]))
    text = got.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Målområde,Mål,Stadsbyggnadsnämnden"
    assert "Kommunstyrelsen" not in text


def test_another_municipalitys_period_is_404(client_as: ClientAs, period_id: int) -> None:
    other = Municipality.objects.create(key="lund", name="Lunds kommun")
    elsewhere = Period.objects.create(municipality=other, year=2025, kind="annual_analysis")
    client = client_as("granskare")
    for name in ("oversight_matrix", "oversight_matrix_csv", "oversight_matrix_xlsx"):
        assert client.get(reverse(name, args=[elsewhere.pk])).status_code == 404
    assert client.get(reverse("oversight_matrix", args=[10**12])).status_code == 404


def test_someone_of_another_municipality_meets_404(client: Client, period_id: int) -> None:
    other = Municipality.objects.create(key="lund", name="Lunds kommun")
    client.force_login(user_with_role(Role.REVIEWER, other))
    assert client.get(reverse("oversight_matrix", args=[period_id])).status_code == 404


def test_the_csv_has_a_bom_one_row_per_goal_and_the_state_texts(
    client_as: ClientAs, period_id: int
) -> None:
    got = client_as("granskare").get(reverse("oversight_matrix_csv", args=[period_id]))
    assert got["Content-Type"].startswith("text/csv")
    assert got["Content-Disposition"] == (
        'attachment; filename="malmo-2025-arsanalys-malmatris.csv"'
    )
    assert got.content.startswith("\ufeff".encode())
    lines = got.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Målområde,Mål,Kommunstyrelsen,")
    assert len(lines) == 1 + 12  # the demo's twelve council goals
    assert all("Inte riktat" in line for line in lines[1:])


def test_the_xlsx_opens_with_its_header(client_as: ClientAs, period_id: int) -> None:
    got = client_as("granskare").get(reverse("oversight_matrix_xlsx", args=[period_id]))
    assert got["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(got.content)).active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Målområde", "Mål", "Kommunstyrelsen"] and len(header) == 21
    assert sheet[1][0].font.bold and sheet.freeze_panes == "B2"
    assert sheet.max_row == 13


def test_the_period_picker_and_the_oversight_nav(client_as: ClientAs, period_id: int) -> None:
    period = Period.objects.get(pk=period_id)
    interim = Period.objects.create(
        municipality=period.municipality, year=2025, kind="interim_report"
    )
    html = (
        client_as("granskare").get(reverse("oversight_matrix", args=[period_id])).content.decode()
    )
    assert reverse("oversight_matrix", args=[interim.pk]) in html
    assert f'href="{reverse("oversight_assignments", args=[period_id])}"' in html
    assert 'aria-current="page">Målmatris' in html


def test_the_page_is_english_for_an_english_browser(client_as: ClientAs, period_id: int) -> None:
    try:
        got = client_as("granskare").get(
            reverse("oversight_matrix", args=[period_id]), HTTP_ACCEPT_LANGUAGE="en"
        )
    finally:
        translation.deactivate()  # the middleware leaves English active for the thread
    html = got.content.decode()
    assert "Goals and organisations" in html and "Not directed" in html
    assert ">Boards</th>" in html and "Download CSV" in html and ">Oversight<" in html
    assert "Inte riktat" not in html and "Teckenförklaring" not in html


def test_the_cached_table_follows_a_new_assessment(
    client_as: ClientAs, users: dict[str, User], report_id: int, period_id: int
) -> None:
    # The table is cached between readers; a write (here an assessment) must show at once.
    reviewer = client_as("granskare")
    url = reverse("oversight_matrix", args=[period_id])
    before = table_of(reviewer.get(url).content.decode())
    assert before == table_of(reviewer.get(url).content.decode())  # from the cache
    record_assessment(
        report_id,
        "barn-och-unga",
        AssessmentInput(Assessment.NOT_ACHIEVED, "Sämre än väntat.", TermOutlook.EXPECTED, "Ok."),
        actor=users["skribent"],
    )
    after = table_of(reviewer.get(url).content.decode())
    assert "Kommunstyrelsen: Ej uppnåtts – Sämre än väntat." in after
    assert "Kommunstyrelsen: Ej uppnåtts – Sämre än väntat." not in before


def test_a_kept_page_goes_only_to_the_reader_it_was_made_for(
    client_as: ClientAs, period_id: int
) -> None:
    url = reverse("oversight_matrix", args=[period_id])
    reviewer = client_as("granskare")
    reviewer.get(url)
    assert len(column_headers(reviewer.get(url).content.decode())) == 19  # kept for them
    other = client_as("skribent-annan")
    assert column_headers(other.get(url).content.decode()) == ["Stadsbyggnadsnämnden"]
    assert column_headers(other.get(url).content.decode()) == ["Stadsbyggnadsnämnden"]
