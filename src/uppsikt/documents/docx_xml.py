"""Low-level WordprocessingML pieces that python-docx has no API for.

Fields (TOC, PAGE, NUMPAGES), hyperlinks, borders, shading, repeating table header
rows and a few settings. Everything here writes text only through `w:t` nodes built
by lxml, which escapes it; callers strip XML-invalid characters first.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# python-docx ships no type hints; its objects are passed through as Any.
Element = Any

# Schema order of child elements. Word refuses files whose properties are out of
# order, so every element added here is slotted in by these lists.
# fmt: off
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)
_TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
_TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)
# fmt: on
_SETTINGS_AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat")


def insert_ordered(parent: Element, child: Element, order: tuple[str, ...]) -> Element:
    """Insert `child` before the first sibling that the schema puts after it.

    An existing element with the same tag is replaced, so calls are idempotent.
    """
    tag = child.tag.split("}")[1]
    rank = order.index(tag)
    for existing in list(parent):
        name = existing.tag.split("}")[1] if "}" in existing.tag else existing.tag
        if name == tag:
            parent.replace(existing, child)
            return child
        if name in order and order.index(name) > rank:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def element(tag: str, **attrs: str) -> Element:
    """Create `w:tag` with `w:`-prefixed attributes (`val="x"` becomes `w:val="x"`)."""
    node = OxmlElement(tag)
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), value)
    return node


def add_field(paragraph: Any, instruction: str, placeholder: str = "", dirty: bool = False) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end).

    Word recomputes PAGE and NUMPAGES on every layout, and TOC when fields are updated;
    the placeholder is what a reader sees until then.
    """
    p = paragraph._p

    def run(*children: Element) -> None:
        r = element("w:r")
        for child in children:
            r.append(child)
        p.append(r)

    begin = element("w:fldChar", fldCharType="begin")
    if dirty:  # stale until Word recomputes it (the contents list)
        begin.set(qn("w:dirty"), "true")
    run(begin)
    instr = element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run(instr)
    run(element("w:fldChar", fldCharType="separate"))
    if placeholder:
        text = element("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = placeholder
        run(text)
    run(element("w:fldChar", fldCharType="end"))


def add_hyperlink(paragraph: Any, text: str, url: str) -> None:
    """Append an external hyperlink styled with the built-in "Hyperlink" style."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = element("w:hyperlink", history="1")
    link.set(qn("r:id"), r_id)
    run = element("w:r")
    props = element("w:rPr")
    props.append(element("w:rStyle", val="Hyperlink"))
    run.append(props)
    node = element("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = text
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def border(side: str, colour: str, size_eighths: int, space: int = 0) -> Element:
    """One border edge (`w:top`, `w:left`, ...), size in eighths of a point."""
    return element(f"w:{side}", val="single", sz=str(size_eighths), space=str(space), color=colour)


def set_paragraph_border(paragraph: Any, *edges: Element) -> None:
    bdr = element("w:pBdr")
    for edge in edges:
        bdr.append(edge)
    insert_ordered(paragraph._p.get_or_add_pPr(), bdr, _PPR_ORDER)


def shade_paragraph(paragraph: Any, fill: str) -> None:
    shading = element("w:shd", val="clear", color="auto", fill=fill)
    insert_ordered(paragraph._p.get_or_add_pPr(), shading, _PPR_ORDER)


def set_outline_body_text(paragraph: Any) -> None:
    """Keep a heading-styled paragraph out of Word's contents (outline level 10)."""
    insert_ordered(paragraph._p.get_or_add_pPr(), element("w:outlineLvl", val="9"), _PPR_ORDER)


def shade_cell(cell: Any, fill: str) -> None:
    shading = element("w:shd", val="clear", color="auto", fill=fill)
    insert_ordered(cell._tc.get_or_add_tcPr(), shading, _TCPR_ORDER)


def set_cell_borders(cell: Any, *edges: Element) -> None:
    borders = element("w:tcBorders")
    for edge in edges:
        borders.append(edge)
    insert_ordered(cell._tc.get_or_add_tcPr(), borders, _TCPR_ORDER)


def mark_row(row: Any, header: bool) -> None:
    """Never split a row across pages; repeat header rows on every page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(element("w:cantSplit"))
    if header:
        trpr.append(element("w:tblHeader"))


def style_table(table: Any, caption: str, rule: str) -> None:
    """Horizontal rules only, and the caption as the table's alternative-text title."""
    tblpr = table._tbl.tblPr
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side in ("left", "right", "insideV"):
            borders.append(element(f"w:{side}", val="nil"))
        else:
            borders.append(border(side, rule, 4))
    insert_ordered(tblpr, borders, _TBLPR_ORDER)
    margins = element("w:tblCellMar")
    for side, twips in (("top", 45), ("left", 85), ("bottom", 45), ("right", 85)):
        margins.append(element(f"w:{side}", w=str(twips), type="dxa"))
    insert_ordered(tblpr, margins, _TBLPR_ORDER)
    insert_ordered(tblpr, element("w:tblCaption", val=caption[:255]), _TBLPR_ORDER)


def set_update_fields(settings: Element) -> None:
    """Ask Word to refresh fields (the contents list) when the file is opened."""
    node = element("w:updateFields", val="true")
    for tag in _SETTINGS_AFTER_UPDATE_FIELDS:
        anchor = settings.find(qn(tag))
        if anchor is not None:
            anchor.addprevious(node)
            return
    settings.append(node)


def set_swedish_settings(settings: Element, lang: str) -> None:
    """Swedish decimal comma and list separator; theme language for proofing."""
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        node = settings.find(qn(tag))
        if node is not None:
            node.set(qn("w:val"), value)
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), lang)


