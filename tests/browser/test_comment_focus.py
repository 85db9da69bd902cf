"""Posting a comment through htmx: focus goes to the new comment, not to the top of the
page, and the live region says that it is saved."""

from __future__ import annotations

from typing import Any

from .helpers import assert_accessible, log_in


def test_focus_goes_to_the_new_comment_and_it_is_announced(demo: int, page: Any) -> None:
    log_in(page, "granskare")
    page.goto(f"/rapporter/{demo}/")
    with page.expect_navigation():
        page.locator('a[href*="/texter/"]').first.click()
    thread = page.locator("#comment-thread")
    for text in ("Första frågan om kostnaderna.", "Andra frågan om tidplanen."):
        page.get_by_label("Ny kommentar").fill(text)
        with page.expect_response(lambda response: "/kommentarer/" in response.url):
            page.get_by_role("button", name="Skicka kommentaren").click()
        thread.locator(".comment", has_text=text).wait_for()
        page.wait_for_function(
            "text => document.activeElement?.classList.contains('comment')"
            " && document.activeElement.textContent.includes(text)",
            arg=text,
        )
        focused = page.evaluate("() => document.activeElement.id")
        assert focused.startswith("comment-") and focused != "comment-thread"
        assert page.evaluate("() => document.activeElement.getAttribute('tabindex')") == "-1"
        page.locator("#comment-status", has_text="Kommentaren är sparad").wait_for(state="attached")
    assert page.evaluate("() => window.scrollY") > 0  # not thrown back to the top
    assert_accessible(page, "section edit after commenting")
