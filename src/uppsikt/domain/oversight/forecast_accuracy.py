"""Forecast accuracy: how far each monthly full-year forecast, and the interim report's
forecast (month 8, per 31 August), was from the year's outcome.

Pure arithmetic over whole kronor of net cost. A difference is forecast minus outcome:
positive when the forecast overstated the cost, negative when it understated it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

INTERIM_MONTH = 8  # the interim report is made per 31 August


@dataclass(frozen=True)
class AccuracyRow:
    """One forecast against the outcome."""

    month: int
    forecast: int  # full-year net cost forecast, kr
    outcome: int  # the year's net cost, kr
    difference: int  # forecast - outcome, kr
    percent: Decimal | None  # difference as % of the outcome, one decimal; None when it is 0
    interim: bool  # the interim report's forecast


@dataclass(frozen=True)
class Accuracy:
    """Every forecast of a year against its outcome, month by month."""

    rows: tuple[AccuracyRow, ...]
    interim: AccuracyRow | None
    mean_absolute_difference: int | None  # over the monthly forecasts; None without any

    @property
    def largest_miss(self) -> AccuracyRow | None:
        """The forecast furthest from the outcome (the earliest of equals)."""
        if not self.rows:
            return None
        return max(self.rows, key=lambda row: (abs(row.difference), -row.month))


def percent_of(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole`, one decimal, half away from zero; None for 0."""
    if whole == 0:
        return None
    value = Decimal(part) * 100 / abs(Decimal(whole))
    sign = -1 if value < 0 else 1
    return sign * abs(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def forecast_accuracy(
    forecasts: Mapping[int, int], outcome: int, *, interim_month: int = INTERIM_MONTH
) -> Accuracy:
    """Each month's forecast (month → net cost, kr) against the outcome's net cost (kr)."""
    rows = tuple(
        AccuracyRow(
            month=month,
            forecast=forecast,
            outcome=outcome,
            difference=forecast - outcome,
            percent=percent_of(forecast - outcome, outcome),
            interim=month == interim_month,
        )
        for month, forecast in sorted(forecasts.items())
    )
    interim = next((row for row in rows if row.interim), None)
    mean = None
    if rows:
        total = sum(abs(row.difference) for row in rows)
        mean = int((Decimal(total) / len(rows)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Accuracy(rows, interim, mean)
