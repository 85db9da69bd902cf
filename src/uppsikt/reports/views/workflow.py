"""Workflow steps from the report's hub: submit, return, approve, reopen."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.documents.sanitise import clean_markdown
from uppsikt.domain.limits import TextKind
from uppsikt.domain.workflow import NEEDS_REASON, Action, WorkflowError, decide
from uppsikt.reports.access import ReportAccess, access_report
from uppsikt.reports.actions.workflow import move_report
from uppsikt.reports.text_limits import length_problems

STEPS = {
    "submit": Action.SUBMIT,
    "return": Action.RETURN,
    "approve": Action.APPROVE,
    "reopen": Action.REOPEN,
}


def _done(action: Action) -> str:
    return {
        Action.SUBMIT: _("Rapporten är klarmarkerad och skickad till granskning."),
        Action.RETURN: _("Rapporten är tillbakaskickad till skribenterna med din kommentar."),
        Action.APPROVE: _("Rapporten är godkänd och låst."),
        Action.REOPEN: _("Rapporten är öppnad igen och är nu ett utkast."),
    }[action]


def _missing_reason(action: Action) -> str:
    # Whole sentences, not the domain's Swedish verb spliced in, so that they translate.
    return {
        Action.RETURN: _(
            "Skriv en motivering i fältet ”Motivering” när du vill skicka tillbaka rapporten."
        ),
        Action.REOPEN: _(
            "Skriv en motivering i fältet ”Motivering” när du vill öppna igen rapporten."
        ),
    }[action]


def _report_url(report_id: int, **_ignored: object) -> str:
    return reverse("report", args=[report_id])


@login_keeps_text(back=_report_url)
@require_POST
def report_action(request: HttpRequest, report_id: int, action: str) -> HttpResponse:
    """Take one workflow step; back to the hub with a message saying what happened."""
    step = STEPS.get(action)
    if step is None:
        raise Http404("Okänt steg.")
    access = access_report(request.user, report_id)
    decision = decide(step, access.roles, access.status)
    if not decision.allowed:
        raise PermissionDenied(decision.reason)
    reason = request.POST.get("reason", "")
    if step in NEEDS_REASON:
        reason = clean_markdown(reason).strip()
        if not reason:
            messages.error(request, _missing_reason(step))
            return redirect("report", report_id=report_id)
        problems = length_problems({"reason": (TextKind.REASON, _("Motivering"), reason)})
        if problems:
            return _reason_form(request, access, action, reason, problems["reason"])
    try:
        move_report(report_id, step, reason, actor=request.user)
    except WorkflowError as error:
        # The state changed since the page was shown (someone else took a step).
        messages.error(request, str(error))
        return redirect("report", report_id=report_id)
    messages.success(request, _done(step))
    return redirect("report", report_id=report_id)


def _reason_form(
    request: HttpRequest, access: ReportAccess, action: str, reason: str, error: str
) -> HttpResponse:
    """The step's form again with the reason as written and what is wrong with it."""
    context = {
        "access": access,
        "report_row": access.report,
        "step": action,
        "reason": reason,
        "error": error,
        "nav": "home",
    }
    return render(request, "reports/reason_form.html", context, status=400)
