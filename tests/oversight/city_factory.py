"""A generated municipality for the oversight's tests and benchmarks: `make_city(60, 40)`.

Organisations (the executive board, boards, companies, federations), a term 2023–2026
with goal areas and council goals, directions for 2025 (each goal to a few
organisations), the interim report and the annual analysis of 2025 with a report per
organisation (a few left out on purpose, so that the matrix has "saknas"), follow-ups of
the directed goals (some without assessment), monthly forecasts and outcomes, budget
assignments with co-responsible organisations and their reports. Deterministic per
`seed`, and fast: every table is written with one `bulk_create`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from uppsikt.domain.model import (
    Assessment,
    AssignmentStatus,
    OrganisationKind,
    PeriodKind,
    TermOutlook,
)
from uppsikt.domain.workflow import Status
from uppsikt.economy.models import Forecast, Outcome
from uppsikt.goals.models import (
    BudgetAssignment,
    BudgetAssignmentReport,
    CoResponsible,
    CouncilGoal,
    GoalArea,
    GoalAssignment,
    GoalFollowUp,
    Term,
)
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.reports.models import Period, Report, ReportState

YEAR = 2025
GOALS_PER_AREA = 5


@dataclass(frozen=True)
class City:
    municipality: Municipality
    organisations: list[Organisation]
    term: Term
    goals: list[CouncilGoal]
    periods: dict[PeriodKind, Period]
    reports: dict[tuple[PeriodKind, str], Report]  # by (period kind, organisation key)


def _kind(index: int, total: int) -> OrganisationKind:
    """The executive board first, then about 70 % boards, 20 % companies, the rest
    federations (at least one of each once there are four organisations)."""
    if index == 0:
        return OrganisationKind.EXECUTIVE_BOARD
    if index == total - 1 and total >= 4:
        return OrganisationKind.FEDERATION
    if index >= max(2, round(total * 0.7)):
        return OrganisationKind.COMPANY
    return OrganisationKind.BOARD


def make_city(n_organisations: int, n_goals: int, seed: int = 1) -> City:
    """A municipality `stad<seed>` of `n_organisations` reporting organisations and
    `n_goals` council goals, with both periods of 2025 reported (see the module)."""
    rng = random.Random(seed)
    municipality = Municipality.objects.create(key=f"stad{seed}", name=f"Stad {seed}")
    organisations = Organisation.objects.bulk_create(
        Organisation(
            municipality=municipality,
            key=f"org{index:03d}",
            name=f"Organisation {index:03d}",
            kind=_kind(index, n_organisations).value,
        )
        for index in range(n_organisations)
    )
    term = Term.objects.create(municipality=municipality, start_year=2023, end_year=2026)
    n_areas = max(1, -(-n_goals // GOALS_PER_AREA))
    areas = GoalArea.objects.bulk_create(
        GoalArea(term=term, key=f"omrade{index:02d}", title=f"Målområde {index:02d}")
        for index in range(n_areas)
    )
    goals = CouncilGoal.objects.bulk_create(
        CouncilGoal(
            term=term,
            goal_area=areas[index // GOALS_PER_AREA],
            key=f"mal{index:03d}",
            title=f"Kommunfullmäktiges mål {index:03d}",
        )
        for index in range(n_goals)
    )
    directed = {
        goal.pk: rng.sample(organisations, k=min(len(organisations), rng.randint(1, 5)))
        for goal in goals
    }
    GoalAssignment.objects.bulk_create(
        GoalAssignment(goal=goal, organisation=organisation, year=YEAR, position=position)
        for goal in goals
        for position, organisation in enumerate(directed[goal.pk])
    )
    periods = {
        kind: Period.objects.create(
            municipality=municipality, year=YEAR, kind=kind.value, deadline=date(YEAR, 9, 15)
        )
        for kind in PeriodKind
    }
    # Every tenth organisation after the executive board has no report: "saknas".
    reporting = [org for index, org in enumerate(organisations) if index % 10 != 9]
    reports = {
        (kind, report.organisation.key): report
        for kind, report in zip(
            [kind for kind in PeriodKind for _ in reporting],
            Report.objects.bulk_create(
                Report(organisation=org, period=periods[kind], term=term, title=f"{kind} {org}")
                for kind in PeriodKind
                for org in reporting
            ),
            strict=True,
        )
    }
    ReportState.objects.bulk_create(
        ReportState(report=report, status=rng.choice(list(Status)).value)
        for report in reports.values()
    )
    follow_ups = []
    for (kind, key), report in reports.items():
        position = 0
        for goal in goals:
            if key not in {org.key for org in directed[goal.pk]} or rng.random() < 0.05:
                continue  # not directed, or directed and forgotten: "saknas"
            assessment = rng.choice([*Assessment, None])
            follow_ups.append(
                GoalFollowUp(
                    report=report,
                    goal=goal,
                    year_assessment=assessment.value if assessment else "",
                    year_motivation=f"Motivering för {goal.key} i {kind.label.lower()}.",
                    term_outlook=rng.choice(list(TermOutlook)).value,
                    position=position,
                )
            )
            position += 1
    GoalFollowUp.objects.bulk_create(follow_ups)
    _economy(rng, organisations)
    _assignments(rng, term, areas, organisations, reports)
    return City(municipality, organisations, term, goals, periods, reports)


def _economy(rng: random.Random, organisations: list[Organisation]) -> None:
    forecasts, outcomes = [], []
    for org in organisations:
        allocation = rng.randint(50, 5_000) * 1_000_000
        for month in range(1, 9):
            net_cost = allocation + rng.randint(-3, 5) * month * 1_000_000
            forecasts.append(
                Forecast(
                    organisation=org,
                    year=YEAR,
                    month=month,
                    net_cost=net_cost,
                    allocation=allocation,
                    comment=f"Prognos {month}",
                )
            )
        outcomes.append(
            Outcome(
                organisation=org,
                year=YEAR,
                allocation=allocation,
                net_cost=allocation + rng.randint(-5, 10) * 1_000_000,
            )
        )
    Forecast.objects.bulk_create(forecasts)
    Outcome.objects.bulk_create(outcomes)


def _assignments(
    rng: random.Random,
    term: Term,
    areas: list[GoalArea],
    organisations: list[Organisation],
    reports: dict[tuple[PeriodKind, str], Report],
) -> None:
    count = max(1, len(areas) * 2)
    assignments = BudgetAssignment.objects.bulk_create(
        BudgetAssignment(
            term=term,
            goal_area=areas[index % len(areas)],
            key=f"uppdrag{index:03d}",
            title=f"Budgetuppdrag {index:03d}",
            responsible=rng.choice(organisations),
            report_back=rng.choice(["", "juni 2025", "2026-06-30", "våren 2026"]),
        )
        for index in range(count)
    )
    CoResponsible.objects.bulk_create(
        CoResponsible(assignment=assignment, organisation=org, position=position)
        for assignment in assignments
        for position, org in enumerate(
            o
            for o in rng.sample(organisations, k=min(len(organisations), 3))
            if o.pk != assignment.responsible_id
        )
    )
    BudgetAssignmentReport.objects.bulk_create(
        BudgetAssignmentReport(
            report=report,
            assignment=assignment,
            status=rng.choice(list(AssignmentStatus)).value,
            body=f"Redovisning av {assignment.key}.",
            position=0,
        )
        for assignment in assignments
        for kind in PeriodKind
        if (report := reports.get((kind, assignment.responsible.key))) is not None
    )
