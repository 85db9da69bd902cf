"""The yearly review of each municipal company (kommunallagen 6 kap. 10 §) and the
documents the owner directive asks of it. Only organisations of kind company are
reviewed; a review is updated only from the version the form showed."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import JsonValue, record
from uppsikt.audit.codes import AuditCode
from uppsikt.domain.limits import TextKind
from uppsikt.domain.model import OrganisationKind
from uppsikt.domain.oversight.cases import normalise_case_number
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.domain.versions import StaleEdit, version_token
from uppsikt.economy.actions.forecasts import FIRST_YEAR, LAST_YEAR
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.organisations.models import Organisation
from uppsikt.oversight.actions.cases import case_number_problem, future_problem
from uppsikt.oversight.models import CompanyDocument, CompanyReview
from uppsikt.reports.text_limits import length_problems


class NotACompany(ValueError):
    """Only a company's activity is reviewed under 6 kap. 10 §."""


def review_values(row: CompanyReview | None) -> dict[str, JsonValue]:
    """What a review says (empty for none): the input of its version token."""
    if row is None:
        return {}
    return {
        "consistent_with_purpose": row.consistent_with_purpose,
        "within_powers": row.within_powers,
        "basis": row.basis,
        "motivation": row.motivation,
        "case_number": row.case_number,
        "decided_on": row.decided_on.isoformat(),
    }


def review_token(row: CompanyReview | None) -> str:
    """The version token of the stored review (or of none), for the form."""
    return version_token(review_values(row))


def _company(organisation: Organisation) -> None:
    if organisation.kind != OrganisationKind.COMPANY.value:
        raise NotACompany(
            _("%(name)s är inget bolag; prövningen enligt 6 kap. 10 § gäller bara bolag.")
            % {"name": organisation.name}
        )


def _year_problem(year: int) -> str | None:
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return _("Året måste vara mellan %(first)d och %(last)d.") % {
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }


def record_company_review(
    organisation: Organisation,
    year: int,
    consistent_with_purpose: bool,
    within_powers: bool,
    basis: str,
    motivation: str,
    case_number: str,
    decided_on: date,
    *,
    actor: AnyUser,
    expected_version: str | None = None,
) -> CompanyReview:
    """Store the executive board's decision on one company's year.

    NotACompany for any other organisation; InvalidInput names each wrong field (a
    motivation is required when either answer is no); StaleEdit when the stored review is
    not the one `expected_version` names."""
    _company(organisation)
    basis, motivation = basis.strip(), motivation.strip()
    problems = {
        "year": _year_problem(year),
        "case_number": case_number_problem(case_number, _("Ärendenummer")),
        "decided_on": future_problem(decided_on, _("Beslutsdatum")),
        "motivation": (
            _("Skriv en motivering: den krävs när något av svaren är nej.")
            if not motivation and not (consistent_with_purpose and within_powers)
            else None
        ),
        **length_problems(
            {
                "basis": (TextKind.MOTIVATION, _("Underlag"), basis),
                "motivation": (TextKind.MOTIVATION, _("Motivering"), motivation),
            }
        ),
    }
    found = {field: message for field, message in problems.items() if message}
    if found:
        raise InvalidInput(found)
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        current = CompanyReview.objects.filter(organisation=organisation, year=year).first()
        if expected_version is not None and expected_version != review_token(current):
            raise StaleEdit(review_values(current) or {"case_number": None})
        before = review_values(current) or None
        row, _created = CompanyReview.objects.update_or_create(
            organisation=organisation,
            year=year,
            defaults={
                "consistent_with_purpose": consistent_with_purpose,
                "within_powers": within_powers,
                "basis": basis,
                "motivation": motivation,
                "case_number": normalise_case_number(case_number),
                "decided_on": decided_on,
            },
        )
        record(
            actor,
            AuditCode.COMPANY_REVIEWED,
            municipality_id=organisation.municipality_id,
            place=f"company_review:{organisation.key}:{year}",
            before=before,
            after=review_values(row),
        )
    return row


def record_company_document(
    organisation: Organisation,
    year: int,
    kind: CompanyDocumentKind,
    received_on: date,
    reference: str,
    *,
    actor: AnyUser,
) -> CompanyDocument:
    """Register that a required document of the company's year arrived (a second
    registration of the same kind replaces the date and reference)."""
    _company(organisation)
    reference = reference.strip()
    problems = {
        "year": _year_problem(year),
        "received_on": future_problem(received_on, _("Inkom")),
        **length_problems(
            {"reference": (TextKind.HEADING, _("Diarienummer eller länk"), reference)}
        ),
    }
    found = {field: message for field, message in problems.items() if message}
    if found:
        raise InvalidInput(found)
    with transaction.atomic():
        existing = (
            CompanyDocument.objects.select_for_update()
            .filter(organisation=organisation, year=year, kind=kind.value)
            .first()
        )
        before: JsonValue = (
            {"received_on": existing.received_on.isoformat(), "reference": existing.reference}
            if existing is not None
            else None
        )
        row, _created = CompanyDocument.objects.update_or_create(
            organisation=organisation,
            year=year,
            kind=kind.value,
            defaults={"received_on": received_on, "reference": reference},
        )
        record(
            actor,
            AuditCode.COMPANY_DOCUMENT_RECEIVED,
            municipality_id=organisation.municipality_id,
            place=f"company_document:{organisation.key}:{year}:{kind.value}",
            before=before,
            after={
                "kind": kind.value,
                "received_on": received_on.isoformat(),
                "reference": reference,
            },
        )
    return row
