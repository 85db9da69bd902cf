"""The demo's documents: structure a reader (and a screen reader) relies on."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from uppsikt.documents.model import Document
from uppsikt.domain.model import Report

from .conftest import normalise


@pytest.fixture(scope="module")
def pdf(pdf_bytes: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


@pytest.fixture(scope="module")
def pages(pdf: PdfReader) -> list[str]:
    return [normalise(page.extract_text() or "") for page in pdf.pages]


def _contents_pages(pages: list[str]) -> list[int]:
    """Indexes of the contents pages: those with dot leaders."""
    return [i for i, page in enumerate(pages) if re.search(r"(\.\s?){8,}\s*\d", page)]


def test_pdf_holds_every_goal_and_its_assessment_in_order(demo: Report, pages: list[str]) -> None:
    body_start = max(_contents_pages(pages)) + 1
    text = " ".join(pages[body_start:])
    position = 0
    for goal in demo.directed_goals():
        follow_up = demo.follow_up(goal.key)
        assert follow_up is not None and follow_up.year_assessment is not None
        found = text.find(normalise(f"Kommunfullmäktigemål – {goal.title}"), position)
        assert found >= position, f"{goal.title!r} missing or out of order"
        label = text.find(follow_up.year_assessment.label, found)
        next_goal = text.find("Kommunfullmäktigemål –", found + len(goal.title))
        assert found < label, goal.title
        assert next_goal == -1 or label < next_goal, f"assessment of {goal.title!r} misplaced"
        position = label


def test_pdf_footer_numbers_every_page_n_of_m(pages: list[str]) -> None:
    total = len(pages)
    assert total > 20
    for number, page in enumerate(pages, start=1):
        if number == 1:
            continue  # the cover
        assert f"Årsanalys 2025, Kommunstyrelsen {number}({total})" in page, number


def test_pdf_contents_lists_chapters_with_page_numbers(demo: Report, pages: list[str]) -> None:
    contents_pages = _contents_pages(pages)
    assert contents_pages[0] == 1  # right after the cover
    contents = " ".join(pages[i] for i in contents_pages)
    assert "Innehåll" in contents
    for chapter in demo.chapters:
        match = re.search(re.escape(normalise(chapter.title)) + r"[ .]*?(\d+)\b", contents)
        assert match, chapter.title
        page_number = int(match.group(1))
        assert normalise(chapter.title) in pages[page_number - 1], chapter.title


def test_pdf_is_tagged_in_swedish_with_a_title(pdf: PdfReader) -> None:
    catalog: Any = pdf.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]).lower().startswith("sv")
    assert pdf.metadata is not None and "Årsanalys 2025" in (pdf.metadata.title or "")


def test_pdf_shows_the_tables_figures(pages: list[str]) -> None:
    text = " ".join(pages)
    for figure in ("36 830", "-480 122", "516 952", "494,7", "15 629", "-346 415"):
        assert figure in text, figure
    assert "Avrundningsdifferenser kan förekomma." in text


def test_docx_uses_word_heading_styles_and_repeating_header_rows(
    docx_bytes: bytes, document: Document
) -> None:
    word = open_docx(io.BytesIO(docx_bytes))
    styles = {p.style.name for p in word.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    headings = [p.text for p in word.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings == [h.text for h in document.headings() if h.level == 1]
    assert len(word.tables) == sum(1 for b in document.blocks if type(b).__name__ == "Table")
    for table in word.tables:
        header = table.rows[0]._tr
        assert header.find(".//{*}tblHeader") is not None
    footer_xml = word.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.lang = ""
        self.th_in_thead: list[str | None] = []
        self.captions = 0
        self.tables = 0
        self._thead = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang") or ""
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "thead":
            self._thead = True
        if tag == "th" and self._thead:
            self.th_in_thead.append(attributes.get("scope"))
        if tag == "caption":
            self.captions += 1
        if tag == "table":
            self.tables += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._thead = False


def test_html_is_one_accessible_page(html_text: str, demo: Report) -> None:
    outline = _Outline()
    outline.feed(html_text)
    assert outline.lang == "sv"
    assert outline.headings.count(1) == 1 and outline.headings[0] == 1
    for previous, current in zip(outline.headings, outline.headings[1:], strict=False):
        assert current <= previous + 1, "a heading level is skipped"
    assert outline.th_in_thead and set(outline.th_in_thead) == {"col"}
    assert outline.captions == outline.tables > 10
    assert '<th scope="row"' in html_text
    text = normalise(html_text)
    for goal in demo.directed_goals():
        assert normalise(goal.title) in text
