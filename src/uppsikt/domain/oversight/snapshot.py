"""A period of a municipality as the oversight reads it: plain values, no database.

`oversight.snapshots.period_snapshot` builds one in a fixed number of queries; the matrix,
the economy overview and the signal rules are pure functions of it, so the same snapshot
gives the same answer on the web, on the command line and in a test.

Amounts are whole kronor. Net cost is costs minus income (positive); a deviation is
allocation minus net cost, so a deficit is negative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from uppsikt.domain.model import (
    Assessment,
    AssignmentStatus,
    OrganisationKind,
    PeriodKind,
    TermOutlook,
)
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.domain.workflow import Status


@dataclass(frozen=True)
class OrganisationRef:
    id: int
    key: str
    name: str
    kind: OrganisationKind


@dataclass(frozen=True)
class GoalRef:
    key: str
    title: str
    area_key: str
    area_title: str
    directed_to: frozenset[str]  # organisation keys the goal is directed to this year


@dataclass(frozen=True)
class GoalState:
    """One organisation's assessment of one council goal in one report."""

    goal: str
    assessment: Assessment | None
    motivation: str
    term_outlook: TermOutlook | None
    term_motivation: str = ""


@dataclass(frozen=True)
class ReportSnapshot:
    report_id: int
    organisation: str
    status: Status
    goals: dict[str, GoalState]  # by goal key
    submitted_on: date | None = None  # the first day it was submitted, if it was
    deadline: date | None = None  # the round's deadline for it (else the period's)
    check_errors: int = 0  # errors of `uppsikt check` (deep snapshots only)
    # (row label, deviation in kronor) of variances over the threshold without an
    # explanation (deep snapshots only)
    unexplained_variances: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ForecastPoint:
    month: int  # 1-12, the month it was made
    net_cost: int
    allocation: int
    comment: str = ""

    @property
    def deviation(self) -> int:
        return self.allocation - self.net_cost


@dataclass(frozen=True)
class EconomySnapshot:
    organisation: str
    year: int
    forecasts: tuple[ForecastPoint, ...] = ()  # the newest version of each month, by month
    allocation: int | None = None  # of the outcome
    outcome: int | None = None  # net cost of the year, when the books are closed

    @property
    def latest(self) -> ForecastPoint | None:
        return self.forecasts[-1] if self.forecasts else None

    def forecast_in(self, month: int) -> ForecastPoint | None:
        """The forecast made in `month`, or the newest one made before it."""
        made = [point for point in self.forecasts if point.month <= month]
        return made[-1] if made else None


@dataclass(frozen=True)
class AssignmentState:
    key: str
    title: str
    responsible: str
    co_responsible: tuple[str, ...]
    status: AssignmentStatus | None  # as the responsible's report of the period says
    report_back: str  # as the council wrote it ("Återrapportering senast juni 2025")
    report_back_by: date | None  # the date it names, if it names one


@dataclass(frozen=True)
class CaseSnapshot:
    """An open or closed special oversight case."""

    id: int
    organisation: str
    case_number: str
    reason: str
    decided_on: date
    action_plan_due: date
    action_plan_received_on: date | None
    closed_on: date | None
    last_follow_up: date | None = None


@dataclass(frozen=True)
class CompanyYear:
    organisation: str
    year: int
    documents: frozenset[CompanyDocumentKind]
    reviewed: bool  # the 6 kap. 10 § decision for the year exists


@dataclass(frozen=True)
class PeriodSnapshot:
    municipality: str
    year: int
    kind: PeriodKind
    today: date
    period_id: int
    organisations: tuple[OrganisationRef, ...]  # every reporting organisation, by name
    goals: tuple[GoalRef, ...]  # council goals of the term, in order
    reports: dict[str, ReportSnapshot]  # by organisation key
    # The interim report of the same year (annual analyses only), for downgrades.
    interim_reports: dict[str, ReportSnapshot] = field(default_factory=dict)
    economy: dict[str, EconomySnapshot] = field(default_factory=dict)
    previous_economy: dict[str, EconomySnapshot] = field(default_factory=dict)
    assignments: tuple[AssignmentState, ...] = ()
    cases: tuple[CaseSnapshot, ...] = ()
    companies: dict[str, CompanyYear] = field(default_factory=dict)
    deadline: date | None = None  # the period's own deadline
    round_members: frozenset[str] = frozenset()  # organisations asked in the round
