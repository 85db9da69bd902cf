"""Addresses of the goals' views: a goal's follow-up and assessment, a budget assignment."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.goals import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("rapporter/<id:report_id>/mal/<str:goal_key>/", views.goal_edit, name="goal_edit"),
    path(
        "rapporter/<id:report_id>/budgetuppdrag/<str:assignment_key>/",
        views.assignment_edit,
        name="assignment_edit",
    ),
]
