"""`uppsikt check` on the demo reports the seed's own inconsistencies, truthfully."""

from __future__ import annotations

from uppsikt.domain.checks import CheckResult, Finding, Severity


def _find(result: CheckResult, rule: str, place_part: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule and place_part in f.place]


def test_goals_are_complete(checked: CheckResult) -> None:
    assert [f for f in checked.findings if f.rule.startswith("goals.")] == []


def test_income_in_the_net_cost_trend_includes_financial_income(
    checked: CheckResult,
) -> None:
    """Intäkter 254 272 tkr (nettokostnad) = 254 254 + 19 tkr (resultaträkning), rounded."""
    findings = _find(checked, "ties.same_figure", "income_statement/row:total_income")
    assert [f.severity for f in findings] == [Severity.NOTE]
    assert "254\u00a0272" in findings[0].message and "254\u00a0254" in findings[0].message


def test_budget_area_variance_rounding_slips_are_notes(checked: CheckResult) -> None:
    """Marknad: -20 261 - (-18 171) = -2 090, the seed states -2 091."""
    findings = _find(checked, "tables.column_formula", "budget_areas/row:")
    assert findings and all(f.severity is Severity.NOTE for f in findings)
    assert any("2\u00a0090" in f.message and "2\u00a0091" in f.message for f in findings)


def test_appropriation_total_rounding_is_a_note(checked: CheckResult) -> None:
    """47,6 + 91,3 + 31,7 = 170,6 Mkr, the seed states 170,5."""
    findings = _find(checked, "tables.row_sum", "appropriations/row:total/col:budget")
    assert [f.severity for f in findings] == [Severity.NOTE]


def test_truncated_allocation_is_a_warning(checked: CheckResult) -> None:
    """516 952 tkr rounds to 517,0 Mkr; the allocation table says 516,9."""
    findings = _find(checked, "ties.same_figure", "allocation_changes/row:final")
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_prose_slips_are_found(checked: CheckResult) -> None:
    messages = " ".join(f.message for f in checked.findings if f.rule == "prose.amounts")
    assert "8,5 Mkr" in messages  # personnel 8 551 tkr is 8,6 Mkr
    assert "10,7 Mkr" in messages  # 1 571 + 2 507 + 6 708 = 10 786 tkr is 10,8 Mkr
    assert "5,3 Mkr" in messages  # income 254 272 - 248 895 = 5 377 tkr is 5,4 Mkr
    assert "9,9 Mkr" in messages  # procurement 9 994 tkr is 10,0 Mkr
    notes = [
        f for f in checked.findings if f.rule == "prose.amounts" and f.severity.value == "note"
    ]
    assert any("42,6 Mkr" in f.message for f in notes)  # no table holds it: not verifiable


def test_large_budget_area_variances_are_explained(checked: CheckResult) -> None:
    assert [f for f in checked.findings if f.rule == "variances.explanation"] == []


def test_every_finding_names_a_file_and_line(checked: CheckResult, loaded: object) -> None:
    from uppsikt.importers.package import LoadedPackage

    assert isinstance(loaded, LoadedPackage)
    assert checked.findings
    for finding in checked.findings:
        location = loaded.locations.find(finding.place)
        assert location is not None, finding.place
        assert location.line >= 1
