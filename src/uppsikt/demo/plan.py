"""From the target figures to yearly and monthly amounts per (cost centre, project, account).

All amounts are integer öre. Planning works in report sign (income positive) per cost centre
and line; `yearly_cells` turns that into SIE sign (debit positive) per account. Every split
uses `allocate`, a largest-remainder split, so totals are exact by construction.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal, TypeVar

from uppsikt.demo import targets as t
from uppsikt.demo.chart import COST_CENTRES, PROJECT_BY_ID

K = TypeVar("K")
Cell = tuple[str, str, str]  # (cost centre, project or "", account)
Kind = Literal["actual", "budget"]
ORE_PER_TKR = 100_000


def ore(tkr: str | int) -> int:
    """Tkr as written in `targets` (e.g. "-156870.9") to integer öre."""
    value = Decimal(tkr) * ORE_PER_TKR
    if value != value.to_integral_value():
        raise ValueError(f"{tkr!r} tkr is not a whole number of öre")
    return int(value)


def _weight(text: str) -> int:
    return int(Decimal(text) * 10)


def allocate(total: int, weights: Sequence[tuple[K, int]], unit: int = 1) -> dict[K, int]:
    """Split `total` (a multiple of `unit`) in proportion to positive integer weights.

    Largest remainder on multiples of `unit`; ties go to the earlier key, so the result is
    deterministic and sums exactly to `total`.
    """
    if total % unit:
        raise ValueError(f"{total} is not a multiple of {unit}")
    pairs = [(key, w) for key, w in weights if w > 0]
    if not pairs:
        raise ValueError("nothing to allocate to")
    units, wsum = abs(total) // unit, sum(w for _, w in pairs)
    base = [(key, units * w // wsum, units * w % wsum) for key, w in pairs]
    left = units - sum(b for _, b, _ in base)
    order = sorted(range(len(base)), key=lambda i: -base[i][2])
    extra = set(order[:left])
    sign = -1 if total < 0 else 1
    return {key: sign * unit * (b + (i in extra)) for i, (key, b, _) in enumerate(base)}


def _ccs(part: str) -> list[str]:
    return [cc.id for cc in COST_CENTRES if cc.financing.value == part]


CcLines = dict[tuple[str, str, str], int]  # (cost centre, project, line) -> report-sign öre


def cc_lines(kind: Kind) -> CcLines:
    """Report-sign öre per (cost centre, project, line) for 2025 actual or original budget."""
    actual = kind == "actual"
    lines = t.ACTUAL_LINES if actual else t.BUDGET_LINES
    nets = t.ACTUAL_NET if actual else t.BUDGET_NET
    weights = t.ACTUAL_WEIGHTS if actual else t.BUDGET_WEIGHTS
    grants = t.ACTUAL_GRANTS if actual else t.BUDGET_GRANTS
    out: CcLines = {}
    for part in t.PARTS:
        ccs = _ccs(part)
        for line in t.WEIGHTED_LINES:
            if line not in lines[part]:
                continue
            key = "staff" if line in t.STAFF_LINES else line
            ws = [(cc, _weight(weights[cc][key])) for cc in ccs if key in weights.get(cc, {})]
            for cc, share in allocate(ore(lines[part][line]), ws, 100).items():
                out[(cc, "", line)] = share
    for project, grant in grants.items():
        out[(PROJECT_BY_ID[project].cost_centre, project, "grants")] = ore(grant)
    if not actual:
        for cc, grant in t.BUDGET_UNPROJECTED_GRANTS.items():
            out[(cc, "", "grants")] = ore(grant)
    _add_residual_other_costs(out, nets)
    _tag_project_costs(out, grants)
    _check_parts(out, lines)
    return out


def _add_residual_other_costs(out: CcLines, nets: Mapping[str, str]) -> None:
    for cc in COST_CENTRES:
        rest = sum(v for (c, _, _), v in out.items() if c == cc.id)
        residual = ore(nets[cc.id]) - rest
        if residual > 0:  # a cost centre whose other costs would be income: fix the weights
            raise ValueError(f"{cc.id}: other costs would be {residual / ORE_PER_TKR} tkr")
        if residual:
            out[(cc.id, "", "other_costs")] = residual


def _tag_project_costs(out: CcLines, grants: Mapping[str, str]) -> None:
    """Move part of a grant-funded cost centre's costs onto the grant's project."""
    for project, grant in grants.items():
        cc = PROJECT_BY_ID[project].cost_centre
        for line, share in t.PROJECT_COST_SHARES.items():
            amount = -int(ore(grant) * Decimal(share) / 100) * 100
            untagged = out[(cc, "", line)]
            if amount < untagged:
                raise ValueError(f"{project}: {line} exceeds {cc}'s {line}")
            out[(cc, "", line)] = untagged - amount
            out[(cc, project, line)] = amount


def _check_parts(out: CcLines, lines: Mapping[str, Mapping[str, str]]) -> None:
    """The residuals must reproduce each part's stated other costs (targets consistency)."""
    part_of = {cc.id: cc.financing.value for cc in COST_CENTRES}
    for part, wanted in lines.items():
        for line, amount in wanted.items():
            got = sum(v for (c, _, ln), v in out.items() if ln == line and part_of[c] == part)
            if got != ore(amount):
                raise ValueError(f"{part} {line}: {got} öre, targets say {ore(amount)}")


