"""`load_package`: a report package folder -> a `Report`, or every problem with file:line.

Like a careful importer (validate everything, then commit), nothing is returned unless
the whole package is sound: each file is read and checked on its own, references between
files are checked where both ends could be read, and all problems are raised together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from uppsikt.domain.markdown import MARKER_FORMS
from uppsikt.domain.model import (
    CouncilGoal,
    GoalArea,
    GoalFollowUp,
    Municipality,
    Organisation,
    OrganisationKind,
    Period,
    PeriodKind,
    Report,
    Term,
)
from uppsikt.domain.tables import FigureTable
from uppsikt.importers.package.errors import (
    Location,
    Locations,
    PackageError,
    Problem,
    Problems,
)
from uppsikt.importers.package.files import PackageFiles
from uppsikt.importers.package.markdown_files import MalformedDirective, Marker
from uppsikt.importers.package.schemas import validate
from uppsikt.importers.package.tables_io import build_table, read_csv_rows
from uppsikt.importers.package.text_files import (
    load_budget_assignment,
    load_chapter,
    load_follow_up,
)
from uppsikt.importers.package.yaml_lines import LineDict, LineList

_T = TypeVar("_T")
GENERATED = ("assessment_summary", "economy_summary")
_LISTS = (
    ("outline", "chapters/{}.md", "kapitlet"),
    ("budget_assignments", "budget-assignments/{}.md", "budgetuppdraget"),
    ("tables", "tables/{}.yaml", "tabellen"),
)


@dataclass(frozen=True)
class LoadedPackage:
    """A loaded package: the report, where its parts are, and how its tables were stored."""

    report: Report
    locations: Locations
    root: Path
    csv_tables: frozenset[str] = field(default_factory=frozenset)  # rows came from CSV
    # Markers that name nothing, when loaded with strict_markers=False (else they are errors).
    warnings: tuple[Problem, ...] = ()


@dataclass
class _Goals:
    areas: tuple[GoalArea, ...]
    goals: tuple[CouncilGoal, ...]


def load_package(path: Path | str, *, strict_markers: bool = True) -> LoadedPackage:
    """Read and check the package at `path`; raises PackageError listing every problem.

    With `strict_markers=False`, `{{ … }}` markers that name no table or generated text
    are `warnings` of the result instead (the export reads back a stored report with them).
    """
    root = Path(path)
    if not root.is_dir():
        raise PackageError(
            [Problem(str(path), None, None, "mappen finns inte; ange mappen med report.yaml.")]
        )
    files = PackageFiles(root)
    report_data = _report_yaml(files)
    municipality = _organisations(files)
    org_keys = {org.key for org in municipality.organisations} if municipality else None
    goals = _goals(files, org_keys)
    directives: list[tuple[str, Marker]] = []
    lists = {name: _keys(files, report_data, name) for name, _, _ in _LISTS}
    chapters = [load_chapter(files, key, directives) for key in lists["outline"]]
    area_keys = {area.key for area in goals.areas} if goals else None
    assignments = [
        load_budget_assignment(files, key, directives, org_keys, area_keys)
        for key in lists["budget_assignments"]
    ]
    tables: list[FigureTable | None] = []
    csv_tables: set[str] = set()
    for key in lists["tables"]:
        tables.append(_table(files, key, csv_tables))
    goal_keys = [goal.key for goal in goals.goals] if goals else None
    follow_ups = _follow_ups(files, goal_keys, directives)
    if report_data is not None:
        _unreferenced(files, lists)
        files.reference(
            org_keys,
            report_data["organisation"],
            "report.yaml",
            report_data.key_lines["organisation"],
            "organisationen",
            "organisations.yaml",
        )
    # Without report.yaml the tables are unknown, but the other directives can be checked.
    known_tables = set(report_data.get("tables", [])) if report_data is not None else None
    problems, files.problems = files.problems, Problems()
    _check_directives(files, directives, known_tables)
    marker_problems, files.problems = files.problems.items, problems
    if strict_markers:
        problems.items.extend(marker_problems)
    files.problems.raise_if_any()
    assert report_data is not None and municipality is not None and goals is not None
    report = Report(
        municipality=municipality,
        organisation=report_data["organisation"],
        term=Term(report_data["term"]["start"], report_data["term"]["end"]),
        period=Period(report_data["period"]["year"], PeriodKind(report_data["period"]["kind"])),
        goal_areas=goals.areas,
        council_goals=goals.goals,
        goal_follow_ups=tuple(_present(follow_ups)),
        budget_assignments=tuple(_present(assignments)),
        chapters=tuple(_present(chapters)),
        tables=tuple(_present(tables)),
        title=report_data.get("title", ""),
        settings=dict(report_data.get("settings", {})),
    )
    warnings = tuple(PackageError(marker_problems).problems)  # sorted, deduplicated
    return LoadedPackage(report, files.locations, root, frozenset(csv_tables), warnings)


def _present(items: list[_T | None]) -> list[_T]:
    return [item for item in items if item is not None]


def _report_yaml(files: PackageFiles) -> LineDict | None:
    rel = "report.yaml"
    if not files.exists(rel):
        files.problems.add(
            rel, None, "report.yaml saknas; ett rapportpaket börjar med report.yaml i sin rotmapp."
        )
        return None
    files.locations.add("report", Location(rel, 1))
    data = files.yaml(rel, "report")
    if data is None:
        return None
    term = data["term"]
    if term["end"] < term["start"]:
        files.problems.add(
            rel, data.key_lines["term"], "mandatperioden slutar före sin början; rätta term."
        )
    for name in data.get("settings", {}):
        files.locations.add(f"setting:{name}", Location(rel, data["settings"].key_lines[name]))
    return data


def _keys(files: PackageFiles, data: LineDict | None, name: str) -> list[str]:
    """The unique keys listed under `name` in report.yaml whose files exist."""
    pattern, what = next((p, w) for n, p, w in _LISTS if n == name)
    if data is None:
        # report.yaml cannot be read: check every file there is, so that one run still
        # shows the problems in them too.
        folder, suffix = pattern.split("/{}")
        return [
            rel.removeprefix(f"{folder}/").removesuffix(suffix)
            for rel in files.listing(folder)
            if rel.endswith(suffix)
        ]
    if name not in data:
        return []
    items: LineList = data[name]
    keys: list[str] = []
    for index, key in enumerate(items):
        line = items.item_lines[index]
        rel = pattern.format(key)
        if key in keys:
            files.problems.add(
                "report.yaml", line, f"'{key}' står två gånger under {name}; ta bort den ena."
            )
        elif not files.exists(rel):
            files.problems.add(
                "report.yaml",
                line,
                f"{what} '{key}' står under {name}, men filen {rel} finns inte; skapa filen "
                f"eller ta bort '{key}' ur {name}.",
            )
        else:
            keys.append(key)
    return keys


def _organisations(files: PackageFiles) -> Municipality | None:
    rel = "organisations.yaml"
    if not files.exists(rel):
        files.problems.add(rel, None, "organisations.yaml saknas; skapa den (se formatet).")
        return None
    files.locations.add("organisations", Location(rel, 1))
    data = files.yaml(rel, "organisations")
    if data is None:
        return None
    organisations: list[Organisation] = []
    items: LineList = data["organisations"]
    seen: set[str] = set()
    for index, item in enumerate(items):
        line = items.item_lines[index]
        if item["key"] in seen:
            files.problems.add(rel, line, f"organisationen '{item['key']}' står två gånger.")
            continue
        seen.add(item["key"])
        files.locations.add(f"organisation:{item['key']}", Location(rel, line))
        organisations.append(
            Organisation(
                key=item["key"],
                name=item["name"],
                kind=OrganisationKind(item["kind"]),
                administration=item.get("administration", ""),
            )
        )
    municipality = data["municipality"]
    return Municipality(municipality["key"], municipality["name"], tuple(organisations))


def _goals(files: PackageFiles, org_keys: set[str] | None) -> _Goals | None:
    rel = "goals.yaml"
    if not files.exists(rel):
        files.problems.add(rel, None, "goals.yaml saknas; skapa den (goal_areas: [] om inga mål).")
        return None
    files.locations.add("goals", Location(rel, 1))
    data = files.yaml(rel, "goals")
    if data is None:
        return None
    areas: list[GoalArea] = []
    goals: list[CouncilGoal] = []
    area_items: LineList = data["goal_areas"]
    for area_index, area in enumerate(area_items):
        line = area_items.item_lines[area_index]
        if any(existing.key == area["key"] for existing in areas):
            files.problems.add(rel, line, f"målområdet '{area['key']}' står två gånger.")
            continue
        files.locations.add(f"goal_area:{area['key']}", Location(rel, line))
        areas.append(GoalArea(area["key"], area["title"]))
        goal_items: LineList = area.get("council_goals", LineList(line))
        for goal_index, goal in enumerate(goal_items):
            goal_line = goal_items.item_lines[goal_index]
            if any(existing.key == goal["key"] for existing in goals):
                files.problems.add(rel, goal_line, f"målet '{goal['key']}' står två gånger.")
                continue
            files.locations.add(f"goal:{goal['key']}", Location(rel, goal_line))
            directed = _directed_to(files, goal.get("directed_to"), org_keys)
            goals.append(CouncilGoal(goal["key"], goal["title"], area["key"], directed))
    return _Goals(tuple(areas), tuple(goals))


def _directed_to(
    files: PackageFiles, data: LineDict | None, org_keys: set[str] | None
) -> tuple[tuple[int, tuple[str, ...]], ...]:
    if data is None:
        return ()
    directed: list[tuple[int, tuple[str, ...]]] = []
    for year, organisations in data.items():
        for index, key in enumerate(organisations):
            line = organisations.item_lines[index]
            files.reference(
                org_keys, key, "goals.yaml", line, "organisationen", "organisations.yaml"
            )
        directed.append((int(year), tuple(organisations)))
    return tuple(directed)


def _table(files: PackageFiles, key: str, csv_tables: set[str]) -> FigureTable | None:
    rel, csv_rel = f"tables/{key}.yaml", f"tables/{key}.csv"
    files.locations.add(f"table:{key}", Location(rel, 1))
    data = files.yaml(rel, "table")
    if data is None:
        return None
    if files.exists(csv_rel):
        if "rows" in data:
            files.problems.add(
                rel,
                data.key_lines["rows"],
                f"tabellens rader står både här under rows: och i {csv_rel}; "
                "behåll dem på ett ställe.",
            )
            return None
        raw = files.data(csv_rel)
        rows = read_csv_rows(raw, csv_rel, files.problems) if raw is not None else None
        if rows is None or not validate(rows, "table-rows", csv_rel, files.problems):
            return None
        csv_tables.add(key)
        return build_table(key, data, rel, rows, csv_rel, files.problems, files.locations)
    if "rows" not in data:
        files.problems.add(
            rel, None, f"tabellen har inga rader; lägg till rows: här eller skapa {csv_rel}."
        )
        return None
    return build_table(key, data, rel, data["rows"], rel, files.problems, files.locations)


def _follow_ups(
    files: PackageFiles, goal_keys: list[str] | None, directives: list[tuple[str, Marker]]
) -> list[GoalFollowUp | None]:
    """Every goals/*.md, in goals.yaml order; files for unknown goals are problems."""
    present = {
        rel.removeprefix("goals/").removesuffix(".md"): rel
        for rel in files.listing("goals")
        if rel.endswith(".md")
    }
    order = list(goal_keys) if goal_keys is not None else sorted(present)
    follow_ups = [load_follow_up(files, goal, directives) for goal in order if goal in present]
    if goal_keys is not None:
        for goal, rel in present.items():
            if goal not in goal_keys:
                files.problems.add(
                    rel,
                    1,
                    f"uppföljningen gäller målet '{goal}', som inte finns i goals.yaml; rätta "
                    "filnamnet (goals/<målnyckel>.md) eller lägg till målet i goals.yaml.",
                )
    return follow_ups


def _unreferenced(files: PackageFiles, lists: dict[str, list[str]]) -> None:
    """Files in the package folders that report.yaml does not mention."""
    expected = {
        *(f"chapters/{key}.md" for key in lists["outline"]),
        *(f"budget-assignments/{key}.md" for key in lists["budget_assignments"]),
        *(f"tables/{key}.yaml" for key in lists["tables"]),
        *(f"tables/{key}.csv" for key in lists["tables"]),
    }
    folders = {
        "chapters": "outline",
        "budget-assignments": "budget_assignments",
        "tables": "tables",
    }
    for folder, listed_under in folders.items():
        for rel in files.listing(folder):
            if rel in expected or not rel.endswith((".md", ".yaml", ".yml", ".csv")):
                continue
            if rel.endswith(".yml"):
                message = "filändelsen ska vara .yaml; byt namn på filen."
            else:
                message = (
                    f"ingenting hänvisar till filen; lägg till dess nyckel under {listed_under} "
                    "i report.yaml, eller ta bort filen."
                )
            files.problems.add(rel, None, message)


def _check_directives(
    files: PackageFiles, directives: list[tuple[str, Marker]], tables: set[str] | None
) -> None:
    for rel, directive in directives:
        if isinstance(directive, MalformedDirective):
            files.problems.add(rel, directive.line, malformed_message(directive.text))
        elif directive.kind == "table":
            files.reference(
                tables, directive.key, rel, directive.line, "tabellen", "report.yaml (tables)"
            )
        elif directive.key not in GENERATED:
            files.problems.add(
                rel,
                directive.line,
                f"'{{{{ generated: {directive.key} }}}}' finns inte; använd "
                + " eller ".join(f"'{{{{ generated: {name} }}}}'" for name in GENERATED)
                + ".",
            )


def malformed_message(text: str) -> str:
    """Why a `{{ … }}` line is no directive, with the forms that are."""
    return (
        f"'{text}' är inget giltigt direktiv; de som finns är {MARKER_FORMS}, på en egen rad "
        "och med nyckeln i små bokstäver (a–z, 0–9, '_' och '-')."
    )
