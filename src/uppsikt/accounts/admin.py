from django.contrib import admin

from uppsikt.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic only in the stubs
    list_display = ("user", "role", "municipality", "organisation")
    list_filter = ("role", "municipality")
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("user",)
