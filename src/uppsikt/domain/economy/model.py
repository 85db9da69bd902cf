"""Facts and mappings: the shared vocabulary of the ledger import and the variance analysis.

A *fact* is one amount in one cell of the ledger cube: (year, month, account, objects,
phase, version). Budget, forecast and actual are values of one dimension, *phase*, so a
new forecast is more rows, not another column.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

Objects = tuple[tuple[str, str], ...]  # ((dimension, object id), ...), sorted by dimension


class Phase(StrEnum):
    ORIGINAL_BUDGET = "original_budget"  # the board's budget as decided (nämndsbudget)
    REVISED_BUDGET = "revised_budget"  # after the year's allocation changes
    FORECAST = "forecast"  # full-year forecast, one version per interim report or month
    ACTUAL = "actual"  # outcome (utfall)

    @property
    def label(self) -> str:
        return {
            "original_budget": "Ursprunglig budget",
            "revised_budget": "Reviderad budget",
            "forecast": "Prognos",
            "actual": "Utfall",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Fact:
    """One amount: debit positive, credit negative, as in SIE. `month` 1–12; 0 for a
    year-level amount that has no month (e.g. a yearly budget line)."""

    year: int
    month: int
    account: str
    objects: Objects
    phase: Phase
    amount: Decimal
    version: str = ""  # forecast label, e.g. "DR 2025"; "" for actual and budgets

    def object_in(self, dimension: str) -> str | None:
        for dim, obj in self.objects:
            if dim == dimension:
                return obj
        return None


# The income-statement lines of a board's report (keys of the `income_statement` table
# rows), plus `investment` for balance-sheet investment accounts and `ignore`.
LINES: dict[str, str] = {
    "grants": "Bidrag",
    "other_income": "Övriga intäkter",
    "salaries": "Lönekostnader",
    "payroll_overhead": "PO-pålägg",
    "other_staff_costs": "Övriga personalkostnader",
    "premises": "Lokal- och markhyror",
    "other_costs": "Övriga kostnader",
    "depreciation": "Avskrivningar",
    "financial_income": "Finansiella intäkter",
    "financial_costs": "Finansiella kostnader",
    "investment": "Investeringar",
    "ignore": "Ingår inte i uppföljningen",
}
INCOME_LINES = ("grants", "other_income")
STAFF_LINES = ("salaries", "payroll_overhead", "other_staff_costs")
OTHER_COST_LINES = ("premises", "other_costs", "depreciation")
FINANCIAL_LINES = ("financial_income", "financial_costs")


class Financing(StrEnum):
    """How a unit is financed (the split of the result in the Årsanalys)."""

    BOARD = "board"  # styrelsen: the political organisation and its appropriations
    ALLOCATION_FUNDED = "allocation_funded"  # kommunbidragsfinansierad verksamhet
    CHARGE_FUNDED = "charge_funded"  # solidariskt och intäktsfinansierad verksamhet


@dataclass(frozen=True)
class AccountRule:
    """Accounts `first`..`last` (inclusive, compared as numbers) belong to `line`."""

    first: str
    last: str
    line: str

    def matches(self, account: str) -> bool:
        return account.isdigit() and int(self.first) <= int(account) <= int(self.last)


@dataclass(frozen=True)
class ObjectRule:
    """What an object of a dimension stands for in the report."""

    dimension: str
    object: str
    name: str = ""
    budget_area: str | None = None  # row key of the `budget_areas` table
    financing: Financing | None = None
    appropriation: str | None = None  # row key of the `appropriations` table
    investment: str | None = None  # row key of the `investments` table
    organisation: str | None = None  # organisation key (when one ledger serves several)


@dataclass(frozen=True)
class Mapping:
    """A municipality's mapping, kept as data (YAML) and editable; first matching rule wins."""

    account_rules: tuple[AccountRule, ...]
    object_rules: tuple[ObjectRule, ...] = ()
    cost_centre_dimension: str = "1"
    project_dimension: str = "6"

    def line_for(self, account: str) -> str | None:
        for rule in self.account_rules:
            if rule.matches(account):
                return rule.line
        return None

    def object_rule(self, dimension: str, object_id: str) -> ObjectRule | None:
        for rule in self.object_rules:
            if rule.dimension == dimension and rule.object == object_id:
                return rule
        return None
