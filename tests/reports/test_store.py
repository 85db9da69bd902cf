"""Storing reports: round trip, replacement, tenant isolation, atomicity and query counts."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from uppsikt.domain import model as domain
from uppsikt.domain import tables as domain_tables
from uppsikt.domain.model import CouncilGoal, PeriodKind, Report
from uppsikt.domain.money import Amount, Unit
from uppsikt.economy.models import figures as finance
from uppsikt.goals import models as goals
from uppsikt.goals.models import CouncilGoal as CouncilGoalRow
from uppsikt.goals.models import GoalAssignment
from uppsikt.organisations import models as organisations
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.reports import models as reports
from uppsikt.reports.models import Chapter, Section
from uppsikt.reports.models import Report as ReportRow
from uppsikt.reports.store import (
    InvalidReport,
    find_report,
    list_reports,
    load_report,
    save_report,
)

from .conftest import NET_COST_TREND, in_other_municipality, large_report, rich_report

ALL_MODELS = (
    Municipality,
    Organisation,
    CouncilGoalRow,
    GoalAssignment,
    ReportRow,
    Chapter,
    Section,
    goals.GoalFollowUp,
    goals.BudgetAssignment,
    goals.BudgetAssignmentReport,
    goals.CoResponsible,
    reports.ReportOrganisation,
    finance.FigureTable,
    finance.FigureColumn,
    finance.FigureRow,
    finance.FigureCell,
)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ALL_MODELS}


@pytest.mark.django_db
def test_a_saved_report_loads_back_equal(report: Report) -> None:
    assert load_report(save_report(report)) == report


@pytest.mark.django_db
def test_stated_precision_survives(report: Report) -> None:
    loaded = load_report(save_report(report))
    net_cost = loaded.table("net_cost_trend").row("net_cost")
    grants = loaded.table("net_cost_trend").row("grants")
    assert net_cost.cells["current"] == Amount(516_900_000, 100_000)
    # Equal Decimals can differ in stated decimals ("-0.90" vs "-0.9"); checks need them.
    assert [str(grants.cells["change"]), str(grants.cells["share"])] == ["-0.90", "12"]
    assert str(net_cost.cells["share"]) == "100.00"
    assert loaded.table("operating_result").row("result").cells["actual"] == Amount(4_254_321)


@pytest.mark.django_db
def test_saving_again_replaces_the_report(report: Report) -> None:
    first = save_report(report)
    counts = row_counts()
    assert save_report(report) == first
    assert row_counts() == counts

    changed = replace(
        report,
        title="Reviderad årsanalys",
        chapters=report.chapters[1:],
        tables=(replace(NET_COST_TREND, rows=NET_COST_TREND.rows[:2]),),
        goal_follow_ups=report.goal_follow_ups[:1],
    )
    assert save_report(changed) == first
    assert load_report(first) == changed
    assert ReportRow.objects.count() == 1
    assert Chapter.objects.count() == len(changed.chapters)
    assert finance.FigureTable.objects.count() == 1
    assert finance.FigureCell.objects.count() == 4
    assert goals.GoalFollowUp.objects.count() == 1
    assert Section.objects.count() == 3 + 2  # chapter sections + contributions


@pytest.mark.django_db
def test_municipalities_with_the_same_keys_stay_apart(report: Report) -> None:
    lund = in_other_municipality(report)
    malmo_id = save_report(report)
    lund_id = save_report(lund)

    assert malmo_id != lund_id
    assert load_report(malmo_id) == report
    assert load_report(lund_id) == lund
    assert find_report("malmo", "kommunstyrelsen", 2025, PeriodKind.ANNUAL_ANALYSIS) == malmo_id
    assert find_report("lund", "kommunstyrelsen", 2025, "annual_analysis") == lund_id
    assert find_report("lund", "kommunstyrelsen", 2025, PeriodKind.INTERIM_REPORT) is None
    assert [s.id for s in list_reports("malmo")] == [malmo_id]
    assert [s.id for s in list_reports("lund")] == [lund_id]
    assert {s.municipality for s in list_reports(None)} == {"lund", "malmo"}
    assert Organisation.objects.count() == 2 * len(report.municipality.organisations)


@pytest.mark.django_db
def test_list_reports_summarises(report: Report) -> None:
    report_id = save_report(replace(report, title=""))
    [summary] = list_reports("malmo")
    assert (summary.id, summary.organisation_name, summary.year) == (
        report_id,
        "Kommunstyrelsen",
        2025,
    )
    assert summary.title == "Årsanalys 2025"
    assert str(summary).startswith("malmo/kommunstyrelsen/2025/annual_analysis  Årsanalys 2025")
    assert list_reports("goteborg") == []


@pytest.mark.django_db(transaction=True)
def test_a_failed_save_changes_nothing(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    report_id = save_report(report)
    counts = row_counts()

    def fail(*args: object) -> None:
        raise RuntimeError("disk full")

    # The last step: by then shared data is upserted and the old content deleted.
    monkeypatch.setattr("uppsikt.reports.saving.save_tables", fail)
    renamed = replace(
        report,
        title="Ny titel",
        municipality=replace(report.municipality, name="Malmö kommun"),
        goal_areas=(*report.goal_areas, domain.GoalArea("ny", "Nytt målområde")),
    )
    with pytest.raises(RuntimeError, match="disk full"):
        save_report(renamed)
    with pytest.raises(RuntimeError, match="disk full"):
        save_report(in_other_municipality(report))

    assert row_counts() == counts
    assert load_report(report_id) == report


@pytest.mark.django_db
def test_an_invalid_report_is_refused_before_writing(report: Report) -> None:
    broken = replace(
        report,
        organisation="finns-inte",
        goal_follow_ups=(*report.goal_follow_ups, domain.GoalFollowUp(goal="okant-mal")),
        tables=(
            replace(
                NET_COST_TREND, rows=(domain_tables.Row("x", "X", {"a": Decimal("1.1234567")}),)
            ),
        ),
    )
    with pytest.raises(InvalidReport) as error:
        save_report(broken)
    message = str(error.value)
    assert "'finns-inte'" in message
    assert "'okant-mal'" in message
    assert "tabellen 'net_cost_trend', rad 'x', kolumn 'a'" in message
    assert Municipality.objects.count() == 0


@pytest.mark.django_db
def test_goal_directions_for_other_years_are_kept(report: Report) -> None:
    """A later package that states only 2026 does not erase whom the goal had in 2025."""
    report_id = save_report(report)
    school = replace(
        report,
        organisation="grundskolenamnden",
        council_goals=(
            CouncilGoal(
                "barn-och-unga",
                "Barn och unga ska ha goda uppväxtvillkor",
                "uppvaxtvillkor",
                directed_to=((2026, ("grundskolenamnden", "mkb")),),
            ),
        ),
        goal_follow_ups=(),
        budget_assignments=(),
    )
    save_report(school)
    goal = load_report(report_id).goal("barn-och-unga")
    assert goal.title == "Barn och unga ska ha goda uppväxtvillkor"  # shared: latest wins
    assert goal.directed_in(2025) == ("kommunstyrelsen", "grundskolenamnden")
    assert goal.directed_in(2026) == ("grundskolenamnden", "mkb")


@pytest.mark.django_db
def test_loading_takes_a_fixed_number_of_queries(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    small_id = save_report(rich_report())
    large = large_report(tables=15, rows=25)
    large_id = save_report(replace(large, organisation="grundskolenamnden"))

    with CaptureQueriesContext(connection) as small_queries:
        load_report(small_id)
    with django_assert_max_num_queries(15):
        loaded = load_report(large_id)
    assert sum(len(row.cells) for table in loaded.tables for row in table.rows) == 15 * 25 * 4
    with CaptureQueriesContext(connection) as large_queries:
        load_report(large_id)
    assert len(large_queries) == len(small_queries)


@pytest.mark.django_db
def test_unknown_report_id_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="id 4711"):
        load_report(4711)


@pytest.mark.parametrize(
    ("model", "field", "enum"),
    [
        (organisations.Organisation, "kind", domain.OrganisationKind),
        (reports.Period, "kind", domain.PeriodKind),
        (goals.GoalFollowUp, "year_assessment", domain.Assessment),
        (goals.GoalFollowUp, "term_outlook", domain.TermOutlook),
        (goals.BudgetAssignmentReport, "status", domain.AssignmentStatus),
        (Chapter, "kind", domain.ChapterKind),
        (finance.FigureColumn, "kind", domain_tables.ColumnKind),
        (finance.FigureCell, "kind", domain_tables.ColumnKind),
        (finance.FigureRow, "role", domain_tables.RowRole),
    ],
)
def test_database_choices_are_the_domains(model: Any, field: str, enum: Any) -> None:
    """Choices are derived from the domain's enums: values and Swedish labels alike."""
    stored = model._meta.get_field(field).choices
    assert stored == [(member.value, member.label) for member in enum]


def test_units_are_the_domains() -> None:
    stored = finance.FigureTable._meta.get_field("unit").choices
    assert stored == [(unit.code, unit.label) for unit in Unit]
