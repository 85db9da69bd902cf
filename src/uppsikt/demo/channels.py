"""Channels: how a planned amount is booked, and what that does to the balance sheet.

Each planned amount (cost centre, project, account, month) goes to one *channel* (payroll,
supplier invoice, internal charge ...) that decides its voucher series and counter
accounts. What a channel books on the balance sheet in a month depends only on the month's
planned totals, never on how the amounts are split into lines, so `balance_flows` tells the
balance movements before any voucher is drawn; the tests check that the two agree.
"""

from __future__ import annotations

from collections.abc import Mapping

from uppsikt.demo.chart import (
    CC_BY_ID,
    DIM_ACTIVITY,
    DIM_COST_CENTRE,
    DIM_COUNTERPART,
    DIM_PROJECT,
    INTERNAL_ACCOUNTS,
)
from uppsikt.demo.plan import Cell
from uppsikt.sie import Objects

SETTLED = ("2440", "1510", "2710", "2730", "2641")  # open items paid the following month
TAX_PERCENT = 30  # preliminary income tax withheld (källskatt), share of gross salaries
VAT_PERCENT = {"6410": 25, "6510": 25, "7110": 25, "7150": 25, "5810": 25, "1220": 25,
               "1230": 25, "7010": 6}  # fmt: skip
# Base amount per piece (öre) per channel: it sets how many lines a default file has.
QUANTUM = {
    "payroll": 40_000_000,
    "supplier": 6_000_000,
    "customer": 15_000_000,
    "grant_in": 1_000_000_000,
    "grant_out": 50_000_000,
    "internal_sales": 100_000_000,
    "internal_rent": 1_000_000_000,
    "depreciation": 1_000_000_000,
    "finance": 1_000_000_000,
}


def channel(account: str) -> str:
    """How an account is booked: which voucher series and counter accounts it gets."""
    a = int(account)
    if 5000 <= a < 5700:
        return "payroll"
    if account.startswith("35"):
        return "grant_in"
    if account == "3700":
        return "internal_sales"
    if account.startswith("3"):
        return "customer"
    special = {"4610": "grant_out", "6110": "internal_rent", "7810": "depreciation"}
    if account in special:
        return special[account]
    if account.startswith("8"):
        return "finance"
    return "supplier"  # other costs, other staff costs, markhyror, investments (12xx)


def vat(account: str, amount: int) -> int:
    """Deductible input VAT on a supplier amount (öre)."""
    return amount * VAT_PERCENT.get(account, 0) // 100


def pieces(amount: int, kind: str, factor: float) -> int:
    """Number of lines an amount is split into: larger amounts get more lines."""
    base = -(-abs(amount) // QUANTUM[kind])
    n = max(1, round(base * factor))
    return max(1, min(n, abs(amount) // 100))  # no line below one krona


def payroll_totals(cells: Mapping[Cell, int]) -> dict[str, tuple[int, int]]:
    """Per cost centre: (gross salaries, PO) of the month."""
    out: dict[str, tuple[int, int]] = {}
    for (cc, _, account), amount in cells.items():
        if channel(account) == "payroll":
            salary, po = out.get(cc, (0, 0))
            out[cc] = (salary, po + amount) if account == "5610" else (salary + amount, po)
    return out


def balance_flows(
    cells: Mapping[Cell, int], opening: Mapping[str, int]
) -> tuple[dict[tuple[str, Objects], int], dict[str, int]]:
    """Balance-sheet movements of a month per (account, objects), and its open items.

    `opening` holds last month's open items (SETTLED accounts), settled this month.
    """
    flows: dict[tuple[str, Objects], int] = {}

    def add(account: str, amount: int, objects: Objects = ()) -> None:
        flows[(account, objects)] = flows.get((account, objects), 0) + amount

    open_items = dict.fromkeys(SETTLED, 0)
    for account in SETTLED:  # settle last month's items against the central account
        add(account, -opening.get(account, 0))
        add("1930", opening.get(account, 0))
    for salary, po in payroll_totals(cells).values():
        tax = salary * TAX_PERCENT // 100
        add("2710", -tax)
        add("2730", -po)
        add("1930", -(salary - tax))
        open_items["2710"] -= tax
        open_items["2730"] -= po
    for (cc, project, account), amount in cells.items():
        kind = channel(account)
        if kind == "supplier":
            v = vat(account, amount)
            add("2641", v)
            add("2440", -(amount + v))
            open_items["2641"] += v
            open_items["2440"] -= amount + v
            if account.startswith("12"):
                add(account, amount, balance_objects(cc, project))
        elif kind == "customer":
            add("1510", -amount)
            open_items["1510"] -= amount
        elif kind == "depreciation":
            add("1290", -amount)
        elif kind != "payroll":
            add("1930", -amount)
    return {k: v for k, v in flows.items() if v}, open_items


def balance_objects(cc: str, project: str) -> Objects:
    """Objects on a balance-sheet line: only investments carry cost centre and project."""
    return ((DIM_COST_CENTRE, cc), (DIM_PROJECT, project))


_OBJECTS: dict[Cell, Objects] = {}


def pl_objects(cc: str, project: str, account: str) -> Objects:
    """Objects of a P&L line: cost centre, project, activity and counterpart."""
    key = (cc, project, account)
    found = _OBJECTS.get(key)
    if found is None:
        found = ((DIM_COST_CENTRE, cc),)
        if project:
            found += ((DIM_PROJECT, project),)
        counterpart = "INT" if account in INTERNAL_ACCOUNTS else "EXT"
        found += ((DIM_ACTIVITY, CC_BY_ID[cc].activity), (DIM_COUNTERPART, counterpart))
        _OBJECTS[key] = found
    return found
