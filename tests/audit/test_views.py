"""The audit log page, and the log itself being append-only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from uppsikt.audit.actions import record
from uppsikt.audit.codes import AuditCode
from uppsikt.audit.models import AppendOnlyError, AuditEntry
from uppsikt.audit.views import PAGE_SIZE, changes, readable
from uppsikt.goals.actions.follow_ups import AssessmentInput, record_assessment
from uppsikt.reports.actions.workflow import return_report, submit_report
from uppsikt.reports.models import Report


def url(report_id: int) -> str:
    return reverse("audit_log", args=[report_id])


def test_login_is_required(client: Client, report_id: int) -> None:
    response = client.get(url(report_id))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("username", ["granskare", "admin"])
def test_reviewers_and_admins_read_it(
    client_as: Callable[[str], Client], report_id: int, username: str
) -> None:
    assert client_as(username).get(url(report_id)).status_code == 200


@pytest.mark.parametrize("username", ["skribent", "lasare"])
def test_writers_and_readers_get_403(
    client_as: Callable[[str], Client], report_id: int, username: str
) -> None:
    assert client_as(username).get(url(report_id)).status_code == 403


def test_other_organisations_writer_gets_404(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    assert client_as("skribent-annan").get(url(report_id)).status_code == 404


def test_reviewer_of_another_municipality_gets_404(
    client: Client, users: dict[str, User], report_id: int
) -> None:
    from uppsikt.accounts.actions import grant_role
    from uppsikt.domain.workflow import Role
    from uppsikt.organisations.models import Municipality

    lund = Municipality.objects.create(key="lund", name="Lund")
    reviewer = User.objects.create_user("granskare-lund")
    grant_role(reviewer, lund, Role.REVIEWER, actor=None)
    client.force_login(reviewer)
    assert client.get(url(report_id)).status_code == 404


def test_entries_newest_first_in_swedish_with_before_and_after(
    client_as: Callable[[str], Client], users: dict[str, User], report_id: int
) -> None:
    submit_report(report_id, actor=users["skribent"])
    return_report(report_id, "Motivera <b>bättre</b>.", actor=users["granskare"])
    record_assessment(
        report_id,
        "klimatneutral-2030",
        AssessmentInput(None, "", None, "", intro=""),
        actor=users["skribent"],
    )
    response = client_as("granskare").get(url(report_id))
    page = response.content.decode()
    actions = [row["action"] for row in response.context["rows"]]
    assert actions == ["Bedömde målet", "Skickade tillbaka rapporten", "Klarmarkerade rapporten"]
    assert "Klarmarkerad" in page and "Utkast" in page  # statuses as labels
    assert "<del>Uppnåtts</del> → <ins>–</ins>" in page
    assert "Motivera &lt;b&gt;bättre&lt;/b&gt;." in page  # escaped, not rendered
    assert "follow_up:klimatneutral-2030" in page
    assert "granskare" in page


def test_other_reports_entries_are_not_shown(
    client_as: Callable[[str], Client], users: dict[str, User], report_id: int
) -> None:
    record(users["admin"], AuditCode.COMMENT_ADDED, report=None, place="x-annan-rapport")
    page = client_as("admin").get(url(report_id)).content.decode()
    assert "x-annan-rapport" not in page


def test_pages(client_as: Callable[[str], Client], users: dict[str, User], report_id: int) -> None:
    report = Report.objects.select_related("organisation").get(pk=report_id)
    for number in range(PAGE_SIZE + 5):
        record(users["skribent"], AuditCode.SECTION_SAVED, report=report, place=f"p{number}")
    client = client_as("granskare")
    first = client.get(url(report_id))
    assert len(first.context["rows"]) == PAGE_SIZE
    assert "Sida 1 av 2" in first.content.decode()
    second = client.get(url(report_id), {"page": 2})
    assert len(second.context["rows"]) == 5
    assert client.get(url(report_id), {"page": "x"}).status_code == 200


def test_readable_values() -> None:
    assert readable(None) == "–" and readable("") == "–"
    assert readable("submitted") == "Klarmarkerad"
    assert readable("partly_achieved") == "Delvis uppnåtts"
    assert readable("x" * 400).endswith("…")
    entry = AuditEntry(before={"status": "draft"}, after={"status": "submitted"})
    assert [(c.field, c.before, c.after) for c in changes(entry)] == [
        ("Status", "Utkast", "Klarmarkerad")
    ]
    assert changes(AuditEntry()) == []


# --- append-only ----------------------------------------------------------------------------


def _entry(users: dict[str, User], report_id: int) -> AuditEntry:
    report = Report.objects.select_related("organisation").get(pk=report_id)
    return record(
        users["skribent"], AuditCode.REPORT_SUBMITTED, report=report, after={"status": "x"}
    )


def test_the_model_refuses_changes_and_deletes(users: dict[str, User], report_id: int) -> None:
    entry = _entry(users, report_id)
    entry.reason = "ändrad"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""


def test_the_database_refuses_a_raw_update(users: dict[str, User], report_id: int) -> None:
    entry = _entry(users, report_id)
    if connection.vendor not in ("sqlite", "postgresql"):
        pytest.skip("triggers exist for SQLite and PostgreSQL")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET reason = 'x' WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(reason="x")
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""


def test_postgresql_refuses_a_raw_delete(users: dict[str, User], report_id: int) -> None:
    entry = _entry(users, report_id)
    if connection.vendor != "postgresql":
        pytest.skip("SQLite cannot refuse DELETE (Django's test flush uses it)")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
