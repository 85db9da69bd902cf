"""The organisation page: report, goals, economy with its history chart and accuracy,
assignments, signals, special oversight, company documents and review; and who sees it."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from factories import MunicipalityFactory
from oversight.economy_factory import economy_year, organisation
from uppsikt.domain.oversight.model import CompanyDocumentKind, SignalLevel
from uppsikt.organisations.models import Organisation
from uppsikt.oversight.models import (
    Comment,
    CompanyDocument,
    SignalRecord,
    SpecialOversight,
    SpecialOversightEntry,
)
from uppsikt.oversight.templatetags.economy_tags import optional_url
from uppsikt.reports.models import Period, Report

ClientAs = Callable[[str], Client]


@pytest.fixture
def period(report_id: int) -> Period:
    return Report.objects.get(pk=report_id).period


@pytest.fixture
def orgs(period: Period) -> dict[str, Organisation]:
    return economy_year()


def url(period: Period, organisation: Organisation) -> str:
    return reverse("oversight_organisation", args=[period.pk, organisation.pk])


def page(client: Client, period: Period, organisation: Organisation) -> str:
    response = client.get(url(period, organisation))
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_executive_boards_page_for_a_reviewer(
    client_as: ClientAs, period: Period, orgs: dict[str, Organisation], report_id: int
) -> None:
    ks = orgs["ks"]
    Comment.objects.create(report_id=report_id, place="", body="Fråga")
    html = page(client_as("granskare"), period, ks)
    assert "<h1>Kommunstyrelsen" in html and "Stadskontoret" in html
    assert reverse("report", args=[report_id]) in html
    assert "1 obesvarad kommentar" in html
    # goals of the demo report, with the assessment as symbol and text
    assert "Bedömning för året" in html and ("Uppnåtts" in html or "Delvis uppnåtts" in html)
    # economy: forecasts by month, the history chart and the accuracy against the outcome
    assert "Prognoser per månad" in html and "augusti" in html and "Månad 8" in html
    assert 'role="img"' in html and "Prognoshistorik 2025, Kommunstyrelsen" in html
    assert "Delårsrapportens prognos" in html
    # the August forecast 512 Mkr against the outcome 510 Mkr: 2 000 tkr, 0,4 %
    assert '<td class="num">2\u00a0000</td><td class="num">0,4\u00a0%</td>' in html
    assert "Budgetuppdrag" in html
    assert "Organisationen står inte under särskild uppsikt." in html


def test_signals_and_cases_open_ones_first(
    client_as: ClientAs, period: Period, orgs: dict[str, Organisation]
) -> None:
    ks = orgs["ks"]
    now = timezone.now()
    SignalRecord.objects.create(
        period=period,
        organisation=ks,
        rule="forecast_deficit",
        level=SignalLevel.SERIOUS.value,
        message="Prognosen visar underskott på 12,0 Mkr",
        first_seen=now,
        last_seen=now,
    )
    SignalRecord.objects.create(
        period=period,
        organisation=ks,
        rule="late",
        level=SignalLevel.NOTICE.value,
        message="Rapporten var sen",
        first_seen=now,
        last_seen=now,
        cleared_at=now,
    )
    closed = SpecialOversight.objects.create(
        organisation=ks,
        reason="Gammalt underskott",
        case_number="STK-2023-1",
        decided_on=datetime.date(2023, 3, 1),
        action_plan_due=datetime.date(2023, 3, 31),
        closed_on=datetime.date(2024, 1, 10),
    )
    open_case = SpecialOversight.objects.create(
        organisation=ks,
        reason="Växande underskott",
        case_number="STK-2025-1363",
        decided_on=datetime.date(2025, 9, 15),
        action_plan_due=datetime.date(2025, 10, 15),
    )
    SpecialOversightEntry.objects.create(
        case=open_case, month=datetime.date(2025, 10, 1), body="Handlingsplanen är försenad."
    )
    html = page(client_as("granskare"), period, ks)
    assert html.index("Prognosen visar underskott") < html.index("Rapporten var sen")
    assert "Allvarlig:" in html and "■" in html and "upphörde" in html
    assert html.index("STK-2025-1363") < html.index(closed.case_number)
    assert "Handlingsplanen är försenad." in html and "inte inkommen" in html


def test_a_company_shows_its_documents_and_the_missing_review(
    client_as: ClientAs, period: Period, orgs: dict[str, Organisation]
) -> None:
    mkb = orgs["mkb"]
    CompanyDocument.objects.create(
        organisation=mkb,
        year=2025,
        kind=CompanyDocumentKind.ANNUAL_REPORT.value,
        received_on=datetime.date(2026, 3, 20),
        reference="STK-2026-12",
    )
    html = page(client_as("granskare"), period, mkb)
    assert "Årsredovisning" in html and "STK-2026-12" in html
    assert "Revisionsberättelse" in html and "Saknas" in html
    assert "Ingen prövning för året ännu." in html


def test_a_board_has_no_company_section(
    client_as: ClientAs, period: Period, orgs: dict[str, Organisation]
) -> None:
    assert "Bolagets dokument" not in page(client_as("granskare"), period, orgs["sbn"])


def test_another_boards_writer_sees_its_own_page_and_404_for_the_rest(
    client_as: ClientAs, period: Period, orgs: dict[str, Organisation]
) -> None:
    other = client_as("skribent-annan")
    assert "Stadsbyggnadsnämnden" in page(other, period, orgs["sbn"])
    for key in ("ks", "mkb"):
        got = other.get(url(period, orgs[key]))
        assert got.status_code == 404
        assert b"Kommunstyrelsen" not in got.content


def test_an_organisation_of_another_municipality_is_404(
    client_as: ClientAs, period: Period, users: dict[str, User]
) -> None:
    lund = organisation(MunicipalityFactory.create(key="lund"), "kommunstyrelsen")
    assert client_as("granskare").get(url(period, lund)).status_code == 404


def test_links_to_pages_that_do_not_exist_yet_are_left_out() -> None:
    assert optional_url("no_such_page", 1, 2025) == ""
    assert optional_url("oversight_economy", 7) == reverse("oversight_economy", args=[7])


def test_the_organisation_page_speaks_english_to_an_english_browser(
    swedish_afterwards: None, client_as: ClientAs, period: Period, orgs: dict[str, Organisation]
) -> None:
    response = client_as("granskare").get(url(period, orgs["mkb"]), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "Forecasts by month" in html and "Company" in html and "Annual report" in html
    assert "0 unanswered comments" in html or "no report" in html


@pytest.fixture
def swedish_afterwards() -> Iterator[None]:
    # LocaleMiddleware leaves the request's language active for the thread.
    yield
    translation.deactivate()
