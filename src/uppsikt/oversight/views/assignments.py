"""The city-wide register of the term's budget assignments, and its downloads.

A board's writers and readers see the assignments their organisation is responsible or
co-responsible for; reviewers, admins and municipality-wide readers see all of them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET

from uppsikt.domain.oversight.assignments import RegisterRow, register_table
from uppsikt.domain.oversight.snapshot import OrganisationRef, PeriodSnapshot
from uppsikt.oversight.access import OversightScope, oversight_period
from uppsikt.oversight.caching import reader_page
from uppsikt.oversight.exports import csv_response, xlsx_response
from uppsikt.oversight.pages import (
    download_name,
    other_periods,
    period_register,
    visible_keys,
)
from uppsikt.reports.models import Period

# The register's own labels (the domain's Swedish strings), made known to the catalogue.
LABELS = (gettext_noop("Ej redovisat"), gettext_noop("Återrapporteringen är försenad"))


def _register(
    request: HttpRequest, period_id: int
) -> tuple[Period, OversightScope, PeriodSnapshot, tuple[RegisterRow, ...], str]:
    period, scope = oversight_period(request.user, period_id)
    wanted = request.GET.get("organisation", "")
    snapshot, rows = period_register(period, scope, wanted or None)
    return period, scope, snapshot, rows, wanted


def _choices(scope: OversightScope, snapshot: PeriodSnapshot) -> list[OrganisationRef]:
    visible = visible_keys(scope, snapshot)
    return [ref for ref in snapshot.organisations if visible is None or ref.key in visible]


@login_required
@require_GET
@reader_page
def oversight_assignments(request: HttpRequest, period_id: int) -> HttpResponse:
    """Every budget assignment: responsible, co-responsible, status, report-back."""
    period, scope, snapshot, rows, wanted = _register(request, period_id)
    choices = _choices(scope, snapshot)
    context = {
        "period": period,
        "rows": rows,
        "choices": choices,
        "wanted": wanted,
        "unknown": bool(wanted) and wanted not in {ref.key for ref in choices},
        "past_due": sum(row.past_due for row in rows),
        "periods": other_periods(period),
        "nav": "oversight_assignments",
    }
    return render(request, "oversight/assignments.html", context)


@login_required
@require_GET
def oversight_assignments_csv(request: HttpRequest, period_id: int) -> HttpResponse:
    """The register as CSV (with the page's organisation filter)."""
    period, _scope, _snapshot, rows, _wanted = _register(request, period_id)
    header, table = register_table(rows)
    name = download_name(period.municipality.key, period.year, period.kind, "budgetuppdrag")
    return csv_response(name, header, table)


@login_required
@require_GET
def oversight_assignments_xlsx(request: HttpRequest, period_id: int) -> HttpResponse:
    """The register as an XLSX workbook (with the page's organisation filter)."""
    period, _scope, _snapshot, rows, _wanted = _register(request, period_id)
    header, table = register_table(rows)
    name = download_name(period.municipality.key, period.year, period.kind, "budgetuppdrag")
    return xlsx_response(name, "Budgetuppdrag", header, table)
