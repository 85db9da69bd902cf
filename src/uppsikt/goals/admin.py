"""Admin: the council's terms, goal areas and goals, whom each goal is directed to, and
the budget assignments with their co-responsible organisations.

Reports show these rows: every write is audited and moves the stamps of the reports that
list them, and a change that would alter an approved report is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.db.models import Q

from uppsikt.audit.audited_admin import AuditedAdmin, AuditedInline
from uppsikt.goals.models import (
    BudgetAssignment,
    CoResponsible,
    CouncilGoal,
    GoalArea,
    GoalAssignment,
    Term,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from uppsikt.reports.models import Report


def reports_listing_goal(goal_id: int | None) -> QuerySet[Report]:
    """The reports that list a council goal or follow it up."""
    from uppsikt.reports.models import Report

    return Report.objects.filter(
        Q(listed_council_goals__goal_id=goal_id) | Q(goal_follow_ups__goal_id=goal_id)
    ).distinct()


@admin.register(Term)
class TermAdmin(AuditedAdmin):
    list_display = ("__str__", "municipality", "start_year", "end_year")
    list_filter = ("municipality",)

    def affected_reports(self, obj: Term) -> QuerySet[Report]:
        from uppsikt.reports.models import Report

        return Report.objects.filter(term_id=obj.pk)


@admin.register(GoalArea)
class GoalAreaAdmin(AuditedAdmin):
    list_display = ("title", "key", "term")
    list_filter = ("term__municipality", "term")
    search_fields = ("title", "key")

    def municipality_of(self, obj: GoalArea) -> int | None:
        return obj.term.municipality_id

    def affected_reports(self, obj: GoalArea) -> QuerySet[Report]:
        from uppsikt.reports.models import Report

        return Report.objects.filter(
            Q(listed_goal_areas__goal_area_id=obj.pk)
            | Q(listed_council_goals__goal__goal_area_id=obj.pk)
            | Q(budget_assignment_reports__assignment__goal_area_id=obj.pk)
        ).distinct()


class GoalAssignmentInline(AuditedInline):
    """The years and organisations a goal is directed to (riktade mål)."""

    model = GoalAssignment
    extra = 1
    fields = ("year", "organisation", "position")
    autocomplete_fields = ("organisation",)

    def affected_reports(self, obj: GoalAssignment) -> QuerySet[Report]:
        return reports_listing_goal(obj.goal_id)


@admin.register(CouncilGoal)
class CouncilGoalAdmin(AuditedAdmin):
    list_display = ("title", "key", "goal_area", "term")
    list_filter = ("term__municipality", "term", "goal_area")
    search_fields = ("title", "key")
    inlines = (GoalAssignmentInline,)

    def municipality_of(self, obj: CouncilGoal) -> int | None:
        return obj.term.municipality_id

    def affected_reports(self, obj: CouncilGoal) -> QuerySet[Report]:
        return reports_listing_goal(obj.pk)


def reports_of_assignment(assignment_id: int | None) -> QuerySet[Report]:
    from uppsikt.reports.models import Report

    return Report.objects.filter(budget_assignment_reports__assignment_id=assignment_id).distinct()


class CoResponsibleInline(AuditedInline):
    model = CoResponsible
    extra = 1
    fields = ("organisation", "position")
    autocomplete_fields = ("organisation",)

    def affected_reports(self, obj: CoResponsible) -> QuerySet[Report]:
        return reports_of_assignment(obj.assignment_id)


@admin.register(BudgetAssignment)
class BudgetAssignmentAdmin(AuditedAdmin):
    list_display = ("key", "title", "responsible", "goal_area", "term")
    list_filter = ("term__municipality", "term", "goal_area")
    search_fields = ("key", "title")
    autocomplete_fields = ("responsible",)
    inlines = (CoResponsibleInline,)

    def municipality_of(self, obj: BudgetAssignment) -> int | None:
        return obj.term.municipality_id

    def affected_reports(self, obj: BudgetAssignment) -> QuerySet[Report]:
        return reports_of_assignment(obj.pk)
