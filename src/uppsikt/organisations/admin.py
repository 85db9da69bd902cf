"""Admin: setting up a municipality and the organisations in it that report.

Reports show these names: every write is audited and moves the stamps of the reports that
show them, and a change that would alter an approved report is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.db.models import Q

from uppsikt.audit.audited_admin import AuditedAdmin, AuditedInline
from uppsikt.organisations.models import Municipality, Organisation

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from uppsikt.reports.models import Report


def reports_showing(organisation_id: int | None) -> QuerySet[Report]:
    """The organisation's own reports and those that name it (lists, goals, assignments)."""
    from uppsikt.reports.models import Report

    return Report.objects.filter(
        Q(organisation_id=organisation_id)
        | Q(listed_organisations__organisation_id=organisation_id)
        | Q(listed_council_goals__goal__assignments__organisation_id=organisation_id)
        | Q(budget_assignment_reports__assignment__responsible_id=organisation_id)
        | Q(budget_assignment_reports__assignment__co_responsible__organisation_id=organisation_id)
    ).distinct()


class OrganisationInline(AuditedInline):
    model = Organisation
    extra = 0
    fields = ("key", "name", "kind", "administration")

    def affected_reports(self, obj: Organisation) -> QuerySet[Report]:
        return reports_showing(obj.pk)


@admin.register(Municipality)
class MunicipalityAdmin(AuditedAdmin):
    list_display = ("name", "key")
    search_fields = ("name", "key")
    inlines = (OrganisationInline,)

    def municipality_of(self, obj: Municipality) -> int | None:
        return obj.pk

    def affected_reports(self, obj: Municipality) -> QuerySet[Report]:
        from uppsikt.reports.models import Report

        return Report.objects.filter(organisation__municipality_id=obj.pk)


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ("name", "key", "kind", "municipality", "administration")
    list_filter = ("municipality", "kind")
    search_fields = ("name", "key", "administration")
    ordering = ("municipality", "name")

    def affected_reports(self, obj: Organisation) -> QuerySet[Report]:
        return reports_showing(obj.pk)
