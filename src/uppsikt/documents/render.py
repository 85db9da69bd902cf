"""Output renderers keyed by format: one place to turn a `Document` into file bytes."""

from __future__ import annotations

from collections.abc import Callable

from uppsikt.documents.model import Document

# Renderers are imported when first used: python-docx and the Typst compiler are slow to
# load, and a command that writes one format should not pay for the others.


def _render_html(doc: Document) -> bytes:
    from uppsikt.documents.html import render_html

    return render_html(doc).encode("utf-8")


def _render_pdf(doc: Document) -> bytes:
    from uppsikt.documents.pdf import render_pdf

    return render_pdf(doc)


def _render_docx(doc: Document) -> bytes:
    from uppsikt.documents.docx import render_docx

    return render_docx(doc)


FORMATS = ("html", "pdf", "docx")

RENDERERS: dict[str, Callable[[Document], bytes]] = {
    "html": _render_html,
    "pdf": _render_pdf,
    "docx": _render_docx,
}

EXTENSIONS: dict[str, str] = {"html": ".html", "pdf": ".pdf", "docx": ".docx"}

MEDIA_TYPES: dict[str, str] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(doc: Document, fmt: str) -> bytes:
    """Render `doc` in one of `FORMATS`; raises ValueError naming the valid formats."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"okänt format {fmt!r}: välj ett av {', '.join(FORMATS)}") from None
    return renderer(doc)
