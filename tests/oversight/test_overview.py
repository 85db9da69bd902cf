"""The period overview: who may see it, and what each organisation's report lacks."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from uppsikt.accounts.actions import grant_role
from uppsikt.domain.workflow import Role
from uppsikt.goals.actions.follow_ups import AssessmentInput, record_assessment
from uppsikt.importers.package import load_package
from uppsikt.organisations.models import Municipality
from uppsikt.oversight.models import Comment
from uppsikt.reports.actions.workflow import submit_report
from uppsikt.reports.models import Period, Report
from uppsikt.reports.store import save_report

DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"


@pytest.fixture
def period_id(report_id: int) -> int:
    return Report.objects.get(pk=report_id).period_id


@pytest.fixture
def second_report(report_id: int) -> int:
    """The same report for Stadsbyggnadsnämnden, in the same period."""
    demo = load_package(DEMO).report
    return save_report(replace(demo, organisation="stadsbyggnadsnamnden"))


def url(period_id: int) -> str:
    return reverse("period_overview", args=[period_id])


def test_login_is_required(client: Client, period_id: int) -> None:
    response = client.get(url(period_id))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("username", ["granskare", "admin"])
def test_reviewers_and_admins_see_every_organisation(
    client_as: Callable[[str], Client], period_id: int, second_report: int, username: str
) -> None:
    response = client_as(username).get(url(period_id))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kommunstyrelsen" in page and "Stadsbyggnadsnämnden" in page
    assert reverse("report", args=[second_report]) in page


@pytest.mark.parametrize("username", ["skribent", "lasare", "skribent-annan"])
def test_everyone_else_gets_404(
    client_as: Callable[[str], Client], period_id: int, username: str
) -> None:
    assert client_as(username).get(url(period_id)).status_code == 404


def test_reviewer_of_another_municipality_gets_404(
    client: Client, users: dict[str, User], period_id: int
) -> None:
    lund = Municipality.objects.create(key="lund", name="Lund")
    reviewer = User.objects.create_user("granskare-lund")
    grant_role(reviewer, lund, Role.REVIEWER, actor=None)
    client.force_login(reviewer)
    assert client.get(url(period_id)).status_code == 404
    assert client.get(url(99999)).status_code == 404


def test_counts_what_each_report_lacks(
    client_as: Callable[[str], Client],
    users: dict[str, User],
    report_id: int,
    period_id: int,
    second_report: int,
) -> None:
    writer = users["skribent"]
    record_assessment(
        report_id, "klimatneutral-2030", AssessmentInput(None, "", None, ""), actor=writer
    )
    Comment.objects.create(report_id=report_id, place="", author=users["granskare"], body="?")
    submit_report(second_report, actor=users["skribent-annan"])
    response = client_as("granskare").get(url(period_id))
    rows = {row.access.report.pk: row for row in response.context["rows"]}
    ks, sbn = rows[report_id], rows[second_report]
    assert ks.lacks.without_assessment == 1 and ks.lacks.without_outlook == 1
    assert ks.lacks.failed_checks >= 2
    assert ks.unanswered_comments == 1
    assert sbn.lacks.without_assessment == 0 and sbn.unanswered_comments == 0
    assert sbn.access.status.value == "submitted"
    assert "Klarmarkerad" in response.content.decode()


def test_deadline_and_late_reports(
    client_as: Callable[[str], Client],
    users: dict[str, User],
    report_id: int,
    period_id: int,
    second_report: int,
) -> None:
    Period.objects.filter(pk=period_id).update(deadline=datetime.date(2000, 1, 31))
    submit_report(second_report, actor=users["skribent-annan"])
    response = client_as("granskare").get(url(period_id))
    page = response.content.decode()
    assert "sista dagen har passerat" in page
    rows = {row.access.report.pk: row for row in response.context["rows"]}
    assert rows[report_id].late and not rows[second_report].late
    Period.objects.filter(pk=period_id).update(deadline=datetime.date(2999, 1, 31))
    response = client_as("granskare").get(url(period_id))
    assert not any(row.late for row in response.context["rows"])


def test_a_warm_overview_is_cheap(
    client_as: Callable[[str], Client], period_id: int, second_report: int
) -> None:
    client = client_as("admin")
    client.get(url(period_id))
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url(period_id)).status_code == 200
    assert len(warm) < 30  # a handful per report; nothing is built or checked again


def test_the_hub_links_reviewers_to_the_overview(
    client_as: Callable[[str], Client], report_id: int, period_id: int
) -> None:
    hub = reverse("report", args=[report_id])
    assert url(period_id) in client_as("granskare").get(hub).content.decode()
    assert url(period_id) not in client_as("skribent").get(hub).content.decode()


@pytest.mark.parametrize(
    "model",
    [
        "organisations/municipality",
        "organisations/organisation",
        "goals/term",
        "goals/goalarea",
        "goals/councilgoal",
        "reports/period",
        "goals/budgetassignment",
    ],
)
def test_admin_pages_for_set_up_load(
    client_as: Callable[[str], Client], report_id: int, model: str
) -> None:
    client = client_as("admin")  # the demo admin is a Django superuser
    app, name = model.split("/")
    listing = client.get(reverse(f"admin:{app}_{name}_changelist"))
    assert listing.status_code == 200
    assert client.get(reverse(f"admin:{app}_{name}_add")).status_code == 200


def test_admin_edits_a_goal_with_its_directions_inline(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    from uppsikt.goals.models import CouncilGoal

    goal = CouncilGoal.objects.get(key="klimatneutral-2030")
    page = client_as("admin").get(reverse("admin:goals_councilgoal_change", args=[goal.pk]))
    assert page.status_code == 200
    assert "Riktade mål" in page.content.decode() or "riktade mål" in page.content.decode()
