"""The assessment form and the budget assignment form: access, validation, audit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.goals.actions.assignments import assignment_token
from uppsikt.goals.actions.follow_ups import (
    AssessmentInput,
    InvalidInput,
    assessment_token,
    record_assessment,
)
from uppsikt.goals.models import BudgetAssignmentReport, GoalFollowUp
from uppsikt.reports.actions.workflow import approve_report, submit_report
from uppsikt.reports.models import ReportState

GOAL = "klimatneutral-2030"
ASSIGNMENT = "klimatinvesteringsplan"


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    """POST with the CSRF token a browser would send (taken from a page's cookie)."""
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    token = client.cookies["csrftoken"].value
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token})


def goal_url(report_id: int, key: str = GOAL) -> str:
    return reverse("goal_edit", args=[report_id, key])


def assignment_url(report_id: int, key: str = ASSIGNMENT) -> str:
    return reverse("assignment_edit", args=[report_id, key])


def goal_data(**changes: str) -> dict[str, str]:
    """The form as a writer sends it: the stored intro kept, the assessment changed, based
    on what is stored now."""
    row = GoalFollowUp.objects.filter(goal__key=GOAL).first()
    data = {
        "year_assessment": "partly_achieved",
        "year_motivation": "Hälften av insatserna är klara.",
        "term_outlook": "not_expected",
        "term_motivation": "Resurserna räcker inte.",
        "intro": row.intro if row else "",
        "based_on": assessment_token(row) if row else "",
    }
    data.update(changes)
    return data


def assignment_data(report_id: int, **values: str) -> dict[str, str]:
    """The assignment form as a writer sends it, based on what is stored now."""
    row = BudgetAssignmentReport.objects.get(report_id=report_id, assignment__key=ASSIGNMENT)
    return {**values, "based_on": assignment_token(row)}


def follow_up(report_id: int) -> GoalFollowUp:
    return GoalFollowUp.objects.get(report_id=report_id, goal__key=GOAL)


# --- access ---------------------------------------------------------------------------


