"""Plain text out of the Markdown that sections hold, for counting and searching."""

from __future__ import annotations

import re

DIRECTIVE = re.compile(r"^\s*\{\{\s*(table|generated)\s*:\s*([a-z0-9_-]+)\s*\}\}\s*$", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+", re.MULTILINE)
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+", re.MULTILINE)


def directives(body: str) -> list[tuple[str, str]]:
    """The `{{ table: key }}` / `{{ generated: key }}` directives of a body, in order."""
    return [(match.group(1), match.group(2)) for match in DIRECTIVE.finditer(body)]


def plain_text(markdown: str) -> str:
    """The words of a Markdown text without markup or directives; paragraphs kept apart."""
    text = DIRECTIVE.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _HEADING_MARK.sub("", text)
    text = _LIST_MARK.sub("- ", text)
    return _EMPHASIS.sub("", text)
