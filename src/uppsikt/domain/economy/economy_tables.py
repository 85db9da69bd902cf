"""The economy tables of a board's Årsanalys, built from ledger facts in exact kronor.

Table keys, row keys and column keys are those of the report package (see
`examples/malmo-ks-2025/tables/`), so a ledger-built table can be compared with, or take
the place of, a stated one cell by cell. Leaf cells come from the aggregate; subtotals
and formula columns are then filled in by the figure arithmetic of
`uppsikt.domain.figures`, so each table adds up by construction and shows what the
checks would compute.

A cell is empty only when the ledger has no data for its whole column (no budget, no
previous year): a column the ledger knows but without facts in a cell states 0, so that
a figure the report states there is still compared. Percent cells are left to be
computed, since a ratio is never exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from uppsikt.domain.economy.analysis import (
    INVESTMENT_LINES,
    PROFIT_AND_LOSS_LINES,
    Aggregate,
    Where,
    budget_phase,
    matching,
    ordered_keys,
)
from uppsikt.domain.economy.model import (
    FINANCIAL_LINES,
    INCOME_LINES,
    LINES,
    OTHER_COST_LINES,
    STAFF_LINES,
    Financing,
    Phase,
)
from uppsikt.domain.figures import compute
from uppsikt.domain.money import Amount, Unit
from uppsikt.domain.tables import Column, ColumnKind, FigureTable, Row, RowRole, parse_formula

Cells = dict[str, int | None]
SUBTOTAL, TOTAL = RowRole.SUBTOTAL, RowRole.TOTAL
COST_LINES = (*STAFF_LINES, "premises", "other_costs", "depreciation", "financial_costs")


def economy_tables(
    aggregate: Aggregate,
    *,
    allocation: dict[Financing, int] | None = None,
    forecast_version: str | None = None,
    previous_year_aggregate: Aggregate | None = None,
    forecast_allocation: dict[Financing, int] | None = None,
    budget: Phase | None = None,
) -> dict[str, FigureTable]:
    """Every economy table the ledger can build, by table key.

    `allocation` is the kommunbidrag per financing form in kronor (from the budget
    decision); left out, it is taken from the budget (`allocation_from_budget`).
    `forecast_allocation` is the allocation the forecast was made against (default: the
    same). `budget` forces a budget phase; by default the revised budget if the year has
    one. `operating_result` needs `forecast_version`; `investments`, `appropriations` and
    `budget_areas` need object rules that name such keys."""
    tables = _Builder(aggregate, budget or budget_phase(aggregate), allocation)
    built = [
        tables.income_statement(),
        tables.financing_split(),
        tables.net_cost_trend(previous_year_aggregate),
    ]
    if ordered_keys(aggregate.mapping, "budget_area"):
        built.append(tables.budget_areas())
    if ordered_keys(aggregate.mapping, "investment"):
        built.append(tables.investments())
    if ordered_keys(aggregate.mapping, "appropriation"):
        built.append(tables.appropriations())
    if forecast_version is not None and aggregate.has(Phase.FORECAST, forecast_version):
        built.append(tables.operating_result(forecast_version, forecast_allocation))
    return {table.key: table for table in built}


def allocation_from_budget(
    aggregate: Aggregate, phase: Phase | None = None
) -> dict[Financing, int]:
    """Kommunbidrag per financing form when none is given: the budget balances, so the
    allocation is the budget's net cost (Intäkter + Kostnader + Kommunbidrag = 0).
    Charge-funded units get none by definition."""
    phase = phase or budget_phase(aggregate)
    lines = PROFIT_AND_LOSS_LINES
    return {
        f: 0
        if f is Financing.CHARGE_FUNDED
        else aggregate.kronor(phase, lines, where=matching(financing=f))
        for f in Financing
    }


class _Builder:
    """Leaf figures from one aggregate, in report sign unless said otherwise."""

    def __init__(
        self, aggregate: Aggregate, budget: Phase, allocation: dict[Financing, int] | None
    ) -> None:
        self.aggregate = aggregate
        self.budget = budget
        self.has_actual = aggregate.has(Phase.ACTUAL, lines=PROFIT_AND_LOSS_LINES)
        self.has_budget = aggregate.has(budget, lines=PROFIT_AND_LOSS_LINES)
        if allocation is None and self.has_budget:
            allocation = allocation_from_budget(aggregate, budget)
        self.allocation = allocation

    def net(
        self,
        phase: Phase | None,
        lines: Iterable[str],
        where: Where | None = None,
        version: str = "",
    ) -> int | None:
        """Report-sign sum (income positive, costs negative); None for an unknown column."""
        if phase is None:
            return None
        return -self.aggregate.kronor(phase, lines, version=version, where=where)

    def phases(self) -> dict[str, Phase | None]:
        return {
            "actual": Phase.ACTUAL if self.has_actual else None,
            "budget": self.budget if self.has_budget else None,
        }

    def allocated(self, financing: Financing | None = None) -> int | None:
        if self.allocation is None:
            return None
        if financing is None:
            return sum(self.allocation.values())
        return self.allocation.get(financing, 0)

    def income_statement(self) -> FigureTable:
        phases = self.phases()

        def leaf(key: str) -> Row:
            cells = {column: self.net(phase, (key,)) for column, phase in phases.items()}
            return _row(key, LINES[key], cells)

        allocated = self.allocated()
        allocation = {
            "actual": allocated if self.has_actual else None,
            "budget": allocated if self.has_budget else None,
        }
        before_financial = ("total_income", "total_staff_costs", "total_other_costs")
        rows = (
            *map(leaf, INCOME_LINES),
            _sum("total_income", "Totala intäkter", INCOME_LINES),
            *map(leaf, STAFF_LINES),
            _sum("total_staff_costs", "Totala personalkostnader", STAFF_LINES),
            *map(leaf, OTHER_COST_LINES),
            _sum("total_other_costs", "Totala övriga kostnader", OTHER_COST_LINES),
            _sum("net_cost_before_financial", "Nettokostnad exkl. finansnetto", before_financial),
            _row("allocation", "Kommunbidrag", allocation),
            *map(leaf, FINANCIAL_LINES),
            _sum(
                "result",
                "Resultat",
                ("net_cost_before_financial", "allocation", *FINANCIAL_LINES),
                TOTAL,
            ),
            _sum(
                "net_cost", "Nettokostnad", ("net_cost_before_financial", *FINANCIAL_LINES), TOTAL
            ),
        )
        columns = _columns(("actual", "Utfall"), ("budget", "Budget"), "actual - budget")
        return _table("income_statement", "Resultaträkning", columns, rows, _known(phases))

    def financing_split(self) -> FigureTable:
        phase = Phase.ACTUAL if self.has_actual else None

        def leaf(key: str, label: str, lines: tuple[str, ...]) -> Row:
            cells: Cells = {"total": self.net(phase, lines)}
            for financing in Financing:
                cells[financing.value] = self.net(phase, lines, matching(financing=financing))
            return _row(key, label, cells)

        allocation: Cells = {"total": self.allocated()}
        for financing in Financing:
            allocation[financing.value] = self.allocated(financing)
        columns = (
            Column("total", "Totalt", formula=" + ".join(f.value for f in Financing)),
            Column("board", "varav styrelsen"),
            Column("allocation_funded", "Kommunbidragsfinansierat"),
            Column("charge_funded", "Solidariskt och intäktsfinansierat"),
        )
        costs = ("staff_costs", "other_costs", "depreciation")
        rows = (
            leaf("total_income", "Totala intäkter", INCOME_LINES),
            leaf("staff_costs", "Personalkostnader", STAFF_LINES),
            leaf("other_costs", "Övriga kostnader", ("premises", "other_costs")),
            leaf("depreciation", "Avskrivningar", ("depreciation",)),
            _sum("total_costs", "Totala kostnader", costs),
            _row("allocation", "Kommunbidrag", allocation if self.has_actual else {}),
            leaf("financial", "Finansiella poster", FINANCIAL_LINES),
            _sum(
                "result", "Summa", ("total_income", "total_costs", "allocation", "financial"), TOTAL
            ),
        )
        # The total column is stated from every fact, not added from the three parts: a cost
        # centre without a financing form then shows up as a formula difference.
        known = {column.key for column in columns} if self.has_actual else set()
        return _table("financing_split", "Resultat per finansieringsform", columns, rows, known)

    def breakdown(
        self, attribute: str, phases: dict[str, Phase | None], sign: int = -1
    ) -> list[Row]:
        """One row per budget area, appropriation or investment key, then their total."""
        keys = ordered_keys(self.aggregate.mapping, attribute)
        lines = INVESTMENT_LINES if attribute == "investment" else PROFIT_AND_LOSS_LINES
        rows = []
        for key, label in keys:
            where = matching(**{attribute: key})
            rows.append(
                _row(
                    key,
                    label,
                    {
                        column: sign * self.aggregate.kronor(phase, lines, where=where)
                        if phase
                        else None
                        for column, phase in phases.items()
                    },
                )
            )
        return [*rows, _sum("total", "Summa", (key for key, _ in keys), TOTAL)]

    def budget_areas(self) -> FigureTable:
        phases = self.phases()
        columns = (
            *_columns(("budget", "Budget"), ("actual", "Utfall"), "actual - budget"),
            Column("comment", "Kommentar", kind=ColumnKind.TEXT),  # written in the report
        )
        rows = self.breakdown("budget_area", phases)
        known = _known(phases)
        header = "Budgetområde"
        return _table("budget_areas", "Budgetområden", columns, rows, known, label_header=header)

    def net_cost_trend(self, previous: Aggregate | None) -> FigureTable:
        before = _Builder(previous, Phase.ORIGINAL_BUDGET, None) if previous else None
        sources = {"current": self, "previous": before}

        def leaf(key: str, label: str, lines: tuple[str, ...]) -> Row:
            cells: Cells = {}
            for column, builder in sources.items():
                known = builder is not None and builder.has_actual
                cells[column] = builder.net(Phase.ACTUAL, lines) if builder and known else None
            return _row(key, label, cells)

        year = self.aggregate.year
        columns = (
            Column("current", f"Utfall {year}"),
            Column("previous", f"Utfall {previous.year if previous else year - 1}"),
            Column(
                "change_pct",
                "Förändring i %",
                ColumnKind.PERCENT,
                formula="pct_change(current, previous)",
                decimals=1,
            ),
        )
        rows = (
            leaf("income", "Intäkter", (*INCOME_LINES, "financial_income")),
            leaf("costs", "Kostnader", COST_LINES),
            _sum("net_cost", "Nettokostnad", ("income", "costs"), TOTAL),
        )
        known = {"current", "previous"}
        return _table("net_cost_trend", "Nettokostnadsutveckling", columns, rows, known)

    def investments(self) -> FigureTable:
        phases: dict[str, Phase | None] = {
            column: phase if self.aggregate.has(phase, lines=INVESTMENT_LINES) else None
            for column, phase in (("actual", Phase.ACTUAL), ("budget", self.budget))
        }
        # Investments keep the SIE sign: a debit on an asset account is money invested.
        rows = self.breakdown("investment", phases, sign=1)
        rows[-1] = replace(rows[-1], label="Summa investeringar")
        columns = _columns(("actual", "Utfall"), ("budget", "Budget"), "budget - actual")
        return _table("investments", "Investeringsram", columns, rows, _known(phases))

    def appropriations(self) -> FigureTable:
        phases = self.phases()
        # An appropriation is the allocation for a purpose: minus its budgeted net cost.
        budget = self.breakdown("appropriation", {"budget": phases["budget"]}, sign=1)
        actual = self.breakdown("appropriation", {"actual": phases["actual"]})
        rows = [
            replace(a, cells={**b.cells, **a.cells}) for b, a in zip(budget, actual, strict=True)
        ]
        columns = _columns(("budget", "Budget"), ("actual", "Utfall"), "budget + actual")
        return _table(
            "appropriations",
            "Anslag",
            columns,
            rows,
            _known(phases),
            unit=Unit.MKR,
            decimals=1,
            label_header="Fördelning av kommunbidrag per ändamål",
        )

    def operating_result(
        self, version: str, forecast_allocation: dict[Financing, int] | None
    ) -> FigureTable:
        actual = Phase.ACTUAL if self.has_actual else None
        forecast = self.net(Phase.FORECAST, PROFIT_AND_LOSS_LINES, version=version)
        then = (
            self.allocated() if forecast_allocation is None else sum(forecast_allocation.values())
        )
        allocation = {"actual": self.allocated() if actual else None, "forecast": then}
        rows = (
            _row(
                "net_cost",
                "Nettokostnad",
                {"actual": self.net(actual, PROFIT_AND_LOSS_LINES), "forecast": forecast},
            ),
            _row("allocation", "Kommunbidrag", allocation),
            _sum("result", "Resultat (budgetavvikelse)", ("net_cost", "allocation"), TOTAL),
        )
        columns = (
            Column("actual", "Utfall"),
            Column("forecast", f"Prognos {version}"),
            Column("change", "Förändring", formula="actual - forecast"),
        )
        known = {"forecast"} | ({"actual"} if actual else set())
        return _table("operating_result", "Driftbudget", columns, rows, known)


def _columns(first: tuple[str, str], second: tuple[str, str], formula: str) -> tuple[Column, ...]:
    """Two amount columns and their variance."""
    return (Column(*first), Column(*second), Column("variance", "Avvikelse", formula=formula))


def _known(phases: dict[str, Phase | None]) -> set[str]:
    return {column for column, phase in phases.items() if phase is not None}


def _row(key: str, label: str, cells: Cells) -> Row:
    stated = {column: Amount(v) for column, v in cells.items() if v is not None}
    return Row(key, label, stated)


def _sum(key: str, label: str, sum_of: Iterable[str], role: RowRole = SUBTOTAL) -> Row:
    return Row(key, label, {}, role, tuple(sum_of))


def _table(
    key: str,
    title: str,
    columns: tuple[Column, ...],
    rows: Iterable[Row],
    known: set[str],
    *,
    unit: Unit = Unit.TKR,
    decimals: int = 0,
    label_header: str = "Tkr",
) -> FigureTable:
    """A table of leaf figures with its sums and formula columns stated too. Columns not in
    `known` (and formulas over them) stay empty: no budget is not a budget of 0."""
    table = FigureTable(
        key, title, unit, columns, tuple(rows), decimals, label_header=label_header, kind=key
    )
    fillable = {
        column.key
        for column in table.amount_columns
        if column.key in known
        or (column.formula and set(parse_formula(column.formula).operands) <= known)
    }
    completed = []
    for row in table.rows:
        cells = dict(row.cells)
        for column in table.amount_columns:
            if column.key in fillable and column.key not in cells:
                computed = compute(table, row, column)
                if computed is not None and isinstance(computed.value, Amount):
                    cells[column.key] = computed.value
        completed.append(replace(row, cells=cells))
    return replace(table, rows=tuple(completed))
