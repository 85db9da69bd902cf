"""The format registry: every format renders, unknown formats are refused by name."""

from __future__ import annotations

import pytest

from uppsikt.documents.model import (
    AssessmentLevel,
    AssessmentMark,
    BulletList,
    Callout,
    Cover,
    Document,
    Heading,
    Paragraph,
    RowStyle,
    Table,
    TableColumn,
    TableRow,
    Text,
)
from uppsikt.documents.render import FORMATS, RENDERERS, render, renderer

MAGIC = {"html": b"<!DOCTYPE html>", "pdf": b"%PDF-", "docx": b"PK\x03\x04"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_bytes(fmt: str, sample_document: Document) -> None:
    output = render(sample_document, fmt)
    assert output.startswith(MAGIC[fmt])
    assert renderer(fmt).extension == f".{fmt}"


def test_registry_covers_the_formats() -> None:
    assert set(RENDERERS) == set(FORMATS) == set(MAGIC)


def test_slow_formats_render_in_workers_and_can_warm_up() -> None:
    """A build of several formats forks a worker for each slow one (documents.worker)."""
    from uppsikt.documents.worker import RenderWorkers

    parallel = {fmt for fmt in FORMATS if renderer(fmt).parallel}
    assert parallel == {"pdf", "docx"}
    assert all(renderer(fmt).warm_up is not None for fmt in parallel)
    assert RenderWorkers(FORMATS).formats == ("pdf", "docx")
    assert RenderWorkers(["pdf"]).formats == ()  # one format: nothing to overlap with


def test_media_types_are_what_browsers_expect() -> None:
    assert renderer("html").media_type.startswith("text/html")
    assert renderer("pdf").media_type == "application/pdf"
    assert "wordprocessingml" in renderer("docx").media_type


def test_html_is_utf8(sample_document: Document) -> None:
    assert "Årsanalys".encode() in render(sample_document, "html")


def test_unknown_format_names_the_choices(sample_document: Document) -> None:
    with pytest.raises(ValueError, match="html, pdf, docx"):
        render(sample_document, "odt")


EDGE_CASES = {
    "nothing": Document(Cover("", "", ""), ()),
    "empty heading": Document(Cover("T", "O", "M"), (Heading(1, " \x00", "a"),)),
    "empty paragraphs": Document(Cover("T", "O", "M"), (Paragraph(()), Paragraph((Text(""),)))),
    "empty table": Document(Cover("T", "O", "M"), (Table("", (), ()),)),
    "table without rows": Document(Cover("T", "O", "M"), (Table("C", (TableColumn("A"),), ()),)),
    "empty lists": Document(
        Cover("T", "O", "M"), (BulletList(()), BulletList(((),), ordered=True))
    ),
    "empty callout": Document(Cover("T", "O", "M"), (Callout("", ()),)),
    "empty mark": Document(
        Cover("T", "O", "M"), (AssessmentMark(AssessmentLevel.ACHIEVED, "", ""),)
    ),
    "bare heading row": Document(
        Cover("T", "O", "M"),
        (Table("C", (TableColumn("A"), TableColumn("B")), (TableRow((), RowStyle.HEADING),)),),
    ),
    "out-of-range levels": Document(
        Cover("T", "O", "M"), (Heading(9, "Djup", "d"), Heading(0, "Noll", "n"))
    ),
    "only hidden headings": Document(Cover("T", "O", "M"), (Heading(1, "Dold", "d", False),)),
    "other language": Document(Cover("T", "O", "M"), (), lang="en-GB"),
    "malformed language": Document(Cover("T", "O", "M"), (), lang="xx_YYY"),
    "line breaks": Document(
        Cover("T\nx", "O", "M"),
        (
            Heading(1, "a\nb", "a"),
            Table("c\nd", (TableColumn("h\ni"),), (TableRow(("x\ny",)),)),
        ),
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", EDGE_CASES)
def test_degenerate_documents_still_render(name: str, fmt: str) -> None:
    assert render(EDGE_CASES[name], fmt).startswith(MAGIC[fmt])
