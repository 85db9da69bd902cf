"""Admin: the mapping is data that municipalities edit; imported files can be looked at."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from uppsikt.economy.models.ledger import AccountRange, LedgerFile, LedgerMapping, ObjectMapping


@admin.register(LedgerMapping)
class LedgerMappingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("municipality", "cost_centre_dimension", "project_dimension", "updated_at")


@admin.register(AccountRange)
class AccountRangeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("municipality", "position", "first", "last", "line")
    list_editable = ("first", "last", "line")
    list_filter = ("municipality", "line")
    ordering = ("municipality", "position")


@admin.register(ObjectMapping)
class ObjectMappingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = (
        "municipality",
        "position",
        "dimension",
        "object",
        "name",
        "budget_area",
        "financing",
        "appropriation",
        "investment",
        "organisation",
    )
    list_filter = ("municipality", "dimension", "financing")
    search_fields = ("object", "name", "budget_area")
    ordering = ("municipality", "position")


@admin.register(LedgerFile)
class LedgerFileAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    """Read only: files are imported and replaced through the import actions."""

    list_display = ("file_name", "municipality", "kind", "imported_at", "years")
    list_filter = ("municipality", "kind")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: LedgerFile | None = None) -> bool:
        return False
