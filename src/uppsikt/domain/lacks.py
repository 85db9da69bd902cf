"""What a report still lacks before it can be submitted: the counts an overview shows.

Pure: it reads a domain report and the findings of its checks. The variance rule itself
lives in `checks.variances`; this module only counts and lists what that rule reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from uppsikt.domain.checks.carried import CARRIED_RULE
from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.checks.settings import CheckSettings
from uppsikt.domain.checks.variances import VARIANCE_COLUMN, check_variance_explanations
from uppsikt.domain.figures import shown
from uppsikt.domain.model import Report
from uppsikt.domain.money import Amount, Unit, format_with_unit
from uppsikt.domain.tables import ColumnKind, FigureTable, Row

VARIANCE_RULE = "variances.explanation"


@dataclass(frozen=True)
class Lacks:
    """Counts of what is missing; all zero means nothing is missing."""

    goals_without_follow_up: int = 0
    without_assessment: int = 0
    assessment_without_motivation: int = 0
    without_outlook: int = 0
    outlook_without_motivation: int = 0
    unexplained_variances: int = 0
    failed_checks: int = 0  # findings of severity error, whatever their rule
    carried_texts: int = 0  # texts carried forward from the previous report, not updated

    @property
    def goals_incomplete(self) -> int:
        """Every missing piece of the goal follow-ups, added up."""
        return (
            self.goals_without_follow_up
            + self.without_assessment
            + self.assessment_without_motivation
            + self.without_outlook
            + self.outlook_without_motivation
        )

    @property
    def total(self) -> int:
        return (
            self.goals_incomplete
            + self.unexplained_variances
            + self.failed_checks
            + self.carried_texts
        )

    @property
    def complete(self) -> bool:
        return self.total == 0


def report_lacks(report: Report, findings: Iterable[Finding]) -> Lacks:
    """What `report` lacks, from its goal follow-ups and the findings of its checks."""
    follow_ups = report.goal_follow_ups
    findings = tuple(findings)
    return Lacks(
        goals_without_follow_up=sum(
            1 for goal in report.directed_goals() if report.follow_up(goal.key) is None
        ),
        without_assessment=sum(1 for f in follow_ups if f.year_assessment is None),
        assessment_without_motivation=sum(
            1 for f in follow_ups if f.year_assessment is not None and not f.year_motivation.strip()
        ),
        without_outlook=sum(1 for f in follow_ups if f.term_outlook is None),
        outlook_without_motivation=sum(
            1 for f in follow_ups if f.term_outlook is not None and not f.term_motivation.strip()
        ),
        unexplained_variances=sum(1 for f in findings if f.rule == VARIANCE_RULE),
        failed_checks=sum(1 for f in findings if f.severity is Severity.ERROR),
        carried_texts=sum(1 for f in findings if f.rule == CARRIED_RULE),
    )


@dataclass(frozen=True)
class VarianceToExplain:
    """A budget-area row whose variance is large enough to need an explanation."""

    table: str  # key
    table_title: str
    row: str  # key
    label: str
    variance: Amount
    text_column: str  # key of the column that holds the explanation
    explanation: str

    @property
    def explained(self) -> bool:
        return bool(self.explanation.strip())

    @property
    def variance_text(self) -> str:
        """'-2 091 tkr': the variance as the rule's message states it."""
        return format_with_unit(self.variance.kronor, Unit.TKR)


def variances_to_explain(
    report: Report, settings: CheckSettings | None = None
) -> list[VarianceToExplain]:
    """Every row the variance rule asks to explain, explained or not, in table order.

    The rule reports only rows without a text; running it on a copy whose texts are
    blanked out finds every row it would ask about, so the threshold logic stays in one
    place."""
    settings = settings or CheckSettings.for_report(report)
    blank = replace(report, tables=tuple(_without_texts(table) for table in report.tables))
    asked = {
        finding.place
        for finding in check_variance_explanations(blank, settings)
        if finding.rule == VARIANCE_RULE
    }
    rows: list[VarianceToExplain] = []
    for table in report.tables:
        text_columns = [c.key for c in table.columns if c.kind is ColumnKind.TEXT]
        if not text_columns:
            continue
        for row in table.rows:
            if f"table:{table.key}/row:{row.key}/col:{VARIANCE_COLUMN}" not in asked:
                continue
            value = shown(table, row, table.column(VARIANCE_COLUMN))
            assert isinstance(value, Amount)  # the rule only asks about amounts
            column, text = _explanation(row, text_columns)
            rows.append(
                VarianceToExplain(
                    table=table.key,
                    table_title=table.title,
                    row=row.key,
                    label=row.label,
                    variance=value,
                    text_column=column,
                    explanation=text,
                )
            )
    return rows


def _without_texts(table: FigureTable) -> FigureTable:
    text_columns = {c.key for c in table.columns if c.kind is ColumnKind.TEXT}
    if not text_columns:
        return table
    rows = tuple(
        replace(row, cells={k: v for k, v in row.cells.items() if k not in text_columns})
        for row in table.rows
    )
    return replace(table, rows=rows)


def _explanation(row: Row, text_columns: list[str]) -> tuple[str, str]:
    """The text column that explains the row and its text (the first column when none)."""
    for key in text_columns:
        value = row.stated(key)
        if isinstance(value, str) and value.strip():
            return key, value
    return text_columns[0], ""
