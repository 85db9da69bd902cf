"""The economy's pages: the explanations of budget-area variances above the threshold.

Rows the ledger adds are shown but cannot be explained here (they are not stored in the
report); a stale save gets the conflict page with both texts, as every edit form does.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.checks import CheckSettings
from uppsikt.domain.lacks import variances_to_explain
from uppsikt.domain.money import Unit, format_with_unit
from uppsikt.domain.versions import StaleEdit
from uppsikt.domain.workflow import Action, WorkflowError
from uppsikt.economy.actions.variances import Explanation, explain_variances, explanation_token
from uppsikt.economy.forms import VarianceForm, variance_field, variance_token_field
from uppsikt.economy.models.figures import FigureRow
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.oversight.lacks import checked_report
from uppsikt.reports.access import access_report
from uppsikt.reports.views.context import edit_context
from uppsikt.reports.views.kept import conflict_fields, refused, refused_after


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
    rows = variances_to_explain(report)
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
    context = edit_context(
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
            report_id=report_id, action="variance.explained", after__has_any_keys=stale.stale
        )
        .order_by("-at", "-id")
        .first()
    )
    conflict: dict[str, object] = {
        "conflict_fields": conflict_fields(labels, stale.stored, yours),
        "saved_by": saved_by,
    }
    return conflict, VarianceForm(form.rows, initial=initial)
