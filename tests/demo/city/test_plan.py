"""The demo city's plan: deterministic, pure, and holding every storyline the oversight
must find (asserted on the plan, without a database)."""

from __future__ import annotations

import ast
import re
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from uppsikt.demo.city import SEED, SYNTHETIC, CityPlan, generate_city
from uppsikt.demo.city import profiles as p
from uppsikt.demo.city.economy import TABLE_KEY
from uppsikt.domain.checks import Severity, run_checks
from uppsikt.domain.model import (
    Assessment,
    AssignmentStatus,
    OrganisationKind,
    PeriodKind,
    Report,
    TermOutlook,
)
from uppsikt.domain.money import Amount
from uppsikt.domain.oversight.model import CompanyDocumentKind
from uppsikt.domain.workflow import Status
from uppsikt.importers.package import load_package

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "examples" / "malmo-ks-2025"
CITY_SRC = ROOT / "src" / "uppsikt" / "demo" / "city"
INTERIM, ANNUAL = PeriodKind.INTERIM_REPORT, PeriodKind.ANNUAL_ANALYSIS


@pytest.fixture(scope="module")
def ks() -> Report:
    return load_package(DEMO).report


@pytest.fixture(scope="module")
def plan(ks: Report) -> CityPlan:
    return generate_city(ks)


def _reporting(ks: Report) -> list[str]:
    return [o.key for o in ks.municipality.organisations if o.kind is not OrganisationKind.COUNCIL]


def test_the_same_seed_gives_the_same_plan_and_another_seed_another(
    ks: Report, plan: CityPlan
) -> None:
    assert generate_city(ks, SEED) == plan
    assert generate_city(ks, SEED + 1) != plan


def test_the_generator_is_pure_no_django_and_no_app() -> None:
    apps = ("accounts", "audit", "economy", "goals", "organisations", "oversight", "reports")
    for path in CITY_SRC.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [alias.name for alias in getattr(node, "names", [])]
                for name in names:
                    assert not name.startswith("django"), (path.name, name)
                    assert not any(name.startswith(f"uppsikt.{app}") for app in apps), name


def test_nineteen_organisations_four_periods_but_the_real_annual_analysis(
    ks: Report, plan: CityPlan
) -> None:
    organisations = _reporting(ks)
    assert len(organisations) == 19
    keys = {(r.organisation, r.period.year, r.period.kind) for r in plan.reports}
    expected = {(o, y, k) for o in organisations for y in (2024, 2025) for k in (INTERIM, ANNUAL)}
    assert keys == expected - {("kommunstyrelsen", 2025, ANNUAL)}
    assert len(plan.reports) == 75


def test_every_synthetic_report_says_so_in_its_title_and_first_chapter(plan: CityPlan) -> None:
    for report in plan.reports:
        assert report.title == f"{report.period.kind.label} {report.period.year} – {SYNTHETIC}"
        first = report.chapters[0]
        assert first.title == SYNTHETIC
        assert "syntetiskt exempel" in first.sections[0].body.lower()


def test_the_reports_pass_the_checks_without_errors(plan: CityPlan) -> None:
    for report in plan.reports:
        errors = [f for f in run_checks(report).findings if f.severity is Severity.ERROR]
        assert errors == [], (report.organisation, report.period, errors)


def test_goals_are_directed_to_several_organisations_the_same_in_every_report(
    ks: Report, plan: CityPlan
) -> None:
    goals = plan.reports[0].council_goals
    assert [g.key for g in goals] == [g.key for g in ks.council_goals]
    assert all(report.council_goals == goals for report in plan.reports)
    for goal in goals:
        assert goal.directed_in(2024) == goal.directed_in(2025)
        assert "kommunstyrelsen" in goal.directed_in(2025)
        assert len(goal.directed_in(2025)) >= 3, goal.key
    for report in plan.reports:
        directed = report.directed_goals()
        if report.organisation != "kommunstyrelsen":
            assert 3 <= len(directed) <= 7, report.organisation
        assert [f.goal for f in report.goal_follow_ups] == [g.key for g in directed]


def test_follow_ups_have_short_motivations_and_one_or_two_contributions(plan: CityPlan) -> None:
    for report in plan.reports:
        for follow_up in report.goal_follow_ups:
            assert 1 <= len(follow_up.contributions) <= 2
            sentences = re.findall(r"[.!?](?:\s|$)", follow_up.year_motivation)
            assert 1 <= len(sentences) <= 3, follow_up.year_motivation
            assert follow_up.term_motivation.strip()
            assert follow_up.term_outlook is not None


