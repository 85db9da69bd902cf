"""Special oversight: the decision that opens a case, and the case page (action plan,
monthly follow-ups, the decision that closes it).

Reviewers and admins open and work cases; opening one is 404 to everyone else. The
organisation's own readers and writers (and municipality-wide readers) may read its
cases; posting to a case needs the reviewer or admin role (403 with the reason).
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.oversight.access import visible_organisation
from uppsikt.oversight.actions.cases import add_follow_up, close_case, open_case, record_action_plan
from uppsikt.oversight.forms import ActionPlanForm, CaseForm, CloseForm, FollowUpForm
from uppsikt.oversight.models import SpecialOversight
from uppsikt.oversight.settings_yaml import action_plan_days

STEPS = ("action_plan", "follow_up", "close")


def _add_problems(form: forms.Form, error: InvalidInput) -> None:
    for field, message in error.problems.items():
        form.add_error(field if field in form.fields else None, message)


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """Place an organisation under special oversight (reviewers and admins)."""
    organisation, scope = visible_organisation(request.user, organisation_id)
    if not scope.oversees:
        raise Http404("Organisationen finns inte.")
    if request.method == "POST":
        form = CaseForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                case = open_case(
                    organisation,
                    data["reason"],
                    data["case_number"],
                    data["decided_on"],
                    action_plan_due=data["action_plan_due"],
                    actor=request.user,
                )
            except InvalidInput as error:
                _add_problems(form, error)
            else:
                messages.success(
                    request, _("%(name)s är under särskild uppsikt.") % {"name": organisation.name}
                )
                return redirect("case_detail", case_id=case.pk)
    else:
        form = CaseForm(initial={"decided_on": date.today()})
    context = {
        "organisation": organisation,
        "form": form,
        "days": action_plan_days(organisation.municipality.oversight_rules),
        "open_cases": organisation.special_oversight.filter(closed_on__isnull=True),
    }
    return render(request, "oversight/case_new.html", context, status=400 if form.errors else 200)


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """A case: its decision, action plan, follow-ups and closing; forms for reviewers."""
    case = SpecialOversight.objects.filter(pk=case_id).first()
    if case is None:
        raise Http404("Ärendet finns inte.")
    organisation, scope = visible_organisation(request.user, case.organisation_id)
    case.organisation = organisation
    bound: dict[str, forms.Form] = {}
    if request.method == "POST":
        if not scope.oversees:
            raise PermissionDenied(
                _("Att arbeta med särskild uppsikt kräver rollen granskare eller administratör.")
            )
        step = request.POST.get("step", "")
        if step not in STEPS:
            return HttpResponse(_("Formuläret saknar steg."), status=400)
        answer = _post(request, case, step, bound)
        if answer is not None:
            return answer
    context = {
        "case": case,
        "organisation": organisation,
        "oversees": scope.oversees,
        "entries": case.entries.select_related("author").order_by("-month", "-id"),
        "action_plan_form": bound.get("action_plan")
        or ActionPlanForm(initial={"text": case.action_plan, "received_on": date.today()}),
        "follow_up_form": bound.get("follow_up") or FollowUpForm(initial={"month": date.today()}),
        "close_form": bound.get("close") or CloseForm(initial={"closed_on": date.today()}),
        "overdue": case.action_plan_received_on is None
        and case.closed_on is None
        and case.action_plan_due < date.today(),
    }
    return render(request, "oversight/case_detail.html", context, status=400 if bound else 200)


def _post(
    request: HttpRequest, case: SpecialOversight, step: str, bound: dict[str, forms.Form]
) -> HttpResponse | None:
    """Run one step; a redirect when it is saved, None (and the bound form) when not."""
    form: forms.Form
    if step == "action_plan":
        form = ActionPlanForm(request.POST)
    elif step == "follow_up":
        form = FollowUpForm(request.POST)
    else:
        form = CloseForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if step == "action_plan":
                record_action_plan(case, data["text"], data["received_on"], actor=request.user)
                done = _("Handlingsplanen är sparad.")
            elif step == "follow_up":
                add_follow_up(case, data["month"], data["body"], actor=request.user)
                done = _("Uppföljningen är sparad.")
            else:
                close_case(
                    case,
                    data["closed_on"],
                    data["closing_case_number"],
                    data["closing_motivation"],
                    actor=request.user,
                )
                done = _("Ärendet är avslutat.")
        except InvalidInput as error:
            _add_problems(form, error)
        else:
            messages.success(request, done)
            return redirect("case_detail", case_id=case.pk)
    bound[step] = form
    return None
