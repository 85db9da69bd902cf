"""Writing sections: the form, the preview, versions, audit and the edit conflict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from uppsikt.audit.models import AuditEntry
from uppsikt.domain.workflow import Action
from uppsikt.oversight.actions.comments import add_comment, resolve_comment
from uppsikt.reports.access import access_report
from uppsikt.reports.actions.sections import save_section, section_versions
from uppsikt.reports.actions.workflow import submit_report
from uppsikt.reports.models import SectionVersion
from uppsikt.reports.places import section_places, section_row
from uppsikt.reports.store import load_report
from uppsikt.reports.views.sections import hub_sections

ClientAs = Callable[[str], Client]


def token(client: Client) -> str:
    """The client's CSRF token (any page that renders the base template sets the cookie)."""
    if "csrftoken" not in client.cookies:
        client.get(reverse("home"))
    return client.cookies["csrftoken"].value


def post(client: Client, url: str, data: dict[str, Any], **extra: Any) -> Any:
    return client.post(url, {**data, "csrfmiddlewaretoken": token(client)}, **extra)


@pytest.fixture
def place(report_id: int) -> str:
    return section_places(load_report(report_id))[0].place


def edit_url(report_id: int, place: str) -> str:
    return reverse("section_edit", args=[report_id, place])


def test_writer_gets_the_form_with_the_text(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    row = section_row(report_id, place)
    assert row is not None
    response = client_as("skribent").get(edit_url(report_id, place))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="body"' in page and 'name="base_version" value="1"' in page
    assert row.heading in page
    assert "Förhandsgranska" in page and reverse("section_preview", args=[report_id, place]) in page
    assert 'aria-describedby="id_body_hint"' in page
    assert reverse("section_history", args=[report_id, place]) in page


@pytest.mark.parametrize("username", ["granskare", "lasare", "admin"])
def test_others_who_may_read_see_the_text_without_a_form(
    client_as: ClientAs, report_id: int, place: str, username: str
) -> None:
    response = client_as(username).get(edit_url(report_id, place))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="body"' not in page
    assert "inte ändra" in page


def test_follow_up_sections_have_pages_too(client_as: ClientAs, report_id: int) -> None:
    places = [p.place for p in section_places(load_report(report_id))]
    follow_up = next(p for p in places if p.startswith("follow_up:"))
    assert client_as("skribent").get(edit_url(report_id, follow_up)).status_code == 200


def test_login_is_required(client: Client, report_id: int, place: str) -> None:
    for url in (
        edit_url(report_id, place),
        reverse("section_history", args=[report_id, place]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    for url in (edit_url(report_id, place), reverse("section_preview", args=[report_id, place])):
        response = client.post(url, {"heading": "x", "body": "y", "base_version": "1"})
        assert response.status_code == 401  # the text is kept: see test_kept.py
        assert not SectionVersion.objects.exists()


def test_another_boards_writer_gets_404(client_as: ClientAs, report_id: int, place: str) -> None:
    client = client_as("skribent-annan")
    assert client.get(edit_url(report_id, place)).status_code == 404
    data = {"heading": "x", "body": "y", "base_version": "1"}
    assert post(client, edit_url(report_id, place), data).status_code == 404
    preview = reverse("section_preview", args=[report_id, place])
    assert post(client, preview, data).status_code == 404


def test_unknown_places_and_reports_are_404(client_as: ClientAs, report_id: int) -> None:
    client = client_as("skribent")
    assert client.get(edit_url(report_id, "chapter:finns-inte/section:0")).status_code == 404
    assert client.get(edit_url(report_id, "chapter:economy/section:999")).status_code == 404
    assert client.get(edit_url(report_id + 1000, "chapter:economy/section:0")).status_code == 404


@pytest.mark.parametrize("username", ["granskare", "lasare", "admin"])
def test_only_writers_may_save_or_preview(
    client_as: ClientAs, report_id: int, place: str, username: str
) -> None:
    client = client_as(username)
    data = {"heading": "Ny", "body": "Ny text", "base_version": "1"}
    assert post(client, edit_url(report_id, place), data).status_code == 403
    preview = reverse("section_preview", args=[report_id, place])
    assert post(client, preview, data).status_code == 403
    assert not SectionVersion.objects.exists()


def test_csrf_is_enforced(client_as: ClientAs, report_id: int, place: str) -> None:
    client = client_as("skribent")
    data = {"heading": "Ny", "body": "Ny text", "base_version": "1"}
    assert client.post(edit_url(report_id, place), data).status_code == 403
    preview = reverse("section_preview", args=[report_id, place])
    assert client.post(preview, data).status_code == 403
    assert not SectionVersion.objects.exists()


def test_only_get_and_post(client_as: ClientAs, report_id: int, place: str) -> None:
    client = client_as("skribent")
    put = client.put(edit_url(report_id, place), HTTP_X_CSRFTOKEN=token(client))
    assert put.status_code == 405
    assert client.get(reverse("section_preview", args=[report_id, place])).status_code == 405


def test_a_save_is_a_version_with_an_audit_entry(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    row = section_row(report_id, place)
    assert row is not None
    original = (row.heading, row.body)
    client = client_as("skribent")
    data = {"heading": "Ny rubrik", "body": "Första stycket.\n\n- en punkt", "base_version": "1"}
    response = post(client, edit_url(report_id, place), data)
    assert response.status_code == 302 and response["Location"] == edit_url(report_id, place)
    row.refresh_from_db()
    assert (row.heading, row.body) == ("Ny rubrik", "Första stycket.\n\n- en punkt")
    versions = section_versions(report_id, place)
    assert [(v.number, v.origin) for v in versions] == [(1, "import"), (2, "web")]
    assert (versions[0].heading, versions[0].body) == original
    assert versions[1].author == users["skribent"]
    entry = AuditEntry.objects.get(action="section.saved")
    assert entry.place == place and entry.username == "skribent"
    assert entry.before == {"heading": original[0], "body": original[1]}
    assert entry.after == {"heading": "Ny rubrik", "body": "Första stycket.\n\n- en punkt"}
    page = client.get(edit_url(report_id, place)).content.decode()
    assert "version 2" in page and 'name="base_version" value="2"' in page

    data = {"heading": "Ny rubrik", "body": "Andra versionen.", "base_version": "2"}
    assert post(client, edit_url(report_id, place), data).status_code == 302
    assert [v.number for v in section_versions(report_id, place)] == [1, 2, 3]
    assert AuditEntry.objects.filter(action="section.saved").count() == 2


def test_saving_the_same_text_adds_no_version(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    row = section_row(report_id, place)
    assert row is not None
    client = client_as("skribent")
    data = {"heading": row.heading, "body": row.body, "base_version": "1"}
    assert post(client, edit_url(report_id, place), data).status_code == 302
    assert not SectionVersion.objects.exists()
    assert not AuditEntry.objects.filter(action="section.saved").exists()


def test_saving_moves_the_revision_so_documents_follow(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    client = client_as("skribent")
    before = client.get(reverse("document", args=[report_id, "html"])).content.decode()
    assert "Helt ny mening i rapporten" not in before
    data = {"heading": "Rubrik", "body": "Helt ny mening i rapporten.", "base_version": "1"}
    post(client, edit_url(report_id, place), data)
    after = client.get(reverse("document", args=[report_id, "html"])).content.decode()
    assert "Helt ny mening i rapporten" in after


def test_an_empty_heading_is_refused_with_a_named_error(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    client = client_as("skribent")
    for heading in ("", "<b></b>"):
        data = {"heading": heading, "body": "Text", "base_version": "1"}
        response = post(client, edit_url(report_id, place), data)
        assert response.status_code == 200
        page = response.content.decode()
        assert "error-summary" in page and 'href="#id_heading"' in page
        assert 'aria-invalid="true"' in page and "id_heading_errors" in page
    assert not SectionVersion.objects.exists()


def test_a_missing_base_version_is_a_bad_request(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    response = post(client_as("skribent"), edit_url(report_id, place), {"heading": "x"})
    assert response.status_code == 400
    assert not SectionVersion.objects.exists()


def test_the_second_of_two_saves_gets_both_versions_to_merge(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    first, second = client_as("skribent"), client_as("skribent")
    for client in (first, second):
        page = client.get(edit_url(report_id, place)).content.decode()
        assert 'name="base_version" value="1"' in page
    theirs = {"heading": "Rubrik", "body": "Deras text om budgeten.", "base_version": "1"}
    assert post(first, edit_url(report_id, place), theirs).status_code == 302
    mine = {"heading": "Rubrik", "body": "Min text om investeringarna.", "base_version": "1"}
    response = post(second, edit_url(report_id, place), mine)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Deras text om budgeten." in page and "Min text om investeringarna." in page
    assert "<del>" in page and "<ins>" in page and "borttaget:" in page
    assert 'name="base_version" value="2"' in page  # a merge is based on the latest
    assert "skribent" in page  # who saved theirs
    row = section_row(report_id, place)
    assert row is not None and row.body == "Deras text om budgeten."
    assert [v.number for v in section_versions(report_id, place)] == [1, 2]
    assert AuditEntry.objects.filter(action="section.saved").count() == 1

    merged = {"heading": "Rubrik", "body": "Om budgeten och investeringarna.", "base_version": "2"}
    assert post(second, edit_url(report_id, place), merged).status_code == 302
    row.refresh_from_db()
    assert row.body == "Om budgeten och investeringarna."
    assert [v.number for v in section_versions(report_id, place)] == [1, 2, 3]


def test_editing_is_refused_after_submit(
    client_as: ClientAs, users: dict[str, User], report_id: int, place: str
) -> None:
    client = client_as("skribent")
    token(client)
    submit_report(report_id, actor=users["skribent"])
    page = client.get(edit_url(report_id, place)).content.decode()
    assert 'name="body"' not in page and "klarmarkerad" in page
    data = {"heading": "Ny", "body": "Ny text", "base_version": "1"}
    assert post(client, edit_url(report_id, place), data).status_code == 409
    assert not SectionVersion.objects.exists()


def test_preview_renders_markdown_safely(client_as: ClientAs, report_id: int, place: str) -> None:
    client = client_as("skribent")
    url = reverse("section_preview", args=[report_id, place])
    data = {
        "heading": "Rubrik <i>x</i>",
        "body": "Det **gick** bra & 5 > 3.\n\n- ett\n- två\n\n{{ table: personnel }}\n\n"
        '<script>alert(1)</script>[länk](javascript:alert(1)) <img src=x onerror="alert(1)">',
    }
    response = post(client, url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "<strong>gick</strong>" in fragment and "&amp; 5 &gt; 3" in fragment
    assert "<li>ett</li>" in fragment and "personnel" in fragment
    assert "<script" not in fragment and "javascript:" not in fragment
    assert "onerror" not in fragment and "<img" not in fragment
    assert "<html" not in fragment  # the fragment alone
    assert not SectionVersion.objects.exists()


def test_preview_without_javascript_keeps_the_form(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    url = reverse("section_preview", args=[report_id, place])
    data = {"heading": "Rubrik", "body": "Osparad *ändring*.", "base_version": "1"}
    response = post(client_as("skribent"), url, data)
    page = response.content.decode()
    assert response.status_code == 200 and "<html" in page
    assert "<em>ändring</em>" in page and "Osparad *ändring*." in page


def test_the_stored_text_imported_again_becomes_a_version(
    users: dict[str, User], report_id: int, place: str
) -> None:
    writer = users["skribent"]
    save_section(report_id, place, heading="A", body="web", base_version=1, actor=writer)
    row = section_row(report_id, place)
    assert row is not None
    row.body = "importerad igen"  # as an import would replace it
    row.save()
    versions = section_versions(report_id, place)
    assert [(v.number, v.origin, v.pk is None) for v in versions] == [
        (1, "import", False),
        (2, "web", False),
        (3, "import", True),
    ]
    save_section(report_id, place, heading="A", body="web igen", base_version=3, actor=writer)
    stored = SectionVersion.objects.filter(place=place).order_by("number")
    assert [(v.number, v.origin, v.body) for v in stored][2:] == [
        (3, "import", "importerad igen"),
        (4, "web", "web igen"),
    ]


def test_the_hub_links_every_text(client_as: ClientAs, report_id: int, place: str) -> None:
    page = client_as("skribent").get(reverse("report", args=[report_id])).content.decode()
    assert edit_url(report_id, place) in page and "Redigera<span" in page
    assert reverse("report_comments", args=[report_id]) in page
    assert reverse("compare_periods", args=[report_id]) in page
    reader = client_as("lasare").get(reverse("report", args=[report_id])).content.decode()
    assert edit_url(report_id, place) in reader and "Visa<span" in reader
    assert "Redigera<span" not in reader


def test_hub_sections_count_open_comments_in_one_query(
    users: dict[str, User], report_id: int, place: str, django_assert_num_queries: Any
) -> None:
    reviewer = users["granskare"]
    add_comment(report_id, place, "Öppen", actor=reviewer)
    add_comment(report_id, place, "Också öppen", actor=reviewer)
    done = add_comment(report_id, place, "Klar", actor=reviewer)
    resolve_comment(report_id, done.pk, actor=reviewer)
    add_comment(report_id, "", "Om hela rapporten", actor=reviewer)
    access = access_report(users["lasare"], report_id)
    places = section_places(load_report(report_id))
    with django_assert_num_queries(1):
        items = hub_sections(access, places)
    assert [item["open_comments"] for item in items if item["place"] == place] == [2]
    assert sum(item["open_comments"] for item in items) == 2
    context = {
        "access": access,
        "report_row": access.report,
        "places": places,
        "section_items": items,
        "Action": {action.name: action for action in Action},
    }
    with django_assert_num_queries(0):
        html = render_to_string("reports/_hub_sections.html", context)
    assert "Obesvarade kommentarer" in html and "<strong>2</strong>" in html
    assert "Visa<span" in html


def test_preview_names_an_empty_link_by_its_address(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    url = reverse("section_preview", args=[report_id, place])
    data = {"heading": "Rubrik", "body": "Se [](https://example.org/x)."}
    fragment = post(client_as("skribent"), url, data, HTTP_HX_REQUEST="true").content.decode()
    assert '<a href="https://example.org/x" rel="noopener">https://example.org/x</a>' in fragment


@pytest.mark.parametrize(
    ("marker", "known"),
    [
        ("{{ table: operating_budget }}", "operating_result"),
        ("{{ generated: economy_sumary }}", "assessment_summary, economy_summary"),
    ],
)
def test_a_marker_that_names_nothing_is_a_field_error_and_the_text_is_kept(
    client_as: ClientAs, report_id: int, place: str, marker: str, known: str
) -> None:
    body = f"Driften gick bra.\n\n{marker}\n"
    data = {"heading": "Ekonomi", "body": body, "base_version": "1"}
    response = post(client_as("skribent"), edit_url(report_id, place), data)
    assert response.status_code == 200
    page = response.content.decode()
    errors = page[page.index('id="id_body_errors"') :].split("</ul>")[0]
    assert f"Markeringen ”{marker}” hänvisar till" in errors and known in errors
    assert 'aria-invalid="true"' in page
    assert "Driften gick bra." in page and marker in page.split("</textarea>")[0]
    assert not SectionVersion.objects.exists()
    assert not AuditEntry.objects.filter(action="section.saved").exists()


@pytest.mark.parametrize("written", ["{{ tabell: operating_result }}", "{{ TABLE: X }}"])
def test_a_line_of_no_marker_form_is_a_field_error(
    client_as: ClientAs, report_id: int, place: str, written: str
) -> None:
    data = {"heading": "Ekonomi", "body": f"Driften gick bra.\n\n{written}\n", "base_version": "1"}
    response = post(client_as("skribent"), edit_url(report_id, place), data)
    assert response.status_code == 200
    page = response.content.decode()
    errors = page[page.index('id="id_body_errors"') :].split("</ul>")[0]
    assert f"Raden ”{written}” ser ut som en markering" in errors
    assert "{{ table: nyckel }}" in errors and "{{ generated: nyckel }}" in errors
    assert not SectionVersion.objects.exists()


def test_known_markers_save(client_as: ClientAs, report_id: int, place: str) -> None:
    body = "Så här:\n\n{{ table: operating_result }}\n\n{{ generated: economy_summary }}"
    data = {"heading": "Ekonomi", "body": body, "base_version": "1"}
    assert post(client_as("skribent"), edit_url(report_id, place), data).status_code == 302
    assert SectionVersion.objects.filter(body=body).exists()
