"""The demo ledger: one SIE 4E file for Malmö's executive board, 2025 with 2024 as last year.

SYNTHETIC data whose totals reproduce the demo report (`examples/malmo-ks-2025`). The file
holds the chart, #IB/#UB/#RES for both years, #PSALDO per month, account, cost centre and
project for both years, #PBUDGET for 2025 and the 2025 vouchers. Deterministic: the same
seed gives the same bytes. Vouchers are generated month by month and streamed to the
writer, so memory does not grow with `transactions`.

    from uppsikt.demo.ledger import generate
    generate("ks-2025.se")                         # about 15 000 #TRANS lines
    generate("big.se", transactions=1_000_000)     # same totals, more and smaller lines
"""

from __future__ import annotations

import datetime
import os
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from uppsikt.demo import targets as t
from uppsikt.demo.channels import SETTLED, balance_flows, channel, pieces
from uppsikt.demo.chart import (
    ACCOUNT_BY_NUMBER,
    ACCOUNTS,
    DIM_COST_CENTRE,
    DIM_PROJECT,
    DIMENSIONS,
    PROJECT_BY_ID,
    object_names,
)
from uppsikt.demo.plan import Cell, allocate, cells_2024, investment_cells, monthly, yearly_cells
from uppsikt.demo.vouchers import MonthVouchers
from uppsikt.sie import Account, Balance, Dimension, FiscalYear, Header, Objects, Voucher, write_sie

YEAR = 2025
PREVIOUS = 2024
# CP437 (the only SIE character set) has no en dash, so the name uses a hyphen.
COMPANY = "Malmö stad - Kommunstyrelsen (SYNTETISK DEMODATA)"
PROSA = (
    "SYNTETISK DEMODATA skapad av Uppsikt. Summorna återger kommunstyrelsens årsanalys 2025 "
    "i Malmö stad, men verifikationer, konton och fördelning på ansvar är påhittade."
)
GENERATED = datetime.date(2026, 2, 16)
DEFAULT_TRANSACTIONS = 15_000
# Opening balances of 2024 (öre, SIE sign) for the balance-sheet accounts; 2010 makes
# them sum to zero. The settled accounts are December 2023's open items.
OPENING_2024: dict[str, int] = {
    "1220": 624_000_000,
    "1230": 218_000_000,
    "1290": -495_000_000,
    "1510": 580_000_000,
    "1930": 15_000_000_000,
    "2440": -3_150_000_000,
    "2641": 245_000_000,
    "2710": -510_000_000,
    "2730": -705_000_000,
}
INVESTMENTS_2024: dict[Cell, int] = {("SK14", "INV01", "1220"): 231_845_000}

Flows = dict[tuple[str, Objects], int]


@dataclass(frozen=True)
class LedgerPlan:
    """Everything about the file except the vouchers, computed before writing."""

    actual: dict[int, dict[Cell, int]]  # 2025 month -> P&L and investment cells (öre)
    budget: dict[int, dict[Cell, int]]  # 2025 month -> budget cells (whole kronor, in öre)
    previous: dict[int, dict[Cell, int]]  # 2024 month -> cells
    flows: dict[int, dict[int, Flows]]  # year -> month -> balance movements
    opening: dict[int, dict[str, int]]  # year -> #IB per balance account
    closing_2024: int  # 2024's result, closed from 8999 to 2099 in December


def build_plan() -> LedgerPlan:
    """Monthly amounts of both years and the balance-sheet movements they cause."""
    actual = monthly({**yearly_cells("actual"), **investment_cells()}, "actual")
    budget = monthly(yearly_cells("budget"), "budget")
    for project, account, amount in t.INVESTMENT_BUDGET:
        cell = (_project_cc(project), project, account)
        for month, value in allocate(amount * 100, [(m, 1) for m in range(1, 13)], 100).items():
            budget[month][cell] = value
    previous = monthly({**cells_2024(), **INVESTMENTS_2024}, "actual")
    opening_2024 = dict(OPENING_2024)
    opening_2024["2010"] = -sum(opening_2024.values())
    flows: dict[int, dict[int, Flows]] = {PREVIOUS: {}, YEAR: {}}
    items = {a: opening_2024[a] for a in SETTLED}
    for month in range(1, 13):
        flows[PREVIOUS][month], items = balance_flows(previous[month], items)
    result = sum(v for cells in previous.values() for c, v in cells.items() if _is_pl(c[2]))
    flows[PREVIOUS][12][("2099", ())] = result  # year-end closing: result to equity
    opening_2025 = _closing(opening_2024, flows[PREVIOUS])
    items = {a: opening_2025.get(a, 0) for a in SETTLED}
    for month in range(1, 13):
        flows[YEAR][month], items = balance_flows(actual[month], items)
    opening = {PREVIOUS: opening_2024, YEAR: opening_2025}
    return LedgerPlan(actual, budget, previous, flows, opening, result)


def _project_cc(project: str) -> str:
    return PROJECT_BY_ID[project].cost_centre


def _is_pl(account: str) -> bool:
    return ACCOUNT_BY_NUMBER[account].kind in "IK"


def _closing(opening: Mapping[str, int], flows: Mapping[int, Flows]) -> dict[str, int]:
    out = dict(opening)
    for month_flows in flows.values():
        for (account, _), amount in month_flows.items():
            out[account] = out.get(account, 0) + amount
    return {a: v for a, v in out.items() if v}


