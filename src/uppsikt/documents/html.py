"""Render a `Document` as one self-contained, accessible HTML page (WCAG 2.1 AA).

Every piece of text goes through `html.escape(..., quote=True)`; links survive only
with an http(s) or mailto URL. The page needs no external assets and no JavaScript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from uppsikt.documents.common import (
    ASSESSMENT_COLOURS,
    clean_text,
    heading_levels,
    safe_url,
    split_lang,
)
from uppsikt.documents.html_style import STYLESHEET
from uppsikt.documents.model import (
    Align,
    AssessmentLevel,
    AssessmentMark,
    Block,
    BulletList,
    Callout,
    Document,
    Heading,
    Inline,
    Link,
    Paragraph,
    RowStyle,
    Table,
    TableRow,
    Text,
)

MAIN_ID = "huvudinnehall"
TOC_TITLE_ID = "innehall-rubrik"
_RESERVED_IDS = frozenset({MAIN_ID, TOC_TITLE_ID})
_ANCHOR = re.compile(r"[a-z][a-z0-9-]{0,80}")


def esc(value: str) -> str:
    """Escape text for an element body or a quoted attribute value."""
    return escape(clean_text(value), quote=True)


def render_html(doc: Document) -> str:
    """Render the document as a complete HTML page (UTF-8 text)."""
    renderer = _HtmlRenderer(doc)
    return renderer.render()


class _HtmlRenderer:
    """Holds the per-document state: heading ids and levels, running counters."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.levels = heading_levels(doc.blocks)
        self.ids = _heading_ids(doc.blocks)
        self.counter = 0  # for ids of captions and callout headings
        self.current_h = 1  # the h1 is the cover title

    def render(self) -> str:
        doc = self.doc
        language, region = split_lang(doc.lang)
        lang = f"{language}-{region}" if region and language != "sv" else language
        head = [
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(doc.title)}</title>",
            '<meta name="generator" content="Uppsikt">',
            *(
                f'<meta name="{esc(key)}" content="{esc(value)}">'
                for key, value in sorted(doc.metadata.items())
            ),
            f"<style>{STYLESHEET}</style>",
        ]
        body = [
            f'<a class="skip-link" href="#{MAIN_ID}">Hoppa till innehållet</a>',
            self._cover(),
            self._toc(),
            f'<main id="{MAIN_ID}" tabindex="-1">',
            *self._blocks(doc.blocks),
            "</main>",
            f'<footer class="page-footer"><p>{esc(doc.footer or doc.title)}</p></footer>',
        ]
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}">\n<head>\n'
            + "\n".join(head)
            + "\n</head>\n<body>\n"
            + "\n".join(body)
            + "\n</body>\n</html>\n"
        )

    def _next_id(self, prefix: str) -> str:
        # The underscore is outside the anchor alphabet, so no heading id can clash.
        self.counter += 1
        return f"{prefix}_{self.counter}"

    def _cover(self) -> str:
        cover = self.doc.cover
        parts = ['<header class="cover">']
        if cover.marking:
            parts.append(f'<p class="marking">{esc(cover.marking)}</p>')
        if cover.municipality:
            parts.append(f'<p class="cover-municipality">{esc(cover.municipality)}</p>')
        # Exactly one h1, never empty: it names the page for screen-reader users.
        parts.append(f"<h1>{esc(cover.title.strip() or self.doc.title)}</h1>")
        if cover.organisation:
            parts.append(f'<p class="cover-organisation">{esc(cover.organisation)}</p>')
        if cover.subtitle:
            parts.append(f'<p class="cover-subtitle">{esc(cover.subtitle)}</p>')
        parts.append("</header>")
        return "\n".join(parts)

    def _toc(self) -> str:
        """Nested list of links: chapters, with their sections one level in."""
        tree: list[tuple[str, list[str]]] = []
        for index, block in enumerate(self.doc.blocks):
            if not isinstance(block, Heading) or not block.in_toc:
                continue
            if index not in self.levels or self.levels[index] > 2:
                continue
            link = f'<a href="#{self.ids[index]}">{esc(block.text)}</a>'
            if self.levels[index] == 2 and tree:
                tree[-1][1].append(link)
            else:  # a chapter, or a section whose chapter is left out of the contents
                tree.append((link, []))
        if not tree:
            return ""
        items = []
        for link, children in tree:
            sub = "".join(f"<li>{child}</li>" for child in children)
            items.append(f"<li>{link}<ol>{sub}</ol></li>" if sub else f"<li>{link}</li>")
        listing = "\n".join(items)
        return (
            f'<nav class="toc" aria-labelledby="{TOC_TITLE_ID}">\n'
            f'<h2 id="{TOC_TITLE_ID}">{esc(self.doc.toc_title)}</h2>\n'
            f"<ol>\n{listing}\n</ol>\n</nav>"
        )

    def _blocks(self, blocks: Sequence[Block]) -> list[str]:
        out: list[str] = []
        for index, block in enumerate(blocks):
            if isinstance(block, Heading):
                if index in self.levels:
                    out.append(self._heading(block, index))
            elif isinstance(block, Table):
                out.append(self._table(block))
            elif isinstance(block, AssessmentMark):
                out.append(_assessment(block))
            elif isinstance(block, Callout):
                out.append(self._callout(block))
            else:
                out.append(_text_block(block))
        return out

    def _heading(self, block: Heading, index: int) -> str:
        # Document level 1 is a chapter, one step below the cover's h1.
        tag = f"h{self.levels[index] + 1}"
        self.current_h = self.levels[index] + 1
        css = ' class="chapter"' if tag == "h2" else ""
        return f'<{tag} id="{self.ids[index]}"{css}>{esc(block.text)}</{tag}>'

    def _callout(self, block: Callout) -> str:
        level = min(self.current_h + 1, 6)
        title_id = self._next_id("ruta")
        inner = "\n".join(_text_block(inner_block) for inner_block in block.blocks)
        return (
            f'<aside class="callout" aria-labelledby="{title_id}">\n'
            f'<h{level} id="{title_id}" class="callout-title">{esc(block.title)}</h{level}>\n'
            f"{inner}\n</aside>"
        )

    def _table(self, table: Table) -> str:
        caption_id = self._next_id("tabell")
        ncols = max(1, len(table.columns))
        numeric = [column.align == Align.RIGHT for column in table.columns]
        head = "".join(
            f'<th scope="col"{_num_class(numeric, i)}>{esc(column.header)}</th>'
            for i, column in enumerate(table.columns)
        )
        # A label-only row opens a new row group, so its header can scope the rows below.
        groups: list[list[str]] = [[]]
        for row in table.rows:
            if row.style == RowStyle.HEADING:
                if groups[-1]:
                    groups.append([])
                label = row.cells[0] if row.cells else ""
                groups[-1].append(
                    f'<tr class="row-heading"><th scope="rowgroup" colspan="{ncols}">'
                    f"{esc(label)}</th></tr>"
                )
            else:
                groups[-1].append(_row(row, numeric, ncols))
        bodies = "".join(f"<tbody>\n{''.join(rows)}</tbody>\n" for rows in groups if rows)
        notes = "".join(f'<p class="table-note">{esc(note)}</p>' for note in table.notes)
        # The wrapper scrolls sideways on narrow screens (WCAG 1.4.10 reflow); as a
        # focusable, labelled region it can be scrolled from the keyboard.
        return (
            f'<div class="table-wrap" role="region" aria-labelledby="{caption_id}" tabindex="0">\n'
            f'<table>\n<caption id="{caption_id}">{esc(table.caption)}</caption>\n'
            f"<thead><tr>{head}</tr></thead>\n{bodies}</table>\n</div>{notes}"
        )