def restart_numbering(document: Any, numbered_style_num_id: int) -> int:
    """Create a new list instance so each ordered list starts again at 1."""
    numbering = document.part.numbering_part.element
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(numbered_style_num_id):
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    if abstract_id is None:
        return numbered_style_num_id
    new_id = max(int(num.get(qn("w:numId"))) for num in numbering.findall(qn("w:num"))) + 1
    num = element("w:num", numId=str(new_id))
    num.append(element("w:abstractNumId", val=abstract_id))
    override = element("w:lvlOverride", ilvl="0")
    override.append(element("w:startOverride", val="1"))
    num.append(override)
    numbering.append(num)
    return new_id


def set_num_id(paragraph: Any, num_id: int) -> None:
    numpr = element("w:numPr")
    numpr.append(element("w:ilvl", val="0"))
    numpr.append(element("w:numId", val=str(num_id)))
    insert_ordered(paragraph._p.get_or_add_pPr(), numpr, _PPR_ORDER)


def set_column_widths(table: Any, widths_twips: list[int]) -> None:
    """Fix column widths in the grid (LibreOffice) and on every cell (Word)."""
    tbl = table._tbl
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_twips, strict=True):
        col.set(qn("w:w"), str(width))
    for tr in tbl.findall(qn("w:tr")):
        for tc, width in zip(tr.findall(qn("w:tc")), widths_twips, strict=True):
            tcw = tc.get_or_add_tcPr().find(qn("w:tcW"))
            if tcw is None:
                tcw = insert_ordered(tc.get_or_add_tcPr(), element("w:tcW"), _TCPR_ORDER)
            tcw.set(qn("w:w"), str(width))
            tcw.set(qn("w:type"), "dxa")


def fill_cell(
    cell: Any, text: str, style_id: str, right: bool, bold: bool, keep_next: bool = False
) -> None:
    """Write one line of text into an empty table cell.

    Builds the XML directly: python-docx's property setters cost ~0.2 ms a cell, which
    added up to most of the render time of a report with long tables.
    """
    paragraph = cell._tc.find(qn("w:p"))
    props = element("w:pPr")
    props.append(element("w:pStyle", val=style_id))
    if keep_next:
        props.append(element("w:keepNext"))
    if right:
        props.append(element("w:jc", val="right"))
    paragraph.insert(0, props)
    run = element("w:r")
    if bold:
        run_props = element("w:rPr")
        run_props.append(element("w:b"))
        run.append(run_props)
    node = element("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = text
    run.append(node)
    paragraph.append(run)
