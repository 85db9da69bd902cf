"""How long each kind of text a person writes may be: one table, used by forms and actions.

The numbers leave room for a thorough text and stop a pasted book: a 1 MB motivation
would otherwise become a report of more than a thousand pages.
"""

from __future__ import annotations

from enum import StrEnum


class TextKind(StrEnum):
    """The kinds of text people write in the web forms."""

    HEADING = "heading"
    SECTION_BODY = "section_body"
    MOTIVATION = "motivation"
    INTRO = "intro"
    ASSIGNMENT_REPORT = "assignment_report"
    VARIANCE_EXPLANATION = "variance_explanation"
    REASON = "reason"
    COMMENT = "comment"
    FORECAST_COMMENT = "forecast_comment"


LIMITS: dict[TextKind, int] = {
    TextKind.HEADING: 200,
    TextKind.SECTION_BODY: 20_000,
    TextKind.MOTIVATION: 4_000,
    TextKind.INTRO: 4_000,
    TextKind.ASSIGNMENT_REPORT: 10_000,
    TextKind.VARIANCE_EXPLANATION: 2_000,
    TextKind.REASON: 2_000,
    TextKind.COMMENT: 4_000,
    TextKind.FORECAST_COMMENT: 1_000,  # a forecast's comment is short: what moved it
}


def text_length(text: str) -> int:
    """The length the limit applies to: a line break counts once, however it was sent."""
    return len(text.replace("\r\n", "\n"))


def is_too_long(kind: TextKind, text: str) -> bool:
    """Whether `text` is longer than the limit of its kind."""
    return text_length(text) > LIMITS[kind]
