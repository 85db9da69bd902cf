"""The budget and forecast template: import and export, CSV and XLSX, the same columns.

    year,month,account,cost_centre,project,phase,version,amount
    2025,1,5010,SK01,,original_budget,,"1 234,50"
    2025,0,4010,SK01,INV01,forecast,DR 2025,-2500.00

- The first row names the columns, in any order; `year`, `account`, `phase` and
  `amount` are required, the others may be left out. Rows are numbered as in a
  spreadsheet: the header is row 1. Blank rows are skipped.
- `month` 1–12, or 0 (or empty) for an amount for the whole year.
- `cost_centre` is an object of the mapping's cost-centre dimension, `project` one of
  its project dimension; either may be empty.
- `phase` is `original_budget`, `revised_budget` or `forecast`. Not `actual`: actual
  comes from the ledger only, so that it always agrees with the books; corrections
  belong in the ledger.
- `version` tells forecasts apart ("DR 2025", "2025-10"); usually empty for budgets.
- `amount` in kronor, debit positive as in SIE (costs positive, income negative), with
  at most two decimals, as `uppsikt.domain.money.parse_amount` reads it: "1234.50" or
  Swedish "1 234,50", "−480 122" (spaces between thousands, also no-break spaces).
- Rows for the same cell are added up; zero amounts are not stored.
- CSV as spreadsheets save it (`uppsikt.importers.csv_files`): `,`, `;` or tab between
  fields, `"` quotes, UTF-8 (with or without a byte order mark) or Windows-1252. With
  `,` between fields an amount with a decimal comma must be quoted ("1 234,50"); with
  `;` or tab it need not be. Every row has as many fields as the header. XLSX: the
  first sheet; number cells or text cells. Export writes text cells for keys, so that
  object ids such as "0001" keep their zeros.

A file states the whole of each (year, phase, version) it contains: importing it
replaces those amounts from earlier files (see `uppsikt.economy.storing`). To change one
cost centre's budget, export the year, edit, import.

Every row is checked before anything is written; all problems are reported at once,
each as a `Problem` naming file, row and column (`budget.csv:7:amount: ...`).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from uppsikt.domain.economy.model import Mapping, Phase
from uppsikt.domain.money import parse_amount
from uppsikt.economy.errors import LedgerImportError
from uppsikt.economy.mapping_store import load_mapping
from uppsikt.economy.models.ledger import (
    ACCOUNT_LENGTH,
    OBJECT_LENGTH,
    VERSION_LENGTH,
    Fact,
    FileKind,
    canonical_objects,
    get_municipality,
    kronor,
    objects_key,
    ore,
)
from uppsikt.economy.storing import (
    Cells,
    ImportResult,
    PendingFile,
    Source,
    check_not_imported,
    file_sha256,
    store_file,
)
from uppsikt.importers.csv_files import SEPARATOR_NAMES, CsvFileError, read_csv
from uppsikt.importers.problems import Problem

COLUMNS = ("year", "month", "account", "cost_centre", "project", "phase", "version", "amount")
REQUIRED = ("year", "account", "phase", "amount")
PHASES = (Phase.ORIGINAL_BUDGET, Phase.REVISED_BUDGET, Phase.FORECAST)
MAX_SHOWN_ERRORS = 50
_Value = str | int | float | Decimal | None


class BudgetFileError(LedgerImportError):
    """A budget file with problems; `problems` lists every one, by row and column."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        self.errors = tuple(str(problem) for problem in problems)
        shown = "\n".join(self.errors[:MAX_SHOWN_ERRORS])
        more = len(self.errors) - MAX_SHOWN_ERRORS
        tail = f"\n... och {more} fel till" if more > 0 else ""
        message = f"{name}: {len(self.errors)} fel, ingenting importerades:\n{shown}{tail}"
        super().__init__(message, problems)


