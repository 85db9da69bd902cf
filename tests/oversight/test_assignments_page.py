"""The budget assignments register page and its downloads: who sees which assignments,
the organisation filter, past-due marked by shape and text."""

from __future__ import annotations

import io
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from uppsikt.goals.models import BudgetAssignment
from uppsikt.organisations.models import Municipality
from uppsikt.reports.models import Period, Report

ClientAs = Callable[[str], Client]


def url(report_id: int, name: str = "oversight_assignments") -> str:
    return reverse(name, args=[Report.objects.get(pk=report_id).period_id])


def test_a_reviewer_sees_all_four_with_responsible_status_and_report_back(
    client_as: ClientAs, report_id: int
) -> None:
    page = client_as("granskare").get(url(report_id))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<tr>") == 1 + 4
    assert "Kommunstyrelsen" in html and "Stadsbyggnadsnämnden, Tekniska nämnden" in html
    assert "Genomfört" in html and "Pågår" in html and "våren 2026" in html
    assert 'scope="row"' in html and "<caption" in html


def test_a_board_writer_sees_the_assignments_it_shares(client_as: ClientAs, report_id: int) -> None:
    html = client_as("skribent-annan").get(url(report_id)).content.decode()
    assert html.count("<tr>") == 1 + 1
    assert "fria kulturlivet" in html and "klimatinvesteringsplan" not in html
    options = html.split('<select id="organisation"')[1].split("</select>")[0]
    assert "Stadsbyggnadsnämnden" in options and "Kommunstyrelsen" not in options


def test_the_filter_by_organisation(client_as: ClientAs, report_id: int) -> None:
    client = client_as("granskare")
    html = client.get(url(report_id), {"organisation": "servicenamnden"}).content.decode()
    assert html.count("<tr>") == 1 + 3
    nothing = client.get(url(report_id), {"organisation": "finns-inte"}).content.decode()
    assert "Organisationen finns inte bland dem du ser" in nothing
    assert "Inga budgetuppdrag att visa." in nothing


def test_past_due_is_told_by_shape_and_text(client_as: ClientAs, report_id: int) -> None:
    BudgetAssignment.objects.filter(key="lokaler-fria-kulturlivet").update(report_back="juni 2020")
    html = client_as("granskare").get(url(report_id)).content.decode()
    assert '<span aria-hidden="true">!</span> Återrapporteringen är försenad' in html


def test_the_downloads(client_as: ClientAs, report_id: int) -> None:
    client = client_as("skribent-annan")
    text = client.get(url(report_id, "oversight_assignments_csv")).content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Budgetuppdrag,Målområde,Ansvarig,Medansvariga,Status")
    assert len(lines) == 2
    data = client_as("granskare").get(url(report_id, "oversight_assignments_xlsx")).content
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None and sheet.max_row == 5 and sheet["A1"].value == "Budgetuppdrag"


def test_another_municipalitys_period_is_404(client_as: ClientAs, report_id: int) -> None:
    other = Municipality.objects.create(key="lund", name="Lunds kommun")
    elsewhere = Period.objects.create(municipality=other, year=2025, kind="annual_analysis")
    for name in (
        "oversight_assignments",
        "oversight_assignments_csv",
        "oversight_assignments_xlsx",
    ):
        assert client_as("granskare").get(reverse(name, args=[elsewhere.pk])).status_code == 404
