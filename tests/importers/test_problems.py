"""The one problem shape: `file:line:column: message`, whatever the importer."""

from __future__ import annotations

from uppsikt.importers.problems import Problem, Severity, from_sie_issue
from uppsikt.sie import Issue


def test_a_problem_shows_as_much_of_its_place_as_is_known() -> None:
    assert str(Problem("budget.csv", 7, "amount", "fel")) == "budget.csv:7:amount: fel"
    assert str(Problem("budget.csv", 3, 9, "fel")) == "budget.csv:3:9: fel"
    assert str(Problem("mapping.yaml", 4, None, "fel")) == "mapping.yaml:4: fel"
    assert str(Problem("paket", None, None, "fel")) == "paket: fel"


def test_an_sie_issue_keeps_its_line_and_severity() -> None:
    issue = Issue("warning", "voucher.unbalanced", 12, "verifikationen balanserar inte")

    problem = from_sie_issue("huvudbok.se", issue)

    assert problem == Problem(
        "huvudbok.se", 12, None, "verifikationen balanserar inte", Severity.WARNING
    )
    assert str(problem) == "huvudbok.se:12: verifikationen balanserar inte"
