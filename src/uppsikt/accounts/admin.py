from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from uppsikt.accounts.models import Membership
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode


def _described(membership: Membership) -> dict[str, Any]:
    return {
        "user": membership.user.get_username(),
        "role": membership.role,
        "organisation": membership.organisation.key if membership.organisation else None,
    }


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    """Roles given or taken in the admin site are audited like those given by `grant_role`."""

    list_display = ("user", "role", "municipality", "organisation")
    list_filter = ("role", "municipality")
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("user",)

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        with transaction.atomic():
            before = _described(Membership.objects.get(pk=obj.pk)) if change else None
            super().save_model(request, obj, form, change)
            action = AuditCode.ROLE_CHANGED if change else AuditCode.ROLE_GRANTED
            record(
                request.user,
                action,
                municipality_id=obj.municipality_id,
                before=before,
                after=_described(obj),
            )

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        with transaction.atomic():
            before = _described(obj)
            super().delete_model(request, obj)
            record(
                request.user,
                AuditCode.ROLE_REVOKED,
                municipality_id=obj.municipality_id,
                before=before,
            )

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for membership in list(queryset):
            self.delete_model(request, membership)
