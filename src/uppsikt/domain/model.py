"""The follow-up of one organisation for one period, as plain data.

Names follow GLOSSARY.md. Texts are Markdown sources; figures live in `FigureTable`s.
Everything is keyed by short slugs (`kommunstyrelsen`, `klimatneutral-2030`) that are
unique within a municipality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from uppsikt.domain.tables import FigureTable


class OrganisationKind(StrEnum):
    COUNCIL = "council"
    EXECUTIVE_BOARD = "executive_board"
    BOARD = "board"
    COMPANY = "company"
    FEDERATION = "federation"

    @property
    def label(self) -> str:
        return {
            "council": "kommunfullmäktige",
            "executive_board": "kommunstyrelse",
            "board": "nämnd",
            "company": "bolag",
            "federation": "kommunalförbund",
        }[self.value]


class PeriodKind(StrEnum):
    INTERIM_REPORT = "interim_report"
    ANNUAL_ANALYSIS = "annual_analysis"

    @property
    def label(self) -> str:
        return {"interim_report": "Delårsrapport", "annual_analysis": "Årsanalys"}[self.value]


class Assessment(StrEnum):
    """The yearly assessment scale (Uppnåtts / Delvis uppnåtts / Ej uppnåtts)."""

    ACHIEVED = "achieved"
    PARTLY_ACHIEVED = "partly_achieved"
    NOT_ACHIEVED = "not_achieved"

    @property
    def label(self) -> str:
        return {
            "achieved": "Uppnåtts",
            "partly_achieved": "Delvis uppnåtts",
            "not_achieved": "Ej uppnåtts",
        }[self.value]

    @property
    def symbol(self) -> str:
        """A shape that carries the meaning without colour: full, half, empty circle."""
        return {"achieved": "●", "partly_achieved": "◐", "not_achieved": "○"}[self.value]


class TermOutlook(StrEnum):
    """Whether the contribution is expected to move the city toward the goal over the term."""

    EXPECTED = "expected"
    NOT_EXPECTED = "not_expected"

    @property
    def label(self) -> str:
        return {
            "expected": "Förväntas leda till önskad förflyttning",
            "not_expected": "Förväntas inte leda till önskad förflyttning",
        }[self.value]


class AssignmentStatus(StrEnum):
    NOT_STARTED = "not_started"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    REPORTED = "reported"

    @property
    def label(self) -> str:
        return {
            "not_started": "Ej påbörjat",
            "ongoing": "Pågår",
            "completed": "Genomfört",
            "reported": "Återrapporterat",
        }[self.value]


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    kind: OrganisationKind
    administration: str = ""


@dataclass(frozen=True)
class Municipality:
    key: str
    name: str
    organisations: tuple[Organisation, ...] = ()

    def organisation(self, key: str) -> Organisation:
        for organisation in self.organisations:
            if organisation.key == key:
                return organisation
        raise KeyError(f"{self.name} har ingen organisation {key!r}")


@dataclass(frozen=True)
class Term:
    start_year: int
    end_year: int

    @property
    def label(self) -> str:
        return f"{self.start_year}–{self.end_year}"


@dataclass(frozen=True)
class Period:
    year: int
    kind: PeriodKind


@dataclass(frozen=True)
class Section:
    """A headed piece of text. `body` is Markdown and may hold `{{ table: key }}` and
    `{{ generated: key }}` directives on lines of their own."""

    heading: str
    body: str
    level: int = 2


@dataclass(frozen=True)
class GoalArea:
    key: str
    title: str


@dataclass(frozen=True)
class CouncilGoal:
    key: str
    title: str
    goal_area: str
    directed_to: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (year, organisation keys)

    def directed_in(self, year: int) -> tuple[str, ...]:
        for directed_year, organisations in self.directed_to:
            if directed_year == year:
                return organisations
        return ()


@dataclass(frozen=True)
class GoalFollowUp:
    """One organisation's contribution to one council goal in the period, and its assessment."""

    goal: str
    contributions: tuple[Section, ...] = ()
    intro: str = ""
    year_assessment: Assessment | None = None
    year_motivation: str = ""
    term_outlook: TermOutlook | None = None
    term_motivation: str = ""


@dataclass(frozen=True)
class BudgetAssignment:
    """A task given by the council in the budget, often to several boards together."""

    key: str
    title: str
    goal_area: str
    responsible: str
    co_responsible: tuple[str, ...] = ()
    status: AssignmentStatus = AssignmentStatus.ONGOING
    report_back: str = ""
    report: str = ""


class ChapterKind(StrEnum):
    TEXT = "text"
    GOALS = "goals"  # the goal follow-ups grouped by goal area, then budget assignments

    @property
    def label(self) -> str:
        return {"text": "Text", "goals": "Mål och budgetuppdrag"}[self.value]


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    sections: tuple[Section, ...] = ()
    intro: str = ""
    kind: ChapterKind = ChapterKind.TEXT


@dataclass(frozen=True)
class Report:
    """A board's follow-up for one period: the document's whole content as data."""

    municipality: Municipality
    organisation: str
    term: Term
    period: Period
    goal_areas: tuple[GoalArea, ...] = ()
    council_goals: tuple[CouncilGoal, ...] = ()
    goal_follow_ups: tuple[GoalFollowUp, ...] = ()
    budget_assignments: tuple[BudgetAssignment, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    tables: tuple[FigureTable, ...] = ()
    title: str = ""
    settings: dict[str, int] = field(default_factory=dict)

    @property
    def owner(self) -> Organisation:
        return self.municipality.organisation(self.organisation)

    @property
    def display_title(self) -> str:
        return self.title or f"{self.period.kind.label} {self.period.year}"

    def table(self, key: str) -> FigureTable:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(f"rapporten har ingen tabell {key!r}")

    def has_table(self, key: str) -> bool:
        return any(table.key == key for table in self.tables)

    def goal(self, key: str) -> CouncilGoal:
        for goal in self.council_goals:
            if goal.key == key:
                return goal
        raise KeyError(f"inget kommunfullmäktigemål {key!r}")

    def goal_area(self, key: str) -> GoalArea:
        for area in self.goal_areas:
            if area.key == key:
                return area
        raise KeyError(f"inget målområde {key!r}")

    def follow_up(self, goal_key: str) -> GoalFollowUp | None:
        for follow_up in self.goal_follow_ups:
            if follow_up.goal == goal_key:
                return follow_up
        return None

    def directed_goals(self) -> tuple[CouncilGoal, ...]:
        """Council goals directed to this report's organisation in its year, in order."""
        year = self.period.year
        return tuple(g for g in self.council_goals if self.organisation in g.directed_in(year))