@dataclass(frozen=True)
class BudgetExport:
    """What `export_budget_file` wrote."""

    path: Path
    rows: int
    merged_dimensions: tuple[str, ...]  # dimensions whose objects the format cannot hold


def import_budget_file(
    municipality_key: str, path: Path | str, *, replace: bool = False
) -> ImportResult:
    """Import a budget/forecast file (.csv or .xlsx): every row is checked, then all is written."""
    path = Path(path)
    kind = _kind(path)
    sha256 = file_sha256(path)
    check_not_imported(municipality_key, sha256, path.name, replace=replace)  # fail fast
    mapping = load_mapping(municipality_key)
    if kind is FileKind.BUDGET_CSV:
        rows, separator = _read_csv(path)
    else:
        rows, separator = _read_xlsx(path), None
    cells, objects, sources, count = _validate(path.name, rows, mapping, separator)
    pending = PendingFile(
        name=path.name,
        sha256=sha256,
        kind=kind,
        cells=cells,
        objects=objects,
        sources=sources,
        counts={"rows": count},
        warnings=[],
    )
    return store_file(municipality_key, pending, replace=replace)


def _kind(path: Path) -> FileKind:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return FileKind.BUDGET_CSV
    if suffix == ".xlsx":
        return FileKind.BUDGET_XLSX
    raise LedgerImportError(f"{path.name}: okänt filformat; spara budgetfilen som .csv eller .xlsx")


def _read_csv(path: Path) -> tuple[Iterator[tuple[int, Sequence[_Value]]], str]:
    """The rows with their line numbers, and the separator found."""
    try:
        text = read_csv(path.read_bytes(), path.name)
    except CsvFileError as error:
        raise BudgetFileError(path.name, [error.problem]) from None

    def rows() -> Iterator[tuple[int, Sequence[_Value]]]:
        try:
            for record in text.records():
                yield record.line, record.fields
        except CsvFileError as error:
            raise BudgetFileError(path.name, [error.problem]) from None

    return rows(), text.separator


