"""The economy overview of every organisation: allocation, latest forecast, deviation,
outcome and the trend over the year's forecasts, with totals per group and for the city.

Pure: plain snapshots in, rows out. Amounts are whole kronor; a deviation is allocation
minus net cost (negative = deficit); percentages are exact `Decimal`s of the allocation,
rounded to one decimal only when shown (`percent_text`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from uppsikt.domain.model import OrganisationKind
from uppsikt.domain.oversight.snapshot import EconomySnapshot, OrganisationRef

# A change of the deviation between the year's first and latest forecast within this share
# of the allocation (in %) is "stable": half a percent is the noise of a monthly forecast.
TREND_TOLERANCE_PERCENT = Decimal("0.5")


class Direction(StrEnum):
    """Where the year's forecasts are heading, from the first to the latest one."""

    IMPROVING = "improving"
    STABLE = "stable"
    WORSENING = "worsening"

    @property
    def label(self) -> str:
        return {"improving": "Förbättras", "stable": "Oförändrad", "worsening": "Försämras"}[
            self.value
        ]

    @property
    def symbol(self) -> str:
        return {"improving": "↗", "stable": "→", "worsening": "↘"}[self.value]


class Group(StrEnum):
    """The groups of the overview's totals (the executive board counts as a board)."""

    BOARDS = "boards"
    COMPANIES = "companies"
    FEDERATIONS = "federations"

    @property
    def label(self) -> str:
        return {"boards": "Nämnder", "companies": "Bolag", "federations": "Förbund"}[self.value]


def group_of(kind: OrganisationKind) -> Group:
    if kind is OrganisationKind.COMPANY:
        return Group.COMPANIES
    if kind is OrganisationKind.FEDERATION:
        return Group.FEDERATIONS
    return Group.BOARDS


@dataclass(frozen=True)
class TrendPoint:
    month: int
    deviation: int


@dataclass(frozen=True)
class EconomyRow:
    organisation: OrganisationRef
    allocation: int | None  # of the latest forecast, else of the outcome
    forecast_month: int | None
    forecast_net_cost: int | None
    forecast_deviation: int | None
    forecast_percent: Decimal | None  # of the allocation; None when it is 0 or unknown
    outcome_net_cost: int | None  # when the books are closed
    outcome_deviation: int | None
    outcome_percent: Decimal | None
    trend: tuple[TrendPoint, ...]  # the deviation of each month's forecast
    direction: Direction | None  # None with fewer than two forecasts

    @property
    def group(self) -> Group:
        return group_of(self.organisation.kind)

    @property
    def trend_change(self) -> int | None:
        """The latest forecast's deviation minus the first one's (positive = better)."""
        if len(self.trend) < 2:
            return None
        return self.trend[-1].deviation - self.trend[0].deviation


@dataclass(frozen=True)
class EconomyTotal:
    """Sums of a group of rows (or the city); each sum over the rows that have the value."""

    label: str
    group: Group | None  # None for the city
    organisations: int
    allocation: int
    forecast_net_cost: int
    forecast_deviation: int
    forecast_percent: Decimal | None  # deviation of the sum of forecasting rows' allocation
    outcome_net_cost: int | None
    outcome_deviation: int | None


def percent_of(part: int, whole: int | None) -> Decimal | None:
    """`part` in % of `whole`, exact; None when `whole` is 0 or unknown."""
    if not whole:
        return None
    return Decimal(part) * 100 / Decimal(whole)


def percent_text(value: Decimal | None) -> str | None:
    """A percentage with one decimal and a point, as the JSON has it: "-1.3"."""
    if value is None:
        return None
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded + 0:f}"  # + 0 turns -0.0 into 0.0


def direction_of(
    trend: Sequence[TrendPoint], allocation: int | None, tolerance: Decimal
) -> Direction | None:
    """Improving or worsening when the deviation moved more than `tolerance` % of the
    allocation from the first to the latest forecast; else stable."""
    if len(trend) < 2:
        return None
    change = trend[-1].deviation - trend[0].deviation
    limit = abs(Decimal(allocation or 0)) * tolerance / 100
    if abs(change) <= limit:
        return Direction.STABLE
    return Direction.IMPROVING if change > 0 else Direction.WORSENING


