"""The economy overview as pure functions: deviation signs, zero allocations, rows without
forecasts, the trend's direction and tolerance, totals, sorting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uppsikt.domain.model import OrganisationKind
from uppsikt.domain.oversight.economy import (
    SORT_KEYS,
    Direction,
    Group,
    TrendPoint,
    direction_of,
    economy_overview,
    economy_row,
    economy_totals,
    percent_text,
    sort_rows,
)
from uppsikt.domain.oversight.snapshot import EconomySnapshot, ForecastPoint, OrganisationRef

M = 1_000_000
KS = OrganisationRef(1, "ks", "Kommunstyrelsen", OrganisationKind.EXECUTIVE_BOARD)
SBN = OrganisationRef(2, "sbn", "Stadsbyggnadsnämnden", OrganisationKind.BOARD)
MKB = OrganisationRef(3, "mkb", "MKB Fastighets AB", OrganisationKind.COMPANY)
VA = OrganisationRef(4, "va", "VA SYD", OrganisationKind.FEDERATION)


def snapshot(
    key: str,
    *points: tuple[int, int, int],
    outcome: int | None = None,
    allocation: int | None = None,
) -> EconomySnapshot:
    return EconomySnapshot(
        key, 2025, tuple(ForecastPoint(m, n, a) for m, n, a in points), allocation, outcome
    )


def test_a_forecast_over_the_allocation_is_a_negative_deviation() -> None:
    row = economy_row(KS, snapshot("ks", (2, 501 * M, 500 * M), (8, 512 * M, 500 * M)))
    assert row.allocation == 500 * M
    assert (row.forecast_month, row.forecast_net_cost) == (8, 512 * M)
    assert row.forecast_deviation == -12 * M
    assert row.forecast_percent == Decimal("-2.4")
    assert percent_text(row.forecast_percent) == "-2.4"


def test_the_allocation_comes_from_the_latest_forecast_else_the_outcome() -> None:
    changed = economy_row(KS, snapshot("ks", (2, 1, 100), (8, 1, 120)))
    assert changed.allocation == 120
    closed_only = economy_row(KS, snapshot("ks", outcome=90, allocation=100))
    assert closed_only.allocation == 100
    assert closed_only.forecast_deviation is None
    assert (closed_only.outcome_net_cost, closed_only.outcome_deviation) == (90, 10)


def test_a_zero_allocation_has_no_percentage() -> None:
    row = economy_row(VA, snapshot("va", (8, 3 * M, 0)))
    assert row.forecast_deviation == -3 * M
    assert row.forecast_percent is None
    assert percent_text(None) is None


def test_an_organisation_without_figures_gets_an_empty_row() -> None:
    (row,) = economy_overview({}, [SBN])
    assert row.organisation is SBN
    assert row.allocation is row.forecast_net_cost is row.outcome_net_cost is None
    assert row.trend == () and row.direction is None


def test_the_outcome_deviation_uses_the_outcomes_own_allocation() -> None:
    row = economy_row(KS, snapshot("ks", (8, 105, 100), outcome=110, allocation=102))
    assert row.forecast_deviation == -5
    assert row.outcome_deviation == -8
    assert row.outcome_percent is not None and percent_text(row.outcome_percent) == "-7.8"


def test_the_trend_lists_each_months_deviation() -> None:
    row = economy_row(KS, snapshot("ks", (2, 501, 500), (4, 505, 500), (8, 512, 500)))
    assert row.trend == (TrendPoint(2, -1), TrendPoint(4, -5), TrendPoint(8, -12))
    assert row.direction is Direction.WORSENING
    assert row.trend_change == -11


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (-10 * M, -5 * M, Direction.IMPROVING),
        (-5 * M, -10 * M, Direction.WORSENING),
        (-5 * M, -5 * M - 500_000, Direction.STABLE),  # 0.5 % of 100 Mkr is the limit
        (-5 * M, -5 * M - 500_001, Direction.WORSENING),
    ],
)
def test_direction_with_the_stated_tolerance(first: int, last: int, expected: Direction) -> None:
    trend = (TrendPoint(2, first), TrendPoint(8, last))
    assert direction_of(trend, 100 * M, Decimal("0.5")) is expected


def test_one_forecast_has_no_direction() -> None:
    assert direction_of((TrendPoint(8, -1),), 100, Decimal("0.5")) is None


def test_totals_per_group_and_for_the_city() -> None:
    rows = economy_overview(
        {
            "ks": snapshot("ks", (8, 510, 500), outcome=505, allocation=500),
            "sbn": snapshot("sbn", (8, 90, 100)),
            "mkb": snapshot("mkb", (8, 201, 200)),
        },
        [KS, SBN, MKB, VA],
    )
    boards, companies, federations, city = economy_totals(rows)
    assert (boards.group, boards.organisations) == (Group.BOARDS, 2)
    assert (boards.allocation, boards.forecast_net_cost, boards.forecast_deviation) == (
        600,
        600,
        0,
    )
    assert (boards.outcome_net_cost, boards.outcome_deviation) == (505, -5)
    assert (companies.forecast_deviation, companies.forecast_percent) == (-1, Decimal("-0.5"))
    assert companies.outcome_net_cost is None
    assert (federations.organisations, federations.forecast_percent) == (1, None)
    assert city.group is None and city.organisations == 4
    assert city.forecast_deviation == -1 and city.allocation == 800


@given(st.lists(st.integers(-(10**9), 10**9), min_size=1, max_size=12))
def test_the_city_total_is_the_exact_sum_of_the_rows(deviations: list[int]) -> None:
    refs = [
        OrganisationRef(i, f"o{i}", f"O{i}", OrganisationKind.BOARD) for i in range(len(deviations))
    ]
    economy = {
        ref.key: snapshot(ref.key, (8, 10**9 - deviation, 10**9))
        for ref, deviation in zip(refs, deviations, strict=True)
    }
    *_groups, city = economy_totals(economy_overview(economy, refs))
    assert city.forecast_deviation == sum(deviations)


def test_sorting_by_every_column_puts_empty_values_last() -> None:
    rows = economy_overview(
        {"ks": snapshot("ks", (8, 510, 500)), "sbn": snapshot("sbn", (4, 90, 100))},
        [KS, SBN, MKB],
    )
    for key in SORT_KEYS:
        for descending in (False, True):
            ordered = sort_rows(rows, key, descending=descending)
            assert sorted(r.organisation.key for r in ordered) == ["ks", "mkb", "sbn"]
    by_deviation = sort_rows(rows, "deviation")
    assert [r.organisation.key for r in by_deviation] == ["ks", "sbn", "mkb"]
    assert [r.organisation.key for r in sort_rows(rows, "deviation", descending=True)] == [
        "sbn",
        "ks",
        "mkb",
    ]
    assert [r.organisation.key for r in sort_rows(rows, "name")] == ["ks", "mkb", "sbn"]
    with pytest.raises(KeyError):
        sort_rows(rows, "nonsense")


def test_percent_text_rounds_half_away_from_zero_and_has_no_negative_zero() -> None:
    assert percent_text(Decimal("-1.25")) == "-1.3"
    assert percent_text(Decimal("1.25")) == "1.3"
    assert percent_text(Decimal("-0.04")) == "0.0"
