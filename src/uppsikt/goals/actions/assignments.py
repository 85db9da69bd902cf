"""Reporting on a budget assignment: its status and the text that says how it went."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.documents.sanitise import clean_markdown
from uppsikt.domain.limits import TextKind
from uppsikt.domain.model import AssignmentStatus
from uppsikt.domain.versions import StaleEdit, version_token
from uppsikt.goals.actions.follow_ups import InvalidInput, lock_for_edit
from uppsikt.goals.models import BudgetAssignmentReport
from uppsikt.reports.revision import bump_revision
from uppsikt.reports.text_limits import length_problems

BODY_LABEL = gettext_lazy("Redovisning")


def assignment_place(key: str) -> str:
    """The place of a budget assignment's report, as the checks name it."""
    return f"budget_assignment:{key}"


def assignment_values(row: BudgetAssignmentReport) -> dict[str, JsonValue]:
    """What the assignment form edits, as stored: the input of its version token."""
    return {"status": row.status, "body": row.body}


def assignment_token(row: BudgetAssignmentReport) -> str:
    """The version token of the stored report on the assignment, for `based_on`."""
    return version_token(assignment_values(row))


def report_assignment(
    report_id: int,
    assignment_key: str,
    status: AssignmentStatus,
    body: str,
    *,
    actor: AnyUser,
    based_on: str | None = None,
) -> bool:
    """Save the report's status and text for the budget assignment; False when nothing
    changed. WorkflowError when the actor may not edit; InvalidInput for a text over the
    limit; StaleEdit when the stored values are no longer the ones `based_on` names
    (None: no check); DoesNotExist for an unknown key."""
    text = clean_markdown(body).strip()
    problems = length_problems({"body": (TextKind.ASSIGNMENT_REPORT, str(BODY_LABEL), text)})
    if problems:
        raise InvalidInput(problems)
    with transaction.atomic():
        report = lock_for_edit(actor, report_id)
        row = BudgetAssignmentReport.objects.select_for_update().get(
            report=report, assignment__key=assignment_key
        )
        before = assignment_values(row)
        after: dict[str, JsonValue] = {"status": status.value, "body": text}
        if before == after:
            return False
        if based_on is not None and version_token(before) != based_on:
            raise StaleEdit(before)
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
