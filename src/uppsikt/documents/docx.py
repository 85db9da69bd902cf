"""Render a `Document` as an editable, accessible Word file (python-docx).

Built-in styles carry the structure (Title, Heading 1-4, Caption, List Bullet/Number),
so Word's navigation pane, contents field and accessibility checker all work. Text
is stripped of XML-invalid characters before it reaches python-docx.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from docx import Document as new_word_document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from uppsikt.documents import docx_xml as x
from uppsikt.documents.common import (
    ASSESSMENT_COLOURS,
    ASSESSMENT_SYMBOLS,
    SHORT_TABLE_ROWS,
    clean_text,
    has_contents,
    heading_levels,
    safe_url,
    split_lang,
    table_width,
)
from uppsikt.documents.model import (
    Align,
    AssessmentMark,
    BulletList,
    Callout,
    Document,
    Heading,
    Inline,
    Link,
    Paragraph,
    RowStyle,
    Table,
    Text,
)

FONT = "Arial"  # present on every Windows, macOS and LibreOffice install
INK = "1A1A1A"
MUTED = "4A4A4A"
ACCENT = "1F3A5F"
RULE = "C8CED6"
BAND = "E6ECF2"
CALLOUT = "EEF3F8"
MARK = "A61B1B"
LINK = "0B4F8A"
TOC_PLACEHOLDER = "Högerklicka och välj Uppdatera fält för att visa innehållsförteckningen."
TABLE_TEXT = "Tabelltext"
TEXT_WIDTH = 9070  # twips between 25 mm margins on A4 (160 mm)
NUMBER_COLUMN = 1420  # 25 mm: room for "−480 122" and a short header
_HEADING_SIZES = {1: 20, 2: 14, 3: 12, 4: 10.5}
# Style ids of the built-in styles used below. Setting `w:pStyle` directly skips
# python-docx's name lookup, which scans every style and dominated render time.
_STYLE_IDS = {
    "Title": "Title",
    "TOC Heading": "TOCHeading",
    "Caption": "Caption",
    "List Bullet": "ListBullet",
    "List Number": "ListNumber",
    TABLE_TEXT: TABLE_TEXT,
    **{f"Heading {level}": f"Heading{level}" for level in _HEADING_SIZES},
}


def render_docx(doc: Document) -> bytes:
    """Render the document as .docx bytes."""
    word = new_word_document()
    language, region = split_lang(doc.lang)
    lang = f"{language}-{region}" if region else language
    _setup(word, doc, lang)
    _cover(word, doc)
    if has_contents(doc.blocks):
        _paragraph(word, "TOC Heading", doc.toc_title)
        x.add_field(word.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', TOC_PLACEHOLDER, dirty=True)
    _body(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _t(value: str) -> str:
    return clean_text(value)


def _paragraph(word: Any, style: str, text: str = "") -> Any:
    paragraph = word.add_paragraph(_t(text))
    paragraph._p.style = _STYLE_IDS[style]
    return paragraph


def _setup(word: Any, doc: Document, lang: str) -> None:
    props = word.core_properties
    # Core properties are capped at 255 characters by the format.
    props.title = _t(doc.title)[:255]
    props.language = lang
    props.author = _t(doc.metadata.get("author") or doc.cover.municipality)[:255]
    props.subject = _t(doc.cover.organisation)[:255]

    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(24), Mm(26)
    section.different_first_page_header_footer = True  # no footer on the cover
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.style = word.styles["Footer"]
    footer.add_run(_t(f"{doc.footer} " if doc.footer else ""))
    x.add_field(footer, "PAGE", "1")
    footer.add_run("(")
    x.add_field(footer, "NUMPAGES", "1")
    footer.add_run(")")

    _style_fonts(word, lang)
    x.set_update_fields(word.settings.element)
    x.set_swedish_settings(word.settings.element, lang)


def _style_fonts(word: Any, lang: str) -> None:
    defaults = word.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    rpr.find(qn("w:lang")).set(qn("w:val"), lang)
    styles = word.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = RGBColor.from_string(INK)
    normal.paragraph_format.space_after = Pt(7)
    normal.paragraph_format.line_spacing = 1.2
    for level, size in _HEADING_SIZES.items():
        style = styles[f"Heading {level}"]
        _set_fonts(style.element.get_or_add_rPr())
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor.from_string(ACCENT if level < 4 else INK)
        style.paragraph_format.space_before = Pt({1: 0, 2: 18, 3: 14, 4: 10}[level])
        style.paragraph_format.space_after = Pt(6)
    styles["Heading 1"].paragraph_format.page_break_before = True
    styles["TOC Heading"].paragraph_format.page_break_before = False
    title = styles["Title"]
    _set_fonts(title.element.get_or_add_rPr())
    title.font.size = Pt(34)
    title.font.bold = True
    title.font.color.rgb = RGBColor.from_string(ACCENT)
    caption = styles["Caption"]
    caption.font.size = Pt(9.5)
    caption.font.color.rgb = RGBColor.from_string(INK)  # template blue fails 4.5:1
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(10)
    caption.paragraph_format.space_after = Pt(4)
    hyperlink = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    hyperlink.font.color.rgb = RGBColor.from_string(LINK)
    hyperlink.font.underline = True
    cell = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(9)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0


def _set_fonts(rpr: Any) -> None:
    # Theme font attributes win over explicit names, so they must go.
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = x.element("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), FONT)


def _cover(word: Any, doc: Document) -> None:
    cover = doc.cover
    municipality = word.add_paragraph()
    _styled_run(municipality, cover.municipality, size=12, bold=True, colour=MUTED)
    if cover.marking:
        marking = word.add_paragraph()
        marking.paragraph_format.space_before = Pt(150)
        edges = [x.border(side, MARK, 16, 4) for side in ("top", "left", "bottom", "right")]
        x.set_paragraph_border(marking, *edges)
        _styled_run(marking, cover.marking, size=18, bold=True, colour=MARK)
    title = _paragraph(word, "Title", cover.title)
    title.paragraph_format.space_before = Pt(12 if cover.marking else 180)
    last = word.add_paragraph()
    _styled_run(last, cover.organisation, size=18)
    if cover.subtitle:
        last = word.add_paragraph()
        _styled_run(last, cover.subtitle, size=12, colour=MUTED)
    last.add_run().add_break(WD_BREAK.PAGE)


def _styled_run(
    paragraph: Any, text: str, size: float, bold: bool = False, colour: str = INK
) -> Any:
    run = paragraph.add_run(_t(text))
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = RGBColor.from_string(colour)
    return run


def _body(word: Any, doc: Document) -> None:
    levels = heading_levels(doc.blocks)
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            if index not in levels:
                continue
            paragraph = _paragraph(word, f"Heading {levels[index]}", block.text)
            if not block.in_toc:
                x.set_outline_body_text(paragraph)
        elif isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, AssessmentMark):
            _assessment(word, block)
        elif isinstance(block, Callout):
            _callout(word, block)
        else:
            _text_block(word, block)


def _text_block(word: Any, block: Paragraph | BulletList) -> list[Any]:
    """Add a paragraph or list; return the paragraphs made (callouts shade them)."""
    if isinstance(block, Paragraph):
        paragraph = word.add_paragraph()
        _inlines(paragraph, block.inlines)
        return [paragraph]
    style = "List Number" if block.ordered else "List Bullet"
    num_id = x.restart_numbering(word, _style_num_id(word, style)) if block.ordered else None
    made = []
    for item in block.items:
        paragraph = _paragraph(word, style)
        if num_id is not None:
            x.set_num_id(paragraph, num_id)
        _inlines(paragraph, item)
        made.append(paragraph)
    return made


def _style_num_id(word: Any, style: str) -> int:
    num_id = word.styles[style].element.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId"))
    return int(num_id.get(qn("w:val")))


def _inlines(paragraph: Any, inlines: Sequence[Inline]) -> None:
    for inline in inlines:
        if isinstance(inline, Link):
            url = safe_url(inline.url)
            if url:
                x.add_hyperlink(paragraph, _t(inline.text), _t(url))
            else:
                paragraph.add_run(_t(inline.text))
        elif isinstance(inline, Text):
            run = paragraph.add_run(_t(inline.text))
            # Only touch formatting that is on: even `None` makes python-docx add a `w:rPr`.
            if inline.bold:
                run.bold = True
            if inline.italic:
                run.italic = True


def _table(word: Any, table: Table) -> None:
    width = table_width(table)
    _paragraph(word, "Caption", table.caption)
    numeric = [column.align == Align.RIGHT for column in table.columns]
    numeric += [False] * (width - len(numeric))
    grid = word.add_table(rows=1 + len(table.rows), cols=width)
    x.style_table(grid, _t(table.caption), RULE)
    x.set_column_widths(grid, _column_widths(numeric))
    rows = grid.rows
    # Short tables stay on one page (every row keeps with the next); long ones may
    # break between rows, and the header row always stays with the first data row.
    keep_whole = len(table.rows) <= SHORT_TABLE_ROWS
    headers = [column.header for column in table.columns] + [""] * (width - len(table.columns))
    x.mark_row(rows[0], header=True)
    for cell, text, right in zip(rows[0].cells, headers, numeric, strict=True):
        _cell_text(cell, text, right, bold=True, keep_next=True)
        x.shade_cell(cell, BAND)
        x.set_cell_borders(cell, x.border("bottom", ACCENT, 8))
    for number, (model_row, row) in enumerate(zip(table.rows, rows[1:], strict=True), start=1):
        x.mark_row(row, header=False)
        # The last row also keeps with a note below it, so the note never strays.
        keep = (keep_whole and number < len(table.rows)) or (
            number == len(table.rows) and bool(table.notes)
        )
        cells = row.cells
        if model_row.style == RowStyle.HEADING:
            merged = cells[0].merge(cells[-1]) if width > 1 else cells[0]
            label = model_row.cells[0] if model_row.cells else ""
            _cell_text(merged, label, False, bold=True, keep_next=True)
            continue
        texts = list(model_row.cells) + [""] * (width - len(model_row.cells))
        bold = model_row.style in (RowStyle.TOTAL, RowStyle.SUBTOTAL)
        for column, (cell, text) in enumerate(zip(cells, texts, strict=True)):
            _cell_text(cell, text, numeric[column], bold=bold, keep_next=keep)
            if column == 0 and model_row.style == RowStyle.PART:
                cell.paragraphs[0].paragraph_format.left_indent = Pt(14)
            if model_row.style == RowStyle.TOTAL:
                x.set_cell_borders(cell, x.border("top", INK, 12))
    for note in table.notes:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(3)
        _styled_run(paragraph, note, size=8, colour=MUTED)
    if not table.notes:
        word.add_paragraph().paragraph_format.space_after = Pt(2)


def _column_widths(numeric: Sequence[bool]) -> list[int]:
    """Narrow fixed columns for amounts; text columns share the rest of the line."""
    number_width = min(NUMBER_COLUMN, TEXT_WIDTH // len(numeric))
    texts = sum(1 for right in numeric if not right)
    rest = TEXT_WIDTH - number_width * (len(numeric) - texts)
    text_width = rest // texts if texts else number_width
    return [number_width if right else text_width for right in numeric]


def _cell_text(cell: Any, text: str, right: bool, bold: bool, keep_next: bool) -> None:
    clean = _t(text)
    if "\n" in clean or "\t" in clean:  # let python-docx turn these into breaks and tabs
        paragraph = cell.paragraphs[0]
        paragraph._p.style = _STYLE_IDS[TABLE_TEXT]
        paragraph.paragraph_format.keep_with_next = keep_next or None
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(clean).bold = bold or None
        return
    x.fill_cell(cell, clean, _STYLE_IDS[TABLE_TEXT], right, bold, keep_next)


def _assessment(word: Any, mark: AssessmentMark) -> None:
    caption = word.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_after = Pt(1)
    _styled_run(caption, mark.caption, size=8.5, colour=MUTED)
    value = word.add_paragraph()
    symbol = _styled_run(
        value, ASSESSMENT_SYMBOLS[mark.level], size=12, colour=ASSESSMENT_COLOURS[mark.level]
    )
    symbol.font.name = "Segoe UI Symbol"  # has ◐ ✓ ✗; Word substitutes where missing
    label = value.add_run(" " + _t(mark.label))
    label.bold = True
    for paragraph in (caption, value):
        x.set_paragraph_border(paragraph, x.border("left", RULE, 18, 8))


def _callout(word: Any, callout: Callout) -> None:
    title = word.add_paragraph()
    title.paragraph_format.keep_with_next = True
    _styled_run(title, callout.title, size=11, bold=True, colour=ACCENT)
    paragraphs = [title]
    for block in callout.blocks:
        paragraphs.extend(_text_block(word, block))
    # Same border and shading on consecutive paragraphs: Word draws one box.
    for paragraph in paragraphs:
        x.shade_paragraph(paragraph, CALLOUT)
        x.set_paragraph_border(paragraph, x.border("left", ACCENT, 24, 8))