def _read_xlsx(path: Path) -> Iterator[tuple[int, Sequence[_Value]]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        problem = Problem(path.name, None, None, f"filen går inte att läsa som XLSX: {error}")
        raise BudgetFileError(path.name, [problem]) from None
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            yield number, [_spreadsheet_value(value) for value in row]
    finally:
        workbook.close()


def _spreadsheet_value(value: object) -> _Value:
    """Numbers and text as they are; anything else (a date, rich text) as its text."""
    if value is None or isinstance(value, str | int | float | Decimal):
        return value
    return str(value)


def _validate(
    name: str,
    rows: Iterable[tuple[int, Sequence[_Value]]],
    mapping: Mapping,
    separator: str | None = None,
) -> tuple[Cells, dict[str, tuple[tuple[str, str], ...]], dict[Source, str], int]:
    """Check every row; the cells (öre), object lists, sources and row count, or raise.

    `separator` is the CSV's (a row must then have as many fields as the header); None
    for a sheet, whose rows need not be as wide as its header.
    """
    errors: list[Problem] = []
    cells: defaultdict[tuple[int, int, str, str, str, str], int] = defaultdict(int)
    objects: dict[str, tuple[tuple[str, str], ...]] = {"": ()}
    sources: dict[Source, str] = {}
    columns: dict[str, int] | None = None
    width = 0
    count = 0
    for number, raw in rows:
        values = [_text(value) for value in raw]
        if not any(values):
            continue
        if columns is None:
            columns = _columns(name, number, values)
            width = _width(values)
            continue
        if separator is not None:
            wrong = _width_problem(name, number, values, width, separator)
            if wrong is not None:
                errors.append(wrong)
                continue
        row = {column: values[i] if i < len(values) else "" for column, i in columns.items()}
        amount = raw[columns["amount"]] if columns["amount"] < len(raw) else None
        problems = list(_row_problems(row, amount))
        errors.extend(Problem(name, number, column, problem) for column, problem in problems)
        if problems:
            continue
        count += 1
        pairs = [
            (dimension, row.get(column, ""))
            for dimension, column in (
                (mapping.cost_centre_dimension, "cost_centre"),
                (mapping.project_dimension, "project"),
            )
        ]
        canonical = canonical_objects((d, o) for d, o in pairs if o)
        key = objects_key(canonical)
        objects[key] = canonical
        year, month = int(row["year"]), int(row.get("month") or 0)
        phase, version = row["phase"], row.get("version", "")
        cells[(year, month, row["account"], key, phase, version)] += ore(_amount(amount))
        sources[(year, phase, version)] = "budget_file"
    if columns is None:
        empty = "filen är tom; första raden ska namnge kolumnerna"
        raise BudgetFileError(name, [Problem(name, None, None, empty)])
    if not errors and not count:
        errors.append(Problem(name, None, None, "filen har inga rader med belopp"))
    if errors:
        raise BudgetFileError(name, errors)
    return dict(cells), objects, sources, count


def _columns(name: str, line: int, header: list[str]) -> dict[str, int]:
    found = {value.strip().lower(): i for i, value in enumerate(header) if value.strip()}
    errors = [
        Problem(name, line, column, f"okänd kolumn; tillåtna är {', '.join(COLUMNS)}")
        for column in found
        if column not in COLUMNS
    ] + [
        Problem(name, line, None, f"kolumnen {column} saknas")
        for column in REQUIRED
        if column not in found
    ]
    if errors:
        raise BudgetFileError(name, errors)
    return found


def _width(values: list[str]) -> int:
    """Fields up to the last non-empty one: spreadsheets pad rows with empty fields."""
    return max((i + 1 for i, value in enumerate(values) if value), default=0)


def _width_problem(
    name: str, line: int, values: list[str], width: int, separator: str
) -> Problem | None:
    """A row with more fields than the header, or fewer: its values would land wrong."""
    if _width(values) > width:
        hint = (
            'ett belopp med decimalkomma ska stå inom citattecken ("1 234,50") när fälten '
            "skiljs med komma; eller spara filen med semikolon"
            if separator == ","
            else f"text som innehåller {SEPARATOR_NAMES[separator]} ska stå inom citattecken"
        )
        return Problem(
            name,
            line,
            width + 1,
            f"raden har {_width(values)} fält men rubrikraden har {width}; {hint}",
        )
    if len(values) < width:
        return Problem(
            name,
            line,
            len(values) + 1,
            f"raden har {len(values)} fält men rubrikraden har {width}; fyll i de som fattas "
            "eller lämna dem tomma med avgränsare",
        )
    return None


def _row_problems(row: dict[str, str], amount: _Value) -> Iterator[tuple[str, str]]:
    year = row["year"]
    if not (year.isdigit() and 1900 <= int(year) <= 2999):
        yield "year", f"{year!r} är inget år (t.ex. 2025)"
    month = row.get("month", "")
    if month and not (month.isdigit() and 0 <= int(month) <= 12):
        yield "month", f"{month!r} är ingen månad (1–12, eller 0 för hela året)"
    account = row["account"]
    if not account:
        yield "account", "kontot saknas"
    elif not account.isdigit() or len(account) > ACCOUNT_LENGTH:
        yield "account", f"{account!r} är inget kontonummer (bara siffror)"
    phase = row["phase"]
    if phase == Phase.ACTUAL:
        yield "phase", "utfall (actual) kommer från SIE-filen och kan inte importeras här"
    elif phase not in PHASES:
        yield "phase", f"{phase!r} är ingen fas; använd {', '.join(PHASES)}"
    for column, limit in (("cost_centre", OBJECT_LENGTH), ("project", OBJECT_LENGTH)):
        if len(row.get(column, "")) > limit:
            yield column, f"högst {limit} tecken"
    if len(row.get("version", "")) > VERSION_LENGTH:
        yield "version", f"högst {VERSION_LENGTH} tecken"
    try:
        _amount(amount)
    except ValueError as error:
        yield "amount", str(error)


def _text(value: _Value) -> str:
    """A cell as text; whole numbers from a spreadsheet without their ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _amount(value: _Value) -> Decimal:
    """Kronor from "1234.50", "1 234,50" or a spreadsheet number; ValueError if none."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} är inget belopp")
    if isinstance(value, int | Decimal):
        return _at_most_two_decimals(Decimal(value), value)
    if isinstance(value, float):
        # The spreadsheet stores binary floats: 0.1 + 0.2 arrives as 0.30000000000000004.
        # Its shortest text is what the user typed; noise below 1e-6 öre is rounded off.
        exact = Decimal(repr(value))
        rounded = exact.quantize(Decimal("0.01"))
        if abs(exact - rounded) < Decimal("1e-8"):
            return rounded
        return _at_most_two_decimals(exact, value)
    if not (value or "").strip():
        raise ValueError("beloppet saknas")
    return parse_amount(value or "", decimals=2)


