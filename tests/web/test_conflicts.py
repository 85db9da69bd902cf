"""Edit conflicts on the assessment, budget assignment and variance forms: a save based
on an older version is refused with both texts and a form to merge, never overwrites."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from economy.test_variance_views import comment, current
from economy.test_variance_views import url as variances_url
from uppsikt.audit.models import AuditEntry
from uppsikt.economy.actions.variances import explanation_token
from uppsikt.goals.actions.assignments import assignment_token
from uppsikt.goals.actions.follow_ups import assessment_token
from uppsikt.goals.models import BudgetAssignmentReport, GoalFollowUp

ClientAs = Callable[[str], Client]
GOAL = "klimatneutral-2030"
ASSIGNMENT = "klimatinvesteringsplan"
ROW = "budget_areas/kansli"


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    """POST with the CSRF token a browser would send (taken from a page's cookie)."""
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def token_on(page: str, name: str = "based_on") -> str:
    """The version token the page's form carries, as a browser would send it."""
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    assert found, f"no {name} in the page"
    return html.unescape(found.group(1))


def goal_url(report_id: int) -> str:
    return reverse("goal_edit", args=[report_id, GOAL])


def assignment_url(report_id: int) -> str:
    return reverse("assignment_edit", args=[report_id, ASSIGNMENT])


def assessment(motivation: str, based_on: str) -> dict[str, str]:
    row = GoalFollowUp.objects.get(goal__key=GOAL)
    return {
        "year_assessment": "partly_achieved",
        "year_motivation": motivation,
        "term_outlook": row.term_outlook,
        "term_motivation": row.term_motivation,
        "intro": row.intro,
        "based_on": based_on,
    }


def stored_motivation() -> str:
    return GoalFollowUp.objects.get(goal__key=GOAL).year_motivation


def test_two_writers_on_one_assessment(client_as: ClientAs, report_id: int) -> None:
    first, second = client_as("skribent"), client_as("skribent")
    tokens = [
        token_on(client.get(goal_url(report_id)).content.decode()) for client in (first, second)
    ]
    assert tokens[0] == tokens[1]
    assert (
        post(first, goal_url(report_id), assessment("Deras motivering.", tokens[0])).status_code
        == 302
    )

    response = post(
        second, goal_url(report_id), assessment("Min motivering om bussarna.", tokens[1])
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Någon annan har sparat" in page and "Dina ändringar är inte sparade." in page
    assert "Deras motivering." in page and "Min motivering om bussarna." in page
    assert "<del>" in page and "<ins>" in page
    # The form again: the writer's text, based on what is stored now.
    assert re.search(
        r'<textarea[^>]*name="year_motivation"[^>]*>\s*Min motivering om bussarna.', page
    )
    new_token = token_on(page)
    assert new_token == assessment_token(GoalFollowUp.objects.get(goal__key=GOAL))
    assert stored_motivation() == "Deras motivering."
    assert AuditEntry.objects.filter(action="goal.assessed").count() == 1

    merged = assessment("Deras motivering, och bussarna.", new_token)
    assert post(second, goal_url(report_id), merged).status_code == 302
    assert stored_motivation() == "Deras motivering, och bussarna."
    assert AuditEntry.objects.filter(action="goal.assessed").count() == 2


def test_one_writer_in_two_tabs_on_an_assessment(client_as: ClientAs, report_id: int) -> None:
    client = client_as("skribent")
    tab_one = token_on(client.get(goal_url(report_id)).content.decode())
    tab_two = token_on(client.get(goal_url(report_id)).content.decode())
    assert (
        post(client, goal_url(report_id), assessment("Från flik ett.", tab_one)).status_code == 302
    )
    response = post(client, goal_url(report_id), assessment("Från flik två.", tab_two))
    assert response.status_code == 409
    assert "Från flik två." in response.content.decode()
    assert stored_motivation() == "Från flik ett."
    assert AuditEntry.objects.filter(action="goal.assessed").count() == 1


def test_saving_what_is_stored_again_is_no_conflict(client_as: ClientAs, report_id: int) -> None:
    first, second = client_as("skribent"), client_as("skribent")
    old = token_on(first.get(goal_url(report_id)).content.decode())
    assert post(first, goal_url(report_id), assessment("Samma.", old)).status_code == 302
    # The second writer happens to send exactly what is stored: nothing is lost.
    assert post(second, goal_url(report_id), assessment("Samma.", old)).status_code == 302
    assert AuditEntry.objects.filter(action="goal.assessed").count() == 1


def assignment_data(body: str, based_on: str) -> dict[str, str]:
    return {"status": "ongoing", "body": body, "based_on": based_on}


def stored_assignment() -> str:
    return BudgetAssignmentReport.objects.get(assignment__key=ASSIGNMENT).body


def test_two_writers_on_one_budget_assignment(client_as: ClientAs, report_id: int) -> None:
    first, second = client_as("skribent"), client_as("skribent")
    old = token_on(first.get(assignment_url(report_id)).content.decode())
    assert token_on(second.get(assignment_url(report_id)).content.decode()) == old
    assert (
        post(
            first, assignment_url(report_id), assignment_data("Deras redovisning.", old)
        ).status_code
        == 302
    )

    response = post(second, assignment_url(report_id), assignment_data("Min redovisning.", old))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Deras redovisning." in page and "Min redovisning." in page
    assert re.search(r'<textarea[^>]*name="body"[^>]*>\s*Min redovisning.', page)
    new_token = token_on(page)
    row = BudgetAssignmentReport.objects.get(assignment__key=ASSIGNMENT)
    assert new_token == assignment_token(row) != old
    assert stored_assignment() == "Deras redovisning."
    assert AuditEntry.objects.filter(action="assignment.reported").count() == 1

    assert (
        post(second, assignment_url(report_id), assignment_data("Båda.", new_token)).status_code
        == 302
    )
    assert stored_assignment() == "Båda."


def test_one_writer_in_two_tabs_on_a_budget_assignment(client_as: ClientAs, report_id: int) -> None:
    client = client_as("skribent")
    tab_one = token_on(client.get(assignment_url(report_id)).content.decode())
    tab_two = token_on(client.get(assignment_url(report_id)).content.decode())
    assert (
        post(client, assignment_url(report_id), assignment_data("Flik ett.", tab_one)).status_code
        == 302
    )
    response = post(client, assignment_url(report_id), assignment_data("Flik två.", tab_two))
    assert response.status_code == 409 and "Flik två." in response.content.decode()
    assert stored_assignment() == "Flik ett."
    assert AuditEntry.objects.filter(action="assignment.reported").count() == 1


def test_two_writers_on_one_variance_explanation(client_as: ClientAs, report_id: int) -> None:
    first, second = client_as("skribent"), client_as("skribent")
    theirs, mine = current(first, report_id), current(second, report_id)
    theirs[ROW] = "Deras förklaring."
    assert post(first, variances_url(report_id), theirs).status_code == 302
    mine[ROW] = "Min förklaring om vakanserna."
    response = post(second, variances_url(report_id), mine)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Deras förklaring." in page and "Min förklaring om vakanserna." in page
    assert token_on(page, "based_on:budget_areas:kansli") == explanation_token("Deras förklaring.")
    assert comment(report_id, "kansli") == "Deras förklaring."
    assert AuditEntry.objects.filter(action="variance.explained").count() == 1

    # The form again holds the writer's text; saving it after merging works.
    form = response.context["form"]
    again = {name: str(form.initial.get(name, "")) for name in form.fields}
    assert again[ROW] == "Min förklaring om vakanserna."
    again[ROW] = "Deras förklaring och vakanserna."
    assert post(second, variances_url(report_id), again).status_code == 302
    assert comment(report_id, "kansli") == "Deras förklaring och vakanserna."


def test_one_writer_in_two_tabs_on_variances(client_as: ClientAs, report_id: int) -> None:
    client = client_as("skribent")
    tab_one, tab_two = current(client, report_id), current(client, report_id)
    tab_one[ROW], tab_two[ROW] = "Flik ett.", "Flik två."
    assert post(client, variances_url(report_id), tab_one).status_code == 302
    response = post(client, variances_url(report_id), tab_two)
    assert response.status_code == 409 and "Flik två." in response.content.decode()
    assert comment(report_id, "kansli") == "Flik ett."
    assert AuditEntry.objects.filter(action="variance.explained").count() == 1


def test_two_writers_on_different_rows_both_save(client_as: ClientAs, report_id: int) -> None:
    first, second = client_as("skribent"), client_as("skribent")
    theirs, mine = current(first, report_id), current(second, report_id)
    rows = [name for name in theirs if "/" in name]
    assert len(rows) >= 2
    theirs[rows[0]] = "Första raden."
    mine[rows[1]] = "Andra raden."
    assert post(first, variances_url(report_id), theirs).status_code == 302
    assert post(second, variances_url(report_id), mine).status_code == 302
    page = first.get(variances_url(report_id)).content.decode()
    assert "Första raden." in page and "Andra raden." in page