def _heading_ids(blocks: Sequence[Block]) -> dict[int, str]:
    """Give every heading a unique, safe id, keeping the model's anchor when it is valid."""
    used: set[str] = set(_RESERVED_IDS)
    ids: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        anchor = block.anchor if _ANCHOR.fullmatch(block.anchor) else f"rubrik-{index}"
        candidate, suffix = anchor, 2
        while candidate in used:
            candidate, suffix = f"{anchor}-{suffix}", suffix + 1
        used.add(candidate)
        ids[index] = candidate
    return ids


def _inlines(inlines: Sequence[Inline]) -> str:
    out: list[str] = []
    for inline in inlines:
        if isinstance(inline, Link):
            url = safe_url(inline.url)
            text = esc(inline.text)
            out.append(f'<a href="{esc(url)}" rel="noopener">{text}</a>' if url else text)
        elif isinstance(inline, Text):
            text = esc(inline.text)
            if inline.italic:
                text = f"<em>{text}</em>"
            if inline.bold:
                text = f"<strong>{text}</strong>"
            out.append(text)
    return "".join(out)


def _text_block(block: Paragraph | BulletList) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_inlines(block.inlines)}</p>"
    tag = "ol" if block.ordered else "ul"
    items = "".join(f"<li>{_inlines(item)}</li>" for item in block.items)
    return f"<{tag}>{items}</{tag}>"


