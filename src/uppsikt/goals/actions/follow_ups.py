"""Recording a goal's assessment: the yearly scale, the term outlook and their motivations."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from uppsikt.accounts.access import AnyUser, roles_for
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.documents.sanitise import clean_markdown
from uppsikt.domain.limits import TextKind
from uppsikt.domain.model import Assessment, TermOutlook
from uppsikt.domain.versions import StaleEdit, version_token
from uppsikt.domain.workflow import Action, Status, WorkflowError, decide
from uppsikt.goals.models import GoalFollowUp
from uppsikt.reports.actions.workflow import locked_state
from uppsikt.reports.models import Report
from uppsikt.reports.revision import bump_revision
from uppsikt.reports.text_limits import length_problems

# Labels of the form's fields, used in messages so that each names its field.
FIELD_LABELS = {
    "intro": gettext_lazy("Inledning"),
    "year_assessment": gettext_lazy("Bedömning för året"),
    "year_motivation": gettext_lazy("Motivering för året"),
    "term_outlook": gettext_lazy("Förväntad förflyttning under mandatperioden"),
    "term_motivation": gettext_lazy("Motivering för mandatperioden"),
}


class InvalidInput(ValueError):
    """Input that breaks a rule; `problems` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class AssessmentInput:
    """What the assessment form says about one goal follow-up."""

    year_assessment: Assessment | None
    year_motivation: str
    term_outlook: TermOutlook | None
    term_motivation: str
    intro: str = ""


TEXT_KINDS = {
    "intro": TextKind.INTRO,
    "year_motivation": TextKind.MOTIVATION,
    "term_motivation": TextKind.MOTIVATION,
}


def assessment_problems(given: AssessmentInput) -> dict[str, str]:
    """Field → message for each rule `given` breaks: a choice needs its motivation, and
    no text may be longer than the limit of its kind."""
    problems = length_problems(
        {
            field: (kind, str(FIELD_LABELS[field]), getattr(given, field))
            for field, kind in TEXT_KINDS.items()
        }
    )
    if (
        given.year_assessment is not None
        and not given.year_motivation.strip()
        and "year_motivation" not in problems
    ):
        problems["year_motivation"] = _(
            "Fyll i ”%(field)s”: en bedömning behöver en motivering som säger vad den baseras på."
        ) % {"field": FIELD_LABELS["year_motivation"]}
    if given.term_outlook is not None and not given.term_motivation.strip():
        problems["term_motivation"] = _(
            "Fyll i ”%(field)s”: den förväntade förflyttningen behöver en motivering."
        ) % {"field": FIELD_LABELS["term_motivation"]}
    return problems


def lock_for_edit(user: AnyUser, report_id: int) -> Report:
    """The report, with its state locked for this transaction, if `user` may edit it now;
    WorkflowError saying why not otherwise. Call inside `transaction.atomic()`."""
    report = Report.objects.select_related("organisation", "period").get(pk=report_id)
    state = locked_state(report)
    decision = decide(Action.EDIT, roles_for(user, report.organisation), Status(state.status))
    if not decision.allowed:
        raise WorkflowError(decision.reason)
    return report


def assessment_values(row: GoalFollowUp) -> dict[str, JsonValue]:
    """What the assessment form edits, as stored: the input of its version token."""
    return {
        "intro": row.intro,
        "year_assessment": row.year_assessment,
        "year_motivation": row.year_motivation,
        "term_outlook": row.term_outlook,
        "term_motivation": row.term_motivation,
    }


def assessment_token(row: GoalFollowUp) -> str:
    """The version token of the stored assessment, for the form's `based_on`."""
    return version_token(assessment_values(row))


def record_assessment(
    report_id: int,
    goal_key: str,
    given: AssessmentInput,
    *,
    actor: AnyUser,
    based_on: str | None = None,
) -> bool:
    """Save the assessment of the report's follow-up of `goal_key`; False when nothing
    changed. WorkflowError when the actor may not edit; InvalidInput when a rule is broken
    (nothing is saved then); StaleEdit when the stored assessment is no longer the one
    `based_on` names (None: no check, for callers that are not forms);
    GoalFollowUp.DoesNotExist for an unknown goal."""
    cleaned = AssessmentInput(
        year_assessment=given.year_assessment,
        year_motivation=clean_markdown(given.year_motivation).strip(),
        term_outlook=given.term_outlook,
        term_motivation=clean_markdown(given.term_motivation).strip(),
        intro=clean_markdown(given.intro).strip(),
    )
    problems = assessment_problems(cleaned)
    if problems:
        raise InvalidInput(problems)
    with transaction.atomic():
        report = lock_for_edit(actor, report_id)
        row = GoalFollowUp.objects.select_for_update().get(report=report, goal__key=goal_key)
        before = assessment_values(row)
        row.intro = cleaned.intro
        row.year_assessment = cleaned.year_assessment.value if cleaned.year_assessment else ""
        row.year_motivation = cleaned.year_motivation
        row.term_outlook = cleaned.term_outlook.value if cleaned.term_outlook else ""
        row.term_motivation = cleaned.term_motivation
        after = assessment_values(row)
        if after == before:
            return False
        if based_on is not None and version_token(before) != based_on:
            raise StaleEdit(before)
        row.save(
            update_fields=[
                "intro",
                "year_assessment",
                "year_motivation",
                "term_outlook",
                "term_motivation",
            ]
        )
        bump_revision(report)
        changed = {key for key in after if after[key] != before[key]}
        record(
            actor,
            AuditCode.GOAL_ASSESSED,
            report=report,
            place=f"follow_up:{goal_key}",
            before={key: before[key] for key in sorted(changed)},
            after={key: after[key] for key in sorted(changed)},
        )
    return True
