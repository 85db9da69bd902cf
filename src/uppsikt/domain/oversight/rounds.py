"""Reporting rounds as pure rules: a new report pre-filled from the previous one, the
state of each organisation in a round, and which reminder is due on a day.

A text carried forward from the previous report starts with a visible note line
(`carried_note`) that the writer removes when the text is updated; until then the checks
(`domain.checks.carried`) and the counts of what a report lacks name it as still to do.
Assessments are never carried forward: they must be made anew each period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from uppsikt.domain.economy.merge import merge_table
from uppsikt.domain.markdown import plain_text
from uppsikt.domain.model import (
    BudgetAssignment,
    Chapter,
    ChapterKind,
    GoalFollowUp,
    Report,
    Section,
)
from uppsikt.domain.money import Unit
from uppsikt.domain.oversight.model import ReminderKind
from uppsikt.domain.tables import Column, FigureTable, Row, RowRole
from uppsikt.domain.workflow import Status

CARRIED_PREFIX = "*Förifylld från "


def carried_note(source: str) -> str:
    """The line that opens a carried-forward text, e.g. for 'Delårsrapport 2025'."""
    return f"{CARRIED_PREFIX}{source} – uppdatera texten.*"


def is_carried(text: str) -> bool:
    """Whether `text` still opens with the note of a carried-forward text."""
    return text.lstrip().startswith(CARRIED_PREFIX)


def carry(text: str, source: str) -> str:
    """`text` marked as carried forward from `source`; a text with nothing to read (empty,
    or only `{{ table: … }}` markers) is carried as it is: there is nothing to update."""
    if not plain_text(text).strip() or is_carried(text):
        return text
    return f"{carried_note(source)}\n\n{text.strip()}"


def operating_result_shape() -> FigureTable:
    """The standard operating result table (Driftbudget), without figures."""
    return FigureTable(
        key="operating_result",
        title="Driftbudget",
        unit=Unit.TKR,
        columns=(
            Column("actual", "Utfall"),
            Column("forecast", "Prognos"),
            Column("change", "Förändring", formula="actual - forecast"),
        ),
        rows=(
            Row("net_cost", "Nettokostnad"),
            Row("allocation", "Kommunbidrag"),
            Row(
                "result",
                "Resultat (budgetavvikelse)",
                role=RowRole.TOTAL,
                sum_of=("net_cost", "allocation"),
            ),
        ),
        label_header="Tkr",
        kind="operating_result",
    )


def default_chapters() -> tuple[Chapter, ...]:
    """The outline of a report without a previous one: summary, goals, economy."""
    return (
        Chapter(
            "sammanfattning",
            "Sammanfattning",
            (Section("Årets viktigaste händelser", ""),),
        ),
        Chapter("mal", "Mål och budgetuppdrag", kind=ChapterKind.GOALS),
        Chapter(
            "ekonomi",
            "Ekonomi",
            (Section("Driftredovisning", "{{ table: operating_result }}\n\n"),),
        ),
    )


def without_figures(table: FigureTable) -> FigureTable:
    """`table`'s layout (rows, columns, sums, formulas) with every stated cell removed:
    last period's figures and explanations do not belong to the new one."""
    return replace(table, rows=tuple(replace(row, cells={}) for row in table.rows))


def draft_report(
    base: Report, previous: Report | None, ledger_tables: Mapping[str, FigureTable] | None = None
) -> Report:
    """The new report: `base` holds what this period asks for (the directed goals, the
    budget assignments, the shared data), `previous` the texts to carry forward.

    Chapters, contributions, motivations and assignment texts come from `previous`,
    marked; assessments and term outlooks stay blank; tables keep `previous`'s layout
    without figures, with the ledger's figures where `ledger_tables` has the table."""
    ledger = dict(ledger_tables or {})
    if previous is None:
        chapters = base.chapters or default_chapters()
        tables = _with_ledger(base.tables or (operating_result_shape(),), ledger)
        return replace(base, chapters=chapters, tables=tables)
    source = previous.display_title
    follow_ups = tuple(
        _follow_up(goal.key, previous.follow_up(goal.key), source) for goal in base.directed_goals()
    )
    earlier = {entry.key: entry for entry in previous.budget_assignments}
    assignments = tuple(
        _assignment(entry, earlier.get(entry.key), source) for entry in base.budget_assignments
    )
    shapes = tuple(without_figures(table) for table in previous.tables)
    keys = {table.key for table in shapes}
    extra = tuple(table for table in base.tables if table.key not in keys)
    if not shapes and not extra:
        extra = (operating_result_shape(),)
    return replace(
        base,
        goal_follow_ups=follow_ups,
        budget_assignments=assignments,
        chapters=tuple(_chapter(chapter, source) for chapter in previous.chapters),
        tables=_with_ledger(shapes + extra, ledger),
        settings=dict(previous.settings),
    )


