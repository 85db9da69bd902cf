"""Admin: reporting periods with their deadlines.

Reports themselves are imported and edited through the web app's actions, which keep
versions and the audit log; the admin does not offer them.
"""

from __future__ import annotations

from django.contrib import admin

from uppsikt.reports.models import Period


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("__str__", "municipality", "year", "kind", "deadline")
    list_filter = ("municipality", "kind", "year")
    list_editable = ("deadline",)
    ordering = ("municipality", "-year", "kind")
