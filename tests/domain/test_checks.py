"""Each check rule with a passing and a failing case."""

from __future__ import annotations

from dataclasses import replace

from uppsikt.domain.checks import CheckSettings, Severity, run_checks
from uppsikt.domain.checks.goals import check_budget_assignments, check_goal_assessments
from uppsikt.domain.checks.lix import check_readability, lix
from uppsikt.domain.checks.prose import amounts_in, check_prose_amounts
from uppsikt.domain.checks.tables import check_tables
from uppsikt.domain.checks.ties import check_ties
from uppsikt.domain.checks.variances import check_variance_explanations
from uppsikt.domain.model import BudgetAssignment, Chapter, GoalFollowUp, Section
from uppsikt.domain.money import Unit
from uppsikt.domain.tables import Column, ColumnKind, RowRole

from .factory import report, table

ITEM, T = RowRole.ITEM, RowRole.TOTAL


def test_assessed_goals_pass() -> None:
    assert list(check_goal_assessments(report())) == []


def test_missing_follow_up_assessment_and_motivations_are_errors() -> None:
    incomplete = GoalFollowUp("g2", (Section("Klimat", "Text."),))
    findings = list(check_goal_assessments(report(goal_follow_ups=(incomplete,))))
    rules = {f.rule for f in findings}
    assert "goals.follow_up" in rules  # g1 has no follow-up at all
    assert {"goals.assessment", "goals.assessment_motivation"} <= rules
    assert {"goals.term_outlook", "goals.term_outlook_motivation"} <= rules
    assert all(f.severity is Severity.ERROR for f in findings)
    places = {f.place for f in findings}
    assert "goal:g1" in places and "follow_up:g2/assessment" in places


def test_follow_up_of_a_goal_not_directed_is_a_warning() -> None:
    base = report()
    extra = GoalFollowUp("g3", year_motivation="x")
    findings = list(check_goal_assessments(report(goal_follow_ups=(*base.goal_follow_ups, extra))))
    assert [(f.rule, f.severity) for f in findings] == [("goals.not_directed", Severity.WARNING)]


def test_budget_assignment_without_report_is_flagged() -> None:
    done = BudgetAssignment("b1", "Utred X", "a1", "ks", report="Utrett.")
    empty = BudgetAssignment("b2", "Utred Y", "a1", "ks")
    assert list(check_budget_assignments(report(budget_assignments=(done,)))) == []
    findings = list(check_budget_assignments(report(budget_assignments=(done, empty))))
    assert [f.place for f in findings] == ["budget_assignment:b2"]


def _income(total_actual: str, variance: str = "-100") -> object:
    return table(
        "income_statement",
        [
            ("a", {"actual": "1 000", "budget": "1 100", "variance": variance}, ITEM, ()),
            ("b", {"actual": "2 000", "budget": "2 000", "variance": "0"}, ITEM, ()),
            ("total", {"actual": total_actual, "budget": "3 100"}, T, ("a", "b")),
        ],
    )


def test_rows_that_add_up_pass() -> None:
    assert list(check_tables(report(tables=(_income("3 000"),)))) == []


def test_total_beyond_rounding_is_an_error_naming_both_figures() -> None:
    findings = list(check_tables(report(tables=(_income("3 010"),))))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.ERROR and finding.rule == "tables.row_sum"
    assert "3\u00a0000" in finding.message and "3\u00a0010" in finding.message
    assert finding.place == "table:income_statement/row:total/col:actual"


def test_total_within_rounding_is_a_note_with_computed_and_stated() -> None:
    findings = list(check_tables(report(tables=(_income("3 001"),))))
    assert [(f.severity, f.rule) for f in findings] == [(Severity.NOTE, "tables.row_sum")]
    assert "3\u00a0000" in findings[0].message and "3\u00a0001" in findings[0].message


def test_variance_must_equal_actual_minus_budget() -> None:
    assert list(check_tables(report(tables=(_income("3 000", variance="-100"),)))) == []
    wrong = list(check_tables(report(tables=(_income("3 000", variance="100"),))))
    assert [(f.rule, f.severity) for f in wrong] == [("tables.column_formula", Severity.ERROR)]
    slip = list(check_tables(report(tables=(_income("3 000", variance="-101"),))))
    assert [(f.rule, f.severity) for f in slip] == [("tables.column_formula", Severity.NOTE)]


def test_mkr_totals_get_rounding_slack_per_operand() -> None:
    mkr = table(
        "allocation_changes",
        [
            ("original", {"amount": "494,7"}, ITEM, ()),
            ("change", {"amount": "7,1"}, ITEM, ()),
            ("final", {"amount": "501,9"}, T, ("original", "change")),
        ],
        columns=(Column("amount", "Belopp"),),
        unit=Unit.MKR,
        decimals=1,
    )
    findings = list(check_tables(report(tables=(mkr,))))
    assert [f.severity for f in findings] == [Severity.NOTE]  # 501,8 vs 501,9


def _operating(result: str) -> object:
    return table(
        "operating_result",
        [
            ("net_cost", {"actual": "-480 122"}, ITEM, ()),
            ("allocation", {"actual": "516 952"}, ITEM, ()),
            ("result", {"actual": result}, T, ("net_cost", "allocation")),
        ],
        columns=(Column("actual", "Utfall"),),
    )


def _causes(total: str) -> object:
    return table(
        "result_causes",
        [("board", {"amount": "14 005"}, ITEM, ()), ("total", {"amount": total}, T, ("board",))],
        columns=(Column("amount", "Utfall"),),
    )


