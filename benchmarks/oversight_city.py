"""A generated municipality for the oversight benchmark: N organisations × G council goals
× both periods of a year, written with bulk inserts (benchmark setup, not a product path).

Each goal is directed to about a sixth of the organisations; every organisation has a
report for both periods with a follow-up (assessment, motivation, outlook) of each goal
directed to it, ten monthly forecasts and an outcome; a budget assignment per three
organisations with two co-responsible each. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    municipality: str
    year: int
    organisations: int
    goals: int
    periods: dict[str, int]  # period kind -> id


def make_city(key: str, organisations: int, goals: int, *, year: int = 2025, seed: int = 1) -> City:
    from django.db import transaction

    from uppsikt.domain.model import Assessment, OrganisationKind, PeriodKind, TermOutlook
    from uppsikt.domain.workflow import Status
    from uppsikt.economy.models import Forecast, Outcome
    from uppsikt.goals.models import (
        BudgetAssignment,
        CoResponsible,
        CouncilGoal,
        GoalArea,
        GoalAssignment,
        GoalFollowUp,
        Term,
    )
    from uppsikt.organisations.models import Municipality, Organisation
    from uppsikt.reports.models import Period, Report, ReportState

    rng = random.Random(seed)
    with transaction.atomic():
        municipality = Municipality.objects.create(key=key, name=f"Provstad {key}")
        kinds = [OrganisationKind.EXECUTIVE_BOARD] + [
            OrganisationKind.COMPANY
            if number % 5 == 0
            else OrganisationKind.FEDERATION
            if number % 17 == 0
            else OrganisationKind.BOARD
            for number in range(1, organisations)
        ]
        orgs = Organisation.objects.bulk_create(
            Organisation(
                municipality=municipality,
                key=f"org-{number:03d}",
                name=f"Organisation {number:03d}",
                kind=kind.value,
            )
            for number, kind in enumerate(kinds)
        )
        term = Term.objects.create(municipality=municipality, start_year=2023, end_year=2026)
        areas = GoalArea.objects.bulk_create(
            GoalArea(term=term, key=f"area-{number}", title=f"Målområde {number}")
            for number in range(max(1, goals // 5))
        )
        goal_rows = CouncilGoal.objects.bulk_create(
            CouncilGoal(
                term=term,
                goal_area=areas[number % len(areas)],
                key=f"goal-{number:03d}",
                title=f"Kommunfullmäktigemål {number}",
            )
            for number in range(goals)
        )
        directed: dict[int, list[Organisation]] = {}
        for goal in goal_rows:
            size = max(1, organisations // 6)
            directed[goal.pk] = [orgs[0], *rng.sample(orgs[1:], min(size, len(orgs) - 1))]
        GoalAssignment.objects.bulk_create(
            GoalAssignment(goal_id=goal_id, organisation=org, year=year, position=position)
            for goal_id, chosen in directed.items()
            for position, org in enumerate(chosen)
        )
        periods = {}
        for kind in (PeriodKind.INTERIM_REPORT, PeriodKind.ANNUAL_ANALYSIS):
            period = Period.objects.create(municipality=municipality, year=year, kind=kind.value)
            periods[kind.value] = period.pk
            reports = Report.objects.bulk_create(
                Report(organisation=org, period=period, term=term, title=f"{kind.label} {year}")
                for org in orgs
            )
            by_org = {report.organisation_id: report for report in reports}
            statuses = list(Status)
            ReportState.objects.bulk_create(
                ReportState(report=report, status=rng.choice(statuses).value) for report in reports
            )
            assessments = [*Assessment, None]
            GoalFollowUp.objects.bulk_create(
                GoalFollowUp(
                    report=by_org[org.pk],
                    goal_id=goal_id,
                    year_assessment=(choice.value if (choice := rng.choice(assessments)) else ""),
                    year_motivation="Syntetiskt exempel: motivering.",
                    term_outlook=rng.choice(list(TermOutlook)).value,
                    position=position,
                )
                for position, (goal_id, chosen) in enumerate(directed.items())
                for org in chosen
            )
        forecasts = []
        outcomes = []
        for org in orgs:
            allocation = rng.randrange(50, 5000) * 1_000_000
            drift = rng.uniform(-0.03, 0.02)
            for month in range(2, 12):
                net = int(allocation * (1 - drift * month / 11))
                forecasts.append(
                    Forecast(
                        organisation=org,
                        year=year,
                        month=month,
                        net_cost=net,
                        allocation=allocation,
                        source="demo",
                    )
                )
            outcomes.append(
                Outcome(
                    organisation=org,
                    year=year,
                    allocation=allocation,
                    net_cost=int(allocation * (1 - drift)),
                    source="demo",
                )
            )
        Forecast.objects.bulk_create(forecasts)
        Outcome.objects.bulk_create(outcomes)
        assignments = BudgetAssignment.objects.bulk_create(
            BudgetAssignment(
                term=term,
                goal_area=areas[number % len(areas)],
                key=f"uppdrag-{number:03d}",
                title=f"Budgetuppdrag {number}",
                responsible=orgs[number * 3 % len(orgs)],
                report_back=f"Återrapportering senast juni {year}",
            )
            for number in range(max(1, organisations // 3))
        )
        CoResponsible.objects.bulk_create(
            CoResponsible(assignment=assignment, organisation=org, position=position)
            for assignment in assignments
            for position, org in enumerate(
                rng.sample([o for o in orgs if o.pk != assignment.responsible_id], 2)
            )
        )
    return City(key, year, organisations, goals, periods)
