"""The generated file is a sound SIE 4E file whose parts agree with each other."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from uppsikt.demo.chart import mapping_yaml
from uppsikt.demo.files import budget_csv, forecast_csv
from uppsikt.demo.ledger import build_plan, factor_for, generate, items
from uppsikt.sie import Balance, Voucher

from .view import EXAMPLE, Ledger, cents, load


def test_the_reader_finds_nothing_wrong(ledger: Ledger) -> None:
    s = ledger.summary
    assert (s.file_type, s.checksum, s.unbalanced_vouchers) == ("4E", "ok", 0)
    assert s.issues == []


def test_header_says_synthetic(ledger: Ledger) -> None:
    h = ledger.header
    assert "SYNTETISK" in h.company_name and "SYNTETISK" in h.prosa
    assert h.org_number == "212000-1124"
    assert h.omfattn is not None and h.omfattn.isoformat() == "2025-12-31"
    assert {i: (y.start.year, y.end.year) for i, y in h.fiscal_years.items()} == {
        0: (2025, 2025),
        -1: (2024, 2024),
    }
    assert all(a.type in ("T", "S", "K", "I") for a in h.accounts.values())
    assert {d.number: d.name for d in h.dimensions.values()} == {
        "1": "Ansvar",
        "6": "Projekt",
        "20": "Verksamhet",
        "21": "Motpart",
    }


def test_vouchers_balance_and_fall_in_2025(ledger: Ledger) -> None:
    assert len(ledger.vouchers) > 1000
    for v in ledger.vouchers:
        assert v.balance == 0 and v.date.year == 2025
        assert all(t.amount != 0 for t in v.transactions)


def test_vouchers_have_corrections(ledger: Ledger) -> None:
    kinds = Counter(t.kind for v in ledger.vouchers for t in v.transactions)
    assert kinds["rtrans"] > 0 and kinds["btrans"] > 0


def test_psaldo_2025_is_the_vouchers(ledger: Ledger) -> None:
    """#PSALDO per month, account, cost centre and project = the vouchers' lines."""
    psaldo = {(p % 100, a, o): v for (p, a, o), v in ledger.balance_map("PSALDO", 0).items()}
    assert psaldo == {k: v for k, v in ledger.voucher_cells.items() if v}


@pytest.mark.parametrize("year", [0, -1])
def test_balances_agree(ledger: Ledger, year: int) -> None:
    """IB + ΣPSALDO = UB (balance sheet), ΣPSALDO = RES (P&L), ΣIB = 0."""
    kinds = {a.number: a.type for a in ledger.header.accounts.values()}
    per_account: dict[str, int] = defaultdict(int)
    for (_, account, _), amount in ledger.balance_map("PSALDO", year).items():
        per_account[account] += amount
    ib = {a: v for (_, a, _), v in ledger.balance_map("IB", year).items()}
    ub = {a: v for (_, a, _), v in ledger.balance_map("UB", year).items()}
    res = {a: v for (_, a, _), v in ledger.balance_map("RES", year).items()}
    for account, kind in kinds.items():
        if kind in ("T", "S"):
            assert ib.get(account, 0) + per_account[account] == ub.get(account, 0), account
        else:
            assert per_account[account] == res.get(account, 0), account
    assert sum(ib.values()) == 0


def test_opening_balances_are_last_years_closing(ledger: Ledger) -> None:
    ib = {a: v for (_, a, _), v in ledger.balance_map("IB", 0).items()}
    ub = {a: v for (_, a, _), v in ledger.balance_map("UB", -1).items()}
    assert ib == ub


def test_budget_csv_is_the_pbudget(ledger: Ledger) -> None:
    pbudget: dict[tuple[int, str, str, str], int] = {}
    for (period, account, objects), amount in ledger.balance_map("PBUDGET", 0).items():
        o = dict(objects)
        pbudget[(period % 100, account, o["1"], o.get("6", ""))] = amount
    rows: dict[tuple[int, str, str, str], int] = {}
    with (EXAMPLE / "budget-2025.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert (row["year"], row["phase"], row["version"]) == ("2025", "original_budget", "")
            key = (int(row["month"]), row["account"], row["cost_centre"], row["project"])
            rows[key] = cents(row["amount"])
    assert rows == pbudget


def test_example_files_are_up_to_date() -> None:
    """Regenerate with: python -m uppsikt.demo --examples examples/malmo-ks-2025-ledger"""
    assert (EXAMPLE / "mapping.yaml").read_text(encoding="utf-8") == mapping_yaml()
    assert (EXAMPLE / "budget-2025.csv").read_text(encoding="utf-8") == budget_csv(
        build_plan().budget
    )
    assert (EXAMPLE / "forecast-dr-2025.csv").read_text(encoding="utf-8") == forecast_csv()
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    assert "SYNTHETIC" in readme and "year,month,account,cost_centre" in readme


def test_what_was_written_is_what_is_read(ledger: Ledger) -> None:
    plan = build_plan()
    written = list(items(plan, factor_for(plan, None)))
    assert [i for i in written if isinstance(i, Voucher)] == ledger.vouchers
    assert [i for i in written if isinstance(i, Balance)] == ledger.balances


def test_same_seed_same_bytes(sie_path: Path) -> None:
    again, other = io.BytesIO(), io.BytesIO()
    generate(again)
    generate(other, seed=7)
    assert again.getvalue() == sie_path.read_bytes()
    assert other.getvalue() != again.getvalue()


def test_more_lines_same_totals(ledger: Ledger, tmp_path: Path) -> None:
    """Scaling splits amounts into more lines and changes no total."""
    path = tmp_path / "bigger.se"
    written = generate(path, transactions=20_000)
    bigger = load(path)
    assert 18_000 <= written.lines <= 22_000
    assert written.lines > ledger.summary.transactions * 1.2
    for kind in ("PSALDO", "RES", "IB", "UB", "PBUDGET"):
        for year in (0, -1):
            assert bigger.balance_map(kind, year) == ledger.balance_map(kind, year)
    assert bigger.voucher_cells == ledger.voucher_cells


def test_other_seed_same_balances(ledger: Ledger, tmp_path: Path) -> None:
    """The seed draws the vouchers; every balance record stays the same."""
    path = tmp_path / "seed7.se"
    generate(path, seed=7)
    other = load(path)
    assert other.balances == ledger.balances
    assert other.voucher_cells == ledger.voucher_cells
    assert other.vouchers != ledger.vouchers


def test_seasons(ledger: Ledger) -> None:
    """Fewer salaries in July, most other costs in December."""
    by_month: dict[tuple[str, int], int] = defaultdict(int)
    for (month, account, _), amount in ledger.voucher_cells.items():
        costs = ("6410", "6510", "7110", "7150")  # memberships and premiums peak in January
        group = "salaries" if account.startswith("50") else "other" if account in costs else ""
        by_month[(group, month)] += amount
    assert by_month[("salaries", 7)] < 0.7 * by_month[("salaries", 6)]
    assert max(range(1, 13), key=lambda m: by_month[("other", m)]) == 12
