"""Rules on figure tables: rows add up to their stated totals and formulas hold on each row."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.figures import (
    Computation,
    compute_column_formula,
    compute_row_sum,
    round_percent,
)
from uppsikt.domain.model import Report
from uppsikt.domain.money import Amount, format_amount, format_number
from uppsikt.domain.tables import Column, ColumnKind, FigureTable, Row


def cell_place(table: FigureTable, row: Row, column: Column) -> str:
    return f"table:{table.key}/row:{row.key}/col:{column.key}"


def cell_where(table: FigureTable, row: Row, column: Column) -> str:
    return f"Tabell ”{table.title}”, rad ”{row.label}”, kolumn ”{column.label}”"


def present(table: FigureTable, column: Column, value: Amount | Decimal) -> str:
    """A figure as the table states it, with its unit."""
    decimals = table.decimals_for(column)
    if isinstance(value, Amount):
        return f"{format_amount(value.kronor, table.unit, decimals)} {table.unit.short}"
    return f"{format_number(value, decimals)} %"


def compare(
    table: FigureTable, row: Row, column: Column, computed: Computation, rule: str, what: str
) -> Finding | None:
    """Compare a stated cell with its computed value; rounding slips are notes, the rest errors."""
    stated = row.stated(column.key)
    if stated is None or isinstance(stated, str):
        return None
    if isinstance(stated, Amount) and isinstance(computed.value, Amount):
        difference = Decimal(abs(stated.kronor - computed.value.kronor))
        slack = stated.half_step + computed.tolerance
        shown_equal = format_amount(stated.kronor, table.unit, table.decimals) == format_amount(
            computed.value.kronor, table.unit, table.decimals
        )
        if difference == 0 or (shown_equal and difference <= slack):
            return None
    elif isinstance(stated, Decimal) and isinstance(computed.value, Decimal):
        decimals = table.decimals_for(column)
        difference = abs(stated - computed.value)
        slack = computed.tolerance
        if round_percent(computed.value, decimals) == round_percent(stated, decimals):
            return None
    else:
        return None
    stated_text = present(table, column, stated)
    computed_text = present(table, column, computed.value)
    if difference <= slack:
        return Finding(
            rule,
            Severity.NOTE,
            f"Avrundningsdifferens: {what} ger {computed_text}, tabellen anger {stated_text}. "
            "Skillnaden ryms inom avrundningen till tabellens enhet.",
            cell_place(table, row, column),
            cell_where(table, row, column),
        )
    if isinstance(stated, Amount) and difference <= slack + Decimal(stated.precision) / 2:
        return Finding(
            rule,
            Severity.WARNING,
            f"{what.capitalize()} ger {computed_text}, tabellen anger {stated_text}. "
            "Skillnaden är något större än avrundning förklarar; siffran verkar trunkerad.",
            cell_place(table, row, column),
            cell_where(table, row, column),
        )
    return Finding(
        rule,
        Severity.ERROR,
        f"{what.capitalize()} ger {computed_text}, men tabellen anger {stated_text}. "
        "Skillnaden är större än avrundning kan förklara; rätta siffran eller raderna.",
        cell_place(table, row, column),
        cell_where(table, row, column),
    )


def _sum_text(row: Row) -> str:
    parts = ", ".join(term for term in row.sum_of)
    return f"summan av raderna ({parts})"


def check_table(table: FigureTable) -> Iterator[Finding]:
    """Row sums and column formulas of one table."""
    for row in table.rows:
        for column in table.columns:
            if column.kind is ColumnKind.TEXT:
                continue
            row_sum = compute_row_sum(table, row, column)
            if row_sum is not None:
                finding = compare(table, row, column, row_sum, "tables.row_sum", _sum_text(row))
                if finding:
                    yield finding
            formula = compute_column_formula(table, row, column)
            if formula is not None:
                what = f"formeln {column.label} = {column.formula}"
                finding = compare(table, row, column, formula, "tables.column_formula", what)
                if finding:
                    yield finding


def check_tables(report: Report) -> Iterator[Finding]:
    for table in report.tables:
        yield from check_table(table)


def rounding_notes(report: Report) -> frozenset[str]:
    """Keys of the tables whose stated figures differ from computed ones by rounding."""
    keys = set()
    for table in report.tables:
        if any(f.severity is Severity.NOTE for f in check_table(table)):
            keys.add(table.key)
    return frozenset(keys)
