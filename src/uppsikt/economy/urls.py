"""Addresses of the economy's views: the explanations of variances."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.economy import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("rapporter/<id:report_id>/avvikelser/", views.variances, name="variances"),
]
