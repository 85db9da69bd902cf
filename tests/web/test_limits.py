"""One length limit per kind of text: stated next to the field, set as maxlength, and
enforced by the server with an error that names the field; at the limit it is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from economy.test_variance_views import comment, current
from economy.test_variance_views import url as variances_url
from uppsikt.domain.limits import LIMITS, TextKind
from uppsikt.goals.models import GoalFollowUp
from uppsikt.oversight.models import Comment
from uppsikt.reports.models import SectionVersion
from uppsikt.reports.places import section_places, section_row
from uppsikt.reports.store import load_report

from .test_conflicts import assessment, post, token_on

ClientAs = Callable[[str], Client]
GOAL = "klimatneutral-2030"


def goal_url(report_id: int) -> str:
    return reverse("goal_edit", args=[report_id, GOAL])


@pytest.fixture
def place(report_id: int) -> str:
    return section_places(load_report(report_id))[0].place


def test_the_goal_form_states_each_limit(client_as: ClientAs, report_id: int) -> None:
    page = client_as("skribent").get(goal_url(report_id)).content.decode()
    assert 'maxlength="4000"' in page and "Högst 4\xa0000 tecken." in page


def test_a_motivation_over_the_limit_is_refused_naming_the_field(
    client_as: ClientAs, report_id: int
) -> None:
    client = client_as("skribent")
    token = token_on(client.get(goal_url(report_id)).content.decode())
    too_long = "a" * (LIMITS[TextKind.MOTIVATION] + 1)
    response = post(client, goal_url(report_id), assessment(too_long, token))
    assert response.status_code == 400
    errors = response.context["form"].errors["year_motivation"]
    assert errors == ["Korta ”Motivering för året” till högst 4\xa0000 tecken (nu 4\xa0001)."]
    assert too_long in response.content.decode()  # kept in the form
    assert GoalFollowUp.objects.get(goal__key=GOAL).year_motivation != too_long


def test_a_motivation_at_the_limit_is_stored(client_as: ClientAs, report_id: int) -> None:
    client = client_as("skribent")
    token = token_on(client.get(goal_url(report_id)).content.decode())
    at_limit = "a" * LIMITS[TextKind.MOTIVATION]
    assert post(client, goal_url(report_id), assessment(at_limit, token)).status_code == 302
    assert GoalFollowUp.objects.get(goal__key=GOAL).year_motivation == at_limit


def section_post(client: Client, report_id: int, place: str, heading: str, body: str) -> Any:
    url = reverse("section_edit", args=[report_id, place])
    return post(client, url, {"heading": heading, "body": body, "base_version": "1"})


def test_section_texts_over_their_limits_are_refused(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    client = client_as("skribent")
    page = client.get(reverse("section_edit", args=[report_id, place])).content.decode()
    assert 'maxlength="200"' in page and 'maxlength="20000"' in page
    body = "b" * (LIMITS[TextKind.SECTION_BODY] + 1)
    response = section_post(client, report_id, place, "h" * 201, body)
    assert response.status_code != 302  # the form again, with the text
    assert body in response.content.decode()
    errors = response.context["form"].errors
    assert "”Rubrik” till högst 200 tecken" in errors["heading"][0]
    assert "”Text” till högst 20\xa0000 tecken" in errors["body"][0]
    assert not SectionVersion.objects.exists()


def test_section_texts_at_their_limits_are_stored(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    body = "b" * LIMITS[TextKind.SECTION_BODY]
    response = section_post(client_as("skribent"), report_id, place, "h" * 200, body)
    assert response.status_code == 302
    row = section_row(report_id, place)
    assert row is not None and row.body == body


def test_a_comment_over_the_limit_is_refused(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    client = client_as("granskare")
    url = reverse("comments", args=[report_id, place])
    too_long = "c" * (LIMITS[TextKind.COMMENT] + 1)
    response = post(client, url, {"comment-body": too_long})
    assert "”Ny kommentar” till högst 4\xa0000 tecken" in response.content.decode()
    assert not Comment.objects.exists()
    at_limit = "c" * LIMITS[TextKind.COMMENT]
    assert post(client, url, {"comment-body": at_limit}).status_code == 302
    assert Comment.objects.get().body == at_limit


def test_a_variance_explanation_over_the_limit_is_refused(
    client_as: ClientAs, report_id: int
) -> None:
    client = client_as("skribent")
    data = current(client, report_id)
    data["budget_areas/kansli"] = "v" * (LIMITS[TextKind.VARIANCE_EXPLANATION] + 1)
    response = post(client, variances_url(report_id), data)
    assert response.status_code == 400
    assert "till högst 2\xa0000 tecken" in response.content.decode()
    assert comment(report_id, "kansli") == "Personalkostnader för vakanser"
    data["budget_areas/kansli"] = "v" * LIMITS[TextKind.VARIANCE_EXPLANATION]
    assert post(client, variances_url(report_id), data).status_code == 302
    assert comment(report_id, "kansli") == data["budget_areas/kansli"]


def test_a_reason_over_the_limit_is_refused_and_kept(
    client_as: ClientAs, users: Any, report_id: int
) -> None:
    from uppsikt.reports.actions.workflow import submit_report
    from uppsikt.reports.models import ReportState

    submit_report(report_id, actor=users["skribent"])
    client = client_as("granskare")
    hub = client.get(reverse("report", args=[report_id])).content.decode()
    assert 'maxlength="2000"' in hub
    url = reverse("report_action", args=[report_id, "return"])
    too_long = "r" * (LIMITS[TextKind.REASON] + 1)
    response = post(client, url, {"reason": too_long})
    assert response.status_code == 400
    page = response.content.decode()
    assert "”Motivering” till högst 2\xa0000 tecken" in page and too_long in page
    assert ReportState.objects.get(report_id=report_id).status == "submitted"
    at_limit = "r" * LIMITS[TextKind.REASON]
    assert post(client, url, {"reason": at_limit}).status_code == 302
    assert ReportState.objects.get(report_id=report_id).status == "draft"
