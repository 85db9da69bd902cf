"""The report's figures computed from a generated ledger, in kronor and report sign.

Report sign: income positive, costs negative (the SIE amount negated). The definitions
here are the test's own, written from the report's tables, not taken from the generator.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from uppsikt.domain.economy.model import Mapping

from .view import Ledger, cents

# Figures the report states and a ledger does not hold: the allocation (kommunbidrag)
# comes from budget data, the forecast allocation from the interim report.
FORECAST_ALLOCATION = {  # öre
    "board": 170_537_000_00,
    "allocation_funded": 339_790_000_00,
    "charge_funded": 0,
}
PARTS = ("board", "allocation_funded", "charge_funded")
STAFF = ("salaries", "payroll_overhead", "other_staff_costs")
GRANT_ROWS = {
    "maltidsverksamhet": "G01",
    "krisberedskap-civilt-forsvar": "G02",
    "spegla-malmo": "G03",
    "innovations-hub": "G04",
    "circular-economy-office": "G05",
    "malmo-residency": "G06",
    "salt": "G07",
    "cirkular-utvecklingshub": "G08",
    "food-tech-innovation-network": "G09",
}

Figures = dict[tuple[str, str, str], Decimal]  # (table, row, column) -> kronor or percent


class Aggregates:
    """Sums of one phase per part, cost centre and project, by report line."""

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.by_part: dict[tuple[str, str], int] = defaultdict(int)
        self.by_cc: dict[tuple[str, str], int] = defaultdict(int)
        self.by_project: dict[tuple[str, str], int] = defaultdict(int)

    def add(self, account: str, objects: tuple[tuple[str, str], ...], ore: int) -> None:
        line = self.mapping.line_for(account)
        if line in (None, "ignore"):
            return
        cc = dict(objects).get(self.mapping.cost_centre_dimension, "")
        project = dict(objects).get(self.mapping.project_dimension, "")
        rule = self.mapping.object_rule(self.mapping.cost_centre_dimension, cc)
        part = rule.financing.value if rule and rule.financing else ""
        assert line is not None
        self.by_part[(part, line)] -= ore  # report sign
        self.by_cc[(cc, line)] -= ore
        if project:
            self.by_project[(project, line)] -= ore

    def part(self, part: str, *lines: str) -> int:
        parts = PARTS if part == "" else (part,)
        return sum(self.by_part[(p, line)] for p in parts for line in lines)

    def net(self, part: str = "") -> int:
        lines = {line for _, line in self.by_part if line != "investment"}
        return self.part(part, *lines)

    def cc_net(self, cc: str) -> int:
        return sum(v for (c, line), v in self.by_cc.items() if c == cc and line != "investment")


def aggregates(ledger: Ledger, mapping: Mapping, kind: str, year: int) -> Aggregates:
    out = Aggregates(mapping)
    for b in ledger.balances:
        if b.kind == kind and b.year == year:
            out.add(b.account, b.objects, cents(b.amount))
    return out


def forecast(mapping: Mapping, path: Path) -> Aggregates:
    out = Aggregates(mapping)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert (row["phase"], row["version"], row["month"]) == ("forecast", "DR 2025", "0")
            objects = (("1", row["cost_centre"]),) + (
                (("6", row["project"]),) if row["project"] else ()
            )
            out.add(row["account"], objects, cents(row["amount"]))
    return out


def _groups(a: Aggregates, part: str) -> dict[str, int]:
    g = {
        "total_income": a.part(part, "grants", "other_income"),
        "staff_costs": a.part(part, *STAFF),
        "other_costs": a.part(part, "premises", "other_costs"),
        "depreciation": a.part(part, "depreciation"),
        "financial": a.part(part, "financial_income", "financial_costs"),
    }
    g["total_costs"] = g["staff_costs"] + g["other_costs"] + g["depreciation"]
    return g


def compute(ledger: Ledger, mapping: Mapping, forecast_path: Path) -> Figures:
    """Every figure of the report's economy tables that the ledger can give."""
    actual = aggregates(ledger, mapping, "PSALDO", 0)
    budget = aggregates(ledger, mapping, "PBUDGET", 0)
    previous = aggregates(ledger, mapping, "PSALDO", -1)
    fc = forecast(mapping, forecast_path)
    out: dict[tuple[str, str, str], int | Decimal] = {}
    allocation = {p: -budget.net(p) for p in PARTS}  # the budget is the allocation
    # income_statement
    for column, a in (("actual", actual), ("budget", budget)):
        rows = {
            line: a.part("", line)
            for line in (
                "grants",
                "other_income",
                *STAFF,
                "premises",
                "other_costs",
                "depreciation",
                "financial_income",
                "financial_costs",
            )
        }
        rows["total_income"] = rows["grants"] + rows["other_income"]
        rows["total_staff_costs"] = sum(rows[line] for line in STAFF)
        rows["total_other_costs"] = rows["premises"] + rows["other_costs"] + rows["depreciation"]
        rows["net_cost_before_financial"] = (
            rows["total_income"] + rows["total_staff_costs"] + rows["total_other_costs"]
        )
        rows["allocation"] = sum(allocation.values())
        rows["net_cost"] = (
            rows["net_cost_before_financial"] + rows["financial_income"] + rows["financial_costs"]
        )
        rows["result"] = rows["net_cost"] + rows["allocation"]
        for row, value in rows.items():
            out[("income_statement", row, column)] = value
    for row in {r for (t, r, _) in out if t == "income_statement"}:
        out[("income_statement", row, "variance")] = (
            out[("income_statement", row, "actual")] - out[("income_statement", row, "budget")]
        )
    # financing_split
    for part in PARTS:
        g = _groups(actual, part)
        g["allocation"] = allocation[part]
        g["result"] = g["total_income"] + g["total_costs"] + g["allocation"] + g["financial"]
        for row, value in g.items():
            out[("financing_split", row, part)] = value
            key = ("financing_split", row, "total")
            out[key] = out.get(key, 0) + value
    # budget_areas and appropriations
    for rule in mapping.object_rules:
        if rule.budget_area:
            out[("budget_areas", rule.budget_area, "actual")] = actual.cc_net(rule.object)
            out[("budget_areas", rule.budget_area, "budget")] = budget.cc_net(rule.object)
        if rule.appropriation:
            out[("appropriations", rule.appropriation, "actual")] = actual.cc_net(rule.object)
            out[("appropriations", rule.appropriation, "budget")] = -budget.cc_net(rule.object)
        if rule.investment:
            inv = ("investments", rule.investment)
            out[(*inv, "actual")] = -actual.by_project[(rule.object, "investment")]
            out[(*inv, "budget")] = -budget.by_project[(rule.object, "investment")]
    # the tables' variance formulas: actual - budget, budget + actual, budget - actual
    for table, sign_actual, sign_budget in (
        ("budget_areas", 1, -1),
        ("appropriations", 1, 1),
        ("investments", -1, 1),
    ):
        keys = {r for (t, r, _) in out if t == table}
        for column in ("actual", "budget"):
            out[(table, "total", column)] = sum(out[(table, r, column)] for r in keys)
        for r in [*keys, "total"]:
            out[(table, r, "variance")] = (
                sign_actual * out[(table, r, "actual")] + sign_budget * out[(table, r, "budget")]
            )
    # grants
    for row, project in GRANT_ROWS.items():
        table = "earmarked_grants" if project in ("G01", "G02") else "other_grants"
        out[(table, row, "amount")] = actual.by_project[(project, "grants")]
        out[(table, "total", "amount")] = (
            out.get((table, "total", "amount"), 0) + out[(table, row, "amount")]
        )
    # net_cost_trend
    for column, a in (("current", actual), ("previous", previous)):
        income = a.part("", "grants", "other_income", "financial_income")
        costs = a.part("", *STAFF, "premises", "other_costs", "depreciation", "financial_costs")
        out[("net_cost_trend", "income", column)] = income
        out[("net_cost_trend", "costs", column)] = costs
        out[("net_cost_trend", "net_cost", column)] = income + costs
    for row in ("income", "costs", "net_cost"):
        cur, prev = (
            out[("net_cost_trend", row, "current")],
            out[("net_cost_trend", row, "previous")],
        )
        out[("net_cost_trend", row, "change_pct")] = Decimal(cur - prev) * 100 / prev
    # operating_result, result_causes, result_changes
    forecast_net = {p: fc.net(p) for p in PARTS}
    rows_or = {
        ("net_cost", "actual"): actual.net(),
        ("net_cost", "forecast"): sum(forecast_net.values()),
        ("allocation", "actual"): sum(allocation.values()),
        ("allocation", "forecast"): sum(FORECAST_ALLOCATION.values()),
    }
    for column in ("actual", "forecast"):
        rows_or[("result", column)] = (
            rows_or[("net_cost", column)] + rows_or[("allocation", column)]
        )
    for row in ("net_cost", "allocation", "result"):
        rows_or[(row, "change")] = rows_or[(row, "actual")] - rows_or[(row, "forecast")]
    for (row, column), value in rows_or.items():
        out[("operating_result", row, column)] = value
    result = {p: actual.net(p) + allocation[p] for p in PARTS}
    a_staff = actual.part("allocation_funded", *STAFF) - budget.part("allocation_funded", *STAFF)
    a_prem = actual.part("allocation_funded", "premises") - budget.part(
        "allocation_funded", "premises"
    )
    procurement = next(r.object for r in mapping.object_rules if r.name == "Upphandlingsverksamhet")
    causes = {
        "board": result["board"],
        "allocation_funded": result["allocation_funded"],
        "allocation_funded_staff": a_staff,
        "allocation_funded_premises": a_prem,
        "allocation_funded_other": result["allocation_funded"] - a_staff - a_prem,
        "charge_funded": result["charge_funded"],
        "charge_funded_procurement": actual.cc_net(procurement) - budget.cc_net(procurement),
        "total": sum(result.values()),
    }
    for row, value in causes.items():
        out[("result_causes", row, "amount")] = value
    f_result = {p: forecast_net[p] + FORECAST_ALLOCATION[p] for p in PARTS}
    staff = a_part_change(actual, fc, *STAFF)
    premises = a_part_change(actual, fc, "premises")
    # "Development" is the rest of the allocation-funded change, the allocation added after
    # the interim report included (see the README).
    changes = {
        "board": result["board"] - f_result["board"],
        "staff": staff,
        "premises": premises,
        "development": result["allocation_funded"]
        - f_result["allocation_funded"]
        - staff
        - premises,
        "charge_funded": result["charge_funded"] - f_result["charge_funded"],
        "total": sum(result.values()) - sum(f_result.values()),
    }
    for row, value in changes.items():
        out[("result_changes", row, "amount")] = value
    # öre to kronor; percentages stay as they are
    return {k: Decimal(v) if k[2] == "change_pct" else Decimal(v) / 100 for k, v in out.items()}


def a_part_change(actual: Aggregates, fc: Aggregates, *lines: str) -> int:
    return actual.part("allocation_funded", *lines) - fc.part("allocation_funded", *lines)
