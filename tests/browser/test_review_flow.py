"""The whole review round in a real browser: a writer edits and submits, a reviewer
returns the report with a comment, the writer fixes and resubmits, the reviewer approves,
and the documents lose their UTKAST marking."""

from __future__ import annotations

import re
from typing import Any

from .helpers import assert_accessible, log_in

FIRST = "Fortsatt högt remissflöde pressar organisationen"
SECOND = "Utveckling av Malmös energisystem för framtida behov"


def _open_report(page: Any) -> None:
    """From the list of reports to the report's hub, by its link."""
    page.goto("/")
    with page.expect_navigation():
        page.locator("main table a").first.click()
    assert page.locator(".status").first.is_visible()


def _status(page: Any) -> str:
    text: str = page.locator("main > p .status").first.inner_text()
    return text.strip()


def _edit_link(page: Any, heading: str) -> Any:
    # The link says "Redigera", with the heading for screen readers only.
    return page.get_by_role("link", name=re.compile(rf"^Redigera\s*:\s*{re.escape(heading)}$"))


def _edit_section(page: Any, heading: str, text: str) -> None:
    """Open a section from the hub, type, preview, save."""
    with page.expect_navigation():
        _edit_link(page, heading).click()
    assert page.get_by_role("heading", level=1).inner_text() == heading
    body = page.get_by_label("Text", exact=True)
    body.fill(f"{text}\n\nDet här är **viktigt**.")
    page.get_by_role("button", name="Förhandsgranska").click()
    preview = page.locator("#preview")
    preview.get_by_text(text).wait_for()
    assert preview.locator("strong").inner_text() == "viktigt"
    with page.expect_navigation():
        page.get_by_role("button", name="Spara texten").click()
    assert "Texten är sparad som version" in page.locator(".messages").inner_text()
    assert page.get_by_label("Text", exact=True).input_value().startswith(text)
    with page.expect_navigation():
        page.get_by_role("link", name="Tillbaka till rapporten").click()


def _step(page: Any, summary: str, button: str, reason: str | None = None) -> str:
    """Open a workflow step's panel on the hub and confirm it; the message shown after."""
    page.locator("summary", has_text=summary).click()
    panel = page.locator("details[open]")
    if reason is not None:
        panel.get_by_label("Motivering").fill(reason)
    with page.expect_navigation():
        panel.get_by_role("button", name=button).click()
    message: str = page.locator(".messages").inner_text()
    return message


def _document_text(page: Any, report_id: int) -> str:
    page.goto(f"/rapporter/{report_id}/dokument.html")
    text: str = page.locator("body").inner_text()
    return text


def test_writer_and_reviewer_take_the_report_from_draft_to_approved(
    demo: int, new_page: Any
) -> None:
    writer = log_in(new_page(), "skribent")
    reviewer = log_in(new_page(), "granskare")

    _open_report(writer)
    assert _status(writer) == "Utkast"
    _edit_section(writer, FIRST, "Remisserna har blivit fler under året")
    assert "klarmarkerad" in _step(writer, "Klarmarkera rapporten", "Ja, klarmarkera rapporten")
    assert _status(writer) == "Klarmarkerad"
    assert _edit_link(writer, FIRST).count() == 0

    _open_report(reviewer)
    assert _status(reviewer) == "Klarmarkerad"
    comment = "Avsnittet om energisystemet behöver en mening om kostnaderna."
    returned = _step(reviewer, "Skicka tillbaka rapporten", "Skicka tillbaka", comment)
    assert "tillbakaskickad" in returned
    assert _status(reviewer) == "Utkast"

    writer.reload()
    assert _status(writer) == "Utkast"
    assert comment in writer.locator(".reviewer-comment").inner_text()
    _edit_section(writer, SECOND, "Kostnaderna för elnätet ökar med tolv procent")
    assert "klarmarkerad" in _step(writer, "Klarmarkera rapporten", "Ja, klarmarkera rapporten")

    draft = _document_text(writer, demo)
    assert "UTKAST" in draft
    assert "Kostnaderna för elnätet ökar med tolv procent" in draft

    reviewer.reload()
    assert "godkänd" in _step(reviewer, "Godkänn rapporten", "Ja, godkänn rapporten")
    assert _status(reviewer) == "Godkänd"

    with reviewer.expect_download() as download_info:
        reviewer.get_by_role("link", name="Ladda ned PDF").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert "utkast" not in download.suggested_filename
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    final = _document_text(reviewer, demo)
    assert "UTKAST" not in final
    assert "Remisserna har blivit fler under året" in final


def test_the_second_of_two_writers_gets_both_texts_to_merge(demo: int, new_page: Any) -> None:
    first = log_in(new_page(), "skribent")
    second = log_in(new_page(), "skribent")
    for page in (first, second):
        _open_report(page)
        with page.expect_navigation():
            _edit_link(page, FIRST).click()
    first.get_by_label("Text", exact=True).fill("Den första skribentens text.")
    with first.expect_navigation():
        first.get_by_role("button", name="Spara texten").click()

    second.get_by_label("Text", exact=True).fill("Den andra skribentens text.")
    with second.expect_navigation() as navigation:
        second.get_by_role("button", name="Spara texten").click()
    assert navigation.value.status == 409
    assert second.get_by_role("heading", level=1).inner_text() == "Någon annan har sparat texten"
    assert "Den första skribentens text." in second.locator("main").inner_text()
    assert second.get_by_label("Text", exact=True).input_value() == "Den andra skribentens text."
    assert_accessible(second, "edit conflict")

    merged = "Den första skribentens text.\n\nDen andra skribentens text."
    second.get_by_label("Text", exact=True).fill(merged)
    with second.expect_navigation():
        second.get_by_role("button", name="Spara den sammanfogade texten").click()
    assert "Texten är sparad som version" in second.locator(".messages").inner_text()
    assert second.get_by_label("Text", exact=True).input_value() == merged
