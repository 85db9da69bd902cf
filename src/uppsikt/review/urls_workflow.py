"""Addresses of this area's views (included from `uppsikt.web.urls`)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.review.views import audit, checks, goals, overview, workflow

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "rapporter/<int:report_id>/steg/<str:action>/",
        workflow.report_action,
        name="report_action",
    ),
    path("rapporter/<int:report_id>/mal/<str:goal_key>/", goals.goal_edit, name="goal_edit"),
    path(
        "rapporter/<int:report_id>/budgetuppdrag/<str:assignment_key>/",
        goals.assignment_edit,
        name="assignment_edit",
    ),
    path("rapporter/<int:report_id>/avvikelser/", goals.variances, name="variances"),
    path("rapporter/<int:report_id>/kontroller/", checks.checks_panel, name="checks_panel"),
    path("rapporter/<int:report_id>/logg/", audit.audit_log, name="audit_log"),
    path("perioder/<int:period_id>/", overview.period_overview, name="period_overview"),
]
