"""Shared helpers for the SIE tests: the sample folder and small synthetic files.

The public samples live outside the repository (``../shared/data/sie-samples``); tests that
need them skip when the folder is absent. The synthetic files built here need nothing.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from optional import require
from uppsikt.sie import (
    Account,
    Balance,
    Dimension,
    FiscalYear,
    Header,
    Objects,
    Transaction,
    Voucher,
    write_sie,
)

SAMPLES = Path(__file__).parents[2].parent / "shared" / "data" / "sie-samples"


def samples_or_skip() -> Path:
    """The sample folder, or skip the test (users' clones do not have it)."""
    require((SAMPLES / "reference_counts.tsv").is_file(), f"the SIE sample files ({SAMPLES})")
    return SAMPLES


def sie_bytes(*lines: str, eol: str = "\r\n", encoding: str = "cp437") -> bytes:
    """A file from text lines, CP437 and CRLF unless told otherwise."""
    return "".join(line + eol for line in lines).encode(encoding)


HEAD = (
    "#FLAGGA 0",
    '#PROGRAM "Test" 1.0',
    "#FORMAT PC8",
    "#GEN 20250201",
    "#SIETYP 4",
    '#FNAMN "Testkommunen"',
    "#RAR 0 20250101 20251231",
    "#RAR -1 20240101 20241231",
    '#KONTO 1930 "Bank"',
    '#KONTO 3010 "Försäljning"',
    '#KONTO 4010 "Inköp"',
    '#DIM 1 "Ansvar"',
    '#OBJEKT 1 "KS01" "Kommunstyrelsen"',
)


def small_file(*body: str, eol: str = "\r\n") -> bytes:
    """A valid 4I-shaped file: the HEAD above and the given lines."""
    return sie_bytes(*HEAD, *body, eol=eol)


# ---- a synthetic municipal export (sie.md §15: no public one exists) -----------------------

YEAR = 2025
DIMENSIONS = {
    "1": "Ansvar",  # nämnd/förvaltning/enhet in the reserved cost-centre dimension
    "6": "Projekt",
    "20": "Verksamhet",  # SCB activity codes in free dimensions >= 20
    "21": "Motpart",
}
ACCOUNTS = {
    "1930": ("Bank", "T"),
    "2440": ("Leverantörsskulder", "S"),
    "3510": ("Taxor och avgifter", "I"),
    "3910": ("Hyror och arrenden", "I"),
    "5010": ("Lön månadsavlönade", "K"),
    "5410": ("Arbetsgivaravgifter", "K"),
    "6420": ("Köp av tjänster", "K"),
    "7310": ("Lokalhyror", "K"),
}


def municipal_header() -> Header:
    """Kommun-Bas-like chart, four dimensions, two calendar years."""
    h = Header(
        flag=0,
        program="Ekonomisystem",
        program_version="24.1",
        format="PC8",
        generated=datetime.date(YEAR + 1, 1, 15),
        sie_type=4,
        company_name="Exempelby kommun",
        org_number="212000-0000",
        company_type="X",
        kptyp="EUBAS97",
        omfattn=datetime.date(YEAR, 12, 31),
    )
    h.fiscal_years = {
        0: FiscalYear(0, datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)),
        -1: FiscalYear(-1, datetime.date(YEAR - 1, 1, 1), datetime.date(YEAR - 1, 12, 31)),
    }
    h.accounts = {n: Account(n, name, kind) for n, (name, kind) in ACCOUNTS.items()}
    h.dimensions = {n: Dimension(n, name, None) for n, name in DIMENSIONS.items()}
    h.dimensions["61"] = Dimension("61", "Delprojekt", "6")
    h.objects = {
        ("1", "110"): "Kommunstyrelsen",
        ("1", "310"): "Barn- och utbildningsnämnden",
        ("20", "407"): "Grundskola",
        ("20", "510"): "Äldreomsorg",
        ("6", "P12"): 'Ny förskola "Solen"',
        ("21", "1"): "Extern motpart",
    }
    return h


def municipal_items() -> Iterator[Voucher | Balance]:
    """Consistent year: IB + Σ PSALDO = UB for balance accounts, Σ PSALDO = RES for P&L,
    a budget per month, and twelve months of balanced vouchers."""
    objs: Objects = (("1", "310"), ("20", "407"), ("6", "P12"), ("21", "1"))
    salary = Decimal("412345.50")
    fee = Decimal("-23500.25")
    yield Balance("IB", 0, None, "1930", (), Decimal("1000000.00"), None, 0)
    yield Balance("IB", 0, None, "2440", (), Decimal("-50000.00"), None, 0)
    net = -salary - fee  # bank: pays salaries, receives fees
    yield Balance("UB", 0, None, "1930", (), Decimal("1000000.00") + 12 * net, None, 0)
    yield Balance("UB", 0, None, "2440", (), Decimal("-50000.00"), None, 0)
    yield Balance("RES", 0, None, "5010", (), 12 * salary, None, 0)
    yield Balance("RES", 0, None, "3510", (), 12 * fee, None, 0)
    for month in range(1, 13):
        period = YEAR * 100 + month
        yield Balance("PSALDO", 0, period, "1930", (), net, None, 0)
        yield Balance("PSALDO", 0, period, "5010", (), salary, None, 0)
        yield Balance("PSALDO", 0, period, "5010", objs, salary, Decimal("160"), 0)
        yield Balance("PSALDO", 0, period, "3510", (), fee, None, 0)
        yield Balance("PBUDGET", 0, period, "5010", objs, Decimal("400000.00"), None, 0)
        yield Balance("PBUDGET", 0, period, "3510", (), Decimal("-25000.00"), None, 0)
    for month in range(1, 13):
        day = datetime.date(YEAR, month, 25)
        yield Voucher(
            "L",
            str(month),
            day,
            f"Lön {month:02d}",
            day,
            (
                Transaction("5010", objs, salary, None, "", Decimal("160"), "trans", 0),
                Transaction("1930", (), -salary, None, "", None, "trans", 0),
            ),
            0,
        )
        yield Voucher(
            "K",
            str(month),
            day,
            'Avgifter "barnomsorg"',
            None,
            (
                Transaction("1930", (), -fee, day, "Inbetalning", None, "trans", 0),
                Transaction("3510", (("1", "110"),), fee, day, "Taxa; del 1", None, "trans", 0),
            ),
            0,
        )


def municipal_bytes(*, checksum: bool = True) -> bytes:
    """The synthetic municipal export as written by write_sie."""
    out = io.BytesIO()
    write_sie(out, municipal_header(), municipal_items(), checksum=checksum)
    return out.getvalue()
