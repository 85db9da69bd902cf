"""The one Markdown parser and the one marker grammar, with source lines.

Every layer reads Markdown through this module: the package loader splits files into
sections, the checks count words, the document builder draws blocks and the web checks
markers. One configured parser (CommonMark, raw HTML off, no linkify) means they all
agree on what a heading, a code block or a marker is.

Sections split at ATX headings (`## Rubrik`, closing `#`s allowed) at the top level of
the text only. Setext headings (a line underlined with `===` or `---`) do not split: the
package format and its exporter write ATX headings, and a `---` written as a rule right
under a paragraph would otherwise silently cut a section in two; they stay in the body.
A `#` line inside a fenced or indented code block, a list item or a quote is no heading.

Markers are `{{ table: key }}` and `{{ generated: key }}` on a line of their own, with
keys of `[a-z0-9_-]`. Any other line of the form `{{ … }}` is a malformed marker, which
the callers report; lines inside code blocks are never markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = [
    "MARKER_FORMS",
    "MARKER_KINDS",
    "Directive",
    "MalformedDirective",
    "MarkdownSection",
    "Token",
    "directives",
    "malformed_directives",
    "normalise_newlines",
    "parse",
    "plain_text",
    "split_directives",
    "split_sections",
    "strip_blank_lines",
]

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False})

_MARKER = re.compile(r"^\s*\{\{\s*(table|generated)\s*:\s*([a-z0-9_-]+)\s*\}\}\s*$")
_MARKER_LIKE = re.compile(r"^\s*\{\{.*\}\}\s*$")
_CODE = ("fence", "code_block")

MARKER_KINDS = ("table", "generated")
MARKER_FORMS = "'{{ table: <nyckel> }}' och '{{ generated: <namn> }}'"


def parse(text: str) -> list[Token]:
    """The block tokens of a Markdown text; `token.map` holds 0-based [first, end) lines."""
    return _PARSER.parse(text)


@dataclass(frozen=True)
class MarkdownSection:
    """The text under one heading, or before the first (`heading` None, `level` 0)."""

    heading: str | None
    level: int
    line: int  # 1-based line of the heading (of the text's start for the lead)
    body: str  # Markdown source, without the blank lines around it
    body_line: int  # 1-based line where the body starts (after the heading if empty)


@dataclass(frozen=True)
class Directive:
    """A marker line: `{{ table: key }}` or `{{ generated: key }}`."""

    kind: str
    key: str
    line: int  # 1-based

    @property
    def marker(self) -> str:
        return f"{{{{ {self.kind}: {self.key} }}}}"


@dataclass(frozen=True)
class MalformedDirective:
    """A line that looks like a marker (`{{ … }}`) but is not one of the accepted forms."""

    text: str  # the line, without surrounding whitespace
    line: int  # 1-based


def normalise_newlines(text: str) -> str:
    """LF line ends, so that line numbers match what editors show."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_blank_lines(lines: list[str]) -> str:
    """Join lines, dropping blank (whitespace-only) lines at the start and the end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def split_sections(text: str, *, first_line: int = 1) -> list[MarkdownSection]:
    """The lead (always first, maybe empty) and one section per top-level ATX heading;
    `first_line` is the source line of the text's first line."""
    text = normalise_newlines(text)
    lines = text.split("\n")
    tokens = parse(text)
    headings: list[tuple[int, int, int, str]] = []  # (first line, end line, level, text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.markup[:1] == "#":
            assert token.map is not None
            content = tokens[index + 1].content
            headings.append((token.map[0], token.map[1], len(token.markup), content))
    sections = []
    previous: tuple[str | None, int, int, int] = (None, 0, 0, 0)  # heading, level, line, body
    for start, end, level, heading in [*headings, (len(lines), len(lines), 0, "")]:
        name, previous_level, line, body_start = previous
        sections.append(_section(name, previous_level, line, lines, body_start, start, first_line))
        previous = (heading, level, start, end)
    return sections


