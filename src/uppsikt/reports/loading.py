"""Load a stored report back into the domain model, in a fixed number of queries.

One query per kind of row (never per row), so a report with hundreds of table rows
costs no more queries than a small one; rows are grouped by their parent in Python.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import QuerySet

from uppsikt.domain import model as domain
from uppsikt.economy.figures_store import load_tables
from uppsikt.goals.models import BudgetAssignmentReport, CoResponsible, GoalAssignment, GoalFollowUp
from uppsikt.reports.models import (
    Chapter,
    Report,
    ReportCouncilGoal,
    ReportGoalArea,
    ReportOrganisation,
    Section,
)


def load_report(report_id: int) -> domain.Report:
    """The stored report `report_id` as a domain `Report`; LookupError if there is none."""
    # All queries must see one state of the database, or a save committed between two of
    # them could pair old chapters with new sections. A SQLite transaction reads from one
    # snapshot; PostgreSQL's default (read committed) takes a new one per statement, and
    # can only be told otherwise before the transaction's first query. Inside a caller's
    # transaction, that transaction decides (and a savepoint would buy nothing).
    if connection.in_atomic_block:
        return _load(report_id)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return _load(report_id)


def _load(report_id: int) -> domain.Report:
    try:
        row = Report.objects.select_related("organisation__municipality", "period", "term").get(
            pk=report_id
        )
    except Report.DoesNotExist:
        raise LookupError(f"det finns ingen lagrad rapport med id {report_id}") from None
    municipality = row.organisation.municipality
    return domain.Report(
        municipality=domain.Municipality(
            key=municipality.key, name=municipality.name, organisations=_organisations(row)
        ),
        organisation=row.organisation.key,
        term=domain.Term(row.term.start_year, row.term.end_year),
        period=domain.Period(row.period.year, domain.PeriodKind(row.period.kind)),
        goal_areas=tuple(
            domain.GoalArea(link.goal_area.key, link.goal_area.title)
            for link in ReportGoalArea.objects.filter(report=row)
            .select_related("goal_area")
            .order_by("position")
        ),
        council_goals=_council_goals(row),
        goal_follow_ups=_follow_ups(row),
        budget_assignments=_budget_assignments(row),
        chapters=_chapters(row),
        tables=load_tables(row),
        title=row.title,
        settings={str(name): int(value) for name, value in row.settings.items()},
    )


def _organisations(row: Report) -> tuple[domain.Organisation, ...]:
    links = (
        ReportOrganisation.objects.filter(report=row)
        .select_related("organisation")
        .order_by("position")
    )
    return tuple(
        domain.Organisation(
            key=link.organisation.key,
            name=link.organisation.name,
            kind=domain.OrganisationKind(link.organisation.kind),
            administration=link.organisation.administration,
        )
        for link in links
    )


def _council_goals(row: Report) -> tuple[domain.CouncilGoal, ...]:
    directed: defaultdict[int, dict[int, list[str]]] = defaultdict(dict)
    assignments = (
        GoalAssignment.objects.filter(goal__report_links__report=row)
        .select_related("organisation")
        .order_by("goal_id", "position", "year")
    )
    for assignment in assignments:
        by_year = directed[assignment.goal_id]
        by_year.setdefault(assignment.year, []).append(assignment.organisation.key)
    links = (
        ReportCouncilGoal.objects.filter(report=row)
        .select_related("goal__goal_area")
        .order_by("position")
    )
    return tuple(
        domain.CouncilGoal(
            key=link.goal.key,
            title=link.goal.title,
            goal_area=link.goal.goal_area.key,
            directed_to=tuple((year, tuple(keys)) for year, keys in directed[link.goal_id].items()),
        )
        for link in links
    )


def _follow_ups(row: Report) -> tuple[domain.GoalFollowUp, ...]:
    contributions = _sections(
        Section.objects.filter(follow_up__report=row).order_by("follow_up_id", "position"),
        parent="follow_up_id",
    )
    follow_ups = GoalFollowUp.objects.filter(report=row).select_related("goal").order_by("position")
    return tuple(
        domain.GoalFollowUp(
            goal=f.goal.key,
            contributions=contributions.get(f.pk, ()),
            intro=f.intro,
            year_assessment=domain.Assessment(f.year_assessment) if f.year_assessment else None,
            year_motivation=f.year_motivation,
            term_outlook=domain.TermOutlook(f.term_outlook) if f.term_outlook else None,
            term_motivation=f.term_motivation,
        )
        for f in follow_ups
    )


def _budget_assignments(row: Report) -> tuple[domain.BudgetAssignment, ...]:
    co_responsible: defaultdict[int, list[str]] = defaultdict(list)
    for co in (
        CoResponsible.objects.filter(assignment__report_entries__report=row)
        .select_related("organisation")
        .order_by("assignment_id", "position")
    ):
        co_responsible[co.assignment_id].append(co.organisation.key)
    entries = (
        BudgetAssignmentReport.objects.filter(report=row)
        .select_related("assignment__goal_area", "assignment__responsible")
        .order_by("position")
    )
    return tuple(
        domain.BudgetAssignment(
            key=entry.assignment.key,
            title=entry.assignment.title,
            goal_area=entry.assignment.goal_area.key,
            responsible=entry.assignment.responsible.key,
            co_responsible=tuple(co_responsible[entry.assignment_id]),
            status=domain.AssignmentStatus(entry.status),
            report_back=entry.assignment.report_back,
            report=entry.body,
        )
        for entry in entries
    )


def _chapters(row: Report) -> tuple[domain.Chapter, ...]:
    sections = _sections(
        Section.objects.filter(chapter__report=row).order_by("chapter_id", "position"),
        parent="chapter_id",
    )
    return tuple(
        domain.Chapter(
            key=c.key,
            title=c.title,
            sections=sections.get(c.pk, ()),
            intro=c.intro,
            kind=domain.ChapterKind(c.kind),
        )
        for c in Chapter.objects.filter(report=row).order_by("position")
    )


def _sections(rows: QuerySet[Section], *, parent: str) -> dict[int, tuple[domain.Section, ...]]:
    """Group sections (already ordered by parent and position) by their parent's id."""
    grouped: defaultdict[int, list[domain.Section]] = defaultdict(list)
    for section in rows:
        grouped[getattr(section, parent)].append(
            domain.Section(heading=section.heading, body=section.body, level=section.level)
        )
    return {key: tuple(sections) for key, sections in grouped.items()}
