"""The oversight's two main pages in a real Chromium with axe-core: the goals ×
organisations matrix and the economy overview, on a desk (1 280 px) and on a phone
(390 px). Zero axe violations of any impact; the page itself never scrolls sideways
(a wide table scrolls in its own labelled box); a board's writer sees only their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from oversight.economy_factory import MILLION, forecast, outcome
from uppsikt.organisations.models import Organisation
from uppsikt.reports.models import Report

from .helpers import axe_violations, log_in

WIDTHS = (1280, 390)


@pytest.fixture
def period_id(demo: int) -> int:
    """The demo report's period, with forecasts for two organisations."""
    organisations = {
        org.key: org
        for org in Organisation.objects.filter(
            key__in=["kommunstyrelsen", "stadsbyggnadsnamnden"], municipality__key="malmo"
        )
    }
    ks, sbn = organisations["kommunstyrelsen"], organisations["stadsbyggnadsnamnden"]
    for month, deficit in ((2, 1), (5, 4), (8, 9)):
        forecast(ks, 2025, month, (517 + deficit) * MILLION, 517 * MILLION, f"Månad {month}")
        forecast(sbn, 2025, month, 200 * MILLION - month * 200_000, 200 * MILLION)
    outcome(ks, 2025, 527 * MILLION, 517 * MILLION)
    return Report.objects.get(pk=demo).period_id


def _check(page: Any, width: int, name: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{name} at {width} px: " + "; ".join(
        f"{v['impact']} {v['id']}: {', '.join(n['target'] for n in v['nodes'][:3])}"
        for v in violations
    )
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width, f"{name} at {width} px scrolls sideways ({scroll} px)"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_matrix_and_the_economy_overview_are_accessible(
    new_page: Callable[[], Any], period_id: int, width: int
) -> None:
    page = new_page()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "granskare")
    page.goto(f"/uppsikt/{period_id}/mal/")
    assert page.locator("table.matrix th[scope=col].org").count() == 19
    box = page.locator(".table-scroll").first
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    _check(page, width, "matrix")
    # A cell leads to the contribution and its motivation.
    page.locator("table.matrix td a").first.click()
    page.wait_for_load_state()
    assert "/mal/" in page.url and page.locator("h1").count() == 1
    page.goto(f"/uppsikt/{period_id}/ekonomi/")
    assert (
        page.get_by_role("cell", name="Kommunstyrelsen").count()
        + page.get_by_role("rowheader", name="Kommunstyrelsen").count()
        >= 1
    )
    _check(page, width, "economy overview")
    # Sorting by the deviation puts the largest deficit first and says so to a screen reader.
    page.locator("th a", has_text="Avvikelse").first.click()
    page.wait_for_load_state()
    assert page.locator("th[aria-sort]").count() == 1
    _check(page, width, "economy overview, sorted")


def test_a_boards_writer_sees_only_their_own_column_and_row(
    new_page: Callable[[], Any], period_id: int
) -> None:
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 900})
    log_in(page, "skribent-annan")
    page.goto(f"/uppsikt/{period_id}/mal/")
    headers = page.locator("table.matrix th[scope=col].org").all_inner_texts()
    assert headers == ["Stadsbyggnadsnämnden"]
    page.goto(f"/uppsikt/{period_id}/ekonomi/")
    assert "Kommunstyrelsen" not in page.locator("main").inner_text()
    assert "Stadsbyggnadsnämnden" in page.locator("main").inner_text()
    _check(page, 390, "economy overview, a board's writer")