def _section(
    heading: str | None, level: int, line: int, lines: list[str], start: int, end: int, first: int
) -> MarkdownSection:
    body_line = next((i for i in range(start, end) if lines[i].strip()), start)
    body = strip_blank_lines(lines[start:end])
    return MarkdownSection(heading, level, first + line, body, first + body_line)


def _code_lines(text: str) -> set[int]:
    """0-based lines inside fenced or indented code blocks, at any depth."""
    return {
        line
        for token in parse(text)
        if token.type in _CODE and token.map is not None
        for line in range(*token.map)
    }


def _marker_lines(text: str) -> list[tuple[int, re.Match[str] | None, str]]:
    """(0-based line, match of the grammar or None, line) of every marker-like line."""
    if "{{" not in text:
        return []
    lines = normalise_newlines(text).split("\n")
    candidates = [(i, line) for i, line in enumerate(lines) if _MARKER_LIKE.match(line)]
    if not candidates:
        return []
    code = _code_lines(text)
    return [(i, _MARKER.match(line), line) for i, line in candidates if i not in code]


def directives(text: str, *, first_line: int = 1) -> list[Directive]:
    """The markers of a text that follow the grammar, in order, with their lines."""
    return [
        Directive(match.group(1), match.group(2), first_line + index)
        for index, match, _ in _marker_lines(text)
        if match is not None
    ]


def malformed_directives(text: str, *, first_line: int = 1) -> list[MalformedDirective]:
    """Lines of the form `{{ … }}` that are not an accepted marker (`{{ tabell: x }}`)."""
    return [
        MalformedDirective(line.strip(), first_line + index)
        for index, match, line in _marker_lines(text)
        if match is None
    ]


def split_directives(text: str) -> list[str | Directive | MalformedDirective]:
    """The text cut at its marker lines: Markdown chunks (without the marker lines) and,
    between them, the markers and the malformed markers, in order."""
    found = _marker_lines(text)
    if not found:
        return [text]
    lines = normalise_newlines(text).split("\n")
    parts: list[str | Directive | MalformedDirective] = []
    position = 0
    for index, match, line in found:
        parts.append("\n".join(lines[position:index]))
        if match is None:
            parts.append(MalformedDirective(line.strip(), index + 1))
        else:
            parts.append(Directive(match.group(1), match.group(2), index + 1))
        position = index + 1
    parts.append("\n".join(lines[position:]))
    return parts


def plain_text(text: str) -> str:
    """The words of a Markdown text, for counting and searching: link texts, image alt
    texts and code kept; markup, list marks and marker lines dropped; one block (paragraph,
    list item, heading, code block) per paragraph, lines within a block kept."""
    chunks = [part for part in split_directives(text) if isinstance(part, str)]
    blocks: list[str] = []
    for token in parse("\n\n".join(chunks)):
        if token.type == "inline":
            blocks.append(_inline_text(token.children or []))
        elif token.type in _CODE:
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(block for block in blocks if block.strip())


def _inline_text(children: list[Token]) -> str:
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)  # the alt text
    return "".join(out)


def unclosed_fence(text: str, *, first_line: int = 1) -> int | None:
    """The source line of a fenced code block that is never closed, or None.

    CommonMark lets such a block run to the end of the text, so everything after it,
    headings too, becomes code: in a package file that swallows the sections that follow.
    """
    text = normalise_newlines(text)
    lines = text.split("\n")
    for token in parse(text):
        if token.type != "fence" or token.map is None:
            continue
        start, end = token.map
        fence = token.markup
        last = lines[end - 1].strip() if end - 1 > start else ""
        closed = last.startswith(fence[0] * len(fence)) and not last.strip(fence[0])
        if not closed:
            return first_line + start
    return None


def close_fences(text: str) -> str:
    """`text` with a closing line added to a fenced code block left open at its end."""
    if unclosed_fence(text) is None:
        return text
    fence = next(t.markup for t in reversed(parse(text)) if t.type == "fence")
    return text.rstrip("\n") + "\n" + fence[0] * len(fence)