def _at_most_two_decimals(amount: Decimal, value: _Value) -> Decimal:
    try:
        if amount != amount.quantize(Decimal("0.01")):
            raise ValueError(f"{value!r} har fler än två decimaler")
    except InvalidOperation:
        raise ValueError(f"{value!r} är inget belopp") from None
    return amount


def export_budget_file(
    municipality_key: str,
    path: Path | str,
    *,
    year: int,
    phases: Iterable[Phase | str] = PHASES,
    fmt: Literal["csv", "xlsx"] = "csv",
) -> BudgetExport:
    """Write the year's amounts of these phases in the template's format (sorted rows).

    Objects of dimensions other than cost centre and project (possible in facts from
    #PBUDGET) cannot be written in the format; their amounts are added together.
    """
    path = Path(path)
    municipality = get_municipality(municipality_key)
    mapping = load_mapping(municipality_key)
    wanted = [Phase(phase).value for phase in phases]
    totals: defaultdict[tuple[int, str, str, str, str, str], int] = defaultdict(int)
    merged: set[str] = set()
    facts = Fact.objects.filter(municipality=municipality, year=year, phase__in=wanted)
    for month, account, object_list, phase, version, amount in facts.values_list(
        "month", "account", "object_list", "phase", "version", "amount"
    ).iterator():
        by_dimension = {dimension: obj for dimension, obj in object_list}
        cost_centre = by_dimension.pop(mapping.cost_centre_dimension, "")
        project = by_dimension.pop(mapping.project_dimension, "")
        merged.update(by_dimension)
        totals[(month, account, cost_centre, project, phase, version)] += amount
    order = {phase: i for i, phase in enumerate(wanted)}
    rows = [
        (year, month, account, cost_centre, project, phase, version, kronor(amount))
        for (month, account, cost_centre, project, phase, version), amount in sorted(
            totals.items(), key=lambda item: (order[item[0][4]], item[0][5], item[0][:4])
        )
        if amount
    ]
    if fmt == "csv":
        _write_csv(path, rows)
    elif fmt == "xlsx":
        _write_xlsx(path, rows)
    else:
        raise ValueError(f"okänt format {fmt!r}; välj csv eller xlsx")
    return BudgetExport(path, len(rows), tuple(sorted(merged)))


_Row = tuple[int, int, str, str, str, str, str, Decimal]


def _write_csv(path: Path, rows: list[_Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=",", quotechar='"')
        writer.writerow(COLUMNS)
        for *keys, amount in rows:
            writer.writerow([*keys, f"{amount:f}"])


def _write_xlsx(path: Path, rows: list[_Row]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has a sheet
    sheet.title = "budget"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
        sheet.cell(sheet.max_row, len(COLUMNS)).number_format = "#,##0.00"
    for letter, width in zip("ABCDEFGH", (8, 7, 10, 14, 12, 18, 14, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    workbook.save(path)