def test_login_is_required(client: Client, report_id: int) -> None:
    for url in (goal_url(report_id), assignment_url(report_id)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("username", ["skribent", "granskare", "lasare", "admin"])
def test_everyone_of_the_organisation_reads(
    client_as: Callable[[str], Client], report_id: int, username: str
) -> None:
    client = client_as(username)
    page = client.get(goal_url(report_id))
    assert page.status_code == 200
    assert "Klimatneutral" in page.content.decode() or "klimat" in page.content.decode().lower()
    assert client.get(assignment_url(report_id)).status_code == 200


def test_only_writers_get_the_form(client_as: Callable[[str], Client], report_id: int) -> None:
    writer = client_as("skribent").get(goal_url(report_id)).content.decode()
    assert 'name="year_motivation"' in writer and "<fieldset>" in writer and "<legend" in writer
    reviewer = client_as("granskare").get(goal_url(report_id)).content.decode()
    assert 'name="year_motivation"' not in reviewer
    assert "bara skribenter kan redigera" in reviewer


@pytest.mark.parametrize("username", ["granskare", "lasare", "admin"])
def test_others_may_not_post(
    client_as: Callable[[str], Client], report_id: int, username: str
) -> None:
    client = client_as(username)
    assert post(client, goal_url(report_id), goal_data()).status_code == 403
    data = assignment_data(report_id, status="completed", body="Klart.")
    assert post(client, assignment_url(report_id), data).status_code == 403
    assert follow_up(report_id).year_assessment == "achieved"
    assert not AuditEntry.objects.filter(report_id=report_id).exists()


def test_other_organisations_writer_gets_404(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent-annan")
    assert client.get(goal_url(report_id)).status_code == 404
    assert post(client, goal_url(report_id), goal_data()).status_code == 404
    assert client.get(assignment_url(report_id)).status_code == 404


def test_unknown_goal_or_assignment_is_404(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent")
    assert client.get(goal_url(report_id, "finns-inte")).status_code == 404
    assert client.get(assignment_url(report_id, "finns-inte")).status_code == 404


def test_csrf_is_enforced(client_as: Callable[[str], Client], report_id: int) -> None:
    client = client_as("skribent")
    assert client.post(goal_url(report_id), goal_data()).status_code == 403
    assert client.post(assignment_url(report_id), {"status": "completed"}).status_code == 403


# --- the assessment ---------------------------------------------------------------------


def test_writer_records_an_assessment(client_as: Callable[[str], Client], report_id: int) -> None:
    revision = ReportState.objects.filter(report_id=report_id).first()
    response = post(client_as("skribent"), goal_url(report_id), goal_data())
    assert response.status_code == 302
    row = follow_up(report_id)
    assert row.year_assessment == "partly_achieved"
    assert row.term_outlook == "not_expected"
    assert row.term_motivation == "Resurserna räcker inte."
    state = ReportState.objects.get(report_id=report_id)
    assert state.revision == (revision.revision if revision else 0) + 1
    entry = AuditEntry.objects.get(action="goal.assessed")
    assert entry.username == "skribent" and entry.place == f"follow_up:{GOAL}"
    assert entry.before["year_assessment"] == "achieved"  # type: ignore[index]
    assert entry.after["year_assessment"] == "partly_achieved"  # type: ignore[index]
    assert "intro" not in entry.after  # type: ignore[operator]  # only what changed


def test_saving_unchanged_writes_nothing(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent")
    post(client, goal_url(report_id), goal_data())
    post(client, goal_url(report_id), goal_data())
    assert AuditEntry.objects.filter(action="goal.assessed").count() == 1


def test_the_hub_shows_the_new_assessment(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent")
    post(client, goal_url(report_id), goal_data(year_assessment="not_achieved"))
    page = client.get(reverse("report", args=[report_id])).content.decode()
    assert "Ej uppnåtts" in page
    assert goal_url(report_id) in page


def test_an_assessment_without_motivation_is_refused_naming_the_field(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    response = post(client_as("skribent"), goal_url(report_id), goal_data(year_motivation="  "))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Motivering för året" in page and "error-summary" in page
    form = response.context["form"]
    assert "year_motivation" in form.errors
    assert "Motivering för året" in form.errors["year_motivation"][0]
    assert follow_up(report_id).year_assessment == "achieved"
    assert not AuditEntry.objects.filter(report_id=report_id).exists()


def test_an_outlook_without_motivation_is_refused(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    response = post(client_as("skribent"), goal_url(report_id), goal_data(term_motivation=""))
    assert response.status_code == 400
    assert "term_motivation" in response.context["form"].errors


def test_no_assessment_needs_no_motivation(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    data = goal_data(year_assessment="", year_motivation="", term_outlook="", term_motivation="")
    assert post(client_as("skribent"), goal_url(report_id), data).status_code == 302
    row = follow_up(report_id)
    assert row.year_assessment == "" and row.term_outlook == ""


def test_an_unknown_choice_is_refused(client_as: Callable[[str], Client], report_id: int) -> None:
    response = post(client_as("skribent"), goal_url(report_id), goal_data(year_assessment="bra"))
    assert response.status_code == 400
    assert "year_assessment" in response.context["form"].errors


def test_motivations_are_sanitised(client_as: Callable[[str], Client], report_id: int) -> None:
    data = goal_data(year_motivation='Bra <script>alert("x")</script>resultat.')
    post(client_as("skribent"), goal_url(report_id), data)
    assert "<script" not in follow_up(report_id).year_motivation


def test_markup_only_motivation_counts_as_empty(users: dict[str, User], report_id: int) -> None:
    given = AssessmentInput(
        year_assessment=None, year_motivation="", term_outlook=None, term_motivation=""
    )
    assert record_assessment(report_id, GOAL, given, actor=users["skribent"])
    from uppsikt.domain.model import Assessment

    only_markup = AssessmentInput(Assessment.ACHIEVED, "<script>x</script>", None, "")
    with pytest.raises(InvalidInput) as refused:
        record_assessment(report_id, GOAL, only_markup, actor=users["skribent"])
    assert "year_motivation" in refused.value.problems


# --- budget assignments -------------------------------------------------------------------


def test_writer_reports_on_a_budget_assignment(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent")
    page = client.get(assignment_url(report_id)).content.decode()
    assert 'name="status"' in page and 'name="body"' in page
    data = assignment_data(report_id, status="completed", body="Modellen är klar och beslutad.")
    response = post(client, assignment_url(report_id), data)
    assert response.status_code == 302
    row = BudgetAssignmentReport.objects.get(report_id=report_id, assignment__key=ASSIGNMENT)
    assert row.status == "completed" and row.body == "Modellen är klar och beslutad."
    entry = AuditEntry.objects.get(action="assignment.reported")
    assert entry.before["status"] == "ongoing"  # type: ignore[index]
    assert entry.after == {"status": "completed", "body": "Modellen är klar och beslutad."}
    assert entry.place == f"budget_assignment:{ASSIGNMENT}"


def test_assignment_needs_a_known_status(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    data = assignment_data(report_id, status="x")
    response = post(client_as("skribent"), assignment_url(report_id), data)
    assert response.status_code == 400
    assert "status" in response.context["form"].errors


def test_approved_report_refuses_edits(
    client_as: Callable[[str], Client], users: dict[str, User], report_id: int
) -> None:
    submit_report(report_id, actor=users["skribent"])
    approve_report(report_id, actor=users["granskare"])
    client = client_as("skribent")
    assert post(client, goal_url(report_id), goal_data()).status_code == 409
    data = assignment_data(report_id, status="completed", body="x")
    assert post(client, assignment_url(report_id), data).status_code == 409
    page = client.get(assignment_url(report_id)).content.decode()
    assert 'name="body"' not in page
