"""Markdown to the document model: a link always has a name (WCAG link-name), in every
renderer, because the model never holds an empty link."""

from __future__ import annotations

import pytest

from uppsikt.documents.html import render_html
from uppsikt.documents.markdown import markdown_blocks
from uppsikt.documents.model import Cover, Document, Link, Paragraph, Text


def inlines(source: str) -> tuple[Text | Link, ...]:
    (block,) = markdown_blocks(source)
    assert isinstance(block, Paragraph)
    return block.inlines


@pytest.mark.parametrize(
    "source",
    [
        "[](https://example.org/x)",
        "[   ](https://example.org/x)",
        "[![](logga.png)](https://example.org/x)",
        "[![Logga](logga.png)](https://example.org/x)",
        "[ ![](logga.png) ](https://example.org/x)",
    ],
)
def test_an_empty_link_is_named_by_its_address(source: str) -> None:
    assert inlines(source) == (Link("https://example.org/x", "https://example.org/x"),)


def test_an_empty_mail_link_is_named_by_the_address_alone() -> None:
    assert inlines("Skriv till [](mailto:ks@malmo.se).") == (
        Text("Skriv till "),
        Link("ks@malmo.se", "mailto:ks@malmo.se"),
        Text("."),
    )


def test_links_with_text_keep_it() -> None:
    assert inlines("[Malmö stad](https://malmo.se/) ![karta](karta.png)") == (
        Link("Malmö stad", "https://malmo.se/"),
        Text(" karta"),
    )


def test_the_html_document_has_no_link_without_text() -> None:
    blocks = markdown_blocks("Läs mer [](https://example.org/x) och [![](a.png)](https://a.se/).")
    page = render_html(Document(Cover("Rapport", "Nämnden", "Malmö stad"), tuple(blocks)))
    assert '<a href="https://example.org/x" rel="noopener">https://example.org/x</a>' in page
    assert '<a href="https://a.se/" rel="noopener">https://a.se/</a>' in page
    assert 'rel="noopener"></a>' not in page