# --- accounts -----------------------------------------------------------------------------
_Profile = dict[str, int]
_OTHER_COSTS: dict[str, _Profile] = {
    "KS10": {"6410": 20, "6510": 20, "7010": 25, "7110": 15, "7410": 20},
    "KS11": {"6910": 60, "4610": 40},
    "KS12": {"4610": 70, "7110": 30},
    "SK09": {"7110": 60, "6410": 10, "6510": 20, "7010": 10},
    "SK11": {"7150": 50, "7110": 25, "6410": 10, "6510": 10, "7410": 5},
    "SK12": {"4510": 40, "4610": 25, "7110": 25, "6410": 5, "6510": 5},
    "SK13": {"7150": 40, "7110": 30, "6510": 20, "6410": 10},
    "SK14": {"6410": 40, "7110": 60},
    "SK17": {"7110": 40, "6410": 30, "6510": 20, "4510": 10},
    "SK18": {"6510": 80, "7110": 20},
    "SK19": {"4510": 60, "4610": 40},
    "SF01": {"7110": 50, "6510": 30, "6410": 20},
    "SF02": {"6510": 85, "7110": 15},
    "SF03": {"6410": 50, "7110": 30, "7150": 20},
    "SF04": {"7110": 70, "6510": 20, "6410": 10},
    "SF05": {"6510": 60, "7110": 40},
    "SF06": {"7310": 90, "7110": 10},
    "*": {"6410": 15, "6510": 35, "7010": 5, "7110": 35, "7410": 5, "7150": 5},
    "project": {"7110": 60, "6410": 30, "7010": 10},
}
_OTHER_INCOME: dict[str, _Profile] = {
    "KS10": {"3600": 1},
    "SK11": {"3600": 70, "3110": 30},
    "SK14": {"3410": 1},
    "SK17": {"3700": 1},
    "SF04": {"3700": 70, "3600": 30},
    "SF06": {"3700": 85, "3910": 15},
    "SF*": {"3700": 1},
    "*": {"3700": 60, "3600": 40},
}
_SALARIES: dict[str, _Profile] = {
    "KS10": {"5010": 55, "5020": 40, "5060": 5},
    "SF*": {"5020": 88, "5030": 12},
    "*": {"5020": 85, "5030": 13, "5060": 2},
    "project": {"5030": 1},
}
_SIMPLE: dict[str, _Profile] = {
    "payroll_overhead": {"5610": 1},
    "other_staff_costs": {"5810": 60, "5840": 25, "5890": 15},
    "depreciation": {"7810": 1},
    "financial_income": {"8410": 1},
    "financial_costs": {"8510": 1},
}


def _pick(table: Mapping[str, _Profile], cc: str, project: str) -> _Profile:
    if project and "project" in table:
        return table["project"]
    return table.get(cc) or table.get(cc[:2] + "*") or table["*"]


def account_profile(cc: str, project: str, line: str) -> _Profile:
    """Accounts (with weights) that a cost centre's amount on a line is booked on."""
    if line == "grants":
        grant_account = PROJECT_BY_ID[project].grant_account if project else None
        return {grant_account or "3590": 1}
    if line == "premises":
        return {"6110": 95, "6120": 5} if cc == "SK14" else {"6110": 1}
    if line in _SIMPLE:
        return _SIMPLE[line]
    table = {"other_costs": _OTHER_COSTS, "other_income": _OTHER_INCOME}.get(line, _SALARIES)
    return _pick(table, cc, project)


