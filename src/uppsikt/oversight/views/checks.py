"""The live validation panel: the findings of `uppsikt check`, each linking to its place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import engines
from django.template.base import Template
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET

from uppsikt.domain.checks import Finding, Severity
from uppsikt.domain.model import Report as DomainReport
from uppsikt.domain.workflow import Action
from uppsikt.oversight.lacks import checked_report, workflow_summary
from uppsikt.reports.access import access_report
from uppsikt.reports.places import PLACE_PATTERN

_SECTION = re.compile(PLACE_PATTERN)
_GOAL = re.compile(r"(?:follow_up|goal):([A-Za-z0-9_.\-]+)(?:/(?:assessment|outlook))?")
_ASSIGNMENT = re.compile(r"budget_assignment:([A-Za-z0-9_.\-]+)")
_TABLE = re.compile(r"table:([A-Za-z0-9_.\-]+)(?:/.*)?")


@dataclass(frozen=True)
class LinkedFinding:
    finding: Finding
    url: str


def _reverse(name: str, *args: object) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # a view not (yet) installed: fall back to the document
        return None


def finding_url(report_id: int, place: str, report: DomainReport) -> str:
    """Where a person fixes what a finding at `place` is about."""
    url: str | None = None
    if _SECTION.fullmatch(place):
        url = _reverse("section_edit", report_id, place)
    elif match := _GOAL.fullmatch(place):
        if report.follow_up(match.group(1)) is not None:
            url = _reverse("goal_edit", report_id, match.group(1))
        else:
            url = f"{reverse('report', args=[report_id])}#goals-heading"
    elif match := _ASSIGNMENT.fullmatch(place):
        url = _reverse("assignment_edit", report_id, match.group(1))
    elif (
        (match := _TABLE.fullmatch(place))
        and report.has_table(match.group(1))
        and report.table(match.group(1)).kind == "budget_areas"
    ):
        url = _reverse("variances", report_id)
    return url or reverse("document", args=[report_id, "html"])


@cache
def _fragment() -> Template:
    """A layout that renders only the content block: the panel as an htmx partial."""
    wrapper = engines["django"].from_string("{% block content %}{% endblock %}")
    template: Template = wrapper.template  # type: ignore[attr-defined]
    return template


@login_required
@require_GET
def checks_panel(request: HttpRequest, report_id: int) -> HttpResponse:
    """The findings grouped by severity; a whole page without htmx, a partial with it
    (which also refreshes the hub's summary of what is missing)."""
    access = access_report(request.user, report_id)
    report, result = checked_report(access)
    groups = {
        severity: [
            LinkedFinding(finding, finding_url(report_id, finding.place, report))
            for finding in result.findings
            if finding.severity is severity
        ]
        for severity in Severity
    }
    partial = request.headers.get("HX-Request") == "true"
    context = {
        "layout": _fragment() if partial else "web/base.html",
        "partial": partial,
        "access": access,
        "report_row": access.report,
        "report": report,
        "result": result,
        "errors": groups[Severity.ERROR],
        "warnings": groups[Severity.WARNING],
        "notes": groups[Severity.NOTE],
        "summary": workflow_summary(access),
        "Action": {action.name: action for action in Action},
        "nav": "home",
    }
    return render(request, "oversight/_checks_panel.html", context)
