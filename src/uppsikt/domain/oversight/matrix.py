"""The goals × organisations matrix of a period: a pure function of a `PeriodSnapshot`.

Rows are the council goals grouped by goal area (in the snapshot's order); columns the
organisations grouped as boards (the executive board first), companies and federations.
A cell's state is the organisation's assessment of the goal, or one of three states of
their own: "Ej bedömd" (the report follows the goal up but has no assessment), "Saknas"
(the goal is directed to the organisation but it has no report or no follow-up of the
goal) and "Inte riktat" (the goal is not directed to the organisation). Each state has a
symbol that carries it without colour (see `CellState.symbol` and docs/oversight-matrix.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from uppsikt.domain.model import Assessment, OrganisationKind, PeriodKind, TermOutlook
from uppsikt.domain.oversight.snapshot import GoalRef, OrganisationRef, PeriodSnapshot

# How long a motivation a cell carries (the page's accessible name, the tooltip).
SHORT_MOTIVATION = 120


class CellState(StrEnum):
    """What one organisation's column says about one goal."""

    ACHIEVED = "achieved"
    PARTLY_ACHIEVED = "partly_achieved"
    NOT_ACHIEVED = "not_achieved"
    NOT_ASSESSED = "not_assessed"  # followed up, no assessment yet
    MISSING = "missing"  # directed, but no report or no follow-up of the goal
    NOT_DIRECTED = "not_directed"

    @property
    def label(self) -> str:
        return {
            "achieved": "Uppnåtts",
            "partly_achieved": "Delvis uppnåtts",
            "not_achieved": "Ej uppnåtts",
            "not_assessed": "Ej bedömd",
            "missing": "Saknas",
            "not_directed": "Inte riktat",
        }[self.value]

    @property
    def symbol(self) -> str:
        """Full, half and empty circle for the scale (as `Assessment.symbol`); a question
        mark for not yet assessed, an exclamation mark for missing, a dash for not directed."""
        return {
            "achieved": "●",
            "partly_achieved": "◐",
            "not_achieved": "○",
            "not_assessed": "?",
            "missing": "!",
            "not_directed": "–",
        }[self.value]

    @classmethod
    def of(cls, assessment: Assessment) -> CellState:
        return cls(assessment.value)


class ColumnGroup(StrEnum):
    """The column groups of the matrix, in their order."""

    BOARDS = "boards"
    COMPANIES = "companies"
    FEDERATIONS = "federations"

    @property
    def label(self) -> str:
        return {"boards": "Nämnder", "companies": "Bolag", "federations": "Kommunalförbund"}[
            self.value
        ]


GROUP_OF = {
    OrganisationKind.EXECUTIVE_BOARD: ColumnGroup.BOARDS,
    OrganisationKind.BOARD: ColumnGroup.BOARDS,
    OrganisationKind.COMPANY: ColumnGroup.COMPANIES,
    OrganisationKind.FEDERATION: ColumnGroup.FEDERATIONS,
}


@dataclass(frozen=True)
class Cell:
    organisation: OrganisationRef
    goal: str  # the goal's key
    state: CellState
    directed: bool
    report_id: int | None  # the organisation's report of the period, if it has one
    followed_up: bool  # the report has a follow-up of the goal (a page to link to)
    motivation: str = ""  # the start of the year's motivation, plain text
    term_outlook: TermOutlook | None = None

    @property
    def label(self) -> str:
        return self.state.label

    @property
    def symbol(self) -> str:
        return self.state.symbol


@dataclass(frozen=True)
class Counts:
    """How many cells of a row or column are directed, and in which state."""

    directed: int = 0
    achieved: int = 0
    partly_achieved: int = 0
    not_achieved: int = 0
    not_assessed: int = 0
    missing: int = 0

    @classmethod
    def of(cls, cells: Iterable[Cell]) -> Counts:
        tally = dict.fromkeys(CellState, 0)
        directed = 0
        for cell in cells:
            tally[cell.state] += 1
            directed += cell.directed
        return cls(
            directed=directed,
            achieved=tally[CellState.ACHIEVED],
            partly_achieved=tally[CellState.PARTLY_ACHIEVED],
            not_achieved=tally[CellState.NOT_ACHIEVED],
            not_assessed=tally[CellState.NOT_ASSESSED],
            missing=tally[CellState.MISSING],
        )


