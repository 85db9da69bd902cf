"""What a report still lacks: assessments, outlooks, variance explanations, errors."""

from __future__ import annotations

from dataclasses import replace

from uppsikt.domain.checks import CheckSettings, Finding, Severity, run_checks
from uppsikt.domain.lacks import Lacks, report_lacks, variances_to_explain
from uppsikt.domain.model import Assessment, GoalFollowUp, Section, TermOutlook
from uppsikt.domain.tables import Column, ColumnKind, RowRole

from .factory import report, table

BUDGET_COLUMNS = (
    Column("budget", "Budget"),
    Column("actual", "Utfall"),
    Column("variance", "Avvikelse", formula="actual - budget"),
    Column("comment", "Kommentar", kind=ColumnKind.TEXT),
)


def _budget_areas(comment_on_big: str = "") -> object:
    return table(
        "budget_areas",
        [
            ("small", {"budget": "-1 000", "actual": "-1 200"}, RowRole.ITEM, ()),
            (
                "big",
                {"budget": "-5 000", "actual": "-3 000", "comment": comment_on_big},
                RowRole.ITEM,
                (),
            ),
            (
                "loss",
                {"budget": "-5 000", "actual": "-6 000", "comment": "Dyrare lokaler"},
                RowRole.ITEM,
                (),
            ),
            (
                "total",
                {"budget": "-11 000", "actual": "-10 200"},
                RowRole.TOTAL,
                ("small", "big", "loss"),
            ),
        ],
        columns=BUDGET_COLUMNS,
        kind="budget_areas",
    )


def test_a_complete_report_lacks_nothing() -> None:
    complete = report()
    lacks = report_lacks(complete, run_checks(complete).findings)
    assert lacks == Lacks()
    assert lacks.complete and lacks.total == 0


def test_counts_missing_assessments_and_motivations() -> None:
    follow_ups = (
        GoalFollowUp("g1", (Section("Insats", "Text."),)),  # nothing assessed
        GoalFollowUp(
            "g2",
            (Section("Klimat", "Text."),),
            year_assessment=Assessment.ACHIEVED,
            year_motivation="  ",
            term_outlook=TermOutlook.EXPECTED,
            term_motivation="",
        ),
    )
    partial = report(goal_follow_ups=follow_ups)
    lacks = report_lacks(partial, run_checks(partial).findings)
    assert lacks.without_assessment == 1
    assert lacks.assessment_without_motivation == 1
    assert lacks.without_outlook == 1
    assert lacks.outlook_without_motivation == 1
    assert lacks.goals_without_follow_up == 0
    assert lacks.failed_checks > 0  # the goal rules report each of these as an error
    assert lacks.goals_incomplete == 4


def test_a_directed_goal_without_follow_up_is_counted() -> None:
    only_g1 = report()
    only_g1 = replace(only_g1, goal_follow_ups=only_g1.goal_follow_ups[:1])
    lacks = report_lacks(only_g1, [])
    assert lacks.goals_without_follow_up == 1


def test_unexplained_variances_come_from_the_rule() -> None:
    with_table = report(tables=(_budget_areas(),))
    findings = run_checks(with_table).findings
    lacks = report_lacks(with_table, findings)
    assert lacks.unexplained_variances == 1  # "big": 2 000 tkr, no comment
    explained = report(tables=(_budget_areas("Vakanser"),))
    assert report_lacks(explained, run_checks(explained).findings).unexplained_variances == 0


def test_failed_checks_count_errors_only() -> None:
    findings = [
        Finding("x", Severity.ERROR, "", "", ""),
        Finding("y", Severity.WARNING, "", "", ""),
        Finding("z", Severity.NOTE, "", "", ""),
    ]
    assert report_lacks(report(), findings).failed_checks == 1


def test_variances_to_explain_list_every_row_above_the_threshold() -> None:
    rows = variances_to_explain(report(tables=(_budget_areas(),)))
    assert [(row.row, row.explained) for row in rows] == [("big", False), ("loss", True)]
    big, loss = rows
    assert big.variance.kronor == 2_000_000 and big.text_column == "comment"
    assert big.variance_text == "2\u00a0000\u00a0tkr"
    assert loss.explanation == "Dyrare lokaler"


def test_variances_to_explain_follow_the_reports_threshold() -> None:
    areas = report(tables=(_budget_areas(),), settings={"explanation_threshold_kr": 100_000})
    assert [row.row for row in variances_to_explain(areas)] == ["small", "big", "loss"]
    strict = CheckSettings(explanation_threshold_kr=1_500_000)
    assert [row.row for row in variances_to_explain(areas, strict)] == ["big"]


def test_tables_of_other_kinds_have_no_variances_to_explain() -> None:
    generic = replace(_budget_areas(), kind="generic")  # type: ignore[type-var]
    assert variances_to_explain(report(tables=(generic,))) == []
