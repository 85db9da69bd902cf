"""Addresses of this area's views (included from `uppsikt.web.urls`)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
