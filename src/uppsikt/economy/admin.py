"""Admin: the mapping is data that municipalities edit; imported files can be looked at.

Every write is audited and moves the municipality's ledger stamp, so that report pages
built from the ledger show the new mapping at once.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from uppsikt.audit.audited_admin import AuditedAdmin
from uppsikt.economy.mapping_store import mapping_edited
from uppsikt.economy.models.ledger import AccountRange, LedgerFile, LedgerMapping, ObjectMapping


class LedgerAdmin(AuditedAdmin):
    def after_write(self, obj: Any) -> None:
        mapping_edited(obj.municipality_id)


@admin.register(LedgerMapping)
class LedgerMappingAdmin(LedgerAdmin):
    list_display = ("municipality", "cost_centre_dimension", "project_dimension", "updated_at")


@admin.register(AccountRange)
class AccountRangeAdmin(LedgerAdmin):
    list_display = ("municipality", "position", "first", "last", "line")
    list_editable = ("first", "last", "line")
    list_filter = ("municipality", "line")
    ordering = ("municipality", "position")


@admin.register(ObjectMapping)
class ObjectMappingAdmin(LedgerAdmin):
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
class LedgerFileAdmin(AuditedAdmin):
    """Read only: files are imported and replaced through the import actions. Deleting one
    is audited (the ledger stamp moves by itself: it counts the files)."""

    list_display = ("file_name", "municipality", "kind", "imported_at", "years")
    list_filter = ("municipality", "kind")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: LedgerFile | None = None) -> bool:
        return False
