"""`uppsikt check`: every rule over a report, findings sorted by severity and place."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from uppsikt.domain.checks.carried import check_carried_texts
from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.checks.goals import check_budget_assignments, check_goal_assessments
from uppsikt.domain.checks.lix import LixScore, check_readability, lix_scores
from uppsikt.domain.checks.markers import check_markers
from uppsikt.domain.checks.prose import check_prose_amounts
from uppsikt.domain.checks.settings import CheckSettings
from uppsikt.domain.checks.tables import check_tables, rounding_notes
from uppsikt.domain.checks.ties import check_ties
from uppsikt.domain.checks.variances import check_variance_explanations
from uppsikt.domain.model import Report

__all__ = [
    "RULES",
    "CheckResult",
    "CheckSettings",
    "Finding",
    "LixScore",
    "Severity",
    "lix_scores",
    "rounding_notes",
    "run_checks",
]

Rule = Callable[[Report, CheckSettings], Iterable[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    key: str
    description: str
    run: Rule


RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        "goals",
        "Varje riktat mål har bedömning med motivering och förväntad förflyttning.",
        lambda report, _: check_goal_assessments(report),
    ),
    RuleInfo(
        "budget_assignments",
        "Varje budgetuppdrag är redovisat.",
        lambda report, _: check_budget_assignments(report),
    ),
    RuleInfo(
        "markers",
        "Varje {{ table: … }} och {{ generated: … }} i texterna hänvisar till något som finns.",
        lambda report, _: check_markers(report),
    ),
    RuleInfo(
        "tables",
        "Tabellernas rader summerar till angivna summor; formler (t.ex. avvikelse) stämmer.",
        lambda report, _: check_tables(report),
    ),
    RuleInfo(
        "ties",
        "Samma belopp i olika tabeller stämmer överens.",
        lambda report, _: check_ties(report),
    ),
    RuleInfo(
        "variances",
        "Avvikelser per budgetområde över tröskeln är förklarade.",
        check_variance_explanations,
    ),
    RuleInfo(
        "prose",
        "Belopp i sammanfattningens och ekonomiavsnittens text stämmer med tabellerna.",
        lambda report, _: check_prose_amounts(report),
    ),
    RuleInfo("readability", "LIX per avsnitt; över tröskeln flaggas.", check_readability),
    RuleInfo(
        "carried",
        "Texter som förifyllts från förra rapporten är uppdaterade (raden ”Förifylld från …” "
        "borttagen).",
        lambda report, _: check_carried_texts(report),
    ),
)


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def ok(self) -> bool:
        return self.count(Severity.ERROR) == 0

    def summary(self) -> str:
        """'2 fel, 5 varningar, 11 noteringar'."""
        errors = self.count(Severity.ERROR)
        warnings = self.count(Severity.WARNING)
        notes = self.count(Severity.NOTE)
        return (
            f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}, "
            f"{notes} {'notering' if notes == 1 else 'noteringar'}"
        )


def run_checks(report: Report, settings: CheckSettings | None = None) -> CheckResult:
    """Run every rule; findings sorted errors first, then in report order."""
    settings = settings or CheckSettings.for_report(report)
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule.run(report, settings))
    ordered = sorted(enumerate(findings), key=lambda item: (item[1].severity.rank, item[0]))
    return CheckResult(tuple(finding for _, finding in ordered))
