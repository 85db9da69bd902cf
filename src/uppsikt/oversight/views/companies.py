"""The review of a company's year (kommunallagen 6 kap. 10 §): the documents the owner
directive asks for (received and missing), and the executive board's decision.

Reviewers and admins only; to everyone else, and for an organisation that is no
company, the page does not exist (404). A stale review save gets 409 with both versions.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from uppsikt.accounts.kept import login_keeps_text
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.model import OrganisationKind
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.domain.versions import StaleEdit
from uppsikt.economy.actions.forecasts import FIRST_YEAR, LAST_YEAR
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.oversight.access import visible_organisation
from uppsikt.oversight.actions.companies import (
    record_company_document,
    record_company_review,
    review_token,
)
from uppsikt.oversight.forms import CompanyDocumentForm, CompanyReviewForm
from uppsikt.oversight.models import CompanyDocument, CompanyReview
from uppsikt.reports.views.kept import conflict_fields

YES = {True: "ja", False: "nej"}


def _review_initial(review: CompanyReview | None) -> dict[str, object]:
    if review is None:
        return {"based_on": review_token(None)}
    return {
        "consistent_with_purpose": YES[review.consistent_with_purpose],
        "within_powers": YES[review.within_powers],
        "motivation": review.motivation,
        "basis": review.basis,
        "case_number": review.case_number,
        "decided_on": review.decided_on,
        "based_on": review_token(review),
    }


@login_keeps_text()
@require_http_methods(["GET", "POST"])
def company_review(request: HttpRequest, organisation_id: int, year: int) -> HttpResponse:
    """Documents received, those missing, and the review form of one company's year."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("Året finns inte.")
    organisation, scope = visible_organisation(request.user, organisation_id)
    if not scope.oversees or organisation.kind != OrganisationKind.COMPANY.value:
        raise Http404("Sidan finns inte.")
    review = CompanyReview.objects.filter(organisation=organisation, year=year).first()
    document_form = CompanyDocumentForm()
    review_form = CompanyReviewForm(initial=_review_initial(review))
    conflict: dict[str, object] = {}
    if request.method == "POST":
        if request.POST.get("step") == "document":
            document_form = CompanyDocumentForm(request.POST)
            if document_form.is_valid():
                data = document_form.cleaned_data
                try:
                    record_company_document(
                        organisation,
                        year,
                        CompanyDocumentKind(data["kind"]),
                        data["received_on"],
                        data["reference"],
                        actor=request.user,
                    )
                except InvalidInput as error:
                    for field, message in error.problems.items():
                        document_form.add_error(
                            field if field in document_form.fields else None, message
                        )
                else:
                    messages.success(request, _("Dokumentet är registrerat."))
                    return redirect("company_review", organisation_id=organisation.pk, year=year)
        else:
            review_form = CompanyReviewForm(request.POST)
            if review_form.is_valid():
                data = review_form.cleaned_data
                try:
                    record_company_review(
                        organisation,
                        year,
                        data["consistent_with_purpose"] == "ja",
                        data["within_powers"] == "ja",
                        data["basis"],
                        data["motivation"],
                        data["case_number"],
                        data["decided_on"],
                        actor=request.user,
                        expected_version=data["based_on"],
                    )
                except InvalidInput as error:
                    for field, message in error.problems.items():
                        review_form.add_error(
                            field if field in review_form.fields else None, message
                        )
                except StaleEdit as stale:
                    conflict = _conflict(organisation.key, year, review_form, stale)
                    fresh = CompanyReview.objects.filter(
                        organisation=organisation, year=year
                    ).first()
                    review_form = CompanyReviewForm(
                        initial={
                            **{name: request.POST.get(name, "") for name in review_form.fields},
                            "based_on": review_token(fresh),
                        }
                    )
                else:
                    messages.success(request, _("Prövningen är sparad."))
                    return redirect("company_review", organisation_id=organisation.pk, year=year)
            elif "based_on" in review_form.errors:
                return HttpResponse(_("Formuläret saknar versionsnummer."), status=400)
    documents = {
        row.kind: row
        for row in CompanyDocument.objects.filter(organisation=organisation, year=year)
    }
    context = {
        "organisation": organisation,
        "year": year,
        "review": review,
        "documents": [(kind, documents.get(kind.value)) for kind in CompanyDocumentKind],
        "missing": [kind for kind in CompanyDocumentKind if kind.value not in documents],
        "document_form": document_form,
        "form": review_form,
        **conflict,
    }
    failed = document_form.errors or review_form.errors
    status = 409 if conflict else 400 if failed else 200
    return render(request, "oversight/company_review.html", context, status=status)


def _conflict(key: str, year: int, form: CompanyReviewForm, stale: StaleEdit) -> dict[str, object]:
    names = (
        "consistent_with_purpose",
        "within_powers",
        "motivation",
        "basis",
        "case_number",
        "decided_on",
    )
    labels = {name: str(form.fields[name].label) for name in names}
    shown = {True: _("Ja"), False: _("Nej")}
    theirs = {
        name: shown[value] if isinstance(value, bool) else value
        for name, value in stale.stored.items()
    }
    data = form.cleaned_data
    yours = {
        name: (_("Ja") if data[name] == "ja" else _("Nej"))
        if name in ("consistent_with_purpose", "within_powers")
        else (data[name].isoformat() if name == "decided_on" else data[name])
        for name in names
    }
    saved_by = (
        AuditEntry.objects.filter(action="company.reviewed", place=f"company_review:{key}:{year}")
        .order_by("-at", "-id")
        .first()
    )
    return {"conflict_fields": conflict_fields(labels, theirs, yours), "saved_by": saved_by}
