"""A generated demo ledger read back with the SIE reader and aggregated for the tests."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from uppsikt.sie import Balance, Header, Summary, Voucher, read_all

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "malmo-ks-2025-ledger"
TABLES = ROOT / "examples" / "malmo-ks-2025" / "tables"

Key = tuple[str, str, str]  # (cost centre, project, account)


def cents(amount: object) -> int:
    """A Decimal amount with at most two decimals as integer öre."""
    from decimal import Decimal

    value = Decimal(str(amount)) * 100
    assert value == value.to_integral_value(), amount
    return int(value)


@dataclass
class Ledger:
    """A generated file, aggregated: the test's own view, independent of the generator."""

    header: Header
    summary: Summary
    vouchers: list[Voucher]
    balances: list[Balance]
    # voucher lines that count, per (month, account, objects of dimensions 1 and 6)
    voucher_cells: dict[tuple[int, str, tuple[tuple[str, str], ...]], int] = field(
        default_factory=lambda: defaultdict(int)
    )

    def balance_map(
        self, kind: str, year: int
    ) -> dict[tuple[int, str, tuple[tuple[str, str], ...]], int]:
        out: dict[tuple[int, str, tuple[tuple[str, str], ...]], int] = defaultdict(int)
        for b in self.balances:
            if b.kind == kind and b.year == year:
                out[(b.period or 0, b.account, b.objects)] += cents(b.amount)
        return dict(out)


def cc_and_project(objects: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((d, o) for d, o in objects if d in ("1", "6"))


def load(path: Path) -> Ledger:
    header, items, summary = read_all(path)
    vouchers = [i for i in items if isinstance(i, Voucher)]
    ledger = Ledger(header, summary, vouchers, [i for i in items if isinstance(i, Balance)])
    for voucher in vouchers:
        for line in voucher.effective():
            date = line.date or voucher.date
            key = (date.month, line.account, cc_and_project(line.objects))
            ledger.voucher_cells[key] += cents(line.amount)
    return ledger
