"""Markdown files of a package: front matter, heading blocks and directives, with lines.

The front matter is read here; the rest is split by `uppsikt.domain.markdown`, the one
CommonMark parser and marker grammar (top-level ATX headings split, nothing inside a
code block is a heading or a directive, setext headings stay in the body). Bodies are
kept as Markdown source, without the blank lines around them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from uppsikt.domain.markdown import (
    Directive,
    MalformedDirective,
    directives,
    malformed_directives,
    normalise_newlines,
    split_sections,
    strip_blank_lines,
    unclosed_fence,
)
from uppsikt.importers.package.yaml_lines import LineDict, YamlSyntaxError, read_yaml

__all__ = ["Block", "Directive", "Heading", "MalformedDirective", "MarkdownError", "Marker"]

FRONT_MATTER_DELIMITER = "---"
Marker = Directive | MalformedDirective


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
class MarkdownFile:
    front_matter: LineDict | None  # None: the file has no front matter
    duplicate_keys: tuple[tuple[str, int], ...]
    blocks: tuple[Block, ...]  # the first block has no heading (it may be empty)
    body: str  # everything after the front matter, unsplit
    directives: tuple[Directive, ...]
    malformed_directives: tuple[MalformedDirective, ...]  # `{{ … }}` lines of no accepted form

    @property
    def markers(self) -> tuple[Marker, ...]:
        """The directives and the malformed ones, in the order of the file."""
        found: list[Marker] = [*self.directives, *self.malformed_directives]
        return tuple(sorted(found, key=lambda marker: marker.line))


class MarkdownError(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


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
    body = "\n".join(body_lines)
    first_line = first_body + 1
    blocks = tuple(
        Block(
            None if part.heading is None else Heading(part.level, part.heading, part.line),
            part.body,
        )
        for part in split_sections(body, first_line=first_line)
    )
    open_fence = unclosed_fence(body, first_line=first_line)
    if open_fence is not None:
        raise MarkdownError(
            open_fence,
            "kodblocket som börjar här avslutas aldrig, så resten av filen blir kod, även "
            "rubrikerna; avsluta det med en rad med samma tecken (t.ex. ```).",
        )
    return MarkdownFile(
        front_matter=front_matter,
        duplicate_keys=duplicates,
        blocks=blocks,
        body=strip_blank_lines(body_lines),
        directives=tuple(directives(body, first_line=first_line)),
        malformed_directives=tuple(malformed_directives(body, first_line=first_line)),
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


def heading_line(level: int, text: str) -> str:
    """The ATX heading line for `text`, protected so that it reads back as `text`."""
    if text.endswith("#"):
        # A trailing ' #' would be read as an optional closing sequence; adding one more
        # closing sequence keeps the text's own '#'.
        return f"{'#' * level} {text} #"
    return f"{'#' * level} {text}"