def _with_ledger(
    tables: tuple[FigureTable, ...], ledger: Mapping[str, FigureTable]
) -> tuple[FigureTable, ...]:
    merged = tuple(
        merge_table(table, ledger[table.key]) if table.key in ledger else table for table in tables
    )
    present = {table.key for table in merged}
    return merged + tuple(table for key, table in ledger.items() if key not in present)


def _chapter(chapter: Chapter, source: str) -> Chapter:
    return replace(
        chapter,
        intro=carry(chapter.intro, source),
        sections=tuple(
            replace(section, body=carry(section.body, source)) for section in chapter.sections
        ),
    )


def _follow_up(goal: str, previous: GoalFollowUp | None, source: str) -> GoalFollowUp:
    if previous is None:
        return GoalFollowUp(goal)
    return GoalFollowUp(
        goal=goal,
        contributions=tuple(
            replace(section, body=carry(section.body, source)) for section in previous.contributions
        ),
        intro=carry(previous.intro, source),
        year_motivation=carry(previous.year_motivation, source),
        term_motivation=carry(previous.term_motivation, source),
    )


def _assignment(
    entry: BudgetAssignment, previous: BudgetAssignment | None, source: str
) -> BudgetAssignment:
    if previous is None:
        return entry
    return replace(entry, status=previous.status, report=carry(previous.report, source))


def carried_places(report: Report) -> list[tuple[str, str]]:
    """(place, where) of every text that still opens with the carried-forward note."""
    found: list[tuple[str, str]] = []
    for chapter in report.chapters:
        if is_carried(chapter.intro):
            found.append((f"chapter:{chapter.key}", f"Kapitlet ”{chapter.title}”, inledningen"))
        for index, section in enumerate(chapter.sections):
            if is_carried(section.body):
                found.append(
                    (f"chapter:{chapter.key}/section:{index}", f"Avsnittet ”{section.heading}”")
                )
    titles = {goal.key: goal.title for goal in report.council_goals}
    for follow_up in report.goal_follow_ups:
        title = titles.get(follow_up.goal, follow_up.goal)
        place = f"follow_up:{follow_up.goal}"
        for index, section in enumerate(follow_up.contributions):
            if is_carried(section.body):
                found.append((f"{place}/section:{index}", f"Bidrag ”{section.heading}” ({title})"))
        for text, part, label in (
            (follow_up.intro, "intro", "inledningen"),
            (follow_up.year_motivation, "assessment", "motiveringen för året"),
            (follow_up.term_motivation, "outlook", "motiveringen för mandatperioden"),
        ):
            if is_carried(text):
                found.append((f"{place}/{part}", f"Målet ”{title}”, {label}"))
    for entry in report.budget_assignments:
        if is_carried(entry.report):
            found.append((f"budget_assignment:{entry.key}", f"Budgetuppdraget ”{entry.title}”"))
    return found


# --- the state of a round -------------------------------------------------------------


@dataclass(frozen=True)
class SentReminder:
    kind: ReminderKind
    sent_on: date


@dataclass(frozen=True)
class MemberStatus:
    """One organisation in a round, as the status page and `uppsikt round status` show it."""

    member_id: int
    key: str
    name: str
    kind: str  # OrganisationKind value
    report_id: int | None
    deadline: date
    status: Status
    submitted_on: date | None
    today: date
    reminders: tuple[SentReminder, ...] = ()

    @property
    def days_left(self) -> int:
        """Days until the deadline: 0 on the day, negative after it."""
        return (self.deadline - self.today).days

    @property
    def late(self) -> bool:
        """The deadline has passed and the report is still a draft."""
        return self.status is Status.DRAFT and self.today > self.deadline


def reminder_due(
    deadline: date, today: date, remind_before: Iterable[int], remind_late_every: int
) -> ReminderKind | None:
    """Which reminder a draft is due on `today`, if any: BEFORE on each of the days
    `remind_before` before the deadline; LATE the day after it and then every
    `remind_late_every` days (0: no late reminders)."""
    left = (deadline - today).days
    if left >= 0:
        return ReminderKind.BEFORE if left in set(remind_before) else None
    late = -left
    if remind_late_every > 0 and (late - 1) % remind_late_every == 0:
        return ReminderKind.LATE
    return None
