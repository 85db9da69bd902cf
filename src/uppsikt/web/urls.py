"""The web app's addresses. Each area's views keep their own `urlpatterns`."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path, register_converter

from uppsikt.documents.render import FORMATS
from uppsikt.reports.places import PLACE_PATTERN
from uppsikt.web import views
from uppsikt.web.converters import IdConverter, bounded


class FormatConverter:
    """A document format of the renderer registry, e.g. `pdf`."""

    regex = "|".join(FORMATS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class PlaceConverter:
    """A section's place in a report, e.g. `chapter:economy/section:2`; the section's
    number is bounded like an id (it becomes a query offset)."""

    regex = PLACE_PATTERN

    def to_python(self, value: str) -> str:
        bounded(value.rsplit(":", 1)[-1])
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "fmt")
register_converter(PlaceConverter, "place")
# Every id in a path is an `<id:…>`, never Django's unbounded `<id:…>`.
register_converter(IdConverter, "id")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("", include("uppsikt.reports.urls")),
    path("", include("uppsikt.goals.urls")),
    path("", include("uppsikt.economy.urls")),
    path("", include("uppsikt.oversight.urls")),
    path("", include("uppsikt.audit.urls")),
]
