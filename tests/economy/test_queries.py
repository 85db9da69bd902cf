"""Queries: domain facts for the analysis, budget against actual, imported files."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from uppsikt.domain.economy.model import Fact, Phase
from uppsikt.economy.budget_files import import_budget_file
from uppsikt.economy.queries import (
    BudgetVsActual,
    budget_vs_actual,
    facts_for,
    imported_files,
    latest_version,
)
from uppsikt.organisations.models import Municipality

from .conftest import MAPPING

BUDGET = """\
year,month,account,cost_centre,project,phase,version,amount
2025,1,5011,SK01,,original_budget,,100000
2025,2,5011,SK01,,original_budget,,100000
2025,0,3510,SK01,,original_budget,,-50000
2025,0,5011,SK02,,original_budget,,40000
2025,0,1930,,,original_budget,,999
2024,0,5011,SK01,,original_budget,,7
"""
OUTCOME = """\
year,month,account,cost_centre,project,phase,version,amount
2025,0,5011,SK01,,forecast,T1,210000
2025,0,5011,SK01,,forecast,DR,205000
"""


@pytest.fixture
def imported(municipality: Municipality, write_file: Callable[..., Path]) -> None:
    import_budget_file("exempel", write_file("budget.csv", BUDGET))
    import_budget_file("exempel", write_file("prognos.csv", OUTCOME))


@pytest.mark.django_db
def test_facts_for_gives_domain_facts_in_kronor(imported: None) -> None:
    facts = list(facts_for("exempel", 2025, phases=[Phase.ORIGINAL_BUDGET]))

    assert (
        Fact(2025, 1, "5011", (("1", "SK01"),), Phase.ORIGINAL_BUDGET, Decimal("100000.00"))
        in facts
    )
    assert all(f.phase is Phase.ORIGINAL_BUDGET and f.year == 2025 for f in facts)
    assert len(facts) == 5
    assert {f.version for f in facts_for("exempel", 2025, phases=["forecast"])} == {"T1", "DR"}
    assert len(list(facts_for("exempel", 2025))) == 7


@pytest.mark.django_db
def test_facts_for_stays_in_its_municipality(
    imported: None, other_municipality: Municipality
) -> None:
    assert list(facts_for("annan", 2025)) == []


@pytest.mark.django_db
def test_budget_vs_actual_per_cost_centre_and_line(imported: None, sie_file: Path) -> None:
    from uppsikt.economy.sie_import import import_sie_file

    import_sie_file("exempel", sie_file)  # actual 2025; its #PBUDGET yields to budget.csv

    rows = budget_vs_actual("exempel", 2025, MAPPING)

    # Report signs: income positive, costs negative; variance = actual - budget.
    assert rows == [
        BudgetVsActual(
            "SK01", "Stadsdirektör", "grants", "Bidrag",
            budget=Decimal("50000.00"), actual=Decimal("40000.00"),
            variance=Decimal("-10000.00"), forecast=Decimal("0.00"),
        ),
        BudgetVsActual(
            "SK01", "Stadsdirektör", "salaries", "Lönekostnader",
            budget=Decimal("-200000.00"), actual=Decimal("-50000.00"),
            variance=Decimal("150000.00"), forecast=Decimal("-205000.00"),
        ),
        BudgetVsActual(
            "SK01", "Stadsdirektör", None, "Saknar rad i mappningen",
            budget=Decimal("0.00"), actual=Decimal("-12500.00"),
            variance=Decimal("-12500.00"), forecast=Decimal("0.00"),
        ),
        BudgetVsActual(
            "SK02", "Kultur och fritid", "salaries", "Lönekostnader",
            budget=Decimal("-40000.00"), actual=Decimal("-25000.00"),
            variance=Decimal("15000.00"), forecast=Decimal("0.00"),
        ),
    ]  # fmt: skip


@pytest.mark.django_db
def test_budget_vs_actual_prefers_the_revised_budget(
    imported: None, write_file: Callable[..., Path]
) -> None:
    revised = "year,account,cost_centre,phase,amount\n2025,5011,SK01,revised_budget,250000\n"
    import_budget_file("exempel", write_file("revised.csv", revised))

    rows = budget_vs_actual("exempel", 2025, MAPPING, forecast_version="T1")

    salaries = [r for r in rows if r.line == "salaries"]
    assert [(r.cost_centre, r.budget, r.forecast) for r in salaries] == [
        ("SK01", Decimal("-250000.00"), Decimal("-210000.00")),
    ]  # the revised budget is the whole budget: SK02's original budget is not used
    assert latest_version("exempel", 2025, Phase.FORECAST) == "DR"


@pytest.mark.django_db
def test_budget_vs_actual_without_forecast_has_none(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    import_budget_file("exempel", write_file("budget.csv", BUDGET))

    rows = budget_vs_actual("exempel", 2025, MAPPING)

    assert rows and all(r.forecast is None for r in rows)
    assert all(r.actual == 0 for r in rows)


@pytest.mark.django_db
def test_imported_files_lists_newest_first_with_fact_counts(imported: None) -> None:
    files = imported_files("exempel")

    assert [(f.file_name, f.kind, f.facts, f.years) for f in files] == [
        ("prognos.csv", "budget_csv", 2, (2025,)),
        ("budget.csv", "budget_csv", 6, (2024, 2025)),
    ]
