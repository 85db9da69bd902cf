"""A report whose economy tables take their figures from the ledger.

The package keeps what people wrote: each table's title, labels, unit and decimals for
display, note, column layout and text cells (the explanations of variances). The ledger
gives the figures, exact to the krona, for every row and column both have. A row only
the report has stays as stated; a row only the ledger has (a budget area the report
forgot) is added next to its neighbours and to the sums that include it.
"""

from __future__ import annotations

from dataclasses import replace

from uppsikt.domain.model import Report
from uppsikt.domain.tables import Cell, Column, ColumnKind, FigureTable, Row


def with_ledger_tables(report: Report, ledger_tables: dict[str, FigureTable]) -> Report:
    """A copy of `report` whose tables with a ledger counterpart carry the ledger's figures.

    Tables the report does not have are not added: the report decides what it shows."""
    tables = tuple(
        merge_table(table, ledger_tables[table.key]) if table.key in ledger_tables else table
        for table in report.tables
    )
    return replace(report, tables=tables)


def merge_table(stated: FigureTable, ledger: FigureTable) -> FigureTable:
    """`stated`'s layout and texts with `ledger`'s figures (see the module docstring)."""
    rows: list[Row] = []
    for row in stated.rows:
        if ledger.has_row(row.key):
            rows.append(replace(row, cells=_cells(stated, row, ledger, ledger.row(row.key))))
        else:
            rows.append(row)
    added = [row for row in ledger.rows if not stated.has_row(row.key)]
    for new in added:
        _insert(rows, ledger, new, stated.columns)
    if added:
        new_keys = {row.key for row in added}
        rows = [_with_new_terms(row, ledger, new_keys) for row in rows]
    return replace(stated, rows=tuple(rows))


def _cells(stated: FigureTable, row: Row, ledger: FigureTable, ledger_row: Row) -> dict[str, Cell]:
    cells = dict(row.cells)
    for column in stated.columns:
        if column.kind is ColumnKind.TEXT or not ledger.has_column(column.key):
            continue
        value = ledger_row.stated(column.key)
        if value is not None:
            cells[column.key] = value
        elif ledger.column(column.key).formula or ledger_row.sum_of:
            # The ledger left it to be computed (a percentage, or a variance against a budget
            # it lacks): let the document compute it from the merged figures rather than keep
            # a stated figure that belongs to the old ones.
            cells.pop(column.key, None)
        # else: the ledger has no data for this column at all, so the stated figure stays.
    return cells


def _insert(rows: list[Row], ledger: FigureTable, new: Row, columns: tuple[Column, ...]) -> None:
    """Put `new` right after the row that precedes it in the ledger, else first."""
    keys = [row.key for row in ledger.rows]
    present = {row.key: n for n, row in enumerate(rows)}
    position = 0
    for key in reversed(keys[: keys.index(new.key)]):
        if key in present:
            position = present[key] + 1
            break
    wanted = {column.key for column in columns if column.kind is not ColumnKind.TEXT}
    cells = {key: value for key, value in new.cells.items() if key in wanted}
    rows.insert(position, replace(new, cells=cells))


def _with_new_terms(row: Row, ledger: FigureTable, new_keys: set[str]) -> Row:
    """A stated sum also adds the new rows that the ledger's sum of the same key adds."""
    if not row.sum_of or not ledger.has_row(row.key):
        return row
    extra = tuple(term for term in ledger.row(row.key).sum_of if term.lstrip("-") in new_keys)
    return replace(row, sum_of=row.sum_of + extra) if extra else row
