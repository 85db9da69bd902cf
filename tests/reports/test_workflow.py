"""Workflow steps through the web: submit, return, approve, reopen; access and audit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.goals.actions.follow_ups import assessment_token
from uppsikt.goals.models import GoalFollowUp
from uppsikt.oversight.models import Comment
from uppsikt.reports.models import ReportState

GOAL = "klimatneutral-2030"


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    """POST with the CSRF token a browser would send (taken from a page's cookie)."""
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    token = client.cookies["csrftoken"].value
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token})


def status(report_id: int) -> str:
    state = ReportState.objects.filter(report_id=report_id).first()
    return state.status if state else "draft"


def step(report_id: int, action: str) -> str:
    return reverse("report_action", args=[report_id, action])


def goal_data(**changes: str) -> dict[str, str]:
    data = {
        "year_assessment": "partly_achieved",
        "year_motivation": "Hälften av insatserna är klara.",
        "term_outlook": "expected",
        "term_motivation": "Arbetet fortsätter enligt plan.",
        "intro": "",
        "based_on": assessment_token(GoalFollowUp.objects.get(goal__key=GOAL)),
    }
    data.update(changes)
    return data


def test_login_is_required(client: Client, report_id: int) -> None:
    response = client.post(step(report_id, "submit"))
    assert response.status_code == 401  # no session: a page with a login link, no redirect
    client.get(reverse("login"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        step(report_id, "return"), {"csrfmiddlewaretoken": token, "reason": "Se över målen."}
    )
    assert response.status_code == 401 and reverse("login") in response.content.decode()
    assert "Se över målen." in response.content.decode()
    assert status(report_id) == "draft"


def test_csrf_is_enforced(client_as: Callable[[str], Client], report_id: int) -> None:
    client = client_as("skribent")
    assert client.post(step(report_id, "submit")).status_code == 403
    assert status(report_id) == "draft"


def test_get_is_not_allowed(client_as: Callable[[str], Client], report_id: int) -> None:
    assert client_as("skribent").get(step(report_id, "submit")).status_code == 405


def test_unknown_step_is_404(client_as: Callable[[str], Client], report_id: int) -> None:
    assert post(client_as("granskare"), step(report_id, "delete")).status_code == 404


def test_other_organisations_writer_gets_404(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    assert post(client_as("skribent-annan"), step(report_id, "submit")).status_code == 404
    assert status(report_id) == "draft"


@pytest.mark.parametrize(
    ("username", "action"),
    [
        ("lasare", "submit"),
        ("granskare", "submit"),
        ("admin", "submit"),
        ("skribent", "approve"),
        ("skribent", "return"),
        ("lasare", "approve"),
        ("granskare", "reopen"),  # not approved yet
    ],
)
def test_wrong_role_or_state_gets_403(
    client_as: Callable[[str], Client], report_id: int, username: str, action: str
) -> None:
    response = post(client_as(username), step(report_id, action), {"reason": "x"})
    assert response.status_code == 403
    assert status(report_id) == "draft"
    assert not AuditEntry.objects.filter(report_id=report_id).exists()


def test_hub_shows_each_role_its_own_buttons(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    hub = reverse("report", args=[report_id])
    writer = client_as("skribent").get(hub).content.decode()
    assert step(report_id, "submit") in writer
    assert step(report_id, "approve") not in writer
    assert reverse("audit_log", args=[report_id]) not in writer
    reviewer = client_as("granskare").get(hub).content.decode()
    assert step(report_id, "submit") not in reviewer
    assert reverse("audit_log", args=[report_id]) in reviewer
    reader = client_as("lasare").get(hub).content.decode()
    assert "report_action" not in reader and "/steg/" not in reader


def test_the_full_cycle(client_as: Callable[[str], Client], report_id: int) -> None:
    writer, reviewer = client_as("skribent"), client_as("granskare")
    hub = reverse("report", args=[report_id])
    goal = reverse("goal_edit", args=[report_id, GOAL])

    # The writer submits; the report can no longer be edited.
    response = post(writer, step(report_id, "submit"))
    assert response.status_code == 302 and response["Location"] == hub
    assert status(report_id) == "submitted"
    assert "klarmarkerad" in writer.get(hub).content.decode()
    assert post(writer, goal, goal_data()).status_code == 409  # the text is kept
    assert 'name="year_motivation"' not in writer.get(goal).content.decode()

    # Returning needs a reason: without one nothing changes.
    response = post(reviewer, step(report_id, "return"), {"reason": "   "})
    assert response.status_code == 302
    assert status(report_id) == "submitted"
    assert "Skriv en motivering" in reviewer.get(hub).content.decode()
    assert not AuditEntry.objects.filter(action="report.returned").exists()

    post(reviewer, step(report_id, "return"), {"reason": "Motivera klimatmålet bättre."})
    assert status(report_id) == "draft"
    assert Comment.objects.filter(report_id=report_id, body="Motivera klimatmålet bättre.")
    page = writer.get(hub).content.decode()
    assert "Granskarens kommentar" not in page or "Motivera klimatmålet bättre." in page

    # The writer sees the comment in the checks panel's summary and fixes the goal.
    panel = writer.get(
        reverse("checks_panel", args=[report_id]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Granskarens kommentar" in panel and "Motivera klimatmålet bättre." in panel
    assert post(writer, goal, goal_data()).status_code == 302
    post(writer, step(report_id, "submit"))
    assert status(report_id) == "submitted"

    # Approved: locked for everyone.
    post(reviewer, step(report_id, "approve"))
    assert status(report_id) == "approved"
    assert post(writer, goal, goal_data(year_motivation="Ändrad")).status_code == 409
    assert post(writer, step(report_id, "submit")).status_code == 403

    # Reopening needs a reason too.
    post(reviewer, step(report_id, "reopen"), {"reason": ""})
    assert status(report_id) == "approved"
    post(reviewer, step(report_id, "reopen"), {"reason": "Fel siffra i sammanfattningen."})
    assert status(report_id) == "draft"
    assert post(writer, goal, goal_data(year_motivation="Ändrad igen")).status_code == 302

    steps = list(
        AuditEntry.objects.filter(report_id=report_id, action__startswith="report.")
        .order_by("at", "id")
        .values_list("action", "username", "before", "after", "reason")
    )
    assert steps == [
        ("report.submitted", "skribent", {"status": "draft"}, {"status": "submitted"}, ""),
        (
            "report.returned",
            "granskare",
            {"status": "submitted"},
            {"status": "draft"},
            "Motivera klimatmålet bättre.",
        ),
        ("report.submitted", "skribent", {"status": "draft"}, {"status": "submitted"}, ""),
        ("report.approved", "granskare", {"status": "submitted"}, {"status": "approved"}, ""),
        (
            "report.reopened",
            "granskare",
            {"status": "approved"},
            {"status": "draft"},
            "Fel siffra i sammanfattningen.",
        ),
    ]


def test_success_and_error_messages_are_shown(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    writer = client_as("skribent")
    response = post(writer, step(report_id, "submit"))
    page = writer.get(response["Location"]).content.decode()
    assert "Rapporten är klarmarkerad" in page


def test_reason_is_sanitised(client_as: Callable[[str], Client], report_id: int) -> None:
    post(client_as("skribent"), step(report_id, "submit"))
    post(
        client_as("granskare"),
        step(report_id, "return"),
        {"reason": "Se över <script>alert(1)</script>texten."},
    )
    entry = AuditEntry.objects.get(action="report.returned")
    assert "<script" not in entry.reason and "texten" in entry.reason


def test_hub_templates_show_the_summary_when_the_hub_passes_it(
    client_as: Callable[[str], Client], users: dict[str, Any], report_id: int
) -> None:
    """`review.lacks.workflow_summary` as `summary` in the hub's context: the reviewer's
    comment and what is missing are shown without waiting for the checks panel."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from uppsikt.domain.workflow import Action
    from uppsikt.oversight.lacks import workflow_summary
    from uppsikt.reports.access import access_report
    from uppsikt.reports.actions.workflow import return_report, submit_report
    from uppsikt.reports.places import section_places
    from uppsikt.reports.reading import cached_report

    submit_report(report_id, actor=users["skribent"])
    return_report(report_id, "Förklara avvikelsen för marknad.", actor=users["granskare"])
    writer = users["skribent"]
    access = access_report(writer, report_id)
    report, _ = cached_report(access)
    request = RequestFactory().get("/")
    request.user = writer
    context = {
        "access": access,
        "report_row": access.report,
        "report": report,
        "places": section_places(report),
        "Action": {action.name: action for action in Action},
        "summary": workflow_summary(access),
    }
    page = render_to_string("reports/report.html", context, request=request)
    assert "Granskarens kommentar" in page
    assert "Förklara avvikelsen för marknad." in page
    assert "1 kommentar är obesvarad" in page
    assert step(report_id, "submit") in page
