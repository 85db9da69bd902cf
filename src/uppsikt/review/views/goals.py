"""Goals and budget: the assessment of each goal, budget assignments, variance texts.

Everyone who may read the report sees these pages; only writers of a draft get forms
(Action.EDIT), and a POST without that right is refused with 403 and the reason.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from uppsikt.domain.checks import CheckSettings
from uppsikt.domain.lacks import variance_rows
from uppsikt.domain.money import Unit, format_with_unit
from uppsikt.domain.workflow import Action, WorkflowError
from uppsikt.economy.models.figures import FigureRow
from uppsikt.goals.models import BudgetAssignmentReport, GoalFollowUp
from uppsikt.reports.access import ReportAccess, access_report
from uppsikt.goals.actions.assignments import report_assignment
from uppsikt.goals.actions.follow_ups import InvalidInput, record_assessment
from uppsikt.economy.actions.variances import explain_variances
from uppsikt.goals.forms import AssessmentForm, AssignmentForm, VarianceForm
from uppsikt.oversight.lacks import checked_report
from uppsikt.reports.places import section_places


def _access(request: HttpRequest, report_id: int) -> ReportAccess:
    need = Action.EDIT if request.method == "POST" else Action.READ
    return access_report(request.user, report_id, need=need)


def _hub(report_id: int, anchor: str) -> str:
    return f"{reverse('report', args=[report_id])}#{anchor}"


def _context(access: ReportAccess, **extra: object) -> dict[str, object]:
    return {
        "access": access,
        "report_row": access.report,
        "editable": access.can(Action.EDIT),
        "nav": "home",
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, report_id: int, goal_key: str) -> HttpResponse:
    """The assessment of one council goal: scale, term outlook, motivations."""
    access = _access(request, report_id)
    row = get_object_or_404(
        GoalFollowUp.objects.select_related("goal__goal_area"),
        report=access.report,
        goal__key=goal_key,
    )
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        if form.is_valid():
            try:
                changed = record_assessment(
                    report_id, goal_key, form.assessment(), actor=request.user
                )
            except WorkflowError as error:
                raise PermissionDenied(str(error)) from error
            except InvalidInput as error:  # the text was only markup, which was removed
                for field, message in error.problems.items():
                    form.add_error(field, message)
            else:
                messages.success(
                    request,
                    _("Bedömningen är sparad.") if changed else _("Inget var ändrat."),
                )
                return redirect(_hub(report_id, "goals-heading"))
    else:
        form = AssessmentForm(initial=AssessmentForm.initial_from(row))
    report, _findings = checked_report(access)
    prefix = f"follow_up:{goal_key}/section:"
    contributions = [place for place in section_places(report) if place.place.startswith(prefix)]
    return render(
        request,
        "goals/goal_edit.html",
        _context(access, form=form, follow_up=row, contributions=contributions),
        status=200 if not form.errors else 400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, report_id: int, assignment_key: str) -> HttpResponse:
    """The report's status and text for one budget assignment."""
    access = _access(request, report_id)
    row = get_object_or_404(
        BudgetAssignmentReport.objects.select_related("assignment__responsible"),
        report=access.report,
        assignment__key=assignment_key,
    )
    if request.method == "POST":
        form = AssignmentForm(request.POST)
        if form.is_valid():
            try:
                changed = report_assignment(
                    report_id,
                    assignment_key,
                    form.status_value(),
                    form.cleaned_data["body"],
                    actor=request.user,
                )
            except WorkflowError as error:
                raise PermissionDenied(str(error)) from error
            messages.success(
                request,
                _("Redovisningen är sparad.") if changed else _("Inget var ändrat."),
            )
            return redirect(_hub(report_id, "assignments-heading"))
    else:
        form = AssignmentForm(initial=AssignmentForm.initial_from(row))
    return render(
        request,
        "goals/assignment_edit.html",
        _context(access, form=form, entry=row),
        status=200 if not form.errors else 400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def variances(request: HttpRequest, report_id: int) -> HttpResponse:
    """Every budget-area variance above the report's threshold, with its explanation."""
    access = _access(request, report_id)
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
    if request.method == "POST":
        form = VarianceForm(editable_rows, request.POST)
        if form.is_valid():
            try:
                changed = explain_variances(report_id, form.explanations(), actor=request.user)
            except WorkflowError as error:
                raise PermissionDenied(str(error)) from error
            except InvalidInput as error:
                form.add_error(None, str(error))
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
        form=form,
        ledger_only=ledger_only,
        unexplained=sum(1 for row in rows if not row.explained),
        threshold=format_with_unit(
            CheckSettings.for_report(report).explanation_threshold_kr, Unit.TKR
        ),
    )
    return render(request, "economy/variances.html", context, status=200 if not form.errors else 400)
