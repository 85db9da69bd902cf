"""The review of a report: its workflow state, the versions of its texts, the comments.

Texts are identified by their *place* in the report, the same strings the checks use
(`chapter:economy/section:2`, `follow_up:goal-key/section:0`, `follow_up:goal-key`), so
versions and comments survive a report being imported again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from uppsikt.domain.workflow import Status
from uppsikt.reports.models import Report

PLACE_LENGTH = 300


STATUSES = tuple((item.value, item.label) for item in Status)


class ReportState(models.Model):
    """Where a report is in the workflow. A report without a row is a draft."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="state")
    status = models.CharField("status", max_length=16, choices=STATUSES, default=Status.DRAFT)
    # Bumped by every change made through the web; with Report.updated_at (bumped by
    # imports) it names one state of the content, e.g. for caching the rendered page.
    revision = models.PositiveIntegerField("revision", default=0)
    changed_at = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        verbose_name = "rapportstatus"
        verbose_name_plural = "rapportstatus"

    def __str__(self) -> str:
        return f"{self.report}: {Status(self.status).label}"


class SectionVersion(models.Model):
    """One saved version of a text at a place of a report; numbers count up from 1."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="section_versions")
    place = models.CharField("plats", max_length=PLACE_LENGTH)
    number = models.PositiveIntegerField("version")
    heading = models.TextField("rubrik", blank=True)
    body = models.TextField("text", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="section_versions",
    )
    origin = models.CharField("ursprung", max_length=16, default="web")  # web | import
    created_at = models.DateTimeField("sparad", auto_now_add=True)

    class Meta:
        ordering = ("report_id", "place", "number")
        verbose_name = "version"
        verbose_name_plural = "versioner"
        constraints = (
            models.UniqueConstraint(
                fields=("report", "place", "number"), name="section_version_number_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.place} v{self.number}"


class Comment(models.Model):
    """A comment in the thread of a place (blank place: the report as a whole)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="comments")
    place = models.CharField("plats", max_length=PLACE_LENGTH, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_comments",
    )
    body = models.TextField("kommentar")
    created_at = models.DateTimeField("skriven", auto_now_add=True)
    resolved_at = models.DateTimeField("besvarad", null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ("report_id", "place", "created_at", "id")
        verbose_name = "kommentar"
        verbose_name_plural = "kommentarer"
        indexes = (models.Index(fields=("report", "place"), name="comment_report_place"),)

    def __str__(self) -> str:
        return f"{self.place or 'rapporten'}: {self.body[:40]}"
