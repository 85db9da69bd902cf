"""Build a `PeriodSnapshot` from the database in a fixed number of queries.

The number of queries does not grow with the number of organisations, goals or reports
(`tests/oversight/test_snapshots.py` holds it at 7 and at 60 organisations). Everything
the oversight pages, the command line and the signal rules read about a period comes
from here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from django.db.models import Max, Min
from django.utils import timezone

from uppsikt.audit.codes import AuditCode
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.calendar import MONTH_NAMES
from uppsikt.domain.collation import swedish_key
from uppsikt.domain.model import (
    Assessment,
    AssignmentStatus,
    OrganisationKind,
    PeriodKind,
    TermOutlook,
)
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.domain.oversight.snapshot import (
    AssignmentState,
    CaseSnapshot,
    CompanyYear,
    EconomySnapshot,
    ForecastPoint,
    GoalRef,
    GoalState,
    OrganisationRef,
    PeriodSnapshot,
    ReportSnapshot,
)
from uppsikt.domain.workflow import Status
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.reports.models import Period, Report

# Organisations that report to the executive board (the council itself does not).
REPORTING_KINDS = (
    OrganisationKind.EXECUTIVE_BOARD,
    OrganisationKind.BOARD,
    OrganisationKind.COMPANY,
    OrganisationKind.FEDERATION,
)
KIND_ORDER = {kind: index for index, kind in enumerate(REPORTING_KINDS)}


class NoSuchPeriod(LookupError):
    """The municipality has no such period (or no such municipality)."""


def find_period(municipality_key: str, year: int, kind: PeriodKind | str) -> Period:
    period = (
        Period.objects.select_related("municipality")
        .filter(municipality__key=municipality_key, year=year, kind=PeriodKind(kind).value)
        .first()
    )
    if period is None:
        raise NoSuchPeriod(
            f"{municipality_key} har ingen period {PeriodKind(kind).label.lower()} {year}"
        )
    return period


def reporting_organisations(municipality: Municipality | int) -> list[OrganisationRef]:
    """The municipality's reporting organisations: executive board, boards, companies,
    federations, each group by name."""
    rows = Organisation.objects.filter(
        municipality=municipality, kind__in=[kind.value for kind in REPORTING_KINDS]
    ).values_list("pk", "key", "name", "kind")
    refs = [OrganisationRef(pk, key, name, OrganisationKind(kind)) for pk, key, name, kind in rows]
    return sorted(refs, key=lambda ref: (KIND_ORDER[ref.kind], swedish_key(ref.name)))


def period_snapshot(period: Period, *, today: date | None = None) -> PeriodSnapshot:
    """Everything the oversight reads about `period` (see the module docstring)."""
    from uppsikt.goals.models import CouncilGoal, GoalAssignment, Term

    year, kind = period.year, PeriodKind(period.kind)
    organisations = tuple(reporting_organisations(period.municipality_id))
    keys = {ref.id: ref.key for ref in organisations}
    term = (
        Term.objects.filter(
            municipality_id=period.municipality_id, start_year__lte=year, end_year__gte=year
        )
        .order_by("-start_year")
        .first()
    )
    goals: tuple[GoalRef, ...] = ()
    if term is not None:
        directed: dict[int, set[str]] = defaultdict(set)
        for goal_id, organisation_id in GoalAssignment.objects.filter(
            goal__term=term, year=year
        ).values_list("goal_id", "organisation_id"):
            if organisation_id in keys:
                directed[goal_id].add(keys[organisation_id])
        goals = tuple(
            GoalRef(key, title, area_key, area_title, frozenset(directed[goal_id]))
            for goal_id, key, title, area_key, area_title in CouncilGoal.objects.filter(term=term)
            .order_by("pk")
            .values_list("pk", "key", "title", "goal_area__key", "goal_area__title")
        )
        goals = _in_area_order(goals, term.pk)
    reports = _reports(period, keys)
    interim: dict[str, ReportSnapshot] = {}
    if kind is PeriodKind.ANNUAL_ANALYSIS:
        interim_period = Period.objects.filter(
            municipality_id=period.municipality_id, year=year, kind=PeriodKind.INTERIM_REPORT.value
        ).first()
        if interim_period is not None:
            interim = _reports(interim_period, keys)
    return PeriodSnapshot(
        municipality=period.municipality.key,
        year=year,
        kind=kind,
        today=today or timezone.localdate(),
        period_id=period.pk,
        organisations=organisations,
        goals=goals,
        reports=reports,
        interim_reports=interim,
        economy=economy_snapshots(keys, year),
        previous_economy=economy_snapshots(keys, year - 1),
        assignments=_assignments(term.pk if term else None, period, keys),
        cases=_cases(keys),
        companies=_companies(keys, year),
        deadline=period.deadline,
        round_members=_round_members(period, keys),
    )


def _in_area_order(goals: tuple[GoalRef, ...], term_id: int) -> tuple[GoalRef, ...]:
    """Goals in the order of their goal areas as first stored, each area's goals in the
    order they were first stored (the order of the council's document)."""
    from uppsikt.goals.models import GoalArea

    order = {
        key: index
        for index, key in enumerate(
            GoalArea.objects.filter(term_id=term_id).order_by("pk").values_list("key", flat=True)
        )
    }
    return tuple(sorted(goals, key=lambda goal: (order.get(goal.area_key, 0),)))


def _reports(period: Period, keys: dict[int, str]) -> dict[str, ReportSnapshot]:
    """The period's reports with their state, follow-ups, deadline and submission day."""
    from uppsikt.goals.models import GoalFollowUp

    rows = list(
        Report.objects.filter(period=period, organisation_id__in=keys).values_list(
            "pk", "organisation_id", "state__status", "round_member__deadline"
        )
    )
    ids = [row[0] for row in rows]
    goals: dict[int, dict[str, GoalState]] = defaultdict(dict)
    for report_id, goal_key, assessment, motivation, outlook, term_motivation in (
        GoalFollowUp.objects.filter(report_id__in=ids)
        .order_by("report_id", "position")
        .values_list(
            "report_id",
            "goal__key",
            "year_assessment",
            "year_motivation",
            "term_outlook",
            "term_motivation",
        )
    ):
        goals[report_id][goal_key] = GoalState(
            goal_key,
            Assessment(assessment) if assessment else None,
            motivation,
            TermOutlook(outlook) if outlook else None,
            term_motivation,
        )
    submitted = dict(
        AuditEntry.objects.filter(report_id__in=ids, action=AuditCode.REPORT_SUBMITTED.value)
        .values("report_id")
        .annotate(first=Min("at"))
        .values_list("report_id", "first")
    )
    snapshots = {}
    for report_id, organisation_id, status, deadline in rows:
        first = submitted.get(report_id)
        snapshots[keys[organisation_id]] = ReportSnapshot(
            report_id=report_id,
            organisation=keys[organisation_id],
            status=Status(status) if status else Status.DRAFT,
            goals=goals[report_id],
            submitted_on=timezone.localdate(first) if first else None,
            deadline=deadline or period.deadline,
        )
    return snapshots


def economy_snapshots(keys: dict[int, str], year: int) -> dict[str, EconomySnapshot]:
    """Each organisation's forecasts (newest version per month) and outcome for `year`."""
    from uppsikt.economy.models import Forecast, Outcome

    newest: dict[tuple[int, int], ForecastPoint] = {}
    for organisation_id, month, net_cost, allocation, comment in (
        Forecast.objects.filter(organisation_id__in=keys, year=year)
        .order_by("organisation_id", "month", "created_at", "pk")
        .values_list("organisation_id", "month", "net_cost", "allocation", "comment")
    ):
        newest[(organisation_id, month)] = ForecastPoint(month, net_cost, allocation, comment)
    outcomes: dict[int, tuple[int | None, int | None]] = {
        organisation_id: (allocation, net_cost)
        for organisation_id, allocation, net_cost in Outcome.objects.filter(
            organisation_id__in=keys, year=year
        ).values_list("organisation_id", "allocation", "net_cost")
    }
    result = {}
    for organisation_id, key in keys.items():
        points = tuple(
            point for (org, _), point in sorted(newest.items()) if org == organisation_id
        )
        allocated, outcome = outcomes.get(organisation_id, (None, None))
        if points or outcome is not None:
            result[key] = EconomySnapshot(key, year, points, allocated, outcome)
    return result


_MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_YEAR = re.compile(r"(" + "|".join(_MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"\b(20\d\d)\b")


def report_back_date(text: str) -> date | None:
    """The day a report-back text names: `2025-06-30`, `juni 2025` (its last day), or a
    bare year (its last day); None when it names none."""
    if match := _DATE.search(text):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    if match := _MONTH_YEAR.search(text):
        month, year = _MONTHS[match[1].lower()], int(match[2])
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    if match := _YEAR.search(text):
        return date(int(match[1]), 12, 31)
    return None


def _assignments(
    term_id: int | None, period: Period, keys: dict[int, str]
) -> tuple[AssignmentState, ...]:
    from uppsikt.goals.models import BudgetAssignment, BudgetAssignmentReport, CoResponsible

    if term_id is None:
        return ()
    co: dict[int, list[str]] = defaultdict(list)
    for assignment_id, organisation_id in (
        CoResponsible.objects.filter(assignment__term_id=term_id)
        .order_by("assignment_id", "position")
        .values_list("assignment_id", "organisation_id")
    ):
        if organisation_id in keys:
            co[assignment_id].append(keys[organisation_id])
    statuses: dict[int, str] = {}
    for (
        assignment_id,
        status,
        organisation_id,
        responsible_id,
    ) in BudgetAssignmentReport.objects.filter(
        assignment__term_id=term_id, report__period=period
    ).values_list(
        "assignment_id", "status", "report__organisation_id", "assignment__responsible_id"
    ):
        if organisation_id == responsible_id or assignment_id not in statuses:
            statuses[assignment_id] = status
    rows = (
        BudgetAssignment.objects.filter(term_id=term_id)
        .order_by("key")
        .values_list("pk", "key", "title", "responsible_id", "report_back")
    )
    return tuple(
        AssignmentState(
            key,
            title,
            keys.get(responsible_id, ""),
            tuple(co[assignment_id]),
            AssignmentStatus(statuses[assignment_id]) if assignment_id in statuses else None,
            report_back,
            report_back_date(report_back),
        )
        for assignment_id, key, title, responsible_id, report_back in rows
    )


def _cases(keys: dict[int, str]) -> tuple[CaseSnapshot, ...]:
    from uppsikt.oversight.models import SpecialOversight

    rows = (
        SpecialOversight.objects.filter(organisation_id__in=keys)
        .annotate(last=Max("entries__month"))
        .order_by("organisation_id", "decided_on", "pk")
    )
    return tuple(
        CaseSnapshot(
            id=case.pk,
            organisation=keys[case.organisation_id],
            case_number=case.case_number,
            reason=case.reason,
            decided_on=case.decided_on,
            action_plan_due=case.action_plan_due,
            action_plan_received_on=case.action_plan_received_on,
            closed_on=case.closed_on,
            last_follow_up=case.last,
        )
        for case in rows
    )


def _companies(keys: dict[int, str], year: int) -> dict[str, CompanyYear]:
    from uppsikt.oversight.models import CompanyDocument, CompanyReview

    companies = {
        organisation_id
        for organisation_id in Organisation.objects.filter(
            pk__in=keys, kind=OrganisationKind.COMPANY.value
        ).values_list("pk", flat=True)
    }
    documents: dict[int, set[CompanyDocumentKind]] = defaultdict(set)
    for organisation_id, kind in CompanyDocument.objects.filter(
        organisation_id__in=companies, year=year
    ).values_list("organisation_id", "kind"):
        documents[organisation_id].add(CompanyDocumentKind(kind))
    reviewed = set(
        CompanyReview.objects.filter(organisation_id__in=companies, year=year).values_list(
            "organisation_id", flat=True
        )
    )
    return {
        keys[organisation_id]: CompanyYear(
            keys[organisation_id],
            year,
            frozenset(documents[organisation_id]),
            organisation_id in reviewed,
        )
        for organisation_id in companies
    }


def _round_members(period: Period, keys: dict[int, str]) -> frozenset[str]:
    from uppsikt.oversight.models import RoundMember

    return frozenset(
        keys[organisation_id]
        for organisation_id in RoundMember.objects.filter(round__period=period).values_list(
            "organisation_id", flat=True
        )
        if organisation_id in keys
    )