def _assessment(plan: CityPlan, organisation: str, goal: str, kind: PeriodKind) -> Assessment:
    follow_up = plan.report(organisation, 2025, kind).follow_up(goal)
    assert follow_up is not None and follow_up.year_assessment is not None
    return follow_up.year_assessment


def test_storylines_of_the_goals(plan: CityPlan) -> None:
    order = [Assessment.NOT_ACHIEVED, Assessment.PARTLY_ACHIEVED, Assessment.ACHIEVED]
    for organisation, goal in p.DOWNGRADES:
        interim = _assessment(plan, organisation, goal, INTERIM)
        annual = _assessment(plan, organisation, goal, ANNUAL)
        assert order.index(annual) < order.index(interim), (organisation, goal)
    for organisation, goal in p.NOT_ACHIEVED:
        follow_up = plan.report(organisation, 2025, ANNUAL).follow_up(goal)
        assert follow_up is not None
        assert follow_up.year_assessment is Assessment.NOT_ACHIEVED
        assert follow_up.term_outlook is TermOutlook.NOT_EXPECTED
    every = [f.year_assessment for r in plan.reports for f in r.goal_follow_ups]
    assert set(every) == set(Assessment)  # varied


def test_growing_deficits_worsen_month_by_month(plan: CityPlan) -> None:
    for organisation in p.GROWING_DEFICITS:
        economy = plan.year_economy(organisation, 2025)
        deviations = [f.allocation - f.net_cost for f in economy.forecasts]
        assert [f.month for f in economy.forecasts] == list(range(2, 12))
        assert deviations[0] < 0
        assert all(later < earlier for earlier, later in pairwise(deviations))
        assert economy.allocation - economy.outcome < deviations[-1]


def test_economy_of_realistic_size_in_whole_kronor(plan: CityPlan) -> None:
    for economy in plan.economy:
        assert economy.outcome == sum(economy.monthly_net_cost)
        assert len(economy.monthly_net_cost) == 12
        assert all(
            isinstance(f.net_cost, int) and f.net_cost % 1000 == 0 for f in economy.forecasts
        )
    boards = [e.allocation for e in plan.economy if e.organisation in _boards()]
    assert min(boards) >= 90_000_000 and max(boards) >= 2_000_000_000
    companies = {
        e.organisation: e.allocation for e in plan.economy if e.organisation.endswith("-ab")
    }
    assert min(companies.values()) == 0 and max(companies.values()) < 100_000_000


def _boards() -> list[str]:
    return [profile.key for profile in p.PROFILES if profile.key.endswith("namnden")]


def test_the_executive_boards_2025_economy_is_its_real_reports(ks: Report, plan: CityPlan) -> None:
    economy = plan.year_economy("kommunstyrelsen", 2025)
    table = ks.table("operating_result")

    def kronor(row: str, column: str) -> int:
        cell = table.row(row).stated(column)
        assert isinstance(cell, Amount)
        return cell.kronor

    assert economy.interim.net_cost == -kronor("net_cost", "forecast")
    assert economy.interim.allocation == kronor("allocation", "forecast")
    assert economy.outcome == -kronor("net_cost", "actual")
    assert economy.allocation == kronor("allocation", "actual")


def test_each_reports_economy_table_agrees_with_the_forecast_and_outcome(plan: CityPlan) -> None:
    for report in plan.reports:
        economy = plan.year_economy(report.organisation, report.period.year)
        table = report.table(TABLE_KEY)
        assert table.kind == "operating_result"
        assert f"{{{{ table: {TABLE_KEY} }}}}" in report.chapters[-1].sections[0].body
        net = table.row("net_cost")
        assert net.stated("forecast") == Amount(-economy.interim.net_cost)
        result = table.row("result").stated("forecast")
        assert result == Amount(economy.interim.allocation - economy.interim.net_cost)
        if report.period.kind is ANNUAL:
            assert net.stated("actual") == Amount(-economy.outcome)
            assert table.row("allocation").stated("actual") == Amount(economy.allocation)
        else:
            assert not table.has_column("actual")


