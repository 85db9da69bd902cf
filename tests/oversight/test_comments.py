"""Comment threads: per section and for the whole report; adding and resolving."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.domain.workflow import WorkflowError
from uppsikt.oversight.actions.comments import add_comment, resolve_comment
from uppsikt.oversight.models import Comment
from uppsikt.reports.actions.sections import InvalidText
from uppsikt.reports.actions.workflow import approve_report, submit_report
from uppsikt.reports.places import section_places
from uppsikt.reports.store import load_report

ClientAs = Callable[[str], Client]


def token(client: Client) -> str:
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    return client.cookies["csrftoken"].value


def post(client: Client, url: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token(client)}, **extra)


@pytest.fixture
def place(report_id: int) -> str:
    return section_places(load_report(report_id))[0].place


def thread(report_id: int, place: str) -> str:
    return reverse("comments", args=[report_id, place])


@pytest.mark.parametrize("username", ["skribent", "granskare", "admin"])
def test_who_may_comment_adds_to_the_thread(
    client_as: ClientAs, report_id: int, place: str, username: str
) -> None:
    client = client_as(username)
    response = post(client, thread(report_id, place), {"comment-body": "Ser bra ut."})
    assert response.status_code == 302
    assert response["Location"] == reverse("section_edit", args=[report_id, place]) + "#comments"
    comment = Comment.objects.get()
    assert comment.author is not None
    assert (comment.place, comment.body, comment.author.username) == (
        place,
        "Ser bra ut.",
        username,
    )
    entry = AuditEntry.objects.get(action="comment.added")
    assert entry.place == place and entry.after == {"comment": comment.pk, "body": "Ser bra ut."}
    page = client.get(reverse("section_edit", args=[report_id, place])).content.decode()
    assert "Ser bra ut." in page and "1 obesvarad" in page


def test_htmx_gets_the_thread_back(client_as: ClientAs, report_id: int, place: str) -> None:
    client = client_as("granskare")
    response = post(
        client, thread(report_id, place), {"comment-body": "Fråga?"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert 'id="comment-thread"' in fragment and "Fråga?" in fragment
    assert "<html" not in fragment
    again = client.get(thread(report_id, place), HTTP_HX_REQUEST="true").content.decode()
    assert "Fråga?" in again and "<html" not in again


def test_thread_page_without_javascript(client_as: ClientAs, report_id: int, place: str) -> None:
    page = client_as("lasare").get(thread(report_id, place)).content.decode()
    assert "<html" in page and "Inga kommentarer ännu." in page
    assert 'name="comment-body"' not in page  # readers do not comment


def test_an_empty_comment_is_refused(client_as: ClientAs, report_id: int, place: str) -> None:
    client = client_as("skribent")
    for body in ("", "   ", "<script>x</script>"):
        response = post(client, thread(report_id, place), {"comment-body": body})
        assert response.status_code == 200
        page = response.content.decode()
        assert "id_comment-body_errors" in page and 'aria-invalid="true"' in page
    assert not Comment.objects.exists()


def test_report_thread(client_as: ClientAs, report_id: int) -> None:
    url = reverse("report_comments", args=[report_id])
    client = client_as("granskare")
    assert "Kommentarer till hela rapporten" in client.get(url).content.decode()
    response = post(client, url, {"comment-body": "Om hela rapporten."})
    assert response.status_code == 302 and response["Location"] == url
    assert Comment.objects.get().place == ""
    assert "Om hela rapporten." in client.get(url).content.decode()


def test_login_is_required(client: Client, report_id: int, place: str) -> None:
    urls = [thread(report_id, place), reverse("report_comments", args=[report_id])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        # A post keeps the text instead (see test_kept.py).
        assert client.post(url, {"comment-body": "x"}).status_code == 401
    assert client.post(reverse("comment_resolve", args=[report_id, 1])).status_code == 401


def test_readers_may_read_but_not_write(client_as: ClientAs, report_id: int, place: str) -> None:
    client = client_as("lasare")
    assert client.get(thread(report_id, place)).status_code == 200
    assert post(client, thread(report_id, place), {"comment-body": "x"}).status_code == 403
    url = reverse("report_comments", args=[report_id])
    assert post(client, url, {"comment-body": "x"}).status_code == 403
    assert not Comment.objects.exists()


def test_other_organisations_get_404(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    comment = add_comment(report_id, place, "Hemlig fråga", actor=users["granskare"])
    client = client_as("skribent-annan")
    assert client.get(thread(report_id, place)).status_code == 404
    assert post(client, thread(report_id, place), {"comment-body": "x"}).status_code == 404
    assert client.get(reverse("report_comments", args=[report_id])).status_code == 404
    resolve = reverse("comment_resolve", args=[report_id, comment.pk])
    assert post(client, resolve).status_code == 404
    assert Comment.objects.get().resolved_at is None


def test_csrf_is_enforced(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    comment = add_comment(report_id, place, "Fråga", actor=users["granskare"])
    client = client_as("skribent")
    assert client.post(thread(report_id, place), {"comment-body": "x"}).status_code == 403
    url = reverse("report_comments", args=[report_id])
    assert client.post(url, {"comment-body": "x"}).status_code == 403
    resolve = reverse("comment_resolve", args=[report_id, comment.pk])
    assert client.post(resolve).status_code == 403
    assert Comment.objects.count() == 1 and Comment.objects.get().resolved_at is None


def test_unknown_places_and_comments_are_404(
    client_as: ClientAs, users: dict[str, User], report_id: int
) -> None:
    client = client_as("skribent")
    assert client.get(thread(report_id, "chapter:finns-inte/section:0")).status_code == 404
    assert post(client, reverse("comment_resolve", args=[report_id, 99999])).status_code == 404


@pytest.mark.parametrize("username", ["skribent", "granskare"])
def test_writers_and_reviewers_resolve(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str, username: str
) -> None:
    comment = add_comment(report_id, place, "Förtydliga.", actor=users["granskare"])
    client = client_as(username)
    page = client.get(reverse("section_edit", args=[report_id, place])).content.decode()
    resolve = reverse("comment_resolve", args=[report_id, comment.pk])
    assert resolve in page
    response = post(client, resolve, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Besvarad" in response.content.decode()
    comment.refresh_from_db()
    assert comment.resolved_at is not None and comment.resolved_by == users[username]
    entry = AuditEntry.objects.get(action="comment.resolved")
    assert entry.before == {"comment": comment.pk, "resolved": False}
    assert entry.after == {"comment": comment.pk, "resolved": True}
    # Resolving again changes nothing and writes nothing.
    assert post(client, resolve).status_code == 302
    assert AuditEntry.objects.filter(action="comment.resolved").count() == 1


@pytest.mark.parametrize("username", ["lasare", "admin"])
def test_readers_and_admins_do_not_resolve(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str, username: str
) -> None:
    comment = add_comment(report_id, place, "Förtydliga.", actor=users["granskare"])
    client = client_as(username)
    resolve = reverse("comment_resolve", args=[report_id, comment.pk])
    assert resolve not in client.get(thread(report_id, place)).content.decode()
    assert post(client, resolve).status_code == 403
    comment.refresh_from_db()
    assert comment.resolved_at is None


def test_no_comments_on_an_approved_report(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    add_comment(report_id, place, "Före godkännandet.", actor=users["granskare"])
    submit_report(report_id, actor=users["skribent"])
    approve_report(report_id, actor=users["granskare"])
    client = client_as("granskare")
    page = client.get(thread(report_id, place)).content.decode()
    assert "Före godkännandet." in page and 'name="comment-body"' not in page
    assert post(client, thread(report_id, place), {"comment-body": "x"}).status_code == 409
    with pytest.raises(WorkflowError):
        add_comment(report_id, place, "x", actor=users["granskare"])


def test_actions_check_their_input(users: dict[str, User], report_id: int, place: str) -> None:
    with pytest.raises(InvalidText):
        add_comment(report_id, place, "<b></b>", actor=users["skribent"])
    with pytest.raises(ValueError, match="inget avsnitt"):
        add_comment(report_id, "chapter:nej/section:0", "text", actor=users["skribent"])
    with pytest.raises(WorkflowError):
        add_comment(report_id, place, "text", actor=users["lasare"])
    comment = add_comment(report_id, place, "**viktigt** <i>x</i>", actor=users["skribent"])
    assert comment.body == "**viktigt** x"
    with pytest.raises(Comment.DoesNotExist):
        resolve_comment(report_id, comment.pk + 1, actor=users["skribent"])


def test_comment_text_is_escaped_on_the_page(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    Comment.objects.create(
        report_id=report_id, place=place, body='"><script>alert(1)</script>', author=None
    )
    page = client_as("lasare").get(thread(report_id, place)).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_htmx_marks_the_new_comment_as_the_focus_target(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    client = client_as("granskare")
    post(client, thread(report_id, place), {"comment-body": "Första."}, HTTP_HX_REQUEST="true")
    response = post(
        client, thread(report_id, place), {"comment-body": "Andra."}, HTTP_HX_REQUEST="true"
    )
    new = Comment.objects.get(body="Andra.")
    fragment = response.content.decode()
    target = (
        f'id="comment-{new.pk}" tabindex="-1" data-focus-after-swap '
        'data-announce="Kommentaren är sparad" data-announce-in="comment-status"'
    )
    assert target in fragment
    assert fragment.count("data-focus-after-swap") == 1  # only the new one
    # The live region is outside the part htmx swaps in (hx-select="#comment-thread").
    region = '<p id="comment-status" class="visually-hidden" role="status" aria-live="polite">'
    assert region in fragment
    assert fragment.index(region) < fragment.index('<div id="comment-thread">')


def test_htmx_resolving_keeps_focus_on_the_comment(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    comment = add_comment(report_id, place, "Fråga?", actor=users["granskare"])
    url = reverse("comment_resolve", args=[report_id, comment.pk])
    fragment = post(client_as("skribent"), url, HTTP_HX_REQUEST="true").content.decode()
    assert f'id="comment-{comment.pk}" tabindex="-1" data-focus-after-swap' in fragment
    assert 'data-announce="Kommentaren är markerad som besvarad."' in fragment


def test_the_focus_script_is_on_every_page(client: Client, db: None) -> None:
    page = client.get(reverse("login")).content.decode()
    assert '<script src="/static/uppsikt/uppsikt.js" defer></script>' in page
    assert client.get("/static/uppsikt/uppsikt.js").status_code == 200
