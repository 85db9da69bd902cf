"""Numbers in addresses: one too large for the database is a 404, never a server error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from uppsikt.reports.places import section_places
from uppsikt.reports.store import load_report
from uppsikt.web.converters import ID_MAX

ClientAs = Callable[[str], Client]
TOO_LARGE = ("99999999999999999999", str(2**63))


@pytest.mark.parametrize("number", TOO_LARGE)
def test_a_section_number_out_of_range_is_404(
    client_as: ClientAs, report_id: int, number: str
) -> None:
    client = client_as("skribent")
    for suffix in ("", "historik/", "kommentarer/"):
        url = f"/rapporter/{report_id}/texter/chapter:sarskild-fraga/section:{number}/{suffix}"
        assert client.get(url).status_code == 404, url
    preview = f"/rapporter/{report_id}/texter/chapter:sarskild-fraga/section:{number}/"
    assert client.post(preview + "forhandsgranska/").status_code == 404


@pytest.mark.parametrize("number", TOO_LARGE)
def test_ids_out_of_range_are_404(client_as: ClientAs, report_id: int, number: str) -> None:
    client = client_as("admin")
    place = section_places(load_report(report_id))[0].place
    for url in (
        f"/rapporter/{number}/",
        f"/rapporter/{number}/dokument.html",
        f"/rapporter/{number}/texter/{place}/",
        f"/rapporter/{number}/kommentarer/",
        f"/rapporter/{number}/logg/",
        f"/rapporter/{number}/avvikelser/",
        f"/rapporter/{number}/mal/x/",
        f"/rapporter/{report_id}/kommentarer/{number}/besvarad/",
        f"/perioder/{number}/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/rapporter/{report_id}/kommentarer/{number}/besvarad/").status_code == 404


def test_the_largest_id_still_resolves_to_the_view(client_as: ClientAs) -> None:
    """The bound is the database's: the largest bigint is a well-formed address (404: no
    such report), and reverse() builds it."""
    assert reverse("report", args=[ID_MAX]) == f"/rapporter/{ID_MAX}/"
    assert client_as("admin").get(f"/rapporter/{ID_MAX}/").status_code == 404


def test_no_address_takes_an_unbounded_int() -> None:
    """`<int:…>` accepts any size; every id must use the bounded `<id:…>`."""
    from django.urls import get_resolver

    def patterns(resolver: object) -> list[str]:
        found = []
        for entry in getattr(resolver, "url_patterns", []):
            found.append(str(entry.pattern))
            found += patterns(entry)
        return found

    found = patterns(get_resolver())
    assert found and not [pattern for pattern in found if "<int:" in pattern]
