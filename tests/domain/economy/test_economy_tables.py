"""The economy tables built from the hand-made ledger: figures, sums, signs and ties."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from uppsikt.domain.checks.tables import check_table
from uppsikt.domain.checks.ties import check_ties
from uppsikt.domain.economy.analysis import aggregate
from uppsikt.domain.economy.economy_tables import economy_tables
from uppsikt.domain.figures import shown
from uppsikt.domain.money import Amount, Unit
from uppsikt.domain.tables import ColumnKind, FigureTable
from uppsikt.importers.package.loader import load_package

from .facts import (
    AF,
    BOARD,
    REVISED,
    YEAR,
    actual,
    budget,
    fact,
    ledger,
    mapping,
    report_with,
    unplaced,
)

DEMO_TABLES = Path(__file__).resolve().parents[3] / "examples" / "malmo-ks-2025" / "tables"


def _tables(**options: object) -> dict[str, FigureTable]:
    facts = ledger()
    agg = aggregate(facts, mapping(), YEAR)
    previous = aggregate(facts, mapping(), YEAR - 1)
    return economy_tables(agg, previous_year_aggregate=previous, **options)  # type: ignore[arg-type]


def _kr(table: FigureTable, row: str, column: str) -> int | Decimal | None:
    value = shown(table, table.row(row), table.column(column))
    if isinstance(value, Amount):
        assert value.precision == 1  # exact kronor, never a rounded figure
        return value.kronor
    return value if isinstance(value, Decimal) else None


def test_income_statement_in_report_sign() -> None:
    table = _tables()["income_statement"]
    assert table.unit is Unit.TKR and table.decimals == 0
    assert _kr(table, "grants", "actual") == 300_000  # income positive
    assert _kr(table, "salaries", "actual") == -2_600_000  # costs negative
    assert _kr(table, "total_staff_costs", "actual") == -3_000_000
    assert _kr(table, "other_staff_costs", "actual") == 0  # known column, no facts: 0
    assert _kr(table, "net_cost_before_financial", "budget") == -4_600_000
    # Allocation derived from the budget (none given): the board's and the budget areas'.
    assert _kr(table, "allocation", "actual") == _kr(table, "allocation", "budget") == 5_000_000
    assert _kr(table, "net_cost", "actual") == -4_697_000
    assert _kr(table, "result", "actual") == 303_000
    assert _kr(table, "result", "budget") == 400_000  # charge-funded surplus budgeted
    assert _kr(table, "other_costs", "variance") == -200_000  # actual − budget: worse
    assert _kr(table, "financial_income", "variance") == 5_000


def test_given_allocation_enters_budget_and_actual() -> None:
    table = _tables(allocation={BOARD: 2_400_000, AF: 2_500_000})["income_statement"]
    assert _kr(table, "allocation", "budget") == 4_900_000
    assert _kr(table, "result", "actual") == 203_000
    split = _tables(allocation={BOARD: 2_400_000, AF: 2_500_000})["financing_split"]
    assert _kr(split, "allocation", "charge_funded") == 0


def test_financing_split() -> None:
    table = _tables()["financing_split"]
    assert _kr(table, "total_income", "allocation_funded") == 400_000
    assert _kr(table, "other_costs", "board") == -2_000_000  # premises + other costs
    assert _kr(table, "other_costs", "total") == -3_050_000
    assert _kr(table, "financial", "charge_funded") == 3_000
    assert _kr(table, "result", "board") == 500_000
    assert _kr(table, "result", "allocation_funded") == -600_000
    assert _kr(table, "result", "charge_funded") == 403_000
    assert _kr(table, "result", "total") == 303_000


def test_budget_areas_investments_appropriations() -> None:
    tables = _tables()
    areas = tables["budget_areas"]
    assert [row.key for row in areas.rows] == ["stadsdirektor", "kansli", "total"]
    assert areas.row("kansli").label == "Kansli"
    assert (_kr(areas, "kansli", "budget"), _kr(areas, "kansli", "actual")) == (
        -1_050_000,
        -1_650_000,
    )
    assert _kr(areas, "total", "variance") == -600_000
    assert areas.column("comment").kind is ColumnKind.TEXT
    assert all(row.stated("comment") is None for row in areas.rows)
    investments = tables["investments"]
    assert _kr(investments, "general", "actual") == 700_000  # SIE sign: invested is positive
    assert _kr(investments, "total", "budget") == 1_500_000
    assert _kr(investments, "preparedness", "variance") == 400_000  # budget − actual
    appropriations = tables["appropriations"]
    assert appropriations.unit is Unit.MKR and appropriations.decimals == 1
    assert _kr(appropriations, "fees", "budget") == 2_500_000
    assert _kr(appropriations, "fees", "actual") == -2_000_000
    assert _kr(appropriations, "total", "variance") == 500_000  # budget + actual


def test_net_cost_trend_and_operating_result() -> None:
    tables = _tables(forecast_version="DR 2025")
    trend = tables["net_cost_trend"]
    assert _kr(trend, "income", "current") == 1_405_000  # with financial income
    assert _kr(trend, "costs", "current") == -6_102_000  # with financial costs
    assert _kr(trend, "net_cost", "previous") == -200_000
    assert trend.column("previous").label == "Utfall 2024"
    change = _kr(trend, "income", "change_pct")
    assert isinstance(change, Decimal) and round(change, 1) == Decimal("56.1")
    result = tables["operating_result"]
    assert result.column("forecast").label == "Prognos DR 2025"
    assert _kr(result, "net_cost", "forecast") == -4_250_000
    assert _kr(result, "result", "forecast") == 750_000
    assert _kr(result, "result", "change") == -447_000
    assert "operating_result" not in _tables()
    later = _tables(
        forecast_version="DR 2025", forecast_allocation={BOARD: 2_500_000, AF: 2_400_000}
    )
    assert _kr(later["operating_result"], "allocation", "change") == 100_000


def test_without_previous_year_or_budget_columns_stay_empty() -> None:
    agg = aggregate(actual(), mapping(), YEAR)
    tables = economy_tables(agg)
    statement = tables["income_statement"]
    assert _kr(statement, "grants", "budget") is None  # no budget is not a budget of 0
    assert _kr(statement, "allocation", "actual") is None  # nothing to derive it from
    assert statement.row("grants").stated("variance") is None  # left to the merged report
    trend = tables["net_cost_trend"]
    assert trend.row("income").stated("previous") is None
    assert _kr(trend, "income", "change_pct") is None


def test_revised_budget_is_used_when_present() -> None:
    revised = budget(REVISED)
    revised[8] = fact("4010", 2_700_000, "KS10", phase=REVISED)
    agg = aggregate(ledger() + revised, mapping(), YEAR)
    table = economy_tables(agg)["income_statement"]
    assert _kr(table, "other_costs", "budget") == -2_900_000
    assert _kr(table, "allocation", "budget") == 5_200_000


def test_tables_add_up_and_tie_exactly() -> None:
    tables = _tables(forecast_version="DR 2025")
    for table in tables.values():
        assert list(check_table(table)) == [], table.key
    assert list(check_ties(report_with(*tables.values()))) == []


def test_a_cost_centre_without_financing_shows_in_the_split() -> None:
    agg = aggregate(ledger() + unplaced(), mapping(), YEAR)
    split = economy_tables(agg)["financing_split"]
    assert _kr(split, "staff_costs", "total") == -3_010_000  # every fact
    findings = list(check_table(split))
    assert findings and {f.place for f in findings} >= {
        "table:financing_split/row:staff_costs/col:total"
    }


@pytest.mark.parametrize(
    "key",
    [
        "income_statement",
        "financing_split",
        "budget_areas",
        "net_cost_trend",
        "investments",
        "appropriations",
        "operating_result",
    ],
)
def test_keys_match_the_demo_package(key: str) -> None:
    """Same row and column keys as the demo report, so checks and document work unchanged."""
    demo = load_package(DEMO_TABLES.parent).report.table(key)
    built = _tables(forecast_version="DR 2025")[key]
    assert [(c.key, c.kind, c.formula) for c in built.columns] == [
        (c.key, c.kind, c.formula) for c in demo.columns
    ]
    assert (built.unit, built.decimals, built.kind) == (demo.unit, demo.decimals, demo.kind)
    rows = [(r.key, r.role, r.sum_of) for r in built.rows]
    if key in ("budget_areas", "appropriations"):
        # Their item rows are the mapping's (Malmö's in the demo); the total is the same.
        total = demo.row("total")
        assert rows[-1][:2] == (total.key, total.role)
        assert rows[-1][2] == tuple(key for key, _, _ in rows[:-1])
    else:
        assert rows == [(r.key, r.role, r.sum_of) for r in demo.rows]
