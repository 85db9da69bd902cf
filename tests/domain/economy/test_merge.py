"""A report whose tables take the ledger's figures but keep the package's words."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from uppsikt.documents.build import build_document
from uppsikt.documents.html import render_html
from uppsikt.domain.checks.tables import check_table
from uppsikt.domain.economy.analysis import aggregate
from uppsikt.domain.economy.economy_tables import economy_tables
from uppsikt.domain.economy.merge import merge_table, with_ledger_tables
from uppsikt.domain.economy.model import ObjectRule
from uppsikt.domain.figures import shown
from uppsikt.domain.money import Amount
from uppsikt.domain.tables import FigureTable
from uppsikt.importers.package.loader import load_package

from .facts import AF, YEAR, actual, fact, ledger, mapping

DEMO = Path(__file__).resolve().parents[3] / "examples" / "malmo-ks-2025"


def _ledger_tables() -> dict[str, FigureTable]:
    rules = (
        *mapping().object_rules,
        ObjectRule("1", "SK03", "Nytt", budget_area="nytt", financing=AF),
    )
    facts = [*ledger(), fact("5020", 75_000, "SK03", month=5)]
    with_new_area = replace(mapping(), object_rules=rules)
    previous = aggregate(facts, with_new_area, YEAR - 1)
    agg = aggregate(facts, with_new_area, YEAR)
    return economy_tables(agg, forecast_version="DR 2025", previous_year_aggregate=previous)


def _kronor(table: FigureTable, row: str, column: str) -> int | None:
    value = shown(table, table.row(row), table.column(column))
    return value.kronor if isinstance(value, Amount) else None


def test_merged_demo_keeps_words_and_takes_figures() -> None:
    report = load_package(DEMO).report
    merged = with_ledger_tables(report, _ledger_tables())
    statement, before = merged.table("income_statement"), report.table("income_statement")
    assert (statement.title, statement.unit, statement.decimals) == (
        before.title,
        before.unit,
        before.decimals,
    )
    assert statement.row("payroll_overhead").label == "PO-Pålägg"  # the package's spelling
    assert statement.row("salaries").stated("actual") == Amount(-2_675_000)
    assert _kronor(statement, "result", "actual") == 228_000
    assert list(check_table(statement)) == []  # exact figures add up to the krona

    areas = merged.table("budget_areas")
    kansli = areas.row("kansli")
    assert kansli.label == "Kansli, dokument och ärendehantering"
    assert kansli.stated("comment") == "Personalkostnader för vakanser"
    assert kansli.stated("actual") == Amount(-1_650_000)
    # A row the ledger does not have stays as stated.
    assert areas.row("ekonomi") == report.table("budget_areas").row("ekonomi")
    # A budget area the report lacks is added after its neighbour and to the total.
    keys = [row.key for row in areas.rows]
    assert keys.index("nytt") == keys.index("kansli") + 1
    assert "nytt" in areas.row("total").sum_of
    assert areas.row("nytt").stated("actual") == Amount(-75_000)
    assert areas.row("nytt").stated("comment") is None

    assert not merged.has_table("appropriations") or merged.table("appropriations").row(
        "memberships"
    ) == report.table("appropriations").row("memberships")
    assert [t.key for t in merged.tables] == [t.key for t in report.tables]
    assert merged.chapters == report.chapters


def test_merged_report_renders() -> None:
    merged = with_ledger_tables(load_package(DEMO).report, _ledger_tables())
    html = render_html(build_document(merged))
    assert "Kansli, dokument och ärendehantering" in html
    assert "Personalkostnader för vakanser" in html
    assert "\u22122\u00a0675" in html  # salaries, −2 675 tkr from the ledger
    assert "Nytt" in html


def test_percentages_and_unknown_columns() -> None:
    ledger_tables = economy_tables(aggregate(actual(), mapping(), YEAR))  # no budget, no 2024
    report = load_package(DEMO).report
    merged = with_ledger_tables(report, ledger_tables)
    trend, before = merged.table("net_cost_trend"), report.table("net_cost_trend")
    income = trend.row("income")
    # The ledger's current year, the package's previous year, the percentage recomputed.
    assert income.stated("current") == Amount(1_405_000)
    assert income.stated("previous") == before.row("income").stated("previous")
    assert income.stated("change_pct") is None
    change = shown(trend, income, trend.column("change_pct"))
    assert isinstance(change, Decimal) and change < -99
    statement, before = merged.table("income_statement"), report.table("income_statement")
    # Without a ledger budget the stated budget stays and the variance is recomputed.
    assert statement.row("grants").stated("budget") == before.row("grants").stated("budget")
    assert statement.row("grants").stated("variance") is None
    assert _kronor(statement, "grants", "variance") == 300_000 - 20_256_000


def test_merge_table_leaves_rows_alone_without_a_counterpart() -> None:
    ledger_tables = _ledger_tables()
    table = load_package(DEMO).report.table("investments")
    assert merge_table(table, ledger_tables["investments"]).row("general").stated(
        "actual"
    ) == Amount(700_000)
    empty = replace(ledger_tables["investments"], rows=())
    assert merge_table(table, empty) == table
