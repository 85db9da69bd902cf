"""The economy overview of a period's year: every organisation the user sees, sortable by
every column on the server (links in the headers), with a sparkline per row and the
city's deviation chart; the same rows as CSV and XLSX."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from uppsikt.documents.charts import Chart
from uppsikt.documents.charts.economy import DeviationBar, deviation_chart, sparkline
from uppsikt.domain.money import format_number
from uppsikt.domain.oversight.economy import (
    SORT_KEYS,
    TREND_TOLERANCE_PERCENT,
    EconomyRow,
    sort_rows,
)
from uppsikt.oversight import economy_overview as overview
from uppsikt.oversight.access import oversight_period
from uppsikt.oversight.caching import reader_page
from uppsikt.oversight.exports import csv_response, xlsx_response
from uppsikt.reports.models import Period

CHART_SECONDS = 24 * 3600  # a chart is keyed by its data: it never goes stale


def cached_chart(kind: str, data: object, draw: Callable[[], Chart]) -> Chart:
    """A chart from the cache under a hash of its data, drawn once per distinct data."""
    digest = hashlib.sha256(pickle.dumps((kind, data))).hexdigest()
    key = f"uppsikt:chart:{kind}:{digest}"
    found = cache.get(key)
    if isinstance(found, Chart):
        return found
    chart = draw()
    cache.set(key, chart, timeout=CHART_SECONDS)
    return chart


# (sort key, header, numeric column)
COLUMNS = (
    ("name", _("Organisation"), False),
    ("kind", _("Slag"), False),
    ("allocation", _("Kommunbidrag, tkr"), True),
    ("month", _("Prognosmånad"), True),
    ("net_cost", _("Prognos nettokostnad, tkr"), True),
    ("deviation", _("Avvikelse, tkr"), True),
    ("percent", _("Avvikelse, %"), True),
    ("outcome", _("Utfall, tkr"), True),
    ("outcome_deviation", _("Avvikelse utfall, tkr"), True),
    ("trend", _("Trend"), False),
)
assert {key for key, _label, _num in COLUMNS} == set(SORT_KEYS)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool
    url: str
    aria_sort: str  # "ascending", "descending" or "" (not sorted by it)


@dataclass(frozen=True)
class PageRow:
    row: EconomyRow
    spark: Chart


def _sorting(request: HttpRequest) -> tuple[str, bool]:
    key = request.GET.get("sort", "name")
    if key not in SORT_KEYS:
        key = "name"
    return key, request.GET.get("dir") == "desc"


def _columns(key: str, descending: bool) -> list[Column]:
    columns = []
    for column, label, numeric in COLUMNS:
        current = column == key
        flip = "asc" if current and descending else ("desc" if current else "asc")
        columns.append(
            Column(
                column,
                str(label),
                numeric,
                "?" + urlencode({"sort": column, "dir": flip}),
                ("descending" if descending else "ascending") if current else "",
            )
        )
    return columns


def _load(request: HttpRequest, period_id: int) -> tuple[Period, overview.YearEconomy, bool]:
    period, scope = oversight_period(request.user, period_id)
    economy = overview.year_economy(
        period.municipality_id, period.municipality.key, period.year, scope
    )
    return period, economy, scope.whole


@login_required
@require_GET
@reader_page
def economy_page(request: HttpRequest, period_id: int) -> HttpResponse:
    """For everyone with a role in the municipality; a board's people see their own row."""
    period, economy, whole = _load(request, period_id)
    key, descending = _sorting(request)
    rows = sort_rows(economy.rows, key, descending=descending)
    page_rows = [
        PageRow(
            row,
            sparkline([(p.month, p.deviation) for p in row.trend], name=row.organisation.name),
        )
        for row in rows
    ]
    bars = tuple(
        DeviationBar(row.organisation.name, row.forecast_deviation, row.forecast_percent)
        for row in rows
        if row.forecast_deviation is not None
    )
    chart = (
        cached_chart(
            "deviation", (bars, period.year), lambda: deviation_chart(bars, year=period.year)
        )
        if whole and bars
        else None
    )
    context = {
        "period": period,
        "economy": economy,
        "rows": page_rows,
        "columns": _columns(key, descending),
        "chart": chart,
        "whole": whole,
        "tolerance": format_number(TREND_TOLERANCE_PERCENT, 1),
        "nav": "economy",
    }
    return render(request, "oversight/economy.html", context)


@login_required
@require_GET
def economy_csv(request: HttpRequest, period_id: int) -> HttpResponse:
    _period, economy, _whole = _load(request, period_id)
    return csv_response(overview.filename(economy), overview.HEADER, overview.table(economy))


@login_required
@require_GET
def economy_xlsx(request: HttpRequest, period_id: int) -> HttpResponse:
    _period, economy, _whole = _load(request, period_id)
    return xlsx_response(
        overview.filename(economy),
        f"Ekonomi {economy.year}",
        overview.HEADER,
        overview.table(economy),
    )
