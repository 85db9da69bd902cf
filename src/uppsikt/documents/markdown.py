"""Markdown texts to document blocks, from the one parser (`uppsikt.domain.markdown`).
Raw HTML is never interpreted: it stays literal text, and only http(s) and mailto links
survive, so user text cannot inject markup anywhere."""

from __future__ import annotations

from uppsikt.documents.common import safe_url
from uppsikt.documents.model import BulletList, Inline, Link, Paragraph, Text
from uppsikt.domain.markdown import Token, parse


def markdown_blocks(source: str) -> list[Paragraph | BulletList]:
    """Paragraphs and lists of a Markdown text (headings inside a body become bold paragraphs)."""
    tokens = parse(source)
    blocks: list[Paragraph | BulletList] = []
    list_stack: list[tuple[bool, list[tuple[Inline, ...]]]] = []
    item_inlines: list[Inline] = []
    in_item = 0
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append((token.type == "ordered_list_open", []))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            ordered, items = list_stack.pop()
            if list_stack:  # a nested list continues the outer one's items
                list_stack[-1][1].extend(items)
            elif items:
                blocks.append(BulletList(tuple(items), ordered))
        elif token.type == "list_item_open":
            in_item += 1
            item_inlines = []
        elif token.type == "list_item_close":
            in_item -= 1
            if list_stack and item_inlines:
                list_stack[-1][1].append(tuple(item_inlines))
            item_inlines = []
        elif token.type == "inline":
            inlines = inline_runs(token.children or [])
            if not inlines:
                continue
            if in_item and list_stack:
                if item_inlines:
                    item_inlines.append(Text(" "))
                item_inlines.extend(inlines)
            else:
                bold = index > 0 and tokens[index - 1].type == "heading_open"
                if bold:
                    inlines = [Text(run.text, bold=True) for run in inlines]
                blocks.append(Paragraph(tuple(inlines)))
        elif token.type in ("code_block", "fence", "html_block"):
            blocks.append(Paragraph((Text(token.content.strip()),)))
    return blocks


def inline_runs(children: list[Token]) -> list[Inline]:
    """Runs of text with bold/italic flags and safe links."""
    runs: list[Inline] = []
    bold = italic = False
    link: str | None = None
    link_text: list[str] = []
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "link_open":
            link = safe_url(str(child.attrs.get("href", "")))
            link_text = []
            if link is None:
                link = ""  # unsafe: keep the text, drop the target
        elif kind == "link_close":
            text = "".join(link_text)
            if link and not text.strip():
                text = link_name(link)
            runs.append(Link(text, link) if link else Text(text, bold, italic))
            link = None
        elif kind in ("text", "code_inline", "html_inline"):
            if link is not None:
                link_text.append(child.content)
            else:
                runs.append(Text(child.content, bold, italic))
        elif kind in ("softbreak", "hardbreak"):
            if link is not None:
                link_text.append(" ")
            else:
                runs.append(Text(" ", bold, italic))
        elif kind == "image" and link is None:
            # Documents show no images, only their alt text; inside a link an image adds
            # nothing, so a link of only an image is named by its address.
            runs.append(Text(child.content, bold, italic))
    return _merge(runs)


def link_name(url: str) -> str:
    """The text of a link written without one (`[](https://…)`): its address, without
    "mailto:". A link needs a name that screen readers read out (WCAG 2.4.4, 4.1.2)."""
    return url.removeprefix("mailto:")


def _merge(runs: list[Inline]) -> list[Inline]:
    merged: list[Inline] = []
    for run in runs:
        previous = merged[-1] if merged else None
        if (
            isinstance(run, Text)
            and isinstance(previous, Text)
            and (previous.bold, previous.italic) == (run.bold, run.italic)
        ):
            merged[-1] = Text(previous.text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return merged
