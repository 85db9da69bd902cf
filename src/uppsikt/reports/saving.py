"""Save a domain report: upsert the municipality's shared data, then replace the report.

Shared data (organisations, term, goal areas, council goals and whom they are directed
to, budget assignments) is upserted by key within the municipality: the latest report
saved states the truth about it. The report itself is replaced wholesale, keeping its
row (and so its id) for the same organisation and period.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models, transaction
from django.db.models import Q

from uppsikt.domain import model as domain
from uppsikt.economy.figures_store import delete_tables, save_tables
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
from uppsikt.reports.models import (
    Chapter,
    Period,
    Report,
    ReportCouncilGoal,
    ReportGoalArea,
    ReportOrganisation,
    Section,
)
from uppsikt.reports.validation import check_storable

_M = TypeVar("_M", bound=models.Model)


def save_report(report: domain.Report) -> int:
    """Store `report` in one transaction, replacing any for its organisation and period."""
    check_storable(report)
    with transaction.atomic():
        municipality = _save_municipality(report.municipality)
        organisations = _upsert(
            Organisation,
            {"municipality": municipality},
            {
                o.key: {"name": o.name, "kind": o.kind.value, "administration": o.administration}
                for o in report.municipality.organisations
            },
        )
        term, _ = Term.objects.get_or_create(
            municipality=municipality,
            start_year=report.term.start_year,
            end_year=report.term.end_year,
        )
        period, _ = Period.objects.get_or_create(
            municipality=municipality, year=report.period.year, kind=report.period.kind.value
        )
        areas = _upsert(
            GoalArea, {"term": term}, {a.key: {"title": a.title} for a in report.goal_areas}
        )
        goals = _upsert(
            CouncilGoal,
            {"term": term},
            {
                g.key: {"title": g.title, "goal_area_id": areas[g.goal_area].pk}
                for g in report.council_goals
            },
        )
        _save_goal_assignments(report.council_goals, goals, organisations)
        assignments = _save_budget_assignments(report, term, areas, organisations)
        row = _replace_report_row(report, organisations[report.organisation], period, term)
        _save_lists(row, report, organisations, areas, goals)
        _save_follow_ups(row, report.goal_follow_ups, goals)
        _save_budget_assignment_reports(row, report.budget_assignments, assignments)
        _save_chapters(row, report.chapters)
        save_tables(row, report.tables)
    return row.pk


def _save_municipality(municipality: domain.Municipality) -> Municipality:
    # update_or_create locks the municipality's row (SELECT ... FOR UPDATE on PostgreSQL),
    # so two saves in the same municipality take turns instead of racing on the upserts.
    row, _ = Municipality.objects.update_or_create(
        key=municipality.key, defaults={"name": municipality.name}
    )
    return row


def _upsert(
    model: type[_M], scope: dict[str, models.Model], wanted: dict[str, dict[str, object]]
) -> dict[str, _M]:
    """Make `model`'s rows in `scope` with these keys hold these values; returns them by key.

    Rows of the scope that `wanted` does not name are left alone: other reports may use them.
    """
    manager = model._default_manager
    rows = manager.filter(**scope, key__in=list(wanted))
    found: dict[str, _M] = {getattr(obj, "key"): obj for obj in rows}  # noqa: B009 (_M has no .key)
    new: list[_M] = []
    changed: list[_M] = []
    for key, values in wanted.items():
        obj = found.get(key)
        if obj is None:
            found[key] = obj = model(**scope, key=key, **values)
            new.append(obj)
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            changed.append(obj)
    manager.bulk_create(new)
    if changed:
        manager.bulk_update(changed, list(next(iter(wanted.values()))))
    return found


def _save_goal_assignments(
    council_goals: tuple[domain.CouncilGoal, ...],
    goals: dict[str, CouncilGoal],
    organisations: dict[str, Organisation],
) -> None:
    """Replace whom each goal is directed to, for the years the report states.

    Years the report does not mention are kept: a package for 2026 need not repeat 2025.
    """
    stale = Q()
    rows: list[GoalAssignment] = []
    for goal in council_goals:
        goal_row = goals[goal.key]
        if goal.directed_to:
            stale |= Q(goal=goal_row, year__in=[year for year, _ in goal.directed_to])
        pairs = [(year, key) for year, keys in goal.directed_to for key in keys]
        rows.extend(
            GoalAssignment(
                goal=goal_row, organisation=organisations[key], year=year, position=position
            )
            for position, (year, key) in enumerate(pairs)
        )
    if stale:
        GoalAssignment.objects.filter(stale).delete()
    GoalAssignment.objects.bulk_create(rows)


def _save_budget_assignments(
    report: domain.Report,
    term: Term,
    areas: dict[str, GoalArea],
    organisations: dict[str, Organisation],
) -> dict[str, BudgetAssignment]:
    assignments = _upsert(
        BudgetAssignment,
        {"term": term},
        {
            b.key: {
                "title": b.title,
                "goal_area_id": areas[b.goal_area].pk,
                "responsible_id": organisations[b.responsible].pk,
                "report_back": b.report_back,
            }
            for b in report.budget_assignments
        },
    )
    CoResponsible.objects.filter(assignment__in=list(assignments.values())).delete()
    CoResponsible.objects.bulk_create(
        CoResponsible(
            assignment=assignments[b.key], organisation=organisations[key], position=position
        )
        for b in report.budget_assignments
        for position, key in enumerate(b.co_responsible)
    )
    return assignments


def _replace_report_row(
    report: domain.Report, owner: Organisation, period: Period, term: Term
) -> Report:
    row = Report.objects.select_for_update().filter(organisation=owner, period=period).first()
    if row is None:
        return Report.objects.create(
            organisation=owner,
            period=period,
            term=term,
            title=report.title,
            settings=dict(report.settings),
        )
    row.term = term
    row.title = report.title
    row.settings = dict(report.settings)
    row.save()
    # Each delete cascades to what hangs below (sections, columns, rows, cells).
    delete_tables(row)
    Chapter.objects.filter(report=row).delete()
    GoalFollowUp.objects.filter(report=row).delete()
    BudgetAssignmentReport.objects.filter(report=row).delete()
    ReportOrganisation.objects.filter(report=row).delete()
    ReportGoalArea.objects.filter(report=row).delete()
    ReportCouncilGoal.objects.filter(report=row).delete()
    return row


def _save_lists(
    row: Report,
    report: domain.Report,
    organisations: dict[str, Organisation],
    areas: dict[str, GoalArea],
    goals: dict[str, CouncilGoal],
) -> None:
    """Record which shared rows the report lists, and in what order."""
    ReportOrganisation.objects.bulk_create(
        ReportOrganisation(report=row, organisation=organisations[o.key], position=position)
        for position, o in enumerate(report.municipality.organisations)
    )
    ReportGoalArea.objects.bulk_create(
        ReportGoalArea(report=row, goal_area=areas[a.key], position=position)
        for position, a in enumerate(report.goal_areas)
    )
    ReportCouncilGoal.objects.bulk_create(
        ReportCouncilGoal(report=row, goal=goals[g.key], position=position)
        for position, g in enumerate(report.council_goals)
    )


def _save_follow_ups(
    row: Report, follow_ups: tuple[domain.GoalFollowUp, ...], goals: dict[str, CouncilGoal]
) -> None:
    follow_up_rows = [
        GoalFollowUp(
            report=row,
            goal=goals[f.goal],
            intro=f.intro,
            year_assessment=f.year_assessment.value if f.year_assessment else "",
            year_motivation=f.year_motivation,
            term_outlook=f.term_outlook.value if f.term_outlook else "",
            term_motivation=f.term_motivation,
            position=position,
        )
        for position, f in enumerate(follow_ups)
    ]
    GoalFollowUp.objects.bulk_create(follow_up_rows)
    Section.objects.bulk_create(
        _section(section, position, follow_up=follow_up_row)
        for follow_up_row, f in zip(follow_up_rows, follow_ups, strict=True)
        for position, section in enumerate(f.contributions)
    )


def _save_budget_assignment_reports(
    row: Report,
    budget_assignments: tuple[domain.BudgetAssignment, ...],
    assignments: dict[str, BudgetAssignment],
) -> None:
    BudgetAssignmentReport.objects.bulk_create(
        BudgetAssignmentReport(
            report=row,
            assignment=assignments[b.key],
            status=b.status.value,
            body=b.report,
            position=position,
        )
        for position, b in enumerate(budget_assignments)
    )


def _save_chapters(row: Report, chapters: tuple[domain.Chapter, ...]) -> None:
    chapter_rows = [
        Chapter(
            report=row,
            key=c.key,
            title=c.title,
            kind=c.kind.value,
            intro=c.intro,
            position=position,
        )
        for position, c in enumerate(chapters)
    ]
    Chapter.objects.bulk_create(chapter_rows)
    Section.objects.bulk_create(
        _section(section, position, chapter=chapter_row)
        for chapter_row, c in zip(chapter_rows, chapters, strict=True)
        for position, section in enumerate(c.sections)
    )


def _section(
    section: domain.Section,
    position: int,
    *,
    chapter: Chapter | None = None,
    follow_up: GoalFollowUp | None = None,
) -> Section:
    return Section(
        chapter=chapter,
        follow_up=follow_up,
        heading=section.heading,
        body=section.body,
        level=section.level,
        position=position,
    )
