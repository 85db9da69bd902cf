"""How well an organisation's forecasts foresaw the year's outcome.

Each monthly forecast and the interim report's forecast (the one in force at the end of
August) against the outcome: the difference is forecast net cost minus outcome net cost
(positive = the forecast expected higher costs than there were), in kronor and in % of
the outcome. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from uppsikt.domain.oversight.economy import percent_of
from uppsikt.domain.oversight.snapshot import EconomySnapshot, ForecastPoint

INTERIM_MONTH = 8  # the interim report is made per 31 August


@dataclass(frozen=True)
class ForecastError:
    month: int  # the month the forecast was made
    net_cost: int
    difference: int  # forecast net cost − outcome net cost
    percent: Decimal | None  # of the outcome net cost; None when the outcome is 0


@dataclass(frozen=True)
class Accuracy:
    outcome: int
    monthly: tuple[ForecastError, ...]
    interim: ForecastError | None  # the forecast in force in the interim month

    @property
    def mean_absolute_difference(self) -> int | None:
        """The mean size of the monthly differences, rounded to whole kronor."""
        if not self.monthly:
            return None
        total = sum(abs(error.difference) for error in self.monthly)
        return (total + len(self.monthly) // 2) // len(self.monthly)


def _error(point: ForecastPoint, outcome: int) -> ForecastError:
    difference = point.net_cost - outcome
    return ForecastError(point.month, point.net_cost, difference, percent_of(difference, outcome))


def forecast_accuracy(
    economy: EconomySnapshot, *, interim_month: int = INTERIM_MONTH
) -> Accuracy | None:
    """Each forecast's difference from the outcome; None before the books are closed."""
    if economy.outcome is None:
        return None
    interim = economy.forecast_in(interim_month)
    return Accuracy(
        outcome=economy.outcome,
        monthly=tuple(_error(point, economy.outcome) for point in economy.forecasts),
        interim=_error(interim, economy.outcome) if interim else None,
    )