def _num_class(numeric: Sequence[bool], column: int) -> str:
    return ' class="num"' if column < len(numeric) and numeric[column] else ""


def _row(row: TableRow, numeric: Sequence[bool], ncols: int) -> str:
    cells = list(row.cells) + [""] * (ncols - len(row.cells))
    css = {
        RowStyle.PART: "row-part",
        RowStyle.SUBTOTAL: "row-subtotal",
        RowStyle.TOTAL: "row-total",
    }.get(row.style)
    first = f'<th scope="row">{esc(cells[0])}</th>'
    rest = "".join(
        f"<td{_num_class(numeric, i)}>{esc(cell)}</td>" for i, cell in enumerate(cells) if i
    )
    attr = f' class="{css}"' if css else ""
    return f"<tr{attr}>{first}{rest}</tr>\n"


def _assessment(mark: AssessmentMark) -> str:
    # The symbol is decoration: the visible text label carries the meaning.
    return (
        f'<p class="assessment assessment-{mark.level.value}">'
        f'<span class="assessment-caption">{esc(mark.caption)}'
        f'<span class="visually-hidden">:</span></span> '
        f'<span class="assessment-value">{_symbol(mark.level)}'
        f"<strong>{esc(mark.label)}</strong></span></p>"
    )


def _symbol(level: AssessmentLevel) -> str:
    colour = f"#{ASSESSMENT_COLOURS[level]}"
    ring = f'<circle cx="8" cy="8" r="6.5" fill="#fff" stroke="{colour}" stroke-width="1.5"/>'
    shapes = {
        AssessmentLevel.ACHIEVED: f'<circle cx="8" cy="8" r="7" fill="{colour}"/>',
        AssessmentLevel.PARTLY_ACHIEVED: ring
        + f'<path d="M8 1.5 A6.5 6.5 0 0 0 8 14.5 Z" fill="{colour}"/>',
        AssessmentLevel.NOT_ACHIEVED: ring,
        AssessmentLevel.EXPECTED: ring
        + f'<path d="M4.5 8.3 L7 10.8 L11.6 5.4" fill="none" stroke="{colour}" '
        'stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>',
        AssessmentLevel.NOT_EXPECTED: ring
        + f'<path d="M5.4 5.4 L10.6 10.6 M10.6 5.4 L5.4 10.6" stroke="{colour}" '
        'stroke-width="1.8" stroke-linecap="round"/>',
        AssessmentLevel.MISSING: f'<circle cx="8" cy="8" r="6.5" fill="none" stroke="{colour}" '
        'stroke-width="1.5" stroke-dasharray="2.5 2"/>',
    }
    return (
        '<svg class="symbol" aria-hidden="true" focusable="false" width="16" height="16" '
        f'viewBox="0 0 16 16">{shapes[level]}</svg>'
    )
