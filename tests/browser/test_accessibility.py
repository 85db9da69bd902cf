"""axe-core (WCAG 2.1 A and AA, and best practice) on every main page, as the writer and
as the reviewer see them. Serious and critical violations fail; the others are printed.

Each test visits its pages in order and fails at the end with every page's problems, so
that one run shows all that needs fixing.
"""

from __future__ import annotations

from typing import Any

from .helpers import BLOCKING_IMPACTS, axe_violations, log_in


class Audit:
    """Visit pages, run axe-core on each, remember the blocking violations."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.problems: list[str] = []
        self.visited: list[str] = []

    def check(self, name: str) -> None:
        # htmx panels that load after the page (the checks on the hub): wait for them.
        if self.page.locator('[hx-trigger*="load"]').count():
            self.page.wait_for_load_state("networkidle")
        self.visited.append(name)
        for violation in axe_violations(self.page):
            nodes = violation["nodes"]
            print(f"axe {name}: {violation['impact']} {violation['id']} ({len(nodes)})")
            for node in nodes[:5]:
                print(f"    {node['target']}  {node['html']}")
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = "; ".join(node["target"] for node in nodes[:5])
                self.problems.append(
                    f"{name} {self.page.url}: {violation['impact']} {violation['id']} "
                    f"({violation['help']}): {targets}"
                )

    def visit(self, name: str, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.ok, f"{name}: {url} gave {response}"
        self.check(name)

    def href(self, selector: str) -> str:
        value: str = self.page.locator(selector).first.get_attribute("href")
        return value

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def test_writer_pages_are_accessible(demo: int, page: Any) -> None:
    audit = Audit(log_in(page, "skribent"))
    hub = f"/rapporter/{demo}/"
    audit.check("home")
    audit.visit("report hub", hub)
    section = audit.href('a[href*="/texter/"]')
    goal = audit.href('a[href*="/mal/"]')
    assignment = audit.href('a[href*="/budgetuppdrag/"]')

    audit.visit("section edit", section)
    page.get_by_label("Text", exact=True).fill(
        "Ny text med **fetstil** och en [länk](https://malmo.se)."
    )
    page.get_by_role("button", name="Förhandsgranska").click()
    page.locator("#preview strong").wait_for()
    audit.check("section edit with preview")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara texten").click()
    audit.check("section edit after saving")

    audit.visit("section history", f"{section}historik/")
    with page.expect_navigation():
        page.get_by_role("button", name="Visa ändringarna").click()
    assert page.locator("#diff-heading").is_visible()
    audit.check("section history with diff")

    audit.visit("goal edit", goal)
    audit.visit("assignment edit", assignment)
    audit.visit("variances", f"{hub}avvikelser/")
    audit.visit("report comments", f"{hub}kommentarer/")
    audit.visit("compare periods", f"{hub}jamfor-perioder/")
    audit.visit("document (HTML)", f"{hub}dokument.html")
    audit.assert_clean()


def test_reviewer_pages_are_accessible(demo: int, page: Any) -> None:
    audit = Audit(log_in(page, "granskare"))
    hub = f"/rapporter/{demo}/"
    audit.check("home (reviewer)")
    audit.visit("report hub (reviewer)", hub)
    overview = audit.href('a[href*="/perioder/"]')
    section = audit.href('a[href*="/texter/"]')
    audit.visit("section (reviewer, read-only)", section)
    audit.visit("audit log", f"{hub}logg/")
    audit.visit("period overview", overview)
    audit.assert_clean()
