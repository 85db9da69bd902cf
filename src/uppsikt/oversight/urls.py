"""Addresses of the oversight views: comments, the checks panel, the period overview."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.oversight.views import checks, comments, overview, rounds

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
    path("uppsikt/<id:period_id>/omgang/", rounds.round_page, name="oversight_round"),
    path("uppsikt/omgangar/ny/", rounds.round_open, name="round_open"),
]
