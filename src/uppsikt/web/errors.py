"""The server-error page: no internals, only what the user can do and the request id."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

from uppsikt.web.request_id import current_request_id


def server_error(request: HttpRequest) -> HttpResponse:
    """Like Django's own 500 view, without the request context (the error may lie there),
    plus the request id that the log record of the error carries."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_id": current_request_id()}))
