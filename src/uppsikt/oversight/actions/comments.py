"""Comment threads: one per section of a report, and one for the report as a whole.

Writers, reviewers and admins may comment while a report is a draft or submitted
(Action.COMMENT). Writers and reviewers may mark a comment as answered: the writer when
the text is fixed, the reviewer when satisfied. Comments are not report content, so
they do not move the report's revision.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from uppsikt.accounts.access import AnyUser, roles_for
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.documents.sanitise import clean_markdown
from uppsikt.domain.limits import TextKind
from uppsikt.domain.workflow import Action, Role, Status, WorkflowError, decide
from uppsikt.oversight.models import Comment
from uppsikt.reports.actions.sections import InvalidText
from uppsikt.reports.actions.workflow import locked_state
from uppsikt.reports.models import Report
from uppsikt.reports.places import section_row
from uppsikt.reports.text_limits import length_problems

RESOLVERS = frozenset({Role.WRITER, Role.REVIEWER})


def _report_for_comment(user: AnyUser, report_id: int) -> tuple[Report, frozenset[Role]]:
    """The report, its state locked, if `user` may comment on it now (else WorkflowError)."""
    report = Report.objects.select_related("organisation__municipality", "period").get(pk=report_id)
    state = locked_state(report)
    roles = roles_for(user, report.organisation)
    decision = decide(Action.COMMENT, roles, Status(state.status))
    if not decision.allowed:
        raise WorkflowError(decision.reason)
    return report, roles


def add_comment(report_id: int, place: str, body: str, *, actor: AnyUser) -> Comment:
    """Add a comment to the thread of `place` ("" for the report as a whole).

    WorkflowError when the actor may not comment now; InvalidText when the comment is
    empty (after removing markup) or too long; ValueError for a place the report lacks."""
    text = clean_markdown(body).strip()
    if not text:
        raise InvalidText({"body": _("Skriv en kommentar innan du skickar den.")})
    problems = length_problems({"body": (TextKind.COMMENT, _("Ny kommentar"), text)})
    if problems:
        raise InvalidText(problems)
    with transaction.atomic():
        report, _roles = _report_for_comment(actor, report_id)
        if place and section_row(report_id, place) is None:
            raise ValueError(f"Rapporten har inget avsnitt {place}.")
        comment = Comment.objects.create(report=report, place=place, author_id=actor.pk, body=text)
        record(
            actor,
            AuditCode.COMMENT_ADDED,
            report=report,
            place=place,
            after={"comment": comment.pk, "body": text},
        )
    return comment


def resolve_comment(report_id: int, comment_id: int, *, actor: AnyUser) -> Comment:
    """Mark a comment as answered (nothing happens when it already is).

    WorkflowError when the actor may not comment now or is neither writer nor reviewer;
    Comment.DoesNotExist when the report has no such comment."""
    with transaction.atomic():
        report, roles = _report_for_comment(actor, report_id)
        if not roles & RESOLVERS:
            raise WorkflowError(
                _("Att markera en kommentar som besvarad kräver rollen skribent eller granskare.")
            )
        comment = Comment.objects.select_for_update().get(pk=comment_id, report=report)
        if comment.resolved_at is not None:
            return comment
        comment.resolved_at = timezone.now()
        comment.resolved_by_id = actor.pk
        comment.save(update_fields=["resolved_at", "resolved_by"])
        record(
            actor,
            AuditCode.COMMENT_RESOLVED,
            report=report,
            place=comment.place,
            before={"comment": comment.pk, "resolved": False},
            after={"comment": comment.pk, "resolved": True},
        )
    return comment
