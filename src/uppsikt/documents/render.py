"""Output renderers keyed by format: one place to turn a `Document` into file bytes."""

from __future__ import annotations

from collections.abc import Callable

from uppsikt.documents.docx import render_docx
from uppsikt.documents.html import render_html
from uppsikt.documents.model import Document
from uppsikt.documents.pdf import render_pdf


def _render_html_bytes(doc: Document) -> bytes:
    return render_html(doc).encode("utf-8")


FORMATS = ("html", "pdf", "docx")

RENDERERS: dict[str, Callable[[Document], bytes]] = {
    "html": _render_html_bytes,
    "pdf": render_pdf,
    "docx": render_docx,
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
