"""The page every user starts from: the reports they may see, and for reviewers each
period's overview."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from uppsikt.accounts.access import overseen_municipalities, visible_organisations
from uppsikt.domain.workflow import Status
from uppsikt.reports.models import Period, Report, ReportState


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The reports the user may see, newest period first, with their status."""
    organisations = visible_organisations(request.user)
    reports = list(
        Report.objects.filter(organisation__in=organisations)
        .select_related("organisation__municipality", "period")
        .order_by("-period__year", "period__kind", "organisation__name")
    )
    states = dict(ReportState.objects.filter(report__in=reports).values_list("report_id", "status"))
    rows = [
        {"report": report, "status": Status(states.get(report.pk, Status.DRAFT))}
        for report in reports
    ]
    # Reviewers and admins follow whole periods: each links to what every board still lacks.
    periods = Period.objects.filter(
        municipality_id__in=overseen_municipalities(request.user)
    ).select_related("municipality")
    context = {"rows": rows, "periods": periods.order_by("-year", "kind"), "nav": "home"}
    return render(request, "web/home.html", context)
