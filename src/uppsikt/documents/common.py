"""Small helpers shared by the HTML, PDF and DOCX renderers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from uppsikt.documents.model import AssessmentLevel, Block, Heading, Table

# Characters that XML 1.0 forbids (and Typst cannot show): C0/C1 control codes except
# tab and newline, the non-characters U+FFFE/U+FFFF, and lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

_URL_SCHEMES = ("http://", "https://", "mailto:")

MAX_LEVEL = 4

# Tables with at most this many body rows are kept on one page in PDF and DOCX;
# splitting off two or three rows helps no reader.
SHORT_TABLE_ROWS = 12

# Text symbols for formats that draw no shapes (DOCX). Each differs in shape, not
# only colour, so the mark survives greyscale printing and colour blindness.
ASSESSMENT_SYMBOLS: dict[AssessmentLevel, str] = {
    AssessmentLevel.ACHIEVED: "\u25cf",  # ● filled circle
    AssessmentLevel.PARTLY_ACHIEVED: "\u25d0",  # ◐ half-filled circle
    AssessmentLevel.NOT_ACHIEVED: "\u25cb",  # ○ empty circle
    AssessmentLevel.EXPECTED: "\u2713",  # ✓ check mark
    AssessmentLevel.NOT_EXPECTED: "\u2717",  # ✗ ballot x
    AssessmentLevel.MISSING: "\u2013",  # – dash: no judgement given
}

# Dark tones with at least 4.5:1 contrast against white, used beside the text label.
ASSESSMENT_COLOURS: dict[AssessmentLevel, str] = {
    AssessmentLevel.ACHIEVED: "1b6b3a",
    AssessmentLevel.PARTLY_ACHIEVED: "8a5a00",
    AssessmentLevel.NOT_ACHIEVED: "a61b1b",
    AssessmentLevel.EXPECTED: "1b6b3a",
    AssessmentLevel.NOT_EXPECTED: "a61b1b",
    AssessmentLevel.MISSING: "555555",
}


def clean_text(value: str) -> str:
    """Drop characters no output format can hold (control codes, lone surrogates)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub("", value)


def safe_url(url: str) -> str | None:
    """Return the URL if it is http(s) or mailto, else None (the link becomes plain text).

    The builder already filters URLs; renderers check again because a model can be
    built by other code, and a `javascript:` link must never become clickable.
    """
    candidate = url.strip()
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in candidate):
        return None
    if candidate.lower().startswith(_URL_SCHEMES) and len(candidate) > len("mailto:"):
        return candidate
    return None


def heading_levels(blocks: Sequence[Block]) -> dict[int, int]:
    """Map the index of each non-empty heading to a level 1-4 that never skips a step.

    A model whose headings jump (chapter straight to subsection) would otherwise give
    screen-reader users and PDF/UA checkers a broken outline.
    """
    levels: dict[int, int] = {}
    previous = 0
    for index, block in enumerate(blocks):
        # A heading without text is noise to a screen reader and invalid in PDF/UA;
        # it gets no level, and renderers leave it out.
        if isinstance(block, Heading) and clean_text(block.text).strip():
            level = max(1, min(block.level, previous + 1, MAX_LEVEL))
            levels[index] = level
            previous = level
    return levels


def split_lang(lang: str) -> tuple[str, str]:
    """Split "sv-SE" into ("sv", "SE"); fall back to Swedish for anything malformed."""
    match = re.fullmatch(r"([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}))?", lang.strip())
    if not match:
        return "sv", "SE"
    language = match.group(1).lower()
    region = (match.group(2) or ("SE" if language == "sv" else "")).upper()
    return language, region


def table_width(table: Table) -> int:
    """Number of columns to draw: rows longer than the header still show every cell."""
    widest_row = max((len(row.cells) for row in table.rows), default=0)
    return max(1, len(table.columns), widest_row)


def has_contents(blocks: Sequence[Block]) -> bool:
    """Whether a table of contents would list anything."""
    levels = heading_levels(blocks)
    return any(
        isinstance(block, Heading) and block.in_toc and index in levels
        for index, block in enumerate(blocks)
    )
