"""Storing the demo city: 19 organisations × 4 periods of reports, the executive board's
real annual analysis unchanged, every synthetic report marked, and a second run changing
nothing. The city is stored (twice) once for the module, inside a transaction rolled
back at the end."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import transaction
from pytest_django import DjangoDbBlocker

from uppsikt.demo.city import SYNTHETIC
from uppsikt.domain.model import PeriodKind, Report
from uppsikt.domain.workflow import Status
from uppsikt.importers.package import load_package
from uppsikt.services.demo_city import CityStored, store_with_city

DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"
ANNUAL = PeriodKind.ANNUAL_ANALYSIS


def _content() -> dict[str, object]:
    """What the demo wrote, without ids and timestamps."""
    from uppsikt.economy.models import Forecast, Outcome
    from uppsikt.goals.models import GoalAssignment
    from uppsikt.oversight.models import (
        CompanyDocument,
        CompanyReview,
        RoundMember,
        SpecialOversight,
        SpecialOversightEntry,
    )
    from uppsikt.reports.models import Period
    from uppsikt.reports.models import Report as ReportRow
    from uppsikt.reports.store import load_report

    rows = ReportRow.objects.select_related("organisation", "period", "state").order_by("pk")
    return {
        "reports": sorted(
            (
                r.organisation.key,
                r.period.year,
                r.period.kind,
                r.state.status,
                repr(load_report(r.pk)),
            )
            for r in rows
        ),
        "periods": sorted(Period.objects.values_list("year", "kind", "deadline")),
        "directions": sorted(
            GoalAssignment.objects.values_list("goal__key", "organisation__key", "year", "position")
        ),
        "forecasts": sorted(
            Forecast.objects.values_list(
                "organisation__key", "year", "month", "net_cost", "allocation", "comment", "source"
            )
        ),
        "outcomes": sorted(
            Outcome.objects.values_list("organisation__key", "year", "allocation", "net_cost")
        ),
        "members": sorted(
            RoundMember.objects.values_list(
                "round__period__year",
                "round__period__kind",
                "organisation__key",
                "deadline",
                "report__organisation__key",
            )
        ),
        "documents": sorted(
            CompanyDocument.objects.values_list("organisation__key", "year", "kind", "received_on")
        ),
        "reviews": sorted(
            CompanyReview.objects.values_list("organisation__key", "year", "case_number")
        ),
        "cases": sorted(
            SpecialOversight.objects.values_list(
                "organisation__key", "case_number", "decided_on", "action_plan_due", "closed_on"
            )
        ),
        "entries": sorted(
            SpecialOversightEntry.objects.values_list("case__case_number", "month", "body")
        ),
    }


@dataclass(frozen=True)
class Stored:
    first: dict[str, object]
    second: dict[str, object]
    city: CityStored
    ks: Report


@pytest.fixture(scope="module")
def stored(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Stored]:
    ks = load_package(DEMO).report
    with django_db_blocker.unblock(), transaction.atomic():
        store_with_city(ks)
        first = _content()
        city = store_with_city(ks)
        yield Stored(first, _content(), city, ks)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_nineteen_organisations_times_four_periods(stored: Stored) -> None:
    from uppsikt.oversight.snapshots import find_period, period_snapshot

    for year in (2024, 2025):
        for kind in PeriodKind:
            snapshot = period_snapshot(find_period("malmo", year, kind))
            assert len(snapshot.organisations) == 19
            assert set(snapshot.reports) == {o.key for o in snapshot.organisations}
            assert snapshot.round_members == set(snapshot.reports)
            assert set(snapshot.economy) == set(snapshot.reports)
            assert snapshot.deadline is not None


@pytest.mark.django_db
def test_the_real_annual_analysis_is_unchanged_and_lists_its_twelve_goals(stored: Stored) -> None:
    from uppsikt.reports.store import find_report, load_report

    report_id = find_report("malmo", "kommunstyrelsen", 2025, ANNUAL)
    assert report_id is not None
    report = load_report(report_id)
    ks = stored.ks
    assert report.title == ks.title and report.chapters == ks.chapters
    assert report.goal_follow_ups == ks.goal_follow_ups
    assert report.table("operating_result") == ks.table("operating_result")
    assert report.budget_assignments == ks.budget_assignments
    assert [g.key for g in report.directed_goals()] == [g.key for g in ks.directed_goals()]
    assert len(report.directed_goals()) == 12
    # The city's directions: each goal to several organisations.
    assert all(len(goal.directed_in(2025)) >= 3 for goal in report.council_goals)


@pytest.mark.django_db
def test_every_synthetic_report_is_marked_and_has_its_status(stored: Stored) -> None:
    from uppsikt.reports.models import Report as ReportRow

    rows = ReportRow.objects.select_related("organisation", "period", "state")
    synthetic = [r for r in rows if SYNTHETIC in r.title]
    assert len(synthetic) == 75
    (real,) = [r for r in rows if SYNTHETIC not in r.title]
    assert (real.organisation.key, real.period.year, real.period.kind) == (
        "kommunstyrelsen",
        2025,
        ANNUAL.value,
    )
    plan = stored.city.plan
    for row in rows:
        wanted = plan.status(row.organisation.key, row.period.year, PeriodKind(row.period.kind))
        assert Status(row.state.status) is wanted


@pytest.mark.django_db
def test_a_second_run_changes_nothing(stored: Stored) -> None:
    assert stored.second == stored.first
    assert stored.city.counts["forecasts"] == 19 * 2 * 10
    assert stored.city.counts["outcomes"] == 38


@pytest.mark.django_db
def test_one_audit_row_for_the_city(stored: Stored) -> None:
    from uppsikt.audit.codes import AuditCode
    from uppsikt.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action=AuditCode.DEMO_CITY_LOADED.value).count() == 2
