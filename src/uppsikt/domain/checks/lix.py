"""LIX readability per section (Björnsson): words per sentence + percent long words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.checks.settings import CheckSettings
from uppsikt.domain.markdown import plain_text
from uppsikt.domain.model import Report, Section

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


@dataclass(frozen=True)
class LixScore:
    place: str
    where: str
    score: int
    words: int


def lix(text: str) -> tuple[int, int]:
    """(LIX rounded to a whole number, word count) of a plain text; (0, 0) for no words."""
    words = _WORD.findall(text)
    if not words:
        return 0, 0
    sentences = 0
    # A paragraph or list item that lacks a full stop still ends a sentence.
    for unit in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+\.)\s)", text):
        unit = unit.strip()
        if not _WORD.search(unit):
            continue
        sentences += len(_SENTENCE_END.findall(unit))
        if not re.search(r"[.!?:]$", unit):
            sentences += 1
    long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
    score = len(words) / max(1, sentences) + 100 * long_words / len(words)
    return round(score), len(words)


def _sections(report: Report) -> Iterator[tuple[str, str, Section]]:
    for chapter in report.chapters:
        for index, section in enumerate(chapter.sections):
            yield f"chapter:{chapter.key}/section:{index}", f"{chapter.title} – ", section
    for follow_up in report.goal_follow_ups:
        for index, section in enumerate(follow_up.contributions):
            place = f"follow_up:{follow_up.goal}/section:{index}"
            yield place, "Mål – ", section


def lix_scores(report: Report) -> list[LixScore]:
    """A LIX score for every section with at least 30 words (shorter texts say little)."""
    scores = []
    for place, prefix, section in _sections(report):
        score, words = lix(plain_text(section.body))
        if words >= 30:
            scores.append(LixScore(place, prefix + section.heading, score, words))
    return scores


def check_readability(report: Report, settings: CheckSettings) -> Iterator[Finding]:
    for item in lix_scores(report):
        if item.score > settings.lix_threshold:
            yield Finding(
                "readability.lix",
                Severity.WARNING,
                f"LIX {item.score} (över {settings.lix_threshold}: svår text). Korta meningarna "
                "och byt långa ord mot vardagliga.",
                item.place,
                item.where,
            )
