"""Refused saves that keep the writer's text: the report was locked while they wrote,
or someone else saved the same form first.

A POST that the report's state refuses (submitted or approved since the form was
opened) gets 409 and a page that says who locked it and when, with the writer's text in
read-only boxes to copy. A POST the user's roles refuse still gets 403.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from uppsikt.accounts.kept import kept_response
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.diff import Segment, word_diff
from uppsikt.domain.workflow import Action, Status, WorkflowError, decide
from uppsikt.reports.access import ReportAccess, access_report

LOCKING = {Status.SUBMITTED: "report.submitted", Status.APPROVED: "report.approved"}


def refused(
    request: HttpRequest, access: ReportAccess, action: Action, back_url: str
) -> HttpResponse | None:
    """None when the user may take `action` now; the locked page (409) when only the
    report's state stands in the way; PermissionDenied (403) when their roles do."""
    decision = decide(action, access.roles, access.status)
    if decision.allowed:
        return None
    if not decide(action, access.roles, Status.DRAFT).allowed:
        raise PermissionDenied(decision.reason)
    locked_by = (
        AuditEntry.objects.filter(report_id=access.report.pk, action=LOCKING[access.status])
        .order_by("-at", "-id")
        .first()
        if access.status in LOCKING
        else None
    )
    context = {
        "access": access,
        "report_row": access.report,
        "reason": decision.reason,
        "locked_by": locked_by,
        "back_url": back_url,
        "nav": "home",
    }
    return kept_response(request, "reports/locked.html", "reports/_locked.html", context, 409)


def refused_after(
    request: HttpRequest, report_id: int, action: Action, error: WorkflowError, back_url: str
) -> HttpResponse:
    """The answer to a WorkflowError from an action: the state changed after the view
    checked it (someone submitted the report in between)."""
    answer = refused(request, access_report(request.user, report_id), action, back_url)
    if answer is None:
        raise PermissionDenied(str(error)) from error
    return answer


@dataclass(frozen=True)
class ConflictField:
    """One field of a form whose stored value differs from what the writer sent."""

    label: str
    theirs: str
    yours: str

    @property
    def diff(self) -> Sequence[Segment]:
        return word_diff(self.theirs, self.yours)


def conflict_fields(
    labels: Mapping[str, str], theirs: Mapping[str, Any], yours: Mapping[str, Any]
) -> list[ConflictField]:
    """The fields, in the order of `labels`, where the stored and the sent values differ."""
    return [
        ConflictField(label, str(theirs.get(name) or ""), str(yours.get(name) or ""))
        for name, label in labels.items()
        if str(theirs.get(name) or "") != str(yours.get(name) or "")
    ]


def last_saved(report_id: int, code: str, place: str) -> AuditEntry | None:
    """The latest audit entry of `code` at `place`: who saved what the writer meets."""
    return (
        AuditEntry.objects.filter(report_id=report_id, action=code, place=place)
        .order_by("-at", "-id")
        .first()
    )
