"""Every main page reflows at 320 CSS pixels (WCAG 1.4.10): no horizontal scrolling of
the page; a wide table scrolls inside its own labelled, focusable container."""

from __future__ import annotations

from typing import Any

from .helpers import BLOCKING_IMPACTS, axe_violations, log_in

WIDTH = 320

# Elements wider than the viewport, for the failure message: what to fix.
OVERFLOWING = """(width) => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5
        && !(e.parentElement && e.parentElement.closest('.table-scroll')))
    .slice(0, 8)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (e.classList.length ? '.' + [...e.classList].join('.') : '')
        + ' ' + Math.round(e.getBoundingClientRect().right))"""


class Reflow:
    def __init__(self, page: Any) -> None:
        self.page = page
        self.problems: list[str] = []

    def check(self, name: str) -> None:
        page = self.page
        if page.locator('[hx-trigger*="load"]').count():
            page.wait_for_load_state("networkidle")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > WIDTH:
            wide = page.evaluate(OVERFLOWING, WIDTH)
            self.problems.append(f"{name} {page.url}: scrollWidth {width} > {WIDTH}: {wide}")
        # Each table that scrolls sideways must be reachable and named for keyboard users.
        for box in page.locator(".table-scroll").all():
            attributes = box.evaluate(
                "e => [e.getAttribute('tabindex'), e.getAttribute('role'),"
                " e.getAttribute('aria-labelledby') || e.getAttribute('aria-label')]"
            )
            if attributes[0] != "0" or attributes[1] != "region" or not attributes[2]:
                self.problems.append(f"{name}: table container {attributes}")
        for violation in axe_violations(page):
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = "; ".join(node["target"] for node in violation["nodes"][:5])
                self.problems.append(f"{name}: axe {violation['id']}: {targets}")

    def visit(self, name: str, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.ok, f"{name}: {url} gave {response}"
        self.check(name)

    def href(self, selector: str) -> str:
        value: str = self.page.locator(selector).first.get_attribute("href")
        return value


def test_main_pages_reflow_on_a_phone(demo: int, new_page: Any) -> None:
    writer = new_page()
    writer.set_viewport_size({"width": WIDTH, "height": 800})
    reflow = Reflow(log_in(writer, "skribent"))
    hub = f"/rapporter/{demo}/"
    reflow.check("home")
    reflow.visit("report hub", hub)
    section = reflow.href('a[href*="/texter/"]')
    goal = reflow.href('a[href*="/mal/"]')
    reflow.visit("section edit", section)
    writer.get_by_label("Text", exact=True).fill("Ny text om [remisser](https://malmo.se).")
    with writer.expect_navigation():
        writer.get_by_role("button", name="Spara texten").click()
    reflow.check("section edit after saving")
    reflow.visit("section history", f"{section}historik/")
    with writer.expect_navigation():
        writer.get_by_role("button", name="Visa ändringarna").click()
    reflow.check("section history with diff")
    reflow.visit("section comments", f"{section}kommentarer/")
    reflow.visit("report comments", f"{hub}kommentarer/")
    reflow.visit("goal edit", goal)
    reflow.visit("variances", f"{hub}avvikelser/")

    reviewer = new_page()
    reviewer.set_viewport_size({"width": WIDTH, "height": 800})
    reflow.page = log_in(reviewer, "granskare")
    reflow.check("home (reviewer)")
    reflow.visit("report hub (reviewer)", hub)
    overview = reflow.href('a[href*="/perioder/"]')
    reflow.visit("audit log", f"{hub}logg/")
    reflow.visit("period overview", overview)
    # The audit log's table is wider than a phone: it scrolls in its box, not the page.
    reviewer.goto(f"{hub}logg/")
    box = reviewer.locator(".table-scroll")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")
    # On a laptop (1024 px) the log is not cut off either.
    reviewer.set_viewport_size({"width": 1024, "height": 800})
    reviewer.reload()
    assert reviewer.evaluate("() => document.documentElement.scrollWidth") <= 1024
    assert not reflow.problems, "\n".join(reflow.problems)
