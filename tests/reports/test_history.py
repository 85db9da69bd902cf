"""History: versions of a section with word diffs, and the interim report against the
annual analysis of the same organisation and year."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from uppsikt.domain.model import Period, PeriodKind, Section
from uppsikt.importers.package import load_package
from uppsikt.reports.actions.sections import save_section
from uppsikt.reports.places import section_places
from uppsikt.reports.store import load_report, save_report

ClientAs = Callable[[str], Client]
DEMO = Path(__file__).resolve().parents[2] / "examples" / "malmo-ks-2025"


@pytest.fixture
def place(report_id: int) -> str:
    return section_places(load_report(report_id))[0].place


def history(report_id: int, place: str) -> str:
    return reverse("section_history", args=[report_id, place])


@pytest.fixture
def saved_twice(users: dict[str, User], report_id: int, place: str) -> None:
    writer = users["skribent"]
    save_section(
        report_id, place, heading="Rubrik", body="Kostnaderna ökade.", base_version=1, actor=writer
    )
    save_section(
        report_id,
        place,
        heading="Rubrik",
        body="Kostnaderna minskade.",
        base_version=2,
        actor=writer,
    )


@pytest.mark.parametrize("username", ["skribent", "granskare", "lasare", "admin"])
def test_everyone_who_reads_sees_the_versions(
    client_as: ClientAs, report_id: int, place: str, saved_twice: None, username: str
) -> None:
    response = client_as(username).get(history(report_id, place))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Importerad" in page and "Sparad i webben" in page
    for number in (1, 2, 3):
        assert f'name="a" value="{number}"' in page and f'name="b" value="{number}"' in page
    assert 'id="a-2" checked' in page and 'id="b-3" checked' in page


def test_a_text_never_saved_has_its_imported_version(
    client_as: ClientAs, report_id: int, place: str
) -> None:
    page = client_as("skribent").get(history(report_id, place)).content.decode()
    assert "Importerad" in page and 'name="a" value="1"' in page
    assert "ej sparad i webben" in page


def test_the_diff_of_two_versions(
    client_as: ClientAs, report_id: int, place: str, saved_twice: None
) -> None:
    response = client_as("lasare").get(history(report_id, place), {"a": "2", "b": "3"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ändringar från version 2 till version 3" in page
    assert '<del><span class="visually-hidden">[borttaget: </span>ökade' in page
    assert '<ins><span class="visually-hidden">[tillagt: </span>minskade' in page
    same = client_as("lasare").get(history(report_id, place), {"a": "3", "b": "3"})
    assert "samma rubrik och text" in same.content.decode()


@pytest.mark.parametrize("query", [{"a": "1", "b": "99"}, {"a": "x", "b": "2"}, {"a": "1"}])
def test_versions_that_do_not_exist_are_a_bad_request(
    client_as: ClientAs, report_id: int, place: str, saved_twice: None, query: dict[str, str]
) -> None:
    response = client_as("skribent").get(history(report_id, place), query)
    assert response.status_code == 400
    assert "Välj två versioner" in response.content.decode()


def test_history_requires_login_and_hides_other_organisations(
    client: Client, client_as: ClientAs, report_id: int, place: str
) -> None:
    response = client.get(history(report_id, place))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client_as("skribent-annan").get(history(report_id, place)).status_code == 404
    unknown = history(report_id, "chapter:finns-inte/section:0")
    assert client_as("skribent").get(unknown).status_code == 404


def test_history_is_read_only(client_as: ClientAs, report_id: int, place: str) -> None:
    client = client_as("skribent")
    client.get(reverse("home"))
    token = client.cookies["csrftoken"].value
    response = client.post(history(report_id, place), {"csrfmiddlewaretoken": token})
    assert response.status_code == 405


def _interim(report_id: int) -> int:
    """An interim report of the same organisation and year, with one text changed, one
    section removed and one added."""
    report = load_package(DEMO).report
    first, second = report.chapters[0], report.chapters[1]
    changed = replace(first.sections[0], body="Delårets sammanfattning: kostnaderna ökade.")
    chapters = (
        replace(first, sections=(changed,)),
        replace(second, sections=(*second.sections[1:], Section("Bara i delåret", "Text."))),
        *report.chapters[2:],
    )
    interim = replace(
        report, period=Period(2025, PeriodKind.INTERIM_REPORT), chapters=chapters, title=""
    )
    return save_report(interim)


def test_compare_periods_without_an_interim_report(client_as: ClientAs, report_id: int) -> None:
    response = client_as("lasare").get(reverse("compare_periods", args=[report_id]))
    assert response.status_code == 200
    assert (
        "Det finns ingen annan rapport från Kommunstyrelsen för 2025" in response.content.decode()
    )


def test_compare_periods_shows_what_changed(client_as: ClientAs, report_id: int) -> None:
    interim_id = _interim(report_id)
    annual = load_report(report_id)
    response = client_as("granskare").get(reverse("compare_periods", args=[report_id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Delårets sammanfattning" in page  # the interim text, as deleted
    assert "(ändrat)" in page and "(oförändrat)" in page
    assert "(nytt i årsanalysen)" in page and "(bara i delårsrapporten)" in page
    assert "Bara i delåret" in page
    assert annual.chapters[1].sections[0].heading in page
    edit = reverse("section_edit", args=[report_id, "chapter:sammanfattning/section:0"])
    assert edit in page
    # From the interim report, the same comparison (links only go to the annual texts).
    other = client_as("granskare").get(reverse("compare_periods", args=[interim_id]))
    assert other.status_code == 200 and "(ändrat)" in other.content.decode()


def test_compare_periods_access(client: Client, client_as: ClientAs, report_id: int) -> None:
    url = reverse("compare_periods", args=[report_id])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client_as("skribent-annan").get(url).status_code == 404
