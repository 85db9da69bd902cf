"""What the city office uses across organisations: the comment threads on reports.

Comments are identified by their *place* in the report, the same strings the checks use
(`chapter:economy/section:2`, `follow_up:goal-key`; blank: the report as a whole), so they
survive a report being imported again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from uppsikt.reports.models import PLACE_LENGTH, Report


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
