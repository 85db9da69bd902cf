"""Refused saves keep the writer's text: the report was submitted or approved while they
wrote, their login expired, or the CSRF token went stale after logging in again."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.goals.actions.follow_ups import assessment_token
from uppsikt.goals.models import GoalFollowUp
from uppsikt.oversight.models import Comment
from uppsikt.reports.actions.workflow import approve_report, submit_report
from uppsikt.reports.models import SectionVersion
from uppsikt.reports.places import section_places, section_row
from uppsikt.reports.store import load_report

ClientAs = Callable[[str], Client]
GOAL = "klimatneutral-2030"
TEXT = "Min långa text om investeringarna, skriven i en timme."


def post(client: Client, url: str, data: dict[str, Any], **extra: Any) -> Any:
    """POST with the CSRF token a browser would send (taken from a page's cookie)."""
    if "csrftoken" not in client.cookies:
        client.get(reverse("login"))
    token = client.cookies["csrftoken"].value
    return client.post(url, {**data, "csrfmiddlewaretoken": token}, **extra)


@pytest.fixture
def place(report_id: int) -> str:
    return section_places(load_report(report_id))[0].place


def edit_url(report_id: int, place: str) -> str:
    return reverse("section_edit", args=[report_id, place])


def goal_url(report_id: int) -> str:
    return reverse("goal_edit", args=[report_id, GOAL])


def goal_data(motivation: str) -> dict[str, str]:
    row = GoalFollowUp.objects.get(goal__key=GOAL)
    return {
        "year_assessment": "partly_achieved",
        "year_motivation": motivation,
        "term_outlook": row.term_outlook,
        "term_motivation": row.term_motivation,
        "intro": row.intro,
        "based_on": assessment_token(row),
    }


def in_readonly_box(page: str, text: str) -> bool:
    return re.search(r"<textarea[^>]*readonly[^>]*>" + re.escape(text), page) is not None


# --- the report was locked while the writer wrote ----------------------------------------


def test_a_section_saved_after_submit_keeps_the_text(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    client = client_as("skribent")
    client.get(edit_url(report_id, place))
    submit_report(report_id, actor=users["skribent"])  # a colleague submits meanwhile
    data = {"heading": "Rubrik", "body": TEXT, "base_version": "1"}
    response = post(client, edit_url(report_id, place), data)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Rapporten är klarmarkerad" in page and "Din text är inte sparad." in page
    assert "skribent klarmarkerade rapporten" in page  # by whom (and when)
    assert in_readonly_box(page, TEXT)
    assert not SectionVersion.objects.exists()
    row = section_row(report_id, place)
    assert row is not None and row.body != TEXT


def test_an_assessment_saved_after_approval_keeps_the_text(
    client_as: ClientAs, users: dict[str, User], report_id: int
) -> None:
    client = client_as("skribent")
    client.get(goal_url(report_id))
    data = goal_data(TEXT)
    submit_report(report_id, actor=users["skribent"])
    approve_report(report_id, actor=users["granskare"])
    response = post(client, goal_url(report_id), data)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Rapporten är godkänd och låst" in page and "granskare godkände rapporten" in page
    assert in_readonly_box(page, TEXT)
    assert GoalFollowUp.objects.get(goal__key=GOAL).year_motivation != TEXT
    assert not AuditEntry.objects.filter(action="goal.assessed").exists()


def test_a_comment_on_an_approved_report_keeps_the_text_for_htmx(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    client = client_as("granskare")
    submit_report(report_id, actor=users["skribent"])
    approve_report(report_id, actor=users["granskare"])
    url = reverse("comments", args=[report_id, place])
    response = post(
        client,
        url,
        {"comment-body": TEXT},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="comment-thread",
    )
    assert response.status_code == 409
    assert response["HX-Retarget"] == "#comment-thread"
    assert response["HX-Reswap"] == "beforebegin"  # the thread and its form stay
    fragment = response.content.decode()
    assert "<html" not in fragment and in_readonly_box(fragment, TEXT)
    assert not Comment.objects.exists()


def test_a_role_that_may_not_edit_still_gets_403(client_as: ClientAs, report_id: int) -> None:
    response = post(client_as("lasare"), goal_url(report_id), goal_data(TEXT))
    assert response.status_code == 403


# --- the login expired while the writer wrote --------------------------------------------


def logged_out_client(client_as: ClientAs) -> Client:
    """A writer's browser whose session has expired: the cookies stay, the login is gone."""
    client = client_as("skribent")
    client.get(reverse("home"))  # the CSRF cookie, as the open form page set it
    client.cookies.pop(settings.SESSION_COOKIE_NAME)
    return client


def test_an_expired_login_keeps_a_section_text(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    client = logged_out_client(client_as)
    data = {"heading": "Rubrik", "body": TEXT, "base_version": "1"}
    response = post(client, edit_url(report_id, place), data)
    assert response.status_code == 401
    page = response.content.decode()
    assert "Inloggningen har gått ut" in page and in_readonly_box(page, TEXT)
    login = (
        reverse("login")
        + "?next="
        + edit_url(report_id, place).replace(":", "%3A").replace("/", "%2F")
    )
    assert f'href="{login}" target="_blank" rel="noopener"' in page
    # The page can post the text again once the writer has logged in in the other tab.
    assert f'action="{edit_url(report_id, place)}"' in page
    assert 'name="base_version" value="1"' in page
    assert not SectionVersion.objects.exists()


def test_an_expired_login_keeps_an_assessment(client_as: ClientAs, report_id: int) -> None:
    client = logged_out_client(client_as)
    response = post(client, goal_url(report_id), goal_data(TEXT))
    assert response.status_code == 401 and in_readonly_box(response.content.decode(), TEXT)
    assert not AuditEntry.objects.filter(action="goal.assessed").exists()


def test_an_expired_login_keeps_an_htmx_comment(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    client = logged_out_client(client_as)
    url = reverse("comments", args=[report_id, place])
    response = post(
        client, url, {"comment-body": TEXT}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="comment-thread"
    )
    assert response.status_code == 401
    assert response["HX-Retarget"] == "#comment-thread"
    assert response["HX-Reswap"] == "beforebegin"  # the thread does not vanish
    assert response["HX-Reselect"] == ".kept-notice"
    fragment = response.content.decode()
    assert "<html" not in fragment and in_readonly_box(fragment, TEXT)
    assert "Inloggningen har gått ut" in fragment
    assert not Comment.objects.exists()


def test_an_expired_login_does_not_fill_the_preview_with_the_login_page(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    client = logged_out_client(client_as)
    url = reverse("section_preview", args=[report_id, place])
    data = {"heading": "Rubrik", "body": TEXT, "base_version": "1"}
    response = post(client, url, data, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="preview")
    assert response.status_code == 401
    assert response["HX-Retarget"] == "#preview" and response["HX-Reswap"] == "beforebegin"
    fragment = response.content.decode()
    assert in_readonly_box(fragment, TEXT) and 'name="password"' not in fragment
    # Logging in leads back to the form, not to the preview address (POST only).
    assert "next=" + edit_url(report_id, place).replace(":", "%3A").replace("/", "%2F") in fragment


def test_a_get_still_redirects_to_the_login(client: Client, report_id: int, place: str) -> None:
    response = client.get(edit_url(report_id, place))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


# --- logging in again in another tab, then sending from the old page ---------------------


def test_sending_again_after_logging_in_in_another_tab(
    users: dict[str, User], report_id: int, place: str
) -> None:
    writer = users["skribent"]
    writer.set_password("hemligt-lösen")
    writer.save()
    browser = Client(enforce_csrf_checks=True)

    def log_in() -> None:
        browser.get(reverse("login"))
        response = browser.post(
            reverse("login"),
            {
                "username": "skribent",
                "password": "hemligt-lösen",
                "csrfmiddlewaretoken": browser.cookies["csrftoken"].value,
            },
        )
        assert response.status_code == 302

    log_in()
    form_page = browser.get(edit_url(report_id, place)).content.decode()
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page)
    assert found
    page_token = found.group(1)  # what the open form will send
    data = {"heading": "Rubrik", "body": TEXT, "base_version": "1"}

    browser.cookies.pop(settings.SESSION_COOKIE_NAME)  # the session expires
    response = browser.post(edit_url(report_id, place), {**data, "csrfmiddlewaretoken": page_token})
    assert response.status_code == 401

    log_in()  # in another tab: Django gives a new CSRF token at login
    stale = browser.post(edit_url(report_id, place), {**data, "csrfmiddlewaretoken": page_token})
    assert stale.status_code == 403  # the old page's token is refused ...
    page = stale.content.decode()
    assert "Formuläret kunde inte skickas" in page and "Inget är sparat." in page
    assert in_readonly_box(page, TEXT)  # ... but the text is still there to copy
    assert not SectionVersion.objects.exists()

    # forms.js sends the token of the current cookie instead, and then the save works.
    fresh = browser.cookies["csrftoken"].value
    response = browser.post(edit_url(report_id, place), {**data, "csrfmiddlewaretoken": fresh})
    assert response.status_code == 302
    row = section_row(report_id, place)
    assert row is not None and row.body == TEXT


def test_every_page_loads_the_token_refresher(client_as: ClientAs, report_id: int) -> None:
    page = client_as("skribent").get(reverse("report", args=[report_id])).content.decode()
    assert "uppsikt/forms.js" in page
