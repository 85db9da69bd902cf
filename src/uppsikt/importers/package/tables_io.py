"""Reading figure tables: `tables/<key>.yaml` (+ optional `.csv`) -> `FigureTable`.

Cells hold figures as the source states them; reading keeps the stated precision
(`amount_from_stated`), so "494,7" Mkr is known to ±50 000 kr. Writing is in
`tables_out`.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Any

from uppsikt.domain.money import Unit, amount_from_stated, parse_decimal
from uppsikt.domain.tables import (
    Cell,
    Column,
    ColumnKind,
    FigureTable,
    Row,
    RowRole,
    parse_formula,
    parse_sum_term,
)
from uppsikt.importers.csv_files import CsvFileError, read_csv
from uppsikt.importers.package.errors import Location, Locations, Problems
from uppsikt.importers.package.yaml_lines import LineDict, LineList

ROW_FIELDS = ("key", "label", "role", "sum_of")  # the rest of a row's keys are column keys
MAX_INTEGER_DIGITS = 15  # more than any municipality's kronor; guards Decimal arithmetic
MAX_DECIMALS = 9


def read_csv_rows(data: bytes, file: str, problems: Problems) -> LineList | None:
    """The rows of `tables/<key>.csv` as row mappings with lines, for schema validation.

    Read with `uppsikt.importers.csv_files`: `,`, `;` or tab, UTF-8 or Windows-1252.
    """
    try:
        text = read_csv(data, file)
        rows = LineList(1)
        header: list[str] | None = None
        for record in text.records():
            line, fields = record.line, list(record.fields)
            if not any(field.strip() for field in fields):
                continue  # blank lines are allowed between rows
            if header is None:
                header = [name.strip() for name in fields]
                if not _header_ok(header, file, line, problems):
                    return None
                continue
            if len(fields) != len(header):
                quote = (
                    "text eller ett tal med komma ska stå inom citattecken"
                    if text.separator == ","
                    else f"text med {text.separator_name} ska stå inom citattecken"
                )
                problems.add(
                    file,
                    line,
                    f"raden har {len(fields)} fält men rubrikraden har {len(header)}; "
                    f"fälten skiljs med {text.separator_name}, så {quote}.",
                    min(len(fields), len(header)) + 1,
                )
                continue
            rows.append(_csv_row(header, fields, line))
            rows.item_lines.append(line)
    except CsvFileError as exc:
        problems.items.append(exc.problem)
        return None
    if header is None:
        problems.add(file, 1, "CSV-filen är tom; den ska börja med rubrikraden key,label,...")
        return None
    return rows


def _header_ok(header: list[str], file: str, line: int, problems: Problems) -> bool:
    ok = True
    for required in ("key", "label"):
        if required not in header:
            problems.add(
                file,
                line,
                f"rubrikraden saknar '{required}'; den ska vara key,label,role,sum_of "
                "följt av kolumnernas nycklar.",
            )
            ok = False
    for name in sorted({name for name in header if header.count(name) > 1}):
        problems.add(
            file, line, f"rubriken '{name}' står två gånger i rubrikraden; ta bort den ena."
        )
        ok = False
    return ok


def _csv_row(header: list[str], record: list[str], line: int) -> LineDict:
    row = LineDict(line)
    for name, value in zip(header, record, strict=True):
        if name == "sum_of":
            terms = LineList(line)
            terms.extend(value.split())
            terms.item_lines.extend([line] * len(terms))
            if terms:
                row[name] = terms
        elif value or name in ("key", "label"):
            row[name] = value  # an empty cell states nothing
        else:
            continue
        row.key_lines[name] = line
    return row


def build_table(
    key: str,
    data: LineDict,
    table_file: str,
    rows: LineList,
    rows_file: str,
    problems: Problems,
    locations: Locations,
) -> FigureTable | None:
    """A FigureTable from a schema-valid table mapping and rows; None if anything is wrong."""
    before = len(problems.items)
    unit = Unit.from_code(data["unit"])
    columns = _columns(key, data["columns"], table_file, problems, locations)
    by_key = {column.key: column for column in columns}
    built: list[Row] = []
    row_lines: dict[str, int] = {}
    all_keys = {row["key"] for row in rows}
    for index, row_data in enumerate(rows):
        line = rows.item_lines[index]
        row_key = row_data["key"]
        if row_key in row_lines:
            problems.add(
                rows_file,
                line,
                f"radnyckeln '{row_key}' finns redan på rad {row_lines[row_key]}; "
                "varje rad behöver en egen nyckel.",
            )
            continue
        row_lines[row_key] = line
        locations.add(f"table:{key}/row:{row_key}", Location(rows_file, line))
        cells = _cells(key, row_data, by_key, unit, rows_file, problems, locations)
        sum_of = tuple(_normal_term(term) for term in row_data.get("sum_of", ()))
        role = RowRole(row_data.get("role", RowRole.ITEM.value))
        built.append(Row(row_key, row_data["label"], cells, role, sum_of))
        if sum_of:
            sum_line = row_data.key_lines.get("sum_of", line)
            _check_terms(row_key, sum_of, all_keys, rows_file, sum_line, problems)
    _check_cycles(built, rows_file, row_lines, problems)
    if len(problems.items) > before:
        return None
    return FigureTable(
        key=key,
        title=data["title"],
        unit=unit,
        columns=tuple(columns),
        rows=tuple(built),
        decimals=data.get("decimals", 0),
        label_header=data.get("label_header", ""),
        kind=data.get("kind", "generic"),
        note=data.get("note", ""),
    )


def _columns(
    key: str, items: LineList, file: str, problems: Problems, locations: Locations
) -> list[Column]:
    columns: list[Column] = []
    lines: dict[str, int] = {}
    for index, item in enumerate(items):
        line = items.item_lines[index]
        column = Column(
            key=item["key"],
            label=item["label"],
            kind=ColumnKind(item.get("kind", ColumnKind.AMOUNT.value)),
            formula=item.get("formula"),
            decimals=item.get("decimals"),
        )
        if column.key in ROW_FIELDS:
            problems.add(
                file,
                line,
                f"kolumnnyckeln '{column.key}' är reserverad för raderna "
                f"({', '.join(ROW_FIELDS)}); välj en annan nyckel.",
            )
        elif column.key in lines:
            problems.add(
                file,
                line,
                f"kolumnnyckeln '{column.key}' finns redan på rad {lines[column.key]}; "
                "varje kolumn behöver en egen nyckel.",
            )
        else:
            lines[column.key] = line
            locations.add(f"table:{key}/col:{column.key}", Location(file, line))
            columns.append(column)
    by_key = {column.key: column for column in columns}
    for column in columns:
        if column.formula is not None:
            _check_formula(column, by_key, file, lines[column.key], problems)
    return columns


def _check_formula(
    column: Column, by_key: dict[str, Column], file: str, line: int, problems: Problems
) -> None:
    assert column.formula is not None
    try:
        formula = parse_formula(column.formula)
    except ValueError as exc:
        problems.add(file, line, f"kolumnen '{column.key}': {exc}.")
        return
    for operand in formula.operands:
        if operand == column.key:
            problems.add(
                file, line, f"kolumnen '{column.key}' räknas ut från sig själv; rätta formeln."
            )
        elif operand not in by_key:
            problems.add(
                file,
                line,
                f"formeln för kolumnen '{column.key}' använder '{operand}', som inte är en "
                f"kolumn i tabellen{_suggest(operand, by_key)}; rätta formeln eller lägg till "
                "kolumnen.",
            )
        elif by_key[operand].kind is ColumnKind.TEXT:
            problems.add(
                file,
                line,
                f"formeln för kolumnen '{column.key}' använder textkolumnen '{operand}'; "
                "en formel kan bara räkna med belopp och procent.",
            )


def _cells(
    table: str,
    row: LineDict,
    by_key: dict[str, Column],
    unit: Unit,
    file: str,
    problems: Problems,
    locations: Locations,
) -> dict[str, Cell]:
    cells: dict[str, Cell] = {}
    for name, value in row.items():
        if name in ROW_FIELDS:
            continue
        line = row.key_lines.get(name, row.line)
        column = by_key.get(name)
        if column is None:
            problems.add(
                file,
                line,
                f"raden '{row['key']}' har ett värde för '{name}', som inte är en kolumn i "
                f"tabellen{_suggest(name, by_key)}; kolumnerna är {', '.join(by_key)}.",
            )
            continue
        locations.add(f"table:{table}/row:{row['key']}/col:{name}", Location(file, line))
        try:
            cell = parse_cell(value, column, unit)
        except ValueError as exc:
            problems.add(file, line, f"raden '{row['key']}', kolumnen '{name}': {exc}", name)
            continue
        if cell is not None:
            cells[name] = cell
    # Column order, so that equal tables compare and write the same however typed.
    return {key: cells[key] for key in by_key if key in cells}


def parse_cell(value: Any, column: Column, unit: Unit) -> Cell | None:
    """A stated cell, or None when nothing is stated; raises ValueError with a Swedish reason."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError("sant/falskt är inget värde i en tabell; skriv ett tal eller en text.")
    if column.kind is ColumnKind.TEXT:
        if isinstance(value, str | int | Decimal):
            return str(value)
        raise ValueError("skriv en text.")
    if not isinstance(value, str | int | Decimal):
        raise ValueError('skriv ett tal, t.ex. "36 830" eller "-4,1".')
    number = parse_decimal(value)  # its ValueError says what was expected
    shown = value if isinstance(value, str) else str(value)
    exponent = number.as_tuple().exponent
    if not isinstance(exponent, int) or number.adjusted() >= MAX_INTEGER_DIGITS:
        raise ValueError(f"'{shown}' är ett orimligt stort tal; kontrollera värdet.")
    if exponent < -MAX_DECIMALS:
        raise ValueError(f"'{shown}' har för många decimaler; kontrollera värdet.")
    if column.kind is ColumnKind.PERCENT:
        return number
    kronor = number * unit.factor
    if kronor != kronor.to_integral_value():
        raise ValueError(
            f"'{shown}' {unit.code} har fler decimaler än hela kronor; "
            f"skriv högst {len(str(unit.factor)) - 1} decimaler."
        )
    # amount_from_stated is the one place that decides what precision a stated figure has.
    return amount_from_stated(number, unit)