def test_budget_assignments_listed_by_their_responsible_and_co_responsible(
    ks: Report, plan: CityPlan
) -> None:
    real = {a.key: a for a in ks.budget_assignments}
    seen: dict[str, set[str]] = {}
    for report in plan.reports:
        for assignment in report.budget_assignments:
            involved = {assignment.responsible, *assignment.co_responsible}
            assert report.organisation in involved
            seen.setdefault(assignment.key, set()).add(report.organisation)
            if assignment.key in real:  # the original's keep their real boards
                original = real[assignment.key]
                assert assignment.co_responsible == original.co_responsible
                assert (assignment.title, assignment.report_back) == (
                    original.title,
                    original.report_back,
                )
    for key, original in real.items():
        assert seen[key] == {original.responsible, *original.co_responsible}
    synthetic = set(seen) - set(real)
    assert len(synthetic) >= 8
    late = plan.report("halsa-vard-och-omsorgsnamnden", 2025, ANNUAL).budget_assignments
    past_due = [a for a in late if a.report_back == "senast juni 2025"]
    assert past_due and past_due[0].status is AssignmentStatus.ONGOING


def test_statuses_rounds_and_late_boards(ks: Report, plan: CityPlan) -> None:
    statuses = dict(plan.statuses)
    assert len(statuses) == 76  # every report, the real one too
    for year, kind in ((2024, INTERIM), (2024, ANNUAL), (2025, INTERIM)):
        period = [s for (_, y, k), s in statuses.items() if (y, k) == (year, kind)]
        assert period.count(Status.APPROVED) >= 16
    annual = [s for (_, y, k), s in statuses.items() if (y, k) == (2025, ANNUAL)]
    assert set(annual) == set(Status)
    for organisation in p.LATE:
        assert plan.status(organisation, 2025, ANNUAL) is Status.DRAFT
    assert plan.status("kommunstyrelsen", 2025, ANNUAL) is Status.DRAFT
    assert len(plan.rounds) == 4
    for round_plan in plan.rounds:
        assert {key for key, _ in round_plan.members} == set(_reporting(ks))
        month = 9 if round_plan.kind is INTERIM else 2
        year = round_plan.year + (round_plan.kind is ANNUAL)
        assert (round_plan.deadline.year, round_plan.deadline.month) == (year, month)
        assert 10 <= round_plan.deadline.day <= 20


def test_one_company_lacks_its_2025_annual_documents(plan: CityPlan) -> None:
    kinds: dict[tuple[str, int], set[CompanyDocumentKind]] = {}
    for document in plan.company_documents:
        kinds.setdefault((document.organisation, document.year), set()).add(document.kind)
    companies = {organisation for organisation, _ in kinds}
    assert len(companies) == 5
    for (organisation, year), held in kinds.items():
        if (organisation, year) == (p.COMPANY_WITHOUT_DOCUMENTS, 2025):
            assert CompanyDocumentKind.ANNUAL_REPORT not in held
            assert CompanyDocumentKind.AUDIT_REPORT not in held
        else:
            assert held == set(CompanyDocumentKind)
    reviewed = {(r.organisation, r.year) for r in plan.company_reviews}
    assert {(c, 2024) for c in companies} <= reviewed
    assert (p.COMPANY_WITHOUT_DOCUMENTS, 2025) not in reviewed
    assert len([year for _, year in reviewed if year == 2025]) == 4


def test_one_board_under_special_oversight_still_open(plan: CityPlan) -> None:
    (case,) = plan.cases
    assert case.organisation == p.UNDER_SPECIAL_OVERSIGHT
    assert re.fullmatch(r"STK-\d{4}-\d{4}", case.case_number)
    assert case.action_plan_due == case.decided_on + timedelta(days=30)
    assert 1 <= len(case.entries) <= 2
    assert all(entry.month.day == 1 and entry.month > case.decided_on for entry in case.entries)


def test_documents_show_the_marking_on_the_cover_and_every_page(plan: CityPlan) -> None:
    from uppsikt.documents.build import build_document
    from uppsikt.documents.render import render

    report = plan.report("stadsbyggnadsnamnden", 2025, INTERIM)
    document = build_document(report)
    assert SYNTHETIC in document.cover.title
    assert document.footer is not None and SYNTHETIC in document.footer  # on every page
    html = render(document, "html").decode("utf-8")
    assert html.count(SYNTHETIC) >= 3  # title, cover, first chapter, footer
