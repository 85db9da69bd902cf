"""Goals and budget: the assessment of each goal, budget assignments, variance texts.

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
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.checks import CheckSettings
from uppsikt.domain.lacks import variance_rows
from uppsikt.domain.money import Unit, format_with_unit
from uppsikt.domain.versions import StaleEdit
from uppsikt.domain.workflow import Action, WorkflowError
from uppsikt.economy.actions.variances import Explanation, explain_variances, explanation_token
from uppsikt.economy.models.figures import FigureRow
from uppsikt.goals.actions.assignments import BODY_LABEL, assignment_place, report_assignment
from uppsikt.goals.actions.follow_ups import FIELD_LABELS, InvalidInput, record_assessment
from uppsikt.goals.forms import (
    AssessmentForm,
    AssignmentForm,
    VarianceForm,
    variance_field,
    variance_token_field,
)
from uppsikt.goals.models import BudgetAssignmentReport, GoalFollowUp
from uppsikt.oversight.lacks import checked_report
from uppsikt.reports.access import ReportAccess, access_report
from uppsikt.reports.places import section_places
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


def _context(access: ReportAccess, **extra: object) -> dict[str, object]:
    return {
        "access": access,
        "report_row": access.report,
        "editable": access.can(Action.EDIT),
        "nav": "home",
        **extra,
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
        _context(access, form=form, follow_up=row, contributions=contributions, **conflict),
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
        _context(access, form=form, entry=row, **conflict),
        status=409 if conflict else 400 if form.errors else 200,
    )


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def variances(request: HttpRequest, report_id: int) -> HttpResponse:
    """Every budget-area variance above the report's threshold, with its explanation."""
    access = access_report(request.user, report_id)
    if request.method == "POST":
        here = reverse("variances", args=[report_id])
        if (answer := refused(request, access, Action.EDIT, here)) is not None:
            return answer
    report, _findings = checked_report(access)
    rows = variance_rows(report)
    # Rows the ledger adds are not stored in the report, so there is nowhere to write.
    stored = set(
        FigureRow.objects.filter(
            table__report=access.report, table__key__in={row.table for row in rows}
        ).values_list("table__key", "key")
    )
    editable_rows = [row for row in rows if (row.table, row.row) in stored]
    ledger_only = [row for row in rows if (row.table, row.row) not in stored]
    conflict: dict[str, object] = {}
    if request.method == "POST":
        form = VarianceForm(editable_rows, request.POST)
        if form.is_valid():
            explanations = form.explanations()
            try:
                changed = explain_variances(report_id, explanations, actor=request.user)
            except WorkflowError as error:
                return refused_after(request, report_id, Action.EDIT, error, here)
            except InvalidInput as error:
                form.add_error(None, str(error))
            except StaleEdit as stale:
                conflict, form = _variance_conflict(report_id, form, explanations, stale)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d förklaring är sparad.",
                        "%(count)d förklaringar är sparade.",
                        changed,
                    )
                    % {"count": changed}
                    if changed
                    else _("Inget var ändrat."),
                )
                return redirect("variances", report_id=report_id)
    else:
        form = VarianceForm(editable_rows)
    context = _context(
        access,
        **conflict,
        form=form,
        ledger_only=ledger_only,
        unexplained=sum(1 for row in rows if not row.explained),
        threshold=format_with_unit(
            CheckSettings.for_report(report).explanation_threshold_kr, Unit.TKR
        ),
    )
    status = 409 if conflict else 400 if form.errors else 200
    return render(request, "economy/variances.html", context, status=status)


def _variance_conflict(
    report_id: int, form: VarianceForm, given: list[Explanation], stale: StaleEdit
) -> tuple[dict[str, object], VarianceForm]:
    """The conflict's rows to compare, and the form again: the writer's text on every
    row they changed, the stored text on every other, each with the stored text's token."""
    by_place = {item.place: (row, item) for row, item in zip(form.rows, given, strict=True)}
    initial: dict[str, str] = {}
    for place, (row, item) in by_place.items():
        stored = str(stale.stored.get(place) or "")
        unchanged = item.based_on == explanation_token(item.text)
        initial[variance_field(row)] = stored if unchanged else item.text
        initial[variance_token_field(row)] = explanation_token(stored)
    labels = {
        place: str(form.fields[variance_field(row)].label)
        for place, (row, _) in by_place.items()
        if place in stale.stale
    }
    yours = {place: item.text for place, (_, item) in by_place.items()}
    saved_by = (
        AuditEntry.objects.filter(
            report_id=report_id, action="variance.explained", place__in=sorted(stale.stale)
        )
        .order_by("-at", "-id")
        .first()
    )
    conflict: dict[str, object] = {
        "conflict_fields": conflict_fields(labels, stale.stored, yours),
        "saved_by": saved_by,
    }
    return conflict, VarianceForm(form.rows, initial=initial)