def _normal_term(term: str) -> str:
    sign, key = parse_sum_term(term)
    return f"-{key}" if sign < 0 else key


def _check_terms(
    row: str, terms: tuple[str, ...], keys: set[str], file: str, line: int, problems: Problems
) -> None:
    for term in terms:
        _, key = parse_sum_term(term)
        if key == row:
            problems.add(
                file, line, f"raden '{row}' summerar sig själv; ta bort '{key}' ur sum_of."
            )
        elif key not in keys:
            problems.add(
                file,
                line,
                f"raden '{row}' summerar '{key}', som inte finns i tabellen"
                f"{_suggest(key, keys)}; rätta stavningen eller lägg till raden.",
            )


def _check_cycles(rows: list[Row], file: str, lines: dict[str, int], problems: Problems) -> None:
    """Report sums that go round in a loop (a depth-first search without recursion)."""
    graph = {row.key: [parse_sum_term(term)[1] for term in row.sum_of] for row in rows}
    state: dict[str, bool] = {}  # False while on the current path, True when finished
    for start in graph:
        if start in state:
            continue
        path, stack = [start], [iter(graph[start])]
        state[start] = False
        while stack:
            child = next(stack[-1], None)
            if child is None:
                state[path.pop()] = True
                stack.pop()
            elif child in graph and child not in state:
                state[child] = False
                path.append(child)
                stack.append(iter(graph[child]))
            elif state.get(child) is False and child != path[-1]:
                loop = [*path[path.index(child) :], child]  # a row summing itself: _check_terms
                problems.add(
                    file,
                    lines.get(child),
                    f"raderna {' → '.join(loop)} summerar varandra i en slinga; "
                    "ta bort en av hänvisningarna i sum_of.",
                )


def _suggest(word: str, options: Any) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f" (menade du '{close[0]}'?)" if close else ""
