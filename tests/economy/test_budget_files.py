"""The budget/forecast template: validation by row and column, import, round trip."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from uppsikt.economy.budget_files import BudgetFileError, export_budget_file, import_budget_file
from uppsikt.economy.errors import AlreadyImported, LedgerImportError
from uppsikt.economy.mapping_store import save_mapping
from uppsikt.economy.models.ledger import Fact, LedgerFile
from uppsikt.organisations.models import Municipality

from .conftest import MAPPING

BUDGET_CSV = """\
year,month,account,cost_centre,project,phase,version,amount
2025,1,5011,SK01,,original_budget,,65000
2025,2,5011,SK01,,original_budget,,"65 000,50"
2025,0,3510,SK01,INV01,original_budget,,-30000.25
2025,0,5011,SK02,,revised_budget,,"1 200 000"
2025,0,5011,SK02,,forecast,DR 2025,1190000.00
2025,0,5011,SK02,,forecast,DR 2025,10000
2025,0,6110,,,original_budget,,0
"""

Row = tuple[int, int, str, str, str, str, int]


def fact_rows(municipality_key: str) -> set[Row]:
    return set(
        Fact.objects.filter(municipality__key=municipality_key).values_list(
            "year", "month", "account", "objects_key", "phase", "version", "amount"
        )
    )


EXPECTED: set[Row] = {
    (2025, 1, "5011", "1=SK01", "original_budget", "", 6_500_000),
    (2025, 2, "5011", "1=SK01", "original_budget", "", 6_500_050),
    (2025, 0, "3510", "1=SK01;6=INV01", "original_budget", "", -3_000_025),
    (2025, 0, "5011", "1=SK02", "revised_budget", "", 120_000_000),
    (2025, 0, "5011", "1=SK02", "forecast", "DR 2025", 120_000_000),  # two rows added up
}


@pytest.mark.django_db
def test_a_valid_csv_is_imported(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    # A byte order mark, as Excel writes "CSV UTF-8".
    path = write_file("budget.csv", "\ufeff" + BUDGET_CSV)

    result = import_budget_file("exempel", path)

    assert fact_rows("exempel") == EXPECTED
    assert result.counts["rows"] == 7
    assert result.facts_written == 5  # the zero row is not stored
    assert result.years == (2025,)
    assert LedgerFile.objects.get().kind == "budget_csv"


@pytest.mark.django_db
def test_every_bad_row_is_reported_by_row_and_column(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    path = write_file(
        "budget.csv",
        "year,month,account,cost_centre,project,phase,version,amount\n"
        "2025,1,5011,SK01,,original_budget,,100\n"
        "\n"
        "2025,13,5011,SK01,,original_budget,,100\n"
        '20x5,1,50A1,SK01,,budget,,"12,3,4"\n'
        "2025,1,5011,SK01,,actual,,100.123\n",
    )

    with pytest.raises(BudgetFileError) as raised:
        import_budget_file("exempel", path)

    assert raised.value.errors[:4] == (
        "budget.csv:4:month: '13' är ingen månad (1–12, eller 0 för hela året)",
        "budget.csv:5:year: '20x5' är inget år (t.ex. 2025)",
        "budget.csv:5:account: '50A1' är inget kontonummer (bara siffror)",
        "budget.csv:5:phase: 'budget' är ingen fas; använd original_budget, revised_budget, "
        "forecast",
    )
    assert raised.value.errors[4].startswith("budget.csv:5:amount: '12,3,4' är inget tal; skriv")
    assert raised.value.errors[5:] == (
        "budget.csv:6:phase: utfall (actual) kommer från SIE-filen och kan inte importeras här",
        "budget.csv:6:amount: '100.123' går inte att tolka: punkten kan vara en "
        "tusentalsavgränsare; skriv 100123 eller 100,123",
    )
    assert "budget.csv: 7 fel" in str(raised.value)
    assert not LedgerFile.objects.exists()
    assert not Fact.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("year,account,phase", "budget.csv:1: kolumnen amount saknas"),
        ("year,account,phase,amount,belopp", "budget.csv:1:belopp: okänd kolumn"),
        # The header decides the separator: a row with another has too few fields.
        ("year;account;phase;amount", "budget.csv:2:2: raden har 1 fält men rubrikraden har 4"),
    ],
)
def test_a_bad_header_is_reported(
    municipality: Municipality, write_file: Callable[..., Path], header: str, message: str
) -> None:
    path = write_file("budget.csv", header + "\n2025,5011,original_budget,1\n")

    with pytest.raises(BudgetFileError, match=message):
        import_budget_file("exempel", path)


@pytest.mark.django_db
def test_a_file_in_neither_utf8_nor_windows_1252_is_refused(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    # 0x81 is one of the five bytes that Windows-1252 leaves undefined.
    path = write_file("budget.csv", BUDGET_CSV.encode("cp1252") + b"2025,1,5011,\x81")

    with pytest.raises(
        LedgerImportError, match=r"budget\.csv:9: .*varken är UTF-8 eller Windows-1252"
    ):
        import_budget_file("exempel", path)
    assert not Fact.objects.exists()


@pytest.mark.django_db
def test_the_same_budget_file_is_refused_unless_replaced(
    municipality: Municipality, write_file: Callable[..., Path]
) -> None:
    path = write_file("budget.csv", BUDGET_CSV)
    import_budget_file("exempel", path)

    with pytest.raises(AlreadyImported, match="replace"):
        import_budget_file("exempel", path)
    import_budget_file("exempel", path, replace=True)

    assert fact_rows("exempel") == EXPECTED
    assert LedgerFile.objects.count() == 1


@pytest.mark.django_db
def test_an_xlsx_with_numbers_and_text_is_imported(
    municipality: Municipality, tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["year", "month", "account", "cost_centre", "phase", "amount"])
    sheet.append([2025, 1, 5011, "SK01", "original_budget", 65000])
    sheet.append([2025.0, 2, "5011", "SK01", "original_budget", "65 000,50"])
    sheet.append([2025, 3, "5011", "SK01", "original_budget", 0.1 + 0.2])  # float noise
    sheet.append([None, None, None, None, None, None])
    sheet.append([2025, 4, "5011", "SK01", "original_budget", 12.345])
    path = tmp_path / "budget.xlsx"
    workbook.save(path)

    with pytest.raises(BudgetFileError) as raised:
        import_budget_file("exempel", path)
    assert raised.value.errors == ("budget.xlsx:6:amount: 12.345 har fler än två decimaler",)

    sheet.delete_rows(6)
    workbook.save(path)
    import_budget_file("exempel", path)

    assert fact_rows("exempel") == {
        (2025, 1, "5011", "1=SK01", "original_budget", "", 6_500_000),
        (2025, 2, "5011", "1=SK01", "original_budget", "", 6_500_050),
        (2025, 3, "5011", "1=SK01", "original_budget", "", 30),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_export_import_gives_the_same_facts(
    municipality: Municipality, write_file: Callable[..., Path], tmp_path: Path, fmt: str
) -> None:
    import_budget_file("exempel", write_file("budget.csv", BUDGET_CSV))
    first = fact_rows("exempel")

    exported = export_budget_file("exempel", tmp_path / f"export.{fmt}", year=2025, fmt=fmt)  # type: ignore[arg-type]
    result = import_budget_file("exempel", exported.path)

    assert exported.rows == len(first)
    assert exported.merged_dimensions == ()
    assert fact_rows("exempel") == first
    assert set(Fact.objects.values_list("source_id", flat=True)) == {result.file_id}
    assert result.superseded == len(first)


@pytest.mark.django_db
def test_the_export_is_the_documented_template(
    municipality: Municipality, write_file: Callable[..., Path], tmp_path: Path
) -> None:
    save_mapping("exempel", MAPPING, actor=None)
    import_budget_file("exempel", write_file("budget.csv", BUDGET_CSV))

    export_budget_file("exempel", tmp_path / "budget.csv", year=2025, phases=["forecast"])
    export_budget_file("exempel", tmp_path / "budget.xlsx", year=2025, fmt="xlsx")

    assert (tmp_path / "budget.csv").read_text(encoding="utf-8").splitlines() == [
        "year,month,account,cost_centre,project,phase,version,amount",
        "2025,0,5011,SK02,,forecast,DR 2025,1200000.00",
    ]
    sheet = load_workbook(tmp_path / "budget.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "year",
        "month",
        "account",
        "cost_centre",
        "project",
        "phase",
        "version",
        "amount",
    )
    assert rows[1] == (
        2025,
        0,
        "3510",
        "SK01",
        "INV01",
        "original_budget",
        None,
        Decimal("-30000.25"),
    )


@pytest.mark.django_db
def test_a_budget_file_is_not_overwritten_by_a_ledgers_budget(
    municipality: Municipality, write_file: Callable[..., Path], sie_file: Path
) -> None:
    from uppsikt.economy.sie_import import import_sie_file

    import_budget_file("exempel", write_file("budget.csv", BUDGET_CSV))
    budget = {row for row in fact_rows("exempel") if row[4] == "original_budget"}

    result = import_sie_file("exempel", sie_file)  # its #PBUDGET states 2025's budget too

    assert {row for row in fact_rows("exempel") if row[4] == "original_budget"} == budget
    assert "ledger.kept_stronger_source" in {w.code for w in result.warnings}
