"""Special oversight (särskild uppsikt): a decision of the executive board about one
organisation, its action plan, monthly follow-ups and the decision that closes it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from uppsikt.organisations.models import Organisation

CASE_NUMBER_LENGTH = 40


class SpecialOversight(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="special_oversight"
    )
    reason = models.TextField("skäl")
    case_number = models.CharField("ärendenummer", max_length=CASE_NUMBER_LENGTH)
    decided_on = models.DateField("beslutsdatum")
    action_plan_due = models.DateField("handlingsplan senast")
    action_plan = models.TextField("handlingsplan", blank=True)
    action_plan_received_on = models.DateField("handlingsplan inkom", null=True, blank=True)
    closed_on = models.DateField("avslutad", null=True, blank=True)
    closing_case_number = models.CharField(
        "ärendenummer för avslut", max_length=CASE_NUMBER_LENGTH, blank=True
    )
    closing_motivation = models.TextField("motivering för avslut", blank=True)

    class Meta:
        ordering = ("organisation_id", "-decided_on")
        verbose_name = "särskild uppsikt"
        verbose_name_plural = "särskild uppsikt"

    def __str__(self) -> str:
        return f"{self.case_number}: {self.organisation}"


class SpecialOversightEntry(models.Model):
    """A monthly follow-up of a case."""

    case = models.ForeignKey(SpecialOversight, on_delete=models.CASCADE, related_name="entries")
    month = models.DateField("månad")  # the first day of the month followed up
    body = models.TextField("uppföljning")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("skriven", auto_now_add=True)

    class Meta:
        ordering = ("case_id", "month", "id")
        verbose_name = "uppföljning av särskild uppsikt"
        verbose_name_plural = "uppföljningar av särskild uppsikt"

    def __str__(self) -> str:
        return f"{self.case}: {self.month:%Y-%m}"
