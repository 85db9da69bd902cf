"""The demo city as plain data: what `generate_city` returns and the demo stores.

Reports are the domain's own `Report`s; everything else the oversight reads about the city
(forecasts, outcomes, statuses, rounds, company documents, a special oversight case) is a
small frozen dataclass here. Amounts are whole kronor; net cost is costs minus income
(positive), a deviation is allocation minus net cost (a deficit is negative).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from uppsikt.domain.model import PeriodKind, Report
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.domain.workflow import Status

SYNTHETIC = "Syntetiskt exempel"

PeriodKey = tuple[int, PeriodKind]  # (year, kind)
ReportKey = tuple[str, int, PeriodKind]  # (organisation, year, kind)


@dataclass(frozen=True)
class MonthlyForecast:
    """A full-year forecast made in `month` (2–11)."""

    month: int
    net_cost: int
    allocation: int
    comment: str


@dataclass(frozen=True)
class YearEconomy:
    """One organisation's year: its monthly ledger, forecasts and outcome."""

    organisation: str
    year: int
    allocation: int  # at year end
    monthly_net_cost: tuple[int, ...]  # the generated ledger: 12 months of net cost
    forecasts: tuple[MonthlyForecast, ...]
    outcome: int  # the year's net cost: the sum of the monthly ledger

    def forecast(self, month: int) -> MonthlyForecast:
        for forecast in self.forecasts:
            if forecast.month == month:
                return forecast
        raise KeyError(f"{self.organisation} {self.year} har ingen prognos i månad {month}")

    @property
    def interim(self) -> MonthlyForecast:
        """The interim report's forecast: the one made per 31 August."""
        return self.forecast(INTERIM_MONTH)


INTERIM_MONTH = 8


@dataclass(frozen=True)
class RoundPlan:
    """The reporting round of one period: the period's deadline and each member's."""

    year: int
    kind: PeriodKind
    deadline: date
    members: tuple[tuple[str, date], ...]  # (organisation, deadline)


@dataclass(frozen=True)
class CompanyDocumentPlan:
    organisation: str
    year: int
    kind: CompanyDocumentKind
    received_on: date
    reference: str


@dataclass(frozen=True)
class CompanyReviewPlan:
    organisation: str
    year: int
    consistent_with_purpose: bool
    within_powers: bool
    basis: str
    motivation: str
    case_number: str
    decided_on: date


@dataclass(frozen=True)
class CaseEntryPlan:
    month: date  # the first day of the month followed up
    body: str


@dataclass(frozen=True)
class CasePlan:
    """A special oversight case (särskild uppsikt), still open."""

    organisation: str
    reason: str
    case_number: str
    decided_on: date
    action_plan_due: date
    action_plan: str
    action_plan_received_on: date | None
    entries: tuple[CaseEntryPlan, ...]


@dataclass(frozen=True)
class CityPlan:
    """Everything the demo city holds besides the executive board's real annual analysis."""

    municipality: str
    seed: int
    reports: tuple[Report, ...]  # the synthetic reports, in storing order
    statuses: tuple[tuple[ReportKey, Status], ...]  # every stored report's status
    economy: tuple[YearEconomy, ...]
    rounds: tuple[RoundPlan, ...]
    company_documents: tuple[CompanyDocumentPlan, ...]
    company_reviews: tuple[CompanyReviewPlan, ...]
    cases: tuple[CasePlan, ...]

    def report(self, organisation: str, year: int, kind: PeriodKind) -> Report:
        for report in self.reports:
            if (report.organisation, report.period.year, report.period.kind) == (
                organisation,
                year,
                kind,
            ):
                return report
        raise KeyError(f"ingen demorapport för {organisation} {kind.label.lower()} {year}")

    def status(self, organisation: str, year: int, kind: PeriodKind) -> Status:
        return dict(self.statuses)[(organisation, year, kind)]

    def year_economy(self, organisation: str, year: int) -> YearEconomy:
        for economy in self.economy:
            if (economy.organisation, economy.year) == (organisation, year):
                return economy
        raise KeyError(f"ingen demoekonomi för {organisation} {year}")
