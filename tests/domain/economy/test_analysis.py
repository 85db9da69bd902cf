"""Aggregation, unmapped amounts and the variance rows that decide which rows need text."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from uppsikt.domain.economy.analysis import (
    PROFIT_AND_LOSS_LINES,
    aggregate,
    budget_phase,
    matching,
    unmapped,
    variance_rows,
)
from uppsikt.domain.economy.economy_tables import allocation_from_budget

from .facts import (
    ACTUAL,
    AF,
    BOARD,
    BUDGET,
    CF,
    REVISED,
    YEAR,
    actual,
    budget,
    fact,
    ledger,
    mapping,
    unplaced,
)


def test_sums_are_exact_and_ignored_accounts_are_skipped() -> None:
    agg = aggregate(ledger(), mapping(), YEAR)
    exact = sum(v for k, v in agg.sums.items() if k.phase is ACTUAL and k.line == "salaries")
    assert exact == Decimal("2600000.80")
    # Whole kronor per cell: the two öre amounts round down before they are added.
    assert agg.kronor(ACTUAL, ["salaries"]) == 2_600_000
    assert not any(key.line == "ignore" for key in agg.sums)
    assert agg.kronor(ACTUAL, ["investment"]) == 800_000
    assert agg.kronor(ACTUAL, PROFIT_AND_LOSS_LINES, where=matching(financing=BOARD)) == 2_000_000


def test_only_the_year_counts() -> None:
    agg = aggregate(ledger(), mapping(), YEAR - 1)
    assert agg.kronor(ACTUAL, PROFIT_AND_LOSS_LINES) == 200_000
    assert not agg.has(BUDGET)


def test_unmapped_accounts_and_objects_are_listed_with_amounts() -> None:
    report = unmapped(actual() + unplaced(), mapping())
    assert [(a.account, a.amount, a.facts) for a in report.accounts] == [("8010", Decimal(-999), 1)]
    assert [(o.dimension, o.object, o.amount) for o in report.objects] == [
        ("1", "ZZ99", Decimal(10_000)),
        ("6", "", Decimal(50_000)),
    ]
    assert report and len(report.describe()) == 3
    assert report.describe()[0] == (
        "Konto 8010 saknar rad i mappningen: \u2212999,00 kr (Utfall, 1 post, SIE-tecken)."
    )
    # The cost centre without a rule still counts in the totals; the rest is kept aside.
    agg = aggregate(actual() + unplaced(), mapping(), YEAR)
    assert agg.unmapped == report
    assert agg.kronor(ACTUAL, ["salaries"]) == 2_610_000
    assert agg.kronor(ACTUAL, ["investment"]) == 800_000
    assert not unmapped(actual(), mapping())


def test_organisation_filter_keeps_only_that_organisations_cost_centres() -> None:
    rules = tuple(
        replace(rule, organisation="tn") if rule.object == "KS10" else rule
        for rule in mapping().object_rules
    )
    shared = replace(mapping(), object_rules=rules)
    agg = aggregate(actual() + unplaced(), shared, YEAR, organisation="ks")
    assert agg.kronor(ACTUAL, PROFIT_AND_LOSS_LINES, where=matching(financing=BOARD)) == 0
    assert agg.kronor(ACTUAL, ["salaries"]) == 2_600_000  # ZZ99 cannot be placed: left out
    assert [o.object for o in agg.unmapped.objects] == ["ZZ99", ""]  # KS10 is not unmapped


def test_revised_budget_replaces_the_original_when_present() -> None:
    assert budget_phase(aggregate(ledger(), mapping(), YEAR)) is BUDGET
    revised = [fact("4010", 2_600_000, "KS10", phase=REVISED)]
    agg = aggregate(ledger() + revised, mapping(), YEAR)
    assert budget_phase(agg) is REVISED
    rows = {row.budget_area: row for row in variance_rows(agg, by_line=False)}
    # The revised budget is the whole budget: the original is not mixed in cell by cell.
    assert rows[None].budget == -2_600_000
    assert rows["kansli"].budget == 0
    assert variance_rows(agg, by_line=False, budget=BUDGET)[1].budget == -1_050_000


def test_allocation_from_budget_is_the_budgeted_net_cost() -> None:
    allocation = allocation_from_budget(aggregate(ledger(), mapping(), YEAR))
    assert allocation == {BOARD: 2_500_000, AF: 2_500_000, CF: 0}


def test_variance_rows_flag_variances_above_500_tkr() -> None:
    rows = variance_rows(aggregate(ledger(), mapping(), YEAR), forecast_version="DR 2025")
    by_key = {(row.budget_area, row.line): row for row in rows}
    other = by_key["kansli", "other_costs"]
    assert (other.actual, other.budget, other.variance) == (-900_000, -200_000, -700_000)
    assert other.needs_explanation
    assert (other.forecast, other.forecast_variance) == (-1_300_000, 400_000)
    salaries = by_key["kansli", "salaries"]
    assert (salaries.variance, salaries.needs_explanation) == (100_000, False)
    assert salaries.forecast == 0  # the forecast has no salaries on SK02
    # Rows come in mapping order: budget areas first, cost centres outside them last.
    assert [row.budget_area for row in rows][:1] == ["stadsdirektor"]
    assert rows[-1].budget_area is None


def test_the_threshold_is_strict_and_configurable() -> None:
    agg = aggregate(ledger(), mapping(), YEAR)
    net = {row.budget_area: row for row in variance_rows(agg, by_line=False)}
    assert net["kansli"].variance == -600_000 and net["kansli"].needs_explanation
    assert net["stadsdirektor"].variance == 0 and not net["stadsdirektor"].needs_explanation
    assert net["kansli"].forecast is None
    assert net[None].variance == 503_000  # board and charge-funded cost centres together

    def flagged(threshold: int) -> list[str | None]:
        rows = variance_rows(agg, by_line=False, threshold_kr=threshold)
        return [row.budget_area for row in rows if row.needs_explanation]

    assert flagged(500_000) == ["kansli", None]
    assert flagged(599_999) == ["kansli"]
    assert flagged(600_000) == []  # 600 000 is not above 600 000


def test_variance_rows_by_month() -> None:
    rows = variance_rows(aggregate(actual() + budget(), mapping(), YEAR), by_month=True)
    kansli = [(r.month, r.actual, r.budget) for r in rows if r.budget_area == "kansli"]
    # The budget is a year figure (month 0); the outcome is spread over its months.
    assert (0, 0, 100_000) in kansli
    assert (2, 100_000, 0) in kansli
    assert (6, -900_000, 0) in kansli
    assert sum(r.variance for r in rows if r.budget_area == "kansli") == -600_000
