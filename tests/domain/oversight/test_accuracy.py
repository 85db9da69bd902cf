"""Forecast accuracy as a pure function: each monthly forecast and the interim forecast
against the outcome, in kronor and in % of the outcome."""

from __future__ import annotations

from decimal import Decimal

from uppsikt.domain.oversight.accuracy import forecast_accuracy
from uppsikt.domain.oversight.snapshot import EconomySnapshot, ForecastPoint


def economy(*points: tuple[int, int], outcome: int | None) -> EconomySnapshot:
    return EconomySnapshot(
        "ks", 2025, tuple(ForecastPoint(m, n, 500) for m, n in points), 500, outcome
    )


def test_no_accuracy_before_the_books_are_closed() -> None:
    assert forecast_accuracy(economy((2, 510), outcome=None)) is None


def test_each_forecast_against_the_outcome() -> None:
    accuracy = forecast_accuracy(economy((2, 490), (8, 520), (10, 505), outcome=500))
    assert accuracy is not None
    assert [(e.month, e.difference, e.percent) for e in accuracy.monthly] == [
        (2, -10, Decimal(-2)),
        (8, 20, Decimal(4)),
        (10, 5, Decimal(1)),
    ]
    assert accuracy.interim is not None and (
        accuracy.interim.month,
        accuracy.interim.difference,
    ) == (8, 20)
    assert accuracy.mean_absolute_difference == 12  # (10 + 20 + 5) / 3 = 11.67


def test_the_interim_forecast_is_the_one_in_force_in_august() -> None:
    accuracy = forecast_accuracy(economy((4, 510), (11, 500), outcome=500))
    assert accuracy is not None and accuracy.interim is not None
    assert (accuracy.interim.month, accuracy.interim.difference) == (4, 10)
    later = forecast_accuracy(economy((9, 510), outcome=500))
    assert later is not None and later.interim is None


def test_an_outcome_of_zero_has_no_percentage_and_no_forecasts_no_rows() -> None:
    accuracy = forecast_accuracy(economy((8, 5), outcome=0))
    assert accuracy is not None and accuracy.monthly[0].percent is None
    empty = forecast_accuracy(economy(outcome=500))
    assert empty is not None and empty.monthly == () and empty.mean_absolute_difference is None
