"""Budget files as Swedish Excel, LibreOffice and "Unicode-text" save them (tests/data/csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from uppsikt.economy.budget_files import BudgetFileError, import_budget_file
from uppsikt.economy.models.ledger import Fact, LedgerFile
from uppsikt.organisations.models import Municipality

DATA = Path(__file__).parent.parent / "data" / "csv"

Row = tuple[int, int, str, str, str, str, int]

# What tests/data/csv/budget-komma.csv states, in öre.
EXPECTED: set[Row] = {
    (2025, 1, "5011", "1=SK01", "original_budget", "", 6_500_000),
    (2025, 2, "5011", "1=SK01", "original_budget", "", 6_500_050),
    (2025, 0, "3510", "1=SK01;6=INV01", "original_budget", "", -3_000_025),
    (2025, 0, "5011", "1=SK02", "revised_budget", "", 120_000_000),
    (2025, 0, "5011", "1=SK02", "forecast", "Delår 2025", 120_000_000),  # two rows added up
}


def facts(municipality_key: str) -> set[Row]:
    return set(
        Fact.objects.filter(municipality__key=municipality_key).values_list(
            "year", "month", "account", "objects_key", "phase", "version", "amount"
        )
    )


@pytest.mark.django_db
def test_the_comma_file_is_the_documented_template(municipality: Municipality) -> None:
    import_budget_file("exempel", DATA / "budget-komma.csv")

    assert facts("exempel") == EXPECTED


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "budget-excel.csv",  # ;, decimal comma, no-break spaces, Windows-1252, CRLF
        "budget-libreoffice.csv",  # ;, UTF-8 without BOM, − and narrow no-break spaces
        "budget-tabb.csv",  # tab, UTF-16 with BOM, CRLF
    ],
)
def test_a_spreadsheets_csv_imports_to_the_same_facts_as_the_comma_file(
    municipality: Municipality, other_municipality: Municipality, name: str
) -> None:
    import_budget_file("exempel", DATA / "budget-komma.csv")

    result = import_budget_file("annan", DATA / name)

    assert facts("annan") == facts("exempel") == EXPECTED
    assert result.counts["rows"] == 7
    assert LedgerFile.objects.get(municipality=other_municipality).kind == "budget_csv"


@pytest.mark.django_db
def test_an_unquoted_decimal_comma_in_a_comma_file_names_file_line_and_column(
    municipality: Municipality,
) -> None:
    with pytest.raises(BudgetFileError) as raised:
        import_budget_file("exempel", DATA / "budget-fel-kolumner.csv")

    (problem,) = raised.value.problems
    assert (problem.file, problem.line, problem.column) == ("budget-fel-kolumner.csv", 3, 9)
    assert str(problem) == (
        "budget-fel-kolumner.csv:3:9: raden har 9 fält men rubrikraden har 8; ett belopp med "
        'decimalkomma ska stå inom citattecken ("1 234,50") när fälten skiljs med komma; '
        "eller spara filen med semikolon"
    )
    assert not Fact.objects.exists()


@pytest.mark.django_db
def test_a_bad_amount_in_row_7_names_file_line_and_column(municipality: Municipality) -> None:
    with pytest.raises(BudgetFileError) as raised:
        import_budget_file("exempel", DATA / "budget-fel-belopp.csv")

    (problem,) = raised.value.problems
    assert str(problem).startswith(
        "budget-fel-belopp.csv:7:amount: '1O000' är inget tal; skriv t.ex. \"36 830\""
    )
    assert "budget-fel-belopp.csv: 1 fel, ingenting importerades" in str(raised.value)
    assert not Fact.objects.exists() and not LedgerFile.objects.exists()
