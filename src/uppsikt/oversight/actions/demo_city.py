"""Loading the demo city's oversight data: everything of `uppsikt demo`'s city that is not
a report (the reports are imported one by one, the ordinary way, before this runs).

One transaction, one audit row. Running it again replaces the demo's own rows (forecasts
from the demo, the outcomes, rounds, company documents and reviews of the plan's years,
the plan's special oversight cases), so the database holds the same content after every
run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from uppsikt.accounts.access import AnyUser
from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.demo.city.model import CityPlan, ReportKey
from uppsikt.domain.model import PeriodKind
from uppsikt.domain.oversight.model import ForecastSource
from uppsikt.domain.workflow import Status
from uppsikt.economy.models import Forecast, Outcome
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.oversight.models import (
    CompanyDocument,
    CompanyReview,
    ReportingRound,
    RoundMember,
    SpecialOversight,
    SpecialOversightEntry,
)
from uppsikt.reports.models import Period, Report, ReportState


@dataclass(frozen=True)
class DemoCityLoaded:
    """What was written, counted (the audit row says the same)."""

    rounds: int
    members: int
    forecasts: int
    outcomes: int
    company_documents: int
    company_reviews: int
    cases: int
    statuses: int

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def load_demo_city(plan: CityPlan, *, actor: AnyUser | None) -> DemoCityLoaded:
    """Store the plan's periods' deadlines, rounds, forecasts, outcomes, company documents
    and reviews, special oversight and the reports' statuses (`actor` None: the system).
    Reports the plan names but the database lacks are left out of their round's links."""
    with transaction.atomic():
        municipality = Municipality.objects.select_for_update().get(key=plan.municipality)
        organisations = {o.key: o for o in Organisation.objects.filter(municipality=municipality)}
        periods = _periods(municipality, plan)
        reports = _reports(periods)
        members = _rounds(plan, periods, organisations, reports)
        forecasts, outcomes = _economy(plan, organisations)
        documents, reviews = _companies(plan, organisations)
        cases = _cases(plan, organisations)
        statuses = _statuses(plan, reports)
        loaded = DemoCityLoaded(
            len(plan.rounds), members, forecasts, outcomes, documents, reviews, cases, statuses
        )
        record(
            actor,
            AuditCode.DEMO_CITY_LOADED,
            municipality_id=municipality.pk,
            after={"seed": plan.seed, **loaded.as_dict()},
        )
    return loaded


def _user_id(actor: AnyUser | None) -> int | None:
    return actor.pk if actor is not None and actor.is_authenticated else None


def _periods(municipality: Municipality, plan: CityPlan) -> dict[tuple[int, PeriodKind], Period]:
    periods = {}
    for round_plan in plan.rounds:
        period, _ = Period.objects.get_or_create(
            municipality=municipality, year=round_plan.year, kind=round_plan.kind.value
        )
        period.deadline = round_plan.deadline
        periods[(round_plan.year, round_plan.kind)] = period
    Period.objects.bulk_update(list(periods.values()), ["deadline"])
    return periods


def _reports(periods: dict[tuple[int, PeriodKind], Period]) -> dict[ReportKey, int]:
    by_id = {period.pk: key for key, period in periods.items()}
    rows = Report.objects.filter(period__in=list(periods.values())).values_list(
        "pk", "organisation__key", "period_id"
    )
    return {(key, *by_id[period_id]): pk for pk, key, period_id in rows}


def _rounds(
    plan: CityPlan,
    periods: dict[tuple[int, PeriodKind], Period],
    organisations: dict[str, Organisation],
    reports: dict[ReportKey, int],
) -> int:
    ReportingRound.objects.filter(period__in=list(periods.values())).delete()
    rounds = ReportingRound.objects.bulk_create(
        ReportingRound(period=periods[(r.year, r.kind)]) for r in plan.rounds
    )
    members = [
        RoundMember(
            round=round_row,
            organisation=organisations[key],
            report_id=reports.get((key, r.year, r.kind)),
            deadline=deadline,
        )
        for round_row, r in zip(rounds, plan.rounds, strict=True)
        for key, deadline in r.members
    ]
    RoundMember.objects.bulk_create(members)
    return len(members)


