"""A small hand-made ledger: two budget areas, a board cost centre, a charge-funded unit,
two investment projects, a forecast and a previous year, with figures easy to add by hand.

Amounts are in SIE signs (debit positive): income negative, costs positive.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from uppsikt.domain.economy.model import Fact, Financing, Mapping, ObjectRule, Phase
from uppsikt.domain.model import (
    Chapter,
    Municipality,
    Organisation,
    OrganisationKind,
    Period,
    PeriodKind,
    Report,
    Term,
)
from uppsikt.domain.tables import FigureTable
from uppsikt.importers.ledger_mapping import default_mapping

YEAR = 2025
ACTUAL, BUDGET, REVISED = Phase.ACTUAL, Phase.ORIGINAL_BUDGET, Phase.REVISED_BUDGET
FORECAST = Phase.FORECAST
EXECUTIVE_BOARD = OrganisationKind.EXECUTIVE_BOARD
AF, BOARD, CF = Financing.ALLOCATION_FUNDED, Financing.BOARD, Financing.CHARGE_FUNDED

OBJECT_RULES = (
    ObjectRule("1", "SK01", "Stadsdirektör", budget_area="stadsdirektor", financing=AF),
    ObjectRule("1", "SK02", "Kansli", budget_area="kansli", financing=AF),
    ObjectRule("1", "KS10", "Arvoden", financing=BOARD, appropriation="fees"),
    ObjectRule("1", "AV01", "Avgiftsfinansierat", financing=CF),
    ObjectRule("6", "INV01", "Allmänt investeringsutrymme", investment="general"),
    ObjectRule("6", "INV02", "Beredskap", investment="preparedness"),
)


def mapping() -> Mapping:
    return replace(default_mapping(), object_rules=OBJECT_RULES)


def fact(
    account: str,
    amount: str | int,
    centre: str | None = None,
    *,
    phase: Phase = ACTUAL,
    month: int = 0,
    year: int = YEAR,
    version: str = "",
    project: str | None = None,
) -> Fact:
    objects: list[tuple[str, str]] = []
    if centre:
        objects.append(("1", centre))
    if project:
        objects.append(("6", project))
    return Fact(year, month, account, tuple(objects), phase, Decimal(amount), version)


def actual() -> list[Fact]:
    return [
        fact("5020", "1000000.40", "SK01", month=3),  # öre: each cell rounds to whole kronor
        fact("5020", "200000.40", "SK01", month=4),
        fact("5610", 400_000, "SK01", month=4),
        fact("3510", -300_000, "SK01", month=5),
        fact("6110", 150_000, "SK01", month=5),
        fact("5020", 800_000, "SK02", month=3),
        fact("4010", 900_000, "SK02", month=6),
        fact("7810", 50_000, "SK02", month=12),
        fact("3010", -100_000, "SK02", month=2),
        fact("4010", 2_000_000, "KS10", month=6),
        fact("3110", -1_000_000, "AV01", month=6),
        fact("5020", 600_000, "AV01", month=6),
        fact("8410", -5_000, "AV01", month=12),
        fact("8510", 2_000, "AV01", month=12),
        fact("1930", -5_000_000, month=12),  # bank: ignored
        fact("1210", 700_000, project="INV01", month=9),
        fact("1210", 100_000, project="INV02", month=9),
    ]


def budget(phase: Phase = BUDGET) -> list[Fact]:
    return [
        fact("5020", 1_300_000, "SK01", phase=phase),
        fact("5610", 400_000, "SK01", phase=phase),
        fact("3510", -400_000, "SK01", phase=phase),
        fact("6110", 150_000, "SK01", phase=phase),
        fact("5020", 900_000, "SK02", phase=phase),
        fact("4010", 200_000, "SK02", phase=phase),
        fact("7810", 50_000, "SK02", phase=phase),
        fact("3010", -100_000, "SK02", phase=phase),
        fact("4010", 2_500_000, "KS10", phase=phase),
        fact("3110", -1_000_000, "AV01", phase=phase),
        fact("5020", 600_000, "AV01", phase=phase),
        fact("1210", 1_000_000, project="INV01", phase=phase),
        fact("1210", 500_000, project="INV02", phase=phase),
    ]


def forecast(version: str = "DR 2025") -> list[Fact]:
    return [
        fact("5020", 1_250_000, "SK01", phase=FORECAST, version=version),
        fact("4010", 1_300_000, "SK02", phase=FORECAST, version=version),
        fact("4010", 2_100_000, "KS10", phase=FORECAST, version=version),
        fact("3110", -1_000_000, "AV01", phase=FORECAST, version=version),
        fact("5020", 600_000, "AV01", phase=FORECAST, version=version),
    ]


def previous_year() -> list[Fact]:
    return [
        fact("5020", 1_100_000, "SK01", year=YEAR - 1, month=6),
        fact("3110", -900_000, "AV01", year=YEAR - 1, month=6),
    ]


def unplaced() -> list[Fact]:
    """Facts the mapping cannot place fully: they must be listed, not lost."""
    return [
        fact("8010", -999, "SK01", month=1),  # skatteintäkter: no line in the default
        fact("5020", 10_000, "ZZ99", month=1),  # a cost centre without a rule
        fact("1210", 50_000, month=9),  # an investment account without a project
    ]


def ledger() -> list[Fact]:
    return actual() + budget() + forecast() + previous_year()


def report_with(*tables: FigureTable, chapters: tuple[Chapter, ...] = ()) -> Report:
    """A bare report for the checks: one organisation, the given tables."""
    municipality = Municipality(
        "exempel", "Exempelstad", (Organisation("ks", "Kommunstyrelsen", EXECUTIVE_BOARD),)
    )
    period = Period(YEAR, PeriodKind.ANNUAL_ANALYSIS)
    return Report(municipality, "ks", Term(2023, 2026), period, chapters=chapters, tables=tables)
