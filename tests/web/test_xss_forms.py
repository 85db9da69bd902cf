"""The XSS corpus through the other forms: goal assessments, budget assignments and
variance explanations come out inert in the HTML, PDF and DOCX documents too."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from uppsikt.goals.actions.assignments import assignment_token
from uppsikt.goals.actions.follow_ups import assessment_token
from uppsikt.goals.models import BudgetAssignmentReport, GoalFollowUp

from .test_xss import PAYLOADS, SAFE_LINK, _assert_documents_inert, assert_inert_html, main_of, post

ClientAs = Callable[[str], Client]


def _variance_form(client: Client, report_id: int) -> dict[str, str]:
    form = client.get(reverse("variances", args=[report_id])).context["form"]
    return {name: str(form[name].value() or "") for name in form.fields}


def test_the_corpus_through_goal_assignment_and_variance_forms_is_inert(
    client_as: ClientAs, report_id: int
) -> None:
    writer = client_as("skribent")
    goals = list(
        GoalFollowUp.objects.filter(report_id=report_id).values_list("goal__key", flat=True)
    )
    assert goals
    for index, goal in enumerate(goals):
        payload = PAYLOADS[index % len(PAYLOADS)]
        other = PAYLOADS[(index + 7) % len(PAYLOADS)]
        response = post(
            writer,
            reverse("goal_edit", args=[report_id, goal]),
            {
                "year_assessment": "partly_achieved",
                "year_motivation": f"Motivering {payload} {SAFE_LINK}",
                "term_outlook": "expected",
                "term_motivation": f"Utsikt {other}",
                "intro": f"Inledning {PAYLOADS[(index + 13) % len(PAYLOADS)]}",
                "based_on": assessment_token(
                    GoalFollowUp.objects.get(report_id=report_id, goal__key=goal)
                ),
            },
        )
        assert response.status_code == 302, goal

    assignments = list(
        BudgetAssignmentReport.objects.filter(report_id=report_id).values_list(
            "assignment__key", flat=True
        )
    )
    assert assignments
    for index, key in enumerate(assignments):
        response = post(
            writer,
            reverse("assignment_edit", args=[report_id, key]),
            {
                "status": "ongoing",
                "body": f"Redovisning {PAYLOADS[(index + 3) % len(PAYLOADS)]}",
                "based_on": assignment_token(
                    BudgetAssignmentReport.objects.get(report_id=report_id, assignment__key=key)
                ),
            },
        )
        assert response.status_code == 302, key

    data = _variance_form(writer, report_id)
    explanation_fields = [name for name in data if "/" in name]
    assert explanation_fields
    for index, name in enumerate(explanation_fields):
        data[name] = f"Förklaring {PAYLOADS[(index + 21) % len(PAYLOADS)]}"
    assert post(writer, reverse("variances", args=[report_id]), data).status_code == 302

    _assert_documents_inert(client_as("lasare"), report_id)
    for page in (
        reverse("goal_edit", args=[report_id, goals[0]]),
        reverse("variances", args=[report_id]),
        reverse("report", args=[report_id]),
    ):
        assert_inert_html(main_of(writer.get(page).content.decode()))
