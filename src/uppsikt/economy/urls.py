"""Addresses of the economy's views: the explanations of variances, the forecasts."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.economy import forecast_views, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("rapporter/<id:report_id>/avvikelser/", views.variances, name="variances"),
    path(
        "organisationer/<id:organisation_id>/prognoser/<id:year>/",
        forecast_views.forecast_entry,
        name="forecast_entry",
    ),
]
