"""The Markdown files of a package -> chapters, goal follow-ups and budget assignments."""

from __future__ import annotations

import difflib

from uppsikt.domain.model import (
    Assessment,
    AssignmentStatus,
    BudgetAssignment,
    Chapter,
    ChapterKind,
    GoalFollowUp,
    Section,
    TermOutlook,
)
from uppsikt.importers.package.errors import Location
from uppsikt.importers.package.files import PackageFiles
from uppsikt.importers.package.markdown_files import Block, Heading, Marker

ASSESSMENT_HEADING = "Bedömning för året"
OUTLOOK_HEADING = "Förväntad förflyttning"
GOAL_MARKERS = (ASSESSMENT_HEADING, OUTLOOK_HEADING)
GOALS, ORGS, ORG = "goals.yaml", "organisations.yaml", "organisationen"


def load_chapter(
    files: PackageFiles, key: str, directives: list[tuple[str, Marker]]
) -> Chapter | None:
    """chapters/<key>.md; None (with problems recorded) if it cannot be used."""
    rel = f"chapters/{key}.md"
    parsed = files.markdown(rel)
    if parsed is None:
        return None
    files.locations.add(f"chapter:{key}", Location(rel, 1))
    directives.extend((rel, marker) for marker in parsed.markers)
    front = files.front_matter(rel, parsed, "chapter")
    sections = _sections(files, rel, f"chapter:{key}", parsed.blocks[1:], chapter=True)
    if front is None or sections is None:
        return None
    return Chapter(
        key=key,
        title=front["title"],
        sections=sections,
        intro=parsed.blocks[0].body,
        kind=ChapterKind(front.get("kind", ChapterKind.TEXT.value)),
    )


def _sections(
    files: PackageFiles, rel: str, place: str, blocks: tuple[Block, ...], *, chapter: bool
) -> tuple[Section, ...] | None:
    sections: list[Section] = []
    ok = True
    for block in blocks:
        heading = block.heading
        assert heading is not None  # only the first block has no heading
        if not _heading_ok(files, rel, heading, chapter=chapter):
            ok = False
            continue
        index = len(sections)
        files.locations.add(f"{place}/section:{index}", Location(rel, heading.line))
        sections.append(Section(heading.text, block.body, heading.level))
    return tuple(sections) if ok else None


def _heading_ok(files: PackageFiles, rel: str, heading: Heading, *, chapter: bool) -> bool:
    hashes = "#" * heading.level
    if not heading.text:
        files.problems.add(rel, heading.line, f"rubriken '{hashes}' är tom; skriv en rubrik.")
        return False
    if heading.level == 1 and chapter:
        files.problems.add(
            rel,
            heading.line,
            f"rubriken '# {heading.text}' är på nivå 1, som inte används i ett kapitel "
            "(kapitlets titel står i front matter under 'title'). Skriv '## "
            f"{heading.text}' för ett avsnitt.",
        )
        return False
    if heading.level > 4:
        files.problems.add(
            rel,
            heading.line,
            f"rubriken '{hashes} {heading.text}' är på nivå {heading.level}; "
            "använd '##', '###' eller '####'.",
        )
        return False
    return True


