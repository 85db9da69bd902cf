"""A report's hub (status, workflow, texts, goals, checks, downloads) and its documents."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from uppsikt.documents.render import renderer
from uppsikt.domain.workflow import Action
from uppsikt.oversight.lacks import workflow_summary
from uppsikt.reports.access import access_report
from uppsikt.reports.places import section_places
from uppsikt.reports.reading import cached_report, download_name, rendered
from uppsikt.reports.views.sections import hub_sections


@login_required
@require_GET
def report_document(request: HttpRequest, report_id: int, fmt: str) -> HttpResponse:
    """The report as a document: the HTML page inline, PDF and DOCX as downloads."""
    access = access_report(request.user, report_id)
    data = rendered(access, fmt)
    response = HttpResponse(data, content_type=renderer(fmt).media_type)
    if fmt != "html":
        name = download_name(access, renderer(fmt).extension)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def report_overview(request: HttpRequest, report_id: int) -> HttpResponse:
    """The report's hub: status and workflow, texts to write, goals, checks, downloads."""
    access = access_report(request.user, report_id)
    report, _ = cached_report(access)
    places = section_places(report)
    context = {
        "access": access,
        "report_row": access.report,
        "report": report,
        "places": places,
        "section_items": hub_sections(access, places),
        "summary": workflow_summary(access),
        "Action": {action.name: action for action in Action},
        "nav": "home",
    }
    return render(request, "reports/report.html", context)