def _economy(plan: CityPlan, organisations: dict[str, Organisation]) -> tuple[int, int]:
    years = sorted({economy.year for economy in plan.economy})
    ids = [organisations[economy.organisation].pk for economy in plan.economy]
    Forecast.objects.filter(
        organisation_id__in=ids, year__in=years, source=ForecastSource.DEMO.value
    ).delete()
    Outcome.objects.filter(organisation_id__in=ids, year__in=years).delete()
    forecasts = Forecast.objects.bulk_create(
        Forecast(
            organisation=organisations[economy.organisation],
            year=economy.year,
            month=forecast.month,
            net_cost=forecast.net_cost,
            allocation=forecast.allocation,
            comment=forecast.comment,
            source=ForecastSource.DEMO.value,
        )
        for economy in plan.economy
        for forecast in economy.forecasts
    )
    outcomes = Outcome.objects.bulk_create(
        Outcome(
            organisation=organisations[economy.organisation],
            year=economy.year,
            allocation=economy.allocation,
            net_cost=economy.outcome,
            source=ForecastSource.DEMO.value,
        )
        for economy in plan.economy
    )
    return len(forecasts), len(outcomes)


def _companies(plan: CityPlan, organisations: dict[str, Organisation]) -> tuple[int, int]:
    years = sorted({economy.year for economy in plan.economy})
    companies = {d.organisation for d in plan.company_documents} | {
        r.organisation for r in plan.company_reviews
    }
    ids = [organisations[key].pk for key in companies]
    CompanyDocument.objects.filter(organisation_id__in=ids, year__in=years).delete()
    CompanyReview.objects.filter(organisation_id__in=ids, year__in=years).delete()
    documents = CompanyDocument.objects.bulk_create(
        CompanyDocument(
            organisation=organisations[d.organisation],
            year=d.year,
            kind=d.kind.value,
            received_on=d.received_on,
            reference=d.reference,
        )
        for d in plan.company_documents
    )
    reviews = CompanyReview.objects.bulk_create(
        CompanyReview(
            organisation=organisations[r.organisation],
            year=r.year,
            consistent_with_purpose=r.consistent_with_purpose,
            within_powers=r.within_powers,
            basis=r.basis,
            motivation=r.motivation,
            case_number=r.case_number,
            decided_on=r.decided_on,
        )
        for r in plan.company_reviews
    )
    return len(documents), len(reviews)


def _cases(plan: CityPlan, organisations: dict[str, Organisation]) -> int:
    SpecialOversight.objects.filter(
        organisation__in=list(organisations.values()),
        case_number__in=[case.case_number for case in plan.cases],
    ).delete()
    rows = SpecialOversight.objects.bulk_create(
        SpecialOversight(
            organisation=organisations[case.organisation],
            reason=case.reason,
            case_number=case.case_number,
            decided_on=case.decided_on,
            action_plan_due=case.action_plan_due,
            action_plan=case.action_plan,
            action_plan_received_on=case.action_plan_received_on,
        )
        for case in plan.cases
    )
    SpecialOversightEntry.objects.bulk_create(
        SpecialOversightEntry(case=row, month=entry.month, body=entry.body)
        for row, case in zip(rows, plan.cases, strict=True)
        for entry in case.entries
    )
    return len(rows)


def _statuses(plan: CityPlan, reports: dict[ReportKey, int]) -> int:
    """Put each stored report of the plan in its status (the reports were imported as
    drafts); the revision moves on, so cached pages show the new status."""
    wanted: defaultdict[Status, list[int]] = defaultdict(list)
    for key, status in plan.statuses:
        if key in reports:
            wanted[status].append(reports[key])
    ids = [pk for group in wanted.values() for pk in group]
    have = set(ReportState.objects.filter(report_id__in=ids).values_list("report_id", flat=True))
    ReportState.objects.bulk_create(ReportState(report_id=pk) for pk in ids if pk not in have)
    for status, group in wanted.items():
        ReportState.objects.filter(report_id__in=group).update(
            status=status.value, revision=F("revision") + 1
        )
    return len(ids)
