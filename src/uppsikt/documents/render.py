"""The renderer registry: one entry per output format, the one place a format is added.

Each `Renderer` names its format, file extension and media type, how to render a
`Document` to bytes, whether a build of several formats renders it in a forked worker
(`documents.worker`), and how that worker warms it up. Renderers import their libraries
when first used: python-docx and the Typst compiler are slow to load, and a command that
writes one format should not pay for the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from uppsikt.documents.model import Document


@dataclass(frozen=True)
class Renderer:
    name: str
    extension: str
    media_type: str
    render: Callable[[Document], bytes]
    # Slow formats render in a forked worker while the caller reads and builds.
    parallel: bool = False
    warm_up: Callable[[], None] | None = None


def _render_html(doc: Document) -> bytes:
    from uppsikt.documents.html import render_html

    return render_html(doc).encode("utf-8")


def _render_pdf(doc: Document) -> bytes:
    from uppsikt.documents.pdf import render_pdf

    return render_pdf(doc)


def _warm_pdf() -> None:
    from uppsikt.documents.pdf import warm_up

    warm_up()


def _render_docx(doc: Document) -> bytes:
    from uppsikt.documents.docx import render_docx

    return render_docx(doc)


def _warm_docx() -> None:
    import uppsikt.documents.docx  # noqa: F401


RENDERERS: dict[str, Renderer] = {
    renderer.name: renderer
    for renderer in (
        Renderer("html", ".html", "text/html; charset=utf-8", _render_html),
        Renderer("pdf", ".pdf", "application/pdf", _render_pdf, True, _warm_pdf),
        Renderer(
            "docx",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _render_docx,
            True,
            _warm_docx,
        ),
    )
}

FORMATS = tuple(RENDERERS)


def renderer(fmt: str) -> Renderer:
    """The renderer of one of `FORMATS`; raises ValueError naming the valid formats."""
    try:
        return RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"okänt format {fmt!r}: välj ett av {', '.join(FORMATS)}") from None


def render(doc: Document, fmt: str) -> bytes:
    """Render `doc` in one of `FORMATS`."""
    return renderer(fmt).render(doc)
