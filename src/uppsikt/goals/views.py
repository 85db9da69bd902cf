"""Goals: the follow-up and assessment of each goal, and the budget assignments' reports.

Everyone who may read the report sees these pages; only writers of a draft get forms
(Action.EDIT). A POST without that role is refused with 403 and the reason; a POST to a
report that was submitted or approved meanwhile gets 409 with the writer's text kept.
Each form carries the version token of what it showed: a save based on anything older
gets 409 with both values and the form again, filled in with the writer's values.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.domain.versions import StaleEdit
from uppsikt.domain.workflow import Action, WorkflowError
from uppsikt.goals.actions.assignments import BODY_LABEL, assignment_place, report_assignment
from uppsikt.goals.actions.follow_ups import FIELD_LABELS, InvalidInput, record_assessment
from uppsikt.goals.forms import (
    AssessmentForm,
    AssignmentForm,
)
from uppsikt.goals.models import BudgetAssignmentReport, GoalFollowUp
from uppsikt.oversight.lacks import checked_report
from uppsikt.reports.access import access_report
from uppsikt.reports.places import section_places
from uppsikt.reports.views.context import edit_context
from uppsikt.reports.views.kept import conflict_fields, last_saved, refused, refused_after


def _no_token() -> HttpResponse:
    return HttpResponse(_("Formuläret saknar versionsnummer."), status=400)


def _hub(report_id: int, anchor: str) -> str:
    return f"{reverse('report', args=[report_id])}#{anchor}"


def _goal_url(report_id: int, goal_key: str) -> str:
    return reverse("goal_edit", args=[report_id, goal_key])


def _assignment_url(report_id: int, assignment_key: str) -> str:
    return reverse("assignment_edit", args=[report_id, assignment_key])


def _shown(form: forms.Form, values: dict[str, Any]) -> dict[str, str]:
    """`values` as the form shows them: a choice by its label, not its stored value."""
    shown = {}
    for name, value in values.items():
        field = form.fields.get(name)
        choices = dict(getattr(field, "choices", ()) or ()) if field is not None else {}
        shown[name] = str(choices.get(value, value) if value else "")
    return shown


def _conflict(
    form: forms.Form,
    labels: dict[str, Any],
    stale: StaleEdit,
    yours: dict[str, Any],
    saved_by: object,
) -> dict[str, object]:
    return {
        "conflict_fields": conflict_fields(
            {name: str(label) for name, label in labels.items()},
            _shown(form, stale.stored),
            _shown(form, yours),
        ),
        "saved_by": saved_by,
    }


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, report_id: int, goal_key: str) -> HttpResponse:
    """The assessment of one council goal: scale, term outlook, motivations."""
    access = access_report(request.user, report_id)
    row = get_object_or_404(
        GoalFollowUp.objects.select_related("goal__goal_area"),
        report=access.report,
        goal__key=goal_key,
    )
    conflict: dict[str, object] = {}
    if request.method == "POST":
        here = _goal_url(report_id, goal_key)
        if (answer := refused(request, access, Action.EDIT, here)) is not None:
            return answer
        form = AssessmentForm(request.POST)
        if form.is_valid():
            try:
                changed = record_assessment(
                    report_id,
                    goal_key,
                    form.assessment(),
                    actor=request.user,
                    based_on=form.cleaned_data["based_on"],
                )
            except WorkflowError as error:
                return refused_after(request, report_id, Action.EDIT, error, here)
            except InvalidInput as error:  # the text was only markup, which was removed
                for field, message in error.problems.items():
                    form.add_error(field, message)
            except StaleEdit as stale:
                yours = {**form.cleaned_data, "based_on": stale.token}
                saved_by = last_saved(report_id, "goal.assessed", f"follow_up:{goal_key}")
                conflict = _conflict(form, FIELD_LABELS, stale, yours, saved_by)
                form = AssessmentForm(initial=yours)
            else:
                messages.success(
                    request,
                    _("Bedömningen är sparad.") if changed else _("Inget var ändrat."),
                )
                return redirect(_hub(report_id, "goals-heading"))
        elif "based_on" in form.errors:
            return _no_token()
    else:
        form = AssessmentForm(initial=AssessmentForm.initial_from(row))
    report, _findings = checked_report(access)
    prefix = f"follow_up:{goal_key}/section:"
    contributions = [place for place in section_places(report) if place.place.startswith(prefix)]
    return render(
        request,
        "goals/goal_edit.html",
        edit_context(access, form=form, follow_up=row, contributions=contributions, **conflict),
        status=409 if conflict else 400 if form.errors else 200,
    )


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, report_id: int, assignment_key: str) -> HttpResponse:
    """The report's status and text for one budget assignment."""
    access = access_report(request.user, report_id)
    row = get_object_or_404(
        BudgetAssignmentReport.objects.select_related("assignment__responsible"),
        report=access.report,
        assignment__key=assignment_key,
    )
    conflict: dict[str, object] = {}
    if request.method == "POST":
        here = _assignment_url(report_id, assignment_key)
        if (answer := refused(request, access, Action.EDIT, here)) is not None:
            return answer
        form = AssignmentForm(request.POST)
        if form.is_valid():
            try:
                changed = report_assignment(
                    report_id,
                    assignment_key,
                    form.status_value(),
                    form.cleaned_data["body"],
                    actor=request.user,
                    based_on=form.cleaned_data["based_on"],
                )
            except WorkflowError as error:
                return refused_after(request, report_id, Action.EDIT, error, here)
            except InvalidInput as error:
                for field, message in error.problems.items():
                    form.add_error(field, message)
            except StaleEdit as stale:
                yours = {**form.cleaned_data, "based_on": stale.token}
                labels = {"status": _("Status"), "body": BODY_LABEL}
                saved_by = last_saved(
                    report_id, "assignment.reported", assignment_place(assignment_key)
                )
                conflict = _conflict(form, labels, stale, yours, saved_by)
                form = AssignmentForm(initial=yours)
            else:
                messages.success(
                    request,
                    _("Redovisningen är sparad.") if changed else _("Inget var ändrat."),
                )
                return redirect(_hub(report_id, "assignments-heading"))
        elif "based_on" in form.errors:
            return _no_token()
    else:
        form = AssignmentForm(initial=AssignmentForm.initial_from(row))
    return render(
        request,
        "goals/assignment_edit.html",
        edit_context(access, form=form, entry=row, **conflict),
        status=409 if conflict else 400 if form.errors else 200,
    )
