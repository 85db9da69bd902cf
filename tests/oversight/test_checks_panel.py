"""The live validation panel: findings by severity, links to their places, caching."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from uppsikt.goals.actions.follow_ups import AssessmentInput, record_assessment
from uppsikt.oversight.views.checks import finding_url
from uppsikt.reports.store import load_report

GOAL = "klimatneutral-2030"


def url(report_id: int) -> str:
    return reverse("checks_panel", args=[report_id])


def htmx(client: Client, report_id: int) -> Any:
    return client.get(url(report_id), HTTP_HX_REQUEST="true")


def test_login_is_required(client: Client, report_id: int) -> None:
    response = client.get(url(report_id))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("username", ["skribent", "granskare", "lasare", "admin"])
def test_everyone_of_the_organisation_sees_the_findings(
    client_as: Callable[[str], Client], report_id: int, username: str
) -> None:
    response = htmx(client_as(username), report_id)
    assert response.status_code == 200
    page = response.content.decode()
    assert "0 fel" in page and "Varningar" in page
    assert "<details>" in page and "Noteringar" in page  # notes collapsed
    assert "<html" not in page  # a partial


def test_other_organisations_writer_gets_404(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    assert htmx(client_as("skribent-annan"), report_id).status_code == 404


def test_without_htmx_it_is_a_whole_page(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    page = client_as("lasare").get(url(report_id)).content.decode()
    assert "<html" in page and "<h1>" in page and "Tillbaka till rapporten" in page


def test_the_hub_loads_it_with_htmx_and_a_fallback_link(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    page = client_as("skribent").get(reverse("report", args=[report_id])).content.decode()
    assert f'hx-get="{url(report_id)}"' in page
    assert 'hx-trigger="load, uppsikt:changed from:body"' in page
    assert f'<a href="{url(report_id)}">' in page


def test_errors_link_to_the_goal_form_and_update_the_summary(
    client_as: Callable[[str], Client], users: dict[str, User], report_id: int
) -> None:
    client = client_as("skribent")
    before = htmx(client, report_id).content.decode()
    assert "Inget saknas" in before
    given = AssessmentInput(None, "", None, "", intro="")
    record_assessment(report_id, GOAL, given, actor=users["skribent"])
    response = htmx(client, report_id)
    page = response.content.decode()
    assert "Bedömning för året saknas" in page
    assert reverse("goal_edit", args=[report_id, GOAL]) in page
    assert len(response.context["errors"]) >= 2
    # The out-of-band summary for the hub counts what is missing.
    assert 'id="workflow-summary" hx-swap-oob="true"' in page
    assert "1 mål saknar bedömning för året" in page


def test_variance_findings_link_to_the_variance_form(
    client_as: Callable[[str], Client], users: dict[str, User], report_id: int
) -> None:
    from uppsikt.economy.actions.variances import Explanation, explain_variances

    explain_variances(
        report_id, [Explanation("budget_areas", "kansli", "comment", "")], actor=users["skribent"]
    )
    page = htmx(client_as("skribent"), report_id).content.decode()
    assert reverse("variances", args=[report_id]) in page
    assert 'id="variance-count" hx-swap-oob="true"' in page
    assert "1 saknar förklaring" in page


def test_links_for_every_kind_of_place(report_id: int) -> None:
    report = load_report(report_id)
    document = reverse("document", args=[report_id, "html"])
    assert finding_url(report_id, f"follow_up:{GOAL}/assessment", report) == reverse(
        "goal_edit", args=[report_id, GOAL]
    )
    assert finding_url(report_id, f"follow_up:{GOAL}", report).endswith(f"/mal/{GOAL}/")
    assert finding_url(report_id, "goal:finns-inte", report).endswith("#goals-heading")
    assert finding_url(report_id, "budget_assignment:klimatinvesteringsplan", report) == reverse(
        "assignment_edit", args=[report_id, "klimatinvesteringsplan"]
    )
    assert finding_url(report_id, "table:budget_areas/row:kansli/col:variance", report) == (
        reverse("variances", args=[report_id])
    )
    assert finding_url(report_id, "table:income_statement/row:x/col:y", report) == document
    assert finding_url(report_id, "chapter:ekonomi", report) == document
    assert finding_url(report_id, "", report) == document
    section = finding_url(report_id, "chapter:ekonomi/section:1", report)
    try:
        expected = reverse("section_edit", args=[report_id, "chapter:ekonomi/section:1"])
    except Exception:  # the sections views are not installed yet
        expected = document
    assert section == expected


def test_the_result_is_cached_per_revision(
    client_as: Callable[[str], Client], users: dict[str, User], report_id: int
) -> None:
    client = client_as("lasare")
    htmx(client, report_id)
    with CaptureQueriesContext(connection) as warm:
        htmx(client, report_id)
    assert len(warm) < 20  # no report is loaded: the checks come from the cache
    record_assessment(report_id, GOAL, AssessmentInput(None, "", None, ""), actor=users["skribent"])
    page = htmx(client, report_id).content.decode()
    assert "Bedömning för året saknas" in page  # a new revision is checked again
