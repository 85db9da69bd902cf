"""Markdown files of a package: front matter, heading blocks and directives, with lines.

Splitting is line based and follows CommonMark where it matters here: an ATX heading is
0–3 spaces, 1–6 `#`, then a space or the end of the line; nothing inside a fenced code
block is a heading or a directive. Bodies are kept as Markdown source, without the
blank lines around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from uppsikt.importers.package.yaml_lines import LineDict, YamlSyntaxError, read_yaml

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_CLOSING_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*$")
_DIRECTIVE = re.compile(r"^\s*\{\{\s*([^:}]*?)\s*:\s*([^}]*?)\s*\}\}\s*$")
FRONT_MATTER_DELIMITER = "---"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Block:
    """Text under one heading (or before the first: `heading` is None)."""

    heading: Heading | None
    body: str


@dataclass(frozen=True)
class Directive:
    """A `{{ kind: value }}` line, e.g. `{{ table: operating_result }}`."""

    kind: str
    value: str
    line: int


@dataclass(frozen=True)
class MarkdownFile:
    front_matter: LineDict | None  # None: the file has no front matter
    duplicate_keys: tuple[tuple[str, int], ...]
    blocks: tuple[Block, ...]  # the first block has no heading (it may be empty)
    body: str  # everything after the front matter, unsplit
    directives: tuple[Directive, ...]


class MarkdownError(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def normalise_newlines(text: str) -> str:
    """LF line ends; other line ends become LF so that line numbers match editors."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_blank_lines(lines: list[str]) -> str:
    """Join lines, dropping blank (whitespace-only) lines at the start and the end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def parse_markdown(text: str) -> MarkdownFile:
    """Split a package Markdown file; raises `MarkdownError` for bad front matter."""
    lines = normalise_newlines(text).split("\n")
    front_matter: LineDict | None = None
    duplicates: tuple[tuple[str, int], ...] = ()
    first_body = 0
    if lines and lines[0].rstrip() == FRONT_MATTER_DELIMITER:
        end = _front_matter_end(lines)
        document = _read_front_matter(lines[1:end])
        front_matter, duplicates = document
        first_body = end + 1
    body_lines = lines[first_body:]
    blocks, directives = _split(body_lines, first_line=first_body + 1)
    return MarkdownFile(
        front_matter=front_matter,
        duplicate_keys=duplicates,
        blocks=blocks,
        body=strip_blank_lines(body_lines),
        directives=directives,
    )


def _front_matter_end(lines: list[str]) -> int:
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FRONT_MATTER_DELIMITER:
            return index
    raise MarkdownError(
        1,
        "front matter börjar med '---' men avslutas aldrig; "
        "lägg till en rad med bara '---' efter den sista nyckeln.",
    )


def _read_front_matter(lines: list[str]) -> tuple[LineDict, tuple[tuple[str, int], ...]]:
    try:
        document = read_yaml("\n".join(lines), first_line=2)
    except YamlSyntaxError as exc:
        raise MarkdownError(exc.line, f"fel i front matter: {exc.message}") from exc
    data: Any = document.data
    if data is None:
        return LineDict(1), document.duplicate_keys
    if not isinstance(data, LineDict):
        raise MarkdownError(
            2,
            "front matter ska vara nycklar med värden (t.ex. 'title: Ekonomi'), "
            "inte en lista eller en ensam text.",
        )
    return data, document.duplicate_keys


def _split(lines: list[str], first_line: int) -> tuple[tuple[Block, ...], tuple[Directive, ...]]:
    blocks: list[Block] = []
    directives: list[Directive] = []
    heading: Heading | None = None
    current: list[str] = []
    fence: tuple[str, int] | None = None  # (fence character, length) while inside one
    for offset, line in enumerate(lines):
        number = first_line + offset
        if fence is not None:
            closing = _CLOSING_FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= fence[1]:
                fence = None
            current.append(line)
            continue
        opening = _FENCE.match(line)
        # A backtick fence's info string may not contain a backtick (CommonMark 4.5).
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = (opening.group(1)[0], len(opening.group(1)))
            current.append(line)
            continue
        atx = _ATX.match(line)
        if atx:
            blocks.append(Block(heading, strip_blank_lines(current)))
            text = _CLOSING_HASHES.sub("", (atx.group(2) or "").strip()).strip()
            heading = Heading(len(atx.group(1)), text, number)
            current = []
            continue
        directive = _DIRECTIVE.match(line)
        if directive:
            directives.append(Directive(directive.group(1), directive.group(2), number))
        current.append(line)
    blocks.append(Block(heading, strip_blank_lines(current)))
    return tuple(blocks), tuple(directives)


def heading_line(level: int, text: str) -> str:
    """The ATX heading line for `text`, protected so that it reads back as `text`."""
    if text.endswith("#"):
        # A trailing ' #' would be read as an optional closing sequence; adding one more
        # closing sequence keeps the text's own '#'.
        return f"{'#' * level} {text} #"
    return f"{'#' * level} {text}"