def yearly_cells(kind: Kind) -> dict[Cell, int]:
    """SIE-sign öre per (cost centre, project, account) for the year; budget in whole kronor."""
    unit = 1 if kind == "actual" else 100
    cells: dict[Cell, int] = {}
    for (cc, project, line), amount in sorted(cc_lines(kind).items()):
        profile = sorted(account_profile(cc, project, line).items())
        for account, value in allocate(-amount, profile, unit).items():
            if value:
                cells[(cc, project, account)] = cells.get((cc, project, account), 0) + value
    return cells


# --- months -------------------------------------------------------------------------------
_SEASONS: dict[str, tuple[int, ...]] = {
    "salary": (100, 100, 102, 100, 102, 104, 58, 88, 102, 102, 104, 112),
    "staff_other": (60, 90, 110, 100, 90, 80, 20, 60, 120, 120, 110, 140),
    "flat": (1,) * 12,
    "members": (300, 150, 50, 50, 50, 50, 20, 30, 50, 50, 50, 100),
    "grants_out": (150, 80, 120, 90, 90, 120, 30, 60, 120, 90, 80, 170),
    "costs": (70, 85, 95, 95, 100, 105, 45, 70, 105, 110, 115, 170),
    "premiums": (300, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 100),
    "sales": (80, 90, 100, 100, 100, 100, 50, 80, 110, 110, 110, 170),
    "half_year": (0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1),
    "quarters": (0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1),
    "spring_autumn": (0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0),
    "budget_salary": (100, 100, 100, 100, 100, 100, 60, 95, 100, 100, 100, 100),
    "autumn": (0, 0, 0, 0, 1, 1, 0, 0, 3, 4, 5, 6),
    "year_end": (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2),
}


def season(account: str, project: str, kind: Kind) -> tuple[int, ...]:
    """Monthly weights of an account (July low for staff, December peaks for costs)."""
    a = int(account)
    if kind == "budget":
        return _SEASONS["budget_salary" if 5000 <= a < 5700 else "flat"]
    if account.startswith(("35",)):
        if project == "G02":
            return _SEASONS["spring_autumn"]
        return _SEASONS["quarters" if project == "G03" else "half_year"]
    if account.startswith("12"):
        return _SEASONS["year_end" if project == "INV02" else "autumn"]
    if 5000 <= a < 5700:
        return _SEASONS["salary"]
    named = {"6910": "members", "4610": "grants_out", "7310": "premiums"}
    if account in named:
        return _SEASONS[named[account]]
    if 5800 <= a < 6000:
        return _SEASONS["staff_other"]
    if account in ("3110", "3410", "3600", "3910"):
        return _SEASONS["sales"]
    if a >= 7800 or account in ("3700", "6110", "6120"):
        return _SEASONS["flat"]
    return _SEASONS["costs"]


def monthly(cells: Mapping[Cell, int], kind: Kind) -> dict[int, dict[Cell, int]]:
    """Split yearly cells into months 1..12 (öre for actual, whole kronor for budget)."""
    unit = 1 if kind == "actual" else 100
    months: dict[int, dict[Cell, int]] = {m: {} for m in range(1, 13)}
    for cell, amount in sorted(cells.items()):
        weights = list(enumerate(season(cell[2], cell[1], kind), start=1))
        for month, value in allocate(amount, weights, unit).items():
            if value:
                months[month][cell] = value
    return months


def investment_cells() -> dict[Cell, int]:
    """2025 investments (SIE sign, öre) on the investment projects' cost centres."""
    return {
        (PROJECT_BY_ID[p].cost_centre, p, account): int(Decimal(amount) * 100)
        for p, account, amount in t.INVESTMENTS
    }


def cells_2024() -> dict[Cell, int]:
    """2024 actual: the 2025 pattern, perturbed, scaled to net_cost_trend's 2024 totals.

    The perturbation has a fixed seed of its own: every balance of the file is the same
    whatever seed the vouchers are drawn with."""
    rng = random.Random(2024)
    income: list[tuple[Cell, int]] = []
    costs: list[tuple[Cell, int]] = []
    for cell, amount in sorted(yearly_cells("actual").items()):
        if cell[1] == "G01":  # the Livsmedelsverket grant project started in 2025
            continue
        weight = abs(amount) * rng.randint(88, 112) // 100
        (income if amount < 0 else costs).append((cell, weight))
    out = allocate(-t.INCOME_2024_KR * 100, income, 1)
    out.update(allocate(-t.COSTS_2024_KR * 100, costs, 1))
    return out


def nonzero(items: Iterable[tuple[K, int]]) -> dict[K, int]:
    """Drop zero amounts (SIE lets zero balances be left out)."""
    return {k: v for k, v in items if v}
