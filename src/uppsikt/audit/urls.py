"""Addresses of the audit log's views."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from uppsikt.audit import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("rapporter/<id:report_id>/logg/", views.audit_log, name="audit_log"),
]
