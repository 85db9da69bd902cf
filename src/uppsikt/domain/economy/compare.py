"""Rule `ledger.stated_figure`: the figures a report states agree with the ledger.

Only cells the report states *and* the ledger builds (same table, row and column key)
are compared. The severity comes from the table checks' own rounding rule
(`uppsikt.domain.checks.tables.compare`), with the ledger's exact figure in the place of
the computed one: a stated figure that rounds to the ledger's is fine; a stated total
within the rounding slack of the rows it was added from gets a note (its author added
rounded figures); more is an error (a truncated figure, a warning, as in the table checks).
"""

from __future__ import annotations

from decimal import Decimal

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.checks.tables import cell_place, cell_where, compare, present
from uppsikt.domain.figures import Computation, compute, shown
from uppsikt.domain.model import Report
from uppsikt.domain.money import Amount, format_number
from uppsikt.domain.tables import Column, ColumnKind, FigureTable, Row

RULE = "ledger.stated_figure"


def compare_with_report(report: Report, ledger_tables: dict[str, FigureTable]) -> list[Finding]:
    """Findings for every stated figure that the ledger does not bear out, in table order."""
    findings = []
    for table in report.tables:
        ledger = ledger_tables.get(table.key)
        if ledger is None:
            continue
        for row in table.rows:
            if not ledger.has_row(row.key):
                continue
            for column in table.columns:
                if column.kind is ColumnKind.TEXT or not ledger.has_column(column.key):
                    continue
                value = shown(ledger, ledger.row(row.key), ledger.column(column.key))
                if isinstance(value, Amount | Decimal):
                    finding = _compare_cell(table, row, column, value)
                    if finding is not None:
                        findings.append(finding)
    return findings


def _compare_cell(
    table: FigureTable, row: Row, column: Column, value: Amount | Decimal
) -> Finding | None:
    stated = row.stated(column.key)
    if (
        stated is None
        or isinstance(stated, str)
        or isinstance(value, Amount) != isinstance(stated, Amount)
    ):
        return None
    # A stated sum or formula cell may be off by the rounding of what it was added from.
    own = compute(table, row, column)
    tolerance = own.tolerance if own is not None else Decimal(0)
    verdict = compare(table, row, column, Computation(value, tolerance, 1, "ledger"), RULE, "")
    if verdict is None:
        return None
    stated_text = present(table, column, stated)
    ledger_text = present(table, column, value)
    if isinstance(value, Amount):
        ledger_text += f" ({format_number(value.kronor)} kr)"
    # Table, row and column are named by `where` (shown before the message), not repeated.
    head = f"Tabellen anger {stated_text}, huvudboken ger {ledger_text}."
    tail = {
        Severity.NOTE: " Skillnaden ryms inom avrundningen av raderna summan bygger på.",
        Severity.WARNING: (
            " Skillnaden är något större än avrundning förklarar; siffran verkar trunkerad."
        ),
        Severity.ERROR: (
            " Skillnaden är större än avrundning kan förklara; rätta siffran eller "
            "kontrollera bokföringen och mappningen."
        ),
    }[verdict.severity]
    return Finding(
        RULE,
        verdict.severity,
        head + tail,
        cell_place(table, row, column),
        cell_where(table, row, column),
    )
