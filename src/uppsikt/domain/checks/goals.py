"""Rules on the goal follow-ups: every directed goal is assessed, with motivations."""

from __future__ import annotations

from collections.abc import Iterator

from uppsikt.domain.checks.findings import Finding, Severity
from uppsikt.domain.model import Report


def check_goal_assessments(report: Report) -> Iterator[Finding]:
    """Each council goal directed to the organisation this year has a yearly assessment with
    a motivation and a term outlook with a motivation."""
    for goal in report.directed_goals():
        follow_up = report.follow_up(goal.key)
        where = f"Kommunfullmäktigemål ”{goal.title}”"
        if follow_up is None:
            yield Finding(
                "goals.follow_up",
                Severity.ERROR,
                f"Målet är riktat till {report.owner.name} {report.period.year} men saknar "
                "uppföljning. Lägg till bidrag, bedömning och förväntad förflyttning.",
                f"goal:{goal.key}",
                where,
            )
            continue
        place = f"follow_up:{goal.key}"
        if follow_up.year_assessment is None:
            yield Finding(
                "goals.assessment",
                Severity.ERROR,
                "Bedömning för året saknas. Ange Uppnåtts, Delvis uppnåtts eller Ej uppnåtts.",
                f"{place}/assessment",
                where,
            )
        if not follow_up.year_motivation.strip():
            yield Finding(
                "goals.assessment_motivation",
                Severity.ERROR,
                "Bedömningen för året saknar motivering. Beskriv vad bedömningen baseras på.",
                f"{place}/assessment",
                where,
            )
        if follow_up.term_outlook is None:
            yield Finding(
                "goals.term_outlook",
                Severity.ERROR,
                "Bedömning av förväntad förflyttning för mandatperioden saknas.",
                f"{place}/outlook",
                where,
            )
        if not follow_up.term_motivation.strip():
            yield Finding(
                "goals.term_outlook_motivation",
                Severity.ERROR,
                "Bedömningen av förväntad förflyttning saknar motivering.",
                f"{place}/outlook",
                where,
            )
        if not follow_up.contributions and not follow_up.intro.strip():
            yield Finding(
                "goals.contributions",
                Severity.WARNING,
                "Uppföljningen beskriver inget bidrag till målet. Lägg till minst ett avsnitt.",
                place,
                where,
            )
    directed = {goal.key for goal in report.directed_goals()}
    for follow_up in report.goal_follow_ups:
        if follow_up.goal not in directed:
            yield Finding(
                "goals.not_directed",
                Severity.WARNING,
                f"Målet är inte riktat till {report.owner.name} {report.period.year}, men "
                "rapporten följer upp det. Kontrollera riktningen i goals.yaml.",
                f"follow_up:{follow_up.goal}",
                f"Uppföljning av {follow_up.goal}",
            )


def check_budget_assignments(report: Report) -> Iterator[Finding]:
    """Each budget assignment has a report text."""
    for assignment in report.budget_assignments:
        if not assignment.report.strip():
            yield Finding(
                "budget_assignments.report",
                Severity.WARNING,
                "Budgetuppdraget saknar redovisning. Beskriv hur arbetet har gått.",
                f"budget_assignment:{assignment.key}",
                f"Budgetuppdrag ”{assignment.title[:60]}…”",
            )
