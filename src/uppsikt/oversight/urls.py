"""Addresses of the oversight views: comments, the checks panel, the period overview, the
goals × organisations matrix, the budget assignments register, the economy overview, the
organisation page, reporting rounds, special oversight and the company review."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.oversight.views import (
    assignments,
    cases,
    checks,
    comments,
    companies,
    economy,
    matrix,
    organisation,
    overview,
    rounds,
)

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
    path("uppsikt/<id:period_id>/mal/", matrix.oversight_matrix, name="oversight_matrix"),
    path(
        "uppsikt/<id:period_id>/mal.csv", matrix.oversight_matrix_csv, name="oversight_matrix_csv"
    ),
    path(
        "uppsikt/<id:period_id>/mal.xlsx",
        matrix.oversight_matrix_xlsx,
        name="oversight_matrix_xlsx",
    ),
    path(
        "uppsikt/<id:period_id>/budgetuppdrag/",
        assignments.oversight_assignments,
        name="oversight_assignments",
    ),
    path(
        "uppsikt/<id:period_id>/budgetuppdrag.csv",
        assignments.oversight_assignments_csv,
        name="oversight_assignments_csv",
    ),
    path(
        "uppsikt/<id:period_id>/budgetuppdrag.xlsx",
        assignments.oversight_assignments_xlsx,
        name="oversight_assignments_xlsx",
    ),
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
    path("uppsikt/<id:period_id>/omgang/", rounds.round_page, name="oversight_round"),
    path("uppsikt/omgangar/ny/", rounds.round_open, name="round_open"),
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
