"""Render a `Document` as a tagged PDF/UA-1 file through Typst.

`render_typst` writes Typst source: the fixed template `report.typ` plus one call
per block, with every piece of user text as an escaped string literal (see
`typst_escape`). `render_pdf` compiles it with the fonts shipped in `fonts/` only,
so the PDF looks the same on every machine.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from typing import Final

import typst

from uppsikt.documents.common import (
    ASSESSMENT_COLOURS,
    SHORT_TABLE_ROWS,
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
from uppsikt.documents.typst_escape import FONTS_DIR, typst_str

log = logging.getLogger(__name__)

PDF_STANDARD: Final = "ua-1"
TOC_DEPTH = 2  # chapters and sections, as in the HTML contents

# The compiler keeps parsed fonts between runs (most of the cost of a small
# document); it is not safe to share between threads, hence the lock.
_compiler_lock = threading.Lock()


class PdfRenderError(RuntimeError):
    """Typst rejected the generated source; a bug in this module, not in user text."""


def render_typst(doc: Document) -> str:
    """Return the complete Typst source for the document."""
    language, region = split_lang(doc.lang)
    author = doc.metadata.get("author") or ", ".join(
        part for part in (doc.cover.organisation, doc.cover.municipality) if part
    )
    footer = f"{doc.footer} " if doc.footer else ""
    lines = [
        f"#let doc-title = {typst_str(doc.title)}",
        f"#let doc-author = {typst_str(author)}",
        f"#let doc-lang = {typst_str(language)}",
        f"#let doc-region = {typst_str(region) if region else 'none'}",
        f"#let footer-text = {typst_str(footer)}",
        f"#let short-table-rows = {SHORT_TABLE_ROWS}",
        _template(),
        _cover(doc),
    ]
    if has_contents(doc.blocks):
        lines.append(
            f"#outline(title: {typst_str(doc.toc_title)}, depth: {TOC_DEPTH}, indent: 1.4em)"
        )
    lines.extend(_body(doc))
    return "\n".join(lines) + "\n"


def render_pdf(doc: Document) -> bytes:
    """Compile the document to PDF/UA-1 bytes."""
    source = render_typst(doc).encode("utf-8")
    with _compiler_lock:
        try:
            result, warnings = _compiler().compile_with_warnings(
                input=source, format="pdf", pdf_standards=PDF_STANDARD
            )
        except typst.TypstError as error:
            raise PdfRenderError(f"Typst kunde inte skapa PDF: {error.message}") from error
    for warning in warnings:
        log.warning("typst: %s", warning.message)
    if not isinstance(result, bytes):
        raise PdfRenderError("Typst returnerade ingen PDF")
    return result


def warm_up() -> None:
    """Load the fonts and typeset a one-line document, so the next render starts warm."""
    from uppsikt.documents.model import Cover, Heading

    render_pdf(Document(Cover("Uppsikt", "Uppsikt", "Uppsikt"), (Heading(1, "Uppsikt", "u"),)))


@cache
def _compiler() -> typst.Compiler:
    # Only the bundled fonts: neither system fonts nor Typst's embedded ones, so a
    # missing glyph fails here the same way on every machine.
    fonts = typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(FONTS_DIR)],
    )
    # The root limits what the template could read from disk: only the font folder.
    return typst.Compiler(root=str(FONTS_DIR), font_paths=fonts, ignore_system_fonts=True)


@cache
def _template() -> str:
    return files("uppsikt.documents").joinpath("report.typ").read_text(encoding="utf-8")


def _cover(doc: Document) -> str:
    cover = doc.cover
    args = ", ".join(
        typst_str(value)
        for value in (
            cover.municipality,
            cover.title,
            cover.organisation,
            cover.subtitle,
            cover.marking,
        )
    )
    return f"#cover-page({args})"


def _body(doc: Document) -> Iterable[str]:
    levels = heading_levels(doc.blocks)
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            if index not in levels:
                continue
            flag = "true" if block.in_toc else "false"
            yield (
                f"#heading(level: {levels[index]}, outlined: {flag}, bookmarked: {flag}, "
                f"{typst_str(block.text)})"
            )
        elif isinstance(block, Table):
            yield f"#{_table(block)}"
        elif isinstance(block, AssessmentMark):
            args = ", ".join(
                typst_str(value)
                for value in (
                    block.level.value,
                    ASSESSMENT_COLOURS[block.level],
                    block.caption,
                    block.label,
                )
            )
            yield f"#assessment({args})"
        elif isinstance(block, Callout):
            inner = "; ".join(_text_block(part) for part in block.blocks)
            yield f"#callout({typst_str(block.title)}, {{{inner}}})"
        else:
            yield f"#{_text_block(block)}"


def _text_block(block: Paragraph | BulletList) -> str:
    if isinstance(block, Paragraph):
        return f"par({_inlines(block.inlines)})"
    function = "enum" if block.ordered else "list"
    items = ", ".join(_inlines(item) for item in block.items)
    return f"{function}({items})"


def _inlines(inlines: Sequence[Inline]) -> str:
    """A code block joining string literals into one piece of content."""
    parts: list[str] = []
    for inline in inlines:
        if isinstance(inline, Link):
            url = safe_url(inline.url)
            text = typst_str(inline.text)
            parts.append(f"link({typst_str(url)}, {text})" if url else text)
        elif isinstance(inline, Text):
            text = typst_str(inline.text)
            if inline.italic:
                text = f"emph({text})"
            if inline.bold:
                text = f"strong({text})"
            parts.append(text)
    return "{" + "; ".join(parts) + "}" if parts else '""'


def _table(table: Table) -> str:
    width = table_width(table)
    headers = [column.header for column in table.columns] + [""] * (width - len(table.columns))
    aligns = [column.align.value for column in table.columns]
    aligns += [Align.LEFT.value] * (width - len(aligns))
    columns = ", ".join(
        f"({typst_str(header)}, {typst_str(align)})"
        for header, align in zip(headers, aligns, strict=True)
    )
    rows = []
    for row in table.rows:
        cells = list(row.cells) + [""] * (width - len(row.cells))
        if row.style == RowStyle.HEADING:
            cells = cells[:1]
        rows.append(f"({typst_str(row.style.value)}, ({_tuple(cells)}))")
    notes = _tuple(list(table.notes))
    return (
        f"report-table({typst_str(table.caption)}, ({columns},), "
        f"({', '.join(rows)}{',' if rows else ''}), ({notes}))"
    )


def _tuple(values: Sequence[str]) -> str:
    """Typst array literal of strings; the trailing comma keeps one element an array."""
    if not values:
        return ""
    return ", ".join(typst_str(value) for value in values) + ","
