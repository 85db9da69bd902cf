"""Admin: the council's terms, goal areas and goals, whom each goal is directed to, and
the budget assignments with their co-responsible organisations."""

from __future__ import annotations

from django.contrib import admin

from uppsikt.goals.models import (
    BudgetAssignment,
    CoResponsible,
    CouncilGoal,
    GoalArea,
    GoalAssignment,
    Term,
)


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("__str__", "municipality", "start_year", "end_year")
    list_filter = ("municipality",)


@admin.register(GoalArea)
class GoalAreaAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("title", "key", "term")
    list_filter = ("term__municipality", "term")
    search_fields = ("title", "key")


class GoalAssignmentInline(admin.TabularInline):  # type: ignore[type-arg]  # generic only in the stubs
    """The years and organisations a goal is directed to (riktade mål)."""

    model = GoalAssignment
    extra = 1
    fields = ("year", "organisation", "position")
    autocomplete_fields = ("organisation",)


@admin.register(CouncilGoal)
class CouncilGoalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("title", "key", "goal_area", "term")
    list_filter = ("term__municipality", "term", "goal_area")
    search_fields = ("title", "key")
    inlines = (GoalAssignmentInline,)


class CoResponsibleInline(admin.TabularInline):  # type: ignore[type-arg]  # generic only in the stubs
    model = CoResponsible
    extra = 1
    fields = ("organisation", "position")
    autocomplete_fields = ("organisation",)


@admin.register(BudgetAssignment)
class BudgetAssignmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("key", "title", "responsible", "goal_area", "term")
    list_filter = ("term__municipality", "term", "goal_area")
    search_fields = ("key", "title")
    autocomplete_fields = ("responsible",)
    inlines = (CoResponsibleInline,)
