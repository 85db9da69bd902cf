"""Forecast accuracy as a pure function: each forecast against the outcome."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from uppsikt.domain.oversight.forecast_accuracy import forecast_accuracy, percent_of


def test_each_forecast_is_compared_with_the_outcome_in_kronor_and_percent() -> None:
    accuracy = forecast_accuracy({3: 1_050_000, 8: 1_020_000, 10: 990_000}, 1_000_000)

    assert [(row.month, row.difference, row.percent) for row in accuracy.rows] == [
        (3, 50_000, Decimal("5.0")),
        (8, 20_000, Decimal("2.0")),
        (10, -10_000, Decimal("-1.0")),
    ]
    assert accuracy.interim is not None and accuracy.interim.month == 8
    assert accuracy.mean_absolute_difference == 26_667  # (50 000 + 20 000 + 10 000) / 3
    assert accuracy.largest_miss is not None and accuracy.largest_miss.month == 3


def test_without_an_august_forecast_there_is_no_interim_row() -> None:
    accuracy = forecast_accuracy({5: 900}, 1_000)
    assert accuracy.interim is None
    assert [row.interim for row in accuracy.rows] == [False]


def test_an_outcome_of_zero_has_no_percentage() -> None:
    assert forecast_accuracy({8: 100}, 0).rows[0].percent is None


def test_no_forecasts_give_nothing_to_average() -> None:
    accuracy = forecast_accuracy({}, 1_000)
    assert accuracy.rows == () and accuracy.mean_absolute_difference is None
    assert accuracy.largest_miss is None


def test_percent_rounds_half_away_from_zero() -> None:
    assert percent_of(1, 8) == Decimal("12.5")
    assert percent_of(-1, 16) == Decimal("-6.3")  # -6.25 → -6.3


@given(
    st.dictionaries(st.integers(1, 12), st.integers(-(10**12), 10**12), max_size=12),
    st.integers(-(10**12), 10**12),
)
def test_a_forecast_plus_its_difference_is_the_outcome(
    forecasts: dict[int, int], outcome: int
) -> None:
    for row in forecast_accuracy(forecasts, outcome).rows:
        assert row.forecast - row.difference == outcome
        assert (row.percent is None) == (outcome == 0)