def header() -> Header:
    """The file's identification, fiscal years, dimensions, objects and accounts."""
    return Header(
        flag=0,
        program="Uppsikt demodata",
        program_version="1.0",
        format="PC8",
        generated=GENERATED,
        sie_type=4,
        company_name=COMPANY,
        org_number="212000-1124",
        kptyp="KOMMUN-BAS",
        currency="SEK",
        omfattn=datetime.date(YEAR, 12, 31),
        fiscal_years={
            0: FiscalYear(0, datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)),
            -1: FiscalYear(-1, datetime.date(PREVIOUS, 1, 1), datetime.date(PREVIOUS, 12, 31)),
        },
        accounts={a.number: Account(a.number, a.name, a.kind) for a in ACCOUNTS},
        dimensions={n: Dimension(n, name, None) for n, name in DIMENSIONS.items()},
        objects=object_names(),
        prosa=PROSA,
    )


def _kr(ore: int) -> Decimal:
    return Decimal(ore).scaleb(-2)


def _objects(cc: str, project: str) -> Objects:
    found: Objects = ((DIM_COST_CENTRE, cc),)
    return (*found, (DIM_PROJECT, project)) if project else found


def _balance(kind: str, year: int, account: str, ore: int, period: int | None = None,
             objects: Objects = ()) -> Balance:  # fmt: skip
    return Balance(kind, year, period, account, objects, _kr(ore), None, 0)


def balances(plan: LedgerPlan) -> Iterator[Balance]:
    """#IB, #UB, #RES, #PSALDO and #PBUDGET records of both years."""
    for year, index in ((PREVIOUS, -1), (YEAR, 0)):
        ib = plan.opening[year]
        ub = _closing(ib, plan.flows[year])
        for account in sorted(set(ib) | set(ub)):
            if ib.get(account):
                yield _balance("IB", index, account, ib[account])
            if ub.get(account):
                yield _balance("UB", index, account, ub[account])
        months = plan.previous if year == PREVIOUS else plan.actual
        res: dict[str, int] = {}
        for cells in months.values():
            for (_, _, account), amount in cells.items():
                if _is_pl(account):
                    res[account] = res.get(account, 0) + amount
        if year == PREVIOUS:
            res["8999"] = -plan.closing_2024
        for account in sorted(res):
            yield _balance("RES", index, account, res[account])
    for year, index in ((PREVIOUS, -1), (YEAR, 0)):
        months = plan.previous if year == PREVIOUS else plan.actual
        for month in range(1, 13):
            period = year * 100 + month
            rows: dict[tuple[str, Objects], int] = {}
            for (cc, project, account), amount in months[month].items():
                if _is_pl(account):
                    key = (account, _objects(cc, project))
                    rows[key] = rows.get(key, 0) + amount
            for key, amount in plan.flows[year][month].items():
                rows[key] = rows.get(key, 0) + amount
            if year == PREVIOUS and month == 12:
                rows[("8999", ())] = -plan.closing_2024
            for (account, objects), amount in sorted(rows.items()):
                if amount:
                    yield _balance("PSALDO", index, account, amount, period, objects)
    for month in range(1, 13):
        for (cc, project, account), amount in sorted(plan.budget[month].items()):
            yield _balance("PBUDGET", 0, account, amount, YEAR * 100 + month, _objects(cc, project))


def factor_for(plan: LedgerPlan, transactions: int | None) -> float:
    """The split factor that gives about `transactions` #TRANS lines."""
    wanted = transactions or DEFAULT_TRANSACTIONS
    low, high = 1e-3, 1e4
    for _ in range(60):
        mid = (low * high) ** 0.5
        if estimate_lines(plan, mid) < wanted:
            low = mid
        else:
            high = mid
    return high


def estimate_lines(plan: LedgerPlan, factor: float) -> float:
    """Expected number of voucher lines for a split factor (the grouping is random)."""
    total = 0.0
    for month in range(1, 13):
        cost_centres: set[str] = set()
        for (cc, _, account), amount in plan.actual[month].items():
            kind = channel(account)
            n = pieces(amount, kind, factor)
            if kind == "supplier":
                total += n * 1.84  # invoices of 1-3 lines, plus supplier and VAT lines (measured)
            elif kind in ("customer", "grant_in", "grant_out"):
                total += 2 * n
            else:
                total += n
            if kind == "payroll":
                cost_centres.add(cc)
        total += 3 * len(cost_centres) + 30  # payroll counter lines, payments, settlements
    return total


def items(plan: LedgerPlan, factor: float, seed: int = 2025) -> Iterator[Balance | Voucher]:
    """All records after the chart: balances of both years, then the 2025 vouchers."""
    yield from balances(plan)
    rng = random.Random(seed)
    numbers: dict[str, int] = {}
    opening = {a: plan.opening[YEAR].get(a, 0) for a in SETTLED}
    for month in range(1, 13):
        cells = plan.actual[month]
        yield from MonthVouchers(YEAR, month, cells, opening, rng, factor, numbers).vouchers()
        opening = balance_flows(cells, opening)[1]


@dataclass(frozen=True)
class Written:
    """What `generate` wrote."""

    vouchers: int
    lines: int  # voucher lines that count (an #RTRANS and its mirror count once)


def generate(
    path: str | os.PathLike[str] | BinaryIO, *, transactions: int | None = None, seed: int = 2025
) -> Written:
    """Write the demo SIE 4E file; `transactions` sets about how many #TRANS lines it has."""
    plan = build_plan()
    counts = [0, 0]

    def counted() -> Iterator[Balance | Voucher]:
        for item in items(plan, factor_for(plan, transactions), seed):
            if isinstance(item, Voucher):
                counts[0] += 1
                counts[1] += sum(1 for line in item.transactions if line.kind != "btrans")
            yield item

    write_sie(path, header(), counted())
    return Written(counts[0], counts[1])


__all__ = ["LedgerPlan", "Written", "balances", "build_plan", "generate", "header", "items"]
