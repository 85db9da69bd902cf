"""Signing in with a real browser: the lock-out page, and the keyboard's first stop."""

from __future__ import annotations

from typing import Any

from .helpers import assert_accessible, log_in


def test_login_page_is_accessible_and_signs_in(demo: int, page: Any) -> None:
    page.goto("/logga-in/")
    assert page.title().startswith("Logga in")
    assert_accessible(page, "login")
    log_in(page, "skribent")
    assert page.url.endswith("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Rapporter"


def test_five_wrong_passwords_show_the_swedish_lock_out_page(demo: int, page: Any) -> None:
    for _ in range(5):
        log_in(page, "skribent", "fel-lösenord")
    log_in(page, "skribent")  # even the right password is refused now
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "För många misslyckade inloggningar"
    assert "Vänta en kvart" in page.locator("main").inner_text()
    assert "/logga-in/" in page.url
    assert_accessible(page, "lock-out")


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(
    demo: int, page: Any
) -> None:
    log_in(page, "skribent")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.tagName, document.activeElement.textContent.trim(),"
        " document.activeElement.getAttribute('href')]"
    )
    assert focused == ["A", "Hoppa till innehållet", "#main"]
    # Visible when focused (it may hide off-screen otherwise).
    assert page.locator("a.skip").is_visible()
    box = page.locator("a.skip").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
