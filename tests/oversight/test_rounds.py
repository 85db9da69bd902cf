"""Opening a round: the reports it creates, pre-filled from the previous ones; its audit
row; a second round refused; and the status of each organisation in it."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factories import OrganisationFactory
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.model import PeriodKind
from uppsikt.domain.oversight.rounds import carried_note, is_carried
from uppsikt.domain.workflow import Status
from uppsikt.goals.models import GoalAssignment
from uppsikt.oversight.actions.rounds import RoundRefused, open_round, set_deadline
from uppsikt.oversight.models import ReportingRound, RoundMember
from uppsikt.oversight.rounds import round_status, status_json
from uppsikt.oversight.snapshots import reporting_organisations
from uppsikt.reports.actions.imports import content_digest
from uppsikt.reports.actions.workflow import submit_report
from uppsikt.reports.models import Period, Report
from uppsikt.reports.store import load_report
from uppsikt.services.reporting import check_report

NOTE = carried_note("Årsanalys 2025")
DEADLINE = date(2026, 9, 15)


@pytest.fixture
def directed_2026(report_id: int) -> None:
    """Two goals directed for 2026: to the executive board, one also to Miljönämnden."""
    rows = GoalAssignment.objects.filter(
        year=2025, goal__key__in=["klimatneutral-2030", "barn-och-unga"]
    )
    miljo = OrganisationFactory.create(
        municipality=Report.objects.get(pk=report_id).organisation.municipality,
        key="miljonamnden",
    )
    for position, row in enumerate(rows):
        GoalAssignment.objects.create(
            goal=row.goal, organisation=row.organisation, year=2026, position=position
        )
        if row.goal.key == "klimatneutral-2030":
            GoalAssignment.objects.create(
                goal=row.goal, organisation=miljo, year=2026, position=position + 10
            )


def _open(**kwargs: object) -> ReportingRound:
    arguments: dict[str, object] = {"deadline": DEADLINE, "actor": None, **kwargs}
    return open_round("malmo", 2026, PeriodKind.INTERIM_REPORT, **arguments)  # type: ignore[arg-type]


def _report(round_row: ReportingRound, key: str) -> int:
    member = round_row.members.get(organisation__key=key)
    assert member.report_id is not None
    return member.report_id


def test_each_organisation_gets_its_report_with_its_goals_and_assignments(
    directed_2026: None,
) -> None:
    opened = _open()
    assert opened.members.count() == len(reporting_organisations(opened.period.municipality_id))
    ks = load_report(_report(opened, "kommunstyrelsen"))
    assert [g.key for g in ks.directed_goals()] == ["barn-och-unga", "klimatneutral-2030"]
    assert {b.key for b in ks.budget_assignments} == {
        "kompetensforsorjning-arbetsmarknad",
        "klimatinvesteringsplan",
        "lokaler-fria-kulturlivet",
        "servicenamndens-ekonomi",
    }
    miljo = load_report(_report(opened, "miljonamnden"))
    assert [g.key for g in miljo.directed_goals()] == ["klimatneutral-2030"]
    assert [b.key for b in miljo.budget_assignments] == ["klimatinvesteringsplan"]
    assert [t.key for t in miljo.tables] == ["operating_result"]  # no mapping names it
    assert [c.key for c in miljo.chapters] == ["sammanfattning", "mal", "ekonomi"]
    sbn = load_report(_report(opened, "stadsbyggnadsnamnden"))
    assert [b.key for b in sbn.budget_assignments] == ["lokaler-fria-kulturlivet"]
    assert sbn.directed_goals() == ()


def test_texts_are_carried_forward_marked_and_assessments_left_blank(
    directed_2026: None, report_id: int
) -> None:
    previous = load_report(report_id)
    ks = load_report(_report(_open(), "kommunstyrelsen"))
    follow_up = ks.follow_up("klimatneutral-2030")
    earlier = previous.follow_up("klimatneutral-2030")
    assert follow_up is not None and earlier is not None
    assert follow_up.year_assessment is None and follow_up.term_outlook is None
    assert follow_up.year_motivation.startswith(NOTE)
    assert [s.heading for s in follow_up.contributions] == [
        s.heading for s in earlier.contributions
    ]
    assert all(is_carried(s.body) for s in follow_up.contributions if s.body.strip())
    assert [c.key for c in ks.chapters] == [c.key for c in previous.chapters]
    entry = next(b for b in ks.budget_assignments if b.key == "klimatinvesteringsplan")
    assert entry.report.startswith(NOTE)
    findings = check_report(ks).findings
    assert any(f.rule == "carried.untouched" for f in findings)


def test_shared_data_and_other_reports_are_unchanged(directed_2026: None, report_id: int) -> None:
    before = content_digest(report_id)
    directions = sorted(GoalAssignment.objects.values_list("goal_id", "organisation_id", "year"))
    _open()
    assert content_digest(report_id) == before
    assert (
        sorted(GoalAssignment.objects.values_list("goal_id", "organisation_id", "year"))
        == directions
    )


def test_opening_writes_one_audit_row_naming_organisations_and_deadlines(
    directed_2026: None,
) -> None:
    before = AuditEntry.objects.count()
    opened = _open(
        organisations=["kommunstyrelsen", "miljonamnden"],
        deadlines={"miljonamnden": date(2026, 9, 20)},
    )
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.latest("id")
    assert entry.action == "round.opened"
    assert isinstance(entry.after, dict)
    assert entry.after["organisations"] == {
        "kommunstyrelsen": "2026-09-15",
        "miljonamnden": "2026-09-20",
    }
    assert entry.after["created_reports"] == ["kommunstyrelsen", "miljonamnden"]
    assert Period.objects.get(pk=opened.period_id).deadline == DEADLINE


def test_a_second_round_for_the_period_is_refused_and_writes_nothing(directed_2026: None) -> None:
    _open(organisations=["kommunstyrelsen"])
    reports, entries = Report.objects.count(), AuditEntry.objects.count()
    with pytest.raises(RoundRefused, match="redan en omgång"):
        _open()
    assert (Report.objects.count(), AuditEntry.objects.count()) == (reports, entries)


def test_an_existing_report_is_linked_not_replaced(report_id: int) -> None:
    before = content_digest(report_id)
    opened = open_round(
        "malmo",
        2025,
        "annual_analysis",
        deadline=DEADLINE,
        organisations=["kommunstyrelsen"],
        actor=None,
    )
    assert _report(opened, "kommunstyrelsen") == report_id
    assert content_digest(report_id) == before


def test_unknown_organisations_and_municipalities_are_refused(report_id: int) -> None:
    with pytest.raises(RoundRefused, match="'okand'"):
        _open(organisations=["okand"])
    with pytest.raises(RoundRefused, match="finns inte"):
        open_round("ingenstans", 2026, "interim_report", deadline=DEADLINE, actor=None)
    with pytest.raises(RoundRefused, match="mandatperiod"):
        open_round("malmo", 2030, "interim_report", deadline=DEADLINE, actor=None)
    assert not ReportingRound.objects.exists()


def test_a_writer_may_not_open_a_round(users: dict[str, object]) -> None:
    with pytest.raises(RoundRefused, match="granskare"):
        _open(actor=users["skribent"])


def test_status_late_days_left_and_submitted_on(
    directed_2026: None, users: dict[str, object]
) -> None:
    opened = _open(organisations=["kommunstyrelsen", "miljonamnden"])
    submit_report(_report(opened, "kommunstyrelsen"), actor=users["skribent"])  # type: ignore[arg-type]
    today = DEADLINE + timedelta(days=2)
    statuses = {s.key: s for s in round_status(opened.period, today)}
    ks, miljo = statuses["kommunstyrelsen"], statuses["miljonamnden"]
    assert ks.status is Status.SUBMITTED and not ks.late
    assert ks.submitted_on is not None
    assert miljo.status is Status.DRAFT and miljo.late and miljo.days_left == -2
    document = status_json(opened.period, list(statuses.values()))
    assert document["period"] == "interim_report"
    members = document["organisations"]
    assert isinstance(members, list)
    assert [o["key"] for o in members] == [
        "kommunstyrelsen",
        "miljonamnden",
    ]


def test_status_takes_a_fixed_number_of_queries(directed_2026: None) -> None:
    opened = _open()
    with CaptureQueriesContext(connection) as queries:
        statuses = round_status(opened.period, DEADLINE)
    assert len(statuses) > 15 and len(queries) == 3


def test_the_deadline_is_changed_once_and_a_stale_form_is_refused(directed_2026: None) -> None:
    from uppsikt.domain.versions import StaleEdit
    from uppsikt.oversight.actions.rounds import deadline_token

    opened = _open(organisations=["miljonamnden"])
    member = RoundMember.objects.get(round=opened)
    token = deadline_token(member.deadline)
    assert set_deadline(member.pk, date(2026, 9, 30), actor=None, based_on=token)
    with pytest.raises(StaleEdit):
        set_deadline(member.pk, date(2026, 10, 5), actor=None, based_on=token)
    member.refresh_from_db()
    assert member.deadline == date(2026, 9, 30)


def test_opening_a_round_for_sixty_organisations_is_quick(directed_2026: None) -> None:
    municipality = Report.objects.select_related("organisation").first().organisation.municipality  # type: ignore[union-attr]
    for n in range(60 - len(reporting_organisations(municipality))):
        OrganisationFactory.create(municipality=municipality, key=f"extra-{n:02d}")
    started = time.perf_counter()
    opened = _open()
    elapsed = time.perf_counter() - started
    assert opened.members.count() == 60
    assert elapsed < 5, elapsed
