"""The markers rule: a `{{ table: … }}` or `{{ generated: … }}` that names nothing is an
error at its place, read with the same grammar the document builder uses."""

from __future__ import annotations

from uppsikt.domain.checks import Severity, run_checks
from uppsikt.domain.checks.markers import check_markers, unknown_markers
from uppsikt.domain.model import BudgetAssignment, Chapter, GoalFollowUp, Report, Section
from uppsikt.domain.tables import RowRole

from .factory import report, table


def _with_texts(economy: str, motivation: str = "Klart.", assignment: str = "Klart.") -> Report:
    personnel = table("personnel", [("total", {"actual": "5"}, RowRole.TOTAL, ())])
    return report(
        chapters=(
            Chapter(
                "ekonomi",
                "Ekonomi",
                intro="{{ generated: economy_summary }}",
                sections=(Section("Personal", "Text."), Section("Drift", economy)),
            ),
        ),
        tables=(personnel,),
        goal_follow_ups=(
            GoalFollowUp("g2", (Section("Klimat", "Text."),), year_motivation=motivation),
        ),
        budget_assignments=(BudgetAssignment("b1", "Uppdraget", "a1", "ks", report=assignment),),
    )


def test_known_markers_pass() -> None:
    checked = _with_texts("Så här:\n\n{{ table: personnel }}\n\n{{generated:assessment_summary}}")
    assert list(check_markers(checked)) == []


def test_an_unknown_table_or_generated_text_is_an_error_at_its_place() -> None:
    checked = _with_texts(
        "Driften:\n\n{{ table: operating_budget }}\n",
        motivation="{{ generated: economy_sumary }}",
        assignment="Se tabellen.\n{{ table: personel }}",
    )
    findings = {f.place: f for f in check_markers(checked)}
    assert set(findings) == {
        "chapter:ekonomi/section:1",
        "follow_up:g2/assessment",
        "budget_assignment:b1",
    }
    table_finding = findings["chapter:ekonomi/section:1"]
    assert table_finding.rule == "markers.unknown" and table_finding.severity is Severity.ERROR
    assert "”{{ table: operating_budget }}”" in table_finding.message
    assert "tabellerna som finns: personnel" in table_finding.message.lower()
    assert table_finding.where == "Ekonomi – Drift"
    generated = findings["follow_up:g2/assessment"].message
    assert "economy_sumary" in generated and "assessment_summary, economy_summary" in generated


def test_uppsikt_check_reports_it_as_an_error() -> None:
    result = run_checks(_with_texts("{{ table: operating_budget }}"))
    assert not result.ok
    assert "markers.unknown" in {finding.rule for finding in result.findings}


def test_the_grammar_is_the_builders() -> None:
    """Only lines the document builder treats as markers are checked: a marker in running
    text is text, in the document and here."""
    body = "Se {{ table: x }} i texten.\n\n  {{ table : saknas }}  \n{{ generated: nope }}"
    found = [(m.kind, m.key) for m in unknown_markers(body, ["personnel"])]
    assert found == [("table", "saknas"), ("generated", "nope")]


def test_a_line_of_no_marker_form_is_an_error_too() -> None:
    """`{{ tabell: x }}` or upper case is neither text nor a marker: it is reported, with
    the forms that work, under the same rule."""
    checked = _with_texts("Driften:\n\n{{ tabell: personnel }}\n", motivation="{{ TABLE: X }}")
    findings = {f.place: f for f in check_markers(checked)}
    assert set(findings) == {"chapter:ekonomi/section:1", "follow_up:g2/assessment"}
    finding = findings["chapter:ekonomi/section:1"]
    assert finding.rule == "markers.unknown" and finding.severity is Severity.ERROR
    assert "”{{ tabell: personnel }}”" in finding.message
    assert "{{ table: nyckel }}" in finding.message and "{{ generated: nyckel }}" in finding.message
