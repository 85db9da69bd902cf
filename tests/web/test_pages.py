"""The report list, the report hub and the documents: access and content."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from uppsikt.reports.actions.workflow import approve_report, submit_report


def test_login_is_required_everywhere(client: Client, report_id: int) -> None:
    for url in (
        reverse("home"),
        reverse("report", args=[report_id]),
        reverse("document", args=[report_id, "html"]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_home_lists_only_the_reports_a_user_may_see(client_as: Callable[[str], Client]) -> None:
    page = client_as("skribent").get(reverse("home")).content.decode()
    assert "Kommunstyrelsen" in page and "Utkast" in page
    other = client_as("skribent-annan").get(reverse("home")).content.decode()
    assert "Kommunstyrelsen" not in other
    assert "inte tillgång till någon rapport" in other


@pytest.mark.parametrize("username", ["skribent", "granskare", "lasare", "admin"])
def test_every_role_of_the_municipality_or_board_reads_the_hub(
    client_as: Callable[[str], Client], report_id: int, username: str
) -> None:
    response = client_as(username).get(reverse("report", args=[report_id]))
    assert response.status_code == 200
    assert "Årsanalys 2025" in response.content.decode()


def test_another_boards_writer_gets_404(client_as: Callable[[str], Client], report_id: int) -> None:
    client = client_as("skribent-annan")
    assert client.get(reverse("report", args=[report_id])).status_code == 404
    assert client.get(reverse("document", args=[report_id, "pdf"])).status_code == 404


def test_documents_are_marked_draft_until_approved(
    client_as: Callable[[str], Client], users: dict[str, object], report_id: int
) -> None:
    client = client_as("lasare")
    page = client.get(reverse("document", args=[report_id, "html"])).content.decode()
    assert "UTKAST" in page
    docx = client.get(reverse("document", args=[report_id, "docx"]))
    assert docx["Content-Disposition"].endswith('-utkast.docx"')
    submit_report(report_id, actor=users["skribent"])  # type: ignore[arg-type]
    approve_report(report_id, actor=users["granskare"])  # type: ignore[arg-type]
    page = client.get(reverse("document", args=[report_id, "html"])).content.decode()
    assert "UTKAST" not in page
    pdf = client.get(reverse("document", args=[report_id, "pdf"]))
    assert pdf.content.startswith(b"%PDF") and "utkast" not in pdf["Content-Disposition"]


def test_reviewers_find_the_period_overview_from_the_home_page(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    from uppsikt.reports.models import Report

    period = Report.objects.get(pk=report_id).period_id
    overview = reverse("period_overview", args=[period])
    assert overview in client_as("granskare").get(reverse("home")).content.decode()
    assert overview in client_as("admin").get(reverse("home")).content.decode()
    assert overview not in client_as("skribent").get(reverse("home")).content.decode()
    assert overview not in client_as("lasare").get(reverse("home")).content.decode()


def test_every_page_carries_a_content_security_policy(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent")
    for url in (
        reverse("login"),
        reverse("home"),
        reverse("report", args=[report_id]),
        reverse("document", args=[report_id, "html"]),
    ):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "object-src 'none'" in policy, url
        assert "unsafe-eval" not in policy and "frame-ancestors 'none'" in policy
