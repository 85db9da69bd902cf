"""An organisation's page in a period: its report, goals, economy (with the forecast
history chart and the forecasts' accuracy), budget assignments, signals, special
oversight cases and, for companies, the documents received and the year's review."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from uppsikt.documents.charts.economy import HistoryPoint, forecast_history_chart
from uppsikt.oversight.access import oversight_period, visible_organisation
from uppsikt.oversight.caching import reader_page
from uppsikt.oversight.organisation_page import organisation_page
from uppsikt.oversight.views.economy import cached_chart


@login_required
@require_GET
@reader_page
def organisation_view(request: HttpRequest, period_id: int, organisation_id: int) -> HttpResponse:
    """404 for an organisation the user does not see, or one of another municipality."""
    period, scope = oversight_period(request.user, period_id)
    organisation, _scope = visible_organisation(request.user, organisation_id)
    if organisation.municipality_id != period.municipality_id:
        raise Http404("Organisationen finns inte.")
    page = organisation_page(period, organisation)
    chart = None
    if page.economy is not None:
        points = tuple(
            HistoryPoint(point.month, point.net_cost, point.allocation)
            for point in page.economy.forecasts
        )
        outcome = page.economy.outcome
        name, year = organisation.name, period.year
        chart = cached_chart(
            "history",
            (points, name, year, outcome),
            lambda: forecast_history_chart(points, name=name, year=year, outcome=outcome),
        )
    context = {
        "period": period,
        "page": page,
        "chart": chart,
        "oversees": scope.oversees,
        "writes": organisation.pk in scope.writes,
        "nav": "economy",
    }
    return render(request, "oversight/organisation.html", context)
