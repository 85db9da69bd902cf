"""The economy chapter from the ledger: when the database holds ledger facts for a report's
municipality and year, its economy tables are built from them, compared with the figures
the report states, and put in the report in place of the stated ones.

Workflow layer: it reads the database (ledger queries) and calls the pure analysis in
`uppsikt.domain.economy`; it holds no rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from uppsikt.domain.checks import Finding
from uppsikt.domain.economy.analysis import UnmappedReport, aggregate, unmapped
from uppsikt.domain.economy.compare import compare_with_report
from uppsikt.domain.economy.economy_tables import allocation_from_budget, economy_tables
from uppsikt.domain.economy.merge import with_ledger_tables
from uppsikt.domain.economy.model import Financing, Phase
from uppsikt.domain.figures import shown
from uppsikt.domain.model import Report
from uppsikt.domain.money import Amount
from uppsikt.domain.tables import FigureTable

LEDGER_NOTE = "Beloppen kommer från huvudboken."
SYNTHETIC_NOTE = (
    "Beloppen kommer från en syntetisk huvudbok (demodata) som återger årsanalysens "
    "summor; de är inte kommunens bokföring."
)
_SYNTHETIC_MARKS = ("syntetisk", "synthetic")


@dataclass(frozen=True)
class LedgerEconomy:
    tables: dict[str, FigureTable]  # as built from the ledger, exact kronor
    findings: list[Finding]  # the report's stated figures against the ledger's
    report: Report  # the report with its economy tables taken from the ledger
    unmapped: UnmappedReport
    forecast_version: str | None


def has_ledger(report: Report) -> bool:
    """Whether the database holds actual amounts for the report's municipality and year."""
    from uppsikt.economy.models import ledger as models

    return models.Fact.objects.filter(
        municipality__key=report.municipality.key,
        year=report.period.year,
        phase=Phase.ACTUAL.value,
    ).exists()


def is_synthetic(report: Report) -> bool:
    """Whether a ledger file of the report's year says it is synthetic (demo data)."""
    from uppsikt.economy.models import ledger as models

    files = models.LedgerFile.objects.filter(municipality__key=report.municipality.key)
    for summary in files.values_list("summary", flat=True):
        name = str((summary or {}).get("company_name", "")).lower()
        if any(mark in name for mark in _SYNTHETIC_MARKS):
            return True
    return False


# What `memo` gets: a cache key and the function that computes the value when missing.
Memo = Callable[[str, Callable[[], "LedgerPart"]], "LedgerPart"]


@dataclass(frozen=True)
class LedgerPart:
    """What the ledger alone gives a report: the expensive part, worth caching."""

    tables: dict[str, FigureTable]
    unmapped: UnmappedReport
    forecast_version: str | None


def ledger_economy(
    report: Report, *, note: str | None = None, memo: Memo | None = None
) -> LedgerEconomy | None:
    """The ledger's economy tables for the report, or None when there is no ledger data.

    `note` is added under every table that takes its figures from the ledger; by default
    it names the source, and says so when the ledger is synthetic demo data. `memo`, when
    given, caches the ledger part under a key naming everything it depends on except the
    ledger's own state, which the caller adds to the key (the web's report stamp)."""
    if not has_ledger(report):
        return None
    if note is None:
        note = SYNTHETIC_NOTE if is_synthetic(report) else LEDGER_NOTE
    key = report.municipality.key
    year = report.period.year
    stated = _stated_forecast_allocation(report)

    def compute() -> LedgerPart:
        return _ledger_part(key, year, stated)

    if memo is None:
        part = compute()
    else:
        part = memo(f"{key}:{year}:{stated if stated is not None else '-'}", compute)
    findings = compare_with_report(report, part.tables)
    merged = with_ledger_tables(report, part.tables)
    merged = replace(
        merged,
        tables=tuple(
            replace(table, note=_with_note(table.note, note)) if table.key in part.tables else table
            for table in merged.tables
        ),
    )
    return LedgerEconomy(part.tables, findings, merged, part.unmapped, part.forecast_version)


def _ledger_part(key: str, year: int, stated_forecast_allocation: int | None) -> LedgerPart:
    from uppsikt.economy.mapping_store import load_mapping
    from uppsikt.economy.queries import facts_for, latest_version

    mapping = load_mapping(key)
    facts = list(facts_for(key, year))
    current = aggregate(facts, mapping, year)
    previous = aggregate(facts_for(key, year - 1), mapping, year - 1)
    forecast_version = latest_version(key, year, Phase.FORECAST)
    allocation = allocation_from_budget(current)
    tables = economy_tables(
        current,
        allocation=allocation,
        forecast_version=forecast_version,
        previous_year_aggregate=previous if previous.has(Phase.ACTUAL) else None,
        forecast_allocation=_forecast_allocation(stated_forecast_allocation, allocation),
    )
    return LedgerPart(tables, unmapped(facts, mapping, year), forecast_version)


def _stated_forecast_allocation(report: Report) -> int | None:
    """The allocation the forecast was made against, in kronor, when the report states it
    (the allocation changed after the interim report)."""
    if not report.has_table("operating_result"):
        return None
    table = report.table("operating_result")
    if not table.has_row("allocation") or not table.has_column("forecast"):
        return None
    stated = shown(table, table.row("allocation"), table.column("forecast"))
    return stated.kronor if isinstance(stated, Amount) else None


def _forecast_allocation(
    stated: int | None, allocation: dict[Financing, int]
) -> dict[Financing, int] | None:
    """The allocation behind the forecast: the change against the budget's allocation is
    put on the allocation-funded activity, where in-year allocation changes land."""
    if stated is None:
        return None
    difference = stated - sum(allocation.values())
    adjusted = dict(allocation)
    adjusted[Financing.ALLOCATION_FUNDED] = allocation[Financing.ALLOCATION_FUNDED] + difference
    return adjusted


def _with_note(existing: str, note: str) -> str:
    if not note or note in existing:
        return existing
    return f"{existing} {note}".strip()
