"""A reporting round: the city office asks a set of organisations for their reports of one
period, each by its own deadline, and reminds their writers before and after it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from uppsikt.domain.choices import choices
from uppsikt.domain.oversight.model import ReminderKind
from uppsikt.organisations.models import Organisation
from uppsikt.reports.models import Period, Report


def default_remind_before() -> list[int]:
    return [7, 1]


class ReportingRound(models.Model):
    """One round per period: which organisations report, by when, and the reminder days."""

    period = models.OneToOneField(Period, on_delete=models.CASCADE, related_name="round")
    opened_at = models.DateTimeField("öppnad", auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Days before the deadline a reminder goes out, e.g. [7, 1].
    remind_before = models.JSONField("påminn dagar före", default=default_remind_before)
    # After the deadline, a reminder every this many days while the report is a draft.
    remind_late_every = models.PositiveSmallIntegerField("påminn efter, var n:e dag", default=3)

    class Meta:
        ordering = ("period_id",)
        verbose_name = "rapporteringsomgång"
        verbose_name_plural = "rapporteringsomgångar"

    def __str__(self) -> str:
        return f"Omgång {self.period}"


class RoundMember(models.Model):
    """One organisation in a round: its deadline and its report."""

    round = models.ForeignKey(ReportingRound, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="round_memberships"
    )
    report = models.OneToOneField(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="round_member"
    )
    deadline = models.DateField("sista dag")

    class Meta:
        ordering = ("round_id", "organisation__name")
        verbose_name = "organisation i omgång"
        verbose_name_plural = "organisationer i omgång"
        constraints = (
            models.UniqueConstraint(fields=("round", "organisation"), name="round_member_once"),
        )

    def __str__(self) -> str:
        return f"{self.round}: {self.organisation}"


class Reminder(models.Model):
    """A reminder sent to an organisation's writers (one per member, kind and day)."""

    member = models.ForeignKey(RoundMember, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("slag", max_length=16, choices=choices(ReminderKind))
    sent_on = models.DateField("skickad")
    recipients = models.JSONField("mottagare", default=list)

    class Meta:
        ordering = ("member_id", "sent_on")
        verbose_name = "påminnelse"
        verbose_name_plural = "påminnelser"
        constraints = (
            models.UniqueConstraint(
                fields=("member", "kind", "sent_on"), name="reminder_once_per_day"
            ),
        )

    def __str__(self) -> str:
        return f"{self.member}: {self.get_kind_display()} {self.sent_on}"
