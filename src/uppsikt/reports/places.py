"""Places in a report: the strings that name each text, as the checks name them.

`chapter:<key>/section:<n>` and `follow_up:<goal key>/section:<n>` are sections (n counts
from 0 in document order); `follow_up:<goal key>` is a goal's assessment;
`budget_assignment:<key>` a budget assignment's report; `table:<key>/row:<key>` a table row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from uppsikt.domain.model import Report
from uppsikt.reports.models import Section

# What a URL may carry as a place (keys are slugs; see organisations.models.KEY_LENGTH).
PLACE_PATTERN = r"(?:chapter|follow_up):[A-Za-z0-9_.\-]+/section:[0-9]+"
_SECTION_PLACE = re.compile(r"(chapter|follow_up):([A-Za-z0-9_.\-]+)/section:([0-9]+)")


@dataclass(frozen=True)
class TextPlace:
    """A section of a report, as a list of texts to write shows it."""

    place: str
    heading: str
    body: str
    level: int
    context: str  # the chapter's title or the goal's title


def section_places(report: Report) -> list[TextPlace]:
    """Every section of the report, chapters first, then the goals' contributions."""
    goals = {goal.key: goal.title for goal in report.council_goals}
    places = [
        TextPlace(
            f"chapter:{chapter.key}/section:{index}",
            section.heading,
            section.body,
            section.level,
            chapter.title,
        )
        for chapter in report.chapters
        for index, section in enumerate(chapter.sections)
    ]
    places += [
        TextPlace(
            f"follow_up:{follow_up.goal}/section:{index}",
            section.heading,
            section.body,
            section.level,
            goals.get(follow_up.goal, follow_up.goal),
        )
        for follow_up in report.goal_follow_ups
        for index, section in enumerate(follow_up.contributions)
    ]
    return places


def section_row(report_id: int, place: str) -> Section | None:
    """The stored section at `place`, or None when the report has no such section."""
    match = _SECTION_PLACE.fullmatch(place)
    if match is None:
        return None
    parent, key, index = match.group(1), match.group(2), int(match.group(3))
    rows = (
        Section.objects.filter(chapter__report_id=report_id, chapter__key=key)
        if parent == "chapter"
        else Section.objects.filter(follow_up__report_id=report_id, follow_up__goal__key=key)
    )
    return rows.order_by("position", "pk")[index : index + 1].first()
