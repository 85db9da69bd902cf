"""Moving a report through the workflow: submit, return, approve, reopen."""

from __future__ import annotations

from django.db import transaction

from uppsikt.accounts.access import AnyUser, roles_for
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.workflow import NEEDS_REASON, Action, Status, next_status
from uppsikt.oversight.models import Comment
from uppsikt.reports.models import Report, ReportState
from uppsikt.reports.revision import warm_after_commit

AUDIT_CODES = {
    Action.SUBMIT: AuditCode.REPORT_SUBMITTED,
    Action.RETURN: AuditCode.REPORT_RETURNED,
    Action.APPROVE: AuditCode.REPORT_APPROVED,
    Action.REOPEN: AuditCode.REPORT_REOPENED,
}


def locked_state(report: Report) -> ReportState:
    """The report's state row, created when missing, locked for this transaction."""
    ReportState.objects.get_or_create(report=report)
    return ReportState.objects.select_for_update().get(report=report)


def move_report(report_id: int, action: Action, reason: str = "", *, actor: AnyUser) -> Status:
    """Take a workflow `action`; WorkflowError (with the reason) when it is not allowed."""
    if action not in AUDIT_CODES:
        raise ValueError(f"{action} is not a workflow step")
    with transaction.atomic():
        report = Report.objects.select_related("organisation", "period").get(pk=report_id)
        state = locked_state(report)
        before = Status(state.status)
        after = next_status(action, roles_for(actor, report.organisation), before, reason)
        state.status = after.value
        state.revision += 1
        state.save(update_fields=["status", "revision", "changed_at"])
        warm_after_commit(report.pk)
        if action in NEEDS_REASON:
            Comment.objects.create(report=report, place="", author_id=actor.pk, body=reason.strip())
        record(
            actor,
            AUDIT_CODES[action],
            report=report,
            before={"status": before.value},
            after={"status": after.value},
            reason=reason.strip(),
        )
    return after


def submit_report(report_id: int, *, actor: AnyUser) -> Status:
    return move_report(report_id, Action.SUBMIT, actor=actor)


def return_report(report_id: int, reason: str, *, actor: AnyUser) -> Status:
    return move_report(report_id, Action.RETURN, reason, actor=actor)


def approve_report(report_id: int, *, actor: AnyUser) -> Status:
    return move_report(report_id, Action.APPROVE, actor=actor)


def reopen_report(report_id: int, reason: str, *, actor: AnyUser) -> Status:
    return move_report(report_id, Action.REOPEN, reason, actor=actor)
