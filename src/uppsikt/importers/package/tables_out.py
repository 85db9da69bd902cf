"""Writing figure tables: `FigureTable` -> `tables/<key>.yaml` (+ `.csv` for long tables).

Figures are written back as stated: the digits and decimals the source gave, in Swedish
format but with ASCII spaces and ASCII minus, so that people can type them
("-4 840", "494,7") and a diff shows only real changes.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from uppsikt.domain.money import MINUS, NBSP, Amount, Unit, format_number
from uppsikt.domain.tables import Cell, ColumnKind, FigureTable, Row, RowRole
from uppsikt.importers.package import yaml_out
from uppsikt.importers.package.tables_io import ROW_FIELDS

LONG_TABLE_ROWS = 15  # tables with more rows keep them in CSV


def _ascii(text: str) -> str:
    return text.replace(NBSP, " ").replace(MINUS, "-")


def amount_text(amount: Amount, unit: Unit) -> str:
    """The figure in `unit` with its stated decimals: Amount(494_700_000, 100_000) -> '494,7'."""
    full = len(str(unit.factor)) - 1  # decimals that state whole kronor
    stated = (d for d in range(full + 1) if max(1, unit.factor // 10**d) == amount.precision)
    decimals = next(stated, full)
    value = Decimal(amount.kronor) / unit.factor
    if value != value.quantize(Decimal(1).scaleb(-decimals)):
        decimals = full  # not representable at its precision: keep the kronor, not the look
    return _ascii(format_number(value, decimals))


def decimal_text(value: Decimal) -> str:
    """A percent figure with the decimals it was stated with: Decimal('-4.10') -> '-4,10'."""
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return _ascii(format_number(value, decimals))


def cell_text(cell: Cell, unit: Unit) -> str:
    if isinstance(cell, Amount):
        return amount_text(cell, unit)
    if isinstance(cell, Decimal):
        return decimal_text(cell)
    return cell


def uses_csv(table: FigureTable, csv_tables: frozenset[str]) -> bool:
    """Long tables, and those that came from CSV, keep their rows in CSV."""
    return len(table.rows) > LONG_TABLE_ROWS or table.key in csv_tables


def table_yaml(table: FigureTable, *, with_rows: bool) -> str:
    """The text of `tables/<key>.yaml`."""
    text, integer, record = yaml_out.text, yaml_out.integer, yaml_out.record
    pairs: list[yaml_out.Pair] = [("title", text(table.title))]
    if table.kind != "generic":
        pairs.append(("kind", text(table.kind)))
    pairs += [("unit", text(table.unit.code)), ("decimals", integer(table.decimals))]
    if table.label_header:
        pairs.append(("label_header", text(table.label_header)))
    if table.note:
        pairs.append(("note", text(table.note)))
    columns = []
    for column in table.columns:
        fields: list[yaml_out.Pair] = [("key", text(column.key)), ("label", text(column.label))]
        if column.kind is not ColumnKind.AMOUNT:
            fields.append(("kind", text(column.kind.value)))
        if column.formula is not None:
            fields.append(("formula", text(column.formula)))
        if column.decimals is not None:
            fields.append(("decimals", integer(column.decimals)))
        columns.append(record(fields, indent=4))
    pairs.append(("columns", yaml_out.sequence(columns)))
    if with_rows:
        rows = [record(_row_pairs(row, table), indent=4) for row in table.rows]
        pairs.append(("rows", yaml_out.sequence(rows)))
    return yaml_out.dump(yaml_out.mapping(pairs))


def _row_pairs(row: Row, table: FigureTable) -> list[yaml_out.Pair]:
    text = yaml_out.text
    pairs: list[yaml_out.Pair] = [("key", text(row.key)), ("label", text(row.label))]
    if row.role is not RowRole.ITEM:
        pairs.append(("role", text(row.role.value)))
    if row.sum_of:
        pairs.append(("sum_of", yaml_out.keys(row.sum_of, indent=len("    sum_of: "))))
    for column in table.columns:
        cell = row.cells.get(column.key)
        if cell is None:
            continue
        figure = column.kind is not ColumnKind.TEXT
        pairs.append((column.key, text(cell_text(cell, table.unit), quoted=figure)))
    return pairs


def table_csv(table: FigureTable) -> str:
    """The text of `tables/<key>.csv`: a header line, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*ROW_FIELDS, *(column.key for column in table.columns)])
    for row in table.rows:
        role = "" if row.role is RowRole.ITEM else row.role.value
        cells = [
            cell_text(row.cells[column.key], table.unit) if column.key in row.cells else ""
            for column in table.columns
        ]
        writer.writerow([row.key, row.label, role, " ".join(row.sum_of), *cells])
    return buffer.getvalue()
