"""The report's revision: every change made through the web moves it on."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.db.models import F

from uppsikt.reports.models import Report, ReportState


def bump_revision(report: Report) -> None:
    """Mark the report's content as changed (cached pages and documents are then rebuilt).
    Call inside the action's transaction."""
    ReportState.objects.get_or_create(report=report)
    ReportState.objects.filter(report=report).update(revision=F("revision") + 1)
    warm_after_commit(report.pk)


def bump_revisions(report_ids: Iterable[int]) -> None:
    """Mark many reports' content as changed, without warming their pages (they are rebuilt
    when next asked for). For changes to data that reports share; call inside the action's
    transaction."""
    wanted = set(report_ids)
    if not wanted:
        return
    have = set(ReportState.objects.filter(report_id__in=wanted).values_list("report_id", flat=True))
    ReportState.objects.bulk_create(
        (ReportState(report_id=pk) for pk in wanted - have), ignore_conflicts=True
    )
    ReportState.objects.filter(report_id__in=wanted).update(revision=F("revision") + 1)


def warm_after_commit(report_id: int) -> None:
    """Once the change has committed, build the report's page for its new state, so that
    the person who changed it pays for the rebuild rather than the next reader."""
    from uppsikt.reports.reading import warm_report

    # robust: a failed warm-up is logged and leaves the page to be built when asked for;
    # it must not fail the request whose change has already committed.
    transaction.on_commit(partial(warm_report, report_id), robust=True)
