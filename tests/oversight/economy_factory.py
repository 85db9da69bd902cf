"""Test data for the economy pages: organisations, a period, Forecast and Outcome rows.

The demo report (`conftest.report_id`) already stores Malmö's 19 reporting organisations
and the annual analysis 2025; `economy_year` gives some of them a year of forecasts.
"""

from __future__ import annotations

from django.contrib.auth.models import User

from factories import MunicipalityFactory, OrganisationFactory
from uppsikt.domain.model import OrganisationKind, PeriodKind
from uppsikt.economy.models import Forecast, Outcome
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.reports.models import Period

MILLION = 1_000_000


def organisation(
    municipality: Municipality, key: str, kind: OrganisationKind = OrganisationKind.BOARD
) -> Organisation:
    return OrganisationFactory.create(
        municipality=municipality, key=key, name=key.capitalize(), kind=kind.value
    )


def period(
    municipality: Municipality, year: int, kind: PeriodKind = PeriodKind.ANNUAL_ANALYSIS
) -> Period:
    found, _ = Period.objects.get_or_create(municipality=municipality, year=year, kind=kind.value)
    return found


def forecast(
    organisation: Organisation,
    year: int,
    month: int,
    net_cost: int,
    allocation: int,
    comment: str = "",
    author: User | None = None,
) -> Forecast:
    return Forecast.objects.create(
        organisation=organisation,
        year=year,
        month=month,
        net_cost=net_cost,
        allocation=allocation,
        comment=comment,
        author=author,
    )


def outcome(organisation: Organisation, year: int, net_cost: int, allocation: int) -> Outcome:
    return Outcome.objects.create(
        organisation=organisation, year=year, net_cost=net_cost, allocation=allocation
    )


def economy_year(municipality_key: str = "malmo", year: int = 2025) -> dict[str, Organisation]:
    """Kommunstyrelsen with a growing deficit and an outcome, Stadsbyggnadsnämnden with a
    surplus, MKB with a stable small deficit; the other organisations have no figures."""
    municipality = MunicipalityFactory.create(key=municipality_key)
    ks = organisation(municipality, "kommunstyrelsen", OrganisationKind.EXECUTIVE_BOARD)
    sbn = organisation(municipality, "stadsbyggnadsnamnden")
    mkb = organisation(municipality, "mkb-fastighets-ab", OrganisationKind.COMPANY)
    for month, deficit in ((2, 1), (4, 5), (8, 12)):
        forecast(ks, year, month, (500 + deficit) * MILLION, 500 * MILLION, f"Månad {month}")
    outcome(ks, year, 510 * MILLION, 500 * MILLION)
    for month in (2, 4, 8):
        forecast(sbn, year, month, 90 * MILLION - month * 100_000, 100 * MILLION)
    for month in (4, 8):
        forecast(mkb, year, month, 201 * MILLION, 200 * MILLION)
    return {"ks": ks, "sbn": sbn, "mkb": mkb}
