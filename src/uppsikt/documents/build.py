"""Report -> Document: the structure of an Årsanalys, with every number formatted once here."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal

from uppsikt.documents.markdown import markdown_blocks
from uppsikt.documents.model import (
    Align,
    AssessmentLevel,
    AssessmentMark,
    Block,
    Cover,
    Document,
    Heading,
    Paragraph,
    RowStyle,
    Table,
    TableColumn,
    TableRow,
    Text,
)
from uppsikt.domain.checks import rounding_notes
from uppsikt.domain.figures import shown
from uppsikt.domain.markdown import Directive, split_directives
from uppsikt.domain.model import (
    BudgetAssignment,
    Chapter,
    ChapterKind,
    CouncilGoal,
    GoalFollowUp,
    Report,
    Section,
)
from uppsikt.domain.money import Amount, format_amount, format_number
from uppsikt.domain.summaries import GENERATORS
from uppsikt.domain.tables import ColumnKind, FigureTable, RowRole

ROUNDING_NOTE = "Avrundningsdifferenser kan förekomma."
_ROW_STYLES = {
    RowRole.ITEM: RowStyle.NORMAL,
    RowRole.PART: RowStyle.PART,
    RowRole.SUBTOTAL: RowStyle.SUBTOTAL,
    RowRole.TOTAL: RowStyle.TOTAL,
    RowRole.HEADING: RowStyle.HEADING,
}


class _Anchors:
    """Unique ascii anchors from headings."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "avsnitt"
        anchor, n = base, 1
        while anchor in self.used:
            n += 1
            anchor = f"{base}-{n}"
        self.used.add(anchor)
        return anchor


def build_document(report: Report, *, marking: str = "") -> Document:
    """The document for a report; `marking` (e.g. "UTKAST") is shown on the cover and pages."""
    builder = _Builder(report)
    blocks = [block for chapter in report.chapters for block in builder.chapter(chapter)]
    title = report.display_title
    owner = report.owner.name
    cover = Cover(
        title=title,
        organisation=owner,
        municipality=report.municipality.name,
        subtitle=f"Mandatperiod {report.term.label}",
        marking=marking,
    )
    footer = f"{title}, {owner}" + (f" – {marking}" if marking else "")
    return Document(
        cover=cover,
        blocks=tuple(blocks),
        footer=footer,
        metadata={"author": owner, "subject": f"{title}, {owner}, {report.municipality.name}"},
    )


