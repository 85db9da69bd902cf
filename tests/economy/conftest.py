"""Municipalities, a small SIE 4E file and budget files, written by hand for the ledger tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from factories import MunicipalityFactory
from uppsikt.domain.economy.model import AccountRule, Mapping, ObjectRule
from uppsikt.economy.models.ledger import Fact
from uppsikt.organisations.models import Municipality

# A municipal-shaped SIE 4E file: 2025 from vouchers, 2024 from #PSALDO, budget 2025.
# Objects are written in both orders; the #RTRANS line has its own date (March).
SIE_4E = """\
#FLAGGA 0
#PROGRAM "Uppsikt test" 1.0
#FORMAT PC8
#GEN 20260115
#SIETYP 4
#FNAMN "Exempels kommun"
#ORGNR 212000-0000
#RAR 0 20250101 20251231
#RAR -1 20240101 20241231
#KONTO 1930 "Bank"
#KONTO 3510 "Bidrag från staten"
#KONTO 5011 "Löner månadsavlönade"
#KONTO 6110 "Lokalhyror för förskolor"
#KTYP 5011 K
#DIM 1 "Ansvar"
#DIM 6 "Projekt"
#OBJEKT 1 SK01 "Stadskontoret"
#OBJEKT 1 SK02 "Kultur och fritid"
#OBJEKT 6 INV01 "Ny förskola Åby"
#IB 0 1930 1000000.00
#UB 0 1930 945000.00
#RES 0 5011 75000.00
#PSALDO -1 202401 5011 {} 90000.00
#PSALDO -1 202401 5011 {1 "SK01"} 60000.00
#PSALDO -1 202401 5011 {1 "SK02"} 30000.00
#PSALDO -1 202402 5011 {} 95000.00
#PSALDO -1 202401 3510 {} -20000.00
#PSALDO 0 202501 5011 {} 999999.00
#PBUDGET 0 202501 5011 {1 "SK01"} 65000.00
#PBUDGET 0 202501 5011 {} 65000.00
#PBUDGET 0 202502 6110 {} 12000.00
#PBUDGET 0 202501 3510 {1 "SK01"} -30000.00
#VER A 1 20250115 "Löner januari"
{
   #TRANS 5011 {1 "SK01"} 50000.00
   #TRANS 5011 {1 "SK02"} 25000.00
   #TRANS 1930 {} -75000.00
}
#VER A 2 20250210 "Hyra februari"
{
   #TRANS 6110 {6 "INV01" 1 "SK01"} 12000.00
   #TRANS 1930 {} -12000.00
   #RTRANS 6110 {1 "SK01"} 500.00 20250301 "Tillägg"
   #TRANS 6110 {1 "SK01"} 500.00 20250301 "Tillägg"
   #RTRANS 1930 {} -500.00 20250301 "Tillägg"
   #TRANS 1930 {} -500.00 20250301 "Tillägg"
   #BTRANS 6110 {1 "SK02"} 12000.00
}
#VER A 3 20250131 "Statsbidrag"
{
   #TRANS 3510 {1 "SK01"} -40000.00
   #TRANS 1930 {} 40000.00
}
"""

# (year, month, account, objects key, phase) -> öre
SIE_4E_FACTS = {
    (2025, 1, "5011", "1=SK01", "actual"): 5_000_000,
    (2025, 1, "5011", "1=SK02", "actual"): 2_500_000,
    (2025, 1, "1930", "", "actual"): -3_500_000,
    (2025, 1, "3510", "1=SK01", "actual"): -4_000_000,
    (2025, 2, "6110", "1=SK01;6=INV01", "actual"): 1_200_000,
    (2025, 2, "1930", "", "actual"): -1_200_000,
    (2025, 3, "6110", "1=SK01", "actual"): 50_000,
    (2025, 3, "1930", "", "actual"): -50_000,
    # 2024 from #PSALDO: the per-object rows, not also their total row
    (2024, 1, "5011", "1=SK01", "actual"): 6_000_000,
    (2024, 1, "5011", "1=SK02", "actual"): 3_000_000,
    (2024, 2, "5011", "", "actual"): 9_500_000,
    (2024, 1, "3510", "", "actual"): -2_000_000,
    # budget from #PBUDGET, same rule
    (2025, 1, "5011", "1=SK01", "original_budget"): 6_500_000,
    (2025, 2, "6110", "", "original_budget"): 1_200_000,
    (2025, 1, "3510", "1=SK01", "original_budget"): -3_000_000,
}

MAPPING = Mapping(
    account_rules=(
        AccountRule("1000", "2999", "ignore"),
        AccountRule("3500", "3599", "grants"),
        AccountRule("5000", "5999", "salaries"),
    ),
    object_rules=(ObjectRule("1", "SK01", name="Stadsdirektör", budget_area="stadsdirektor"),),
)


@pytest.fixture
def municipality(db: None) -> Municipality:
    municipality: Municipality = MunicipalityFactory.create(key="exempel", name="Exempels kommun")
    return municipality


@pytest.fixture
def other_municipality(db: None) -> Municipality:
    municipality: Municipality = MunicipalityFactory.create(key="annan", name="Annans kommun")
    return municipality


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """Write text (or bytes) to a file in the test's folder; CP437 for SIE, as 4B says."""

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def sie_file(write_file: Callable[..., Path]) -> Path:
    return write_file("huvudbok.se", SIE_4E, "cp437")


def stored_facts(municipality_key: str) -> dict[tuple[int, int, str, str, str], int]:
    """The municipality's facts, keyed as SIE_4E_FACTS (version must be empty)."""
    rows = Fact.objects.filter(municipality__key=municipality_key)
    assert all(row.version == "" for row in rows)
    return {(f.year, f.month, f.account, f.objects_key, f.phase): f.amount for f in rows}
