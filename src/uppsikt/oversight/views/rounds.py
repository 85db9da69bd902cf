"""The round pages: a period's round per organisation (deadlines, status, reminders) and
the form that opens a round. For reviewers and admins of the municipality; everyone
else meets a 404, as if the pages did not exist.

A deadline form carries the version token of the deadline it showed: a save based on an
older one gets 409 with both dates and the form again, filled in with the user's date.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from uppsikt.accounts.models import Membership
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.model import PeriodKind
from uppsikt.domain.oversight.rounds import MemberStatus
from uppsikt.domain.versions import StaleEdit
from uppsikt.domain.workflow import Role
from uppsikt.organisations.models import Municipality
from uppsikt.oversight.access import overseen_period
from uppsikt.oversight.actions.reminders import send_reminders, swedish_date
from uppsikt.oversight.actions.rounds import (
    RoundRefused,
    deadline_token,
    open_round,
    set_deadline,
)
from uppsikt.oversight.models import RoundMember
from uppsikt.oversight.round_forms import DeadlineForm, OpenRoundForm
from uppsikt.oversight.rounds import period_round, round_status
from uppsikt.oversight.snapshots import reporting_organisations
from uppsikt.reports.models import Period
from uppsikt.reports.views.kept import conflict_fields


def _deadline_forms(
    statuses: list[MemberStatus], replaced: dict[int, DeadlineForm]
) -> dict[int, DeadlineForm]:
    """A deadline form per member: the one given in `replaced`, else a fresh one."""
    return {
        s.member_id: replaced.get(s.member_id)
        or DeadlineForm(
            initial={
                "member": s.member_id,
                "deadline": s.deadline,
                "based_on": deadline_token(s.deadline),
            },
            auto_id=f"m{s.member_id}-%s",
        )
        for s in statuses
    }


@login_required
@require_http_methods(["GET", "POST"])
def round_page(request: HttpRequest, period_id: int) -> HttpResponse:
    """The round of one period, with a deadline form per organisation and reminders."""
    period, _scope = overseen_period(request.user, period_id)
    today = timezone.localdate()
    replaced: dict[int, DeadlineForm] = {}
    failed = False
    conflict: dict[str, object] = {}
    if request.method == "POST":
        if period_round(period) is None:
            raise Http404("Perioden har ingen omgång.")
        if request.POST.get("do") == "remind":
            sent = send_reminders(period, today=today, actor=request.user)
            if sent:
                messages.success(
                    request, _("%(count)d påminnelser skickade.") % {"count": len(sent)}
                )
            else:
                messages.success(request, _("Inga påminnelser förföll i dag."))
            return redirect("oversight_round", period_id=period.pk)
        posted = DeadlineForm(request.POST, auto_id=f"m{request.POST.get('member', '')}-%s")
        if not posted.is_valid():
            failed = True
            if "based_on" in posted.errors or "member" in posted.errors:
                return HttpResponse(_("Formuläret saknar versionsnummer."), status=400)
            replaced[int(posted.data["member"])] = posted
        else:
            member = RoundMember.objects.filter(
                pk=posted.cleaned_data["member"], round__period=period
            ).first()
            if member is None:
                raise Http404("Organisationen är inte med i omgången.")
            try:
                changed = set_deadline(
                    member.pk,
                    posted.cleaned_data["deadline"],
                    actor=request.user,
                    based_on=posted.cleaned_data["based_on"],
                )
            except StaleEdit as stale:
                stored = date.fromisoformat(str(stale.stored["deadline"]))
                yours = posted.cleaned_data["deadline"]
                conflict = {
                    "conflict_fields": conflict_fields(
                        {"deadline": _("Sista dag")},
                        {"deadline": swedish_date(stored)},
                        {"deadline": swedish_date(yours)},
                    ),
                    "saved_by": AuditEntry.objects.filter(
                        action="round.deadline_set",
                        place__endswith=f"/organisation:{member.organisation.key}",
                        place__startswith=f"period:{period.pk}/",
                    )
                    .order_by("-at", "-id")
                    .first(),
                }
                replaced[member.pk] = DeadlineForm(
                    initial={
                        "member": member.pk,
                        "deadline": yours,
                        "based_on": deadline_token(stored),
                    },
                    auto_id=f"m{member.pk}-%s",
                )
            else:
                name = member.organisation.name
                messages.success(
                    request,
                    _("Sista dag för %(name)s är ändrad.") % {"name": name}
                    if changed
                    else _("Inget var ändrat."),
                )
                return redirect("oversight_round", period_id=period.pk)
    statuses = round_status(period, today)
    forms = _deadline_forms(statuses, replaced)
    rows = [(status, forms[status.member_id]) for status in statuses]
    context = {
        "period": period,
        "round": period_round(period),
        "rows": rows,
        "late": sum(1 for s in statuses if s.late),
        "today": today,
        "nav": "overview",
        **conflict,
    }
    status = 409 if conflict else 400 if failed else 200
    return render(request, "oversight/round.html", context, status=status)


def _overseen_municipalities(request: HttpRequest) -> list[Municipality]:
    ids = Membership.objects.filter(
        user_id=request.user.pk or 0,
        organisation__isnull=True,
        role__in=[Role.REVIEWER.value, Role.ADMIN.value],
    ).values_list("municipality_id", flat=True)
    return list(Municipality.objects.filter(pk__in=list(ids)).order_by("name"))


@login_required
@require_http_methods(["GET", "POST"])
def round_open(request: HttpRequest) -> HttpResponse:
    """Open a round: year, period, deadline, reminder days and organisations."""
    municipalities = _overseen_municipalities(request)
    if not municipalities:
        raise Http404("Sidan finns inte.")
    chosen = request.POST.get("kommun") or request.GET.get("kommun")
    municipality = next((m for m in municipalities if m.key == chosen), municipalities[0])
    organisations = reporting_organisations(municipality)
    if request.method == "POST":
        form = OpenRoundForm(request.POST, organisations=organisations)
        if form.is_valid():
            data = form.cleaned_data
            kind = PeriodKind(data["kind"])
            try:
                opened = open_round(
                    municipality.key,
                    data["year"],
                    kind,
                    deadline=data["deadline"],
                    organisations=data["organisations"],
                    remind_before=data["remind_before"],
                    remind_late_every=data["remind_late_every"],
                    actor=request.user,
                )
            except RoundRefused as error:
                exists = Period.objects.filter(
                    municipality=municipality,
                    year=data["year"],
                    kind=kind.value,
                    round__isnull=False,
                ).exists()
                form.add_error("kind" if exists else None, str(error))
            else:
                messages.success(
                    request,
                    _("Omgången är öppnad för %(count)d organisationer.")
                    % {"count": len(data["organisations"])},
                )
                return redirect("oversight_round", period_id=opened.period_id)
    else:
        form = OpenRoundForm(organisations=organisations)
    context = {
        "form": form,
        "municipality": municipality,
        "municipalities": municipalities,
        "action": reverse("round_open"),
        "nav": "overview",
    }
    return render(request, "oversight/round_open.html", context, status=400 if form.errors else 200)
