"""Variance explanations: the rows above the threshold, saved in one go, each audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.economy.actions.variances import Explanation, explain_variances
from uppsikt.economy.models.figures import FigureCell
from uppsikt.goals.actions.follow_ups import InvalidInput
from uppsikt.reports.actions.workflow import submit_report
from uppsikt.reports.models import ReportState

TABLE = "budget_areas"


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    """POST with the CSRF token a browser would send (taken from a page's cookie)."""
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    token = client.cookies["csrftoken"].value
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token})


def url(report_id: int) -> str:
    return reverse("variances", args=[report_id])


def comment(report_id: int, row: str) -> str | None:
    return (
        FigureCell.objects.filter(
            row__table__report_id=report_id,
            row__table__key=TABLE,
            row__key=row,
            column_key="comment",
        )
        .values_list("text", flat=True)
        .first()
    )


def current(client: Client, report_id: int) -> dict[str, str]:
    """The form's fields as the page fills them in."""
    form = client.get(url(report_id)).context["form"]
    return {name: form.initial.get(name, "") for name in form.fields}


def test_login_is_required(client: Client, report_id: int) -> None:
    response = client.get(url(report_id))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("username", ["skribent", "granskare", "lasare", "admin"])
def test_everyone_of_the_organisation_reads(
    client_as: Callable[[str], Client], report_id: int, username: str
) -> None:
    page = client_as(username).get(url(report_id))
    assert page.status_code == 200
    assert "Kansli" in page.content.decode()


def test_other_organisations_writer_gets_404(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent-annan")
    assert client.get(url(report_id)).status_code == 404
    assert post(client, url(report_id), {f"{TABLE}/kansli": "x"}).status_code == 404


@pytest.mark.parametrize("username", ["granskare", "lasare", "admin"])
def test_only_writers_may_save(
    client_as: Callable[[str], Client], report_id: int, username: str
) -> None:
    client = client_as(username)
    assert "<textarea" not in client.get(url(report_id)).content.decode()
    assert post(client, url(report_id), {f"{TABLE}/kansli": "x"}).status_code == 403
    assert comment(report_id, "kansli") == "Personalkostnader för vakanser"


def test_csrf_is_enforced(client_as: Callable[[str], Client], report_id: int) -> None:
    client = client_as("skribent")
    assert client.post(url(report_id), {f"{TABLE}/kansli": "x"}).status_code == 403


def test_lists_only_rows_above_the_threshold(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    form = client_as("skribent").get(url(report_id)).context["form"]
    names = set(form.fields)
    assert f"{TABLE}/kansli" in names  # 696 tkr
    assert f"{TABLE}/marknad" in names  # -2 091 tkr
    assert f"{TABLE}/juridik" not in names  # -170 tkr, under 500 tkr
    assert f"{TABLE}/arbetsmarknad" not in names  # 438 tkr


def test_writer_saves_explanations_in_one_go(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent")
    data = current(client, report_id)
    data[f"{TABLE}/kansli"] = "Vakanser under hösten."
    data[f"{TABLE}/marknad"] = "Näringslivsgalan <script>x</script>kostade mer."
    before = ReportState.objects.filter(report_id=report_id).first()
    response = post(client, url(report_id), data)
    assert response.status_code == 302
    assert comment(report_id, "kansli") == "Vakanser under hösten."
    assert "<script" not in (comment(report_id, "marknad") or "")
    # One save is one action: one audit row with every text it changed, by place.
    entry = AuditEntry.objects.get(action="variance.explained")
    kansli, marknad = (f"table:{TABLE}/row:{row}/col:comment" for row in ("kansli", "marknad"))
    assert entry.place == ""
    assert entry.before is not None and entry.after is not None
    assert set(entry.after) == {kansli, marknad}
    assert entry.before[kansli] == "Personalkostnader för vakanser"
    assert entry.after[kansli] == "Vakanser under hösten."
    state = ReportState.objects.get(report_id=report_id)
    assert state.revision == (before.revision if before else 0) + 1
    page = client.get(url(report_id)).content.decode()
    assert "Vakanser under hösten." in page


def test_clearing_an_explanation_makes_it_missing(
    client_as: Callable[[str], Client], report_id: int
) -> None:
    client = client_as("skribent")
    data = current(client, report_id)
    data[f"{TABLE}/kansli"] = ""
    post(client, url(report_id), data)
    assert comment(report_id, "kansli") is None
    response = client.get(url(report_id))
    assert response.context["unexplained"] == 1
    panel = client.get(reverse("checks_panel", args=[report_id])).content.decode()
    assert "Kansli" in panel and "ska förklaras" in panel
    data = current(client, report_id)
    data[f"{TABLE}/kansli"] = "Vakanser."
    post(client, url(report_id), data)
    assert comment(report_id, "kansli") == "Vakanser."  # a new cell


def test_nothing_changed_writes_nothing(client_as: Callable[[str], Client], report_id: int) -> None:
    client = client_as("skribent")
    post(client, url(report_id), current(client, report_id))
    assert not AuditEntry.objects.filter(action="variance.explained").exists()


def test_submitted_report_refuses_edits(
    client_as: Callable[[str], Client], users: dict[str, User], report_id: int
) -> None:
    submit_report(report_id, actor=users["skribent"])
    client = client_as("skribent")
    assert "<textarea" not in client.get(url(report_id)).content.decode()
    assert post(client, url(report_id), {f"{TABLE}/kansli": "x"}).status_code == 409


def test_the_action_refuses_unknown_rows_and_non_text_columns(
    users: dict[str, User], report_id: int
) -> None:
    writer = users["skribent"]
    with pytest.raises(InvalidInput):
        explain_variances(
            report_id, [Explanation(TABLE, "finns-inte", "comment", "x")], actor=writer
        )
    with pytest.raises(InvalidInput):
        explain_variances(report_id, [Explanation(TABLE, "kansli", "budget", "x")], actor=writer)
    # All or nothing: one bad row keeps the good one from being saved.
    with pytest.raises(InvalidInput):
        explain_variances(
            report_id,
            [
                Explanation(TABLE, "kansli", "comment", "Ny text"),
                Explanation(TABLE, "finns-inte", "comment", "x"),
            ],
            actor=writer,
        )
    assert comment(report_id, "kansli") == "Personalkostnader för vakanser"
