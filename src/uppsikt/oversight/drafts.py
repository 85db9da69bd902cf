"""What a round asks each organisation to report, read from the database in bulk: the
council goals directed to it in the year, the budget assignments it is responsible or
co-responsible for, its previous report and, where the ledger names it, its economy
tables. `domain.oversight.rounds.draft_report` makes the new report from these.

The shared data goes into every draft exactly as stored (every organisation a goal is
directed to in the year, every co-responsible board), because saving a report states
the truth about shared data: a draft that listed less would take it away from others.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from uppsikt.domain import model as domain
from uppsikt.domain.economy.model import Phase
from uppsikt.domain.oversight.rounds import draft_report
from uppsikt.domain.tables import FigureTable
from uppsikt.goals.models import (
    BudgetAssignment,
    CoResponsible,
    CouncilGoal,
    GoalArea,
    GoalAssignment,
    Term,
)
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.oversight.snapshots import KIND_ORDER
from uppsikt.reports.models import Report
from uppsikt.reports.store import load_report

# Earlier periods first: within a year the interim report comes before the annual analysis.
_KIND_RANK = {domain.PeriodKind.INTERIM_REPORT: 0, domain.PeriodKind.ANNUAL_ANALYSIS: 1}


class NoTerm(LookupError):
    """The municipality has no political term covering the year."""


@dataclass(frozen=True)
class Shared:
    """The municipality's shared data for one year, as domain objects."""

    municipality: domain.Municipality
    term: domain.Term
    goal_areas: tuple[domain.GoalArea, ...]
    council_goals: tuple[domain.CouncilGoal, ...]  # directed_to holds only the year
    budget_assignments: tuple[domain.BudgetAssignment, ...]


def shared_data(municipality: Municipality, year: int) -> Shared:
    """The term covering `year`, its goal areas, goals and budget assignments."""
    term = (
        Term.objects.filter(municipality=municipality, start_year__lte=year, end_year__gte=year)
        .order_by("-start_year")
        .first()
    )
    if term is None:
        raise NoTerm(f"{municipality.name} har ingen mandatperiod som omfattar {year}")
    rows = list(
        Organisation.objects.filter(municipality=municipality).values_list(
            "pk", "key", "name", "kind", "administration"
        )
    )
    rows.sort(key=lambda row: (KIND_ORDER.get(domain.OrganisationKind(row[3]), -1), row[2]))
    keys = {pk: key for pk, key, *_ in rows}
    organisations = tuple(
        domain.Organisation(key, name, domain.OrganisationKind(kind), administration)
        for _, key, name, kind, administration in rows
    )
    areas = {
        pk: domain.GoalArea(key, title)
        for pk, key, title in GoalArea.objects.filter(term=term)
        .order_by("pk")
        .values_list("pk", "key", "title")
    }
    directed: dict[int, list[str]] = defaultdict(list)
    for goal_id, organisation_id in (
        GoalAssignment.objects.filter(goal__term=term, year=year)
        .order_by("goal_id", "position", "pk")
        .values_list("goal_id", "organisation_id")
    ):
        directed[goal_id].append(keys[organisation_id])
    area_order = {area_id: index for index, area_id in enumerate(areas)}
    goal_rows = sorted(
        CouncilGoal.objects.filter(term=term).values_list("pk", "key", "title", "goal_area_id"),
        key=lambda row: (area_order.get(row[3], 0), row[1]),
    )
    goals = tuple(
        domain.CouncilGoal(
            key,
            title,
            areas[area_id].key,
            ((year, tuple(directed[pk])),) if directed[pk] else (),
        )
        for pk, key, title, area_id in goal_rows
    )
    co: dict[int, list[str]] = defaultdict(list)
    for assignment_id, organisation_id in (
        CoResponsible.objects.filter(assignment__term=term)
        .order_by("assignment_id", "position")
        .values_list("assignment_id", "organisation_id")
    ):
        co[assignment_id].append(keys[organisation_id])
    assignments = tuple(
        domain.BudgetAssignment(
            key=key,
            title=title,
            goal_area=areas[area_id].key,
            responsible=keys[responsible_id],
            co_responsible=tuple(co[pk]),
            report_back=report_back,
        )
        for pk, key, title, area_id, responsible_id, report_back in BudgetAssignment.objects.filter(
            term=term
        )
        .order_by("key")
        .values_list("pk", "key", "title", "goal_area_id", "responsible_id", "report_back")
    )
    return Shared(
        domain.Municipality(municipality.key, municipality.name, organisations),
        domain.Term(term.start_year, term.end_year),
        tuple(areas.values()),
        goals,
        assignments,
    )


