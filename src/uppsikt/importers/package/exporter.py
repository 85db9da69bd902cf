"""`export_package`: a `Report` -> the canonical package layout, all or nothing.

The output is deterministic (same report, same bytes) and reads back to the same report,
so that exporting a loaded package only changes what a person would call formatting.
Files are written to a temporary folder next to the target, read back with
`load_package` to prove they load, and only then moved into place.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

from uppsikt.domain.model import BudgetAssignment, Chapter, GoalFollowUp, Report, Section
from uppsikt.importers.package import yaml_out
from uppsikt.importers.package.errors import PackageError, Problem
from uppsikt.importers.package.loader import load_package
from uppsikt.importers.package.markdown_files import FRONT_MATTER_DELIMITER, heading_line
from uppsikt.importers.package.tables_out import table_csv, table_yaml, uses_csv
from uppsikt.importers.package.text_files import ASSESSMENT_HEADING, OUTLOOK_HEADING

FORMAT = "uppsikt-package/1"
LAYOUT = frozenset(
    {"report.yaml", "organisations.yaml", "goals.yaml", "chapters", "goals",
     "budget-assignments", "tables"}
)  # fmt: skip
log = logging.getLogger(__name__)
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
_SETTINGS_ORDER = ("explanation_threshold_kr", "lix_threshold")


def export_package(
    report: Report,
    path: Path | str,
    *,
    overwrite: bool = False,
    csv_tables: Collection[str] = (),
    on_warning: Callable[[Problem], None] | None = None,
) -> list[Path]:
    """Write `report` as a package at `path`; returns the files written, sorted.

    A non-empty `path` is refused unless `overwrite`; then the package's own files and
    folders are replaced and anything else in it (README, .git) is kept. `csv_tables`
    names tables whose rows go to CSV even when short (see `LoadedPackage.csv_tables`).
    A marker that names no table or generated text is written as it is and passed to
    `on_warning` (else logged): the text is the writer's, and the package will not load
    until it is corrected, which the warning says.
    """
    # Resolved, so that "." has a name and a parent to put the temporary folder in.
    target = Path(path).resolve()
    texts = package_texts(report, frozenset(csv_tables))
    if target.exists() and not target.is_dir():
        raise PackageError([Problem(str(target), None, None, "finns redan och är ingen mapp.")])
    if target.is_dir() and any(target.iterdir()) and not overwrite:
        raise PackageError(
            [
                Problem(
                    str(target),
                    None,
                    None,
                    "mappen är inte tom; välj en tom mapp eller skriv över (overwrite=True, "
                    "--overwrite).",
                )
            ]
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise PackageError(
            [Problem(str(target), None, None, f"kan inte skriva här ({exc})")]
        ) from exc
    try:
        for rel, text in texts.items():
            file = staging / rel
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(text.encode("utf-8"))
        warnings = _loads_back(staging)
        _replace(staging, target)
    except OSError as exc:
        raise PackageError(
            [Problem(str(target), None, None, f"kunde inte skriva ({exc})")]
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for problem in warnings:
        warning = Problem(
            problem.file,
            problem.line,
            problem.column,
            f"{problem.message} Skrivet som det är; paketet går att läsa in först när det "
            "är rättat.",
        )
        if on_warning is None:
            log.warning("%s", warning)
        else:
            on_warning(warning)
    return sorted(Path(path) / rel for rel in texts)


def _loads_back(staging: Path) -> tuple[Problem, ...]:
    """Prove the written package loads; its markers that name nothing are returned."""
    try:
        return load_package(staging, strict_markers=False).warnings
    except PackageError as exc:
        raise PackageError(
            Problem(p.file, p.line, p.column, f"exporten skulle inte gå att läsa in: {p.message}")
            for p in exc.problems
        ) from exc


def _replace(staging: Path, target: Path) -> None:
    """Move `staging` to `target`, carrying over the target's entries that are not ours."""
    if not target.exists():
        staging.rename(target)
        return
    backup = staging.with_name(staging.name + "-old")
    moved: list[str] = []
    try:
        for entry in sorted(target.iterdir()):
            if entry.name not in LAYOUT:
                entry.rename(staging / entry.name)
                moved.append(entry.name)
        target.rename(backup)
    except OSError:
        for name in moved:
            (staging / name).rename(target / name)
        raise
    try:
        staging.rename(target)
    except OSError:
        backup.rename(target)
        for name in moved:
            (staging / name).rename(target / name)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def package_texts(report: Report, csv_tables: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every file of the package as text, by path relative to the package root."""
    _check_keys(report)
    texts = {
        "report.yaml": _report_yaml(report),
        "organisations.yaml": _organisations_yaml(report),
        "goals.yaml": _goals_yaml(report),
    }
    for chapter in report.chapters:
        texts[f"chapters/{chapter.key}.md"] = _chapter_md(chapter)
    for follow_up in report.goal_follow_ups:
        texts[f"goals/{follow_up.goal}.md"] = _follow_up_md(follow_up)
    for assignment in report.budget_assignments:
        texts[f"budget-assignments/{assignment.key}.md"] = _assignment_md(assignment)
    for table in report.tables:
        in_csv = uses_csv(table, csv_tables)
        texts[f"tables/{table.key}.yaml"] = table_yaml(table, with_rows=not in_csv)
        if in_csv:
            texts[f"tables/{table.key}.csv"] = table_csv(table)
    return texts


def _check_keys(report: Report) -> None:
    """Keys become file names: refuse any that is not a slug or is used twice."""
    problems: list[Problem] = []
    kinds = (
        ("chapters/{}.md", [chapter.key for chapter in report.chapters]),
        ("goals/{}.md", [follow_up.goal for follow_up in report.goal_follow_ups]),
        ("budget-assignments/{}.md", [item.key for item in report.budget_assignments]),
        ("tables/{}.yaml", [table.key for table in report.tables]),
    )
    for pattern, keys in kinds:
        for index, key in enumerate(keys):
            if not _SLUG.fullmatch(key):
                problems.append(
                    Problem(pattern.format(key), None, None, f"'{key}' är ingen giltig nyckel.")
                )
            elif key in keys[:index]:
                problems.append(
                    Problem(pattern.format(key), None, None, f"'{key}' finns två gånger.")
                )
    if problems:
        raise PackageError(problems)


def _report_yaml(report: Report) -> str:
    text, integer, record = yaml_out.text, yaml_out.integer, yaml_out.record
    pairs: list[yaml_out.Pair] = [
        ("format", text(FORMAT)),
        ("organisation", text(report.organisation)),
    ]
    if report.title:
        pairs.append(("title", text(report.title)))
    term = [("start", integer(report.term.start_year)), ("end", integer(report.term.end_year))]
    pairs.append(("term", record(term, indent=6)))
    period = [("year", integer(report.period.year)), ("kind", text(report.period.kind.value))]
    pairs.append(("period", record(period, indent=8)))
    lists = (
        ("outline", [chapter.key for chapter in report.chapters]),
        ("budget_assignments", [item.key for item in report.budget_assignments]),
        ("tables", [table.key for table in report.tables]),
    )
    for name, keys in lists:
        if keys:
            pairs.append((name, yaml_out.sequence([text(key) for key in keys])))
    if report.settings:
        known = [name for name in _SETTINGS_ORDER if name in report.settings]
        order = known + sorted(name for name in report.settings if name not in known)
        settings = [(name, integer(report.settings[name])) for name in order]
        pairs.append(("settings", yaml_out.mapping(settings)))
    return yaml_out.dump(yaml_out.mapping(pairs))


def _organisations_yaml(report: Report) -> str:
    text, record = yaml_out.text, yaml_out.record
    municipality = report.municipality
    organisations = []
    for organisation in municipality.organisations:
        fields: list[yaml_out.Pair] = [
            ("key", text(organisation.key)),
            ("name", text(organisation.name)),
            ("kind", text(organisation.kind.value)),
        ]
        if organisation.administration:
            fields.append(("administration", text(organisation.administration)))
        organisations.append(record(fields, indent=4))
    head = [("key", text(municipality.key)), ("name", text(municipality.name))]
    pairs: list[yaml_out.Pair] = [
        ("municipality", record(head, indent=14)),
        ("organisations", yaml_out.sequence(organisations)),
    ]
    return yaml_out.dump(yaml_out.mapping(pairs))


def _goals_yaml(report: Report) -> str:
    text = yaml_out.text
    areas = []
    for area in report.goal_areas:
        fields: list[yaml_out.Pair] = [("key", text(area.key)), ("title", text(area.title))]
        goals = []
        for goal in report.council_goals:
            if goal.goal_area != area.key:
                continue
            goal_fields: list[yaml_out.Pair] = [
                ("key", text(goal.key)),
                ("title", text(goal.title)),
            ]
            if goal.directed_to:
                directed = [
                    (yaml_out.integer(year), yaml_out.keys(keys)) for year, keys in goal.directed_to
                ]
                goal_fields.append(("directed_to", yaml_out.mapping(directed)))
            goals.append(yaml_out.mapping(goal_fields))
        if goals:
            fields.append(("council_goals", yaml_out.sequence(goals)))
        areas.append(yaml_out.mapping(fields))
    return yaml_out.dump(yaml_out.mapping([("goal_areas", yaml_out.sequence(areas))]))


def _markdown(front: list[yaml_out.Pair], intro: str, parts: Iterable[tuple[int, str, str]]) -> str:
    # The layout of the examples in docs/package-format.md: text right under the front
    # matter and under each heading, a blank line before each heading.
    delimiter = FRONT_MATTER_DELIMITER
    chunks = [intro] if intro else []
    for level, heading, body in parts:
        chunks.append(
            f"{heading_line(level, heading)}\n{body}" if body else heading_line(level, heading)
        )
    head = f"{delimiter}\n{yaml_out.dump(yaml_out.mapping(front))}{delimiter}\n"
    return head + "\n\n".join(chunks) + ("\n" if chunks else "")


def _sections(sections: Iterable[Section]) -> list[tuple[int, str, str]]:
    return [(section.level, section.heading, section.body) for section in sections]


def _chapter_md(chapter: Chapter) -> str:
    text = yaml_out.text
    front: list[yaml_out.Pair] = [
        ("title", text(chapter.title)),
        ("kind", text(chapter.kind.value)),
    ]
    return _markdown(front, chapter.intro, _sections(chapter.sections))


def _follow_up_md(follow_up: GoalFollowUp) -> str:
    text = yaml_out.text
    front: list[yaml_out.Pair] = [("goal", text(follow_up.goal))]
    if follow_up.year_assessment is not None:
        front.append(("year_assessment", text(follow_up.year_assessment.value)))
    if follow_up.term_outlook is not None:
        front.append(("term_outlook", text(follow_up.term_outlook.value)))
    parts = _sections(follow_up.contributions)
    if follow_up.year_assessment is not None or follow_up.year_motivation:
        parts.append((1, ASSESSMENT_HEADING, follow_up.year_motivation))
    if follow_up.term_outlook is not None or follow_up.term_motivation:
        parts.append((1, OUTLOOK_HEADING, follow_up.term_motivation))
    return _markdown(front, follow_up.intro, parts)


def _assignment_md(assignment: BudgetAssignment) -> str:
    text = yaml_out.text
    front: list[yaml_out.Pair] = [
        ("title", text(assignment.title)),
        ("goal_area", text(assignment.goal_area)),
        ("responsible", text(assignment.responsible)),
    ]
    if assignment.co_responsible:
        front.append(("co_responsible", yaml_out.keys(assignment.co_responsible)))
    front.append(("status", text(assignment.status.value)))
    if assignment.report_back:
        front.append(("report_back", text(assignment.report_back)))
    return _markdown(front, assignment.report, [])