class _Builder:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.anchor = _Anchors()
        self.rounded = rounding_notes(report)

    def heading(self, level: int, text: str, *, in_toc: bool = True) -> Heading:
        return Heading(level, text, self.anchor(text), in_toc=in_toc and level <= 3)

    def chapter(self, chapter: Chapter) -> Iterator[Block]:
        yield self.heading(1, chapter.title)
        yield from self.body(chapter.intro)
        for section in chapter.sections:
            yield from self.section(section, offset=0)
        if chapter.kind is ChapterKind.GOALS:
            yield from self.goals()
            yield from self.budget_assignments()

    def section(self, section: Section, *, offset: int) -> Iterator[Block]:
        level = min(4, section.level + offset)
        yield self.heading(level, section.heading, in_toc=level <= 2)
        yield from self.body(section.body)

    def body(self, markdown: str) -> Iterator[Block]:
        """Markdown with directives: text chunks become paragraphs, directives tables/texts.
        A marker that names nothing, or a `{{ … }}` line of no accepted form, is left out
        (the checks report both)."""
        for part in split_directives(markdown):
            if isinstance(part, str):
                yield from markdown_blocks(part)
            elif isinstance(part, Directive):
                if part.kind == "table" and self.report.has_table(part.key):
                    yield self.table(self.report.table(part.key))
                elif part.kind == "generated" and part.key in GENERATORS:
                    for text in GENERATORS[part.key](self.report):
                        yield Paragraph((Text(text),))

    def table(self, table: FigureTable) -> Table:
        columns = [TableColumn(table.label_header or "")]
        for column in table.columns:
            if column.kind is ColumnKind.AMOUNT:
                columns.append(TableColumn(f"{column.label}, {table.unit.label}", Align.RIGHT))
            elif column.kind is ColumnKind.PERCENT:
                label = column.label if "%" in column.label else f"{column.label}, %"
                columns.append(TableColumn(label, Align.RIGHT))
            else:
                columns.append(TableColumn(column.label))
        rows = []
        for row in table.rows:
            cells = [row.label]
            for column in table.columns:
                value = shown(table, row, column)
                decimals = table.decimals_for(column)
                if isinstance(value, Amount):
                    cells.append(format_amount(value.kronor, table.unit, decimals))
                elif isinstance(value, Decimal):
                    cells.append(format_number(value, decimals))
                else:
                    cells.append(value or "")
            rows.append(TableRow(tuple(cells), _ROW_STYLES[row.role]))
        notes = [table.note] if table.note else []
        if table.key in self.rounded:
            notes.append(ROUNDING_NOTE)
        return Table(table.title, tuple(columns), tuple(rows), tuple(notes))

    def goals(self) -> Iterator[Block]:
        report = self.report
        directed = report.directed_goals()
        for area in report.goal_areas:
            goals = [goal for goal in directed if goal.goal_area == area.key]
            if not goals:
                continue
            yield self.heading(2, f"Målområde – {area.title}")
            for goal in goals:
                yield from self.goal(goal, report.follow_up(goal.key))

    def goal(self, goal: CouncilGoal, follow_up: GoalFollowUp | None) -> Iterator[Block]:
        yield self.heading(3, f"Kommunfullmäktigemål – {goal.title}")
        if follow_up is None:
            yield AssessmentMark(AssessmentLevel.MISSING, "Uppföljning saknas", "Bedömning")
            return
        yield from self.body(follow_up.intro)
        for section in follow_up.contributions:
            yield self.heading(4, section.heading, in_toc=False)
            yield from self.body(section.body)
        yield self.heading(4, "Bedömning av bidrag till kommunfullmäktigemålet för året")
        assessment = follow_up.year_assessment
        yield AssessmentMark(
            AssessmentLevel(assessment.value) if assessment else AssessmentLevel.MISSING,
            assessment.label if assessment else "Bedömning saknas",
            f"Bedömning för {self.report.period.year}",
        )
        yield from self.body(follow_up.year_motivation)
        yield self.heading(4, "Bedömning av förväntad förflyttning för mandatperioden")
        outlook = follow_up.term_outlook
        yield AssessmentMark(
            AssessmentLevel(outlook.value) if outlook else AssessmentLevel.MISSING,
            outlook.label if outlook else "Bedömning saknas",
            f"Mandatperioden {self.report.term.label}",
        )
        yield from self.body(follow_up.term_motivation)

    def budget_assignments(self) -> Iterator[Block]:
        report = self.report
        if not report.budget_assignments:
            return
        yield self.heading(2, "Redovisning av budgetuppdrag")
        for area in report.goal_areas:
            assignments = [a for a in report.budget_assignments if a.goal_area == area.key]
            if not assignments:
                continue
            yield self.heading(3, f"Målområde – {area.title}")
            for assignment in assignments:
                yield from self.budget_assignment(assignment)

    def budget_assignment(self, assignment: BudgetAssignment) -> Iterator[Block]:
        yield self.heading(4, assignment.title, in_toc=False)
        facts = [f"Status: {assignment.status.label}."]
        if assignment.co_responsible:
            names = []
            for key in assignment.co_responsible:
                try:
                    names.append(self.report.municipality.organisation(key).name.lower())
                except KeyError:
                    names.append(key)
            facts.append("Tillsammans med: " + ", ".join(names) + ".")
        if assignment.report_back:
            facts.append(f"Återrapportering: {assignment.report_back}.")
        yield Paragraph((Text(" ".join(facts), italic=True),))
        yield from self.body(assignment.report)
