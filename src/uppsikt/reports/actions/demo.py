"""Putting the demo report back at the start of the workflow, for `uppsikt demo`."""

from __future__ import annotations

from django.db import transaction

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.oversight.models import Comment
from uppsikt.reports.models import Report, ReportState, SectionVersion


def reset_workflow(report_id: int, *, actor: AnyUser | None) -> None:
    """A fresh demo: the report is a draft again, without versions or comments. The audit
    log keeps what happened before and records the reset (`actor` None: the system)."""
    with transaction.atomic():
        report = Report.objects.select_related("organisation").get(pk=report_id)
        ReportState.objects.filter(report=report).delete()
        SectionVersion.objects.filter(report=report).delete()
        Comment.objects.filter(report=report).delete()
        record(actor, AuditCode.DEMO_RESET, report=report)
