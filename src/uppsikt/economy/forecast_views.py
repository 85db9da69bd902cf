"""The forecast page of an organisation's year: enter a month's full-year forecast, see
every month's versions, the forecast history chart and the accuracy against the outcome.

The organisation's readers, writers, reviewers and admins read it (everyone else: 404);
writing needs the writer role for the organisation, or reviewer or admin (403 with the
reason otherwise). A save based on an older version than the newest gets 409 with both.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.calendar import MONTH_NAMES
from uppsikt.domain.money import format_number
from uppsikt.domain.versions import StaleEdit
from uppsikt.economy.actions.forecasts import (
    FIRST_YEAR,
    LAST_YEAR,
    forecast_token,
    newest_forecast,
    record_forecast,
)
from uppsikt.economy.forecast_forms import ForecastForm
from uppsikt.economy.forecast_pages import forecast_year
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.organisations.models import Organisation
from uppsikt.oversight.access import OversightScope, visible_organisation
from uppsikt.reports.views.kept import conflict_fields

MONTH_PARAMETER = "manad"


def may_write(scope: OversightScope, organisation: Organisation) -> bool:
    """Whether the user may enter forecasts for the organisation."""
    return scope.oversees or organisation.pk in scope.writes


def _chosen_month(request: HttpRequest, year: int) -> int:
    """The month the form is for: ?manad=, else this month in this year, else December."""
    given = request.GET.get(MONTH_PARAMETER, "")
    if given.isdigit() and 1 <= int(given) <= 12:
        return int(given)
    today = date.today()
    return today.month if today.year == year else 12


def _initial(organisation: Organisation, year: int, month: int) -> dict[str, Any]:
    current = newest_forecast(organisation.pk, year, month)
    initial: dict[str, Any] = {"month": month, "based_on": forecast_token(current)}
    if current is not None:
        initial |= {
            "net_cost": format_number(current.net_cost),
            "allocation": format_number(current.allocation),
            "comment": current.comment,
        }
    else:  # the allocation rarely changes: start from the latest forecast's
        earlier = (
            organisation.forecasts.filter(year=year)
            .order_by("-month", "-created_at", "-id")
            .first()
        )
        if earlier is not None:
            initial["allocation"] = format_number(earlier.allocation)
    return initial


def _url(organisation: Organisation, year: int, month: int | None = None) -> str:
    url = reverse("forecast_entry", args=[organisation.pk, year])
    return f"{url}?{MONTH_PARAMETER}={month}" if month else url


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def forecast_entry(request: HttpRequest, organisation_id: int, year: int) -> HttpResponse:
    """The organisation's forecasts of the year, and the form for one month's forecast."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("Året finns inte.")
    organisation, scope = visible_organisation(request.user, organisation_id)
    writer = may_write(scope, organisation)
    conflict: dict[str, object] = {}
    month = _chosen_month(request, year)
    form: ForecastForm | None = None
    if request.method == "POST":
        if not writer:
            raise PermissionDenied(
                _(
                    "Att lämna prognos för %(organisation)s kräver rollen skribent för "
                    "organisationen, granskare eller administratör."
                )
                % {"organisation": organisation.name}
            )
        form = ForecastForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            month = data["month"]
            try:
                record_forecast(
                    organisation,
                    year,
                    month,
                    data["net_cost"],
                    data["allocation"],
                    data["comment"],
                    actor=request.user,
                    expected_version=data["based_on"],
                )
            except InvalidInput as error:
                for field, message in error.problems.items():
                    form.add_error(field if field in form.fields else None, message)
            except StaleEdit as stale:
                conflict = _conflict(organisation, year, month, form, stale)
                form = ForecastForm(
                    initial={
                        **{name: request.POST.get(name, "") for name in form.fields},
                        "based_on": forecast_token(newest_forecast(organisation.pk, year, month)),
                    }
                )
            else:
                messages.success(
                    request,
                    _("Prognosen för %(month)s är sparad.") % {"month": MONTH_NAMES[month - 1]},
                )
                return redirect(_url(organisation, year, month) + "#history-heading")
        elif "based_on" in form.errors:
            return HttpResponse(_("Formuläret saknar versionsnummer."), status=400)
        elif "month" not in form.errors:
            month = form.cleaned_data.get("month", month)
    if writer and form is None:
        form = ForecastForm(initial=_initial(organisation, year, month))
    shown = forecast_year(organisation, year)
    context = {
        "organisation": organisation,
        "year": year,
        "month": month,
        "month_name": MONTH_NAMES[month - 1],
        "months": [(number, name.capitalize()) for number, name in enumerate(MONTH_NAMES, 1)],
        "form": form,
        "writer": writer,
        "shown": shown,
        "latest": shown.latest,
        **conflict,
    }
    status = 409 if conflict else 400 if form is not None and form.errors else 200
    return render(request, "economy/forecasts.html", context, status=status)


def _conflict(
    organisation: Organisation, year: int, month: int, form: ForecastForm, stale: StaleEdit
) -> dict[str, object]:
    """Both versions, field by field: the newest stored and what the writer sent."""
    labels = {name: str(form.fields[name].label) for name in ("net_cost", "allocation", "comment")}
    theirs = {
        name: format_number(value) if isinstance(value, int) else value
        for name, value in stale.stored.items()
    }
    data = form.cleaned_data
    yours = {
        "net_cost": format_number(data["net_cost"]),
        "allocation": format_number(data["allocation"]),
        "comment": data["comment"],
    }
    saved_by = (
        AuditEntry.objects.filter(
            action="forecast.recorded",
            place=f"forecast:{organisation.key}:{year}-{month:02d}",
        )
        .order_by("-at", "-id")
        .first()
    )
    return {"conflict_fields": conflict_fields(labels, theirs, yours), "saved_by": saved_by}
