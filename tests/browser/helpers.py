"""What the browser tests share: signing in through the form, and axe-core checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core-4.14.1.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}


def log_in(page: Any, username: str, password: str | None = None) -> Any:
    """Sign in through the login form, as a person would; returns the response."""
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password or f"demo-{username}")
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in").click()
    return page


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; its violations, each with its nodes."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    script = """async (tags) => {
        const result = await axe.run(document, {runOnly: tags});
        return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200)})),
        }));
    }"""
    violations: list[dict[str, Any]] = page.evaluate(script, AXE_TAGS)
    return violations


def assert_accessible(page: Any, name: str) -> None:
    """No serious or critical axe-core violation; the lesser ones are printed."""
    violations = axe_violations(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    for violation in violations:
        print(f"axe {name}: {violation['impact']} {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            print(f"    {node['target']}  {node['html']}")
    assert not blocking, f"{name}: " + json.dumps(blocking, ensure_ascii=False, indent=1)
