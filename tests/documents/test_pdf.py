"""The PDF report: text a reader sees, page furniture, and PDF/UA structure.

Checked with pypdf (veraPDF is not available): text extraction, the catalog's tagging
entries, the structure tree and the embedded fonts.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from typing import Any

import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from uppsikt.documents.model import Cover, Document, Heading, Paragraph, Table, Text
from uppsikt.documents.pdf import render_pdf, render_typst
from uppsikt.documents.typst_escape import REPLACEMENT, printable, typst_str

from .conftest import (
    ASSESSMENT_LABELS,
    FOOTER,
    HOSTILE,
    LONG_TABLE_HEADER,
    LONG_TABLE_ROWS,
    build_sample_document,
)


def normalise(text: str) -> str:
    """One space for any run of whitespace (NBSP, thin space, line breaks); no soft hyphens."""
    text = re.sub("\u00ad\\s*", "", text)
    return re.sub(r"[\s\u00a0\u2009\u202f]+", " ", text).strip()


def squeeze(text: str) -> str:
    """Drop all whitespace: line breaks may fall anywhere in long hostile strings."""
    return re.sub(r"[\s\u00a0\u00ad]+", "", text)


@pytest.fixture(scope="module")
def pdf(sample_document: Document) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(sample_document)))


@pytest.fixture(scope="module")
def pages(pdf: PdfReader) -> list[str]:
    return [normalise(page.extract_text()) for page in pdf.pages]


def test_a4_pages(pdf: PdfReader) -> None:
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert len(pdf.pages) >= 8


def test_cover_has_title_marking_and_no_footer(pages: list[str]) -> None:
    cover = pages[0]
    for text in ("Malmö stad", "UTKAST", "Årsanalys 2025", "Kommunstyrelsen", "Mandatperiod"):
        assert text in cover
    assert "1(" not in cover


def test_footer_counts_pages_on_every_page_but_the_cover(pages: list[str]) -> None:
    total = len(pages)
    for number, text in enumerate(pages[1:], start=2):
        assert text.endswith(f"{FOOTER} {number}({total})"), text[-80:]


def test_headings_appear_in_order(pages: list[str], sample_document: Document) -> None:
    body = " ".join(pages[2:])  # after the cover and the contents
    position = 0
    for heading in sample_document.headings():
        found = body.find(heading.text, position)
        assert found >= 0, heading.text
        position = found + len(heading.text)


def test_chapters_start_on_a_new_page(pages: list[str], sample_document: Document) -> None:
    for heading in sample_document.headings():
        if heading.level == 1:
            assert any(page.startswith(heading.text) for page in pages), heading.text


def test_contents_lists_headings_with_their_pages(
    pages: list[str], sample_document: Document
) -> None:
    contents = pages[1]
    assert contents.startswith("Innehåll")
    for heading in sample_document.headings():
        if heading.level > 2 or not heading.in_toc:
            assert heading.text not in contents
            continue
        match = re.search(re.escape(heading.text) + r"[ .]*?(\d+)(?= |$)", contents)
        assert match, heading.text
        page = int(match.group(1))
        assert heading.text in pages[page - 1], (heading.text, page)


def test_every_assessment_label_is_text(pages: list[str]) -> None:
    text = " ".join(pages)
    for label in ASSESSMENT_LABELS.values():
        assert label in text


def test_amounts_keep_swedish_signs(pdf: PdfReader) -> None:
    raw = "".join(page.extract_text() for page in pdf.pages)
    assert "36\u00a0830" in raw
    assert "\u22124\u00a0840" in raw


def test_long_table_repeats_its_header(pages: list[str]) -> None:
    row = re.compile(r"Bidrag (\d\d),")
    with_rows = [page for page in pages if row.search(page)]
    assert len(with_rows) >= 2, "the long table should break across pages"
    for page in with_rows:
        first_row = row.search(page)
        assert first_row is not None
        assert LONG_TABLE_HEADER in page[: first_row.start()]
    last = max(int(n) for page in with_rows for n in row.findall(page))
    assert last == LONG_TABLE_ROWS


def test_pdf_is_tagged_with_language_and_title(pdf: PdfReader, sample_document: Document) -> None:
    catalog: Any = pdf.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]).startswith("sv")
    assert pdf.metadata is not None
    assert pdf.metadata.title == sample_document.title
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid:part" in xmp  # declares PDF/UA-1 conformance


def _structure_types(pdf: PdfReader) -> Counter[str]:
    counts: Counter[str] = Counter()

    def walk(node: Any) -> None:
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        if "/S" in node:
            counts[str(node["/S"])] += 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if kid is not None and hasattr(kid, "get_object"):
                walk(kid)

    catalog: Any = pdf.trailer["/Root"]
    walk(catalog["/StructTreeRoot"])
    return counts


def test_structure_tree_has_semantic_tags(pdf: PdfReader) -> None:
    types = _structure_types(pdf)
    for tag in ("/Title", "/H1", "/H2", "/H3", "/H4", "/P", "/L", "/LI", "/Link", "/TOC"):
        assert types[tag] > 0, tag
    assert types["/Table"] == 4
    assert types["/Caption"] == 4
    assert types["/TH"] == 4 + 2 + 4 + 3  # every header cell, once (repeats are artifacts)
    # Assessment symbols are artifacts, so no figure needs alternative text.
    assert types["/Figure"] == 0


# The structure types PDF 1.7 defines (ISO 32000-1, 14.8.4).
_STANDARD = """
Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H
H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note
Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form
"""
STANDARD_TYPES = frozenset(_STANDARD.split())


def test_structure_types_are_standard_or_role_mapped(pdf: PdfReader) -> None:
    """PDF/UA-1 readers only know the PDF 1.7 types; others need a role map entry."""
    catalog: Any = pdf.trailer["/Root"]
    role_map = catalog["/StructTreeRoot"].get("/RoleMap", {})
    for tag in _structure_types(pdf):
        name = tag.lstrip("/")
        if name not in STANDARD_TYPES:
            assert str(role_map[tag]).lstrip("/") in STANDARD_TYPES, tag


def test_links_carry_a_description(pdf: PdfReader) -> None:
    links = [
        annotation.get_object()
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    ]
    assert len(links) == 2 + 12  # two in the text, plus the contents entries
    assert all(str(link.get("/Contents", "")).strip() for link in links)


def test_only_bundled_noto_fonts_are_embedded(pdf: PdfReader) -> None:
    fonts: dict[str, Any] = {}
    for page in pdf.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+NotoSans(Math)?-\w+", name), name
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor, name
    assert any("NotoSans-Regular" in name for name in fonts)
    assert any("NotoSans-Bold" in name for name in fonts)


def test_hostile_text_is_printed_literally(hostile_document: Document) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(hostile_document)))
    text = squeeze("".join(page.extract_text() for page in reader.pages))
    assert text.count(squeeze(HOSTILE)) >= 10  # cover, headings, paragraphs, tables, notes
    assert "root:x:0:0" not in text  # #read("/etc/passwd") stayed text
    assert reader.metadata is not None
    assert squeeze(HOSTILE) in squeeze(reader.metadata.title or "")


def test_hostile_link_is_not_clickable(hostile_document: Document) -> None:
    source = render_typst(hostile_document)
    assert "javascript:" not in source


def test_glyphs_missing_from_the_fonts_do_not_break_pdf_ua() -> None:
    doc = Document(
        Cover("Rapport 😀", "Nämnd", "Stad"),
        (
            Heading(1, "Kapitel 中文", "kapitel"),
            Paragraph((Text("Emoji 👍🏽 och ≤ 5 % samt \u2212 minus och \x00 kontroll"),)),
        ),
    )
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Kapitel" in text and REPLACEMENT in text
    assert "≤ 5" in text and "\u2212 minus" in text


def test_document_without_headings_or_footer() -> None:
    doc = Document(Cover("Rapport", "Nämnd", "Stad"), (Paragraph((Text("Bara text."),)),))
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    assert len(reader.pages) == 2
    assert normalise(reader.pages[1].extract_text()).endswith("Bara text. 2(2)")


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_string_literal_round_trips_through_typst(value: str) -> None:
    result = json.loads(typst.eval(b"", typst_str(value), format="json"))
    assert result == printable(value)


@pytest.mark.parametrize(
    ("caption", "short"),
    [("Orsaker till årets resultat, tkr", True), ("Riktade statsbidrag 2025, tkr", False)],
)
def test_tables_keep_caption_and_short_tables_stay_whole(caption: str, short: bool) -> None:
    """Push a table down line by line: its caption never sits alone at a page end."""
    tables = [b for b in build_sample_document().blocks if isinstance(b, Table)]
    table = next(t for t in tables if t.caption == caption)
    first_row = table.rows[0].cells[0]
    for filler in range(30, 48):
        blocks = (Heading(1, "Kapitel", "k"),) + (Paragraph((Text("Rad"),)),) * filler
        doc = Document(Cover("T", "O", "M"), (*blocks, table))
        pages = [page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(doc))).pages]
        for page in pages:
            if table.caption in page:
                assert first_row in page, (filler, "caption left alone")
        if short:
            with_rows = [page for page in pages if any(r.cells[0] in page for r in table.rows)]
            assert len(with_rows) == 1, (filler, "short table split")
