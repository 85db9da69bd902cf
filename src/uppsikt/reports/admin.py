"""Admin: reporting periods with their deadlines, and the council's budget assignments.

Reports themselves are imported and edited through the web app's actions, which keep
versions and the audit log; the admin does not offer them.
"""

from __future__ import annotations

from django.contrib import admin

from uppsikt.reports.models import BudgetAssignment, CoResponsible, Period


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("__str__", "municipality", "year", "kind", "deadline")
    list_filter = ("municipality", "kind", "year")
    list_editable = ("deadline",)
    ordering = ("municipality", "-year", "kind")


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
