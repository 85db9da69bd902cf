"""Admin: reporting periods with their deadlines.

Reports themselves are imported and edited through the web app's actions, which keep
versions and the audit log; the admin does not offer them. What it does offer is audited,
moves the stamps of the reports that show it, and is refused where it would alter an
approved report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from uppsikt.audit.audited_admin import AuditedAdmin
from uppsikt.reports.models import Period

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from uppsikt.reports.models import Report


@admin.register(Period)
class PeriodAdmin(AuditedAdmin):
    list_display = ("__str__", "municipality", "year", "kind", "deadline")
    list_filter = ("municipality", "kind", "year")
    list_editable = ("deadline",)
    ordering = ("municipality", "-year", "kind")
    content_fields = ("year", "kind")  # the deadline is not in the report

    def affected_reports(self, obj: Period) -> QuerySet[Report]:
        from uppsikt.reports.models import Report

        return Report.objects.filter(period_id=obj.pk)
