"""The period overview: every organisation's report, its status and what it still lacks."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from uppsikt.domain.lacks import Lacks
from uppsikt.domain.workflow import Status
from uppsikt.oversight.lacks import access_period, content_lacks, unanswered_comments
from uppsikt.reports.access import ReportAccess, access_report
from uppsikt.reports.models import Report


@dataclass(frozen=True)
class OverviewRow:
    access: ReportAccess
    lacks: Lacks
    unanswered_comments: int
    late: bool  # the deadline has passed and the report is still a draft


@login_required
@require_GET
def period_overview(request: HttpRequest, period_id: int) -> HttpResponse:
    """For reviewers and admins of the period's municipality (404 for everyone else)."""
    period = access_period(request.user, period_id)
    report_ids = list(
        Report.objects.filter(period=period)
        .order_by("organisation__name")
        .values_list("pk", flat=True)
    )
    comments = unanswered_comments(report_ids)
    past = period.deadline is not None and timezone.localdate() > period.deadline
    rows = []
    for report_id in report_ids:
        access = access_report(request.user, report_id)
        rows.append(
            OverviewRow(
                access=access,
                lacks=content_lacks(access),
                unanswered_comments=comments.get(report_id, 0),
                late=past and access.status is Status.DRAFT,
            )
        )
    context = {
        "period": period,
        "deadline_past": past,
        "rows": rows,
        "counts": {status: sum(1 for r in rows if r.access.status is status) for status in Status},
        "nav": "overview",
    }
    return render(request, "oversight/period_overview.html", context)