def base_report(shared: Shared, organisation: str, period: domain.Period) -> domain.Report:
    """What the period asks of `organisation`: its directed goals and its assignments."""
    year = period.year
    goals = tuple(g for g in shared.council_goals if organisation in g.directed_in(year))
    assignments = tuple(
        b
        for b in shared.budget_assignments
        if b.responsible == organisation or organisation in b.co_responsible
    )
    used = {g.goal_area for g in goals} | {b.goal_area for b in assignments}
    return domain.Report(
        municipality=shared.municipality,
        organisation=organisation,
        term=shared.term,
        period=period,
        goal_areas=tuple(a for a in shared.goal_areas if a.key in used),
        council_goals=goals,
        goal_follow_ups=tuple(domain.GoalFollowUp(g.key) for g in goals),
        budget_assignments=assignments,
    )


def previous_reports(
    organisation_ids: list[int], year: int, kind: domain.PeriodKind
) -> dict[int, int]:
    """Organisation id → id of its latest report before (year, kind)."""
    rank = (year, _KIND_RANK[kind])
    latest: dict[int, tuple[tuple[int, int], int]] = {}
    for report_id, organisation_id, report_year, report_kind in Report.objects.filter(
        organisation_id__in=organisation_ids, period__year__lte=year
    ).values_list("pk", "organisation_id", "period__year", "period__kind"):
        when = (report_year, _KIND_RANK[domain.PeriodKind(report_kind)])
        if when < rank and (organisation_id not in latest or latest[organisation_id][0] < when):
            latest[organisation_id] = (when, report_id)
    return {organisation_id: report_id for organisation_id, (_, report_id) in latest.items()}


def ledger_tables(
    municipality_key: str, year: int, organisations: set[str]
) -> dict[str, dict[str, FigureTable]]:
    """Organisation key → its economy tables from the ledger, for the organisations the
    ledger mapping names (an object rule with their key); none without ledger facts.

    A ledger without such rules is the whole municipality's (or one board's), and its
    figures belong to no particular organisation of the round, so it gives none."""
    from uppsikt.domain.economy.analysis import aggregate
    from uppsikt.domain.economy.economy_tables import allocation_from_budget, economy_tables
    from uppsikt.economy.mapping_store import load_mapping
    from uppsikt.economy.models.ledger import Fact
    from uppsikt.economy.queries import facts_for, latest_version

    if not Fact.objects.filter(
        municipality__key=municipality_key, year=year, phase=Phase.ACTUAL.value
    ).exists():
        return {}
    mapping = load_mapping(municipality_key)
    named = {rule.organisation for rule in mapping.object_rules if rule.organisation}
    wanted = named & organisations
    if not wanted:
        return {}
    facts = list(facts_for(municipality_key, year))
    version = latest_version(municipality_key, year, Phase.FORECAST)
    result = {}
    for key in sorted(wanted):
        current = aggregate(facts, mapping, year, organisation=key)
        result[key] = economy_tables(
            current, allocation=allocation_from_budget(current), forecast_version=version
        )
    return result


def drafts(
    municipality: Municipality,
    period: domain.Period,
    organisations: dict[int, str],
) -> list[domain.Report]:
    """The new reports of `organisations` (id → key) for `period`, pre-filled."""
    shared = shared_data(municipality, period.year)
    previous = previous_reports(list(organisations), period.year, period.kind)
    ledger = ledger_tables(municipality.key, period.year, set(organisations.values()))
    reports = []
    for organisation_id, key in organisations.items():
        earlier = load_report(previous[organisation_id]) if organisation_id in previous else None
        reports.append(draft_report(base_report(shared, key, period), earlier, ledger.get(key)))
    return reports
