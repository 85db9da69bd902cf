"""The report's revision: every change made through the web moves it on."""

from __future__ import annotations

from django.db.models import F

from uppsikt.reports.models import Report
from uppsikt.review.models import ReportState


def bump_revision(report: Report) -> None:
    """Mark the report's content as changed (cached pages and documents are then rebuilt).
    Call inside the action's transaction."""
    ReportState.objects.get_or_create(report=report)
    ReportState.objects.filter(report=report).update(revision=F("revision") + 1)
