"""Everything the organisation page shows about one organisation in one period: its report,
goals, economy, budget assignments, signals, special oversight cases, company documents
and review, and the report's unanswered comments.

Goals, assignments and the report's state come from the period snapshot (the same figures
as the matrix and the signals); the rest is read for the one organisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from uppsikt.domain.model import Assessment, OrganisationKind, PeriodKind, TermOutlook
from uppsikt.domain.oversight.accuracy import Accuracy, forecast_accuracy
from uppsikt.domain.oversight.economy import EconomyRow, economy_row
from uppsikt.domain.oversight.model import CompanyDocumentKind, SignalLevel
from uppsikt.domain.oversight.snapshot import (
    AssignmentState,
    EconomySnapshot,
    GoalRef,
    OrganisationRef,
    ReportSnapshot,
)
from uppsikt.organisations.models import Organisation
from uppsikt.oversight.lacks import unanswered_comments
from uppsikt.oversight.models import (
    CompanyDocument,
    CompanyReview,
    SignalRecord,
    SpecialOversight,
)
from uppsikt.oversight.snapshots import period_snapshot
from uppsikt.reports.models import Period


@dataclass(frozen=True)
class GoalLine:
    goal: GoalRef
    directed: bool  # the goal is directed to the organisation this year
    assessment: Assessment | None
    motivation: str
    term_outlook: TermOutlook | None
    term_motivation: str
    interim_assessment: Assessment | None  # annual analyses: the interim report's
    followed_up: bool  # the report follows the goal up at all

    @property
    def downgraded(self) -> bool:
        """The annual assessment is lower than the interim one."""
        order = list(Assessment)
        return (
            self.assessment is not None
            and self.interim_assessment is not None
            and order.index(self.assessment) > order.index(self.interim_assessment)
        )


@dataclass(frozen=True)
class AssignmentLine:
    assignment: AssignmentState
    responsible_name: str
    co_responsible_names: tuple[str, ...]
    role: str  # "responsible" or "co_responsible"


@dataclass(frozen=True)
class SignalLine:
    level: SignalLevel
    message: str
    rule: str
    first_seen: date
    cleared: date | None


@dataclass(frozen=True)
class CompanyLine:
    kind: CompanyDocumentKind
    received_on: date | None
    reference: str


@dataclass(frozen=True)
class OrganisationPage:
    organisation: Organisation
    ref: OrganisationRef
    period: Period
    report: ReportSnapshot | None
    goals: tuple[GoalLine, ...]
    economy: EconomySnapshot | None
    economy_row: EconomyRow
    accuracy: Accuracy | None
    assignments: tuple[AssignmentLine, ...]
    signals: tuple[SignalLine, ...]
    cases: tuple[SpecialOversight, ...]  # open first, with their entries prefetched
    documents: tuple[CompanyLine, ...]  # companies only
    review: CompanyReview | None
    unanswered_comments: int

    @property
    def is_company(self) -> bool:
        return self.ref.kind is OrganisationKind.COMPANY

    @property
    def annual(self) -> bool:
        return self.period.kind == PeriodKind.ANNUAL_ANALYSIS.value


def _goals(
    snapshot_goals: tuple[GoalRef, ...],
    key: str,
    report: ReportSnapshot | None,
    interim: ReportSnapshot | None,
) -> tuple[GoalLine, ...]:
    lines = []
    for goal in snapshot_goals:
        state = report.goals.get(goal.key) if report else None
        if key not in goal.directed_to and state is None:
            continue
        earlier = interim.goals.get(goal.key) if interim else None
        lines.append(
            GoalLine(
                goal=goal,
                directed=key in goal.directed_to,
                assessment=state.assessment if state else None,
                motivation=state.motivation if state else "",
                term_outlook=state.term_outlook if state else None,
                term_motivation=state.term_motivation if state else "",
                interim_assessment=earlier.assessment if earlier else None,
                followed_up=state is not None,
            )
        )
    return tuple(lines)


def organisation_page(period: Period, organisation: Organisation) -> OrganisationPage:
    """The page's content (the caller has checked that the user may see it)."""
    snapshot = period_snapshot(period)
    names = {ref.key: ref.name for ref in snapshot.organisations}
    ref = next(
        (r for r in snapshot.organisations if r.id == organisation.pk),
        OrganisationRef(
            organisation.pk,
            organisation.key,
            organisation.name,
            OrganisationKind(organisation.kind),
        ),
    )
    key = ref.key
    report = snapshot.reports.get(key)
    economy = snapshot.economy.get(key)
    assignments = tuple(
        AssignmentLine(
            state,
            names.get(state.responsible, state.responsible),
            tuple(names.get(other, other) for other in state.co_responsible),
            "responsible" if state.responsible == key else "co_responsible",
        )
        for state in snapshot.assignments
        if state.responsible == key or key in state.co_responsible
    )
    signals = tuple(
        sorted(
            (
                SignalLine(
                    SignalLevel(record.level),
                    record.message,
                    record.rule,
                    record.first_seen.date(),
                    record.cleared_at.date() if record.cleared_at else None,
                )
                for record in SignalRecord.objects.filter(period=period, organisation=organisation)
            ),
            # Current signals first, the most serious first; then those that cleared.
            key=lambda line: (line.cleared is not None, -line.level.rank, line.rule),
        )
    )
    cases = tuple(
        sorted(
            SpecialOversight.objects.filter(organisation=organisation).prefetch_related("entries"),
            key=lambda case: (case.closed_on is not None, -case.decided_on.toordinal()),
        )
    )
    documents: tuple[CompanyLine, ...] = ()
    review = None
    if ref.kind is OrganisationKind.COMPANY:
        received = {
            doc.kind: doc
            for doc in CompanyDocument.objects.filter(organisation=organisation, year=period.year)
        }
        documents = tuple(
            CompanyLine(
                kind,
                received[kind.value].received_on if kind.value in received else None,
                received[kind.value].reference if kind.value in received else "",
            )
            for kind in CompanyDocumentKind
        )
        review = CompanyReview.objects.filter(organisation=organisation, year=period.year).first()
    return OrganisationPage(
        organisation=organisation,
        ref=ref,
        period=period,
        report=report,
        goals=_goals(snapshot.goals, key, report, snapshot.interim_reports.get(key)),
        economy=economy,
        economy_row=economy_row(ref, economy),
        accuracy=forecast_accuracy(economy) if economy else None,
        assignments=assignments,
        signals=signals,
        cases=cases,
        documents=documents,
        review=review,
        unanswered_comments=(
            unanswered_comments([report.report_id]).get(report.report_id, 0) if report else 0
        ),
    )
