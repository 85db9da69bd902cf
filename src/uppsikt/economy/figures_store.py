"""Store and load a report's figure tables; called by `uppsikt.reports.store` only.

Tables belong to a report and are always written and read whole, inside the report's
transaction: one bulk insert per level on save, one query per level on load.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from uppsikt.domain.money import Amount, Unit
from uppsikt.domain.tables import Cell, Column, ColumnKind, FigureTable, Row, RowRole
from uppsikt.economy.models import figures as db
from uppsikt.economy.models.figures import PERCENT_DECIMALS, PERCENT_DIGITS
from uppsikt.organisations.models import KEY_LENGTH
from uppsikt.reports.models import Report as ReportRow

_BIGINT = 2**63
_SMALLINT = 2**15


def table_problems(table: FigureTable) -> Iterator[str]:
    """What keeps `table` from being stored exactly; each message names the place."""
    where = f"tabellen {table.key!r}"
    if not 0 <= table.decimals < _SMALLINT:
        yield f"{where}: decimals {table.decimals} ska vara 0 eller större"
    yield from _duplicates(where, "kolumnen", [column.key for column in table.columns])
    yield from _duplicates(where, "raden", [row.key for row in table.rows])
    for column in table.columns:
        yield from _key_problems(f"{where}, kolumn", column.key)
        if column.decimals is not None and not 0 <= column.decimals < _SMALLINT:
            yield f"{where}, kolumn {column.key!r}: decimals ska vara 0 eller större"
    for row in table.rows:
        yield from _key_problems(f"{where}, rad", row.key)
        for column_key, value in row.cells.items():
            place = f"{where}, rad {row.key!r}, kolumn {column_key!r}"
            yield from _key_problems(f"{where}, rad {row.key!r}, kolumn", column_key)
            yield from _cell_problems(place, value)


def _cell_problems(place: str, value: object) -> Iterator[str]:
    if isinstance(value, Amount):
        if not -_BIGINT < value.kronor < _BIGINT:
            yield f"{place}: beloppet {value.kronor} kr är för stort för att lagras"
        if not 1 <= value.precision < _BIGINT:
            yield f"{place}: precisionen {value.precision} ska vara minst 1 kr"
    elif isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if not value.is_finite() or not isinstance(exponent, int):
            yield f"{place}: {value} är inget procenttal"
        elif exponent < -PERCENT_DECIMALS:
            yield f"{place}: {value} har fler än {PERCENT_DECIMALS} decimaler"
        elif abs(value) >= Decimal(10) ** (PERCENT_DIGITS - PERCENT_DECIMALS):
            yield f"{place}: procenttalet {value} är för stort för att lagras"
    elif not isinstance(value, str):
        yield f"{place}: {value!r} är varken belopp, procenttal eller text"


def _key_problems(place: str, key: str) -> Iterator[str]:
    if not key or len(key) > KEY_LENGTH:
        yield f"{place} {key!r}: en nyckel ska ha 1–{KEY_LENGTH} tecken"


def _duplicates(where: str, what: str, keys: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            yield f"{where}: {what} {key!r} finns två gånger; nycklar ska vara unika"
        seen.add(key)


def save_tables(report: ReportRow, tables: tuple[FigureTable, ...]) -> None:
    """Insert `tables` under `report`, which must have none yet (see `delete_tables`)."""
    table_rows = [
        db.FigureTable(
            report=report,
            key=table.key,
            title=table.title,
            kind=table.kind,
            unit=table.unit.code,
            decimals=table.decimals,
            label_header=table.label_header,
            note=table.note,
            position=position,
        )
        for position, table in enumerate(tables)
    ]
    db.FigureTable.objects.bulk_create(table_rows)
    columns: list[db.FigureColumn] = []
    rows: list[tuple[db.FigureRow, Row]] = []
    for table_row, table in zip(table_rows, tables, strict=True):
        columns.extend(_column(table_row, position, c) for position, c in enumerate(table.columns))
        rows.extend((_row(table_row, position, r), r) for position, r in enumerate(table.rows))
    db.FigureColumn.objects.bulk_create(columns)
    # bulk_create fills in the primary keys (PostgreSQL, SQLite >= 3.35): cells need them.
    db.FigureRow.objects.bulk_create([row_row for row_row, _ in rows])
    db.FigureCell.objects.bulk_create(
        _cell(row_row, position, column_key, value)
        for row_row, row in rows
        for position, (column_key, value) in enumerate(row.cells.items())
    )


def delete_tables(report: ReportRow) -> None:
    """Delete the report's tables with their columns, rows and cells."""
    db.FigureTable.objects.filter(report=report).delete()


