"""What the forecast page shows of an organisation's year: each month's forecast and its
versions, the forecast history chart, and the accuracy against the outcome.

Reads the database in a fixed number of queries and formats amounts with the one money
formatter; the arithmetic is the domain's.
"""

from __future__ import annotations

from dataclasses import dataclass

from uppsikt.documents.charts import Chart
from uppsikt.documents.charts.forecasts import ForecastPoint, forecast_history_chart
from uppsikt.domain.calendar import MONTH_NAMES
from uppsikt.domain.oversight.forecast_accuracy import Accuracy, forecast_accuracy
from uppsikt.economy.models.forecasts import Forecast, Outcome
from uppsikt.organisations.models import Organisation


@dataclass(frozen=True)
class Version:
    """One saved version and the one before it in the same month."""

    row: Forecast
    before: Forecast | None

    @property
    def deviation(self) -> int:
        return self.row.allocation - self.row.net_cost


@dataclass(frozen=True)
class Month:
    month: int
    name: str
    versions: tuple[Version, ...]  # newest first

    @property
    def newest(self) -> Forecast:
        return self.versions[0].row


@dataclass(frozen=True)
class ForecastYear:
    months: tuple[Month, ...]
    outcome: Outcome | None
    chart: Chart
    accuracy: Accuracy | None

    def newest(self, month: int) -> Forecast | None:
        found = next((item for item in self.months if item.month == month), None)
        return found.newest if found is not None else None

    @property
    def latest(self) -> Forecast | None:
        return self.months[-1].newest if self.months else None


def forecast_year(organisation: Organisation, year: int) -> ForecastYear:
    """The organisation's forecasts of `year`, month by month, with chart and accuracy."""
    rows = list(
        Forecast.objects.filter(organisation=organisation, year=year)
        .select_related("author")
        .order_by("month", "created_at", "id")
    )
    by_month: dict[int, list[Forecast]] = {}
    for row in rows:
        by_month.setdefault(row.month, []).append(row)
    months = tuple(
        Month(
            month,
            MONTH_NAMES[month - 1].capitalize(),
            tuple(
                Version(row, versions[index - 1] if index else None)
                for index, row in reversed(list(enumerate(versions)))
            ),
        )
        for month, versions in sorted(by_month.items())
    )
    outcome = Outcome.objects.filter(organisation=organisation, year=year).first()
    points = [
        ForecastPoint(item.month, item.newest.net_cost, item.newest.allocation) for item in months
    ]
    chart = forecast_history_chart(
        organisation.name, year, points, outcome.net_cost if outcome else None
    )
    accuracy = None
    if outcome is not None and months:
        accuracy = forecast_accuracy(
            {item.month: item.newest.net_cost for item in months}, outcome.net_cost
        )
    return ForecastYear(months, outcome, chart, accuracy)
