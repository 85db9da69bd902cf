"""Reading ledger data: facts for the analysis, budget against actual, imported files.

Everything is read within one municipality. Amounts leave the database as `Decimal`
kronor; stored facts never overlap (see `uppsikt.economy.storing`), so sums over all
files are the municipality's figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from uppsikt.domain.economy.model import LINES, Fact, Mapping, Phase
from uppsikt.economy.models import ledger as db
from uppsikt.economy.models.ledger import get_municipality, kronor, parse_objects_key
from uppsikt.organisations.models import Municipality


@dataclass(frozen=True)
class ImportedFile:
    """One imported file, as a list shows it."""

    id: int
    file_name: str
    kind: str
    sha256: str
    imported_at: datetime
    years: tuple[int, ...]
    facts: int  # facts the file still holds (a later file may have taken some over)
    summary: dict[str, object]


def imported_files(municipality_key: str) -> list[ImportedFile]:
    """The municipality's imported files, newest first."""
    municipality = get_municipality(municipality_key)
    rows = (
        db.LedgerFile.objects.filter(municipality=municipality)
        .annotate(fact_count=Count("facts"))
        .order_by("-imported_at", "-id")
    )
    return [
        ImportedFile(
            id=row.pk,
            file_name=row.file_name,
            kind=row.kind,
            sha256=row.sha256,
            imported_at=row.imported_at,
            years=tuple(row.years),
            facts=row.fact_count,
            summary=dict(row.summary),
        )
        for row in rows
    ]


def facts_for(
    municipality_key: str, year: int, *, phases: Iterable[Phase | str] | None = None
) -> Iterator[Fact]:
    """The year's facts as domain `Fact`s (kronor, debit positive), streamed from the database."""
    municipality = get_municipality(municipality_key)  # here, not on the first next()
    rows = db.Fact.objects.filter(municipality=municipality, year=year)
    if phases is not None:
        rows = rows.filter(phase__in=[Phase(phase).value for phase in phases])
    return _facts(rows.order_by("phase", "version", "month", "account", "objects_key"))


def _facts(rows: QuerySet[db.Fact]) -> Iterator[Fact]:
    for year, month, account, object_list, phase, version, amount in rows.values_list(
        "year", "month", "account", "object_list", "phase", "version", "amount"
    ).iterator(chunk_size=5000):
        yield Fact(
            year=year,
            month=month,
            account=account,
            objects=tuple((str(d), str(o)) for d, o in object_list),
            phase=Phase(phase),
            amount=kronor(amount),
            version=version,
        )


def latest_version(municipality_key: str, year: int, phase: Phase | str) -> str | None:
    """The version of `phase` in the latest imported file (its last row's); None if none."""
    municipality = get_municipality(municipality_key)
    return _latest_version(municipality, year, Phase(phase))


def _latest_version(municipality: Municipality, year: int, phase: Phase) -> str | None:
    return (
        db.Fact.objects.filter(municipality=municipality, year=year, phase=phase.value)
        # Facts are written in file order, so within a file the highest id is its last row.
        .order_by("-source__imported_at", "-source_id", "-id")
        .values_list("version", flat=True)
        .first()
    )


@dataclass(frozen=True)
class BudgetVsActual:
    """One cost centre × report line, in report signs: income positive, costs negative."""

    cost_centre: str  # object id; "" for amounts without a cost centre
    cost_centre_name: str
    line: str | None  # key of `LINES`; None for accounts the mapping does not cover
    line_label: str
    budget: Decimal
    actual: Decimal
    variance: Decimal  # actual - budget: positive is better than budget, for income and costs
    forecast: Decimal | None  # None when the year has no forecast


def budget_vs_actual(
    municipality_key: str, year: int, mapping: Mapping, *, forecast_version: str | None = None
) -> list[BudgetVsActual]:
    """Budget, actual, variance (and forecast) per cost centre and line, for `ledger show`.

    The budget is the revised budget when the year has one, else the original budget;
    of each budget and forecast phase, the version of the latest imported file is used
    (unless `forecast_version` is given). Lines mapped to "ignore" are left out.
    """
    municipality = get_municipality(municipality_key)
    budget_phase = (
        Phase.REVISED_BUDGET
        if db.Fact.objects.filter(
            municipality=municipality, year=year, phase=Phase.REVISED_BUDGET.value
        ).exists()
        else Phase.ORIGINAL_BUDGET
    )
    budget_version = _latest_version(municipality, year, budget_phase) or ""
    if forecast_version is None:
        forecast_version = _latest_version(municipality, year, Phase.FORECAST)
    wanted = Q(phase=Phase.ACTUAL.value) | Q(phase=budget_phase.value, version=budget_version)
    if forecast_version is not None:
        wanted |= Q(phase=Phase.FORECAST.value, version=forecast_version)
    # The database adds up months and files; Python only sees one row per account,
    # object list and phase, and maps those to cost centres and lines.
    grouped = (
        db.Fact.objects.filter(wanted, municipality=municipality, year=year)
        .order_by()
        .values("account", "objects_key", "phase")
        .annotate(total=Sum("amount"))
    )
    totals: defaultdict[tuple[str, str | None], dict[str, int]] = defaultdict(
        lambda: defaultdict(int)
    )
    lines: dict[str, str | None] = {}
    cost_centres: dict[str, str] = {}
    dimension = mapping.cost_centre_dimension
    for row in grouped:
        account = row["account"]
        if account not in lines:
            lines[account] = mapping.line_for(account)
        line = lines[account]
        if line == "ignore":
            continue
        key = row["objects_key"]
        if key not in cost_centres:
            # From the key, not the JSON column: grouping by JSON is slow on PostgreSQL.
            objects = parse_objects_key(key)
            cost_centres[key] = next((o for d, o in objects if d == dimension), "")
        cost_centre = cost_centres[key]
        totals[(cost_centre, line)][row["phase"]] += row["total"]
    names = _cost_centre_names(municipality, mapping)
    order = {line: i for i, line in enumerate(LINES)}
    result = []
    for (cost_centre, line), phases in sorted(
        totals.items(), key=lambda item: (item[0][0], order.get(item[0][1] or "", len(order)))
    ):
        # Report signs: SIE is debit positive, so income is negative there; turn it round.
        budget = -kronor(phases[budget_phase.value])
        actual = -kronor(phases[Phase.ACTUAL.value])
        forecast = None if forecast_version is None else -kronor(phases[Phase.FORECAST.value])
        result.append(
            BudgetVsActual(
                cost_centre=cost_centre,
                cost_centre_name=names.get(cost_centre, ""),
                line=line,
                line_label=LINES[line] if line else "Saknar rad i mappningen",
                budget=budget,
                actual=actual,
                variance=actual - budget,
                forecast=forecast,
            )
        )
    return result


def _cost_centre_names(municipality: Municipality, mapping: Mapping) -> dict[str, str]:
    """Names from the ledger (#OBJEKT), overridden by the mapping's names."""
    dimension = mapping.cost_centre_dimension
    names = dict(
        db.LedgerObject.objects.filter(municipality=municipality, dimension=dimension).values_list(
            "object_id", "name"
        )
    )
    names.update(
        {r.object: r.name for r in mapping.object_rules if r.dimension == dimension and r.name}
    )
    return names
