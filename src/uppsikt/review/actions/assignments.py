"""Reporting on a budget assignment: its status and the text that says how it went."""

from __future__ import annotations

from django.db import transaction

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.model import AssignmentStatus
from uppsikt.goals.models import BudgetAssignmentReport
from uppsikt.goals.actions.follow_ups import lock_for_edit
from uppsikt.reports.revision import bump_revision
from uppsikt.documents.sanitise import clean_markdown


def assignment_place(key: str) -> str:
    """The place of a budget assignment's report, as the checks name it."""
    return f"budget_assignment:{key}"


def report_assignment(
    report_id: int, assignment_key: str, status: AssignmentStatus, body: str, *, actor: AnyUser
) -> bool:
    """Save the report's status and text for the budget assignment; False when nothing
    changed. WorkflowError when the actor may not edit; DoesNotExist for an unknown key."""
    text = clean_markdown(body).strip()
    with transaction.atomic():
        report = lock_for_edit(actor, report_id)
        row = BudgetAssignmentReport.objects.select_for_update().get(
            report=report, assignment__key=assignment_key
        )
        before = {"status": row.status, "body": row.body}
        after = {"status": status.value, "body": text}
        if before == after:
            return False
        row.status, row.body = status.value, text
        row.save(update_fields=["status", "body"])
        bump_revision(report)
        changed = sorted(key for key in after if after[key] != before[key])
        record(
            actor,
            AuditCode.ASSIGNMENT_REPORTED,
            report=report,
            place=assignment_place(assignment_key),
            before={key: before[key] for key in changed},
            after={key: after[key] for key in changed},
        )
    return True