def economy_row(
    organisation: OrganisationRef,
    economy: EconomySnapshot | None,
    *,
    tolerance: Decimal = TREND_TOLERANCE_PERCENT,
) -> EconomyRow:
    """One organisation's row (all empty when it has neither forecasts nor an outcome)."""
    latest = economy.latest if economy else None
    outcome = economy.outcome if economy else None
    allocation = latest.allocation if latest else (economy.allocation if economy else None)
    outcome_allocation = economy.allocation if economy and economy.allocation is not None else None
    if outcome_allocation is None:
        outcome_allocation = allocation
    outcome_deviation = (
        outcome_allocation - outcome
        if outcome is not None and outcome_allocation is not None
        else None
    )
    trend = tuple(TrendPoint(p.month, p.deviation) for p in (economy.forecasts if economy else ()))
    return EconomyRow(
        organisation=organisation,
        allocation=allocation,
        forecast_month=latest.month if latest else None,
        forecast_net_cost=latest.net_cost if latest else None,
        forecast_deviation=latest.deviation if latest else None,
        forecast_percent=percent_of(latest.deviation, latest.allocation) if latest else None,
        outcome_net_cost=outcome,
        outcome_deviation=outcome_deviation,
        outcome_percent=(
            percent_of(outcome_deviation, outcome_allocation)
            if outcome_deviation is not None
            else None
        ),
        trend=trend,
        direction=direction_of(trend, allocation, tolerance),
    )


def economy_overview(
    snapshot_economy: Mapping[str, EconomySnapshot],
    organisations: Iterable[OrganisationRef],
    *,
    tolerance: Decimal = TREND_TOLERANCE_PERCENT,
) -> tuple[EconomyRow, ...]:
    """A row per organisation, in the order given (every organisation, with or without
    figures)."""
    return tuple(
        economy_row(ref, snapshot_economy.get(ref.key), tolerance=tolerance)
        for ref in organisations
    )


def _total(label: str, group: Group | None, rows: Sequence[EconomyRow]) -> EconomyTotal:
    forecasting = [row for row in rows if row.forecast_net_cost is not None]
    closed = [row for row in rows if row.outcome_net_cost is not None]
    forecast_allocation = sum(row.allocation or 0 for row in forecasting)
    deviation = sum(row.forecast_deviation or 0 for row in forecasting)
    return EconomyTotal(
        label=label,
        group=group,
        organisations=len(rows),
        allocation=sum(row.allocation or 0 for row in rows),
        forecast_net_cost=sum(row.forecast_net_cost or 0 for row in forecasting),
        forecast_deviation=deviation,
        forecast_percent=percent_of(deviation, forecast_allocation) if forecasting else None,
        outcome_net_cost=sum(row.outcome_net_cost or 0 for row in closed) if closed else None,
        outcome_deviation=sum(row.outcome_deviation or 0 for row in closed) if closed else None,
    )


def economy_totals(rows: Sequence[EconomyRow]) -> tuple[EconomyTotal, ...]:
    """A total per group that has rows (boards, companies, federations), then the city's."""
    totals = [
        _total(group.label, group, members)
        for group in Group
        if (members := [row for row in rows if row.group is group])
    ]
    totals.append(_total("Staden totalt", None, rows))
    return tuple(totals)


# The sorting keys of the overview's columns. Rows without the value come last either way.
SORT_KEYS: dict[str, Callable[[EconomyRow], object]] = {
    "name": lambda row: row.organisation.name.casefold(),
    "kind": lambda row: (list(Group).index(row.group), row.organisation.name.casefold()),
    "allocation": lambda row: row.allocation,
    "month": lambda row: row.forecast_month,
    "net_cost": lambda row: row.forecast_net_cost,
    "deviation": lambda row: row.forecast_deviation,
    "percent": lambda row: row.forecast_percent,
    "outcome": lambda row: row.outcome_net_cost,
    "outcome_deviation": lambda row: row.outcome_deviation,
    "trend": lambda row: row.trend_change,
}


def sort_rows(
    rows: Sequence[EconomyRow], key: str, *, descending: bool = False
) -> tuple[EconomyRow, ...]:
    """`rows` by one column (`SORT_KEYS`), empty values last; ties keep the name order.
    Raises KeyError for an unknown column."""
    value_of = SORT_KEYS[key]
    by_name = sorted(rows, key=lambda row: row.organisation.name.casefold())
    present = [row for row in by_name if value_of(row) is not None]
    missing = [row for row in by_name if value_of(row) is None]
    present.sort(key=value_of, reverse=descending)  # type: ignore[arg-type]
    return (*present, *missing)