@dataclass(frozen=True)
class Columns:
    group: ColumnGroup
    organisations: tuple[OrganisationRef, ...]


@dataclass(frozen=True)
class Row:
    goal: GoalRef
    cells: tuple[Cell, ...]  # in the order of `Matrix.organisations`
    counts: Counts


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Matrix:
    municipality: str
    year: int
    kind: PeriodKind
    period_id: int
    columns: tuple[Columns, ...]  # only groups with a visible organisation
    areas: tuple[Area, ...]
    column_counts: dict[str, Counts]  # by organisation key

    @property
    def organisations(self) -> tuple[OrganisationRef, ...]:
        return tuple(ref for group in self.columns for ref in group.organisations)

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for area in self.areas for row in area.rows)


def short_text(text: str, limit: int = SHORT_MOTIVATION) -> str:
    """The start of a Markdown text as one plain line, cut at a word with an ellipsis."""
    words = " ".join(text.split())
    plain = words.replace("**", "").replace("__", "").replace("`", "").lstrip("#>-* ")
    if len(plain) <= limit:
        return plain
    cut = plain[: limit - 1].rsplit(" ", 1)[0] or plain[: limit - 1]
    return cut.rstrip(" ,.;:–-") + "…"


def goal_matrix(snapshot: PeriodSnapshot, visible: set[str] | None = None) -> Matrix:
    """The matrix of the period, with the columns of the `visible` organisation keys
    (None: every organisation)."""
    shown = tuple(ref for ref in snapshot.organisations if visible is None or ref.key in visible)
    ordered = sorted(shown, key=lambda ref: ref.kind is not OrganisationKind.EXECUTIVE_BOARD)
    columns = tuple(
        Columns(group, members)
        for group in ColumnGroup
        if (members := tuple(ref for ref in ordered if GROUP_OF[ref.kind] is group))
    )
    organisations = tuple(ref for group in columns for ref in group.organisations)
    areas: list[Area] = []
    for goal in snapshot.goals:
        cells = tuple(_cell(snapshot, goal, ref) for ref in organisations)
        row = Row(goal, cells, Counts.of(cells))
        if areas and areas[-1].key == goal.area_key:
            last = areas[-1]
            areas[-1] = Area(last.key, last.title, (*last.rows, row))
        else:
            areas.append(Area(goal.area_key, goal.area_title, (row,)))
    column_counts = {
        ref.key: Counts.of(area_row.cells[index] for area in areas for area_row in area.rows)
        for index, ref in enumerate(organisations)
    }
    return Matrix(
        municipality=snapshot.municipality,
        year=snapshot.year,
        kind=snapshot.kind,
        period_id=snapshot.period_id,
        columns=columns,
        areas=tuple(areas),
        column_counts=column_counts,
    )


def _cell(snapshot: PeriodSnapshot, goal: GoalRef, ref: OrganisationRef) -> Cell:
    directed = ref.key in goal.directed_to
    report = snapshot.reports.get(ref.key)
    report_id = report.report_id if report else None
    follow_up = report.goals.get(goal.key) if report else None
    if follow_up is None:
        state = CellState.MISSING if directed else CellState.NOT_DIRECTED
        return Cell(ref, goal.key, state, directed, report_id, followed_up=False)
    # A report that follows up a goal not directed to it shows what it says all the same.
    state = (
        CellState.of(follow_up.assessment)
        if follow_up.assessment is not None
        else CellState.NOT_ASSESSED
    )
    return Cell(
        ref,
        goal.key,
        state,
        directed,
        report_id,
        followed_up=True,
        motivation=short_text(follow_up.motivation),
        term_outlook=follow_up.term_outlook,
    )
