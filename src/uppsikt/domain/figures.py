"""Arithmetic over figure tables: computed cells, shown cells and how far a stated figure
may drift from its computed value through rounding alone."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from uppsikt.domain.money import Amount
from uppsikt.domain.tables import (
    Cell,
    Column,
    ColumnKind,
    FigureTable,
    Row,
    parse_formula,
    parse_sum_term,
)


@dataclass(frozen=True)
class Computation:
    """A cell's computed value, how much rounding of its operands can explain, and how."""

    value: Amount | Decimal
    tolerance: Decimal  # in kronor for amounts, in percentage points for percent
    operands: int
    how: str  # "rows" or "column"


def shown(table: FigureTable, row: Row, column: Column) -> Cell | None:
    """What a document shows in a cell: the stated figure, else the computed one."""
    stated = row.stated(column.key)
    if stated is not None:
        return stated
    if column.kind is ColumnKind.TEXT:
        return None
    computed = compute(table, row, column)
    return computed.value if computed else None


def compute(table: FigureTable, row: Row, column: Column) -> Computation | None:
    """The cell's value computed from other cells: the row sum first, else the column formula."""
    return _compute(table, row, column, frozenset())


def compute_row_sum(table: FigureTable, row: Row, column: Column) -> Computation | None:
    """The cell as the sum of the rows in `sum_of` (None when the row has no sum)."""
    return _row_sum(table, row, column, frozenset())


def compute_column_formula(table: FigureTable, row: Row, column: Column) -> Computation | None:
    """The cell from the column formula over the same row (None without a formula)."""
    return _column_formula(table, row, column, frozenset())


_Seen = frozenset[tuple[str, str]]


def _compute(table: FigureTable, row: Row, column: Column, seen: _Seen) -> Computation | None:
    if (row.key, column.key) in seen or column.kind is ColumnKind.TEXT:
        return None
    seen = seen | {(row.key, column.key)}
    return _row_sum(table, row, column, seen) or _column_formula(table, row, column, seen)


def _value(
    table: FigureTable, row: Row, column: Column, seen: _Seen
) -> tuple[Amount | Decimal, Decimal, int] | None:
    """A cell's value for use as an operand, with its rounding slack and operand count."""
    stated = row.stated(column.key)
    if isinstance(stated, Amount):
        return stated, stated.half_step, 1
    if isinstance(stated, Decimal):
        return stated, _percent_half_step(table, column), 1
    computed = _compute(table, row, column, seen)
    if computed is None:
        return None
    return computed.value, computed.tolerance, computed.operands


def _row_sum(table: FigureTable, row: Row, column: Column, seen: _Seen) -> Computation | None:
    if not row.sum_of or column.kind is not ColumnKind.AMOUNT:
        return None
    total = Amount(0)
    slack = Decimal(0)
    count = 0
    for term in row.sum_of:
        sign, key = parse_sum_term(term)
        if not table.has_row(key):
            return None
        operand = _value(table, table.row(key), column, seen | {(row.key, column.key)})
        if operand is None:
            continue  # an empty cell counts as nothing, as in the source documents
        value, tolerance, _ = operand
        assert isinstance(value, Amount)
        total = total + value if sign > 0 else total - value
        slack += tolerance
        count += 1
    if count == 0:
        return None
    return Computation(total, slack, count, "rows")


def _column_formula(
    table: FigureTable, row: Row, column: Column, seen: _Seen
) -> Computation | None:
    if not column.formula:
        return None
    formula = parse_formula(column.formula)
    seen = seen | {(row.key, column.key)}
    if formula.pct:
        current_key, previous_key = formula.pct
        current = _value(table, row, table.column(current_key), seen)
        previous = _value(table, row, table.column(previous_key), seen)
        if current is None or previous is None:
            return None
        cur, prev = current[0], previous[0]
        if not isinstance(cur, Amount) or not isinstance(prev, Amount) or prev.kronor == 0:
            return None
        ratio = (Decimal(cur.kronor) / Decimal(prev.kronor) - 1) * 100
        # Rounding of the operands moves the percentage by about their relative slack.
        slack = (current[1] + previous[1]) / abs(Decimal(prev.kronor)) * 100
        return Computation(ratio, slack + _percent_half_step(table, column), 2, "column")
    total = Amount(0)
    slack = Decimal(0)
    count = 0
    for sign, key in formula.terms:
        operand = _value(table, row, table.column(key), seen)
        if operand is None:
            continue
        value, tolerance, _ = operand
        if not isinstance(value, Amount):
            return None
        total = total + value if sign > 0 else total - value
        slack += tolerance
        count += 1
    if count == 0:
        return None
    return Computation(total, slack, count, "column")


def _percent_half_step(table: FigureTable, column: Column) -> Decimal:
    return Decimal(1).scaleb(-table.decimals_for(column)) / 2


def round_percent(value: Decimal, decimals: int) -> Decimal:
    """Round a percentage for comparison with a stated one."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
