"""Addresses of the oversight views: comments, the checks panel, the period overview,
special oversight and the company review."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.oversight.views import cases, checks, comments, companies, overview

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "rapporter/<id:report_id>/texter/<place:place>/kommentarer/",
        comments.comments,
        name="comments",
    ),
    path(
        "rapporter/<id:report_id>/kommentarer/",
        comments.report_comments,
        name="report_comments",
    ),
    path(
        "rapporter/<id:report_id>/kommentarer/<id:comment_id>/besvarad/",
        comments.comment_resolve,
        name="comment_resolve",
    ),
    path("rapporter/<id:report_id>/kontroller/", checks.checks_panel, name="checks_panel"),
    path("perioder/<id:period_id>/", overview.period_overview, name="period_overview"),
    path(
        "organisationer/<id:organisation_id>/sarskild-uppsikt/ny/",
        cases.case_new,
        name="case_new",
    ),
    path("sarskild-uppsikt/<id:case_id>/", cases.case_detail, name="case_detail"),
    path(
        "organisationer/<id:organisation_id>/provning/<id:year>/",
        companies.company_review,
        name="company_review",
    ),
]
