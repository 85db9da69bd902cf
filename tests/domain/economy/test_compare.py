"""Rule `ledger.stated_figure`: the report's stated figures against the ledger's exact ones."""

from __future__ import annotations

from decimal import Decimal

from uppsikt.domain.checks.findings import Severity
from uppsikt.domain.economy.analysis import aggregate
from uppsikt.domain.economy.compare import RULE, compare_with_report
from uppsikt.domain.economy.economy_tables import economy_tables
from uppsikt.domain.money import Unit, amount_from_stated
from uppsikt.domain.tables import Cell, Column, ColumnKind, FigureTable, Row, RowRole

from .facts import YEAR, fact, mapping, report_with


def _ledger() -> dict[str, FigureTable]:
    facts = [
        fact("3510", "-15416400", "SK01"),
        fact("3010", "-238837400", "SK02"),  # total income 254 253 800 kr
        fact("5020", 2_600_000, "SK01"),
        fact("5020", 1_000_000, "SK01", year=YEAR - 1),
        fact("3510", -10_000_000, "SK01", year=YEAR - 1),
    ]
    agg = aggregate(facts, mapping(), YEAR)
    return economy_tables(agg, previous_year_aggregate=aggregate(facts, mapping(), YEAR - 1))


def _statement(grants: str, total: str, salaries: str = "-2 600") -> FigureTable:
    def row(
        key: str, actual: str, role: RowRole = RowRole.ITEM, sum_of: tuple[str, ...] = ()
    ) -> Row:
        return Row(
            key, key.capitalize(), {"actual": amount_from_stated(actual, Unit.TKR)}, role, sum_of
        )

    return FigureTable(
        "income_statement",
        "Resultaträkning",
        Unit.TKR,
        (Column("actual", "Utfall"), Column("note", "Not", ColumnKind.TEXT)),
        (
            row("grants", grants),
            row("other_income", "238 837"),
            row("total_income", total, RowRole.SUBTOTAL, ("grants", "other_income")),
            row("salaries", salaries),
            row("not_in_ledger", "123"),
        ),
    )


def test_figures_that_round_to_the_ledgers_pass() -> None:
    # 15 416 400 kr is 15 416 tkr; the total as the author added it is 254 253.
    assert compare_with_report(report_with(_statement("15 416", "254 254")), _ledger()) == []


def test_a_stated_total_within_its_rows_rounding_is_a_note() -> None:
    findings = compare_with_report(report_with(_statement("15 416", "254 253")), _ledger())
    assert [(f.rule, f.severity, f.place) for f in findings] == [
        (RULE, Severity.NOTE, "table:income_statement/row:total_income/col:actual")
    ]
    message = findings[0].message
    assert "254\u00a0253 tkr" in message and "254\u00a0254 tkr" in message
    assert "254\u00a0253\u00a0800 kr" in message


def test_a_figure_the_ledger_does_not_bear_out_is_an_error() -> None:
    findings = compare_with_report(
        report_with(_statement("15 416", "254 253", salaries="-2 700")), _ledger()
    )
    error = next(f for f in findings if f.severity is Severity.ERROR)
    assert error.place == "table:income_statement/row:salaries/col:actual"
    assert "\u22122\u00a0700 tkr" in error.message and "\u22122\u00a0600 tkr" in error.message
    assert error.where == "Tabell ”Resultaträkning”, rad ”Salaries”, kolumn ”Utfall”"


def test_a_truncated_leaf_is_a_warning_as_in_the_table_checks() -> None:
    ledger = _ledger()
    findings = compare_with_report(report_with(_statement("15 415", "254 254")), ledger)
    assert [(f.severity, f.place) for f in findings] == [
        (Severity.ERROR, "table:income_statement/row:grants/col:actual")
    ]
    ledger_facts = [
        fact("3510", "-15416600", "SK01"),  # 15 416,6 tkr: stated 15 416 looks truncated
        fact("3010", "-238837400", "SK02"),
        fact("5020", 2_600_000, "SK01"),
    ]
    truncated = economy_tables(aggregate(ledger_facts, mapping(), YEAR))
    findings = compare_with_report(report_with(_statement("15 416", "254 254")), truncated)
    assert [(f.severity, f.place) for f in findings] == [
        (Severity.WARNING, "table:income_statement/row:grants/col:actual")
    ]


def _trend(change: str) -> FigureTable:
    columns = (
        Column("current", "Utfall"),
        Column("previous", "Föregående"),
        Column("change_pct", "Förändring", ColumnKind.PERCENT, "pct_change(current, previous)", 1),
    )
    cells: dict[str, Cell] = {
        "current": amount_from_stated("254 254", Unit.TKR),
        "previous": amount_from_stated("10 000", Unit.TKR),
        "change_pct": Decimal(change),
    }
    return FigureTable(
        "net_cost_trend", "Trend", Unit.TKR, columns, (Row("income", "Intäkter", cells),)
    )


def test_percentages_compare_at_their_stated_decimals() -> None:
    # The ledger: 254 253 800 kr against 10 000 000 kr, +2 442,538 %.
    assert compare_with_report(report_with(_trend("2442.5")), _ledger()) == []
    findings = compare_with_report(report_with(_trend("2500.0")), _ledger())
    assert [(f.severity, f.place) for f in findings] == [
        (Severity.ERROR, "table:net_cost_trend/row:income/col:change_pct")
    ]
    assert "2\u00a0442,5 %" in findings[0].message


def test_tables_rows_and_columns_the_ledger_lacks_are_not_compared() -> None:
    statement = _statement("1", "2", salaries="3")
    other = FigureTable("result_causes", "Orsaker", Unit.TKR, (Column("amount", "Belopp"),), ())
    findings = compare_with_report(report_with(statement, other), {})
    assert findings == []
