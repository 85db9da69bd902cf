"""Addresses of the oversight views: comments, the checks panel, the period overview."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.oversight.views import checks, comments, economy, organisation, overview

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
    # economy
    path("uppsikt/<id:period_id>/ekonomi/", economy.economy_page, name="oversight_economy"),
    path("uppsikt/<id:period_id>/ekonomi.csv", economy.economy_csv, name="oversight_economy_csv"),
    path(
        "uppsikt/<id:period_id>/ekonomi.xlsx", economy.economy_xlsx, name="oversight_economy_xlsx"
    ),
    path(
        "uppsikt/<id:period_id>/organisationer/<id:organisation_id>/",
        organisation.organisation_view,
        name="oversight_organisation",
    ),
]