def _column(table: db.FigureTable, position: int, column: Column) -> db.FigureColumn:
    return db.FigureColumn(
        table=table,
        key=column.key,
        label=column.label,
        kind=column.kind.value,
        formula=column.formula or "",
        decimals=column.decimals,
        position=position,
    )


def _row(table: db.FigureTable, position: int, row: Row) -> db.FigureRow:
    return db.FigureRow(
        table=table,
        key=row.key,
        label=row.label,
        role=row.role.value,
        sum_of=list(row.sum_of),
        position=position,
    )


def _cell(row: db.FigureRow, position: int, column_key: str, value: Cell) -> db.FigureCell:
    cell = db.FigureCell(row=row, column_key=column_key, position=position)
    if isinstance(value, Amount):
        cell.kind = ColumnKind.AMOUNT
        cell.kronor = value.kronor
        cell.precision = value.precision
    elif isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # table_problems rejected NaN and infinity
        cell.kind = ColumnKind.PERCENT
        cell.percent = value
        cell.exponent = exponent
    else:
        cell.kind = ColumnKind.TEXT
        cell.text = value
    return cell


def load_tables(report: ReportRow) -> tuple[FigureTable, ...]:
    """The report's tables, in order, in four queries whatever their size."""
    tables = list(db.FigureTable.objects.filter(report=report).order_by("position"))
    columns: defaultdict[int, list[Column]] = defaultdict(list)
    for column in db.FigureColumn.objects.filter(table__report=report).order_by(
        "table_id", "position"
    ):
        columns[column.table_id].append(
            Column(
                key=column.key,
                label=column.label,
                kind=ColumnKind(column.kind),
                formula=column.formula or None,
                decimals=column.decimals,
            )
        )
    cells: defaultdict[int, dict[str, Cell]] = defaultdict(dict)
    for cell in db.FigureCell.objects.filter(row__table__report=report).order_by(
        "row_id", "position"
    ):
        cells[cell.row_id][cell.column_key] = _value(cell)
    rows: defaultdict[int, list[Row]] = defaultdict(list)
    for row in db.FigureRow.objects.filter(table__report=report).order_by("table_id", "position"):
        rows[row.table_id].append(
            Row(
                key=row.key,
                label=row.label,
                cells=cells.get(row.pk, {}),
                role=RowRole(row.role),
                sum_of=tuple(str(term) for term in row.sum_of),
            )
        )
    return tuple(
        FigureTable(
            key=table.key,
            title=table.title,
            unit=Unit.from_code(table.unit),
            columns=tuple(columns[table.pk]),
            rows=tuple(rows[table.pk]),
            decimals=table.decimals,
            label_header=table.label_header,
            kind=table.kind,
            note=table.note,
        )
        for table in tables
    )


def _value(cell: db.FigureCell) -> Cell:
    if cell.kind == ColumnKind.AMOUNT:
        assert cell.kronor is not None and cell.precision is not None  # a check constraint
        return Amount(cell.kronor, cell.precision)
    if cell.kind == ColumnKind.PERCENT:
        assert cell.percent is not None and cell.exponent is not None  # a check constraint
        # The column has a fixed number of decimals; the exponent restores the stated ones.
        return cell.percent.quantize(Decimal(1).scaleb(cell.exponent))
    return cell.text
