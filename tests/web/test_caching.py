"""Nothing a logged-in user sees is kept by a browser or proxy cache; static files are."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from uppsikt.reports.places import section_places
from uppsikt.reports.store import load_report

ClientAs = Callable[[str], Client]


def test_every_page_for_a_logged_in_user_is_private_and_not_stored(
    client_as: ClientAs, report_id: int
) -> None:
    client = client_as("skribent")
    place = section_places(load_report(report_id))[0].place
    for url in (
        reverse("home"),
        reverse("report", args=[report_id]),
        reverse("section_edit", args=[report_id, place]),
        reverse("section_history", args=[report_id, place]),
        reverse("variances", args=[report_id]),
        "/finns-inte/",  # a 404 page shows the user's name too
    ):
        assert client.get(url)["Cache-Control"] == "private, no-store", url


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_documents_are_not_stored(client_as: ClientAs, report_id: int, fmt: str) -> None:
    response = client_as("lasare").get(reverse("document", args=[report_id, fmt]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_the_login_page_is_not_stored(client: Client, db: None) -> None:
    assert client.get(reverse("login"))["Cache-Control"] == "private, no-store"


def test_static_files_keep_their_caching(client_as: ClientAs) -> None:
    for client in (Client(), client_as("skribent")):
        response = client.get("/static/uppsikt/uppsikt.css")
        assert response.status_code == 200
        assert "no-store" not in response["Cache-Control"]
        assert "max-age=" in response["Cache-Control"]
