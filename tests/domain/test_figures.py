from decimal import Decimal

import pytest

from uppsikt.domain.figures import compute, shown
from uppsikt.domain.money import Amount
from uppsikt.domain.tables import Column, ColumnKind, FigureTable, RowRole, parse_formula

from .factory import table


def _trend() -> FigureTable:
    return table(
        "net_cost_trend",
        [
            ("income", {"current": "254 272", "previous": "248 895"}, RowRole.ITEM, ()),
            ("costs", {"current": "-734 394", "previous": "-741 879"}, RowRole.ITEM, ()),
            ("net_cost", {}, RowRole.TOTAL, ("income", "costs")),
        ],
        columns=(
            Column("current", "2025"),
            Column("previous", "2024"),
            Column("change", "Förändring i %", ColumnKind.PERCENT, "pct_change(current, previous)"),
        ),
    )


def test_unstated_cells_are_computed_from_rows_and_formulas() -> None:
    trend = _trend()
    net = trend.row("net_cost")
    assert shown(trend, net, trend.column("current")) == Amount(-480_122_000, 1000)
    change = shown(trend, net, trend.column("change"))
    assert isinstance(change, Decimal)
    assert round(change, 1) == Decimal("-2.6")
    income_change = compute(trend, trend.row("income"), trend.column("change"))
    assert income_change is not None and isinstance(income_change.value, Decimal)
    assert round(income_change.value, 1) == Decimal("2.2")


def test_formulas_parse_or_explain() -> None:
    assert parse_formula("actual - budget").terms == ((1, "actual"), (-1, "budget"))
    assert parse_formula("pct_change(a, b)").pct == ("a", "b")
    with pytest.raises(ValueError, match="går inte att tolka"):
        parse_formula("actual * 2")
