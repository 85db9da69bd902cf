"""Ties: the same figure stated in two tables must agree (within rounding).

The built-in ties follow the Årsanalys layout (the table and row keys of
docs/package-format.md); a tie whose tables or rows a report lacks is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.figures import compute
from uppsikt.domain.model import Report
from uppsikt.domain.money import Amount, format_amount


@dataclass(frozen=True)
class Ref:
    table: str
    row: str
    column: str
    factor: int = 1


@dataclass(frozen=True)
class Tie:
    key: str
    label: str
    sides: tuple[tuple[Ref, ...], ...]


def _r(spec: str, factor: int = 1) -> Ref:
    table, row, column = spec.split(".")
    return Ref(table, row, column, factor)


def _one(*specs: str) -> tuple[tuple[Ref, ...], ...]:
    return tuple((_r(spec),) for spec in specs)


BUILT_IN_TIES: tuple[Tie, ...] = (
    Tie(
        "result",
        "Årets resultat",
        _one(
            "operating_result.result.actual",
            "income_statement.result.actual",
            "result_causes.total.amount",
            "financing_split.result.total",
        ),
    ),
    Tie(
        "net_cost",
        "Nettokostnad",
        _one(
            "operating_result.net_cost.actual",
            "income_statement.net_cost.actual",
            "net_cost_trend.net_cost.current",
        ),
    ),
    Tie(
        "allocation",
        "Kommunbidrag",
        _one(
            "operating_result.allocation.actual",
            "income_statement.allocation.actual",
            "income_statement.allocation.budget",
            "financing_split.allocation.total",
            "allocation_changes.final.amount",
        ),
    ),
    Tie(
        "result_change",
        "Förändring jämfört med delårsrapporten",
        _one("operating_result.result.change", "result_changes.total.amount"),
    ),
    Tie(
        "board_result",
        "Styrelsens resultat",
        _one(
            "result_causes.board.amount",
            "financing_split.result.board",
            "appropriations.total.variance",
        ),
    ),
    Tie(
        "board_allocation",
        "Styrelsens kommunbidrag",
        _one("financing_split.allocation.board", "appropriations.total.budget"),
    ),
    Tie(
        "allocation_funded_result",
        "Resultat för kommunbidragsfinansierad verksamhet",
        _one(
            "result_causes.allocation_funded.amount",
            "financing_split.result.allocation_funded",
            "budget_areas.total.variance",
        ),
    ),
    Tie(
        "allocation_funded_budget",
        "Kommunbidrag till stadskontorets verksamhet",
        (
            (_r("financing_split.allocation.allocation_funded"),),
            (_r("budget_areas.total.budget", -1),),
        ),
    ),
    Tie(
        "charge_funded_result",
        "Resultat för solidariskt och intäktsfinansierad verksamhet",
        _one("result_causes.charge_funded.amount", "financing_split.result.charge_funded"),
    ),
    Tie(
        "income",
        "Totala intäkter",
        _one("income_statement.total_income.actual", "financing_split.total_income.total"),
    ),
    Tie(
        "income_with_financial",
        "Intäkter inklusive finansiella intäkter",
        (
            (_r("net_cost_trend.income.current"),),
            (
                _r("income_statement.total_income.actual"),
                _r("income_statement.financial_income.actual"),
            ),
        ),
    ),
    Tie(
        "costs",
        "Kostnader",
        (
            (_r("net_cost_trend.costs.current"),),
            (
                _r("income_statement.total_staff_costs.actual"),
                _r("income_statement.total_other_costs.actual"),
                _r("income_statement.financial_costs.actual"),
            ),
        ),
    ),
    Tie(
        "staff_costs",
        "Personalkostnader",
        _one("income_statement.total_staff_costs.actual", "financing_split.staff_costs.total"),
    ),
    Tie(
        "depreciation",
        "Avskrivningar",
        _one("income_statement.depreciation.actual", "financing_split.depreciation.total"),
    ),
    Tie(
        "grants",
        "Bidrag",
        (
            (_r("income_statement.grants.actual"),),
            (_r("earmarked_grants.total.amount"), _r("other_grants.total.amount")),
        ),
    ),
)


@dataclass(frozen=True)
class _Side:
    kronor: int
    slack: Decimal
    step: int  # the coarsest precision among the side's figures
    text: str
    place: str


def _side(report: Report, refs: tuple[Ref, ...]) -> _Side | None:
    total = 0
    slack = Decimal(0)
    step = 1
    texts = []
    for ref in refs:
        if not report.has_table(ref.table):
            return None
        table = report.table(ref.table)
        if not table.has_row(ref.row) or not table.has_column(ref.column):
            return None
        row = table.row(ref.row)
        column = table.column(ref.column)
        stated = row.stated(ref.column)
        if isinstance(stated, Amount):
            value, tolerance = stated, stated.half_step
        else:
            computation = compute(table, row, column)
            if computation is None or not isinstance(computation.value, Amount):
                return None
            value, tolerance = computation.value, computation.tolerance
        total += ref.factor * value.kronor
        slack += tolerance
        step = max(step, value.precision)
        figure = format_amount(ref.factor * value.kronor, table.unit, table.decimals)
        texts.append(f"{figure} {table.unit.short} i ”{table.title}” ({row.label})")
    place = f"table:{refs[0].table}/row:{refs[0].row}/col:{refs[0].column}"
    return _Side(total, slack, step, " + ".join(texts), place)


def check_ties(report: Report, ties: tuple[Tie, ...] = BUILT_IN_TIES) -> Iterator[Finding]:
    """Compare every side of each tie with its first side."""
    for tie in ties:
        sides = [_side(report, refs) for refs in tie.sides]
        present = [side for side in sides if side is not None]
        if len(present) < 2:
            continue
        first = present[0]
        for other in present[1:]:
            difference = abs(first.kronor - other.kronor)
            if difference == 0:
                continue
            slack = first.slack + other.slack
            message = f"{tie.label} skiljer sig mellan tabellerna: {first.text} mot {other.text}."
            if difference <= slack:
                severity = Severity.NOTE
                message += " Skillnaden ryms inom avrundning."
            elif difference <= slack + Decimal(max(first.step, other.step)) / 2:
                severity = Severity.WARNING
                message += (
                    " Skillnaden är något större än avrundning förklarar; beloppet verkar "
                    "ha trunkerats i stället för avrundats."
                )
            else:
                severity = Severity.ERROR
                message += " Skillnaden är större än avrundning kan förklara; rätta den ena."
            yield Finding("ties.same_figure", severity, message, other.place, tie.label)
