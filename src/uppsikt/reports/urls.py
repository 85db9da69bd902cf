"""Addresses of the reports' views: the hub and documents, texts, their history, the
workflow steps."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.reports.views import history, report, sections, workflow

urlpatterns: list[URLPattern | URLResolver] = [
    path("rapporter/<id:report_id>/", report.report_overview, name="report"),
    path("rapporter/<id:report_id>/dokument.<fmt:fmt>", report.report_document, name="document"),
    path(
        "rapporter/<id:report_id>/texter/<place:place>/",
        sections.section_edit,
        name="section_edit",
    ),
    path(
        "rapporter/<id:report_id>/texter/<place:place>/forhandsgranska/",
        sections.section_preview,
        name="section_preview",
    ),
    path(
        "rapporter/<id:report_id>/texter/<place:place>/historik/",
        history.section_history,
        name="section_history",
    ),
    path(
        "rapporter/<id:report_id>/jamfor-perioder/",
        history.compare_periods,
        name="compare_periods",
    ),
    path(
        "rapporter/<id:report_id>/steg/<str:action>/",
        workflow.report_action,
        name="report_action",
    ),
]
