"""The Word report, read back with python-docx: styles, fields and table structure."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from uppsikt.documents.docx import TOC_PLACEHOLDER, render_docx
from uppsikt.documents.model import (
    AssessmentLevel,
    AssessmentMark,
    BulletList,
    Cover,
    Document,
    Heading,
    Link,
    Paragraph,
    Text,
)

from .conftest import ASSESSMENT_LABELS, FOOTER, HOSTILE, NBSP

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(doc: Document) -> Any:
    return docx.Document(io.BytesIO(render_docx(doc)))


@pytest.fixture(scope="module")
def word(sample_document: Document) -> Any:
    return read(sample_document)


def styled(word: Any, prefix: str) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith(prefix)]


def instructions(element: Any) -> str:
    return " ".join(node.text for node in element.iter(f"{W}instrText"))


def test_core_properties(word: Any, sample_document: Document) -> None:
    assert word.core_properties.title == sample_document.title
    assert word.core_properties.language == "sv-SE"
    assert word.core_properties.author == "Stadskontoret, Malmö stad"


def test_default_language_is_swedish(word: Any) -> None:
    defaults = word.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"


def test_a4_page(word: Any) -> None:
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_cover_uses_title_style(word: Any) -> None:
    assert styled(word, "Title") == [("Title", "Årsanalys 2025")]
    assert "UTKAST" in [p.text for p in word.paragraphs[:5]]


def test_headings_use_builtin_heading_styles(word: Any, sample_document: Document) -> None:
    expected = [(f"Heading {h.level}", h.text) for h in sample_document.headings()]
    assert styled(word, "Heading") == expected
    assert {name for name, _ in expected} == {"Heading 1", "Heading 2", "Heading 3", "Heading 4"}


def test_heading_left_out_of_contents_has_body_outline_level(word: Any) -> None:
    paragraph = next(p for p in word.paragraphs if p.text == "Tekniska uppgifter")
    level = paragraph._p.pPr.find(qn("w:outlineLvl"))
    assert level is not None and level.get(qn("w:val")) == "9"


def test_contents_field_and_update_on_open(word: Any) -> None:
    body = word.element.body
    assert 'TOC \\o "1-3" \\h \\z \\u' in instructions(body)
    assert any(p.text == TOC_PLACEHOLDER for p in word.paragraphs)
    assert styled(word, "TOC Heading") == [("TOC Heading", "Innehåll")]
    update = word.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_footer_has_page_and_page_count_fields(word: Any) -> None:
    section = word.sections[0]
    footer = section.footer._element
    assert instructions(footer).split() == ["PAGE", "NUMPAGES"]
    text = "".join(node.text for node in footer.iter(f"{W}t"))
    assert text.startswith(f"{FOOTER} ")
    assert section.different_first_page_header_footer  # the cover has no footer


def test_tables_have_repeating_header_and_captions(word: Any) -> None:
    assert len(word.tables) == 4
    for table in word.tables:
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        caption = table._tbl.getprevious()
        assert caption.tag == qn("w:p") and caption.pPr.pStyle.val == "Caption"
    captions = [text for name, text in styled(word, "Caption")]
    assert captions[0] == "Budgetavvikelse, driftbudget, tkr"


def test_numbers_right_aligned_and_totals_bold(word: Any) -> None:
    table = word.tables[0]
    header = [cell.paragraphs[0] for cell in table.rows[0].cells]
    assert [p.alignment for p in header][1:] == [2, 2, 2]  # WD_ALIGN_PARAGRAPH.RIGHT
    assert header[0].alignment is None
    total = table.rows[-1].cells
    assert total[1].text == f"36{NBSP}830"
    assert all(run.bold for cell in total for run in cell.paragraphs[0].runs)
    borders = total[0]._tc.tcPr.find(qn("w:tcBorders"))
    assert borders is not None and borders.find(qn("w:top")) is not None
    assert word.tables[2].rows[3].cells[3].text == f"\u22124{NBSP}840"


def test_short_tables_keep_together_long_ones_may_break(word: Any) -> None:
    def keeps(row: Any) -> bool:
        props = row.cells[-1].paragraphs[0]._p.pPr
        return props is not None and props.find(qn("w:keepNext")) is not None

    short, long = word.tables[1], word.tables[3]
    assert [keeps(row) for row in short.rows] == [True] * (len(short.rows) - 1) + [False]
    assert keeps(long.rows[0])  # the header stays with the first row
    assert not any(keeps(row) for row in long.rows[1:-1])
    assert keeps(long.rows[-1])  # the last row stays with the note below the table


def test_part_rows_are_indented(word: Any) -> None:
    rows = word.tables[1].rows
    part = next(row for row in rows if row.cells[0].text.startswith("varav"))
    assert part.cells[0].paragraphs[0].paragraph_format.left_indent is not None


def test_assessments_show_symbol_and_label(word: Any) -> None:
    texts = [p.text for p in word.paragraphs]
    assert "\u25cf Uppnåtts" in texts
    assert "\u25d0 Delvis uppnåtts" in texts
    assert "\u25cb Ej uppnåtts" in texts
    for label in ASSESSMENT_LABELS.values():
        assert any(text.endswith(" " + label) for text in texts), label


def test_lists_use_list_styles(word: Any) -> None:
    names = {name for name, _ in styled(word, "List")}
    assert names == {"List Bullet", "List Number"}


def test_each_ordered_list_restarts_numbering() -> None:
    ordered = BulletList(((Text("ett"),), (Text("två"),)), ordered=True)
    word = read(Document(Cover("T", "O", "M"), (ordered, Paragraph((Text("mellan"),)), ordered)))
    num_ids = [p._p.pPr.numPr.numId.val for p in word.paragraphs if p.style.name == "List Number"]
    assert len(num_ids) == 4
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]


def test_links_become_hyperlinks_only_for_safe_urls() -> None:
    paragraph = Paragraph(
        (
            Link("Malmö stad", "https://malmo.se/"),
            Text(" och "),
            Link("farlig", "javascript:alert(1)"),
        )
    )
    word = read(Document(Cover("T", "O", "M"), (paragraph,)))
    targets = [rel.target_ref for rel in word.part.rels.values() if rel.is_external]
    assert targets == ["https://malmo.se/"]
    body = word.paragraphs[-1]
    assert body.text == "Malmö stad och farlig"


def test_control_characters_are_stripped() -> None:
    doc = Document(
        Cover("Rapport\x00", "Nämnd\x1b", "Stad"),
        (Heading(1, "Rubrik\x0b", "r"), Paragraph((Text("a\x01b\x7fc"),))),
        footer="Fot\x08",
    )
    word = read(doc)
    assert word.core_properties.title == "Rapport, Nämnd"
    assert ("Heading 1", "Rubrik") in styled(word, "Heading")
    assert "abc" in [p.text for p in word.paragraphs]


def test_hostile_text_is_kept_as_text(hostile_document: Document) -> None:
    word = read(hostile_document)
    texts = [p.text for p in word.paragraphs]
    assert sum(HOSTILE in text for text in texts) >= 8
    assert any(HOSTILE in cell.text for table in word.tables for cell in table._cells)


def test_missing_assessment_renders() -> None:
    mark = AssessmentMark(AssessmentLevel.MISSING, "Bedömning saknas", "Bedömning för året")
    word = read(Document(Cover("T", "O", "M"), (mark,)))
    assert "\u2013 Bedömning saknas" in [p.text for p in word.paragraphs]