def test_same_figure_in_two_tables_agrees() -> None:
    tables = (_operating("36 830"), _causes("36 830"))
    assert list(check_ties(report(tables=tables))) == []


def test_same_figure_differing_beyond_rounding_is_an_error() -> None:
    tables = (_operating("36 830"), _causes("36 848"))
    findings = list(check_ties(report(tables=tables)))
    assert [(f.rule, f.severity) for f in findings] == [("ties.same_figure", Severity.ERROR)]
    assert "Årets resultat" in findings[0].message


def test_truncated_mkr_figure_is_a_warning_not_an_error() -> None:
    allocation = table(
        "allocation_changes",
        [("final", {"amount": "516,9"}, T, ())],
        columns=(Column("amount", "Belopp"),),
        unit=Unit.MKR,
        decimals=1,
    )
    tables = (_operating("36 830"), allocation)
    findings = list(check_ties(report(tables=tables)))
    assert [f.severity for f in findings] == [Severity.WARNING]  # 516 952 tkr is 517,0 Mkr


def _areas(comment: str) -> object:
    return table(
        "budget_areas",
        [
            ("small", {"budget": "-100", "actual": "-50", "variance": "50"}, ITEM, ()),
            (
                "large",
                {"budget": "-3 000", "actual": "-2 000", "variance": "1 000", "comment": comment},
                ITEM,
                (),
            ),
        ],
        columns=(
            Column("budget", "Budget"),
            Column("actual", "Utfall"),
            Column("variance", "Avvikelse", formula="actual - budget"),
            Column("comment", "Kommentar", kind=ColumnKind.TEXT),
        ),
        kind="budget_areas",
    )


def test_large_variance_needs_an_explanation() -> None:
    settings = CheckSettings()
    explained = report(tables=(_areas("Vakanser"),))
    assert list(check_variance_explanations(explained, settings)) == []
    unexplained = list(check_variance_explanations(report(tables=(_areas(""),)), settings))
    assert [f.place for f in unexplained] == ["table:budget_areas/row:large/col:variance"]


def test_explanation_threshold_is_configurable() -> None:
    unexplained = report(tables=(_areas(""),))
    high = CheckSettings(explanation_threshold_kr=2_000_000)
    assert list(check_variance_explanations(unexplained, high)) == []
    low = CheckSettings(explanation_threshold_kr=10_000)
    assert len(list(check_variance_explanations(unexplained, low))) == 2


def _economy(text: str) -> Chapter:
    body = f"{{{{ table: operating_result }}}}\n\n{text}"
    return Chapter("ekonomi", "Ekonomi", (Section("Resultat", body),))


def test_amounts_in_prose() -> None:
    found = amounts_in("Överskott på 36,8 Mkr, varav 3 553 tkr och 2,6 % samt 14 Mkr.")
    assert [a.text for a in found] == ["36,8 Mkr", "3 553 tkr", "2,6 %", "14 Mkr"]


def test_prose_amounts_that_match_tables_pass() -> None:
    chapter = _economy("Resultatet är 36,8 Mkr och kommunbidraget 516 952 tkr.")
    r = report(chapters=(chapter,), tables=(_operating("36 830"),))
    assert list(check_prose_amounts(r)) == []


def test_prose_amount_that_differs_from_the_table_is_a_warning() -> None:
    chapter = _economy("Resultatet är 36,7 Mkr.")
    r = report(chapters=(chapter,), tables=(_operating("36 830"),))
    findings = list(check_prose_amounts(r))
    assert [(f.severity, f.rule) for f in findings] == [(Severity.WARNING, "prose.amounts")]
    assert "36,8" in findings[0].message
    assert findings[0].place == "chapter:ekonomi/section:0"


def test_prose_amount_not_in_any_table_is_a_note() -> None:
    chapter = _economy("Staden gav ut en obligation på 600 Mkr.")
    r = report(chapters=(chapter,), tables=(_operating("36 830"),))
    assert [f.severity for f in check_prose_amounts(r)] == [Severity.NOTE]


def test_lix_of_easy_and_hard_texts() -> None:
    easy = "Vi bor i en stad. Den är stor. Vi har ett hus. Det är rött och fint."
    hard = (
        "Kommunstyrelsens uppsiktsplikt gentemot nämnderna förutsätter ändamålsenliga "
        "uppföljningsprocesser, kvalitetssäkrade beslutsunderlag och tvärsektoriella "
        "samverkansstrukturer inom organisationen."
    )
    assert lix(easy)[0] < 30
    assert lix(hard)[0] > 60


def test_readability_flags_sections_over_the_threshold() -> None:
    hard = " ".join(["Tvärsektoriella samverkansstrukturer förutsätter uppföljningsprocesser."] * 8)
    easy = " ".join(["Vi gör det här. Det går bra."] * 8)
    chapter = Chapter("c", "Kapitel", (Section("Svår", hard), Section("Lätt", easy)))
    findings = list(check_readability(report(chapters=(chapter,)), CheckSettings()))
    assert [f.place for f in findings] == ["chapter:c/section:0"]
    assert (
        list(check_readability(report(chapters=(chapter,)), CheckSettings(lix_threshold=200))) == []
    )


def test_run_checks_orders_errors_first() -> None:
    bad = replace(report(), goal_follow_ups=())
    result = run_checks(bad)
    assert not result.ok
    assert result.findings[0].severity is Severity.ERROR
    assert "fel" in result.summary()
