"""A forecast file's facts split into one full-year forecast per organisation (pure)."""

from __future__ import annotations

from decimal import Decimal

from forecast_files import forecast_mapping
from uppsikt.domain.economy.model import Fact, Phase
from uppsikt.domain.oversight.forecast_import import (
    OrganisationForecast,
    forecasts_from_facts,
    mapped_organisations,
)


def fact(
    account: str, centre: str, phase: Phase, amount: int, version: str = "", year: int = 2025
) -> Fact:
    return Fact(year, 0, account, (("1", centre),), phase, Decimal(amount), version)


FACTS = [
    fact("5010", "KS01", Phase.ORIGINAL_BUDGET, 1_000_000),
    fact("3010", "KS01", Phase.ORIGINAL_BUDGET, -150_000),
    fact("5010", "KS01", Phase.FORECAST, 1_100_000, "2025-08"),
    fact("3010", "KS01", Phase.FORECAST, -120_000, "2025-08"),
    fact("5010", "KS02", Phase.FORECAST, 210_000, "2025-08"),
    fact("5010", "KS01", Phase.FORECAST, 9_999_999, "2025-05"),  # another version
    fact("5010", "SBN1", Phase.FORECAST, 380_000, "2025-08"),  # no budget
    fact("5010", "X99", Phase.FORECAST, 50_000, "2025-08"),  # nobody's cost centre
    fact("5010", "KS01", Phase.FORECAST, 7_000_000, "2025-08", year=2024),  # another year
]


def test_net_cost_per_organisation_from_its_own_cost_centres_and_version() -> None:
    got = forecasts_from_facts(FACTS, forecast_mapping(), 2025, "2025-08")

    assert got == [
        OrganisationForecast("kommunstyrelsen", 1_190_000, 850_000),
        OrganisationForecast("stadsbyggnadsnamnden", 380_000, None),
    ]


def test_an_organisation_without_facts_of_the_version_gets_no_forecast() -> None:
    assert forecasts_from_facts(FACTS, forecast_mapping(), 2025, "2025-12") == []


def test_the_mapped_organisations_in_mapping_order() -> None:
    assert mapped_organisations(forecast_mapping()) == ("kommunstyrelsen", "stadsbyggnadsnamnden")