def load_follow_up(
    files: PackageFiles, goal: str, directives: list[tuple[str, Marker]]
) -> GoalFollowUp | None:
    """goals/<goal>.md: contributions, then the assessment and the outlook."""
    rel = f"goals/{goal}.md"
    parsed = files.markdown(rel)
    if parsed is None:
        return None
    place = f"follow_up:{goal}"
    files.locations.add(place, Location(rel, 1))
    directives.extend((rel, marker) for marker in parsed.markers)
    front = files.front_matter(rel, parsed, "follow-up")
    ok = front is not None
    if front is not None:
        named = front.get("goal", goal)
        if named != goal:
            files.problems.add(
                rel,
                front.key_lines["goal"],
                f"front matter säger goal: {named}, men filen heter {rel}; filnamnet och "
                "'goal' ska vara samma målnyckel. Rätta det ena.",
            )
            ok = False
        for key, kind in (("year_assessment", "assessment"), ("term_outlook", "outlook")):
            if key in front:
                files.locations.add(f"{place}/{kind}", Location(rel, front.key_lines[key]))
    contributions: list[Block] = []
    motivations: dict[str, str] = {}
    marker: str | None = None
    for block in parsed.blocks[1:]:
        heading = block.heading
        assert heading is not None
        if heading.level == 1:
            if not _marker_ok(files, rel, heading, motivations):
                ok = False
                continue
            marker = heading.text
            motivations[marker] = block.body
            kind = "assessment" if marker == ASSESSMENT_HEADING else "outlook"
            files.locations.add(f"{place}/{kind}", Location(rel, heading.line))
        elif marker is not None:
            files.problems.add(
                rel,
                heading.line,
                f"rubriken '{'#' * heading.level} {heading.text}' står efter '# {marker}'; "
                "bidragen (##) ska stå före '# Bedömning för året'. Flytta avsnittet "
                "uppåt, eller skriv rubriken som fetstil (**...**) i motiveringen.",
            )
            ok = False
        else:
            contributions.append(block)
    sections = _sections(files, rel, place, tuple(contributions), chapter=False)
    if front is None or sections is None or not ok:
        return None
    assessment = front.get("year_assessment")
    outlook = front.get("term_outlook")
    return GoalFollowUp(
        goal=goal,
        contributions=sections,
        intro=parsed.blocks[0].body,
        year_assessment=Assessment(assessment) if assessment is not None else None,
        year_motivation=motivations.get(ASSESSMENT_HEADING, ""),
        term_outlook=TermOutlook(outlook) if outlook is not None else None,
        term_motivation=motivations.get(OUTLOOK_HEADING, ""),
    )


def _marker_ok(
    files: PackageFiles, rel: str, heading: Heading, motivations: dict[str, str]
) -> bool:
    if not heading.text:
        files.problems.add(rel, heading.line, "rubriken '#' är tom; skriv en rubrik.")
        return False
    if heading.text not in GOAL_MARKERS:
        close = difflib.get_close_matches(heading.text, GOAL_MARKERS, n=1, cutoff=0.6)
        hint = (
            f" Menade du '# {close[0]}'?"
            if close
            else f" Skriv '## {heading.text}' för ett bidrag."
        )
        files.problems.add(
            rel,
            heading.line,
            f"rubriken '# {heading.text}' är inte tillåten i en målfil; de enda rubrikerna "
            f"på nivå 1 är '# {ASSESSMENT_HEADING}' och '# {OUTLOOK_HEADING}'.{hint}",
        )
        return False
    if heading.text in motivations:
        files.problems.add(
            rel,
            heading.line,
            f"rubriken '# {heading.text}' står två gånger; slå ihop texterna under en rubrik.",
        )
        return False
    return True


def load_budget_assignment(
    files: PackageFiles,
    key: str,
    directives: list[tuple[str, Marker]],
    organisations: set[str] | None,
    goal_areas: set[str] | None,
) -> BudgetAssignment | None:
    """budget-assignments/<key>.md: the task in front matter, the report as body."""
    rel = f"budget-assignments/{key}.md"
    parsed = files.markdown(rel)
    if parsed is None:
        return None
    files.locations.add(f"budget_assignment:{key}", Location(rel, 1))
    directives.extend((rel, marker) for marker in parsed.markers)
    front = files.front_matter(rel, parsed, "budget-assignment")
    if front is None:
        return None
    lines = front.key_lines
    files.reference(goal_areas, front["goal_area"], rel, lines["goal_area"], "målområdet", GOALS)
    files.reference(organisations, front["responsible"], rel, lines["responsible"], ORG, ORGS)
    for index, other in enumerate(front.get("co_responsible", ())):
        line = front["co_responsible"].item_lines[index]
        files.reference(organisations, other, rel, line, ORG, ORGS)
    return BudgetAssignment(
        key=key,
        title=front["title"],
        goal_area=front["goal_area"],
        responsible=front["responsible"],
        co_responsible=tuple(front.get("co_responsible", ())),
        status=AssignmentStatus(front.get("status", AssignmentStatus.ONGOING.value)),
        report_back=front.get("report_back", ""),
        report=parsed.body,
    )
