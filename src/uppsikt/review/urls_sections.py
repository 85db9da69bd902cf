"""Addresses of this area's views (included from `uppsikt.web.urls`)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.review.views import comments, history, sections

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "rapporter/<int:report_id>/texter/<place:place>/",
        sections.section_edit,
        name="section_edit",
    ),
    path(
        "rapporter/<int:report_id>/texter/<place:place>/forhandsgranska/",
        sections.section_preview,
        name="section_preview",
    ),
    path(
        "rapporter/<int:report_id>/texter/<place:place>/historik/",
        history.section_history,
        name="section_history",
    ),
    path(
        "rapporter/<int:report_id>/texter/<place:place>/kommentarer/",
        comments.comments,
        name="comments",
    ),
    path(
        "rapporter/<int:report_id>/kommentarer/",
        comments.report_comments,
        name="report_comments",
    ),
    path(
        "rapporter/<int:report_id>/kommentarer/<int:comment_id>/besvarad/",
        comments.comment_resolve,
        name="comment_resolve",
    ),
    path(
        "rapporter/<int:report_id>/jamfor-perioder/",
        history.compare_periods,
        name="compare_periods",
    ),
]
