"""Admin: setting up a municipality and the organisations in it that report."""

from __future__ import annotations

from django.contrib import admin

from uppsikt.organisations.models import Municipality, Organisation


class OrganisationInline(admin.TabularInline):  # type: ignore[type-arg]  # generic only in the stubs
    model = Organisation
    extra = 0
    fields = ("key", "name", "kind", "administration")


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("name", "key")
    search_fields = ("name", "key")
    inlines = (OrganisationInline,)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("name", "key", "kind", "municipality", "administration")
    list_filter = ("municipality", "kind")
    search_fields = ("name", "key", "administration")
    ordering = ("municipality", "name")
