from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from uppsikt.audit.codes import label_of
from uppsikt.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    """Read-only: the log is append-only."""

    list_display = ("at", "username", "action_label", "report_label", "place")
    list_filter = ("action",)
    search_fields = ("username", "report_label", "place", "reason")

    @admin.display(description="händelse", ordering="action")
    def action_label(self, entry: AuditEntry) -> str:
        return label_of(entry.action)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
