"""The company review (6 kap. 10 §) and the company's documents, as actions and on the page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from factories import OrganisationFactory
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.model import OrganisationKind
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.domain.versions import StaleEdit
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.oversight.actions.companies import (
    NotACompany,
    record_company_document,
    record_company_review,
    review_token,
)
from uppsikt.oversight.models import CompanyDocument, CompanyReview

ClientAs = Callable[[str], Client]


@pytest.fixture
def company(users: dict[str, User]) -> Organisation:
    return OrganisationFactory.create(
        municipality=Municipality.objects.get(key="malmo"),
        key="malmo-hamn",
        name="Malmö Hamn AB",
        kind=OrganisationKind.COMPANY.value,
    )


def review(company: Organisation, user: User, **changes: Any) -> CompanyReview:
    values: dict[str, Any] = {
        "consistent_with_purpose": True,
        "within_powers": True,
        "basis": "Årsredovisning, revisionsberättelse.",
        "motivation": "",
        "case_number": "STK-2026-100",
        "decided_on": date(2026, 4, 20),
    }
    values.update(changes)
    expected = values.pop("expected_version", None)
    return record_company_review(company, 2025, **values, actor=user, expected_version=expected)


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_a_review_is_stored_and_updated_with_what_it_said_before(
    company: Organisation, users: dict[str, User]
) -> None:
    first = review(company, users["granskare"])
    review(
        company,
        users["granskare"],
        within_powers=False,
        motivation="Bolaget har bedrivit verksamhet utanför ändamålet.",
        expected_version=review_token(first),
    )

    stored = CompanyReview.objects.get()
    assert stored.within_powers is False
    entries = AuditEntry.objects.filter(action="company.reviewed").order_by("id")
    assert entries[0].before is None
    assert entries[1].before["within_powers"] is True  # type: ignore[index]


def test_a_no_needs_a_motivation(company: Organisation, users: dict[str, User]) -> None:
    with pytest.raises(InvalidInput) as error:
        review(company, users["granskare"], consistent_with_purpose=False)
    assert "motivering" in error.value.problems["motivation"]


def test_a_stale_review_is_refused(company: Organisation, users: dict[str, User]) -> None:
    seen = review_token(None)
    review(company, users["granskare"])
    with pytest.raises(StaleEdit):
        review(company, users["admin"], case_number="STK-2026-101", expected_version=seen)
    assert CompanyReview.objects.get().case_number == "STK-2026-100"


def test_only_companies_are_reviewed(users: dict[str, User]) -> None:
    board = Organisation.objects.get(key="kommunstyrelsen")
    with pytest.raises(NotACompany):
        review(board, users["granskare"])
    with pytest.raises(NotACompany):
        record_company_document(
            board,
            2025,
            CompanyDocumentKind.ANNUAL_REPORT,
            date(2026, 3, 1),
            "",
            actor=users["granskare"],
        )


def test_a_received_document_is_registered_once_per_kind(
    company: Organisation, users: dict[str, User]
) -> None:
    kind = CompanyDocumentKind.AUDIT_REPORT
    record_company_document(
        company, 2025, kind, date(2026, 3, 1), "STK-2026-5", actor=users["granskare"]
    )
    record_company_document(
        company, 2025, kind, date(2026, 3, 2), "STK-2026-6", actor=users["granskare"]
    )
    assert CompanyDocument.objects.get().reference == "STK-2026-6"
    assert AuditEntry.objects.filter(action="company.document_received").count() == 2


def test_the_reviewer_registers_a_document_and_reviews_on_the_page(
    company: Organisation, client_as: ClientAs
) -> None:
    client = client_as("granskare")
    url = reverse("company_review", args=[company.pk, 2025])
    shown = client.get(url)
    content = shown.content.decode()
    assert shown.status_code == 200
    assert "Årsredovisning" in content and "Revisionsberättelse" in content and "Saknas" in content

    registered = post(
        client,
        url,
        {
            "step": "document",
            "kind": "annual_report",
            "received_on": "2026-03-15",
            "reference": "STK-2026-7",
        },
    )
    refused = post(
        client,
        url,
        {
            "step": "review",
            "consistent_with_purpose": "ja",
            "within_powers": "nej",
            "motivation": "",
            "basis": "Mitt underlag",
            "case_number": "STK-2026-100",
            "decided_on": "2026-04-20",
            "based_on": shown.context["form"].initial["based_on"],
        },
    )
    saved = post(
        client,
        url,
        {
            "step": "review",
            "consistent_with_purpose": "ja",
            "within_powers": "ja",
            "motivation": "",
            "basis": "Årsredovisning",
            "case_number": "STK-2026-100",
            "decided_on": "2026-04-20",
            "based_on": shown.context["form"].initial["based_on"],
        },
    )

    assert registered.status_code == 302
    assert refused.status_code == 400 and "Mitt underlag" in refused.content.decode()
    assert saved.status_code == 302
    assert CompanyReview.objects.get().within_powers is True
    after = client.get(url).content.decode()
    assert "Verksamhetsplan" in after and "STK-2026-7" in after


def test_a_stale_review_on_the_page_gets_409(
    company: Organisation, client_as: ClientAs, users: dict[str, User]
) -> None:
    client = client_as("granskare")
    url = reverse("company_review", args=[company.pk, 2025])
    token = client.get(url).context["form"].initial["based_on"]
    review(company, users["admin"])

    answer = post(
        client,
        url,
        {
            "step": "review",
            "consistent_with_purpose": "ja",
            "within_powers": "ja",
            "motivation": "",
            "basis": "Annat",
            "case_number": "STK-2026-200",
            "decided_on": "2026-04-21",
            "based_on": token,
        },
    )

    assert answer.status_code == 409
    assert "STK-2026-100" in answer.content.decode() and "STK-2026-200" in answer.content.decode()


@pytest.mark.parametrize("username", ["skribent", "lasare", "skribent-annan"])
def test_the_review_page_is_for_reviewers_and_admins(
    company: Organisation, client_as: ClientAs, username: str
) -> None:
    assert (
        client_as(username).get(reverse("company_review", args=[company.pk, 2025])).status_code
        == 404
    )


def test_a_board_has_no_review_page(client_as: ClientAs) -> None:
    board = Organisation.objects.get(key="kommunstyrelsen")
    assert (
        client_as("granskare").get(reverse("company_review", args=[board.pk, 2025])).status_code
        == 404
    )
